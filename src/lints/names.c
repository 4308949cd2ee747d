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
#include "names_memo.h"
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

/* The memo's BASIC tier: the names and their facts. */
static const cts_names_memo *basic(const cts_lint_cert *cert) {
  return cts_names_memo_get(cert, CTS_NM_BASIC);
}

/* A fact of the commonName (as a DNS name: zlint lints it when it is not
 * empty and not an IP address, util.CommonNameIsIP) or of a dNSName. */
static int any_name_has(const cts_lint_cert *cert, uint32_t fact) {
  const cts_names_memo *m = basic(cert);
  return ((m->san_facts | (m->cn_dns ? m->cn_facts : 0)) & fact) != 0;
}

/* A fact of the commonName, whatever it holds, or of a dNSName. */
static int cn_or_dns_has(const cts_lint_cert *cert, uint32_t fact) {
  const cts_names_memo *m = basic(cert);
  return ((m->san_facts | m->cn_facts) & fact) != 0;
}

/* A fact of a dNSName. */
static int dns_has(const cts_lint_cert *cert, uint32_t fact) {
  return (basic(cert)->san_facts & fact) != 0;
}

static cts_lint_status finding_if(int bad, cts_lint_status finding) {
  return bad ? finding : CTS_LINT_PASS;
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
  const cts_names_memo *m;
  if (!cert->facts.is_subscriber) return 0;
  m = basic(cert);
  return m->any_dns || m->cn.n > 0;
}

static int subscriber(const cts_lint_cert *cert) {
  return cert->facts.is_subscriber;
}

/* --- TLDs ---------------------------------------------------------------- */


/* BRs 3.2.2.4 (and 7.1.4.2.1 on Internal Names): every name ends in a TLD
 * of the IANA root zone, delegated when the certificate was issued. */
static cts_lint_status dnsname_not_valid_tld(const cts_lint_cert *cert) {
  return finding_if(cts_names_memo_get(cert, CTS_NM_TLD)->tld_invalid,
                    CTS_LINT_ERROR);
}

/* BRs 1.6.1 "Base Domain Name": a name that is a bare TLD. */
static cts_lint_status bare_iana_suffix(const cts_lint_cert *cert) {
  /* only a name of one label can be a TLD */
  if (!any_name_has(cert, CTS_NF_NO_DOT)) return CTS_LINT_PASS;
  return finding_if(cts_names_memo_get(cert, CTS_NM_TLD)->tld_known,
                    CTS_LINT_ERROR);
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
  return finding_if(any_name_has(cert, CTS_NF_BAD_CHARS), CTS_LINT_ERROR);
}

/* BRs 7.1.4.2 / RFC 5280 4.2.1.6 (RFC 1034 3.5 preferred name syntax): no
 * empty labels. */
static cts_lint_status dnsname_empty_label(const cts_lint_cert *cert) {
  return finding_if(any_name_has(cert, CTS_NF_EMPTY_LABEL), CTS_LINT_ERROR);
}

static cts_lint_status rfc_dnsname_empty_label(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_EMPTY_LABEL), CTS_LINT_ERROR);
}

/* RFC 1035 2.3.4: labels are 63 octets or less. */
static cts_lint_status dnsname_label_too_long(const cts_lint_cert *cert) {
  return finding_if(any_name_has(cert, CTS_NF_LABEL_TOO_LONG), CTS_LINT_ERROR);
}

static cts_lint_status rfc_dnsname_label_too_long(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_LABEL_TOO_LONG), CTS_LINT_ERROR);
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

/* BRs 7.1.4.2.1: FQDNs consist of P-Labels or non-reserved LDH labels. */
static cts_lint_status contains_prohibited_reserved_label(
    const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_RESERVED), CTS_LINT_ERROR);
}

/* --- wildcards and redaction --------------------------------------------- */

/* BRs 1.6.1 "Wildcard Domain Name": the wildcard is the whole left-most
 * label. zlint checks the commonName whatever it holds. */
static cts_lint_status left_label_wildcard_correct(const cts_lint_cert *cert) {
  return finding_if(cn_or_dns_has(cert, CTS_NF_LEFT_WC_BAD), CTS_LINT_ERROR);
}

