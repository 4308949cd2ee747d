/* Per-CA statistics (design.md "Per-CA statistics").
 *
 * A CA is the issuing key as a certificate names it: its issuer DN (DER)
 * and its authority key identifier. One cts_stats belongs to one worker;
 * the tables of several workers are merged once at the end. */
#ifndef CTSCAN_STATS_H
#define CTSCAN_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/entry.h"
#include "ctscan/hll.h"
#include "ctscan/lint.h"
#include "ctscan/u64map.h"
#include "ctscan/status.h"
#include "ctscan/summary.h"

#define CTS_CA_ID_LEN 16
#define CTS_STATS_MAX_KEY_KINDS 12
#define CTS_STATS_MAX_ERRORS 1000
#define CTS_STATS_MAX_EXAMPLES 5
/* Validity buckets, upper bounds in days (RFC 5280 4.1.2.5 validity:
 * notAfter - notBefore + 1 s, as the BRs count it); the last is open. */
#define CTS_STATS_VALIDITY_BUCKETS 8
/* Serial lengths: significant octets 0..20, then "more than 20". */
#define CTS_STATS_SERIAL_LENGTHS 22

/* A certificate shown as evidence of a finding. */
typedef struct cts_example {
  uint64_t index;
  uint8_t sha256[32]; /* of the linted certificate (crt.sh indexes it) */
  uint8_t index_known;
  uint8_t is_tbs;     /* only a TBS was linted: sha256 is of the TBS */
  uint64_t serial_hash; /* its issuance (hash of the serial), 0: unknown;
                           a precert and its certificate are one example */
} cts_example;

/* A lint with at most this many finding entries at a CA is counted
 * exactly, however its CA samples: its keys are also kept in a short list
 * of its own, dropped once the lint passes it. The entries are exact and
 * add up across shards, so which lints are exact depends on the input
 * alone. At most 1 KiB per (CA, lint) with a rare finding. */
#define CTS_STATS_RARE_ENTRIES 64

struct cts_finding_key;

/* One lint's findings at one CA, counted once per issuance: a
 * precertificate and its final certificate (same CA, same serial) are one
 * issuance (RFC 6962 3.1). counts[] is what reports show: exact while the
 * CA's findings set is exact or the lint has its rare list, else the
 * estimate cts_finding_set explains. */
typedef struct cts_ca_lint {
  uint64_t counts[3];       /* CTS_STATS_INFO, _WARN, _ERROR */
  uint64_t entries[3];      /* entries with the finding, by their own
                               status: exact at any size, summed by merge */
  uint64_t kept[3];         /* this lint's keys in the findings set, by
                               their most severe status */
  uint64_t kept_entries;    /* entries those keys were met in */
  struct cts_finding_key *rare; /* every key of the lint while its
                                   entries are at most
                                   CTS_STATS_RARE_ENTRIES (owned), else
                                   NULL; key order is not kept */
  uint32_t n_rare;
  int64_t first_not_before; /* Unix seconds */
  int64_t last_not_before;
  uint32_t n_examples;
  cts_example examples[CTS_STATS_MAX_EXAMPLES];
} cts_ca_lint;
typedef struct cts_key_count {
  char label[16]; /* "RSA-2048", "EC-P256", "Ed25519", ... */
  uint64_t count;
} cts_key_count;


/* --- population lints (design.md "Population lints") -------------------
 *
 * What a CA's whole issuance shows and no single certificate can. Every
 * sketch below is a function of the set of certificates seen, never of
 * their order: the tables of any number of threads, or of shards read back
 * from their stats JSON, merge into exactly the sketch of the whole.
 *
 * The sampled sketches use distinct sampling (Gibbons 2001): an item is
 * kept when the level of its hash (leading zero bits) is at least the
 * sketch's level, and the level rises by one whenever more items than the
 * budget are kept. The final level is the lowest at which the whole set
 * fits the budget, whatever the order or the split, so a merge (union,
 * then the same rule) equals the scan of the whole. Each item is kept with
 * probability 2^-level: counts scale by 2^level, and are exact at level 0.
 *
 * Memory per CA is bounded whatever the input (measured by
 * cts_pop_memory in tests/unit/test_population.c: 62,904 B after 10,000
 * and after 300,000 certificates):
 *   counters (struct cts_population)               1,584 B
 *   serial blocks      (64 + 1) x 72 B              4,680 B
 *   serial identities  (512 + 1) x 40 B            20,520 B
 *   typo issuances     (128 + 1) x 192 B           24,768 B
 *   profiles           (128 + 1) x 88 B            11,352 B
 * 62,904 B (61.4 KiB) for a large CA; a CA with few certificates uses less (the
 * arrays grow by doubling up to their budget + 1). */

