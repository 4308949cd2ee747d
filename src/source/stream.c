/* cts_stream: a window over the decompressed bytes of a file or a buffer.
 *
 * Raw input is served straight from the mapping (or the caller's buffer):
 * peek returns a pointer into it and never copies. Compressed input (gzip
 * via zlib, zstd via libzstd) is decompressed into a window buffer that
 * holds the unconsumed bytes; the window grows geometrically only when a
 * peek asks for more than it can hold, so memory follows the largest want,
 * not the size of the file.
 *
 * Errors from the decompressor are sticky: once the compressed stream is
 * found corrupt or truncated, nothing more is decompressed, but the bytes
 * already in the window stay available, and a peek they satisfy succeeds. */
#define ZLIB_CONST
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "ctscan/source.h"

/* First window for a compressed stream; doubled as wants require. */
#define CTS_STREAM_FIRST_WINDOW ((size_t)128 << 10)
/* Consumed input of a mapping is handed back to the kernel in steps of
 * this size, so resident memory does not grow with the file. */
#define CTS_STREAM_DROP_STEP ((size_t)16 << 20)
/* Most input handed to zlib per call (its counters are 32-bit). */
#define CTS_STREAM_ZLIB_CHUNK ((size_t)1 << 30)

struct cts_stream {
  char *name;
  cts_compression compression;

  /* The whole input: a private read-only mapping, or a borrowed buffer. */
  const uint8_t *data;
  size_t len;
  void *map;      /* non-NULL when data is our mapping */
  size_t map_len;
  size_t dropped; /* map[0, dropped) was handed back (MADV_DONTNEED) */
  size_t page;

  /* Raw: offset of the next unconsumed byte of data.
   * Compressed: input bytes the decompressor has taken. */
  size_t in_pos;

  /* Compressed only: unconsumed decompressed bytes are
   * window[win_start, win_end); win_offset is the decompressed offset of
   * window[win_start]. */
  uint8_t *window;
  size_t win_cap;
  size_t win_start;
  size_t win_end;
  uint64_t win_offset;
  int at_end;        /* the compressed input ended cleanly */
  cts_status error;  /* sticky decompression error, CTS_OK if none */

  z_stream zs;
  int zs_ready;
  ZSTD_DStream *zds;

  uint64_t base_offset; /* added to every offset reported */
  uint64_t out_total;   /* decompressed bytes produced */
  uint32_t crc;         /* CRC-32 of them, when track_crc */
  int track_crc;
};

/* What peek points at when there are no bytes at all. */
static const uint8_t empty_bytes[1];

