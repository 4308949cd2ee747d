/* Lint group "extensions": authority information access, CRL distribution
 * points, certificate policies, authority and subject key identifiers,
 * name constraints, policy mappings/constraints, the CT extensions and
 * OCSP responder certificates (RFC 5280 4.2, RFC 6962 3, BRs 7.1.2).
 * See include/ctscan/lint.h for the framework and extensions_util.h for
 * the walkers.
 *
 * zlint sees a certificate through zcrypto's parse; every lint below reads
 * the extension the way zlint's code does, and says which of zcrypto's
 * fields it stands for:
 *  - util.IsExtInCert / GetExtFromCert: the extension with that OID (the
 *    last of duplicates, as zcrypto's ExtensionsMap keeps it);
 *  - CRLDistributionPoints: the URI fullNames of every CDP extension;
 *  - OCSPServer / IssuingCertificateURL: the URI locations of every AIA
 *    extension, by access method;
 *  - PolicyIdentifiers, QualifierId, ExplicitTexts, CPSuri: the last
 *    certificatePolicies extension. */
#include <string.h>

#include "ctscan/lint.h"
#include "extensions_util.h"
#include "lints_internal.h"

/* The extensions the sieve does not index, from the group's memo (found
 * in one pass per certificate, the last of duplicates as GetExtFromCert):
 * XI is a CTS_XI_* name. CRITICAL only where the lint's applies saw it. */
#define HAS(cert, XI) (cts_ext_memo_ext((cert), (XI)) != NULL)
#define CRITICAL(cert, XI) (cts_ext_memo_ext((cert), (XI))->critical)
/* The extensions the sieve indexes (the last of duplicates, as
 * GetExtFromCert); only used where the lint's applies saw it present. */
#define KNOWN(sum, field) (&(sum)->exts[(sum)->field])

/* zlint util/time.go */
#define RFC2459_DATE CTS_DATE(1999, 1, 1)
#define RFC3280_DATE CTS_DATE(2002, 4, 1)
#define RFC5280_DATE CTS_DATE(2008, 5, 1)
#define RFC6818_DATE CTS_DATE(2013, 1, 1)
#define RFC6962_DATE CTS_DATE(2013, 6, 1)
#define CAB_EFFECTIVE_DATE CTS_DATE(2012, 7, 1)
#define CAB_V102_DATE CTS_DATE(2012, 6, 8)
#define CABF_BRS_1_7_1_DATE CTS_DATE(2020, 8, 20)
#define CABF_BRS_2_0_0_DATE CTS_DATE(2023, 9, 15) /* = SC62EffectiveDate */
#define MOZILLA_POLICY_22_DATE CTS_DATE(2013, 7, 26)
#define APPLE_CT_POLICY_DATE CTS_DATE(2018, 10, 15)
#define NO_RESERVED_IP_DATE CTS_DATE(2015, 11, 1)

/* --- applies ------------------------------------------------------------- */

static int applies_non_root_ca(const cts_lint_cert *cert) {
  return cert->facts.is_ca && !cert->facts.is_root;
}

static int applies_root(const cts_lint_cert *cert) {
  return cert->facts.is_root;
}

static int applies_sub_ca(const cts_lint_cert *cert) {
  return cert->facts.is_sub_ca;
}

static int applies_aki(const cts_lint_cert *cert) {
  return (cert->sum->ext_aki >= 0);
}

static int applies_ski(const cts_lint_cert *cert) {
  return (cert->sum->ext_ski >= 0);
}

static int applies_cdp(const cts_lint_cert *cert) {
  return (cert->sum->ext_cdp >= 0);
}

static int applies_aia(const cts_lint_cert *cert) {
  return (cert->sum->ext_aia >= 0);
}

static int applies_policies(const cts_lint_cert *cert) {
  return (cert->sum->ext_policies >= 0);
}

static int applies_nc(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_NC);
}

static int applies_policy_map(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_POLICY_MAP);
}

static int applies_policy_const(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_POLICY_CONST);
}

static int applies_sub_ca_aia(const cts_lint_cert *cert) {
  return cert->facts.is_sub_ca && applies_aia(cert);
}

static int applies_sub_ca_cdp(const cts_lint_cert *cert) {
  return cert->facts.is_sub_ca && applies_cdp(cert);
}

static int applies_sub_ca_policies(const cts_lint_cert *cert) {
  return cert->facts.is_sub_ca && applies_policies(cert);
}

static int applies_sub_ca_nc(const cts_lint_cert *cert) {
  return cert->facts.is_sub_ca && applies_nc(cert);
}

static int applies_subscriber_aia(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && applies_aia(cert);
}

/* --- authority key identifier (RFC 5280 4.2.1.1) -------------------------- */

/* AuthorityKeyIdentifier ::= SEQUENCE {
 *   keyIdentifier             [0] KeyIdentifier OPTIONAL,
 *   authorityCertIssuer       [1] GeneralNames OPTIONAL,
 *   authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }
 * zcrypto keeps the keyIdentifier of the last AKI extension it parses
 * (AuthorityKeyId, non-nil when [0] is present, even empty). */
static int aki_has_key_id(const cts_summary *sum) {
  cts_der seq, id;
  int present;
  if (sum->ext_aki < 0 ||
      !cts_ext_value_is_sequence(sum, KNOWN(sum, ext_aki), &seq))
    return 0;
  return cts_optional(
             &seq, &id, &present, CTS_DER_CONTEXT_SPECIFIC | 0) &&
         present;
}

/* RFC 5280 4.2.1.1: keyIdentifier MUST be included in all certificates a
 * conforming CA generates; a self-signed CA certificate may omit it. */
static cts_lint_status run_aki_no_key_id(const cts_lint_cert *cert) {
  if (aki_has_key_id(cert->sum) || (cert->facts.is_ca && cert->facts.self_signed))
    return CTS_LINT_PASS;
  return CTS_LINT_ERROR;
}

/* RFC 5280 4.2.1.1: conforming CAs MUST mark this extension non-critical. */
static cts_lint_status run_aki_critical(const cts_lint_cert *cert) {
  return cts_error_if(KNOWN(cert->sum, ext_aki)->critical);
}

/* One optional implicitly tagged field [n], primitive or constructed, whose
 * contents are reported (Go's RawValue with tag:n). */
static int optional_ctx(cts_der *seq, unsigned n, cts_der *out, int *present) {
  if (cts_peek_low_tag(seq, CTS_DER_CONTEXT_SPECIFIC | n))
    return (*present = 1, cts_der_get_element(seq, out,
                                              CTS_DER_CONTEXT_SPECIFIC | n));
  if (cts_peek_low_tag(seq, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | n))
    return (*present = 1,
            cts_der_get_element(seq, out,
                                CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | n));
  *present = 0;
  out->len = 0;
  return 1;
}

/* Mozilla Root Store Policy 5.2: an authority key identifier must not carry
 * both the key ID and the issuer's issuer name and serial number. */
static cts_lint_status run_mp_aki_correct(const cts_lint_cert *cert) {
  const cts_ext *e = KNOWN(cert->sum, ext_aki);
  cts_der v = cts_summary_der(cert->sum, e->value), seq, id, issuer, serial;
  int has_id, has_issuer, has_serial;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE) ||
      !optional_ctx(&seq, 0, &id, &has_id) ||
      !optional_ctx(&seq, 1, &issuer, &has_issuer) ||
      !optional_ctx(&seq, 2, &serial, &has_serial))
    return CTS_LINT_FATAL;
  return cts_error_if(id.len > 0 && issuer.len > 0);
}

/* --- subject key identifier (RFC 5280 4.2.1.2) ---------------------------- */

