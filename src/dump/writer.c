/* The ctscan dump writer (include/ctscan/dump.h). libc and libzstd only.
 *
 * Frame formats written here:
 *  - skippable frames (RFC 8878 3.1.2): magic 0x184D2A5? u32 LE, frame size
 *    u32 LE (the user data that follows), user data;
 *  - zstd frames made by ZSTD_compress2 with the content size and the XXH64
 *    checksum flags set (RFC 8878 3.1.1);
 *  - the seek table of the zstd seekable format (contrib/seekable_format/
 *    zstd_seekable_compression_format.md): a skippable frame 0x184D2A5E
 *    holding, per earlier frame, Compressed_Size u32 LE and
 *    Decompressed_Size u32 LE, then Number_Of_Frames u32 LE,
 *    Seek_Table_Descriptor (0: no checksums) and Seekable_Magic_Number
 *    0x8F92EAB1 u32 LE as the file's last bytes. "Number_Of_Frames: one for
 *    each frame in the data, not including the seek table frame", so the
 *    metadata and issuer skippable frames are listed too, with decompressed
 *    size 0 as the spec asks of skippable frames. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zstd.h>

#include "ctscan/dump.h"

typedef struct bytes {
  uint8_t *data;
  size_t len;
  size_t cap;
} bytes;

typedef struct seek_entry {
  uint32_t compressed;
  uint32_t decompressed;
} seek_entry;

struct cts_dump_writer {
  FILE *file;
  char *path;
  ZSTD_CCtx *cctx;
  uint64_t entries;
  uint32_t leaves_per_frame; /* K * 256 */
  uint32_t frame_leaves;     /* records in frame_buf */
  bytes frame_buf;           /* records of the data frame being filled */
  bytes zbuf;                /* its compressed form */
  bytes issuers_front;       /* (u24 len, DER)* before the first leaf */
  bytes issuers_late;        /* ... added after it */
  int front_written;         /* the front issuer frame is in the file */
  uint64_t *issuer_hash;     /* open addressing set of FNV-1a hashes */
  uint64_t *issuer_off;      /* where that issuer is: bit 63 = late */
  size_t issuer_slots;       /* power of two */
  size_t issuer_count;
  seek_entry *seek;
  size_t seek_count;
  size_t seek_cap;
  long entries_field; /* file offset of the reserved entries digits */
};

static cts_status bytes_reserve(bytes *b, size_t extra) {
  size_t cap = b->cap != 0 ? b->cap : 4096;
  uint8_t *p;
  if (extra > SIZE_MAX - b->len) return CTS_ERR_LIMIT;
  if (b->len + extra <= b->cap) return CTS_OK;
  while (cap < b->len + extra) {
    if (cap > SIZE_MAX / 2) return CTS_ERR_LIMIT;
    cap *= 2;
  }
  p = realloc(b->data, cap);
  if (p == NULL) return CTS_ERR_NOMEM;
  b->data = p;
  b->cap = cap;
  return CTS_OK;
}

static cts_status bytes_append(bytes *b, const void *data, size_t len) {
  cts_status st = bytes_reserve(b, len);
  if (st != CTS_OK) return st;
  if (len != 0) memcpy(b->data + b->len, data, len);
  b->len += len;
  return CTS_OK;
}

static void put_le32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

static cts_status write_all(cts_dump_writer *w, const void *data, size_t len) {
  if (len != 0 && fwrite(data, 1, len, w->file) != len) return CTS_ERR_IO;
  return CTS_OK;
}

/* Every frame written goes into the seek table. */
static cts_status seek_add(cts_dump_writer *w, size_t compressed,
                           size_t decompressed) {
  if (compressed > UINT32_MAX || decompressed > UINT32_MAX)
    return CTS_ERR_LIMIT; /* the seek table's fields are 4 bytes */
  if (w->seek_count == UINT32_MAX) return CTS_ERR_LIMIT;
  if (w->seek_count == w->seek_cap) {
    size_t cap = w->seek_cap != 0 ? w->seek_cap * 2 : 256;
    seek_entry *p = realloc(w->seek, cap * sizeof *p);
    if (p == NULL) return CTS_ERR_NOMEM;
    w->seek = p;
    w->seek_cap = cap;
  }
  w->seek[w->seek_count].compressed = (uint32_t)compressed;
  w->seek[w->seek_count].decompressed = (uint32_t)decompressed;
  w->seek_count++;
  return CTS_OK;
}

