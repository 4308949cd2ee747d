/* The stats JSON and the terminal table. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "ctscan/config.h"
#include "ctscan/lint.h"
#include "ctscan/report.h"
#include "ctscan/sha256.h"
#include "ctscan/sieve.h"
#include "ctscan/version.h"
#include "json_writer.h"

static void write_errors(cts_json *j, const cts_stats *stats) {
  cts_json_key(j, "errors");
  cts_json_begin_array(j);
  for (size_t i = 0; i < stats->n_errors; i++) {
    const cts_error_record *e = &stats->errors[i];
    cts_json_begin_object(j);
    cts_json_key(j, "input");
    cts_json_string(j, e->input);
    cts_json_key(j, "offset");
    cts_json_uint(j, e->offset);
    cts_json_key(j, "index");
    cts_json_uint(j, e->index);
    cts_json_key(j, "entries");
    cts_json_uint(j, e->lost);
    cts_json_key(j, "reason");
    cts_json_string(j, e->reason);
    cts_json_end_object(j);
  }
  cts_json_end_array(j);
  cts_json_key(j, "errors_omitted");
  cts_json_uint(j, stats->errors_omitted);
}

static uint64_t total_issuances(const cts_stats *stats) {
  uint64_t n = 0;
  for (size_t i = 0; i < stats->cap; i++)
    if (stats->cas[i].issuer_dn != NULL)
      n += cts_ca_unique_issuances(&stats->cas[i]);
  return n;
}

static void write_totals(cts_json *j, const cts_stats *stats) {
  cts_json_key(j, "totals");
  cts_json_begin_object(j);
  cts_json_key(j, "entries");
  cts_json_uint(j, stats->entries);
  cts_json_key(j, "x509");
  cts_json_uint(j, stats->x509);
  cts_json_key(j, "precert");
  cts_json_uint(j, stats->precert);
  cts_json_key(j, "unique_issuances");
  cts_json_uint(j, total_issuances(stats));
  cts_json_key(j, "fully_parsed");
  cts_json_uint(j, stats->fully_parsed);
  cts_json_key(j, "clean");
  cts_json_uint(j, stats->clean);
  cts_json_key(j, "flagged");
  cts_json_uint(j, stats->flagged);
  cts_json_key(j, "unparseable");
  cts_json_uint(j, stats->unparseable);
  write_errors(j, stats);
  cts_json_end_object(j);
}

static void put_time(cts_json *j, int64_t t) {
  char buf[32];
  time_t tt = (time_t)t;
  struct tm tm;
  if (gmtime_r(&tt, &tm) == NULL) {
    cts_json_null(j);
    return;
  }
  strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  cts_json_string(j, buf);
}

static void write_example(cts_json *j, const cts_example *ex) {
  char hex[65], url[128];
  cts_hex(ex->sha256, 32, hex);
  cts_json_begin_object(j);
  cts_json_key(j, "index");
  cts_json_uint(j, ex->index);
  cts_json_key(j, "sha256");
  cts_json_string(j, hex);
  if (ex->is_tbs) {
    /* only the TBSCertificate was logged: no certificate to look up */
    cts_json_key(j, "sha256_of");
    cts_json_string(j, "tbs");
  } else {
    snprintf(url, sizeof(url), "https://crt.sh/?sha256=%s", hex);
    cts_json_key(j, "crtsh");
    cts_json_string(j, url);
  }
  cts_json_end_object(j);
}

/* "lints": {"e_x": {"error": n, "warn": n, "info": n, "first_not_before",
 * "last_not_before", "examples": [...]}}, lints with findings only;
 * counts are of issuances (a precert and its certificate count once).
 * "lint_counts" says whether they are exact or, for a CA with more
 * findings than the budget, estimated from a sample of 1/2^k of its
 * issuances (stats.h "issuances per lint"). */
static void write_ca_lints(cts_json *j, const cts_stats *stats,
                           const cts_ca_stats *ca) {
  size_t n;
  const cts_lint *lints = cts_lints(&n);
  char how[32];
  if (ca->findings.level == 0)
    snprintf(how, sizeof(how), "exact");
  else
    snprintf(how, sizeof(how), "sampled 1/2^%u",
             (unsigned)ca->findings.level);
  cts_json_key(j, "lint_counts");
  cts_json_string(j, how);
  cts_json_key(j, "lints");
  cts_json_begin_object(j);
  for (size_t i = 0; i < stats->n_lints && i < n; i++) {
    const cts_ca_lint *l = ca->lints[i];
    if (l == NULL) continue;
    cts_json_key(j, lints[i].name);
    cts_json_begin_object(j);
    cts_json_key(j, "error");
    cts_json_uint(j, l->counts[CTS_STATS_ERROR]);
    cts_json_key(j, "warn");
    cts_json_uint(j, l->counts[CTS_STATS_WARN]);
    cts_json_key(j, "info");
    cts_json_uint(j, l->counts[CTS_STATS_INFO]);
    cts_json_key(j, "first_not_before");
    put_time(j, l->first_not_before);
    cts_json_key(j, "last_not_before");
    put_time(j, l->last_not_before);
    cts_json_key(j, "examples");
    cts_json_begin_array(j);
    for (uint32_t e = 0; e < l->n_examples; e++) write_example(j, &l->examples[e]);
    cts_json_end_array(j);
    cts_json_end_object(j);
  }
  cts_json_end_object(j);
}