/* Conforming CAs MUST mark this extension non-critical. */
static cts_lint_status run_ski_critical(const cts_lint_cert *cert) {
  return cts_error_if(KNOWN(cert->sum, ext_ski)->critical);
}

/* It MUST appear in all conforming CA certificates. */
static cts_lint_status run_ski_missing_ca(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->sum->ext_ski >= 0));
}

/* It SHOULD be included in all end entity certificates. */
static cts_lint_status run_ski_missing_sub(const cts_lint_cert *cert) {
  return cts_warn_if(!(cert->sum->ext_ski >= 0));
}

/* BRs 7.1.2.7.6 (SC62): NOT RECOMMENDED in subscriber certificates. */
static cts_lint_status run_ski_not_recommended(const cts_lint_cert *cert) {
  return cts_warn_if((cert->sum->ext_ski >= 0));
}

/* --- cRLDistributionPoints (RFC 5280 4.2.1.13, BRs 7.1.2) ------------------ */

/* What the CDP lints ask of CRLDistributionPoints (every URI fullName of
 * every extension): CTS_CDP_* bits, one walk per certificate. */
static uint32_t cdp_uris(const cts_lint_cert *cert) {
  return cts_ext_memo_get(cert, CTS_EXT_M_CDP)->cdp;
}

/* BRs 7.1.2.2 b / 7.1.2.3 b: the extension MUST contain the HTTP URL of the
 * CA's CRL service. zlint: some fullName URI begins "http://". */
static cts_lint_status run_cdp_no_http_url(const cts_lint_cert *cert) {
  return cts_error_if(!(cdp_uris(cert) & CTS_CDP_HTTP));
}

/* RFC 5280 4.2.1.13: DistributionPointName SHOULD include at least one
 * LDAP or HTTP URI (any case). */
static cts_lint_status run_cdp_missing_ldap_or_uri(const cts_lint_cert *cert) {
  return cts_warn_if(!(cdp_uris(cert) & CTS_CDP_HTTP_LDAP_I));
}

static int applies_cdp_uris(const cts_lint_cert *cert) {
  return (cdp_uris(cert) & CTS_CDP_URI) != 0;
}

/* BRs 7.1.2.11.2 (v2.0.0): the scheme of each distribution point URI MUST
 * be "http". zlint: every URI begins "http:". */
static cts_lint_status run_cdp_not_http(const cts_lint_cert *cert) {
  return cts_error_if(cdp_uris(cert) & CTS_CDP_NOT_HTTP);
}

/* RFC 5280 4.2.1.13: a DistributionPoint MUST NOT consist of only the
 * reasons field. zlint reads each DistributionPoint with Go's asn1 and
 * flags reasons with a non-zero bit length and no fullName contents, no
 * nameRelativeToCRLIssuer and no cRLIssuer contents. */
static cts_lint_status dp_incomplete(cts_der dp) {
  cts_der dpn, full, rel, reasons, issuer;
  int has_dpn, has_full = 0, has_rel = 0, has_reasons, has_issuer;
  if (!cts_optional(
          &dp, &dpn, &has_dpn,
          CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 0))
    return CTS_LINT_FATAL;
  if (has_dpn) {
    full.len = 0;
    if (!optional_ctx(&dpn, 0, &full, &has_full) ||
        !cts_optional(
            &dpn, &rel, &has_rel,
            CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 1))
      return CTS_LINT_FATAL;
    has_full = has_full && full.len > 0;
  }
  if (!cts_optional(&dp, &reasons, &has_reasons,
                                    CTS_DER_CONTEXT_SPECIFIC | 1) ||
      !optional_ctx(&dp, 2, &issuer, &has_issuer))
    return CTS_LINT_FATAL;
  /* BitString.BitLength: 8 * octets - unused bits */
  if (has_reasons && reasons.len > 1 &&
      (reasons.len - 1) * 8 > (size_t)(reasons.data[0] & 7) && !has_full &&
      !has_rel && issuer.len == 0)
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static cts_lint_status run_dp_incomplete(const cts_lint_cert *cert) {
  const cts_ext *e = KNOWN(cert->sum, ext_cdp);
  cts_der v = cts_summary_der(cert->sum, e->value), seq, dp;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return CTS_LINT_FATAL;
  while (seq.len > 0) {
    cts_lint_status s;
    if (!cts_der_get_element(&seq, &dp, CTS_DER_SEQUENCE)) return CTS_LINT_FATAL;
    if ((s = dp_incomplete(dp)) != CTS_LINT_PASS) return s;
  }
  return CTS_LINT_PASS;
}

/* BRs 7.1.2.3 / RFC 5280 4.2.1.13: the extension SHOULD NOT (BRs: MUST
 * NOT) be marked critical. */
static cts_lint_status run_cdp_critical_error(const cts_lint_cert *cert) {
  return cts_error_if(KNOWN(cert->sum, ext_cdp)->critical);
}

static cts_lint_status run_cdp_critical_warn(const cts_lint_cert *cert) {
  return cts_warn_if(KNOWN(cert->sum, ext_cdp)->critical);
}

/* BRs 7.1.2.2 b: a subordinate CA certificate MUST have the extension. */
static cts_lint_status run_sub_ca_cdp_missing(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->sum->ext_cdp >= 0));
}

/* RFC 5280 4.2.1.15: freshestCRL MUST be marked non-critical. */
static int applies_freshest(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_FRESHEST_CRL);
}

static cts_lint_status run_freshest_critical(const cts_lint_cert *cert) {
  return cts_error_if(CRITICAL(cert, CTS_XI_FRESHEST_CRL));
}

/* --- authorityInfoAccess (RFC 5280 4.2.2.1, BRs 7.1.2) --------------------- */

/* What the AIA lints ask of OCSPServer and IssuingCertificateURL (every
 * AccessDescription of every AIA extension): CTS_AIA_* bits, one walk per
 * certificate; aia_urls adds the net/url reading of each URL. */
static uint32_t aia_bits(const cts_lint_cert *cert) {
  return cts_ext_memo_get(cert, CTS_EXT_M_AIA)->aia;
}

static const cts_ext_memo *aia_urls(const cts_lint_cert *cert) {
  return cts_ext_memo_get(cert, CTS_EXT_M_AIA_URL);
}

/* RFC 5280 4.2.2.1: conforming CAs MUST mark this extension non-critical
 * (and BRs 7.1.2.2 c, 7.1.2.3 c). */
static cts_lint_status run_aia_critical(const cts_lint_cert *cert) {
  return cts_error_if(KNOWN(cert->sum, ext_aia)->critical);
}

/* BRs 7.1.2.2 c (before v1.7.1: MUST be present; from v1.7.1: SHOULD). */
static cts_lint_status run_sub_ca_aia_missing(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->sum->ext_aia >= 0));
}

static cts_lint_status run_sub_ca_aia_missing_warn(const cts_lint_cert *cert) {
  return cts_warn_if(!(cert->sum->ext_aia >= 0));
}

/* BRs 7.1.2.2 c / 7.1.2.3 c: it SHOULD contain the HTTP URL of the issuing
 * CA's certificate (id-ad-caIssuers, "http://"). */
static cts_lint_status run_aia_no_issuer_url(const cts_lint_cert *cert) {
  return cts_warn_if(!(aia_bits(cert) & CTS_AIA_ISSUERS_HTTP));
}

/* BRs 7.1.2.3 c (until v2.0.0): it MUST contain the HTTP URL of the
 * issuing CA's OCSP responder (id-ad-ocsp, "http://"). */
static cts_lint_status run_aia_no_ocsp_url(const cts_lint_cert *cert) {
  return cts_error_if(!(aia_bits(cert) & CTS_AIA_OCSP_HTTP));
}

