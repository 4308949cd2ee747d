/* libFuzzer target for reading stats JSON back (src/report/load.c, what
 * `ctscan merge` reads) and for the report writers over what was read.
 *
 * The input is written to a file in a private temporary folder (the
 * loader reads a path); where it says @LINT_SET@, this build's lint set
 * is put first, so that seeds stay valid when lints are added. Checks:
 *  - cts_report_load_json never faults, and a failure says why;
 *  - for an input that loads: cts_report_json of it (J1) loads again, and
 *    writing that gives J1 byte for byte (the round trip);
 *  - merging it into empty statistics, as `ctscan merge` does with one
 *    file, gives J1 as well (sums and sketches merge exactly);
 *  - the CSV, HTML and terminal reports of it are written without fault.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/lint.h"
#include "ctscan/report.h"
#include "ctscan/stats.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PLACEHOLDER "@LINT_SET@"

static char g_dir[64];
static char g_path[96];
static char g_lint_set[33];
static FILE *g_null;

static void cleanup(void) {
  unlink(g_path);
  rmdir(g_dir);
  if (g_null != NULL) fclose(g_null);
}

static void init_once(void) {
  if (g_dir[0] != '\0') return;
  snprintf(g_dir, sizeof(g_dir), "/tmp/ctscan-fuzz-stats-XXXXXX");
  if (mkdtemp(g_dir) == NULL) abort();
  snprintf(g_path, sizeof(g_path), "%s/stats.json", g_dir);
  cts_report_lint_set(g_lint_set);
  g_null = fopen("/dev/null", "w");
  if (g_null == NULL) abort();
  atexit(cleanup);
}

/* Writes data to g_path with every @LINT_SET@ replaced by the lint set. */
static void write_input(const uint8_t *data, size_t size) {
  FILE *f = fopen(g_path, "wb");
  size_t n = strlen(PLACEHOLDER), i = 0, from = 0;
  if (f == NULL) abort();
  while (i + n <= size) {
    if (memcmp(data + i, PLACEHOLDER, n) == 0) {
      fwrite(data + from, 1, i - from, f);
      fputs(g_lint_set, f);
      i += n;
      from = i;
    } else {
      i++;
    }
  }
  fwrite(data + from, 1, size - from, f);
  if (ferror(f) || fclose(f) != 0) abort();
}

static void write_text(const char *text, size_t len) {
  FILE *f = fopen(g_path, "wb");
  if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) abort();
}

/* Says where two JSON texts first differ, with some context. */
static void show_difference(const char *what, const char *a, size_t na,
                            const char *b, size_t nb) {
  size_t i = 0, from;
  while (i < na && i < nb && a[i] == b[i]) i++;
  from = i > 60 ? i - 60 : 0;
  fprintf(stderr, "%s: JSON differs at byte %zu\n  first:  %.*s\n  second: %.*s\n",
          what, i, (int)((na - from) < 140 ? na - from : 140), a + from,
          (int)((nb - from) < 140 ? nb - from : 140), b + from);
}

/* The stats JSON of stats, malloc'd and NUL-terminated. */
static char *to_json(const cts_stats *stats, size_t *out_len) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (f == NULL) abort();
  CHECK(cts_report_json(stats, NULL, f) == CTS_OK);
  if (fclose(f) != 0) abort();
  *out_len = len;
  return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cts_stats first, second, merged;
  char err[256];
  char *j1, *j2, *j3;
  size_t n1, n2, n3, n_lints;
  cts_status st;
  init_once();
  if (size > ((size_t)4 << 20)) return 0;
  write_input(data, size);
  err[0] = '\0';
  st = cts_report_load_json(g_path, &first, err, sizeof(err));
  if (st != CTS_OK) {
    CHECK(st == CTS_ERR_NOMEM || err[0] != '\0');
    cts_stats_free(&first);
    return 0;
  }
  j1 = to_json(&first, &n1);

  /* Round trip. */
  write_text(j1, n1);
  st = cts_report_load_json(g_path, &second, err, sizeof(err));
  if (st != CTS_OK) {
    fprintf(stderr, "round trip: what was written does not load: %s\n", err);
    abort();
  }
  j2 = to_json(&second, &n2);
  if (n1 != n2 || memcmp(j1, j2, n1) != 0) {
    show_difference("round trip (written, loaded, written again)", j1, n1,
                    j2, n2);
    abort();
  }

  /* One file merged into nothing is that file. */
  (void)cts_lints(&n_lints);
  CHECK(cts_stats_init(&merged, n_lints) == CTS_OK);
  st = cts_stats_merge(&merged, &first);
  if (st == CTS_OK) {
    j3 = to_json(&merged, &n3);
    if (n1 != n3 || memcmp(j1, j3, n1) != 0) {
      show_difference("merged into empty statistics", j1, n1, j3, n3);
      abort();
    }
    free(j3);
  } else {
    CHECK(st == CTS_ERR_NOMEM);
  }

  CHECK(cts_report_csv(&first, NULL, g_null) == CTS_OK);
  CHECK(cts_report_html(&first, NULL, g_null) == CTS_OK);
  cts_report_table(&first, g_null);

  cts_stats_free(&merged);
  cts_stats_free(&second);
  cts_stats_free(&first);
  free(j1);
  free(j2);
  return 0;
}
