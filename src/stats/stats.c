/* Per-CA tables: open addressing keyed by the CA id, no locks (one table
 * per worker, merged at the end). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/sha256.h"
#include "ctscan/stats.h"

#define INITIAL_CAP 64

cts_status cts_stats_init(cts_stats *stats, size_t n_lints) {
  memset(stats, 0, sizeof(*stats));
  stats->n_lints = n_lints;
  stats->findings_budget = CTS_STATS_FINDINGS_BUDGET;
  stats->findings_total = CTS_STATS_FINDINGS_TOTAL;
  stats->cas = calloc(INITIAL_CAP, sizeof(*stats->cas));
  if (stats->cas == NULL) return CTS_ERR_NOMEM;
  stats->cap = INITIAL_CAP;
  return CTS_OK;
}

static int slot_used(const cts_ca_stats *ca) { return ca->issuer_dn != NULL; }

void cts_stats_free(cts_stats *stats) {
  for (size_t i = 0; i < stats->cap; i++) {
    free(stats->cas[i].issuer_dn);
    free(stats->cas[i].aki);
    for (size_t k = 0; stats->cas[i].lints != NULL && k < stats->n_lints; k++) {
      if (stats->cas[i].lints[k] != NULL) free(stats->cas[i].lints[k]->rare);
      free(stats->cas[i].lints[k]);
    }
    free(stats->cas[i].lints);
    free(stats->cas[i].issuances);
    cts_pop_free(stats->cas[i].population);
    free(stats->cas[i].findings.slots);
    cts_u64map_free(&stats->cas[i].per_day);
  }
  free(stats->cas);
  for (size_t i = 0; i < stats->n_errors; i++) {
    free(stats->errors[i].input);
    free(stats->errors[i].reason);
  }
  free(stats->errors);
  memset(stats, 0, sizeof(*stats));
}

/* FNV-1a over the issuer DN then the AKI: the table's key. Collisions
 * are resolved by comparing the bytes, so it need not be cryptographic;
 * the SHA-256 id is computed only when a CA is first seen. */
static uint64_t key_hash(const uint8_t *dn, size_t dn_len, const uint8_t *aki,
                         size_t aki_len) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < dn_len; i++) h = (h ^ dn[i]) * 0x100000001b3ull;
  h = (h ^ 0xff) * 0x100000001b3ull; /* separates DN from AKI */
  for (size_t i = 0; i < aki_len; i++) h = (h ^ aki[i]) * 0x100000001b3ull;
  return h ^ (h >> 29);
}

static int same_key(const cts_ca_stats *ca, uint64_t hash, const uint8_t *dn,
                    size_t dn_len, const uint8_t *aki, size_t aki_len) {
  return ca->key_hash == hash && ca->issuer_dn_len == dn_len &&
         ca->aki_len == aki_len && memcmp(ca->issuer_dn, dn, dn_len) == 0 &&
         (aki_len == 0 || memcmp(ca->aki, aki, aki_len) == 0);
}

static cts_ca_stats *find_slot(cts_ca_stats *table, size_t cap, uint64_t hash,
                               const uint8_t *dn, size_t dn_len,
                               const uint8_t *aki, size_t aki_len) {
  size_t i = (size_t)(hash & (cap - 1));
  while (slot_used(&table[i]) &&
         !same_key(&table[i], hash, dn, dn_len, aki, aki_len))
    i = (i + 1) & (cap - 1);
  return &table[i];
}

static cts_status grow(cts_stats *stats) {
  size_t cap = stats->cap * 2;
  cts_ca_stats *table = calloc(cap, sizeof(*table));
  if (table == NULL) return CTS_ERR_NOMEM;
  for (size_t i = 0; i < stats->cap; i++) {
    const cts_ca_stats *ca = &stats->cas[i];
    if (!slot_used(ca)) continue;
    *find_slot(table, cap, ca->key_hash, ca->issuer_dn, ca->issuer_dn_len,
               ca->aki, ca->aki_len) = *ca;
  }
  free(stats->cas);
  stats->cas = table;
  stats->cap = cap;
  return CTS_OK;
}

static uint8_t *dup_bytes(const uint8_t *p, size_t n) {
  uint8_t *copy = malloc(n > 0 ? n : 1);
  if (copy != NULL && n > 0) memcpy(copy, p, n);
  return copy;
}

/* Finds or creates the CA; issuer_dn must not be empty. */
static cts_status lookup_ca(cts_stats *stats, const uint8_t *dn, size_t dn_len,
                            const uint8_t *aki, size_t aki_len,
                            cts_ca_stats **out) {
  cts_ca_stats *ca;
  cts_status st;
  uint64_t hash = key_hash(dn, dn_len, aki, aki_len);
  if ((stats->n_cas + 1) * 4 > stats->cap * 3 && (st = grow(stats)) != CTS_OK)
    return st;
  ca = find_slot(stats->cas, stats->cap, hash, dn, dn_len, aki, aki_len);
  if (!slot_used(ca)) {
    uint8_t digest[CTS_SHA256_LEN];
    cts_sha256_ctx h;
    uint8_t *dn_copy = dup_bytes(dn, dn_len);
    uint8_t *aki_copy = aki_len > 0 ? dup_bytes(aki, aki_len) : NULL;
    cts_ca_lint **lints = calloc(stats->n_lints + 1, sizeof(*lints));
    uint8_t *hll = calloc(CTS_HLL_REGISTERS, 1);
    cts_population *pop = NULL;
    if (dn_copy == NULL || (aki_len > 0 && aki_copy == NULL) ||
        lints == NULL || hll == NULL || cts_pop_new(&pop) != CTS_OK) {
      free(dn_copy);
      free(aki_copy);
      free(lints);
      free(hll);
      cts_pop_free(pop);
      return CTS_ERR_NOMEM;
    }
    /* The Name is a whole DER element, so DN || AKI is unambiguous. */
    cts_sha256_init(&h);
    cts_sha256_update(&h, dn, dn_len);
    if (aki_len > 0) cts_sha256_update(&h, aki, aki_len); /* may be NULL */
    cts_sha256_final(&h, digest);
    memset(ca, 0, sizeof(*ca));
    memcpy(ca->id, digest, CTS_CA_ID_LEN);
    ca->key_hash = hash;
    ca->issuer_dn = dn_copy;
    ca->issuer_dn_len = dn_len;
    ca->aki = aki_copy;
    ca->aki_len = aki_len;
    ca->lints = lints;
    ca->issuances = hll;
    ca->population = pop;
    stats->n_cas++;
  }
  *out = ca;
  return CTS_OK;
}

