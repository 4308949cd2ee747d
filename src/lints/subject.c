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
#include "subject_memo.h"
#include "subject_util.h"

/* The subject read once per certificate (subject_memo.h). */
static const cts_subj_memo *subj(const cts_lint_cert *cert) {
  return cts_subj_memo_get(cert, CTS_SM_SUBJECT);
}

static const cts_subj_memo *issuer(const cts_lint_cert *cert) {
  return cts_subj_memo_get(cert, CTS_SM_ISSUER);
}

/* util.TypeInName: an attribute of the type, whatever its value. */
#define HAS(cert, T) ((subj(cert)->has & CTS_ST_BIT(CTS_ST_##T)) != 0)
/* An attribute of the type with a string value (a named field of
 * zcrypto's pkix.Name is not empty). */
#define HAS_STR(cert, T) ((subj(cert)->has_str & CTS_ST_BIT(CTS_ST_##T)) != 0)

/* zlint's util dates (util/time.go) */
#define RFC2459_DATE CTS_DATE(1999, 1, 1)
#define CAB_EFFECTIVE_DATE CTS_DATE(2012, 7, 1)
#define CAB_V131_DATE CTS_DATE(2015, 9, 28)
#define CAB_GIVEN_NAME_DATE CTS_DATE(2016, 9, 7)
#define CAB_V148_DATE CTS_DATE(2017, 6, 8)
#define CABF_BRS_1_7_9_DATE CTS_DATE(2021, 8, 16)
#define CABF_OU_PROHIBITED_DATE CTS_DATE(2022, 9, 1)
#define SC62_DATE CTS_DATE(2023, 9, 15) /* also BRs 2.0.0 */

/* --- applies ----------------------------------------------------------- */

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
  return HAS(cert, OU);
}

/* --- DV: BRs 7.1.6.4 (v1.7.3-v1.8.7; 7.1.6.1 before): a certificate
 * asserting 2.23.140.1.2.1 MUST NOT include organizationName, givenName,
 * surname, streetAddress, localityName, stateOrProvinceName or postalCode
 * in the subject. Any attribute of the type counts (util.TypeInName). */

static cts_lint_status run_dv_org(const cts_lint_cert *cert) {
  return cts_error_if(HAS(cert, O));
}

static cts_lint_status run_dv_locality(const cts_lint_cert *cert) {
  return cts_error_if(HAS(cert, L));
}

static cts_lint_status run_dv_province(const cts_lint_cert *cert) {
  return cts_error_if(HAS(cert, ST));
}

static cts_lint_status run_dv_street(const cts_lint_cert *cert) {
  return cts_error_if(HAS(cert, STREET));
}

static cts_lint_status run_dv_postal(const cts_lint_cert *cert) {
  return cts_error_if(HAS(cert, POSTAL));
}

/* BRs 7.1.2.7.2 (v2.0.0+, Table "Domain Validated subject Attributes"):
 * only countryName and commonName; any other attribute MUST NOT appear. */
static cts_lint_status run_dv_subject_invalid_values(
    const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_NOT_DV);
}

/* --- OV and IV: BRs 7.1.6.4 (v1.7.3-v1.8.7): 2.23.140.1.2.2 requires
 * organizationName, localityName or stateOrProvinceName (as far as
 * 7.1.4.2.2 requires, i.e. in subscriber certificates) and countryName;
 * 2.23.140.1.2.3 requires organizationName or givenName and surname, the
 * same place fields and countryName. Presence is util.TypeInName. */

static cts_lint_status run_requires_org(const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, O));
}

static cts_lint_status run_requires_country(const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, C));
}

static cts_lint_status run_requires_province_or_locality(
    const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, L) && !HAS(cert, ST));
}

static cts_lint_status run_iv_requires_personal_name(
    const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, O) &&
                      !(HAS(cert, GIVEN) && HAS(cert, SURNAME)));
}