static int by_day(const void *a, const void *b) {
  int64_t x = (int64_t)(*(const cts_u64map_slot *const *)a)->key;
  int64_t y = (int64_t)(*(const cts_u64map_slot *const *)b)->key;
  return x < y ? -1 : x > y;
}

/* "per_day": {"2025-05-03": {"entries": n, "flagged": n}, ...} by day of
 * notBefore: the denominators a misissuance rate needs. */
static cts_status write_per_day(cts_json *j, const cts_ca_stats *ca) {
  const cts_u64map_slot **days = malloc((ca->per_day.count + 1) * sizeof(*days));
  size_t n = 0;
  if (days == NULL) return CTS_ERR_NOMEM;
  for (size_t i = 0; i < ca->per_day.cap; i++)
    if (ca->per_day.slots[i].used) days[n++] = &ca->per_day.slots[i];
  qsort(days, n, sizeof(*days), by_day);
  cts_json_key(j, "per_day");
  cts_json_begin_object(j);
  for (size_t i = 0; i < n; i++) {
    char date[32];
    time_t t = (time_t)((int64_t)days[i]->key * 86400);
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) continue;
    strftime(date, sizeof(date), "%Y-%m-%d", &tm);
    cts_json_key(j, date);
    cts_json_begin_object(j);
    cts_json_key(j, "entries");
    cts_json_uint(j, days[i]->a);
    cts_json_key(j, "flagged");
    cts_json_uint(j, days[i]->b);
    cts_json_end_object(j);
  }
  cts_json_end_object(j);
  free(days);
  return CTS_OK;
}

void cts_report_bucket_label(int serial, int b, char *label, size_t len) {
  if (serial)
    snprintf(label, len, b == CTS_STATS_SERIAL_LENGTHS - 1 ? ">%d" : "%d",
             b == CTS_STATS_SERIAL_LENGTHS - 1 ? b - 1 : b);
  else if (cts_stats_validity_bounds[b] == 0)
    snprintf(label, len, ">%u", cts_stats_validity_bounds[b - 1]);
  else
    snprintf(label, len, "<=%u", cts_stats_validity_bounds[b]);
}

void cts_report_lint_set(char out[33]) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  cts_sha256_ctx h;
  uint8_t digest[32];
  cts_sha256_init(&h);
  for (size_t i = 0; i < n; i++) {
    cts_sha256_update(&h, all[i].name, strlen(all[i].name));
    cts_sha256_update(&h, "\n", 1);
  }
  cts_sha256_final(&h, digest);
  cts_hex(digest, 16, out);
}

static void write_histograms(cts_json *j, const cts_ca_stats *ca) {
  cts_json_key(j, "validity_days");
  cts_json_begin_object(j);
  for (int b = 0; b < CTS_STATS_VALIDITY_BUCKETS; b++) {
    char label[32];
    if (ca->validity[b] == 0) continue;
    cts_report_bucket_label(0, b, label, sizeof(label));
    cts_json_key(j, label);
    cts_json_uint(j, ca->validity[b]);
  }
  cts_json_end_object(j);
  cts_json_key(j, "serial_lengths");
  cts_json_begin_object(j);
  for (int b = 0; b < CTS_STATS_SERIAL_LENGTHS; b++) {
    char label[32];
    if (ca->serial_lengths[b] == 0) continue;
    cts_report_bucket_label(1, b, label, sizeof(label));
    cts_json_key(j, label);
    cts_json_uint(j, ca->serial_lengths[b]);
  }
  cts_json_end_object(j);
}

static void put_hex(cts_json *j, const uint8_t *p, size_t n) {
  char *hex = malloc(2 * n + 1);
  if (hex == NULL) {
    cts_json_null(j);
    return;
  }
  cts_hex(p, n, hex);
  cts_json_string(j, hex);
  free(hex);
}

