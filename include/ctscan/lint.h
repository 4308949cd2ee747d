/* The lint framework (design.md "Lints").
 *
 * A lint is a row of a static table: metadata plus small functions. The
 * framework, not the lint, decides NA (the lint does not apply, or a
 * CABF_BR lint on a certificate outside the BRs' purview) and NE (the
 * certificate's notBefore is outside [effective, ineffective)), in zlint's
 * order: purview, applies, effective, run. Severity is capped by the name's
 * prefix (e_ error, w_ warn, n_ info).
 *
 * Summary lints decide from the sieve's summary (and may re-walk its spans
 * with the DER cursor, allocating nothing). Full lints also need OpenSSL's
 * parse; each declares a gate over the summary that is true whenever the
 * lint could report a finding, and only certificates whose gate is true are
 * fully parsed. The sieve contract: with gates, and with every certificate
 * fully parsed (--full), the findings are the same. */
#ifndef CTSCAN_LINT_H
#define CTSCAN_LINT_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/summary.h"

/* zlint's statuses, in zlint's order; strings as zlint prints them. */
typedef enum cts_lint_status {
  CTS_LINT_NA = 0,
  CTS_LINT_NE,
  CTS_LINT_PASS,
  CTS_LINT_INFO,
  CTS_LINT_WARN,
  CTS_LINT_ERROR,
  CTS_LINT_FATAL,
} cts_lint_status;

/* A finding is a status a user must look at. */
#define CTS_LINT_IS_FINDING(s) ((s) >= CTS_LINT_INFO)

typedef enum cts_lint_source {
  CTS_SRC_CABF_BR = 0,
  CTS_SRC_CABF_EV,
  CTS_SRC_RFC5280,
  CTS_SRC_RFC5480,
  CTS_SRC_RFC5891,
  CTS_SRC_RFC6962,
  CTS_SRC_RFC8813,
  CTS_SRC_RFC3279,
  CTS_SRC_MOZILLA,
  CTS_SRC_APPLE,
  CTS_SRC_COMMUNITY,
  CTS_SRC_CTSCAN,
} cts_lint_source;

/* What every lint may ask of a certificate, decided once per certificate
 * by the framework (src/lints/facts.c) with zlint's util semantics. */
typedef struct cts_cert_facts {
  uint8_t is_ca;          /* basicConstraints present and cA TRUE */
  uint8_t bc_present;
  uint8_t bc_critical;
  int32_t bc_path_len;    /* -1 when absent */
  uint8_t subject_is_issuer; /* subject and issuer DER byte-equal */
  uint8_t self_signed;    /* subject_is_issuer and the signature verifies
                             with the certificate's own key (full parse
                             decides; the fast path escalates) */
  uint8_t is_subscriber;  /* !is_ca && !self_signed */
  uint8_t is_root;        /* is_ca && self_signed */
  uint8_t is_sub_ca;      /* is_ca && !self_signed */
  uint8_t is_server_auth; /* zlint util.IsServerAuthCert: no EKU at all,
                             or serverAuth or anyExtendedKeyUsage among
                             them, or a CA/B Forum reserved policy OID */
  uint8_t eku_present;
  uint16_t ku_bits;       /* KeyUsage bits, bit 0 = digitalSignature */
  uint8_t ku_present;
  uint32_t eku;           /* CTS_EKU_* bits of the EKUs present */
  uint32_t policies;      /* CTS_POLICY_* bits */
  uint8_t policies_present;
  /* Added with zcrypto's parse in mind (see src/lints/facts.c): */
  uint8_t bc_valid;       /* a basicConstraints value parsed as Go does
                             (zcrypto's BasicConstraintsValid) */
  uint8_t bc_path_len_present; /* pathLenConstraint encoded */
  int64_t bc_path_len_raw;     /* its value, sign kept; -1 when absent */
  uint8_t ku_critical;    /* first keyUsage extension is critical */
  uint8_t eku_critical;   /* first extKeyUsage extension is critical */
  uint8_t eku_known;      /* count of EKUs zcrypto knows (ExtKeyUsage),
                             duplicates counted, saturating at 255 */
  uint8_t eku_unknown;    /* count of other EKUs (UnknownExtKeyUsage) */
} cts_cert_facts;

/* Extended key usages (RFC 5280 4.2.1.12) */
#define CTS_EKU_ANY (1u << 0)
#define CTS_EKU_SERVER_AUTH (1u << 1)
#define CTS_EKU_CLIENT_AUTH (1u << 2)
#define CTS_EKU_CODE_SIGNING (1u << 3)
#define CTS_EKU_EMAIL_PROTECTION (1u << 4)
#define CTS_EKU_TIME_STAMPING (1u << 5)
#define CTS_EKU_OCSP_SIGNING (1u << 6)
#define CTS_EKU_OTHER_KNOWN (1u << 7) /* another EKU zcrypto names */
#define CTS_EKU_UNKNOWN (1u << 8)     /* an EKU zcrypto does not name */