void cts_key_label(const cts_summary *sum, char out[16]) {
  switch (sum->key_type) {
    case CTS_KEY_RSA: snprintf(out, 16, "RSA-%u", sum->key_size); break;
    case CTS_KEY_EC:
      switch (sum->curve) {
        case CTS_CURVE_P256: snprintf(out, 16, "EC-P256"); break;
        case CTS_CURVE_P384: snprintf(out, 16, "EC-P384"); break;
        case CTS_CURVE_P521: snprintf(out, 16, "EC-P521"); break;
        default: snprintf(out, 16, "EC-other"); break;
      }
      break;
    case CTS_KEY_ED25519: snprintf(out, 16, "Ed25519"); break;
    case CTS_KEY_ED448: snprintf(out, 16, "Ed448"); break;
    case CTS_KEY_DSA: snprintf(out, 16, "DSA"); break;
    default: snprintf(out, 16, "unknown"); break;
  }
}

static void count_key(cts_ca_stats *ca, const char *label, uint64_t n) {
  for (size_t i = 0; i < ca->n_keys; i++) {
    if (strcmp(ca->keys[i].label, label) == 0) {
      ca->keys[i].count += n;
      return;
    }
  }
  if (ca->n_keys == CTS_STATS_MAX_KEY_KINDS) {
    ca->keys_other += n;
    return;
  }
  snprintf(ca->keys[ca->n_keys].label, sizeof(ca->keys[0].label), "%s",
           label);
  ca->keys[ca->n_keys].count = n;
  ca->n_keys++;
}

const uint32_t cts_stats_validity_bounds[CTS_STATS_VALIDITY_BUCKETS] = {
    90, 100, 200, 398, 825, 1185, 3650, 0};

/* 64-bit hash of the serial number's content octets (FNV-1a, mixed). */
static uint64_t serial_hash(const cts_summary *sum) {
  const uint8_t *p = sum->der + sum->serial.off;
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint32_t i = 0; i < sum->serial.len; i++)
    h = (h ^ p[i]) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 33);
}

/* Validity in days as the BRs count it: notAfter - notBefore + 1 second
 * (RFC 5280 4.1.2.5: both ends are inclusive), rounded up. */
static void count_validity(cts_ca_stats *ca, const cts_summary *sum) {
  int64_t seconds = sum->not_after - sum->not_before + 1;
  uint64_t days = seconds <= 0 ? 0 : (uint64_t)((seconds + 86399) / 86400);
  size_t b = 0;
  while (b + 1 < CTS_STATS_VALIDITY_BUCKETS &&
         days > cts_stats_validity_bounds[b])
    b++;
  ca->validity[b]++;
}

/* Significant octets of the serial (the sign-padding zero not counted). */
static void count_serial_length(cts_ca_stats *ca, const cts_summary *sum) {
  const uint8_t *p = sum->der + sum->serial.off;
  uint32_t n = sum->serial.len, i = 0;
  while (i + 1 < n && p[i] == 0) i++;
  n -= i;
  ca->serial_lengths[n < CTS_STATS_SERIAL_LENGTHS - 1
                         ? n
                         : CTS_STATS_SERIAL_LENGTHS - 1]++;
}

static cts_status count_day(cts_ca_stats *ca, const cts_summary *sum,
                            int flagged) {
  cts_u64map_slot *slot;
  int created;
  /* floor division: days before 1970 stay negative */
  int64_t day = sum->not_before >= 0 ? sum->not_before / 86400
                                     : -((-sum->not_before + 86399) / 86400);
  cts_status st = cts_u64map_upsert(&ca->per_day, (uint64_t)day, &slot,
                                    &created);
  if (st != CTS_OK) return st;
  slot->a++;
  slot->b += (uint64_t)(flagged != 0);
  return CTS_OK;
}

/* Examples are the issuances with the lowest log indices, each shown by
 * its lowest-indexed entry (index, then SHA-256, orders them), so they do
 * not depend on the order entries are met in: the same for any number of
 * threads and for shards merged in any order. */
static int example_before(const cts_example *x, const cts_example *y) {
  if (x->index != y->index) return x->index < y->index;
  return memcmp(x->sha256, y->sha256, sizeof(x->sha256)) < 0;
}

/* Offers ex as an example of l: kept when it is among the lowest, or an
 * earlier entry of an issuance already shown. */
