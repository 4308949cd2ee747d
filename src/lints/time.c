/* Lint group "time": validity lengths and the encoding of the validity
 * times (see include/ctscan/lint.h for the framework). The encoding lints
 * re-walk the Validity with the DER cursor and read the raw time strings;
 * the length lints use the times as zcrypto reads them, with zlint's
 * arithmetic (Go's AddDate, an inclusive notAfter where zlint adds one
 * second). */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "keys_util.h"
#include "lints_internal.h"

#define DAY 86400

/* --- validity lengths ---------------------------------------------------- */

/* notBefore.AddDate(0, months, 0) is before notAfter. */
static cts_lint_status longer_than_months(const cts_lint_cert *c, int months) {
  return cts_keys_add_months(cts_keys_cert_not_before(c), months) <
                 cts_keys_cert_not_after(c)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* BRs 6.3.2 (from 1 July 2016): at most 39 months. */
static cts_lint_status run_39_months(const cts_lint_cert *c) {
  return longer_than_months(c, 39);
}

/* BRs 6.3.2 (from 1 March 2018): at most 825 days. */
static cts_lint_status run_825_days(const cts_lint_cert *c) {
  return cts_keys_cert_not_before(c) + 825 * DAY < cts_keys_cert_not_after(c)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* Apple's policy: TLS server certificates, not CA certificates. */
static int applies_tls_server(const cts_lint_cert *c) {
  return c->facts.is_server_auth && !c->facts.is_ca;
}

/* RFC 5280 4.1.2.5: the validity period includes notAfter, so its length
 * is notAfter + 1 s - notBefore. */
static int64_t validity_seconds(const cts_lint_cert *c) {
  return cts_keys_cert_not_after(c) + 1 - cts_keys_cert_not_before(c);
}

/* Apple (HT211025): issued from 1 September 2020, at most 398 days. */
static cts_lint_status run_398_days(const cts_lint_cert *c) {
  return validity_seconds(c) > 398 * DAY ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* Apple recommends (SHOULD) at most 397 days. */
static cts_lint_status run_397_days(const cts_lint_cert *c) {
  return validity_seconds(c) > 397 * DAY ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* certlint: notBefore is not after notAfter. */
static cts_lint_status run_validity_positive(const cts_lint_cert *c) {
  return cts_keys_cert_not_before(c) > cts_keys_cert_not_after(c)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* A dNSName SAN or the subject commonName ends in ".onion" (zlint
 * util.CertificateSubjInTLD; Go keeps the last commonName). */
static int ends_onion(const cts_summary *sum, cts_span s) {
  static const char suffix[] = ".onion";
  size_t n = sizeof(suffix) - 1;
  return s.len >= n && memcmp(sum->der + s.off + s.len - n, suffix, n) == 0;
}

static int names_onion(const cts_summary *sum) {
  int cn = -1;
  for (uint16_t i = 0; i < sum->n_sans; i++)
    if (sum->sans[i].type == CTS_GN_DNS && ends_onion(sum, sum->sans[i].value))
      return 1;
  for (uint16_t i = 0; i < sum->n_subject_attrs; i++) {
    cts_der oid = cts_summary_der(sum, sum->subject_attrs[i].oid);
    if (CTS_KEYS_OID_IS(&oid, CTS_OID_AT_CN)) cn = i;
  }
  return cn >= 0 && ends_onion(sum, sum->subject_attrs[cn].value);
}

static int applies_onion_subscriber(const cts_lint_cert *c) {
  return c->facts.is_subscriber && names_onion(c->sum);
}

/* EV Guidelines Appendix F (Ballot 144): .onion names at most 15 months. */
static cts_lint_status run_onion_15_months(const cts_lint_cert *c) {
  return longer_than_months(c, 15);
}

/* --- time encodings (RFC 5280 4.1.2.5) ----------------------------------- */

typedef struct raw_time {
  uint32_t tag;
  cts_der value;
} raw_time;

/* Both Times of the Validity, raw. A Time that does not parse gets tag 0,
 * as zlint's util.GetTimes returns an empty value. */
static void raw_times(const cts_summary *sum, raw_time out[2]) {
  for (int i = 0; i < 2; i++)
    if (!cts_keys_validity_time(sum, i, &out[i].tag, &out[i].value)) {
      out[0].tag = out[1].tag = 0;
      return;
    }
}

static int has_time_tag(const cts_lint_cert *c, uint32_t tag) {
  raw_time t[2];
  raw_times(c->sum, t);
  return t[0].tag == tag || t[1].tag == tag;
}

static int applies_utc(const cts_lint_cert *c) {
  return has_time_tag(c, CTS_DER_UTC_TIME);
}

static int applies_generalized(const cts_lint_cert *c) {
  return has_time_tag(c, CTS_DER_GENERALIZED_TIME);
}

static uint8_t last(const cts_der *v) {
  return v->len > 0 ? v->data[v->len - 1] : 0;
}

/* zlint's reading of a GeneralizedTime's form: ends in 'Z'; has an offset
 * (fifth octet from the end '-', or the last '+'); or local time. */
enum { FORM_ZULU, FORM_OFFSET, FORM_LOCAL };

static int generalized_form(const cts_der *v) {
  if (last(v) == 'Z') return FORM_ZULU;
  if ((v->len >= 5 && v->data[v->len - 5] == '-') || last(v) == '+')
    return FORM_OFFSET;
  return FORM_LOCAL;
}

/* 4.1.2.5.2: seconds present, i.e. YYYYMMDDHHMMSS and then the zone. */
static cts_lint_status run_generalized_seconds(const cts_lint_cert *c) {
  static const size_t min_len[] = {15, 19, 14};
  raw_time t[2];
  raw_times(c->sum, t);
  for (int i = 0; i < 2; i++)
    if (t[i].tag == CTS_DER_GENERALIZED_TIME &&
        t[i].value.len < min_len[generalized_form(&t[i].value)])
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* 4.1.2.5.2: no fractional seconds, i.e. nothing between seconds and the
 * zone. */
static cts_lint_status run_generalized_fraction(const cts_lint_cert *c) {
  static const size_t max_len[] = {15, 19, 14};
  raw_time t[2];
  raw_times(c->sum, t);
  for (int i = 0; i < 2; i++)
    if (t[i].tag == CTS_DER_GENERALIZED_TIME &&
        t[i].value.len > max_len[generalized_form(&t[i].value)])
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* 4.1.2.5.1 / 4.1.2.5.2: expressed in Zulu time. */
static cts_lint_status not_zulu(const cts_lint_cert *c, uint32_t tag) {
  raw_time t[2];
  raw_times(c->sum, t);
  for (int i = 0; i < 2; i++)
    if (t[i].tag == tag && last(&t[i].value) != 'Z') return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static cts_lint_status run_generalized_zulu(const cts_lint_cert *c) {
  return not_zulu(c, CTS_DER_GENERALIZED_TIME);
}

static cts_lint_status run_utc_zulu(const cts_lint_cert *c) {
  return not_zulu(c, CTS_DER_UTC_TIME);
}

/* 4.1.2.5.1: YYMMDDHHMMSSZ, 13 octets (17 with an offset, which
 * e_utc_time_not_in_zulu reports). */
static cts_lint_status run_utc_seconds(const cts_lint_cert *c) {
  raw_time t[2];
  raw_times(c->sum, t);
  for (int i = 0; i < 2; i++)
    if (t[i].tag == CTS_DER_UTC_TIME && t[i].value.len != 13 &&
        t[i].value.len != 17)
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* 4.1.2.5: dates through 2049 are UTCTime; a GeneralizedTime before 2050
 * is an error. */
static cts_lint_status run_pre2050(const cts_lint_cert *c) {
  raw_time t[2];
  int64_t v[2] = {cts_keys_cert_not_before(c), cts_keys_cert_not_after(c)};
  raw_times(c->sum, t);
  for (int i = 0; i < 2; i++)
    if (t[i].tag == CTS_DER_GENERALIZED_TIME && v[i] < CTS_DATE(2050, 1, 1))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* --- the table ----------------------------------------------------------- */

#define RFC2459 CTS_DATE(1999, 1, 1)
#define APPLE_HT211025 "https://support.apple.com/en-us/HT211025"

static const cts_lint table[] = {
    {"e_sub_cert_valid_time_longer_than_39_months",
     "Subscriber Certificates issued after 1 July 2016 but prior to 1 March "
     "2018 MUST have a Validity Period no greater than 39 months.",
     "BRs: 6.3.2", CTS_SRC_CABF_BR, CTS_DATE(2016, 7, 2), 0,
     cts_applies_subscriber, run_39_months, NULL},
    {"e_sub_cert_valid_time_longer_than_825_days",
     "Subscriber Certificates issued after 1 March 2018, but prior to 1 "
     "September 2020, MUST NOT have a Validity Period greater than 825 days.",
     "BRs: 6.3.2", CTS_SRC_CABF_BR, CTS_DATE(2018, 3, 2), 0,
     cts_applies_subscriber, run_825_days, NULL},
    {"e_tls_server_cert_valid_time_longer_than_398_days",
     "TLS server certificates issued on or after September 1, 2020 00:00 "
     "GMT/UTC must not have a validity period greater than 398 days",
     APPLE_HT211025, CTS_SRC_APPLE, CTS_DATE(2020, 9, 1), 0, applies_tls_server,
     run_398_days, NULL},
    {"w_tls_server_cert_valid_time_longer_than_397_days",
     "TLS server certificates issued on or after September 1, 2020 00:00 "
     "GMT/UTC should not have a validity period greater than 397 days",
     APPLE_HT211025, CTS_SRC_APPLE, CTS_DATE(2020, 9, 1), 0, applies_tls_server,
     run_397_days, NULL},
    {"e_validity_time_not_positive",
     "Certificates MUST have a positive time for which they are valid",
     "lint.AWSLabs certlint", CTS_SRC_COMMUNITY, 0, 0, NULL,
     run_validity_positive, NULL},
    {"e_onion_subject_validity_time_too_large",
     "certificates with .onion names can not be valid for more than 15 months",
     "EVGs: Appendix F", CTS_SRC_CABF_EV, CTS_DATE(2015, 5, 1), 0,
     applies_onion_subscriber, run_onion_15_months, NULL},
    {"e_generalized_time_does_not_include_seconds",
     "Generalized time values MUST include seconds", "RFC 5280: 4.1.2.5.2",
     CTS_SRC_RFC5280, RFC2459, 0, applies_generalized, run_generalized_seconds,
     NULL},
    {"e_generalized_time_includes_fraction_seconds",
     "Generalized time values MUST NOT include fractional seconds",
     "RFC 5280: 4.1.2.5.2", CTS_SRC_RFC5280, RFC2459, 0, applies_generalized,
     run_generalized_fraction, NULL},
    {"e_generalized_time_not_in_zulu",
     "Generalized time values MUST be expressed in Greenwich Mean Time (Zulu)",
     "RFC 5280: 4.1.2.5.2", CTS_SRC_RFC5280, RFC2459, 0, applies_generalized,
     run_generalized_zulu, NULL},
    {"e_utc_time_does_not_include_seconds",
     "UTCTime values MUST include seconds", "RFC 5280: 4.1.2.5.1",
     CTS_SRC_RFC5280, RFC2459, 0, applies_utc, run_utc_seconds, NULL},
    {"e_utc_time_not_in_zulu",
     "UTCTime values MUST be expressed in Greenwich Mean Time (Zulu)",
     "RFC 5280: 4.1.2.5.1", CTS_SRC_RFC5280, RFC2459, 0, applies_utc,
     run_utc_zulu, NULL},
    {"e_wrong_time_format_pre2050",
     "Certificates valid through the year 2049 MUST be encoded in UTC time",
     "RFC 5280: 4.1.2.5", CTS_SRC_RFC5280, RFC2459, 0, NULL, run_pre2050, NULL},
};

CTS_GROUP(time, table);
