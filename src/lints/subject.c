/* Lint group "subject": subject and issuer distinguished names, and the
 * subject rules of the DV/OV/IV certificate policies (BRs 7.1.2.7, 7.1.2.10,
 * 7.1.4, 7.1.6; RFC 5280 4.1.2.4, 4.1.2.6, Appendix A). See
 * include/ctscan/lint.h for the framework and subject_util.h for the
 * helpers.
 *
 * Go's x509 (zcrypto), through which zlint sees a certificate, decides what
 * a subject field "is": util.TypeInName asks whether an attribute of a type
 * is present at all (HAS below), while pkix.Name's named fields
 * (Subject.Organization, Subject.Country, Subject.CommonName, ...) hold
 * only values Go decodes to a string (HAS_STR, STR). Each lint follows
 * the one zlint reads, so that verdicts agree. */
#include <string.h>

#include "ctscan/lint.h"
#include "lints_internal.h"
#include "subject_util.h"

#define HAS(sum, X) CTS_SUBJ_HAS((sum), (X))
#define HAS_STR(sum, X) CTS_SUBJ_HAS_STRING((sum), (X))
#define STR(sum, X, which, out) CTS_SUBJ_STRING((sum), (X), (which), (out))
#define OID_IS(d, X) CTS_SUBJ_OID_IS((d), (X))

/* zlint's util dates (util/time.go) */
#define RFC2459_DATE CTS_DATE(1999, 1, 1)
#define CAB_EFFECTIVE_DATE CTS_DATE(2012, 7, 1)
#define CAB_V131_DATE CTS_DATE(2015, 9, 28)
#define CAB_GIVEN_NAME_DATE CTS_DATE(2016, 9, 7)
#define CAB_V148_DATE CTS_DATE(2017, 6, 8)
#define CABF_BRS_1_7_9_DATE CTS_DATE(2021, 8, 16)
#define CABF_OU_PROHIBITED_DATE CTS_DATE(2022, 9, 1)
#define SC62_DATE CTS_DATE(2023, 9, 15) /* also BRs 2.0.0 */

static cts_lint_status error_if(int bad) {
  return bad ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- applies ----------------------------------------------------------- */

static int applies_ca(const cts_lint_cert *cert) { return cert->facts.is_ca; }

static int applies_not_ca(const cts_lint_cert *cert) {
  return !cert->facts.is_ca;
}

static int applies_subscriber(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber;
}

static int applies_dv_not_ca(const cts_lint_cert *cert) {
  return (cert->facts.policies & CTS_POLICY_DV) && !cert->facts.is_ca;
}

static int applies_dv_subscriber(const cts_lint_cert *cert) {
  return (cert->facts.policies & CTS_POLICY_DV) && cert->facts.is_subscriber;
}

static int applies_ov(const cts_lint_cert *cert) {
  return (cert->facts.policies & CTS_POLICY_OV) != 0;
}

static int applies_ov_not_ca(const cts_lint_cert *cert) {
  return applies_ov(cert) && !cert->facts.is_ca;
}

static int applies_ov_subscriber(const cts_lint_cert *cert) {
  return applies_ov(cert) && cert->facts.is_subscriber;
}

static int applies_iv(const cts_lint_cert *cert) {
  return (cert->facts.policies & CTS_POLICY_IV) != 0;
}

static int applies_iv_not_ca(const cts_lint_cert *cert) {
  return applies_iv(cert) && !cert->facts.is_ca;
}

static int applies_iv_subscriber(const cts_lint_cert *cert) {
  return applies_iv(cert) && cert->facts.is_subscriber;
}

static int applies_ou_present(const cts_lint_cert *cert) {
  return HAS(cert->sum, CTS_OID_AT_OU);
}

/* --- DV: BRs 7.1.6.4 (v1.7.3-v1.8.7; 7.1.6.1 before): a certificate
 * asserting 2.23.140.1.2.1 MUST NOT include organizationName, givenName,
 * surname, streetAddress, localityName, stateOrProvinceName or postalCode
 * in the subject. Any attribute of the type counts (util.TypeInName). */

static cts_lint_status run_dv_org(const cts_lint_cert *cert) {
  return error_if(HAS(cert->sum, CTS_OID_AT_O));
}

static cts_lint_status run_dv_locality(const cts_lint_cert *cert) {
  return error_if(HAS(cert->sum, CTS_OID_AT_L));
}

static cts_lint_status run_dv_province(const cts_lint_cert *cert) {
  return error_if(HAS(cert->sum, CTS_OID_AT_ST));
}

static cts_lint_status run_dv_street(const cts_lint_cert *cert) {
  return error_if(HAS(cert->sum, CTS_OID_AT_STREET));
}

static cts_lint_status run_dv_postal(const cts_lint_cert *cert) {
  return error_if(HAS(cert->sum, CTS_OID_AT_POSTAL_CODE));
}

/* BRs 7.1.2.7.2 (v2.0.0+, Table "Domain Validated subject Attributes"):
 * only countryName and commonName; any other attribute MUST NOT appear. */
static cts_lint_status run_dv_subject_invalid_values(
    const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv))
    if (!OID_IS(&atv.type, CTS_OID_AT_C) && !OID_IS(&atv.type, CTS_OID_AT_CN))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* --- OV and IV: BRs 7.1.6.4 (v1.7.3-v1.8.7): 2.23.140.1.2.2 requires
 * organizationName, localityName or stateOrProvinceName (as far as
 * 7.1.4.2.2 requires, i.e. in subscriber certificates) and countryName;
 * 2.23.140.1.2.3 requires organizationName or givenName and surname, the
 * same place fields and countryName. Presence is util.TypeInName. */

static cts_lint_status run_requires_org(const cts_lint_cert *cert) {
  return error_if(!HAS(cert->sum, CTS_OID_AT_O));
}

static cts_lint_status run_requires_country(const cts_lint_cert *cert) {
  return error_if(!HAS(cert->sum, CTS_OID_AT_C));
}

static cts_lint_status run_requires_province_or_locality(
    const cts_lint_cert *cert) {
  return error_if(!HAS(cert->sum, CTS_OID_AT_L) &&
                  !HAS(cert->sum, CTS_OID_AT_ST));
}

static cts_lint_status run_iv_requires_personal_name(
    const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(!HAS(sum, CTS_OID_AT_O) &&
                  !(HAS(sum, CTS_SUBJ_OID_GIVEN_NAME) &&
                    HAS(sum, CTS_SUBJ_OID_SURNAME)));
}

