/* Fixed-width unsigned big integers (see keys_bignum.h) and Fermat's
 * factorization method on them.
 *
 * Schoolbook arithmetic on 64-bit limbs with 128-bit intermediate products
 * (a GCC/Clang extension on every 64-bit target the project builds for);
 * division is Knuth's Algorithm D; the square root is Newton's iteration,
 * run at doubling precision so that each step needs one division and no
 * step is wasted on digits the next one recomputes. */
#include "keys_bignum.h"

#include <math.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

_Static_assert(CTS_BN_LIMBS % 2 == 0, "an overflowing square must exceed every cts_bn");

static void trim(cts_bn *a) {
  while (a->n > 0 && a->v[a->n - 1] == 0) a->n--;
}

static unsigned clz64(uint64_t x) { return (unsigned)__builtin_clzll(x); }

/* --- conversion and comparison ------------------------------------------- */

int cts_bn_from_bytes(cts_bn *out, const uint8_t *be, size_t len) {
  while (len > 0 && be[0] == 0) {
    be++;
    len--;
  }
  if (len > CTS_BN_MAX_BITS / 8) return 0;
  out->n = (len + 7) / 8;
  for (size_t i = 0; i < out->n; i++) {
    size_t end = len - 8 * i, start = end >= 8 ? end - 8 : 0;
    uint64_t w = 0;
    for (size_t j = start; j < end; j++) w = (w << 8) | be[j];
    out->v[i] = w;
  }
  return 1; /* be[0] != 0: the top limb is not zero */
}

size_t cts_bn_to_bytes(const cts_bn *a, uint8_t *out, size_t cap) {
  size_t len = (cts_bn_bits(a) + 7) / 8;
  if (len > cap) return 0;
  for (size_t i = 0; i < len; i++)
    out[len - 1 - i] = (uint8_t)(a->v[i / 8] >> (8 * (i % 8)));
  return len;
}

void cts_bn_set_u64(cts_bn *out, uint64_t v) {
  out->v[0] = v;
  out->n = v != 0;
}

size_t cts_bn_bits(const cts_bn *a) {
  return a->n == 0 ? 0 : 64 * a->n - clz64(a->v[a->n - 1]);
}

int cts_bn_cmp(const cts_bn *a, const cts_bn *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (size_t i = a->n; i-- > 0;)
    if (a->v[i] != b->v[i]) return a->v[i] < b->v[i] ? -1 : 1;
  return 0;
}

/* --- addition and subtraction -------------------------------------------- */

int cts_bn_add(cts_bn *out, const cts_bn *a, const cts_bn *b) {
  size_t i, n;
  uint64_t carry = 0;
  if (a->n < b->n) {
    const cts_bn *t = a;
    a = b;
    b = t;
  }
  n = a->n;
  for (i = 0; i < b->n; i++) {
    uint64_t s = a->v[i] + carry;
    carry = s < carry;
    s += b->v[i];
    carry += s < b->v[i];
    out->v[i] = s;
  }
  for (; i < n; i++) {
    uint64_t s = a->v[i] + carry;
    carry = s < carry;
    out->v[i] = s;
  }
  if (carry) {
    if (n == CTS_BN_LIMBS) return 0;
    out->v[n++] = 1;
  }
  out->n = n;
  return 1;
}

int cts_bn_add_u64(cts_bn *out, const cts_bn *a, uint64_t b) {
  cts_bn t;
  cts_bn_set_u64(&t, b);
  return cts_bn_add(out, a, &t);
}

int cts_bn_sub(cts_bn *out, const cts_bn *a, const cts_bn *b) {
  size_t i;
  uint64_t borrow = 0;
  if (cts_bn_cmp(a, b) < 0) return 0;
  for (i = 0; i < b->n; i++) {
    uint64_t x = a->v[i], y = b->v[i];
    uint64_t d = x - y - borrow;
    borrow = x < y || (x == y && borrow);
    out->v[i] = d;
  }
  for (; i < a->n; i++) {
    uint64_t x = a->v[i];
    out->v[i] = x - borrow;
    borrow = x < borrow;
  }
  out->n = a->n;
  trim(out);
  return 1;
}

