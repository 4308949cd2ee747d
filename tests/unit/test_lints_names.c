/* Lint group "names": the helpers that read names as zlint's Go stack
 * does (net.ParseIP, IP.String, IANA reserved ranges, publicsuffix-go's
 * split, the TLD table, net/url), and the misissuance lints of
 * docs lints.md's first table on one corpus certificate zlint flags and
 * one it passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>
#include <openssl/pem.h>
#include <openssl/evp.h>

#include "ctscan/check.h"
#include "ctscan/lint.h"
#include "src/lints/lints_internal.h"
#include "src/lints/names_tld.h"
#include "src/lints/names_util.h"
#include "test.h"

static cts_str str(const char *s) {
  cts_str r = {(const uint8_t *)s, strlen(s)};
  return r;
}

static int str_is(cts_str s, const char *want) {
  return s.n == strlen(want) && memcmp(s.p, want, s.n) == 0;
}

static void test_ip_parse(void) {
  uint8_t ip[16];
  static const char *const good[] = {"1.2.3.4", "255.255.255.255", "::",
                                     "::1", "1::", "1:2:3:4:5:6:7:8",
                                     "::ffff:1.2.3.4", "2001:db8::1",
                                     "1:2:3:4:5:6:1.2.3.4"};
  static const char *const bad[] = {"", "01.2.3.4", "1.2.3", "256.1.1.1",
                                    "1.2.3.4.5", ":1", "1:::2", "1::2::3",
                                    "1:2:3:4:5:6:7:8:9", "fe80::1%eth0",
                                    "12345::", "1.2.3.4:80", "[::1]",
                                    "1:2:3:4:5:6:7::8"};
  for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
    CU_ASSERT(cts_ip_parse(str(good[i]), ip));
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    CU_ASSERT(!cts_ip_parse(str(bad[i]), ip));
  CU_ASSERT(cts_ip_parse(str("::ffff:10.1.2.3"), ip));
  CU_ASSERT(ip[10] == 0xff && ip[11] == 0xff && ip[12] == 10 && ip[15] == 3);
}

static void check_format(const char *in, const char *want) {
  uint8_t ip[16];
  char text[64];
  CU_ASSERT_FATAL(cts_ip_parse(str(in), ip));
  text[cts_ip_format(ip, 16, text)] = 0;
  CU_ASSERT_STRING_EQUAL(text, want);
}

/* Go's IP.String: RFC 5952 text, v4-mapped addresses dotted. */
static void test_ip_format(void) {
  check_format("2001:0DB8:0:0:0:0:0:1", "2001:db8::1");
  check_format("::", "::");
  check_format("::1", "::1");
  check_format("1:0:0:1:0:0:0:1", "1:0:0:1::1");
  check_format("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0");
  check_format("::ffff:1.2.3.4", "1.2.3.4");
  check_format("10.0.0.1", "10.0.0.1");
}

static int reserved(const char *text) {
  uint8_t ip[16];
  CU_ASSERT_FATAL(cts_ip_parse(str(text), ip));
  return cts_ip_is_reserved(ip, 16);
}

/* IANA special-purpose registries as zlint's util.IsIANAReserved. */
static void test_ip_reserved(void) {
  CU_ASSERT(reserved("10.0.0.1"));
  CU_ASSERT(reserved("192.168.1.1"));
  CU_ASSERT(reserved("127.0.0.1"));
  CU_ASSERT(reserved("100.64.0.1"));
  CU_ASSERT(reserved("192.0.2.1"));
  CU_ASSERT(reserved("255.255.255.255"));
  CU_ASSERT(reserved("::1"));
  CU_ASSERT(reserved("fe80::1"));
  CU_ASSERT(reserved("2001:db8::1"));
  CU_ASSERT(reserved("fc00::1"));
  CU_ASSERT(reserved("::ffff:10.0.0.1"));
  CU_ASSERT(!reserved("8.8.8.8"));
  CU_ASSERT(!reserved("172.32.0.1"));
  CU_ASSERT(!reserved("2606:4700::1"));
  CU_ASSERT(!reserved("2a00:1450::1"));
}

