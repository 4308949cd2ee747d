/* Tests for the source stage: streams (raw, gzip, zstd) and path
 * expansion. Compressed fixtures are built here with zlib and libzstd. */
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "ctscan/source.h"
#include "test.h"

/* ---- fixtures ---------------------------------------------------------- */

typedef struct buf {
  uint8_t *data;
  size_t len;
  size_t cap;
} buf;

static uint64_t rng_next(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Pseudo-random bytes, partly compressible: runs of random bytes mixed
 * with repeated text, so the compressors do real work both ways. */
static buf make_payload(size_t len, uint64_t seed) {
  buf b = {malloc(len != 0 ? len : 1), len, len};
  size_t i = 0;
  static const char text[] = "-----BEGIN CERTIFICATE-----MIIB";
  if (b.data == NULL) return b;
  while (i < len) {
    uint64_t r = rng_next(&seed);
    size_t run = 1 + (size_t)(r % 97);
    if (run > len - i) run = len - i;
    if (r & (1ULL << 40)) {
      for (size_t k = 0; k < run; k++)
        b.data[i + k] = (uint8_t)text[(i + k) % (sizeof text - 1)];
    } else {
      for (size_t k = 0; k < run; k++)
        b.data[i + k] = (uint8_t)rng_next(&seed);
    }
    i += run;
  }
  return b;
}

static buf gzip_bytes(const uint8_t *data, size_t len) {
  buf out = {NULL, 0, 0};
  z_stream z;
  uLong bound;
  memset(&z, 0, sizeof z);
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    return out;
  bound = deflateBound(&z, (uLong)len) + 64;
  out.data = malloc(bound);
  if (out.data == NULL) goto end;
  z.next_in = (Bytef *)(uintptr_t)data;
  z.avail_in = (uInt)len;
  z.next_out = out.data;
  z.avail_out = (uInt)bound;
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
    free(out.data);
    out.data = NULL;
    goto end;
  }
  out.len = bound - z.avail_out;
end:
  deflateEnd(&z);
  return out;
}

static buf zstd_bytes(const uint8_t *data, size_t len, int checksum) {
  buf out = {NULL, 0, 0};
  size_t bound = ZSTD_compressBound(len), rc;
  ZSTD_CCtx *cctx = ZSTD_createCCtx();
  if (cctx == NULL) return out;
  out.data = malloc(bound);
  if (out.data == NULL) goto end;
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 3);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, checksum);
  rc = ZSTD_compress2(cctx, out.data, bound, data, len);
  if (ZSTD_isError(rc)) {
    free(out.data);
    out.data = NULL;
    goto end;
  }
  out.len = rc;
end:
  ZSTD_freeCCtx(cctx);
  return out;
}

static void buf_append(buf *b, const uint8_t *data, size_t len) {
  if (b->data == NULL || b->cap < b->len + len + 1) {
    size_t cap = b->cap != 0 ? b->cap : 64;
    uint8_t *grown;
    while (cap < b->len + len + 1) cap *= 2;
    grown = realloc(b->data, cap);
    CU_ASSERT_FATAL(grown != NULL);
    b->data = grown;
    b->cap = cap;
  }
  if (len != 0) memcpy(b->data + b->len, data, len);
  b->len += len;
}

static void buf_append_skippable(buf *b, uint8_t low_nibble,
                                 uint32_t size) {
  uint8_t hdr[8] = {(uint8_t)(0x50 | low_nibble), 0x2a, 0x4d, 0x18,
                    (uint8_t)size, (uint8_t)(size >> 8),
                    (uint8_t)(size >> 16), (uint8_t)(size >> 24)};
  uint8_t *pad = calloc(1, size + 1);
  CU_ASSERT_FATAL(pad != NULL);
  memset(pad, 0xa5, size);
  buf_append(b, hdr, sizeof hdr);
  buf_append(b, pad, size);
  free(pad);
}