/* --- organizationalUnitName: BRs 7.1.4.2.2 i (v1.8.0+): prohibited in
 * certificates issued on or after 2022-09-01, and whenever
 * organizationName is absent; BRs 7.1.2.10.2 (v2.0.0+): not in CA
 * certificates. zlint reads Subject.OrganizationalUnit (a string value)
 * for the first and third, TypeInName for the second. */

static cts_lint_status run_ou_string_present(const cts_lint_cert *cert) {
  return error_if(HAS_STR(cert->sum, CTS_OID_AT_OU));
}

static cts_lint_status run_ou_without_org(const cts_lint_cert *cert) {
  return error_if(!HAS(cert->sum, CTS_OID_AT_O));
}

/* --- BRs 7.1.4.2.2 (v1.4+) subscriber subject fields, from pkix.Name's
 * string fields: countryName MUST appear, and localityName or
 * stateOrProvinceName MUST appear, when organizationName, givenName or
 * surname is present (c, d, e); localityName, stateOrProvinceName,
 * streetAddress and postalCode MUST NOT appear when all three are absent;
 * givenName and surname require the IV policy 2.23.140.1.2.3 (c). */

static int has_identity(const cts_summary *sum) {
  return HAS_STR(sum, CTS_OID_AT_O) || HAS_STR(sum, CTS_SUBJ_OID_GIVEN_NAME) ||
         HAS_STR(sum, CTS_SUBJ_OID_SURNAME);
}

static cts_lint_status run_locality_or_province_must_appear(
    const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(has_identity(sum) && !HAS_STR(sum, CTS_OID_AT_ST) &&
                  !HAS_STR(sum, CTS_OID_AT_L));
}

static cts_lint_status run_country_must_appear(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(has_identity(sum) && !HAS_STR(sum, CTS_OID_AT_C));
}

static cts_lint_status run_locality_must_not_appear(
    const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(!has_identity(sum) && HAS_STR(sum, CTS_OID_AT_L));
}

static cts_lint_status run_province_must_not_appear(
    const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(!has_identity(sum) && HAS_STR(sum, CTS_OID_AT_ST));
}

static cts_lint_status run_street_must_not_appear(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(!has_identity(sum) && HAS_STR(sum, CTS_OID_AT_STREET));
}

static cts_lint_status run_postal_must_not_appear(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return error_if(!has_identity(sum) && HAS_STR(sum, CTS_OID_AT_POSTAL_CODE));
}

static int applies_personal_name(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber &&
         (HAS_STR(cert->sum, CTS_SUBJ_OID_GIVEN_NAME) ||
          HAS_STR(cert->sum, CTS_SUBJ_OID_SURNAME));
}

static cts_lint_status run_personal_name_needs_iv(const cts_lint_cert *cert) {
  return error_if(!(cert->facts.policies & CTS_POLICY_IV));
}

/* --- CA subjects: BRs 7.1.2.10.2 (7.1.4.3.1 before v2.0.0): commonName,
 * countryName (ISO 3166-1) and organizationName MUST be present; RFC 5280
 * 4.1.2.6: a CA's subject MUST be a non-empty DN. */

static cts_lint_status run_ca_cn_missing(const cts_lint_cert *cert) {
  cts_subj_atv cn;
  /* Subject.CommonName: the last string commonName */
  return error_if(!STR(cert->sum, CTS_OID_AT_CN, CTS_SUBJ_LAST, &cn) ||
                  cn.value.len == 0);
}

static cts_lint_status run_ca_country_invalid(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  int any = 0;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!cts_subj_is_go_string(atv.tag) || !OID_IS(&atv.type, CTS_OID_AT_C))
      continue;
    any = 1;
    if (!cts_subj_is_iso_country(atv.tag, atv.value)) return CTS_LINT_ERROR;
  }
  /* no Subject.Country: zlint answers NA */
  return any ? CTS_LINT_PASS : CTS_LINT_NA;
}

/* Subject.X[0] != "": the first string value of the type is not empty. */
static int first_string_nonempty(const cts_summary *sum, const char *oid,
                                 size_t oid_len) {
  cts_subj_atv atv;
  return cts_subj_string(sum, oid, oid_len, 0, &atv) &&
         cts_subj_rune_count(atv.tag, atv.value) > 0;
}

static cts_lint_status run_ca_country_missing(const cts_lint_cert *cert) {
  return error_if(!first_string_nonempty(cert->sum, CTS_OID_AT_C,
                                         CTS_OID_LEN(CTS_OID_AT_C)));
}

static cts_lint_status run_ca_org_missing(const cts_lint_cert *cert) {
  return error_if(!first_string_nonempty(cert->sum, CTS_OID_AT_O,
                                         CTS_OID_LEN(CTS_OID_AT_O)));
}

/* util.NotAllNameFieldsAreEmpty: the Name holds at least one attribute. */
static int name_is_empty(const cts_summary *sum, int issuer) {
  cts_subj_iter it;
  cts_subj_atv atv;
  if (issuer)
    cts_subj_iter_issuer(&it, sum);
  else
    cts_subj_iter_subject(&it, sum);
  return !cts_subj_iter_next(&it, &atv);
}

static cts_lint_status run_subject_empty(const cts_lint_cert *cert) {
  return error_if(name_is_empty(cert->sum, 0));
}

/* RFC 5280 4.1.2.4: the issuer field MUST contain a non-empty DN. */
static cts_lint_status run_issuer_empty(const cts_lint_cert *cert) {
  return error_if(name_is_empty(cert->sum, 1));
}

/* RFC 5280 4.1.2.6 / 4.2.1.6: an empty subject requires subjectAltName. */
static cts_lint_status run_empty_without_san(const cts_lint_cert *cert) {
  return error_if(name_is_empty(cert->sum, 0) && cert->sum->ext_san < 0);
}

/* RFC 5280 4.1.2.6: a non-empty subject MUST be a DN. Go's x509 parses a
 * subject into a pkix.Name or not at all, so zlint always passes it. */
static cts_lint_status run_subject_not_dn(const cts_lint_cert *cert) {
  (void)cert;
  return CTS_LINT_PASS;
}

/* --- BRs 7.1.4.1 (v2.0.0): a Name MUST NOT hold more than one instance of
 * these attribute types across its RDNs (domainComponent, streetAddress
 * and the deprecated organizationalUnitName may repeat). */
