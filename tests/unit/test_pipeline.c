/* The pipeline: dump index (seek table, metadata), zip directory, the
 * threaded scan (same stats JSON for any thread count and any K), the
 * decompressing thread's batches, and damaged inputs. */
#define ZLIB_CONST
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "ctscan/dump.h"
#include "ctscan/report.h"
#include "ctscan/scan.h"
#include "src/cli/cli.h"
#include "src/scan/scan_internal.h"
#include "test.h"

#define NAVIGLI "corpus/navigli2025h2"

static char g_dir[64];

static const char *tmp_path(const char *name) {
  static char paths[8][128];
  static int next;
  char *p = paths[next++ % 8];
  if (g_dir[0] == '\0') {
    snprintf(g_dir, sizeof(g_dir), "/tmp/ctscan-pipeline-%ld", (long)getpid());
    (void)mkdir(g_dir, 0700);
  }
  snprintf(p, 128, "%s/%s", g_dir, name);
  return p;
}

static int write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  int ok;
  if (f == NULL) return 0;
  ok = fwrite(data, 1, len, f) == len;
  return fclose(f) == 0 && ok;
}

/* Packs the log tree with K tiles per frame into path. */
static int pack(const char *path, const char *k, const char *input) {
  char *argv[] = {"-q", "-K", (char *)k, "-o", (char *)path, (char *)input};
  return cts_cli_pack(6, argv) == 0;
}

static void quiet_warn(void *ctx, const char *path, const char *reason) {}

/* Scans path with the given threads and stream threshold; returns the
 * stats JSON (malloc'd) and the stats in *out (when not NULL). */
static char *scan_json(const char *path, unsigned threads, uint64_t stream,
                       cts_stats *out) {
  cts_input_list list = {0};
  cts_scan_options opt;
  cts_stats s;
  char *json = NULL;
  size_t len = 0;
  FILE *mem;
  memset(&opt, 0, sizeof(opt));
  opt.quiet = 1;
  opt.threads = threads;
  opt.stream_threshold = stream;
  if (cts_source_expand(path, &list, quiet_warn, NULL) != CTS_OK) return NULL;
  if (cts_scan_inputs(&list, &opt, &s) != CTS_OK) {
    cts_input_list_free(&list);
    return NULL;
  }
  cts_input_list_free(&list);
  mem = open_memstream(&json, &len);
  if (mem != NULL) {
    (void)cts_report_json(&s, NULL, mem);
    fclose(mem);
  }
  if (out != NULL)
    *out = s;
  else
    cts_stats_free(&s);
  return json;
}

static void assert_accounted(const cts_stats *s) {
  CU_ASSERT_EQUAL(s->entries, s->clean + s->flagged + s->unparseable);
}

/* --- dump index ----------------------------------------------------------- */

/* The index read from the file with pread (as a scan plans it) equals the
 * index of the same bytes in memory: status, reason, place and frames. */
static void check_index_fd(const unsigned char *data, size_t len) {
  const char *path = tmp_path("index-fd.bin");
  cts_dump_info a, b;
  const char *ra = NULL, *rb = NULL;
  uint64_t oa = 0, ob = 0;
  cts_status sa, sb;
  FILE *f = fopen(path, "wb");
  int fd;
  CU_ASSERT_PTR_NOT_NULL_FATAL(f);
  CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
  fclose(f);
  fd = open(path, O_RDONLY);
  CU_ASSERT_FATAL(fd >= 0);
  sa = cts_dump_index(data, len, &a, &ra, &oa);
  sb = cts_dump_index_fd(fd, len, &b, &rb, &ob);
  close(fd);
  unlink(path);
  CU_ASSERT_EQUAL(sa, sb);
  CU_ASSERT_EQUAL(oa, ob);
  CU_ASSERT_TRUE((ra == NULL && rb == NULL) ||
                 (ra != NULL && rb != NULL && strcmp(ra, rb) == 0));
  CU_ASSERT_EQUAL(a.n_frames, b.n_frames);
  CU_ASSERT_EQUAL(a.entries, b.entries);
  CU_ASSERT_EQUAL(a.issuers_offset, b.issuers_offset);
  if (a.n_frames == b.n_frames && a.n_frames > 0)
    CU_ASSERT_EQUAL(memcmp(a.frames, b.frames, a.n_frames * sizeof(*a.frames)), 0);
  cts_dump_info_free(&a);
  cts_dump_info_free(&b);
}

