/* Lint group "ca" (src/lints/ca.c) and the per-certificate facts
 * (src/lints/facts.c, src/full/full.c) through the fast path: sieve, facts,
 * gated full parse, lints. The zlint agreement test parses every
 * certificate fully; these run as `ctscan scan` does without --full, so
 * they also hold the sieve contract for this group (no gate hides a
 * finding, and self-signed certificates are escalated). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "ctscan/check.h"
#include "ctscan/lint.h"
#include "test.h"

/* Runs one corpus certificate through a fast-path checker. */
static int check_file(cts_checker *c, const char *name) {
  long len = 0;
  const char *reason = NULL;
  unsigned char *der = cts_test_zlint_der(name, &len);
  int ok;
  if (der == NULL) return 0;
  ok = cts_checker_run(c, der, (size_t)len, 0, &reason) == CTS_OK;
  OPENSSL_free(der);
  return ok;
}

static cts_lint_status result_of(const cts_checker *c, const char *lint) {
  for (size_t i = 0; i < c->n_lints; i++)
    if (strcmp(c->lints[i].name, lint) == 0) return c->results[i];
  return (cts_lint_status)-1;
}

/* For each lint: a certificate zlint v3.6.6 flags and one it passes
 * (corpus/zlint-expected.tsv). */
static const struct {
  const char *lint, *file;
  cts_lint_status status;
} k_cases[] = {
    {"e_basic_constraints_not_critical",
     "caBasicConstNotCrit.pem", CTS_LINT_ERROR},
    {"e_basic_constraints_not_critical",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ca_crl_sign_not_set",
     "DNSFQDN.pem", CTS_LINT_ERROR},
    {"e_ca_crl_sign_not_set",
     "akidNoKeyIdentifier.pem", CTS_LINT_PASS},
    {"e_ca_invalid_eku",
     "c1r0e1a0s1m1b0.pem", CTS_LINT_ERROR},
    {"e_ca_invalid_eku",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ca_is_ca",
     "aiaCrit.pem", CTS_LINT_ERROR},
    {"e_ca_is_ca",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ca_key_cert_sign_not_set",
     "SANCaGood.pem", CTS_LINT_ERROR},
    {"e_ca_key_cert_sign_not_set",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ca_key_usage_missing",
     "SANNoEntries.pem", CTS_LINT_ERROR},
    {"e_ca_key_usage_missing",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ca_key_usage_not_critical",
     "caBasicConstCrit.pem", CTS_LINT_ERROR},
    {"e_ca_key_usage_not_critical",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_cert_ext_invalid_der",
     "cert_ext_invalid_der_ko_01.pem", CTS_LINT_ERROR},
    {"e_cert_ext_invalid_der",
     "27monthsEv.pem", CTS_LINT_PASS},
    {"e_ecdsa_allowed_ku",
     "ecdsaP256KUIsDataEnciphermentInvalidKU.pem", CTS_LINT_ERROR},
    {"e_ecdsa_allowed_ku",
     "codeSigningWithECDSAKey.pem", CTS_LINT_PASS},
    {"e_eku_critical",
     "ekuCrit.pem", CTS_LINT_ERROR},
    {"e_eku_critical",
     "aiaCrit.pem", CTS_LINT_PASS},
    {"e_ext_duplicate_extension",
     "IANEmpty.pem", CTS_LINT_ERROR},
    {"e_ext_duplicate_extension",
     "27monthsEv.pem", CTS_LINT_PASS},
    {"e_ext_key_usage_cert_sign_without_ca",
     "aiaCrit.pem", CTS_LINT_ERROR},
    {"e_ext_key_usage_cert_sign_without_ca",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_ext_key_usage_without_bits",
     "ec_no_key_usages.pem", CTS_LINT_ERROR},
    {"e_ext_key_usage_without_bits",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_incorrect_ku_encoding",
     "DNSFQDN.pem", CTS_LINT_ERROR},
    {"e_incorrect_ku_encoding",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_key_usage_and_extended_key_usage_inconsistent",
     "aiaCrit.pem", CTS_LINT_ERROR},
    {"e_key_usage_and_extended_key_usage_inconsistent",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_key_usage_incorrect_length",
     "ec_legacy_digital_signature_key_agreement_content_commitment_decipher_only_ku.pem", CTS_LINT_ERROR},
    {"e_key_usage_incorrect_length",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_path_len_constraint_improperly_included",
     "caMaxPathLenPresentNoCertSign.pem", CTS_LINT_ERROR},
    {"e_path_len_constraint_improperly_included",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_path_len_constraint_zero_or_less",
     "caMaxPathNegative.pem", CTS_LINT_ERROR},
    {"e_path_len_constraint_zero_or_less",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_root_ca_extended_key_usage_present",
     "rootCAWithEKU.pem", CTS_LINT_ERROR},
    {"e_root_ca_extended_key_usage_present",
     "c1r1e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_root_ca_key_usage_must_be_critical",
     "rootCAKeyUsageNotCritical.pem", CTS_LINT_ERROR},
    {"e_root_ca_key_usage_must_be_critical",
     "c1r1e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_root_ca_key_usage_present",
     "certVersion2WithExtension.pem", CTS_LINT_ERROR},
    {"e_root_ca_key_usage_present",
     "c1r1e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"e_rsa_allowed_ku_ca",
     "caWithRSADisallowedKeyUsage.pem", CTS_LINT_ERROR},
    {"e_rsa_allowed_ku_ca",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"e_rsa_allowed_ku_ee",
     "SANReservedIP.pem", CTS_LINT_ERROR},
    {"e_rsa_allowed_ku_ee",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_rsa_allowed_ku_no_encipherment_ca",
     "DNSFQDN.pem", CTS_LINT_ERROR},
    {"e_rsa_allowed_ku_no_encipherment_ca",
     "NameConstraintCA.pem", CTS_LINT_PASS},
    {"e_sub_cert_basic_constraints_not_critical",
     "basicConstraintsNotCriticalSC62.pem", CTS_LINT_ERROR},
    {"e_sub_cert_basic_constraints_not_critical",
     "aiaCrit.pem", CTS_LINT_PASS},
    {"e_sub_cert_eku_check",
     "subExtKeyUsageClientAuth.pem", CTS_LINT_ERROR},
    {"e_sub_cert_eku_check",
     "aiaCrit.pem", CTS_LINT_PASS},
    {"e_sub_cert_eku_missing",
     "27monthsEv.pem", CTS_LINT_ERROR},
    {"e_sub_cert_eku_missing",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_sub_cert_eku_server_auth_client_auth_missing",
     "mpSubCAEKUDisallowed2.pem", CTS_LINT_ERROR},
    {"e_sub_cert_eku_server_auth_client_auth_missing",
     "IANBareSuffix.pem", CTS_LINT_PASS},
    {"e_sub_cert_key_usage_cert_sign_bit_set",
     "aiaCrit.pem", CTS_LINT_ERROR},
    {"e_sub_cert_key_usage_cert_sign_bit_set",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_sub_cert_key_usage_crl_sign_bit_set",
     "caBasicConstMissing.pem", CTS_LINT_ERROR},
    {"e_sub_cert_key_usage_crl_sign_bit_set",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_sub_cert_not_is_ca",
     "SANCaGood.pem", CTS_LINT_ERROR},
    {"e_sub_cert_not_is_ca",
     "IANCritical.pem", CTS_LINT_PASS},
    {"e_superfluous_ku_encoding",
     "ec_no_key_usages.pem", CTS_LINT_ERROR},
    {"e_superfluous_ku_encoding",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"n_ca_digital_signature_not_set",
     "c1r0e0a0s0m0b0.pem", CTS_LINT_INFO},
    {"n_ca_digital_signature_not_set",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"n_ecdsa_ee_invalid_ku",
     "ec_legacy_digital_signature_key_agreement_content_commitment_decipher_only_ku.pem", CTS_LINT_INFO},
    {"n_ecdsa_ee_invalid_ku",
     "codeSigningWithECDSAKey.pem", CTS_LINT_PASS},
    {"n_mp_allowed_eku",
     "c1r0e0a0s0m0b0.pem", CTS_LINT_INFO},
    {"n_mp_allowed_eku",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"n_sub_ca_eku_missing",
     "akidNoKeyIdentifier.pem", CTS_LINT_INFO},
    {"n_sub_ca_eku_missing",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"n_sub_ca_eku_not_technically_constrained",
     "c1r0e1a1s0m0b0.pem", CTS_LINT_INFO},
    {"n_sub_ca_eku_not_technically_constrained",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"w_eku_critical_improperly",
     "ekuAnyCrit.pem", CTS_LINT_WARN},
    {"w_eku_critical_improperly",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"w_ext_key_usage_not_critical",
     "SANReservedIP.pem", CTS_LINT_WARN},
    {"w_ext_key_usage_not_critical",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"w_root_ca_basic_constraints_path_len_constraint_field_present",
     "rootCaMaxPathLenPresent.pem", CTS_LINT_WARN},
    {"w_root_ca_basic_constraints_path_len_constraint_field_present",
     "c1r1e0a0s0m0b0.pem", CTS_LINT_PASS},
    {"w_sub_ca_eku_critical",
     "inhibitAnyCrit.pem", CTS_LINT_WARN},
    {"w_sub_ca_eku_critical",
     "DNSFQDN.pem", CTS_LINT_PASS},
    {"w_sub_cert_eku_extra_values",
     "SANReservedIP.pem", CTS_LINT_WARN},
    {"w_sub_cert_eku_extra_values",
     "IANCritical.pem", CTS_LINT_PASS},
};