static int single_instance(const cts_der *type) {
  return OID_IS(type, CTS_SUBJ_OID_JUR_L) || OID_IS(type, CTS_SUBJ_OID_JUR_ST) ||
         OID_IS(type, CTS_SUBJ_OID_JUR_C) || OID_IS(type, CTS_OID_AT_CN) ||
         OID_IS(type, CTS_SUBJ_OID_SURNAME) ||
         OID_IS(type, CTS_OID_AT_SERIAL_NUMBER) || OID_IS(type, CTS_OID_AT_C) ||
         OID_IS(type, CTS_OID_AT_L) || OID_IS(type, CTS_OID_AT_ST) ||
         OID_IS(type, CTS_OID_AT_O) ||
         OID_IS(type, CTS_OID_AT_BUSINESS_CATEGORY) ||
         OID_IS(type, CTS_SUBJ_OID_GIVEN_NAME) ||
         OID_IS(type, CTS_SUBJ_OID_ORG_ID);
}

static cts_lint_status run_duplicate_attribs(const cts_lint_cert *cert) {
  cts_subj_iter it, prev;
  cts_subj_atv atv, seen;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!single_instance(&atv.type)) continue;
    /* was the same type seen before this attribute? */
    cts_subj_iter_subject(&prev, cert->sum);
    while (cts_subj_iter_next(&prev, &seen) && seen.type.data != atv.type.data)
      if (seen.type.len == atv.type.len &&
          memcmp(seen.type.data, atv.type.data, atv.type.len) == 0)
        return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

/* BRs 7.1.4.2 (v2.0.0): subject attributes, where present, are encoded in
 * this order: domainComponent, countryName, stateOrProvinceName,
 * localityName, postalCode, streetAddress, organizationName, surname,
 * givenName, organizationalUnitName, commonName. Other types are not
 * ordered. */
static int rdn_order_rank(const cts_der *type) {
  static const char *const order[] = {
      CTS_SUBJ_OID_DC,  CTS_OID_AT_C,       CTS_OID_AT_ST,
      CTS_OID_AT_L,     CTS_OID_AT_POSTAL_CODE, CTS_OID_AT_STREET,
      CTS_OID_AT_O,     CTS_SUBJ_OID_SURNAME, CTS_SUBJ_OID_GIVEN_NAME,
      CTS_OID_AT_OU,    CTS_OID_AT_CN};
  size_t i;
  for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
    if (cts_der_oid_equal(type, (const uint8_t *)order[i], strlen(order[i])))
      return (int)i;
  return -1;
}

static cts_lint_status run_rdn_order(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  int prev = 0, rank;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    rank = rdn_order_rank(&atv.type);
    if (rank < 0) continue;
    if (rank < prev) return CTS_LINT_ERROR;
    prev = rank;
  }
  return CTS_LINT_PASS;
}

/* --- encodings: RFC 5280 Appendix A (X520countryName and
 * X520SerialNumber are PrintableString); BRs 7.1.4.2 Tables (v2.0.0):
 * the encodings each attribute may use. Go compares the tag number only
 * (asn1.RawValue.Tag), whatever the class. */

static uint32_t tag_number(uint32_t tag) {
  return tag & CTS_DER_TAG_NUMBER_MASK;
}

static cts_lint_status any_not_printable(const cts_summary *sum, int issuer,
                                         const char *oid, size_t oid_len) {
  cts_subj_iter it;
  cts_subj_atv atv;
  if (issuer)
    cts_subj_iter_issuer(&it, sum);
  else
    cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len) &&
        tag_number(atv.tag) != CTS_DER_PRINTABLE_STRING)
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int applies_subject_country_string(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_C);
}

static cts_lint_status run_subject_country_not_printable(
    const cts_lint_cert *cert) {
  return any_not_printable(cert->sum, 0, CTS_OID_AT_C,
                           CTS_OID_LEN(CTS_OID_AT_C));
}

/* Issuer.Country: a string-valued countryName in the issuer. */
static int applies_issuer_country_string(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_issuer(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_subj_is_go_string(atv.tag) && OID_IS(&atv.type, CTS_OID_AT_C))
      return 1;
  return 0;
}

static cts_lint_status run_issuer_country_not_printable(
    const cts_lint_cert *cert) {
  return any_not_printable(cert->sum, 1, CTS_OID_AT_C,
                           CTS_OID_LEN(CTS_OID_AT_C));
}

/* Subject.SerialNumber (the last string serialNumber) is not empty. */
static int applies_serial_number(const cts_lint_cert *cert) {
  cts_subj_atv sn;
  return STR(cert->sum, CTS_OID_AT_SERIAL_NUMBER, CTS_SUBJ_LAST, &sn) &&
         cts_subj_rune_count(sn.tag, sn.value) > 0;
}

static cts_lint_status run_serial_not_printable(const cts_lint_cert *cert) {
  return any_not_printable(cert->sum, 0, CTS_OID_AT_SERIAL_NUMBER,
                           CTS_OID_LEN(CTS_OID_AT_SERIAL_NUMBER));
}

/* Table 77/78 of BRs 2.0.0 7.1.4.2: 'P' PrintableString only,
 * 'U' PrintableString or UTF8String, 'I' IA5String only. */
static char required_encoding(const cts_der *type) {
  if (OID_IS(type, CTS_SUBJ_OID_DC)) return 'I';
  if (OID_IS(type, CTS_OID_AT_C) || OID_IS(type, CTS_SUBJ_OID_JUR_C) ||
      OID_IS(type, CTS_OID_AT_SERIAL_NUMBER))
    return 'P';
  if (OID_IS(type, CTS_OID_AT_ST) || OID_IS(type, CTS_OID_AT_L) ||
      OID_IS(type, CTS_OID_AT_POSTAL_CODE) || OID_IS(type, CTS_OID_AT_STREET) ||
      OID_IS(type, CTS_OID_AT_O) || OID_IS(type, CTS_SUBJ_OID_SURNAME) ||
      OID_IS(type, CTS_SUBJ_OID_GIVEN_NAME) || OID_IS(type, CTS_OID_AT_OU) ||
      OID_IS(type, CTS_OID_AT_CN) || OID_IS(type, CTS_OID_AT_BUSINESS_CATEGORY) ||
      OID_IS(type, CTS_SUBJ_OID_JUR_ST) || OID_IS(type, CTS_SUBJ_OID_JUR_L) ||
      OID_IS(type, CTS_SUBJ_OID_ORG_ID))
    return 'U';
  return 0;
}

