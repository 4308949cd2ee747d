/* End to end over the real corpus: source, container, sieve, stats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/scan.h"
#include "ctscan/sieve.h"
#include "test.h"

#define NAVIGLI "corpus/navigli2025h2"

static cts_scan_options g_quiet = {.quiet = 1};

static void quiet_warn(void *ctx, const char *path, const char *reason) {}

static int scan_path(const char *path, cts_stats *out) {
  cts_input_list list = {0};
  int ok = cts_source_expand(path, &list, quiet_warn, NULL) == CTS_OK &&
           cts_scan_inputs(&list, &g_quiet, out) == CTS_OK;
  cts_input_list_free(&list);
  return ok;
}

static void assert_accounted(const cts_stats *s) {
  CU_ASSERT_EQUAL(s->entries, s->clean + s->flagged + s->unparseable);
  CU_ASSERT_EQUAL(s->entries - s->unparseable, s->x509 + s->precert);
}

static void test_navigli_log_tree(void) {
  cts_stats s;
  size_t n;
  char dn[256];
  CU_ASSERT_FATAL(scan_path(NAVIGLI, &s));
  /* Tiles 000-003 hold entries 0-1023; the partial tile 003.p/10 repeats
   * the first ten entries of tile 003 and is skipped. */
  CU_ASSERT_EQUAL(s.entries, 1024);
  CU_ASSERT_EQUAL(s.precert, 1024);
  CU_ASSERT_EQUAL(s.x509, 0);
  CU_ASSERT_EQUAL(s.unparseable, 0);
  assert_accounted(&s);
  const cts_ca_stats **cas = cts_stats_sorted_cas(&s, &n);
  CU_ASSERT_FATAL(cas != NULL && n >= 1);
  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    cts_name_format(cas[i]->issuer_dn, cas[i]->issuer_dn_len, dn, sizeof(dn));
    CU_ASSERT_PTR_NOT_NULL(strstr(dn, "O=(STAGING) Let's Encrypt"));
    CU_ASSERT_TRUE(cas[i]->has_issuer_key_hash);
    sum += cas[i]->entries;
  }
  CU_ASSERT_EQUAL(sum, 1024);
  free(cas);
  cts_stats_free(&s);
}

static void test_partial_tile_alone(void) {
  cts_stats s;
  CU_ASSERT_FATAL(scan_path(NAVIGLI "/tile/data/003.p/10", &s));
  CU_ASSERT_EQUAL(s.entries, 10);
  CU_ASSERT_EQUAL(s.precert, 10);
  assert_accounted(&s);
  cts_stats_free(&s);
}

static void test_get_entries(void) {
  cts_stats s;
  CU_ASSERT_FATAL(scan_path("corpus/rfc6962/get-entries-2013-pilot.json", &s));
  CU_ASSERT_EQUAL(s.entries, 4);
  CU_ASSERT_EQUAL(s.x509, 4);
  CU_ASSERT_EQUAL(s.unparseable, 0);
  cts_stats_free(&s);
}

static void test_pem_corpus(void) {
  cts_stats s;
  CU_ASSERT_FATAL(scan_path("corpus/zlint", &s));
  /* 1,068 files; five of them hold a second certificate */
  CU_ASSERT_EQUAL(s.entries, 1073);
  CU_ASSERT_EQUAL(s.x509, 1073);
  assert_accounted(&s);
  cts_stats_free(&s);
}

/* Writes data to a temporary file and scans it. */
static int scan_bytes(const unsigned char *data, size_t len, cts_stats *out) {
  char path[] = "/tmp/ctscan-test-XXXXXX";
  int fd = mkstemp(path);
  int ok;
  if (fd < 0) return 0;
  ok = write(fd, data, len) == (ssize_t)len;
  close(fd);
  ok = ok && scan_path(path, out);
  unlink(path);
  return ok;
}

/* A truncated tile: the entries before the cut are scanned, the damaged
 * one is reported with its offset, nothing crashes. */
static void test_truncated_and_flipped_tile(void) {
  size_t len;
  unsigned char *tile = cts_test_read_file(NAVIGLI "/tile/data/000", &len);
  cts_stats s;
  CU_ASSERT_FATAL(tile != NULL);
  CU_ASSERT_FATAL(scan_bytes(tile, len / 2, &s));
  CU_ASSERT(s.precert > 100 && s.precert < 256);
  CU_ASSERT(s.unparseable >= 1);
  CU_ASSERT(s.n_errors >= 1);
  if (s.n_errors >= 1) CU_ASSERT(s.errors[0].offset > 0);
  assert_accounted(&s);
  cts_stats_free(&s);

  srand(7);
  for (int round = 0; round < 40; round++) {
    unsigned char *copy = malloc(len);
    memcpy(copy, tile, len);
    for (int k = 0; k < 1 + round % 5; k++)
      copy[(size_t)rand() % len] ^= (unsigned char)(1u << (rand() % 8));
    CU_ASSERT_FATAL(scan_bytes(copy, len, &s));
    assert_accounted(&s);
    cts_stats_free(&s);
    free(copy);
  }
  free(tile);
}

static void test_missing_input(void) {
  cts_input_list list = {0};
  CU_ASSERT_NOT_EQUAL(
      cts_source_expand("corpus/does-not-exist", &list, quiet_warn, NULL),
      CTS_OK);
  cts_input_list_free(&list);
}

static CU_TestInfo tests[] = {
    {"navigli2025h2 log tree: 1024 staging precerts", test_navigli_log_tree},
    {"partial tile scanned alone", test_partial_tile_alone},
    {"RFC 6962 get-entries: 4 x509", test_get_entries},
    {"PEM corpus", test_pem_corpus},
    {"truncated and bit-flipped tile", test_truncated_and_flipped_tile},
    {"missing input", test_missing_input},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("scan", tests)
