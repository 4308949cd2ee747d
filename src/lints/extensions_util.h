/* Helpers of the "extensions" lint group: walkers over the extension
 * values the sieve recorded (RFC 5280 4.2), read the way zcrypto's parser
 * reads them (zlint sees a certificate through zcrypto), plus the few
 * pieces of Go's standard library whose verdicts those lints depend on
 * (net/url's Parse, net's IP rules, Unicode NFC). Allocation-free: every
 * walker is a cursor over the certificate's own bytes. */
#ifndef CTSCAN_LINTS_EXTENSIONS_UTIL_H
#define CTSCAN_LINTS_EXTENSIONS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "extensions_oid.h"

/* Extension OIDs this group needs beyond ctscan/oid.h (RFC 5280 4.2,
 * RFC 6960 4.2.2.2.1). */
#define CTS_EXT_OID_SDA "\x55\x1d\x09"            /* 2.5.29.9 */
#define CTS_EXT_OID_POLICY_MAP "\x55\x1d\x21"     /* 2.5.29.33 */
#define CTS_EXT_OID_POLICY_CONST "\x55\x1d\x24"   /* 2.5.29.36 */
#define CTS_EXT_OID_FRESHEST_CRL "\x55\x1d\x2e"   /* 2.5.29.46 */
#define CTS_EXT_OID_INHIBIT_ANY "\x55\x1d\x36"    /* 2.5.29.54 */
#define CTS_EXT_OID_SIA "\x2b\x06\x01\x05\x05\x07\x01\x0b" /* 1.3.6.1.5.5.7.1.11 */
#define CTS_EXT_OID_OCSP_NOCHECK "\x2b\x06\x01\x05\x05\x07\x30\x01\x05"
/* Access methods (RFC 5280 4.2.2.1) and policy qualifiers (4.2.1.4) */
#define CTS_OID_AD_OCSP "\x2b\x06\x01\x05\x05\x07\x30\x01"       /* .48.1 */
#define CTS_OID_AD_CA_ISSUERS "\x2b\x06\x01\x05\x05\x07\x30\x02" /* .48.2 */
#define CTS_OID_QT_CPS "\x2b\x06\x01\x05\x05\x07\x02\x01"        /* .2.1 */
#define CTS_OID_QT_UNOTICE "\x2b\x06\x01\x05\x05\x07\x02\x02"    /* .2.2 */

#define CTS_EXT_OID_IS(d, X) cts_oid_is((d), (X), CTS_OID_LEN(X))

/* --- extensions ---------------------------------------------------------- */

static inline int cts_ext_oid_is(const cts_summary *sum, const cts_ext *ext,
                                 const char *oid, size_t oid_len) {
  /* The last arc's octet tells most extension OIDs apart. */
  return ext->oid.len == oid_len && oid_len > 0 &&
         sum->der[ext->oid.off + oid_len - 1] == (uint8_t)oid[oid_len - 1] &&
         memcmp(sum->der + ext->oid.off, oid, oid_len - 1) == 0;
}

/* zlint's util.GetExtFromCert: the extension with that OID (the entry of
 * zcrypto's ExtensionsMap, which the last of duplicates overwrites), or
 * NULL. Inline so that the OID compare is a constant-length memcmp: every
 * lint asks it of every certificate. */
static inline const cts_ext *cts_ext_get(const cts_summary *sum,
                                         const char *oid, size_t oid_len) {
  for (uint16_t i = sum->n_exts; i > 0; i--)
    if (cts_ext_oid_is(sum, &sum->exts[i - 1], oid, oid_len))
      return &sum->exts[i - 1];
  return NULL;
}
#define CTS_EXT_GET(sum, X) cts_ext_get((sum), (X), CTS_OID_LEN(X))

/* Every extension with that OID in order, as zcrypto's parse loop visits
 * them: start with *pos = 0; returns 0 after the last. */
static inline int cts_ext_next(const cts_summary *sum, const char *oid,
                               size_t oid_len, uint16_t *pos,
                               const cts_ext **out) {
  while (*pos < sum->n_exts) {
    const cts_ext *e = &sum->exts[(*pos)++];
    if (cts_ext_oid_is(sum, e, oid, oid_len)) {
      *out = e;
      return 1;
    }
  }
  return 0;
}

/* A Go encoding/asn1 Unmarshal into asn1.RawValue: one element whose
 * contents are returned, with nothing after it; 1 if it is a universal
 * constructed SEQUENCE (the check zlint makes before looking inside). */
int cts_ext_value_is_sequence(const cts_summary *sum, const cts_ext *ext,
                              cts_der *out_contents);