static void test_dump_index(void) {
  const char *path = tmp_path("k1.tiles.zst");
  unsigned char *data;
  size_t len;
  cts_dump_info info;
  const char *reason;
  uint64_t off, d = 0;
  CU_ASSERT_FATAL(pack(path, "1", NAVIGLI));
  data = cts_test_read_file(path, &len);
  CU_ASSERT_FATAL(data != NULL);
  CU_ASSERT_TRUE(cts_dump_detect(data, len));
  CU_ASSERT_FATAL(cts_dump_index(data, len, &info, &reason, &off) == CTS_OK);
  CU_ASSERT_EQUAL(info.entries, 1024);
  CU_ASSERT_EQUAL(info.tiles_per_frame, 1);
  CU_ASSERT_EQUAL(info.n_frames, 4);
  for (size_t i = 0; i < info.n_frames; i++) {
    CU_ASSERT_EQUAL(info.frames[i].d_offset, d);
    CU_ASSERT_EQUAL(info.frames[i].entries, 256);
    CU_ASSERT_EQUAL(info.frames[i].first_entry, 256 * i);
    d += info.frames[i].d_size;
  }
  cts_dump_info_free(&info);

  /* A bad footer magic, a frame count the file cannot hold, a seek table
   * whose sizes do not tile the file: each is refused with a place. */
  data[len - 1] ^= 0xff;
  CU_ASSERT_EQUAL(cts_dump_index(data, len, &info, &reason, &off), CTS_ERR_FORMAT);
  CU_ASSERT_PTR_NOT_NULL(strstr(reason, "seek table"));
  data[len - 1] ^= 0xff;
  {
    uint8_t saved = data[len - 9];
    data[len - 9] = 0xff; /* Number_Of_Frames */
    CU_ASSERT_EQUAL(cts_dump_index(data, len, &info, &reason, &off), CTS_ERR_FORMAT);
    data[len - 9] = (uint8_t)(saved - 1); /* one frame left out */
    CU_ASSERT_EQUAL(cts_dump_index(data, len, &info, &reason, &off), CTS_ERR_FORMAT);
    data[len - 9] = saved;
  }
  CU_ASSERT_EQUAL(cts_dump_index(data, len, &info, &reason, &off), CTS_OK);
  cts_dump_info_free(&info);
  CU_ASSERT_EQUAL(cts_dump_index(data, len - 1, &info, &reason, &off), CTS_ERR_FORMAT);
  /* read from the file: the same answers, whole, cut anywhere, or with
   * any one byte of the seek table, the frame headers or the metadata
   * changed */
  for (size_t cut = 0; cut <= len; cut += cut < 64 || cut + 64 > len ? 1 : 997)
    check_index_fd(data, cut);
  for (size_t at = 0; at < len; at += at < 128 || at + 128 > len ? 1 : 499) {
    data[at] ^= 0x5a;
    check_index_fd(data, len);
    data[at] ^= 0x5a;
  }
  free(data);
}

static void test_dump_metadata(void) {
  cts_dump_info info;
  const char *reason;
  const char *good = "{\"format\":\"ctscan-dump\",\"version\":1,\"log\":\"x\","
                     "\"first_index\":512,\"entries\":7           ,"
                     "\"tiles_per_frame\":16,\"extra\":{\"a\":[1,2]}}";
  memset(&info, 0, sizeof(info));
  CU_ASSERT_EQUAL(cts_dump_parse_metadata((const uint8_t *)good, strlen(good),
                                          &info, &reason), CTS_OK);
  CU_ASSERT_EQUAL(info.first_index, 512);
  CU_ASSERT_EQUAL(info.entries, 7);
  CU_ASSERT_EQUAL(info.tiles_per_frame, 16);
  CU_ASSERT_STRING_EQUAL(info.log, "x");
  CU_ASSERT_NOT_EQUAL(cts_dump_parse_metadata((const uint8_t *)"{\"format\":\"other\"}",
                                              18, &info, &reason), CTS_OK);
  CU_ASSERT_NOT_EQUAL(cts_dump_parse_metadata((const uint8_t *)good, 40, &info,
                                              &reason), CTS_OK);
}

/* --- zip ------------------------------------------------------------------ */