int cts_bn_sub_u64(cts_bn *out, const cts_bn *a, uint64_t b) {
  cts_bn t;
  cts_bn_set_u64(&t, b);
  return cts_bn_sub(out, a, &t);
}

/* --- multiplication ------------------------------------------------------ */

/* Copies a product of n limbs (before trimming) into out when it fits. */
static int store(cts_bn *out, const uint64_t *t, size_t n) {
  while (n > 0 && t[n - 1] == 0) n--;
  if (n > CTS_BN_LIMBS) return 0;
  memcpy(out->v, t, n * sizeof(t[0]));
  out->n = n;
  return 1;
}

int cts_bn_mul(cts_bn *out, const cts_bn *a, const cts_bn *b) {
  uint64_t t[2 * CTS_BN_LIMBS];
  size_t n = a->n + b->n;
  if (a->n == 0 || b->n == 0) {
    out->n = 0;
    return 1;
  }
  memset(t, 0, n * sizeof(t[0]));
  for (size_t i = 0; i < a->n; i++) {
    uint64_t carry = 0, x = a->v[i];
    for (size_t j = 0; j < b->n; j++) {
      u128 p = (u128)x * b->v[j] + t[i + j] + carry;
      t[i + j] = (uint64_t)p;
      carry = (uint64_t)(p >> 64);
    }
    t[i + b->n] = carry;
  }
  return store(out, t, n);
}

int cts_bn_mul_u64(cts_bn *out, const cts_bn *a, uint64_t b) {
  cts_bn t;
  cts_bn_set_u64(&t, b);
  return cts_bn_mul(out, a, &t);
}

/* Each cross product a_i a_j (i < j) once, doubled by a shift, then the
 * diagonal a_i^2: about half the multiplications of cts_bn_mul. */
int cts_bn_sqr(cts_bn *out, const cts_bn *a) {
  uint64_t t[2 * CTS_BN_LIMBS], carry = 0;
  size_t n = a->n;
  if (n == 0) {
    out->n = 0;
    return 1;
  }
  memset(t, 0, 2 * n * sizeof(t[0]));
  for (size_t i = 0; i < n; i++) {
    uint64_t c = 0, x = a->v[i];
    for (size_t j = i + 1; j < n; j++) {
      u128 p = (u128)x * a->v[j] + t[i + j] + c;
      t[i + j] = (uint64_t)p;
      c = (uint64_t)(p >> 64);
    }
    t[i + n] = c;
  }
  for (size_t i = 0; i < 2 * n; i++) {
    uint64_t x = t[i];
    t[i] = (x << 1) | carry;
    carry = x >> 63;
  }
  carry = 0;
  for (size_t i = 0; i < n; i++) {
    u128 p = (u128)a->v[i] * a->v[i];
    u128 s = (u128)t[2 * i] + (uint64_t)p + carry;
    t[2 * i] = (uint64_t)s;
    s = (u128)t[2 * i + 1] + (uint64_t)(p >> 64) + (uint64_t)(s >> 64);
    t[2 * i + 1] = (uint64_t)s;
    carry = (uint64_t)(s >> 64); /* zero after the last limb: a^2 < 2^(128 n) */
  }
  return store(out, t, 2 * n);
}

/* --- shifts -------------------------------------------------------------- */

int cts_bn_shl(cts_bn *out, const cts_bn *a, size_t bits) {
  size_t w = bits / 64, b = bits % 64, total = cts_bn_bits(a), n;
  if (total == 0) {
    out->n = 0;
    return 1;
  }
  if (bits > 64 * CTS_BN_LIMBS || total > 64 * CTS_BN_LIMBS - bits) return 0;
  n = (total + bits + 63) / 64;
  /* From the top down, so that out may be a. */
  for (size_t i = n; i-- > 0;) {
    uint64_t hi = i >= w && i - w < a->n ? a->v[i - w] : 0;
    uint64_t lo = b != 0 && i >= w + 1 && i - w - 1 < a->n ? a->v[i - w - 1] : 0;
    out->v[i] = b != 0 ? (hi << b) | (lo >> (64 - b)) : hi;
  }
  out->n = n;
  return 1;
}