/* --- organizationalUnitName: BRs 7.1.4.2.2 i (v1.8.0+): prohibited in
 * certificates issued on or after 2022-09-01, and whenever
 * organizationName is absent; BRs 7.1.2.10.2 (v2.0.0+): not in CA
 * certificates. zlint reads Subject.OrganizationalUnit (a string value)
 * for the first and third, TypeInName for the second. */

static cts_lint_status run_ou_string_present(const cts_lint_cert *cert) {
  return cts_error_if(HAS_STR(cert, OU));
}

static cts_lint_status run_ou_without_org(const cts_lint_cert *cert) {
  return cts_error_if(!HAS(cert, O));
}

/* --- BRs 7.1.4.2.2 (v1.4+) subscriber subject fields, from pkix.Name's
 * string fields: countryName MUST appear, and localityName or
 * stateOrProvinceName MUST appear, when organizationName, givenName or
 * surname is present (c, d, e); localityName, stateOrProvinceName,
 * streetAddress and postalCode MUST NOT appear when all three are absent;
 * givenName and surname require the IV policy 2.23.140.1.2.3 (c). */

static int has_identity(const cts_lint_cert *cert) {
  return (subj(cert)->has_str & (CTS_ST_BIT(CTS_ST_O) | CTS_ST_BIT(CTS_ST_GIVEN) |
                                 CTS_ST_BIT(CTS_ST_SURNAME))) != 0;
}

static cts_lint_status run_locality_or_province_must_appear(
    const cts_lint_cert *cert) {
  return cts_error_if(has_identity(cert) && !HAS_STR(cert, ST) &&
                  !HAS_STR(cert, L));
}

static cts_lint_status run_country_must_appear(const cts_lint_cert *cert) {
  return cts_error_if(has_identity(cert) && !HAS_STR(cert, C));
}

static cts_lint_status run_locality_must_not_appear(
    const cts_lint_cert *cert) {
  return cts_error_if(!has_identity(cert) && HAS_STR(cert, L));
}

static cts_lint_status run_province_must_not_appear(
    const cts_lint_cert *cert) {
  return cts_error_if(!has_identity(cert) && HAS_STR(cert, ST));
}

static cts_lint_status run_street_must_not_appear(const cts_lint_cert *cert) {
  return cts_error_if(!has_identity(cert) && HAS_STR(cert, STREET));
}

static cts_lint_status run_postal_must_not_appear(const cts_lint_cert *cert) {
  return cts_error_if(!has_identity(cert) && HAS_STR(cert, POSTAL));
}

static int applies_personal_name(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber &&
         (HAS_STR(cert, GIVEN) || HAS_STR(cert, SURNAME));
}

static cts_lint_status run_personal_name_needs_iv(const cts_lint_cert *cert) {
  return cts_error_if(!(cert->facts.policies & CTS_POLICY_IV));
}

/* --- CA subjects: BRs 7.1.2.10.2 (7.1.4.3.1 before v2.0.0): commonName,
 * countryName (ISO 3166-1) and organizationName MUST be present; RFC 5280
 * 4.1.2.6: a CA's subject MUST be a non-empty DN. */

static cts_lint_status run_ca_cn_missing(const cts_lint_cert *cert) {
  /* Subject.CommonName: the last string commonName */
  const cts_subj_val *cn = &subj(cert)->last_str[CTS_ST_CN];
  return cts_error_if(!cn->set || cn->value.len == 0);
}

static cts_lint_status run_ca_country_invalid(const cts_lint_cert *cert) {
  const cts_subj_memo *m = subj(cert);
  /* no Subject.Country: zlint answers NA */
  if (!(m->has_str & CTS_ST_BIT(CTS_ST_C))) return CTS_LINT_NA;
  return cts_error_if(m->flags & CTS_SF_C_NOT_ISO);
}

