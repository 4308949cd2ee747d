/* Lint group "keys": public keys, signature algorithms, serial numbers and
 * the certificate version (see include/ctscan/lint.h for the framework).
 * Every lint here decides from the summary but the two DSA key checks,
 * which are full lints (keys_full.c); the RSA modulus arithmetic is done
 * on fixed-width integers (keys_bignum.c). Semantics follow zlint v3.6.6
 * on zcrypto's parse. */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "keys_bignum.h"
#include "keys_full.h"
#include "keys_util.h"
#include "lints_internal.h"

/* --- applies ------------------------------------------------------------- */

static int spki_is(const cts_lint_cert *c, const char *oid, size_t len) {
  cts_der d = cts_keys_spki_oid(c->sum);
  return cts_keys_oid_is(&d, oid, len);
}
#define SPKI_IS(c, X) spki_is((c), X, sizeof(X) - 1)

/* zcrypto's PublicKeyAlgorithm == RSA: the OID alone. */
static int applies_rsa_oid(const cts_lint_cert *c) {
  return SPKI_IS(c, CTS_OID_RSA_ENCRYPTION);
}

/* c.PublicKey.(*rsa.PublicKey) is ok and PublicKeyAlgorithm == RSA. */
static int applies_rsa_parsed(const cts_lint_cert *c) {
  return applies_rsa_oid(c) && cts_keys_rsa_parsed(c->sum);
}

static int applies_dsa_oid(const cts_lint_cert *c) {
  return SPKI_IS(c, CTS_OID_DSA);
}

static int applies_ec_oid(const cts_lint_cert *c) {
  return SPKI_IS(c, CTS_OID_EC_PUBLIC_KEY);
}

static cts_der rsa_modulus(const cts_lint_cert *c) {
  return cts_summary_der(c->sum, c->sum->rsa_modulus);
}

static cts_der rsa_exponent(const cts_lint_cert *c) {
  return cts_summary_der(c->sum, c->sum->rsa_exponent);
}

/* --- RSA modulus sizes (BRs 6.1.5, Mozilla Root Store Policy 5.1) -------- */

#define NO_RSA_1024_ROOT CTS_DATE(2011, 1, 1)
#define NO_RSA_1024 CTS_DATE(2014, 1, 1)

/* BRs 6.1.5: certificates valid after 31 Dec 2013 need 2048-bit moduli. */
static int applies_rsa_after_2013(const cts_lint_cert *c) {
  return applies_rsa_parsed(c) && cts_keys_cert_not_after(c) >= NO_RSA_1024;
}

static cts_lint_status modulus_at_least(const cts_lint_cert *c, size_t bits) {
  return cts_keys_int_bits(rsa_modulus(c)) < bits ? CTS_LINT_ERROR
                                                  : CTS_LINT_PASS;
}

static cts_lint_status run_rsa_2048(const cts_lint_cert *c) {
  return modulus_at_least(c, 2048);
}

/* Mozilla 5.1: at least 2048 bits; a key zcrypto could not read is fatal. */
static cts_lint_status run_mp_rsa_2048(const cts_lint_cert *c) {
  if (!cts_keys_rsa_parsed(c->sum)) return CTS_LINT_FATAL;
  return modulus_at_least(c, 2048);
}

/* Mozilla 5.1: a modulus size divisible by 8. */
static cts_lint_status run_mp_rsa_div8(const cts_lint_cert *c) {
  if (!cts_keys_rsa_parsed(c->sum)) return CTS_LINT_FATAL;
  return cts_keys_int_bits(rsa_modulus(c)) % 8 != 0 ? CTS_LINT_ERROR
                                                     : CTS_LINT_PASS;
}

/* BRs 6.1.5: roots with a validity beginning before 2011 need 2048 bits. */
static int applies_old_root(const cts_lint_cert *c) {
  return applies_rsa_parsed(c) && c->facts.is_root &&
         cts_keys_cert_not_before(c) < NO_RSA_1024_ROOT;
}

/* BRs 6.1.5: sub-CAs valid from before 2011 to before 2014 need 1024. */
static int applies_old_sub_ca(const cts_lint_cert *c) {
  return cts_keys_rsa_parsed(c->sum) && c->facts.is_sub_ca &&
         cts_keys_cert_not_before(c) < NO_RSA_1024_ROOT &&
         cts_keys_cert_not_after(c) < NO_RSA_1024;
}

/* BRs 6.1.5: subscriber certificates ending before 2014 need 1024. */
static int applies_old_sub_cert(const cts_lint_cert *c) {
  return applies_rsa_parsed(c) && !c->facts.is_ca &&
         cts_keys_cert_not_after(c) < NO_RSA_1024;
}