static cts_lint_status wildcard_only_in_left_label(const cts_lint_cert *cert) {
  return finding_if(cn_or_dns_has(cert, CTS_NF_WC_NOT_LEFT), CTS_LINT_ERROR);
}

static int redacted(cts_str s) {
  if (cts_str_has_prefix(s, "*.")) s.p += 2, s.n -= 2;
  return cts_str_has_prefix(s, "?.");
}

/* draft-strad-trans-redaction-00: "?." labels stand for redacted ones. */
static cts_lint_status contains_redacted_dnsname(const cts_lint_cert *cert) {
  return finding_if(cn_or_dns_has(cert, CTS_NF_REDACTED), CTS_LINT_INFO);
}

/* awslabs certlint: dNSName syntax (RFC 5280 4.2.1.6, RFC 1034 3.5). */

static cts_lint_status san_bare_wildcard(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_ENDS_STAR), CTS_LINT_ERROR);
}

static cts_lint_status san_null_char(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_NUL), CTS_LINT_ERROR);
}

static cts_lint_status san_starts_with_period(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_STARTS_DOT), CTS_LINT_ERROR);
}

static cts_lint_status san_wildcard_not_first(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_STAR_NOT_FIRST), CTS_LINT_ERROR);
}

/* RFC 5280 4.2.1.6: the dNSName " " MUST NOT be used. */
static cts_lint_status san_space_dns_name(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_IS_SPACE), CTS_LINT_ERROR);
}

/* RFC 1035 2.3.4 via RFC 5280: names of at most 253 octets. */
static cts_lint_status san_dns_name_too_long(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_TOO_LONG), CTS_LINT_ERROR);
}

static int has_san_dns(const cts_lint_cert *cert) {
  return cts_names_has_san(cert) && basic(cert)->any_dns;
}

/* awslabs certlint: the same dNSName twice (ASCII case folded). */
static cts_lint_status san_dns_name_duplicate(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  cts_san_iter outer, inner;
  cts_str a, b;
  uint16_t classes;
  size_t k = 0;
  cts_san_begin(&outer, sum);
  if (!outer.walk) {
    /* the summary's list is zcrypto's: compare its dNSNames pairwise,
     * lengths first (equal folded names have equal lengths) */
    for (uint16_t j = 1; j < sum->n_sans; j++) {
      const cts_general_name *gj = &sum->sans[j];
      if (gj->type != CTS_GN_DNS) continue;
      for (uint16_t i = 0; i < j; i++) {
        const cts_general_name *gi = &sum->sans[i];
        if (gi->type != CTS_GN_DNS || gi->value.len != gj->value.len)
          continue;
        if (cts_str_eq_fold(cts_names_span(sum, gi->value),
                            cts_names_span(sum, gj->value)))
          return CTS_LINT_INFO;
      }
    }
    return CTS_LINT_PASS;
  }
  while (next_dns(&outer, &a, &classes)) {
    cts_san_begin(&inner, cert->sum);
    for (size_t j = 0; j < k && next_dns(&inner, &b, &classes); j++)
      if (cts_str_eq_fold(a, b)) return CTS_LINT_INFO;
    k++;
  }
  return CTS_LINT_PASS;
}

/* --- public suffixes: SLD / TRD ------------------------------------------ */

static int has_underscore(cts_str s) { return cts_str_has_byte(s, '_'); }
static int hyphen_at_edge(cts_str s) {
  return s.n > 0 && (s.p[0] == '-' || s.p[s.n - 1] == '-');
}
static int is_star(cts_str s) { return s.n == 1 && s.p[0] == '*'; }

/* The part of each name, split at its public suffix (zcrypto
 * GetParsedDNSNames): the status of the commonName (with_cn) or else of
 * the first dNSName that does not pass; a name that does not split makes
 * the lint NA, as in zlint. The memo's PARTS tier holds both. */
static cts_lint_status parts(const cts_lint_cert *cert, int with_cn,
                             int which) {
  const cts_names_memo *m = cts_names_memo_get(cert, CTS_NM_PARTS);
  if (with_cn && m->cn_part[which] != CTS_LINT_PASS)
    return (cts_lint_status)m->cn_part[which];
  return (cts_lint_status)m->san_part[which];
}

