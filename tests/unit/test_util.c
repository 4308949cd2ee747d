/* SHA-256 (FIPS 180-2 appendix B vectors), stats accounting, JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/sha256.h"
#include "ctscan/stats.h"
#include "src/report/json_writer.h"
#include "test.h"

static void hex_of(const void *data, size_t len, char out[65]) {
  uint8_t d[32];
  cts_sha256(data, len, d);
  cts_hex(d, 32, out);
}

static void test_sha256_vectors(void) {
  char hex[65];
  hex_of("", 0, hex);
  CU_ASSERT_STRING_EQUAL(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  hex_of("abc", 3, hex);
  CU_ASSERT_STRING_EQUAL(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  hex_of(two, strlen(two), hex);
  CU_ASSERT_STRING_EQUAL(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  /* one million 'a', fed in odd-sized pieces across block boundaries */
  cts_sha256_ctx ctx;
  uint8_t d[32];
  char chunk[997];
  memset(chunk, 'a', sizeof(chunk));
  cts_sha256_init(&ctx);
  size_t left = 1000000;
  while (left > 0) {
    size_t n = left < sizeof(chunk) ? left : sizeof(chunk);
    cts_sha256_update(&ctx, chunk, n);
    left -= n;
  }
  cts_sha256_final(&ctx, d);
  cts_hex(d, 32, hex);
  CU_ASSERT_STRING_EQUAL(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_stats_errors_accounted(void) {
  cts_stats s, m;
  CU_ASSERT_FATAL(cts_stats_init(&s, 0) == CTS_OK);
  CU_ASSERT_FATAL(cts_stats_init(&m, 0) == CTS_OK);
  for (int i = 0; i < CTS_STATS_MAX_ERRORS + 5; i++)
    CU_ASSERT(cts_stats_add_error(&s, "f", (uint64_t)i, (uint64_t)i, 2, "bad") == CTS_OK);
  CU_ASSERT_EQUAL(s.entries, 2u * (CTS_STATS_MAX_ERRORS + 5));
  CU_ASSERT_EQUAL(s.unparseable, s.entries);
  CU_ASSERT_EQUAL(s.n_errors, CTS_STATS_MAX_ERRORS);
  CU_ASSERT_EQUAL(s.errors_omitted, 5);
  CU_ASSERT(cts_stats_merge(&m, &s) == CTS_OK);
  CU_ASSERT_EQUAL(m.entries, s.entries);
  CU_ASSERT_EQUAL(m.unparseable, s.unparseable);
  CU_ASSERT_EQUAL(m.n_errors + m.errors_omitted, s.n_errors + s.errors_omitted);
  CU_ASSERT_STRING_EQUAL(m.errors[3].input, "f");
  CU_ASSERT_EQUAL(m.errors[3].offset, 3);
  cts_stats_free(&s);
  cts_stats_free(&m);
}

static void test_json_escaping(void) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  cts_json j;
  CU_ASSERT_FATAL(f != NULL);
  cts_json_init(&j, f);
  cts_json_begin_object(&j);
  cts_json_key(&j, "a");
  cts_json_string_n(&j, "q\"\\\n\x01\xe2\x82\xac\xff", 9);
  cts_json_key(&j, "b");
  cts_json_begin_array(&j);
  cts_json_uint(&j, 1);
  cts_json_int(&j, -2);
  cts_json_bool(&j, 1);
  cts_json_null(&j);
  cts_json_end_array(&j);
  cts_json_end_object(&j);
  fclose(f);
  CU_ASSERT_STRING_EQUAL(buf, "{\"a\":\"q\\\"\\\\\\u000a\\u0001\xe2\x82\xac\\u00ff\",\"b\":[1,-2,true,null]}");
  free(buf);
}

static CU_TestInfo tests[] = {
    {"SHA-256 test vectors", test_sha256_vectors},
    {"every lost entry is counted once", test_stats_errors_accounted},
    {"JSON strings are escaped and valid UTF-8", test_json_escaping},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("util", tests)