static void offer_example(cts_ca_lint *l, const cts_example *ex) {
  uint32_t n = l->n_examples, at;
  for (uint32_t e = 0; ex->serial_hash != 0 && e < n; e++) {
    if (l->examples[e].serial_hash != ex->serial_hash) continue;
    if (!example_before(ex, &l->examples[e])) return;
    memmove(&l->examples[e], &l->examples[e + 1],
            (n - e - 1) * sizeof(*l->examples));
    n--;
    break;
  }
  if (n == CTS_STATS_MAX_EXAMPLES) {
    if (!example_before(ex, &l->examples[n - 1])) return;
    n--; /* the highest makes room */
  }
  for (at = n; at > 0 && example_before(ex, &l->examples[at - 1]); at--)
    ;
  memmove(&l->examples[at + 1], &l->examples[at],
          (n - at) * sizeof(*l->examples));
  l->examples[at] = *ex;
  l->n_examples = n + 1;
}

/* Whether an entry of this index could be kept: the SHA-256 is computed
 * only then. */
static int example_wanted(const cts_ca_lint *l, uint64_t index,
                          uint64_t serial) {
  for (uint32_t e = 0; e < l->n_examples; e++)
    if (l->examples[e].serial_hash == serial)
      return index <= l->examples[e].index;
  return l->n_examples < CTS_STATS_MAX_EXAMPLES ||
         index <= l->examples[l->n_examples - 1].index;
}

static void add_example(cts_ca_lint *l, const cts_entry *entry,
                        const cts_summary *sum, uint64_t serial) {
  cts_example ex;
  if (!example_wanted(l, entry->index, serial)) return;
  memset(&ex, 0, sizeof(ex));
  ex.index = entry->index;
  ex.index_known = (uint8_t)entry->index_known;
  ex.is_tbs = (sum->flags & CTS_SUM_IS_TBS) != 0;
  ex.serial_hash = serial;
  cts_sha256(sum->der + sum->cert.off, sum->cert.len, ex.sha256);
  offer_example(l, &ex);
}

/* --- the findings set (stats.h "issuances per lint") --------------- */

/* The lint goes into the top 16 bits only ((i + 1) << 48 times an odd
 * constant keeps the low 48 bits zero): the low bits stay the serial
 * hash's, which the sampling reads. The stats JSON has always held keys
 * made this way, so older files read back the same. */
uint64_t cts_stats_finding_key(uint64_t serial_hash, size_t lint) {
  return serial_hash ^ ((uint64_t)(lint + 1) << 48) * 0x9e3779b97f4a7c15ull;
}

static int finding_kept_at(uint64_t key, uint8_t level) {
  uint64_t mask = level >= 64 ? ~0ull : (1ull << level) - 1;
  return (key & mask) == 0;
}

static uint32_t slot_lint(const cts_finding_key *k) {
  return k->lint_column >> 2;
}

static int slot_column(const cts_finding_key *k) {
  return (int)(k->lint_column & 3) - 1;
}

/* Identity is (key, lint): two lints never share a slot, even when
 * serial hashes differ only where the lint is mixed in. */
static size_t finding_home(const cts_finding_set *set, uint64_t key,
                           uint32_t lint) {
  return (size_t)cts_u64_mix(key + (uint64_t)lint * 0x9e3779b97f4a7c15ull) &
         (set->cap - 1);
}

static cts_finding_key *finding_probe(cts_finding_set *set, uint64_t key,
                                      uint32_t lint) {
  size_t i = finding_home(set, key, lint);
  while (set->slots[i].lint_column != 0 &&
         (set->slots[i].key != key || slot_lint(&set->slots[i]) != lint))
    i = (i + 1) & (set->cap - 1);
  return &set->slots[i];
}

/* The most slots the set may take: the smallest power of two holding
 * the budget at 3/4 load (one key over the budget still finds room; it
 * is dropped at once by the level rise). */
static size_t findings_max_cap(size_t budget) {
  size_t cap = 16;
  while (cap / 4 * 3 < budget && cap < ((size_t)1 << 40)) cap *= 2;
  return cap;
}

/* Moves the set into a table of cap slots (a power of two, at least
 * 4/3 of its count). */
static cts_status findings_resize(cts_finding_set *set, size_t cap) {
  cts_finding_set bigger = {calloc(cap, sizeof(cts_finding_key)), cap,
                            set->count, set->level};
  volatile uint8_t *page;
  if (bigger.slots == NULL) return CTS_ERR_NOMEM;
  /* Every page written once now: a fresh page that a probe reads first
   * maps the shared zero page, and the write that follows replaces it,
   * which flushes the TLB of every core running the scan (thousands of
   * interrupts in a scan with two workers). (A memset after malloc would
   * be turned back into this calloc by the compiler.) */
  page = (volatile uint8_t *)bigger.slots;
  for (size_t at = 0; at < cap * sizeof(cts_finding_key); at += 4096)
    page[at] = 0;
  for (size_t i = 0; i < set->cap; i++)
    if (set->slots[i].lint_column != 0)
      *finding_probe(&bigger, set->slots[i].key, slot_lint(&set->slots[i])) =
          set->slots[i];
  free(set->slots);
  *set = bigger;
  return CTS_OK;
}

/* Rounds entries * part / whole to the nearest (whole > 0, part <= whole
 * as counts go) without overflowing for any realistic count. */
static uint64_t scale(uint64_t entries, uint64_t part, uint64_t whole) {
  uint64_t q = entries / whole, r = entries % whole;
  return q * part + (2 * r * part + whole) / (2 * whole);
}

static uint64_t lint_entries(const cts_ca_lint *l) {
  return l->entries[0] + l->entries[1] + l->entries[2];
}

/* Whether the lint's rare list holds every key it has seen: it has one,
 * or it has no entries at all. */
static int rare_complete(const cts_ca_lint *l) {
  return l->rare != NULL || lint_entries(l) == 0;
}

