/* Fixed-width unsigned big integers (see keys_bignum.h) and Fermat's
 * factorization method on them.
 *
 * Schoolbook arithmetic on 64-bit limbs with 128-bit intermediate products
 * (a GCC/Clang extension on every 64-bit target the project builds for);
 * division is Knuth's Algorithm D; the square root is Zimmermann's
 * "Karatsuba square root", which doubles the precision at each level with
 * one division and one square of half the root's width. */
#include "keys_bignum.h"

#include <math.h>
#include <string.h>

__extension__ typedef unsigned __int128 u128;

_Static_assert(CTS_BN_LIMBS % 2 == 0, "an overflowing square must exceed every cts_bn");

static void trim(cts_bn *a) {
  while (a->n > 0 && a->v[a->n - 1] == 0) a->n--;
}

static unsigned clz64(uint64_t x) { return (unsigned)__builtin_clzll(x); }

/* *out = *a, copying only the limbs in use. */
static void copy(cts_bn *out, const cts_bn *a) {
  if (out == a) return;
  memcpy(out->v, a->v, a->n * sizeof(a->v[0]));
  out->n = a->n;
}

static uint64_t load_be64(const uint8_t *p) {
  return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
         (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
         (uint64_t)p[6] << 8 | (uint64_t)p[7];
}

/* --- conversion and comparison ------------------------------------------- */

int cts_bn_from_bytes(cts_bn *out, const uint8_t *be, size_t len) {
  while (len > 0 && be[0] == 0) {
    be++;
    len--;
  }
  if (len > CTS_BN_MAX_BITS / 8) return 0;
  out->n = (len + 7) / 8;
  for (size_t i = 0; i < len / 8; i++) out->v[i] = load_be64(be + len - 8 * (i + 1));
  if (len % 8 != 0) {
    uint64_t w = 0;
    for (size_t j = 0; j < len % 8; j++) w = (w << 8) | be[j];
    out->v[len / 8] = w;
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
  size_t w = bits / 64, b = bits % 64, total = cts_bn_bits(a), n = a->n;
  if (total == 0) {
    out->n = 0;
    return 1;
  }
  if (bits > 64 * CTS_BN_LIMBS || total > 64 * CTS_BN_LIMBS - bits) return 0;
  /* From the top down, so that out may be a. The limb above a's top one is
   * written only when there is room: otherwise it is zero (checked above). */
  if (b == 0) {
    for (size_t i = n; i-- > 0;) out->v[i + w] = a->v[i];
  } else {
    if (n + w < CTS_BN_LIMBS) out->v[n + w] = a->v[n - 1] >> (64 - b);
    for (size_t i = n - 1; i > 0; i--)
      out->v[i + w] = (a->v[i] << b) | (a->v[i - 1] >> (64 - b));
    out->v[w] = a->v[0] << b;
  }
  for (size_t i = 0; i < w; i++) out->v[i] = 0;
  out->n = (total + bits + 63) / 64;
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
  if (b == 0) {
    for (size_t i = 0; i < n; i++) out->v[i] = a->v[i + w];
  } else {
    for (size_t i = 0; i + 1 < n; i++)
      out->v[i] = (a->v[i + w] >> b) | (a->v[i + w + 1] << (64 - b));
    out->v[n - 1] = a->v[a->n - 1] >> b;
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
    if (r != NULL) copy(r, a); /* before q: q may be a */
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
  if (s == 0) {
    memcpy(v, b->v, n * sizeof(v[0]));
    memcpy(u, a->v, a->n * sizeof(u[0]));
    u[a->n] = 0;
  } else {
    for (size_t i = n - 1; i > 0; i--)
      v[i] = (b->v[i] << s) | (b->v[i - 1] >> (64 - s));
    v[0] = b->v[0] << s;
    u[a->n] = a->v[a->n - 1] >> (64 - s);
    for (size_t i = a->n - 1; i > 0; i--)
      u[i] = (a->v[i] << s) | (a->v[i - 1] >> (64 - s));
    u[0] = a->v[0] << s;
  }
  /* D2-D7: one quotient limb per step, from the top */
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t v1 = v[n - 1], v2 = v[n - 2], qhat, borrow, carry = 0;
    u128 num = ((u128)u[j + n] << 64) | u[j + n - 1], rhat;
    /* D3: u[j + n] <= v1; when equal the estimate is clamped to 2^64 - 1 */
    qhat = u[j + n] >= v1 ? UINT64_MAX : (uint64_t)(num / v1);
    rhat = num - (u128)qhat * v1;
    while ((rhat >> 64) == 0 &&
           (u128)qhat * v2 > ((rhat << 64) | u[j + n - 2])) {
      qhat--;
      rhat += v1;
    }
    /* D4: multiply and subtract, the borrow carried with the product's
     * high limb (at most 2^64 - 1 together, as in GMP's submul_1) */
    for (size_t i = 0; i < n; i++) {
      u128 p = (u128)qhat * v[i] + carry;
      uint64_t pl = (uint64_t)p, x = u[i + j];
      u[i + j] = x - pl;
      carry = (uint64_t)(p >> 64) + (x < pl);
    }
    borrow = u[j + n] < carry;
    u[j + n] -= carry;
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
    qv[j] = qhat;
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

/* Bits [off, off + len) of a, reading only the limbs they lie in. */
static void bit_field(cts_bn *out, const cts_bn *a, size_t off, size_t len) {
  size_t w = off / 64, b = off % 64, n = (len + 63) / 64;
  for (size_t i = 0; i < n; i++) {
    size_t j = w + i;
    uint64_t lo = j < a->n ? a->v[j] : 0, hi = j + 1 < a->n ? a->v[j + 1] : 0;
    out->v[i] = b != 0 ? (lo >> b) | (hi << (64 - b)) : lo;
  }
  if (len % 64 != 0 && n > 0) out->v[n - 1] &= (UINT64_C(1) << (len % 64)) - 1;
  out->n = n;
  trim(out);
}

/* Zimmermann, "Karatsuba Square Root" (INRIA RR-3805, 1999); Brent and
 * Zimmermann, Modern Computer Arithmetic, Algorithm 1.12 (SqrtRem), in base
 * 2 with l = floor((h - 1) / 4) for a value m of h bits:
 *   m = a3 2^3l + a2 2^2l + a1 2^l + a0, the a_i of l bits but a3;
 *   (s', r') = SqrtRem(a3 2^l + a2)
 *   (q, u)   = DivRem(r' 2^l + a1, 2 s')
 *   s = s' 2^l + q,  r = u 2^l + a0 - q^2
 *   if r < 0: r += 2s - 1, s -= 1
 * m = s^2 + r holds by construction, and r <= 2s since u < 2s'. The top
 * part a3 2^l + a2 has h - 2l >= 2l + 1 bits, so s' >= 2^l, hence
 * q <= 2^l and q^2 <= 2s - 1: one correction suffices. The levels are
 * unrolled from the bottom (at most 64 bits: a machine square root) up,
 * level j's m being x >> 2(l_0 + ... + l_(j-1)). */
void cts_bn_sqrtrem(cts_bn *out_s, cts_bn *out_r, const cts_bn *x) {
  size_t l[64], depth = 0, shift = 0, h = cts_bn_bits(x);
  cts_bn s, r, t, q, u;
  uint64_t m, root;
  while (h > 64) {
    l[depth] = (h - 1) / 4;
    shift += l[depth];
    h -= 2 * l[depth];
    depth++;
  }
  cts_bn_shr(&t, x, 2 * shift);
  m = t.n > 0 ? t.v[0] : 0;
  root = isqrt_u64(m);
  cts_bn_set_u64(&s, root);
  cts_bn_set_u64(&r, m - root * root);
  /* Widths stay below the input's plus a limb: nothing here overflows. */
  while (depth > 0) {
    size_t k = l[--depth];
    shift -= k;
    bit_field(&t, x, 2 * shift + k, k); /* a1 */
    (void)cts_bn_shl(&r, &r, k);
    (void)cts_bn_add(&r, &r, &t);
    (void)cts_bn_shl(&u, &s, 1);
    (void)cts_bn_divmod(&q, &u, &r, &u);
    (void)cts_bn_shl(&s, &s, k);
    (void)cts_bn_add(&s, &s, &q);
    bit_field(&t, x, 2 * shift, k); /* a0 */
    (void)cts_bn_shl(&u, &u, k);
    (void)cts_bn_add(&u, &u, &t);
    (void)cts_bn_sqr(&q, &q);
    if (cts_bn_cmp(&u, &q) < 0) { /* r + 2s - 1 with the new s = s - 1 */
      (void)cts_bn_sub_u64(&s, &s, 1);
      (void)cts_bn_add(&u, &u, &s);
      (void)cts_bn_add(&u, &u, &s);
      (void)cts_bn_add_u64(&u, &u, 1);
    }
    (void)cts_bn_sub(&r, &u, &q);
  }
  if (out_s != NULL) copy(out_s, &s);
  if (out_r != NULL) copy(out_r, &r);
}

void cts_bn_isqrt(cts_bn *out, const cts_bn *a) { cts_bn_sqrtrem(out, NULL, a); }

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
  cts_bn rem;
  cts_bn_sqrtrem(out_root, &rem, x);
  return rem.n == 0;
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
  cts_bn n, a0, b0, t;
  uint64_t lo_b, lo_d, r_b, r_d;
  if (!cts_bn_from_bytes(&n, n_be, len)) return -1;
  /* n = s^2 + r, 0 <= r <= 2s; a0 = s + 1, b0 = a0^2 - n = 2s + 1 - r */
  cts_bn_sqrtrem(&a0, &b0, &n);
  if (!cts_bn_shl(&t, &a0, 1) || !cts_bn_add_u64(&t, &t, 1) ||
      !cts_bn_sub(&b0, &t, &b0) || !cts_bn_add_u64(&a0, &a0, 1))
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