/* RFC 8878 3.1.2: Magic_Number (0x184D2A5?), Frame_Size, User_Data. */
static cts_status write_skippable(cts_dump_writer *w, uint32_t magic,
                                  const uint8_t *data, size_t len) {
  uint8_t head[8];
  cts_status st;
  if (len > UINT32_MAX - 8) return CTS_ERR_LIMIT;
  put_le32(head, magic);
  put_le32(head + 4, (uint32_t)len);
  if ((st = write_all(w, head, sizeof head)) != CTS_OK) return st;
  if ((st = write_all(w, data, len)) != CTS_OK) return st;
  return seek_add(w, len + 8, 0);
}

/* JSON string body (RFC 8259 section 7): quote, backslash and control
 * characters escaped; other bytes (UTF-8) as they are. */
static cts_status append_json_string(bytes *b, const char *s) {
  cts_status st = CTS_OK;
  for (; *s != '\0' && st == CTS_OK; s++) {
    unsigned char c = (unsigned char)*s;
    char esc[8];
    if (c == '"' || c == '\\') {
      esc[0] = '\\';
      esc[1] = (char)c;
      st = bytes_append(b, esc, 2);
    } else if (c < 0x20) {
      snprintf(esc, sizeof esc, "\\u%04x", c);
      st = bytes_append(b, esc, 6);
    } else {
      st = bytes_append(b, &c, 1);
    }
  }
  return st;
}

static cts_status write_metadata(cts_dump_writer *w, const char *origin,
                                 uint64_t first_index, unsigned k) {
  bytes json = {0};
  char num[64];
  cts_status st;
  size_t field_at;
  static const char head[] = "{\"format\":\"ctscan-dump\",\"version\":1,\"log\":\"";
  st = bytes_append(&json, head, sizeof head - 1);
  if (st == CTS_OK) st = append_json_string(&json, origin != NULL ? origin : "");
  snprintf(num, sizeof num, "\",\"first_index\":%" PRIu64 ",\"entries\":",
           first_index);
  if (st == CTS_OK) st = bytes_append(&json, num, strlen(num));
  field_at = json.len;
  /* "0" and 19 spaces now; the count, space padded, at close. */
  snprintf(num, sizeof num, "%-*d", CTS_DUMP_ENTRIES_FIELD_WIDTH, 0);
  if (st == CTS_OK) st = bytes_append(&json, num, CTS_DUMP_ENTRIES_FIELD_WIDTH);
  snprintf(num, sizeof num, ",\"tiles_per_frame\":%u}", k);
  if (st == CTS_OK) st = bytes_append(&json, num, strlen(num));
  if (st == CTS_OK) {
    w->entries_field = (long)(8 + field_at); /* after magic and size */
    st = write_skippable(w, CTS_DUMP_MAGIC_METADATA, json.data, json.len);
  }
  free(json.data);
  return st;
}

/* FNV-1a, 64 bits: only to find candidates; equality is memcmp. */
static uint64_t fnv1a(const uint8_t *p, size_t len) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
  return h | 1; /* 0 marks an empty slot */
}

#define LATE_BIT (UINT64_C(1) << 63)

static int issuer_equal(const cts_dump_writer *w, uint64_t where,
                        const uint8_t *der, size_t len) {
  const bytes *b = (where & LATE_BIT) ? &w->issuers_late : &w->issuers_front;
  const uint8_t *p = b->data + (where & ~LATE_BIT);
  size_t n = (size_t)p[0] << 16 | (size_t)p[1] << 8 | p[2];
  return n == len && memcmp(p + 3, der, len) == 0;
}

static cts_status issuer_set_grow(cts_dump_writer *w) {
  size_t slots = w->issuer_slots != 0 ? w->issuer_slots * 2 : 64;
  uint64_t *hash = calloc(slots, sizeof *hash);
  uint64_t *off = calloc(slots, sizeof *off);
  if (hash == NULL || off == NULL) {
    free(hash);
    free(off);
    return CTS_ERR_NOMEM;
  }
  for (size_t i = 0; i < w->issuer_slots; i++) {
    size_t j;
    if (w->issuer_hash[i] == 0) continue;
    for (j = w->issuer_hash[i] & (slots - 1); hash[j] != 0;
         j = (j + 1) & (slots - 1)) {
    }
    hash[j] = w->issuer_hash[i];
    off[j] = w->issuer_off[i];
  }
  free(w->issuer_hash);
  free(w->issuer_off);
  w->issuer_hash = hash;
  w->issuer_off = off;
  w->issuer_slots = slots;
  return CTS_OK;
}