static void rare_drop(cts_ca_lint *l) {
  free(l->rare);
  l->rare = NULL;
  l->n_rare = 0;
}

static cts_status rare_alloc(cts_ca_lint *l) {
  l->n_rare = 0;
  l->rare = calloc(CTS_STATS_RARE_ENTRIES, sizeof(*l->rare));
  return l->rare != NULL ? CTS_OK : CTS_ERR_NOMEM;
}

/* Adds entries of key with status column c to the lint's rare list: one
 * issuance, under its most severe status. A list never holds more keys
 * than the lint has entries, so there is room. */
static void rare_add(cts_ca_lint *l, uint64_t key, int column,
                     uint32_t entries) {
  cts_finding_key *k = NULL;
  for (uint32_t i = 0; i < l->n_rare && k == NULL; i++)
    if (l->rare[i].key == key) k = &l->rare[i];
  if (k == NULL) {
    if (l->n_rare >= CTS_STATS_RARE_ENTRIES) return;
    k = &l->rare[l->n_rare++];
    k->key = key;
  }
  if ((uint32_t)(column + 1) > (k->lint_column & 3))
    k->lint_column = (uint32_t)(column + 1);
  k->entries = entries > UINT32_MAX - k->entries ? UINT32_MAX
                                                 : k->entries + entries;
}

cts_status cts_stats_rare_finding(cts_ca_lint *l, uint64_t key, int column,
                                  uint32_t entries) {
  cts_status st;
  if (column < 0 || column > 2 || lint_entries(l) > CTS_STATS_RARE_ENTRIES)
    return CTS_ERR_FORMAT;
  if (l->rare == NULL && (st = rare_alloc(l)) != CTS_OK) return st;
  rare_add(l, key, column, entries);
  return CTS_OK;
}

static void lint_counts(cts_ca_lint *l, uint8_t level) {
  uint64_t entries = lint_entries(l);
  if (l->rare != NULL) { /* exact at any level */
    memset(l->counts, 0, sizeof(l->counts));
    for (uint32_t i = 0; i < l->n_rare; i++)
      l->counts[(l->rare[i].lint_column & 3) - 1]++;
    return;
  }
  for (int c = 0; c < 3; c++) {
    if (level == 0)
      l->counts[c] = l->kept[c]; /* every key kept: exact */
    else if (l->kept_entries > 0)
      l->counts[c] = scale(entries, l->kept[c], l->kept_entries);
    else
      l->counts[c] = l->entries[c];
  }
}

void cts_stats_finding_counts(cts_ca_stats *ca, size_t n_lints) {
  for (size_t i = 0; i < n_lints; i++)
    if (ca->lints[i] != NULL) lint_counts(ca->lints[i], ca->findings.level);
}

static cts_status findings_grow(cts_finding_set *set) {
  return findings_resize(set, set->cap ? set->cap * 2 : 16);
}

/* Keeps only the keys kept at `level`, in two passes over the table:
 * the dropped keys are cleared, then every key left is placed again from
 * its home. Deleting one key at a time (a backward shift per key) costs
 * a probe run per key, and a merge that drops half of a full set spent
 * most of its time there. */
static void findings_filter(cts_ca_stats *ca, uint8_t level) {
  cts_finding_set *set = &ca->findings;
  size_t mask = set->cap - 1, empty = 0;
  /* A slot empty before anything is dropped: no run of keys crosses it,
   * then or later, so starting there, a key taken out and placed again
   * lands at or before where it was and never inside the run of a key
   * already placed. */
  while (set->slots[empty].lint_column != 0) empty++;
  for (size_t i = 0; i < set->cap; i++) {
    cts_finding_key *k = &set->slots[i];
    cts_ca_lint *l;
    if (k->lint_column == 0 || finding_kept_at(k->key, level)) continue;
    l = ca->lints[slot_lint(k)];
    l->kept[slot_column(k)]--;
    l->kept_entries -= k->entries;
    memset(k, 0, sizeof(*k));
    set->count--;
  }
  for (size_t n = 1; n <= set->cap; n++) {
    size_t at = (empty + n) & mask;
    cts_finding_key k = set->slots[at];
    if (k.lint_column == 0) continue;
    memset(&set->slots[at], 0, sizeof(k));
    *finding_probe(set, k.key, slot_lint(&k)) = k;
  }
}

/* Raises the level to at least `level`, and further while the set holds
 * more than the budget, dropping the keys no longer kept. */
static void findings_raise(cts_ca_stats *ca, size_t n_lints, uint8_t level,
                           size_t budget) {
  cts_finding_set *set = &ca->findings;
  uint8_t filtered = set->level; /* every key kept qualifies at it */
  if (level <= set->level && set->count <= budget &&
      set->cap <= findings_max_cap(budget))
    return;
  if (level < set->level) level = set->level;
  for (;;) {
    set->level = level;
    if (set->cap > 0 && level > filtered) {
      findings_filter(ca, level);
      filtered = level;
    }
    if (set->count <= budget || level >= CTS_STATS_FINDINGS_MAX_LEVEL) break;
    level++;
  }
  /* a lower threshold: the table shrinks to its size (kept as it is
   * when there is no memory for the smaller one) */
  if (set->count <= budget && set->cap > findings_max_cap(budget))
    (void)findings_resize(set, findings_max_cap(budget));
  cts_stats_finding_counts(ca, n_lints);
}

void cts_stats_findings_level(cts_ca_stats *ca, size_t n_lints,
                              uint8_t level) {
  findings_raise(ca, n_lints, level, SIZE_MAX);
}

