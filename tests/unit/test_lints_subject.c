/* The "subject" and "ev_ca" lint groups: how attribute values are read as
 * Go reads them (runes, BMPString, strings.ToUpper, unicode.IsSpace), the
 * Name walker on its DER path (used for the issuer and for subjects the
 * summary truncated), and the incident lints on corpus certificates
 * zlint fails and passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "ctscan/check.h"
#include "ctscan/lint.h"
#include "src/lints/subject_util.h"
#include "test.h"

static cts_der der_of(const char *s, size_t n) {
  cts_der d;
  d.data = (const uint8_t *)s;
  d.len = n;
  return d;
}

#define DER(lit) der_of((lit), sizeof(lit) - 1)

/* utf8.RuneCountInString: an invalid byte counts one; BMPString: UTF-16
 * code units, a surrogate pair once, a trailing NUL dropped. */
static void test_rune_count(void) {
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_UTF8_STRING, DER("abc")), 3);
  CU_ASSERT_EQUAL(
      cts_subj_rune_count(CTS_DER_UTF8_STRING, DER("M\xc3\xbcnchen")), 7);
  /* overlong, stray continuation and truncated sequences */
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_T61_STRING, DER("\xc0\xaf")), 2);
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_UTF8_STRING, DER("\x80x")), 2);
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_UTF8_STRING, DER("\xe2\x82")), 2);
  /* a surrogate encoded in UTF-8 is invalid: three runes */
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_UTF8_STRING, DER("\xed\xa0\x80")),
                  3);
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_BMP_STRING, DER("\0a\0b")), 2);
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_BMP_STRING, DER("\0a\0\0")), 1);
  CU_ASSERT_EQUAL(
      cts_subj_rune_count(CTS_DER_BMP_STRING, DER("\xd8\x3d\xde\x00")), 1);
  /* an unpaired surrogate is U+FFFD, one rune */
  CU_ASSERT_EQUAL(cts_subj_rune_count(CTS_DER_BMP_STRING, DER("\xd8\x3d\0a")),
                  2);
}

static void test_next_rune(void) {
  size_t pos = 0;
  uint32_t r = 0;
  cts_der v = DER("\xd8\x3d\xde\x00");
  CU_ASSERT_TRUE(cts_subj_next_rune(CTS_DER_BMP_STRING, v, &pos, &r));
  CU_ASSERT_EQUAL(r, 0x1f600);
  CU_ASSERT_EQUAL(pos, 4);
  CU_ASSERT_FALSE(cts_subj_next_rune(CTS_DER_BMP_STRING, v, &pos, &r));
  pos = 0;
  CU_ASSERT_TRUE(cts_subj_next_rune(CTS_DER_UTF8_STRING, DER("\xf4\x90\x80\x80"),
                                    &pos, &r));
  CU_ASSERT_EQUAL(r, 0xfffd); /* above U+10FFFF */
  CU_ASSERT_EQUAL(pos, 1);
}

/* util.IsISOCountryCode(strings.ToUpper(c)) */
static void test_iso_country(void) {
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("US")));
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("de")));
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("XX")));
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("AN")));
  CU_ASSERT_FALSE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("UK")));
  CU_ASSERT_FALSE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("USA")));
  CU_ASSERT_FALSE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("U")));
  CU_ASSERT_FALSE(cts_subj_is_iso_country(CTS_DER_PRINTABLE_STRING, DER("")));
  /* U+0131 DOTLESS I upper-cases to 'I' in Go: "\u0131t" is "IT" */
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_UTF8_STRING, DER("\xc4\xb1t")));
  CU_ASSERT_TRUE(cts_subj_is_iso_country(CTS_DER_BMP_STRING, DER("\0f\0r")));
}

static void test_is_space(void) {
  CU_ASSERT_TRUE(cts_subj_is_space(' '));
  CU_ASSERT_TRUE(cts_subj_is_space('\t'));
  CU_ASSERT_TRUE(cts_subj_is_space(0x85));
  CU_ASSERT_TRUE(cts_subj_is_space(0xa0));
  CU_ASSERT_TRUE(cts_subj_is_space(0x3000));
  CU_ASSERT_FALSE(cts_subj_is_space('x'));
  CU_ASSERT_FALSE(cts_subj_is_space(0x200b)); /* zero width space: not White_Space */
  CU_ASSERT_FALSE(cts_subj_is_space(0xfffd));
}

