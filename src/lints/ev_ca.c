/* Lint group "ev_ca": the EV Guidelines' rules for EV certificates (EVGs
 * 9.2 subject, 9.4 validity, 9.8 extensions). See include/ctscan/lint.h for
 * the framework and subject_util.h for the helpers. An EV certificate is
 * one asserting a policy OID among those zlint's util.IsEV knows (the CA/B
 * Forum's 2.23.140.1.1 and CA-specific EV OIDs). */
#include <string.h>

#include "ctscan/lint.h"
#include "lints_internal.h"
#include "names_util.h"
#include "subject_memo.h"
#include "subject_util.h"

#define OID_IS(d, X) CTS_SUBJ_OID_IS((d), (X))

/* EVGs 9.8.2 cabfOrganizationIdentifier, 2.23.140.3.1 */
#define OID_EXT_CABF_ORG_ID "\x67\x81\x0c\x03\x01"

/* zlint's util dates (util/time.go) */
#define ONION_ONLY_EV_DATE CTS_DATE(2015, 5, 1)
#define SUB_CERT_825_DAYS_DATE CTS_DATE(2018, 3, 2)
#define SC16_DATE CTS_DATE(2019, 4, 16)
#define SC17_DATE CTS_DATE(2019, 6, 21)
#define CAB_V170_DATE CTS_DATE(2020, 1, 31) /* also EVGs 9.2.8 */

/* Every lint here asks; the memo walks the policies once. */
static int is_ev(const cts_lint_cert *cert) {
  return cts_subj_memo_get(cert, CTS_SM_EV)->is_ev;
}

static const cts_subj_memo *subj_memo(const cts_lint_cert *cert) {
  return cts_subj_memo_get(cert, CTS_SM_SUBJECT);
}

static int has_type(const cts_lint_cert *cert, int type) {
  return (subj_memo(cert)->has & CTS_ST_BIT(type)) != 0;
}

static int applies_ev(const cts_lint_cert *cert) { return is_ev(cert); }

static int applies_ev_subscriber(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && is_ev(cert);
}

/* --- the Go strings of values ------------------------------------------ */

/* A value as Go holds it: its bytes and the tag that says how to decode
 * them (BMPString as UTF-16, everything else as the bytes themselves). */
typedef struct go_str {
  cts_der v;
  uint32_t tag;
} go_str;

/* Go string equality. Byte equality where neither side needs decoding;
 * otherwise rune by rune. */
static int go_str_eq(go_str a, go_str b) {
  size_t pa = 0, pb = 0;
  uint32_t ra, rb;
  int ha, hb;
  if (a.tag != CTS_DER_BMP_STRING && b.tag != CTS_DER_BMP_STRING)
    return a.v.len == b.v.len &&
           (a.v.len == 0 || memcmp(a.v.data, b.v.data, a.v.len) == 0);
  for (;;) {
    ha = cts_subj_next_rune(a.tag, a.v, &pa, &ra);
    hb = cts_subj_next_rune(b.tag, b.v, &pb, &rb);
    if (!ha || !hb) return ha == hb;
    if (ra != rb) return 0;
  }
}

static int go_str_is(go_str a, const char *s) {
  go_str b;
  b.v.data = (const uint8_t *)s;
  b.v.len = strlen(s);
  b.tag = CTS_DER_UTF8_STRING;
  return go_str_eq(a, b);
}

static int go_str_empty(go_str a) { return cts_subj_rune_count(a.tag, a.v) == 0; }

/* --- subject attributes: EVGs 9.2.1 organizationName, 9.2.3
 * businessCategory, 9.2.4 countryName (of the place of business), 9.2.6
 * serialNumber (registration number) MUST be present. Presence is
 * util.TypeInName except for serialNumber, read from Subject.SerialNumber
 * (the last string value). */

static cts_lint_status run_org_missing(const cts_lint_cert *cert) {
  return cts_error_if(!has_type(cert, CTS_ST_O));
}

static cts_lint_status run_country_missing(const cts_lint_cert *cert) {
  return cts_error_if(!has_type(cert, CTS_ST_C));
}

static cts_lint_status run_business_category_missing(
    const cts_lint_cert *cert) {
  return cts_error_if(!has_type(cert, CTS_ST_BUSINESS));
}