size_t cts_stats_findings_threshold(const cts_stats *stats) {
  size_t budget = stats->findings_budget ? stats->findings_budget : 1;
  size_t t = stats->findings_halvings < 64 ? budget >> stats->findings_halvings
                                           : 0;
  return t ? t : 1;
}

static uint64_t findings_load(const cts_stats *stats) {
  uint64_t t = cts_stats_findings_threshold(stats), load = 0;
  for (size_t i = 0; i < stats->cap; i++)
    if (slot_used(&stats->cas[i]))
      load += stats->cas[i].finding_entries < t ? stats->cas[i].finding_entries
                                                : t;
  return load;
}

/* Halves the threshold while the load is over the total, then brings
 * every CA's set within it. Each step only raises levels, and only when
 * the input seen so far (a part of the whole) calls for it, so any order
 * of entries and merges ends where the whole does. */
static void findings_settle(cts_stats *stats) {
  size_t total = stats->findings_total ? stats->findings_total : 1, t;
  stats->findings_load = findings_load(stats);
  while (stats->findings_load > total && cts_stats_findings_threshold(stats) > 1) {
    stats->findings_halvings++;
    stats->findings_load = findings_load(stats);
  }
  t = cts_stats_findings_threshold(stats);
  for (size_t i = 0; i < stats->cap; i++) {
    cts_ca_stats *ca = &stats->cas[i];
    if (slot_used(ca)) findings_raise(ca, stats->n_lints, ca->findings.level, t);
  }
}

void cts_stats_findings_settle(cts_stats *stats) {
  for (size_t i = 0; i < stats->cap; i++) {
    cts_ca_stats *ca = &stats->cas[i];
    if (!slot_used(ca)) continue;
    ca->finding_entries = 0;
    for (size_t k = 0; ca->lints != NULL && k < stats->n_lints; k++)
      if (ca->lints[k] != NULL)
        ca->finding_entries += ca->lints[k]->entries[0] +
                               ca->lints[k]->entries[1] +
                               ca->lints[k]->entries[2];
  }
  findings_settle(stats);
}

/* Adds `entries` entries of the key (key, lint) with status column c:
 * a new key, or more entries (and maybe a more severe status) of one
 * kept. The caller has set l->entries[]; counts[] are brought up to
 * date. */
static cts_status finding_add(cts_ca_stats *ca, size_t n_lints,
                              size_t budget, uint64_t key, uint32_t lint,
                              int column, uint32_t entries) {
  cts_finding_set *set = &ca->findings;
  cts_ca_lint *l = ca->lints[lint];
  cts_finding_key *slot;
  uint32_t room;
  cts_status st;
  if (!finding_kept_at(key, set->level)) {
    if (set->level > 0) lint_counts(l, set->level);
    return CTS_OK;
  }
  /* at the top level the set cannot shrink (only keys 0 are left, one
   * per lint at most): it may then grow past the budget's table */
  if ((set->count + 1) * 4 > set->cap * 3 &&
      (set->cap < findings_max_cap(budget) ||
       set->level >= CTS_STATS_FINDINGS_MAX_LEVEL) &&
      (st = findings_grow(set)) != CTS_OK)
    return st;
  slot = finding_probe(set, key, lint);
  if (slot->lint_column == 0) {
    slot->key = key;
    slot->lint_column = lint << 2 | (uint32_t)(column + 1);
    set->count++;
    l->kept[column]++;
  } else if (column > slot_column(slot)) {
    /* One serial, two statuses (a precert and its certificate): the
     * issuance counts once, under its most severe status, whichever came
     * first. */
    l->kept[slot_column(slot)]--;
    l->kept[column]++;
    slot->lint_column = lint << 2 | (uint32_t)(column + 1);
  }
  room = UINT32_MAX - slot->entries;
  if (entries > room) entries = room;
  slot->entries += entries;
  l->kept_entries += entries;
  if (set->count > budget)
    findings_raise(ca, n_lints, set->level, budget);
  else
    lint_counts(l, set->level);
  return CTS_OK;
}

cts_status cts_stats_offer_finding(const cts_stats *stats, cts_ca_stats *ca,
                                   uint64_t key, uint32_t lint_column,
                                   uint32_t entries) {
  uint32_t lint = lint_column >> 2;
  if (lint >= stats->n_lints || ca->lints[lint] == NULL ||
      (lint_column & 3) == 0)
    return CTS_ERR_FORMAT;
  return finding_add(ca, stats->n_lints, cts_stats_findings_threshold(stats),
                     key, lint, (int)(lint_column & 3) - 1, entries);
}

size_t cts_stats_findings_memory(const cts_ca_stats *ca) {
  return ca->findings.cap * sizeof(cts_finding_key);
}