/* Subject.X[0] != "": the first string value of the type is not empty. */
static int first_string_nonempty(const cts_lint_cert *cert, int type) {
  const cts_subj_val *v = &subj(cert)->first_str[type];
  return v->set && v->runes > 0;
}

static cts_lint_status run_ca_country_missing(const cts_lint_cert *cert) {
  return cts_error_if(!first_string_nonempty(cert, CTS_ST_C));
}

static cts_lint_status run_ca_org_missing(const cts_lint_cert *cert) {
  return cts_error_if(!first_string_nonempty(cert, CTS_ST_O));
}

/* util.NotAllNameFieldsAreEmpty: the Name holds at least one attribute. */
static cts_lint_status run_subject_empty(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->n_attrs == 0);
}

/* RFC 5280 4.1.2.4: the issuer field MUST contain a non-empty DN. */
static cts_lint_status run_issuer_empty(const cts_lint_cert *cert) {
  return cts_error_if(issuer(cert)->issuer_empty);
}

/* RFC 5280 4.1.2.6 / 4.2.1.6: an empty subject requires subjectAltName. */
static cts_lint_status run_empty_without_san(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->n_attrs == 0 && cert->sum->ext_san < 0);
}

/* RFC 5280 4.1.2.6: a non-empty subject MUST be a DN. Go's x509 parses a
 * subject into a pkix.Name or not at all, so zlint always passes it. */
static cts_lint_status run_subject_not_dn(const cts_lint_cert *cert) {
  (void)cert;
  return CTS_LINT_PASS;
}

/* --- BRs 7.1.4.1 (v2.0.0): a Name MUST NOT hold more than one instance of
 * jurisdiction{Locality,StateOrProvince,Country}Name, commonName, surname,
 * serialNumber, countryName, localityName, stateOrProvinceName,
 * organizationName, businessCategory, givenName or organizationIdentifier
 * across its RDNs (domainComponent, streetAddress and the deprecated
 * organizationalUnitName may repeat). */
static cts_lint_status run_duplicate_attribs(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_DUPLICATE);
}

/* BRs 7.1.4.2 (v2.0.0): subject attributes, where present, are encoded in
 * this order: domainComponent, countryName, stateOrProvinceName,
 * localityName, postalCode, streetAddress, organizationName, surname,
 * givenName, organizationalUnitName, commonName. Other types are not
 * ordered. */
static cts_lint_status run_rdn_order(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_RDN_ORDER);
}

/* --- encodings: RFC 5280 Appendix A (X520countryName and
 * X520SerialNumber are PrintableString); BRs 7.1.4.2 Tables (v2.0.0):
 * the encodings each attribute may use. Go compares the tag number only
 * (asn1.RawValue.Tag), whatever the class. */

static int applies_subject_country_string(const cts_lint_cert *cert) {
  return HAS_STR(cert, C);
}

static cts_lint_status run_subject_country_not_printable(
    const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->not_printable & CTS_ST_BIT(CTS_ST_C));
}

/* Issuer.Country: a string-valued countryName in the issuer. */
static int applies_issuer_country_string(const cts_lint_cert *cert) {
  return issuer(cert)->issuer_c_string;
}

static cts_lint_status run_issuer_country_not_printable(
    const cts_lint_cert *cert) {
  return cts_error_if(issuer(cert)->issuer_c_not_printable);
}

/* Subject.SerialNumber (the last string serialNumber) is not empty. */
static int applies_serial_number(const cts_lint_cert *cert) {
  const cts_subj_val *sn = &subj(cert)->last_str[CTS_ST_SERIAL];
  return sn->set && sn->runes > 0;
}

static cts_lint_status run_serial_not_printable(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->not_printable & CTS_ST_BIT(CTS_ST_SERIAL));
}

/* Table 77/78 of BRs 2.0.0 7.1.4.2: domainComponent IA5String only;
 * countryName, jurisdictionCountryName and serialNumber PrintableString
 * only; the other named types PrintableString or UTF8String. */
