/* Lint group "names": the names a certificate claims -- dNSNames and the
 * subject commonName (BRs 7.1.4.2, RFC 5280 4.2.1.6), underscores,
 * wildcards, TLDs and public suffixes, reserved IP addresses, .onion and
 * reverse-DNS names -- and the structure of subjectAltName/issuerAltName
 * (names_alt.c). See include/ctscan/lint.h for the framework.
 *
 * Most names are plain LDH labels and dots: the per-SAN byte classes the
 * sieve computes (CTS_BC_*) let most lints pass them without a walk. */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "lints_internal.h"
#include "names_lints.h"
#include "names_util.h"
#include "simd/scan.h"

/* zlint util/time.go dates. */
#define RFC2459_DATE CTS_DATE(1999, 1, 1)
#define RFC3490_DATE CTS_DATE(2003, 3, 1)
#define RFC5280_DATE CTS_DATE(2008, 5, 1)
#define RFC8399_DATE CTS_DATE(2018, 5, 1)
#define CAB_EFFECTIVE CTS_DATE(2012, 7, 1)
#define NO_RESERVED_IP CTS_DATE(2015, 11, 1)
#define ONION_ONLY_EV CTS_DATE(2015, 5, 1)
#define BRS_1_6_2 CTS_DATE(2018, 12, 10)
#define BRS_1_6_2_UNDERSCORE_SUNSET CTS_DATE(2019, 4, 1)
#define BRS_1_6_9 CTS_DATE(2020, 3, 27)
#define BRS_1_8_0 CTS_DATE(2021, 8, 25)
#define NO_RESERVED_LABELS CTS_DATE(2021, 10, 1)
#define CAB_V201 CTS_DATE(2017, 7, 28)

/* --- the names a lint walks --------------------------------------------- */

typedef int (*name_pred)(cts_str name);

/* The next SAN dNSName (zcrypto's DNSNames). */
static int next_dns(cts_san_iter *it, cts_str *out, uint16_t *classes) {
  uint8_t type;
  while (cts_san_next(it, &type, out, classes))
    if (type == CTS_GN_DNS) return 1;
  return 0;
}

static int any_dns(const cts_summary *sum, name_pred pred) {
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes))
    if (pred(name)) return 1;
  return 0;
}

/* The OR of the byte classes of every SAN dNSName. */
static uint32_t dns_classes(const cts_summary *sum) {
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  uint32_t c = 0;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes)) c |= classes;
  return c;
}

/* The commonName as a DNS name: zlint lints it when it is not empty and
 * not an IP address (util.CommonNameIsIP). */
static int cn_as_dns(const cts_summary *sum, cts_cn_buf *buf, cts_str *out) {
  uint8_t ip[16];
  *out = cts_names_cn(sum, buf);
  return out->n > 0 && !cts_ip_parse(*out, ip);
}

/* pred over the commonName (as a DNS name) and every dNSName. */
static int any_name(const cts_summary *sum, name_pred pred) {
  cts_cn_buf buf;
  cts_str cn;
  if (cn_as_dns(sum, &buf, &cn) && pred(cn)) return 1;
  return any_dns(sum, pred);
}

/* The i-th label of s split on '.' (Go strings.Split). */
typedef struct labels {
  cts_str s;
  size_t pos;
  int done;
} labels;

static labels labels_of(cts_str s) {
  labels l = {s, 0, 0};
  return l;
}

static int next_label(labels *l, cts_str *out) {
  const uint8_t *dot;
  if (l->done) return 0;
  out->p = l->s.p + l->pos;
  dot = l->pos < l->s.n ? memchr(out->p, '.', l->s.n - l->pos) : NULL;
  if (dot == NULL) {
    out->n = l->s.n - l->pos;
    l->done = 1;
  } else {
    out->n = (size_t)(dot - out->p);
    l->pos += out->n + 1;
  }
  return 1;
}

/* --- applies ------------------------------------------------------------ */

/* zlint: util.IsSubscriberCert && util.DNSNamesExist */
static int subscriber_with_names(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber && cts_names_dns_exist(cert->sum);
}

static int subscriber(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber;
}

/* --- TLDs ---------------------------------------------------------------- */


/* BRs 3.2.2.4 (and 7.1.4.2.1 on Internal Names): every name ends in a TLD
 * of the IANA root zone, delegated when the certificate was issued. */
static cts_lint_status dnsname_not_valid_tld(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  cts_cn_buf buf;
  cts_str cn, name;
  cts_san_iter it;
  uint16_t classes;
  if (cn_as_dns(sum, &buf, &cn) && !cts_tld_valid(cn, sum->not_before))
    return CTS_LINT_ERROR;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes))
    if (!cts_tld_valid(name, sum->not_before)) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* BRs 1.6.1 "Base Domain Name": a name that is a bare TLD. */