/* BRs 7.1.2.3 c: a subscriber certificate MUST carry the extension. */
static cts_lint_status run_sub_cert_aia_missing(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->sum->ext_aia >= 0));
}

/* The subscriber applies below need no walk without an AIA extension. */
static int applies_subscriber_ca_issuers(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && cert->sum->ext_aia >= 0 &&
         (aia_bits(cert) & CTS_AIA_ISSUERS);
}

static int applies_subscriber_ocsp(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && cert->sum->ext_aia >= 0 &&
         (aia_bits(cert) & CTS_AIA_OCSP);
}

static int applies_subscriber_aia_urls(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && cert->sum->ext_aia >= 0 &&
         (aia_bits(cert) & (CTS_AIA_ISSUERS | CTS_AIA_OCSP));
}

/* BRs 7.1.2.7.7: each URL of one access method must parse, with scheme
 * "http". */
static cts_lint_status run_aia_ca_issuers_http(const cts_lint_cert *cert) {
  return cts_error_if(aia_urls(cert)->aia & CTS_AIA_ISSUERS_BAD_SCHEME);
}

static cts_lint_status run_aia_ocsp_http(const cts_lint_cert *cert) {
  return cts_error_if(aia_urls(cert)->aia & CTS_AIA_OCSP_BAD_SCHEME);
}

/* BRs 7.1.2.7.7: only id-ad-ocsp and id-ad-caIssuers, each with a
 * uniformResourceIdentifier location; an AccessDescription that does not
 * parse leaves no verdict. */
static cts_lint_status run_aia_permitted_method(const cts_lint_cert *cert) {
  uint32_t aia = aia_bits(cert);
  if (aia & CTS_AIA_BAD_DESC) return CTS_LINT_ERROR;
  return aia & CTS_AIA_MALFORMED ? CTS_LINT_FATAL : CTS_LINT_PASS;
}

/* BRs 7.1.2.7.7: with several AccessDescriptions of one accessMethod, each
 * accessLocation MUST be unique (compared ignoring case, as
 * strings.EqualFold; see CTS_AIA_MAX_URLS). */
static cts_lint_status run_aia_unique(const cts_lint_cert *cert) {
  return cts_error_if(aia_bits(cert) & CTS_AIA_DUPLICATE);
}

/* BRs 7.1.2.10.3 / 7.4.2: the URLs must name public hosts; a host that is
 * not an IP address must end in a delegated TLD. The OCSP URLs' verdict
 * first, then the caIssuers URLs'. */
static cts_lint_status run_aia_internal_names(const cts_lint_cert *cert) {
  const cts_ext_memo *m = aia_urls(cert);
  if (m->aia_internal[CTS_AIA_M_OCSP] != CTS_LINT_PASS)
    return (cts_lint_status)m->aia_internal[CTS_AIA_M_OCSP];
  return (cts_lint_status)m->aia_internal[CTS_AIA_M_ISSUERS];
}

/* RFC 5280 4.2.2.1: with id-ad-caIssuers, at least one instance SHOULD
 * specify an HTTP or LDAP URI. */
static int applies_aia_ca_issuers(const cts_lint_cert *cert) {
  return cert->sum->ext_aia >= 0 && (aia_bits(cert) & CTS_AIA_ISSUERS) != 0;
}

static cts_lint_status run_aia_access_location(const cts_lint_cert *cert) {
  return cts_warn_if(!(aia_bits(cert) & CTS_AIA_ISSUERS_HTTP_LDAP));
}

/* RFC 5280 4.2.2.2: subjectInfoAccess MUST be marked non-critical. */
static int applies_sia(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_SIA);
}

static cts_lint_status run_sia_critical(const cts_lint_cert *cert) {
  return cts_error_if(CRITICAL(cert, CTS_XI_SIA));
}

/* --- OCSP responders (BRs 4.9.9, RFC 6960 4.2.2.2.1) ------------------------ */

/* A delegated OCSP responder certificate (id-kp-OCSPSigning) within the
 * BRs MUST carry id-pkix-ocsp-nocheck. */
static int applies_ocsp_signer(const cts_lint_cert *cert) {
  return (cert->facts.eku & CTS_EKU_OCSP_SIGNING) &&
         cert->facts.is_server_auth;
}

static cts_lint_status run_ocsp_nocheck(const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, CTS_XI_OCSP_NOCHECK));
}

/* --- Certificate Transparency (RFC 6962 3) --------------------------------- */

static int applies_subscriber_final(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && !((cert->sum->flags & CTS_SUM_HAS_POISON) != 0);
}

/* RFC 6962 3.3: SignedCertificateTimestampList holds at least one SCT. zlint
 * reads the first SCT list extension's OCTET STRING and its 2-octet
 * length. */
static cts_lint_status run_empty_sct_list(const cts_lint_cert *cert) {
  const cts_ext *e;
  cts_der v, list;
  /* Only an SCT list can be empty: the sieve saw whether there is one. */
  if (!(cert->sum->flags & CTS_SUM_HAS_SCT_LIST) ||
      (e = cts_ext_memo_ext(cert, CTS_XI_SCT_FIRST)) == NULL)
    return CTS_LINT_PASS;
  v = cts_summary_der(cert->sum, e->value);
  if (!cts_der_get_element(&v, &list, CTS_DER_OCTET_STRING) || list.len < 2)
    return CTS_LINT_FATAL;
  return cts_error_if(list.data[0] == 0 && list.data[1] == 0);
}

/* RFC 6962 3.3: SCTs go into the final certificate, never into the
 * precertificate (which carries the poison, 3.1). */
static int applies_precert(const cts_lint_cert *cert) {
  return ((cert->sum->flags & CTS_SUM_HAS_POISON) != 0);
}

static cts_lint_status run_precert_with_scts(const cts_lint_cert *cert) {
  return cts_error_if(((cert->sum->flags & CTS_SUM_HAS_SCT_LIST) != 0));
}

/* Unix seconds of t plus m calendar months, normalized as Go's
 * time.AddDate (2019-01-31 + 1 month = 2019-03-03). */
static int64_t add_months(int64_t t, int m) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t secs = t - days * 86400;
  /* civil_from_days (H. Hinnant) */
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
  int64_t mon = mp < 10 ? mp + 3 : mp - 9, mm, yy, era2, yoe2, doy2, doe2;
  if (mon <= 2) y++;
  mm = mon - 1 + m;
  yy = y + (mm >= 0 ? mm / 12 : (mm - 11) / 12);
  mm = mm - (yy - y) * 12 + 1;
  /* days_from_civil(yy, mm, 1) + d - 1: overflowing days roll over */
  yy -= mm <= 2;
  era2 = (yy >= 0 ? yy : yy - 399) / 400;
  yoe2 = yy - era2 * 400;
  doy2 = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5;
  doe2 = yoe2 * 365 + yoe2 / 4 - yoe2 / 100 + doy2;
  return (era2 * 146097 + doe2 - 719468 + d - 1) * 86400 + secs;
}

/* Apple's CT policy: embedded SCTs from distinct logs by lifetime (under
 * 15 months: 2, under 27: 3, under 39: 4, else 5). */
static int apple_expected_scts(const cts_summary *sum) {
  static const int months[] = {15, 27, 39};
  for (int i = 0; i < 3; i++)
    if (sum->not_after < add_months(sum->not_before, months[i])) return 2 + i;
  return 5;
}

/* SignedCertificateTimestampList ::= opaque SerializedSCT<1..2^16-1>
 * (RFC 6962 3.3, in an OCTET STRING); an SCT begins with its version
 * octet and the 32-octet LogID. Counts distinct LogIDs over every SCT
 * list extension, as zcrypto collects them. */
