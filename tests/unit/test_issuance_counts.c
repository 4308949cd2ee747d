/* Per-CA lint counts once per issuance (src/stats/stats.c, the findings
 * set): exact below the budget, estimated from a deterministic sample of
 * issuances above it, with memory bounded and a merge of shards equal to
 * the scan of the whole. Findings are synthetic: a summary per entry and
 * lint statuses chosen by the test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/report.h"
#include "ctscan/stats.h"
#include "test.h"

#define T0 1714521600 /* 2024-05-01T00:00:00Z */

/* Name: CN=Issuance Test CA */
static const uint8_t CA_NAME[] = {
    0x30, 0x1b, 0x31, 0x19, 0x30, 0x17, 0x06, 0x03, 0x55, 0x04, 0x03,
    0x0c, 0x10, 'I',  's',  's',  'u',  'a',  'n',  'c',  'e',  ' ',
    'T',  'e',  's',  't',  ' ',  'C',  'A'};

/* The three lints the tests report: a common one whose precert and
 * certificate may differ in status, a less common one and a rare one. */
enum { LINT_A = 0, LINT_B = 1, LINT_C = 2, N_TEST_LINTS = 3 };

/* One CT entry: issuance k, as its precert or its final certificate. */
typedef struct ientry {
  uint32_t k;
  uint8_t precert;
  uint64_t index;
} ientry;

typedef struct fake {
  uint8_t buf[256];
  cts_summary sum;
  cts_entry entry;
  cts_lint_status *results;
} fake;

static fake g_fake;
static size_t g_n_lints;
static uint32_t g_n_cas = 1; /* issuance k goes to one of g_n_cas CAs */

/* splitmix64: reproducible serials and choices. */
static uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/* What issuance k's entry shows for lint t (CTS_LINT_PASS: nothing). */
static cts_lint_status status_of(uint32_t k, int precert, int t) {
  uint64_t r = mix(k * 7ull + 1);
  switch (t) {
    case LINT_A: /* half of the issuances; the certificate of one in
                    five is an error where its precert was a warning */
      if (r % 2 != 0) return CTS_LINT_PASS;
      return !precert && (r >> 8) % 5 == 0 ? CTS_LINT_ERROR : CTS_LINT_WARN;
    case LINT_B: /* one in ten, a notice */
      return (r >> 16) % 10 == 3 ? CTS_LINT_INFO : CTS_LINT_PASS;
    default: /* one in a thousand, an error */
      return (r >> 24) % 1000 == 7 ? CTS_LINT_ERROR : CTS_LINT_PASS;
  }
}

/* The CA of issuance k: CA j gets about twice as many as CA j + 1, so
 * that a few CAs are large and the rest small. */
static uint32_t ca_of(uint32_t k) {
  uint64_t r = mix(k ^ 0x5151ull);
  uint32_t j = 0;
  while (j + 1 < g_n_cas && (r & 1)) j++, r >>= 1;
  return j;
}

/* Issuance k has a precert, and its final certificate in 3 of 5. */
static int has_final(uint32_t k) { return mix(k ^ 0xabcdefull) % 5 < 3; }

static size_t make_entries(uint32_t n_issuances, ientry **out) {
  ientry *e = calloc((size_t)n_issuances * 2, sizeof(*e));
  size_t n = 0;
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  for (uint32_t k = 0; k < n_issuances; k++) {
    e[n].k = k;
    e[n].precert = 1;
    e[n].index = n;
    n++;
    if (has_final(k)) {
      e[n].k = k;
      e[n].index = n;
      n++;
    }
  }
  *out = e;
  return n;
}

static void build(const ientry *e) {
  fake *f = &g_fake;
  cts_summary *sum = &f->sum;
  uint64_t v = mix(e->k);
  size_t len = 0;
  memset(sum, 0, sizeof(*sum));
  memset(&f->entry, 0, sizeof(f->entry));
  sum->der = f->buf;
  memcpy(f->buf, CA_NAME, sizeof(CA_NAME));
  if (g_n_cas > 1) f->buf[sizeof(CA_NAME) - 1] = (uint8_t)('A' + ca_of(e->k));
  sum->issuer.off = 0;
  sum->issuer.len = sizeof(CA_NAME);
  len = sizeof(CA_NAME);
  sum->serial.off = (uint32_t)len;
  f->buf[len++] = 0x01; /* positive, and never a sign octet alone */
  for (int i = 0; i < 8; i++) f->buf[len++] = (uint8_t)(v >> (8 * i));
  sum->serial.len = 9;
  f->buf[len++] = e->precert; /* the two entries differ: their SHA-256 */
  sum->cert.off = 0;
  sum->cert.len = (uint32_t)len;
  sum->not_before = T0 + (int64_t)(e->k % 1000) * 3600;
  sum->not_after = sum->not_before + 90 * 86400 - 1;
  sum->validity_days = 90;
  sum->validity_secs = 90 * 86400;
  sum->key_type = CTS_KEY_EC;
  sum->curve = CTS_CURVE_P256;
  sum->ext_policies = -1;
  f->entry.index = e->index;
  f->entry.index_known = 1;
  f->entry.type = e->precert ? CTS_ENTRY_PRECERT : CTS_ENTRY_X509;
  for (size_t i = 0; i < g_n_lints; i++) f->results[i] = CTS_LINT_PASS;
  for (int t = 0; t < N_TEST_LINTS; t++)
    f->results[t] = status_of(e->k, e->precert, t);
}

