/* Lint groups "keys", "time" and the ctscan lint w_serial_number_low_entropy:
 * what the zlint agreement test cannot show. The ctscan-only lint on
 * corpus certificates; the big-number lints giving the same verdict with
 * and without the gated full parse (the sieve contract), and no gate true
 * on ordinary RSA and ECDSA certificates; Go's AddDate arithmetic at month
 * ends. The arithmetic itself is tested in test_bignum.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "ctscan/check.h"
#include "ctscan/container.h"
#include "ctscan/entry.h"
#include "ctscan/lint.h"
#include "ctscan/source.h"
#include "src/lints/keys_util.h"
#include "src/lints/lints_internal.h"
#include "test.h"

/* The status of one lint on one corpus certificate; full_all as --full. */
static cts_lint_status lint_status(const char *lint, const char *file,
                                   int full_all) {
  cts_checker c;
  cts_lint_status st = CTS_LINT_FATAL;
  long len = 0;
  const char *reason;
  unsigned char *der = cts_test_zlint_der(file, &len);
  const cts_lint *l = cts_lint_find(lint);
  CU_ASSERT_PTR_NOT_NULL_FATAL(der);
  CU_ASSERT_PTR_NOT_NULL_FATAL(l);
  CU_ASSERT_FATAL(cts_checker_init(&c, full_all) == CTS_OK);
  if (cts_checker_run(&c, der, (size_t)len, 0, &reason) == CTS_OK)
    st = c.results[l - c.lints];
  cts_checker_free(&c);
  OPENSSL_free(der);
  return st;
}

