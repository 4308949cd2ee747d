/* subjectAltName and issuerAltName (RFC 5280 4.2.1.6, 4.2.1.7): the
 * extension's structure, the name forms it may hold, URIs and e-mail
 * addresses. zlint reads the first extension with the OID
 * (util.GetExtFromCert) for structure and criticality, and zcrypto's
 * lists of names for the rest. */
#include <string.h>

#include "ctscan/der.h"
#include "names_lints.h"
#include "names_memo.h"
#include "names_util.h"

#define ARC_SAN 17
#define ARC_IAN 18

/* The sieve notes every subjectAltName extension (the last one's index). */
int cts_names_has_san(const cts_lint_cert *cert) {
  return cert->sum->ext_san >= 0;
}

/* Asked by every issuerAltName lint: the memo answers after the first. */
int cts_names_has_ian(const cts_lint_cert *cert) {
  return cts_names_memo_get(cert, CTS_NM_BASIC)->has_ian;
}

int cts_names_not_ca(const cts_lint_cert *cert) { return !cert->facts.is_ca; }

/* The first extension with the arc (cts_names_find_ext). With every
 * extension recorded once, the first subjectAltName is the one the sieve
 * indexed: no search. */
static const cts_ext *first_ext(const cts_summary *sum, uint8_t arc) {
  if (arc == ARC_SAN &&
      !(sum->flags & (CTS_SUM_DUPLICATE_EXT | CTS_SUM_EXTS_TRUNCATED)))
    return sum->ext_san >= 0 ? &sum->exts[sum->ext_san] : NULL;
  return cts_names_find_ext(sum, arc);
}

/* --- GeneralNames walks ------------------------------------------------- */

/* GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName. Opens the
 * SEQUENCE of the first extension with the arc (Go's asn1.Unmarshal of a
 * RawValue: trailing bytes after it are ignored). 0 when it is not a
 * universal constructed SEQUENCE. */
static int open_names(const cts_summary *sum, uint8_t arc, cts_der *out) {
  const cts_ext *ext = first_ext(sum, arc);
  cts_der v;
  if (ext == NULL) return 0;
  v = cts_summary_der(sum, ext->value);
  return cts_der_get_element(&v, out, CTS_DER_SEQUENCE);
}

/* The next GeneralName: its tag number (any class, as Go's RawValue.Tag)
 * and contents. */
static int next_name(cts_der *names, uint32_t *out_number, cts_der *out) {
  cts_der whole;
  uint32_t tag;
  size_t hdr;
  if (!cts_der_get_any_element(names, &whole, &tag, &hdr)) return 0;
  *out_number = tag & CTS_DER_TAG_NUMBER_MASK;
  out->data = whole.data + hdr;
  out->len = whole.len - hdr;
  return 1;
}

/* RFC 5280 4.2.1.6: "conforming CAs MUST NOT issue certificates with
 * subjectAltNames containing empty GeneralName fields" (4.2.1.7 for the
 * issuer's). An unreadable extension is zlint's fatal; an unreadable
 * entry its NA. */