void cts_bn_shr(cts_bn *out, const cts_bn *a, size_t bits) {
  size_t w = bits / 64, b = bits % 64, n;
  if (w >= a->n) {
    out->n = 0;
    return;
  }
  n = a->n - w;
  /* From the bottom up, so that out may be a. */
  for (size_t i = 0; i < n; i++) {
    uint64_t lo = a->v[i + w], hi = i + w + 1 < a->n ? a->v[i + w + 1] : 0;
    out->v[i] = b != 0 ? (lo >> b) | (hi << (64 - b)) : lo;
  }
  out->n = n;
  trim(out);
}

/* --- division ------------------------------------------------------------ */

uint64_t cts_bn_mod_u64(const cts_bn *a, uint64_t m) {
  uint64_t r = 0;
  for (size_t i = a->n; i-- > 0;) r = (uint64_t)((((u128)r << 64) | a->v[i]) % m);
  return r;
}

/* Knuth, TAOCP vol. 2, 4.3.1, Algorithm D, in base 2^64: normalize so the
 * divisor's top bit is set, estimate each quotient limb from the top two
 * limbs of the remainder and the top two of the divisor (the estimate is
 * at most 2 too large, Theorem B), multiply and subtract, add back once in
 * the rare case the estimate was still one too large. */
int cts_bn_divmod(cts_bn *q, cts_bn *r, const cts_bn *a, const cts_bn *b) {
  uint64_t u[CTS_BN_LIMBS + 1], v[CTS_BN_LIMBS], qv[CTS_BN_LIMBS];
  size_t n = b->n, m;
  unsigned s;
  if (n == 0) return 0;
  if (cts_bn_cmp(a, b) < 0) {
    if (r != NULL) *r = *a; /* before q: q may be a */
    if (q != NULL) q->n = 0;
    return 1;
  }
  m = a->n - n;
  if (n == 1) {
    uint64_t d = b->v[0], rem = 0;
    for (size_t i = a->n; i-- > 0;) {
      u128 cur = ((u128)rem << 64) | a->v[i];
      qv[i] = (uint64_t)(cur / d);
      rem = (uint64_t)(cur % d);
    }
    if (q != NULL) (void)store(q, qv, a->n);
    if (r != NULL) cts_bn_set_u64(r, rem);
    return 1;
  }
  /* D1: normalize */
  s = clz64(b->v[n - 1]);
  for (size_t i = n; i-- > 0;)
    v[i] = s != 0 ? (b->v[i] << s) | (i > 0 ? b->v[i - 1] >> (64 - s) : 0)
                  : b->v[i];
  u[a->n] = s != 0 ? a->v[a->n - 1] >> (64 - s) : 0;
  for (size_t i = a->n; i-- > 0;)
    u[i] = s != 0 ? (a->v[i] << s) | (i > 0 ? a->v[i - 1] >> (64 - s) : 0)
                  : a->v[i];
  /* D2-D7: one quotient limb per step, from the top */
  for (size_t j = m + 1; j-- > 0;) {
    u128 num = ((u128)u[j + n] << 64) | u[j + n - 1];
    u128 qhat = num / v[n - 1], rhat = num % v[n - 1];
    uint64_t borrow = 0, carry = 0;
    while ((qhat >> 64) != 0 ||
           qhat * v[n - 2] > ((rhat << 64) | u[j + n - 2])) {
      qhat--;
      rhat += v[n - 1];
      if ((rhat >> 64) != 0) break;
    }
    for (size_t i = 0; i < n; i++) {
      u128 p = qhat * v[i] + carry;
      uint64_t pl = (uint64_t)p, x = u[i + j];
      carry = (uint64_t)(p >> 64);
      u[i + j] = x - pl - borrow;
      borrow = x < pl || (x == pl && borrow);
    }
    {
      uint64_t x = u[j + n];
      u[j + n] = x - carry - borrow;
      borrow = x < carry || (x == carry && borrow);
    }
    if (borrow) { /* D6: add back */
      uint64_t c = 0;
      qhat--;
      for (size_t i = 0; i < n; i++) {
        u128 t = (u128)u[i + j] + v[i] + c;
        u[i + j] = (uint64_t)t;
        c = (uint64_t)(t >> 64);
      }
      u[j + n] += c;
    }
    qv[j] = (uint64_t)qhat;
  }
  if (q != NULL) (void)store(q, qv, m + 1);
  if (r != NULL) { /* D8: unnormalize the remainder u[0..n-1] */
    for (size_t i = 0; i < n; i++)
      r->v[i] = s != 0 ? (u[i] >> s) | (u[i + 1] << (64 - s)) : u[i];
    r->n = n;
    trim(r);
  }
  return 1;
}

