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
  CTS_COMPRESSION_DEFLATE = 3, /* raw RFC 1951 deflate (zip method 8, APPNOTE
                                  4.4.5); never detected, only asked for */
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
/* As cts_stream_open_mem, but the compression is given, not detected
 * (CTS_COMPRESSION_NONE reads the bytes as they are, whatever their first
 * bytes look like). */
cts_status cts_stream_open_mem_as(const uint8_t *data, size_t len,
                                  const char *name,
                                  cts_compression compression,
                                  cts_stream **out);
void cts_stream_close(cts_stream *stream);
/* Offsets reported by cts_stream_offset start at base (a unit cut from a
 * larger decompressed stream: a dump frame). Call before reading. */
void cts_stream_set_offset_base(cts_stream *stream, uint64_t base);
/* Computes the CRC-32 (ISO 3309, as zlib's crc32) of every decompressed
 * byte, for cts_stream_finished. Call before reading. */
void cts_stream_track_crc32(cts_stream *stream);
/* After the stream was read to its end: 1 when the compressed data ended
 * cleanly, with the decompressed byte count, its CRC-32 (0 unless
 * tracked) and the compressed bytes the decoder took; 0 when it stopped
 * on damage or was not read to its end. */
int cts_stream_finished(const cts_stream *stream, uint64_t *out_bytes,
                        uint32_t *out_crc32, uint64_t *out_in_bytes);

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

/* --- ctscan dumps (design.md "Input formats" 1) ---------------------------
 *
 * A dump is zstd frames of whole TileLeaf records (K tiles of 256 per
 * frame), a skippable metadata frame (magic 0x184D2A5C, JSON), a skippable
 * issuer frame (0x184D2A5D) and, last, the seek table of the zstd seekable
 * format (contrib/seekable_format/zstd_seekable_compression_format.md):
 *   skippable frame 0x184D2A5E · Frame_Size u32le ·
 *   n × (Compressed_Size u32le · Decompressed_Size u32le [· Checksum u32le])
 *   · footer: Number_Of_Frames u32le · Seek_Table_Descriptor u8 ·
 *     Seekable_Magic_Number u32le 0x8F92EAB1.
 * The seek table lets every data frame be decompressed on its own. */

#define CTS_DUMP_MAGIC_METADATA 0x184D2A5Cu
#define CTS_DUMP_MAGIC_ISSUERS 0x184D2A5Du
#define CTS_SEEKABLE_MAGIC_SKIPPABLE 0x184D2A5Eu
#define CTS_SEEKABLE_MAGIC_FOOTER 0x8F92EAB1u
#define CTS_SEEKABLE_FOOTER_SIZE 9
#define CTS_DUMP_TILE_WIDTH 256

/* One data frame of a dump. */
typedef struct cts_dump_frame {
  uint64_t c_offset;    /* where the frame starts in the file */
  uint32_t c_size;      /* its compressed size */
  uint32_t d_size;      /* decompressed size (the seek table's word) */
  uint64_t d_offset;    /* offset of its first byte in the decompressed
                           stream (what `zstd -d` writes) */
  uint64_t first_entry; /* position of its first entry in the dump */
  uint32_t entries;     /* entries it holds (tiles_per_frame * 256, fewer
                           in the last frame) */
} cts_dump_frame;

typedef struct cts_dump_info {
  cts_dump_frame *frames; /* data frames in file order (owned) */
  size_t n_frames;
  uint64_t first_index;   /* metadata "first_index" */
  uint64_t entries;       /* metadata "entries" */
  uint32_t tiles_per_frame;
  char log[256];          /* metadata "log" (origin), may be empty */
  uint64_t issuers_offset; /* the issuer frame's contents, 0/0 if none */
  uint64_t issuers_len;
} cts_dump_info;

/* Whether data starts like a ctscan dump: a skippable frame with the
 * metadata magic. */
int cts_dump_detect(const uint8_t *data, size_t len);
/* Reads the seek table at the end of data (the whole file), walks the
 * frames it lists from the start and parses the metadata. Returns CTS_OK
 * with *out filled; CTS_ERR_FORMAT with *out_reason and *out_offset (the
 * file offset of the problem) when the seek table is missing or does not
 * describe the file, or the metadata is missing, malformed or disagrees
 * with the frames. Every offset and size is checked against len. */
cts_status cts_dump_index(const uint8_t *data, size_t len, cts_dump_info *out,
                          const char **out_reason, uint64_t *out_offset);
/* The same, reading the file (len bytes) with pread. */
cts_status cts_dump_index_fd(int fd, uint64_t len, cts_dump_info *out,
                             const char **out_reason, uint64_t *out_offset);
void cts_dump_info_free(cts_dump_info *info);
/* Parses the metadata JSON of a dump (design.md: {"format":"ctscan-dump",
 * "version":1,"log":..,"first_index":N,"entries":N,"tiles_per_frame":K}). */
cts_status cts_dump_parse_metadata(const uint8_t *json, size_t len,
                                   cts_dump_info *out,
                                   const char **out_reason);

/* --- zip archives (ct-archive) ---------------------------------------------
 *
 * PKWARE APPNOTE.TXT 6.3.x: the end of central directory record (4.3.16),
 * its ZIP64 record and locator (4.3.14, 4.3.15), central directory headers
 * (4.3.12) with the ZIP64 extended information extra field (4.5.3), and
 * local file headers (4.3.7). Every offset and length read from the file
 * is checked against the file's size before it is used. */

typedef struct cts_zip_member {
  char *name;            /* as stored (owned, NUL-terminated) */
  uint64_t header_offset; /* local file header */
  uint64_t c_size;
  uint64_t u_size;
  uint32_t crc32;
  uint16_t method;       /* 0 stored, 8 deflated */
  uint16_t flags;
} cts_zip_member;

typedef struct cts_zip {
  cts_zip_member *members;
  size_t count;
} cts_zip;

/* Whether data looks like a zip archive: a local file header (PK 3 4) or
 * an empty archive's end record at the start. */
int cts_zip_detect(const uint8_t *data, size_t len);
/* Reads the central directory of the zip archive in data[0, len). Members
 * with an unusable central entry are reported through warn (with the
 * offset) and left out; CTS_ERR_FORMAT (*out_reason, *out_offset) when
 * there is no usable end record or directory. */
cts_status cts_zip_read_directory(const uint8_t *data, size_t len,
                                  cts_zip *out,
                                  void (*warn)(void *ctx, uint64_t offset,
                                               const char *reason),
                                  void *warn_ctx, const char **out_reason,
                                  uint64_t *out_offset);
/* Locates the compressed bytes of member m from its local file header:
 * *out_offset and m->c_size, all within len. CTS_ERR_FORMAT with reason
 * when the local header is bad, disagrees with the directory, or the data
 * runs past the end of the file. lh is the first 30 bytes at
 * m->header_offset and name_extra the lengths it gives are read by the
 * caller; this takes the 30 bytes only. */
cts_status cts_zip_member_data_offset(const uint8_t lh[30], uint64_t file_len,
                                      const cts_zip_member *m,
                                      uint64_t *out_offset,
                                      const char **out_reason);
void cts_zip_free(cts_zip *zip);

/* Parses a tile path relative to tile/data (C2SP tlog-tiles: x001/x234/067,
 * or 067.p/W for a partial tile). Returns 1 with *index (the tile number)
 * and *width (0 for a full tile), or 0. */
int cts_tile_path_parse(const char *rel, uint64_t *index, uint32_t *width);

#endif