static cts_lint_status run_rdns_correct_encoding(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_ENCODING);
}

/* RFC 5280 Appendix B: PrintableString holds a-z, A-Z, 0-9 and
 * ' = ( ) + , - . / : ? and space; zlint also rejects an empty one. */
static cts_lint_status run_printable_badalpha(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_BADALPHA);
}

/* RFC 5280 Appendix A: X.520 strings hold no control characters. zlint
 * decodes every value's raw bytes as UTF-8, whatever its type, and rejects
 * C0 controls and U+007F-U+009F. */
static cts_lint_status run_not_printable_characters(
    const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_CONTROL);
}

/* --- countries --------------------------------------------------------- */

/* BRs 7.1.4.2.2 g: countryName holds the two-letter ISO 3166-1 code (or
 * XX); zlint upper-cases it first. */
static cts_lint_status run_country_not_iso(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_C_NOT_ISO);
}

/* ISO 3166-2:2020 5.1: alpha-2 codes are LATIN CAPITAL LETTERs A-Z (zlint:
 * ^[A-Z]+$ on each Subject.Country). */
static cts_lint_status run_country_not_uppercase(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_C_NOT_UPPER);
}

/* --- lengths: RFC 5280 Appendix A upper bounds (ub-common-name 64,
 * ub-organization-name 64, ub-organizational-unit-name 64,
 * ub-locality-name 128, ub-state-name 128, ub-postal-code 16,
 * ub-emailaddress-length 255, ub-serial-number 64, ub-name 32768; X.520
 * ub-street-address 128; X.411 ub-common-name-length 64 recommended for
 * given names and surnames). zlint counts the characters of the Go string
 * (utf8.RuneCountInString). */

#define LONGER(cert, T, max) (subj(cert)->max_runes[CTS_ST_##T] > (max))

/* Subject.CommonName (the last string commonName) is not empty. */
static int applies_cn(const cts_lint_cert *cert) {
  const cts_subj_val *cn = &subj(cert)->last_str[CTS_ST_CN];
  return cn->set && cn->runes > 0;
}

static cts_lint_status run_cn_max_length(const cts_lint_cert *cert) {
  const cts_subj_val *cn = &subj(cert)->last_str[CTS_ST_CN];
  return cts_error_if(cn->set && cn->runes > 64);
}

static cts_lint_status run_serial_max_length(const cts_lint_cert *cert) {
  const cts_subj_val *sn = &subj(cert)->last_str[CTS_ST_SERIAL];
  return cts_error_if(sn->set && sn->runes > 64);
}

static int applies_email(const cts_lint_cert *cert) {
  return HAS_STR(cert, EMAIL);
}
static cts_lint_status run_email_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, EMAIL, 255));
}

static int applies_given_name(const cts_lint_cert *cert) {
  return HAS_STR(cert, GIVEN);
}
static cts_lint_status run_given_name_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, GIVEN, 32768));
}
static cts_lint_status run_given_name_recommended(const cts_lint_cert *cert) {
  return LONGER(cert, GIVEN, 64) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

static int applies_surname(const cts_lint_cert *cert) {
  return HAS_STR(cert, SURNAME);
}
static cts_lint_status run_surname_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, SURNAME, 32768));
}
static cts_lint_status run_surname_recommended(const cts_lint_cert *cert) {
  return LONGER(cert, SURNAME, 64) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

static int applies_locality(const cts_lint_cert *cert) {
  return HAS_STR(cert, L);
}
static cts_lint_status run_locality_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, L, 128));
}

static int applies_org(const cts_lint_cert *cert) { return HAS_STR(cert, O); }
static cts_lint_status run_org_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, O, 64));
}

static int applies_ou(const cts_lint_cert *cert) { return HAS_STR(cert, OU); }
static cts_lint_status run_ou_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, OU, 64));
}

