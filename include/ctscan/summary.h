/* The certificate summary the sieve extracts in one pass over the DER.
 *
 * A summary holds no copies: every cts_span is an offset and a length into
 * the certificate bytes it was extracted from (summary->der). It has fixed
 * capacity and is reused from certificate to certificate, so extracting it
 * allocates nothing. Where a certificate holds more items than an array
 * has room for, the count stops at the capacity and the *_truncated flag
 * says so. */
#ifndef CTSCAN_SUMMARY_H
#define CTSCAN_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/der.h"

typedef struct cts_span {
  uint32_t off;
  uint32_t len;
} cts_span;

typedef enum cts_key_type {
  CTS_KEY_UNKNOWN = 0,
  CTS_KEY_RSA,
  CTS_KEY_EC,
  CTS_KEY_ED25519,
  CTS_KEY_ED448,
  CTS_KEY_DSA,
} cts_key_type;

typedef enum cts_curve {
  CTS_CURVE_NONE = 0,
  CTS_CURVE_P256,
  CTS_CURVE_P384,
  CTS_CURVE_P521,
  CTS_CURVE_OTHER,
} cts_curve;

/* One AttributeTypeAndValue of a Name (RFC 5280 4.1.2.4). */
typedef struct cts_attr {
  cts_span oid;   /* AttributeType contents */
  cts_span value; /* value contents */
  uint32_t tag;   /* value tag (PrintableString, UTF8String, ...) */
  uint16_t rdn;   /* index of its RelativeDistinguishedName */
  uint16_t classes; /* CTS_BC_* byte classes of the value (simd/scan.h) */
} cts_attr;

/* One Extension (RFC 5280 4.1.2.9). */
typedef struct cts_ext {
  cts_span oid;     /* extnID contents */
  cts_span value;   /* extnValue OCTET STRING contents */
  uint8_t critical; /* 1 when critical is TRUE */
  uint8_t critical_encoded; /* 1 when the DEFAULT FALSE field was present */
} cts_ext;

/* GeneralName choices (RFC 5280 4.2.1.6): the context tag number. */
enum {
  CTS_GN_OTHER_NAME = 0,
  CTS_GN_RFC822 = 1,
  CTS_GN_DNS = 2,
  CTS_GN_X400 = 3,
  CTS_GN_DIRECTORY = 4,
  CTS_GN_EDI_PARTY = 5,
  CTS_GN_URI = 6,
  CTS_GN_IP = 7,
  CTS_GN_REGISTERED_ID = 8,
};

typedef struct cts_general_name {
  uint8_t type;     /* CTS_GN_* */
  uint16_t classes; /* CTS_BC_* byte classes of the value (simd/scan.h);
                       0 for [0], [3], [4], [5], [7], [8] */
  cts_span value;   /* contents (for [4] the Name inside the EXPLICIT tag) */
} cts_general_name;

#define CTS_SUMMARY_MAX_ATTRS 48
#define CTS_SUMMARY_MAX_EXTS 48
#define CTS_SUMMARY_MAX_SANS 1024

/* Summary flags. */
#define CTS_SUM_IS_TBS (1u << 0)          /* only a TBSCertificate was given */
#define CTS_SUM_HAS_EXTENSIONS (1u << 1)  /* [3] extensions present */
#define CTS_SUM_HAS_POISON (1u << 2)      /* RFC 6962 3.1 CT poison */
#define CTS_SUM_HAS_SCT_LIST (1u << 3)    /* RFC 6962 3.3 embedded SCTs */
#define CTS_SUM_HAS_SAN (1u << 4)
#define CTS_SUM_SANS_TRUNCATED (1u << 5)
#define CTS_SUM_ATTRS_TRUNCATED (1u << 6)
#define CTS_SUM_EXTS_TRUNCATED (1u << 7)
#define CTS_SUM_SAN_MALFORMED (1u << 8)   /* SAN extnValue does not parse */
#define CTS_SUM_AKI_MALFORMED (1u << 9)
#define CTS_SUM_BAD_NOT_BEFORE (1u << 10) /* time not per RFC 5280 4.1.2.5 */
#define CTS_SUM_BAD_NOT_AFTER (1u << 11)
#define CTS_SUM_KEY_MALFORMED (1u << 12)  /* SPKI key bits do not parse */
#define CTS_SUM_DUPLICATE_EXT (1u << 13)  /* an extnID appears twice */
#define CTS_SUM_HAS_ISSUER_UID (1u << 14)
#define CTS_SUM_HAS_SUBJECT_UID (1u << 15)
#define CTS_SUM_EMPTY_RDN (1u << 16)      /* a SET of no attributes */

typedef struct cts_summary {
  const uint8_t *der; /* the bytes every span points into */
  size_t der_len;
  uint32_t flags;     /* CTS_SUM_* */

  cts_span cert;      /* Certificate (or the TBS alone), whole element */
  cts_span tbs;       /* TBSCertificate, whole element */
  uint8_t version;    /* 0 = v1, 1 = v2, 2 = v3 (others recorded) */
  cts_span serial;    /* serialNumber INTEGER contents */
  cts_span tbs_sig_alg;   /* TBS signature AlgorithmIdentifier, whole */
  cts_span sig_alg_oid;   /* its algorithm OID contents */
  cts_span outer_sig_alg; /* Certificate signatureAlgorithm, whole (empty
                             for a TBS) */
  cts_span signature;     /* signatureValue contents (empty for a TBS) */
  cts_span issuer;        /* Name, whole element */
  cts_span subject;       /* Name, whole element */
  int64_t not_before;     /* Unix seconds (0 if CTS_SUM_BAD_NOT_BEFORE) */
  int64_t not_after;
  uint32_t not_before_tag; /* CTS_DER_UTC_TIME or _GENERALIZED_TIME */
  uint32_t not_after_tag;
  cts_span validity;       /* Validity, whole element */

  cts_span spki;           /* SubjectPublicKeyInfo, whole element */
  cts_span spki_alg;       /* its AlgorithmIdentifier, whole element */
  cts_span key_alg_oid;    /* algorithm OID contents */
  cts_span key_bits;       /* subjectPublicKey BIT STRING contents */
  uint8_t key_type;        /* cts_key_type */
  uint8_t curve;           /* cts_curve */
  uint16_t key_size;       /* RSA modulus bits; EC field size; 0 unknown */
  cts_span rsa_modulus;    /* INTEGER contents, as encoded */
  cts_span rsa_exponent;

  uint16_t n_subject_attrs;
  uint16_t n_exts;
  uint16_t n_sans;
  uint16_t n_subject_rdns;
  cts_attr subject_attrs[CTS_SUMMARY_MAX_ATTRS];
  cts_ext exts[CTS_SUMMARY_MAX_EXTS];
  cts_general_name sans[CTS_SUMMARY_MAX_SANS];

  int16_t ext_san;         /* index into exts[] of each known extension, */
  int16_t ext_aki;         /* -1 when absent */
  int16_t ext_ski;
  int16_t ext_bc;
  int16_t ext_ku;
  int16_t ext_eku;
  int16_t ext_policies;
  int16_t ext_cdp;
  int16_t ext_aia;
  cts_span aki_key_id;     /* AKI keyIdentifier contents (RFC 5280 4.2.1.1) */
  cts_span ski;            /* SKI OCTET STRING contents (4.2.1.2) */
} cts_summary;

/* A span's bytes as a cursor. */
static inline cts_der cts_summary_der(const cts_summary *sum, cts_span span) {
  cts_der d;
  d.data = sum->der + span.off;
  d.len = span.len;
  return d;
}

#endif