static void put16(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
  put16(p, v & 0xffff);
  put16(p + 2, v >> 16);
}

/* A one-member zip (APPNOTE 4.3.7, 4.3.12, 4.3.16) holding data deflated
 * (method 8) or stored (0) under name. Returns its length in out. */
static size_t make_zip(uint8_t *out, size_t cap, const char *name,
                       const uint8_t *data, size_t len, int deflated) {
  size_t nlen = strlen(name), pos = 0, clen, cd;
  uint32_t crc = (uint32_t)crc32(0, data, (uInt)len);
  uint8_t *payload = out + 30 + nlen;
  if (deflated) {
    z_stream zs;
    memset(&zs, 0, sizeof(zs));
    if (deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      return 0;
    zs.next_in = data;
    zs.avail_in = (uInt)len;
    zs.next_out = payload;
    zs.avail_out = (uInt)(cap - 30 - nlen - 200);
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) return 0;
    clen = zs.total_out;
    deflateEnd(&zs);
  } else {
    memcpy(payload, data, len);
    clen = len;
  }
  memset(out, 0, 30);
  put32(out, 0x04034b50);
  put16(out + 4, 20);
  put16(out + 8, deflated ? 8 : 0);
  put32(out + 14, crc);
  put32(out + 18, (uint32_t)clen);
  put32(out + 22, (uint32_t)len);
  put16(out + 26, (uint32_t)nlen);
  memcpy(out + 30, name, nlen);
  pos = 30 + nlen + clen;
  cd = pos;
  memset(out + pos, 0, 46);
  put32(out + pos, 0x02014b50);
  put16(out + pos + 4, 20);
  put16(out + pos + 6, 20);
  put16(out + pos + 10, deflated ? 8 : 0);
  put32(out + pos + 16, crc);
  put32(out + pos + 20, (uint32_t)clen);
  put32(out + pos + 24, (uint32_t)len);
  put16(out + pos + 28, (uint32_t)nlen);
  put32(out + pos + 42, 0);
  memcpy(out + pos + 46, name, nlen);
  pos += 46 + nlen;
  memset(out + pos, 0, 22);
  put32(out + pos, 0x06054b50);
  put16(out + pos + 8, 1);
  put16(out + pos + 10, 1);
  put32(out + pos + 12, (uint32_t)(pos - cd));
  put32(out + pos + 16, (uint32_t)cd);
  return pos + 22;
}

/* Offset of the central directory header in a make_zip archive. */
static size_t zip_cd(const uint8_t *z, size_t len) {
  return (size_t)(z[len - 6] | z[len - 5] << 8 | z[len - 4] << 16 |
                  (uint32_t)z[len - 3] << 24);
}

static int g_warnings;
static void count_warn(void *ctx, uint64_t offset, const char *reason) {
  g_warnings++;
}

static void test_zip_directory(void) {
  static uint8_t z[1 << 20];
  uint8_t tile[64];
  size_t len, cd;
  cts_zip zip;
  const char *reason;
  uint64_t off;
  memset(tile, 'a', sizeof(tile));
  len = make_zip(z, sizeof(z), "tile/data/000", tile, sizeof(tile), 1);
  CU_ASSERT_FATAL(len > 0);
  CU_ASSERT_TRUE(cts_zip_detect(z, len));
  CU_ASSERT_FATAL(cts_zip_read_directory(z, len, &zip, count_warn, NULL,
                                         &reason, &off) == CTS_OK);
  CU_ASSERT_EQUAL(zip.count, 1);
  CU_ASSERT_STRING_EQUAL(zip.members[0].name, "tile/data/000");
  CU_ASSERT_EQUAL(zip.members[0].method, 8);
  CU_ASSERT_EQUAL(zip.members[0].u_size, sizeof(tile));
  {
    uint64_t data_off;
    CU_ASSERT_EQUAL(cts_zip_member_data_offset(z, len, &zip.members[0],
                                               &data_off, &reason), CTS_OK);
    CU_ASSERT_EQUAL(data_off, 30 + 13);
  }
  cts_zip_free(&zip);

  /* A member whose compressed size runs past the file is left out, with a
   * warning; the directory offset pointing outside the file is refused;
   * no end record at all is refused. */
  cd = zip_cd(z, len);
  put32(z + cd + 20, 0x7fffffff);
  g_warnings = 0;
  CU_ASSERT_FATAL(cts_zip_read_directory(z, len, &zip, count_warn, NULL,
                                         &reason, &off) == CTS_OK);
  CU_ASSERT_EQUAL(zip.count, 0);
  CU_ASSERT_EQUAL(g_warnings, 1);
  cts_zip_free(&zip);
  put32(z + len - 6, 0x7ffffff0);
  CU_ASSERT_EQUAL(cts_zip_read_directory(z, len, &zip, NULL, NULL, &reason, &off),
                  CTS_ERR_FORMAT);
  CU_ASSERT_EQUAL(cts_zip_read_directory(z, len - 22, &zip, NULL, NULL, &reason,
                                         &off), CTS_ERR_FORMAT);
  CU_ASSERT_EQUAL(cts_zip_read_directory(z, 10, &zip, NULL, NULL, &reason, &off),
                  CTS_ERR_FORMAT);
}

