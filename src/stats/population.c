/* Population lints (design.md "Population lints"): per CA, what only the
 * whole issuance shows.
 *
 *  - serial_entropy_bits (BR 7.1: serial numbers "greater than zero ...
 *    containing at least 64 bits of output from a CSPRNG"): the sum over
 *    bit positions of the binary entropy of that position's frequency of
 *    ones, positions counted from the low end of the serial's value.
 *  - sequential_serial_runs: runs of serials whose values increase by one.
 *  - duplicate_serials: one serial on two different certificates (RFC 5280
 *    4.1.2.2: "unique for each certificate issued by a given CA"); a
 *    precertificate and its certificate are one (RFC 6962 3.1).
 *  - typo_reissues: issuances whose dNSNames correct a small misspelling
 *    (an edit of one or two characters in the registered label) in an
 *    earlier issuance of the same CA to the same subject organization
 *    within a window (mail.cuatis.net, then mail.cualtis.net). Each
 *    corrected issuance counts once, however many misspelt ones it
 *    follows and however many entries (precert, final) log it.
 *  - profiles: distinct certificate templates, and the rare ones.
 *
 * The sketches depend on the set of certificates only (see stats.h), so
 * any split of the work merges into the sketch of the whole. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/sha256.h"
#include "ctscan/stats.h"

/* --- hashing ------------------------------------------------------------ */

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* A faster chain for the hot path (identities, profiles): eight octets
 * at a time, read little-endian whatever the host, so hashes in a stats
 * file mean the same on every machine. Each step is a bijection of h. */
static uint64_t load_le(const uint8_t *p, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
  return w;
}

/* The last len < 8 octets as one word, as wyhash reads them: two
 * overlapping 4-octet reads, or first, middle and last octet. */
static uint64_t load_tail(const uint8_t *p, size_t len) {
  if (len >= 4) return load_le(p, 4) | load_le(p + len - 4, 4) << 32;
  if (len > 0)
    return (uint64_t)p[0] << 16 | (uint64_t)p[len / 2] << 8 | p[len - 1];
  return 0;
}

static uint64_t hash_bytes(uint64_t h, const void *data, size_t len) {
  const uint8_t *p = data;
  h ^= (uint64_t)len << 56;
  for (; len >= 8; p += 8, len -= 8) {
    h = (h ^ load_le(p, 8)) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 32;
  }
  h = (h ^ load_tail(p, len)) * 0xff51afd7ed558ccdull;
  return h ^ (h >> 29);
}