/* publicsuffix-go's split (ICANN section, default rule). */
static void test_domain_parse(void) {
  cts_domain d;
  CU_ASSERT(cts_domain_parse(str("www.example.co.uk"), &d) == CTS_DOMAIN_OK);
  CU_ASSERT(str_is(d.trd, "www") && str_is(d.sld, "example") &&
            str_is(d.tld, "co.uk"));
  CU_ASSERT(cts_domain_parse(str("A_B.Example.COM"), &d) == CTS_DOMAIN_OK);
  CU_ASSERT(str_is(d.trd, "A_B") && str_is(d.sld, "Example"));
  CU_ASSERT(cts_domain_parse(str("foo.notatld"), &d) == CTS_DOMAIN_OK);
  CU_ASSERT(str_is(d.sld, "foo") && str_is(d.tld, "notatld"));
  CU_ASSERT(cts_domain_parse(str("a..com"), &d) == CTS_DOMAIN_OK);
  CU_ASSERT(str_is(d.trd, "a") && str_is(d.sld, ""));
  CU_ASSERT(cts_domain_parse(str("co.uk"), &d) == CTS_DOMAIN_SUFFIX);
  CU_ASSERT(cts_domain_parse(str("com"), &d) == CTS_DOMAIN_SUFFIX);
  CU_ASSERT(cts_domain_parse(str("example.com."), &d) == CTS_DOMAIN_SUFFIX);
  CU_ASSERT(cts_domain_parse(str(""), &d) == CTS_DOMAIN_BLANK);
  CU_ASSERT(cts_domain_parse(str(".example.com"), &d) == CTS_DOMAIN_DOT);
}

/* zlint util.HasValidTLD / IsInTLDMap. */
static void test_tld(void) {
  CU_ASSERT(cts_tld_valid(str("www.example.com"), CTS_DATE(2020, 1, 1)));
  CU_ASSERT(cts_tld_valid(str("EXAMPLE.COM"), CTS_DATE(2020, 1, 1)));
  CU_ASSERT(!cts_tld_valid(str("autodiscover.example.local"),
                           CTS_DATE(2020, 1, 1)));
  CU_ASSERT(!cts_tld_valid(str("www"), CTS_DATE(2020, 1, 1)));
  CU_ASSERT(!cts_tld_valid(str("example.frr"), CTS_DATE(2020, 1, 1)));
  CU_ASSERT(!cts_tld_valid(str("example.com."), CTS_DATE(2020, 1, 1)));
  /* removed from the root zone on 31 August 2017 */
  CU_ASSERT(cts_tld_valid(str("zlint.mcdonalds"), CTS_DATE(2017, 8, 31)));
  CU_ASSERT(!cts_tld_valid(str("zlint.mcdonalds"), CTS_DATE(2017, 9, 1)));
  /* .onion counts from CA/B Forum ballot 144 */
  CU_ASSERT(!cts_tld_valid(str("x.onion"), CTS_DATE(2015, 1, 1)));
  CU_ASSERT(cts_tld_valid(str("x.onion"), CTS_DATE(2016, 1, 1)));
  /* the map holds A-labels only */
  CU_ASSERT(cts_tld_valid(str("x.xn--80adxhks"), CTS_DATE(2020, 1, 1)));
  CU_ASSERT(!cts_tld_valid(str("x.\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2"
                               "\xd0\xb0"),
                           CTS_DATE(2020, 1, 1)));
  CU_ASSERT(cts_tld_known(str("COM")));
  CU_ASSERT(!cts_tld_known(str("example.com")));
}

static const char *const k_fast_tlds[] = {
    "com",  "net",   "org",   "de",    "nl",     "eu",      "ch",
    "ru",   "dk",    "cz",    "tv",    "cc",     "info",    "biz",
    "dev",  "app",   "top",   "xyz",   "online", "site",    "shop",
    "store", "tech", "live",  "page",  "club",   "space",   "chat",
    "cloud", "link", "blog",  "agency", "digital", "email", "world",
    "life", "news",  "one",   "win",   "vip",    "icu",     "fun"};

/* The rules of the ICANN section of the list file the compiled-in list
 * was built from, when that file is at hand and is the same (its SHA-1):
 * a rule deeper than one of the fast TLDs fails the test. Returns the
 * number of rules read, 0 when the file cannot be checked. */
