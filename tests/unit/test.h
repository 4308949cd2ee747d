/* CUnit glue: each tests/unit/test_*.c file declares its suite with
 * CTS_TEST_SUITE and the runner (tests/unit/main.c) registers them all, so
 * adding a suite never touches a shared list. Tests run from the project
 * root and read corpus files by relative path (corpus/...). */
#ifndef CTSCAN_TESTS_TEST_H
#define CTSCAN_TESTS_TEST_H

#include <CUnit/CUnit.h>

#include "ctscan/check.h"
#include "ctscan/stats.h"

void cts_test_register(const char *name, CU_TestInfo *tests);

#define CTS_TEST_SUITE(suite_name, test_array)                      \
  __attribute__((constructor)) static void cts_test_ctor_##test_array( \
      void) {                                                        \
    cts_test_register(suite_name, test_array);                       \
  }

/* Reads a whole file into a malloc'd buffer (tests only). Returns NULL on
 * failure. */
unsigned char *cts_test_read_file(const char *path, size_t *out_len);

/* (tests/unit/helpers.c) corpus/zlint/NAME, a PEM certificate, as DER
 * (free it with OPENSSL_free); NULL when it cannot be read. */
unsigned char *cts_test_zlint_der(const char *name, long *out_len);
/* The status checker c gave the lint named lint; CTS_LINT_FATAL when it
 * has no such lint. */
cts_lint_status cts_test_status_of(const cts_checker *c, const char *lint);
/* One lint's expected status on one certificate of corpus/zlint/. */
typedef struct cts_test_case {
  const char *lint;
  const char *file;
  cts_lint_status want;
} cts_test_case;
/* Runs each case's certificate through a fast-path checker and asserts
 * the lint's status (a mismatch is also printed). */
void cts_test_zlint_cases(const cts_test_case *cases, size_t n);
/* The stats JSON of st, malloc'd (free it); NULL on failure. */
char *cts_test_stats_json(const cts_stats *st);
/* Writes the stats JSON of st to a temporary file named after name and
 * returns its path (valid until the call after next; unlink it). */
const char *cts_test_write_stats_json(const cts_stats *st, const char *name);

#endif