static void test_go_string_types(void) {
  CU_ASSERT_TRUE(cts_subj_is_go_string(CTS_DER_PRINTABLE_STRING));
  CU_ASSERT_TRUE(cts_subj_is_go_string(CTS_DER_BMP_STRING));
  CU_ASSERT_TRUE(cts_subj_is_go_string(CTS_DER_T61_STRING));
  CU_ASSERT_FALSE(cts_subj_is_go_string(CTS_DER_UNIVERSAL_STRING));
  CU_ASSERT_FALSE(cts_subj_is_go_string(CTS_DER_VISIBLE_STRING));
  CU_ASSERT_FALSE(cts_subj_is_go_string(CTS_DER_OCTET_STRING));
}

/* Name: SEQUENCE { SET { C=US }, SET { O=Org, OU=Unit }, SET {} } -- the
 * DER path of the walker, as for an issuer or a truncated subject. */
static const uint8_t k_name[] = {
    0x30, 0x2a,                                     /* Name */
    0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, /* SET { C */
    0x06, 0x13, 0x02, 'U',  'S',                    /* = "US" } */
    0x31, 0x19,                                     /* SET { */
    0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x0c, /* O */
    0x03, 'O',  'r',  'g',                          /* = "Org" */
    0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x13, /* OU */
    0x04, 'U',  'n',  'i',  't',                    /* = "Unit" } */
    0x31, 0x00};                                    /* SET {} */

static void test_name_walker_der(void) {
  cts_summary *sum = calloc(1, sizeof(*sum));
  cts_subj_iter it;
  cts_subj_atv atv;
  CU_ASSERT_FATAL(sum != NULL);
  CU_ASSERT_EQUAL_FATAL(sizeof(k_name), 44);
  sum->der = k_name;
  sum->der_len = sizeof(k_name);
  sum->subject.off = sum->issuer.off = 0;
  sum->subject.len = sum->issuer.len = sizeof(k_name);
  sum->flags = CTS_SUM_ATTRS_TRUNCATED;

  cts_subj_iter_issuer(&it, sum);
  CU_ASSERT_TRUE(cts_subj_iter_next(&it, &atv));
  CU_ASSERT_TRUE(CTS_SUBJ_OID_IS(&atv.type, CTS_OID_AT_C));
  CU_ASSERT_EQUAL(atv.tag, CTS_DER_PRINTABLE_STRING);
  CU_ASSERT_EQUAL(atv.rdn, 0);
  CU_ASSERT_EQUAL(atv.rdn_size, 1);
  CU_ASSERT_TRUE(cts_subj_iter_next(&it, &atv));
  CU_ASSERT_TRUE(CTS_SUBJ_OID_IS(&atv.type, CTS_OID_AT_O));
  CU_ASSERT_EQUAL(atv.value.len, 3);
  CU_ASSERT_EQUAL(atv.rdn, 1);
  CU_ASSERT_EQUAL(atv.rdn_size, 2);
  CU_ASSERT_TRUE(cts_subj_iter_next(&it, &atv));
  CU_ASSERT_TRUE(CTS_SUBJ_OID_IS(&atv.type, CTS_OID_AT_OU));
  CU_ASSERT_EQUAL(atv.rdn_size, 2);
  CU_ASSERT_FALSE(cts_subj_iter_next(&it, &atv)); /* the empty SET */

  /* the subject falls back to the DER when the table was truncated */
  CU_ASSERT_TRUE(CTS_SUBJ_HAS(sum, CTS_OID_AT_OU));
  CU_ASSERT_FALSE(CTS_SUBJ_HAS(sum, CTS_OID_AT_CN));
  CU_ASSERT_TRUE(CTS_SUBJ_HAS_STRING(sum, CTS_OID_AT_O));
  CU_ASSERT_EQUAL(cts_subj_count_strings(sum, CTS_OID_AT_C,
                                         CTS_OID_LEN(CTS_OID_AT_C)),
                  1);
  CU_ASSERT_TRUE(CTS_SUBJ_STRING(sum, CTS_OID_AT_OU, CTS_SUBJ_LAST, &atv));
  CU_ASSERT_EQUAL(atv.value.len, 4);
  free(sum);
}