/* The SHA-1 of a file in hex, as psl_builtin_sha1sum() gives it. */
static int file_sha1_hex(const char *path, char hex[41]) {
  unsigned char md[EVP_MAX_MD_SIZE], buf[65536];
  unsigned int md_len = 0;
  size_t n;
  int ok;
  EVP_MD_CTX *ctx;
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  ctx = EVP_MD_CTX_new();
  ok = ctx != NULL && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) == 1;
  while (ok && (n = fread(buf, 1, sizeof(buf), f)) > 0)
    ok = EVP_DigestUpdate(ctx, buf, n) == 1;
  ok = ok && EVP_DigestFinal_ex(ctx, md, &md_len) == 1 && md_len == 20;
  EVP_MD_CTX_free(ctx);
  fclose(f);
  for (unsigned int i = 0; ok && i < md_len; i++)
    sprintf(hex + 2 * i, "%02x", md[i]);
  return ok;
}

static size_t check_fast_tlds_in_list_file(void) {
  const char *path = psl_builtin_filename();
  const char *want = psl_builtin_sha1sum();
  char line[512], hex[41];
  size_t rules = 0;
  int icann = 0;
  FILE *f;
  /* only the very file the compiled-in list was made from */
  if (path == NULL || want == NULL || !file_sha1_hex(path, hex) ||
      strcmp(hex, want) != 0)
    return 0;
  f = fopen(path, "r");
  if (f == NULL) return 0;
  while (fgets(line, sizeof(line), f) != NULL) {
    char *rule = line, *end;
    if (strncmp(line, "// ===BEGIN ICANN", 17) == 0) icann = 1;
    if (strncmp(line, "// ===END ICANN", 15) == 0) icann = 0;
    if (!icann || line[0] == '/' || line[0] == '\n' || line[0] == ' ')
      continue;
    end = rule + strcspn(rule, " \t\r\n");
    *end = 0;
    if (*rule == '!') rule++;
    rules++;
    for (size_t i = 0; i < sizeof(k_fast_tlds) / sizeof(k_fast_tlds[0]);
         i++) {
      size_t n = strlen(k_fast_tlds[i]), len = strlen(rule);
      /* "x.tld": a rule below a fast TLD */
      int deeper = len > n + 1 && rule[len - n - 1] == '.' &&
                   strcmp(rule + len - n, k_fast_tlds[i]) == 0;
      if (deeper) fprintf(stderr, "rule %s below fast TLD %s\n", rule,
                          k_fast_tlds[i]);
      CU_ASSERT(!deeper);
    }
  }
  fclose(f);
  return rules;
}

/* The TLDs split without a lookup have no deeper rule in the ICANN
 * section of the compiled-in public suffix list. */
static void test_fast_tlds(void) {
  static const char *const probes[] = {"co", "com", "net", "org", "gov",
                                       "edu", "ac", "k12", "mil", "biz"};
  const psl_ctx_t *psl = psl_builtin();
  char name[64];
  CU_ASSERT_PTR_NOT_NULL_FATAL(psl);
  for (size_t i = 0; i < sizeof(k_fast_tlds) / sizeof(k_fast_tlds[0]); i++) {
    CU_ASSERT(cts_tld_is_fast(k_fast_tlds[i]));
    CU_ASSERT(psl_is_public_suffix2(psl, k_fast_tlds[i], PSL_TYPE_ICANN));
    CU_ASSERT(psl_is_public_suffix2(psl, k_fast_tlds[i],
                                    PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE));
    CU_ASSERT(!cts_tld_removed(k_fast_tlds[i], NULL));
    for (size_t j = 0; j < sizeof(probes) / sizeof(probes[0]); j++) {
      snprintf(name, sizeof(name), "%s.%s", probes[j], k_fast_tlds[i]);
      CU_ASSERT(!psl_is_public_suffix2(psl, name, PSL_TYPE_ICANN));
    }
  }
  CU_ASSERT(!cts_tld_is_fast("uk"));
  CU_ASSERT(!cts_tld_is_fast("io"));
  /* the whole list, where the file it was compiled from is at hand */
  if (check_fast_tlds_in_list_file() == 0)
    fprintf(stderr, "  (public suffix list file not checked: not at hand)\n");
}