cts_status cts_dump_writer_add_issuer(cts_dump_writer *w, const uint8_t *der,
                                      size_t len) {
  uint64_t h;
  size_t j;
  bytes *b;
  uint8_t u24[3];
  cts_status st;
  if (w == NULL || (der == NULL && len != 0) || len == 0 || len > 0xffffff)
    return CTS_ERR_USAGE;
  if (2 * (w->issuer_count + 1) > w->issuer_slots &&
      (st = issuer_set_grow(w)) != CTS_OK)
    return st;
  h = fnv1a(der, len);
  for (j = h & (w->issuer_slots - 1); w->issuer_hash[j] != 0;
       j = (j + 1) & (w->issuer_slots - 1))
    if (w->issuer_hash[j] == h && issuer_equal(w, w->issuer_off[j], der, len))
      return CTS_OK; /* already in the bundle */
  b = w->front_written ? &w->issuers_late : &w->issuers_front;
  u24[0] = (uint8_t)(len >> 16);
  u24[1] = (uint8_t)(len >> 8);
  u24[2] = (uint8_t)len;
  w->issuer_hash[j] = h;
  w->issuer_off[j] = (uint64_t)b->len | (w->front_written ? LATE_BIT : 0);
  if ((st = bytes_append(b, u24, 3)) != CTS_OK ||
      (st = bytes_append(b, der, len)) != CTS_OK) {
    w->issuer_hash[j] = 0;
    return st;
  }
  w->issuer_count++;
  return CTS_OK;
}

static cts_status write_front_issuers(cts_dump_writer *w) {
  cts_status st;
  if (w->front_written) return CTS_OK;
  st = write_skippable(w, CTS_DUMP_MAGIC_ISSUERS, w->issuers_front.data,
                       w->issuers_front.len);
  if (st == CTS_OK) w->front_written = 1;
  return st;
}

/* One zstd frame of the buffered records (RFC 8878 3.1.1). */
static cts_status flush_frame(cts_dump_writer *w) {
  size_t bound, n;
  cts_status st;
  if (w->frame_leaves == 0) return CTS_OK;
  if (w->frame_buf.len > UINT32_MAX) return CTS_ERR_LIMIT;
  bound = ZSTD_compressBound(w->frame_buf.len);
  if (bound > w->zbuf.cap) {
    uint8_t *p = realloc(w->zbuf.data, bound);
    if (p == NULL) return CTS_ERR_NOMEM;
    w->zbuf.data = p;
    w->zbuf.cap = bound;
  }
  n = ZSTD_compress2(w->cctx, w->zbuf.data, w->zbuf.cap, w->frame_buf.data,
                     w->frame_buf.len);
  if (ZSTD_isError(n)) return CTS_ERR_INTERNAL;
  if ((st = write_all(w, w->zbuf.data, n)) != CTS_OK) return st;
  if ((st = seek_add(w, n, w->frame_buf.len)) != CTS_OK) return st;
  w->frame_buf.len = 0;
  w->frame_leaves = 0;
  return CTS_OK;
}

cts_status cts_dump_writer_add_leaf(cts_dump_writer *w, const uint8_t *leaf,
                                    size_t len) {
  cts_status st;
  if (w == NULL || leaf == NULL || len == 0) return CTS_ERR_USAGE;
  if (!w->front_written && (st = write_front_issuers(w)) != CTS_OK) return st;
  /* A frame's decompressed size must fit the seek table's u32. */
  if (w->frame_buf.len + len > UINT32_MAX) {
    if ((st = flush_frame(w)) != CTS_OK) return st;
    if (len > UINT32_MAX) return CTS_ERR_LIMIT;
  }
  if ((st = bytes_append(&w->frame_buf, leaf, len)) != CTS_OK) return st;
  w->entries++;
  if (++w->frame_leaves == w->leaves_per_frame) return flush_frame(w);
  return CTS_OK;
}

uint64_t cts_dump_writer_entries(const cts_dump_writer *w) {
  return w != NULL ? w->entries : 0;
}

static void writer_free(cts_dump_writer *w) {
  free(w->frame_buf.data);
  free(w->zbuf.data);
  free(w->issuers_front.data);
  free(w->issuers_late.data);
  free(w->issuer_hash);
  free(w->issuer_off);
  free(w->seek);
  ZSTD_freeCCtx(w->cctx);
  free(w->path);
  free(w);
}

