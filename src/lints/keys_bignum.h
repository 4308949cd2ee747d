/* Fixed-width unsigned big integers for the summary lints of the "keys"
 * group that need arithmetic on an RSA modulus (e_rsa_fermat_factorization),
 * so that such a certificate is not handed to OpenSSL (design.md "Lints":
 * d2i_X509 costs about 90 us and must stay rare).
 *
 * A cts_bn is a value on the stack: 64-bit limbs, least significant first,
 * room for CTS_BN_LIMBS limbs: moduli up to CTS_BN_MAX_BITS bits and the
 * products Fermat's method forms from them ((isqrt(n) + 1)^2 is one bit
 * wider than n). Nothing here allocates. An operation whose result would
 * not fit returns 0 and leaves its output unspecified.
 *
 * Only what Fermat's method needs: load, compare, add, subtract, multiply,
 * shift, divide (for Newton's square root), integer square root and a
 * perfect-square test that rejects most non-squares by their residues. */
#ifndef CTSCAN_LINTS_KEYS_BIGNUM_H
#define CTSCAN_LINTS_KEYS_BIGNUM_H

#include <stddef.h>
#include <stdint.h>

#define CTS_BN_MAX_BITS 8192
/* Two limbs of headroom: (isqrt(n) + 1 + 100)^2 for an 8192-bit n. Even, so
 * that a square which does not fit is larger than any value that does. */
#define CTS_BN_LIMBS (CTS_BN_MAX_BITS / 64 + 2)

typedef struct cts_bn {
  size_t n;                 /* limbs in use: v[n - 1] != 0; 0 for zero */
  uint64_t v[CTS_BN_LIMBS]; /* least significant limb first */
} cts_bn;

/* Loads a big-endian magnitude (leading zero octets allowed). 0 when the
 * value has more than CTS_BN_MAX_BITS bits. */
int cts_bn_from_bytes(cts_bn *out, const uint8_t *be, size_t len);
/* Writes the minimal big-endian magnitude (no octet for zero) into out of
 * cap octets; returns its length, or 0 when it does not fit. */
size_t cts_bn_to_bytes(const cts_bn *a, uint8_t *out, size_t cap);
void cts_bn_set_u64(cts_bn *out, uint64_t v);
size_t cts_bn_bits(const cts_bn *a);
/* -1, 0, 1 as a <, ==, > b. */
int cts_bn_cmp(const cts_bn *a, const cts_bn *b);

/* Outputs may alias inputs in every operation below. */
int cts_bn_add(cts_bn *out, const cts_bn *a, const cts_bn *b);
int cts_bn_add_u64(cts_bn *out, const cts_bn *a, uint64_t b);
/* a - b; 0 when a < b. */
int cts_bn_sub(cts_bn *out, const cts_bn *a, const cts_bn *b);
int cts_bn_sub_u64(cts_bn *out, const cts_bn *a, uint64_t b);
int cts_bn_mul(cts_bn *out, const cts_bn *a, const cts_bn *b);
int cts_bn_mul_u64(cts_bn *out, const cts_bn *a, uint64_t b);
int cts_bn_sqr(cts_bn *out, const cts_bn *a);
int cts_bn_shl(cts_bn *out, const cts_bn *a, size_t bits);
void cts_bn_shr(cts_bn *out, const cts_bn *a, size_t bits);
/* q = floor(a / b), r = a mod b; either may be NULL. 0 when b is zero. */
int cts_bn_divmod(cts_bn *q, cts_bn *r, const cts_bn *a, const cts_bn *b);
/* a mod m for m > 0. */
uint64_t cts_bn_mod_u64(const cts_bn *a, uint64_t m);

/* floor(sqrt(a)), exact, for every a. */
void cts_bn_isqrt(cts_bn *out, const cts_bn *a);
/* s = floor(sqrt(a)) and r = a - s^2 (0 <= r <= 2s); either may be NULL. */
void cts_bn_sqrtrem(cts_bn *out_s, cts_bn *out_r, const cts_bn *a);
/* 1 when a is the square of an integer (0 and 1 are). */
int cts_bn_is_square(const cts_bn *a);

/* Fermat's factorization method exactly as zlint v3.6.6 runs it for
 * e_rsa_fermat_factorization (checkPrimeFactorsTooClose, from Boulder):
 * a = isqrt(n) + 1 and for `rounds` rounds, a, a + 1, ...: n factors when
 * a^2 - n is a perfect square b^2, as (a + b)(a - b). zlint's default is
 * CTS_KEYS_FERMAT_ROUNDS. n is a big-endian magnitude, n > 0.
 * Returns 1 with the factors in *out_p >= *out_q (either may be NULL),
 * 0 when no round finds them, -1 when n is wider than CTS_BN_MAX_BITS. */
#define CTS_KEYS_FERMAT_ROUNDS 100
int cts_keys_fermat(const uint8_t *n_be, size_t len, unsigned rounds,
                    cts_bn *out_p, cts_bn *out_q);

#endif