static cts_lint_status run_serial_number_missing(const cts_lint_cert *cert) {
  const cts_subj_val *sn = &subj_memo(cert)->last_str[CTS_ST_SERIAL];
  return cts_error_if(!sn->set || sn->runes == 0);
}

/* EVGs 9.2.3 (7.1.4.2.3 in older numbering): businessCategory MUST contain
 * "Private Organization", "Government Entity", "Business Entity" or
 * "Non-Commercial Entity". zlint judges the first businessCategory (only a
 * value Go decodes to a string can equal one of them); with none, the lint
 * does not apply (e_ev_business_category_missing reports that). */
static int is_business_category(cts_der value, uint32_t tag) {
  static const char *const allowed[] = {
      "Private Organization", "Government Entity", "Business Entity",
      "Non-Commercial Entity"};
  go_str s;
  size_t i;
  if (!cts_subj_is_go_string(tag)) return 0;
  s.v = value;
  s.tag = tag;
  for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
    if (go_str_is(s, allowed[i])) return 1;
  return 0;
}

static cts_lint_status run_invalid_business_category(
    const cts_lint_cert *cert) {
  const cts_subj_memo *m = subj_memo(cert);
  if (!m->has_bc) return CTS_LINT_NA;
  return cts_error_if(!is_business_category(m->first_bc, m->first_bc_tag));
}

/* EVGs 9.2.9 (7.1.4.2.9 before; Ballot SC16): no subject attributes but
 * those 9.2 specifies (organizationalUnitName is still counted as allowed
 * here; its ban has its own lint). */
static cts_lint_status run_extra_subject_attribs(const cts_lint_cert *cert) {
  return cts_error_if(subj_memo(cert)->flags & CTS_SF_NOT_EV);
}

/* --- organizationIdentifier: EVGs 9.2.8 and 9.8.2 (v1.7.0+) ------------ */

/* Subject.OrganizationIDs[0]: the first string organizationIdentifier. */
static int first_org_id(const cts_lint_cert *cert, go_str *out) {
  const cts_subj_val *v = &subj_memo(cert)->first_str[CTS_ST_ORG_ID];
  if (!v->set) return 0;
  out->v = v->value;
  out->tag = v->tag;
  return 1;
}

static int applies_ev_org_id(const cts_lint_cert *cert) {
  go_str id;
  return is_ev(cert) && first_org_id(cert, &id);
}

static int applies_ev_subscriber_org_id(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && applies_ev_org_id(cert);
}

/* EVGs 9.2.8: the registration scheme (first three characters) is one of
 * Appendix H's: NTR, VAT, PSD. */
static cts_lint_status run_invalid_orgid_reg_scheme(
    const cts_lint_cert *cert) {
  go_str id;
  uint32_t r[3];
  size_t pos = 0, n = 0;
  if (!first_org_id(cert, &id)) return CTS_LINT_PASS;
  while (n < 3 && cts_subj_next_rune(id.tag, id.v, &pos, &r[n])) n++;
  if (n < 3) return CTS_LINT_ERROR;
  return cts_error_if(!((r[0] == 'N' && r[1] == 'T' && r[2] == 'R') ||
                    (r[0] == 'V' && r[1] == 'A' && r[2] == 'T') ||
                    (r[0] == 'P' && r[1] == 'S' && r[2] == 'D')));
}

/* Asked of every certificate (applies_psd_vat): lengths compared first,
 * bytes only where they match. */
static const cts_ext *find_ext(const cts_summary *sum, const char *oid,
                               size_t oid_len) {
  size_t i;
  for (i = 0; i < sum->n_exts; i++) {
    const cts_span s = sum->exts[i].oid;
    if (s.len == oid_len && memcmp(sum->der + s.off, oid, oid_len) == 0)
      return &sum->exts[i];
  }
  return NULL;
}

#define FIND_EXT(sum, X) find_ext((sum), (X), CTS_OID_LEN(X))

/* EVGs 9.8.2: with subject:organizationIdentifier present, the
 * cabfOrganizationIdentifier extension MUST be present. */
static cts_lint_status run_org_id_ext_missing(const cts_lint_cert *cert) {
  return cts_error_if(FIND_EXT(cert->sum, OID_EXT_CABF_ORG_ID) == NULL);
}