static void test_lints_fast_path(void) {
  cts_checker c;
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  for (size_t i = 0; i < sizeof(k_cases) / sizeof(k_cases[0]); i++) {
    cts_lint_status got;
    CU_ASSERT_FATAL(check_file(&c, k_cases[i].file));
    got = result_of(&c, k_cases[i].lint);
    if (got != k_cases[i].status)
      fprintf(stderr, "\n  %s %s: got %s, want %s", k_cases[i].lint,
              k_cases[i].file, cts_lint_status_str(got),
              cts_lint_status_str(k_cases[i].status));
    CU_ASSERT_EQUAL(got, k_cases[i].status);
  }
  cts_checker_free(&c);
}

/* zcrypto's SelfSigned, as the fast path decides it: subject == issuer and
 * the signature verifies with the certificate's own key, the way Go
 * verifies it. */
static void test_facts_self_signed(void) {
  cts_checker c;
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  /* an RSA root */
  CU_ASSERT_FATAL(check_file(&c, "c1r1e0a0s0m0b0.pem"));
  CU_ASSERT(c.fully_parsed);
  CU_ASSERT(c.cert.facts.self_signed && c.cert.facts.is_root);
  /* MD5 signatures verify in zcrypto */
  CU_ASSERT_FATAL(check_file(&c, "certVersion4WithExtension.pem"));
  CU_ASSERT(c.cert.facts.is_root);
  /* DSA-SHA256 with a 160-bit q: Go's dsa.Verify does not truncate the
   * digest, so zcrypto calls this a subordinate CA */
  CU_ASSERT_FATAL(check_file(&c, "dsaCert.pem"));
  CU_ASSERT(!c.cert.facts.self_signed && c.cert.facts.is_sub_ca);
  /* subject != issuer: not self-signed, whatever the signature */
  CU_ASSERT_FATAL(check_file(&c, "IANCritical.pem"));
  CU_ASSERT(!c.cert.facts.subject_is_issuer && !c.cert.facts.self_signed);
  CU_ASSERT(c.cert.facts.is_subscriber);
  cts_checker_free(&c);
}