/* --- square roots -------------------------------------------------------- */

/* floor(sqrt(x)) for one limb: the double is within a unit or two (53-bit
 * mantissa), the integer fix-up makes it exact. */
static uint64_t isqrt_u64(uint64_t x) {
  uint64_t r = (uint64_t)sqrt((double)x);
  while (r > 0 && (u128)r * r > x) r--;
  while ((u128)(r + 1) * (r + 1) <= x) r++;
  return r;
}

/* floor(sqrt(x)) by Newton's iteration at doubling precision (the
 * recursion of Zimmermann's "Karatsuba square root", with a Newton step in
 * place of the division by 2s).
 *
 * For x of h bits and k = floor((h - 1) / 4), let t = x >> 2k and
 * s' = floor(sqrt(t)). Then y0 = (s' + 1) 2^k satisfies
 * sqrt(x) < y0 <= sqrt(x) + 2^k, and one Newton step
 * y1 = floor((y0 + floor(x / y0)) / 2) lies in [sqrt(x), sqrt(x) + 1):
 * its error is (y0 - sqrt(x))^2 / (2 y0) <= 4^k / 2^((h + 1) / 2) <= 1/2.
 * So y1 is floor(sqrt(x)) or one more, which y1^2 > x tells. And
 * floor(x / y0) = floor((x >> k) / (s' + 1)): the division is by a number
 * of about h/4 bits. The levels are unrolled from the bottom (t of at most
 * 64 bits) up, each t being x >> 2(k_0 + ... + k_j). */
void cts_bn_isqrt(cts_bn *out, const cts_bn *x) {
  size_t k[64], depth = 0, shift = 0, h = cts_bn_bits(x);
  cts_bn t, y, q, sq;
  while (h > 64) {
    k[depth] = (h - 1) / 4;
    shift += k[depth];
    h -= 2 * k[depth];
    depth++;
  }
  cts_bn_shr(&t, x, 2 * shift);
  cts_bn_set_u64(&y, isqrt_u64(t.n > 0 ? t.v[0] : 0));
  while (depth > 0) {
    size_t kk = k[--depth];
    shift -= kk;
    cts_bn_shr(&t, x, 2 * shift);
    /* q = floor((t >> kk) / (s' + 1)); y = ((s' + 1) << kk + q) / 2. None
     * of these can overflow: y stays near sqrt(t). */
    (void)cts_bn_add_u64(&y, &y, 1);
    cts_bn_shr(&q, &t, kk);
    (void)cts_bn_divmod(&q, NULL, &q, &y);
    (void)cts_bn_shl(&y, &y, kk);
    (void)cts_bn_add(&y, &y, &q);
    cts_bn_shr(&y, &y, 1);
    /* A square too wide to hold exceeds t (CTS_BN_LIMBS is even). */
    if (!cts_bn_sqr(&sq, &y) || cts_bn_cmp(&sq, &t) > 0)
      (void)cts_bn_sub_u64(&y, &y, 1);
  }
  *out = y;
}

/* Squares modulo 64, 63, 65, 11 and the primes 17 to 37: bit r of a mask
 * is set when r is a square residue. A non-square passes all ten with
 * probability about 1.7e-4 (12/64 * 16/63 * 21/65 * 6/11 * 9/17 * ...), so
 * the square root is almost never taken. The odd moduli are read from one
 * residue modulo their product (< 2^44). */
#define SQ_ODD_M (UINT64_C(63) * 65 * 11 * 17 * 19 * 23 * 29 * 31 * 37)
static const uint64_t k_sq64 = UINT64_C(0x0202021202030213);
static const uint64_t k_sq63 = UINT64_C(0x0402483012450293);
static const uint64_t k_sq65[2] = {UINT64_C(0x218a019866014613), 0x1};
static const struct {
  uint32_t m;
  uint64_t mask;
} k_sq_small[] = {
    {11, 0x23b},        {17, 0x1a317},      {19, 0x30af3},
    {23, 0x5335f},      {29, 0x13d122f3},   {31, 0x121d47b7},
    {37, UINT64_C(0x165e211e9b)},
};