static cts_lint_status bare_iana_suffix(const cts_lint_cert *cert) {
  return any_name(cert->sum, cts_tld_known) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- characters and labels ----------------------------------------------- */

static int ldh_star_underscore(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '*' || c == '_' || c == '-';
}

/* BRs 7.1.4.2: labels of letters, digits, '-', '_' or '*', after an
 * optional "*." and redaction labels "?." (zlint's expression
 * ^(\*\.)?(\?\.)*([A-Za-z0-9*_-]+\.)*[A-Za-z0-9*_-]*$). */
static int bad_characters(cts_str s) {
  size_t i = 0, label = 0;
  if (cts_str_has_prefix(s, "*.")) i = 2;
  while (i + 1 < s.n && s.p[i] == '?' && s.p[i + 1] == '.') i += 2;
  for (; i < s.n; i++) {
    if (s.p[i] == '.') {
      if (label == 0) return 1;
      label = 0;
    } else if (!ldh_star_underscore(s.p[i])) {
      return 1;
    } else {
      label++;
    }
  }
  return 0;
}

static cts_lint_status bad_character_in_label(const cts_lint_cert *cert) {
  return any_name(cert->sum, bad_characters) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int has_empty_label(cts_str s) {
  labels l = labels_of(s);
  cts_str label;
  while (next_label(&l, &label))
    if (label.n == 0) return 1;
  return 0;
}

/* BRs 7.1.4.2 / RFC 5280 4.2.1.6 (RFC 1034 3.5 preferred name syntax): no
 * empty labels. */
static cts_lint_status dnsname_empty_label(const cts_lint_cert *cert) {
  return any_name(cert->sum, has_empty_label) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status rfc_dnsname_empty_label(const cts_lint_cert *cert) {
  return any_dns(cert->sum, has_empty_label) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int label_too_long(cts_str s) {
  labels l = labels_of(s);
  cts_str label;
  while (next_label(&l, &label))
    if (label.n > 63) return 1;
  return 0;
}

/* RFC 1035 2.3.4: labels are 63 octets or less. */
static cts_lint_status dnsname_label_too_long(const cts_lint_cert *cert) {
  return any_name(cert->sum, label_too_long) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status rfc_dnsname_label_too_long(const cts_lint_cert *cert) {
  return any_dns(cert->sum, label_too_long) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* One rune as Go's regexp '.' consumes it (an invalid byte is one rune). */
static size_t rune_len(cts_str s, size_t i) {
  uint8_t c = s.p[i];
  size_t need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1
              : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 0;
  if (i + need >= s.n) return 1;
  for (size_t k = 1; k <= need; k++)
    if ((s.p[i + k] & 0xc0) != 0x80) return 1;
  return need + 1;
}

/* RFC 5890 2.3.1: a label with "--" in its third and fourth positions
 * (zlint: regexp ^..--, runes) is reserved. */
static int reserved_prefix(cts_str label) {
  size_t i = 0;
  for (int r = 0; r < 2; r++) {
    if (i >= label.n || label.p[i] == '\n') return 0;
    i += rune_len(label, i);
  }
  return i + 2 <= label.n && label.p[i] == '-' && label.p[i + 1] == '-';
}

/* The IDNA ACE prefix, case-insensitively (zlint util.HasXNLabelPrefix). */
static int xn_prefix(cts_str label) {
  return label.n >= 4 && (label.p[0] | 0x20) == 'x' &&
         (label.p[1] | 0x20) == 'n' && label.p[2] == '-' && label.p[3] == '-';
}

static int prohibited_reserved_label(cts_str s) {
  labels l = labels_of(s);
  cts_str label;
  while (next_label(&l, &label))
    if (reserved_prefix(label) && !xn_prefix(label)) return 1;
  return 0;
}

/* BRs 7.1.4.2.1: FQDNs consist of P-Labels or non-reserved LDH labels. */
static cts_lint_status contains_prohibited_reserved_label(
    const cts_lint_cert *cert) {
  return any_dns(cert->sum, prohibited_reserved_label) ? CTS_LINT_ERROR
                                                       : CTS_LINT_PASS;
}

/* --- wildcards and redaction --------------------------------------------- */

static int left_label_wildcard_incorrect(cts_str s) {
  labels l = labels_of(s);
  cts_str first;
  next_label(&l, &first);
  return cts_str_has_byte(first, '*') && !(first.n == 1 && first.p[0] == '*');
}

static int wildcard_not_in_left_label(cts_str s) {
  const uint8_t *dot = s.n > 0 ? memchr(s.p, '.', s.n) : NULL;
  size_t at;
  if (dot == NULL) return 0;
  at = (size_t)(dot - s.p);
  return memchr(dot, '*', s.n - at) != NULL;
}

/* BRs 1.6.1 "Wildcard Domain Name": the wildcard is the whole left-most
 * label. zlint checks the commonName whatever it holds. */
static cts_lint_status left_label_wildcard_correct(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  const cts_summary *sum = cert->sum;
  if ((dns_classes(sum) & CTS_BC_STAR) == 0 &&
      !cts_str_has_byte(cts_names_cn(sum, &buf), '*'))
    return CTS_LINT_PASS;
  if (left_label_wildcard_incorrect(cts_names_cn(sum, &buf)) ||
      any_dns(sum, left_label_wildcard_incorrect))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static cts_lint_status wildcard_only_in_left_label(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  const cts_summary *sum = cert->sum;
  if (wildcard_not_in_left_label(cts_names_cn(sum, &buf)) ||
      any_dns(sum, wildcard_not_in_left_label))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int redacted(cts_str s) {
  if (cts_str_has_prefix(s, "*.")) s.p += 2, s.n -= 2;
  return cts_str_has_prefix(s, "?.");
}

/* draft-strad-trans-redaction-00: "?." labels stand for redacted ones. */
static cts_lint_status contains_redacted_dnsname(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  if (redacted(cts_names_cn(cert->sum, &buf)) || any_dns(cert->sum, redacted))
    return CTS_LINT_INFO;
  return CTS_LINT_PASS;
}

/* awslabs certlint: dNSName syntax (RFC 5280 4.2.1.6, RFC 1034 3.5). */
static int ends_with_star(cts_str s) { return s.n > 0 && s.p[s.n - 1] == '*'; }
static int has_nul(cts_str s) { return cts_str_has_byte(s, 0); }
static int starts_with_dot(cts_str s) { return s.n > 0 && s.p[0] == '.'; }
static int star_not_first(cts_str s) {
  return s.n > 1 && memchr(s.p + 1, '*', s.n - 1) != NULL;
}
static int is_space(cts_str s) { return s.n == 1 && s.p[0] == ' '; }
static int too_long(cts_str s) { return s.n > 253; }

static cts_lint_status san_bare_wildcard(const cts_lint_cert *cert) {
  if ((dns_classes(cert->sum) & CTS_BC_STAR) == 0) return CTS_LINT_PASS;
  return any_dns(cert->sum, ends_with_star) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status san_null_char(const cts_lint_cert *cert) {
  if ((dns_classes(cert->sum) & CTS_BC_NUL) == 0) return CTS_LINT_PASS;
  return any_dns(cert->sum, has_nul) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status san_starts_with_period(const cts_lint_cert *cert) {
  return any_dns(cert->sum, starts_with_dot) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status san_wildcard_not_first(const cts_lint_cert *cert) {
  if ((dns_classes(cert->sum) & CTS_BC_STAR) == 0) return CTS_LINT_PASS;
  return any_dns(cert->sum, star_not_first) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* RFC 5280 4.2.1.6: the dNSName " " MUST NOT be used. */
static cts_lint_status san_space_dns_name(const cts_lint_cert *cert) {
  return any_dns(cert->sum, is_space) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* RFC 1035 2.3.4 via RFC 5280: names of at most 253 octets. */
static cts_lint_status san_dns_name_too_long(const cts_lint_cert *cert) {
  return any_dns(cert->sum, too_long) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int any_name_is(cts_str name) {
  (void)name;
  return 1;
}

static int has_san_dns(const cts_lint_cert *cert) {
  return cts_names_has_san(cert) && any_dns(cert->sum, any_name_is);
}

/* awslabs certlint: the same dNSName twice (ASCII case folded). */
static cts_lint_status san_dns_name_duplicate(const cts_lint_cert *cert) {
  cts_san_iter outer, inner;
  cts_str a, b;
  uint16_t classes;
  size_t k = 0;
  cts_san_begin(&outer, cert->sum);
  while (next_dns(&outer, &a, &classes)) {
    cts_san_begin(&inner, cert->sum);
    for (size_t j = 0; j < k && next_dns(&inner, &b, &classes); j++)
      if (cts_str_eq_fold(a, b)) return CTS_LINT_INFO;
    k++;
  }
  return CTS_LINT_PASS;
}

/* --- public suffixes: SLD / TRD ------------------------------------------ */

typedef enum part { PART_SLD, PART_TRD } part;
typedef int (*part_pred)(cts_str part);

static int has_underscore(cts_str s) { return cts_str_has_byte(s, '_'); }
static int hyphen_at_edge(cts_str s) {
  return s.n > 0 && (s.p[0] == '-' || s.p[s.n - 1] == '-');
}
static int is_star(cts_str s) { return s.n == 1 && s.p[0] == '*'; }

/* The part of each name, split at its public suffix (zcrypto
 * GetParsedDNSNames); a name that does not split makes the lint NA, as in
 * zlint. */
static cts_lint_status check_part(cts_str name, part which, part_pred pred,
                                  uint8_t needle, cts_lint_status finding) {
  cts_domain d;
  /* a name without the character the predicate looks for only has to
   * split (most names: no lookup at all) */
  if (!cts_str_has_byte(name, needle))
    return cts_domain_check(name) == CTS_DOMAIN_OK ? CTS_LINT_PASS
                                                   : CTS_LINT_NA;
  if (cts_domain_parse(name, &d) != CTS_DOMAIN_OK) return CTS_LINT_NA;
  return pred(which == PART_SLD ? d.sld : d.trd) ? finding : CTS_LINT_PASS;
}

/* pred over a part of the commonName (with_cn) and of every dNSName;
 * pred is false on a part without needle. */
static cts_lint_status parts(const cts_lint_cert *cert, int with_cn, part which,
                             part_pred pred, uint8_t needle,
                             cts_lint_status finding) {
  const cts_summary *sum = cert->sum;
  cts_cn_buf buf;
  cts_str cn, name;
  cts_san_iter it;
  uint16_t classes;
  cts_lint_status st;
  if (with_cn && cn_as_dns(sum, &buf, &cn)) {
    st = check_part(cn, which, pred, needle, finding);
    if (st != CTS_LINT_PASS) return st;
  }
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes)) {
    st = check_part(name, which, pred, needle, finding);
    if (st != CTS_LINT_PASS) return st;
  }
  return CTS_LINT_PASS;
}

/* BRs 7.1.4.2.1 / RFC 5280 4.2.1.6: no underscore in the registrable
 * label; in labels left of it, a warning. */
static cts_lint_status dnsname_underscore_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 1, PART_SLD, has_underscore, '_', CTS_LINT_ERROR);
}
static cts_lint_status dnsname_underscore_in_trd(const cts_lint_cert *cert) {
  return parts(cert, 1, PART_TRD, has_underscore, '_', CTS_LINT_WARN);
}
static cts_lint_status rfc_underscore_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 0, PART_SLD, has_underscore, '_', CTS_LINT_ERROR);
}
static cts_lint_status rfc_underscore_in_trd(const cts_lint_cert *cert) {
  return parts(cert, 0, PART_TRD, has_underscore, '_', CTS_LINT_WARN);
}

/* RFC 1034 3.5: a label neither starts nor ends with a hyphen. */
static cts_lint_status dnsname_hyphen_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 1, PART_SLD, hyphen_at_edge, '-', CTS_LINT_ERROR);
}
static cts_lint_status rfc_hyphen_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 0, PART_SLD, hyphen_at_edge, '-', CTS_LINT_ERROR);
}

/* BRs 3.2.2.6: a wildcard right before a public suffix needs a documented
 * procedure (notice). */
static cts_lint_status wildcard_left_of_public_suffix(
    const cts_lint_cert *cert) {
  return parts(cert, 1, PART_SLD, is_star, '*', CTS_LINT_INFO);
}

static int is_bare_suffix(cts_str s) {
  return cts_domain_check(s) == CTS_DOMAIN_SUFFIX;
}

/* awslabs certlint: a dNSName that is a public suffix. */
static cts_lint_status san_iana_pub_suffix_empty(const cts_lint_cert *cert) {
  return any_dns(cert->sum, is_bare_suffix) ? CTS_LINT_INFO : CTS_LINT_PASS;
}

/* --- underscores (BRs 7.1.4.2.1 and ballot SC12 / BRs 1.6.2) ------------- */

static int dns_has_underscore(const cts_summary *sum) {
  return (dns_classes(sum) & CTS_BC_UNDERSCORE) != 0 &&
         any_dns(sum, has_underscore);
}

static cts_lint_status underscore_in_dnsname(const cts_lint_cert *cert) {
  return dns_has_underscore(cert->sum) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* RFC 1034 3.5 LDH label of 1-63 octets, no hyphen at either end, and not
 * reserved unless it is an A-label prefix (zlint util.IsLDHLabel). */
static int is_ldh_label(cts_str label) {
  if (label.n == 0 || label.n > 63) return 0;
  for (size_t i = 0; i < label.n; i++) {
    uint8_t c = label.p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '-'))
      return 0;
  }
  if (label.p[0] == '-' || label.p[label.n - 1] == '-') return 0;
  return !reserved_prefix(label) || xn_prefix(label);
}

/* BRs 1.6.2 7.1.4.2.1: until 1 April 2019 a label may hold '_' when it is a
 * valid LDH label with every '_' replaced by '-'. */
static int underscore_label_invalid(cts_str s) {
  labels l = labels_of(s);
  cts_str label;
  uint8_t replaced[64];
  while (next_label(&l, &label)) {
    if (!has_underscore(label) || is_star(label)) continue;
    if (label.n > sizeof(replaced)) return 1;
    for (size_t i = 0; i < label.n; i++)
      replaced[i] = label.p[i] == '_' ? '-' : label.p[i];
    cts_str r = {replaced, label.n};
    if (!is_ldh_label(r)) return 1;
  }
  return 0;
}

static cts_lint_status underscore_valid_when_replaced(
    const cts_lint_cert *cert) {
  if ((dns_classes(cert->sum) & CTS_BC_UNDERSCORE) == 0) return CTS_LINT_PASS;
  return any_dns(cert->sum, underscore_label_invalid) ? CTS_LINT_ERROR
                                                      : CTS_LINT_PASS;
}

/* BRs 1.6.2 7.1.4.2.1: such certificates are valid for 30 days or less. */
static int long_validity_with_names(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return subscriber_with_names(cert) &&
         sum->not_before + 30 * 86400 <= sum->not_after;
}

static cts_lint_status underscore_too_long_validity(
    const cts_lint_cert *cert) {
  return dns_has_underscore(cert->sum) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- commonName against the SAN (BRs 7.1.4.2.2) --------------------------- */

static int cn_in_sans(const cts_summary *sum, cts_str cn, int fold) {
  cts_san_iter it;
  uint8_t type;
  uint16_t classes;
  cts_str v;
  cts_san_begin(&it, sum);
  while (cts_san_next(&it, &type, &v, &classes)) {
    if (type == CTS_GN_DNS &&
        (fold ? cts_str_eq_fold(cn, v) : cts_str_eq(cn, v)))
      return 1;
    if (type == CTS_GN_IP && (v.n == 4 || v.n == 16)) {
      char text[64];
      cts_str t = {(const uint8_t *)text, cts_ip_format(v.p, v.n, text)};
      if (cts_str_eq(cn, t)) return 1;
    }
  }
  return 0;
}

static int has_cn(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  cts_str cn;
  return !cert->facts.is_ca && cts_names_cn_at(cert->sum, 0, &buf, &cn);
}

static int has_nonempty_cn(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  return !cert->facts.is_ca && cts_names_cn(cert->sum, &buf).n > 0;
}

/* "If present, this field MUST contain a single IP address or
 * Fully-Qualified Domain Name that is one of the values contained in the
 * Certificate's subjectAltName extension" (before BRs 1.8.0; zlint
 * compares dNSNames case-insensitively). */
static cts_lint_status cn_not_from_san(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  cts_str cn = cts_names_cn(cert->sum, &buf);
  return cn_in_sans(cert->sum, cn, 1) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* BRs 1.8.0 7.1.4.2.2: each commonName is a character-for-character copy
 * of a dNSName, or an iPAddress's text. */
static cts_lint_status cn_not_exactly_from_san(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  cts_str cn;
  for (size_t i = 0; cts_names_cn_at(cert->sum, i, &buf, &cn); i++)
    if (!cn_in_sans(cert->sum, cn, 0)) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* --- reserved IP addresses (BRs 7.1.4.2.1) -------------------------------- */

/* zlint: certificates that expire after 1 November 2015. */
static int expires_after_reserved_ip_sunset(const cts_lint_cert *cert) {
  return cert->sum->not_after > NO_RESERVED_IP;
}

static cts_lint_status san_contains_reserved_ip(const cts_lint_cert *cert) {
  cts_san_iter it;
  uint8_t type;
  uint16_t classes;
  cts_str v;
  cts_san_begin(&it, cert->sum);
  while (cts_san_next(&it, &type, &v, &classes))
    if (type == CTS_GN_IP && (v.n == 4 || v.n == 16) &&
        cts_ip_is_reserved(v.p, v.n))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static cts_lint_status subject_contains_reserved_ip(
    const cts_lint_cert *cert) {
  cts_cn_buf buf;
  uint8_t ip[16];
  cts_str cn = cts_names_cn(cert->sum, &buf);
  return cts_ip_parse(cn, ip) && cts_ip_is_reserved(ip, 16) ? CTS_LINT_ERROR
                                                             : CTS_LINT_PASS;
}

/* --- reverse DNS (RFC 1035 3.5, RFC 3596 2.5) ----------------------------- */

#define ARPA_V4 ".in-addr.arpa"
#define ARPA_V6 ".ip6.arpa"

static int is_arpa(cts_str s) {
  return cts_str_has_suffix_fold(s, ARPA_V4) ||
         cts_str_has_suffix_fold(s, ARPA_V6);
}

static int names_in_arpa(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  return is_arpa(cts_names_cn(cert->sum, &buf)) || any_dns(cert->sum, is_arpa);
}

typedef enum arpa_result {
  ARPA_OK,
  ARPA_WRONG_LABELS, /* not 4 (32) labels before the zone */
  ARPA_NOT_IP,       /* the labels do not parse as an address */
  ARPA_WRONG_FAMILY, /* an IPv4 address in ip6.arpa or the reverse */
  ARPA_RESERVED,
} arpa_result;

/* Reverses the labels before the zone into an address text (IPv4: one
 * label per octet; IPv6: one per nibble, four per group) and parses it as
 * Go's net.ParseIP does. */
static arpa_result arpa_reverse(cts_str name) {
  int v6 = cts_str_has_suffix_fold(name, ARPA_V6);
  size_t want = v6 ? 32 : 4, n = 0, len = 0;
  cts_str label, all[32];
  labels l;
  char text[128];
  uint8_t ip[16];
  name.n -= strlen(v6 ? ARPA_V6 : ARPA_V4);
  l = labels_of(name);
  while (next_label(&l, &label)) {
    if (n == want) return ARPA_WRONG_LABELS;
    all[n++] = label;
  }
  if (n != want) return ARPA_WRONG_LABELS;
  for (size_t i = want; i > 0; i--) {
    cts_str piece = all[i - 1];
    if (len + piece.n + 1 >= sizeof(text)) return ARPA_NOT_IP;
    memcpy(text + len, piece.p, piece.n);
    len += piece.n;
    if (i > 1 && (!v6 || (i - 1) % 4 == 0)) text[len++] = v6 ? ':' : '.';
  }
  cts_str t = {(const uint8_t *)text, len};
  if (!cts_ip_parse(t, ip)) return ARPA_NOT_IP;
  {
    static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    int is4 = memcmp(ip, mapped, 12) == 0;
    if (is4 == v6) return ARPA_WRONG_FAMILY;
  }
  return cts_ip_is_reserved(ip, 16) ? ARPA_RESERVED : ARPA_OK;
}

static int arpa_reserved(cts_str s) {
  arpa_result r;
  if (!is_arpa(s)) return 0;
  r = arpa_reverse(s);
  return r == ARPA_WRONG_FAMILY || r == ARPA_RESERVED;
}

static int arpa_malformed(cts_str s) {
  arpa_result r;
  if (!is_arpa(s)) return 0;
  r = arpa_reverse(s);
  return r == ARPA_WRONG_LABELS || r == ARPA_NOT_IP;
}

/* BRs 7.1.4.2.1: a reverse-DNS name of a reserved address. */
static cts_lint_status subject_reserved_arpa_ip(const cts_lint_cert *cert) {
  return any_dns(cert->sum, arpa_reserved) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* BRs 3.2.2.6: a name in the reverse-DNS zones that is no address. */
static cts_lint_status subject_malformed_arpa_ip(const cts_lint_cert *cert) {
  return any_dns(cert->sum, arpa_malformed) ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* --- .onion (RFC 7686, BRs Appendix C, EV Guidelines Appendix F) --------- */

#define ONION ".onion"

static int onion_suffix(cts_str s) { return cts_str_has_suffix(s, ONION); }

/* zlint util.CertificateSubjInTLD(c, ".onion"): a dNSName or the
 * commonName ends in ".onion" (case-sensitively). */
static int names_in_onion(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  return onion_suffix(cts_names_cn(cert->sum, &buf)) ||
         any_dns(cert->sum, onion_suffix);
}

/* zlint util.IsEV: a policy OID that zlint's list names as EV. */
static int is_ev(const cts_summary *sum) {
  static const char *const k_ev[] = {
      "2.23.140.1.1", "1.3.159.1.17.1", "1.3.6.1.4.1.34697.2.1",
      "1.3.6.1.4.1.34697.2.2", "1.3.6.1.4.1.34697.2.3",
      "1.3.6.1.4.1.34697.2.4", "1.2.40.0.17.1.22", "2.16.578.1.26.1.3.3",
      "1.3.6.1.4.1.17326.10.14.2.1.2", "1.3.6.1.4.1.17326.10.8.2.1.2",
      "1.3.6.1.4.1.6449.1.2.1.5.1", "2.16.840.1.114412.2.1",
      "2.16.840.1.114412.1.3.0.2", "2.16.528.1.1001.1.1.1.12.6.1.1.1",
      "2.16.792.3.0.4.1.1.4", "2.16.840.1.114028.10.1.2", "0.4.0.2042.1.4",
      "0.4.0.2042.1.5", "1.3.6.1.4.1.13177.10.1.3.10",
      "1.3.6.1.4.1.14370.1.6", "1.3.6.1.4.1.4146.1.1",
      "2.16.840.1.114413.1.7.23.3", "1.3.6.1.4.1.14777.6.1.1",
      "2.16.792.1.2.1.1.5.7.1.9", "1.3.6.1.4.1.782.1.2.1.8.1",
      "1.3.6.1.4.1.22234.2.5.2.3.1", "1.3.6.1.4.1.8024.0.2.100.1.2",
      "1.2.392.200091.100.721.1", "2.16.840.1.114414.1.7.23.3",
      "1.3.6.1.4.1.23223.2", "1.3.6.1.4.1.23223.1.1.1", "2.16.756.1.83.21.0",
      "2.16.756.1.89.1.2.1.1", "1.3.6.1.4.1.7879.13.24.1",
      "2.16.840.1.113733.1.7.48.1", "2.16.840.1.114404.1.1.2.4.1",
      "2.16.840.1.113733.1.7.23.6", "1.3.6.1.4.1.6334.1.100.1",
      "2.16.840.1.114171.500.9", "1.3.6.1.4.1.36305.2"};
  cts_der v, seq, info, oid;
  char dotted[128];
  if (sum->ext_policies < 0) return 0;
  v = cts_summary_der(sum, sum->exts[sum->ext_policies].value);
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return 0;
  while (seq.len > 0 && cts_der_get_element(&seq, &info, CTS_DER_SEQUENCE)) {
    if (!cts_der_get_oid(&info, &oid) ||
        !cts_der_oid_to_string(&oid, dotted, sizeof(dotted)))
      continue;
    for (size_t i = 0; i < sizeof(k_ev) / sizeof(k_ev[0]); i++)
      if (strcmp(dotted, k_ev[i]) == 0) return 1;
  }
  return 0;
}

static int base32_subset(cts_str s) {
  if (s.n == 0) return 0;
  for (size_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '2' && c <= '7')))
      return 0;
  }
  return 1;
}

/* The label left of "onion" is a v2 (16 base32 characters, EV only) or v3
 * (56) address (BRs 1.6.9 Appendix C, EV Guidelines Appendix F). */
static cts_lint_status onion_name(cts_str s, int ev) {
  size_t end, start;
  cts_str addr;
  if (!onion_suffix(s)) return CTS_LINT_PASS;
  end = s.n - strlen(ONION);
  start = end;
  while (start > 0 && s.p[start - 1] != '.') start--;
  addr.p = s.p + start;
  addr.n = end - start;
  if (addr.n == 16 && !ev) return CTS_LINT_ERROR;
  if (addr.n != 16 && addr.n != 56) return CTS_LINT_ERROR;
  return base32_subset(addr) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static cts_lint_status onion_invalid(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  int ev = is_ev(sum);
  cts_cn_buf buf;
  cts_lint_status st;
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes)) {
    st = onion_name(name, ev);
    if (st != CTS_LINT_PASS) return st;
  }
  return onion_name(cts_names_cn(sum, &buf), ev);
}

/* Before BRs 1.6.9 (ballot SC27) .onion names needed an EV certificate
 * (ballot 144). */
static int onion_before_sc27(const cts_lint_cert *cert) {
  return cert->sum->not_before < BRS_1_6_9 && cert->facts.is_subscriber &&
         names_in_onion(cert);
}

static cts_lint_status onion_not_ev(const cts_lint_cert *cert) {
  return is_ev(cert->sum) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* --- TorServiceDescriptor (BRs ballot 201, EV Guidelines Appendix F) ---- */

/* CA/B Forum 2.23.140.1.31 cabf-TorServiceDescriptor (EV Guidelines
 * Appendix F) */
#define OID_TOR_DESCRIPTOR "\x67\x81\x0c\x01\x1f"
/* NIST hash algorithms 2.16.840.1.101.3.4.2.{1,2,3} */
#define OID_SHA2_PREFIX "\x60\x86\x48\x01\x65\x03\x04\x02"

static const cts_ext *tor_descriptor_ext(const cts_summary *sum) {
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    cts_der oid = cts_summary_der(sum, sum->exts[i].oid);
    if (cts_der_oid_equal(&oid, (const uint8_t *)OID_TOR_DESCRIPTOR,
                          sizeof(OID_TOR_DESCRIPTOR) - 1))
      return &sum->exts[i];
  }
  return NULL;
}

/* TorServiceDescriptorHash ::= SEQUENCE {
 *   onionURI UTF8String, algorithm AlgorithmIdentifier,
 *   subjectPublicKeyHash BIT STRING }  (EV Guidelines Appendix F) */
typedef struct tor_descriptor {
  cts_str onion;
  unsigned hash_bits;    /* 0 for an unknown algorithm */
  unsigned bit_length;
} tor_descriptor;

static int next_descriptor(cts_der *seq, tor_descriptor *out) {
  cts_der d, uri, alg, oid, bits;
  unsigned unused;
  if (!cts_der_get_element(seq, &d, CTS_DER_SEQUENCE) ||
      !cts_der_get_element(&d, &uri, CTS_DER_UTF8_STRING) ||
      !cts_der_get_element(&d, &alg, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&alg, &oid) ||
      !cts_der_get_bit_string(&d, &bits, &unused) || d.len != 0)
    return 0;
  out->onion.p = uri.data;
  out->onion.n = uri.len;
  out->hash_bits = 0;
  if (oid.len == sizeof(OID_SHA2_PREFIX) &&
      memcmp(oid.data, OID_SHA2_PREFIX, oid.len - 1) == 0) {
    uint8_t arc = oid.data[oid.len - 1];
    out->hash_bits = arc == 1 ? 256 : arc == 2 ? 384 : arc == 3 ? 512 : 0;
  }
  out->bit_length = (unsigned)(bits.len * 8 - unused);
  return 1;
}

/* Go's URL.Hostname: the host without its port and brackets. */
static cts_str url_hostname(cts_str host) {
  size_t colon = host.n;
  while (colon > 0 && host.p[colon - 1] != ':') colon--;
  if (colon > 0) {
    int digits = 1;
    for (size_t i = colon; i < host.n; i++)
      if (host.p[i] < '0' || host.p[i] > '9') digits = 0;
    if (digits) host.n = colon - 1;
  }
  if (host.n >= 2 && host.p[0] == '[' && host.p[host.n - 1] == ']') {
    host.p++;
    host.n -= 2;
  }
  return host;
}

/* The last two labels of a name that ends in ".onion". */
static cts_str onion_etld1(cts_str s) {
  size_t i = s.n - strlen(ONION);
  while (i > 0 && s.p[i - 1] != '.') i--;
  s.p += i;
  s.n -= i;
  return s;
}

/* 1 when hostname is the eTLD+1 of a dNSName or the commonName. */
static int onion_subject(const cts_summary *sum, cts_str hostname) {
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  cts_cn_buf buf;
  cts_str cn = cts_names_cn(sum, &buf);
  if (onion_suffix(cn) && cts_str_eq(onion_etld1(cn), hostname)) return 1;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes))
    if (onion_suffix(name) && cts_str_eq(onion_etld1(name), hostname))
      return 1;
  return 0;
}

/* The descriptor's Onion URI: https, with a host; its hash algorithm known
 * and the hash of its length (EV Guidelines Appendix F). */
static int descriptor_valid(const tor_descriptor *d, cts_str *out_host) {
  cts_url u;
  if (!cts_url_parse(d->onion, &u) || u.host.n == 0 ||
      !cts_str_eq_fold(u.scheme, (cts_str){(const uint8_t *)"https", 5}))
    return 0;
  if (d->hash_bits == 0 || d->hash_bits != d->bit_length) return 0;
  *out_host = url_hostname(u.host);
  return 1;
}

/* 1 when a descriptor before the end of prefix (a walk of the same
 * SEQUENCE) names hostname. */
static int host_seen(cts_der all, size_t before, cts_str hostname) {
  tor_descriptor d;
  cts_str host;
  while ((size_t)(all.len) > before && next_descriptor(&all, &d))
    if (descriptor_valid(&d, &host) && cts_str_eq(host, hostname)) return 1;
  return 0;
}

/* zlint util.IsOnionV2Address: a name ending in "onion" whose first label
 * is 16 characters of lower-case base32 (Tor rend-spec v2 1.5). */
static int onion_v2(cts_str s) {
  if (!cts_str_has_suffix(s, "onion") || !cts_str_has_byte(s, '.') ||
      s.n < 16 || (s.n > 16 && s.p[16] != '.'))
    return 0;
  for (size_t i = 0; i < 16; i++) {
    uint8_t c = s.p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return 0;
  }
  return 1;
}

/* The extension, or an EV subscriber certificate naming a v2 onion
 * address (zlint util.IsOnionV2Cert). */
static int tor_descriptor_applies(const cts_lint_cert *cert) {
  cts_cn_buf buf;
  if (tor_descriptor_ext(cert->sum) != NULL) return 1;
  return cert->facts.is_subscriber &&
         (onion_v2(cts_names_cn(cert->sum, &buf)) ||
          any_dns(cert->sum, onion_v2)) &&
         is_ev(cert->sum);
}

/* Every onion name of an EV certificate has a descriptor of its eTLD+1. */
static int onion_without_descriptor(const cts_summary *sum, cts_der all) {
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  cts_cn_buf buf;
  cts_str cn = cts_names_cn(sum, &buf);
  if (onion_suffix(cn) && !host_seen(all, 0, onion_etld1(cn))) return 1;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes))
    if (onion_suffix(name) && !host_seen(all, 0, onion_etld1(name)))
      return 1;
  return 0;
}

/* BRs ballot 201 / EV Guidelines Appendix F: TorServiceDescriptorHash
 * entries are well formed, one per onion host the certificate names, and
 * (EV) every onion name has one. A descriptor extension zcrypto cannot
 * read makes the certificate unreadable to zlint; here it reads as one
 * without descriptors. */
static cts_lint_status tor_descriptor_hash_invalid(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  const cts_ext *ext = tor_descriptor_ext(sum);
  cts_der v, all, walk;
  tor_descriptor d;
  cts_str host;
  if (ext == NULL) return CTS_LINT_ERROR;
  v = cts_summary_der(sum, ext->value);
  if (!cts_der_get_element(&v, &all, CTS_DER_SEQUENCE) || v.len != 0 ||
      all.len == 0)
    return CTS_LINT_ERROR;
  walk = all;
  while (walk.len > 0) {
    size_t before = walk.len;
    if (!next_descriptor(&walk, &d)) return CTS_LINT_ERROR;
    if (!descriptor_valid(&d, &host)) return CTS_LINT_ERROR;
    /* the descriptors before this one are those past `before` bytes */
    cts_der prefix = {all.data, all.len - before};
    if (host_seen(prefix, 0, host)) return CTS_LINT_ERROR;
    if (!onion_subject(sum, host)) return CTS_LINT_ERROR;
  }
  if (is_ev(sum) && onion_without_descriptor(sum, all)) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* --- internationalized names (RFC 3490, RFC 3492) ------------------------ */

/* Punycode digit values (RFC 3492 5): a-z/A-Z 0-25, 0-9 26-35. */
static int32_t puny_digit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0' + 26;
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  return -1;
}

/* a + b * c without leaving int32 (golang.org/x/net/idna madd). */
static int puny_madd(int32_t a, int32_t b, int32_t c, int32_t *out) {
  int64_t r = (int64_t)a + (int64_t)b * c;
  if (r > INT32_MAX || r < INT32_MIN) return 0;
  *out = (int32_t)r;
  return 1;
}

/* RFC 3492 6.1 bias adaptation. */
static int32_t puny_adapt(int32_t delta, int32_t numpoints, int first) {
  int32_t k = 0;
  delta = first ? delta / 700 : delta / 2;
  delta += delta / numpoints;
  while (delta > ((36 - 1) * 26) / 2) {
    delta /= 36 - 1;
    k += 36;
  }
  return k + (36 - 1 + 1) * delta / (delta + 38);
}

/* The next rune of s at *i, as Go decodes UTF-8 (an invalid byte is one
 * U+FFFD). */
static uint32_t utf8_rune(cts_str s, size_t *i) {
  size_t len = rune_len(s, *i);
  uint32_t r = s.p[*i];
  if (len == 1) {
    (*i)++;
    return r < 0x80 ? r : 0xfffd;
  }
  r &= len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07;
  for (size_t k = 1; k < len; k++) r = r << 6 | (s.p[*i + k] & 0x3f);
  *i += len;
  if ((len == 2 && r < 0x80) || (len == 3 && r < 0x800) ||
      (len == 4 && (r < 0x10000 || r > 0x10ffff)) ||
      (r >= 0xd800 && r < 0xe000))
    return 0xfffd;
  return r;
}

#define PUNY_MAX 1024     /* golang.org/x/net/idna's limit on decoded runes */
#define PUNY_BASIC_MAX 2048

/* Decodes the Punycode of an A-label (after "xn--") into out as
 * golang.org/x/net/idna's decode does (RFC 3492 6.2: basic code points
 * before the last '-', then the deltas; at most 1024 code points, none
 * beyond U+10FFFF; surrogates read as U+FFFD in the Go string). Returns 0
 * when it does not decode. A basic part longer than PUNY_BASIC_MAX runes
 * with no deltas decodes, and only its first runes are kept. */
static int puny_decode(cts_str enc, uint32_t *out, size_t *out_n) {
  size_t pos = 0, last_dash = 0, count = 0;
  int32_t i = 0, n = 128, bias = 72;
  int has_dash = 0;
  *out_n = 0;
  if (enc.n == 0) return 1;
  for (size_t k = 0; k < enc.n; k++)
    if (enc.p[k] == '-') last_dash = k, has_dash = 1;
  if (has_dash) {
    cts_str head = {enc.p, last_dash};
    if (last_dash == 0) return 0; /* a leading '-' with nothing before */
    for (size_t k = 0; k < last_dash;) {
      uint32_t r = utf8_rune(head, &k);
      if (count < PUNY_BASIC_MAX) out[count] = r;
      count++;
    }
    pos = last_dash + 1;
  }
  while (pos < enc.n) {
    int32_t old_i = i, w = 1, t;
    for (int32_t k = 36;; k += 36) {
      int32_t digit;
      if (pos == enc.n) return 0;
      digit = puny_digit(enc.p[pos++]);
      if (digit < 0 || !puny_madd(i, digit, w, &i)) return 0;
      t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      if (!puny_madd(0, w, 36 - t, &w)) return 0;
    }
    if (count >= PUNY_MAX) return 0;
    bias = puny_adapt(i - old_i, (int32_t)count + 1, old_i == 0);
    n += i / ((int32_t)count + 1);
    i %= (int32_t)count + 1;
    if (n < 0 || n > 0x10ffff) return 0;
    memmove(out + i + 1, out + i, (count - (size_t)i) * sizeof(out[0]));
    out[i] = (n >= 0xd800 && n < 0xe000) ? 0xfffd : (uint32_t)n;
    count++;
    i++;
  }
  *out_n = count < PUNY_BASIC_MAX ? count : PUNY_BASIC_MAX;
  return 1;
}

static int bad_a_label(cts_str s) {
  labels l = labels_of(s);
  cts_str label;
  uint32_t cps[PUNY_BASIC_MAX];
  size_t n;
  while (next_label(&l, &label)) {
    cts_str rest = {label.p + 4, label.n - 4};
    if (xn_prefix(label) && !puny_decode(rest, cps, &n)) return 1;
  }
  return 0;
}

/* RFC 3490 4.2 ToUnicode: every A-label decodes. */
static cts_lint_status idn_not_unicode(const cts_lint_cert *cert) {
  if ((dns_classes(cert->sum) & CTS_BC_HYPHEN) == 0) return CTS_LINT_PASS;
  return any_dns(cert->sum, bad_a_label) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* RFC 8399 2 (RFC 5891 5.3): the U-label of every A-label is in Unicode
 * Normalization Form C. zlint returns NA when an A-label does not
 * decode. */
static cts_lint_status idn_not_nfc(const cts_lint_cert *cert) {
  cts_san_iter it;
  cts_str name, label;
  uint16_t classes;
  uint32_t cps[PUNY_BASIC_MAX];
  size_t n;
  if ((dns_classes(cert->sum) & CTS_BC_HYPHEN) == 0) return CTS_LINT_PASS;
  cts_san_begin(&it, cert->sum);
  while (next_dns(&it, &name, &classes)) {
    labels l = labels_of(name);
    while (next_label(&l, &label)) {
      cts_str rest = {label.p + 4, label.n - 4};
      if (!xn_prefix(label)) continue;
      if (!puny_decode(rest, cps, &n)) return CTS_LINT_NA;
      if (!cts_nfc_is_normal(cps, n)) return CTS_LINT_ERROR;
    }
  }
  return CTS_LINT_PASS;
}

/* --- the table ----------------------------------------------------------- */

#define BR CTS_SRC_CABF_BR
#define RFC CTS_SRC_RFC5280
#define COMMUNITY CTS_SRC_COMMUNITY

static const cts_lint table[] = {
    {"e_dnsname_not_valid_tld", "DNSNames must have a valid TLD.",
     "BRs: 3.2.2.4", BR, CAB_EFFECTIVE, 0, subscriber_with_names,
     dnsname_not_valid_tld, NULL},
    {"e_dnsname_bad_character_in_label",
     "Characters in labels of DNSNames MUST be alphanumeric, - , _ or *",
     "BRs: 7.1.4.2", BR, CAB_EFFECTIVE, 0, subscriber_with_names,
     bad_character_in_label, NULL},
    {"e_ext_san_contains_reserved_ip",
     "CAs SHALL NOT issue certificates with a subjectAltName extension or "
     "subject:commonName field containing a Reserved IP Address or Internal "
     "Name.",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, expires_after_reserved_ip_sunset,
     san_contains_reserved_ip, NULL},
    {"e_subject_contains_reserved_ip",
     "Certificates expiring later than 11 Jan 2015 MUST NOT contain a "
     "reserved IP address in the common name field",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, expires_after_reserved_ip_sunset,
     subject_contains_reserved_ip, NULL},
    {"e_subject_common_name_not_exactly_from_san",
     "The common name field in subscriber certificates must include only "
     "names from the SAN extension",
     "BRs: 7.1.4.2.2", BR, BRS_1_8_0, 0, has_cn, cn_not_exactly_from_san,
     NULL},
    {"e_subject_common_name_not_from_san",
     "The common name field in subscriber certificates must include only "
     "names from the SAN extension",
     "BRs: 7.1.4.2.2", BR, CAB_EFFECTIVE, BRS_1_8_0, has_nonempty_cn,
     cn_not_from_san, NULL},
    {"e_ext_san_empty_name",
     "General name fields MUST NOT be empty in subjectAlternateNames",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     cts_names_san_empty_name, NULL},
    {"e_dnsname_empty_label", "DNSNames should not have an empty label.",
     "BRs: 7.1.4.2", BR, CAB_EFFECTIVE, 0, subscriber_with_names,
     dnsname_empty_label, NULL},
    {"e_rfc_dnsname_empty_label", "DNSNames should not have an empty label.",
     "RFC5280: 4.2.1.6", RFC, RFC5280_DATE, 0, subscriber_with_names,
     rfc_dnsname_empty_label, NULL},
    {"n_san_dns_name_duplicate", "SAN DNSName contains duplicate values",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_san,
     san_dns_name_duplicate, NULL},
    {"e_underscore_not_permissible_in_dnsname",
     "DNSNames MUST NOT contain underscore characters", "BR 7.1.4.2.1", BR,
     BRS_1_6_2_UNDERSCORE_SUNSET, 0, subscriber_with_names,
     underscore_in_dnsname, NULL},
    {"e_dnsname_underscore_in_sld",
     "DNSName MUST NOT contain underscore characters", "BRs: 7.1.4.2.1", BR,
     RFC5280_DATE, 0, subscriber_with_names, dnsname_underscore_in_sld, NULL},
    {"w_dnsname_underscore_in_trd",
     "DNSName MUST NOT contain underscore characters", "BRs: 7.1.4.2.1", BR,
     RFC5280_DATE, 0, subscriber_with_names, dnsname_underscore_in_trd, NULL},
    {"e_rfc_dnsname_underscore_in_sld",
     "DNSName MUST NOT contain underscore characters", "RFC5280: 4.2.1.6",
     RFC, RFC5280_DATE, 0, subscriber_with_names, rfc_underscore_in_sld,
     NULL},
    {"w_rfc_dnsname_underscore_in_trd",
     "DNSName MUST NOT contain underscore characters", "RFC5280: 4.1.2.6",
     RFC, RFC5280_DATE, 0, subscriber_with_names, rfc_underscore_in_trd,
     NULL},
    {"e_no_underscores_before_1_6_2",
     "Before explicitly stating as such in CABF 1.6.2, the stance of RFC5280 "
     "is adopted that DNSNames MUST NOT contain an underscore character.",
     "BR 7.1.4.2.1", BR, 0, BRS_1_6_2, subscriber_with_names,
     underscore_in_dnsname, NULL},
    {"e_underscore_permissible_in_dnsname_if_valid_when_replaced",
     "From December 10th 2018 to April 1st 2019 DNSNames may contain "
     "underscores if-and-only-if every label within each DNS name is a valid "
     "LDH label after replacing all underscores with hyphens",
     "BR 7.1.4.2.1", BR, BRS_1_6_2, BRS_1_6_2_UNDERSCORE_SUNSET,
     subscriber_with_names, underscore_valid_when_replaced, NULL},
    {"e_underscore_present_with_too_long_validity",
     "From 2018-12-10 to 2019-04-01, DNSNames may contain underscores "
     "if-and-only-if the certificate is valid for less than thirty days.",
     "BR 7.1.4.2.1", BR, BRS_1_6_2, BRS_1_6_2_UNDERSCORE_SUNSET,
     long_validity_with_names, underscore_too_long_validity, NULL},
    {"e_dnsname_contains_bare_iana_suffix",
     "DNSNames should not contain a bare IANA suffix.",
     "BRs: 1.6.1, Base Domain Name", BR, CAB_EFFECTIVE, 0,
     subscriber_with_names, bare_iana_suffix, NULL},
    {"e_dnsname_contains_prohibited_reserved_label",
     "FQDNs MUST consist solely of Domain Labels that are P\xe2\x80\x90Labels "
     "or Non\xe2\x80\x90Reserved LDH Labels",
     "BRs: 7.1.4.2.1", BR, NO_RESERVED_LABELS, 0, subscriber_with_names,
     contains_prohibited_reserved_label, NULL},
    {"e_dnsname_hyphen_in_sld",
     "DNSName should not have a hyphen beginning or ending the SLD",
     "BRs 7.1.4.2", BR, RFC5280_DATE, 0, subscriber_with_names,
     dnsname_hyphen_in_sld, NULL},
    {"e_dnsname_label_too_long",
     "DNSName labels MUST be less than or equal to 63 characters", "RFC 1035",
     BR, CAB_EFFECTIVE, 0, subscriber_with_names, dnsname_label_too_long,
     NULL},
    {"e_dnsname_left_label_wildcard_correct",
     "Wildcards in the left label of DNSName should only be *",
     "BRs: 1.6.1, Wildcard Certificate and Wildcard Domain Name", BR,
     CAB_EFFECTIVE, 0, NULL, left_label_wildcard_correct, NULL},
    {"e_dnsname_wildcard_only_in_left_label",
     "DNSName should not have wildcards except in the left-most label",
     "BRs: 1.6.1, Wildcard Domain Name", BR, CAB_EFFECTIVE, 0, NULL,
     wildcard_only_in_left_label, NULL},
    {"e_rfc_dnsname_hyphen_in_sld",
     "DNSName should not have a hyphen beginning or ending the SLD",
     "RFC5280: 4.2.1.6", RFC, RFC5280_DATE, 0, subscriber_with_names,
     rfc_hyphen_in_sld, NULL},
    {"e_rfc_dnsname_label_too_long",
     "DNSName labels MUST be less than or equal to 63 characters",
     "RFC 5280: 4.2.1.6, citing RFC 1035", RFC, RFC5280_DATE, 0,
     subscriber_with_names, rfc_dnsname_label_too_long, NULL},
    {"e_san_bare_wildcard",
     "A wildcard MUST be accompanied by other data to its right (Only checks "
     "DNSName)",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_san, san_bare_wildcard,
     NULL},
    {"e_san_dns_name_includes_null_char",
     "DNSName MUST NOT include a null character", "awslabs certlint",
     COMMUNITY, 0, 0, cts_names_has_san, san_null_char, NULL},
    {"e_san_dns_name_starts_with_period", "DNSName MUST NOT start with a period",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_san,
     san_starts_with_period, NULL},
    {"e_san_wildcard_not_first",
     "A wildcard MUST be in the first label of FQDN (ie not: www.*.com) (Only "
     "checks DNSName)",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_san,
     san_wildcard_not_first, NULL},
    {"e_san_dns_name_onion_invalid",
     "certificates with a .onion subject name must be issued in accordance "
     "with the Tor address/rendezvous specification",
     "RFC 7686, EVGs v1.7.2: Appendix F, BRs v1.6.9: Appendix C", BR,
     ONION_ONLY_EV, 0, names_in_onion, onion_invalid, NULL},
    {"e_san_dns_name_onion_not_ev_cert",
     "certificates with a .onion subject name must be issued in accordance "
     "with EV Guidelines",
     "CABF Ballot 144", BR, ONION_ONLY_EV, 0, onion_before_sc27, onion_not_ev,
     NULL},
    {"n_san_iana_pub_suffix_empty",
     "The domain SHOULD NOT have a bare public suffix", "awslabs certlint",
     COMMUNITY, 0, 0, cts_names_has_san, san_iana_pub_suffix_empty, NULL},
    {"n_dnsname_wildcard_left_of_public_suffix",
     "the CA MUST establish and follow a documented procedure[^pubsuffix] "
     "that determines if the wildcard character occurs in the first label "
     "position to the left of a \xe2\x80\x9cregistry\xe2\x80\x90"
     "controlled\xe2\x80\x9d label or \xe2\x80\x9cpublic suffix\xe2\x80\x9d",
     "BRs: 3.2.2.6", BR, CAB_EFFECTIVE, 0, subscriber_with_names,
     wildcard_left_of_public_suffix, NULL},
    {"n_contains_redacted_dnsname",
     "Some precerts are redacted and of the form ?.?.a.com or *.?.a.com",
     "IETF Draft: https://tools.ietf.org/id/draft-strad-trans-redaction-00.html",
     COMMUNITY, 0, 0, subscriber, contains_redacted_dnsname, NULL},
    {"e_ext_tor_service_descriptor_hash_invalid",
     "certificates with v2 .onion names need valid TorServiceDescriptors in "
     "extension",
     "BRs: Ballot 201, Ballot SC27", BR, CAB_V201, 0, tor_descriptor_applies,
     tor_descriptor_hash_invalid, NULL},
    {"e_international_dns_name_not_nfc",
     "Internationalized DNSNames must be normalized by Unicode normalization "
     "form C",
     "RFC 8399", CTS_SRC_RFC5891, RFC8399_DATE, 0, cts_names_has_san,
     idn_not_nfc, NULL},
    {"e_international_dns_name_not_unicode",
     "Internationalized DNSNames punycode not valid Unicode", "RFC 3490", RFC,
     RFC3490_DATE, 0, cts_names_has_san, idn_not_unicode, NULL},
    {"e_ext_san_dns_name_too_long",
     "DNSName must be less than or equal to 253 bytes", "RFC 5280", RFC,
     RFC5280_DATE, 0, has_san_dns, san_dns_name_too_long, NULL},
    {"e_ext_san_dns_not_ia5_string", "dNSNames MUST be IA5 strings",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     cts_names_san_dns_not_ia5, NULL},
    {"e_ext_san_space_dns_name", "The dNSName ` ` MUST NOT be used",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     san_space_dns_name, NULL},
    {"e_ext_san_missing",
     "Subscriber certificates MUST contain the Subject Alternate Name "
     "extension",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_not_ca,
     cts_names_san_missing, NULL},
    {"e_ext_san_no_entries",
     "If present, the SAN extension MUST contain at least one entry",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     cts_names_san_no_entries, NULL},
    {"e_ext_san_not_critical_without_subject",
     "If there is an empty subject field, then the SAN extension MUST be "
     "critical",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     cts_names_san_not_critical_no_subject, NULL},
    {"w_ext_san_critical_with_subject_dn",
     "If the subject contains a distinguished name, subjectAlternateName "
     "SHOULD be non-critical",
     "RFC 5280: 4.2.1.6", BR, RFC5280_DATE, 0, cts_names_has_san,
     cts_names_san_critical_with_subject, NULL},
    {"e_ext_san_directory_name_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_directory_name, NULL},
    {"e_ext_san_edi_party_name_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_edi_party_name, NULL},
    {"e_ext_san_other_name_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types.",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_other_name, NULL},
    {"e_ext_san_registered_id_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types.",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_registered_id, NULL},
    {"e_ext_san_rfc822_name_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types.",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_rfc822_name, NULL},
    {"e_ext_san_rfc822_format_invalid",
     "Email MUST NOT be surrounded with `<>`, and there must be no trailing "
     "comments in `()`",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_san,
     cts_names_san_rfc822_format, NULL},
    {"e_ext_san_uniform_resource_identifier_present",
     "The Subject Alternate Name extension MUST contain only 'dnsName' and "
     "'ipaddress' name types",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, cts_names_has_san,
     cts_names_san_uri, NULL},
    {"e_ext_san_uri_format_invalid",
     "URIs in SAN extension must have a scheme and scheme specific part",
     "RFC5280: 4.2.1.6", RFC, RFC5280_DATE, 0, cts_names_has_san,
     cts_names_san_uri_format, NULL},
    {"e_ext_san_uri_host_not_fqdn_or_ip",
     "URIs that include an authority ([RFC3986], Section 3.2) MUST include a "
     "fully qualified domain name or IP address as the host",
     "RFC 5280: 4.2.1.7", RFC, RFC5280_DATE, 0, cts_names_has_san,
     cts_names_san_uri_host, NULL},
    {"e_ext_san_uri_not_ia5",
     "When subjectAlternateName contains a URI, the name MUST be an IA5 "
     "string",
     "RFC5280: 4.2.1.6", RFC, RFC5280_DATE, 0, cts_names_has_san,
     cts_names_san_uri_not_ia5, NULL},
    {"e_ext_san_uri_relative",
     "When the subjectAlternateName extension is present and a URI is used, "
     "the name MUST NOT be a relative URI",
     "RFC 5280: 4.2.1.6", RFC, RFC5280_DATE, 0, cts_names_has_san,
     cts_names_san_uri_relative, NULL},
    {"e_ext_ian_dns_not_ia5_string", "DNSNames MUST be IA5 strings",
     "RFC 5280: 4.2.1.7", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_dns_not_ia5, NULL},
    {"e_ext_ian_empty_name", "General name fields must not be empty in IAN",
     "RFC 5280: 4.2.1.7", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_empty_name, NULL},
    {"e_ext_ian_no_entries",
     "If present, the IAN extension must contain at least one entry",
     "RFC 5280: 4.2.1.7", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_no_entries, NULL},
    {"e_ext_ian_rfc822_format_invalid",
     "Email must not be surrounded with `<>`, and there MUST NOT be trailing "
     "comments in `()`",
     "RFC 5280: 4.2.1.7", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_rfc822_format, NULL},
    {"e_ext_ian_space_dns_name", "dNSName ' ' MUST NOT be used",
     "RFC 5280: 4.2.1.6", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_space_dns, NULL},
    {"e_ext_ian_uri_format_invalid",
     "URIs in the subjectAltName extension MUST have a scheme and scheme "
     "specific part",
     "RFC5280: 4.2.1.6", RFC, RFC5280_DATE, 0, cts_names_has_ian,
     cts_names_ian_uri_format, NULL},
    {"e_ext_ian_uri_host_not_fqdn_or_ip",
     "URIs that include an authority ([RFC3986], Section 3.2) MUST include a "
     "fully qualified domain name or IP address as the host",
     "RFC 5280: 4.2.1.6", RFC, RFC5280_DATE, 0, cts_names_has_ian,
     cts_names_ian_uri_host, NULL},
    {"e_ext_ian_uri_not_ia5",
     "When issuer alternative name contains a URI, the name MUST be an IA5 "
     "string",
     "RFC5280: 4.2.1.7", RFC, RFC5280_DATE, 0, cts_names_has_ian,
     cts_names_ian_uri_not_ia5, NULL},
    {"e_ext_ian_uri_relative",
     "When issuerAltName extension is present and the URI is used, the name "
     "MUST NOT be a relative URI",
     "RFC 5280: 4.2.1.7", RFC, RFC5280_DATE, 0, cts_names_has_ian,
     cts_names_ian_uri_relative, NULL},
    {"e_ian_bare_wildcard",
     "A wildcard MUST be accompanied by other data to its right (Only checks "
     "IANDNSNames)",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_ian,
     cts_names_ian_bare_wildcard, NULL},
    {"e_ian_dns_name_includes_null_char",
     "DNSName MUST NOT include a null character", "awslabs certlint",
     COMMUNITY, 0, 0, cts_names_has_ian, cts_names_ian_null_char, NULL},
    {"e_ian_dns_name_starts_with_period", "DNSName MUST NOT start with a period",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_ian,
     cts_names_ian_starts_with_period, NULL},
    {"e_ian_wildcard_not_first",
     "A wildcard MUST be in the first label of FQDN (ie not: www.*.com) (Only "
     "checks IANDNSNames)",
     "awslabs certlint", COMMUNITY, 0, 0, cts_names_has_ian,
     cts_names_ian_wildcard_not_first, NULL},
    {"w_ext_ian_critical",
     "Issuer alternate name should be marked as non-critical",
     "RFC 5280: 4.2.1.7", RFC, RFC2459_DATE, 0, cts_names_has_ian,
     cts_names_ian_critical, NULL},
    {"w_ian_iana_pub_suffix_empty",
     "Domain SHOULD NOT have a bare public suffix", "awslabs certlint",
     COMMUNITY, 0, 0, cts_names_has_ian, cts_names_ian_pub_suffix_empty, NULL},
    {"e_subject_contains_reserved_arpa_ip",
     "Checks no subject domain name contains a rDNS entry in an .arpa zone "
     "specifying a reserved IP address",
     "BRs: 7.1.4.2.1", BR, CAB_EFFECTIVE, 0, names_in_arpa,
     subject_reserved_arpa_ip, NULL},
    {"w_subject_contains_malformed_arpa_ip",
     "Checks no subject domain name contains a rDNS entry in the "
     "registry-controlled .arpa zone with the wrong number of labels, or an "
     "invalid IP address (RFC 3596, BCP49)",
     "BRs: 3.2.2.6", BR, CAB_EFFECTIVE, 0, names_in_arpa,
     subject_malformed_arpa_ip, NULL},
};

CTS_GROUP(names, table);
