/* The "names" group's per-certificate analysis (the CTS_MEMO_NAMES slot
 * of include/ctscan/lint.h): the commonName and every SAN dNSName read
 * once, each predicate the lints ask of a name decided once per name, and
 * the answers ORed over the names. A lint then reads a bit instead of
 * walking the names again (design: one pass over the names per
 * certificate, not one per lint).
 *
 * The analysis comes in tiers computed on first use, so a certificate no
 * lint of a tier applies to never pays for it (public-suffix splits, TLD
 * lookups and Punycode decoding cost far more than a byte pass). */
#ifndef CTSCAN_LINTS_NAMES_MEMO_H
#define CTSCAN_LINTS_NAMES_MEMO_H

#include <stdint.h>

#include "ctscan/lint.h"
#include "names_util.h"

/* Facts of one name (a dNSName, or the commonName read as one). Each bit
 * is exactly one predicate of names.c on the name's bytes. */
#define CTS_NF_EMPTY_LABEL (1u << 0)    /* a label is empty */
#define CTS_NF_LABEL_TOO_LONG (1u << 1) /* a label over 63 octets */
#define CTS_NF_BAD_CHARS (1u << 2)      /* BRs 7.1.4.2 label syntax fails */
#define CTS_NF_RESERVED (1u << 3)       /* an R-LDH label, not "xn--" */
#define CTS_NF_LEFT_WC_BAD (1u << 4)    /* left label holds '*' and more */
#define CTS_NF_WC_NOT_LEFT (1u << 5)    /* '*' right of the first dot */
#define CTS_NF_REDACTED (1u << 6)       /* "?." after an optional "*." */
#define CTS_NF_ENDS_STAR (1u << 7)
#define CTS_NF_NUL (1u << 8)
#define CTS_NF_STARTS_DOT (1u << 9)
#define CTS_NF_STAR_NOT_FIRST (1u << 10)
#define CTS_NF_IS_SPACE (1u << 11)      /* the name " " */
#define CTS_NF_TOO_LONG (1u << 12)      /* over 253 octets */
#define CTS_NF_UNDERSCORE (1u << 13)
#define CTS_NF_US_INVALID (1u << 14)    /* '_' -> '-' gives no LDH label */
#define CTS_NF_ARPA (1u << 15)          /* in in-addr.arpa or ip6.arpa */
#define CTS_NF_ONION (1u << 16)         /* ends in ".onion" */
#define CTS_NF_ONION_V2 (1u << 17)      /* a v2 onion address */
#define CTS_NF_NO_DOT (1u << 18)        /* one label (may be a bare TLD) */
#define CTS_NF_XN (1u << 19)            /* a label starts "xn--" */

/* Tiers of the analysis. */
#define CTS_NM_BASIC (1u << 0) /* names, facts, SAN types, IAN */
#define CTS_NM_PARTS (1u << 1) /* public-suffix splits */
#define CTS_NM_TLD (1u << 2)   /* TLD validity and bare TLDs */
#define CTS_NM_IDN (1u << 3)   /* A-labels decoded (names.c fills it) */
#define CTS_NM_SAN_WALK (1u << 4) /* the first SAN extension walked
                                     (names_alt.c fills it) */

/* The split lints (zlint's *_in_sld / *_in_trd / wildcard left of a public
 * suffix): the status of the first name that does not pass. */
enum {
  CTS_NP_US_SLD = 0, /* '_' in the registrable label */
  CTS_NP_US_TRD,     /* '_' left of it */
  CTS_NP_HY_SLD,     /* '-' at an edge of the registrable label */
  CTS_NP_STAR_SLD,   /* the registrable label is "*" */
  CTS_NP_COUNT
};

typedef struct cts_names_memo {
  uint32_t tiers;        /* CTS_NM_* computed for this certificate */
  /* BASIC */
  cts_str cn;            /* Subject.CommonName (last string commonName) */
  uint8_t cn_present;    /* a string commonName exists (maybe empty) */
  uint8_t cn_count;      /* string commonNames, saturating at 255 */
  uint8_t cn_matched;    /* cn is not empty and equals a dNSName byte for
                            byte */
  uint8_t cn_dns;        /* cn is linted as a DNS name: not empty, no IP */
  uint8_t cn_is_ip;      /* cn parses as an IP address (cn_ip) */
  uint8_t any_dns;       /* a SAN dNSName (zcrypto's DNSNames) */
  uint8_t cn_in_dns;     /* cn_dns and cn equals a dNSName byte for byte */
  uint8_t has_ian;       /* an issuerAltName extension */
  uint8_t has_tor;       /* a TorServiceDescriptor extension */
  uint16_t san_types;    /* bit (1 << tag number) per SAN name present */
  uint16_t cn_classes;   /* CTS_BC_* of cn */
  uint32_t cn_facts;     /* CTS_NF_* of cn, whatever it holds */
  uint32_t san_facts;    /* CTS_NF_* ORed over the dNSNames */
  uint8_t cn_ip[16];
  /* PARTS */
  uint8_t cn_part[CTS_NP_COUNT];  /* cn's status (PASS when !cn_dns) */
  uint8_t san_part[CTS_NP_COUNT]; /* first non-pass over the dNSNames */
  uint8_t bare_suffix;   /* a dNSName is a public suffix */
  /* TLD */
  uint8_t tld_invalid;   /* a name (cn_dns, dNSNames) has no valid TLD */
  uint8_t tld_known;     /* a name is a bare TLD */
  /* IDN */
  uint8_t idn_bad;       /* an A-label does not decode */
  uint8_t idn_nfc;       /* e_international_dns_name_not_nfc's status */
  /* SAN_WALK */
  uint8_t san_empty_name; /* e_ext_san_empty_name's status */
  uint8_t san_dns_not_ia5; /* e_ext_san_dns_not_ia5_string's status */
  cts_cn_buf cn_buf;     /* cn decoded from a BMPString */
} cts_names_memo;

/* Computes the tiers asked for that the memo lacks (BASIC always). */
cts_names_memo *cts_names_memo_fill(const cts_lint_cert *cert,
                                    uint32_t tiers);

/* The memo with at least the tiers asked for computed (BASIC always).
 * Writable so that names.c can fill the IDN tier. Inline: every lint of
 * the group asks, most often for what is already there. */
static inline cts_names_memo *cts_names_memo_get(const cts_lint_cert *cert,
                                                 uint32_t tiers) {
  cts_names_memo *m = (cts_names_memo *)(void *)cert->memo->slot[CTS_MEMO_NAMES];
  if ((cert->memo->valid & (1u << CTS_MEMO_NAMES)) &&
      (m->tiers & tiers) == tiers)
    return m;
  return cts_names_memo_fill(cert, tiers);
}

#endif
