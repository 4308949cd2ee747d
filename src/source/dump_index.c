/* The frame index of a ctscan dump: its seek table (zstd seekable format,
 * contrib/seekable_format/zstd_seekable_compression_format.md) checked
 * against the frames it lists, and its metadata frame.
 *
 * Nothing read from the file is trusted: the seek table's frame sizes are
 * summed with overflow checks and must tile the file exactly up to the
 * seek table; every listed frame must start with the magic number of a
 * zstd frame (RFC 8878 3.1.1) or of a skippable frame (RFC 8878 3.1.2);
 * a skippable frame's own Frame_Size must agree with the table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/source.h"

#define ZSTD_FRAME_MAGIC 0xFD2FB528u
/* RFC 8878 3.1.2: skippable frames use magics 0x184D2A50..0x184D2A5F. */
#define SKIPPABLE_MASK 0xFFFFFFF0u
#define SKIPPABLE_BASE 0x184D2A50u
#define SKIPPABLE_HEADER 8
/* The seekable format's Seek_Table_Descriptor: bit 7 Checksum_Flag, bits
 * 2-6 reserved (must be zero). */
#define SEEKABLE_CHECKSUM_FLAG 0x80u
#define SEEKABLE_RESERVED_BITS 0x7Cu
/* The largest metadata document read (it is a few hundred bytes). */
#define DUMP_METADATA_MAX ((size_t)1 << 16)

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

int cts_dump_detect(const uint8_t *data, size_t len) {
  return len >= SKIPPABLE_HEADER && le32(data) == CTS_DUMP_MAGIC_METADATA;
}

void cts_dump_info_free(cts_dump_info *info) {
  if (info == NULL) return;
  free(info->frames);
  memset(info, 0, sizeof(*info));
}

/* --- the metadata: a flat JSON object (RFC 8259) ------------------------ */

typedef struct json_cur {
  const uint8_t *p;
  const uint8_t *end;
} json_cur;