/* BRs 7.1.4.2.1 / RFC 5280 4.2.1.6: no underscore in the registrable
 * label; in labels left of it, a warning. */
static cts_lint_status dnsname_underscore_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 1, CTS_NP_US_SLD);
}
static cts_lint_status dnsname_underscore_in_trd(const cts_lint_cert *cert) {
  return parts(cert, 1, CTS_NP_US_TRD);
}
static cts_lint_status rfc_underscore_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 0, CTS_NP_US_SLD);
}
static cts_lint_status rfc_underscore_in_trd(const cts_lint_cert *cert) {
  return parts(cert, 0, CTS_NP_US_TRD);
}

/* RFC 1034 3.5: a label neither starts nor ends with a hyphen. */
static cts_lint_status dnsname_hyphen_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 1, CTS_NP_HY_SLD);
}
static cts_lint_status rfc_hyphen_in_sld(const cts_lint_cert *cert) {
  return parts(cert, 0, CTS_NP_HY_SLD);
}

/* BRs 3.2.2.6: a wildcard right before a public suffix needs a documented
 * procedure (notice). */
static cts_lint_status wildcard_left_of_public_suffix(
    const cts_lint_cert *cert) {
  return parts(cert, 1, CTS_NP_STAR_SLD);
}

/* awslabs certlint: a dNSName that is a public suffix. */
static cts_lint_status san_iana_pub_suffix_empty(const cts_lint_cert *cert) {
  return finding_if(cts_names_memo_get(cert, CTS_NM_PARTS)->bare_suffix,
                    CTS_LINT_INFO);
}

/* --- underscores (BRs 7.1.4.2.1 and ballot SC12 / BRs 1.6.2) ------------- */

static cts_lint_status underscore_in_dnsname(const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_UNDERSCORE), CTS_LINT_ERROR);
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
  return finding_if(dns_has(cert, CTS_NF_US_INVALID), CTS_LINT_ERROR);
}

/* BRs 1.6.2 7.1.4.2.1: such certificates are valid for 30 days or less. */
static int long_validity_with_names(const cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  return subscriber_with_names(cert) &&
         sum->not_before + 30 * 86400 <= sum->not_after;
}

static cts_lint_status underscore_too_long_validity(
    const cts_lint_cert *cert) {
  return finding_if(dns_has(cert, CTS_NF_UNDERSCORE), CTS_LINT_ERROR);
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
  return !cert->facts.is_ca && basic(cert)->cn_present;
}

static int has_nonempty_cn(const cts_lint_cert *cert) {
  return !cert->facts.is_ca && basic(cert)->cn.n > 0;
}

/* "If present, this field MUST contain a single IP address or
 * Fully-Qualified Domain Name that is one of the values contained in the
 * Certificate's subjectAltName extension" (before BRs 1.8.0; zlint
 * compares dNSNames case-insensitively). */
static cts_lint_status cn_not_from_san(const cts_lint_cert *cert) {
  return cn_in_sans(cert->sum, basic(cert)->cn, 1) ? CTS_LINT_PASS
                                                   : CTS_LINT_ERROR;
}

/* BRs 1.8.0 7.1.4.2.2: each commonName is a character-for-character copy
 * of a dNSName, or an iPAddress's text. */