/* 0 when x is surely not a square: lo is x mod 2^64, r is x mod SQ_ODD_M. */
static int may_be_square(uint64_t lo, uint64_t r) {
  uint64_t r65 = r % 65;
  if (!((k_sq64 >> (lo & 63)) & 1) || !((k_sq63 >> (r % 63)) & 1) ||
      !((k_sq65[r65 >> 6] >> (r65 & 63)) & 1))
    return 0;
  for (size_t i = 0; i < sizeof(k_sq_small) / sizeof(k_sq_small[0]); i++)
    if (!((k_sq_small[i].mask >> (r % k_sq_small[i].m)) & 1)) return 0;
  return 1;
}

/* x == floor(sqrt(x))^2, root in *out_root. */
static int exact_square(const cts_bn *x, cts_bn *out_root) {
  cts_bn sq;
  cts_bn_isqrt(out_root, x);
  (void)cts_bn_sqr(&sq, out_root); /* <= x: fits */
  return cts_bn_cmp(&sq, x) == 0;
}

int cts_bn_is_square(const cts_bn *a) {
  cts_bn root;
  if (a->n == 0) return 1;
  if (!may_be_square(a->v[0], cts_bn_mod_u64(a, SQ_ODD_M))) return 0;
  return exact_square(a, &root);
}

/* --- Fermat's method (zlint e_rsa_fermat_factorization) ----------------- */

/* zlint (from Boulder's goodkey): a = isqrt(n) + 1, b2 = a^2 - n; each
 * round tests whether b2 is a perfect square, then a += 1 and b2 is
 * recomputed. Here b2 is carried only as its residues: with d = 2a + 1,
 * the next b2 is b2 + d and the next d is d + 2, modulo 2^64 (wrapping)
 * and modulo SQ_ODD_M. Only a round whose residues are all square ones
 * rebuilds b2 = b2_0 + i (a_0 + a_i) and takes the exact square root. */
int cts_keys_fermat(const uint8_t *n_be, size_t len, unsigned rounds,
                    cts_bn *out_p, cts_bn *out_q) {
  cts_bn n, a0, b0;
  uint64_t lo_b, lo_d, r_b, r_d;
  if (!cts_bn_from_bytes(&n, n_be, len)) return -1;
  cts_bn_isqrt(&a0, &n);
  /* (isqrt(n) + 1)^2 has at most one bit more than n: no overflow */
  if (!cts_bn_add_u64(&a0, &a0, 1) || !cts_bn_sqr(&b0, &a0) ||
      !cts_bn_sub(&b0, &b0, &n))
    return -1;
  lo_b = b0.n > 0 ? b0.v[0] : 0;
  lo_d = 2 * a0.v[0] + 1;
  r_b = cts_bn_mod_u64(&b0, SQ_ODD_M);
  r_d = (2 * cts_bn_mod_u64(&a0, SQ_ODD_M) + 1) % SQ_ODD_M;
  for (unsigned i = 0; i < rounds; i++) {
    if (may_be_square(lo_b, r_b)) {
      cts_bn a, b2, b;
      /* a = a0 + i; b2 = a^2 - n = b0 + i (a0 + a) */
      if (!cts_bn_add_u64(&a, &a0, i) || !cts_bn_add(&b2, &a0, &a) ||
          !cts_bn_mul_u64(&b2, &b2, i) || !cts_bn_add(&b2, &b2, &b0))
        return -1;
      if (exact_square(&b2, &b)) {
        if (out_p != NULL) (void)cts_bn_add(out_p, &a, &b);
        if (out_q != NULL) (void)cts_bn_sub(out_q, &a, &b);
        return 1;
      }
    }
    lo_b += lo_d;
    lo_d += 2;
    r_b += r_d;
    if (r_b >= SQ_ODD_M) r_b -= SQ_ODD_M;
    r_d += 2;
    if (r_d >= SQ_ODD_M) r_d -= SQ_ODD_M;
  }
  return 0;
}