static cts_lint_status run_rsa_1024(const cts_lint_cert *c) {
  return modulus_at_least(c, 1024);
}

/* --- RSA exponent and modulus shape (BRs 6.1.6, NIST SP 800-89 5.3.3) ---- */

static cts_lint_status run_rsa_exp_odd(const cts_lint_cert *c) {
  cts_der e = rsa_exponent(c);
  return e.len > 0 && (e.data[e.len - 1] & 1) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static cts_lint_status run_rsa_exp_small(const cts_lint_cert *c) {
  return cts_keys_int_cmp_u64(rsa_exponent(c), 3) >= 0 ? CTS_LINT_PASS
                                                       : CTS_LINT_ERROR;
}

/* SHOULD be in [2^16 + 1, 2^256 - 1]. */
static cts_lint_status run_rsa_exp_range(const cts_lint_cert *c) {
  cts_der e = rsa_exponent(c);
  return cts_keys_int_cmp_u64(e, 65537) >= 0 && cts_keys_int_bits(e) <= 256
             ? CTS_LINT_PASS
             : CTS_LINT_WARN;
}

static cts_lint_status run_rsa_mod_odd(const cts_lint_cert *c) {
  cts_der n = rsa_modulus(c);
  return n.data[n.len - 1] & 1 ? CTS_LINT_PASS : CTS_LINT_WARN;
}

/* BRs 6.1.6: the modulus SHOULD have no factors smaller than 752. */
static cts_lint_status run_rsa_small_factors(const cts_lint_cert *c) {
  return cts_keys_has_factor_below_752(rsa_modulus(c)) ? CTS_LINT_WARN
                                                       : CTS_LINT_PASS;
}

/* Community (zlint, from Boulder; fermatattack.secvuln.info): a modulus
 * whose primes are so close that Fermat's method, zlint's 100 rounds from
 * isqrt(n) + 1, factors it. A summary lint: the arithmetic is on the
 * stack (keys_bignum.c, about 18,000 instructions for a 2048-bit modulus,
 * where d2i_X509 alone took over a million), so no RSA certificate is
 * parsed by OpenSSL for it. A modulus wider than CTS_BN_MAX_BITS, which
 * CAs do not issue, takes OpenSSL's BIGNUM on the modulus alone
 * (keys_full.c; it allocates), still without a parse of the certificate. */
static cts_lint_status run_fermat(const cts_lint_cert *c) {
  cts_der n = cts_keys_int_magnitude(rsa_modulus(c));
  int found = cts_keys_fermat(n.data, n.len, CTS_KEYS_FERMAT_ROUNDS, NULL, NULL);
  if (found < 0) found = cts_keys_fermat_wide(n, CTS_KEYS_FERMAT_ROUNDS);
  if (found < 0) return CTS_LINT_FATAL;
  return found ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* Mozilla 5.2: an RSA public exponent of 1 is an invalid key. */
static cts_lint_status run_mp_exp_one(const cts_lint_cert *c) {
  if (!cts_keys_rsa_parsed(c->sum)) return CTS_LINT_FATAL;
  return cts_keys_int_cmp_u64(rsa_exponent(c), 1) == 0 ? CTS_LINT_ERROR
                                                       : CTS_LINT_PASS;
}

/* certlint: the exponent is positive (zcrypto refuses others, so the lint
 * can only pass on a key it read). */
static cts_lint_status run_rsa_exp_negative(const cts_lint_cert *c) {
  cts_der e = rsa_exponent(c);
  return cts_der_integer_is_negative(&e) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* certlint: an rsaEncryption key that cannot be read. */
static cts_lint_status run_rsa_no_key(const cts_lint_cert *c) {
  return cts_keys_rsa_parsed(c->sum) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* --- DSA (BRs v1.7.0 6.1.5, 6.1.6; removed in BRs 1.7.1) ---------------- */

/* BRs v1.7.0 6.1.5: L=2048 with N=224 or 256, or L=3072 with N=256. */
static cts_lint_status run_dsa_sizes(const cts_lint_cert *c) {
  cts_keys_dsa k;
  size_t l, n;
  if (!cts_keys_dsa_parse(c->sum, &k)) return CTS_LINT_NA;
  l = cts_keys_int_bits(k.p);
  n = cts_keys_int_bits(k.q);
  if ((l == 2048 && (n == 224 || n == 256)) || (l == 3072 && n == 256))
    return CTS_LINT_PASS;
  return CTS_LINT_ERROR;
}

/* BRs v1.7.0 6.1.5: at least 2048 bits (zlint tests N against 244). */
static cts_lint_status run_dsa_short(const cts_lint_cert *c) {
  cts_keys_dsa k;
  if (!cts_keys_dsa_parse(c->sum, &k)) return CTS_LINT_NA;
  return cts_keys_int_bits(k.p) >= 2048 && cts_keys_int_bits(k.q) >= 244
             ? CTS_LINT_PASS
             : CTS_LINT_ERROR;
}

/* BRs v1.7.0 6.1.6: all domain parameters present. */
static cts_lint_status run_dsa_params(const cts_lint_cert *c) {
  cts_keys_dsa k;
  if (!cts_keys_dsa_parse(c->sum, &k)) return CTS_LINT_FATAL;
  return CTS_LINT_PASS; /* a key zcrypto reads has p, q, g > 0 */
}

/* BRs 1.7.1 removed DSA; Mozilla 5.1 never allowed it. */
static cts_lint_status run_no_dsa(const cts_lint_cert *c) {
  return applies_dsa_oid(c) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- SubjectPublicKeyInfo algorithm identifiers ------------------------- */

/* BRs 6.1.5: RSA, DSA or ECDSA (zcrypto also knows Ed25519 and X25519). */
static cts_lint_status run_key_type(const cts_lint_cert *c) {
  return applies_rsa_oid(c) || applies_dsa_oid(c) || applies_ec_oid(c) ||
                 SPKI_IS(c, CTS_OID_ED25519) || SPKI_IS(c, CTS_KEYS_OID_X25519)
             ? CTS_LINT_PASS
             : CTS_LINT_ERROR;
}

/* BRs 6.1.5: NIST P-256, P-384 or P-521. */
static cts_lint_status run_ec_curves(const cts_lint_cert *c) {
  cts_der alg = cts_summary_der(c->sum, c->sum->spki_alg), seq, oid, curve;
  if (cts_der_get_element(&alg, &seq, CTS_DER_SEQUENCE) &&
      cts_der_get_oid(&seq, &oid) && cts_der_get_oid(&seq, &curve) &&
      seq.len == 0 &&
      (CTS_KEYS_OID_IS(&curve, CTS_OID_CURVE_P256) ||
       CTS_KEYS_OID_IS(&curve, CTS_OID_CURVE_P384) ||
       CTS_KEYS_OID_IS(&curve, CTS_OID_CURVE_P521)))
    return CTS_LINT_PASS;
  return CTS_LINT_ERROR;
}

/* The encodings BRs 7.1.3.1 and Mozilla 5.1.2 allow, byte for byte. */
static const uint8_t k_aid_rsa[] = {0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                    0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
static const uint8_t k_aid_p256[] = {0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                     0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
                                     0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
static const uint8_t k_aid_p384[] = {0x30, 0x10, 0x06, 0x07, 0x2a, 0x86,
                                     0x48, 0xce, 0x3d, 0x02, 0x01, 0x06,
                                     0x05, 0x2b, 0x81, 0x04, 0x00, 0x22};
static const uint8_t k_aid_p521[] = {0x30, 0x10, 0x06, 0x07, 0x2a, 0x86,
                                     0x48, 0xce, 0x3d, 0x02, 0x01, 0x06,
                                     0x05, 0x2b, 0x81, 0x04, 0x00, 0x23};

static int span_is(const cts_summary *sum, cts_span s, const uint8_t *bytes,
                   size_t len) {
  return s.len == len && memcmp(sum->der + s.off, bytes, len) == 0;
}
#define SPAN_IS(sum, s, arr) span_is((sum), (s), (arr), sizeof(arr))

static int ec_aid_p256_p384(const cts_summary *sum) {
  return SPAN_IS(sum, sum->spki_alg, k_aid_p256) ||
         SPAN_IS(sum, sum->spki_alg, k_aid_p384);
}

/* BRs 7.1.3.1: the SPKI AlgorithmIdentifier is one of four encodings. */
static cts_lint_status run_aid_encoding(const cts_lint_cert *c) {
  const cts_summary *s = c->sum;
  return SPAN_IS(s, s->spki_alg, k_aid_rsa) || ec_aid_p256_p384(s) ||
                 SPAN_IS(s, s->spki_alg, k_aid_p521)
             ? CTS_LINT_PASS
             : CTS_LINT_ERROR;
}

/* Mozilla 5.1.2 (as zlint v3.6.6 reads it): an ECDSA key is P-256 or P-384
 * with the named-curve encoding. */
static cts_lint_status run_mp_ecdsa_key_aid(const cts_lint_cert *c) {
  return ec_aid_p256_p384(c->sum) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* Mozilla 5.1.1: id-RSASSA-PSS is not an SPKI algorithm. */
static cts_lint_status run_mp_pss_in_spki(const cts_lint_cert *c) {
  return SPKI_IS(c, CTS_KEYS_OID_RSA_PSS) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* RFC 4055 1.2 (RFC 3279 2.3.1): rsaEncryption has NULL parameters. */
static cts_lint_status run_spki_rsa_null(const cts_lint_cert *c) {
  return SPAN_IS(c->sum, c->sum->spki_alg, k_aid_rsa) ? CTS_LINT_PASS
                                                      : CTS_LINT_ERROR;
}

/* --- signature algorithms ------------------------------------------------ */

static cts_der tbs_sig_oid(const cts_lint_cert *c) {
  return cts_summary_der(c->sum, c->sum->sig_alg_oid);
}

/* BRs 6.1.5 (SHA-1 kept for history; RSASSA-PSS allowed but warned). */
static cts_lint_status run_sig_alg_supported(const cts_lint_cert *c) {
  switch (cts_keys_signature_algorithm(c->sum)) {
    case CTS_SIG_SHA256_RSA: case CTS_SIG_SHA384_RSA: case CTS_SIG_SHA512_RSA:
    case CTS_SIG_DSA_SHA256: case CTS_SIG_ECDSA_SHA256:
    case CTS_SIG_ECDSA_SHA384: case CTS_SIG_ECDSA_SHA512:
    case CTS_SIG_SHA1_RSA: case CTS_SIG_DSA_SHA1: case CTS_SIG_ECDSA_SHA1:
      return CTS_LINT_PASS;
    case CTS_SIG_SHA256_RSA_PSS: case CTS_SIG_SHA384_RSA_PSS:
    case CTS_SIG_SHA512_RSA_PSS:
      return CTS_LINT_WARN;
    default:
      return CTS_LINT_ERROR;
  }
}

static int is_sha1(cts_keys_sig_alg a) {
  return a == CTS_SIG_SHA1_RSA || a == CTS_SIG_DSA_SHA1 ||
         a == CTS_SIG_ECDSA_SHA1;
}

/* BRs 7.1.3: no SHA-1 signatures after 1 January 2016. */
static cts_lint_status run_sha1(const cts_lint_cert *c) {
  return is_sha1(cts_keys_signature_algorithm(c->sum)) ? CTS_LINT_ERROR
                                                       : CTS_LINT_PASS;
}

static int applies_sha1_subscriber(const cts_lint_cert *c) {
  return !c->facts.is_ca && is_sha1(cts_keys_signature_algorithm(c->sum));
}

/* BRs 7.1.3 (from 1.2.1): SHA-1 subscriber certificates SHOULD NOT expire
 * after 1 January 2017. */
static cts_lint_status run_sha1_expiry(const cts_lint_cert *c) {
  return cts_keys_cert_not_after(c) > CTS_DATE(2017, 1, 1) ? CTS_LINT_WARN
                                                           : CTS_LINT_PASS;
}

/* RFC 4055 5: PKCS #1 v1.5 signature algorithms have NULL parameters. The
 * algorithms zlint checks: rsaEncryption, MD2, MD5, SHA-1, SHA-224,
 * SHA-256, SHA-384, SHA-512 with RSA. */
static int rsa_sig_arc(const cts_lint_cert *c, uint8_t *out_arc) {
  cts_der oid = tbs_sig_oid(c);
  size_t plen = sizeof(CTS_KEYS_OID_PKCS1_PREFIX) - 1;
  uint8_t arc;
  if (oid.len != plen + 1 ||
      memcmp(oid.data, CTS_KEYS_OID_PKCS1_PREFIX, plen) != 0)
    return 0;
  arc = oid.data[plen];
  if (arc != 1 && arc != 2 && arc != 4 && arc != 5 && !(arc >= 11 && arc <= 14))
    return 0;
  *out_arc = arc;
  return 1;
}

static int applies_rsa_sig(const cts_lint_cert *c) {
  uint8_t arc;
  return rsa_sig_arc(c, &arc);
}

static cts_lint_status run_tbs_sig_null(const cts_lint_cert *c) {
  uint8_t expected[15], arc = 0;
  (void)rsa_sig_arc(c, &arc);
  memcpy(expected, k_aid_rsa, sizeof(expected));
  expected[12] = arc;
  return SPAN_IS(c->sum, c->sum->tbs_sig_alg, expected) ? CTS_LINT_PASS
                                                        : CTS_LINT_ERROR;
}

/* RFC 5280 4.1.1.2: signatureAlgorithm equals the TBS signature field. A
 * TBS alone (a precertificate entry) has no outer field to differ. */
static cts_lint_status run_sig_alg_match(const cts_lint_cert *c) {
  const cts_summary *s = c->sum;
  if (s->flags & CTS_SUM_IS_TBS) return CTS_LINT_PASS;
  return s->outer_sig_alg.len == s->tbs_sig_alg.len &&
                 memcmp(s->der + s->outer_sig_alg.off, s->der + s->tbs_sig_alg.off,
                        s->tbs_sig_alg.len) == 0
             ? CTS_LINT_PASS
             : CTS_LINT_ERROR;
}

/* Mozilla 5.1.2: every ECDSA signature algorithm zcrypto names, and
 * ecdsa-with-SHA224, which it does not. */
static int applies_ecdsa_sig(const cts_lint_cert *c) {
  cts_keys_sig_alg a = cts_keys_signature_algorithm(c->sum);
  cts_der oid = tbs_sig_oid(c);
  static const char sha224[] = CTS_KEYS_OID_ECDSA_SHA2_PREFIX "\x01";
  return a == CTS_SIG_ECDSA_SHA1 || a == CTS_SIG_ECDSA_SHA256 ||
         a == CTS_SIG_ECDSA_SHA384 || a == CTS_SIG_ECDSA_SHA512 ||
         cts_keys_oid_is(&oid, sha224, sizeof(sha224) - 1);
}

/* Mozilla 5.1.2: P-256 signs with SHA-256, P-384 with SHA-384, parameters
 * absent. The issuer's curve is unknown here, so, as zlint does, it is
 * guessed from the signature's length: up to 72 octets P-256, up to 104
 * P-384; a longer signature is from a curve the policy does not allow. */
static cts_lint_status run_mp_ecdsa_sig_aid(const cts_lint_cert *c) {
  static const uint8_t base[] = {0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86,
                                 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02};
  uint8_t expected[sizeof(base)];
  uint32_t len = c->sum->signature.len;
  memcpy(expected, base, sizeof(base));
  if (len > 104) return CTS_LINT_ERROR;
  expected[11] = len <= 72 ? 0x02 : 0x03;
  return SPAN_IS(c->sum, c->sum->tbs_sig_alg, expected) ? CTS_LINT_PASS
                                                        : CTS_LINT_ERROR;
}

static int applies_pss_sig(const cts_lint_cert *c) {
  cts_der oid = tbs_sig_oid(c);
  return CTS_KEYS_OID_IS(&oid, CTS_KEYS_OID_RSA_PSS);
}

/* Mozilla 5.1.1: RSASSA-PSS parameters are one of three encodings:
 * SHA-256/384/512, MGF1 with the same hash, salt 32/48/64. */
static cts_lint_status run_mp_pss_params(const cts_lint_cert *c) {
  static const uint8_t base[] = {
      0x30, 0x41, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
      0x0a, 0x30, 0x34, 0xa0, 0x0f, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
      0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0xa1, 0x1c, 0x30, 0x1a,
      0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08, 0x30,
      0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
      0x05, 0x00, 0xa2, 0x03, 0x02, 0x01, 0x20};
  uint8_t expected[sizeof(base)];
  for (uint8_t h = 1; h <= 3; h++) {
    memcpy(expected, base, sizeof(base));
    expected[29] = expected[59] = h;        /* hash arc, twice */
    expected[sizeof(base) - 1] = (uint8_t)(0x10 * (h + 1)); /* 32, 48, 64 */
    if (SPAN_IS(c->sum, c->sum->tbs_sig_alg, expected)) return CTS_LINT_PASS;
  }
  return CTS_LINT_ERROR;
}

/* --- serial number (RFC 5280 4.1.2.2) ------------------------------------ */

static cts_der serial(const cts_lint_cert *c) {
  return cts_summary_der(c->sum, c->sum->serial);
}

/* No longer than 20 octets in DER (zlint re-encodes the value). */
static cts_lint_status run_serial_long(const cts_lint_cert *c) {
  return cts_keys_int_minimal(serial(c)).len > 20 ? CTS_LINT_ERROR
                                                  : CTS_LINT_PASS;
}

/* A positive integer: neither negative nor zero. */
static cts_lint_status run_serial_positive(const cts_lint_cert *c) {
  cts_der s = serial(c);
  return cts_der_integer_is_negative(&s) || cts_keys_int_bits(s) == 0
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* --- version and unique identifiers (RFC 5280 4.1.2.1, 4.1.2.8, 4.1.2.9)  */

/* BRs 7.1.1: X.509 v3 (version value 2). */
static cts_lint_status run_version_3(const cts_lint_cert *c) {
  return c->sum->version == 2 ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* RFC 5280 4.1.2.9: extensions only in v3. */
static cts_lint_status run_ext_version(const cts_lint_cert *c) {
  return c->sum->version != 2 && c->sum->n_exts > 0 ? CTS_LINT_ERROR
                                                    : CTS_LINT_PASS;
}

static int has_unique_id(const cts_lint_cert *c) {
  return (c->sum->flags & (CTS_SUM_HAS_ISSUER_UID | CTS_SUM_HAS_SUBJECT_UID)) != 0;
}

/* RFC 5280 4.1.2.8: unique identifiers only in v2 or v3. */
static cts_lint_status run_uid_version(const cts_lint_cert *c) {
  return has_unique_id(c) && c->sum->version != 1 && c->sum->version != 2
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* RFC 5280 4.1.2.8: conforming CAs MUST NOT generate unique identifiers. */
static cts_lint_status run_uid_present(const cts_lint_cert *c) {
  return has_unique_id(c) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- the table ----------------------------------------------------------- */

#define BR_1_7_1 CTS_DATE(2020, 8, 20)
#define CAB_EFFECTIVE CTS_DATE(2012, 7, 1)
#define CAB_V113 CTS_DATE(2013, 2, 21)
#define MOZILLA_24 CTS_DATE(2017, 2, 28)
#define MOZILLA_241 CTS_DATE(2017, 3, 31)
#define MOZILLA_27 CTS_DATE(2020, 1, 1)
#define RFC2459 CTS_DATE(1999, 1, 1)
#define RFC3280 CTS_DATE(2002, 4, 1)
#define RFC5280 CTS_DATE(2008, 5, 1)

#define MOZ_51 "Mozilla Root Store Policy / Section 5.1"

static const cts_lint table[] = {
    {"e_rsa_mod_less_than_2048_bits",
     "For certificates valid after 31 Dec 2013, all certificates using RSA "
     "public key algorithm MUST have 2048 bits of modulus",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_rsa_after_2013, run_rsa_2048,
     NULL},
    {"e_mp_modulus_must_be_2048_bits_or_more",
     "RSA keys must have modulus size of at least 2048 bits", MOZ_51,
     CTS_SRC_MOZILLA, MOZILLA_24, 0, applies_rsa_oid, run_mp_rsa_2048, NULL},
    {"e_mp_modulus_must_be_divisible_by_8",
     "RSA keys must have a modulus size divisible by 8", MOZ_51,
     CTS_SRC_MOZILLA, MOZILLA_24, 0, applies_rsa_oid, run_mp_rsa_div8, NULL},
    {"e_mp_exponent_cannot_be_one",
     "CAs MUST NOT issue certificates that have invalid public keys (e.g., "
     "RSA certificates with public exponent equal to 1)",
     "Mozilla Root Store Policy / Section 5.2", CTS_SRC_MOZILLA, MOZILLA_24, 0,
     applies_rsa_oid, run_mp_exp_one, NULL},
    {"e_old_root_ca_rsa_mod_less_than_2048_bits",
     "In a validity period beginning on or before 31 Dec 2010, root CA "
     "certificates using RSA public key algorithm MUST use a 2048 bit modulus",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_old_root, run_rsa_2048, NULL},
    {"e_old_sub_ca_rsa_mod_less_than_1024_bits",
     "In a validity period beginning on or before 31 Dec 2010 and ending on "
     "or before 31 Dec 2013, subordinate CA certificates using RSA public key "
     "algorithm MUST use a 1024 bit modulus",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_old_sub_ca, run_rsa_1024,
     NULL},
    {"e_old_sub_cert_rsa_mod_less_than_1024_bits",
     "In a validity period ending on or before 31 Dec 2013, subscriber "
     "certificates using RSA public key algorithm MUST use a 1024 bit modulus",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_old_sub_cert, run_rsa_1024,
     NULL},
    {"e_rsa_public_exponent_not_odd",
     "RSA: Value of public exponent is an odd number equal to 3 or more.",
     "BRs: 6.1.6", CTS_SRC_CABF_BR, CAB_V113, 0, applies_rsa_parsed,
     run_rsa_exp_odd, NULL},
    {"e_rsa_public_exponent_too_small",
     "RSA: Value of public exponent is an odd number equal to 3 or more.",
     "BRs: 6.1.6", CTS_SRC_CABF_BR, CAB_V113, 0, applies_rsa_parsed,
     run_rsa_exp_small, NULL},
    {"w_rsa_public_exponent_not_in_range",
     "RSA: Public exponent SHOULD be in the range between 2^16 + 1 and 2^256 "
     "- 1",
     "BRs: 6.1.6", CTS_SRC_CABF_BR, CAB_V113, 0, applies_rsa_parsed,
     run_rsa_exp_range, NULL},
    {"w_rsa_mod_not_odd",
     "RSA: Modulus SHOULD also have the following characteristics: an odd "
     "number",
     "BRs: 6.1.6", CTS_SRC_CABF_BR, CAB_V113, 0, applies_rsa_parsed,
     run_rsa_mod_odd, NULL},
    {"w_rsa_mod_factors_smaller_than_752",
     "RSA: Modulus SHOULD also have the following characteristics: no factors "
     "smaller than 752",
     "BRs: 6.1.6", CTS_SRC_CABF_BR, CAB_V113, 0, applies_rsa_parsed,
     run_rsa_small_factors, NULL},
    {"e_rsa_exp_negative", "RSA public key exponent MUST be positive",
     "awslabs certlint", CTS_SRC_COMMUNITY, 0, 0, applies_rsa_parsed,
     run_rsa_exp_negative, NULL},
    {"e_rsa_no_public_key", "The RSA public key should be present",
     "awslabs certlint", CTS_SRC_COMMUNITY, 0, 0, applies_rsa_oid,
     run_rsa_no_key, NULL},
    {"e_dsa_improper_modulus_or_divisor_size",
     "Certificates MUST meet the following requirements for DSA algorithm "
     "type and key size: L=2048 and N=224,256 or L=3072 and N=256",
     "BRs v1.7.0: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_dsa_oid, run_dsa_sizes,
     NULL},
    {"e_dsa_shorter_than_2048_bits",
     "DSA modulus size must be at least 2048 bits", "BRs v1.7.0: 6.1.5",
     CTS_SRC_CABF_BR, 0, BR_1_7_1, applies_dsa_oid, run_dsa_short, NULL},
    {"e_dsa_params_missing",
     "DSA: Certificates MUST include all domain parameters",
     "BRs v1.7.0: 6.1.6", CTS_SRC_CABF_BR, CAB_EFFECTIVE, BR_1_7_1,
     applies_dsa_oid, run_dsa_params, NULL},
    {"e_dsa_correct_order_in_subgroup",
     "DSA: Public key value has the unique correct representation in the "
     "field, and that the key has the correct order in the subgroup",
     "BRs v1.7.0: 6.1.6", CTS_SRC_CABF_BR, CAB_EFFECTIVE, BR_1_7_1,
     cts_keys_applies_dsa_key, cts_keys_run_dsa_order, cts_keys_gate_dsa},
    {"e_dsa_unique_correct_representation",
     "DSA: Public key value has the unique correct representation in the "
     "field, and that the key has the correct order in the subgroup",
     "BRs v1.7.0: 6.1.6", CTS_SRC_CABF_BR, CAB_EFFECTIVE, BR_1_7_1,
     cts_keys_applies_dsa_key, cts_keys_run_dsa_range, cts_keys_gate_dsa},
    {"e_rsa_fermat_factorization",
     "RSA key pairs that are too close to each other are susceptible to the "
     "Fermat Factorization Method (for more information please see "
     "https://en.wikipedia.org/wiki/Fermat%27s_factorization_method and "
     "https://fermatattack.secvuln.info/)",
     "Pierre de Fermat", CTS_SRC_COMMUNITY, 0, 0, applies_rsa_parsed,
     run_fermat, NULL},
    {"e_br_prohibit_dsa_usage",
     "DSA was removed from the Baseline Requirements as a valid signature "
     "algorithm in 1.7.1.",
     "BRs: v1.7.1", CTS_SRC_CABF_BR, BR_1_7_1, 0, NULL, run_no_dsa, NULL},
    {"e_prohibit_dsa_usage",
     "DSA is not an explicitly allowed signature algorithm, therefore it is "
     "forbidden.",
     MOZ_51, CTS_SRC_MOZILLA, MOZILLA_241, 0, NULL, run_no_dsa, NULL},
    {"e_public_key_type_not_allowed",
     "Certificates MUST have RSA, DSA, or ECDSA public key type", "BRs: 6.1.5",
     CTS_SRC_CABF_BR, CAB_EFFECTIVE, 0, NULL, run_key_type, NULL},
    {"e_ec_improper_curves", "Only one of NIST P\xe2\x80\x90" "256, "
     "P\xe2\x80\x90" "384, or P\xe2\x80\x90" "521 can be used",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, applies_ec_oid, run_ec_curves, NULL},
    {"e_algorithm_identifier_improper_encoding",
     "Encoded AlgorithmObjectIdentifier objects inside a SubjectPublicKeyInfo "
     "field MUST comply with specified byte sequences.",
     "BRs: 7.1.3.1", CTS_SRC_CABF_BR, BR_1_7_1, 0, NULL, run_aid_encoding, NULL},
    {"e_mp_ecdsa_pub_key_encoding_correct",
     "The encoded algorithm identifiers for ECDSA public keys MUST match "
     "specific bytes",
     "Mozilla Root Store Policy / Section 5.1.2", CTS_SRC_MOZILLA, MOZILLA_27, 0,
     applies_ec_oid, run_mp_ecdsa_key_aid, NULL},
    {"e_mp_rsassa-pss_in_spki",
     "CAs MUST NOT use the id-RSASSA-PSS OID (1.2.840.113549.1.1.10) within a "
     "SubjectPublicKeyInfo to represent a RSA key.",
     "Mozilla Root Store Policy / Section 5.1.1", CTS_SRC_MOZILLA, MOZILLA_27, 0,
     NULL, run_mp_pss_in_spki, NULL},
    {"e_spki_rsa_encryption_parameter_not_null",
     "RSA: Encoded public key algorithm identifier MUST have NULL parameters",
     "RFC 4055, Section 1.2", CTS_SRC_RFC5280, RFC5280, 0, applies_rsa_oid,
     run_spki_rsa_null, NULL},
    {"e_signature_algorithm_not_supported",
     "Certificates MUST meet the following requirements for algorithm Source: "
     "SHA-1*, SHA-256, SHA-384, SHA-512",
     "BRs: 6.1.5", CTS_SRC_CABF_BR, 0, 0, NULL, run_sig_alg_supported, NULL},
    {"e_sub_cert_or_sub_ca_using_sha1",
     "CAs MUST NOT issue any new Subscriber certificates or Subordinate CA "
     "certificates using SHA-1 after 1 January 2016",
     "BRs: 7.1.3", CTS_SRC_CABF_BR, CTS_DATE(2016, 1, 1), 0, NULL, run_sha1,
     NULL},
    {"w_sub_cert_sha1_expiration_too_long",
     "Subscriber certificates using the SHA-1 algorithm SHOULD NOT have an "
     "expiration date later than 1 Jan 2017",
     "BRs: 7.1.3", CTS_SRC_CABF_BR, CTS_DATE(2015, 1, 16), 0,
     applies_sha1_subscriber, run_sha1_expiry, NULL},
    {"e_tbs_signature_rsa_encryption_parameter_not_null",
     "RSA: Encoded signature algorithm identifier MUST have NULL parameters",
     "RFC 4055, Section 5", CTS_SRC_RFC5280, RFC5280, 0, applies_rsa_sig,
     run_tbs_sig_null, NULL},
    {"e_cert_sig_alg_not_match_tbs_sig_alg",
     "Certificate signature field must match TBSCertificate signature field",
     "RFC 5280, Section 4.1.1.2", CTS_SRC_RFC5280, RFC5280, 0, NULL,
     run_sig_alg_match, NULL},
    {"e_mp_ecdsa_signature_encoding_correct",
     "The encoded algorithm identifiers for ECDSA signatures MUST match "
     "specific hex-encoded bytes",
     "Mozilla Root Store Policy / Section 5.1.2", CTS_SRC_MOZILLA, MOZILLA_27, 0,
     applies_ecdsa_sig, run_mp_ecdsa_sig_aid, NULL},
    {"e_mp_rsassa-pss_parameters_encoding_in_signature_algorithm_correct",
     "The encoded AlgorithmIdentifier for RSASSA-PSS in the signature "
     "algorithm MUST match specific bytes",
     "Mozilla Root Store Policy / Section 5.1.1", CTS_SRC_MOZILLA, MOZILLA_27, 0,
     applies_pss_sig, run_mp_pss_params, NULL},
    {"e_serial_number_longer_than_20_octets",
     "Certificates must not have a DER encoded serial number longer than 20 "
     "octets",
     "RFC 5280: 4.1.2.2", CTS_SRC_RFC5280, RFC3280, 0, NULL, run_serial_long,
     NULL},
    {"e_serial_number_not_positive",
     "Certificates must have a positive serial number", "RFC 5280: 4.1.2.2",
     CTS_SRC_RFC5280, RFC3280, 0, NULL, run_serial_positive, NULL},
    {"e_invalid_certificate_version", "Certificates MUST be of type X.590 v3",
     "BRs: 7.1.1", CTS_SRC_CABF_BR, CTS_DATE(2015, 4, 16), 0, NULL,
     run_version_3, NULL},
    {"e_cert_extensions_version_not_3",
     "The extensions field MUST only appear in version 3 certificates",
     "RFC 5280: 4.1.2.9", CTS_SRC_RFC5280, RFC2459, 0, NULL, run_ext_version,
     NULL},
    {"e_cert_unique_identifier_version_not_2_or_3",
     "Unique identifiers MUST only appear if the X.509 version is 2 or 3",
     "RFC 5280: 4.1.2.8", CTS_SRC_RFC5280, RFC5280, 0, NULL, run_uid_version,
     NULL},
    {"e_cert_contains_unique_identifier",
     "CAs MUST NOT generate certificate with unique identifiers",
     "RFC 5280: 4.1.2.8", CTS_SRC_RFC5280, RFC5280, 0, NULL, run_uid_present,
     NULL},
};

CTS_GROUP(keys, table);