static uint64_t hash_u64(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

/* Never 0: 0 marks an empty identity. The mix spreads FNV's weak high
 * bits. */
static uint64_t finish(uint64_t h) {
  h = cts_u64_mix(h);
  return h != 0 ? h : 1;
}

/* The sampling level of a hash: leading zero bits of a remix, so that
 * P(level >= L) = 2^-L independently of how the hash was made. */
static unsigned level_of(uint64_t h) {
  uint64_t x = cts_u64_mix(h ^ 0x5ca1ab1e5eed5a17ull);
  return x == 0 ? 64 : (unsigned)__builtin_clzll(x);
}

static uint64_t scale(uint64_t observed, unsigned level) {
  if (observed == 0) return 0;
  if (level >= 64 || observed > (UINT64_MAX >> level)) return UINT64_MAX;
  return observed << level;
}

/* --- sampled sets (distinct sampling, stats.h) -------------------------- */

typedef struct pop_kind {
  size_t size;
  uint32_t budget;
  int (*cmp)(const void *a, const void *b);     /* order and identity */
  void (*combine)(void *dst, const void *src);  /* same key: union */
} pop_kind;

/* Every item starts with its 64-bit sampling hash. */
static uint64_t item_hash(const void *item) {
  uint64_t h;
  memcpy(&h, item, sizeof(h));
  return h;
}

static void *item_at(const pop_kind *k, const cts_pop_sample *s, size_t i) {
  return (uint8_t *)s->items + i * k->size;
}

/* Binary search: the position of item, or where it would go. */
static size_t sample_find(const pop_kind *k, const cts_pop_sample *s,
                          const void *item, int *out_found) {
  size_t lo = 0, hi = s->n;
  *out_found = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = k->cmp(item_at(k, s, mid), item);
    if (c == 0) {
      *out_found = 1;
      return mid;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Raises the level by one and drops the items under it. */
static void sample_raise(const pop_kind *k, cts_pop_sample *s) {
  uint32_t kept = 0;
  s->level++;
  for (uint32_t i = 0; i < s->n; i++) {
    void *it = item_at(k, s, i);
    if (level_of(item_hash(it)) < s->level) continue;
    if (kept != i) memcpy(item_at(k, s, kept), it, k->size);
    kept++;
  }
  s->n = kept;
}

static int sample_wants(const cts_pop_sample *s, uint64_t hash) {
  return level_of(hash) >= s->level;
}

static cts_status sample_offer(const pop_kind *k, cts_pop_sample *s,
                               const void *item) {
  size_t at;
  int found;
  if (!sample_wants(s, item_hash(item))) return CTS_OK;
  at = sample_find(k, s, item, &found);
  if (found) {
    k->combine(item_at(k, s, at), item);
    return CTS_OK;
  }
  if (s->n == s->cap) {
    uint32_t cap = s->cap == 0 ? 4 : s->cap * 2;
    void *grown;
    if (cap > k->budget + 1) cap = k->budget + 1;
    if ((grown = realloc(s->items, cap * k->size)) == NULL)
      return CTS_ERR_NOMEM;
    s->items = grown;
    s->cap = cap;
  }
  memmove(item_at(k, s, at + 1), item_at(k, s, at), (s->n - at) * k->size);
  memcpy(item_at(k, s, at), item, k->size);
  s->n++;
  while (s->n > k->budget && s->level < 64) sample_raise(k, s);
  return CTS_OK;
}

/* dst's level rises to src's first, so every item src kept that dst's
 * level admits is offered: the union, sampled by the same rule. */
static cts_status sample_merge(const pop_kind *k, cts_pop_sample *dst,
                               const cts_pop_sample *src) {
  cts_status st;
  while (dst->level < src->level) sample_raise(k, dst);
  for (uint32_t i = 0; i < src->n; i++)
    if ((st = sample_offer(k, dst, item_at(k, src, i))) != CTS_OK) return st;
  return CTS_OK;
}

static int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

/* Examples: the lowest log index, then the lowest SHA-256. */
static int example_before(uint64_t index_a, const uint8_t *sha_a,
                          uint64_t index_b, const uint8_t *sha_b) {
  if (index_a != index_b) return index_a < index_b;
  return memcmp(sha_a, sha_b, 32) < 0;
}

/* --- the four kinds ----------------------------------------------------- */

static int block_cmp(const void *a, const void *b) {
  const cts_pop_block *x = a, *y = b;
  int c = cmp_u64(x->hash, y->hash);
  return c != 0 ? c : memcmp(x->key, y->key, CTS_POP_BLOCK_KEY);
}

static void block_combine(void *dst, const void *src) {
  cts_pop_block *d = dst;
  const cts_pop_block *s = src;
  for (int w = 0; w < CTS_POP_BLOCK_WORDS; w++) d->bits[w] |= s->bits[w];
}

static int serial_cmp(const void *a, const void *b) {
  return cmp_u64(((const cts_pop_serial *)a)->hash,
                 ((const cts_pop_serial *)b)->hash);
}

/* The two lowest distinct identities of both, each with its lowest
 * index. */
static void serial_combine(void *dst, const void *src) {
  cts_pop_serial *d = dst;
  const cts_pop_serial *s = src;
  for (int i = 0; i < 2; i++) {
    uint64_t id = s->id[i], index = s->index[i];
    if (id == 0) continue;
    if (id == d->id[0]) {
      if (index < d->index[0]) d->index[0] = index;
    } else if (id == d->id[1]) {
      if (index < d->index[1]) d->index[1] = index;
    } else if (d->id[0] == 0 || id < d->id[0]) {
      d->id[1] = d->id[0];
      d->index[1] = d->index[0];
      d->id[0] = id;
      d->index[0] = index;
    } else if (d->id[1] == 0 || id < d->id[1]) {
      d->id[1] = id;
      d->index[1] = index;
    }
  }
}

static int cert_cmp(const void *a, const void *b) {
  const cts_pop_cert *x = a, *y = b;
  int c = cmp_u64(x->org, y->org);
  return c != 0 ? c : cmp_u64(x->id, y->id);
}

/* The same certificate (a precert and its certificate): the example is
 * its lowest-indexed entry. */
static void cert_combine(void *dst, const void *src) {
  cts_pop_cert *d = dst;
  const cts_pop_cert *s = src;
  if (example_before(s->index, s->sha256, d->index, d->sha256)) {
    d->index = s->index;
    memcpy(d->sha256, s->sha256, 32);
    d->is_tbs = s->is_tbs;
  }
}

static int profile_cmp(const void *a, const void *b) {
  return cmp_u64(((const cts_pop_profile *)a)->hash,
                 ((const cts_pop_profile *)b)->hash);
}

static void profile_combine(void *dst, const void *src) {
  cts_pop_profile *d = dst;
  const cts_pop_profile *s = src;
  d->count += s->count;
  if (example_before(s->index, s->sha256, d->index, d->sha256)) {
    d->index = s->index;
    memcpy(d->sha256, s->sha256, 32);
    d->is_tbs = s->is_tbs;
  }
}

static const pop_kind k_blocks = {sizeof(cts_pop_block), CTS_POP_BLOCK_BUDGET,
                                  block_cmp, block_combine};
static const pop_kind k_ids = {sizeof(cts_pop_serial), CTS_POP_SERIAL_BUDGET,
                               serial_cmp, serial_combine};
static const pop_kind k_certs = {sizeof(cts_pop_cert), CTS_POP_TYPO_BUDGET,
                                 cert_cmp, cert_combine};
static const pop_kind k_profiles = {sizeof(cts_pop_profile),
                                    CTS_POP_PROFILE_BUDGET, profile_cmp,
                                    profile_combine};

/* --- life cycle --------------------------------------------------------- */

static void flush_planes(cts_population *pop);

void cts_pop_thresholds_default(cts_pop_thresholds *t) {
  t->serial_entropy_bits = 64.0; /* BR 7.1 */
  t->typo_window_hours = 24.0;
}

cts_status cts_pop_new(cts_population **out) {
  *out = calloc(1, sizeof(**out));
  return *out != NULL ? CTS_OK : CTS_ERR_NOMEM;
}

void cts_pop_free(cts_population *pop) {
  if (pop == NULL) return;
  free(pop->blocks.items);
  free(pop->ids.items);
  free(pop->certs.items);
  free(pop->profiles.items);
  free(pop);
}

size_t cts_pop_memory(const cts_population *pop) {
  if (pop == NULL) return 0;
  return sizeof(*pop) + pop->blocks.cap * sizeof(cts_pop_block) +
         pop->ids.cap * sizeof(cts_pop_serial) +
         pop->certs.cap * sizeof(cts_pop_cert) +
         pop->profiles.cap * sizeof(cts_pop_profile);
}

cts_status cts_pop_merge(cts_population *dst, const cts_population *src) {
  cts_status st;
  flush_planes(dst);
  dst->serials += src->serials;
  for (int i = 0; i < CTS_POP_SERIAL_BITS; i++)
    dst->ones[i] += cts_pop_serial_ones(src, i);
  if ((st = sample_merge(&k_blocks, &dst->blocks, &src->blocks)) != CTS_OK ||
      (st = sample_merge(&k_ids, &dst->ids, &src->ids)) != CTS_OK ||
      (st = sample_merge(&k_certs, &dst->certs, &src->certs)) != CTS_OK)
    return st;
  return sample_merge(&k_profiles, &dst->profiles, &src->profiles);
}

void cts_pop_set_levels(cts_population *pop, const uint8_t levels[4]) {
  pop->blocks.level = levels[0];
  pop->ids.level = levels[1];
  pop->certs.level = levels[2];
  pop->profiles.level = levels[3];
}

cts_status cts_pop_offer_block(cts_population *pop, const cts_pop_block *b) {
  return sample_offer(&k_blocks, &pop->blocks, b);
}
cts_status cts_pop_offer_serial(cts_population *pop, const cts_pop_serial *s) {
  return sample_offer(&k_ids, &pop->ids, s);
}
cts_status cts_pop_offer_cert(cts_population *pop, const cts_pop_cert *c) {
  return sample_offer(&k_certs, &pop->certs, c);
}
cts_status cts_pop_offer_profile(cts_population *pop,
                                 const cts_pop_profile *p) {
  return sample_offer(&k_profiles, &pop->profiles, p);
}

/* --- serials: bit statistics and blocks --------------------------------- */

/* The serial's value, its low 20 octets, big-endian in out[20]. A
 * negative serial (RFC 5280 forbids it) is read as its octets. */
static void serial_value(const cts_summary *sum, uint8_t out[20]) {
  const uint8_t *p = sum->der + sum->serial.off;
  uint32_t n = sum->serial.len, take = n < 20 ? n : 20;
  memset(out, 0, 20);
  memcpy(out + 20 - take, p + n - take, take);
}

/* Moves the bit-sliced counts into ones[]. */
static void flush_planes(cts_population *pop) {
  for (int i = 0; i < CTS_POP_SERIAL_BITS; i++)
    for (int k = 0; k < CTS_POP_PLANES; k++)
      pop->ones[i] += (pop->planes[k][i / 64] >> (i % 64) & 1) << k;
  memset(pop->planes, 0, sizeof(pop->planes));
  pop->pending = 0;
}

uint64_t cts_pop_serial_ones(const cts_population *pop, int i) {
  uint64_t n = pop->ones[i];
  for (int k = 0; k < CTS_POP_PLANES; k++)
    n += (pop->planes[k][i / 64] >> (i % 64) & 1) << k;
  return n;
}

/* Adds one to the count of every position whose bit is set in the value
 * (bit 0 is the low bit of v[19]): a ripple carry through the planes. */
static void count_serial_bits(cts_population *pop, const uint8_t v[20]) {
  for (int w = 0; w < CTS_POP_SERIAL_WORDS; w++) {
    uint64_t carry = 0;
    for (int b = 0; b < 8 && w * 8 + b < 20; b++)
      carry |= (uint64_t)v[19 - (w * 8 + b)] << (8 * b);
    for (int k = 0; k < CTS_POP_PLANES && carry != 0; k++) {
      uint64_t next = pop->planes[k][w] & carry;
      pop->planes[k][w] ^= carry;
      carry = next;
    }
  }
  pop->serials++;
  if (++pop->pending == (1u << CTS_POP_PLANES) - 1) flush_planes(pop);
}

uint64_t cts_pop_block_hash(const uint8_t key[CTS_POP_BLOCK_KEY]) {
  return finish(hash_bytes(FNV_OFFSET, key, CTS_POP_BLOCK_KEY));
}

/* Adds delta (+1 or -1) to a big-endian key; 0 when it wraps. */
static int key_step(uint8_t key[CTS_POP_BLOCK_KEY], int delta) {
  for (int i = CTS_POP_BLOCK_KEY - 1; i >= 0; i--) {
    uint8_t before = key[i];
    key[i] = (uint8_t)(key[i] + delta);
    if ((delta > 0 && before != 0xff) || (delta < 0 && before != 0x00))
      return 1;
  }
  return 0;
}

static cts_status mark_block(cts_population *pop, const uint8_t *key,
                             unsigned bit) {
  cts_pop_block b;
  uint64_t hash = cts_pop_block_hash(key);
  if (!sample_wants(&pop->blocks, hash)) return CTS_OK;
  memset(&b, 0, sizeof(b));
  b.hash = hash;
  memcpy(b.key, key, CTS_POP_BLOCK_KEY);
  b.bits[bit / 64] = 1ull << (bit % 64);
  return sample_offer(&k_blocks, &pop->blocks, &b);
}

/* A serial marks its own block, and the neighbouring block when it lies
 * within CTS_POP_BLOCK_EDGE of the edge, so each block sees the start and
 * the first serials of every run that starts in it. */
static cts_status count_serial_block(cts_population *pop,
                                     const uint8_t v[20]) {
  uint8_t key[CTS_POP_BLOCK_KEY];
  unsigned low = v[19];
  cts_status st;
  memcpy(key, v, CTS_POP_BLOCK_KEY);
  if ((st = mark_block(pop, key, low + CTS_POP_BLOCK_EDGE)) != CTS_OK)
    return st;
  if (low < CTS_POP_BLOCK_EDGE && key_step(key, -1))
    return mark_block(pop, key, low + 256 + CTS_POP_BLOCK_EDGE);
  if (low >= 256 - CTS_POP_BLOCK_EDGE && key_step(key, +1))
    return mark_block(pop, key, low - (256 - CTS_POP_BLOCK_EDGE));
  return CTS_OK;
}

/* --- identity, organization, names -------------------------------------- */

/* A certificate's identity: subject DN, SANs, validity and SPKI. A
 * precertificate and its certificate share it (RFC 6962 3.2: the TBS is
 * the same but for the poison and the SCT list); two certificates that
 * differ in any of these do not. */
static uint64_t cert_identity(const cts_summary *sum) {
  uint64_t h = FNV_OFFSET;
  h = hash_bytes(h, sum->der + sum->subject.off, sum->subject.len);
  for (uint16_t i = 0; i < sum->n_sans; i++) {
    const cts_general_name *gn = &sum->sans[i];
    h = hash_u64(h, (uint64_t)gn->type << 32 | gn->value.len);
    h = hash_bytes(h, sum->der + gn->value.off, gn->value.len);
  }
  h = hash_u64(h, (uint64_t)sum->not_before);
  h = hash_u64(h, (uint64_t)sum->not_after);
  h = hash_bytes(h, sum->der + sum->spki.off, sum->spki.len);
  return finish(h);
}

static const uint8_t OID_ORGANIZATION[] = {0x55, 0x04, 0x0a}; /* 2.5.4.10 */

/* The hash of the first subject organizationName, ASCII case folded. */
static int organization(const cts_summary *sum, uint64_t *out) {
  for (uint16_t i = 0; i < sum->n_subject_attrs; i++) {
    const cts_attr *a = &sum->subject_attrs[i];
    const uint8_t *v = sum->der + a->value.off;
    uint64_t h = FNV_OFFSET;
    if (a->oid.len != sizeof(OID_ORGANIZATION) ||
        memcmp(sum->der + a->oid.off, OID_ORGANIZATION,
               sizeof(OID_ORGANIZATION)) != 0 ||
        a->value.len == 0)
      continue;
    for (uint32_t k = 0; k < a->value.len; k++) {
      uint8_t c = v[k] >= 'A' && v[k] <= 'Z' ? (uint8_t)(v[k] + 32) : v[k];
      h = (h ^ c) * FNV_PRIME;
    }
    *out = finish(h);
    return 1;
  }
  return 0;
}

static int names_contain(const char *names, size_t len, const char *name) {
  for (size_t at = 0; at < len; at += strlen(names + at) + 1)
    if (strcmp(names + at, name) == 0) return 1;
  return 0;
}

/* The distinct dNSNames, lower case, a leading "*." dropped, in
 * certificate order while they fit. */
static void collect_names(const cts_summary *sum, cts_pop_cert *c) {
  size_t used = 0;
  for (uint16_t i = 0; i < sum->n_sans; i++) {
    const cts_general_name *gn = &sum->sans[i];
    const uint8_t *v = sum->der + gn->value.off;
    uint32_t n = gn->value.len, k;
    char name[CTS_POP_TYPO_NAMES];
    if (gn->type != CTS_GN_DNS) continue;
    if (n >= 2 && v[0] == '*' && v[1] == '.') v += 2, n -= 2;
    if (n == 0 || n + 1 > sizeof(name) || used + n + 1 > sizeof(c->names))
      continue;
    for (k = 0; k < n; k++) {
      if (v[k] == 0) break;
      name[k] = (char)(v[k] >= 'A' && v[k] <= 'Z' ? v[k] + 32 : v[k]);
    }
    if (k < n) continue; /* a NUL inside: not a host name */
    name[n] = 0;
    if (names_contain(c->names, used, name)) continue;
    memcpy(c->names + used, name, n + 1);
    used += n + 1;
  }
  c->names_len = (uint8_t)used;
}

/* An issuance (RFC 6962 3.1): one serial of one CA on one certificate. A
 * precert and its certificate share both the serial and the identity; the
 * certificates of a reused serial, or one certificate issued again under
 * a new serial, are distinct issuances. */
static uint64_t issuance_id(uint64_t identity, uint64_t serial_hash) {
  return finish(hash_u64(identity, serial_hash));
}

static void set_example(const cts_entry *entry, const cts_summary *sum,
                        uint64_t *index, uint8_t sha256[32],
                        uint8_t *is_tbs) {
  *index = entry->index;
  *is_tbs = (sum->flags & CTS_SUM_IS_TBS) != 0;
  cts_sha256(sum->der + sum->cert.off, sum->cert.len, sha256);
}

static cts_status count_serial_ids(cts_population *pop,
                                   const cts_entry *entry,
                                   const cts_summary *sum, uint64_t serial,
                                   uint64_t id) {
  cts_pop_serial s;
  memset(&s, 0, sizeof(s));
  s.hash = serial;
  s.id[0] = id;
  s.index[0] = entry->index;
  return sample_offer(&k_ids, &pop->ids, &s);
}

/* Issuances with a subject O and a dNSName, sampled by organization so
 * that every issuance of a kept organization is kept; the entries of one
 * issuance are one item. */
static cts_status count_typo_cert(cts_population *pop, const cts_entry *entry,
                                  const cts_summary *sum, uint64_t id,
                                  uint64_t serial_hash) {
  cts_pop_cert c;
  size_t at;
  int found;
  uint64_t org;
  if (sum->n_san_dns == 0 || !organization(sum, &org) ||
      !sample_wants(&pop->certs, org))
    return CTS_OK;
  memset(&c, 0, sizeof(c));
  c.org = org;
  c.id = issuance_id(id != 0 ? id : cert_identity(sum), serial_hash);
  at = sample_find(&k_certs, &pop->certs, &c, &found);
  if (found) { /* the other half of a pair: only a lower index counts */
    const cts_pop_cert *have = item_at(&k_certs, &pop->certs, at);
    if (entry->index > have->index) return CTS_OK;
  }
  collect_names(sum, &c);
  if (c.names_len == 0) return CTS_OK;
  c.not_before = sum->not_before;
  set_example(entry, sum, &c.index, c.sha256, &c.is_tbs);
  return sample_offer(&k_certs, &pop->certs, &c);
}

/* --- profiles ----------------------------------------------------------- */

/* RFC 6962 3.1 poison and 3.3 SCT list: a precertificate carries the one,
 * its certificate the other; neither is part of the template. */
static const uint8_t OID_CT_POISON[] = {0x2b, 0x06, 0x01, 0x04, 0x01,
                                        0xd6, 0x79, 0x02, 0x04, 0x03};
static const uint8_t OID_CT_SCTS[] = {0x2b, 0x06, 0x01, 0x04, 0x01,
                                      0xd6, 0x79, 0x02, 0x04, 0x02};

static int span_is(const cts_summary *sum, cts_span s, const uint8_t *oid,
                   size_t len) {
  return s.len == len && memcmp(sum->der + s.off, oid, len) == 0;
}

/* Extension OIDs with their criticality, sorted (their order is not part
 * of a profile); at most CTS_SUMMARY_MAX_EXTS, so an insertion sort. */
static uint64_t hash_extensions(const cts_summary *sum, uint64_t h,
                                uint16_t *out_n) {
  uint64_t ext[CTS_SUMMARY_MAX_EXTS];
  uint16_t n = 0;
  for (uint16_t i = 0; i < sum->n_exts && i < CTS_SUMMARY_MAX_EXTS; i++) {
    const cts_ext *e = &sum->exts[i];
    uint64_t x;
    uint16_t at;
    if (span_is(sum, e->oid, OID_CT_POISON, sizeof(OID_CT_POISON)) ||
        span_is(sum, e->oid, OID_CT_SCTS, sizeof(OID_CT_SCTS)))
      continue;
    x = hash_bytes(FNV_OFFSET + e->critical, sum->der + e->oid.off,
                   e->oid.len);
    for (at = n; at > 0 && ext[at - 1] > x; at--) ext[at] = ext[at - 1];
    ext[at] = x;
    n++;
  }
  for (uint16_t i = 0; i < n; i++) h = hash_u64(h, ext[i]);
  *out_n = n;
  return hash_u64(h, n);
}

/* certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
 * PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
 *                                  policyQualifiers ... OPTIONAL }
 * (RFC 5280 4.2.1.4): the identifiers in order. */
static uint64_t hash_policies(const cts_summary *sum, uint64_t h,
                              uint16_t *out_n) {
  cts_der value, seq, info, oid;
  uint16_t n = 0;
  *out_n = 0;
  if (sum->ext_policies < 0) return hash_u64(h, 0);
  value = cts_summary_der(sum, sum->exts[sum->ext_policies].value);
  if (!cts_der_get_element(&value, &seq, CTS_DER_SEQUENCE))
    return hash_u64(h, 0xbad);
  while (seq.len > 0) {
    if (!cts_der_get_element(&seq, &info, CTS_DER_SEQUENCE) ||
        !cts_der_get_oid(&info, &oid))
      return hash_u64(h, 0xbad);
    h = hash_bytes(h, oid.data, oid.len);
    n++;
  }
  *out_n = n;
  return hash_u64(h, n);
}

/* A profile: extension OIDs and criticality, subject attribute types in
 * order (with their RDN), key type and size, validity in days, policy
 * OIDs. The key label is written later, only for a profile kept. */
static void make_profile(const cts_summary *sum, cts_pop_profile *p) {
  uint64_t h = FNV_OFFSET;
  memset(p, 0, sizeof(*p));
  h = hash_extensions(sum, h, &p->n_exts);
  for (uint16_t i = 0; i < sum->n_subject_attrs; i++) {
    const cts_attr *a = &sum->subject_attrs[i];
    h = hash_u64(h, (uint64_t)a->rdn << 32 | a->oid.len);
    h = hash_bytes(h, sum->der + a->oid.off, a->oid.len);
  }
  h = hash_u64(h, (uint64_t)sum->key_type << 32 |
                      (uint64_t)sum->curve << 16 | sum->key_size);
  h = hash_u64(h, (uint64_t)(int64_t)sum->validity_days);
  h = hash_policies(sum, h, &p->n_policies);
  p->hash = finish(h);
  p->count = 1;
  p->validity_days = sum->validity_days;
}

static cts_status count_profile(cts_population *pop, const cts_entry *entry,
                                const cts_summary *sum) {
  cts_pop_profile p;
  size_t at;
  int found;
  make_profile(sum, &p);
  if (!sample_wants(&pop->profiles, p.hash)) return CTS_OK;
  at = sample_find(&k_profiles, &pop->profiles, &p, &found);
  if (found) {
    cts_pop_profile *have = item_at(&k_profiles, &pop->profiles, at);
    if (entry->index > have->index) { /* the common case: no SHA-256 */
      have->count++;
      return CTS_OK;
    }
  }
  cts_key_label(sum, p.key);
  set_example(entry, sum, &p.index, p.sha256, &p.is_tbs);
  return sample_offer(&k_profiles, &pop->profiles, &p);
}

cts_status cts_pop_add(cts_population *pop, const cts_entry *entry,
                       const cts_summary *sum, uint64_t serial_hash) {
  uint8_t v[20];
  uint64_t id = 0;
  cts_status st;
  if (sum->serial.len > 0) {
    serial_value(sum, v);
    count_serial_bits(pop, v);
    if ((st = count_serial_block(pop, v)) != CTS_OK) return st;
    if (sample_wants(&pop->ids, serial_hash)) {
      id = cert_identity(sum);
      st = count_serial_ids(pop, entry, sum, serial_hash, id);
      if (st != CTS_OK) return st;
    }
  }
  if ((st = count_typo_cert(pop, entry, sum, id, serial_hash)) != CTS_OK)
    return st;
  return count_profile(pop, entry, sum);
}

/* --- conclusions -------------------------------------------------------- */

/* Sum over bit positions of the binary entropy of the position's
 * frequency of ones. Each term is the plug-in estimate with the
 * Miller-Madow correction ((k - 1) / 2n nats for k = 2 values seen), capped
 * at 1 bit: without it a fair bit reads about 1 - 1/(2n ln 2) bits from n
 * serials (124 of 128 bits at n = 24). A constant position reads 0 at any
 * n. The sum of the positions' entropies is an upper bound of the serials'
 * joint entropy: serials under the threshold are short of entropy, while
 * serials over it may still be predictable (a counter that is hashed). */
static double serial_entropy(const cts_population *pop) {
  double n = (double)pop->serials, bits = 0;
  for (int i = 0; i < CTS_POP_SERIAL_BITS; i++) {
    uint64_t ones = cts_pop_serial_ones(pop, i);
    double p, h;
    if (ones == 0 || ones == pop->serials) continue;
    p = (double)ones / n;
    h = -p * log2(p) - (1 - p) * log2(1 - p) + 1.0 / (2.0 * n * M_LN2);
    bits += h < 1.0 ? h : 1.0;
  }
  return bits;
}

static int block_bit(const cts_pop_block *b, unsigned i) {
  return (int)(b->bits[i / 64] >> (i % 64) & 1);
}

/* Runs that start in a block's own 256 serials: each run starts in one
 * block, so the count over sampled blocks, scaled, estimates all runs. */
static void count_runs(const cts_population *pop, cts_pop_result *r) {
  const cts_pop_block *best = NULL;
  for (uint32_t i = 0; i < pop->blocks.n; i++) {
    const cts_pop_block *b = (const cts_pop_block *)pop->blocks.items + i;
    for (unsigned p = CTS_POP_BLOCK_EDGE; p < 256 + CTS_POP_BLOCK_EDGE; p++) {
      unsigned len = 0;
      if (!block_bit(b, p) || block_bit(b, p - 1)) continue;
      while (p + len < 256 + 2 * CTS_POP_BLOCK_EDGE && block_bit(b, p + len))
        len++;
      if (len < CTS_POP_MIN_RUN) continue;
      r->sequential_observed++;
      if (len > r->longest_run) r->longest_run = len;
      /* the example: the first run of the lowest block (runs of one
       * block are met in order) */
      if (best == NULL || memcmp(b->key, best->key, CTS_POP_BLOCK_KEY) < 0) {
        best = b;
        memcpy(r->run_serial, b->key, CTS_POP_BLOCK_KEY);
        r->run_serial[CTS_POP_BLOCK_KEY] = (uint8_t)(p - CTS_POP_BLOCK_EDGE);
        r->run_length = len;
      }
    }
  }
  r->sequential_runs = scale(r->sequential_observed, pop->blocks.level);
}

static void count_duplicates(const cts_population *pop, cts_pop_result *r) {
  for (uint32_t i = 0; i < pop->ids.n; i++) {
    const cts_pop_serial *s = (const cts_pop_serial *)pop->ids.items + i;
    if (s->id[1] == 0) continue;
    r->duplicates_observed++;
    if (r->n_duplicates < CTS_POP_MAX_EXAMPLES) r->duplicates[r->n_duplicates++] = s;
  }
  r->duplicate_serials = scale(r->duplicates_observed, pop->ids.level);
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, no substring edited twice) of two labels of at most 63
 * octets (RFC 1035 2.3.4). */
static unsigned edit_distance(const char *a, size_t la, const char *b,
                              size_t lb) {
  unsigned d[64][64];
  for (size_t i = 0; i <= la; i++) d[i][0] = (unsigned)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (unsigned)j;
  for (size_t i = 1; i <= la; i++) {
    for (size_t j = 1; j <= lb; j++) {
      unsigned cost = a[i - 1] != b[j - 1], best = d[i - 1][j - 1] + cost;
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  }
  return d[la][lb];
}

#define MAX_LABELS 16

static size_t split_labels(const char *name, const char *label[MAX_LABELS],
                           size_t len[MAX_LABELS]) {
  size_t n = 0;
  const char *p = name;
  for (;;) {
    const char *dot = strchr(p, '.');
    size_t l = dot != NULL ? (size_t)(dot - p) : strlen(p);
    if (n == MAX_LABELS) return 0;
    label[n] = p;
    len[n++] = l;
    if (dot == NULL) return n;
    p = dot + 1;
  }
}

/* Two names that a typo would confuse: of similar length, with the same
 * labels but one, which is not the TLD nor (in names of three labels or
 * more) the host label, and which differs by one or two edits, fewer than
 * half its length. So mail.cuatis.net / mail.cualtis.net are close, while
 * web1.example.com / web2.example.com and example.de / example.at are
 * not. */
static int typo_close(const char *a, const char *b) {
  const char *la[MAX_LABELS], *lb[MAX_LABELS];
  size_t na[MAX_LABELS], nb[MAX_LABELS], n, diff = SIZE_MAX, shortest;
  size_t sa = strlen(a), sb = strlen(b);
  unsigned d;
  if (sa < 4 || sb < 4 || (sa > sb ? sa - sb : sb - sa) > 2) return 0;
  if ((n = split_labels(a, la, na)) < 2 || split_labels(b, lb, nb) != n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (na[i] == nb[i] && memcmp(la[i], lb[i], na[i]) == 0) continue;
    if (diff != SIZE_MAX) return 0;
    diff = i;
  }
  if (diff == SIZE_MAX || diff == n - 1 || (n >= 3 && diff == 0)) return 0;
  if (na[diff] > 63 || nb[diff] > 63) return 0;
  shortest = na[diff] < nb[diff] ? na[diff] : nb[diff];
  if (shortest < 4) return 0;
  d = edit_distance(la[diff], na[diff], lb[diff], nb[diff]);
  return d >= 1 && d <= 2 && 2 * d < shortest;
}

/* A name of x not in y close to a name of y not in x. */
static int typo_pair(const cts_pop_cert *x, const cts_pop_cert *y,
                     const char **out_a, const char **out_b) {
  for (size_t i = 0; i < x->names_len; i += strlen(x->names + i) + 1) {
    const char *a = x->names + i;
    if (names_contain(y->names, y->names_len, a)) continue;
    for (size_t j = 0; j < y->names_len; j += strlen(y->names + j) + 1) {
      const char *b = y->names + j;
      if (names_contain(x->names, x->names_len, b) || !typo_close(a, b))
        continue;
      *out_a = a;
      *out_b = b;
      return 1;
    }
  }
  return 0;
}

/* Which of two issuances came first: notBefore, then the first log
 * entry, then the issuance hash. Every key is a property of the issuance,
 * not of the order it was met in, so shards agree. */
static int issued_before(const cts_pop_cert *x, const cts_pop_cert *y) {
  if (x->not_before != y->not_before) return x->not_before < y->not_before;
  if (x->index != y->index) return x->index < y->index;
  return x->id < y->id;
}

/* Reissues: issuances with an earlier issuance of the same organization
 * at most the window before whose names are a typo apart. A reissue
 * counts once, even after several misspelt issuances (the example pairs
 * it with the latest); the misspelt one is not a reissue. An organization
 * is kept whole or not at all, so the reissues of the kept ones, scaled,
 * estimate all reissues. */
static void count_typos(const cts_population *pop, double window_hours,
                        cts_pop_result *r) {
  const cts_pop_cert *c = pop->certs.items;
  double window = window_hours * 3600.0;
  uint32_t group = 0; /* the first issuance of c[i]'s organization */
  for (uint32_t i = 0; i < pop->certs.n; i++) {
    const cts_pop_cert *typo = NULL;
    const char *name_a = NULL, *name_b = NULL;
    if (c[i].org != c[group].org) group = i;
    for (uint32_t j = group; j < pop->certs.n && c[j].org == c[i].org; j++) {
      const char *a, *b;
      if (j == i || !issued_before(&c[j], &c[i]) ||
          (double)c[i].not_before - (double)c[j].not_before > window ||
          (typo != NULL && issued_before(&c[j], typo)) ||
          !typo_pair(&c[j], &c[i], &a, &b))
        continue;
      typo = &c[j];
      name_a = a;
      name_b = b;
    }
    if (typo == NULL) continue;
    r->typos_observed++;
    if (r->n_typos == CTS_POP_MAX_EXAMPLES) continue;
    r->typos[r->n_typos].a = typo;
    r->typos[r->n_typos].b = &c[i];
    r->typos[r->n_typos].name_a = name_a;
    r->typos[r->n_typos].name_b = name_b;
    r->n_typos++;
  }
  r->typo_reissues = scale(r->typos_observed, pop->certs.level);
}

static int rare_before(const cts_pop_profile *x, const cts_pop_profile *y) {
  if (x->count != y->count) return x->count < y->count;
  return x->hash < y->hash;
}

/* Rare profiles: under CTS_POP_RARE_MAX certificates and under
 * CTS_POP_RARE_PER_MILLE per mille of the CA's entries; the rarest are
 * the examples. */
static void count_profiles(const cts_population *pop, uint64_t entries,
                           cts_pop_result *r) {
  const cts_pop_profile *p = pop->profiles.items;
  for (uint32_t i = 0; i < pop->profiles.n; i++) {
    size_t at;
    if (p[i].count >= CTS_POP_RARE_MAX ||
        p[i].count * 1000 >= entries * CTS_POP_RARE_PER_MILLE)
      continue;
    r->rare_profiles++;
    for (at = r->n_rare; at > 0 && rare_before(&p[i], r->rare[at - 1]); at--)
      if (at < CTS_POP_MAX_EXAMPLES) r->rare[at] = r->rare[at - 1];
    if (at < CTS_POP_MAX_EXAMPLES) {
      r->rare[at] = &p[i];
      if (r->n_rare < CTS_POP_MAX_EXAMPLES) r->n_rare++;
    }
  }
  r->profiles = scale(pop->profiles.n, pop->profiles.level);
}

cts_status cts_pop_result_get(const cts_population *pop, uint64_t entries,
                              const cts_pop_thresholds *t,
                              cts_pop_result *out) {
  cts_pop_thresholds defaults;
  memset(out, 0, sizeof(*out));
  if (t == NULL) {
    cts_pop_thresholds_default(&defaults);
    t = &defaults;
  }
  if (pop == NULL) return CTS_OK;
  if (pop->serials >= CTS_POP_MIN_SERIALS) {
    out->entropy_known = 1;
    out->serial_entropy_bits = serial_entropy(pop);
    out->entropy_low = out->serial_entropy_bits < t->serial_entropy_bits;
  }
  count_runs(pop, out);
  count_duplicates(pop, out);
  count_typos(pop, t->typo_window_hours, out);
  count_profiles(pop, entries, out);
  return CTS_OK;
}