/* CABFOrganizationIdentifier ::= SEQUENCE {
 *   registrationSchemeIdentifier PrintableString (SIZE(3)),
 *   registrationCountry          PrintableString (SIZE(2)),
 *   registrationStateOrProvince  [0] IMPLICIT PrintableString OPTIONAL,
 *   registrationReference        UTF8String }
 * (EVGs 9.8.2). As zcrypto reads it: any string type where a string is
 * expected, an absent state is "". */
typedef struct cabf_org_id {
  go_str scheme, country, state, reference;
} cabf_org_id;

static int get_go_string(cts_der *seq, go_str *out) {
  cts_der elem;
  size_t hdr;
  if (!cts_der_get_any_element(seq, &elem, &out->tag, &hdr) ||
      !cts_subj_is_go_string(out->tag))
    return 0;
  out->v.data = elem.data + hdr;
  out->v.len = elem.len - hdr;
  return 1;
}

static int parse_cabf_org_id(const cts_summary *sum, cabf_org_id *out) {
  const cts_ext *ext = FIND_EXT(sum, OID_EXT_CABF_ORG_ID);
  cts_der v, seq;
  int present;
  if (ext == NULL) return 0;
  v = cts_summary_der(sum, ext->value);
  memset(out, 0, sizeof(*out));
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE) ||
      !get_go_string(&seq, &out->scheme) || !get_go_string(&seq, &out->country))
    return 0;
  out->state.tag = CTS_DER_PRINTABLE_STRING;
  if (!cts_der_get_optional_element(&seq, &out->state.v, &present,
                                    CTS_DER_CONTEXT_SPECIFIC | 0))
    return 0;
  return get_go_string(&seq, &out->reference);
}

/* EVGs 9.8.2 (Ballot SC17): for the PSD and VAT schemes the extension
 * carries no registrationStateOrProvince. */
static int applies_psd_vat(const cts_lint_cert *cert) {
  cabf_org_id id;
  return parse_cabf_org_id(cert->sum, &id) &&
         (go_str_is(id.scheme, "PSD") || go_str_is(id.scheme, "VAT"));
}

static cts_lint_status run_psd_vat_has_state(const cts_lint_cert *cert) {
  cabf_org_id id;
  if (!parse_cabf_org_id(cert->sum, &id)) return CTS_LINT_PASS;
  return cts_error_if(!go_str_empty(id.state));
}

/* The subject's organizationIdentifier split as EVGs 9.2.8 has it:
 *   3 letters scheme, 2 letters country, optional "+" 2 letters state,
 *   "-", [PSD: letters NCA id, "-"], reference (one or more characters,
 *   none a newline).
 * Letters are A-Z. Returns 0 when the value does not have that form. */
static size_t ascii_upper_run(go_str s, size_t pos, size_t max) {
  size_t n = 0;
  uint32_t r;
  while (n < max && cts_subj_next_rune(s.tag, s.v, &pos, &r) && r >= 'A' &&
         r <= 'Z')
    n++;
  return n;
}

/* Byte offset after k runes from pos (each ASCII rune here is one unit). */
static size_t skip_runes(go_str s, size_t pos, size_t k) {
  uint32_t r;
  while (k-- > 0 && cts_subj_next_rune(s.tag, s.v, &pos, &r)) {
  }
  return pos;
}

static int next_is(go_str s, size_t *pos, uint32_t want) {
  size_t p = *pos;
  uint32_t r;
  if (!cts_subj_next_rune(s.tag, s.v, &p, &r) || r != want) return 0;
  *pos = p;
  return 1;
}

static go_str sub(go_str s, size_t from, size_t to) {
  go_str out = s;
  out.v.data = s.v.data + from;
  out.v.len = to - from;
  return out;
}