/* UAX #15 NFC as golang.org/x/text/unicode/norm decides it. */
static void test_nfc(void) {
  static const uint32_t ascii[] = {'a', 'b', 'c'};
  static const uint32_t precomposed[] = {0xe9};           /* e acute */
  static const uint32_t decomposed[] = {'e', 0x301};      /* e + acute */
  static const uint32_t no_compose[] = {'x', 0x301};      /* stays */
  static const uint32_t excluded[] = {0x958};             /* QC No */
  static const uint32_t ordered[] = {'a', 0x323, 0x301};  /* ccc 220, 230 */
  static const uint32_t unordered[] = {'a', 0x301, 0x323};
  static const uint32_t hangul_lv[] = {0x1100, 0x1161};   /* L + V */
  static const uint32_t hangul[] = {0xac00};
  static const uint32_t blocked[] = {'a', 0x5b0, 0x301};  /* not blocked */
  CU_ASSERT(cts_nfc_is_normal(ascii, 3));
  CU_ASSERT(cts_nfc_is_normal(precomposed, 1));
  CU_ASSERT(!cts_nfc_is_normal(decomposed, 2));
  CU_ASSERT(cts_nfc_is_normal(no_compose, 2));
  CU_ASSERT(!cts_nfc_is_normal(excluded, 1));
  CU_ASSERT(!cts_nfc_is_normal(ordered, 3));
  CU_ASSERT(!cts_nfc_is_normal(unordered, 3));
  CU_ASSERT(!cts_nfc_is_normal(hangul_lv, 2));
  CU_ASSERT(cts_nfc_is_normal(hangul, 1));
  CU_ASSERT(!cts_nfc_is_normal(blocked, 3));
  CU_ASSERT(cts_nfc_is_normal(NULL, 0));
}

/* Go's net/url Parse, and zlint's host check. */
static void test_url(void) {
  cts_url u;
  CU_ASSERT(cts_url_parse(str("https://user@www.google.com:443/x?q#f"), &u));
  CU_ASSERT(str_is(u.scheme, "https") && str_is(u.host, "www.google.com:443"));
  CU_ASSERT(u.has_user && str_is(u.path, "/x"));
  CU_ASSERT(cts_url_parse(str("gov.us"), &u));
  CU_ASSERT(u.scheme.n == 0 && u.host.n == 0 && str_is(u.path, "gov.us"));
  CU_ASSERT(cts_url_parse(str("mailto:a@b.c"), &u));
  CU_ASSERT(str_is(u.opaque, "a@b.c"));
  CU_ASSERT(!cts_url_parse(str(":foo"), &u));
  CU_ASSERT(!cts_url_parse(str("http://a b.com/"), &u));
  CU_ASSERT(!cts_url_parse(str("http://x.com:80a/"), &u));
  CU_ASSERT(!cts_url_parse(str("http://[::1/"), &u));
  CU_ASSERT(!cts_url_parse(str("http://x.com/%zz"), &u));
  CU_ASSERT(!cts_url_parse(str("http://x.com/\x01"), &u));

  CU_ASSERT(cts_host_is_fqdn_or_ip(str("www.google.com")));
  CU_ASSERT(cts_host_is_fqdn_or_ip(str("host.com:1234")));
  CU_ASSERT(cts_host_is_fqdn_or_ip(str("*.example.com")));
  CU_ASSERT(cts_host_is_fqdn_or_ip(str("192.168.1.1")));
  CU_ASSERT(cts_host_is_fqdn_or_ip(str("[::1]")));
  CU_ASSERT(!cts_host_is_fqdn_or_ip(str("")));
  CU_ASSERT(!cts_host_is_fqdn_or_ip(str("*")));
  CU_ASSERT(!cts_host_is_fqdn_or_ip(str("localhost")));
  CU_ASSERT(!cts_host_is_fqdn_or_ip(str("bad..example.com")));
  CU_ASSERT(cts_auth_is_fqdn_or_ip(str("user@host.com:1234")));
  CU_ASSERT(!cts_auth_is_fqdn_or_ip(str("*.com:1337")));
}

/* --- the first-table lints on corpus certificates ------------------------ */

static cts_lint_status verdict(cts_checker *c, const char *lint,
                               const char *file) {
  const cts_lint *l = cts_lint_find(lint);
  const char *reason;
  long len = 0;
  unsigned char *der = cts_test_zlint_der(file, &len);
  cts_lint_status st = CTS_LINT_FATAL;
  CU_ASSERT_PTR_NOT_NULL_FATAL(l);
  CU_ASSERT_PTR_NOT_NULL_FATAL(der);
  if (cts_checker_run(c, der, (size_t)len, 0, &reason) == CTS_OK)
    st = c->results[l - c->lints];
  OPENSSL_free(der);
  return st;
}

typedef struct case_row {
  const char *lint, *flagged, *passed;
  cts_lint_status finding;
} case_row;