static size_t distinct_log_ids(const cts_summary *sum) {
  const uint8_t *ids[64];
  size_t n = 0;
  uint16_t pos = 0;
  const cts_ext *e;
  while (cts_ext_next(sum, CTS_OID_EXT_SCT_LIST,
                      CTS_OID_LEN(CTS_OID_EXT_SCT_LIST), &pos, &e)) {
    cts_der v = cts_summary_der(sum, e->value), os, list, sct;
    if (!cts_der_get_element(&v, &os, CTS_DER_OCTET_STRING) ||
        !cts_der_get_u16_prefixed(&os, &list))
      continue;
    while (list.len > 0 && cts_der_get_u16_prefixed(&list, &sct)) {
      size_t k = 0;
      if (sct.len < 33) continue;
      while (k < n && memcmp(ids[k], sct.data + 1, 32) != 0) k++;
      if (k == n && n < sizeof(ids) / sizeof(ids[0])) ids[n++] = sct.data + 1;
    }
  }
  return n;
}

static cts_lint_status run_sct_policy_count(const cts_lint_cert *cert) {
  return distinct_log_ids(cert->sum) >= (size_t)apple_expected_scts(cert->sum)
             ? CTS_LINT_PASS
             : CTS_LINT_INFO;
}

/* --- certificatePolicies (RFC 5280 4.2.1.4, RFC 6818 3, BRs 7.1.2) ---------- */

static int oid_eq(const cts_der *a, const cts_der *b) {
  return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* What the policy lints ask of the policies zcrypto keeps (identifiers,
 * qualifiers, user notices): CTS_POL_* bits and the identifiers, one walk
 * per certificate. Without the extension every bit is 0. */
static const cts_ext_memo *policies(const cts_lint_cert *cert) {
  return cts_ext_memo_get(cert, CTS_EXT_M_POL);
}

static uint32_t pol_bits(const cts_lint_cert *cert) {
  return cert->sum->ext_policies >= 0 ? policies(cert)->pol : 0;
}

/* RFC 5280 4.2.1.4: a policy OID MUST NOT appear more than once (among
 * the first CTS_POL_MAX_OIDS). */
static cts_lint_status run_policy_duplicate(const cts_lint_cert *cert) {
  return cts_error_if(pol_bits(cert) & CTS_POL_DUPLICATE);
}

static int applies_any_policy(const cts_lint_cert *cert) {
  return applies_policies(cert) && (pol_bits(cert) & CTS_POL_ANY);
}

/* RFC 5280 4.2.1.4: qualifiers used with anyPolicy MUST be limited to CPS
 * pointer and user notice. zlint walks the extension itself: the bytes
 * after anyPolicy's OID must be one SEQUENCE of SEQUENCEs, each starting
 * with a qualifier OID. */
static cts_lint_status any_policy_qualifiers(cts_der rest) {
  cts_der quals, pqi, id;
  if (rest.len == 0) return CTS_LINT_PASS;
  if (!cts_der_get_element(&rest, &quals, CTS_DER_SEQUENCE) || rest.len != 0)
    return CTS_LINT_FATAL;
  do {
    if (!cts_der_get_element(&quals, &pqi, CTS_DER_SEQUENCE) ||
        !cts_der_get_oid(&pqi, &id))
      return CTS_LINT_FATAL;
    if (!CTS_EXT_OID_IS(&id, CTS_OID_QT_CPS) &&
        !CTS_EXT_OID_IS(&id, CTS_OID_QT_UNOTICE))
      return CTS_LINT_ERROR;
  } while (quals.len > 0);
  return CTS_LINT_PASS;
}

static cts_lint_status run_any_policy_qualifier(const cts_lint_cert *cert) {
  const cts_ext *e = KNOWN(cert->sum, ext_policies);
  cts_der infos, info, oid;
  if (!cts_ext_value_is_sequence(cert->sum, e, &infos)) return CTS_LINT_FATAL;
  do {
    cts_lint_status s;
    if (!cts_der_get_element(&infos, &info, CTS_DER_SEQUENCE) ||
        !cts_der_get_oid(&info, &oid))
      return CTS_LINT_FATAL;
    if (!CTS_EXT_OID_IS(&oid, CTS_OID_POLICY_ANY)) continue;
    if ((s = any_policy_qualifiers(info)) != CTS_LINT_PASS) return s;
  } while (infos.len > 0);
  return CTS_LINT_PASS;
}

/* The user-notice lints (RFC 5280 4.2.1.4, RFC 6818 3): each asks
 * whether some user notice of the policies zcrypto keeps has a property;
 * see notice_bits in extensions_memo.c. */

/* zlint's CheckApplies: some policy has an explicitText (ExplicitTexts). */
static int applies_explicit_text(const cts_lint_cert *cert) {
  return (pol_bits(cert) & CTS_POL_TEXT) != 0;
}

/* RFC 6818 3: explicitText MUST NOT be an IA5String. */
static cts_lint_status run_text_ia5(const cts_lint_cert *cert) {
  return cts_error_if(pol_bits(cert) & CTS_POL_TEXT_IA5);
}

/* RFC 6818 3: explicitText has at most 200 characters; zlint counts the
 * octets of its UTF-8 form. */
static cts_lint_status run_text_too_long(const cts_lint_cert *cert) {
  return cts_error_if(pol_bits(cert) & CTS_POL_TEXT_LONG);
}

/* RFC 6818 3: explicitText SHOULD NOT include control characters. */
static cts_lint_status run_text_control(const cts_lint_cert *cert) {
  return cts_warn_if(pol_bits(cert) & CTS_POL_TEXT_CONTROL);
}

/* RFC 6818 3: UTF8String (and BMPString) text SHOULD be NFC. zlint checks
 * the octets as written, BMPString included. */
static cts_lint_status run_text_not_nfc(const cts_lint_cert *cert) {
  return cts_warn_if(pol_bits(cert) & CTS_POL_TEXT_NOT_NFC);
}

/* RFC 6818 3: explicitText SHOULD be a UTF8String. */
static cts_lint_status run_text_not_utf8(const cts_lint_cert *cert) {
  return cts_warn_if(pol_bits(cert) & CTS_POL_TEXT_NOT_UTF8);
}

/* RFC 5280 4.2.1.4: conforming CAs SHOULD NOT use noticeRef. */
static cts_lint_status run_notice_ref(const cts_lint_cert *cert) {
  return cts_warn_if(pol_bits(cert) & CTS_POL_NOTICE_REF);
}

/* BRs 7.1.2.10.5 (v2.0.0): a non-root CA certificate MUST have the
 * extension; with anyPolicy (no policy restrictions, table 69) it is the
 * only policy, otherwise (policy restricted, table 70) at least one CA/B
 * Forum reserved policy is present. */
static cts_lint_status run_invalid_ca_policies(const cts_lint_cert *cert) {
  const cts_ext_memo *m;
  if (!(cert->sum->ext_policies >= 0)) return CTS_LINT_ERROR;
  m = policies(cert);
  if (m->pol & CTS_POL_ANY) return cts_error_if(m->n_pol_oids > 1);
  return cts_error_if(!(m->pol & CTS_POL_RESERVED));
}

/* BRs 7.1.2 (v2.0.0): a CPS URI qualifier MUST hold an HTTP or HTTPS URL.
 * zcrypto keeps the contents of the qualifier element whatever its tag. */
static cts_lint_status run_invalid_cps_uri(const cts_lint_cert *cert) {
  return cts_error_if(pol_bits(cert) & CTS_POL_CPS_BAD);
}

/* BRs 7.1.2.7.9 (SC62): no policy qualifier other than id-qt-cps. */
static cts_lint_status run_qualifiers_other_than_cps(const cts_lint_cert *cert) {
  return cts_error_if(pol_bits(cert) & CTS_POL_QUAL_NOT_CPS);
}

/* BRs 7.1.2.2 a / 7.1.2.3 a: the extension MUST be present and SHOULD NOT
 * be critical; BRs 7.1.2.1: a root SHOULD NOT carry it. */
static cts_lint_status run_policies_missing(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->sum->ext_policies >= 0));
}

