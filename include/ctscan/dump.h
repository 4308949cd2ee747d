/* The ctscan dump (design.md "Input formats" 1): a zstd file that any zstd
 * decoder reads as the plain TileLeaf stream, and that ctscan reads frame by
 * frame in parallel.
 *
 * Layout, frame by frame (zstd format, RFC 8878 section 3.1; seekable
 * format, zstd contrib/seekable_format/zstd_seekable_compression_format.md):
 *
 *   skippable frame 0x184D2A5C   metadata, JSON:
 *       {"format":"ctscan-dump","version":1,"log":"<origin>",
 *        "first_index":N,"entries":N,"tiles_per_frame":K}
 *   skippable frame 0x184D2A5D   issuer certificates: (u24 length, DER)*
 *   zstd frame                   K * 256 whole TileLeaf records
 *   ...                          (the last data frame may hold fewer)
 *   [skippable frame 0x184D2A5D] issuers added after the first leaf
 *   skippable frame 0x184D2A5E   seek table: one entry per frame above,
 *                                skippable frames included, then the footer
 *                                (frame count u32 LE, descriptor 0, magic
 *                                0x8F92EAB1 u32 LE, the file's last bytes)
 *
 * The entry count is known only at close. The writer reserves it in the
 * metadata as a number followed by spaces, 20 characters in all (JSON allows
 * whitespace after a value, RFC 8259 section 2), and overwrites it in place
 * at close; so the output must be a regular, seekable file. Everything else
 * is written as it is produced: memory is one frame's records plus the
 * issuers, whatever the number of entries.
 *
 * Data frames carry their content size and an XXH64 content checksum
 * (RFC 8878 3.1.1.1.1); the seek table has no checksums (descriptor 0).
 * Reading a dump (seek table, metadata) is the source stage's job:
 * cts_dump_index() in source.h. */
#ifndef CTSCAN_DUMP_H
#define CTSCAN_DUMP_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/status.h"

/* Skippable frame magics (RFC 8878 3.1.2); source.h, which reads dumps,
 * names the first two the same way. */
#ifndef CTS_DUMP_MAGIC_METADATA
#define CTS_DUMP_MAGIC_METADATA 0x184D2A5Cu
#endif
#ifndef CTS_DUMP_MAGIC_ISSUERS
#define CTS_DUMP_MAGIC_ISSUERS 0x184D2A5Du
#endif
#define CTS_DUMP_MAGIC_SEEK_TABLE 0x184D2A5Eu /* seekable format */
#define CTS_DUMP_SEEKABLE_MAGIC 0x8F92EAB1u   /* seek table footer */
#define CTS_DUMP_SEEK_FOOTER_LEN 9            /* frames u32, descriptor, magic */
#define CTS_DUMP_TILE_ENTRIES 256             /* C2SP tlog-tiles: full tile */
#define CTS_DUMP_DEFAULT_TILES_PER_FRAME 16
#define CTS_DUMP_MAX_TILES_PER_FRAME 4096
#define CTS_DUMP_DEFAULT_LEVEL 3
/* Width of the reserved "entries" field: the digits of any uint64_t. */
#define CTS_DUMP_ENTRIES_FIELD_WIDTH 20

typedef struct cts_dump_writer cts_dump_writer;

/* Creates (truncates) path and writes the metadata frame. log_origin is the
 * log's origin line (C2SP tlog-checkpoint), any UTF-8; NULL writes "".
 * first_index is the log index of the first leaf to be added.
 * tiles_per_frame is K (0 means CTS_DUMP_DEFAULT_TILES_PER_FRAME; at most
 * CTS_DUMP_MAX_TILES_PER_FRAME); zstd_level is any level libzstd accepts.
 * Returns CTS_ERR_USAGE for a bad argument, CTS_ERR_IO (errno kept) when
 * the file cannot be created, CTS_ERR_NOMEM. */
cts_status cts_dump_writer_open(const char *path, const char *log_origin,
                                uint64_t first_index, unsigned tiles_per_frame,
                                int zstd_level, cts_dump_writer **out);

/* Adds one issuer certificate (DER) to the bundle. A certificate already in
 * the bundle (same bytes) is not added again. Issuers added before the
 * first leaf go into the issuer frame at the front; later ones into a second
 * issuer frame just before the seek table. len must fit in a u24. */
cts_status cts_dump_writer_add_issuer(cts_dump_writer *w, const uint8_t *der,
                                      size_t len);

/* Appends one whole TileLeaf record (C2SP static-ct-api), as it is to
 * appear in the decompressed stream; its bytes are not interpreted. Every
 * K * 256 records a data frame is compressed and written. */
cts_status cts_dump_writer_add_leaf(cts_dump_writer *w, const uint8_t *leaf,
                                    size_t len);

/* Leaves added so far. */
uint64_t cts_dump_writer_entries(const cts_dump_writer *w);

/* Writes the last data frame, the late issuer frame if any and the seek
 * table, patches the entry count, closes the file and frees w (also on
 * error, when the partial file is removed). */
cts_status cts_dump_writer_close(cts_dump_writer *w);

/* Frees w and removes the partial file. NULL is a no-op. */
void cts_dump_writer_abort(cts_dump_writer *w);

#endif