static void test_first_table(void) {
  static const case_row rows[] = {
      {"e_dnsname_not_valid_tld", "dnsNameNotValidTLD.pem",
       "dnsNameWasValidTLD.pem", CTS_LINT_ERROR},
      {"e_dnsname_bad_character_in_label", "27monthsEv.pem",
       "CNPresentButEmpty.pem", CTS_LINT_ERROR},
      {"e_ext_san_contains_reserved_ip", "SANIPv4Address.pem",
       "27monthsEv.pem", CTS_LINT_ERROR},
      {"e_subject_contains_reserved_ip", "SANIPv4Address.pem",
       "27monthsEv.pem", CTS_LINT_ERROR},
      {"e_subject_common_name_not_exactly_from_san", "CNPresentButEmpty.pem",
       "MultipleCNsAllInSAN.pem", CTS_LINT_ERROR},
      {"e_subject_common_name_not_from_san", "27monthsEv.pem",
       "IANCritical.pem", CTS_LINT_ERROR},
      {"e_ext_san_empty_name", "SANEmptyName.pem", "CNPresentButEmpty.pem",
       CTS_LINT_ERROR},
      {"e_dnsname_empty_label", "SANdnsbadsyntax.pem", "27monthsEv.pem",
       CTS_LINT_ERROR},
      {"e_rfc_dnsname_empty_label", "SANdnsbadsyntax.pem", "27monthsEv.pem",
       CTS_LINT_ERROR},
      {"n_san_dns_name_duplicate", "SANDNSDuplicate.pem",
       "CNPresentButEmpty.pem", CTS_LINT_INFO},
      {"e_underscore_not_permissible_in_dnsname",
       "dNSNameWithUnderscoresHardEnforcementPeriod.pem",
       "CNPresentButEmpty.pem", CTS_LINT_ERROR},
      {"e_dnsname_underscore_in_sld", "dNSNameUnderscoreNotValidWhenReplaced.pem",
       "CNPresentButEmpty.pem", CTS_LINT_ERROR},
      {"w_dnsname_underscore_in_trd", "dnsNameUnderscoreInTRD.pem",
       "CNPresentButEmpty.pem", CTS_LINT_WARN},
      {"e_rfc_dnsname_underscore_in_sld",
       "dNSNameUnderscoreNotValidWhenReplaced.pem", "27monthsEv.pem",
       CTS_LINT_ERROR},
      {"w_rfc_dnsname_underscore_in_trd", "dnsNameUnderscoreInTRD.pem",
       "27monthsEv.pem", CTS_LINT_WARN},
      {"e_no_underscores_before_1_6_2", "SANDNSTooLong.pem", "27monthsEv.pem",
       CTS_LINT_ERROR},
      {"e_underscore_permissible_in_dnsname_if_valid_when_replaced",
       "dNSNameUnderscoreNotValidWhenReplaced.pem", "akidWithKeyID.pem",
       CTS_LINT_ERROR},
      {"e_underscore_present_with_too_long_validity",
       "dNSNameUnderscoreNotValidWhenReplaced.pem", "akidWithKeyID.pem",
       CTS_LINT_ERROR},
  };
  cts_checker c;
  CU_ASSERT_FATAL(cts_checker_init(&c, 1) == CTS_OK);
  for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
    cts_lint_status flagged = verdict(&c, rows[i].lint, rows[i].flagged);
    cts_lint_status passed = verdict(&c, rows[i].lint, rows[i].passed);
    if (flagged != rows[i].finding || passed != CTS_LINT_PASS)
      fprintf(stderr, "\n  %s: %s %s, %s %s", rows[i].lint, rows[i].flagged,
              cts_lint_status_str(flagged), rows[i].passed,
              cts_lint_status_str(passed));
    CU_ASSERT_EQUAL(flagged, rows[i].finding);
    CU_ASSERT_EQUAL(passed, CTS_LINT_PASS);
  }
  cts_checker_free(&c);
}

static CU_TestInfo tests[] = {
    {"net.ParseIP", test_ip_parse},
    {"IP.String", test_ip_format},
    {"IANA reserved addresses", test_ip_reserved},
    {"public suffix split", test_domain_parse},
    {"TLD validity", test_tld},
    {"TLDs without deeper public suffix rules", test_fast_tlds},
    {"Unicode NFC", test_nfc},
    {"net/url and host checks", test_url},
    {"first-table lints on the corpus", test_first_table},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("lints_names", tests)