static cts_lint_status run_policies_critical(const cts_lint_cert *cert) {
  return cts_warn_if(KNOWN(cert->sum, ext_policies)->critical);
}

static cts_lint_status run_root_has_policies(const cts_lint_cert *cert) {
  return cts_warn_if((cert->sum->ext_policies >= 0));
}

/* --- policy mappings, constraints, inhibitAnyPolicy (RFC 5280 4.2.1.5,
 * 4.2.1.11, 4.2.1.14), subject directory attributes (4.2.1.8) ---------- */

/* PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE {
 *   issuerDomainPolicy CertPolicyId, subjectDomainPolicy CertPolicyId }
 * zlint's util.GetMappedPolicies: any deviation is a fatal result. */
typedef struct policy_map_iter {
  cts_der seq;
  int started;
} policy_map_iter;

static int policy_map_init(const cts_lint_cert *cert, policy_map_iter *it) {
  const cts_ext *e = cts_ext_memo_ext(cert, CTS_XI_POLICY_MAP);
  it->started = 0;
  return cts_ext_value_is_sequence(cert->sum, e, &it->seq);
}

/* 1: a pair; 0: done; -1: malformed. */
static int policy_map_next(policy_map_iter *it, cts_der *issuer,
                           cts_der *subject) {
  cts_der pair;
  if (it->started && it->seq.len == 0) return 0;
  it->started = 1;
  if (!cts_der_get_element(&it->seq, &pair, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&pair, issuer) || pair.len == 0 ||
      !cts_der_get_oid(&pair, subject) || pair.len != 0)
    return -1;
  return 1;
}

/* Policies MUST NOT be mapped to or from anyPolicy. */
static cts_lint_status run_policy_map_any(const cts_lint_cert *cert) {
  policy_map_iter it;
  cts_der a, b;
  int r;
  if (!policy_map_init(cert, &it)) return CTS_LINT_FATAL;
  while ((r = policy_map_next(&it, &a, &b)) == 1)
    if (CTS_EXT_OID_IS(&a, CTS_OID_POLICY_ANY) ||
        CTS_EXT_OID_IS(&b, CTS_OID_POLICY_ANY))
      return CTS_LINT_ERROR;
  return r < 0 ? CTS_LINT_FATAL : CTS_LINT_PASS;
}

/* Each issuerDomainPolicy SHOULD also be asserted in certificatePolicies. */
static cts_lint_status run_policy_map_not_in_policies(const cts_lint_cert *cert) {
  /* zcrypto's PolicyIdentifiers (the first CTS_POL_MAX_OIDS) */
  const cts_ext_memo *m = policies(cert);
  const cts_der *oids = m->pol_oid;
  size_t n = cert->sum->ext_policies >= 0 ? m->n_pol_oids : 0;
  cts_der a, b;
  policy_map_iter it;
  int r;
  if (!policy_map_init(cert, &it)) return CTS_LINT_FATAL;
  while ((r = policy_map_next(&it, &a, &b)) == 1) {
    size_t i = 0;
    while (i < n && !oid_eq(&oids[i], &a)) i++;
    if (i == n) return CTS_LINT_WARN;
  }
  return r < 0 ? CTS_LINT_FATAL : CTS_LINT_PASS;
}

/* Conforming CAs SHOULD mark policyMappings critical. */
static cts_lint_status run_policy_map_critical(const cts_lint_cert *cert) {
  return cts_warn_if(!CRITICAL(cert, CTS_XI_POLICY_MAP));
}

/* policyConstraints MUST be critical, and MUST NOT be an empty SEQUENCE. */
static cts_lint_status run_policy_const_critical(const cts_lint_cert *cert) {
  return cts_error_if(!CRITICAL(cert, CTS_XI_POLICY_CONST));
}

static int applies_policy_const_seq(const cts_lint_cert *cert) {
  const cts_ext *e = cts_ext_memo_ext(cert, CTS_XI_POLICY_CONST);
  cts_der seq;
  return e != NULL && cts_ext_value_is_sequence(cert->sum, e, &seq);
}

static cts_lint_status run_policy_const_empty(const cts_lint_cert *cert) {
  const cts_ext *e = cts_ext_memo_ext(cert, CTS_XI_POLICY_CONST);
  cts_der seq;
  (void)cts_ext_value_is_sequence(cert->sum, e, &seq);
  return cts_error_if(seq.len == 0);
}

static int applies_inhibit_any(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_INHIBIT_ANY);
}

/* inhibitAnyPolicy MUST be critical. */
static cts_lint_status run_inhibit_any_critical(const cts_lint_cert *cert) {
  return cts_error_if(!CRITICAL(cert, CTS_XI_INHIBIT_ANY));
}

static int applies_sda(const cts_lint_cert *cert) {
  return HAS(cert, CTS_XI_SDA);
}

/* subjectDirectoryAttributes MUST be non-critical. */
static cts_lint_status run_sda_critical(const cts_lint_cert *cert) {
  return cts_error_if(CRITICAL(cert, CTS_XI_SDA));
}

/* --- nameConstraints (RFC 5280 4.2.1.10, BRs 7.1.2.2, 7.1.5) ------------- */

/* Conforming CAs MUST mark it critical (BRs 7.1.2.2: SHOULD). */
static cts_lint_status run_nc_not_critical(const cts_lint_cert *cert) {
  return cts_error_if(!CRITICAL(cert, CTS_XI_NC));
}

static cts_lint_status run_sub_ca_nc_not_critical(const cts_lint_cert *cert) {
  return cts_warn_if(!CRITICAL(cert, CTS_XI_NC));
}

/* It MUST be used only in a CA certificate. */
static cts_lint_status run_nc_not_in_ca(const cts_lint_cert *cert) {
  return cts_error_if(!cert->facts.is_ca);
}

static int applies_nc_seq(const cts_lint_cert *cert) {
  const cts_ext *e = cts_ext_memo_ext(cert, CTS_XI_NC);
  cts_der seq;
  return e != NULL && cts_ext_value_is_sequence(cert->sum, e, &seq);
}

/* Either permittedSubtrees or excludedSubtrees MUST be present. */
static cts_lint_status run_nc_empty(const cts_lint_cert *cert) {
  const cts_ext *e = cts_ext_memo_ext(cert, CTS_XI_NC);
  cts_der seq;
  (void)cts_ext_value_is_sequence(cert->sum, e, &seq);
  return cts_error_if(seq.len == 0);
}

/* What the subtree lints ask of every subtree of every nameConstraints
 * extension: CTS_NC_* bits, one walk per certificate. */
static uint32_t nc_bits(const cts_lint_cert *cert) {
  return cts_ext_memo_get(cert, CTS_EXT_M_NC)->nc;
}

/* The minimum MUST be zero, and the maximum MUST be absent (for the name
 * forms zlint checks; see nc_subtree_bits). */
static cts_lint_status run_nc_max(const cts_lint_cert *cert) {
  return cts_error_if(nc_bits(cert) & CTS_NC_MAX);
}

static cts_lint_status run_nc_min(const cts_lint_cert *cert) {
  return cts_error_if(nc_bits(cert) & CTS_NC_MIN);
}

/* Conforming CAs SHOULD NOT constrain x400Address, ediPartyName or
 * registeredID. */
