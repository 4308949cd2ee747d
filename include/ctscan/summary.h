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
  uint32_t features; /* CTS_ATTR_* (subject commonName only; else 0) */
} cts_attr;

/* Feature bits of a subject commonName (cts_attr.features), for BR
 * 7.1.4.3 ("If present, this attribute MUST contain exactly one entry
 * that is one of the values contained in the Certificate's
 * subjectAltName extension"). Values are compared as encoded, so a
 * BMPString or UniversalString CN never matches a dNSName. */
#define CTS_ATTR_CN (1u << 0)          /* the attribute is a commonName */
#define CTS_ATTR_CN_DNS_FOLD (1u << 1) /* equals a dNSName, ASCII case
                                          folded (RFC 4343) */
#define CTS_ATTR_CN_DNS_EXACT (1u << 2) /* equals a dNSName byte for byte */
#define CTS_ATTR_CN_IP (1u << 3)       /* is IPv4 dotted-quad or IPv6 text
                                          (RFC 4291 2.2) ... */
#define CTS_ATTR_CN_IP_SAN (1u << 4)   /* ... equal to an iPAddress SAN */

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
  uint8_t labels;   /* dNSName: fields between dots, dots + 1 (so
                       "a.example." has 3, the last one empty); 255 means
                       255 or more; 0 for an empty name and other types */
  uint16_t classes; /* CTS_BC_* byte classes of the value (simd/scan.h);
                       0 for [0], [3], [4], [5], [7], [8]. Space, '@', ':'
                       or '/', NUL, control and high bytes are read here. */
  cts_span value;   /* contents (for [4] the Name inside the EXPLICIT tag) */
  uint32_t features; /* CTS_DNS_* for [2], CTS_IP_* for [7], else 0 */
} cts_general_name;

/* dNSName feature bits (cts_general_name.features), RFC 1034 3.1/3.5,
 * RFC 1035 2.3.4, RFC 5280 4.2.1.6, BRs 7.1.2.7.12 / 7.1.4.2. A "label"
 * is a field between dots. */
#define CTS_DNS_EMPTY (1u << 0)          /* zero-length name */
#define CTS_DNS_EMPTY_LABEL (1u << 1)    /* a zero-length label: leading or
                                            trailing dot, or ".." */
#define CTS_DNS_LEADING_DOT (1u << 2)
#define CTS_DNS_TRAILING_DOT (1u << 3)
#define CTS_DNS_LABEL_TOO_LONG (1u << 4) /* a label over 63 octets */
#define CTS_DNS_NAME_TOO_LONG (1u << 5)  /* over 253 octets, one trailing
                                            dot not counted (255 in wire
                                            form) */
#define CTS_DNS_UNDERSCORE_FIRST (1u << 6) /* '_' in the leftmost label */
#define CTS_DNS_UNDERSCORE_OTHER (1u << 7) /* '_' in any other label */
#define CTS_DNS_WILDCARD (1u << 8)       /* a '*' anywhere */
#define CTS_DNS_WILDCARD_LEFT (1u << 9)  /* the leftmost label is "*" */
#define CTS_DNS_WILDCARD_PARTIAL (1u << 10) /* the leftmost label holds '*'
                                               and more ("f*o", "**") */
#define CTS_DNS_WILDCARD_NOT_LEFT (1u << 11) /* '*' in another label */
#define CTS_DNS_XN_LABEL (1u << 12)      /* a label starts "xn--" in any
                                            case (RFC 5890 2.3.2.1 A-label
                                            prefix) */
#define CTS_DNS_RLDH_LABEL (1u << 13)    /* a label has "--" as its 3rd and
                                            4th octets (RFC 5890 2.3.1
                                            R-LDH, "xn--" included) */
#define CTS_DNS_UPPER (1u << 14)         /* an upper-case letter A-Z */
#define CTS_DNS_HYPHEN_EDGE (1u << 15)   /* a label starts or ends with '-'
                                            (RFC 1034 3.5) */
#define CTS_DNS_BAD_BYTE (1u << 16)      /* an octet other than letter,
                                            digit, '-', '.', '_', '*' */
#define CTS_DNS_NUMERIC_LAST (1u << 17)  /* the last non-empty label is all
                                            digits (no TLD is) */