static void add(cts_stats *st, const ientry *e) {
  build(e);
  CU_ASSERT_EQUAL_FATAL(cts_stats_add_entry(st, &g_fake.entry, &g_fake.sum,
                                            g_fake.results, 0, NULL),
                        CTS_OK);
}

static size_t g_total; /* the findings total of init's tables (0: the
                           default) */

/* A stats table with the given findings budget (0: the default). */
static void init(cts_stats *st, size_t budget) {
  CU_ASSERT_FATAL(cts_stats_init(st, g_n_lints) == CTS_OK);
  if (budget != 0) st->findings_budget = budget;
  if (g_total != 0) st->findings_total = g_total;
}

static const cts_ca_stats *only_ca(const cts_stats *st) {
  for (size_t i = 0; i < st->cap; i++)
    if (st->cas[i].issuer_dn != NULL) return &st->cas[i];
  return NULL;
}

/* The true counts: per issuance, the most severe status of each lint. */
static void truth(const ientry *e, size_t n, uint64_t out[N_TEST_LINTS][3]) {
  uint32_t n_iss = 0;
  uint8_t *worst;
  for (size_t i = 0; i < n; i++)
    if (e[i].k + 1 > n_iss) n_iss = e[i].k + 1;
  worst = calloc((size_t)n_iss * N_TEST_LINTS, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(worst);
  for (size_t i = 0; i < n; i++)
    for (int t = 0; t < N_TEST_LINTS; t++) {
      cts_lint_status s = status_of(e[i].k, e[i].precert, t);
      uint8_t *w = &worst[(size_t)e[i].k * N_TEST_LINTS + t];
      if (CTS_LINT_IS_FINDING(s) && (uint8_t)s > *w) *w = (uint8_t)s;
    }
  memset(out, 0, sizeof(uint64_t) * N_TEST_LINTS * 3);
  for (uint32_t k = 0; k < n_iss; k++)
    for (int t = 0; t < N_TEST_LINTS; t++) {
      uint8_t w = worst[(size_t)k * N_TEST_LINTS + t];
      if (w == 0) continue;
      out[t][w == CTS_LINT_INFO ? CTS_STATS_INFO
             : w == CTS_LINT_WARN ? CTS_STATS_WARN
                                  : CTS_STATS_ERROR]++;
    }
  free(worst);
}

/* Below the budget: a precert and its certificate count once, under the
 * more severe status, whichever comes first; counts equal the truth. */
static void test_exact_pairs(void) {
  ientry *e;
  size_t n = make_entries(3000, &e);
  uint64_t want[N_TEST_LINTS][3];
  cts_stats fwd, rev;
  const cts_ca_stats *ca;
  char *a, *b;
  init(&fwd, 0);
  init(&rev, 0);
  for (size_t i = 0; i < n; i++) add(&fwd, &e[i]);
  for (size_t i = n; i-- > 0;) add(&rev, &e[i]); /* certificate first */
  truth(e, n, want);
  ca = only_ca(&fwd);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ca);
  CU_ASSERT_EQUAL(ca->findings.level, 0);
  for (int t = 0; t < N_TEST_LINTS; t++) {
    const cts_ca_lint *l = ca->lints[t];
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    for (int c = 0; c < 3; c++) CU_ASSERT_EQUAL(l->counts[c], want[t][c]);
  }
  /* pairs are there to be counted once: more entries than issuances */
  CU_ASSERT_TRUE(ca->lints[LINT_A]->entries[CTS_STATS_WARN] +
                     ca->lints[LINT_A]->entries[CTS_STATS_ERROR] >
                 want[LINT_A][CTS_STATS_WARN] + want[LINT_A][CTS_STATS_ERROR]);
  CU_ASSERT_TRUE(want[LINT_A][CTS_STATS_ERROR] > 0);
  a = cts_test_stats_json(&fwd);
  b = cts_test_stats_json(&rev);
  CU_ASSERT_TRUE(a != NULL && b != NULL && strcmp(a, b) == 0);
  CU_ASSERT_PTR_NOT_NULL(a != NULL ? strstr(a, "\"lint_counts\":\"exact\"")
                                   : NULL);
  free(a);
  free(b);
  cts_stats_free(&fwd);
  cts_stats_free(&rev);
  free(e);
}

