/* Reads a stats JSON file back into cts_stats, for `ctscan merge`: the
 * inverse of cts_report_json. Everything a merge needs is in the file:
 * counts, the per-lint dates and examples, per-day counts, histograms and
 * the sketches (issuer DN DER, HyperLogLog registers, counted findings,
 * population sketches). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctscan/codec.h"
#include "ctscan/report.h"
#include "json_reader.h"

typedef struct load {
  char *err;
  size_t err_len;
} load;

static cts_status fail(load *ld, const char *what) {
  snprintf(ld->err, ld->err_len, "%s", what);
  return CTS_ERR_FORMAT;
}

/* "2025-05-03T16:14:48Z" or "2025-05-03" as Unix seconds. */
static int parse_time(const char *s, int64_t *out) {
  struct tm tm;
  const char *end;
  memset(&tm, 0, sizeof(tm));
  end = strptime(s, strlen(s) > 10 ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d", &tm);
  if (end == NULL || *end != 0) return 0;
  *out = (int64_t)timegm(&tm);
  return 1;
}

static size_t lint_index(const char *name, size_t n_lints) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  const cts_lint *l = cts_lint_find(name);
  return l == NULL || n != n_lints ? SIZE_MAX : (size_t)(l - all);
}

static cts_status load_lint(load *ld, cts_ca_stats *ca, size_t i,
                            const cts_jnode *obj) {
  cts_ca_lint *l;
  const cts_jnode *ex = cts_json_get(obj, "examples");
  const char *first = cts_json_str(obj, "first_not_before");
  const char *last = cts_json_str(obj, "last_not_before");
  if (ca->lints[i] != NULL) return fail(ld, "the same lint twice in one CA");
  if ((l = calloc(1, sizeof(*l))) == NULL) return CTS_ERR_NOMEM;
  ca->lints[i] = l;
  l->counts[CTS_STATS_ERROR] = cts_json_u64(obj, "error");
  l->counts[CTS_STATS_WARN] = cts_json_u64(obj, "warn");
  l->counts[CTS_STATS_INFO] = cts_json_u64(obj, "info");
  /* files without sketch.finding_entries are exact: one entry a key */
  memcpy(l->entries, l->counts, sizeof(l->entries));
  if (first == NULL || last == NULL || !parse_time(first, &l->first_not_before) ||
      !parse_time(last, &l->last_not_before))
    return fail(ld, "lint without first/last_not_before");
  for (const cts_jnode *e = ex != NULL ? ex->child : NULL;
       e != NULL && l->n_examples < CTS_STATS_MAX_EXAMPLES; e = e->next) {
    cts_example *x = &l->examples[l->n_examples++];
    const char *sha = cts_json_str(e, "sha256");
    const char *of = cts_json_str(e, "sha256_of");
    x->index = cts_json_u64(e, "index");
    x->index_known = 1;
    x->is_tbs = of != NULL && strcmp(of, "tbs") == 0;
    if (sha == NULL || cts_codec_hex_decode(sha, x->sha256, 32) != 32)
      return fail(ld, "example without sha256");
  }
  return CTS_OK;
}

static cts_status load_lints(load *ld, const cts_stats *stats, cts_ca_stats *ca,
                             const cts_jnode *lints) {
  for (const cts_jnode *m = lints != NULL ? lints->child : NULL; m != NULL; m = m->next) {
    size_t i = lint_index(m->key, stats->n_lints);
    cts_status st;
    if (i == SIZE_MAX) {
      snprintf(ld->err, ld->err_len, "lint %s is not in this build", m->key);
      return CTS_ERR_FORMAT;
    }
    if ((st = load_lint(ld, ca, i, m)) != CTS_OK) return st;
  }
  return CTS_OK;
}

static cts_status load_days(load *ld, cts_ca_stats *ca, const cts_jnode *days) {
  for (const cts_jnode *d = days != NULL ? days->child : NULL; d != NULL; d = d->next) {
    int64_t t;
    cts_u64map_slot *slot;
    int created;
    cts_status st;
    if (!parse_time(d->key, &t)) return fail(ld, "bad per_day date");
    st = cts_u64map_upsert(&ca->per_day, (uint64_t)(t / 86400), &slot, &created);
    if (st != CTS_OK) return st;
    slot->a = cts_json_u64(d, "entries");
    slot->b = cts_json_u64(d, "flagged");
  }
  return CTS_OK;
}