/* RFC 4648 base64 with padding. */
static void put_base64(cts_json *j, const uint8_t *p, size_t n) {
  static const char k[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *out = malloc(4 * ((n + 2) / 3) + 1);
  size_t o = 0;
  if (out == NULL) {
    cts_json_null(j);
    return;
  }
  for (size_t i = 0; i < n; i += 3) {
    uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
                 (i + 2 < n ? p[i + 2] : 0);
    out[o++] = k[v >> 18];
    out[o++] = k[(v >> 12) & 63];
    out[o++] = i + 1 < n ? k[(v >> 6) & 63] : '=';
    out[o++] = i + 2 < n ? k[v & 63] : '=';
  }
  out[o] = 0;
  cts_json_string(j, out);
  free(out);
}

/* Hex of a serial's value, leading zero octets dropped (one kept). */
static void put_serial_hex(cts_json *j, const uint8_t *v, size_t n) {
  size_t skip = 0;
  while (skip + 1 < n && v[skip] == 0) skip++;
  put_hex(j, v + skip, n - skip);
}

static void put_cert_ref(cts_json *j, uint64_t index, const uint8_t sha[32],
                         int is_tbs) {
  cts_example ex;
  memset(&ex, 0, sizeof(ex));
  ex.index = index;
  memcpy(ex.sha256, sha, 32);
  ex.is_tbs = (uint8_t)is_tbs;
  write_example(j, &ex);
}

static void write_typo_examples(cts_json *j, const cts_pop_result *r) {
  cts_json_key(j, "typo_examples");
  cts_json_begin_array(j);
  for (size_t i = 0; i < r->n_typos; i++) {
    const cts_pop_typo *t = &r->typos[i];
    cts_json_begin_object(j);
    cts_json_key(j, "names");
    cts_json_begin_array(j);
    cts_json_string(j, t->name_a);
    cts_json_string(j, t->name_b);
    cts_json_end_array(j);
    cts_json_key(j, "hours_apart");
    cts_json_double(j, (double)(t->b->not_before - t->a->not_before) / 3600.0);
    cts_json_key(j, "certificates");
    cts_json_begin_array(j);
    put_cert_ref(j, t->a->index, t->a->sha256, t->a->is_tbs);
    put_cert_ref(j, t->b->index, t->b->sha256, t->b->is_tbs);
    cts_json_end_array(j);
    cts_json_end_object(j);
  }
  cts_json_end_array(j);
}

static void put_u64_hex(cts_json *j, uint64_t v) {
  char hex[17];
  snprintf(hex, sizeof(hex), "%016" PRIx64, v);
  cts_json_string(j, hex);
}

static void write_rare_profiles(cts_json *j, const cts_pop_result *r) {
  cts_json_key(j, "rare_profile_examples");
  cts_json_begin_array(j);
  for (size_t i = 0; i < r->n_rare; i++) {
    const cts_pop_profile *p = r->rare[i];
    cts_json_begin_object(j);
    cts_json_key(j, "profile");
    put_u64_hex(j, p->hash);
    cts_json_key(j, "count");
    cts_json_uint(j, p->count);
    cts_json_key(j, "key");
    cts_json_string(j, p->key);
    cts_json_key(j, "validity_days");
    cts_json_int(j, p->validity_days);
    cts_json_key(j, "extensions");
    cts_json_uint(j, p->n_exts);
    cts_json_key(j, "policies");
    cts_json_uint(j, p->n_policies);
    cts_json_key(j, "example");
    put_cert_ref(j, p->index, p->sha256, p->is_tbs);
    cts_json_end_object(j);
  }
  cts_json_end_array(j);
}

static void write_sequential_evidence(cts_json *j, const cts_pop_result *r) {
  cts_json_key(j, "longest_sequential_run");
  cts_json_uint(j, r->longest_run);
  cts_json_key(j, "sequential_example");
  if (r->run_length == 0) {
    cts_json_null(j);
    return;
  }
  cts_json_begin_object(j);
  cts_json_key(j, "first_serial");
  put_serial_hex(j, r->run_serial, sizeof(r->run_serial));
  cts_json_key(j, "length");
  cts_json_uint(j, r->run_length);
  cts_json_end_object(j);
}

static void write_duplicate_evidence(cts_json *j, const cts_pop_result *r) {
  cts_json_key(j, "duplicate_examples");
  cts_json_begin_array(j);
  for (size_t i = 0; i < r->n_duplicates; i++) {
    cts_json_begin_object(j);
    cts_json_key(j, "indices");
    cts_json_begin_array(j);
    cts_json_uint(j, r->duplicates[i]->index[0]);
    cts_json_uint(j, r->duplicates[i]->index[1]);
    cts_json_end_array(j);
    cts_json_end_object(j);
  }
  cts_json_end_array(j);
}

/* "population": the population lints (design.md). Counts from a sampled
 * sketch are estimates (observed << level); "sampling_levels" says which
 * were sampled (0: exact). */
static void write_population(cts_json *j, const cts_config *config,
                             const cts_ca_stats *ca) {
  cts_pop_result r;
  const cts_pop_thresholds *t = config != NULL ? &config->thresholds : NULL;
  const cts_population *pop = ca->population;
  (void)cts_pop_result_get(pop, ca->entries, t, &r);
  cts_json_key(j, "population");
  cts_json_begin_object(j);
  cts_json_key(j, "serial_entropy_bits");
  if (r.entropy_known)
    cts_json_double(j, floor(r.serial_entropy_bits * 10.0 + 0.5) / 10.0);
  else
    cts_json_null(j);
  cts_json_key(j, "sequential_serial_runs");
  cts_json_uint(j, r.sequential_runs);
  cts_json_key(j, "duplicate_serials");
  cts_json_uint(j, r.duplicate_serials);
  cts_json_key(j, "typo_reissues");
  cts_json_uint(j, r.typo_reissues);
  cts_json_key(j, "profiles");
  cts_json_uint(j, r.profiles);
  cts_json_key(j, "rare_profiles");
  cts_json_uint(j, r.rare_profiles);
  cts_json_key(j, "serial_entropy_low");
  if (r.entropy_known)
    cts_json_bool(j, r.entropy_low);
  else
    cts_json_null(j);
  cts_json_key(j, "serials_counted");
  cts_json_uint(j, pop != NULL ? pop->serials : 0);
  write_sequential_evidence(j, &r);
  write_duplicate_evidence(j, &r);
  write_typo_examples(j, &r);
  write_rare_profiles(j, &r);
  cts_json_key(j, "sampling_levels");
  cts_json_begin_object(j);
  cts_json_key(j, "serial_blocks");
  cts_json_uint(j, pop != NULL ? pop->blocks.level : 0);
  cts_json_key(j, "serials");
  cts_json_uint(j, pop != NULL ? pop->ids.level : 0);
  cts_json_key(j, "organizations");
  cts_json_uint(j, pop != NULL ? pop->certs.level : 0);
  cts_json_key(j, "profiles");
  cts_json_uint(j, pop != NULL ? pop->profiles.level : 0);
  cts_json_end_object(j);
  cts_json_end_object(j);
}

static void sketch_blocks(cts_json *j, const cts_population *pop) {
  const cts_pop_block *b = pop->blocks.items;
  cts_json_key(j, "serial_blocks");
  cts_json_begin_array(j);
  for (uint32_t i = 0; i < pop->blocks.n; i++) {
    uint8_t bits[8 * CTS_POP_BLOCK_WORDS];
    for (int w = 0; w < CTS_POP_BLOCK_WORDS; w++)
      for (int k = 0; k < 8; k++) bits[8 * w + k] = (uint8_t)(b[i].bits[w] >> (8 * k));
    cts_json_begin_array(j);
    put_hex(j, b[i].key, CTS_POP_BLOCK_KEY);
    put_hex(j, bits, sizeof(bits));
    cts_json_end_array(j);
  }
  cts_json_end_array(j);
}

static void sketch_serials(cts_json *j, const cts_population *pop) {
  const cts_pop_serial *s = pop->ids.items;
  cts_json_key(j, "serial_ids");
  cts_json_begin_array(j);
  for (uint32_t i = 0; i < pop->ids.n; i++) {
    cts_json_begin_array(j);
    put_u64_hex(j, s[i].hash);
    for (int k = 0; k < 2; k++) {
      put_u64_hex(j, s[i].id[k]);
      cts_json_uint(j, s[i].index[k]);
    }
    cts_json_end_array(j);
  }
  cts_json_end_array(j);
}

static void sketch_certs(cts_json *j, const cts_population *pop) {
  const cts_pop_cert *c = pop->certs.items;
  cts_json_key(j, "organization_certs");
  cts_json_begin_array(j);
  for (uint32_t i = 0; i < pop->certs.n; i++) {
    cts_json_begin_array(j);
    put_u64_hex(j, c[i].org);
    put_u64_hex(j, c[i].id);
    cts_json_int(j, c[i].not_before);
    cts_json_uint(j, c[i].index);
    put_hex(j, c[i].sha256, 32);
    cts_json_uint(j, c[i].is_tbs);
    put_hex(j, (const uint8_t *)c[i].names, c[i].names_len);
    cts_json_end_array(j);
  }
  cts_json_end_array(j);
}

static void sketch_profiles(cts_json *j, const cts_population *pop) {
  const cts_pop_profile *p = pop->profiles.items;
  cts_json_key(j, "profiles");
  cts_json_begin_array(j);
  for (uint32_t i = 0; i < pop->profiles.n; i++) {
    cts_json_begin_array(j);
    put_u64_hex(j, p[i].hash);
    cts_json_uint(j, p[i].count);
    cts_json_uint(j, p[i].index);
    put_hex(j, p[i].sha256, 32);
    cts_json_uint(j, p[i].is_tbs);
    cts_json_string(j, p[i].key);
    cts_json_int(j, p[i].validity_days);
    cts_json_uint(j, p[i].n_exts);
    cts_json_uint(j, p[i].n_policies);
    cts_json_end_array(j);
  }
  cts_json_end_array(j);
}

/* The population sketches, item by item in their sorted order, with the
 * sampling levels: read back, they are the same sketches. */
static void write_population_sketch(cts_json *j, const cts_population *pop) {
  cts_json_key(j, "population");
  if (pop == NULL) {
    cts_json_null(j);
    return;
  }
  cts_json_begin_object(j);
  cts_json_key(j, "levels");
  cts_json_begin_array(j);
  cts_json_uint(j, pop->blocks.level);
  cts_json_uint(j, pop->ids.level);
  cts_json_uint(j, pop->certs.level);
  cts_json_uint(j, pop->profiles.level);
  cts_json_end_array(j);
  cts_json_key(j, "serials");
  cts_json_uint(j, pop->serials);
  cts_json_key(j, "serial_bit_ones");
  cts_json_begin_array(j);
  for (int i = 0; i < CTS_POP_SERIAL_BITS; i++)
    cts_json_uint(j, cts_pop_serial_ones(pop, i));
  cts_json_end_array(j);
  sketch_blocks(j, pop);
  sketch_serials(j, pop);
  sketch_certs(j, pop);
  sketch_profiles(j, pop);
  cts_json_end_object(j);
}

static int by_finding(const void *a, const void *b) {
  const cts_finding_key *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->lint_column < y->lint_column ? -1 : x->lint_column > y->lint_column;
}

/* Sorts by (key, lint_column): keys are hashes, spread evenly, so a
 * counting pass on their top 16 bits leaves buckets of a few keys each
 * for qsort. Falls back to qsort alone on small sets or without memory. */
static void sort_findings(cts_finding_key *a, size_t n) {
  enum { BITS = 16, BUCKETS = 1 << BITS };
  size_t *start;
  cts_finding_key *tmp;
  if (n < 4096 || (start = calloc(BUCKETS + 1, sizeof(*start))) == NULL) {
    qsort(a, n, sizeof(*a), by_finding);
    return;
  }
  if ((tmp = malloc(n * sizeof(*tmp))) == NULL) {
    free(start);
    qsort(a, n, sizeof(*a), by_finding);
    return;
  }
  for (size_t i = 0; i < n; i++) start[(a[i].key >> (64 - BITS)) + 1]++;
  for (size_t b = 0; b < BUCKETS; b++) start[b + 1] += start[b];
  for (size_t i = 0; i < n; i++) tmp[start[a[i].key >> (64 - BITS)]++] = a[i];
  /* start[b] is now the end of bucket b, the start of bucket b + 1 */
  for (size_t b = 0, from = 0; b < BUCKETS; from = start[b++])
    if (start[b] - from > 1)
      qsort(tmp + from, start[b] - from, sizeof(*tmp), by_finding);
  memcpy(a, tmp, n * sizeof(*a));
  free(tmp);
  free(start);
}

/* [key, lint, status column + 1, entries] as JSON text at out (lint
 * names are identifiers: nothing to escape); returns its length, 0 when
 * the name does not fit. */
static size_t finding_row(char *out, size_t cap, const cts_finding_key *f,
                          const char *name) {
  static const char hex[] = "0123456789abcdef";
  size_t name_len = strlen(name), n = 0;
  if (name_len + 64 > cap) return 0;
  out[n++] = '[';
  out[n++] = '"';
  for (int shift = 60; shift >= 0; shift -= 4)
    out[n++] = hex[(f->key >> shift) & 15];
  out[n++] = '"';
  out[n++] = ',';
  out[n++] = '"';
  for (size_t i = 0; i < name_len; i++) {
    char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '_'))
      return 0; /* left to the escaping writer */
    out[n++] = c;
  }
  out[n++] = '"';
  out[n++] = ',';
  out[n++] = (char)('0' + (f->lint_column & 3));
  out[n++] = ',';
  n += cts_json_format_uint(out + n, f->entries);
  out[n++] = ']';
  return n;
}