/* --- cRLDistributionPoints (RFC 5280 4.2.1.13) --------------------------- */

/* zcrypto's Certificate.CRLDistributionPoints: the uniformResourceIdentifier
 * [6] names of every fullName, of every cRLDistributionPoints extension. */
typedef struct cts_cdp_iter {
  const cts_summary *sum;
  uint16_t pos;   /* next extension to read */
  cts_der points; /* DistributionPoints left in the current extension */
  cts_der names;  /* GeneralNames left in the current fullName */
} cts_cdp_iter;

void cts_cdp_iter_init(cts_cdp_iter *it, const cts_summary *sum);
int cts_cdp_next_uri(cts_cdp_iter *it, cts_der *out_uri);

/* --- authorityInfoAccess (RFC 5280 4.2.2.1) ------------------------------- */

/* Each AccessDescription of every AIA extension, in order. loc_number is
 * the GeneralName's tag number (zcrypto compares only that). */
typedef struct cts_aia_iter {
  const cts_summary *sum;
  uint16_t pos;
  cts_der descs;
  int malformed; /* an AccessDescription did not parse */
} cts_aia_iter;

void cts_aia_iter_init(cts_aia_iter *it, const cts_summary *sum);
int cts_aia_next(cts_aia_iter *it, cts_der *out_method,
                 uint32_t *out_loc_number, cts_der *out_loc);

/* zcrypto's OCSPServer (method id-ad-ocsp) or IssuingCertificateURL
 * (id-ad-caIssuers): the URI [6] locations of that method. */
int cts_aia_next_url(cts_aia_iter *it, const char *method, size_t method_len,
                     cts_der *out_url);
#define CTS_AIA_NEXT_URL(it, M, out) \
  cts_aia_next_url((it), (M), CTS_OID_LEN(M), (out))

/* --- certificatePolicies (RFC 5280 4.2.1.4) -------------------------------- */

/* zcrypto replaces PolicyIdentifiers (and its qualifier tables) with each
 * certificatePolicies extension it parses: the last one counts. */
typedef struct cts_pol_iter {
  cts_der infos;
} cts_pol_iter;

/* Returns 0 when there is no certificatePolicies extension. */
int cts_pol_iter_init(cts_pol_iter *it, const cts_summary *sum);
/* PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
 *   policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo
 *   OPTIONAL } -- *out_quals: the qualifiers' contents, empty if absent. */
int cts_pol_next(cts_pol_iter *it, cts_der *out_oid, cts_der *out_quals);
/* PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OID,
 *   qualifier ANY } -- *out_qualifier is the whole qualifier element. */
int cts_qual_next(cts_der *quals, cts_der *out_id, cts_der *out_qualifier);

/* UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL,
 *                           explicitText DisplayText OPTIONAL } */
typedef struct cts_user_notice {
  int has_ref;       /* a NoticeReference SEQUENCE is present */
  int has_text;      /* explicitText present with non-empty contents */
  uint32_t text_number; /* its tag number (12 UTF8, 22 IA5, 26, 30 BMP) */
  cts_der text;
} cts_user_notice;

int cts_user_notice_parse(const cts_der *qualifier, cts_user_notice *out);

/* --- nameConstraints (RFC 5280 4.2.1.10) ----------------------------------- */

typedef struct cts_nc_subtree {
  int excluded;         /* from excludedSubtrees */
  uint32_t base_number; /* GeneralName tag number, CTS_GN_* */
  cts_der base;         /* its contents */
  int min_nonzero;      /* minimum present and not 0 */
  int max_nonzero;      /* maximum present and not 0 (Go reads an absent
                           maximum as 0, too) */
} cts_nc_subtree;

typedef struct cts_nc_iter {
  const cts_summary *sum;
  uint16_t pos;
  cts_der permitted, excluded;
} cts_nc_iter;

void cts_nc_iter_init(cts_nc_iter *it, const cts_summary *sum);
int cts_nc_next(cts_nc_iter *it, cts_nc_subtree *out);

/* zlint util.IntersectsIANAReserved of an iPAddress constraint (address
 * then mask, 8 or 32 octets). */
int cts_ip_net_intersects_reserved(const cts_der *net);

/* --- Go net/url ------------------------------------------------------------ */

/* What zlint reads of a url.URL. Scheme is lower-cased by Go; compare it
 * with cts_span_ieq. */
typedef struct cts_go_url {
  cts_der scheme; /* empty when none */
  cts_der host;   /* as written, before percent-decoding */
  int opaque;     /* scheme:rootless-path */
} cts_go_url;