static int is_gzip_magic(const uint8_t *p, size_t len) {
  return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* A zstd frame (28 b5 2f fd) or a skippable frame (magic 0x184D2A50 to
 * 0x184D2A5F, little-endian); libzstd skips the latter itself. */
static int is_zstd_magic(const uint8_t *p, size_t len) {
  if (len < 4) return 0;
  if (p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) return 1;
  return (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d &&
         p[3] == 0x18;
}

/* Sets up the decoder for compression, or for what the magic bytes say
 * when detect is set. */
static cts_status decoder_init_as(cts_stream *s, cts_compression compression,
                                  int detect) {
  if (detect) {
    if (is_gzip_magic(s->data, s->len))
      compression = CTS_COMPRESSION_GZIP;
    else if (is_zstd_magic(s->data, s->len))
      compression = CTS_COMPRESSION_ZSTD;
    else
      compression = CTS_COMPRESSION_NONE;
  }
  s->compression = compression;
  if (compression == CTS_COMPRESSION_GZIP ||
      compression == CTS_COMPRESSION_DEFLATE) {
    /* windowBits: 16 + 15 reads a gzip wrapper (RFC 1952); -15 reads raw
     * deflate (RFC 1951) as zip stores it. */
    int bits = compression == CTS_COMPRESSION_GZIP ? 16 + MAX_WBITS
                                                   : -MAX_WBITS;
    memset(&s->zs, 0, sizeof s->zs);
    switch (inflateInit2(&s->zs, bits)) {
      case Z_OK: break;
      case Z_MEM_ERROR: return CTS_ERR_NOMEM;
      default: return CTS_ERR_INTERNAL;
    }
    s->zs_ready = 1;
  } else if (compression == CTS_COMPRESSION_ZSTD) {
    s->zds = ZSTD_createDStream();
    if (s->zds == NULL) return CTS_ERR_NOMEM;
    if (ZSTD_isError(ZSTD_initDStream(s->zds))) return CTS_ERR_NOMEM;
  } else if (compression != CTS_COMPRESSION_NONE) {
    return CTS_ERR_USAGE;
  }
  return CTS_OK;
}

static cts_status decoder_init(cts_stream *s) {
  return decoder_init_as(s, CTS_COMPRESSION_NONE, 1);
}

/* Frees everything but the struct's input mapping. */
static void stream_free(cts_stream *s) {
  if (s->zs_ready) inflateEnd(&s->zs);
  if (s->zds != NULL) ZSTD_freeDStream(s->zds);
  free(s->window);
  free(s->name);
  free(s);
}

static cts_stream *stream_new(const char *name) {
  cts_stream *s = calloc(1, sizeof *s);
  if (s == NULL) return NULL;
  s->name = strdup(name != NULL ? name : "<memory>");
  if (s->name == NULL) {
    free(s);
    return NULL;
  }
  return s;
}

static cts_status open_mem(const uint8_t *data, size_t len, const char *name,
                           cts_compression compression, int detect,
                           cts_stream **out) {
  cts_stream *s;
  cts_status st;
  if (out == NULL || (data == NULL && len != 0)) return CTS_ERR_USAGE;
  *out = NULL;
  s = stream_new(name);
  if (s == NULL) return CTS_ERR_NOMEM;
  s->data = len != 0 ? data : NULL;
  s->len = len;
  st = decoder_init_as(s, compression, detect);
  if (st != CTS_OK) goto free_stream;
  *out = s;
  return CTS_OK;
free_stream:
  stream_free(s);
  return st;
}

cts_status cts_stream_open_mem(const uint8_t *data, size_t len,
                               const char *name, cts_stream **out) {
  return open_mem(data, len, name, CTS_COMPRESSION_NONE, 1, out);
}

cts_status cts_stream_open_mem_as(const uint8_t *data, size_t len,
                                  const char *name,
                                  cts_compression compression,
                                  cts_stream **out) {
  return open_mem(data, len, name, compression, 0, out);
}

void cts_stream_set_offset_base(cts_stream *stream, uint64_t base) {
  if (stream != NULL) stream->base_offset = base;
}

void cts_stream_track_crc32(cts_stream *stream) {
  if (stream != NULL) {
    stream->track_crc = 1;
    stream->crc = (uint32_t)crc32(0L, Z_NULL, 0);
  }
}

/* Counts (and checksums) the made bytes just written at window[from]. */
static void account_output(cts_stream *s, size_t from, size_t made) {
  s->out_total += made;
  if (s->track_crc && made != 0) {
    /* zlib takes uInt lengths: feed it in pieces. */
    const uint8_t *p = s->window + from;
    while (made != 0) {
      uInt n = (uInt)(made < CTS_STREAM_ZLIB_CHUNK ? made
                                                   : CTS_STREAM_ZLIB_CHUNK);
      s->crc = (uint32_t)crc32(s->crc, p, n);
      p += n;
      made -= n;
    }
  }
}

int cts_stream_finished(const cts_stream *stream, uint64_t *out_bytes,
                        uint32_t *out_crc32, uint64_t *out_in_bytes) {
  const cts_stream *s = stream;
  if (s == NULL) return 0;
  if (s->compression == CTS_COMPRESSION_NONE) {
    uint32_t crc = 0;
    if (s->in_pos != s->len) return 0;
    if (s->track_crc) {
      size_t left = s->len;
      const uint8_t *p = s->data;
      crc = (uint32_t)crc32(0L, Z_NULL, 0);
      while (left != 0) {
        uInt n = (uInt)(left < CTS_STREAM_ZLIB_CHUNK ? left
                                                     : CTS_STREAM_ZLIB_CHUNK);
        crc = (uint32_t)crc32(crc, p, n);
        p += n;
        left -= n;
      }
    }
    if (out_bytes != NULL) *out_bytes = s->len;
    if (out_crc32 != NULL) *out_crc32 = crc;
    if (out_in_bytes != NULL) *out_in_bytes = s->len;
    return 1;
  }
  if (!s->at_end || s->error != CTS_OK) return 0;
  if (out_bytes != NULL) *out_bytes = s->out_total;
  if (out_crc32 != NULL) *out_crc32 = s->track_crc ? s->crc : 0;
  if (out_in_bytes != NULL) *out_in_bytes = s->in_pos;
  return 1;
}

cts_status cts_stream_open_file(const char *path, cts_stream **out) {
  cts_stream *s;
  struct stat sb;
  void *map = NULL;
  size_t len = 0;
  int fd, saved_errno;
  cts_status st = CTS_ERR_IO;
  if (path == NULL || out == NULL) return CTS_ERR_USAGE;
  *out = NULL;
  s = stream_new(path);
  if (s == NULL) return CTS_ERR_NOMEM;
  /* O_NONBLOCK: a FIFO must not block the open; it is refused below. */
  fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) goto free_stream;
  if (fstat(fd, &sb) != 0) goto close_fd;
  if (!S_ISREG(sb.st_mode)) {
    errno = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
    goto close_fd;
  }
  if (sb.st_size < 0 || (uintmax_t)sb.st_size > (uintmax_t)SIZE_MAX) {
    errno = EFBIG;
    goto close_fd;
  }
  len = (size_t)sb.st_size;
  if (len != 0) {
    map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      map = NULL;
      goto close_fd;
    }
    /* Only a hint: a failure changes nothing. */
    (void)madvise(map, len, MADV_SEQUENTIAL);
  }
  {
    long page = sysconf(_SC_PAGESIZE);
    s->page = page > 0 ? (size_t)page : 4096;
  }
  s->map = map;
  s->map_len = len;
  s->data = map;
  s->len = len;
  st = decoder_init(s);
  if (st != CTS_OK) goto unmap;
  close(fd); /* the mapping outlives the descriptor */
  *out = s;
  return CTS_OK;

unmap:
  if (map != NULL) munmap(map, len);
close_fd:
  saved_errno = errno;
  close(fd);
  errno = saved_errno;
free_stream:
  saved_errno = errno;
  stream_free(s);
  errno = saved_errno;
  return st;
}