/* "counted_findings": [[key, lint, status column + 1, entries], ...] in
 * key order (the table's slot order depends on its history, the file
 * must not), then the sampling level, each lint's entries by status
 * (from which the counts of a sampled CA are estimated) and the issuance
 * of each of its examples. */
static void write_findings_sketch(cts_json *j, const cts_stats *stats,
                                  const cts_ca_stats *ca) {
  size_t n_lints, n_sorted = 0;
  const cts_lint *lints = cts_lints(&n_lints);
  const cts_finding_set *set = &ca->findings;
  cts_finding_key *sorted = malloc((set->count + 1) * sizeof(*sorted));
  cts_json_key(j, "counted_findings");
  cts_json_begin_array(j);
  for (size_t i = 0; sorted != NULL && i < set->cap; i++)
    if (set->slots[i].lint_column != 0) sorted[n_sorted++] = set->slots[i];
  if (sorted != NULL) sort_findings(sorted, n_sorted);
  for (size_t i = 0; i < n_sorted; i++) {
    const cts_finding_key *f = &sorted[i];
    size_t lint = f->lint_column >> 2, len;
    char row[256];
    if (lint >= stats->n_lints || lint >= n_lints) continue;
    if ((len = finding_row(row, sizeof(row), f, lints[lint].name)) > 0) {
      cts_json_raw(j, row, len);
      continue;
    }
    cts_json_begin_array(j);
    put_u64_hex(j, f->key);
    cts_json_string(j, lints[lint].name);
    cts_json_uint(j, f->lint_column & 3);
    cts_json_uint(j, f->entries);
    cts_json_end_array(j);
  }
  free(sorted);
  cts_json_end_array(j);
  cts_json_key(j, "findings_level");
  cts_json_uint(j, set->level);
  cts_json_key(j, "finding_entries");
  cts_json_begin_object(j);
  for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
    const cts_ca_lint *l = ca->lints[i];
    if (l == NULL) continue;
    cts_json_key(j, lints[i].name);
    cts_json_begin_array(j);
    cts_json_uint(j, l->entries[CTS_STATS_ERROR]);
    cts_json_uint(j, l->entries[CTS_STATS_WARN]);
    cts_json_uint(j, l->entries[CTS_STATS_INFO]);
    cts_json_end_array(j);
  }
  cts_json_end_object(j);
  /* the rare lints' own keys, [key, status column + 1, entries] in key
   * order: these lints are exact whatever the CA's level */
  cts_json_key(j, "rare_findings");
  cts_json_begin_object(j);
  for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
    const cts_ca_lint *l = ca->lints[i];
    cts_finding_key rare[CTS_STATS_RARE_ENTRIES];
    uint32_t n;
    if (l == NULL || l->rare == NULL) continue;
    n = l->n_rare < CTS_STATS_RARE_ENTRIES ? l->n_rare : CTS_STATS_RARE_ENTRIES;
    memcpy(rare, l->rare, n * sizeof(*rare));
    qsort(rare, n, sizeof(*rare), by_finding);
    cts_json_key(j, lints[i].name);
    cts_json_begin_array(j);
    for (uint32_t k = 0; k < n; k++) {
      cts_json_begin_array(j);
      put_u64_hex(j, rare[k].key);
      cts_json_uint(j, rare[k].lint_column & 3);
      cts_json_uint(j, rare[k].entries);
      cts_json_end_array(j);
    }
    cts_json_end_array(j);
  }
  cts_json_end_object(j);
  /* the issuance (serial hash) of each example, in the order of "lints":
   * a precert shown in one shard and its certificate in another are one
   * example once merged, as in the scan of the whole */
  cts_json_key(j, "example_issuances");
  cts_json_begin_object(j);
  for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
    const cts_ca_lint *l = ca->lints[i];
    if (l == NULL) continue;
    cts_json_key(j, lints[i].name);
    cts_json_begin_array(j);
    for (uint32_t e = 0; e < l->n_examples; e++)
      put_u64_hex(j, l->examples[e].serial_hash);
    cts_json_end_array(j);
  }
  cts_json_end_object(j);
}

