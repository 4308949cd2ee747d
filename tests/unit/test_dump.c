/* Tests for the dump writer (src/dump): the file is checked against the
 * formats it claims, independently of the writer's own seek-table reader:
 * libzstd decompresses it to the TileLeaf stream, the seek table (zstd
 * seekable format) is parsed here by hand and every frame's sizes are
 * checked, and ctscan's reader scans it entry for entry. The records are the
 * real TileLeaf records of corpus/navigli2025h2. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zstd.h>

#include "ctscan/container.h"
#include "ctscan/dump.h"
#include "ctscan/source.h"
#include "test.h"

typedef struct record {
  const uint8_t *data;
  size_t len;
  uint64_t timestamp;
  size_t lint_len; /* length of the pre_certificate */
} record;

typedef struct corpus {
  uint8_t *bytes; /* tiles 000-003 back to back */
  size_t len;
  record rec[1024];
  size_t count;
} corpus;

static int load_corpus(corpus *c) {
  static const char *const tiles[] = {
      "corpus/navigli2025h2/tile/data/000", "corpus/navigli2025h2/tile/data/001",
      "corpus/navigli2025h2/tile/data/002", "corpus/navigli2025h2/tile/data/003"};
  cts_der cur;
  memset(c, 0, sizeof *c);
  for (size_t i = 0; i < 4; i++) {
    size_t n;
    unsigned char *t = cts_test_read_file(tiles[i], &n);
    uint8_t *p;
    if (t == NULL) return 0;
    p = realloc(c->bytes, c->len + n);
    if (p == NULL) {
      free(t);
      return 0;
    }
    c->bytes = p;
    memcpy(c->bytes + c->len, t, n);
    c->len += n;
    free(t);
  }
  cur.data = c->bytes;
  cur.len = c->len;
  while (cur.len > 0 && c->count < 1024) {
    cts_entry e;
    const char *reason;
    const uint8_t *start = cur.data;
    if (!cts_container_parse_tileleaf(&cur, &e, &reason)) return 0;
    c->rec[c->count].data = start;
    c->rec[c->count].len = (size_t)(cur.data - start);
    c->rec[c->count].timestamp = e.timestamp_ms;
    c->rec[c->count].lint_len = e.pre_cert.len;
    c->count++;
  }
  return c->count == 1024 && cur.len == 0;
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static const uint8_t k_issuer_a[] = {0x30, 0x03, 0x02, 0x01, 0x01};
static const uint8_t k_issuer_b[] = {0x30, 0x03, 0x02, 0x01, 0x02};
static const uint8_t k_issuer_c[] = {0x30, 0x03, 0x02, 0x01, 0x03};

/* Writes n records of c with K tiles per frame; issuers a, b (and a again)
 * before the first leaf, c (and b again) after it. */
static int write_dump(const char *path, const corpus *c, size_t n, unsigned k) {
  cts_dump_writer *w;
  if (cts_dump_writer_open(path, "navigli.example/2025h2 \"q\"", 0, k, 3, &w) !=
      CTS_OK)
    return 0;
  if (cts_dump_writer_add_issuer(w, k_issuer_a, sizeof k_issuer_a) != CTS_OK ||
      cts_dump_writer_add_issuer(w, k_issuer_b, sizeof k_issuer_b) != CTS_OK ||
      cts_dump_writer_add_issuer(w, k_issuer_a, sizeof k_issuer_a) != CTS_OK)
    goto abort_writer;
  for (size_t i = 0; i < n; i++) {
    if (cts_dump_writer_add_leaf(w, c->rec[i].data, c->rec[i].len) != CTS_OK)
      goto abort_writer;
    if (i == 10 &&
        (cts_dump_writer_add_issuer(w, k_issuer_c, sizeof k_issuer_c) !=
             CTS_OK ||
         cts_dump_writer_add_issuer(w, k_issuer_b, sizeof k_issuer_b) !=
             CTS_OK))
      goto abort_writer;
  }
  if (cts_dump_writer_entries(w) != n) goto abort_writer;
  return cts_dump_writer_close(w) == CTS_OK;
abort_writer:
  cts_dump_writer_abort(w);
  return 0;
}

static void temp_path(char *out, size_t cap) {
  snprintf(out, cap, "/tmp/ctscan-test-dump-%ld.tiles.zst", (long)getpid());
}

/* zstd -d through libzstd's streaming decoder (skippable frames skipped). */
static void check_decompresses(const uint8_t *file, size_t len,
                               const corpus *c, size_t n) {
  ZSTD_DStream *ds = ZSTD_createDStream();
  ZSTD_inBuffer in = {file, len, 0};
  size_t cap = c->len + 1;
  uint8_t *out = malloc(cap);
  ZSTD_outBuffer ob = {out, cap, 0};
  size_t want = 0, ret = 1;
  CU_ASSERT_FATAL(ds != NULL && out != NULL);
  for (size_t i = 0; i < n; i++) want += c->rec[i].len;
  while (in.pos < in.size) {
    ret = ZSTD_decompressStream(ds, &ob, &in);
    if (ZSTD_isError(ret)) break;
  }
  CU_ASSERT(!ZSTD_isError(ret));
  CU_ASSERT_EQUAL(ret, 0); /* ends on a frame boundary */
  CU_ASSERT_EQUAL(ob.pos, want);
  CU_ASSERT(memcmp(out, c->bytes, want) == 0);
  free(out);
  ZSTD_freeDStream(ds);
}

/* The seek table, parsed by hand from the seekable-format spec. Checks
 * every frame against the file and returns the frame count. */
static void check_seek_table(const uint8_t *file, size_t len, const corpus *c,
                               size_t n, unsigned k) {
  const uint8_t *foot = file + len - 9;
  uint32_t frames, per_frame = k * 256;
  size_t table_at, off = 0, leaf = 0, data_frames = 0;
  CU_ASSERT_FATAL(len > 17);
  if (len <= 17) return;
  CU_ASSERT_EQUAL(le32(foot + 5), 0x8F92EAB1u); /* Seekable_Magic_Number */
  CU_ASSERT_EQUAL(foot[4], 0);                  /* no checksums */
  frames = le32(foot);
  table_at = len - 9 - (size_t)frames * 8 - 8;
  CU_ASSERT_EQUAL_FATAL(le32(file + table_at), 0x184D2A5Eu);
  CU_ASSERT_EQUAL(le32(file + table_at + 4), (uint32_t)frames * 8 + 9);
  for (uint32_t i = 0; i < frames; i++) {
    const uint8_t *e = file + table_at + 8 + 8 * (size_t)i;
    uint32_t csize = le32(e), dsize = le32(e + 4);
    const uint8_t *f = file + off;
    CU_ASSERT_FATAL(off + csize <= table_at);
    if (i == 0) { /* metadata */
      char json[512];
      char expect[64];
      CU_ASSERT_EQUAL(le32(f), 0x184D2A5Cu);
      CU_ASSERT_EQUAL(le32(f + 4) + 8, csize);
      CU_ASSERT_EQUAL(dsize, 0);
      CU_ASSERT_FATAL(csize - 8 < sizeof json);
      memcpy(json, f + 8, csize - 8);
      json[csize - 8] = 0;
      snprintf(expect, sizeof expect, "\"entries\":%-20zu,", n);
      CU_ASSERT(strstr(json, expect) != NULL);
      {
        static const char head[] =
            "{\"format\":\"ctscan-dump\",\"version\":1,\"log\":"
            "\"navigli.example/2025h2 \\\"q\\\"\",\"first_index\":0,";
        CU_ASSERT(strncmp(json, head, sizeof head - 1) == 0);
      }
      snprintf(expect, sizeof expect, "\"tiles_per_frame\":%u}", k);
      CU_ASSERT(strstr(json, expect) != NULL);
    } else if (i == 1) { /* front issuers: a, b once each */
      CU_ASSERT_EQUAL(le32(f), 0x184D2A5Du);
      CU_ASSERT_EQUAL(csize, 8 + 2 * (3 + 5));
      CU_ASSERT_EQUAL(dsize, 0);
      CU_ASSERT(f[8] == 0 && f[9] == 0 && f[10] == 5);
      CU_ASSERT(memcmp(f + 11, k_issuer_a, 5) == 0);
      CU_ASSERT(memcmp(f + 19, k_issuer_b, 5) == 0);
    } else if (le32(f) == 0x184D2A5Du) { /* late issuers: c only */
      CU_ASSERT_EQUAL(i, frames - 1);
      CU_ASSERT_EQUAL(csize, 8 + 3 + 5);
      CU_ASSERT_EQUAL(dsize, 0);
      CU_ASSERT(memcmp(f + 11, k_issuer_c, 5) == 0);
    } else { /* a zstd frame of whole records */
      size_t want = 0, count = per_frame;
      CU_ASSERT_EQUAL(le32(f), ZSTD_MAGICNUMBER);
      CU_ASSERT_EQUAL(ZSTD_findFrameCompressedSize(f, csize), csize);
      CU_ASSERT_EQUAL(ZSTD_getFrameContentSize(f, csize), dsize);
      if (count > n - leaf) count = n - leaf;
      for (size_t r = 0; r < count; r++) want += c->rec[leaf + r].len;
      CU_ASSERT_EQUAL(dsize, want);
      leaf += count;
      data_frames++;
    }
    off += csize;
  }
  CU_ASSERT_EQUAL(off, table_at);
  CU_ASSERT_EQUAL(leaf, n);
  CU_ASSERT_EQUAL(data_frames, (n + per_frame - 1) / per_frame);
}

typedef struct scan_ctx {
  const corpus *c;
  size_t seen;
  size_t mismatches;
  size_t errors;
} scan_ctx;

static cts_status on_entry(void *ctx, const cts_entry *e) {
  scan_ctx *s = ctx;
  if (s->seen >= s->c->count || e->timestamp_ms != s->c->rec[s->seen].timestamp ||
      e->pre_cert.len != s->c->rec[s->seen].lint_len ||
      e->type != CTS_ENTRY_PRECERT || !e->index_known || e->index != s->seen)
    s->mismatches++;
  s->seen++;
  return CTS_OK;
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  ((scan_ctx *)ctx)->errors++;
}

static void check_reader(const char *path, const corpus *c, size_t n) {
  cts_stream *s;
  cts_input in = {(char *)path, 0, 0, 0};
  scan_ctx ctx = {c, 0, 0, 0};
  cts_entry_sink sink = {on_entry, on_error, &ctx};
  CU_ASSERT_EQUAL_FATAL(cts_stream_open_file(path, &s), CTS_OK);
  CU_ASSERT_EQUAL(cts_stream_compression(s), CTS_COMPRESSION_ZSTD);
  CU_ASSERT_EQUAL(cts_container_read(s, &in, &sink), CTS_OK);
  cts_stream_close(s);
  CU_ASSERT_EQUAL(ctx.seen, n);
  CU_ASSERT_EQUAL(ctx.mismatches, 0);
  CU_ASSERT_EQUAL(ctx.errors, 0);
}

static void run_case(size_t n, unsigned k) {
  static corpus c;
  static int loaded;
  char path[128];
  uint8_t *file;
  size_t len;
  if (!loaded) loaded = load_corpus(&c);
  CU_ASSERT_FATAL(loaded);
  temp_path(path, sizeof path);
  CU_ASSERT_FATAL(write_dump(path, &c, n, k));
  file = cts_test_read_file(path, &len);
  CU_ASSERT_FATAL(file != NULL);
  check_decompresses(file, len, &c, n);
  check_seek_table(file, len, &c, n, k);
  if (n > 0) check_reader(path, &c, n);
  free(file);
  remove(path);
}

static void test_full_frames(void) { run_case(1024, 1); }
static void test_short_last_frame(void) { run_case(1000, 1); }
static void test_one_frame(void) { run_case(1024, 16); }
static void test_two_tiles_per_frame(void) { run_case(777, 2); }

static void test_empty(void) {
  char path[128];
  cts_dump_writer *w;
  uint8_t *file;
  size_t len;
  temp_path(path, sizeof path);
  CU_ASSERT_EQUAL_FATAL(cts_dump_writer_open(path, NULL, 42, 0, 1, &w), CTS_OK);
  CU_ASSERT_EQUAL(cts_dump_writer_close(w), CTS_OK);
  file = cts_test_read_file(path, &len);
  CU_ASSERT_FATAL(file != NULL);
  /* metadata, an empty issuer frame, and the seek table listing the two */
  CU_ASSERT_FATAL(len > 8 + 8 + 16 + 9);
  {
    size_t table_at = len - 9 - 16 - 8;
    CU_ASSERT_EQUAL(le32(file + len - 9), 2);
    CU_ASSERT_EQUAL(le32(file + table_at), 0x184D2A5Eu);
    CU_ASSERT_EQUAL(le32(file + table_at + 16), 8); /* empty issuer frame */
    CU_ASSERT_EQUAL(le32(file + table_at + 8) + 8, table_at);
    CU_ASSERT_EQUAL(le32(file + table_at - 8), 0x184D2A5Du);
  }
  CU_ASSERT(strstr((const char *)file + 8, "\"first_index\":42,\"entries\":0 ") !=
            NULL);
  CU_ASSERT(strstr((const char *)file + 8, "\"tiles_per_frame\":16}") != NULL);
  free(file);
  remove(path);
}

static void test_bad_arguments(void) {
  cts_dump_writer *w = NULL;
  CU_ASSERT_EQUAL(cts_dump_writer_open("/tmp/x", "", 0, 5000, 3, &w),
                  CTS_ERR_USAGE);
  CU_ASSERT_EQUAL(cts_dump_writer_open("/nonexistent/dir/x", "", 0, 1, 3, &w),
                  CTS_ERR_IO);
  CU_ASSERT(w == NULL);
  CU_ASSERT_EQUAL(cts_dump_writer_open("/tmp/x", "", 0, 1, 99, &w),
                  CTS_ERR_USAGE);
  cts_dump_writer_abort(NULL);
}

static CU_TestInfo k_tests[] = {
    {"full frames (K=1)", test_full_frames},
    {"short last frame", test_short_last_frame},
    {"one frame (K=16)", test_one_frame},
    {"K=2, 777 entries", test_two_tiles_per_frame},
    {"empty dump", test_empty},
    {"bad arguments", test_bad_arguments},
    CU_TEST_INFO_NULL,
};
CTS_TEST_SUITE("dump", k_tests)
