/* The "extensions" lint group: the pieces of Go's standard library its
 * lints reproduce (net/url.Parse, net.IP rules, Unicode NFC, BMPString
 * length, zcrypto's IsURL), the incident lints on corpus certificates
 * zlint fails and passes, and every lint of the group on extension values
 * corrupted byte by byte (the walkers must stay inside their spans). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "ctscan/check.h"
#include "ctscan/lint.h"
#include "ctscan/sieve.h"
#include "src/lints/extensions_util.h"
#include "test.h"

static cts_der der_of(const char *s, size_t n) {
  cts_der d;
  d.data = (const uint8_t *)s;
  d.len = n;
  return d;
}

#define DER(lit) der_of((lit), sizeof(lit) - 1)

static int url_scheme_is(const char *raw, const char *scheme) {
  cts_der d = der_of(raw, strlen(raw));
  cts_go_url u;
  return cts_go_url_parse(&d, &u) && cts_span_ieq(&u.scheme, scheme);
}

static int url_parses(const char *raw) {
  cts_der d = der_of(raw, strlen(raw));
  cts_go_url u;
  return cts_go_url_parse(&d, &u);
}

/* url.Parse: schemes are case-insensitive; errors for control bytes, a
 * bad escape, a bad port, a colon in a first relative segment. */
static void test_go_url_parse(void) {
  cts_der d = DER("http://user@Example.COM:8080/a?b#c"), host;
  cts_go_url u;
  CU_ASSERT_TRUE(cts_go_url_parse(&d, &u));
  CU_ASSERT_TRUE(cts_span_ieq(&u.scheme, "http"));
  host = cts_go_url_hostname(&u.host);
  CU_ASSERT_TRUE(cts_span_ieq(&host, "example.com"));
  CU_ASSERT_TRUE(url_scheme_is("HTTP://ocsp.example.com", "http"));
  CU_ASSERT_TRUE(url_scheme_is("ldap://dir.example.com/cn=x", "ldap"));
  CU_ASSERT_TRUE(url_scheme_is("urn:isbn:123", "urn"));
  CU_ASSERT_FALSE(url_parses("http://exa mple.com/"));
  CU_ASSERT_FALSE(url_parses("http://example.com:80a/"));
  CU_ASSERT_FALSE(url_parses("http://example.com/%zz"));
  CU_ASSERT_FALSE(url_parses("http://example.com/\x01"));
  CU_ASSERT_FALSE(url_parses(":foo"));
  CU_ASSERT_TRUE(url_parses("a/b:c")); /* colon after the first '/' */
  CU_ASSERT_TRUE(url_parses("ab:c"));  /* a scheme, opaque */
  CU_ASSERT_FALSE(url_parses("1ab:c"));      /* no scheme, colon in path */
  CU_ASSERT_TRUE(url_parses("http://[::1]:443/"));
  CU_ASSERT_FALSE(url_parses("http://[::1/"));
}