void cts_stream_close(cts_stream *stream) {
  if (stream == NULL) return;
  if (stream->map != NULL) munmap(stream->map, stream->map_len);
  stream_free(stream);
}

/* Hands the pages of consumed input back to the kernel. The mapping is
 * private and never written, so a page touched again is simply read from
 * the file again: this only bounds resident memory, never changes bytes. */
static void drop_consumed_input(cts_stream *s) {
  size_t end;
  if (s->map == NULL || s->in_pos - s->dropped < CTS_STREAM_DROP_STEP)
    return;
  end = s->in_pos - s->in_pos % s->page;
  if (end <= s->dropped) return;
  (void)madvise((uint8_t *)s->map + s->dropped, end - s->dropped,
                MADV_DONTNEED);
  s->dropped = end;
}

/* One inflate call into the window's free tail (gzip, or raw deflate for
 * a zip member). Concatenated gzip members are
 * read one after another; anything after the last member that is not
 * another member is corruption. */
static cts_status fill_gzip(cts_stream *s) {
  size_t in_left = s->len - s->in_pos;
  size_t out_left = s->win_cap - s->win_end;
  uInt in_chunk = (uInt)(in_left < CTS_STREAM_ZLIB_CHUNK
                             ? in_left : CTS_STREAM_ZLIB_CHUNK);
  uInt out_chunk = (uInt)(out_left < CTS_STREAM_ZLIB_CHUNK
                              ? out_left : CTS_STREAM_ZLIB_CHUNK);
  size_t used, made;
  int rc;
  s->zs.next_in = s->data + s->in_pos;
  s->zs.avail_in = in_chunk;
  s->zs.next_out = s->window + s->win_end;
  s->zs.avail_out = out_chunk;
  rc = inflate(&s->zs, Z_NO_FLUSH);
  used = in_chunk - s->zs.avail_in;
  made = out_chunk - s->zs.avail_out;
  s->in_pos += used;
  account_output(s, s->win_end, made);
  s->win_end += made;
  switch (rc) {
    case Z_STREAM_END:
      /* A zip member is one raw deflate stream; what may follow it in the
       * bytes given is for the caller to judge (cts_stream_finished). */
      if (s->in_pos == s->len || s->compression == CTS_COMPRESSION_DEFLATE) {
        s->at_end = 1;
        return CTS_OK;
      }
      if (!is_gzip_magic(s->data + s->in_pos, s->len - s->in_pos))
        return CTS_ERR_DECOMPRESS; /* trailing bytes that are not gzip */
      if (inflateReset(&s->zs) != Z_OK) return CTS_ERR_INTERNAL;
      return CTS_OK;
    case Z_OK:
    case Z_BUF_ERROR:
      /* No progress with room to write: the input ran out mid-member. */
      if (used == 0 && made == 0) return CTS_ERR_DECOMPRESS;
      return CTS_OK;
    case Z_MEM_ERROR:
      return CTS_ERR_NOMEM;
    default: /* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR */
      return CTS_ERR_DECOMPRESS;
  }
}

/* One ZSTD_decompressStream call into the window's free tail. libzstd
 * moves from frame to frame and skips skippable frames by itself. */