static void json_ws(json_cur *c) {
  while (c->p < c->end &&
         (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* A string: its raw contents (escapes are kept as written: the keys and
 * values the dump uses need none) into out (NUL-terminated, truncated to
 * cap). */
static int json_string(json_cur *c, char *out, size_t cap) {
  size_t n = 0;
  if (c->p >= c->end || *c->p != '"') return 0;
  c->p++;
  while (c->p < c->end && *c->p != '"') {
    if (*c->p < 0x20) return 0;
    if (*c->p == '\\') {
      if (c->end - c->p < 2) return 0;
      if (out != NULL && n + 1 < cap) out[n++] = (char)*c->p;
      c->p++;
    }
    if (out != NULL && n + 1 < cap) out[n++] = (char)*c->p;
    c->p++;
  }
  if (c->p >= c->end) return 0;
  c->p++;
  if (out != NULL && cap > 0) out[n] = '\0';
  return 1;
}

/* A non-negative integer without fraction or exponent. */
static int json_uint(json_cur *c, uint64_t *out) {
  uint64_t v = 0;
  const uint8_t *start = c->p;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
    uint64_t d = (uint64_t)(*c->p - '0');
    if (v > (UINT64_MAX - d) / 10) return 0;
    v = v * 10 + d;
    c->p++;
  }
  if (c->p == start) return 0;
  if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E'))
    return 0;
  *out = v;
  return 1;
}

/* Skips any value (nested objects and arrays included). */
static int json_skip(json_cur *c) {
  int depth = 0;
  do {
    json_ws(c);
    if (c->p >= c->end) return 0;
    if (*c->p == '"') {
      if (!json_string(c, NULL, 0)) return 0;
    } else if (*c->p == '{' || *c->p == '[') {
      depth++;
      c->p++;
    } else if (*c->p == '}' || *c->p == ']') {
      if (depth == 0) return 0;
      depth--;
      c->p++;
    } else {
      while (c->p < c->end && *c->p != ',' && *c->p != '}' && *c->p != ']' &&
             *c->p != ' ' && *c->p != '\n' && *c->p != '\r' && *c->p != '\t')
        c->p++;
    }
    json_ws(c);
    if (depth > 0 && c->p < c->end && (*c->p == ',' || *c->p == ':')) c->p++;
  } while (depth > 0);
  return 1;
}

cts_status cts_dump_parse_metadata(const uint8_t *json, size_t len,
                                   cts_dump_info *out,
                                   const char **out_reason) {
  json_cur c = {json, json + len};
  char key[32], format[32] = "";
  uint64_t version = 0, k = 0;
  int have_entries = 0, have_k = 0;
  out->first_index = 0;
  out->entries = 0;
  out->tiles_per_frame = 0;
  out->log[0] = '\0';
  *out_reason = "dump metadata is not a JSON object";
  json_ws(&c);
  if (c.p >= c.end || *c.p != '{') return CTS_ERR_FORMAT;
  c.p++;
  json_ws(&c);
  if (c.p < c.end && *c.p == '}') goto check;
  for (;;) {
    json_ws(&c);
    if (!json_string(&c, key, sizeof(key))) return CTS_ERR_FORMAT;
    json_ws(&c);
    if (c.p >= c.end || *c.p != ':') return CTS_ERR_FORMAT;
    c.p++;
    json_ws(&c);
    if (strcmp(key, "format") == 0) {
      if (!json_string(&c, format, sizeof(format))) return CTS_ERR_FORMAT;
    } else if (strcmp(key, "log") == 0) {
      if (!json_string(&c, out->log, sizeof(out->log))) return CTS_ERR_FORMAT;
    } else if (strcmp(key, "version") == 0) {
      if (!json_uint(&c, &version)) return CTS_ERR_FORMAT;
    } else if (strcmp(key, "first_index") == 0) {
      if (!json_uint(&c, &out->first_index)) return CTS_ERR_FORMAT;
    } else if (strcmp(key, "entries") == 0) {
      if (!json_uint(&c, &out->entries)) return CTS_ERR_FORMAT;
      have_entries = 1;
    } else if (strcmp(key, "tiles_per_frame") == 0) {
      if (!json_uint(&c, &k)) return CTS_ERR_FORMAT;
      have_k = 1;
    } else if (!json_skip(&c)) {
      return CTS_ERR_FORMAT;
    }
    json_ws(&c);
    if (c.p < c.end && *c.p == ',') {
      c.p++;
      continue;
    }
    if (c.p < c.end && *c.p == '}') break;
    return CTS_ERR_FORMAT;
  }
check:
  if (strcmp(format, "ctscan-dump") != 0) {
    *out_reason = "dump metadata: format is not \"ctscan-dump\"";
    return CTS_ERR_FORMAT;
  }
  if (version != 1) {
    *out_reason = "dump metadata: unsupported version";
    return CTS_ERR_UNSUPPORTED;
  }
  if (!have_entries || !have_k || k == 0 || k > 65536) {
    *out_reason = "dump metadata: entries or tiles_per_frame missing or bad";
    return CTS_ERR_FORMAT;
  }
  out->tiles_per_frame = (uint32_t)k;
  *out_reason = NULL;
  return CTS_OK;
}

/* --- where the index reads from -------------------------------------------- */

/* A buffer (the whole file), or the file itself read with pread: a dump
 * of millions of entries lists thousands of frames, and touching each
 * frame's first bytes through a mapping brings the pages around them
 * into the process (the kernel maps a fault's neighbours too), so the
 * planning of a 4 GB dump would briefly hold 150 MB of it. */
typedef struct dump_src {
  const uint8_t *data; /* NULL: read fd */
  int fd;
  uint64_t len;
} dump_src;

static int src_read(const dump_src *src, uint64_t off, void *buf, size_t n) {
  uint8_t *to = buf;
  if (off > src->len || n > src->len - off) return 0;
  if (src->data != NULL) {
    memcpy(to, src->data + off, n);
    return 1;
  }
  while (n > 0) {
    ssize_t got = pread(src->fd, to, n, (off_t)off);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return 0;
    to += got;
    off += (uint64_t)got;
    n -= (size_t)got;
  }
  return 1;
}

/* --- the seek table ------------------------------------------------------- */

/* Locates and checks the seek table at the end of the file. */
static cts_status read_seek_table(const dump_src *src, uint32_t *out_n,
                                  size_t *out_esize, uint64_t *out_table_offset,
                                  const char **out_reason,
                                  uint64_t *out_offset) {
  uint8_t footer[CTS_SEEKABLE_FOOTER_SIZE], head[SKIPPABLE_HEADER];
  uint64_t len = src->len;
  uint32_t n;
  uint8_t desc;
  size_t esize;
  uint64_t table_size;
  if (len < SKIPPABLE_HEADER + CTS_SEEKABLE_FOOTER_SIZE) {
    *out_reason = "seek table missing (file too short)";
    *out_offset = len;
    return CTS_ERR_FORMAT;
  }
  if (!src_read(src, len - CTS_SEEKABLE_FOOTER_SIZE, footer, sizeof(footer))) {
    *out_reason = "seek table unreadable";
    *out_offset = len - CTS_SEEKABLE_FOOTER_SIZE;
    return CTS_ERR_IO;
  }
  /* Seek_Table_Footer: Number_Of_Frames (4) · Descriptor (1) · magic (4) */
  if (le32(footer + 5) != CTS_SEEKABLE_MAGIC_FOOTER) {
    *out_reason = "seek table missing (no seekable footer magic)";
    *out_offset = len - 4;
    return CTS_ERR_FORMAT;
  }
  n = le32(footer);
  desc = footer[4];
  if ((desc & SEEKABLE_RESERVED_BITS) != 0) {
    *out_reason = "seek table descriptor has reserved bits set";
    *out_offset = len - 5;
    return CTS_ERR_FORMAT;
  }
  esize = (desc & SEEKABLE_CHECKSUM_FLAG) ? 12 : 8;
  table_size = (uint64_t)SKIPPABLE_HEADER + (uint64_t)n * esize +
               CTS_SEEKABLE_FOOTER_SIZE;
  if (table_size > len) {
    *out_reason = "seek table lists more frames than the file can hold";
    *out_offset = len - CTS_SEEKABLE_FOOTER_SIZE;
    return CTS_ERR_FORMAT;
  }
  if (!src_read(src, len - table_size, head, sizeof(head)) ||
      le32(head) != CTS_SEEKABLE_MAGIC_SKIPPABLE ||
      (uint64_t)le32(head + 4) != table_size - SKIPPABLE_HEADER) {
    *out_reason = "seek table frame header does not match its footer";
    *out_offset = len - table_size;
    return CTS_ERR_FORMAT;
  }
  *out_n = n;
  *out_esize = esize;
  *out_table_offset = len - table_size;
  return CTS_OK;
}

/* Seek table entries are read this many at a time. */
#define SEEK_CHUNK 512

static cts_status dump_index(const dump_src *src, cts_dump_info *out,
                             const char **out_reason, uint64_t *out_offset) {
  uint8_t chunk[SEEK_CHUNK * 12], head[SKIPPABLE_HEADER];
  uint8_t *metadata = NULL;
  uint32_t n;
  size_t esize;
  uint64_t table_offset, pos = 0, d_offset = 0, first_entry = 0;
  uint64_t per_frame, left;
  int have_metadata = 0;
  cts_status st;

  memset(out, 0, sizeof(*out));
  *out_reason = NULL;
  *out_offset = 0;
  st = read_seek_table(src, &n, &esize, &table_offset, out_reason, out_offset);
  if (st != CTS_OK) return st;
  if (n != 0) {
    out->frames = calloc(n, sizeof(*out->frames));
    if (out->frames == NULL) return CTS_ERR_NOMEM;
  }
  for (uint32_t i = 0; i < n; i++) {
    const uint8_t *e = chunk + (size_t)(i % SEEK_CHUNK) * esize;
    uint32_t c_size, d_size, magic;
    if (i % SEEK_CHUNK == 0) {
      uint32_t take = n - i < SEEK_CHUNK ? n - i : SEEK_CHUNK;
      uint64_t at = table_offset + SKIPPABLE_HEADER + (uint64_t)i * esize;
      if (!src_read(src, at, chunk, (size_t)take * esize)) {
        *out_offset = at;
        *out_reason = "seek table unreadable";
        st = CTS_ERR_IO;
        goto fail;
      }
    }
    c_size = le32(e);
    d_size = le32(e + 4);
    *out_offset = pos;
    if (c_size < 4 || pos + c_size > table_offset) {
      *out_reason = "seek table: frame runs past the seek table";
      goto bad;
    }
    if (!src_read(src, pos, head, c_size < SKIPPABLE_HEADER ? 4 : SKIPPABLE_HEADER)) {
      *out_reason = "frame header unreadable";
      st = CTS_ERR_IO;
      goto fail;
    }
    magic = le32(head);
    if ((magic & SKIPPABLE_MASK) == SKIPPABLE_BASE) {
      /* RFC 8878 3.1.2: Magic_Number (4) · Frame_Size (4) · User_Data */
      uint64_t frame_len;
      if (c_size < SKIPPABLE_HEADER ||
          (frame_len = SKIPPABLE_HEADER + (uint64_t)le32(head + 4)) != c_size ||
          d_size != 0) {
        *out_reason = "seek table: skippable frame size disagrees";
        goto bad;
      }
      if (magic == CTS_DUMP_MAGIC_METADATA && !have_metadata) {
        size_t mlen = c_size - SKIPPABLE_HEADER;
        if (mlen > DUMP_METADATA_MAX) {
          *out_reason = "dump metadata frame too large";
          goto bad;
        }
        if ((metadata = malloc(mlen + 1)) == NULL) {
          st = CTS_ERR_NOMEM;
          goto fail;
        }
        if (!src_read(src, pos + SKIPPABLE_HEADER, metadata, mlen)) {
          *out_reason = "dump metadata unreadable";
          st = CTS_ERR_IO;
          goto fail;
        }
        st = cts_dump_parse_metadata(metadata, mlen, out, out_reason);
        free(metadata);
        metadata = NULL;
        if (st != CTS_OK) goto fail;
        have_metadata = 1;
      } else if (magic == CTS_DUMP_MAGIC_ISSUERS) {
        out->issuers_offset = pos + SKIPPABLE_HEADER;
        out->issuers_len = c_size - SKIPPABLE_HEADER;
      }
    } else if (magic == ZSTD_FRAME_MAGIC) {
      cts_dump_frame *f = &out->frames[out->n_frames++];
      f->c_offset = pos;
      f->c_size = c_size;
      f->d_size = d_size;
      f->d_offset = d_offset;
      d_offset += d_size;
    } else {
      *out_reason = "seek table: a listed frame is not a zstd frame";
      goto bad;
    }
    pos += c_size;
  }
  if (pos != table_offset) {
    *out_offset = pos;
    *out_reason = "seek table does not account for every frame";
    goto bad;
  }
  if (!have_metadata) {
    *out_offset = 0;
    *out_reason = "dump metadata frame missing";
    goto bad;
  }
  /* K tiles of 256 entries per frame, fewer in the last one only. */
  per_frame = (uint64_t)out->tiles_per_frame * CTS_DUMP_TILE_WIDTH;
  left = out->entries;
  /* (no left + per_frame - 1: a lying entry count near 2^64 would wrap) */
  if (out->n_frames != left / per_frame + (left % per_frame != 0)) {
    *out_offset = 0;
    *out_reason = "dump metadata: entries disagree with the frame count";
    goto bad;
  }
  for (size_t i = 0; i < out->n_frames; i++) {
    uint64_t take = left < per_frame ? left : per_frame;
    out->frames[i].first_entry = first_entry;
    out->frames[i].entries = (uint32_t)take;
    first_entry += take;
    left -= take;
  }
  *out_offset = 0;
  return CTS_OK;
bad:
  st = CTS_ERR_FORMAT;
fail:
  free(metadata);
  cts_dump_info_free(out);
  return st;
}

cts_status cts_dump_index(const uint8_t *data, size_t len, cts_dump_info *out,
                          const char **out_reason, uint64_t *out_offset) {
  dump_src src = {data, -1, len};
  return dump_index(&src, out, out_reason, out_offset);
}

cts_status cts_dump_index_fd(int fd, uint64_t len, cts_dump_info *out,
                             const char **out_reason, uint64_t *out_offset) {
  dump_src src = {NULL, fd, len};
  return dump_index(&src, out, out_reason, out_offset);
}
