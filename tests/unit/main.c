/* Runs every CUnit suite linked into the test binary. Optional arguments
 * name the suites to run. Exit status 0 only when every test passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "test.h"

#define CTS_TEST_MAX_SUITES 128

static struct {
  const char *name;
  CU_TestInfo *tests;
} g_suites[CTS_TEST_MAX_SUITES];
static size_t g_suite_count;

void cts_test_register(const char *name, CU_TestInfo *tests) {
  if (g_suite_count < CTS_TEST_MAX_SUITES) {
    g_suites[g_suite_count].name = name;
    g_suites[g_suite_count].tests = tests;
    g_suite_count++;
  }
}

unsigned char *cts_test_read_file(const char *path, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0)
    goto close_file;
  buf = malloc((size_t)size + 1);
  if (buf == NULL) goto close_file;
  if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
    free(buf);
    buf = NULL;
    goto close_file;
  }
  buf[size] = 0;
  *out_len = (size_t)size;
close_file:
  fclose(f);
  return buf;
}

static int wanted(const char *name, int argc, char **argv) {
  if (argc < 2) return 1;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], name) == 0) return 1;
  return 0;
}

int main(int argc, char **argv) {
  unsigned failures;
  if (CU_initialize_registry() != CUE_SUCCESS) return 2;
  if (g_suite_count == CTS_TEST_MAX_SUITES) {
    fprintf(stderr, "too many suites: raise CTS_TEST_MAX_SUITES\n");
    return 2;
  }
  for (size_t i = 0; i < g_suite_count; i++) {
    CU_SuiteInfo info[2] = {
        {g_suites[i].name, NULL, NULL, NULL, NULL, g_suites[i].tests},
        CU_SUITE_INFO_NULL};
    if (!wanted(g_suites[i].name, argc, argv)) continue;
    if (CU_register_suites(info) != CUE_SUCCESS) {
      fprintf(stderr, "cannot register suite %s: %s\n", g_suites[i].name,
              CU_get_error_msg());
      CU_cleanup_registry();
      return 2;
    }
  }
  CU_basic_set_mode(CU_BRM_NORMAL);
  CU_basic_run_tests();
  failures = CU_get_number_of_failures() + CU_get_number_of_suites_failed();
  CU_cleanup_registry();
  return failures == 0 ? 0 : 1;
}