static cts_status fill_zstd(cts_stream *s) {
  ZSTD_inBuffer in = {s->data, s->len, s->in_pos};
  ZSTD_outBuffer out = {s->window, s->win_cap, s->win_end};
  size_t rc = ZSTD_decompressStream(s->zds, &out, &in);
  int progress = in.pos != s->in_pos || out.pos != s->win_end;
  s->in_pos = in.pos;
  account_output(s, s->win_end, out.pos - s->win_end);
  s->win_end = out.pos;
  if (ZSTD_isError(rc)) {
    if (ZSTD_getErrorCode(rc) == ZSTD_error_memory_allocation)
      return CTS_ERR_NOMEM;
    return CTS_ERR_DECOMPRESS;
  }
  if (in.pos == in.size && rc == 0) {
    /* Every frame is complete and flushed. */
    s->at_end = 1;
    return CTS_OK;
  }
  /* No progress with room to write: the input ended inside a frame. */
  if (!progress) return CTS_ERR_DECOMPRESS;
  return CTS_OK;
}

/* Makes room for want bytes from win_start: compacts, then grows the
 * window by doubling up to the first size that holds want. */
static cts_status window_reserve(cts_stream *s, size_t want) {
  size_t avail = s->win_end - s->win_start;
  if (s->win_start != 0) {
    if (avail != 0) memmove(s->window, s->window + s->win_start, avail);
    s->win_start = 0;
    s->win_end = avail;
  }
  if (s->win_cap < want || s->window == NULL) {
    size_t cap = s->win_cap != 0 ? s->win_cap : CTS_STREAM_FIRST_WINDOW;
    uint8_t *grown;
    while (cap < want && cap < CTS_STREAM_MAX_WINDOW) cap *= 2;
    if (cap > CTS_STREAM_MAX_WINDOW) cap = CTS_STREAM_MAX_WINDOW;
    if (cap < want) return CTS_ERR_LIMIT;
    grown = realloc(s->window, cap);
    if (grown == NULL) return CTS_ERR_NOMEM;
    s->window = grown;
    s->win_cap = cap;
  }
  return CTS_OK;
}

cts_status cts_stream_peek(cts_stream *stream, size_t want,
                           const uint8_t **out_data, size_t *out_avail) {
  cts_stream *s = stream;
  size_t avail;
  cts_status st;
  if (s == NULL || out_data == NULL || out_avail == NULL)
    return CTS_ERR_USAGE;
  if (want > CTS_STREAM_MAX_WINDOW) return CTS_ERR_LIMIT;

  if (s->compression == CTS_COMPRESSION_NONE) {
    /* Zero copy: everything left, straight from the input. */
    *out_data = s->data != NULL ? s->data + s->in_pos : empty_bytes;
    *out_avail = s->len - s->in_pos;
    return CTS_OK;
  }

  avail = s->win_end - s->win_start;
  if (avail < want && !s->at_end && s->error == CTS_OK) {
    /* Compact when want does not fit after win_start, or when the free
     * tail has shrunk below half the window (so fills stay large and each
     * byte is moved at most about once). */
    if (s->window == NULL || s->win_cap - s->win_start < want ||
        s->win_start >= s->win_cap / 2) {
      st = window_reserve(s, want);
      if (st != CTS_OK) return st;
    }
    while (s->win_end - s->win_start < want && !s->at_end) {
      st = s->compression == CTS_COMPRESSION_ZSTD ? fill_zstd(s)
                                                   : fill_gzip(s);
      if (st != CTS_OK) {
        s->error = st;
        break;
      }
    }
    drop_consumed_input(s);
    avail = s->win_end - s->win_start;
  }
  *out_data = s->window != NULL ? s->window + s->win_start : empty_bytes;
  *out_avail = avail;
  if (avail < want && s->error != CTS_OK) return s->error;
  return CTS_OK;
}

void cts_stream_consume(cts_stream *stream, size_t n) {
  cts_stream *s = stream;
  size_t avail;
  if (s == NULL) return;
  if (s->compression == CTS_COMPRESSION_NONE) {
    avail = s->len - s->in_pos;
    s->in_pos += n < avail ? n : avail;
    drop_consumed_input(s);
    return;
  }
  avail = s->win_end - s->win_start;
  if (n > avail) n = avail;
  s->win_start += n;
  s->win_offset += n;
  if (s->win_start == s->win_end) s->win_start = s->win_end = 0;
}

uint64_t cts_stream_offset(const cts_stream *stream) {
  if (stream == NULL) return 0;
  if (stream->compression == CTS_COMPRESSION_NONE)
    return stream->base_offset + stream->in_pos;
  return stream->base_offset + stream->win_offset;
}

uint64_t cts_stream_input_bytes(const cts_stream *stream) {
  return stream != NULL ? stream->in_pos : 0;
}

uint64_t cts_stream_input_size(const cts_stream *stream) {
  return stream != NULL ? stream->len : 0;
}

cts_compression cts_stream_compression(const cts_stream *stream) {
  return stream != NULL ? stream->compression : CTS_COMPRESSION_NONE;
}

const char *cts_stream_name(const cts_stream *stream) {
  return stream != NULL ? stream->name : "";
}
