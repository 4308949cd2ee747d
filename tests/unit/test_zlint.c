/* Agreement with zlint v3.6.6: for every implemented lint that zlint has
 * and every certificate of corpus/zlint, our verdict equals
 * corpus/zlint-expected.tsv (rows absent there are NA). A difference fails
 * the test unless docs/deviations.md lists it (lint, file) with a reason.
 * Prints agreement per lint. Also: per lint, at least one certificate it
 * does not pass and one it passes, and the lint table's metadata. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/check.h"
#include "ctscan/container.h"
#include "ctscan/lint.h"
#include "test.h"

#define ZLINT_DIR "corpus/zlint"
#define EXPECTED "corpus/zlint-expected.tsv"
#define ZLINT_NAMES "corpus/zlint-lints.jsonl"
#define DEVIATIONS "docs/deviations.md"

typedef struct row {
  char *file;
  char *lint;
  char *status;
} row;

typedef struct table {
  row *rows;
  size_t n, cap;
} table;

static void table_add(table *t, const char *file, const char *lint,
                      const char *status) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 1024;
    t->rows = realloc(t->rows, t->cap * sizeof(*t->rows));
  }
  t->rows[t->n].file = strdup(file);
  t->rows[t->n].lint = strdup(lint);
  t->rows[t->n].status = strdup(status);
  t->n++;
}

static int row_cmp(const void *a, const void *b) {
  const row *x = a, *y = b;
  int c = strcmp(x->lint, y->lint);
  return c != 0 ? c : strcmp(x->file, y->file);
}

static const char *table_find(const table *t, const char *file,
                              const char *lint) {
  row key = {(char *)file, (char *)lint, NULL};
  row *r = bsearch(&key, t->rows, t->n, sizeof(row), row_cmp);
  return r != NULL ? r->status : NULL;
}

static void table_free(table *t) {
  for (size_t i = 0; i < t->n; i++) {
    free(t->rows[i].file);
    free(t->rows[i].lint);
    free(t->rows[i].status);
  }
  free(t->rows);
}

/* zlint prints statuses in lower case, "NA" and "NE" aside. */
static const char *zlint_str(cts_lint_status s) {
  return s == CTS_LINT_NE ? "ne" : cts_lint_status_str(s);
}

static void load_expected(table *t) {
  FILE *f = fopen(EXPECTED, "r");
  char line[512], file[256], lint[128], status[32];
  CU_ASSERT_FATAL(f != NULL);
  while (fgets(line, sizeof(line), f) != NULL)
    if (sscanf(line, "%255s %127s %31s", file, lint, status) == 3 &&
        strcmp(file, "file") != 0)
      table_add(t, file, lint, status);
  fclose(f);
  qsort(t->rows, t->n, sizeof(row), row_cmp);
}

/* docs/deviations.md rows: | lint | file | ctscan | zlint | reason | */
static void load_deviations(table *t) {
  FILE *f = fopen(DEVIATIONS, "r");
  char line[2048], lint[128], file[256], ours[32];
  if (f == NULL) return;
  while (fgets(line, sizeof(line), f) != NULL)
    if (sscanf(line, "| %127[a-z0-9_] | %255[^ |] | %31[a-zA-Z] |", lint, file,
               ours) == 3)
      table_add(t, file, lint, ours);
  fclose(f);
  qsort(t->rows, t->n, sizeof(row), row_cmp);
}

static int zlint_has(const char *name) {
  FILE *f = fopen(ZLINT_NAMES, "r");
  char line[4096], needle[160];
  int found = 0;
  if (f == NULL) return 0;
  snprintf(needle, sizeof(needle), "{\"name\":\"%s\",", name);
  while (!found && fgets(line, sizeof(line), f) != NULL)
    found = strncmp(line, needle, strlen(needle)) == 0;
  fclose(f);
  return found;
}