/* What `ctscan merge` needs to combine shards exactly: the issuer DN's
 * DER (the CA key), the HyperLogLog registers of the issuances, and the
 * (serial, lint) keys already counted, so a precertificate in one shard
 * and its final certificate in another count once. */
static void write_sketch(cts_json *j, const cts_stats *stats,
                         const cts_ca_stats *ca) {
  cts_json_key(j, "sketch");
  cts_json_begin_object(j);
  cts_json_key(j, "issuer_dn_der");
  put_base64(j, ca->issuer_dn, ca->issuer_dn_len);
  cts_json_key(j, "issuances_hll");
  put_base64(j, ca->issuances, CTS_HLL_REGISTERS);
  write_findings_sketch(j, stats, ca);
  write_population_sketch(j, ca->population);
  cts_json_end_object(j);
}

static void write_ca(cts_json *j, const cts_stats *stats,
                     const cts_config *config, const cts_ca_stats *ca) {
  const char *owner = cts_config_owner(config, ca);
  char hex[2 * 32 + 1];
  char dn[1024];
  cts_json_begin_object(j);
  cts_hex(ca->id, CTS_CA_ID_LEN, hex);
  cts_json_key(j, "id");
  cts_json_string(j, hex);
  cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, sizeof(dn));
  cts_json_key(j, "issuer_dn");
  cts_json_string(j, dn);
  cts_json_key(j, "owner");
  if (owner != NULL)
    cts_json_string(j, owner);
  else
    cts_json_null(j);
  cts_json_key(j, "authority_key_id");
  if (ca->aki != NULL)
    put_hex(j, ca->aki, ca->aki_len);
  else
    cts_json_null(j);
  cts_json_key(j, "issuer_key_hash");
  if (ca->has_issuer_key_hash) {
    cts_hex(ca->issuer_key_hash, 32, hex);
    cts_json_string(j, hex);
  } else {
    cts_json_null(j);
  }
  cts_json_key(j, "entries");
  cts_json_uint(j, ca->entries);
  cts_json_key(j, "x509");
  cts_json_uint(j, ca->x509);
  cts_json_key(j, "precert");
  cts_json_uint(j, ca->precert);
  cts_json_key(j, "unique_issuances");
  cts_json_uint(j, cts_ca_unique_issuances(ca));
  cts_json_key(j, "flagged");
  cts_json_uint(j, ca->flagged);
  cts_json_key(j, "with_errors");
  cts_json_uint(j, ca->with_errors);
  write_ca_lints(j, stats, ca);
  cts_json_key(j, "key_types");
  cts_json_begin_object(j);
  /* by label: the order they were met in depends on the order of work */
  size_t order[CTS_STATS_MAX_KEY_KINDS];
  for (size_t k = 0; k < ca->n_keys; k++) {
    size_t at = k;
    while (at > 0 && strcmp(ca->keys[order[at - 1]].label, ca->keys[k].label) > 0) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = k;
  }
  for (size_t k = 0; k < ca->n_keys; k++) {
    cts_json_key(j, ca->keys[order[k]].label);
    cts_json_uint(j, ca->keys[order[k]].count);
  }
  if (ca->keys_other > 0) {
    cts_json_key(j, "other");
    cts_json_uint(j, ca->keys_other);
  }
  cts_json_end_object(j);
  write_histograms(j, ca);
  write_population(j, config, ca);
  (void)write_per_day(j, ca);
  write_sketch(j, stats, ca);
  cts_json_end_object(j);
}