static cts_lint_status run_rdns_correct_encoding(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    uint32_t t = tag_number(atv.tag);
    switch (required_encoding(&atv.type)) {
      case 'I':
        if (t != CTS_DER_IA5_STRING) return CTS_LINT_ERROR;
        break;
      case 'P':
        if (t != CTS_DER_PRINTABLE_STRING) return CTS_LINT_ERROR;
        break;
      case 'U':
        if (t != CTS_DER_PRINTABLE_STRING && t != CTS_DER_UTF8_STRING)
          return CTS_LINT_ERROR;
        break;
      default:
        break;
    }
  }
  return CTS_LINT_PASS;
}

/* RFC 5280 Appendix B: PrintableString holds a-z, A-Z, 0-9 and
 * ' = ( ) + , - . / : ? and space; zlint also rejects an empty one. */
static int printable_alphabet(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || strchr("'=()+,-./:? ", c) != NULL;
}

static cts_lint_status run_printable_badalpha(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t i;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (tag_number(atv.tag) != CTS_DER_PRINTABLE_STRING) continue;
    if (atv.value.len == 0) return CTS_LINT_ERROR;
    for (i = 0; i < atv.value.len; i++)
      if (atv.value.data[i] == 0 || !printable_alphabet(atv.value.data[i]))
        return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

/* RFC 5280 Appendix A: X.520 strings hold no control characters. zlint
 * decodes every value's raw bytes as UTF-8, whatever its type, and rejects
 * C0 controls and U+007F-U+009F. */
static cts_lint_status run_not_printable_characters(
    const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t pos;
  uint32_t r;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv))
    for (pos = 0;
         cts_subj_next_rune(CTS_DER_UTF8_STRING, atv.value, &pos, &r);)
      if (r < 0x20 || (r >= 0x7f && r <= 0x9f)) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* --- countries --------------------------------------------------------- */

/* BRs 7.1.4.2.2 g: countryName holds the two-letter ISO 3166-1 code (or
 * XX); zlint upper-cases it first. */
static cts_lint_status run_country_not_iso(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_subj_is_go_string(atv.tag) && OID_IS(&atv.type, CTS_OID_AT_C) &&
        !cts_subj_is_iso_country(atv.tag, atv.value))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* ISO 3166-2:2020 5.1: alpha-2 codes are LATIN CAPITAL LETTERs A-Z (zlint:
 * ^[A-Z]+$ on each Subject.Country). */
static cts_lint_status run_country_not_uppercase(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t pos, n;
  uint32_t r;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!cts_subj_is_go_string(atv.tag) || !OID_IS(&atv.type, CTS_OID_AT_C))
      continue;
    for (pos = 0, n = 0; cts_subj_next_rune(atv.tag, atv.value, &pos, &r); n++)
      if (r < 'A' || r > 'Z') return CTS_LINT_ERROR;
    if (n == 0) return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

/* --- lengths: RFC 5280 Appendix A upper bounds (ub-common-name 64,
 * ub-organization-name 64, ub-organizational-unit-name 64,
 * ub-locality-name 128, ub-state-name 128, ub-postal-code 16,
 * ub-emailaddress-length 255, ub-serial-number 64, ub-name 32768; X.520
 * ub-street-address 128; X.411 ub-common-name-length 64 recommended for
 * given names and surnames). zlint counts the characters of the Go string
 * (utf8.RuneCountInString). */

static int any_string_longer(const cts_summary *sum, const char *oid,
                             size_t oid_len, size_t max) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_subj_is_go_string(atv.tag) &&
        cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len) &&
        cts_subj_rune_count(atv.tag, atv.value) > max)
      return 1;
  return 0;
}

#define LONGER(sum, X, max) any_string_longer((sum), (X), CTS_OID_LEN(X), (max))

/* Subject.CommonName (the last string commonName) is not empty. */
static int applies_cn(const cts_lint_cert *cert) {
  cts_subj_atv cn;
  return STR(cert->sum, CTS_OID_AT_CN, CTS_SUBJ_LAST, &cn) &&
         cts_subj_rune_count(cn.tag, cn.value) > 0;
}

static cts_lint_status run_cn_max_length(const cts_lint_cert *cert) {
  cts_subj_atv cn;
  return error_if(STR(cert->sum, CTS_OID_AT_CN, CTS_SUBJ_LAST, &cn) &&
                  cts_subj_rune_count(cn.tag, cn.value) > 64);
}

static cts_lint_status run_serial_max_length(const cts_lint_cert *cert) {
  cts_subj_atv sn;
  return error_if(STR(cert->sum, CTS_OID_AT_SERIAL_NUMBER, CTS_SUBJ_LAST,
                      &sn) &&
                  cts_subj_rune_count(sn.tag, sn.value) > 64);
}

static int applies_email(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_EMAIL);
}
static cts_lint_status run_email_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_EMAIL, 255));
}

static int applies_given_name(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_SUBJ_OID_GIVEN_NAME);
}
static cts_lint_status run_given_name_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_SUBJ_OID_GIVEN_NAME, 32768));
}
static cts_lint_status run_given_name_recommended(const cts_lint_cert *cert) {
  return LONGER(cert->sum, CTS_SUBJ_OID_GIVEN_NAME, 64) ? CTS_LINT_WARN
                                                        : CTS_LINT_PASS;
}

static int applies_surname(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_SUBJ_OID_SURNAME);
}
static cts_lint_status run_surname_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_SUBJ_OID_SURNAME, 32768));
}
static cts_lint_status run_surname_recommended(const cts_lint_cert *cert) {
  return LONGER(cert->sum, CTS_SUBJ_OID_SURNAME, 64) ? CTS_LINT_WARN
                                                     : CTS_LINT_PASS;
}

static int applies_locality(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_L);
}
static cts_lint_status run_locality_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_L, 128));
}

static int applies_org(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_O);
}
static cts_lint_status run_org_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_O, 64));
}

static int applies_ou(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_OU);
}
static cts_lint_status run_ou_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_OU, 64));
}

static int applies_postal(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_POSTAL_CODE);
}
static cts_lint_status run_postal_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_POSTAL_CODE, 16));
}

static int applies_state(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_ST);
}
static cts_lint_status run_state_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_ST, 128));
}

static int applies_street(const cts_lint_cert *cert) {
  return HAS_STR(cert->sum, CTS_OID_AT_STREET);
}
static cts_lint_status run_street_max_length(const cts_lint_cert *cert) {
  return error_if(LONGER(cert->sum, CTS_OID_AT_STREET, 128));
}

/* --- values ------------------------------------------------------------ */

/* BRs 7.1.4.2.2 j: optional attributes MUST NOT hold metadata such as
 * '.', '-' or ' ' meaning "absent". zlint: every string value needs a
 * letter, a digit or a non-ASCII character. */