/* Serial bits counted per position, from the low end of the value: the
 * 20 octets RFC 5280 4.1.2.2 allows. */
#define CTS_POP_SERIAL_BITS 160
/* Below this many serials the entropy is reported as null. */
#define CTS_POP_MIN_SERIALS 16
/* A sequential run: at least this many serials whose values increase by
 * one. */
#define CTS_POP_MIN_RUN 3
/* Serial blocks: the serial value with its low 8 bits dropped (19 octets
 * of the 20); each block keeps a bitmap of 256 serials and 32 on either
 * side, so that a run crossing a block edge is seen from both. */
#define CTS_POP_BLOCK_KEY 19
#define CTS_POP_BLOCK_EDGE 32
#define CTS_POP_BLOCK_WORDS ((256 + 2 * CTS_POP_BLOCK_EDGE) / 64)
#define CTS_POP_BLOCK_BUDGET 64
#define CTS_POP_SERIAL_BUDGET 512
#define CTS_POP_TYPO_BUDGET 128
#define CTS_POP_TYPO_NAMES 120 /* bytes of dNSNames kept per certificate */
#define CTS_POP_PROFILE_BUDGET 128
/* Rare profiles: under 10 certificates and under 0.1 % of the CA's. */
#define CTS_POP_RARE_MAX 10
#define CTS_POP_RARE_PER_MILLE 1
#define CTS_POP_MAX_EXAMPLES 5

/* Thresholds (YAML "thresholds:"). */
typedef struct cts_pop_thresholds {
  double serial_entropy_bits; /* BR 7.1: "at least 64 bits of output
                                 from a CSPRNG"; default 64 */
  double typo_window_hours;   /* default 24 */
} cts_pop_thresholds;

/* One block of serial values (value >> 8 == key). */
typedef struct cts_pop_block {
  uint64_t hash; /* of key: the sampling hash */
  uint64_t bits[CTS_POP_BLOCK_WORDS]; /* bit i: serial key * 256 + i - 32 */
  uint8_t key[CTS_POP_BLOCK_KEY];     /* big-endian */
} cts_pop_block;

/* One serial number and the certificates that carry it. */
typedef struct cts_pop_serial {
  uint64_t hash;     /* of the serial's content octets */
  uint64_t id[2];    /* the two lowest certificate identities (hash of
                        subject, SANs, validity, SPKI: equal for a precert
                        and its certificate), 0: none */
  uint64_t index[2]; /* the lowest log index of each */
} cts_pop_serial;

/* One issuance with a subject organizationName, for typo reissues: a
 * precertificate and its final certificate are one item. */
typedef struct cts_pop_cert {
  uint64_t org;        /* hash of the O value: the sampling hash */
  uint64_t id;         /* issuance: hash of the certificate identity (as
                          above) and the serial */
  int64_t not_before;
  uint64_t index;      /* its lowest-indexed entry */
  uint8_t sha256[32];
  uint8_t is_tbs;
  uint8_t names_len;   /* bytes used in names */
  char names[CTS_POP_TYPO_NAMES]; /* distinct dNSNames, lower case, "*."
                                     dropped, each NUL-terminated */
} cts_pop_cert;

/* One certificate profile (template). */
typedef struct cts_pop_profile {
  uint64_t hash;     /* of the template: the sampling hash */
  uint64_t count;    /* entries */
  uint64_t index;    /* its lowest-indexed entry, as an example */
  uint8_t sha256[32];
  uint8_t is_tbs;
  char key[16];      /* "RSA-2048" */
  int32_t validity_days;
  uint16_t n_exts;   /* CT poison and SCT list not counted */
  uint16_t n_policies;
} cts_pop_profile;

/* A sampled set of items of one kind, sorted by their key. */
typedef struct cts_pop_sample {
  void *items;
  uint32_t n;
  uint32_t cap;
  uint8_t level;
} cts_pop_sample;

/* Serial bits are first added in bit-sliced counters (plane k holds bit
 * k of each position's count, 255 serials at most), then into ones[]: a
 * few word operations per serial instead of one per set bit. */
#define CTS_POP_SERIAL_WORDS ((CTS_POP_SERIAL_BITS + 63) / 64)
#define CTS_POP_PLANES 8