/* Counts one finding of lint i, once per issuance. */
static cts_status count_finding(cts_stats *stats, cts_ca_stats *ca,
                                size_t i, cts_lint_status status,
                                uint64_t serial, const cts_entry *entry,
                                const cts_summary *sum) {
  cts_ca_lint *l = ca->lints[i];
  int column = status == CTS_LINT_INFO   ? CTS_STATS_INFO
               : status == CTS_LINT_WARN ? CTS_STATS_WARN
                                         : CTS_STATS_ERROR;
  cts_status st;
  if (l == NULL) {
    l = ca->lints[i] = calloc(1, sizeof(*l));
    if (l == NULL) return CTS_ERR_NOMEM;
    l->first_not_before = l->last_not_before = sum->not_before;
  }
  l->entries[column]++;
  if (lint_entries(l) == 1 && (st = rare_alloc(l)) != CTS_OK) return st;
  if (lint_entries(l) > CTS_STATS_RARE_ENTRIES)
    rare_drop(l);
  else if (l->rare != NULL)
    rare_add(l, cts_stats_finding_key(serial, i), column, 1);
  st = finding_add(ca, stats->n_lints, cts_stats_findings_threshold(stats),
                   cts_stats_finding_key(serial, i), (uint32_t)i, column, 1);
  if (st != CTS_OK) return st;
  if (++ca->finding_entries <= cts_stats_findings_threshold(stats) &&
      ++stats->findings_load > stats->findings_total)
    findings_settle(stats);
  /* The other half of a precert pair is not counted again, but its dates
   * and its index are seen, so the result does not depend on which half
   * came first. */
  if (sum->not_before < l->first_not_before)
    l->first_not_before = sum->not_before;
  if (sum->not_before > l->last_not_before)
    l->last_not_before = sum->not_before;
  add_example(l, entry, sum, serial);
  return CTS_OK;
}

/* Counts the findings of one certificate; *out_flagged says whether it
 * has any. */
static cts_status count_findings(cts_stats *stats, cts_ca_stats *ca,
                                 const cts_lint_status *results,
                                 const cts_entry *entry,
                                 const cts_summary *sum, int *out_flagged,
                                 int *out_errors) {
  /* The slots of a certificate's findings lie apart in a table far larger
   * than the cache: they are fetched together first, so that their
   * misses overlap instead of following one another. */
  enum { AHEAD = 32 };
  uint32_t found[AHEAD];
  size_t n_found = 0, last = 0;
  uint64_t serial = 0;
  cts_finding_set *set = &ca->findings;
  *out_flagged = *out_errors = 0;
  for (size_t i = 0; results != NULL && i < stats->n_lints; i++) {
    if (!CTS_LINT_IS_FINDING(results[i])) continue;
    if (!*out_flagged) serial = serial_hash(sum);
    *out_flagged = 1;
    *out_errors |= results[i] >= CTS_LINT_ERROR;
    if (set->cap > 0)
      __builtin_prefetch(&set->slots[finding_home(
          set, cts_stats_finding_key(serial, i), (uint32_t)i)]);
    found[n_found++] = (uint32_t)i;
    last = i + 1;
    if (n_found == AHEAD) break;
  }
  for (size_t f = 0; f < n_found; f++) {
    cts_status st = count_finding(stats, ca, found[f], results[found[f]],
                                  serial, entry, sum);
    if (st != CTS_OK) return st;
  }
  /* beyond AHEAD findings: one at a time */
  for (size_t i = last; n_found == AHEAD && i < stats->n_lints; i++) {
    cts_status st;
    if (!CTS_LINT_IS_FINDING(results[i])) continue;
    *out_errors |= results[i] >= CTS_LINT_ERROR;
    st = count_finding(stats, ca, i, results[i], serial, entry, sum);
    if (st != CTS_OK) return st;
  }
  return CTS_OK;
}

cts_status cts_stats_ca(cts_stats *stats, const uint8_t *issuer_dn,
                        size_t issuer_dn_len, const uint8_t *aki,
                        size_t aki_len, cts_ca_stats **out) {
  if (issuer_dn_len == 0) return CTS_ERR_USAGE;
  return lookup_ca(stats, issuer_dn, issuer_dn_len, aki, aki_len, out);
}

/* The estimate never exceeds the entries counted: HyperLogLog's error
 * (1.6 %) can push it above them on small CAs. */
uint64_t cts_ca_unique_issuances(const cts_ca_stats *ca) {
  uint64_t estimate = cts_hll_estimate(ca->issuances);
  return estimate < ca->entries ? estimate : ca->entries;
}

cts_status cts_stats_add_entry(cts_stats *stats, const cts_entry *entry,
                               const cts_summary *sum,
                               const cts_lint_status *lint_results,
                               int fully_parsed, const cts_ca_stats **out_ca) {
  int flagged, errors;
  cts_ca_stats *ca;
  cts_status st;
  char label[16];
  uint64_t serial;
  const uint8_t *dn = sum->der + sum->issuer.off;
  const uint8_t *aki = sum->der + sum->aki_key_id.off;

  st = lookup_ca(stats, dn, sum->issuer.len, aki, sum->aki_key_id.len, &ca);
  if (st != CTS_OK) return st;
  if (out_ca != NULL) *out_ca = ca;

  st = count_findings(stats, ca, lint_results, entry, sum, &flagged, &errors);
  if (st != CTS_OK) return st;
  if ((st = count_day(ca, sum, flagged)) != CTS_OK) return st;
  stats->entries++;
  ca->entries++;
  if (entry->type == CTS_ENTRY_PRECERT) {
    stats->precert++;
    ca->precert++;
  } else {
    stats->x509++;
    ca->x509++;
  }
  ca->flagged += (uint64_t)flagged;
  ca->with_errors += (uint64_t)errors;
  if (flagged)
    stats->flagged++;
  else
    stats->clean++;
  stats->fully_parsed += (uint64_t)(fully_parsed != 0);
  /* The lowest hash seen, so that it does not depend on entry order. */
  if (entry->issuer_key_hash != NULL &&
      (!ca->has_issuer_key_hash ||
       memcmp(entry->issuer_key_hash, ca->issuer_key_hash, 32) < 0)) {
    memcpy(ca->issuer_key_hash, entry->issuer_key_hash, 32);
    ca->has_issuer_key_hash = 1;
  }
  serial = serial_hash(sum);
  cts_hll_add(ca->issuances, serial);
  if ((st = cts_pop_add(ca->population, entry, sum, serial)) != CTS_OK)
    return st;
  count_validity(ca, sum);
  count_serial_length(ca, sum);
  cts_key_label(sum, label);
  count_key(ca, label, 1);
  return CTS_OK;
}