static void write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  CU_ASSERT_FATAL(f != NULL);
  if (len != 0) CU_ASSERT_FATAL(fwrite(data, 1, len, f) == len);
  CU_ASSERT_FATAL(fclose(f) == 0);
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw) {
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static void rm_tree(const char *path) {
  nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void make_dirs(const char *root, const char *rel) {
  char path[4096];
  size_t n = (size_t)snprintf(path, sizeof path, "%s/%s", root, rel);
  CU_ASSERT_FATAL(n < sizeof path);
  for (char *p = path + strlen(root) + 1; *p != '\0'; p++) {
    if (*p != '/') continue;
    *p = '\0';
    mkdir(path, 0755);
    *p = '/';
  }
  mkdir(path, 0755);
}

static void make_file(const char *root, const char *rel, const char *text) {
  char path[4096];
  const char *slash = strrchr(rel, '/');
  if (slash != NULL) {
    char dir[4096];
    size_t n = (size_t)(slash - rel);
    memcpy(dir, rel, n);
    dir[n] = '\0';
    make_dirs(root, dir);
  }
  snprintf(path, sizeof path, "%s/%s", root, rel);
  write_file(path, text, strlen(text));
}

/* ---- stream helpers ---------------------------------------------------- */

/* Reads the whole stream with a cycle of wants, consuming a varying part
 * of each peek. Returns the last status (CTS_OK at a clean end) and puts
 * the bytes in *got. Checks the offset and the avail contract on the way. */
static cts_status drain(cts_stream *s, const size_t *wants, size_t nwants,
                        buf *got) {
  uint64_t seed = 7;
  size_t step = 0;
  got->data = NULL;
  got->len = got->cap = 0;
  buf_append(got, NULL, 0);
  for (;;) {
    const uint8_t *p = NULL;
    size_t avail = 0, want = wants[step++ % nwants], take;
    cts_status st = cts_stream_peek(s, want, &p, &avail);
    CU_ASSERT_EQUAL(cts_stream_offset(s), got->len);
    if (st != CTS_OK) {
      CU_ASSERT(avail < want);
      /* Bytes before the damage stay available. */
      if (avail != 0) buf_append(got, p, avail);
      cts_stream_consume(s, avail);
      return st;
    }
    if (avail < want) {
      /* The end: everything left was given. */
      if (avail != 0) buf_append(got, p, avail);
      cts_stream_consume(s, avail);
      CU_ASSERT(cts_stream_peek(s, 1, &p, &avail) == CTS_OK);
      CU_ASSERT_EQUAL(avail, 0);
      return CTS_OK;
    }
    CU_ASSERT(p != NULL);
    /* Consume want, or sometimes only part of it. */
    take = want;
    if (want > 1 && (rng_next(&seed) & 3) == 0)
      take = 1 + (size_t)(rng_next(&seed) % want);
    buf_append(got, p, take);
    cts_stream_consume(s, take);
  }
}

static void check_mem_roundtrip(const buf *input, const buf *expect,
                                cts_compression comp, const size_t *wants,
                                size_t nwants) {
  cts_stream *s = NULL;
  buf got;
  CU_ASSERT_FATAL(cts_stream_open_mem(input->data, input->len, "fixture",
                                      &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), comp);
  CU_ASSERT_STRING_EQUAL(cts_stream_name(s), "fixture");
  CU_ASSERT_EQUAL(cts_stream_input_size(s), input->len);
  CU_ASSERT_EQUAL(drain(s, wants, nwants, &got), CTS_OK);
  CU_ASSERT_EQUAL(got.len, expect->len);
  if (got.len == expect->len && got.len != 0)
    CU_ASSERT(memcmp(got.data, expect->data, got.len) == 0);
  CU_ASSERT_EQUAL(cts_stream_offset(s), expect->len);
  CU_ASSERT_EQUAL(cts_stream_input_bytes(s), input->len);
  free(got.data);
  cts_stream_close(s);
}

static const size_t small_wants[] = {1, 7, 100, 3, 4096, 2, 65536, 13};
static const size_t big_wants[] = {1, 70000, 1 << 20, 5, 3 << 20, 300000,
                                   131072, 131073};

/* ---- stream tests ------------------------------------------------------ */

static void test_raw_mem_zero_copy(void) {
  static const uint8_t data[] = "hello, certificate transparency";
  size_t len = sizeof data - 1, avail;
  const uint8_t *p;
  cts_stream *s;
  CU_ASSERT_FATAL(cts_stream_open_mem(data, len, NULL, &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_NONE);
  CU_ASSERT(cts_stream_name(s) != NULL);
  CU_ASSERT(cts_stream_peek(s, 5, &p, &avail) == CTS_OK);
  CU_ASSERT(p == data);
  CU_ASSERT(avail >= 5);
  cts_stream_consume(s, 7);
  CU_ASSERT_EQUAL(cts_stream_offset(s), 7);
  CU_ASSERT(cts_stream_peek(s, 3, &p, &avail) == CTS_OK);
  CU_ASSERT(p == data + 7);
  CU_ASSERT_EQUAL(avail, len - 7);
  /* want beyond the end: everything that is left. */
  CU_ASSERT(cts_stream_peek(s, 1000, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, len - 7);
  cts_stream_consume(s, avail);
  CU_ASSERT(cts_stream_peek(s, 1, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, 0);
  CU_ASSERT_EQUAL(cts_stream_offset(s), len);
  CU_ASSERT_EQUAL(cts_stream_input_bytes(s), len);
  CU_ASSERT(cts_stream_peek(s, CTS_STREAM_MAX_WINDOW + 1, &p, &avail) ==
            CTS_ERR_LIMIT);
  cts_stream_close(s);
}

static void test_raw_file(void) {
  char path[] = "/tmp/cts-src-XXXXXX";
  int fd = mkstemp(path);
  buf payload = make_payload(300000, 11);
  cts_stream *s;
  buf got;
  CU_ASSERT_FATAL(fd >= 0);
  close(fd);
  write_file(path, payload.data, payload.len);
  CU_ASSERT_FATAL(cts_stream_open_file(path, &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_NONE);
  CU_ASSERT_STRING_EQUAL(cts_stream_name(s), path);
  CU_ASSERT_EQUAL(cts_stream_input_size(s), payload.len);
  CU_ASSERT_EQUAL(drain(s, small_wants, 8, &got), CTS_OK);
  CU_ASSERT_EQUAL(got.len, payload.len);
  CU_ASSERT(got.len == payload.len &&
            memcmp(got.data, payload.data, got.len) == 0);
  free(got.data);
  cts_stream_close(s);
  unlink(path);
  free(payload.data);
}

static void test_empty(void) {
  char path[] = "/tmp/cts-src-XXXXXX";
  int fd = mkstemp(path);
  const uint8_t *p = NULL;
  size_t avail = 99;
  cts_stream *s;
  CU_ASSERT_FATAL(fd >= 0);
  close(fd);
  CU_ASSERT_FATAL(cts_stream_open_file(path, &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_NONE);
  CU_ASSERT_EQUAL(cts_stream_input_size(s), 0);
  CU_ASSERT(cts_stream_peek(s, 10, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, 0);
  CU_ASSERT(p != NULL);
  cts_stream_consume(s, 0);
  CU_ASSERT_EQUAL(cts_stream_offset(s), 0);
  cts_stream_close(s);
  unlink(path);

  CU_ASSERT_FATAL(cts_stream_open_mem(NULL, 0, "empty", &s) == CTS_OK);
  avail = 99;
  CU_ASSERT(cts_stream_peek(s, 1, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, 0);
  cts_stream_close(s);
}

static void test_open_errors(void) {
  cts_stream *s = (cts_stream *)&s;
  errno = 0;
  CU_ASSERT_EQUAL(cts_stream_open_file("/nonexistent/cts/file", &s),
                  CTS_ERR_IO);
  CU_ASSERT_EQUAL(errno, ENOENT);
  CU_ASSERT(s == NULL);
  CU_ASSERT_EQUAL(cts_stream_open_file("/tmp", &s), CTS_ERR_IO);
  cts_stream_close(NULL);
}

static void test_short_magic_is_raw(void) {
  static const uint8_t gz1[] = {0x1f};
  static const uint8_t zs3[] = {0x28, 0xb5, 0x2f};
  cts_stream *s;
  CU_ASSERT_FATAL(cts_stream_open_mem(gz1, 1, "a", &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_NONE);
  cts_stream_close(s);
  CU_ASSERT_FATAL(cts_stream_open_mem(zs3, 3, "b", &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_NONE);
  cts_stream_close(s);
}

static void test_gzip(void) {
  buf payload = make_payload(200000, 3);
  buf gz = gzip_bytes(payload.data, payload.len);
  CU_ASSERT_FATAL(gz.data != NULL);
  CU_ASSERT(gz.data[0] == 0x1f && gz.data[1] == 0x8b);
  check_mem_roundtrip(&gz, &payload, CTS_COMPRESSION_GZIP, small_wants, 8);
  check_mem_roundtrip(&gz, &payload, CTS_COMPRESSION_GZIP, big_wants, 8);
  free(gz.data);
  free(payload.data);
}

static void test_gzip_members(void) {
  buf a = make_payload(50000, 21), b = make_payload(70000, 22);
  buf gza = gzip_bytes(a.data, a.len), gzb = gzip_bytes(b.data, b.len);
  buf gze = gzip_bytes(NULL, 0);
  buf all = {NULL, 0, 0}, expect = {NULL, 0, 0};
  CU_ASSERT_FATAL(gza.data && gzb.data && gze.data);
  buf_append(&all, gza.data, gza.len);
  buf_append(&all, gze.data, gze.len); /* an empty member between */
  buf_append(&all, gzb.data, gzb.len);
  buf_append(&expect, a.data, a.len);
  buf_append(&expect, b.data, b.len);
  check_mem_roundtrip(&all, &expect, CTS_COMPRESSION_GZIP, small_wants, 8);
  check_mem_roundtrip(&all, &expect, CTS_COMPRESSION_GZIP, big_wants, 8);
  /* A file holding only an empty member. */
  {
    buf none = {NULL, 0, 0};
    check_mem_roundtrip(&gze, &none, CTS_COMPRESSION_GZIP, small_wants, 8);
  }
  free(a.data);
  free(b.data);
  free(gza.data);
  free(gzb.data);
  free(gze.data);
  free(all.data);
  free(expect.data);
}

static void test_gzip_trailing_garbage(void) {
  buf a = make_payload(1000, 5);
  buf gz = gzip_bytes(a.data, a.len);
  cts_stream *s;
  buf got;
  CU_ASSERT_FATAL(gz.data != NULL);
  buf_append(&gz, (const uint8_t *)"junk", 4);
  CU_ASSERT_FATAL(cts_stream_open_mem(gz.data, gz.len, "g", &s) == CTS_OK);
  CU_ASSERT_EQUAL(drain(s, small_wants, 8, &got), CTS_ERR_DECOMPRESS);
  /* The member before the junk was delivered whole. */
  CU_ASSERT_EQUAL(got.len, a.len);
  CU_ASSERT(got.len == a.len && memcmp(got.data, a.data, a.len) == 0);
  free(got.data);
  cts_stream_close(s);
  free(gz.data);
  free(a.data);
}

static void test_zstd_frames(void) {
  buf a = make_payload(120000, 31), b = make_payload(90000, 32);
  buf za = zstd_bytes(a.data, a.len, 1), zb = zstd_bytes(b.data, b.len, 0);
  buf one = {NULL, 0, 0}, multi = {NULL, 0, 0}, skip = {NULL, 0, 0};
  buf expect = {NULL, 0, 0};
  CU_ASSERT_FATAL(za.data && zb.data);
  buf_append(&one, za.data, za.len);
  check_mem_roundtrip(&one, &a, CTS_COMPRESSION_ZSTD, small_wants, 8);
  check_mem_roundtrip(&one, &a, CTS_COMPRESSION_ZSTD, big_wants, 8);

  buf_append(&multi, za.data, za.len);
  buf_append(&multi, zb.data, zb.len);
  buf_append(&multi, za.data, za.len);
  buf_append(&expect, a.data, a.len);
  buf_append(&expect, b.data, b.len);
  buf_append(&expect, a.data, a.len);
  check_mem_roundtrip(&multi, &expect, CTS_COMPRESSION_ZSTD, small_wants, 8);
  check_mem_roundtrip(&multi, &expect, CTS_COMPRESSION_ZSTD, big_wants, 8);

  /* A skippable frame first (still detected as zstd), one between. */
  buf_append_skippable(&skip, 0x0, 16);
  buf_append(&skip, za.data, za.len);
  buf_append_skippable(&skip, 0xf, 0);
  buf_append(&skip, zb.data, zb.len);
  buf_append_skippable(&skip, 0x7, 5);
  free(expect.data);
  expect.data = NULL;
  expect.len = expect.cap = 0;
  buf_append(&expect, a.data, a.len);
  buf_append(&expect, b.data, b.len);
  check_mem_roundtrip(&skip, &expect, CTS_COMPRESSION_ZSTD, small_wants, 8);

  /* Only a skippable frame: zstd, and empty. */
  {
    buf only = {NULL, 0, 0}, none = {NULL, 0, 0};
    buf_append_skippable(&only, 0xa, 3);
    check_mem_roundtrip(&only, &none, CTS_COMPRESSION_ZSTD, small_wants, 8);
    free(only.data);
  }
  free(a.data);
  free(b.data);
  free(za.data);
  free(zb.data);
  free(one.data);
  free(multi.data);
  free(skip.data);
  free(expect.data);
}

/* 5 MB through each compression, every byte compared, with wants from 1
 * byte to several window sizes. */
static void test_large_roundtrip(void) {
  buf payload = make_payload((size_t)5 << 20, 99);
  buf gz = gzip_bytes(payload.data, payload.len);
  buf zs = zstd_bytes(payload.data, payload.len, 1);
  static const size_t tiny[] = {1, 3, 2, 17};
  CU_ASSERT_FATAL(payload.data && gz.data && zs.data);
  check_mem_roundtrip(&payload, &payload, CTS_COMPRESSION_NONE, big_wants, 8);
  check_mem_roundtrip(&gz, &payload, CTS_COMPRESSION_GZIP, big_wants, 8);
  check_mem_roundtrip(&zs, &payload, CTS_COMPRESSION_ZSTD, big_wants, 8);
  check_mem_roundtrip(&zs, &payload, CTS_COMPRESSION_ZSTD, tiny, 4);
  check_mem_roundtrip(&gz, &payload, CTS_COMPRESSION_GZIP, small_wants, 8);
  free(payload.data);
  free(gz.data);
  free(zs.data);
}

/* Compressed file on disk: mmap path, progress counters. */
static void test_compressed_file(void) {
  char path[] = "/tmp/cts-src-XXXXXX";
  int fd = mkstemp(path);
  buf payload = make_payload(400000, 41);
  buf zs = zstd_bytes(payload.data, payload.len, 1);
  const uint8_t *p;
  size_t avail;
  cts_stream *s;
  buf got;
  CU_ASSERT_FATAL(fd >= 0 && zs.data != NULL);
  close(fd);
  write_file(path, zs.data, zs.len);
  CU_ASSERT_FATAL(cts_stream_open_file(path, &s) == CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_ZSTD);
  CU_ASSERT_EQUAL(cts_stream_input_size(s), zs.len);
  CU_ASSERT_EQUAL(cts_stream_input_bytes(s), 0);
  CU_ASSERT(cts_stream_peek(s, 10, &p, &avail) == CTS_OK);
  CU_ASSERT(avail >= 10);
  CU_ASSERT(memcmp(p, payload.data, 10) == 0);
  CU_ASSERT(cts_stream_input_bytes(s) > 0);
  CU_ASSERT(cts_stream_input_bytes(s) <= zs.len);
  /* want larger than the whole rest: everything, status ok. */
  CU_ASSERT(cts_stream_peek(s, payload.len * 2, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, payload.len);
  CU_ASSERT(avail == payload.len && memcmp(p, payload.data, avail) == 0);
  cts_stream_consume(s, avail);
  CU_ASSERT_EQUAL(cts_stream_input_bytes(s), zs.len);
  CU_ASSERT(cts_stream_peek(s, 1, &p, &avail) == CTS_OK);
  CU_ASSERT_EQUAL(avail, 0);
  CU_ASSERT(cts_stream_peek(s, CTS_STREAM_MAX_WINDOW + 1, &p, &avail) ==
            CTS_ERR_LIMIT);
  cts_stream_close(s);
  (void)got;
  unlink(path);
  free(zs.data);
  free(payload.data);
}

/* Files past the step at which consumed input pages are handed back. */
static void test_large_files(void) {
  char path[] = "/tmp/cts-src-XXXXXX";
  int fd = mkstemp(path);
  size_t len = (size_t)40 << 20;
  buf payload = {malloc(len), len, len};
  buf zs;
  uint64_t seed = 5;
  CU_ASSERT_FATAL(fd >= 0 && payload.data != NULL);
  close(fd);
  for (size_t i = 0; i + 8 <= len; i += 8) {
    uint64_t r = rng_next(&seed);
    memcpy(payload.data + i, &r, 8);
  }
  zs = zstd_bytes(payload.data, payload.len, 0);
  CU_ASSERT_FATAL(zs.data != NULL);
  for (int pass = 0; pass < 2; pass++) {
    cts_stream *s;
    buf got;
    if (pass == 0)
      write_file(path, payload.data, payload.len);
    else
      write_file(path, zs.data, zs.len);
    CU_ASSERT_FATAL(cts_stream_open_file(path, &s) == CTS_OK);
    CU_ASSERT_EQUAL(cts_stream_compression(s), pass == 0
                                                   ? CTS_COMPRESSION_NONE
                                                   : CTS_COMPRESSION_ZSTD);
    CU_ASSERT_EQUAL(drain(s, big_wants, 8, &got), CTS_OK);
    CU_ASSERT_EQUAL(got.len, payload.len);
    CU_ASSERT(got.len == payload.len &&
              memcmp(got.data, payload.data, got.len) == 0);
    free(got.data);
    cts_stream_close(s);
  }
  unlink(path);
  free(zs.data);
  free(payload.data);
}

/* Any cut of a compressed stream gives CTS_ERR_DECOMPRESS (unless it
 * falls after the end), and what came before is a prefix of the data. */
static void check_truncations(const buf *comp, const buf *payload,
                              cts_compression kind) {
  size_t cuts[64], ncuts = 0;
  for (size_t c = 1; c < 40 && c < comp->len; c++) cuts[ncuts++] = c;
  for (size_t k = 1; k < 20; k++) cuts[ncuts++] = comp->len * k / 20;
  cuts[ncuts++] = comp->len - 1;
  for (size_t i = 0; i < ncuts; i++) {
    cts_stream *s;
    buf got;
    cts_status st;
    if (cuts[i] >= comp->len) continue;
    CU_ASSERT_FATAL(cts_stream_open_mem(comp->data, cuts[i], "cut", &s) ==
                    CTS_OK);
    st = drain(s, small_wants, 8, &got);
    if (cts_stream_compression(s) == kind) {
      CU_ASSERT_EQUAL(st, CTS_ERR_DECOMPRESS);
      /* A gzip cut inside the trailer delivers everything, then fails. */
      if (kind == CTS_COMPRESSION_ZSTD || cuts[i] < comp->len - 8)
        CU_ASSERT(got.len < payload->len);
      CU_ASSERT(got.len <= payload->len &&
                memcmp(got.data, payload->data, got.len) == 0);
      /* Still consistent after the error. */
      {
        const uint8_t *p;
        size_t avail;
        CU_ASSERT_EQUAL(cts_stream_offset(s), got.len);
        CU_ASSERT(cts_stream_peek(s, 0, &p, &avail) == CTS_OK);
        CU_ASSERT_EQUAL(avail, 0);
        CU_ASSERT_EQUAL(cts_stream_peek(s, 1, &p, &avail),
                        CTS_ERR_DECOMPRESS);
      }
    }
    free(got.data);
    cts_stream_close(s);
  }
}

static void test_truncated(void) {
  buf payload = make_payload(300000, 51);
  buf gz = gzip_bytes(payload.data, payload.len);
  buf zs = zstd_bytes(payload.data, payload.len, 0);
  buf zs2 = {NULL, 0, 0};
  CU_ASSERT_FATAL(gz.data && zs.data);
  check_truncations(&gz, &payload, CTS_COMPRESSION_GZIP);
  check_truncations(&zs, &payload, CTS_COMPRESSION_ZSTD);
  /* Two frames, cut inside the second: the first frame is delivered. */
  buf_append(&zs2, zs.data, zs.len);
  buf_append(&zs2, zs.data, zs.len / 2);
  {
    cts_stream *s;
    buf got;
    CU_ASSERT_FATAL(cts_stream_open_mem(zs2.data, zs2.len, "z2", &s) ==
                    CTS_OK);
    CU_ASSERT_EQUAL(drain(s, big_wants, 8, &got), CTS_ERR_DECOMPRESS);
    CU_ASSERT(got.len >= payload.len);
    CU_ASSERT(got.len < 2 * payload.len);
    CU_ASSERT(memcmp(got.data, payload.data, payload.len) == 0);
    free(got.data);
    cts_stream_close(s);
  }
  free(zs2.data);
  free(payload.data);
  free(gz.data);
  free(zs.data);
}

/* A peek that the bytes before the damage satisfy still succeeds. */
static void test_error_keeps_bytes(void) {
  buf payload = make_payload(100000, 61);
  buf zs = zstd_bytes(payload.data, payload.len, 0);
  buf two = {NULL, 0, 0};
  const uint8_t *p;
  size_t avail;
  cts_stream *s;
  CU_ASSERT_FATAL(zs.data != NULL);
  buf_append(&two, zs.data, zs.len);
  buf_append(&two, (const uint8_t *)"\x28\xb5\x2f\xfd\xff\xff", 6);
  CU_ASSERT_FATAL(cts_stream_open_mem(two.data, two.len, "e", &s) ==
                  CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_peek(s, payload.len + 1, &p, &avail),
                  CTS_ERR_DECOMPRESS);
  CU_ASSERT_EQUAL(avail, payload.len);
  CU_ASSERT(avail == payload.len && memcmp(p, payload.data, avail) == 0);
  CU_ASSERT_EQUAL(cts_stream_peek(s, 1000, &p, &avail), CTS_OK);
  CU_ASSERT(avail >= 1000);
  CU_ASSERT(memcmp(p, payload.data, 1000) == 0);
  cts_stream_consume(s, 1000);
  CU_ASSERT_EQUAL(cts_stream_offset(s), 1000);
  CU_ASSERT_EQUAL(cts_stream_peek(s, payload.len - 1000, &p, &avail),
                  CTS_OK);
  CU_ASSERT(memcmp(p, payload.data + 1000, payload.len - 1000) == 0);
  cts_stream_consume(s, payload.len - 1000);
  CU_ASSERT_EQUAL(cts_stream_peek(s, 1, &p, &avail), CTS_ERR_DECOMPRESS);
  CU_ASSERT_EQUAL(avail, 0);
  cts_stream_close(s);
  free(two.data);
  free(zs.data);
  free(payload.data);
}

/* Flipped bits: an error or bytes, never a crash (ASan watches). */
static void test_bit_flips(void) {
  buf payload = make_payload(60000, 71);
  buf gz = gzip_bytes(payload.data, payload.len);
  buf zs = zstd_bytes(payload.data, payload.len, 1);
  buf *inputs[2] = {&gz, &zs};
  uint64_t seed = 1234;
  CU_ASSERT_FATAL(gz.data && zs.data);
  for (int which = 0; which < 2; which++) {
    buf *in = inputs[which];
    for (int trial = 0; trial < 150; trial++) {
      buf copy = {NULL, 0, 0}, got;
      cts_stream *s;
      cts_status st;
      int flips = 1 + (int)(rng_next(&seed) % 3);
      buf_append(&copy, in->data, in->len);
      for (int f = 0; f < flips; f++) {
        /* Half the flips in the first 32 bytes (headers). */
        size_t pos = (rng_next(&seed) & 1) ? rng_next(&seed) % 32
                                           : rng_next(&seed) % copy.len;
        copy.data[pos] ^= (uint8_t)(1u << (rng_next(&seed) % 8));
      }
      CU_ASSERT_FATAL(cts_stream_open_mem(copy.data, copy.len, "flip",
                                          &s) == CTS_OK);
      st = drain(s, small_wants, 8, &got);
      CU_ASSERT(st == CTS_OK || st == CTS_ERR_DECOMPRESS);
      if (cts_stream_compression(s) == CTS_COMPRESSION_NONE)
        CU_ASSERT(got.len == copy.len);
      free(got.data);
      cts_stream_close(s);
      free(copy.data);
    }
  }
  free(payload.data);
  free(gz.data);
  free(zs.data);
}

/* ---- expand ------------------------------------------------------------ */

typedef struct warn_log {
  int count;
  int superseded;
  char last_path[4096];
  char last_reason[256];
} warn_log;

static void record_warn(void *ctx, const char *path, const char *reason) {
  warn_log *log = ctx;
  log->count++;
  if (strstr(reason, "superseded") != NULL) log->superseded++;
  snprintf(log->last_path, sizeof log->last_path, "%s", path);
  snprintf(log->last_reason, sizeof log->last_reason, "%s", reason);
}

static void test_expand_corpus_tree(void) {
  static const char *roots[] = {"corpus/navigli2025h2",
                                "corpus/navigli2025h2/",
                                "corpus/navigli2025h2/tile/data"};
  for (size_t r = 0; r < 3; r++) {
    cts_input_list list = {0};
    warn_log log = {0};
    CU_ASSERT_FATAL(cts_source_expand(roots[r], &list, record_warn, &log) ==
                    CTS_OK);
    CU_ASSERT_EQUAL(list.count, 4);
    for (size_t i = 0; i < list.count && i < 4; i++) {
      char expect[64];
      snprintf(expect, sizeof expect, "tile/data/%03zu", i);
      CU_ASSERT(list.items[i].index_known == 1);
      CU_ASSERT_EQUAL(list.items[i].first_index, i * 256);
      CU_ASSERT_EQUAL(list.items[i].expected_entries, 256);
      CU_ASSERT(strstr(list.items[i].path, expect) != NULL);
      CU_ASSERT(strstr(list.items[i].path, "//") == NULL);
      CU_ASSERT(strstr(list.items[i].path, ".p") == NULL);
    }
    CU_ASSERT_EQUAL(log.superseded, 1);
    CU_ASSERT_EQUAL(log.count, 1);
    CU_ASSERT(strstr(log.last_path, "003.p/10") != NULL);
    cts_input_list_free(&list);
    CU_ASSERT_EQUAL(list.count, 0);
    CU_ASSERT(list.items == NULL);
  }
}

static void test_expand_tiles_tmp(void) {
  char root[] = "/tmp/cts-tree-XXXXXX";
  char sub[4200];
  cts_input_list list = {0};
  warn_log log = {0};
  CU_ASSERT_FATAL(mkdtemp(root) != NULL);
  make_file(root, "checkpoint", "log\n1\n");
  make_file(root, "issuer/abcd", "x");
  make_file(root, "tile/0/000", "hash");
  make_file(root, "tile/names/000", "n");
  make_file(root, "tile/data/000", "t0");
  make_file(root, "tile/data/x001/x234/067", "big");
  make_file(root, "tile/data/x001/x234/068.p/5", "partial");
  make_file(root, "tile/data/x001/x234/069.p/3", "narrow");
  make_file(root, "tile/data/x001/x234/069.p/200", "wide");
  make_file(root, "tile/data/001.p/17", "p1");
  make_file(root, "tile/data/x000/005", "noncanonical");
  make_file(root, "tile/data/junk", "j");
  make_file(root, "tile/data/002.p/0", "zero width");
  make_file(root, "tile/data/x1/002", "short group");
  make_file(root, "tile/data/004.p/1a", "bad width");
  make_file(root, "tile/data/005.p/012", "leading zero width");
  /* 2^64 - 1 and 2^56: index * 256 would not fit in 64 bits. */
  make_file(root, "tile/data/x018/x446/x744/x073/x709/x551/615", "max");
  make_file(root, "tile/data/x072/x057/x594/x037/x927/936", "2^56");
  /* 2^56 - 1: the last tile whose first index fits. */
  make_file(root, "tile/data/x072/x057/x594/x037/x927/935", "last");
  CU_ASSERT_FATAL(cts_source_expand(root, &list, record_warn, &log) ==
                  CTS_OK);
  CU_ASSERT_EQUAL_FATAL(list.count, 6);
  CU_ASSERT_EQUAL(list.items[5].first_index, 72057594037927935ULL * 256);
  CU_ASSERT_EQUAL(list.items[5].expected_entries, 256);
  list.count--;
  free(list.items[5].path);
  CU_ASSERT_EQUAL(list.items[0].first_index, 0);
  CU_ASSERT_EQUAL(list.items[0].expected_entries, 256);
  CU_ASSERT_EQUAL(list.items[1].first_index, 256);
  CU_ASSERT_EQUAL(list.items[1].expected_entries, 17);
  CU_ASSERT(strstr(list.items[1].path, "tile/data/001.p/17") != NULL);
  CU_ASSERT_EQUAL(list.items[2].first_index, 1234067ULL * 256);
  CU_ASSERT_EQUAL(list.items[2].expected_entries, 256);
  CU_ASSERT(strstr(list.items[2].path, "tile/data/x001/x234/067") != NULL);
  CU_ASSERT_EQUAL(list.items[3].first_index, 1234068ULL * 256);
  CU_ASSERT_EQUAL(list.items[3].expected_entries, 5);
  CU_ASSERT_EQUAL(list.items[4].first_index, 1234069ULL * 256);
  CU_ASSERT_EQUAL(list.items[4].expected_entries, 200);
  for (size_t i = 0; i < list.count; i++)
    CU_ASSERT(list.items[i].index_known == 1);
  /* 069.p/3 superseded; x000/005, junk, 002.p/0, x1/002, 004.p/1a,
   * 005.p/012 and the two overflowing paths do not parse. */
  CU_ASSERT_EQUAL(log.superseded, 1);
  CU_ASSERT_EQUAL(log.count, 9);

  /* The tile/data directory itself gives the same units, appended. */
  snprintf(sub, sizeof sub, "%s/tile/data/", root);
  CU_ASSERT(cts_source_expand(sub, &list, NULL, NULL) == CTS_OK);
  CU_ASSERT_EQUAL_FATAL(list.count, 11);
  for (size_t i = 0; i < 5; i++) {
    CU_ASSERT_EQUAL(list.items[5 + i].first_index, list.items[i].first_index);
    CU_ASSERT_EQUAL(list.items[5 + i].expected_entries,
                    list.items[i].expected_entries);
  }
  cts_input_list_free(&list);

  /* Reached through "." from inside tile/data. */
  {
    char cwd[4096];
    CU_ASSERT_FATAL(getcwd(cwd, sizeof cwd) != NULL);
    CU_ASSERT_FATAL(chdir(sub) == 0);
    CU_ASSERT(cts_source_expand(".", &list, NULL, NULL) == CTS_OK);
    CU_ASSERT_FATAL(chdir(cwd) == 0);
    CU_ASSERT_EQUAL(list.count, 6);
    cts_input_list_free(&list);
  }
  rm_tree(root);
}

static void test_expand_plain_dir(void) {
  char root[] = "/tmp/cts-plain-XXXXXX";
  char path[4200];
  static const char *expect[] = {"a.txt", "a/b", "a/c/d", "b", "tile/x"};
  cts_input_list list = {0};
  warn_log log = {0};
  CU_ASSERT_FATAL(mkdtemp(root) != NULL);
  make_file(root, "b", "1");
  make_file(root, "a/c/d", "2");
  make_file(root, "a/b", "3");
  make_file(root, "a.txt", "4");
  make_file(root, "tile/x", "5"); /* tile/ without data/: plain */
  /* A loop through a symlink, and a dangling symlink. */
  snprintf(path, sizeof path, "%s/a/c/loop", root);
  CU_ASSERT_FATAL(symlink("../..", path) == 0);
  snprintf(path, sizeof path, "%s/dangling", root);
  CU_ASSERT_FATAL(symlink("nowhere", path) == 0);
  CU_ASSERT_FATAL(cts_source_expand(root, &list, record_warn, &log) ==
                  CTS_OK);
  CU_ASSERT_EQUAL_FATAL(list.count, 5);
  for (size_t i = 0; i < 5; i++) {
    snprintf(path, sizeof path, "%s/%s", root, expect[i]);
    CU_ASSERT_STRING_EQUAL(list.items[i].path, path);
    CU_ASSERT_EQUAL(list.items[i].index_known, 0);
    CU_ASSERT_EQUAL(list.items[i].expected_entries, 0);
  }
  CU_ASSERT_EQUAL(log.count, 2); /* the loop and the dangling link */
  cts_input_list_free(&list);

  /* A FIFO: skipped inside a directory, refused when named. */
  snprintf(path, sizeof path, "%s/a/fifo", root);
  CU_ASSERT_FATAL(mkfifo(path, 0600) == 0);
  memset(&log, 0, sizeof log);
  CU_ASSERT(cts_source_expand(root, &list, record_warn, &log) == CTS_OK);
  CU_ASSERT_EQUAL(list.count, 5);
  CU_ASSERT_EQUAL(log.count, 3);
  cts_input_list_free(&list);
  memset(&log, 0, sizeof log);
  CU_ASSERT(cts_source_expand(path, &list, record_warn, &log) == CTS_ERR_IO);
  CU_ASSERT_EQUAL(log.count, 1);
  CU_ASSERT_EQUAL(list.count, 0);
  {
    cts_stream *s = NULL;
    CU_ASSERT_EQUAL(cts_stream_open_file(path, &s), CTS_ERR_IO);
  }

  /* A regular file is one unit, as given. */
  snprintf(path, sizeof path, "%s/a/b", root);
  CU_ASSERT(cts_source_expand(path, &list, NULL, NULL) == CTS_OK);
  CU_ASSERT_EQUAL_FATAL(list.count, 1);
  CU_ASSERT_STRING_EQUAL(list.items[0].path, path);
  CU_ASSERT_EQUAL(list.items[0].index_known, 0);
  cts_input_list_free(&list);
  rm_tree(root);
}

static void test_expand_deep(void) {
  char root[] = "/tmp/cts-deep-XXXXXX";
  char rel[1024] = "";
  cts_input_list list = {0};
  warn_log log = {0};
  CU_ASSERT_FATAL(mkdtemp(root) != NULL);
  for (int i = 0; i < 80; i++) strcat(rel, "d/");
  strcat(rel, "f");
  make_file(root, "top", "t");
  make_file(root, rel, "deep");
  CU_ASSERT(cts_source_expand(root, &list, record_warn, &log) == CTS_OK);
  CU_ASSERT_EQUAL(list.count, 1);
  CU_ASSERT(log.count >= 1);
  cts_input_list_free(&list);
  rm_tree(root);
}

static void test_expand_missing(void) {
  cts_input_list list = {0};
  warn_log log = {0};
  CU_ASSERT_EQUAL(cts_source_expand("/nonexistent/cts/path", &list,
                                    record_warn, &log),
                  CTS_ERR_IO);
  CU_ASSERT_EQUAL(log.count, 1);
  CU_ASSERT_STRING_EQUAL(log.last_path, "/nonexistent/cts/path");
  CU_ASSERT_EQUAL(list.count, 0);
  CU_ASSERT_EQUAL(cts_source_expand("/nonexistent", &list, NULL, NULL),
                  CTS_ERR_IO);
  cts_input_list_free(&list);
}

/* Every corpus tile opens as a raw stream of the file's bytes. */
static void test_corpus_tiles_stream(void) {
  cts_input_list list = {0};
  CU_ASSERT_FATAL(cts_source_expand("corpus/navigli2025h2", &list, NULL,
                                    NULL) == CTS_OK);
  for (size_t i = 0; i < list.count; i++) {
    size_t len = 0, avail;
    unsigned char *raw = cts_test_read_file(list.items[i].path, &len);
    const uint8_t *p;
    cts_stream *s;
    CU_ASSERT_FATAL(raw != NULL);
    CU_ASSERT_FATAL(cts_stream_open_file(list.items[i].path, &s) == CTS_OK);
    CU_ASSERT(cts_stream_peek(s, len, &p, &avail) == CTS_OK);
    CU_ASSERT_EQUAL(avail, len);
    CU_ASSERT(avail == len && memcmp(p, raw, len) == 0);
    cts_stream_close(s);
    free(raw);
  }
  cts_input_list_free(&list);
}

static CU_TestInfo tests[] = {
    {"raw mem zero copy", test_raw_mem_zero_copy},
    {"raw file", test_raw_file},
    {"empty input", test_empty},
    {"open errors", test_open_errors},
    {"short magic is raw", test_short_magic_is_raw},
    {"gzip", test_gzip},
    {"gzip members", test_gzip_members},
    {"gzip trailing garbage", test_gzip_trailing_garbage},
    {"zstd frames", test_zstd_frames},
    {"large roundtrip", test_large_roundtrip},
    {"compressed file", test_compressed_file},
    {"large files", test_large_files},
    {"truncated", test_truncated},
    {"error keeps bytes", test_error_keeps_bytes},
    {"bit flips", test_bit_flips},
    {"expand corpus tree", test_expand_corpus_tree},
    {"expand tiles tmp", test_expand_tiles_tmp},
    {"expand plain dir", test_expand_plain_dir},
    {"expand deep", test_expand_deep},
    {"expand missing", test_expand_missing},
    {"corpus tiles stream", test_corpus_tiles_stream},
    CU_TEST_INFO_NULL};

CTS_TEST_SUITE("source", tests)
