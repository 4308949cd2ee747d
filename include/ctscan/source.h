/* The source stage: input files to decompressed byte streams.
 *
 * It knows nothing about certificates. It expands the command line's paths
 * into input units (files, the data tiles of a static-ct-api log tree) and
 * opens each unit as a cts_stream: a window over the unit's decompressed
 * bytes, whatever the compression (none, gzip, zstd: detected from magic
 * bytes, never from the file name). Raw files are memory-mapped and read
 * without copies; compressed files are decompressed a window at a time, so
 * memory is bounded by the largest record asked for, never the file size. */
#ifndef CTSCAN_SOURCE_H
#define CTSCAN_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/status.h"

typedef enum cts_compression {
  CTS_COMPRESSION_NONE = 0,
  CTS_COMPRESSION_GZIP = 1, /* RFC 1952, magic 1f 8b; members concatenated */
  CTS_COMPRESSION_ZSTD = 2, /* RFC 8878, magic 28 b5 2f fd; any number of
                               frames, skippable frames skipped */
} cts_compression;

/* One unit of input. */
typedef struct cts_input {
  char *path;               /* file to read (owned) */
  uint64_t first_index;     /* log index of the first entry, if index_known */
  int index_known;          /* 1 for data tiles of a log tree: tile N starts
                               at N * 256 (C2SP tlog-tiles) */
  uint32_t expected_entries; /* entries the unit must hold (256, or W for a
                                partial tile N.p/W); 0 when unknown */
} cts_input;

typedef struct cts_input_list {
  cts_input *items;
  size_t count;
  size_t cap;
} cts_input_list;

/* Called for a path that cannot be used (unreadable, not a file or
 * directory, a tile path that does not parse) or, as a note, for a partial
 * tile superseded by its full tile. */
typedef void (*cts_source_warn_fn)(void *ctx, const char *path,
                                   const char *reason);

/* Appends the units for path to list:
 *  - a regular file is one unit (index unknown);
 *  - a directory holding tile/data (a static-ct-api log tree), or a
 *    tile/data directory itself, gives one unit per data tile, in index
 *    order, with first_index and expected_entries from the tile path
 *    (tile/data/x001/x234/067 is tile 1234067; N.p/W is a partial tile of
 *    W entries, used only when the full tile N is absent);
 *  - any other directory gives its regular files, recursively, in byte
 *    order of their paths.
 * Returns CTS_ERR_IO for a path that does not exist (after warn). */
cts_status cts_source_expand(const char *path, cts_input_list *list,
                             cts_source_warn_fn warn, void *warn_ctx);
void cts_input_list_free(cts_input_list *list);

typedef struct cts_stream cts_stream;

/* Opens a file (memory-mapped) as a stream; compression from magic. */
cts_status cts_stream_open_file(const char *path, cts_stream **out);
/* Opens a memory buffer as a stream (borrowed; it must outlive the stream).
 * name is used in error reports. */
cts_status cts_stream_open_mem(const uint8_t *data, size_t len,
                               const char *name, cts_stream **out);
void cts_stream_close(cts_stream *stream);

/* Makes the next want decompressed bytes available at *out_data.
 * *out_avail gets the count available: >= want, or fewer only when the
 * stream ends first (then it is everything that is left). The bytes stay
 * valid until the next peek, consume or close. want may be at most
 * CTS_STREAM_MAX_WINDOW (else CTS_ERR_LIMIT). A corrupt compressed stream
 * gives CTS_ERR_DECOMPRESS; the bytes decompressed before the damage stay
 * available. */
cts_status cts_stream_peek(cts_stream *stream, size_t want,
                           const uint8_t **out_data, size_t *out_avail);
#define CTS_STREAM_MAX_WINDOW ((size_t)64 << 20)
/* Drops n bytes (n <= the last *out_avail) from the front. */
void cts_stream_consume(cts_stream *stream, size_t n);
/* Offset, in the decompressed stream, of the next unconsumed byte. */
uint64_t cts_stream_offset(const cts_stream *stream);
/* Bytes of the underlying file read so far (for progress and MB/s). */
uint64_t cts_stream_input_bytes(const cts_stream *stream);
uint64_t cts_stream_input_size(const cts_stream *stream);
cts_compression cts_stream_compression(const cts_stream *stream);
const char *cts_stream_name(const cts_stream *stream);

#endif
