/* Helpers of the "names" lint group: the names a certificate claims (SAN
 * dNSNames, subject commonName, IAN), read with the semantics zlint gets from
 * zcrypto and Go's standard library (strings, net.ParseIP, net/url,
 * publicsuffix-go), so that verdicts agree with zlint v3.6.6.
 *
 * Everything here is allocation-free: strings are views into the
 * certificate (cts_str), scratch space is on the caller's stack. */
#ifndef CTSCAN_LINTS_NAMES_UTIL_H
#define CTSCAN_LINTS_NAMES_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ctscan/lint.h"
#include "ctscan/summary.h"

/* A byte string view (Go's string: any bytes, not NUL-terminated). */
typedef struct cts_str {
  const uint8_t *p;
  size_t n;
} cts_str;

int cts_str_eq(cts_str a, cts_str b);
int cts_str_eq_fold(cts_str a, cts_str b); /* ASCII case-insensitive */

static inline int cts_str_has_byte(cts_str s, uint8_t c) {
  return s.n > 0 && memchr(s.p, c, s.n) != NULL;
}

static inline int cts_str_has_prefix(cts_str s, const char *prefix) {
  size_t k = strlen(prefix);
  return s.n >= k && memcmp(s.p, prefix, k) == 0;
}

static inline int cts_str_has_suffix(cts_str s, const char *suffix) {
  size_t k = strlen(suffix);
  return s.n >= k && memcmp(s.p + s.n - k, suffix, k) == 0;
}

/* suffix in lower case; s compared ASCII case-insensitively */
int cts_str_has_suffix_fold(cts_str s, const char *suffix);

/* --- the names ---------------------------------------------------------- */

/* A span of the summary as a string. */
cts_str cts_names_span(const cts_summary *sum, cts_span span);

/* The first extension with the 3-octet id-ce OID 2.5.29.<arc>, or NULL
 * (zlint util.GetExtFromCert returns the first). */
const cts_ext *cts_names_find_ext(const cts_summary *sum, uint8_t arc);

/* Room for a commonName decoded from BMPString. */
#define CTS_NAMES_CN_MAX 1024
typedef struct cts_cn_buf {
  uint8_t bytes[CTS_NAMES_CN_MAX];
} cts_cn_buf;

/* zcrypto's Subject.CommonName: the value of the last commonName whose
 * value Go reads as a string (empty when none). BMPString values are
 * decoded to UTF-8 into buf. */
cts_str cts_names_cn(const cts_summary *sum, cts_cn_buf *buf);
/* The i-th (from 0) string-valued commonName (Subject.CommonNames); 0 when
 * there is none. */
int cts_names_cn_at(const cts_summary *sum, size_t i, cts_cn_buf *buf,
                    cts_str *out);

/* zcrypto's subjectAltName lists (DNSNames, IPAddresses, URIs, ...): the
 * GeneralNames of the last subjectAltName extension, by tag number
 * whatever the class. The summary's list serves when it is exactly that;
 * otherwise (a malformed or repeated extension, or more names than the
 * summary holds) the extension is walked. */
typedef struct cts_san_iter {
  const cts_summary *sum;
  uint16_t i;
  uint8_t walk;
  cts_der names;
} cts_san_iter;

void cts_san_begin(cts_san_iter *it, const cts_summary *sum);
/* The next name: its tag number, contents and byte classes (all bits set
 * when unknown). */
int cts_san_next(cts_san_iter *it, uint8_t *out_type, cts_str *out_value,
                 uint16_t *out_classes);

/* The summary's entry for the name cts_san_next returned last (with the
 * sieve's features), or NULL when the extension is walked. */
static inline const cts_general_name *cts_san_current(const cts_san_iter *it) {
  return it->walk || it->i == 0 ? NULL : &it->sum->sans[it->i - 1];
}

/* zlint util.DNSNamesExist: a non-empty commonName or a SAN dNSName. */
int cts_names_dns_exist(const cts_summary *sum);