/* A real tile in a zip, deflated, with sizes that lie. */
static void test_zip_scan_lying_sizes(void) {
  static uint8_t z[1 << 21];
  /* (the bomb below: 256 MiB deflate to about 260 KB) */
  unsigned char *tile;
  size_t tlen, len, cd;
  cts_stats s;
  char *json;
  const char *path = tmp_path("tile.zip");
  tile = cts_test_read_file(NAVIGLI "/tile/data/001", &tlen);
  CU_ASSERT_FATAL(tile != NULL);
  len = make_zip(z, sizeof(z), "tile/data/001", tile, tlen, 1);
  CU_ASSERT_FATAL(len > 0 && write_file(path, z, len));
  json = scan_json(path, 2, 0, &s);
  CU_ASSERT_FATAL(json != NULL);
  CU_ASSERT_EQUAL(s.entries, 256);
  CU_ASSERT_EQUAL(s.unparseable, 0);
  CU_ASSERT_EQUAL(s.n_errors, 0);
  cts_stats_free(&s);
  free(json);

  /* Uncompressed size lies: every entry is read, the lie is reported. */
  cd = zip_cd(z, len);
  put32(z + cd + 24, (uint32_t)tlen + 1);
  CU_ASSERT_FATAL(write_file(path, z, len));
  json = scan_json(path, 2, 0, &s);
  CU_ASSERT_FATAL(json != NULL);
  CU_ASSERT_EQUAL(s.entries, 256);
  CU_ASSERT_EQUAL(s.n_errors, 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(s.errors[0].reason, "uncompressed size"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s.errors[0].input, "tile.zip:tile/data/001"));
  cts_stats_free(&s);
  free(json);

  /* Compressed size too small: the deflate stream is cut; the entries
   * before the cut are scanned, the rest of the tile is counted lost. */
  put32(z + cd + 24, (uint32_t)tlen);
  put32(z + cd + 20, 50000);
  CU_ASSERT_FATAL(write_file(path, z, len));
  json = scan_json(path, 1, 0, &s);
  CU_ASSERT_FATAL(json != NULL);
  CU_ASSERT_EQUAL(s.entries, 256);
  CU_ASSERT_TRUE(s.unparseable > 0 && s.unparseable < 256);
  assert_accounted(&s);
  cts_stats_free(&s);
  free(json);

  /* A bomb-like member: the tile then 256 MiB of zeros, deflated about
   * 1000:1. The tile's entries are scanned; what follows is reported at
   * its offset and not inflated further (memory stays one window). */
  {
    size_t big = tlen + ((size_t)256 << 20);
    uint8_t *bomb = calloc(big, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bomb);
    memcpy(bomb, tile, tlen);
    len = make_zip(z, sizeof(z), "tile/data/001", bomb, big, 1);
    free(bomb);
    CU_ASSERT_FATAL(len > 0 && len < big / 500 && write_file(path, z, len));
    json = scan_json(path, 1, 0, &s);
    CU_ASSERT_FATAL(json != NULL);
    CU_ASSERT_EQUAL(s.entries - s.unparseable, 256);
    CU_ASSERT_TRUE(s.n_errors >= 1);
    if (s.n_errors >= 1) {
      CU_ASSERT_PTR_NOT_NULL(strstr(s.errors[0].input, "tile.zip:tile/data/001"));
      CU_ASSERT_EQUAL(s.errors[0].offset, tlen);
    }
    assert_accounted(&s);
    cts_stats_free(&s);
    free(json);
  }
  free(tile);
}