static char *dup_str(const char *s) {
  return (char *)dup_bytes((const uint8_t *)s, strlen(s) + 1);
}

static const char *str_or_empty(const char *s) { return s != NULL ? s : ""; }

/* The order errors are listed and kept in. */
static int error_cmp(const cts_error_record *x, const cts_error_record *y) {
  int c = strcmp(str_or_empty(x->input), str_or_empty(y->input));
  if (c != 0) return c;
  if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
  if (x->index != y->index) return x->index < y->index ? -1 : 1;
  if (x->lost != y->lost) return x->lost < y->lost ? -1 : 1;
  return strcmp(str_or_empty(x->reason), str_or_empty(y->reason));
}

static int error_qsort_cmp(const void *a, const void *b) {
  return error_cmp(a, b);
}

void cts_stats_sort_errors(cts_stats *stats) {
  if (stats->n_errors > 1)
    qsort(stats->errors, stats->n_errors, sizeof(*stats->errors),
          error_qsort_cmp);
}

/* Keeps the first CTS_STATS_MAX_ERRORS errors in error_cmp order, whatever
 * order they come in (threads, shards). Until the table is full errors are
 * appended; when it fills it is sorted, and from then on kept sorted: an
 * error takes a place only when it sorts before the last, which it
 * pushes out. Errors usually come in increasing order, so that is one
 * comparison. */
static cts_status record_error(cts_stats *stats, const cts_error_record *e) {
  cts_error_record rec = *e;
  size_t at;
  if (stats->n_errors == CTS_STATS_MAX_ERRORS) {
    stats->errors_omitted++;
    if (error_cmp(e, &stats->errors[CTS_STATS_MAX_ERRORS - 1]) >= 0)
      return CTS_OK;
  }
  if (stats->errors == NULL) {
    stats->errors = calloc(CTS_STATS_MAX_ERRORS, sizeof(*stats->errors));
    if (stats->errors == NULL) return CTS_ERR_NOMEM;
  }
  rec.input = dup_str(str_or_empty(e->input));
  rec.reason = dup_str(str_or_empty(e->reason));
  if (rec.input == NULL || rec.reason == NULL) {
    free(rec.input);
    free(rec.reason);
    return CTS_ERR_NOMEM;
  }
  if (stats->n_errors < CTS_STATS_MAX_ERRORS) {
    stats->errors[stats->n_errors++] = rec;
    if (stats->n_errors == CTS_STATS_MAX_ERRORS) cts_stats_sort_errors(stats);
    return CTS_OK;
  }
  at = CTS_STATS_MAX_ERRORS - 1;
  free(stats->errors[at].input);
  free(stats->errors[at].reason);
  while (at > 0 && error_cmp(&rec, &stats->errors[at - 1]) < 0) {
    stats->errors[at] = stats->errors[at - 1];
    at--;
  }
  stats->errors[at] = rec;
  return CTS_OK;
}

cts_status cts_stats_add_error(cts_stats *stats, const char *input,
                               uint64_t offset, uint64_t index, uint64_t lost,
                               const char *reason) {
  cts_error_record e = {(char *)input, offset, index, lost, (char *)reason};
  stats->entries += lost;
  stats->unparseable += lost;
  return record_error(stats, &e);
}

/* Counts are not added here: merge_findings recomputes them from the
 * merged set (the kept keys and entries[] say everything counts[] is). */
static cts_status merge_lint(cts_ca_lint **dst, const cts_ca_lint *src) {
  cts_ca_lint *d = *dst;
  if (src == NULL) return CTS_OK;
  if (d == NULL) {
    if ((d = *dst = malloc(sizeof(*d))) == NULL) return CTS_ERR_NOMEM;
    *d = *src;
    memset(d->kept, 0, sizeof(d->kept));
    d->kept_entries = 0;
    memset(d->counts, 0, sizeof(d->counts));
    d->rare = NULL;
    d->n_rare = 0;
    if (src->rare != NULL) {
      if (rare_alloc(d) != CTS_OK) return CTS_ERR_NOMEM;
      memcpy(d->rare, src->rare, src->n_rare * sizeof(*d->rare));
      d->n_rare = src->n_rare;
    }
    return CTS_OK;
  }
  /* rare lists: the union while the sum stays rare and both are whole */
  if (rare_complete(d) && rare_complete(src) &&
      lint_entries(d) + lint_entries(src) <= CTS_STATS_RARE_ENTRIES) {
    if (d->rare == NULL && src->n_rare > 0 && rare_alloc(d) != CTS_OK)
      return CTS_ERR_NOMEM;
    for (uint32_t i = 0; i < src->n_rare; i++)
      rare_add(d, src->rare[i].key, (int)(src->rare[i].lint_column & 3) - 1,
               src->rare[i].entries);
  } else {
    rare_drop(d);
  }
  for (int c = 0; c < 3; c++) d->entries[c] += src->entries[c];
  if (src->first_not_before < d->first_not_before)
    d->first_not_before = src->first_not_before;
  if (src->last_not_before > d->last_not_before)
    d->last_not_before = src->last_not_before;
  for (uint32_t e = 0; e < src->n_examples; e++)
    offer_example(d, &src->examples[e]);
  return CTS_OK;
}

/* Findings: the union of the two sets at the higher level, then the
 * budget's rule, which is what the scan of the whole keeps. A key both
 * sides hold is one issuance (a precert in one shard, its final
 * certificate in the other): counted once, under the more severe status,
 * with the entries of both. */