static cts_lint_status run_noninformational(const cts_lint_cert *cert) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t pos;
  uint32_t r;
  int informative;
  cts_subj_iter_subject(&it, cert->sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!cts_subj_is_go_string(atv.tag)) continue;
    informative = 0;
    for (pos = 0; !informative &&
                  cts_subj_next_rune(atv.tag, atv.value, &pos, &r);)
      informative = (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
                    (r >= '0' && r <= '9') || r > 127;
    if (!informative) return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

/* The fields zlint's community lints scan, first value of each:
 * GivenName, Surname, CommonNames, OrganizationalUnit, Organization,
 * Locality, Province, StreetAddress, PostalCode, OrganizationIDs,
 * JurisdictionLocality, JurisdictionProvince. */
static const char *const k_scanned_types[] = {
    CTS_SUBJ_OID_GIVEN_NAME, CTS_SUBJ_OID_SURNAME, CTS_OID_AT_CN,
    CTS_OID_AT_OU,           CTS_OID_AT_O,         CTS_OID_AT_L,
    CTS_OID_AT_ST,           CTS_OID_AT_STREET,    CTS_OID_AT_POSTAL_CODE,
    CTS_SUBJ_OID_ORG_ID,     CTS_SUBJ_OID_JUR_L,   CTS_SUBJ_OID_JUR_ST};

typedef int (*value_test_fn)(const cts_subj_atv *atv);

static cts_lint_status error_if_first_values(const cts_summary *sum,
                                             value_test_fn bad) {
  cts_subj_atv atv;
  size_t i;
  for (i = 0; i < sizeof(k_scanned_types) / sizeof(k_scanned_types[0]); i++)
    if (cts_subj_string(sum, k_scanned_types[i], strlen(k_scanned_types[i]),
                        0, &atv) &&
        bad(&atv))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int is_alnum_rune(uint32_t r) {
  return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= '0' && r <= '9');
}

/* An HTML entity: &#?[a-zA-Z0-9]+; */
static int has_html_entity(const cts_subj_atv *atv) {
  size_t pos = 0, at;
  uint32_t r;
  while (cts_subj_next_rune(atv->tag, atv->value, &pos, &r)) {
    size_t n = 0;
    if (r != '&') continue;
    at = pos;
    if (!cts_subj_next_rune(atv->tag, atv->value, &at, &r)) break;
    if (r == '#' && !cts_subj_next_rune(atv->tag, atv->value, &at, &r)) break;
    while (is_alnum_rune(r) && cts_subj_next_rune(atv->tag, atv->value, &at, &r))
      n++;
    if (n > 0 && r == ';') return 1;
  }
  return 0;
}

/* Community: HTML entities (e.g. "&amp;") in the subject are a sign of
 * values copied from web forms without decoding. */
static cts_lint_status run_html_entities(const cts_lint_cert *cert) {
  return error_if_first_values(cert->sum, has_html_entity);
}

/* Second characters of "Ã?" mojibake: the Windows-1252 reading of the
 * second UTF-8 byte of U+00C0-U+00FF, for the 57 letters zlint lists
 * (bytes 0x80, 0x82-0x8C, 0x8E, 0x91-0x9C, 0x9E-0x9F, 0xA1-0xAC,
 * 0xAE-0xBF). */
static int is_mixup_second(uint32_t r) {
  static const uint16_t cp1252[] = {
      0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6,
      0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c,
      0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
      0x0153, 0x017e, 0x0178};
  size_t i;
  if ((r >= 0xa1 && r <= 0xac) || (r >= 0xae && r <= 0xbf)) return 1;
  for (i = 0; i < sizeof(cp1252) / sizeof(cp1252[0]); i++)
    if (r == cp1252[i]) return 1;
  return 0;
}

static int has_latin1_mixup(const cts_subj_atv *atv) {
  size_t pos = 0;
  uint32_t r, prev = 0;
  while (cts_subj_next_rune(atv->tag, atv->value, &pos, &r)) {
    if (prev == 0xc3 && is_mixup_second(r)) return 1;
    prev = r;
  }
  return 0;
}

/* Community: UTF-8 read as Latin-1 / Windows-1252 and re-encoded
 * ("MÃ¼nchen" for "München"). */
static cts_lint_status run_latin1_mixup(const cts_lint_cert *cert) {
  return error_if_first_values(cert->sum, has_latin1_mixup);
}

/* --- commonName: BRs 7.1.4.2.2 a (v1.x): deprecated; BRs 7.1.2.7.1
 * (v2.0.0): NOT RECOMMENDED; one value at most (a single IP address or
 * FQDN). Subject.CommonName is the last string commonName. */

static cts_lint_status run_cn_included_notice(const cts_lint_cert *cert) {
  return applies_cn(cert) ? CTS_LINT_INFO : CTS_LINT_PASS;
}

static cts_lint_status run_cn_included_warn(const cts_lint_cert *cert) {
  return applies_cn(cert) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

static cts_lint_status run_extra_cns(const cts_lint_cert *cert) {
  return cts_subj_count_strings(cert->sum, CTS_OID_AT_CN,
                                CTS_OID_LEN(CTS_OID_AT_CN)) > 1
             ? CTS_LINT_WARN
             : CTS_LINT_PASS;
}

/* --- RDN shape and whitespace (community, from certlint) --------------- */

static int name_has_multi_rdn(const cts_summary *sum, int issuer) {
  cts_subj_iter it;
  cts_subj_atv atv;
  if (issuer)
    cts_subj_iter_issuer(&it, sum);
  else
    cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (atv.rdn_size > 1) return 1;
  return 0;
}

static cts_lint_status run_multiple_subject_rdn(const cts_lint_cert *cert) {
  return name_has_multi_rdn(cert->sum, 0) ? CTS_LINT_INFO : CTS_LINT_PASS;
}

static cts_lint_status run_multiple_issuer_rdn(const cts_lint_cert *cert) {
  return name_has_multi_rdn(cert->sum, 1) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* util.IsNameAttribute: id-at 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 41,
 * 42, 43, 44, 46. */
static int is_name_attribute(const cts_der *type) {
  static const uint8_t leaves[] = {3,  4,  5,  6,  7,  8,  9,  10,
                                   11, 12, 17, 41, 42, 43, 44, 46};
  size_t i;
  if (type->len != 3 || type->data[0] != 0x55 || type->data[1] != 0x04)
    return 0;
  for (i = 0; i < sizeof(leaves); i++)
    if (type->data[2] == leaves[i]) return 1;
  return 0;
}

/* util.CheckRDNSequenceWhiteSpace: a string value of a name attribute
 * starts (leading) or ends (trailing) with unicode.IsSpace. */
static int name_has_space(const cts_summary *sum, int issuer, int trailing) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t pos;
  uint32_t r, first, last;
  if (issuer)
    cts_subj_iter_issuer(&it, sum);
  else
    cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!cts_subj_is_go_string(atv.tag) || !is_name_attribute(&atv.type))
      continue;
    pos = 0;
    if (!cts_subj_next_rune(atv.tag, atv.value, &pos, &first)) continue;
    last = first;
    while (trailing && cts_subj_next_rune(atv.tag, atv.value, &pos, &r))
      last = r;
    if (cts_subj_is_space(trailing ? last : first)) return 1;
  }
  return 0;
}