static int applies_postal(const cts_lint_cert *cert) {
  return HAS_STR(cert, POSTAL);
}
static cts_lint_status run_postal_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, POSTAL, 16));
}

static int applies_state(const cts_lint_cert *cert) {
  return HAS_STR(cert, ST);
}
static cts_lint_status run_state_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, ST, 128));
}

static int applies_street(const cts_lint_cert *cert) {
  return HAS_STR(cert, STREET);
}
static cts_lint_status run_street_max_length(const cts_lint_cert *cert) {
  return cts_error_if(LONGER(cert, STREET, 128));
}

/* --- values ------------------------------------------------------------ */

/* BRs 7.1.4.2.2 j: optional attributes MUST NOT hold metadata such as
 * '.', '-' or ' ' meaning "absent". zlint: every string value needs a
 * letter, a digit or a non-ASCII character. */
static cts_lint_status run_noninformational(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_NONINFO);
}

/* Community: HTML entities (e.g. "&amp;") in the subject are a sign of
 * values copied from web forms without decoding. zlint scans the first
 * value of GivenName, Surname, CommonNames, OrganizationalUnit,
 * Organization, Locality, Province, StreetAddress, PostalCode,
 * OrganizationIDs, JurisdictionLocality and JurisdictionProvince. */
static cts_lint_status run_html_entities(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_HTML);
}

/* Community: UTF-8 read as Latin-1 / Windows-1252 and re-encoded
 * ("MÃ¼nchen" for "München"), in the same values. */