typedef struct cts_population {
  uint64_t serials;                       /* serials counted */
  uint64_t ones[CTS_POP_SERIAL_BITS];     /* per bit position, flushed */
  uint64_t planes[CTS_POP_PLANES][CTS_POP_SERIAL_WORDS]; /* pending */
  uint32_t pending;                       /* serials in planes */
  cts_pop_sample blocks;   /* cts_pop_block, sequential runs */
  cts_pop_sample ids;      /* cts_pop_serial, duplicate serials */
  cts_pop_sample certs;    /* cts_pop_cert, typo reissues */
  cts_pop_sample profiles; /* cts_pop_profile */
} cts_population;

/* A typo reissue: the misspelt issuance a, the reissue b (issued after
 * a, within the window), and a name of each. */
typedef struct cts_pop_typo {
  const cts_pop_cert *a, *b;
  const char *name_a, *name_b;
} cts_pop_typo;

/* What the population lints conclude for one CA. */
typedef struct cts_pop_result {
  int entropy_known;         /* 0 below CTS_POP_MIN_SERIALS serials */
  double serial_entropy_bits;
  int entropy_low;           /* under the threshold */
  uint64_t sequential_runs;  /* estimate: observed << level */
  uint64_t sequential_observed;
  uint32_t longest_run;      /* longest seen (a run longer than a block
                                window is seen as its window) */
  uint8_t run_serial[CTS_POP_BLOCK_KEY + 1]; /* first serial of the lowest
                                                run seen */
  uint32_t run_length;       /* its length; 0: no run */
  uint64_t duplicate_serials;
  uint64_t duplicates_observed;
  const cts_pop_serial *duplicates[CTS_POP_MAX_EXAMPLES];
  size_t n_duplicates;
  uint64_t typo_reissues;    /* reissues (each once), estimate */
  uint64_t typos_observed;
  cts_pop_typo typos[CTS_POP_MAX_EXAMPLES];
  size_t n_typos;
  uint64_t profiles;         /* distinct profiles (estimate when sampled) */
  uint64_t rare_profiles;    /* among those kept */
  const cts_pop_profile *rare[CTS_POP_MAX_EXAMPLES];
  size_t n_rare;
} cts_pop_result;

/* --- issuances per lint -----------------------------------------------
 *
 * A finding is counted once per issuance, so each CA keeps the set of
 * (serial hash, lint) keys it has counted, with the most severe status
 * each was met with (a precert and its certificate may differ) and the
 * number of entries it was met in. Exact while small: up to the budget
 * the set holds every key, and counts[] are exact. Beyond it the set
 * keeps only the keys whose serial hash has its low `level` bits zero
 * (distinct sampling, as the population sketches do; the low 48 bits of
 * a key are those of the serial hash, so a precert and its certificate
 * are kept or dropped together), the level rising until the set fits.
 * The final level is the lowest at which the whole input's keys fit,
 * whatever the order, the thread count or the split into shards, so a
 * merge equals the scan of the whole.
 *
 * Once sampled, a lint's counts are estimated from its exact entry
 * count scaled by what the kept keys show: issuances per entry and the
 * share of each status (counts[c] = entries * kept[c] / kept_entries,
 * rounded). A pair of entries per issuance is the usual case, so the
 * estimate is much closer than kept keys x 2^level would be; a lint with
 * no kept key reports its entries by status (exact unless a certificate
 * was logged with its precert, then at most twice the issuances).
 *
 * The budget per CA is a threshold T shared by every CA of a table: at
 * first CTS_STATS_FINDINGS_BUDGET keys, halved while the CAs' finding
 * entries, each counted up to T (sum over CAs of min(entries, T)), come
 * to more than CTS_STATS_FINDINGS_TOTAL. Those entries only grow and add
 * up across shards, so the final T, like each CA's level, depends on the
 * whole input alone; a CA with fewer finding entries than T stays exact.
 *
 * Memory: 16 B a slot; a CA's table doubles at 3/4 load up to the
 * smallest power of two that holds T at 3/4 and shrinks back to it when
 * T falls, and the keys of all CAs together never pass the total
 * (entries bound keys). So the statistics of one worker hold at most
 * 2^20 keys, 16 MiB at 16 B, in tables of 4/3 to 8/3 that many slots (16
 * at least per CA), however large the input and however many CAs it
 * names. */
#ifndef CTS_STATS_FINDINGS_BUDGET /* a build may lower it, to test */
#define CTS_STATS_FINDINGS_BUDGET 98304u /* keys per CA: 3/4 of 2^17 */
#endif
#ifndef CTS_STATS_FINDINGS_TOTAL /* a build may change it, to measure */
#define CTS_STATS_FINDINGS_TOTAL 1048576u /* keys of all CAs: 2^20 */
#endif
#define CTS_STATS_FINDINGS_MAX_LEVEL 64