static cts_lint_status run_subject_leading_ws(const cts_lint_cert *cert) {
  return name_has_space(cert->sum, 0, 0) ? CTS_LINT_WARN : CTS_LINT_PASS;
}
static cts_lint_status run_subject_trailing_ws(const cts_lint_cert *cert) {
  return name_has_space(cert->sum, 0, 1) ? CTS_LINT_WARN : CTS_LINT_PASS;
}
static cts_lint_status run_issuer_leading_ws(const cts_lint_cert *cert) {
  return name_has_space(cert->sum, 1, 0) ? CTS_LINT_WARN : CTS_LINT_PASS;
}
static cts_lint_status run_issuer_trailing_ws(const cts_lint_cert *cert) {
  return name_has_space(cert->sum, 1, 1) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* --- the table --------------------------------------------------------- */

#define DV_DESC(what)                                                      \
  "If certificate policy 2.23.140.1.2.1 (CA/B BR domain validated) is "    \
  "included, " what " MUST NOT be included in subject"
#define X411_DESC(what)                                                    \
  "X.411 (1988) describes ub-common-name-length to be 64 bytes long. As "  \
  "systems may have targeted this length, for compatibility purposes it "  \
  "may be prudent to limit " what " to this length."
#define X411_CITATION                                                      \
  "ITU-T Rec. X.411 (11/1988), Annex B Reference Definition of MTS "       \
  "Parameter Upper Bounds"
#define BR CTS_SRC_CABF_BR
#define RFC CTS_SRC_RFC5280
#define COMMUNITY CTS_SRC_COMMUNITY

static const cts_lint table[] = {
    /* the misissuance root programs found in real incidents */
    {"e_cab_dv_conflicts_with_org", DV_DESC("organization name"),
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_dv_not_ca, run_dv_org,
     NULL},
    {"e_cab_dv_conflicts_with_locality", DV_DESC("locality name"),
     "BRs: 7.1.6.1", BR, CAB_EFFECTIVE_DATE, 0, applies_dv_not_ca,
     run_dv_locality, NULL},
    {"e_cab_dv_conflicts_with_province", DV_DESC("stateOrProvinceName"),
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_dv_not_ca,
     run_dv_province, NULL},
    {"e_cab_dv_conflicts_with_street", DV_DESC("streetAddress"),
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_dv_not_ca,
     run_dv_street, NULL},
    {"e_cab_dv_conflicts_with_postal", DV_DESC("postalCode"), "BRs: 7.1.6.4",
     BR, CAB_EFFECTIVE_DATE, 0, applies_dv_not_ca, run_dv_postal, NULL},
    {"e_organizational_unit_name_prohibited",
     "OrganizationalUnitName is prohibited if...the certificate was issued "
     "on or after September 1, 2022",
     "BRs: 7.1.4.2.2-i", BR, CABF_OU_PROHIBITED_DATE, 0, applies_not_ca,
     run_ou_string_present, NULL},
    {"e_subject_contains_organizational_unit_name_and_no_organization_name",
     "If a subject organization name is absent then an organizational unit "
     "name MUST NOT be included in subject",
     "BRs: 7.1.4.2.2", BR, CABF_BRS_1_7_9_DATE, 0, applies_ou_present,
     run_ou_without_org, NULL},
    {"e_cert_policy_ov_requires_province_or_locality",
     "If certificate policy 2.23.140.1.2.2 is included, localityName or "
     "stateOrProvinceName MUST be included in subject",
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_ov_subscriber,
     run_requires_province_or_locality, NULL},
    {"e_sub_cert_locality_name_must_appear",
     "Subscriber Certificate: subject:localityName MUST appear if "
     "subject:organizationName, subject:givenName, or subject:surname fields "
     "are present but the subject:stateOrProvinceName field is absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_locality_or_province_must_appear, NULL},
    {"e_sub_cert_province_must_appear",
     "Subscriber Certificate: subject:stateOrProvinceName MUST appear if the "
     "subject:organizationName, subject:givenName, or subject:surname fields "
     "are present and subject:localityName is absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_locality_or_province_must_appear, NULL},

    /* DV, OV, IV policies */
    {"e_cab_dv_subject_invalid_values",
     "If certificate policy 2.23.140.1.2.1 (CA/B BR domain validated) is "
     "included, only country and/or common name is allowed in SubjectDN.",
     "BRs: 7.1.2.7.2", BR, SC62_DATE, 0, applies_dv_subscriber,
     run_dv_subject_invalid_values, NULL},
    {"e_cab_iv_requires_personal_name",
     "If certificate policy 2.23.140.1.2.3 is included, either "
     "organizationName or givenName and surname MUST be included in subject",
     "BRs: 7.1.6.4", BR, CAB_V131_DATE, SC62_DATE, applies_iv_not_ca,
     run_iv_requires_personal_name, NULL},
    {"e_cab_ov_requires_org",
     "If certificate policy 2.23.140.1.2.2 is included, organizationName "
     "MUST be included in subject",
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_ov_not_ca,
     run_requires_org, NULL},
    {"e_cert_policy_iv_requires_country",
     "If certificate policy 2.23.140.1.2.3 is included, countryName MUST be "
     "included in subject",
     "BRs: 7.1.6.4", BR, CAB_V131_DATE, 0, applies_iv, run_requires_country,
     NULL},
    {"e_cert_policy_iv_requires_province_or_locality",
     "If certificate policy 2.23.140.1.2.3 is included, localityName or "
     "stateOrProvinceName MUST be included in subject",
     "BRs: 7.1.6.4", BR, CAB_V131_DATE, 0, applies_iv_subscriber,
     run_requires_province_or_locality, NULL},
    {"e_cert_policy_ov_requires_country",
     "If certificate policy 2.23.140.1.2.2 is included, countryName MUST be "
     "included in subject",
     "BRs: 7.1.6.4", BR, CAB_EFFECTIVE_DATE, 0, applies_ov,
     run_requires_country, NULL},

    /* CA subjects */
    {"e_ca_common_name_missing", "CA Certificates common name MUST be included.",
     "BRs: 7.1.4.3.1", BR, CAB_V148_DATE, 0, applies_ca, run_ca_cn_missing,
     NULL},
    {"e_ca_country_name_invalid",
     "Root and Subordinate CA certificates MUST have a two-letter country "
     "code specified in ISO 3166-1",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, applies_ca,
     run_ca_country_invalid, NULL},
    {"e_ca_country_name_missing",
     "Root and Subordinate CA certificates MUST have a countryName present in "
     "subject information",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, applies_ca,
     run_ca_country_missing, NULL},
    {"e_ca_organization_name_missing",
     "Root and Subordinate CA certificates MUST have a organizationName "
     "present in subject information",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, applies_ca, run_ca_org_missing,
     NULL},
    {"e_ca_subject_field_empty",
     "The subject field of a CA certificate MUST have a non-empty "
     "distinguished name",
     "RFC 5280: 4.1.2.6", RFC, RFC2459_DATE, 0, applies_ca, run_subject_empty,
     NULL},
    {"e_subj_orgunit_in_ca_cert",
     "The organizationalUnitName MUST NOT be included in Root CA certs or TLS "
     "Subordinate CA certs. organizationalUnitName is allowed for cross "
     "signed certificates, although not recommended. This lint may be "
     "configured to signify that the target is a cross signed certificate.",
     "CABF BR \xc2\xa7" "7.1.2.10.2 (CA Certificate Naming)", BR, SC62_DATE, 0,
     applies_ca, run_ou_string_present, NULL},

    /* subscriber subject fields */
    {"e_sub_cert_country_name_must_appear",
     "Subscriber Certificate: subject:countryName MUST appear if the "
     "subject:organizationName field, subject:givenName field, or "
     "subject:surname fields are present.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_country_must_appear, NULL},
    {"e_sub_cert_given_name_surname_contains_correct_policy",
     "Subscriber Certificate: A certificate containing a subject:givenName "
     "field or subject:surname field MUST contain the (2.23.140.1.2.3) "
     "certPolicy OID.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_personal_name,
     run_personal_name_needs_iv, NULL},
    {"e_sub_cert_locality_name_must_not_appear",
     "Subscriber Certificate: subject:localityName MUST NOT appear if "
     "subject:organizationName, subject:givenName, and subject:surname fields "
     "are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_locality_must_not_appear, NULL},
    {"e_sub_cert_postal_code_must_not_appear",
     "Subscriber Certificate: subject:postalCode MUST NOT appear if the "
     "subject:organizationName field, subject:givenName field, or "
     "subject:surname fields are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_postal_must_not_appear, NULL},
    {"e_sub_cert_province_must_not_appear",
     "Subscriber Certificate: subject:stateOrProvinceName MUST NOT appear if "
     "the subject:organizationName, subject:givenName, and subject:surname "
     "fields are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_province_must_not_appear, NULL},
    {"e_sub_cert_street_address_should_not_exist",
     "Subscriber Certificate: subject:streetAddress MUST NOT appear if "
     "subject:organizationName, subject:givenName, and subject:surname fields "
     "are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, applies_subscriber,
     run_street_must_not_appear, NULL},
    {"e_subject_contains_noninformational_value",
     "Subject name fields must not contain '.','-',' ' or any other "
     "indication that the field has been omitted",
     "BRs: 7.1.4.2.2", BR, CAB_EFFECTIVE_DATE, 0, NULL, run_noninformational,
     NULL},
    {"e_subject_country_not_iso",
     "The country name field MUST contain the two-letter ISO code for the "
     "country or XX",
     "BRs: 7.1.4.2.2", BR, CAB_EFFECTIVE_DATE, 0, NULL, run_country_not_iso,
     NULL},
    {"e_duplicate_subject_attribs",
     "Each Name MUST NOT contain more than one instance of a given "
     "AttributeTypeAndValue across all RDNs",
     "CABF BRs 7.1.4.1", BR, SC62_DATE, 0, NULL, run_duplicate_attribs, NULL},
    {"e_invalid_subject_rdn_order",
     "Subject field attributes (RDNs) SHALL be encoded in a specific order",
     "BRs: 7.1.4.2", BR, SC62_DATE, 0, applies_subscriber, run_rdn_order, NULL},
    {"e_subject_rdns_correct_encoding",
     "CAs that include attributes in the Certificate subject field that are "
     "listed in the Tables 77 and 78 of BR 2.0.0 SHALL follow the specified "
     "encoding requirements for the attribute",
     "BRs 2.0.0: 7.1.4.2, Table 77 and Table 78", BR, SC62_DATE, 0, NULL,
     run_rdns_correct_encoding, NULL},

    /* commonName */
    {"n_subject_common_name_included",
     "Subscriber Certificate: commonName is deprecated.", "BRs: 7.1.4.2.2", BR,
     CAB_EFFECTIVE_DATE, SC62_DATE, applies_not_ca, run_cn_included_notice,
     NULL},
    {"w_subject_common_name_included",
     "Subscriber Certificate: commonName is NOT RECOMMENDED.",
     "BRs: 7.1.2.7.1", BR, SC62_DATE, 0, applies_subscriber,
     run_cn_included_warn, NULL},
    {"w_extra_subject_common_names",
     "if present the subject commonName field MUST contain a single IP "
     "address or Fully-Qualified Domain Name",
     "BRs: 7.1.4.2.2", BR, CAB_EFFECTIVE_DATE, 0, applies_subscriber,
     run_extra_cns, NULL},

    /* RFC 5280 names */
    {"e_issuer_field_empty",
     "Certificate issuer field MUST NOT be empty and must have a non-empty "
     "distinguished name",
     "RFC 5280: 4.1.2.4", RFC, RFC2459_DATE, 0, NULL, run_issuer_empty, NULL},
    {"e_subject_empty_without_san",
     "CAs MUST support subject alternative name if the subject field is an "
     "empty sequence",
     "RFC 5280: 4.2 & 4.2.1.6", RFC, RFC2459_DATE, 0, NULL,
     run_empty_without_san, NULL},
    {"e_subject_not_dn",
     "When not empty, the subject field MUST be a distinguished name",
     "RFC 5280: 4.1.2.6", RFC, RFC2459_DATE, 0, NULL, run_subject_not_dn, NULL},
    {"e_issuer_dn_country_not_printable_string",
     "X520 Distinguished Name Country MUST BE encoded as PrintableString",
     "RFC 5280: Appendix A", RFC, 0, 0, applies_issuer_country_string,
     run_issuer_country_not_printable, NULL},
    {"e_subject_dn_country_not_printable_string",
     "X520 Distinguished Name Country MUST be encoded as PrintableString",
     "RFC 5280: Appendix A", RFC, 0, 0, applies_subject_country_string,
     run_subject_country_not_printable, NULL},
    {"e_subject_dn_serial_number_not_printable_string",
     "X520 Distinguished Name SerialNumber MUST be encoded as PrintableString",
     "RFC 5280: Appendix A", RFC, 0, 0, applies_serial_number,
     run_serial_not_printable, NULL},
    {"e_subject_dn_not_printable_characters",
     "X520 Subject fields MUST only contain printable control characters",
     "RFC 5280: Appendix A", RFC, 0, 0, NULL, run_not_printable_characters,
     NULL},
    {"e_subject_printable_string_badalpha",
     "PrintableString type's alphabet only includes a-z, A-Z, 0-9, and 11 "
     "special characters",
     "RFC 5280: Appendix B. ASN.1 Notes", RFC, RFC2459_DATE, 0, NULL,
     run_printable_badalpha, NULL},

    /* RFC 5280 Appendix A lengths */
    {"e_subject_common_name_max_length",
     "The commonName field of the subject MUST be less than 65 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_cn, run_cn_max_length,
     NULL},
    {"e_subject_dn_serial_number_max_length",
     "The 'Serial Number' field of the subject MUST be less than 65 "
     "characters",
     "RFC 5280: Appendix A", RFC, 0, 0, applies_serial_number,
     run_serial_max_length, NULL},
    {"e_subject_email_max_length",
     "The 'Email' field of the subject MUST be less than 256 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_email,
     run_email_max_length, NULL},
    {"e_subject_given_name_max_length",
     "The 'GivenName' field of the subject MUST be less than 32769 "
     "characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_given_name,
     run_given_name_max_length, NULL},
    {"e_subject_locality_name_max_length",
     "The 'Locality Name' field of the subject MUST be less than 129 "
     "characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_locality,
     run_locality_max_length, NULL},
    {"e_subject_organization_name_max_length",
     "The 'Organization Name' field of the subject MUST be less than 65 "
     "characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_org, run_org_max_length,
     NULL},
    {"e_subject_organizational_unit_name_max_length",
     "The 'Organizational Unit Name' field of the subject MUST be less than "
     "65 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_ou, run_ou_max_length,
     NULL},
    {"e_subject_postal_code_max_length",
     "The 'PostalCode' field of the subject MUST be less than 17 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_postal,
     run_postal_max_length, NULL},
    {"e_subject_state_name_max_length",
     "The 'State Name' field of the subject MUST be less than 129 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_state,
     run_state_max_length, NULL},
    {"e_subject_street_address_max_length",
     "The 'StreetAddress' field of the subject MUST be less than 129 "
     "characters",
     "ITU-T X.520 (02/2001) UpperBounds", RFC, RFC2459_DATE, 0,
     applies_street, run_street_max_length, NULL},
    {"e_subject_surname_max_length",
     "The 'Surname' field of the subject MUST be less than 32769 characters",
     "RFC 5280: A.1", RFC, RFC2459_DATE, 0, applies_surname,
     run_surname_max_length, NULL},
    {"w_subject_given_name_recommended_max_length", X411_DESC("given names"),
     X411_CITATION, RFC, RFC2459_DATE, 0, applies_given_name,
     run_given_name_recommended, NULL},
    {"w_subject_surname_recommended_max_length", X411_DESC("surnames"),
     X411_CITATION, RFC, RFC2459_DATE, 0, applies_surname,
     run_surname_recommended, NULL},

    /* community */
    {"e_subj_contains_html_entities",
     "Detects the presence of HTML entities (e.g. '&amp;') in the Subject, "
     "which probably shouldn't be there",
     "Community: HTML entities in subject values", COMMUNITY, 0, 0, NULL,
     run_html_entities, NULL},
    {"e_subj_country_not_uppercase",
     "Alpha-2 country codes shall consist of LATIN CAPITAL LETTER A through "
     "LATIN CAPITAL LETTER Z",
     "ISO 3166-2:2020(E) section 5.1", COMMUNITY, 0, 0, NULL,
     run_country_not_uppercase, NULL},
    {"e_utf8_latin1_mixup",
     "Checks for wrongly encoded diacritics due to UTF-8 mistaken for Latin-1",
     "See https://en.wikipedia.org/wiki/ISO/IEC_8859-1", COMMUNITY, 0, 0, NULL,
     run_latin1_mixup, NULL},
    {"n_multiple_subject_rdn",
     "Certificates typically do not have multiple attributes in a single RDN "
     "(subject). This may be an error.",
     "lint.AWSLabs certlint", COMMUNITY, 0, 0, NULL, run_multiple_subject_rdn,
     NULL},
    {"w_multiple_issuer_rdn",
     "Certificates should not have multiple attributes in a single RDN "
     "(issuer)",
     "awslabs certlint", COMMUNITY, 0, 0, NULL, run_multiple_issuer_rdn, NULL},
    {"w_subject_dn_leading_whitespace",
     "AttributeValue in subject RelativeDistinguishedName sequence SHOULD NOT "
     "have leading whitespace",
     "lint.AWSLabs certlint", COMMUNITY, 0, 0, NULL, run_subject_leading_ws,
     NULL},
    {"w_subject_dn_trailing_whitespace",
     "AttributeValue in subject RelativeDistinguishedName sequence SHOULD NOT "
     "have trailing whitespace",
     "lint.AWSLabs certlint", COMMUNITY, 0, 0, NULL, run_subject_trailing_ws,
     NULL},
    {"w_issuer_dn_leading_whitespace",
     "AttributeValue in issuer RelativeDistinguishedName sequence SHOULD NOT "
     "have leading whitespace",
     "lint.AWSLabs certlint", COMMUNITY, 0, 0, NULL, run_issuer_leading_ws,
     NULL},
    {"w_issuer_dn_trailing_whitespace",
     "AttributeValue in issuer RelativeDistinguishedName sequence SHOULD NOT "
     "have trailing whitespace",
     "lint.AWSLabs certlint", COMMUNITY, 0, 0, NULL, run_issuer_trailing_ws,
     NULL},
};

CTS_GROUP(subject, table);