/* --- the threaded scan ---------------------------------------------------- */

static void test_same_json_any_threads_any_k(void) {
  const char *k1 = tmp_path("det-k1.tiles.zst");
  const char *k16 = tmp_path("det-k16.tiles.zst");
  char *ref, *json;
  cts_stats s;
  CU_ASSERT_FATAL(pack(k1, "1", NAVIGLI));
  CU_ASSERT_FATAL(pack(k16, "16", NAVIGLI));
  ref = scan_json(NAVIGLI, 1, 0, &s);
  CU_ASSERT_FATAL(ref != NULL);
  CU_ASSERT_EQUAL(s.entries, 1024);
  assert_accounted(&s);
  cts_stats_free(&s);
  for (unsigned t = 1; t <= 4; t++) {
    json = scan_json(k1, t, 0, NULL);
    CU_ASSERT_FATAL(json != NULL);
    CU_ASSERT_STRING_EQUAL(json, ref);
    free(json);
    json = scan_json(k16, t, 0, NULL);
    CU_ASSERT_FATAL(json != NULL);
    CU_ASSERT_STRING_EQUAL(json, ref);
    free(json);
    json = scan_json(NAVIGLI, t, 0, NULL);
    CU_ASSERT_FATAL(json != NULL);
    CU_ASSERT_STRING_EQUAL(json, ref);
    free(json);
  }
  free(ref);
}

/* A single-frame zstd file through the decompressing thread and batches. */
static void test_stream_batches(void) {
  const char *path = tmp_path("one-frame.zst");
  unsigned char *raw = NULL;
  size_t total = 0;
  char *ref, *json;
  cts_stats s;
  for (int n = 0; n < 4; n++) {
    char p[64];
    size_t len;
    unsigned char *t;
    snprintf(p, sizeof(p), NAVIGLI "/tile/data/%03d", n);
    t = cts_test_read_file(p, &len);
    CU_ASSERT_FATAL(t != NULL);
    raw = realloc(raw, total + len);
    CU_ASSERT_FATAL(raw != NULL);
    memcpy(raw + total, t, len);
    total += len;
    free(t);
  }
  {
    size_t cap = ZSTD_compressBound(total);
    void *z = malloc(cap);
    size_t zlen = ZSTD_compress(z, cap, raw, total, 3);
    CU_ASSERT_FATAL(!ZSTD_isError(zlen) && write_file(path, z, zlen));
    free(z);
  }
  ref = scan_json(path, 1, UINT64_MAX, NULL); /* one unit, no batches */
  CU_ASSERT_FATAL(ref != NULL);
  for (unsigned t = 1; t <= 3; t++) {
    json = scan_json(path, t, 1, &s); /* every file streamed */
    CU_ASSERT_FATAL(json != NULL);
    CU_ASSERT_EQUAL(s.entries, 1024);
    CU_ASSERT_EQUAL(s.unparseable, 0);
    cts_stats_free(&s);
    CU_ASSERT_STRING_EQUAL(json, ref);
    free(json);
  }
  free(ref);
  free(raw);
}

static void test_batch_roundtrip(void) {
  cts_batch_queue q;
  cts_status st;
  cts_batch *b;
  cts_entry e, back;
  static uint8_t big[CTS_BATCH_BYTES + 100];
  uint8_t ikh[32];
  CU_ASSERT_FATAL(cts_batch_queue_init(&q, 2) == CTS_OK);
  b = cts_batch_take(&q, &st);
  CU_ASSERT_FATAL(b != NULL);
  memset(&e, 0, sizeof(e));
  memset(ikh, 7, sizeof(ikh));
  e.index = 42;
  e.type = CTS_ENTRY_PRECERT;
  e.issuer_key_hash = ikh;
  cts_der_init(&e.tbs, (const uint8_t *)"tbs", 3);
  cts_der_init(&e.pre_cert, (const uint8_t *)"precert", 7);
  e.input = "x";
  CU_ASSERT_EQUAL(cts_batch_add(b, &e), CTS_OK);
  cts_batch_get(b, 0, &back);
  CU_ASSERT_EQUAL(back.index, 42);
  CU_ASSERT_EQUAL(back.tbs.len, 3);
  CU_ASSERT_EQUAL(memcmp(back.pre_cert.data, "precert", 7), 0);
  CU_ASSERT_EQUAL(memcmp(back.issuer_key_hash, ikh, 32), 0);
  /* An entry bigger than a batch: refused by a batch holding others, held
   * alone by an empty one. */
  cts_der_init(&e.pre_cert, big, sizeof(big));
  CU_ASSERT_EQUAL(cts_batch_add(b, &e), CTS_ERR_LIMIT);
  cts_batch_push(&q, b);
  CU_ASSERT_PTR_EQUAL(cts_batch_try_pop(&q), b);
  cts_batch_release(&q, b);
  b = cts_batch_take(&q, &st);
  CU_ASSERT_FATAL(b != NULL);
  CU_ASSERT_EQUAL(cts_batch_add(b, &e), CTS_OK);
  cts_batch_release(&q, b);
  cts_batch_queue_done(&q);
  CU_ASSERT_PTR_NULL(cts_batch_pop(&q));
  cts_batch_queue_free(&q);
}