static cts_lint_status cn_not_exactly_from_san(const cts_lint_cert *cert) {
  const cts_names_memo *m = basic(cert);
  cts_cn_buf buf;
  cts_str cn;
  /* the usual certificate: one commonName, a copy of a dNSName */
  if (m->cn_count == 1 && m->cn_matched) return CTS_LINT_PASS;
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
  if (!(basic(cert)->san_types & (1u << CTS_GN_IP))) return CTS_LINT_PASS;
  cts_san_begin(&it, cert->sum);
  while (cts_san_next(&it, &type, &v, &classes))
    if (type == CTS_GN_IP && (v.n == 4 || v.n == 16) &&
        cts_ip_is_reserved(v.p, v.n))
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static cts_lint_status subject_contains_reserved_ip(
    const cts_lint_cert *cert) {
  const cts_names_memo *m = basic(cert);
  return finding_if(m->cn_is_ip && cts_ip_is_reserved(m->cn_ip, 16),
                    CTS_LINT_ERROR);
}

/* --- reverse DNS (RFC 1035 3.5, RFC 3596 2.5) ----------------------------- */

#define ARPA_V4 ".in-addr.arpa"
#define ARPA_V6 ".ip6.arpa"

static int is_arpa(cts_str s) {
  return cts_str_has_suffix_fold(s, ARPA_V4) ||
         cts_str_has_suffix_fold(s, ARPA_V6);
}

static int names_in_arpa(const cts_lint_cert *cert) {
  return cn_or_dns_has(cert, CTS_NF_ARPA);
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
  return cn_or_dns_has(cert, CTS_NF_ONION);
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
  if (basic(cert)->has_tor) return 1;
  return cert->facts.is_subscriber && cn_or_dns_has(cert, CTS_NF_ONION_V2) &&
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

/* The memo's IDN tier: every A-label of the dNSNames decoded once, for
 * both lints below. idn_nfc is the status of the first A-label that does
 * not decode (NA) or is not in NFC (error), in name and label order. */
static const cts_names_memo *idn(const cts_lint_cert *cert) {
  cts_names_memo *m = cts_names_memo_get(cert, CTS_NM_BASIC);
  cts_san_iter it;
  cts_str name, label;
  uint16_t classes;
  uint32_t cps[PUNY_BASIC_MAX];
  size_t n;
  if (m->tiers & CTS_NM_IDN) return m;
  m->tiers |= CTS_NM_IDN;
  m->idn_bad = 0;
  m->idn_nfc = CTS_LINT_PASS;
  if (!(m->san_facts & CTS_NF_XN)) return m;
  cts_san_begin(&it, cert->sum);
  while (next_dns(&it, &name, &classes)) {
    labels l = labels_of(name);
    while (next_label(&l, &label)) {
      if (!xn_prefix(label)) continue;
      cts_str rest = {label.p + 4, label.n - 4};
      if (!puny_decode(rest, cps, &n)) {
        m->idn_bad = 1;
        if (m->idn_nfc == CTS_LINT_PASS) m->idn_nfc = CTS_LINT_NA;
      } else if (m->idn_nfc == CTS_LINT_PASS && !cts_nfc_is_normal(cps, n)) {
        m->idn_nfc = CTS_LINT_ERROR;
      }
    }
  }
  return m;
}

/* RFC 3490 4.2 ToUnicode: every A-label decodes. */
static cts_lint_status idn_not_unicode(const cts_lint_cert *cert) {
  if (!dns_has(cert, CTS_NF_XN)) return CTS_LINT_PASS;
  return finding_if(idn(cert)->idn_bad, CTS_LINT_ERROR);
}

/* RFC 8399 2 (RFC 5891 5.3): the U-label of every A-label is in Unicode
 * Normalization Form C. zlint returns NA when an A-label does not
 * decode. */
static cts_lint_status idn_not_nfc(const cts_lint_cert *cert) {
  if (!dns_has(cert, CTS_NF_XN)) return CTS_LINT_PASS;
  return (cts_lint_status)idn(cert)->idn_nfc;
}

/* --- the memo: each name read once per certificate ----------------------- */

/* Whether s ends with the lower-case suffix of k bytes, ASCII case
 * folded. */
static int ends_fold(cts_str s, const char *suffix, size_t k) {
  if (s.n < k) return 0;
  for (size_t i = 0; i < k; i++) {
    uint8_t c = s.p[s.n - k + i];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (uint8_t)suffix[i]) return 0;
  }
  return 1;
}

#define LIT(x) (x), (sizeof(x) - 1)

/* The label facts of a name of letters, digits, '-' and '.' from the
 * sieve's features (gn), where they say exactly the same: no empty label
 * (then no label before a dot is empty), and not both an A-label and an
 * R-LDH label (which the name-wide bits cannot tell apart). For such a
 * name a label is R-LDH exactly when reserved_prefix() says so (its runes
 * are its bytes, none a newline). 0 when the features do not do. */
static int label_facts_from_sieve(const cts_general_name *gn, uint32_t cls,
                                  uint32_t *f) {
  uint32_t sf;
  if (gn == NULL || (cls & ~(uint32_t)(CTS_BC_LDH | CTS_BC_DOT))) return 0;
  sf = gn->features;
  if ((sf & CTS_DNS_EMPTY_LABEL) ||
      (sf & (CTS_DNS_RLDH_LABEL | CTS_DNS_XN_LABEL)) ==
          (CTS_DNS_RLDH_LABEL | CTS_DNS_XN_LABEL))
    return 0;
  if (sf & CTS_DNS_LABEL_TOO_LONG) *f |= CTS_NF_LABEL_TOO_LONG;
  if (sf & CTS_DNS_XN_LABEL) *f |= CTS_NF_XN;
  if (sf & CTS_DNS_RLDH_LABEL) *f |= CTS_NF_RESERVED;
  return 1;
}

/* The CTS_NF_* facts of one name; cls is the OR of its byte classes, gn
 * the sieve's entry for it (or NULL). The classes decide most predicates
 * without a look at the bytes (a plain name of letters, digits, '-' and
 * '.' needs no more than the sieve's features); the rest run only on
 * names holding the bytes they look for. */
static uint32_t name_facts(cts_str s, uint32_t cls,
                           const cts_general_name *gn) {
  const uint8_t *p = s.p;
  size_t n = s.n, start = 0, first_dot = n;
  uint32_t f = 0;
  int inner_empty = 0;
  if (n == 0) return CTS_NF_EMPTY_LABEL | CTS_NF_NO_DOT;
  if (!(cls & CTS_BC_DOT)) f |= CTS_NF_NO_DOT;
  /* the labels, split on '.' as strings.Split does */
  if (!label_facts_from_sieve(gn, cls, &f)) {
    for (size_t i = 0; i <= n; i++) {
      size_t len;
      if (i < n && p[i] != '.') continue;
      len = i - start;
      if (first_dot == n && i < n) first_dot = i;
      if (len == 0) {
        f |= CTS_NF_EMPTY_LABEL;
        inner_empty |= i < n;
      } else if (len > 63) {
        f |= CTS_NF_LABEL_TOO_LONG;
      }
      if (len >= 4) {
        cts_str label = {p + start, len};
        if (xn_prefix(label))
          f |= CTS_NF_XN;
        else if ((cls & CTS_BC_HYPHEN) && reserved_prefix(label))
          f |= CTS_NF_RESERVED;
      }
      start = i + 1;
    }
  }
  /* BRs 7.1.4.2 syntax: with only [A-Za-z0-9*_.-] (so no "?." redaction
   * labels) it fails exactly on an empty label before a dot */
  if (cls & ~(uint32_t)(CTS_BC_LDH | CTS_BC_DOT | CTS_BC_UNDERSCORE |
                        CTS_BC_STAR)) {
    if (bad_characters(s)) f |= CTS_NF_BAD_CHARS;
    if ((cls & CTS_BC_OTHER) && redacted(s)) f |= CTS_NF_REDACTED;
  } else if (inner_empty) {
    f |= CTS_NF_BAD_CHARS;
  }
  if (cls & CTS_BC_STAR) {
    int in_first = 0, after_dot = 0, not_first = 0;
    for (size_t i = 0; i < n; i++) {
      if (p[i] != '*') continue;
      if (i < first_dot)
        in_first = 1;
      else
        after_dot = 1;
      if (i > 0) not_first = 1;
    }
    if (in_first && !(first_dot == 1 && p[0] == '*')) f |= CTS_NF_LEFT_WC_BAD;
    if (after_dot) f |= CTS_NF_WC_NOT_LEFT;
    if (not_first) f |= CTS_NF_STAR_NOT_FIRST;
    if (p[n - 1] == '*') f |= CTS_NF_ENDS_STAR;
  }
  if (cls & CTS_BC_NUL) f |= CTS_NF_NUL;
  if (p[0] == '.') f |= CTS_NF_STARTS_DOT;
  if (n == 1 && p[0] == ' ') f |= CTS_NF_IS_SPACE;
  if (n > 253) f |= CTS_NF_TOO_LONG;
  if (cls & CTS_BC_UNDERSCORE) {
    f |= CTS_NF_UNDERSCORE;
    if (underscore_label_invalid(s)) f |= CTS_NF_US_INVALID;
  }
  if ((p[n - 1] | 0x20) == 'a' &&
      (ends_fold(s, LIT(ARPA_V4)) || ends_fold(s, LIT(ARPA_V6))))
    f |= CTS_NF_ARPA;
  if (p[n - 1] == 'n') {
    if (onion_suffix(s)) f |= CTS_NF_ONION;
    if (onion_v2(s)) f |= CTS_NF_ONION_V2;
  }
  return f;
}

/* The byte classes of a name: the sieve's where it has them. */
static uint32_t classes_of(const cts_san_iter *it, cts_str v,
                           uint16_t classes) {
  return it->walk ? cts_classify(v.p, v.n) : classes;
}

/* Go's encoding/asn1 string types (zcrypto's pkix.Name keeps only these). */
static int cn_string_tag(uint32_t tag) {
  return tag == CTS_DER_UTF8_STRING || tag == CTS_DER_PRINTABLE_STRING ||
         tag == CTS_DER_T61_STRING || tag == CTS_DER_IA5_STRING ||
         tag == CTS_DER_NUMERIC_STRING || tag == CTS_DER_BMP_STRING;
}

static void fill_basic(const cts_summary *sum, cts_names_memo *m) {
  const cts_attr *cn_attr = NULL;
  cts_san_iter it;
  uint8_t type;
  cts_str v;
  uint16_t classes;
  uint32_t cls = 0;
  int cn_matched = 0;
  m->cn.p = NULL;
  m->cn.n = 0;
  m->cn_present = m->cn_dns = m->cn_is_ip = m->any_dns = m->cn_in_dns = 0;
  m->cn_count = m->cn_matched = 0;
  m->san_types = m->cn_classes = 0;
  m->cn_facts = m->san_facts = 0;
  /* Subject.CommonName: the last string commonName (id-at 2.5.4.3), as
   * cts_names_cn reads it; and how many there are */
  for (size_t i = sum->n_subject_attrs; i > 0; i--) {
    const cts_attr *a = &sum->subject_attrs[i - 1];
    const uint8_t *o = sum->der + a->oid.off;
    if (a->oid.len == 3 && o[0] == 0x55 && o[1] == 0x04 && o[2] == 0x03 &&
        cn_string_tag(a->tag)) {
      if (cn_attr == NULL) cn_attr = a;
      if (m->cn_count < 255) m->cn_count++;
    }
  }
  if (cn_attr != NULL) {
    m->cn_present = 1;
    if (cn_attr->tag == CTS_DER_BMP_STRING) {
      m->cn = cts_names_cn(sum, &m->cn_buf);
      cls = cts_classify(m->cn.p, m->cn.n);
    } else {
      m->cn = cts_names_span(sum, cn_attr->value);
      cls = cn_attr->classes;
    }
    m->cn_classes = (uint16_t)cls;
    if (m->cn.n > 0) {
      m->cn_is_ip = (uint8_t)cts_ip_parse(m->cn, m->cn_ip);
      m->cn_dns = !m->cn_is_ip;
    }
  }
  cts_san_begin(&it, sum);
  while (cts_san_next(&it, &type, &v, &classes)) {
    uint32_t f;
    m->san_types |= (uint16_t)(1u << type);
    if (type != CTS_GN_DNS) continue;
    m->any_dns = 1;
    f = name_facts(v, classes_of(&it, v, classes), cts_san_current(&it));
    m->san_facts |= f;
    /* a commonName that copies a dNSName (the usual case) has its facts:
     * they are a function of the bytes */
    if (!cn_matched && m->cn.n > 0 && v.n == m->cn.n &&
        memcmp(v.p, m->cn.p, v.n) == 0) {
      cn_matched = 1;
      m->cn_facts = f;
      m->cn_in_dns = m->cn_dns;
    }
  }
  m->cn_matched = (uint8_t)cn_matched;
  if (cn_attr != NULL && !cn_matched)
    m->cn_facts = name_facts(m->cn, cls, NULL);
  /* the extensions the group's applies ask about, in one pass:
   * issuerAltName (2.5.29.18) and TorServiceDescriptor */
  m->has_ian = m->has_tor = 0;
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    const cts_span oid = sum->exts[i].oid;
    const uint8_t *o = sum->der + oid.off;
    if (oid.len == 3 && o[0] == 0x55 && o[1] == 0x1d && o[2] == 18)
      m->has_ian = 1;
    else if (oid.len == sizeof(OID_TOR_DESCRIPTOR) - 1 &&
             memcmp(o, OID_TOR_DESCRIPTOR, oid.len) == 0)
      m->has_tor = 1;
  }
}

