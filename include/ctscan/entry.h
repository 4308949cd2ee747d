/* A CT log entry as the container stage hands it to the sieve.
 *
 * Every byte span borrows from the buffer of the unit being scanned; an
 * entry is valid only during the callback that receives it. */
#ifndef CTSCAN_ENTRY_H
#define CTSCAN_ENTRY_H

#include <stdint.h>

#include "ctscan/der.h"

typedef enum cts_entry_type {
  CTS_ENTRY_X509 = 0,    /* RFC 6962 3.1 LogEntryType x509_entry */
  CTS_ENTRY_PRECERT = 1, /* RFC 6962 3.1 LogEntryType precert_entry */
} cts_entry_type;

typedef struct cts_entry {
  uint64_t index;        /* log index (leaf_index extension, tile position,
                            or position in the input when index_known == 0) */
  int index_known;       /* 1 when index is the entry's index in its log */
  uint64_t timestamp_ms; /* TimestampedEntry.timestamp */
  cts_entry_type type;
  cts_der cert;     /* x509: the certificate; precert: empty */
  cts_der tbs;      /* precert: the TBSCertificate (poison removed, RFC 6962
                       3.2); x509: empty */
  cts_der pre_cert; /* precert: the pre_certificate when the entry carries
                       it (TileLeaf, get-entries extra_data), else empty */
  const uint8_t *issuer_key_hash; /* precert: SHA-256 of the issuer's SPKI
                                     (32 bytes); x509: NULL */
  cts_der chain; /* TileLeaf: n * 32-byte SHA-256 fingerprints;
                    get-entries: the u24-prefixed certificate_chain list;
                    empty when the entry carries none */
  int chain_is_fingerprints; /* 1 for TileLeaf chains, 0 for DER lists */
  const char *input; /* the file it came from */
  uint64_t offset;   /* its byte offset in that file's decompressed stream */
} cts_entry;

/* The certificate to lint (design.md "Input formats"): the x509
 * certificate, or for a precert the pre_certificate when present, else the
 * TBS. *out_is_tbs is set to 1 when only the TBSCertificate is available. */
static inline cts_der cts_entry_lint_target(const cts_entry *entry,
                                            int *out_is_tbs) {
  *out_is_tbs = 0;
  if (entry->cert.len > 0) return entry->cert;
  if (entry->pre_cert.len > 0) return entry->pre_cert;
  *out_is_tbs = 1;
  return entry->tbs;
}

#endif
