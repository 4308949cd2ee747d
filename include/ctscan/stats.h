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

/* One lint's findings at one CA, counted once per issuance: a
 * precertificate and its final certificate (same CA, same serial) are one
 * issuance (RFC 6962 3.1). */
typedef struct cts_ca_lint {
  uint64_t counts[3];       /* CTS_STATS_INFO, _WARN, _ERROR */
  int64_t first_not_before; /* Unix seconds */
  int64_t last_not_before;
  uint32_t n_examples;
  cts_example examples[CTS_STATS_MAX_EXAMPLES];
} cts_ca_lint;
typedef struct cts_key_count {
  char label[16]; /* "RSA-2048", "EC-P256", "Ed25519", ... */
  uint64_t count;
} cts_key_count;

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
  cts_ca_lint **lints; /* n_lints pointers, NULL until a finding (owned) */
  uint8_t *issuances;  /* HyperLogLog of serial numbers (owned) */
  cts_u64map seen_findings; /* (serial, lint) pairs counted already */
  cts_u64map per_day;  /* day of notBefore -> a: entries, b: flagged */
  uint64_t validity[CTS_STATS_VALIDITY_BUCKETS];
  uint64_t serial_lengths[CTS_STATS_SERIAL_LENGTHS];
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

/* The CAs in a stable order: entries descending, then id. The array is
 * malloc'd (free it); NULL with *out_n = 0 when there are none. */
const cts_ca_stats **cts_stats_sorted_cas(const cts_stats *stats,
                                          size_t *out_n);

/* "RSA-2048", "EC-P384", ... for a summary's key. */
void cts_key_label(const cts_summary *sum, char out[16]);

#endif