/* What the split lints could find in a name: a label that starts or ends
 * with '-' (HINT_HYPHEN_EDGE), a label that is "*" (HINT_STAR_LABEL). The
 * registrable label is one of the name's labels, so without them its
 * hyphen and wildcard lints pass whatever the split. */
#define HINT_HYPHEN_EDGE 1u
#define HINT_STAR_LABEL 2u
static uint32_t split_hints(cts_str s, uint32_t cls,
                            const cts_general_name *gn) {
  uint32_t h = 0;
  size_t start = 0;
  if (!(cls & (CTS_BC_HYPHEN | CTS_BC_STAR))) return 0;
  /* the sieve's features say the same, but for a '*' right of the first
   * label (alone or not) */
  if (gn != NULL && !(gn->features & CTS_DNS_WILDCARD_NOT_LEFT)) {
    if (gn->features & CTS_DNS_HYPHEN_EDGE) h |= HINT_HYPHEN_EDGE;
    if (gn->features & CTS_DNS_WILDCARD_LEFT) h |= HINT_STAR_LABEL;
    return h;
  }
  for (size_t i = 0; i <= s.n; i++) {
    if (i < s.n && s.p[i] != '.') continue;
    if (i > start) {
      if (s.p[start] == '-' || s.p[i - 1] == '-') h |= HINT_HYPHEN_EDGE;
      if (i - start == 1 && s.p[start] == '*') h |= HINT_STAR_LABEL;
    }
    start = i + 1;
  }
  return h;
}