static cts_lint_status run_nc_x400(const cts_lint_cert *cert) {
  return cts_warn_if(nc_bits(cert) & CTS_NC_X400);
}

static cts_lint_status run_nc_edi(const cts_lint_cert *cert) {
  return cts_warn_if(nc_bits(cert) & CTS_NC_EDI);
}

static cts_lint_status run_nc_registered_id(const cts_lint_cert *cert) {
  return cts_warn_if(nc_bits(cert) & CTS_NC_REGISTERED_ID);
}

/* For URIs the constraint MUST be a fully qualified domain name, with an
 * optional leading period. */
static cts_lint_status run_nc_not_fqdn(const cts_lint_cert *cert) {
  return cts_error_if(nc_bits(cert) & CTS_NC_NOT_FQDN);
}

/* BRs 7.1.5 / 7.1.4.2.1: a permitted iPAddress range must not intersect an
 * IANA reserved network (certificates valid after 2015-11-01). */
static int applies_nc_ip(const cts_lint_cert *cert) {
  return cert->sum->not_after > NO_RESERVED_IP_DATE && applies_nc(cert);
}

static cts_lint_status run_nc_reserved_ip(const cts_lint_cert *cert) {
  return cts_error_if(nc_bits(cert) & CTS_NC_RESERVED_IP);
}

/* --- the table ------------------------------------------------------------ */

#define BR CTS_SRC_CABF_BR
#define RFC CTS_SRC_RFC5280

