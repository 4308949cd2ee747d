/* CUnit glue: each tests/unit/test_*.c file declares its suite with
 * CTS_TEST_SUITE and the runner (tests/unit/main.c) registers them all, so
 * adding a suite never touches a shared list. Tests run from the project
 * root and read corpus files by relative path (corpus/...). */
#ifndef CTSCAN_TESTS_TEST_H
#define CTSCAN_TESTS_TEST_H

#include <CUnit/CUnit.h>

void cts_test_register(const char *name, CU_TestInfo *tests);

#define CTS_TEST_SUITE(suite_name, test_array)                      \
  __attribute__((constructor)) static void cts_test_ctor_##test_array( \
      void) {                                                        \
    cts_test_register(suite_name, test_array);                       \
  }

/* Reads a whole file into a malloc'd buffer (tests only). Returns NULL on
 * failure. */
unsigned char *cts_test_read_file(const char *path, size_t *out_len);

#endif