/* zlint's util.IsServerAuthCert and zcrypto's EKU list. */
static void test_facts_eku_and_purview(void) {
  cts_checker c;
  CU_ASSERT_FATAL(cts_checker_init(&c, 0) == CTS_OK);
  /* serverAuth, Apple iChat encryption and anyEKU are known to zcrypto;
   * id-pkinit-KPKdc is not */
  CU_ASSERT_FATAL(check_file(&c, "ekuAnyNoCrit.pem"));
  CU_ASSERT_EQUAL(c.cert.facts.eku_known, 3);
  CU_ASSERT_EQUAL(c.cert.facts.eku_unknown, 1);
  CU_ASSERT(c.cert.facts.eku & CTS_EKU_OTHER_KNOWN);
  CU_ASSERT(c.cert.facts.is_server_auth);
  /* clientAuth only, but a CA/B Forum policy OID: in the BRs' purview */
  CU_ASSERT_FATAL(check_file(&c, "subExtKeyUsageClientAuth.pem"));
  CU_ASSERT(!(c.cert.facts.eku & (CTS_EKU_SERVER_AUTH | CTS_EKU_ANY)));
  CU_ASSERT(c.cert.facts.policies & (CTS_POLICY_DV | CTS_POLICY_OV |
                                      CTS_POLICY_IV | CTS_POLICY_EV));
  CU_ASSERT(c.cert.facts.is_server_auth);
  /* a negative pathLenConstraint still parses (BasicConstraintsValid) */
  CU_ASSERT_FATAL(check_file(&c, "caMaxPathNegative.pem"));
  CU_ASSERT(c.cert.facts.bc_valid && c.cert.facts.bc_path_len_present);
  CU_ASSERT(c.cert.facts.bc_path_len_raw < 0);
  CU_ASSERT_EQUAL(c.cert.facts.bc_path_len, -1);
  cts_checker_free(&c);
}

static CU_TestInfo tests[] = {
    {"ca lints on the fast path agree with zlint", test_lints_fast_path},
    {"facts: self-signed as zcrypto decides it", test_facts_self_signed},
    {"facts: EKUs zcrypto knows, BR purview", test_facts_eku_and_purview},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("lints_ca", tests)