static cts_status merge_findings(cts_ca_stats *d, const cts_ca_stats *s,
                                 size_t n_lints, size_t budget) {
  cts_status st;
  findings_raise(d, n_lints, s->findings.level, budget);
  for (size_t i = 0; i < s->findings.cap; i++) {
    const cts_finding_key *from = &s->findings.slots[i];
    uint32_t lint = slot_lint(from);
    if (from->lint_column == 0) continue;
    if (lint >= n_lints || d->lints[lint] == NULL) return CTS_ERR_USAGE;
    st = finding_add(d, n_lints, budget, from->key, lint, slot_column(from),
                     from->entries);
    if (st != CTS_OK) return st;
  }
  cts_stats_finding_counts(d, n_lints);
  return CTS_OK;
}

static cts_status merge_ca(cts_ca_stats *d, const cts_ca_stats *s,
                           size_t n_lints, size_t budget) {
  cts_status st;
  for (size_t k = 0; k < n_lints; k++)
    if ((st = merge_lint(&d->lints[k], s->lints[k])) != CTS_OK) return st;
  if ((st = merge_findings(d, s, n_lints, budget)) != CTS_OK) return st;
  for (size_t i = 0; i < s->per_day.cap; i++) {
    const cts_u64map_slot *from = &s->per_day.slots[i];
    cts_u64map_slot *to;
    int created;
    if (!from->used) continue;
    st = cts_u64map_upsert(&d->per_day, from->key, &to, &created);
    if (st != CTS_OK) return st;
    to->a += from->a;
    to->b += from->b;
  }
  cts_hll_merge(d->issuances, s->issuances);
  if ((st = cts_pop_merge(d->population, s->population)) != CTS_OK) return st;
  for (int b = 0; b < CTS_STATS_VALIDITY_BUCKETS; b++)
    d->validity[b] += s->validity[b];
  for (int b = 0; b < CTS_STATS_SERIAL_LENGTHS; b++)
    d->serial_lengths[b] += s->serial_lengths[b];
  return CTS_OK;
}

cts_status cts_stats_merge(cts_stats *dst, const cts_stats *src) {
  cts_status st;
  if (dst->n_lints != src->n_lints) return CTS_ERR_USAGE;
  dst->entries += src->entries;
  dst->x509 += src->x509;
  dst->precert += src->precert;
  dst->fully_parsed += src->fully_parsed;
  dst->clean += src->clean;
  dst->flagged += src->flagged;
  dst->unparseable += src->unparseable;
  for (size_t i = 0; i < src->n_errors; i++)
    if ((st = record_error(dst, &src->errors[i])) != CTS_OK) return st;
  dst->errors_omitted += src->errors_omitted;
  if (src->findings_halvings > dst->findings_halvings)
    dst->findings_halvings = src->findings_halvings;
  for (size_t i = 0; i < src->cap; i++) {
    const cts_ca_stats *s = &src->cas[i];
    cts_ca_stats *d;
    if (!slot_used(s)) continue;
    st = lookup_ca(dst, s->issuer_dn, s->issuer_dn_len, s->aki,
                   s->aki_len, &d);
    if (st != CTS_OK) return st;
    d->entries += s->entries;
    d->x509 += s->x509;
    d->precert += s->precert;
    d->flagged += s->flagged;
    d->with_errors += s->with_errors;
    d->finding_entries += s->finding_entries;
    st = merge_ca(d, s, src->n_lints, cts_stats_findings_threshold(dst));
    if (st != CTS_OK) return st;
    if (s->has_issuer_key_hash &&
        (!d->has_issuer_key_hash ||
         memcmp(s->issuer_key_hash, d->issuer_key_hash, 32) < 0)) {
      memcpy(d->issuer_key_hash, s->issuer_key_hash, 32);
      d->has_issuer_key_hash = 1;
    }
    for (size_t k = 0; k < s->n_keys; k++)
      count_key(d, s->keys[k].label, s->keys[k].count);
    d->keys_other += s->keys_other;
  }
  findings_settle(dst);
  return CTS_OK;
}

cts_status cts_stats_absorb(cts_stats *dst, cts_stats *src) {
  cts_stats empty;
  if (dst->entries != 0 || dst->n_cas != 0 || dst->n_errors != 0 ||
      dst->errors_omitted != 0 || dst->n_lints != src->n_lints ||
      dst->findings_budget != src->findings_budget ||
      dst->findings_total != src->findings_total)
    return cts_stats_merge(dst, src);
  empty = *dst;
  *dst = *src;
  *src = empty;
  return CTS_OK;
}

static int compare_cas(const void *a, const void *b) {
  const cts_ca_stats *x = *(const cts_ca_stats *const *)a;
  const cts_ca_stats *y = *(const cts_ca_stats *const *)b;
  if (x->entries != y->entries) return x->entries > y->entries ? -1 : 1;
  return memcmp(x->id, y->id, CTS_CA_ID_LEN);
}

const cts_ca_stats **cts_stats_sorted_cas(const cts_stats *stats,
                                          size_t *out_n) {
  const cts_ca_stats **list;
  size_t n = 0;
  *out_n = 0;
  if (stats->n_cas == 0) return NULL;
  list = malloc(stats->n_cas * sizeof(*list));
  if (list == NULL) return NULL;
  for (size_t i = 0; i < stats->cap; i++)
    if (slot_used(&stats->cas[i])) list[n++] = &stats->cas[i];
  qsort(list, n, sizeof(*list), compare_cas);
  *out_n = n;
  return list;
}
