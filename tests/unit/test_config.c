/* The YAML configuration and the CCADB CSV: what a user writes, what a
 * user gets back when it is wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/config.h"
#include "test.h"

static const char *write_tmp(const char *name, const char *text) {
  static char path[256];
  FILE *f;
  snprintf(path, sizeof(path), "/tmp/ctscan-config-%d-%s", (int)getpid(), name);
  f = fopen(path, "w");
  if (f == NULL) return NULL;
  fputs(text, f);
  fclose(f);
  return path;
}

static const char *some_lint(size_t k) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  return n > k ? all[k].name : NULL;
}

static void test_default(void) {
  cts_config c;
  CU_ASSERT_FATAL(cts_config_default(&c) == CTS_OK);
  for (size_t i = 0; i < c.n_lints; i++) {
    CU_ASSERT_EQUAL(c.enabled[i], 1);
    CU_ASSERT_EQUAL(cts_config_apply(&c, i, CTS_LINT_WARN), CTS_LINT_WARN);
  }
  cts_config_free(&c);
}

static void test_lints_section(void) {
  char yaml[1024], err[512];
  cts_config c;
  const char *a = some_lint(0), *b = some_lint(1);
  size_t n;
  if (a == NULL || b == NULL) return; /* no lints built in */
  (void)cts_lints(&n);
  snprintf(yaml, sizeof(yaml),
           "lints:\n  disable: [%s]\n  severity:\n    %s: info\n", a, b);
  CU_ASSERT_FATAL(cts_config_load(write_tmp("a.yaml", yaml), &c, err, sizeof(err)) == CTS_OK);
  CU_ASSERT_EQUAL(cts_config_apply(&c, 0, CTS_LINT_ERROR), CTS_LINT_NA);
  CU_ASSERT_EQUAL(cts_config_apply(&c, 1, CTS_LINT_ERROR), CTS_LINT_INFO);
  CU_ASSERT_EQUAL(cts_config_apply(&c, 1, CTS_LINT_PASS), CTS_LINT_PASS);
  cts_config_free(&c);
  snprintf(yaml, sizeof(yaml), "lints:\n  enable: [%s]\n", b);
  CU_ASSERT_FATAL(cts_config_load(write_tmp("b.yaml", yaml), &c, err, sizeof(err)) == CTS_OK);
  CU_ASSERT_EQUAL(c.enabled[0], 0);
  CU_ASSERT_EQUAL(c.enabled[1], 1);
  cts_config_free(&c);
}

/* Every error names file, line and column. */
static void test_errors_have_positions(void) {
  char err[512], want[300];
  cts_config c;
  const char *path;
  path = write_tmp("bad1.yaml", "lints:\n  disable: [e_no_such_lint]\n");
  CU_ASSERT(cts_config_load(path, &c, err, sizeof(err)) != CTS_OK);
  snprintf(want, sizeof(want), "%s:2:13: unknown lint e_no_such_lint", path);
  CU_ASSERT_STRING_EQUAL(err, want);
  path = write_tmp("bad2.yaml", "owners:\n  - name: x\n    key_id: zz\n");
  CU_ASSERT(cts_config_load(path, &c, err, sizeof(err)) != CTS_OK);
  snprintf(want, sizeof(want), "%s:3:13: key_id: expected hex", path);
  CU_ASSERT_STRING_EQUAL(err, want);
  path = write_tmp("bad3.yaml", "x: 1\na: b: c\n");
  CU_ASSERT(cts_config_load(path, &c, err, sizeof(err)) != CTS_OK);
  snprintf(want, sizeof(want), "%s:2:5: ", path);
  CU_ASSERT(strncmp(err, want, strlen(want)) == 0);
  path = write_tmp("bad4.yaml", "threads: 4\n");
  CU_ASSERT(cts_config_load(path, &c, err, sizeof(err)) != CTS_OK);
  snprintf(want, sizeof(want), "%s:1:1: unknown key threads", path);
  CU_ASSERT_STRING_EQUAL(err, want);
  CU_ASSERT(cts_config_load("/nonexistent.yaml", &c, err, sizeof(err)) != CTS_OK);
}

static void test_owners_and_ccadb(void) {
  char yaml[1024], err[512];
  cts_config c;
  cts_ca_stats ca;
  uint8_t aki[20] = {0xa1, 0x74, 0x1a, 0x06, 0x6d, 0x50, 0xb7, 0x86, 0x2d, 0x4a,
                     0x2c, 0xc1, 0x7e, 0xb4, 0x8d, 0x88, 0x49, 0x6c, 0xcd, 0x16};
  /* base64 of aki: oXQaBm1Qt4YtSizBfrSNiElszRY= */
  const char *csv = write_tmp("ccadb.csv",
      "\"CA Owner\",\"Certificate Name\",\"Subject Key Identifier\"\r\n"
      "\"Example, Inc.\",\"Root \"\"X\"\"\",\"oXQaBm1Qt4YtSizBfrSNiElszRY=\"\r\n"
      "Other,Y,00112233\r\n");
  char csv_copy[256];
  snprintf(csv_copy, sizeof(csv_copy), "%s", csv);
  snprintf(yaml, sizeof(yaml),
           "owners:\n  - name: Hash Owner\n    issuer_key_hash: %s\n"
           "ccadb_csv: %s\n",
           "046c797842c7c58b1dbd6db8911171a60fc6c9baf6165b49835b48266d953670",
           csv_copy);
  CU_ASSERT_FATAL(cts_config_load(write_tmp("o.yaml", yaml), &c, err, sizeof(err)) == CTS_OK);
  CU_ASSERT_EQUAL(c.n_owners, 3);
  memset(&ca, 0, sizeof(ca));
  ca.aki = aki;
  ca.aki_len = sizeof(aki);
  CU_ASSERT_STRING_EQUAL(cts_config_owner(&c, &ca), "Example, Inc.");
  ca.aki_len = 19;
  CU_ASSERT_PTR_NULL(cts_config_owner(&c, &ca));
  ca.has_issuer_key_hash = 1;
  memcpy(ca.issuer_key_hash, "\x04\x6c\x79\x78\x42\xc7\xc5\x8b\x1d\xbd\x6d\xb8\x91\x11\x71\xa6"
                             "\x0f\xc6\xc9\xba\xf6\x16\x5b\x49\x83\x5b\x48\x26\x6d\x95\x36\x70", 32);
  CU_ASSERT_STRING_EQUAL(cts_config_owner(&c, &ca), "Hash Owner");
  cts_config_free(&c);
}

static CU_TestInfo tests[] = {
    {"default configuration runs everything", test_default},
    {"enable, disable, severity", test_lints_section},
    {"errors name file, line and column", test_errors_have_positions},
    {"owners inline and from a CCADB CSV", test_owners_and_ccadb},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("config", tests)
