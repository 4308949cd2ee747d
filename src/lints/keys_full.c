/* The "keys" group's use of OpenSSL BIGNUM: the DSA full lints, and
 * Fermat's method for RSA moduli wider than keys_bignum.h holds. The rows
 * are in keys.c's table; see keys_full.h. */
#include <math.h>

#include <openssl/bn.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "keys_util.h"
#include "keys_full.h"

static BIGNUM *bn_of(cts_der i) {
  cts_der m = cts_keys_int_magnitude(i);
  return BN_bin2bn(m.data, (int)m.len, NULL);
}

/* --- DSA (BRs v1.7.0 6.1.6, NIST SP 800-89 5.3.1) ----------------------- */

int cts_keys_applies_dsa_key(const cts_lint_cert *c) {
  cts_der oid = cts_keys_spki_oid(c->sum);
  cts_keys_dsa k;
  return CTS_KEYS_OID_IS(&oid, CTS_OID_DSA) && cts_keys_dsa_parse(c->sum, &k);
}

/* DSA keys are rare: every certificate with one is parsed. */
int cts_keys_gate_dsa(const cts_lint_cert *c) {
  cts_der oid = cts_keys_spki_oid(c->sum);
  return CTS_KEYS_OID_IS(&oid, CTS_OID_DSA);
}

/* The public key y has order q in the group: y^q mod p == 1. */
cts_lint_status cts_keys_run_dsa_order(const cts_lint_cert *c) {
  cts_keys_dsa k;
  cts_lint_status st = CTS_LINT_FATAL;
  BIGNUM *p, *q, *y, *r = BN_new();
  BN_CTX *ctx = BN_CTX_new();
  (void)cts_keys_dsa_parse(c->sum, &k);
  p = bn_of(k.p), q = bn_of(k.q), y = bn_of(k.y);
  if (p != NULL && q != NULL && y != NULL && r != NULL && ctx != NULL &&
      BN_mod_exp(r, y, q, p, ctx))
    st = BN_is_one(r) ? CTS_LINT_PASS : CTS_LINT_ERROR;
  BN_free(p), BN_free(q), BN_free(y), BN_free(r);
  BN_CTX_free(ctx);
  return st;
}

/* The public key's unique representation: 2 <= y <= p - 2. */
cts_lint_status cts_keys_run_dsa_range(const cts_lint_cert *c) {
  cts_keys_dsa k;
  cts_lint_status st = CTS_LINT_FATAL;
  BIGNUM *p, *y;
  (void)cts_keys_dsa_parse(c->sum, &k);
  p = bn_of(k.p), y = bn_of(k.y);
  if (p != NULL && y != NULL && BN_sub_word(p, 2))
    st = BN_cmp(y, p) > 0 || cts_keys_int_cmp_u64(k.y, 2) < 0 ? CTS_LINT_ERROR
                                                             : CTS_LINT_PASS;
  BN_free(p), BN_free(y);
  return st;
}

/* --- RSA Fermat factorization beyond the fixed width ------------------- */

/* floor(sqrt(n)) by Newton's iteration from above, starting from a guess
 * taken from n's leading bits (so a handful of divisions suffice). */
static int bn_isqrt(BIGNUM *out, const BIGNUM *n, BN_CTX *ctx) {
  BIGNUM *x = BN_new(), *y = BN_new();
  int bits = BN_num_bits(n), ok = x != NULL && y != NULL;
  if (ok && bits <= 2) {
    ok = BN_set_word(out, BN_is_zero(n) ? 0 : 1);
    goto done;
  }
  /* x0 = (ceil(sqrt(top)) + 1) << sh/2 with top = n >> sh below 2^52
   * (exact in a double): x0 >= sqrt(n), and close to it. */
  {
    int sh = bits > 52 ? bits - 52 : 0;
    sh += sh & 1;
    ok = ok && BN_rshift(x, n, sh);
    if (ok) {
      double top = (double)BN_get_word(x);
      ok = BN_set_word(x, (BN_ULONG)ceil(sqrt(top)) + 1) &&
           BN_lshift(x, x, sh / 2);
    }
  }
  while (ok) {
    /* y = (x + n / x) / 2 */
    ok = BN_div(y, NULL, n, x, ctx) && BN_add(y, y, x) && BN_rshift1(y, y);
    if (!ok || BN_cmp(y, x) >= 0) break;
    ok = BN_copy(x, y) != NULL;
  }
  ok = ok && BN_copy(out, x) != NULL;
done:
  BN_free(x), BN_free(y);
  return ok;
}

/* Squares take few residues modulo 64, 63, 65, 11 and the primes 17 to 37:
 * nearly every non-square is recognized without a square root. The
 * residues of b2 and a are carried along the rounds. */
static const uint8_t k_qr_mods[] = {64, 63, 65, 11, 17, 19, 23, 29, 31, 37};
#define N_QR (sizeof(k_qr_mods) / sizeof(k_qr_mods[0]))

static int is_qr(unsigned r, unsigned m) {
  for (unsigned x = 0; x < m; x++)
    if ((x * x) % m == r) return 1;
  return 0;
}

/* zlint's rounds (see keys_bignum.h) on OpenSSL BIGNUMs. */
int cts_keys_fermat_wide(cts_der modulus, unsigned rounds) {
  int found = -1;
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *n = bn_of(modulus);
  BIGNUM *a = BN_new(), *b2 = BN_new(), *bb = BN_new();
  unsigned ra[N_QR], rb[N_QR];
  int ok = ctx != NULL && n != NULL && a != NULL && b2 != NULL && bb != NULL &&
           bn_isqrt(a, n, ctx) && BN_add_word(a, 1) && BN_sqr(b2, a, ctx) &&
           BN_sub(b2, b2, n);
  for (size_t k = 0; ok && k < N_QR; k++) {
    ra[k] = (unsigned)BN_mod_word(a, k_qr_mods[k]);
    rb[k] = (unsigned)BN_mod_word(b2, k_qr_mods[k]);
  }
  for (unsigned i = 0; ok && i < rounds; i++) {
    int maybe = 1;
    for (size_t k = 0; k < N_QR && maybe; k++) maybe = is_qr(rb[k], k_qr_mods[k]);
    if (maybe) {
      ok = bn_isqrt(bb, b2, ctx) && BN_sqr(bb, bb, ctx);
      if (ok && BN_cmp(bb, b2) == 0) {
        found = 1;
        goto done;
      }
    }
    /* b2 += 2a + 1; a += 1 */
    ok = ok && BN_add(b2, b2, a) && BN_add(b2, b2, a) && BN_add_word(b2, 1) &&
         BN_add_word(a, 1);
    for (size_t k = 0; k < N_QR; k++) {
      rb[k] = (rb[k] + 2 * ra[k] + 1) % k_qr_mods[k];
      ra[k] = (ra[k] + 1) % k_qr_mods[k];
    }
  }
  if (ok) found = 0;
done:
  BN_free(n), BN_free(a), BN_free(b2), BN_free(bb);
  BN_CTX_free(ctx);
  return found;
}