/* A name's statuses for the split lints (see parts()). A name without
 * the byte a lint looks for only has to split (cts_domain_check, cheaper
 * than cts_domain_parse), as before the memo. For a name shorter than
 * the lookup buffer, cts_domain_check and cts_domain_parse agree on
 * whether it splits, so the parts are only needed where a predicate
 * could hold on them; every public-suffix lookup the split would add is
 * saved on the other names. */
static void part_statuses(cts_str name, uint32_t cls,
                          const cts_general_name *gn,
                          uint8_t st[CTS_NP_COUNT], int *out_bare) {
  cts_domain_err chk = cts_domain_check(name), prs = chk;
  cts_domain d;
  uint8_t no_split;
  uint32_t needles = cls & (CTS_BC_UNDERSCORE | CTS_BC_HYPHEN | CTS_BC_STAR);
  memset(&d, 0, sizeof(d));
  if (name.n < CTS_DOMAIN_SHORT) {
    uint32_t h = split_hints(name, cls, gn);
    if (!(h & HINT_HYPHEN_EDGE) && (needles & CTS_BC_HYPHEN)) {
      /* the predicate is false on every label: only the split counts */
      needles &= ~(uint32_t)CTS_BC_HYPHEN;
      cls &= ~(uint32_t)CTS_BC_HYPHEN;
    }
    if (!(h & HINT_STAR_LABEL) && (needles & CTS_BC_STAR)) {
      needles &= ~(uint32_t)CTS_BC_STAR;
      cls &= ~(uint32_t)CTS_BC_STAR;
    }
  }
  if (needles) prs = cts_domain_parse(name, &d);
  *out_bare = chk == CTS_DOMAIN_SUFFIX;
  no_split = chk == CTS_DOMAIN_OK ? CTS_LINT_PASS : CTS_LINT_NA;
  if (!(cls & CTS_BC_UNDERSCORE)) {
    st[CTS_NP_US_SLD] = st[CTS_NP_US_TRD] = no_split;
  } else if (prs != CTS_DOMAIN_OK) {
    st[CTS_NP_US_SLD] = st[CTS_NP_US_TRD] = CTS_LINT_NA;
  } else {
    st[CTS_NP_US_SLD] = has_underscore(d.sld) ? CTS_LINT_ERROR : CTS_LINT_PASS;
    st[CTS_NP_US_TRD] = has_underscore(d.trd) ? CTS_LINT_WARN : CTS_LINT_PASS;
  }
  if (!(cls & CTS_BC_HYPHEN))
    st[CTS_NP_HY_SLD] = no_split;
  else if (prs != CTS_DOMAIN_OK)
    st[CTS_NP_HY_SLD] = CTS_LINT_NA;
  else
    st[CTS_NP_HY_SLD] = hyphen_at_edge(d.sld) ? CTS_LINT_ERROR : CTS_LINT_PASS;
  if (!(cls & CTS_BC_STAR))
    st[CTS_NP_STAR_SLD] = no_split;
  else if (prs != CTS_DOMAIN_OK)
    st[CTS_NP_STAR_SLD] = CTS_LINT_NA;
  else
    st[CTS_NP_STAR_SLD] = is_star(d.sld) ? CTS_LINT_INFO : CTS_LINT_PASS;
}