#define CTS_DNS_IPV4_FORM (1u << 18)     /* the whole name is a dotted-quad
                                            IPv4 address (d.d.d.d, each
                                            field 0-255) */

/* iPAddress feature bits (cts_general_name.features), RFC 5280 4.2.1.6:
 * "four octets" for IPv4, "16 octets" for IPv6. The ranges are those of
 * the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and
 * its updates) and the IANA address-space registries, as zlint's
 * util.IsIANAReserved lists them; an IPv4-mapped IPv6 address
 * (::ffff:0:0/96, RFC 4291 2.5.5.2) is judged as its IPv4 address. */
#define CTS_IP_V4 (1u << 20)             /* 4 octets */
#define CTS_IP_V6 (1u << 21)             /* 16 octets */
#define CTS_IP_BAD_LENGTH (1u << 22)     /* neither */
#define CTS_IP_RESERVED (1u << 23)       /* IANA special-purpose or
                                            reserved (zlint's list); set
                                            for a bad length too */
#define CTS_IP_PRIVATE (1u << 24)        /* RFC 1918, RFC 4193 fc00::/7 */
#define CTS_IP_LOOPBACK (1u << 25)       /* 127/8, ::1 */
#define CTS_IP_LINK_LOCAL (1u << 26)     /* 169.254/16, fe80::/10 */
#define CTS_IP_DOCUMENTATION (1u << 27)  /* RFC 5737, RFC 3849 */
#define CTS_IP_MULTICAST (1u << 28)      /* 224/4, ff00::/8 */
#define CTS_IP_UNSPECIFIED (1u << 29)    /* 0.0.0.0, :: */
#define CTS_IP_V4_MAPPED (1u << 30)      /* ::ffff:a.b.c.d */

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
#define CTS_SUM_SAN_SKIPPED (1u << 17)    /* a constructed rfc822Name, dNSName,
                                             URI, iPAddress or registeredID
                                             was left out of sans[] */

/* Whole-certificate feature bits (cts_summary.features), computed once by
 * the sieve for lints and full-parse gates. */
#define CTS_FEAT_SERIAL_NEGATIVE (1u << 0) /* RFC 5280 4.1.2.2: "MUST be a
                                              positive integer" */
#define CTS_FEAT_SERIAL_ZERO (1u << 1)
#define CTS_FEAT_SERIAL_NOT_MINIMAL (1u << 2) /* X.690 8.3.2: redundant
                                                 leading 0x00 or 0xff */
#define CTS_FEAT_SERIAL_OVER_20 (1u << 3) /* RFC 5280 4.1.2.2: over 20
                                             octets of magnitude (as zlint
                                             counts them) */
#define CTS_FEAT_VALIDITY_UNKNOWN (1u << 4) /* a time did not parse */
#define CTS_FEAT_VALIDITY_NEGATIVE (1u << 5) /* notAfter before notBefore */
#define CTS_FEAT_HAS_CN (1u << 6)          /* a subject commonName */
#define CTS_FEAT_MULTIPLE_CN (1u << 7)     /* more than one */
#define CTS_FEAT_CN_NOT_IN_SAN (1u << 8)   /* a CN equal to no dNSName
                                              (case folded) and to no
                                              iPAddress */
#define CTS_FEAT_CN_NOT_EXACT (1u << 9)    /* a CN equal to no dNSName byte
                                              for byte and to no
                                              iPAddress */

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

  /* Features (computed once; see the CTS_FEAT_, CTS_DNS_, CTS_IP_ and
   * CTS_ATTR_ bits). */
  uint32_t features;       /* CTS_FEAT_* */
  uint32_t san_features;   /* OR of sans[].features */
  uint16_t san_classes;    /* OR of sans[].classes */
  uint16_t n_san_dns;      /* dNSNames among sans[] */
  uint16_t n_san_ip;       /* iPAddresses among sans[] */
  uint16_t serial_bits;    /* bits of the serial's magnitude (0 for 0) */
  uint8_t serial_octets;   /* octets of the magnitude, as Go's
                              big.Int.Bytes() counts them (255: more) */
  int64_t validity_secs;   /* notAfter - notBefore + 1 (RFC 5280 4.1.2.5:
                              both ends inclusive); 0 when unknown */
  int32_t validity_days;   /* validity_secs / 86400 rounded up, so "at
                              most N days" is validity_days <= N */

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