typedef struct cts_finding_key {
  uint64_t key;         /* serial hash, lint mixed into the top 16 bits */
  uint32_t lint_column; /* lint index << 2 | 1 + most severe status;
                           0: an empty slot */
  uint32_t entries;     /* entries met (saturates) */
} cts_finding_key;

typedef struct cts_finding_set {
  cts_finding_key *slots; /* open addressing, linear probing */
  size_t cap;             /* 0 or a power of two */
  size_t count;
  uint8_t level;          /* kept: keys with their low `level` bits zero */
} cts_finding_set;

typedef struct cts_ca_stats {
  uint8_t id[CTS_CA_ID_LEN]; /* SHA-256(issuer DN || AKI keyIdentifier),
                                first 16 bytes */
  uint64_t key_hash;         /* fast hash of the same bytes: the table's
                                key (the id is computed once per CA) */
  uint8_t *issuer_dn;        /* DER of the issuer Name (owned) */
  size_t issuer_dn_len;
  uint8_t *aki;              /* AKI keyIdentifier (owned), may be NULL */
  size_t aki_len;
  uint8_t issuer_key_hash[32];
  int has_issuer_key_hash;
  uint64_t entries;
  uint64_t x509;
  uint64_t precert;
  cts_key_count keys[CTS_STATS_MAX_KEY_KINDS];
  size_t n_keys;
  uint64_t keys_other; /* entries whose key kind found no free slot */
  uint64_t flagged;    /* entries with at least one finding */
  uint64_t with_errors; /* entries with at least one error (e_ lints) */
  cts_ca_lint **lints; /* n_lints pointers, NULL until a finding (owned) */
  uint8_t *issuances;  /* HyperLogLog of serial numbers (owned) */
  cts_finding_set findings; /* (serial, lint) keys counted already */
  uint64_t finding_entries; /* entries of all its lints' findings: the
                               sum of lints[]->entries[] */
  cts_u64map per_day;  /* day of notBefore -> a: entries, b: flagged */
  uint64_t validity[CTS_STATS_VALIDITY_BUCKETS];
  uint64_t serial_lengths[CTS_STATS_SERIAL_LENGTHS];
  cts_population *population; /* owned */
} cts_ca_stats;

enum { CTS_STATS_INFO = 0, CTS_STATS_WARN = 1, CTS_STATS_ERROR = 2 };

/* Upper bounds of the validity buckets, in days (0: open). */
extern const uint32_t cts_stats_validity_bounds[CTS_STATS_VALIDITY_BUCKETS];

typedef struct cts_error_record {
  char *input;
  uint64_t offset;
  uint64_t index;
  uint64_t lost;
  char *reason;
} cts_error_record;

typedef struct cts_stats {
  uint64_t entries;
  uint64_t x509;
  uint64_t precert;
  uint64_t fully_parsed;
  uint64_t clean;
  uint64_t flagged;
  uint64_t unparseable;
  cts_error_record *errors; /* the CTS_STATS_MAX_ERRORS problems that come
                               first by (input, offset, index, reason) */
  size_t n_errors;
  uint64_t errors_omitted;  /* problems beyond those */
  size_t n_lints;           /* entries of every CA's lints[] */
  size_t findings_budget;   /* keys per CA before its findings set is
                               sampled: CTS_STATS_FINDINGS_BUDGET, lower
                               in tests; at least 1 */
  size_t findings_total;    /* CTS_STATS_FINDINGS_TOTAL, lower in tests */
  uint8_t findings_halvings; /* T = findings_budget >> this (at least 1) */
  uint64_t findings_load;   /* sum over CAs of min(finding_entries, T) */
  cts_ca_stats *cas;        /* open-addressing table of cap slots */
  size_t n_cas;
  size_t cap;
} cts_stats;

/* n_lints: the size of the lint table the results passed to
 * cts_stats_add_entry follow (0 when no lint runs). */
cts_status cts_stats_init(cts_stats *stats, size_t n_lints);
void cts_stats_free(cts_stats *stats);

/* Counts one entry whose certificate the sieve summarised, with the
 * status of every lint (n_lints of them, NULL when none ran). *out_ca
 * (may be NULL) gets the entry's CA. */
cts_status cts_stats_add_entry(cts_stats *stats, const cts_entry *entry,
                               const cts_summary *sum,
                               const cts_lint_status *lint_results,
                               int fully_parsed, const cts_ca_stats **out_ca);
/* The CA of an issuer DN (DER) and AKI keyIdentifier, created when new. */
cts_status cts_stats_ca(cts_stats *stats, const uint8_t *issuer_dn,
                        size_t issuer_dn_len, const uint8_t *aki,
                        size_t aki_len, cts_ca_stats **out);