/* The bytes the set may take for a budget (stats.h): the smallest power
 * of two holding the budget at 3/4 load, 16 B a slot. */
static size_t set_bound(size_t budget) {
  size_t cap = 16;
  while (cap / 4 * 3 < budget) cap *= 2;
  return cap * sizeof(cts_finding_key);
}

/* Over a budget of 2,000 keys, 20,000 issuances (about 12,000 keys): the
 * set is sampled (1/8) and the counts are estimates. Lint totals are the
 * exact entries times issuances per entry as the sample shows them:
 * within 5 % of the truth for A and B (measured: 0.1 % and 1.2 %). Per
 * status, the share comes from the kept keys alone: within 3 standard
 * deviations of that sample (measured: 17 % low for A's errors, 1,029
 * for 1,238, 2.1 sd). The rare lint C (13 issuances) within a factor of
 * two, which its entries bound. */
#define SMALL_BUDGET 2000
static void test_sampled_estimates(void) {
  ientry *e;
  size_t n = make_entries(20000, &e);
  uint64_t want[N_TEST_LINTS][3];
  cts_stats st;
  const cts_ca_stats *ca;
  char *j, expect[64];
  init(&st, SMALL_BUDGET);
  for (size_t i = 0; i < n; i++) add(&st, &e[i]);
  truth(e, n, want);
  ca = only_ca(&st);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ca);
  CU_ASSERT_TRUE(ca->findings.level > 0);
  CU_ASSERT_TRUE(ca->findings.count <= SMALL_BUDGET);
  CU_ASSERT_TRUE(ca->findings.count > SMALL_BUDGET / 2);
  printf("\n    level %u, %zu keys kept;", (unsigned)ca->findings.level,
         ca->findings.count);
  for (int t = 0; t < N_TEST_LINTS; t++) {
    const cts_ca_lint *l = ca->lints[t];
    uint64_t got = 0, exp = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    for (int c = 0; c < 3; c++) {
      got += l->counts[c];
      exp += want[t][c];
    }
    printf(" %c: %llu for %llu", 'A' + t, (unsigned long long)got,
           (unsigned long long)exp);
    CU_ASSERT_TRUE(exp > 0);
    if (t == LINT_C) {
      /* rare (at most CTS_STATS_RARE_ENTRIES entries): exact, by status,
       * however sampled its CA is */
      CU_ASSERT_TRUE(l->entries[0] + l->entries[1] + l->entries[2] <=
                     CTS_STATS_RARE_ENTRIES);
      for (int c = 0; c < 3; c++) CU_ASSERT_EQUAL(l->counts[c], want[t][c]);
    } else {
      CU_ASSERT_TRUE(got * 100 >= exp * 95 && got * 100 <= exp * 105);
    }
  }
  for (int c = CTS_STATS_WARN; c <= CTS_STATS_ERROR; c++) {
    uint64_t got = ca->lints[LINT_A]->counts[c], exp = want[LINT_A][c];
    /* 3 standard deviations of the number of its issuances kept (about
     * exp / 2^level, binomial), scaled back */
    double tol = 3.0 * sqrt((double)exp * (double)(1u << ca->findings.level));
    printf(" A %s: %llu for %llu (+-%.0f)", c == CTS_STATS_WARN ? "warn" : "error",
           (unsigned long long)got, (unsigned long long)exp, tol);
    CU_ASSERT_TRUE(fabs((double)got - (double)exp) <= tol);
  }
  printf("\n    ");
  j = cts_test_stats_json(&st);
  snprintf(expect, sizeof(expect), "\"lint_counts\":\"sampled 1/2^%u\"",
           (unsigned)ca->findings.level);
  CU_ASSERT_PTR_NOT_NULL(j != NULL ? strstr(j, expect) : NULL);
  free(j);
  cts_stats_free(&st);
  free(e);
}

/* The set stays within the budget's table whatever the input: the same
 * bytes after 20,000 and 200,000 issuances; and the default budget costs
 * 2 MiB per CA, as stats.h says. */