/* net/url.Parse: 1 on success, 0 where Go returns an error. */
int cts_go_url_parse(const cts_der *raw, cts_go_url *out);
/* Case-insensitive (ASCII) comparison with a NUL-terminated string. */
int cts_span_ieq(const cts_der *s, const char *lit);
/* Prefix tests, byte-exact and ASCII case-insensitive. */
int cts_span_has_prefix(const cts_der *s, const char *lit);
int cts_span_has_iprefix(const cts_der *s, const char *lit);
/* url.URL.Hostname(): the host without port and brackets. */
cts_der cts_go_url_hostname(const cts_der *host);
/* net.ParseIP(s) != nil */
int cts_go_parse_ip(const cts_der *s);
/* zlint util.HasValidTLD(domain, now): the rightmost label is a delegated
 * top-level domain. */
int cts_has_valid_tld(const cts_der *domain);
/* zlint util.IsFQDN (zcrypto's govalidator-derived IsURL, after removing a
 * leading "*." and "?." labels). */
int cts_is_fqdn(const cts_der *domain);

/* --- the group's per-certificate memo --------------------------------------- */

/* Most lints of this group ask small questions of the same few walks
 * (every AIA AccessDescription, every CDP URI, every policy and its
 * qualifiers, every name-constraint subtree), and many ask whether an
 * extension the sieve does not index is present. Each walk runs once per
 * certificate, on first use, into the group's memo slot; the lints read
 * its answers. Every answer is the one the former per-lint walk gave: a
 * lint that returned at the first offending item now reads "some item
 * offends", which is the same verdict because each such lint has one
 * non-PASS status. */

/* Parts of cts_ext_memo, filled on demand (cts_ext_memo.have). */
#define CTS_EXT_M_LOOKUP (1u << 0)  /* idx[] */
#define CTS_EXT_M_AIA (1u << 1)     /* aia, aia_url[], n_aia_urls[] */
#define CTS_EXT_M_AIA_URL (1u << 2) /* aia's URL bits, aia_internal[] */
#define CTS_EXT_M_CDP (1u << 3)
#define CTS_EXT_M_POL (1u << 4)
#define CTS_EXT_M_NC (1u << 5)

/* idx[]: the extensions the sieve does not index, as zlint's
 * util.GetExtFromCert finds them (the last of duplicates); -1 if absent.
 * CTS_XI_SCT_FIRST is the first SCT list (zlint reads that one). */
enum {
  CTS_XI_NC = 0,
  CTS_XI_POLICY_MAP,
  CTS_XI_POLICY_CONST,
  CTS_XI_INHIBIT_ANY,
  CTS_XI_SDA,
  CTS_XI_SIA,
  CTS_XI_FRESHEST_CRL,
  CTS_XI_OCSP_NOCHECK,
  CTS_XI_SCT_FIRST,
  CTS_XI_COUNT
};

/* Access methods, as indexes of the per-method arrays. */
enum { CTS_AIA_M_OCSP = 0, CTS_AIA_M_ISSUERS = 1 };

/* aia: over every AccessDescription of every AIA extension. */
#define CTS_AIA_OCSP (1u << 0)        /* an id-ad-ocsp URI location */
#define CTS_AIA_OCSP_HTTP (1u << 1)   /* ... beginning "http://" */
#define CTS_AIA_ISSUERS (1u << 2)     /* an id-ad-caIssuers URI location */
#define CTS_AIA_ISSUERS_HTTP (1u << 3) /* ... beginning "http://" */
#define CTS_AIA_ISSUERS_HTTP_LDAP (1u << 4) /* ... "http://" or "ldap://",
                                               any case */
#define CTS_AIA_BAD_DESC (1u << 5)    /* a location not a URI, or a method
                                         other than those two */
#define CTS_AIA_MALFORMED (1u << 6)   /* an AccessDescription did not parse */
#define CTS_AIA_DUPLICATE (1u << 7)   /* a location repeated (any case)
                                         within one method */
/* ... and, with CTS_EXT_M_AIA_URL: a URL of the method that net/url
 * rejects or whose scheme is not "http". */
#define CTS_AIA_OCSP_BAD_SCHEME (1u << 8)
#define CTS_AIA_ISSUERS_BAD_SCHEME (1u << 9)

/* Locations compared for duplicates per method (a bound on the work a
 * hostile extension can cause); they are also kept for the URL pass. */
#define CTS_AIA_MAX_URLS 64

