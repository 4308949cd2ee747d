/* Internal interfaces of the container stage (src/container/). Nothing
 * outside this folder includes this file, except the container tests. */
#ifndef CTSCAN_CONTAINER_INTERNAL_H
#define CTSCAN_CONTAINER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/container.h"
#include "ctscan/der.h"
#include "ctscan/entry.h"
#include "ctscan/source.h"
#include "ctscan/status.h"

/* --- base64 (RFC 4648 section 4) -------------------------------------- */

/* Upper bound of the bytes that len characters of base64 decode to. */
size_t cts_base64_decoded_max(size_t len);

/* Strict decoder of the base64 alphabet of RFC 4648 section 4: padding is
 * required (the encoded length is a multiple of 4 characters), '=' appears
 * only at the end, and the pad bits must be zero (canonical encoding, RFC
 * 4648 section 3.5). With allow_space, ASCII whitespace (SP, HT, CR, LF)
 * anywhere is skipped (the line breaks of PEM, RFC 7468 section 3); without
 * it, any character outside the alphabet is an error. out must hold
 * cts_base64_decoded_max(len) bytes. Returns 1 and sets *out_len, or 0. */
int cts_base64_decode(const uint8_t *in, size_t len, int allow_space,
                      uint8_t *out, size_t *out_len);

/* --- a growable scratch buffer ---------------------------------------- */

typedef struct cts_buf {
  uint8_t *data;
  size_t cap;
} cts_buf;

/* Makes room for n bytes (contents are not kept). Returns 1, or 0 when
 * the allocation failed. */
int cts_buf_reserve(cts_buf *buf, size_t n);
void cts_buf_free(cts_buf *buf);

/* --- record parsing shared by TileLeaf and MerkleTreeLeaf -------------- */

/* Parses a TimestampedEntry (RFC 6962 section 3.4) into out: timestamp,
 * entry_type, the signed entry (x509 certificate, or issuer_key_hash and
 * TBSCertificate of a PreCert) and the extensions. With strict_extensions
 * the extensions must be a static-ct-api CtExtensions list and a leaf_index
 * sets out->index and out->index_known; without it they are opaque, as in
 * RFC 6962. Returns 1, or 0 with *out_reason set. */
int cts_parse_timestamped_entry(cts_der *cur, cts_entry *out,
                                int strict_extensions,
                                const char **out_reason);

typedef enum cts_frame_result {
  CTS_FRAME_OK = 0,        /* *out_size is the record's size */
  CTS_FRAME_NEED_MORE = 1, /* *out_size bytes at least are needed */
  CTS_FRAME_BAD = 2,       /* not a TileLeaf (*out_reason set) */
} cts_frame_result;

/* Computes the size of the TileLeaf record at the front of data from its
 * length fields alone, reading only the avail bytes there. */
cts_frame_result cts_tileleaf_frame(const uint8_t *data, size_t avail,
                                    size_t *out_size,
                                    const char **out_reason);

/* --- the reader shared by the format readers --------------------------- */

typedef struct cts_reader {
  cts_stream *stream;
  const cts_entry_sink *sink;
  const char *name;       /* input name for entries and errors */
  uint64_t first_index;   /* cts_input.first_index */
  int index_known;        /* cts_input.index_known */
  uint64_t expected;      /* cts_input.expected_entries, 0 if unknown */
  uint64_t position;      /* entries met so far (delivered or reported) */
  uint64_t next_index;    /* index the next entry would have */
} cts_reader;

/* Peeks want bytes of r's stream (want <= CTS_STREAM_MAX_WINDOW). On
 * return *out_avail < want means the stream stops there: cleanly when
 * *out_end_reason is NULL, else for that reason (damaged compressed data,
 * a read error). Returns CTS_OK or CTS_ERR_NOMEM. */
cts_status cts_reader_peek(cts_reader *r, size_t want,
                           const uint8_t **out_data, size_t *out_avail,
                           const char **out_end_reason);

/* Reports a problem through the sink. */
void cts_reader_error(cts_reader *r, uint64_t offset, uint64_t index,
                      uint64_t lost, const char *reason);

/* The entries a unit of known size still misses (at least 1). */
uint64_t cts_reader_lost_rest(const cts_reader *r);

/* Fills the input name and offset of entry and hands it to on_entry. */
cts_status cts_reader_deliver(cts_reader *r, cts_entry *entry,
                              uint64_t offset);

/* The format readers. Each returns CTS_OK when the input was read or given
 * up on (after on_error), CTS_ERR_NOMEM, or the status on_entry returned. */
cts_status cts_read_tileleaf(cts_reader *r);
cts_status cts_read_get_entries(cts_reader *r);
cts_status cts_read_pem(cts_reader *r);
cts_status cts_read_der(cts_reader *r);

/* Bytes the readers ask for at a time. */
#define CTS_CONTAINER_CHUNK ((size_t)64 << 10)

#endif