static void test_memory_bounded(void) {
  ientry *e;
  size_t n = make_entries(200000, &e), at_20k = 0, at_end;
  cts_stats st;
  CU_ASSERT_EQUAL(set_bound(CTS_STATS_FINDINGS_BUDGET), (size_t)2 << 20);
  init(&st, SMALL_BUDGET);
  for (size_t i = 0; i < n; i++) {
    add(&st, &e[i]);
    if (e[i].k == 20000 && at_20k == 0)
      at_20k = cts_stats_findings_memory(only_ca(&st));
    CU_ASSERT_TRUE_FATAL(only_ca(&st)->findings.count <= SMALL_BUDGET);
  }
  at_end = cts_stats_findings_memory(only_ca(&st));
  printf("\n    findings set per CA: %zu B after 20k, %zu B after 200k "
         "issuances (bound %zu B)\n    ",
         at_20k, at_end, set_bound(SMALL_BUDGET));
  CU_ASSERT_TRUE(at_end <= set_bound(SMALL_BUDGET));
  CU_ASSERT_EQUAL(at_end, at_20k);
  cts_stats_free(&st);
  free(e);
}

/* Merging two halves (by range or interleaved, so that a precert and its
 * certificate often land in different halves; in memory or read back
 * from their JSON) writes the same stats JSON as the whole, byte for
 * byte; so does the whole in reverse order. */
static void check_merge(size_t budget, uint32_t n_issuances) {
  ientry *e;
  size_t n = make_entries(n_issuances, &e);
  cts_stats whole, reverse, h1, h2, merged, l1, l2, loaded;
  char *w, *rv, *m, *lj, err[256];
  const char *p1, *p2;
  init(&whole, budget);
  for (size_t i = 0; i < n; i++) add(&whole, &e[i]);
  w = cts_test_stats_json(&whole);
  CU_ASSERT_PTR_NOT_NULL_FATAL(w);
  if (g_n_cas == 1)
    CU_ASSERT_EQUAL(only_ca(&whole)->findings.level > 0, budget != 0);
  init(&reverse, budget);
  for (size_t i = n; i-- > 0;) add(&reverse, &e[i]);
  rv = cts_test_stats_json(&reverse);
  CU_ASSERT_TRUE(rv != NULL && strcmp(rv, w) == 0);
  for (int split = 0; split < 2; split++) {
    init(&h1, budget);
    init(&h2, budget);
    for (size_t i = 0; i < n; i++)
      add(split == 0 ? (i < n / 3 ? &h1 : &h2) : (i % 2 ? &h2 : &h1), &e[i]);
    init(&merged, budget);
    CU_ASSERT_EQUAL(cts_stats_merge(&merged, &h2), CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&merged, &h1), CTS_OK);
    m = cts_test_stats_json(&merged);
    CU_ASSERT_TRUE(m != NULL && strcmp(m, w) == 0);
    p1 = cts_test_write_stats_json(&h1, "h1");
    p2 = cts_test_write_stats_json(&h2, "h2");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
    CU_ASSERT_EQUAL_FATAL(cts_report_load_json(p1, &l1, err, sizeof(err)),
                          CTS_OK);
    CU_ASSERT_EQUAL_FATAL(cts_report_load_json(p2, &l2, err, sizeof(err)),
                          CTS_OK);
    init(&loaded, budget);
    CU_ASSERT_EQUAL(cts_stats_merge(&loaded, &l1), CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&loaded, &l2), CTS_OK);
    lj = cts_test_stats_json(&loaded);
    CU_ASSERT_TRUE(lj != NULL && strcmp(lj, w) == 0);
    unlink(p1);
    unlink(p2);
    free(m);
    free(lj);
    cts_stats_free(&h1);
    cts_stats_free(&h2);
    cts_stats_free(&merged);
    cts_stats_free(&l1);
    cts_stats_free(&l2);
    cts_stats_free(&loaded);
  }
  /* a file read back and written again is the same file */
  p1 = cts_test_write_stats_json(&whole, "whole");
  CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
  CU_ASSERT_EQUAL_FATAL(cts_report_load_json(p1, &l1, err, sizeof(err)),
                        CTS_OK);
  init(&loaded, budget);
  CU_ASSERT_EQUAL(cts_stats_merge(&loaded, &l1), CTS_OK);
  lj = cts_test_stats_json(&loaded);
  CU_ASSERT_TRUE(lj != NULL && strcmp(lj, w) == 0);
  unlink(p1);
  free(lj);
  cts_stats_free(&l1);
  cts_stats_free(&loaded);
  free(w);
  free(rv);
  cts_stats_free(&whole);
  cts_stats_free(&reverse);
  free(e);
}