/* --- damaged dumps --------------------------------------------------------- */

static void test_corrupt_frame(void) {
  const char *good = tmp_path("c-k1.tiles.zst");
  const char *bad = tmp_path("c-bad.tiles.zst");
  unsigned char *data;
  size_t len;
  cts_dump_info info;
  const char *reason;
  uint64_t off;
  cts_stats s;
  char *j1, *j2;
  CU_ASSERT_FATAL(pack(good, "1", NAVIGLI));
  data = cts_test_read_file(good, &len);
  CU_ASSERT_FATAL(data != NULL);
  CU_ASSERT_FATAL(cts_dump_index(data, len, &info, &reason, &off) == CTS_OK);
  /* Damage the middle of the second data frame. */
  off = info.frames[1].c_offset + info.frames[1].c_size / 2;
  memset(data + off, 0xa5, 64);
  CU_ASSERT_FATAL(write_file(bad, data, len));
  j1 = scan_json(bad, 1, 0, &s);
  CU_ASSERT_FATAL(j1 != NULL);
  assert_accounted(&s);
  CU_ASSERT_EQUAL(s.entries, 1024);
  CU_ASSERT_TRUE(s.unparseable > 0 && s.unparseable <= 256);
  /* Frames 0, 2 and 3 are whole. */
  CU_ASSERT_TRUE(s.precert >= 768);
  CU_ASSERT_TRUE(s.n_errors >= 1);
  CU_ASSERT_TRUE(s.errors[0].offset >= info.frames[1].d_offset &&
                 s.errors[0].offset <= info.frames[2].d_offset);
  cts_stats_free(&s);
  j2 = scan_json(bad, 3, 0, NULL);
  CU_ASSERT_FATAL(j2 != NULL);
  CU_ASSERT_STRING_EQUAL(j1, j2);
  free(j1);
  free(j2);

  /* The seek table damaged: reported, and the file read as a stream. */
  data[len - 2] ^= 0x55;
  CU_ASSERT_FATAL(write_file(bad, data, len));
  j1 = scan_json(bad, 2, 0, &s);
  CU_ASSERT_FATAL(j1 != NULL);
  assert_accounted(&s);
  CU_ASSERT_TRUE(s.n_errors >= 2);
  CU_ASSERT_TRUE(s.precert >= 256);
  {
    int seen = 0;
    for (size_t i = 0; i < s.n_errors; i++)
      if (strstr(s.errors[i].reason, "seek table") != NULL) seen = 1;
    CU_ASSERT_TRUE(seen);
  }
  cts_stats_free(&s);
  free(j1);

  /* Truncated: no seek table; the metadata still gives the entry count. */
  CU_ASSERT_FATAL(pack(good, "1", NAVIGLI));
  free(data);
  data = cts_test_read_file(good, &len);
  CU_ASSERT_FATAL(data != NULL);
  CU_ASSERT_FATAL(write_file(bad, data, info.frames[2].c_offset + 100));
  j1 = scan_json(bad, 2, 0, &s);
  CU_ASSERT_FATAL(j1 != NULL);
  assert_accounted(&s);
  CU_ASSERT_EQUAL(s.entries, 1024);
  CU_ASSERT_TRUE(s.precert >= 512);
  cts_stats_free(&s);
  free(j1);
  cts_dump_info_free(&info);
  free(data);
}