/* Whether the gated checker hands the certificate to OpenSSL. */
static int parsed_by_openssl(const char *file) {
  cts_checker c;
  long len = 0;
  const char *reason;
  int parsed = -1;
  unsigned char *der = cts_test_zlint_der(file, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(der);
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  if (cts_checker_run(&c, der, (size_t)len, 0, &reason) == CTS_OK)
    parsed = c.fully_parsed;
  cts_checker_free(&c);
  OPENSSL_free(der);
  return parsed;
}

/* Both ways: gated (scan) and every certificate parsed (scan --full). */
static void expect(const char *lint, const char *file, cts_lint_status want) {
  cts_lint_status gated = lint_status(lint, file, 0);
  cts_lint_status full = lint_status(lint, file, 1);
  if (gated != want || full != want)
    fprintf(stderr, "\n  %s %s: gated %s, full %s, want %s", lint, file,
            cts_lint_status_str(gated), cts_lint_status_str(full),
            cts_lint_status_str(want));
  CU_ASSERT_EQUAL(gated, want);
  CU_ASSERT_EQUAL(full, want);
}

static void test_serial_low_entropy(void) {
  const cts_lint *l = cts_lint_find("w_serial_number_low_entropy");
  CU_ASSERT_PTR_NOT_NULL_FATAL(l);
  CU_ASSERT_EQUAL(l->source, CTS_SRC_CTSCAN);
  CU_ASSERT_STRING_EQUAL(l->citation, "BRs: 7.1");
  /* TLS subscriber certificate of 2021, serial 0x03 */
  expect("w_serial_number_low_entropy", "CNWithoutSANSeptember2021.pem",
         CTS_LINT_WARN);
  /* 16-octet serial */
  expect("w_serial_number_low_entropy", "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS);
  /* 12-octet serial */
  expect("w_serial_number_low_entropy", "27monthsEv.pem", CTS_LINT_PASS);
  /* serial 0x03, issued (2013) before BRs 7.1's 64-bit rule */
  expect("w_serial_number_low_entropy", "aiaWithValidNames.pem", CTS_LINT_NE);
}

/* e_rsa_fermat_factorization is a summary lint (fixed-width arithmetic,
 * src/lints/keys_bignum.c): zlint's verdicts with and without the full
 * parse, and an ordinary RSA certificate is not parsed for it. The four
 * certificates zlint's corpus flags have 1024-bit moduli with primes a
 * few units apart. */
static void test_fermat(void) {
  const cts_lint *l = cts_lint_find("e_rsa_fermat_factorization");
  CU_ASSERT_PTR_NOT_NULL_FATAL(l);
  CU_ASSERT_PTR_NULL(l->gate);
  expect("e_rsa_fermat_factorization", "rsaFermatFactorizationSusceptible.pem",
         CTS_LINT_ERROR);
  expect("e_rsa_fermat_factorization", "keyUsageWithoutTrailingZeroes.pem",
         CTS_LINT_ERROR);
  expect("e_rsa_fermat_factorization", "onionSANEV.pem", CTS_LINT_ERROR);
  expect("e_rsa_fermat_factorization", "onionSANEVBefore201.pem",
         CTS_LINT_ERROR);
  expect("e_rsa_fermat_factorization", "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS);
  expect("e_rsa_fermat_factorization", "27monthsEv.pem", CTS_LINT_PASS);
  CU_ASSERT_FALSE(parsed_by_openssl("c0r0e0a0s0m0b0.pem"));
}

typedef struct gate_scan {
  cts_checker checker;
  size_t entries, parsed;
} gate_scan;

static cts_status gate_entry(void *ctx, const cts_entry *e) {
  gate_scan *g = ctx;
  const char *reason;
  int is_tbs = 0;
  cts_der der = cts_entry_lint_target(e, &is_tbs);
  g->entries++;
  if (cts_checker_run(&g->checker, der.data, der.len, is_tbs, &reason) !=
          CTS_OK ||
      !g->checker.fully_parsed)
    return CTS_OK;
  g->parsed++;
  for (size_t i = 0; i < g->checker.n_lints; i++)
    if (g->checker.lints[i].gate != NULL &&
        g->checker.lints[i].gate(&g->checker.cert))
      fprintf(stderr, "\n  entry %llu: gate of %s is true",
              (unsigned long long)e->index, g->checker.lints[i].name);
  return CTS_OK;
}

static void gate_error(void *ctx, const char *input, uint64_t offset,
                       uint64_t index, uint64_t lost, const char *reason) {}

/* design.md "Lints": d2i_X509 must stay rare. Let's Encrypt staging
 * precertificates (RSA 2048/4096 and P-256, corpus/navigli2025h2) are
 * ordinary subscriber certificates: no gate is true for any of them. */
static void test_no_parse_for_ordinary_keys(void) {
  static const char *const tiles[] = {
      "corpus/navigli2025h2/tile/data/000", "corpus/navigli2025h2/tile/data/001",
      "corpus/navigli2025h2/tile/data/002", "corpus/navigli2025h2/tile/data/003"};
  gate_scan g;
  cts_entry_sink sink = {gate_entry, gate_error, &g};
  memset(&g, 0, sizeof(g));
  CU_ASSERT_FATAL(cts_checker_init(&g.checker, 0) == CTS_OK);
  for (size_t i = 0; i < sizeof(tiles) / sizeof(tiles[0]); i++) {
    cts_input in = {(char *)tiles[i], 0, 0, 0};
    cts_stream *s;
    CU_ASSERT_FATAL(cts_stream_open_file(tiles[i], &s) == CTS_OK);
    (void)cts_container_read(s, &in, &sink);
    cts_stream_close(s);
  }
  cts_checker_free(&g.checker);
  CU_ASSERT(g.entries >= 1024);
  CU_ASSERT_EQUAL(g.parsed, 0);
}

static void test_small_factors(void) {
  expect("w_rsa_mod_factors_smaller_than_752", "evenRsaMod.pem", CTS_LINT_WARN);
  expect("w_rsa_mod_factors_smaller_than_752", "oddRsaMod.pem", CTS_LINT_WARN);
  expect("w_rsa_mod_factors_smaller_than_752", "c0r0e0a0s0m0b0.pem",
         CTS_LINT_PASS);
}

/* A modulus with only large factors, and the same times each small prime:
 * every prime below 752 is found, and none in a product of larger ones. */
static void test_small_factor_arithmetic(void) {
  /* 2^127 - 1 is prime; (2^127 - 1) * p has the factor p */
  uint8_t m[16];
  memset(m, 0xff, sizeof(m));
  m[0] = 0x7f;
  cts_der d = {m, sizeof(m)};
  CU_ASSERT_FALSE(cts_keys_has_factor_below_752(d));
  for (unsigned p = 2; p < 752; p++) {
    int prime = 1;
    uint8_t prod[18];
    unsigned carry = 0;
    for (unsigned q = 2; q * q <= p; q++) prime &= p % q != 0;
    if (!prime) continue;
    for (int i = 15; i >= 0; i--) {
      unsigned v = m[i] * p + carry;
      prod[2 + i] = (uint8_t)v;
      carry = v >> 8;
    }
    prod[1] = (uint8_t)carry;
    prod[0] = (uint8_t)(carry >> 8);
    cts_der pd = {prod, sizeof(prod)};
    CU_ASSERT_TRUE(cts_keys_has_factor_below_752(pd));
  }
  /* 757 * 761 */
  uint8_t big[] = {0x08, 0xca, 0x4d};
  cts_der bd = {big, sizeof(big)};
  CU_ASSERT_FALSE(cts_keys_has_factor_below_752(bd));
}

/* Go's AddDate normalizes an overflowing day into the next month. */
static void test_add_months(void) {
  CU_ASSERT_EQUAL(cts_keys_add_months(CTS_DATE(2016, 11, 30), 3),
                  CTS_DATE(2017, 3, 2));
  CU_ASSERT_EQUAL(cts_keys_add_months(CTS_DATE(2019, 1, 31), 1),
                  CTS_DATE(2019, 3, 3));
  CU_ASSERT_EQUAL(cts_keys_add_months(CTS_DATE(2020, 1, 31), 1),
                  CTS_DATE(2020, 3, 2));
  CU_ASSERT_EQUAL(cts_keys_add_months(CTS_DATETIME(2016, 7, 2, 12, 0, 1), 39),
                  CTS_DATETIME(2019, 10, 2, 12, 0, 1));
  CU_ASSERT_EQUAL(cts_keys_add_months(CTS_DATE(2018, 12, 15), 15),
                  CTS_DATE(2020, 3, 15));
}

static CU_TestInfo tests[] = {
    {"w_serial_number_low_entropy on corpus certificates",
     test_serial_low_entropy},
    {"e_rsa_fermat_factorization: summary lint, zlint's verdicts",
     test_fermat},
    {"no gate true on ordinary RSA/ECDSA certificates (navigli2025h2)",
     test_no_parse_for_ordinary_keys},
    {"w_rsa_mod_factors_smaller_than_752 gated and full", test_small_factors},
    {"trial division by the primes below 752", test_small_factor_arithmetic},
    {"AddDate month arithmetic", test_add_months},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("lints_keys", tests)
