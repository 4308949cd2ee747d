/* The container stage: decompressed bytes to CT entries.
 *
 * Formats (design.md "Input formats"), detected from content:
 *  - a stream of static-ct-api TileLeaf records (C2SP static-ct-api);
 *  - RFC 6962 get-entries responses ({"entries":[{"leaf_input",
 *    "extra_data"}]}), one JSON document or JSON Lines of documents or of
 *    bare {"leaf_input","extra_data"} objects;
 *  - one DER certificate, or PEM text with any number of CERTIFICATE blocks.
 *
 * Malformed input never stops the scan: each problem is reported through
 * the sink's on_error with the input name, the byte offset in the
 * decompressed stream, the entry index and a reason, and reading goes on
 * with the next entry that can be found. */
#ifndef CTSCAN_CONTAINER_H
#define CTSCAN_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/entry.h"
#include "ctscan/source.h"
#include "ctscan/status.h"

typedef enum cts_format {
  CTS_FORMAT_UNKNOWN = 0,
  CTS_FORMAT_TILELEAF = 1,
  CTS_FORMAT_GET_ENTRIES = 2, /* JSON or JSON Lines */
  CTS_FORMAT_DER = 3,
  CTS_FORMAT_PEM = 4,
} cts_format;

/* Guesses the format from the first bytes of a decompressed stream. */
cts_format cts_container_detect(const uint8_t *data, size_t len);
const char *cts_format_name(cts_format format);

typedef struct cts_entry_sink {
  /* One well-framed entry. A non-OK return stops reading and is returned
   * from cts_container_read. */
  cts_status (*on_entry)(void *ctx, const cts_entry *entry);
  /* A problem at offset of input. lost is the number of entries it
   * accounts for: 1 for one bad entry; for a unit of known size
   * (expected_entries) that ends early or cannot be resynchronised, every
   * entry not delivered; 1 when the count cannot be known. index is the
   * index the first lost entry would have had. */
  void (*on_error)(void *ctx, const char *input, uint64_t offset,
                   uint64_t index, uint64_t lost, const char *reason);
  void *ctx;
} cts_entry_sink;

/* Reads every entry of stream (unit in describes where its indices start
 * and how many entries it must hold). Returns CTS_OK when the input was
 * read to its end or given up on after on_error; a negative status only
 * for CTS_ERR_NOMEM or an error returned by on_entry. */
cts_status cts_container_read(cts_stream *stream, const cts_input *in,
                              const cts_entry_sink *sink);

/* Parses one TileLeaf record at the front of *cur (C2SP static-ct-api):
 *   timestamp u64 · entry_type u16 ·
 *   (x509: u24 cert | precert: issuer_key_hash[32] · u24 TBS) ·
 *   u16 extensions · (precert only: u24 pre_certificate) ·
 *   u16 fingerprints (n * 32 bytes)
 * and, when the extensions hold a leaf_index (type 0, uint40), sets
 * out->index and out->index_known. Returns 1 and advances, or 0 and sets
 * *out_reason to a static string. */
int cts_container_parse_tileleaf(cts_der *cur, cts_entry *out,
                                 const char **out_reason);

/* Parses an RFC 6962 MerkleTreeLeaf (3.4) and its extra_data (4.6):
 * fills type, timestamp, cert/tbs, issuer_key_hash, pre_cert and chain. */
int cts_container_parse_merkle_leaf(const uint8_t *leaf, size_t leaf_len,
                                    const uint8_t *extra, size_t extra_len,
                                    cts_entry *out, const char **out_reason);

#endif