static void fill_parts(const cts_lint_cert *cert, cts_names_memo *m) {
  const cts_summary *sum = cert->sum;
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  uint8_t st[CTS_NP_COUNT];
  int bare, pending = CTS_NP_COUNT;
  /* a commonName that copies a dNSName (the usual case) gets that name's
   * statuses: they are a function of the bytes */
  int cn_done = !m->cn_dns;
  memset(m->cn_part, CTS_LINT_PASS, sizeof(m->cn_part));
  memset(m->san_part, CTS_LINT_PASS, sizeof(m->san_part));
  m->bare_suffix = 0;
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes)) {
    part_statuses(name, classes_of(&it, name, classes), cts_san_current(&it),
                  st, &bare);
    m->bare_suffix |= (uint8_t)bare;
    if (!cn_done && m->cn_in_dns && name.n == m->cn.n &&
        memcmp(name.p, m->cn.p, name.n) == 0) {
      memcpy(m->cn_part, st, sizeof(m->cn_part));
      cn_done = 1;
    }
    for (int k = 0; pending > 0 && k < CTS_NP_COUNT; k++)
      if (m->san_part[k] == CTS_LINT_PASS && st[k] != CTS_LINT_PASS) {
        m->san_part[k] = st[k];
        pending--;
      }
  }
  if (!cn_done)
    part_statuses(m->cn, m->cn_classes, NULL, m->cn_part, &bare);
}