static cts_lint_status run_latin1_mixup(const cts_lint_cert *cert) {
  return cts_error_if(subj(cert)->flags & CTS_SF_LATIN1);
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
  return subj(cert)->cn_strings > 1 ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* --- RDN shape and whitespace (community, from certlint) --------------- */

static cts_lint_status run_multiple_subject_rdn(const cts_lint_cert *cert) {
  return subj(cert)->flags & CTS_SF_MULTI_RDN ? CTS_LINT_INFO : CTS_LINT_PASS;
}

static cts_lint_status run_multiple_issuer_rdn(const cts_lint_cert *cert) {
  return issuer(cert)->issuer_multi_rdn ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* util.CheckRDNSequenceWhiteSpace: a string value of a name attribute
 * (util.IsNameAttribute) starts (leading) or ends (trailing) with
 * unicode.IsSpace. */
static cts_lint_status run_subject_leading_ws(const cts_lint_cert *cert) {
  return subj(cert)->flags & CTS_SF_LEADING_WS ? CTS_LINT_WARN : CTS_LINT_PASS;
}
static cts_lint_status run_subject_trailing_ws(const cts_lint_cert *cert) {
  return subj(cert)->flags & CTS_SF_TRAILING_WS ? CTS_LINT_WARN
                                                : CTS_LINT_PASS;
}
static cts_lint_status run_issuer_leading_ws(const cts_lint_cert *cert) {
  return issuer(cert)->issuer_leading_ws ? CTS_LINT_WARN : CTS_LINT_PASS;
}
static cts_lint_status run_issuer_trailing_ws(const cts_lint_cert *cert) {
  return issuer(cert)->issuer_trailing_ws ? CTS_LINT_WARN : CTS_LINT_PASS;
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
     "BRs: 7.1.4.2.2-i", BR, CABF_OU_PROHIBITED_DATE, 0, cts_applies_not_ca,
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
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
     run_locality_or_province_must_appear, NULL},
    {"e_sub_cert_province_must_appear",
     "Subscriber Certificate: subject:stateOrProvinceName MUST appear if the "
     "subject:organizationName, subject:givenName, or subject:surname fields "
     "are present and subject:localityName is absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
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
     "BRs: 7.1.4.3.1", BR, CAB_V148_DATE, 0, cts_applies_ca, run_ca_cn_missing,
     NULL},
    {"e_ca_country_name_invalid",
     "Root and Subordinate CA certificates MUST have a two-letter country "
     "code specified in ISO 3166-1",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_ca,
     run_ca_country_invalid, NULL},
    {"e_ca_country_name_missing",
     "Root and Subordinate CA certificates MUST have a countryName present in "
     "subject information",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_ca,
     run_ca_country_missing, NULL},
    {"e_ca_organization_name_missing",
     "Root and Subordinate CA certificates MUST have a organizationName "
     "present in subject information",
     "BRs: 7.1.2.1", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_ca,
     run_ca_org_missing, NULL},
    {"e_ca_subject_field_empty",
     "The subject field of a CA certificate MUST have a non-empty "
     "distinguished name",
     "RFC 5280: 4.1.2.6", RFC, RFC2459_DATE, 0, cts_applies_ca,
     run_subject_empty, NULL},
    {"e_subj_orgunit_in_ca_cert",
     "The organizationalUnitName MUST NOT be included in Root CA certs or TLS "
     "Subordinate CA certs. organizationalUnitName is allowed for cross "
     "signed certificates, although not recommended. This lint may be "
     "configured to signify that the target is a cross signed certificate.",
     "CABF BR \xc2\xa7" "7.1.2.10.2 (CA Certificate Naming)", BR, SC62_DATE, 0,
     cts_applies_ca, run_ou_string_present, NULL},

    /* subscriber subject fields */
    {"e_sub_cert_country_name_must_appear",
     "Subscriber Certificate: subject:countryName MUST appear if the "
     "subject:organizationName field, subject:givenName field, or "
     "subject:surname fields are present.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
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
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
     run_locality_must_not_appear, NULL},
    {"e_sub_cert_postal_code_must_not_appear",
     "Subscriber Certificate: subject:postalCode MUST NOT appear if the "
     "subject:organizationName field, subject:givenName field, or "
     "subject:surname fields are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
     run_postal_must_not_appear, NULL},
    {"e_sub_cert_province_must_not_appear",
     "Subscriber Certificate: subject:stateOrProvinceName MUST NOT appear if "
     "the subject:organizationName, subject:givenName, and subject:surname "
     "fields are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
     run_province_must_not_appear, NULL},
    {"e_sub_cert_street_address_should_not_exist",
     "Subscriber Certificate: subject:streetAddress MUST NOT appear if "
     "subject:organizationName, subject:givenName, and subject:surname fields "
     "are absent.",
     "BRs: 7.1.4.2.2", BR, CAB_GIVEN_NAME_DATE, 0, cts_applies_subscriber,
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
     "BRs: 7.1.4.2", BR, SC62_DATE, 0, cts_applies_subscriber, run_rdn_order,
     NULL},
    {"e_subject_rdns_correct_encoding",
     "CAs that include attributes in the Certificate subject field that are "
     "listed in the Tables 77 and 78 of BR 2.0.0 SHALL follow the specified "
     "encoding requirements for the attribute",
     "BRs 2.0.0: 7.1.4.2, Table 77 and Table 78", BR, SC62_DATE, 0, NULL,
     run_rdns_correct_encoding, NULL},

    /* commonName */
    {"n_subject_common_name_included",
     "Subscriber Certificate: commonName is deprecated.", "BRs: 7.1.4.2.2", BR,
     CAB_EFFECTIVE_DATE, SC62_DATE, cts_applies_not_ca, run_cn_included_notice,
     NULL},
    {"w_subject_common_name_included",
     "Subscriber Certificate: commonName is NOT RECOMMENDED.",
     "BRs: 7.1.2.7.1", BR, SC62_DATE, 0, cts_applies_subscriber,
     run_cn_included_warn, NULL},
    {"w_extra_subject_common_names",
     "if present the subject commonName field MUST contain a single IP "
     "address or Fully-Qualified Domain Name",
     "BRs: 7.1.4.2.2", BR, CAB_EFFECTIVE_DATE, 0, cts_applies_subscriber,
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