cts_status cts_dump_writer_open(const char *path, const char *log_origin,
                                uint64_t first_index, unsigned tiles_per_frame,
                                int zstd_level, cts_dump_writer **out) {
  cts_dump_writer *w;
  cts_status st = CTS_ERR_NOMEM;
  if (out == NULL || path == NULL) return CTS_ERR_USAGE;
  *out = NULL;
  if (tiles_per_frame == 0) tiles_per_frame = CTS_DUMP_DEFAULT_TILES_PER_FRAME;
  if (tiles_per_frame > CTS_DUMP_MAX_TILES_PER_FRAME ||
      zstd_level < ZSTD_minCLevel() || zstd_level > ZSTD_maxCLevel())
    return CTS_ERR_USAGE;
  w = calloc(1, sizeof *w);
  if (w == NULL) return CTS_ERR_NOMEM;
  w->leaves_per_frame = tiles_per_frame * CTS_DUMP_TILE_ENTRIES;
  w->path = strdup(path);
  w->cctx = ZSTD_createCCtx();
  if (w->path == NULL || w->cctx == NULL) goto free_writer;
  if (ZSTD_isError(ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_compressionLevel,
                                          zstd_level)) ||
      ZSTD_isError(ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_checksumFlag, 1)) ||
      ZSTD_isError(
          ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_contentSizeFlag, 1))) {
    st = CTS_ERR_INTERNAL;
    goto free_writer;
  }
  w->file = fopen(path, "w+b");
  if (w->file == NULL) {
    st = CTS_ERR_IO;
    goto free_writer;
  }
  if ((st = write_metadata(w, log_origin, first_index, tiles_per_frame)) !=
      CTS_OK)
    goto close_file;
  *out = w;
  return CTS_OK;
close_file:
  fclose(w->file);
  remove(path);
free_writer:
  writer_free(w);
  return st;
}

static cts_status write_seek_table(cts_dump_writer *w) {
  size_t n = w->seek_count;
  size_t body = n * 8 + CTS_DUMP_SEEK_FOOTER_LEN;
  uint8_t *buf;
  uint8_t head[8];
  cts_status st;
  if (body > UINT32_MAX - 8) return CTS_ERR_LIMIT;
  buf = malloc(body);
  if (buf == NULL) return CTS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    put_le32(buf + 8 * i, w->seek[i].compressed);
    put_le32(buf + 8 * i + 4, w->seek[i].decompressed);
  }
  put_le32(buf + 8 * n, (uint32_t)n); /* Number_Of_Frames */
  buf[8 * n + 4] = 0; /* Seek_Table_Descriptor: no Checksum_Flag */
  put_le32(buf + 8 * n + 5, CTS_DUMP_SEEKABLE_MAGIC);
  put_le32(head, CTS_DUMP_MAGIC_SEEK_TABLE);
  put_le32(head + 4, (uint32_t)body);
  st = write_all(w, head, sizeof head);
  if (st == CTS_OK) st = write_all(w, buf, body);
  free(buf);
  return st;
}

static cts_status patch_entries(cts_dump_writer *w) {
  char field[CTS_DUMP_ENTRIES_FIELD_WIDTH + 1];
  snprintf(field, sizeof field, "%-*" PRIu64, CTS_DUMP_ENTRIES_FIELD_WIDTH,
           w->entries);
  if (fseek(w->file, w->entries_field, SEEK_SET) != 0) return CTS_ERR_IO;
  return write_all(w, field, CTS_DUMP_ENTRIES_FIELD_WIDTH);
}

cts_status cts_dump_writer_close(cts_dump_writer *w) {
  cts_status st;
  if (w == NULL) return CTS_ERR_USAGE;
  if ((st = write_front_issuers(w)) != CTS_OK) goto abort_writer;
  if ((st = flush_frame(w)) != CTS_OK) goto abort_writer;
  if (w->issuers_late.len != 0 &&
      (st = write_skippable(w, CTS_DUMP_MAGIC_ISSUERS, w->issuers_late.data,
                            w->issuers_late.len)) != CTS_OK)
    goto abort_writer;
  if ((st = write_seek_table(w)) != CTS_OK) goto abort_writer;
  if ((st = patch_entries(w)) != CTS_OK) goto abort_writer;
  if (fflush(w->file) != 0) {
    st = CTS_ERR_IO;
    goto abort_writer;
  }
  if (fclose(w->file) != 0) {
    w->file = NULL;
    st = CTS_ERR_IO;
    goto abort_writer;
  }
  w->file = NULL;
  writer_free(w);
  return CTS_OK;
abort_writer:
  cts_dump_writer_abort(w);
  return st;
}

void cts_dump_writer_abort(cts_dump_writer *w) {
  if (w == NULL) return;
  if (w->file != NULL) fclose(w->file);
  remove(w->path);
  writer_free(w);
}