/* Issuances of a CA: distinct serial numbers (HyperLogLog estimate). */
uint64_t cts_ca_unique_issuances(const cts_ca_stats *ca);
/* Counts lost unparseable entries at a location, with the reason. */
cts_status cts_stats_add_error(cts_stats *stats, const char *input,
                               uint64_t offset, uint64_t index, uint64_t lost,
                               const char *reason);
/* Puts errors[] in order: input, offset, index, entries lost, reason.
 * Which errors are kept never depends on the order they were met. */
void cts_stats_sort_errors(cts_stats *stats);
/* Adds everything in src to dst (src is left as it was). */
cts_status cts_stats_merge(cts_stats *dst, const cts_stats *src);
/* The same result, taking src's tables when dst holds nothing yet (src is
 * then left empty): a scan's first worker hands its statistics over
 * without a copy. */
cts_status cts_stats_absorb(cts_stats *dst, cts_stats *src);

/* For reading a findings set back (src/report/load.c): set the level,
 * offer the keys (their lint must have its cts_ca_lint, with entries[]
 * set), then compute the counts. lint_column as cts_finding_key has it. */
void cts_stats_findings_level(cts_ca_stats *ca, size_t n_lints, uint8_t level);
cts_status cts_stats_offer_finding(const cts_stats *stats, cts_ca_stats *ca,
                                   uint64_t key, uint32_t lint_column,
                                   uint32_t entries);
void cts_stats_finding_counts(cts_ca_stats *ca, size_t n_lints);
/* For reading a rare list back: adds a key (status column c, entries met)
 * to lint l's list, made on first use; l's entries[] must be set and be
 * at most CTS_STATS_RARE_ENTRIES (else CTS_ERR_FORMAT). */
cts_status cts_stats_rare_finding(cts_ca_lint *l, uint64_t key, int column,
                                  uint32_t entries);
/* After reading CAs back: each CA's finding_entries from its lints, then
 * the threshold the whole calls for, applied to every CA. */
void cts_stats_findings_settle(cts_stats *stats);
/* The keys per CA before it samples: T. */
size_t cts_stats_findings_threshold(const cts_stats *stats);
/* The key of lint i's finding on a certificate of this serial hash. */
uint64_t cts_stats_finding_key(uint64_t serial_hash, size_t lint);
/* Bytes the findings set holds. */
size_t cts_stats_findings_memory(const cts_ca_stats *ca);

/* The CAs in a stable order: entries descending, then id. The array is
 * malloc'd (free it); NULL with *out_n = 0 when there are none. */
const cts_ca_stats **cts_stats_sorted_cas(const cts_stats *stats,
                                          size_t *out_n);

/* "RSA-2048", "EC-P384", ... for a summary's key. */
void cts_key_label(const cts_summary *sum, char out[16]);

/* Population sketches (src/stats/population.c). */
void cts_pop_thresholds_default(cts_pop_thresholds *t);
cts_status cts_pop_new(cts_population **out);
void cts_pop_free(cts_population *pop);
/* Counts one certificate; serial_hash is the stats' hash of its serial. */
cts_status cts_pop_add(cts_population *pop, const cts_entry *entry,
                       const cts_summary *sum, uint64_t serial_hash);
/* Adds src to dst (src is left as it was). */
cts_status cts_pop_merge(cts_population *dst, const cts_population *src);
/* The count of serials with bit i set (flushed and pending). */
uint64_t cts_pop_serial_ones(const cts_population *pop, int i);
/* Bytes the sketches hold (the struct and its arrays). */
size_t cts_pop_memory(const cts_population *pop);
/* The conclusions; t may be NULL (defaults). entries: the CA's entries
 * (the denominator of rare profiles). Pointers into pop stay valid while
 * pop is not changed. */
cts_status cts_pop_result_get(const cts_population *pop, uint64_t entries,
                              const cts_pop_thresholds *t,
                              cts_pop_result *out);
/* For reading a sketch back (src/report/load.c): items are offered as a
 * scan would offer them, after the level is set. */
void cts_pop_set_levels(cts_population *pop, const uint8_t levels[4]);
cts_status cts_pop_offer_block(cts_population *pop, const cts_pop_block *b);
cts_status cts_pop_offer_serial(cts_population *pop, const cts_pop_serial *s);
cts_status cts_pop_offer_cert(cts_population *pop, const cts_pop_cert *c);
cts_status cts_pop_offer_profile(cts_population *pop,
                                 const cts_pop_profile *p);
/* The sampling hash of a block key (for load.c). */
uint64_t cts_pop_block_hash(const uint8_t key[CTS_POP_BLOCK_KEY]);

#endif