/* Equal contents (an empty span may have no data pointer). */
static int span_eq(const cts_der *a, const cts_der *b) {
  return a->len == b->len &&
         (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* The plain "http://host/path" shape is parsed by a shortcut: it must
 * give what the general parse gives. An empty fragment ("#") sends the
 * same URL through the general path. */
static void same_as_general(const char *raw) {
  char with_hash[256];
  cts_der a = der_of(raw, strlen(raw)), b;
  cts_go_url ua, ub;
  int ok_a, ok_b;
  snprintf(with_hash, sizeof(with_hash), "%s#", raw);
  b = der_of(with_hash, strlen(with_hash));
  ok_a = cts_go_url_parse(&a, &ua);
  ok_b = cts_go_url_parse(&b, &ub);
  CU_ASSERT_EQUAL(ok_a, ok_b);
  if (!ok_a || !ok_b) return;
  CU_ASSERT_EQUAL(ua.opaque, ub.opaque);
  CU_ASSERT_TRUE(span_eq(&ua.scheme, &ub.scheme));
  CU_ASSERT_TRUE(span_eq(&ua.host, &ub.host));
}

static void test_go_url_plain_shortcut(void) {
  static const char *const urls[] = {
      "http://r11.i.lencr.org/", "http://x1.c.lencr.org/",
      "http://crl.example.com/ca.crl", "http://ocsp.example.com",
      "http://example.com", "http://", "http:///", "http:///path",
      "http://a//b", "http://A-b_c~d.E/F.G/h", "http://1.2.3.4/",
      "http://host/a/b/c/", "http://h/%41", "http://h:80/",
      "http://u@h/", "http://h/?q", "http://[::1]/", "HTTP://h/",
      "https://h/", "http:/h", "http://h/ /", "http://h\x01/",
  };
  for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++)
    same_as_general(urls[i]);
}

/* cts_oid_next takes short OIDs without the general parser: it must
 * agree with cts_der_get_oid on the result, the OID and the cursor, for
 * every element (valid or not) of random octets from a set that hits the
 * rules (0x80 starts, high last octets, lengths past the data). */
static void test_oid_fast_path(void) {
  static const uint8_t pick[] = {0x00, 0x01, 0x06, 0x2b, 0x7f, 0x80, 0x81,
                                 0xff, 0x03, 0x08, 0x09, 0x0a};
  uint32_t x = 12345;
  int mismatches = 0;
  for (int round = 0; round < 200000; round++) {
    uint8_t buf[16];
    size_t len;
    cts_der a, b, oa, ob;
    int ra, rb;
    x = x * 1103515245u + 12345u;
    len = (x >> 8) % 17;
    for (size_t i = 0; i < len; i++) {
      x = x * 1103515245u + 12345u;
      buf[i] = pick[(x >> 16) % sizeof(pick)];
    }
    if (len > 0 && (x & 1)) buf[0] = 0x06;
    if (len > 1 && (x & 2)) buf[1] = (uint8_t)((x >> 4) % 10);
    a.data = b.data = buf;
    a.len = b.len = len;
    oa.data = ob.data = NULL;
    oa.len = ob.len = 0;
    ra = cts_oid_next(&a, &oa);
    rb = cts_der_get_oid(&b, &ob);
    if (ra != rb || a.data != b.data || a.len != b.len ||
        (ra && (oa.data != ob.data || oa.len != ob.len)))
      mismatches++;
  }
  CU_ASSERT_EQUAL(mismatches, 0);
}

static int intersects(const char *bytes, size_t n) {
  cts_der d = der_of(bytes, n);
  return cts_ip_net_intersects_reserved(&d);
}

/* util.IntersectsIANAReserved over address+mask constraints. */
static void test_reserved_ip_nets(void) {
  /* 10.0.0.0/8 */
  CU_ASSERT_TRUE(intersects("\x0a\0\0\0\xff\0\0\0", 8));
  /* 8.8.8.0/24 */
  CU_ASSERT_FALSE(intersects("\x08\x08\x08\0\xff\xff\xff\0", 8));
  /* 0.0.0.0/0 contains every reserved network (and is not unicast) */
  CU_ASSERT_TRUE(intersects("\0\0\0\0\0\0\0\0", 8));
  /* 192.0.0.0/2 contains 192.168.0.0 */
  CU_ASSERT_TRUE(intersects("\xc0\0\0\0\xc0\0\0\0", 8));
  /* 2001:db8::/32 (documentation) */
  CU_ASSERT_TRUE(intersects("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\0"
                            "\xff\xff\xff\xff\0\0\0\0\0\0\0\0\0\0\0\0",
                            32));
  /* 2a00::/16 is global unicast and outside the reserved list */
  CU_ASSERT_FALSE(intersects("\x2a\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                             "\xff\xff\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
                             32));
  CU_ASSERT_FALSE(intersects("\x0a\0\0\0", 4)); /* not a constraint */
}

static int nfc(const char *s) {
  cts_der d = der_of(s, strlen(s));
  return cts_utf8_is_nfc(&d);
}

static void test_nfc(void) {
  CU_ASSERT_TRUE(nfc("plain ASCII"));
  CU_ASSERT_TRUE(nfc("caf\xc3\xa9"));       /* precomposed e-acute */
  CU_ASSERT_FALSE(nfc("cafe\xcc\x81"));     /* e + combining acute */
  CU_ASSERT_FALSE(nfc("a\xcc\x80" "cd"));   /* a + combining grave */
  CU_ASSERT_FALSE(nfc("\xe2\x84\xab"));     /* U+212B ANGSTROM SIGN */
  CU_ASSERT_TRUE(nfc("\xcc\x81"));          /* a lone mark stays */
  CU_ASSERT_TRUE(nfc("\xff\xfe"));          /* invalid bytes: starters */
  CU_ASSERT_TRUE(nfc("q\xcc\x86"));        /* q + breve: nothing to compose */
  /* alef + acute + grave below: marks out of canonical order (230, 220) */
  CU_ASSERT_FALSE(nfc("\xd7\x90\xcc\x81\xcc\x96"));
}

static void test_bmp_length(void) {
  cts_der d = DER("\0a\0b");
  CU_ASSERT_EQUAL(cts_bmp_utf8_len(&d), 2);
  d = DER("\0\xe9");                   /* U+00E9: 2 octets of UTF-8 */
  CU_ASSERT_EQUAL(cts_bmp_utf8_len(&d), 2);
  d = DER("\xd8\x3d\xde\x00");         /* a surrogate pair: 4 octets */
  CU_ASSERT_EQUAL(cts_bmp_utf8_len(&d), 4);
  d = DER("\0a\0");                    /* odd length: an error, 0 */
  CU_ASSERT_EQUAL(cts_bmp_utf8_len(&d), 0);
}

static int fqdn(const char *s) {
  cts_der d = der_of(s, strlen(s));
  return cts_is_fqdn(&d);
}

/* zcrypto's IsURL as util.IsFQDN uses it on name constraint URIs. */
static void test_fqdn(void) {
  CU_ASSERT_TRUE(fqdn("example.com"));
  CU_ASSERT_TRUE(fqdn("host.example.com"));
  CU_ASSERT_TRUE(fqdn("*.example.com"));
  CU_ASSERT_TRUE(fqdn("http://www.example.com/foo/bar.html"));
  CU_ASSERT_FALSE(fqdn("example"));
  CU_ASSERT_FALSE(fqdn("wrongHostConstraintExample"));
  CU_ASSERT_FALSE(fqdn("dns://192.168.1.1/ftp.example.org?type=A"));
  CU_ASSERT_FALSE(fqdn("exa mple.com"));
  CU_ASSERT_FALSE(fqdn("a..b.com"));
}

static void test_tld(void) {
  cts_der d = DER("ocsp.example.com");
  CU_ASSERT_TRUE(cts_has_valid_tld(&d));
  d = DER("ca.EXAMPLE.ORG");
  CU_ASSERT_TRUE(cts_has_valid_tld(&d));
  d = DER("ocsp.corp.local");
  CU_ASSERT_FALSE(cts_has_valid_tld(&d));
  d = DER("intranet");
  CU_ASSERT_FALSE(cts_has_valid_tld(&d));
}

/* --- corpus certificates ------------------------------------------------- */

/* The misissuance that incident reports describe (lints.md), each on one
 * certificate zlint fails and one it passes. */
static const cts_test_case k_cases[] = {
    {"e_ext_authority_key_identifier_no_key_identifier",
     "CNPresentButEmpty.pem", CTS_LINT_ERROR},
    {"e_ext_authority_key_identifier_no_key_identifier", "27monthsEv.pem",
     CTS_LINT_PASS},
    {"e_ext_authority_key_identifier_critical", "akiCritical.pem",
     CTS_LINT_ERROR},
    {"e_ext_authority_key_identifier_critical", "27monthsEv.pem",
     CTS_LINT_PASS},
    {"e_mp_authority_key_identifier_correct",
     "mpAuthorityKeyIdentifierIncorrect.pem", CTS_LINT_ERROR},
    {"e_mp_authority_key_identifier_correct", "27monthsEv.pem",
     CTS_LINT_PASS},
    {"e_sub_cert_crl_distribution_points_does_not_contain_url",
     "SANReservedIP.pem", CTS_LINT_ERROR},
    {"e_sub_cert_crl_distribution_points_does_not_contain_url",
     "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"w_distribution_point_missing_ldap_or_uri", "crlDistribNoHTTP.pem",
     CTS_LINT_WARN},
    {"w_distribution_point_missing_ldap_or_uri", "QcStmtValidLimitValue.pem",
     CTS_LINT_PASS},
    {"e_crl_distrib_points_not_http", "cdp_not_http_ko1.pem", CTS_LINT_ERROR},
    {"e_crl_distrib_points_not_http", "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth",
     "o1s0ep0a1nc0.pem", CTS_LINT_ERROR},
    {"e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth",
     "o1s0ep0a1nc1.pem", CTS_LINT_PASS},
};

static void test_incident_lints(void) {
  cts_test_zlint_cases(k_cases, sizeof(k_cases) / sizeof(k_cases[0]));
}

/* Certificates rich in the extensions this group walks: every byte of
 * every extension value is replaced by a few values (truncating lengths,
 * changing tags), and the whole certificate is linted again; the sieve
 * still accepts it, since only the extnValue contents change. Under ASan
 * this proves the walkers never leave their spans. */
static void test_corrupted_extension_values(void) {
  static const char *const files[] = {
      "crlComlepteDp.pem", "aiaWithInternalNames.pem",
      "policyQualifiersOtherThanCpsNotPermittedError.pem",
      "multExc1PermUriConstraints.pem", "empty_sct_list_ok_01.pem",
      "mpAuthorityKeyIdentifierIncorrect.pem", "explicitTextBMPNotNFC.pem"};
  static const uint8_t values[] = {0x00, 0x01, 0x30, 0x80, 0x86, 0xff};
  cts_checker c;
  cts_summary *sum = malloc(sizeof(*sum));
  const char *reason = NULL;
  CU_ASSERT_FATAL(sum != NULL);
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
    long len = 0;
    unsigned char *der = cts_test_zlint_der(files[f], &len);
    uint8_t *copy;
    CU_ASSERT_PTR_NOT_NULL(der);
    if (der == NULL) continue;
    copy = malloc((size_t)len);
    CU_ASSERT_FATAL(copy != NULL);
    CU_ASSERT_FATAL(cts_sieve_summarize(der, (size_t)len, 0, sum, &reason));
    for (uint16_t e = 0; e < sum->n_exts; e++) {
      cts_span v = sum->exts[e].value;
      for (uint32_t off = v.off; off < v.off + v.len; off++)
        for (size_t k = 0; k < sizeof(values); k++) {
          memcpy(copy, der, (size_t)len);
          copy[off] = values[k];
          (void)cts_checker_run(&c, copy, (size_t)len, 0, &reason);
        }
    }
    free(copy);
    OPENSSL_free(der);
  }
  cts_checker_free(&c);
  free(sum);
}

static CU_TestInfo tests[] = {
    {"net/url.Parse", test_go_url_parse},
    {"net/url.Parse: the plain http shortcut", test_go_url_plain_shortcut},
    {"OIDs: the short-OID fast path", test_oid_fast_path},
    {"IANA reserved networks in iPAddress constraints", test_reserved_ip_nets},
    {"NFC quick check", test_nfc},
    {"BMPString length in UTF-8", test_bmp_length},
    {"util.IsFQDN", test_fqdn},
    {"util.HasValidTLD", test_tld},
    {"incident lints on corpus certificates", test_incident_lints},
    {"lints on corrupted extension values", test_corrupted_extension_values},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("lints_extensions", tests)