static int parse_subject_org_id(go_str s, int psd, cabf_org_id *out) {
  size_t pos = 0, start, n;
  uint32_t r;
  memset(out, 0, sizeof(*out));
  out->state.tag = CTS_DER_PRINTABLE_STRING;
  if (ascii_upper_run(s, pos, 3) != 3) return 0;
  out->scheme = sub(s, 0, pos = skip_runes(s, pos, 3));
  if (ascii_upper_run(s, pos, 2) != 2) return 0;
  start = pos;
  out->country = sub(s, start, pos = skip_runes(s, pos, 2));
  if (next_is(s, &pos, '+')) {
    if (ascii_upper_run(s, pos, 2) != 2) return 0;
    start = pos;
    out->state = sub(s, start, pos = skip_runes(s, pos, 2));
  }
  if (!next_is(s, &pos, '-')) return 0;
  if (psd) { /* the NCA identifier: [A-Z]* then '-' */
    n = ascii_upper_run(s, pos, (size_t)-1);
    pos = skip_runes(s, pos, n);
    if (!next_is(s, &pos, '-')) return 0;
  }
  start = pos;
  for (n = 0; cts_subj_next_rune(s.tag, s.v, &pos, &r); n++)
    if (r == '\n') return 0;
  if (n == 0) return 0;
  out->reference = sub(s, start, pos);
  return 1;
}

static int org_ids_equal(const cabf_org_id *a, const cabf_org_id *b) {
  return go_str_eq(a->scheme, b->scheme) && go_str_eq(a->country, b->country) &&
         go_str_eq(a->state, b->state) &&
         go_str_eq(a->reference, b->reference);
}

static int applies_orgid_and_ext(const cts_lint_cert *cert) {
  return applies_ev_org_id(cert) &&
         FIND_EXT(cert->sum, OID_EXT_CABF_ORG_ID) != NULL;
}

/* EVGs 9.2.8 and 9.8.2: the extension repeats the subject's
 * organizationIdentifier (for PSD, without the NCA identifier). */
static cts_lint_status run_orgid_inconsistent(const cts_lint_cert *cert) {
  go_str id;
  cabf_org_id subj, ext;
  if (!first_org_id(cert, &id) || !parse_subject_org_id(id, 0, &subj))
    return CTS_LINT_ERROR;
  if (!parse_cabf_org_id(cert->sum, &ext)) return CTS_LINT_ERROR;
  if (org_ids_equal(&subj, &ext)) return CTS_LINT_PASS;
  if (!go_str_is(subj.scheme, "PSD")) return CTS_LINT_ERROR;
  if (!parse_subject_org_id(id, 1, &subj)) return CTS_LINT_ERROR;
  return cts_error_if(!org_ids_equal(&subj, &ext));
}

/* --- names: EVGs 9.8.1 (v1.7.8): subjectAltName holds dNSNames only, and
 * no wildcard except for .onion names. ----------------------------------- */