cts_status cts_report_json(const cts_stats *stats, const cts_config *config,
                           FILE *out) {
  char lint_set[33];
  cts_json j;
  size_t n;
  const cts_ca_stats **cas = cts_stats_sorted_cas(stats, &n);
  if (cas == NULL && stats->n_cas > 0) return CTS_ERR_NOMEM;
  cts_json_init(&j, out);
  cts_json_begin_object(&j);
  cts_json_key(&j, "schema");
  cts_json_uint(&j, CTS_STATS_SCHEMA);
  cts_json_key(&j, "ctscan_version");
  cts_json_string(&j, CTS_VERSION);
  cts_report_lint_set(lint_set);
  cts_json_key(&j, "lint_set");
  cts_json_string(&j, lint_set);
  write_totals(&j, stats);
  cts_json_key(&j, "cas");
  cts_json_begin_array(&j);
  for (size_t i = 0; i < n; i++) write_ca(&j, stats, config, cas[i]);
  cts_json_end_array(&j);
  cts_json_end_object(&j);
  fputc('\n', out);
  free(cas);
  return ferror(out) ? CTS_ERR_IO : CTS_OK;
}

/* The two most common key kinds, "RSA-2048 80%, EC-P256 20%". */
static void top_keys(const cts_ca_stats *ca, char *buf, size_t len) {
  size_t best[2] = {SIZE_MAX, SIZE_MAX};
  size_t used = 0;
  buf[0] = 0;
  for (size_t k = 0; k < ca->n_keys; k++) {
    if (best[0] == SIZE_MAX || ca->keys[k].count > ca->keys[best[0]].count) {
      best[1] = best[0];
      best[0] = k;
    } else if (best[1] == SIZE_MAX ||
               ca->keys[k].count > ca->keys[best[1]].count) {
      best[1] = k;
    }
  }
  for (int i = 0; i < 2 && best[i] != SIZE_MAX && used < len; i++) {
    const cts_key_count *kc = &ca->keys[best[i]];
    int w = snprintf(buf + used, len - used, "%s%s %.0f%%", i ? ", " : "",
                     kc->label, 100.0 * (double)kc->count / (double)ca->entries);
    if (w < 0) break;
    used += (size_t)w;
  }
}