static void test_merge_exact(void) { check_merge(0, 3000); }
static void test_merge_sampled(void) { check_merge(SMALL_BUDGET, 20000); }

/* Many CAs, one total: the threshold falls until the CAs' keys fit, the
 * large CAs sample, a CA with fewer finding entries than the threshold
 * stays exact, the keys of all CAs stay within the total, and shards
 * merged in any order still equal the whole. */
static void test_shared_total(void) {
  enum { N_CAS = 24, BUDGET = 4096, TOTAL = 12288 };
  ientry *e;
  size_t n, kept = 0, exact = 0, sampled = 0, rare_checked = 0;
  cts_stats st;
  size_t t;
  g_n_cas = N_CAS;
  g_total = TOTAL;
  n = make_entries(40000, &e);
  init(&st, BUDGET);
  for (size_t i = 0; i < n; i++) {
    add(&st, &e[i]);
    kept = 0;
    for (size_t c = 0; c < st.cap; c++)
      if (st.cas[c].issuer_dn != NULL) kept += st.cas[c].findings.count;
    CU_ASSERT_TRUE_FATAL(kept <= TOTAL);
  }
  t = cts_stats_findings_threshold(&st);
  CU_ASSERT_TRUE(st.findings_halvings > 0);
  CU_ASSERT_TRUE(t < BUDGET);
  for (size_t c = 0; c < st.cap; c++) {
    const cts_ca_stats *ca = &st.cas[c];
    if (ca->issuer_dn == NULL) continue;
    CU_ASSERT_TRUE(ca->findings.count <= t);
    CU_ASSERT_TRUE(cts_stats_findings_memory(ca) <= set_bound(t) ||
                   cts_stats_findings_memory(ca) <= 16 * sizeof(cts_finding_key));
    if (ca->finding_entries <= t) {
      CU_ASSERT_EQUAL(ca->findings.level, 0);
      exact++;
    } else if (ca->findings.level > 0) {
      sampled++;
    }
  }
  /* the rare lint is exact at every CA, sampled or not */
  for (size_t c = 0; c < st.cap; c++) {
    const cts_ca_stats *ca = &st.cas[c];
    const cts_ca_lint *l;
    uint64_t want[N_TEST_LINTS][3];
    ientry *mine = calloc(n, sizeof(*mine));
    size_t n_mine = 0;
    if (ca->issuer_dn == NULL) {
      free(mine);
      continue;
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(mine);
    for (size_t i = 0; i < n; i++)
      if ((uint8_t)('A' + ca_of(e[i].k)) == ca->issuer_dn[sizeof(CA_NAME) - 1])
        mine[n_mine++] = e[i];
    truth(mine, n_mine, want);
    l = ca->lints[LINT_C];
    if (l != NULL && l->entries[0] + l->entries[1] + l->entries[2] <=
                         CTS_STATS_RARE_ENTRIES) {
      for (int k = 0; k < 3; k++) CU_ASSERT_EQUAL(l->counts[k], want[LINT_C][k]);
      if (ca->findings.level > 0) rare_checked++;
    }
    free(mine);
  }
  CU_ASSERT_TRUE(rare_checked >= 3);
  printf("\n    %d CAs, total %d keys: threshold %zu keys per CA, %zu CAs "
         "exact, %zu sampled (%zu with the rare lint exact), %zu keys kept\n    ",
         N_CAS, TOTAL, t, exact, sampled, rare_checked, kept);
  CU_ASSERT_TRUE(exact >= 10);
  CU_ASSERT_TRUE(sampled >= 3);
  cts_stats_free(&st);
  free(e);
  check_merge(BUDGET, 40000);
  g_n_cas = 1;
  g_total = 0;
}

static void test_init(void) {
  (void)cts_lints(&g_n_lints);
  CU_ASSERT_FATAL(g_n_lints >= N_TEST_LINTS);
  g_fake.results = calloc(g_n_lints, sizeof(*g_fake.results));
  CU_ASSERT_PTR_NOT_NULL_FATAL(g_fake.results);
}

static void test_teardown(void) {
  free(g_fake.results);
  g_fake.results = NULL;
}

static CU_TestInfo tests[] = {
    {"(set up)", test_init},
    {"below the budget: pairs once, exact", test_exact_pairs},
    {"over the budget: estimates near the truth", test_sampled_estimates},
    {"memory per CA is bounded", test_memory_bounded},
    {"merge of halves equals the whole", test_merge_exact},
    {"merge equals the whole when sampled", test_merge_sampled},
    {"many CAs share one total", test_shared_total},
    {"(tear down)", test_teardown},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("issuances", tests)