/* Certificate policies (BRs 7.1.6.1, EV Guidelines 9.3) */
#define CTS_POLICY_ANY (1u << 0)  /* 2.5.29.32.0 */
#define CTS_POLICY_DV (1u << 1)   /* 2.23.140.1.2.1 */
#define CTS_POLICY_OV (1u << 2)   /* 2.23.140.1.2.2 */
#define CTS_POLICY_IV (1u << 3)   /* 2.23.140.1.2.3 */
#define CTS_POLICY_EV (1u << 4)   /* 2.23.140.1.1 */

/* Per-certificate memo: what a group of lints derives from a certificate
 * (its parsed SANs, its subject's strings, public-suffix splits, ...) is
 * computed once, by the first lint that asks, and read by the others.
 * Each group owns one slot; `valid` is cleared for every certificate. */
enum {
  CTS_MEMO_NAMES = 0,
  CTS_MEMO_SUBJECT,
  CTS_MEMO_KEYS,
  CTS_MEMO_EXTENSIONS,
  CTS_MEMO_CA,
  CTS_MEMO_SLOTS
};
#define CTS_MEMO_SLOT_SIZE 16384

typedef struct cts_lint_memo {
  uint32_t valid; /* bit (1 << slot) once a slot is filled */
  _Alignas(16) unsigned char slot[CTS_MEMO_SLOTS][CTS_MEMO_SLOT_SIZE];
} cts_lint_memo;

/* What a lint sees. */
typedef struct cts_lint_cert {
  const cts_summary *sum;
  const struct x509_st *x509; /* OpenSSL's parse; NULL unless fully parsed */
  cts_cert_facts facts;
  cts_lint_memo *memo; /* writable even through a const cts_lint_cert */
} cts_lint_cert;

/* The memo slot of a group: returns its memory, and sets *out_fresh to 1
 * when the group has not filled it for this certificate yet (the caller
 * fills it then). The slot's type must fit CTS_MEMO_SLOT_SIZE. */
static inline void *cts_lint_memo_slot(const cts_lint_cert *cert, int slot,
                                       int *out_fresh) {
  cts_lint_memo *m = cert->memo;
  *out_fresh = !(m->valid & (1u << slot));
  m->valid |= 1u << slot;
  return m->slot[slot];
}

typedef int (*cts_lint_applies_fn)(const cts_lint_cert *cert);
typedef cts_lint_status (*cts_lint_run_fn)(const cts_lint_cert *cert);
typedef int (*cts_lint_gate_fn)(const cts_lint_cert *cert);

typedef struct cts_lint {
  const char *name;        /* zlint's name where zlint has the lint */
  const char *description;
  const char *citation;    /* "BRs: 7.1.2.3", "RFC 5280: 4.2.1.6" */
  cts_lint_source source;
  int64_t effective;       /* Unix seconds of notBefore from which it
                              applies; 0: always */
  int64_t ineffective;     /* first notBefore it no longer applies to;
                              0: never */
  cts_lint_applies_fn applies; /* NULL: applies to every certificate */
  cts_lint_run_fn run;
  /* NULL for a summary lint. For a full lint: true whenever the lint could
   * return a finding; applies and run then see cert->x509. */
  cts_lint_gate_fn gate;
} cts_lint;

/* Every lint, in a fixed order (sorted by name). */
const cts_lint *cts_lints(size_t *out_count);
const cts_lint *cts_lint_find(const char *name);
const char *cts_lint_status_str(cts_lint_status status);
const char *cts_lint_source_str(cts_lint_source source);

/* Computes cert->facts from the summary (and from cert->x509 when set). */
void cts_lint_facts(cts_lint_cert *cert);

/* True when any full lint's gate is true for cert, or a fact the summary
 * cannot decide (self_signed) matters: the certificate must be parsed by
 * OpenSSL before it is linted. */
int cts_lint_needs_full(const cts_lint_cert *cert);

/* Runs one lint with the framework's rules. For a full lint whose gate is
 * false and cert->x509 == NULL, returns CTS_LINT_PASS without running it
 * (the gate promises no finding). */
cts_lint_status cts_lint_run(const cts_lint *lint, const cts_lint_cert *cert);

/* A group of lints, one per file under src/lints/. */
typedef struct cts_lint_group {
  const cts_lint *lints;
  size_t count;
} cts_lint_group;

#endif
