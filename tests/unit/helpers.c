/* Helpers the suites share: a certificate of zlint's test corpus
 * (corpus/zlint/) as DER, the status a checker gave one lint, and stats
 * JSON in memory or in a temporary file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/pem.h>

#include "ctscan/check.h"
#include "ctscan/report.h"
#include "test.h"

unsigned char *cts_test_zlint_der(const char *name, long *out_len) {
  char path[512], *pem_name = NULL;
  unsigned char *der = NULL;
  BIO *bio;
  snprintf(path, sizeof(path), "corpus/zlint/%s", name);
  bio = BIO_new_file(path, "r");
  if (bio == NULL) return NULL;
  if (!PEM_bytes_read_bio(&der, out_len, &pem_name, PEM_STRING_X509, bio,
                          NULL, NULL))
    der = NULL;
  OPENSSL_free(pem_name);
  BIO_free(bio);
  return der;
}

cts_lint_status cts_test_status_of(const cts_checker *c, const char *lint) {
  for (size_t i = 0; i < c->n_lints; i++)
    if (strcmp(c->lints[i].name, lint) == 0) return c->results[i];
  return CTS_LINT_FATAL;
}

void cts_test_zlint_cases(const cts_test_case *cases, size_t n) {
  cts_checker c;
  const char *reason = NULL;
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  for (size_t i = 0; i < n; i++) {
    long len = 0;
    unsigned char *der = cts_test_zlint_der(cases[i].file, &len);
    cts_lint_status got;
    CU_ASSERT_PTR_NOT_NULL(der);
    if (der == NULL) continue;
    CU_ASSERT_EQUAL(cts_checker_run(&c, der, (size_t)len, 0, &reason), CTS_OK);
    got = cts_test_status_of(&c, cases[i].lint);
    if (got != cases[i].want)
      fprintf(stderr, "\n  %s %s: %s", cases[i].lint, cases[i].file,
              cts_lint_status_str(got));
    CU_ASSERT_EQUAL(got, cases[i].want);
    OPENSSL_free(der);
  }
  cts_checker_free(&c);
}

char *cts_test_stats_json(const cts_stats *st) {
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  if (mem == NULL) return NULL;
  if (cts_report_json(st, NULL, mem) != CTS_OK) {
    fclose(mem);
    free(text);
    return NULL;
  }
  fclose(mem);
  return text;
}

const char *cts_test_write_stats_json(const cts_stats *st, const char *name) {
  static char path[2][256];
  static int which;
  char *p = path[which ^= 1];
  FILE *f;
  snprintf(p, 256, "/tmp/ctscan-test-%d-%s.json", (int)getpid(), name);
  f = fopen(p, "w");
  if (f == NULL) return NULL;
  CU_ASSERT_EQUAL(cts_report_json(st, NULL, f), CTS_OK);
  fclose(f);
  return p;
}