/* Many errors from many threads: the same 1000 kept, in order. */
static void test_errors_deterministic(void) {
  cts_stats a, b, m1, m2;
  CU_ASSERT_FATAL(cts_stats_init(&a, 0) == CTS_OK);
  CU_ASSERT_FATAL(cts_stats_init(&b, 0) == CTS_OK);
  CU_ASSERT_FATAL(cts_stats_init(&m1, 0) == CTS_OK);
  CU_ASSERT_FATAL(cts_stats_init(&m2, 0) == CTS_OK);
  for (int i = 0; i < 3000; i++) {
    int v = (i * 7919) % 3000;
    cts_stats *dst = v % 2 ? &a : &b;
    CU_ASSERT(cts_stats_add_error(dst, "f", (uint64_t)v, 0, 1, "r") == CTS_OK);
  }
  CU_ASSERT(cts_stats_merge(&m1, &a) == CTS_OK);
  CU_ASSERT(cts_stats_merge(&m1, &b) == CTS_OK);
  CU_ASSERT(cts_stats_merge(&m2, &b) == CTS_OK);
  CU_ASSERT(cts_stats_merge(&m2, &a) == CTS_OK);
  cts_stats_sort_errors(&m1);
  cts_stats_sort_errors(&m2);
  CU_ASSERT_EQUAL(m1.n_errors, CTS_STATS_MAX_ERRORS);
  CU_ASSERT_EQUAL(m1.entries, 3000);
  CU_ASSERT_EQUAL(m1.errors_omitted, m2.errors_omitted);
  for (size_t i = 0; i < m1.n_errors; i++) {
    CU_ASSERT_EQUAL(m1.errors[i].offset, i);
    CU_ASSERT_EQUAL(m2.errors[i].offset, i);
  }
  cts_stats_free(&a);
  cts_stats_free(&b);
  cts_stats_free(&m1);
  cts_stats_free(&m2);
}

static void test_topology(void) {
  cts_topo topo;
  hwloc_cpuset_t *sets;
  CU_ASSERT_EQUAL(cts_topo_load(&topo), CTS_OK);
  CU_ASSERT_TRUE(topo.cores >= 1);
  sets = cts_topo_distribute(&topo, 3);
  if (sets != NULL) {
    for (int i = 0; i < 3; i++) {
      CU_ASSERT_EQUAL(hwloc_bitmap_weight(sets[i]), 1);
      hwloc_bitmap_free(sets[i]);
    }
    free(sets);
  }
  /* one worker on a larger machine is not tied to one PU (two such scans
   * side by side would share it) */
  sets = cts_topo_distribute(&topo, 1);
  if (sets != NULL) {
    hwloc_const_cpuset_t all = hwloc_topology_get_topology_cpuset(topo.topology);
    CU_ASSERT_EQUAL(hwloc_bitmap_weight(sets[0]),
                    topo.cores > 1 ? hwloc_bitmap_weight(all) : 1);
    hwloc_bitmap_free(sets[0]);
    free(sets);
  }
  cts_topo_free(&topo);
}

/* Removes the files the tests wrote. */
static void test_cleanup(void) {
  static const char *const names[] = {
      "k1.tiles.zst", "tile.zip", "det-k1.tiles.zst", "det-k16.tiles.zst",
      "one-frame.zst", "c-k1.tiles.zst", "c-bad.tiles.zst"};
  if (g_dir[0] == '\0') return;
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    (void)unlink(tmp_path(names[i]));
  CU_ASSERT_EQUAL(rmdir(g_dir), 0);
}

static CU_TestInfo tests[] = {
    {"dump index: seek table and metadata", test_dump_index},
    {"dump metadata JSON", test_dump_metadata},
    {"zip directory: bounds-checked", test_zip_directory},
    {"zip member with lying sizes", test_zip_scan_lying_sizes},
    {"same stats JSON for any threads and any K", test_same_json_any_threads_any_k},
    {"single-frame zstd through batches", test_stream_batches},
    {"batch copy and queue", test_batch_roundtrip},
    {"corrupt frame, bad seek table, truncated dump", test_corrupt_frame},
    {"kept errors do not depend on order", test_errors_deterministic},
    {"topology and distribution", test_topology},
    {"cleanup", test_cleanup},
    CU_TEST_INFO_NULL,
};

CTS_TEST_SUITE("pipeline", tests)