static void fill_tld(const cts_lint_cert *cert, cts_names_memo *m) {
  const cts_summary *sum = cert->sum;
  cts_san_iter it;
  cts_str name;
  uint16_t classes;
  int64_t when = sum->not_before;
  m->tld_invalid = m->tld_known = 0;
  /* a commonName that copies a dNSName adds nothing to the ORs */
  if (m->cn_dns && !m->cn_in_dns) {
    m->tld_invalid = !cts_tld_valid(m->cn, when);
    if (m->cn_facts & CTS_NF_NO_DOT) m->tld_known = (uint8_t)cts_tld_known(m->cn);
  }
  cts_san_begin(&it, sum);
  while (next_dns(&it, &name, &classes)) {
    if (!m->tld_invalid && !cts_tld_valid(name, when)) m->tld_invalid = 1;
    /* a bare TLD is one label: no dot */
    if (!m->tld_known && !(classes_of(&it, name, classes) & CTS_BC_DOT) &&
        cts_tld_known(name))
      m->tld_known = 1;
    if (m->tld_invalid && m->tld_known) break;
  }
}

cts_names_memo *cts_names_memo_fill(const cts_lint_cert *cert,
                                    uint32_t tiers) {
  int fresh;
  cts_names_memo *m = cts_lint_memo_slot(cert, CTS_MEMO_NAMES, &fresh);
  if (fresh) {
    fill_basic(cert->sum, m);
    m->tiers = CTS_NM_BASIC;
  }
  if ((tiers & CTS_NM_PARTS) && !(m->tiers & CTS_NM_PARTS)) {
    fill_parts(cert, m);
    m->tiers |= CTS_NM_PARTS;
  }
  if ((tiers & CTS_NM_TLD) && !(m->tiers & CTS_NM_TLD)) {
    fill_tld(cert, m);
    m->tiers |= CTS_NM_TLD;
  }
  return m;
}

_Static_assert(sizeof(cts_names_memo) <= CTS_MEMO_SLOT_SIZE,
               "the names memo fits its slot");

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