/* A truncated Name never reads past its span. */
static void test_name_walker_truncated_der(void) {
  cts_summary *sum = calloc(1, sizeof(*sum));
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t cut, n;
  CU_ASSERT_FATAL(sum != NULL);
  for (cut = 0; cut < sizeof(k_name); cut++) {
    uint8_t *copy = malloc(cut > 0 ? cut : 1);
    memcpy(copy, k_name, cut);
    sum->der = copy;
    sum->der_len = cut;
    sum->issuer.off = 0;
    sum->issuer.len = (uint32_t)cut;
    cts_subj_iter_issuer(&it, sum);
    for (n = 0; cts_subj_iter_next(&it, &atv); n++) CU_ASSERT_TRUE(n < 3);
    free(copy);
  }
  free(sum);
}

/* --- the incident lints on corpus certificates ------------------------- */

static const cts_test_case k_cases[] = {
    {"e_cab_dv_conflicts_with_org", "domainValAllBad.pem", CTS_LINT_ERROR},
    {"e_cab_dv_conflicts_with_org", "aiaCaIssuersFTPOnly.pem", CTS_LINT_PASS},
    {"e_cab_dv_conflicts_with_locality", "domainValAllBad.pem", CTS_LINT_ERROR},
    {"e_cab_dv_conflicts_with_locality", "aiaCaIssuersFTPOnly.pem",
     CTS_LINT_PASS},
    {"e_cab_dv_conflicts_with_province", "domainValAllBad.pem", CTS_LINT_ERROR},
    {"e_cab_dv_conflicts_with_province", "aiaCaIssuersFTPOnly.pem",
     CTS_LINT_PASS},
    {"e_cab_dv_conflicts_with_street", "domainValAllBad.pem", CTS_LINT_ERROR},
    {"e_cab_dv_conflicts_with_street", "aiaCaIssuersFTPOnly.pem",
     CTS_LINT_PASS},
    {"e_cab_dv_conflicts_with_postal", "domainValAllBad.pem", CTS_LINT_ERROR},
    {"e_cab_dv_conflicts_with_postal", "aiaCaIssuersFTPOnly.pem",
     CTS_LINT_PASS},
    {"e_organizational_unit_name_prohibited", "aiaCrit.pem", CTS_LINT_ERROR},
    {"e_organizational_unit_name_prohibited", "NotApplicable.pem",
     CTS_LINT_PASS},
    {"e_subject_contains_organizational_unit_name_and_no_organization_name",
     "ouPresentAfterSep22.pem", CTS_LINT_ERROR},
    {"e_subject_contains_organizational_unit_name_and_no_organization_name",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ev_invalid_business_category", "invalid_business_cat_ko_01.pem",
     CTS_LINT_ERROR},
    {"e_ev_invalid_business_category", "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_ev_business_category_missing", "27monthsEv.pem", CTS_LINT_ERROR},
    {"e_ev_business_category_missing", "c0r0e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_cert_policy_ov_requires_province_or_locality", "orgNoBoth.pem",
     CTS_LINT_ERROR},
    {"e_cert_policy_ov_requires_province_or_locality", "IANCritical.pem",
     CTS_LINT_PASS},
    {"e_sub_cert_locality_name_must_appear", "27monthsEv.pem", CTS_LINT_ERROR},
    {"e_sub_cert_locality_name_must_appear", "CNPresentButEmpty.pem",
     CTS_LINT_PASS},
    {"e_sub_cert_province_must_appear", "27monthsEv.pem", CTS_LINT_ERROR},
    {"e_sub_cert_province_must_appear", "CNPresentButEmpty.pem",
     CTS_LINT_PASS},
};

static void test_incident_lints(void) {
  cts_test_zlint_cases(k_cases, sizeof(k_cases) / sizeof(k_cases[0]));
}

static CU_TestInfo tests[] = {
    {"rune counts as Go's utf8.RuneCountInString", test_rune_count},
    {"rune decoding of UTF-8 and BMPString", test_next_rune},
    {"ISO 3166-1 country codes after strings.ToUpper", test_iso_country},
    {"unicode.IsSpace", test_is_space},
    {"value tags Go decodes to strings", test_go_string_types},
    {"Name walker over DER", test_name_walker_der},
    {"Name walker over truncated DER", test_name_walker_truncated_der},
    {"incident lints on corpus certificates", test_incident_lints},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("lints_subject", tests)