static cts_status load_buckets(load *ld, const cts_jnode *obj, int serial,
                               uint64_t *counts, int n) {
  for (const cts_jnode *m = obj != NULL ? obj->child : NULL; m != NULL; m = m->next) {
    int b;
    char label[32];
    for (b = 0; b < n; b++) {
      cts_report_bucket_label(serial, b, label, sizeof(label));
      if (strcmp(label, m->key) == 0) break;
    }
    if (b == n) return fail(ld, "unknown histogram bucket");
    counts[b] = strtoull(m->text != NULL ? m->text : "0", NULL, 10);
  }
  return CTS_OK;
}

/* Key kinds are ctscan's own labels ("RSA-2048", "EC-P256"): letters,
 * digits and '-', shorter than the label field. */
static int key_label_ok(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z') ||
          (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
      return 0;
  return n > 0 && n < sizeof(((cts_key_count *)0)->label);
}

static cts_status load_keys(load *ld, cts_ca_stats *ca, const cts_jnode *keys) {
  for (const cts_jnode *m = keys != NULL ? keys->child : NULL; m != NULL; m = m->next) {
    uint64_t n = strtoull(m->text != NULL ? m->text : "0", NULL, 10);
    if (!key_label_ok(m->key)) return fail(ld, "bad key kind label");
    if (strcmp(m->key, "other") == 0 || ca->n_keys == CTS_STATS_MAX_KEY_KINDS) {
      ca->keys_other += n;
      continue;
    }
    snprintf(ca->keys[ca->n_keys].label, sizeof(ca->keys[0].label), "%s", m->key);
    ca->keys[ca->n_keys++].count = n;
  }
  return CTS_OK;
}

/* The i-th element of an array node, or NULL. */
static const cts_jnode *nth(const cts_jnode *arr, int i) {
  const cts_jnode *e = arr != NULL ? arr->child : NULL;
  while (e != NULL && i-- > 0) e = e->next;
  return e;
}

static int node_u64(const cts_jnode *n, uint64_t *out) {
  char *end;
  if (n == NULL || n->type != CTS_JNUMBER || n->text == NULL || n->text[0] == '-')
    return 0;
  *out = strtoull(n->text, &end, 10);
  return *end == 0;
}

static int node_i64(const cts_jnode *n, int64_t *out) {
  char *end;
  if (n == NULL || n->type != CTS_JNUMBER || n->text == NULL) return 0;
  *out = strtoll(n->text, &end, 10);
  return *end == 0;
}

static int node_hex_u64(const cts_jnode *n, uint64_t *out) {
  uint8_t b[8];
  if (n == NULL || n->type != CTS_JSTRING || cts_codec_hex_decode(n->text, b, 8) != 8) return 0;
  *out = 0;
  for (int i = 0; i < 8; i++) *out = *out << 8 | b[i];
  return 1;
}

static int node_hex(const cts_jnode *n, uint8_t *out, size_t cap, long *out_len) {
  if (n == NULL || n->type != CTS_JSTRING) return 0;
  *out_len = cts_codec_hex_decode(n->text, out, cap);
  return *out_len >= 0;
}

static cts_status load_blocks(load *ld, cts_population *pop, const cts_jnode *arr) {
  for (const cts_jnode *e = arr != NULL ? arr->child : NULL; e != NULL; e = e->next) {
    cts_pop_block b;
    uint8_t bits[8 * CTS_POP_BLOCK_WORDS];
    long n_key, n_bits;
    cts_status st;
    memset(&b, 0, sizeof(b));
    if (!node_hex(nth(e, 0), b.key, sizeof(b.key), &n_key) || n_key != CTS_POP_BLOCK_KEY ||
        !node_hex(nth(e, 1), bits, sizeof(bits), &n_bits) || n_bits != (long)sizeof(bits))
      return fail(ld, "bad population serial_blocks entry");
    for (int w = 0; w < CTS_POP_BLOCK_WORDS; w++)
      for (int k = 0; k < 8; k++) b.bits[w] |= (uint64_t)bits[8 * w + k] << (8 * k);
    b.hash = cts_pop_block_hash(b.key);
    if ((st = cts_pop_offer_block(pop, &b)) != CTS_OK) return st;
  }
  return CTS_OK;
}

static cts_status load_serial_ids(load *ld, cts_population *pop, const cts_jnode *arr) {
  for (const cts_jnode *e = arr != NULL ? arr->child : NULL; e != NULL; e = e->next) {
    cts_pop_serial s;
    cts_status st;
    memset(&s, 0, sizeof(s));
    if (!node_hex_u64(nth(e, 0), &s.hash) || !node_hex_u64(nth(e, 1), &s.id[0]) ||
        !node_u64(nth(e, 2), &s.index[0]) || !node_hex_u64(nth(e, 3), &s.id[1]) ||
        !node_u64(nth(e, 4), &s.index[1]))
      return fail(ld, "bad population serial_ids entry");
    if ((st = cts_pop_offer_serial(pop, &s)) != CTS_OK) return st;
  }
  return CTS_OK;
}

static cts_status load_org_certs(load *ld, cts_population *pop, const cts_jnode *arr) {
  for (const cts_jnode *e = arr != NULL ? arr->child : NULL; e != NULL; e = e->next) {
    cts_pop_cert c;
    uint64_t tbs;
    long n_sha, n_names;
    cts_status st;
    memset(&c, 0, sizeof(c));
    if (!node_hex_u64(nth(e, 0), &c.org) || !node_hex_u64(nth(e, 1), &c.id) ||
        !node_i64(nth(e, 2), &c.not_before) || !node_u64(nth(e, 3), &c.index) ||
        !node_hex(nth(e, 4), c.sha256, 32, &n_sha) || n_sha != 32 ||
        !node_u64(nth(e, 5), &tbs) ||
        !node_hex(nth(e, 6), (uint8_t *)c.names, sizeof(c.names), &n_names) ||
        n_names == 0 || c.names[n_names - 1] != 0)
      return fail(ld, "bad population organization_certs entry");
    c.is_tbs = tbs != 0;
    c.names_len = (uint8_t)n_names;
    if ((st = cts_pop_offer_cert(pop, &c)) != CTS_OK) return st;
  }
  return CTS_OK;
}

static cts_status load_profiles(load *ld, cts_population *pop, const cts_jnode *arr) {
  for (const cts_jnode *e = arr != NULL ? arr->child : NULL; e != NULL; e = e->next) {
    cts_pop_profile p;
    uint64_t tbs, n_exts, n_pols;
    int64_t days;
    long n_sha;
    const cts_jnode *key = nth(e, 5);
    cts_status st;
    memset(&p, 0, sizeof(p));
    if (!node_hex_u64(nth(e, 0), &p.hash) || !node_u64(nth(e, 1), &p.count) ||
        !node_u64(nth(e, 2), &p.index) || !node_hex(nth(e, 3), p.sha256, 32, &n_sha) ||
        n_sha != 32 || !node_u64(nth(e, 4), &tbs) || key == NULL ||
        key->type != CTS_JSTRING || !node_i64(nth(e, 6), &days) ||
        !node_u64(nth(e, 7), &n_exts) || !node_u64(nth(e, 8), &n_pols))
      return fail(ld, "bad population profiles entry");
    p.is_tbs = tbs != 0;
    snprintf(p.key, sizeof(p.key), "%s", key->text);
    p.validity_days = (int32_t)days;
    p.n_exts = (uint16_t)n_exts;
    p.n_policies = (uint16_t)n_pols;
    if ((st = cts_pop_offer_profile(pop, &p)) != CTS_OK) return st;
  }
  return CTS_OK;
}

/* sketch.population: the levels first, then the items, offered as a scan
 * offers them (they all pass the levels they were written with). */
static cts_status load_population(load *ld, cts_population *pop, const cts_jnode *obj) {
  const cts_jnode *levels = cts_json_get(obj, "levels");
  const cts_jnode *ones = cts_json_get(obj, "serial_bit_ones");
  uint8_t lv[4];
  cts_status st;
  if (obj == NULL || obj->type != CTS_JOBJECT) return fail(ld, "CA without sketch.population");
  for (int i = 0; i < 4; i++) {
    uint64_t v;
    if (!node_u64(nth(levels, i), &v) || v > 64) return fail(ld, "bad population levels");
    lv[i] = (uint8_t)v;
  }
  cts_pop_set_levels(pop, lv);
  pop->serials = cts_json_u64(obj, "serials");
  for (int i = 0; i < CTS_POP_SERIAL_BITS; i++)
    if (!node_u64(nth(ones, i), &pop->ones[i])) return fail(ld, "bad serial_bit_ones");
  if ((st = load_blocks(ld, pop, cts_json_get(obj, "serial_blocks"))) != CTS_OK ||
      (st = load_serial_ids(ld, pop, cts_json_get(obj, "serial_ids"))) != CTS_OK ||
      (st = load_org_certs(ld, pop, cts_json_get(obj, "organization_certs"))) != CTS_OK)
    return st;
  return load_profiles(ld, pop, cts_json_get(obj, "profiles"));
}

/* sketch.finding_entries: {"lint": [error, warn, info]}, per entry. */
static cts_status load_finding_entries(load *ld, const cts_stats *stats,
                                       cts_ca_stats *ca, const cts_jnode *obj) {
  for (const cts_jnode *m = obj != NULL ? obj->child : NULL; m != NULL; m = m->next) {
    size_t i = lint_index(m->key, stats->n_lints);
    cts_ca_lint *l = i != SIZE_MAX ? ca->lints[i] : NULL;
    if (l == NULL || !node_u64(nth(m, 0), &l->entries[CTS_STATS_ERROR]) ||
        !node_u64(nth(m, 1), &l->entries[CTS_STATS_WARN]) ||
        !node_u64(nth(m, 2), &l->entries[CTS_STATS_INFO]))
      return fail(ld, "bad finding_entries entry");
  }
  return CTS_OK;
}

/* sketch.rare_findings: {"lint": [[key, status column + 1, entries]]}
 * for the lints counted exactly (missing in older files: their lints are
 * then estimated like the rest of a sampled CA). */
static cts_status load_rare_findings(load *ld, const cts_stats *stats,
                                     cts_ca_stats *ca, const cts_jnode *obj) {
  for (const cts_jnode *m = obj != NULL ? obj->child : NULL; m != NULL; m = m->next) {
    size_t i = lint_index(m->key, stats->n_lints);
    cts_ca_lint *l = i != SIZE_MAX ? ca->lints[i] : NULL;
    if (l == NULL || m->type != CTS_JARRAY || l->rare != NULL)
      return fail(ld, "bad rare_findings entry");
    for (const cts_jnode *f = m->child; f != NULL; f = f->next) {
      uint64_t key, col, n;
      cts_status st;
      if (!node_hex_u64(nth(f, 0), &key) || !node_u64(nth(f, 1), &col) ||
          col < 1 || col > 3 || !node_u64(nth(f, 2), &n) || n == 0 || n > UINT32_MAX)
        return fail(ld, "bad rare_findings entry");
      st = cts_stats_rare_finding(l, key, (int)col - 1, (uint32_t)n);
      if (st == CTS_ERR_FORMAT) return fail(ld, "rare_findings of a lint that is not rare");
      if (st != CTS_OK) return st;
    }
    if (l->rare == NULL) return fail(ld, "empty rare_findings entry");
  }
  return CTS_OK;
}

/* sketch.example_issuances: {"lint": [serial hash of each example]}
 * (missing in older files: their examples are not matched by issuance). */
static cts_status load_example_issuances(load *ld, const cts_stats *stats,
                                         cts_ca_stats *ca, const cts_jnode *obj) {
  for (const cts_jnode *m = obj != NULL ? obj->child : NULL; m != NULL; m = m->next) {
    size_t i = lint_index(m->key, stats->n_lints);
    cts_ca_lint *l = i != SIZE_MAX ? ca->lints[i] : NULL;
    uint32_t e = 0;
    if (l == NULL) return fail(ld, "bad example_issuances entry");
    for (const cts_jnode *h = m->child; h != NULL && e < l->n_examples; h = h->next, e++)
      if (!node_hex_u64(h, &l->examples[e].serial_hash))
        return fail(ld, "bad example_issuances entry");
  }
  return CTS_OK;
}

/* sketch.counted_findings: [key, lint, status column + 1, entries], the
 * entries missing in older files (1 each); offered at the file's
 * sampling level (sketch.findings_level, 0 when missing), the lints'
 * counts then recomputed from them as a scan would. */
static cts_status load_findings(load *ld, const cts_stats *stats, cts_ca_stats *ca,
                                const cts_jnode *sketch) {
  const cts_jnode *counted = cts_json_get(sketch, "counted_findings");
  const cts_jnode *level = cts_json_get(sketch, "findings_level");
  uint64_t lv = 0;
  cts_status st;
  if (level != NULL && (!node_u64(level, &lv) || lv > CTS_STATS_FINDINGS_MAX_LEVEL))
    return fail(ld, "bad findings_level");
  cts_stats_findings_level(ca, stats->n_lints, (uint8_t)lv);
  st = load_finding_entries(ld, stats, ca, cts_json_get(sketch, "finding_entries"));
  if (st == CTS_OK)
    st = load_rare_findings(ld, stats, ca, cts_json_get(sketch, "rare_findings"));
  if (st == CTS_OK)
    st = load_example_issuances(ld, stats, ca, cts_json_get(sketch, "example_issuances"));
  if (st != CTS_OK) return st;
  for (const cts_jnode *f = counted != NULL ? counted->child : NULL; f != NULL; f = f->next) {
    const cts_jnode *name = nth(f, 1), *entries = nth(f, 3);
    uint64_t key, col, n = 1;
    size_t i;
    if (!node_hex_u64(nth(f, 0), &key) || name == NULL || name->type != CTS_JSTRING ||
        !node_u64(nth(f, 2), &col) || col < 1 || col > 3 ||
        (entries != NULL && (!node_u64(entries, &n) || n > UINT32_MAX)))
      return fail(ld, "bad counted_findings entry");
    if ((i = lint_index(name->text, stats->n_lints)) == SIZE_MAX)
      return fail(ld, "counted finding of a lint not in this build");
    st = cts_stats_offer_finding(stats, ca, key, (uint32_t)(i << 2 | col), (uint32_t)n);
    if (st == CTS_ERR_FORMAT) return fail(ld, "counted finding of a lint without findings");
    if (st != CTS_OK) return st;
  }
  cts_stats_finding_counts(ca, stats->n_lints);
  return CTS_OK;
}

static cts_status load_sketch(load *ld, const cts_stats *stats, cts_ca_stats *ca,
                              const cts_jnode *sketch) {
  const char *hll = cts_json_str(sketch, "issuances_hll");
  cts_status st;
  if (hll == NULL || cts_codec_base64_decode(hll, ca->issuances, CTS_HLL_REGISTERS) != CTS_HLL_REGISTERS)
    return fail(ld, "bad issuances_hll");
  if ((st = load_findings(ld, stats, ca, sketch)) != CTS_OK) return st;
  return load_population(ld, ca->population, cts_json_get(sketch, "population"));
}

static cts_status load_ca(load *ld, cts_stats *stats, const cts_jnode *obj) {
  const cts_jnode *sketch = cts_json_get(obj, "sketch");
  const char *dn64 = sketch != NULL ? cts_json_str(sketch, "issuer_dn_der") : NULL;
  const char *aki_hex = cts_json_str(obj, "authority_key_id");
  const char *ikh = cts_json_str(obj, "issuer_key_hash");
  size_t dn_cap = dn64 != NULL ? strlen(dn64) : 0;
  uint8_t *dn = malloc(dn_cap + 1), *aki = malloc(aki_hex ? strlen(aki_hex) / 2 + 1 : 1);
  long dn_len, aki_len = 0;
  cts_ca_stats *ca;
  cts_status st;
  if (dn == NULL || aki == NULL) {
    st = CTS_ERR_NOMEM;
    goto free_buffers;
  }
  if (dn64 == NULL || (dn_len = cts_codec_base64_decode(dn64, dn, dn_cap)) <= 0 ||
      (aki_hex != NULL && (aki_len = cts_codec_hex_decode(aki_hex, aki, strlen(aki_hex) / 2)) < 0)) {
    st = fail(ld, "CA without sketch.issuer_dn_der or with a bad authority_key_id");
    goto free_buffers;
  }
  if ((st = cts_stats_ca(stats, dn, (size_t)dn_len, aki, (size_t)aki_len, &ca)) != CTS_OK)
    goto free_buffers;
  if (ca->entries != 0) {
    st = fail(ld, "the same CA twice in one file");
    goto free_buffers;
  }
  ca->entries = cts_json_u64(obj, "entries");
  ca->x509 = cts_json_u64(obj, "x509");
  ca->precert = cts_json_u64(obj, "precert");
  ca->flagged = cts_json_u64(obj, "flagged");
  ca->with_errors = cts_json_u64(obj, "with_errors");
  if (ikh != NULL && cts_codec_hex_decode(ikh, ca->issuer_key_hash, 32) == 32)
    ca->has_issuer_key_hash = 1;
  if ((st = load_lints(ld, stats, ca, cts_json_get(obj, "lints"))) != CTS_OK ||
      (st = load_keys(ld, ca, cts_json_get(obj, "key_types"))) != CTS_OK ||
      (st = load_buckets(ld, cts_json_get(obj, "validity_days"), 0, ca->validity,
                         CTS_STATS_VALIDITY_BUCKETS)) != CTS_OK ||
      (st = load_buckets(ld, cts_json_get(obj, "serial_lengths"), 1, ca->serial_lengths,
                         CTS_STATS_SERIAL_LENGTHS)) != CTS_OK ||
      (st = load_days(ld, ca, cts_json_get(obj, "per_day"))) != CTS_OK ||
      (st = load_sketch(ld, stats, ca, sketch)) != CTS_OK)
    goto free_buffers;
free_buffers:
  free(dn);
  free(aki);
  return st;
}

static cts_status load_totals(load *ld, cts_stats *stats, const cts_jnode *t) {
  const cts_jnode *errors = cts_json_get(t, "errors");
  if (t == NULL) return fail(ld, "no totals");
  for (const cts_jnode *e = errors != NULL ? errors->child : NULL; e != NULL; e = e->next) {
    const char *input = cts_json_str(e, "input"), *reason = cts_json_str(e, "reason");
    cts_status st = cts_stats_add_error(stats, input != NULL ? input : "",
                                        cts_json_u64(e, "offset"), cts_json_u64(e, "index"),
                                        cts_json_u64(e, "entries"),
                                        reason != NULL ? reason : "");
    if (st != CTS_OK) return st;
  }
  /* the counters as written, not as the error records added them */
  stats->entries = cts_json_u64(t, "entries");
  stats->x509 = cts_json_u64(t, "x509");
  stats->precert = cts_json_u64(t, "precert");
  stats->fully_parsed = cts_json_u64(t, "fully_parsed");
  stats->clean = cts_json_u64(t, "clean");
  stats->flagged = cts_json_u64(t, "flagged");
  stats->unparseable = cts_json_u64(t, "unparseable");
  stats->errors_omitted = cts_json_u64(t, "errors_omitted");
  return CTS_OK;
}

static char *read_all(const char *path, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t len = 0, cap = 0, n;
  if (f == NULL) return NULL;
  do {
    if (len == cap) {
      char *grown = realloc(buf, cap = cap ? cap * 2 : 65536);
      if (grown == NULL) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = grown;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
  } while (n > 0);
  fclose(f);
  *out_len = len;
  return buf;
}

cts_status cts_report_load_json(const char *path, cts_stats *stats, char *err,
                                size_t err_len) {
  load ld = {err, err_len};
  size_t len = 0, at = 0, n_lints;
  char *text = read_all(path, &len), lint_set[33];
  cts_jnode *root;
  const cts_jnode *cas;
  const char *set;
  cts_status st;
  (void)cts_lints(&n_lints);
  if ((st = cts_stats_init(stats, n_lints)) != CTS_OK) {
    free(text);
    return st;
  }
  if (text == NULL) {
    snprintf(err, err_len, "cannot read");
    return CTS_ERR_IO;
  }
  root = cts_json_parse(text, len, &at);
  free(text);
  if (root == NULL) {
    snprintf(err, err_len, "not JSON (offset %zu)", at);
    return CTS_ERR_FORMAT;
  }
  cts_report_lint_set(lint_set);
  set = cts_json_str(root, "lint_set");
  if (cts_json_u64(root, "schema") != CTS_STATS_SCHEMA) {
    st = fail(&ld, "not a ctscan stats file of schema 1");
  } else if (set == NULL || strcmp(set, lint_set) != 0) {
    st = fail(&ld, "written with another set of lints (lint_set differs)");
  } else if ((st = load_totals(&ld, stats, cts_json_get(root, "totals"))) == CTS_OK) {
    cas = cts_json_get(root, "cas");
    for (const cts_jnode *c = cas != NULL ? cas->child : NULL; c != NULL && st == CTS_OK;
         c = c->next)
      st = load_ca(&ld, stats, c);
    /* the threshold follows from the CAs' finding entries */
    if (st == CTS_OK) cts_stats_findings_settle(stats);
  }
  cts_json_free(root);
  return st;
}