/* Misissuance rate: entries with an error-level finding (warnings and
 * notices are shown, but they are not misissuance). */
static double rate(const cts_ca_stats *ca) {
  return ca->entries > 0 ? (double)ca->with_errors / (double)ca->entries : 0.0;
}

static int by_rate(const void *a, const void *b) {
  const cts_ca_stats *x = *(const cts_ca_stats *const *)a;
  const cts_ca_stats *y = *(const cts_ca_stats *const *)b;
  double rx = rate(x), ry = rate(y);
  if (rx != ry) return rx > ry ? -1 : 1;
  if (x->flagged != y->flagged) return x->flagged > y->flagged ? -1 : 1;
  if (x->entries != y->entries) return x->entries > y->entries ? -1 : 1;
  return memcmp(x->id, y->id, CTS_CA_ID_LEN);
}

const cts_ca_stats **cts_report_cas_by_rate(const cts_stats *stats,
                                            size_t *out_n) {
  const cts_ca_stats **cas = cts_stats_sorted_cas(stats, out_n);
  if (cas != NULL) qsort(cas, *out_n, sizeof(*cas), by_rate);
  return cas;
}

uint64_t cts_ca_lint_total(const cts_ca_lint *l) {
  return l == NULL ? 0 : l->counts[0] + l->counts[1] + l->counts[2];
}

size_t cts_report_top_lints(const cts_stats *stats, const cts_ca_stats *ca,
                            size_t *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < stats->n_lints; i++) {
    uint64_t total = cts_ca_lint_total(ca->lints[i]);
    size_t at;
    if (total == 0) continue;
    for (at = n; at > 0 && cts_ca_lint_total(ca->lints[out[at - 1]]) < total; at--)
      if (at < max) out[at] = out[at - 1];
    if (at < max) {
      out[at] = i;
      if (n < max) n++;
    }
  }
  return n;
}

/* The population findings of a CA in a few words ("-" when none): low
 * serial entropy (bits), sequential runs, duplicate serials, typo
 * reissues, with the default thresholds. */
static void population_flags(const cts_ca_stats *ca, char *buf, size_t len) {
  cts_pop_result r;
  size_t used = 0;
  buf[0] = 0;
  if (ca->population != NULL &&
      cts_pop_result_get(ca->population, ca->entries, NULL, &r) == CTS_OK) {
    if (r.entropy_known && r.entropy_low)
      used += (size_t)snprintf(buf + used, len - used, "entropy %.0fb ", r.serial_entropy_bits);
    if (r.sequential_runs > 0 && used < len)
      used += (size_t)snprintf(buf + used, len - used, "seq %" PRIu64 " ", r.sequential_runs);
    if (r.duplicate_serials > 0 && used < len)
      used += (size_t)snprintf(buf + used, len - used, "dup %" PRIu64 " ", r.duplicate_serials);
    if (r.typo_reissues > 0 && used < len)
      used += (size_t)snprintf(buf + used, len - used, "typo %" PRIu64, r.typo_reissues);
  }
  if (buf[0] == 0) snprintf(buf, len, "-");
}

/* One row per CA, the worst misissuance rate first: CA, entries, flagged,
 * rate, the three lints with most findings, the main key kinds. */
void cts_report_table(const cts_stats *stats, FILE *out) {
  size_t n, n_lints;
  const cts_lint *lints = cts_lints(&n_lints);
  const cts_ca_stats **cas = cts_report_cas_by_rate(stats, &n);
  char dn[72], keys[64], top[160], pop[64];
  fprintf(out, "%-56s %10s %9s %9s %7s  %-44s %-22s %s\n", "CA (issuer DN)",
          "entries", "flagged", "errors", "rate", "top lints (issuances)",
          "population", "keys");
  for (size_t i = 0; i < n; i++) {
    const cts_ca_stats *ca = cas[i];
    size_t idx[3], k = cts_report_top_lints(stats, ca, idx, 3), used = 0;
    top[0] = 0;
    for (size_t t = 0; t < k && used < sizeof(top); t++) {
      int w = snprintf(top + used, sizeof(top) - used, "%s%s %" PRIu64,
                       t ? ", " : "", idx[t] < n_lints ? lints[idx[t]].name : "?",
                       cts_ca_lint_total(ca->lints[idx[t]]));
      if (w < 0) break;
      used += (size_t)w;
    }
    cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, 57);
    top_keys(ca, keys, sizeof(keys));
    population_flags(ca, pop, sizeof(pop));
    if (strlen(top) > 44) memcpy(top + 41, "...", 4); /* keep the columns */
    fprintf(out,
            "%-56s %10" PRIu64 " %9" PRIu64 " %9" PRIu64 " %6.2f%%  %-44s %-22s %s\n",
            dn, ca->entries, ca->flagged, ca->with_errors, 100.0 * rate(ca), top,
            pop, keys);
  }
  fprintf(out,
          "\n%zu CAs; %" PRIu64 " entries (%" PRIu64 " x509, %" PRIu64
          " precert): %" PRIu64 " clean, %" PRIu64 " flagged, %" PRIu64
          " unparseable\n",
          n, stats->entries, stats->x509, stats->precert, stats->clean,
          stats->flagged, stats->unparseable);
  for (size_t i = 0; i < stats->n_errors && i < 10; i++)
    fprintf(out, "  unparseable: %s offset %" PRIu64 " index %" PRIu64 ": %s\n",
            stats->errors[i].input, stats->errors[i].offset,
            stats->errors[i].index, stats->errors[i].reason);
  if (stats->n_errors > 10 || stats->errors_omitted > 0)
    fprintf(out, "  ... %" PRIu64 " more (see --json)\n",
            (uint64_t)(stats->n_errors - (stats->n_errors > 10 ? 10 : stats->n_errors)) +
                stats->errors_omitted);
  free(cas);
}