/* --- IP addresses ------------------------------------------------------- */

/* Go's net.ParseIP: dotted-quad IPv4 (no leading zeros) or IPv6 text, no
 * zone. Writes the 16-octet form (IPv4 mapped into ::ffff:0:0/96). */
int cts_ip_parse(cts_str s, uint8_t out[16]);
/* Go's IP.String into buf (at least 46 bytes); returns the length. */
size_t cts_ip_format(const uint8_t *ip, size_t len, char *buf);
/* zlint util.IsIANAReserved for a 4- or 16-octet address. */
int cts_ip_is_reserved(const uint8_t *ip, size_t len);

/* --- domain names ------------------------------------------------------- */

/* The parts of a domain name as publicsuffix-go's ParseFromListWithOptions
 * with the ICANN section only and the default "*" rule (zcrypto's
 * GetParsedDNSNames) splits it. */
typedef enum cts_domain_err {
  CTS_DOMAIN_OK = 0,
  CTS_DOMAIN_BLANK,     /* "name is blank" */
  CTS_DOMAIN_DOT,       /* "starts with a dot" */
  CTS_DOMAIN_SUFFIX,    /* "... is a suffix" */
} cts_domain_err;

typedef struct cts_domain {
  cts_str trd; /* labels left of the SLD */
  cts_str sld; /* the label left of the public suffix */
  cts_str tld; /* the public suffix */
} cts_domain;

cts_domain_err cts_domain_parse(cts_str name, cts_domain *out);
/* Names shorter than this are looked up whole: for them cts_domain_check
 * and cts_domain_parse agree on whether the name splits. */
#define CTS_DOMAIN_SHORT 1024
/* The same verdict as cts_domain_parse, without the parts: cheaper (at
 * most one lookup). */
cts_domain_err cts_domain_check(cts_str name);

/* zlint util.HasValidTLD: the right-most label is a TLD delegated at the
 * time when (Unix seconds). */
int cts_tld_valid(cts_str name, int64_t when);
/* zlint util.IsInTLDMap: the whole name is a TLD (ever delegated). */
int cts_tld_known(cts_str label);

/* --- Unicode ----------------------------------------------------------- */

/* 1 when the code points are in Normalization Form C (UAX #15), as
 * golang.org/x/text/unicode/norm's NFC.IsNormalString decides. */
int cts_nfc_is_normal(const uint32_t *cp, size_t n);
/* The same check fed one code point at a time: cts_nfc_next returns 0
 * as soon as the text so far cannot be in NFC. */
typedef struct cts_nfc {
  uint32_t starter;     /* the last code point of combining class 0 */
  int have_starter;
  uint8_t last_ccc;     /* class of the code point before */
  uint8_t max_ccc;      /* highest class of the marks since the starter */
  size_t marks;         /* code points since the starter */
} cts_nfc;
void cts_nfc_init(cts_nfc *s);
int cts_nfc_next(cts_nfc *s, uint32_t cp);

/* --- URIs --------------------------------------------------------------- */

/* What Go's url.Parse makes of a URI (the parts the lints read). */
typedef struct cts_url {
  cts_str scheme;
  cts_str opaque;
  cts_str host;     /* as written; Go unescapes it (host_unescaped) */
  cts_str path;     /* as written (escaped) */
  uint8_t has_user; /* userinfo present */
  uint8_t host_has_escape; /* host holds %XX escapes */
  uint8_t path_nonempty;   /* Path after unescaping is not empty */
} cts_url;

/* 1 when Go's url.Parse accepts s; fills out. */
int cts_url_parse(cts_str s, cts_url *out);
/* zlint util.IsFQDNOrIP of a host (after Go's unescaping). */
int cts_host_is_fqdn_or_ip(cts_str host);
/* zlint util.AuthIsFQDNOrIP: the host of an authority. */
int cts_auth_is_fqdn_or_ip(cts_str auth);

#endif