static cts_lint_status empty_name(const cts_lint_cert *cert, uint8_t arc) {
  cts_der names, value;
  uint32_t number;
  if (!open_names(cert->sum, arc, &names)) return CTS_LINT_FATAL;
  while (names.len > 0) {
    if (!next_name(&names, &number, &value)) return CTS_LINT_NA;
    if (value.len == 0) return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

/* The SAN's two walks (empty_name, dns_not_ia5) done once. */
static const cts_names_memo *san_walk(const cts_lint_cert *cert);

cts_lint_status cts_names_san_empty_name(const cts_lint_cert *cert) {
  return (cts_lint_status)san_walk(cert)->san_empty_name;
}

cts_lint_status cts_names_ian_empty_name(const cts_lint_cert *cert) {
  return empty_name(cert, ARC_IAN);
}

/* RFC 5280 4.2.1.6 / 4.2.1.7: "the sequence MUST contain at least one
 * entry" (zlint util.IsEmptyASN1Sequence: shorter than two octets, or
 * 30 00). */
static cts_lint_status no_entries(const cts_lint_cert *cert, uint8_t arc) {
  const cts_ext *ext = first_ext(cert->sum, arc);
  cts_str v = cts_names_span(cert->sum, ext->value);
  if (v.n < 2 || (v.n == 2 && v.p[0] == 0x30 && v.p[1] == 0x00))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_no_entries(const cts_lint_cert *cert) {
  return no_entries(cert, ARC_SAN);
}

cts_lint_status cts_names_ian_no_entries(const cts_lint_cert *cert) {
  return no_entries(cert, ARC_IAN);
}

/* RFC 5280 4.2.1.6: "the domain name MUST be stored in the dNSName (an
 * IA5String)": every entry tagged 2 holds only 7-bit bytes. */
static cts_lint_status dns_not_ia5(const cts_lint_cert *cert, uint8_t arc) {
  cts_der names, value;
  uint32_t number;
  if (!open_names(cert->sum, arc, &names)) return CTS_LINT_FATAL;
  while (names.len > 0) {
    if (!next_name(&names, &number, &value)) return CTS_LINT_FATAL;
    if (number != 2) continue;
    for (size_t i = 0; i < value.len; i++)
      if (value.data[i] > 127) return CTS_LINT_ERROR;
  }
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_dns_not_ia5(const cts_lint_cert *cert) {
  return (cts_lint_status)san_walk(cert)->san_dns_not_ia5;
}

/* empty_name and dns_not_ia5 of the subjectAltName in one walk: each
 * status is decided where its own walk would have stopped. */
static const cts_names_memo *san_walk(const cts_lint_cert *cert) {
  cts_names_memo *m = cts_names_memo_get(cert, CTS_NM_BASIC);
  cts_der names, value;
  uint32_t number;
  int empty_open = 1, ia5_open = 1;
  if (m->tiers & CTS_NM_SAN_WALK) return m;
  m->tiers |= CTS_NM_SAN_WALK;
  m->san_empty_name = m->san_dns_not_ia5 = CTS_LINT_PASS;
  if (!open_names(cert->sum, ARC_SAN, &names)) {
    m->san_empty_name = m->san_dns_not_ia5 = CTS_LINT_FATAL;
    return m;
  }
  while ((empty_open || ia5_open) && names.len > 0) {
    if (!next_name(&names, &number, &value)) {
      if (empty_open) m->san_empty_name = CTS_LINT_NA;
      if (ia5_open) m->san_dns_not_ia5 = CTS_LINT_FATAL;
      break;
    }
    if (empty_open && value.len == 0) {
      m->san_empty_name = CTS_LINT_ERROR;
      empty_open = 0;
    }
    if (ia5_open && number == 2)
      for (size_t i = 0; i < value.len; i++)
        if (value.data[i] > 127) {
          m->san_dns_not_ia5 = CTS_LINT_ERROR;
          ia5_open = 0;
          break;
        }
  }
  return m;
}

cts_lint_status cts_names_ian_dns_not_ia5(const cts_lint_cert *cert) {
  return dns_not_ia5(cert, ARC_IAN);
}

/* BRs 7.1.4.2.1: subscriber certificates carry subjectAltName. */
cts_lint_status cts_names_san_missing(const cts_lint_cert *cert) {
  return cts_names_has_san(cert) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* zlint util.NotAllNameFieldsAreEmpty: the subject has an attribute. */
static int subject_has_names(const cts_summary *sum) {
  return sum->n_subject_attrs > 0;
}

/* RFC 5280 4.2.1.6: "If the subject field contains an empty sequence,
 * then the issuing CA MUST include a subjectAltName extension that is
 * marked as critical." */
cts_lint_status cts_names_san_not_critical_no_subject(
    const cts_lint_cert *cert) {
  const cts_ext *ext = first_ext(cert->sum, ARC_SAN);
  return !subject_has_names(cert->sum) && !ext->critical ? CTS_LINT_ERROR
                                                         : CTS_LINT_PASS;
}

/* RFC 5280 4.2.1.6: with a non-empty subject, "conforming CAs SHOULD mark
 * the subjectAltName extension as non-critical". */
cts_lint_status cts_names_san_critical_with_subject(
    const cts_lint_cert *cert) {
  const cts_ext *ext = first_ext(cert->sum, ARC_SAN);
  return ext->critical && subject_has_names(cert->sum) ? CTS_LINT_WARN
                                                       : CTS_LINT_PASS;
}

/* RFC 5280 4.2.1.7: "conforming CAs SHOULD mark this extension as
 * non-critical". */
cts_lint_status cts_names_ian_critical(const cts_lint_cert *cert) {
  const cts_ext *ext = cts_names_find_ext(cert->sum, ARC_IAN);
  return ext->critical ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* BRs 7.1.4.2.1: "Each entry MUST be either a dNSName ... or an iPAddress"
 * -- one lint per other name form. */
static cts_lint_status san_has_type(const cts_lint_cert *cert, uint8_t type) {
  return cts_names_memo_get(cert, CTS_NM_BASIC)->san_types & (1u << type)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

cts_lint_status cts_names_san_other_name(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_OTHER_NAME);
}
cts_lint_status cts_names_san_rfc822_name(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_RFC822);
}
cts_lint_status cts_names_san_directory_name(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_DIRECTORY);
}
cts_lint_status cts_names_san_edi_party_name(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_EDI_PARTY);
}
cts_lint_status cts_names_san_uri(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_URI);
}
cts_lint_status cts_names_san_registered_id(const cts_lint_cert *cert) {
  return san_has_type(cert, CTS_GN_REGISTERED_ID);
}

/* --- names of one form, from SAN (the summary) or IAN (walked) ---------- */

typedef cts_lint_status (*name_check)(cts_str name);

/* Runs check on every name of the form; the first finding wins. */
static cts_lint_status each_san(const cts_lint_cert *cert, uint8_t type,
                                name_check check) {
  cts_san_iter it;
  uint8_t t;
  uint16_t classes;
  cts_str v;
  /* most certificates hold no name of the form */
  if (!(cts_names_memo_get(cert, CTS_NM_BASIC)->san_types & (1u << type)))
    return CTS_LINT_PASS;
  cts_san_begin(&it, cert->sum);
  while (cts_san_next(&it, &t, &v, &classes)) {
    if (t != type) continue;
    cts_lint_status st = check(v);
    if (st != CTS_LINT_PASS) return st;
  }
  return CTS_LINT_PASS;
}

/* zcrypto's IAN lists come from the last issuerAltName extension (each one
 * replaces them). */
static int open_last_ian(const cts_summary *sum, cts_der *out) {
  const cts_ext *last = NULL;
  cts_der v;
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    const cts_span oid = sum->exts[i].oid;
    const uint8_t *p = sum->der + oid.off;
    if (oid.len == 3 && p[0] == 0x55 && p[1] == 0x1d && p[2] == ARC_IAN)
      last = &sum->exts[i];
  }
  if (last == NULL) return 0;
  v = cts_summary_der(sum, last->value);
  return cts_der_get_element(&v, out, CTS_DER_SEQUENCE);
}

static cts_lint_status each_ian(const cts_lint_cert *cert, uint8_t type,
                                name_check check) {
  cts_der names, value;
  uint32_t number;
  if (!open_last_ian(cert->sum, &names)) return CTS_LINT_PASS;
  while (names.len > 0 && next_name(&names, &number, &value)) {
    cts_str s = {value.data, value.len};
    if (number != type) continue;
    cts_lint_status st = check(s);
    if (st != CTS_LINT_PASS) return st;
  }
  return CTS_LINT_PASS;
}

/* RFC 5280 4.2.1.6: an rfc822Name is a bare Mailbox, "not surrounded by
 * '<' and '>'" and with no comment "in parentheses" after it. */
static cts_lint_status rfc822_format(cts_str s) {
  if (s.n == 0) return CTS_LINT_PASS;
  if (cts_str_has_byte(s, ' ') || s.p[0] == '<' || s.p[s.n - 1] == ')')
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_rfc822_format(const cts_lint_cert *cert) {
  return each_san(cert, CTS_GN_RFC822, rfc822_format);
}
cts_lint_status cts_names_ian_rfc822_format(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_RFC822, rfc822_format);
}

/* RFC 5280 4.2.1.6: a URI "MUST include both a scheme ... and a
 * scheme-specific-part". */
static cts_lint_status uri_format(cts_str s) {
  cts_url u;
  if (!cts_url_parse(s, &u) || u.scheme.n == 0) return CTS_LINT_ERROR;
  if (u.host.n == 0 && !u.has_user && u.opaque.n == 0 && !u.path_nonempty)
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_uri_format(const cts_lint_cert *cert) {
  return each_san(cert, CTS_GN_URI, uri_format);
}
cts_lint_status cts_names_ian_uri_format(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_URI, uri_format);
}

/* RFC 5280 4.2.1.6: "URIs that include an authority ... MUST include a
 * fully qualified domain name or IP address as the host". A URI with no
 * authority (opaque) passes; one whose host is empty does not. Hosts with
 * %-escapes are checked as written. */
static cts_lint_status san_uri_host(cts_str s) {
  cts_url u;
  if (s.n == 0) return CTS_LINT_PASS;
  if (!cts_url_parse(s, &u)) return CTS_LINT_ERROR;
  if (u.opaque.n > 0) return CTS_LINT_PASS;
  if (u.host.n == 0 || !cts_host_is_fqdn_or_ip(u.host)) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* zlint's issuerAltName twin reads the host through util.GetHost (port
 * and userinfo stripped) and has no opaque exemption. */
static cts_lint_status ian_uri_host(cts_str s) {
  cts_url u;
  if (s.n == 0) return CTS_LINT_PASS;
  if (!cts_url_parse(s, &u)) return CTS_LINT_ERROR;
  return cts_auth_is_fqdn_or_ip(u.host) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

cts_lint_status cts_names_san_uri_host(const cts_lint_cert *cert) {
  return each_san(cert, CTS_GN_URI, san_uri_host);
}
cts_lint_status cts_names_ian_uri_host(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_URI, ian_uri_host);
}

/* RFC 5280 4.2.1.6: the URI is an IA5String (zlint: any rune above
 * U+007F, which every byte above 0x7f starts or is). */
static cts_lint_status uri_not_ia5(cts_str s) {
  for (size_t i = 0; i < s.n; i++)
    if (s.p[i] > 0x7f) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_uri_not_ia5(const cts_lint_cert *cert) {
  return each_san(cert, CTS_GN_URI, uri_not_ia5);
}
cts_lint_status cts_names_ian_uri_not_ia5(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_URI, uri_not_ia5);
}

/* RFC 5280 4.2.1.6: "The name MUST NOT be a relative URI". */
static cts_lint_status uri_relative(cts_str s) {
  cts_url u;
  if (!cts_url_parse(s, &u) || u.scheme.n == 0) return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

cts_lint_status cts_names_san_uri_relative(const cts_lint_cert *cert) {
  return each_san(cert, CTS_GN_URI, uri_relative);
}
cts_lint_status cts_names_ian_uri_relative(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_URI, uri_relative);
}

/* --- issuerAltName dNSNames (awslabs certlint checks, RFC 5280 4.2.1.6
 * syntax) ----------------------------------------------------------------- */

static cts_lint_status space_dns(cts_str s) {
  return s.n == 1 && s.p[0] == ' ' ? CTS_LINT_ERROR : CTS_LINT_PASS;
}
static cts_lint_status bare_wildcard(cts_str s) {
  return s.n > 0 && s.p[s.n - 1] == '*' ? CTS_LINT_ERROR : CTS_LINT_PASS;
}
static cts_lint_status null_char(cts_str s) {
  return cts_str_has_byte(s, 0) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}
static cts_lint_status starts_with_period(cts_str s) {
  return s.n > 0 && s.p[0] == '.' ? CTS_LINT_ERROR : CTS_LINT_PASS;
}
static cts_lint_status wildcard_not_first(cts_str s) {
  return s.n > 1 && memchr(s.p + 1, '*', s.n - 1) ? CTS_LINT_ERROR
                                                  : CTS_LINT_PASS;
}
/* certlint: fewer than three labels is a bare public suffix. */
static cts_lint_status pub_suffix_empty(cts_str s) {
  size_t dots = 0;
  for (size_t i = 0; i < s.n; i++) dots += s.p[i] == '.';
  return dots < 2 ? CTS_LINT_WARN : CTS_LINT_PASS;
}

cts_lint_status cts_names_ian_space_dns(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, space_dns);
}
cts_lint_status cts_names_ian_bare_wildcard(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, bare_wildcard);
}
cts_lint_status cts_names_ian_null_char(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, null_char);
}
cts_lint_status cts_names_ian_starts_with_period(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, starts_with_period);
}
cts_lint_status cts_names_ian_wildcard_not_first(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, wildcard_not_first);
}
cts_lint_status cts_names_ian_pub_suffix_empty(const cts_lint_cert *cert) {
  return each_ian(cert, CTS_GN_DNS, pub_suffix_empty);
}