void cts_report_finding(FILE *out, const cts_entry *entry,
                        const cts_checker *checker, const cts_ca_stats *ca) {
  char *line = NULL, hex[65];
  size_t len = 0;
  uint8_t digest[32];
  const cts_summary *sum = checker->sum;
  FILE *mem = open_memstream(&line, &len);
  cts_json j;
  if (mem == NULL) return;
  cts_json_init(&j, mem);
  cts_json_begin_object(&j);
  cts_json_key(&j, "index");
  cts_json_uint(&j, entry->index);
  cts_json_key(&j, "input");
  cts_json_string(&j, entry->input != NULL ? entry->input : "");
  cts_json_key(&j, "offset");
  cts_json_uint(&j, entry->offset);
  cts_sha256(sum->der + sum->cert.off, sum->cert.len, digest);
  cts_hex(digest, 32, hex);
  cts_json_key(&j, "sha256");
  cts_json_string(&j, hex);
  if (ca != NULL) {
    cts_hex(ca->id, CTS_CA_ID_LEN, hex);
    cts_json_key(&j, "ca");
    cts_json_string(&j, hex);
  }
  cts_json_key(&j, "type");
  cts_json_string(&j, entry->type == CTS_ENTRY_PRECERT ? "precert" : "x509");
  cts_json_key(&j, "not_before");
  put_time(&j, sum->not_before);
  cts_json_key(&j, "lints");
  cts_json_begin_object(&j);
  for (size_t i = 0; i < checker->n_lints; i++) {
    if (!CTS_LINT_IS_FINDING(checker->results[i])) continue;
    cts_json_key(&j, checker->lints[i].name);
    cts_json_string(&j, cts_lint_status_str(checker->results[i]));
  }
  cts_json_end_object(&j);
  cts_json_end_object(&j);
  fputc('\n', mem);
  if (fclose(mem) == 0) fwrite(line, 1, len, out);
  free(line);
}

/* RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled. */
static void csv_field(FILE *out, const char *s) {
  if (strpbrk(s, ",\"\r\n") == NULL) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

static void csv_time(FILE *out, int64_t t) {
  char buf[32];
  time_t tt = (time_t)t;
  struct tm tm;
  if (gmtime_r(&tt, &tm) != NULL) {
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    fputs(buf, out);
  }
}

cts_status cts_report_csv(const cts_stats *stats, const cts_config *config,
                          FILE *out) {
  size_t n, n_lints;
  const cts_lint *lints = cts_lints(&n_lints);
  const cts_ca_stats **cas = cts_stats_sorted_cas(stats, &n);
  if (cas == NULL && stats->n_cas > 0) return CTS_ERR_NOMEM;
  fputs("ca_id,issuer_dn,owner,entries,unique_issuances,lint,error,warn,info,"
        "first_not_before,last_not_before\r\n", out);
  for (size_t c = 0; c < n; c++) {
    char hex[2 * CTS_CA_ID_LEN + 1], dn[1024];
    cts_hex(cas[c]->id, CTS_CA_ID_LEN, hex);
    cts_name_format(cas[c]->issuer_dn, cas[c]->issuer_dn_len, dn, sizeof(dn));
    for (size_t i = 0; i < stats->n_lints && i < n_lints; i++) {
      const cts_ca_lint *l = cas[c]->lints[i];
      if (l == NULL) continue;
      const char *owner = cts_config_owner(config, cas[c]);
      fprintf(out, "%s,", hex);
      csv_field(out, dn);
      fputc(',', out);
      csv_field(out, owner != NULL ? owner : "");
      fprintf(out, ",%" PRIu64 ",%" PRIu64 ",%s,%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",",
              cas[c]->entries, cts_ca_unique_issuances(cas[c]), lints[i].name,
              l->counts[CTS_STATS_ERROR], l->counts[CTS_STATS_WARN],
              l->counts[CTS_STATS_INFO]);
      csv_time(out, l->first_not_before);
      fputc(',', out);
      csv_time(out, l->last_not_before);
      fputs("\r\n", out);
    }
  }
  free(cas);
  return ferror(out) ? CTS_ERR_IO : CTS_OK;
}