static cts_lint_status run_san_ip_present(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  size_t i;
  for (i = 0; i < sum->n_sans; i++)
    if (sum->sans[i].type == CTS_GN_IP) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* A name zcrypto parses (publicsuffix-go; names that fail are skipped)
 * holding '*' and not ending in ".onion". */
static int is_bad_wildcard(cts_str name) {
  cts_domain d;
  if (!cts_str_has_byte(name, '*') || cts_str_has_suffix(name, ".onion"))
    return 0;
  return cts_domain_parse(name, &d) == CTS_DOMAIN_OK;
}

static cts_lint_status run_not_wildcard(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  cts_cn_buf buf;
  size_t i;
  for (i = 0; i < sum->n_sans; i++)
    if (sum->sans[i].type == CTS_GN_DNS &&
        is_bad_wildcard(cts_names_span(sum, sum->sans[i].value)))
      return CTS_LINT_ERROR;
  return cts_error_if(is_bad_wildcard(cts_names_cn(sum, &buf)));
}

/* --- validity: EVGs 1.0 8(a) / 1.6.1 9.4: at most 27 months, until the
 * BRs' 825-day limit (Ballot 193, 2018-03-01) superseded it. ------------ */

static int applies_ev_before_825(const cts_lint_cert *cert) {
  return cert->sum->not_before < SUB_CERT_825_DAYS_DATE &&
         applies_ev_subscriber(cert);
}

/* days since 1970-01-01 of a proleptic Gregorian date (month may be 1-12,
 * day may run past the month: Go's time.Date normalises it the same way) */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  int64_t era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d) {
  int64_t era, doe, yoe, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* Go's t.AddDate(0, months, 0) in UTC. */
static int64_t add_months(int64_t t, int64_t months) {
  int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  int64_t secs = t - days * 86400, y, m, d, m0;
  civil_from_days(days, &y, &m, &d);
  m0 = m - 1 + months;
  y += m0 >= 0 ? m0 / 12 : -((-m0 + 11) / 12);
  m = m0 - (m0 >= 0 ? m0 / 12 : -((-m0 + 11) / 12)) * 12 + 1;
  return (days_from_civil(y, m, 1) + d - 1) * 86400 + secs;
}

static cts_lint_status run_valid_time_too_long(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return cts_error_if(add_months(sum->not_before, 27) < sum->not_after);
}

/* --- the table --------------------------------------------------------- */

#define EV CTS_SRC_CABF_EV

static const cts_lint table[] = {
    /* the misissuance root programs found in real incidents */
    {"e_ev_business_category_missing",
     "EV certificates must include businessCategory in subject",
     "EVGs: 9.2.3", EV, 0, 0, applies_ev_subscriber,
     run_business_category_missing, NULL},
    {"e_ev_invalid_business_category",
     "Checks that businessCategory contains a valid value as per EV "
     "Guidelines 7.1.4.2.3",
     "EVGs 7.1.4.2.3", EV, 0, 0, applies_ev_subscriber,
     run_invalid_business_category, NULL},

    {"e_ev_country_name_missing",
     "EV certificates must include countryName in subject", "EVGs: 9.2.4", EV,
     0, 0, applies_ev_subscriber, run_country_missing, NULL},
    {"e_ev_organization_name_missing",
     "EV certificates must include organizationName in subject",
     "EVGs: 9.2.1", EV, 0, 0, applies_ev_subscriber, run_org_missing, NULL},
    {"e_ev_serial_number_missing",
     "EV certificates must include serialNumber in subject", "EVGs: 9.2.6", EV,
     0, 0, applies_ev_subscriber, run_serial_number_missing, NULL},
    {"e_ev_extra_subject_attribs",
     "CAs SHALL NOT include any Subject Distinguished Name attributes except "
     "as specified...",
     "EVGs \xc2\xa7" "7.1.4.2.9", EV, SC16_DATE, 0, applies_ev_subscriber,
     run_extra_subject_attribs, NULL},
    {"e_ev_invalid_orgid_reg_scheme",
     "The Registration Schemes allowed in organizationIdentifier are those "
     "listed in Appendix H",
     "CABF EV Guidelines \xc2\xa7" "9.2.8", EV, CAB_V170_DATE, 0,
     applies_ev_subscriber_org_id, run_invalid_orgid_reg_scheme, NULL},
    {"e_ev_organization_id_missing",
     "Effective January 31, 2020, if the subject:organizationIdentifier field "
     "is present, this [cabfOrganizationIdentifier] field MUST be present.",
     "CA/Browser Forum EV Guidelines v1.7.0, Sec. 9.8.2", EV, CAB_V170_DATE, 0,
     applies_ev_org_id, run_org_id_ext_missing, NULL},
    {"e_ev_orgid_inconsistent_subj_and_ext",
     "Checks that the organizationIdentifier Subject attribute and the "
     "CABFOrganizationIdentifier extension are consistent",
     "EVGs 9.2.8 and 9.8.2", EV, CAB_V170_DATE, 0, applies_orgid_and_ext,
     run_orgid_inconsistent, NULL},
    {"e_cabf_org_identifier_psd_vat_has_state",
     "The cabfOrganizationIdentifier field for PSD org VAT Registration "
     "Schemes cannot include the referenceStateOrProvince field.",
     "9.2.8", EV, SC17_DATE, 0, applies_psd_vat, run_psd_vat_has_state, NULL},
    {"e_ev_san_ip_address_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' name "
     "types.",
     "CABF EV Guidelines 1.7.8 Section 9.8.1", EV, 0, 0, applies_ev,
     run_san_ip_present, NULL},
    {"e_ev_not_wildcard",
     "Wildcard certificates are not allowed for EV Certificates except for "
     "those with .onion as the TLD.",
     "CABF EV Guidelines 1.7.8 Section 9.8.1", EV, ONION_ONLY_EV_DATE, 0,
     applies_ev, run_not_wildcard, NULL},
    {"e_ev_valid_time_too_long",
     "EV certificates must be 27 months in validity or less",
     "EVGs 1.0: 8(a), EVGs 1.6.1: 9.4", EV, 0, 0, applies_ev_before_825,
     run_valid_time_too_long, NULL},
};

CTS_GROUP(ev_ca, table);