static int by_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_certs(size_t *out_n) {
  DIR *d = opendir(ZLINT_DIR);
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0;
  if (d == NULL) return NULL;
  while ((de = readdir(d)) != NULL) {
    if (strstr(de->d_name, ".pem") == NULL) continue;
    if (n == cap) names = realloc(names, (cap = cap ? cap * 2 : 2048) * sizeof(*names));
    names[n++] = strdup(de->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof(*names), by_str);
  *out_n = n;
  return names;
}

typedef struct first_cert {
  unsigned char *der;
  long len;
} first_cert;

static cts_status keep_first(void *ctx, const cts_entry *e) {
  first_cert *f = ctx;
  if (f->der == NULL && e->cert.len > 0) {
    f->der = malloc(e->cert.len);
    memcpy(f->der, e->cert.data, e->cert.len);
    f->len = (long)e->cert.len;
  }
  return CTS_OK;
}

static void ignore_error(void *ctx, const char *input, uint64_t offset,
                         uint64_t index, uint64_t lost, const char *reason) {}

/* The first certificate of a corpus file, read with ctscan's own PEM
 * reader (OpenSSL's refuses a few of zlint's files that zlint reads). */
static unsigned char *read_der(const char *name, long *out_len) {
  char path[512];
  first_cert f = {NULL, 0};
  cts_entry_sink sink = {keep_first, ignore_error, &f};
  cts_input in = {path, 0, 0, 0};
  cts_stream *s;
  snprintf(path, sizeof(path), "%s/%s", ZLINT_DIR, name);
  if (cts_stream_open_file(path, &s) != CTS_OK) return NULL;
  cts_container_read(s, &in, &sink);
  cts_stream_close(s);
  *out_len = f.len;
  return f.der;
}

static void test_agreement(void) {
  table expected = {0}, deviations = {0};
  size_t n_certs = 0, n_lints;
  char **certs;
  cts_checker c;
  size_t compared = 0, equal = 0, excused = 0, unexcused = 0;
  load_expected(&expected);
  load_deviations(&deviations);
  certs = list_certs(&n_certs);
  CU_ASSERT_FATAL(certs != NULL && n_certs > 1000);
  CU_ASSERT_FATAL(cts_checker_init(&c, 1) == CTS_OK);
  n_lints = c.n_lints;
  /* results[cert][lint] */
  cts_lint_status *results = calloc(n_certs * (n_lints ? n_lints : 1), sizeof(*results));
  int *parsed = calloc(n_certs, sizeof(int));
  for (size_t i = 0; i < n_certs; i++) {
    long len = 0;
    const char *reason;
    unsigned char *der = read_der(certs[i], &len);
    if (der == NULL) continue;
    if (cts_checker_run(&c, der, (size_t)len, 0, &reason) == CTS_OK) {
      parsed[i] = 1;
      memcpy(results + i * n_lints, c.results, n_lints * sizeof(*results));
    }
    free(der);
  }
  for (size_t l = 0; l < n_lints; l++) {
    const char *name = c.lints[l].name;
    size_t lint_equal = 0, lint_compared = 0, passes = 0;
    if (!zlint_has(name)) continue;
    for (size_t i = 0; i < n_certs; i++) {
      const char *theirs = table_find(&expected, certs[i], name);
      const char *ours = parsed[i] ? zlint_str(results[i * n_lints + l]) : "unparsed";
      if (theirs == NULL) theirs = "NA";
      lint_compared++;
      if (strcmp(ours, "pass") == 0) passes++;
      if (strcmp(theirs, ours) == 0) {
        lint_equal++;
        continue;
      }
      const char *dev = table_find(&deviations, certs[i], name);
      if (dev != NULL && strcmp(dev, ours) == 0) {
        excused++;
        continue;
      }
      unexcused++;
      fprintf(stderr, "\n  %s %s: ctscan %s, zlint %s", name, certs[i], ours, theirs);
    }
    /* every lint passes some certificate (and, agreeing with zlint, fails
     * the ones zlint's corpus fails) */
    if (passes == 0) fprintf(stderr, "\n  %s passes no certificate", name);
    CU_ASSERT(passes > 0);
    compared += lint_compared;
    equal += lint_equal;
    fprintf(stderr, "\n  agreement %-60s %zu/%zu", name, lint_equal, lint_compared);
  }
  fprintf(stderr, "\n  zlint agreement: %zu rows compared, %zu equal, %zu listed deviations, %zu unlisted differences\n",
          compared, equal, excused, unexcused);
  CU_ASSERT_EQUAL(unexcused, 0);
  free(results);
  free(parsed);
  for (size_t i = 0; i < n_certs; i++) free(certs[i]);
  free(certs);
  cts_checker_free(&c);
  table_free(&expected);
  table_free(&deviations);
}

/* Metadata every lint must carry, names unique and prefixed by severity. */
static void test_lint_table(void) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  for (size_t i = 0; i < n; i++) {
    const cts_lint *l = &all[i];
    CU_ASSERT_PTR_NOT_NULL(l->name);
    CU_ASSERT(l->name[0] == 'e' || l->name[0] == 'w' || l->name[0] == 'n');
    CU_ASSERT(l->name[1] == '_');
    CU_ASSERT(l->description != NULL && l->description[0] != 0);
    CU_ASSERT(l->citation != NULL && l->citation[0] != 0);
    CU_ASSERT_PTR_NOT_NULL(l->run);
    if (i > 0) CU_ASSERT(strcmp(all[i - 1].name, l->name) < 0);
    CU_ASSERT_PTR_EQUAL(cts_lint_find(l->name), l);
  }
  CU_ASSERT_PTR_NULL(cts_lint_find("e_no_such_lint"));
}

static CU_TestInfo tests[] = {
    {"lint table metadata", test_lint_table},
    {"verdicts equal zlint v3.6.6 on its test corpus", test_agreement},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("zlint", tests)