/* cdp: over every URI fullName of every CDP extension. */
#define CTS_CDP_URI (1u << 0)       /* there is one */
#define CTS_CDP_HTTP (1u << 1)      /* one begins "http://" */
#define CTS_CDP_HTTP_LDAP_I (1u << 2) /* one begins "http://" or "ldap://",
                                         any case */
#define CTS_CDP_NOT_HTTP (1u << 3)  /* one does not begin "http:" */

/* pol: over the policies zcrypto keeps (the last certificatePolicies
 * extension); pol_oid[] holds the first CTS_POL_MAX_OIDS identifiers. */
#define CTS_POL_MAX_OIDS 64
#define CTS_POL_DUPLICATE (1u << 0) /* among pol_oid[] */
#define CTS_POL_ANY (1u << 1)       /* anyPolicy among pol_oid[] */
#define CTS_POL_RESERVED (1u << 2)  /* a CA/B Forum reserved policy there */
#define CTS_POL_QUAL_NOT_CPS (1u << 3) /* a qualifier other than id-qt-cps */
#define CTS_POL_CPS_BAD (1u << 4)   /* a CPS URI not http(s) or unparsable */
/* user notices: */
#define CTS_POL_TEXT (1u << 5)      /* an explicitText */
#define CTS_POL_TEXT_IA5 (1u << 6)
#define CTS_POL_TEXT_LONG (1u << 7) /* over 200 octets as UTF-8 */
#define CTS_POL_TEXT_CONTROL (1u << 8) /* a UTF8String with a control */
#define CTS_POL_TEXT_NOT_NFC (1u << 9)
#define CTS_POL_TEXT_NOT_UTF8 (1u << 10)
#define CTS_POL_NOTICE_REF (1u << 11)

/* nc: over every subtree of every nameConstraints extension. */
#define CTS_NC_MAX (1u << 0)        /* a maximum zlint checks, not 0 */
#define CTS_NC_MIN (1u << 1)        /* a minimum zlint checks, not 0 */
#define CTS_NC_X400 (1u << 2)       /* a base of that form */
#define CTS_NC_EDI (1u << 3)
#define CTS_NC_REGISTERED_ID (1u << 4)
#define CTS_NC_NOT_FQDN (1u << 5)   /* a URI base that is no FQDN */
#define CTS_NC_RESERVED_IP (1u << 6) /* a permitted iPAddress range meeting
                                        an IANA reserved network */

typedef struct cts_ext_memo {
  uint32_t have; /* CTS_EXT_M_* filled for this certificate */
  int16_t idx[CTS_XI_COUNT];
  uint32_t aia, cdp, pol, nc;
  uint8_t aia_internal[2]; /* per method: w_sub_cert_aia_contains_internal_
                              names' status for its URLs */
  uint32_t n_aia_urls[2];  /* URI locations per method (all of them) */
  uint16_t n_pol_oids;
  cts_der aia_url[2][CTS_AIA_MAX_URLS]; /* the first ones per method */
  cts_der pol_oid[CTS_POL_MAX_OIDS];
} cts_ext_memo;

_Static_assert(sizeof(cts_ext_memo) <= CTS_MEMO_SLOT_SIZE,
               "the extensions memo fits its slot");

const cts_ext_memo *cts_ext_memo_fill(const cts_lint_cert *cert,
                                      uint32_t need);

/* The memo with the parts in need filled. Inline: most calls find them
 * filled already. */
static inline const cts_ext_memo *cts_ext_memo_get(const cts_lint_cert *cert,
                                                   uint32_t need) {
  const cts_lint_memo *lm = cert->memo;
  const cts_ext_memo *m =
      (const cts_ext_memo *)(const void *)lm->slot[CTS_MEMO_EXTENSIONS];
  if ((lm->valid & (1u << CTS_MEMO_EXTENSIONS)) && (m->have & need) == need)
    return m;
  return cts_ext_memo_fill(cert, need);
}

/* The extension idx[which] names, or NULL. */
static inline const cts_ext *cts_ext_memo_ext(const cts_lint_cert *cert,
                                              int which) {
  int16_t i = cts_ext_memo_get(cert, CTS_EXT_M_LOOKUP)->idx[which];
  return i >= 0 ? &cert->sum->exts[i] : NULL;
}

/* --- text ----------------------------------------------------------------- */

/* golang.org/x/text norm.NFC.IsNormal of the bytes read as UTF-8. */
int cts_utf8_is_nfc(const cts_der *text);
/* len() of zlint util.ParseBMPString's result (UTF-8 bytes; 0 on error). */
size_t cts_bmp_utf8_len(const cts_der *text);

#endif