static const cts_lint table[] = {
    /* authority key identifier */
    {"e_ext_authority_key_identifier_no_key_identifier",
     "CAs must include keyIdentifer field of AKI in all non-self-issued "
     "certificates",
     "RFC 5280: 4.2.1.1", RFC, RFC2459_DATE, 0, NULL, run_aki_no_key_id, NULL},
    {"e_ext_authority_key_identifier_critical",
     "The authority key identifier extension must be non-critical",
     "RFC 5280: 4.2.1.1", RFC, RFC2459_DATE, 0, applies_aki, run_aki_critical,
     NULL},
    {"e_mp_authority_key_identifier_correct",
     "CAs MUST NOT issue certificates that have authority key IDs that "
     "include both the key ID and the issuer's issuer name and serial number",
     "Mozilla Root Store Policy / Section 5.2", CTS_SRC_MOZILLA,
     MOZILLA_POLICY_22_DATE, 0, applies_aki, run_mp_aki_correct, NULL},
    /* subject key identifier */
    {"e_ext_subject_key_identifier_critical",
     "The subject key identifier extension MUST be non-critical",
     "RFC 5280: 4.2.1.2", RFC, RFC2459_DATE, 0, applies_ski, run_ski_critical,
     NULL},
    {"e_ext_subject_key_identifier_missing_ca",
     "CAs MUST include a Subject Key Identifier in all CA certificates",
     "RFC 5280: 4.2 & 4.2.1.2", RFC, RFC2459_DATE, 0, cts_applies_ca,
     run_ski_missing_ca, NULL},
    {"w_ext_subject_key_identifier_missing_sub_cert",
     "Sub certificates SHOULD include Subject Key Identifier in end entity "
     "certs",
     "RFC 5280: 4.2 & 4.2.1.2", RFC, RFC2459_DATE, 0, cts_applies_not_ca,
     run_ski_missing_sub, NULL},
    {"w_ext_subject_key_identifier_not_recommended_subscriber",
     "Subscriber certificates use of Subject Key Identifier is NOT "
     "RECOMMENDED",
     "BRs v2: 7.1.2.7.6", BR, CABF_BRS_2_0_0_DATE, 0, cts_applies_subscriber,
     run_ski_not_recommended, NULL},
    /* cRLDistributionPoints */
    {"e_sub_cert_crl_distribution_points_does_not_contain_url",
     "Subscriber certificate cRLDistributionPoints extension must contain "
     "the HTTP URL of the CA’s CRL service",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, applies_cdp,
     run_cdp_no_http_url, NULL},
    {"w_distribution_point_missing_ldap_or_uri",
     "When present in the CRLDistributionPoints extension, "
     "DistributionPointName SHOULD include at least one LDAP or HTTP URI",
     "RFC 5280: 4.2.1.13", RFC, RFC5280_DATE, 0, applies_cdp,
     run_cdp_missing_ldap_or_uri, NULL},
    {"e_crl_distrib_points_not_http",
     "The scheme of each CRL Distribution Point MUST be 'http'",
     "CABF BRs §7.1.2.11.2", BR, CABF_BRS_2_0_0_DATE, 0, applies_cdp_uris,
     run_cdp_not_http, NULL},
    {"e_distribution_point_incomplete",
     "A DistributionPoint from the CRLDistributionPoints extension MUST NOT "
     "consist of only the reasons field; either distributionPoint or "
     "CRLIssuer must be present",
     "RFC 5280: 4.2.1.13", RFC, RFC3280_DATE, 0, applies_cdp,
     run_dp_incomplete, NULL},
    {"e_sub_cert_crl_distribution_points_marked_critical",
     "Subscriber Certificate: cRLDistributionPoints MUST NOT be marked "
     "critical, and MUST contain the HTTP URL of the CA's CRL service.",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, applies_cdp,
     run_cdp_critical_error, NULL},
    {"w_ext_crl_distribution_marked_critical",
     "If included, the CRL Distribution Points extension SHOULD NOT be "
     "marked critical",
     "RFC 5280: 4.2.1.13", RFC, RFC2459_DATE, 0, applies_cdp,
     run_cdp_critical_warn, NULL},
    {"e_sub_ca_crl_distribution_points_does_not_contain_url",
     "Subordinate CA Certificate: cRLDistributionPoints MUST contain the "
     "HTTP URL of the CA's CRL service.",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca_cdp,
     run_cdp_no_http_url, NULL},
    {"e_sub_ca_crl_distribution_points_marked_critical",
     "Subordinate CA Certificate: cRLDistributionPoints MUST be present and "
     "MUST NOT be marked critical.",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca_cdp,
     run_cdp_critical_error, NULL},
    {"e_sub_ca_crl_distribution_points_missing",
     "Subordinate CA Certificate: cRLDistributionPoints MUST be present and "
     "MUST NOT be marked critical.",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca,
     run_sub_ca_cdp_missing, NULL},
    {"e_ext_freshest_crl_marked_critical",
     "Freshest CRL MUST be marked as non-critical by conforming CAs",
     "RFC 5280: 4.2.1.15", RFC, RFC3280_DATE, 0, applies_freshest,
     run_freshest_critical, NULL},
    /* authorityInfoAccess */
    {"e_ext_aia_marked_critical",
     "Conforming CAs must mark the Authority Information Access extension "
     "as non-critical",
     "RFC 5280: 4.2.2.1", RFC, RFC2459_DATE, 0, applies_aia, run_aia_critical,
     NULL},
    {"e_aia_ca_issuers_must_have_http_only",
     "The id-ad-caIssuers accessMethod must contain an HTTP URL of the "
     "Issuing CA’s certificate. Other schemes are not allowed.",
     "BRs: 7.1.2.7.7", BR, CABF_BRS_2_0_0_DATE, 0,
     applies_subscriber_ca_issuers, run_aia_ca_issuers_http, NULL},
    {"e_aia_must_contain_permitted_access_method",
     "The AIA must contain only the id-ad-ocsp or id-ad-caIssuers "
     "accessMethod. Others are not allowed. Also, each accessLocation MUST "
     "be encoded as uniformResourceIdentifier GeneralName.",
     "BRs: 7.1.2.7.7", BR, CABF_BRS_2_0_0_DATE, 0, applies_subscriber_aia,
     run_aia_permitted_method, NULL},
    {"e_aia_ocsp_must_have_http_only",
     "The id-ad-ocsp accessMethod must contain an HTTP URL of the of the "
     "Issuing CA’s OCSP responder. Other schemes are not allowed.",
     "BRs: 7.1.2.7.7", BR, CABF_BRS_2_0_0_DATE, 0, applies_subscriber_ocsp,
     run_aia_ocsp_http, NULL},
    {"e_aia_unique_access_locations",
     "When multiple AccessDescriptions are present with the same "
     "accessMethod in the AIA extension, then each accessLocation MUST be "
     "unique.",
     "BRs: 7.1.2.7.7", BR, CABF_BRS_2_0_0_DATE, 0,
     applies_subscriber_aia_urls, run_aia_unique, NULL},
    {"e_sub_ca_aia_marked_critical",
     "Subordinate CA Certificate: authorityInformationAccess MUST NOT be "
     "marked critical",
     "BRs: 7.1.2.2", BR, 0, 0, applies_sub_ca_aia, run_aia_critical, NULL},
    {"e_sub_ca_aia_missing",
     "Subordinate CA Certificate: authorityInformationAccess MUST be "
     "present, with the exception of stapling.",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, CABF_BRS_1_7_1_DATE,
     applies_non_root_ca, run_sub_ca_aia_missing, NULL},
    {"w_sub_ca_aia_missing",
     "Subordinate CA Certificate: authorityInformationAccess SHOULD be "
     "present.",
     "BRs: 7.1.2.2", BR, CABF_BRS_1_7_1_DATE, 0, applies_non_root_ca,
     run_sub_ca_aia_missing_warn, NULL},
    {"w_sub_ca_aia_does_not_contain_issuing_ca_url",
     "Subordinate CA Certificate: authorityInformationAccess SHOULD also "
     "contain the HTTP URL of the Issuing CA's certificate.",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_non_root_ca,
     run_aia_no_issuer_url, NULL},
    {"e_sub_cert_aia_does_not_contain_ocsp_url",
     "Subscriber Certificate: authorityInformationAccess MUST contain the "
     "HTTP URL of the Issuing CA's OSCP responder.",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, CABF_BRS_2_0_0_DATE,
     cts_applies_not_ca, run_aia_no_ocsp_url, NULL},
    {"e_sub_cert_aia_marked_critical",
     "Subscriber Certificate: authorityInformationAccess MUST NOT be marked "
     "critical",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, applies_subscriber_aia,
     run_aia_critical, NULL},
    {"e_sub_cert_aia_missing",
     "Subscriber Certificate: authorityInformationAccess MUST be present.",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_not_ca,
     run_sub_cert_aia_missing, NULL},
    {"w_sub_cert_aia_contains_internal_names",
     "Subscriber certificates authorityInformationAccess extension should "
     "contain the HTTP URL of the issuing CA’s certificate, for public "
     "certificates this should not be an internal name",
     "BRs: 7.1.2.10.3", BR, CAB_EFFECTIVE_DATE, 0, applies_subscriber_aia,
     run_aia_internal_names, NULL},
    {"w_sub_cert_aia_does_not_contain_issuing_ca_url",
     "Subscriber certificates authorityInformationAccess extension should "
     "contain the HTTP URL of the issuing CA’s certificate",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_subscriber,
     run_aia_no_issuer_url, NULL},
    {"w_ext_aia_access_location_missing",
     "When the id-ad-caIssuers accessMethod is used, at least one instance "
     "SHOULD specify an accessLocation that is an HTTP or LDAP URI",
     "RFC 5280: 4.2.2.1", RFC, RFC5280_DATE, 0, applies_aia_ca_issuers,
     run_aia_access_location, NULL},
    {"e_subject_info_access_marked_critical",
     "Conforming CAs MUST mark the Subject Info Access extension as "
     "non-critical",
     "RFC 5280: 4.2.2.2", RFC, RFC3280_DATE, 0, applies_sia, run_sia_critical,
     NULL},
    /* OCSP */
    {"e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth",
     "OCSP signing Certificate MUST contain an extension of type "
     "id-pkixocsp-nocheck, as defined by RFC6960",
     "BRs: 4.9.9", BR, CAB_EFFECTIVE_DATE, 0, applies_ocsp_signer,
     run_ocsp_nocheck, NULL},
    /* Certificate Transparency */
    {"e_empty_sct_list",
     "At least one SCT MUST be included in the SignedCertificateTimestampList "
     "extension",
     "RFC 6962 section 3.3", CTS_SRC_RFC6962, RFC6962_DATE, 0,
     applies_subscriber_final, run_empty_sct_list, NULL},
    {"e_precert_with_sct_list",
     "SCTs must be embedded in the final certificate, not in a "
     "precertificate",
     "RFC 6962 §3.3", CTS_SRC_RFC6962, RFC6962_DATE, 0, applies_precert,
     run_precert_with_scts, NULL},
    {"w_ct_sct_policy_count_unsatisfied",
     "Check if certificate has enough embedded SCTs to meet Apple CT Policy",
     "https://support.apple.com/en-us/HT205280", CTS_SRC_APPLE,
     APPLE_CT_POLICY_DATE, 0, applies_subscriber_final, run_sct_policy_count,
     NULL},
    /* certificatePolicies */
    {"e_ext_cert_policy_disallowed_any_policy_qualifier",
     "When qualifiers are used with the special policy anyPolicy, they must "
     "be limited to qualifiers identified in this section: (4.2.1.4)",
     "RFC 5280: 4.2.1.4", RFC, RFC3280_DATE, 0, applies_any_policy,
     run_any_policy_qualifier, NULL},
    {"e_ext_cert_policy_duplicate",
     "A certificate policy OID must not appear more than once in the "
     "extension",
     "RFC 5280: 4.2.1.4", RFC, RFC5280_DATE, 0, applies_policies,
     run_policy_duplicate, NULL},
    {"e_ext_cert_policy_explicit_text_ia5_string",
     "Compliant certificates must not encode explicitTest as an IA5String",
     "RFC 6818: 3", RFC, RFC6818_DATE, 0, applies_explicit_text,
     run_text_ia5, NULL},
    {"e_ext_cert_policy_explicit_text_too_long",
     "Explicit text has a maximum size of 200 characters", "RFC 6818: 3", RFC,
     RFC6818_DATE, 0, applies_explicit_text, run_text_too_long, NULL},
    {"w_ext_cert_policy_contains_noticeref",
     "Compliant certificates SHOULD NOT use the noticeRef option",
     "RFC 5280: 4.2.1.4", RFC, RFC5280_DATE, 0, applies_policies,
     run_notice_ref, NULL},
    {"w_ext_cert_policy_explicit_text_includes_control",
     "Explicit text should not include any control characters", "RFC 6818: 3",
     RFC, RFC6818_DATE, 0, applies_explicit_text, run_text_control, NULL},
    {"w_ext_cert_policy_explicit_text_not_nfc",
     "When utf8string or bmpstring encoding is used for explicitText field in "
     "certificate policy, it SHOULD be normalized by NFC format",
     "RFC6181 3", RFC, RFC6818_DATE, 0, applies_explicit_text,
     run_text_not_nfc, NULL},
    {"w_ext_cert_policy_explicit_text_not_utf8",
     "Compliant certificates should use the utf8string encoding for "
     "explicitText",
     "RFC 6818: 3", RFC, RFC6818_DATE, 0, applies_explicit_text,
     run_text_not_utf8, NULL},
    {"e_invalid_ca_certificate_policies",
     "Checks that the Policy OIDs in the CertificatePolicies extension of a "
     "SubCA certificate comply with CABF requirements",
     "CABF BRs §7.1.2.10.5", BR, CABF_BRS_2_0_0_DATE, 0, applies_non_root_ca,
     run_invalid_ca_policies, NULL},
    {"e_invalid_cps_uri",
     "If the CPS URI policyQualifier is present in a certificate, it MUST "
     "contain an HTTP or HTTPS URL",
     "CABF BR 7.1.2 (several subsections thereof)", BR, CABF_BRS_2_0_0_DATE,
     0, applies_policies, run_invalid_cps_uri, NULL},
    {"e_policy_qualifiers_other_than_cps_not_permitted",
     "Policy Qualifiers other than id-qt-cps MUST NOT be present for "
     "certificates issued on or after September 15, 2023",
     "BRs: 7.1.2.7.9", BR, CABF_BRS_2_0_0_DATE, 0, applies_policies,
     run_qualifiers_other_than_cps, NULL},
    {"e_sub_ca_certificate_policies_missing",
     "Subordinate CA certificates must have a certificatePolicies extension",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca,
     run_policies_missing, NULL},
    {"w_sub_ca_certificate_policies_marked_critical",
     "Subordinate CA certificates certificatePolicies extension should not "
     "be marked as critical",
     "BRs: 7.1.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca_policies,
     run_policies_critical, NULL},
    {"e_sub_cert_cert_policy_empty",
     "Subscriber certificates must contain at least one policy identifier "
     "that indicates adherence to CAB standards",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_not_ca,
     run_policies_missing, NULL},
    {"e_sub_cert_certificate_policies_missing",
     "Subscriber Certificate: certificatePolicies MUST be present and SHOULD "
     "NOT be marked critical.",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_not_ca,
     run_policies_missing, NULL},
    {"w_sub_cert_certificate_policies_marked_critical",
     "Subscriber Certificate: certificatePolicies MUST be present and SHOULD "
     "NOT be marked critical.",
     "BRs: 7.1.2.3", BR, CAB_EFFECTIVE_DATE, 0, applies_policies,
     run_policies_critical, NULL},
    {"w_root_ca_contains_cert_policy",
     "Root CA Certificate: certificatePolicies SHOULD NOT be present.",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, applies_root,
     run_root_has_policies, NULL},
    /* policy mappings, policy constraints, inhibitAnyPolicy, SDA */
    {"e_ext_policy_constraints_empty",
     "Conforming CAs MUST NOT issue certificates where policy constraints is "
     "an empty sequence. That is, either the inhibitPolicyMapping field or "
     "the requireExplicityPolicy field MUST be present",
     "RFC 5280: 4.2.1.11", RFC, RFC2459_DATE, 0, applies_policy_const_seq,
     run_policy_const_empty, NULL},
    {"e_ext_policy_constraints_not_critical",
     "Conforming CAs MUST mark the policy constraints extension as critical",
     "RFC 5280: 4.2.1.11", RFC, RFC5280_DATE, 0, applies_policy_const,
     run_policy_const_critical, NULL},
    {"e_ext_policy_map_any_policy",
     "Policies must not be mapped to or from the anyPolicy value",
     "RFC 5280: 4.2.1.5", RFC, RFC3280_DATE, 0, applies_policy_map,
     run_policy_map_any, NULL},
    {"w_ext_policy_map_not_critical",
     "Policy mappings should be marked as critical", "RFC 5280: 4.2.1.5", RFC,
     RFC2459_DATE, 0, applies_policy_map, run_policy_map_critical, NULL},
    {"w_ext_policy_map_not_in_cert_policy",
     "Each issuerDomainPolicy named in the policy mappings extension should "
     "also be asserted in a certificate policies extension",
     "RFC 5280: 4.2.1.5", RFC, RFC3280_DATE, 0, applies_policy_map,
     run_policy_map_not_in_policies, NULL},
    {"e_inhibit_any_policy_not_critical",
     "CAs MUST mark the inhibitAnyPolicy extension as critical",
     "RFC 5280: 4.2.1.14", RFC, RFC3280_DATE, 0, applies_inhibit_any,
     run_inhibit_any_critical, NULL},
    {"e_ext_subject_directory_attr_critical",
     "Conforming CAs MUST mark the Subject Directory Attributes extension as "
     "not critical",
     "RFC 5280: 4.2.1.8", RFC, RFC2459_DATE, 0, applies_sda, run_sda_critical,
     NULL},
    /* nameConstraints */
    {"e_ext_name_constraints_not_critical",
     "If it is included, conforming CAs MUST mark the name constraints "
     "extension as critical",
     "RFC 5280: 4.2.1.10", RFC, RFC2459_DATE, 0, applies_nc,
     run_nc_not_critical, NULL},
    {"e_ext_name_constraints_not_in_ca",
     "The name constraints extension MUST only be used in CA certificates",
     "RFC 5280: 4.2.1.10", RFC, RFC2459_DATE, 0, applies_nc, run_nc_not_in_ca,
     NULL},
    {"e_ext_nc_intersects_reserved_ip",
     "iPAddress name constraint intersects an IANA reserved network",
     "BRs: 7.1.5 / 7.1.4.2.1", BR, CAB_EFFECTIVE_DATE, 0, applies_nc_ip,
     run_nc_reserved_ip, NULL},
    {"e_name_constraint_empty",
     "Conforming CAs MUST NOT issue certificates where name constraints is an "
     "empty sequence. That is, either the permittedSubtree or excludedSubtree "
     "fields must be present",
     "RFC 5280: 4.2.1.10", RFC, RFC5280_DATE, 0, applies_nc_seq, run_nc_empty,
     NULL},
    {"e_name_constraint_maximum_not_absent",
     "Within the name constraints name form, the maximum field is not used "
     "and therefore MUST be absent",
     "RFC 5280: 4.2.1.10", RFC, RFC2459_DATE, 0, applies_nc, run_nc_max, NULL},
    {"e_name_constraint_minimum_non_zero",
     "Within the name constraints name forms, the minimum field is not used "
     "and therefore MUST be zero",
     "RFC 5280: 4.2.1.10", RFC, RFC2459_DATE, 0, applies_nc, run_nc_min, NULL},
    {"e_name_constraint_not_fqdn",
     "For URIs, the constraint MUST be specified as a fully qualified domain "
     "name [...] When the constraint begins with a period, it MAY be "
     "expanded with one or more labels.",
     "RFC 5280: 4.2.1.10", RFC, RFC5280_DATE, 0, applies_nc, run_nc_not_fqdn,
     NULL},
    {"w_name_constraint_on_edi_party_name",
     "The name constraints extension SHOULD NOT impose constraints on the "
     "ediPartyName name form",
     "RFC 5280: 4.2.1.10", RFC, RFC5280_DATE, 0, applies_nc, run_nc_edi, NULL},
    {"w_name_constraint_on_registered_id",
     "The name constraints extension SHOULD NOT impose constraints on the "
     "registeredID name form",
     "RFC 5280: 4.2.1.10", RFC, RFC5280_DATE, 0, applies_nc,
     run_nc_registered_id, NULL},
    {"w_name_constraint_on_x400",
     "The name constraints extension SHOULD NOT impose constraints on the "
     "x400Address name form",
     "RFC 5280: 4.2.1.10", RFC, RFC5280_DATE, 0, applies_nc, run_nc_x400,
     NULL},
    {"w_sub_ca_name_constraints_not_critical",
     "Subordinate CA Certificate: NameConstraints if present, SHOULD be "
     "marked critical.",
     "BRs: 7.1.2.2", BR, CAB_V102_DATE, 0, applies_sub_ca_nc,
     run_sub_ca_nc_not_critical, NULL},
};

CTS_GROUP(extensions, table);
