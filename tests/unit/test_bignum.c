/* The fixed-width integers of src/lints/keys_bignum.c and Fermat's method
 * on them (e_rsa_fermat_factorization). OpenSSL's BIGNUM is the reference
 * for the arithmetic; the values are drawn from a fixed-seed generator,
 * with limbs biased towards 0, 1, 2^63 and 2^64 - 1, where carries, borrows
 * and Algorithm D's corrections happen. Moduli with close factors are
 * built from OpenSSL primes, placed so that zlint's method finds them in a
 * chosen round. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>

#include "src/lints/keys_bignum.h"
#include "src/lints/keys_full.h"
#include "test.h"

/* --- helpers ------------------------------------------------------------- */

static uint64_t g_rng = 0x9e3779b97f4a7c15u;

/* splitmix64 */
static uint64_t rnd(void) {
  uint64_t z = (g_rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static uint64_t rnd_limb(void) {
  switch (rnd() % 8) {
    case 0: return 0;
    case 1: return UINT64_MAX;
    case 2: return UINT64_C(1) << 63;
    case 3: return 1;
    default: return rnd();
  }
}

/* A value of `limbs` limbs (the top one non-zero), top limb sometimes
 * short so that every bit length occurs. */
static void rnd_bn(cts_bn *out, size_t limbs) {
  out->n = limbs;
  for (size_t i = 0; i < limbs; i++) out->v[i] = rnd_limb();
  if (limbs > 0) {
    if (rnd() % 2) out->v[limbs - 1] >>= rnd() % 64;
    if (out->v[limbs - 1] == 0) out->v[limbs - 1] = 1;
  }
}

static BIGNUM *to_bn(const cts_bn *a) {
  uint8_t buf[CTS_BN_LIMBS * 8];
  size_t len = cts_bn_to_bytes(a, buf, sizeof(buf));
  return BN_bin2bn(buf, (int)len, NULL);
}

static void from_bn(cts_bn *out, const BIGNUM *b) {
  uint8_t buf[4 * CTS_BN_LIMBS * 8];
  int len = BN_bn2bin(b, buf);
  CU_ASSERT_FATAL(len >= 0 && (size_t)len <= sizeof(buf));
  CU_ASSERT_FATAL(cts_bn_from_bytes(out, buf, (size_t)len));
}

/* a equals the BIGNUM b (and is normalized). */
static int equal(const cts_bn *a, const BIGNUM *b) {
  BIGNUM *x = to_bn(a);
  int eq = x != NULL && BN_cmp(x, b) == 0 &&
           (a->n == 0 || a->v[a->n - 1] != 0);
  BN_free(x);
  return eq;
}

/* --- conversion, comparison, addition, subtraction ----------------------- */

static void test_bytes(void) {
  uint8_t buf[CTS_BN_MAX_BITS / 8 + 2], out[sizeof(buf)];
  cts_bn a;
  CU_ASSERT_TRUE(cts_bn_from_bytes(&a, NULL, 0));
  CU_ASSERT_EQUAL(a.n, 0);
  CU_ASSERT_EQUAL(cts_bn_bits(&a), 0);
  /* leading zero octets do not count */
  memset(buf, 0, sizeof(buf));
  buf[sizeof(buf) - 1] = 0x05;
  CU_ASSERT_TRUE(cts_bn_from_bytes(&a, buf, sizeof(buf)));
  CU_ASSERT_EQUAL(a.n, 1);
  CU_ASSERT_EQUAL(a.v[0], 5);
  /* exactly CTS_BN_MAX_BITS bits fit, one more does not */
  memset(buf, 0xff, sizeof(buf));
  CU_ASSERT_TRUE(cts_bn_from_bytes(&a, buf, CTS_BN_MAX_BITS / 8));
  CU_ASSERT_EQUAL(cts_bn_bits(&a), CTS_BN_MAX_BITS);
  CU_ASSERT_FALSE(cts_bn_from_bytes(&a, buf, CTS_BN_MAX_BITS / 8 + 1));
  buf[0] = 0;
  CU_ASSERT_TRUE(cts_bn_from_bytes(&a, buf, CTS_BN_MAX_BITS / 8 + 1));
  /* round trip at every length */
  for (size_t len = 1; len <= CTS_BN_MAX_BITS / 8; len += 1 + len / 16) {
    for (size_t i = 0; i < len; i++) buf[i] = (uint8_t)rnd();
    buf[0] |= 1;
    CU_ASSERT_TRUE_FATAL(cts_bn_from_bytes(&a, buf, len));
    CU_ASSERT_EQUAL(cts_bn_bits(&a) / 8 + (cts_bn_bits(&a) % 8 != 0), len);
    CU_ASSERT_EQUAL(cts_bn_to_bytes(&a, out, sizeof(out)), len);
    CU_ASSERT_EQUAL(memcmp(buf, out, len), 0);
    CU_ASSERT_EQUAL(cts_bn_to_bytes(&a, out, len - 1), 0);
  }
}

static void test_add_sub_cmp(void) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *r = BN_new();
  CU_ASSERT_FATAL(ctx != NULL && r != NULL);
  for (int it = 0; it < 3000; it++) {
    cts_bn a, b, s, d;
    rnd_bn(&a, rnd() % (CTS_BN_LIMBS + 1));
    rnd_bn(&b, it % 10 == 0 ? a.n : rnd() % (CTS_BN_LIMBS + 1));
    if (it % 10 == 0) memcpy(b.v, a.v, a.n * 8 - (a.n > 0 ? 8 : 0));
    BIGNUM *x = to_bn(&a), *y = to_bn(&b);
    CU_ASSERT_EQUAL(cts_bn_cmp(&a, &b), BN_cmp(x, y));
    CU_ASSERT_EQUAL(cts_bn_bits(&a), (size_t)BN_num_bits(x));
    BN_add(r, x, y);
    if (BN_num_bits(r) <= 64 * CTS_BN_LIMBS) {
      CU_ASSERT_TRUE(cts_bn_add(&s, &a, &b));
      CU_ASSERT_TRUE(equal(&s, r));
      s = a; /* aliased output */
      CU_ASSERT_TRUE(cts_bn_add(&s, &s, &b));
      CU_ASSERT_TRUE(equal(&s, r));
    } else {
      CU_ASSERT_FALSE(cts_bn_add(&s, &a, &b));
    }
    if (BN_cmp(x, y) >= 0) {
      BN_sub(r, x, y);
      CU_ASSERT_TRUE(cts_bn_sub(&d, &a, &b));
      CU_ASSERT_TRUE(equal(&d, r));
      d = b;
      CU_ASSERT_TRUE(cts_bn_sub(&d, &a, &d));
      CU_ASSERT_TRUE(equal(&d, r));
    } else {
      CU_ASSERT_FALSE(cts_bn_sub(&d, &a, &b));
    }
    BN_free(x);
    BN_free(y);
  }
  /* a carry out of the widest value */
  {
    cts_bn a, s;
    a.n = CTS_BN_LIMBS;
    memset(a.v, 0xff, sizeof(a.v));
    CU_ASSERT_FALSE(cts_bn_add_u64(&s, &a, 1));
    CU_ASSERT_FALSE(cts_bn_add(&s, &a, &a));
    CU_ASSERT_TRUE(cts_bn_add_u64(&s, &a, 0));
    CU_ASSERT_EQUAL(cts_bn_cmp(&s, &a), 0);
    CU_ASSERT_FALSE(cts_bn_sub_u64(&s, &s, 1) && cts_bn_sub(&s, &s, &a));
  }
  BN_free(r);
  BN_CTX_free(ctx);
}

/* --- multiplication, shifts ---------------------------------------------- */

static void test_mul_sqr(void) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *r = BN_new();
  CU_ASSERT_FATAL(ctx != NULL && r != NULL);
  for (int it = 0; it < 2000; it++) {
    cts_bn a, b, p;
    size_t la = rnd() % (CTS_BN_LIMBS / 2 + 3), lb = rnd() % (CTS_BN_LIMBS / 2 + 3);
    rnd_bn(&a, la);
    rnd_bn(&b, it % 4 == 0 ? rnd() % 3 : lb);
    BIGNUM *x = to_bn(&a), *y = to_bn(&b);
    uint64_t w = rnd_limb();
    BN_mul(r, x, y, ctx);
    if (BN_num_bits(r) <= 64 * CTS_BN_LIMBS) {
      CU_ASSERT_TRUE(cts_bn_mul(&p, &a, &b));
      CU_ASSERT_TRUE(equal(&p, r));
      p = b;
      CU_ASSERT_TRUE(cts_bn_mul(&p, &a, &p));
      CU_ASSERT_TRUE(equal(&p, r));
    } else {
      CU_ASSERT_FALSE(cts_bn_mul(&p, &a, &b));
    }
    BN_sqr(r, x, ctx);
    if (BN_num_bits(r) <= 64 * CTS_BN_LIMBS) {
      CU_ASSERT_TRUE(cts_bn_sqr(&p, &a));
      CU_ASSERT_TRUE(equal(&p, r));
      p = a;
      CU_ASSERT_TRUE(cts_bn_sqr(&p, &p));
      CU_ASSERT_TRUE(equal(&p, r));
    } else {
      CU_ASSERT_FALSE(cts_bn_sqr(&p, &a));
    }
    BN_copy(r, x);
    BN_mul_word(r, w);
    if (BN_num_bits(r) <= 64 * CTS_BN_LIMBS) {
      CU_ASSERT_TRUE(cts_bn_mul_u64(&p, &a, w));
      CU_ASSERT_TRUE(equal(&p, r));
    }
    BN_free(x);
    BN_free(y);
  }
  BN_free(r);
  BN_CTX_free(ctx);
}

static void test_shifts(void) {
  BIGNUM *r = BN_new();
  CU_ASSERT_FATAL(r != NULL);
  for (int it = 0; it < 2000; it++) {
    cts_bn a, s;
    size_t bits = rnd() % (64 * CTS_BN_LIMBS + 70);
    rnd_bn(&a, rnd() % (CTS_BN_LIMBS + 1));
    BIGNUM *x = to_bn(&a);
    BN_rshift(r, x, (int)bits);
    cts_bn_shr(&s, &a, bits);
    CU_ASSERT_TRUE(equal(&s, r));
    s = a;
    cts_bn_shr(&s, &s, bits);
    CU_ASSERT_TRUE(equal(&s, r));
    BN_lshift(r, x, (int)bits);
    if (BN_num_bits(r) <= 64 * CTS_BN_LIMBS) {
      CU_ASSERT_TRUE(cts_bn_shl(&s, &a, bits));
      CU_ASSERT_TRUE(equal(&s, r));
      s = a;
      CU_ASSERT_TRUE(cts_bn_shl(&s, &s, bits));
      CU_ASSERT_TRUE(equal(&s, r));
    } else {
      CU_ASSERT_FALSE(cts_bn_shl(&s, &a, bits));
    }
    BN_free(x);
  }
  BN_free(r);
}

/* --- division ------------------------------------------------------------ */

static void check_div(const cts_bn *a, const cts_bn *b, BN_CTX *ctx) {
  cts_bn q, r, q2;
  BIGNUM *x = to_bn(a), *y = to_bn(b), *bq = BN_new(), *br = BN_new();
  CU_ASSERT_FATAL(x != NULL && y != NULL && bq != NULL && br != NULL);
  CU_ASSERT_TRUE_FATAL(BN_div(bq, br, x, y, ctx));
  CU_ASSERT_TRUE(cts_bn_divmod(&q, &r, a, b));
  CU_ASSERT_TRUE(equal(&q, bq));
  CU_ASSERT_TRUE(equal(&r, br));
  /* aliased: quotient over the dividend, remainder over the divisor */
  q2 = *a;
  r = *b;
  CU_ASSERT_TRUE(cts_bn_divmod(&q2, &r, &q2, &r));
  CU_ASSERT_TRUE(equal(&q2, bq));
  CU_ASSERT_TRUE(equal(&r, br));
  if (b->n == 1)
    CU_ASSERT_EQUAL(cts_bn_mod_u64(a, b->v[0]), BN_mod_word(x, b->v[0]));
  BN_free(x), BN_free(y), BN_free(bq), BN_free(br);
}

static void test_divmod(void) {
  BN_CTX *ctx = BN_CTX_new();
  cts_bn a, b, z;
  CU_ASSERT_FATAL(ctx != NULL);
  for (int it = 0; it < 4000; it++) {
    size_t la = rnd() % (CTS_BN_LIMBS + 1), lb = la > 0 ? 1 + rnd() % la : 1;
    rnd_bn(&a, la);
    rnd_bn(&b, it % 5 == 0 ? 1 + rnd() % 2 : lb);
    check_div(&a, &b, ctx);
  }
  /* Algorithm D's rare steps: an estimate two too large (the first test of
   * D3 corrects it) and an add back (D6); Hacker's Delight's cases carried
   * to 64-bit limbs */
  {
    static const uint64_t cases[][2][4] = {
        {{0, 0, UINT64_C(1) << 63, (UINT64_C(1) << 63) - 1},
         {1, 0, UINT64_C(1) << 63, 0}},
        {{0, 0xfffe, 0, UINT64_C(1) << 63}, {0xffff, UINT64_C(1) << 63, 0, 0}},
        {{3, 0, UINT64_C(1) << 63, 0}, {1, 0, UINT64_C(0x2000000000000000), 0}},
        {{0, 0, UINT64_C(1) << 63, 0}, {1, 0, UINT64_C(1) << 63, 0}},
        {{UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX - 1},
         {UINT64_MAX, UINT64_MAX, 0, 0}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
      a.n = b.n = 4;
      memcpy(a.v, cases[i][0], sizeof(cases[i][0]));
      memcpy(b.v, cases[i][1], sizeof(cases[i][1]));
      while (a.n > 0 && a.v[a.n - 1] == 0) a.n--;
      while (b.n > 0 && b.v[b.n - 1] == 0) b.n--;
      check_div(&a, &b, ctx);
    }
  }
  /* a < b, a == b, division by zero */
  rnd_bn(&a, 5);
  rnd_bn(&b, 7);
  check_div(&a, &b, ctx);
  check_div(&a, &a, ctx);
  cts_bn_set_u64(&z, 0);
  CU_ASSERT_FALSE(cts_bn_divmod(&b, NULL, &a, &z));
  BN_CTX_free(ctx);
}

/* --- square roots -------------------------------------------------------- */

/* r = isqrt(a) exactly: r^2 <= a < (r + 1)^2, checked with OpenSSL; the
 * remainder of cts_bn_sqrtrem is a - r^2. */
static void check_isqrt(const cts_bn *a, BN_CTX *ctx) {
  cts_bn r, s2, rem;
  BIGNUM *x = to_bn(a), *y, *sq = BN_new();
  CU_ASSERT_FATAL(x != NULL && sq != NULL);
  cts_bn_isqrt(&r, a);
  cts_bn_sqrtrem(&s2, &rem, a);
  CU_ASSERT_EQUAL(cts_bn_cmp(&r, &s2), 0);
  y = to_bn(&r);
  CU_ASSERT_FATAL(y != NULL);
  BN_sqr(sq, y, ctx);
  BN_sub(sq, x, sq);
  CU_ASSERT_TRUE(equal(&rem, sq));
  BN_sqr(sq, y, ctx);
  CU_ASSERT(BN_cmp(sq, x) <= 0);
  BN_add_word(y, 1);
  BN_sqr(sq, y, ctx);
  CU_ASSERT(BN_cmp(sq, x) > 0);
  if (BN_cmp(sq, x) <= 0) {
    char *h = BN_bn2hex(x);
    fprintf(stderr, "\n  isqrt wrong for %s", h);
    OPENSSL_free(h);
  }
  /* the perfect-square test agrees */
  BN_sub_word(y, 1);
  BN_sqr(sq, y, ctx);
  CU_ASSERT_EQUAL(cts_bn_is_square(a), BN_cmp(sq, x) == 0);
  BN_free(x), BN_free(y), BN_free(sq);
}

static void test_isqrt_edges(void) {
  BN_CTX *ctx = BN_CTX_new();
  cts_bn a, k, s;
  CU_ASSERT_FATAL(ctx != NULL);
  /* every value below 2^12, and around every power of two */
  for (uint64_t v = 0; v < 4096; v++) {
    cts_bn_set_u64(&a, v);
    check_isqrt(&a, ctx);
  }
  for (size_t bits = 1; bits <= 64 * CTS_BN_LIMBS; bits++) {
    cts_bn_set_u64(&a, 1);
    CU_ASSERT_TRUE_FATAL(cts_bn_shl(&a, &a, bits - 1));
    check_isqrt(&a, ctx); /* 2^(bits - 1) */
    CU_ASSERT_TRUE_FATAL(cts_bn_sub_u64(&s, &a, 1));
    check_isqrt(&s, ctx);
    if (bits < 64 * CTS_BN_LIMBS) { /* all ones: 2^bits - 1 */
      CU_ASSERT_TRUE_FATAL(cts_bn_shl(&s, &a, 1));
      CU_ASSERT_TRUE_FATAL(cts_bn_sub_u64(&s, &s, 1));
      check_isqrt(&s, ctx);
    }
  }
  /* the widest value a cts_bn holds */
  a.n = CTS_BN_LIMBS;
  memset(a.v, 0xff, sizeof(a.v));
  check_isqrt(&a, ctx);
  /* k^2 - 1, k^2, k^2 + 1 for random k of every width whose square fits */
  for (int it = 0; it < 600; it++) {
    rnd_bn(&k, 1 + rnd() % (CTS_BN_LIMBS / 2));
    CU_ASSERT_TRUE_FATAL(cts_bn_sqr(&a, &k));
    cts_bn_isqrt(&s, &a);
    CU_ASSERT_EQUAL(cts_bn_cmp(&s, &k), 0);
    CU_ASSERT_TRUE(cts_bn_is_square(&a));
    check_isqrt(&a, ctx);
    CU_ASSERT_TRUE_FATAL(cts_bn_sub_u64(&s, &a, 1));
    check_isqrt(&s, ctx);
    if (cts_bn_bits(&k) > 1) CU_ASSERT_FALSE(cts_bn_is_square(&s)); /* k > 1 */
    if (cts_bn_add_u64(&s, &a, 1)) {
      check_isqrt(&s, ctx);
      CU_ASSERT_FALSE(cts_bn_is_square(&s)); /* k >= 1 */
    }
  }
  BN_CTX_free(ctx);
}

static void test_isqrt_random(void) {
  BN_CTX *ctx = BN_CTX_new();
  cts_bn a;
  CU_ASSERT_FATAL(ctx != NULL);
  for (int it = 0; it < 3000; it++) {
    rnd_bn(&a, rnd() % (CTS_BN_LIMBS + 1));
    check_isqrt(&a, ctx);
  }
  BN_CTX_free(ctx);
}

/* The residue filters never reject a square: every residue of a square
 * modulo 64 and the odd moduli up to 65 occurs among k^2, k < 2^10, and
 * the answer is exact for every value below 2^20. */
static void test_is_square_small(void) {
  cts_bn a;
  uint64_t root = 0;
  for (uint64_t v = 0; v < (UINT64_C(1) << 20); v++) {
    while ((root + 1) * (root + 1) <= v) root++;
    cts_bn_set_u64(&a, v);
    if (cts_bn_is_square(&a) != (root * root == v)) {
      fprintf(stderr, "\n  is_square(%llu) wrong", (unsigned long long)v);
      CU_FAIL("is_square");
      break;
    }
  }
}

/* --- Fermat's method ----------------------------------------------------- */

static uint64_t isqrt64(uint64_t x) {
  uint64_t r = 0;
  for (int bit = 31; bit >= 0; bit--) {
    uint64_t t = r | (UINT64_C(1) << bit);
    if (t * t <= x) r = t;
  }
  return r;
}

/* zlint's loop, literally, on one-limb numbers (n < 2^40 keeps every
 * square below 2^64). */
static int fermat_u64(uint64_t n, unsigned rounds) {
  uint64_t a = isqrt64(n) + 1;
  for (unsigned i = 0; i < rounds; i++, a++) {
    uint64_t b2 = a * a - n, b = isqrt64(b2);
    if (b * b == b2) return 1;
  }
  return 0;
}

static int fermat_bytes(const BIGNUM *n, unsigned rounds, cts_bn *p, cts_bn *q) {
  uint8_t buf[2048];
  int len = BN_bn2bin(n, buf);
  return cts_keys_fermat(buf, (size_t)len, rounds, p, q);
}

static int fermat_wide(const BIGNUM *n, unsigned rounds) {
  uint8_t buf[2048];
  int len = BN_bn2bin(n, buf);
  cts_der d = {buf, (size_t)len};
  return cts_keys_fermat_wide(d, rounds);
}

static void test_fermat_small(void) {
  uint8_t buf[8];
  for (uint64_t n = 1; n < 6000; n++) {
    for (int i = 0; i < 8; i++) buf[i] = (uint8_t)(n >> (56 - 8 * i));
    int want = fermat_u64(n, 100);
    CU_ASSERT_EQUAL(cts_keys_fermat(buf, 8, 100, NULL, NULL), want);
    if (n < 600) CU_ASSERT_EQUAL(cts_keys_fermat(buf, 8, 3, NULL, NULL),
                                 fermat_u64(n, 3));
  }
  /* random odd n below 2^40 */
  for (int it = 0; it < 300; it++) {
    uint64_t n = (rnd() >> 24) | 1;
    for (int i = 0; i < 8; i++) buf[i] = (uint8_t)(n >> (56 - 8 * i));
    CU_ASSERT_EQUAL(cts_keys_fermat(buf, 8, 100, NULL, NULL), fermat_u64(n, 100));
  }
  /* 15 = 4^2 - 1^2 in round 0; zero rounds find nothing */
  buf[0] = 15;
  CU_ASSERT_EQUAL(cts_keys_fermat(buf, 1, 1, NULL, NULL), 1);
  CU_ASSERT_EQUAL(cts_keys_fermat(buf, 1, 0, NULL, NULL), 0);
}

/* The round in which zlint's method factors p q (p, q odd, p q not a
 * square): (p + q) / 2 - isqrt(p q) - 1, with isqrt checked by OpenSSL. */
static long fermat_round(const BIGNUM *p, const BIGNUM *q, BN_CTX *ctx) {
  BIGNUM *n = BN_new(), *m = BN_new(), *s;
  cts_bn nn, ss;
  long round;
  BN_mul(n, p, q, ctx);
  from_bn(&nn, n);
  cts_bn_isqrt(&ss, &nn);
  s = to_bn(&ss);
  check_isqrt(&nn, ctx);
  BN_add(m, p, q);
  BN_rshift1(m, m);
  BN_sub(m, m, s);
  BN_sub_word(m, 1);
  round = BN_num_bits(m) < 31 ? (long)BN_get_word(m) : -1;
  BN_free(n), BN_free(m), BN_free(s);
  return round;
}

/* q: the first prime >= p + delta. */
static void next_prime(BIGNUM *q, const BIGNUM *p, const BIGNUM *delta,
                       BN_CTX *ctx) {
  BN_add(q, p, delta);
  if (!BN_is_odd(q)) BN_add_word(q, 1);
  while (BN_check_prime(q, ctx, NULL) != 1) BN_add_word(q, 2);
}

/* With p, q = m -+ d and e = d^2 / 2m, zlint's method finds them in round
 * ceil(e) - 1 (sqrt(m^2 - d^2) = m - e - O(e^2 / m)). delta = q - p = 2d
 * = sqrt(8 m e), with e between two integers so that the prime gap does
 * not move it across one. */
static void close_pair(BIGNUM *q, const BIGNUM *p, unsigned e_times_2,
                       BN_CTX *ctx) {
  BIGNUM *d = BN_new();
  cts_bn x, r;
  BN_copy(d, p);
  BN_mul_word(d, 4 * e_times_2); /* 8 p e */
  from_bn(&x, d);
  cts_bn_isqrt(&r, &x);
  BN_free(d);
  d = to_bn(&r);
  next_prime(q, p, d, ctx);
  BN_free(d);
}

static void test_fermat_primes(void) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *p = BN_new(), *q = BN_new(), *n = BN_new(), *one = BN_new();
  cts_bn fp, fq;
  CU_ASSERT_FATAL(ctx != NULL && p != NULL && q != NULL && n != NULL);
  BN_one(one);
  for (int bits = 256; bits <= 2048; bits *= 2) {
    long round;
    CU_ASSERT_TRUE_FATAL(BN_generate_prime_ex(p, bits, 0, NULL, NULL, NULL));
    /* the next prime: found in round 0, factors returned */
    next_prime(q, p, one, ctx);
    BN_mul(n, p, q, ctx);
    CU_ASSERT_EQUAL(fermat_round(p, q, ctx), 0);
    CU_ASSERT_EQUAL(fermat_bytes(n, 100, &fp, &fq), 1);
    CU_ASSERT_TRUE(equal(&fp, q));
    CU_ASSERT_TRUE(equal(&fq, p));
    CU_ASSERT_EQUAL(fermat_wide(n, 100), 1);
    /* found in the last of zlint's 100 rounds (index 99) */
    close_pair(q, p, 2 * 99 + 1, ctx);
    BN_mul(n, p, q, ctx);
    round = fermat_round(p, q, ctx);
    CU_ASSERT_EQUAL(round, 99);
    CU_ASSERT_EQUAL(fermat_bytes(n, 100, &fp, &fq), 1);
    CU_ASSERT_TRUE(equal(&fp, q));
    CU_ASSERT_TRUE(equal(&fq, p));
    CU_ASSERT_EQUAL(fermat_bytes(n, 99, NULL, NULL), 0);
    CU_ASSERT_EQUAL(fermat_wide(n, 100), 1);
    CU_ASSERT_EQUAL(fermat_wide(n, 99), 0);
    /* one round too far: zlint passes it */
    close_pair(q, p, 2 * 100 + 1, ctx);
    BN_mul(n, p, q, ctx);
    round = fermat_round(p, q, ctx);
    CU_ASSERT_EQUAL(round, 100);
    CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), 0);
    CU_ASSERT_EQUAL(fermat_bytes(n, 101, NULL, NULL), 1);
    CU_ASSERT_EQUAL(fermat_wide(n, 100), 0);
    CU_ASSERT_EQUAL(fermat_wide(n, 101), 1);
    /* independent primes: a real key passes */
    CU_ASSERT_TRUE_FATAL(BN_generate_prime_ex(q, bits, 0, NULL, NULL, NULL));
    BN_mul(n, p, q, ctx);
    CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), 0);
    CU_ASSERT_EQUAL(fermat_wide(n, 100), 0);
  }
  BN_free(p), BN_free(q), BN_free(n), BN_free(one);
  BN_CTX_free(ctx);
}

/* Random odd moduli of every width: the fixed-width method and the BIGNUM
 * one agree; a modulus wider than CTS_BN_MAX_BITS is left to the latter. */
static void test_fermat_widths(void) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *n = BN_new(), *m = BN_new(), *x = BN_new();
  CU_ASSERT_FATAL(ctx != NULL && n != NULL && m != NULL && x != NULL);
  for (int it = 0; it < 60; it++) {
    int bits = 8 + (int)(rnd() % CTS_BN_MAX_BITS);
    BN_rand(n, bits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD);
    CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), fermat_wide(n, 100));
    /* (m - 3)(m + 3) for a random odd m: round 0 */
    BN_rand(m, bits / 2 + 4, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD);
    BN_sqr(n, m, ctx);
    BN_sub_word(n, 9);
    if (BN_num_bits(n) <= CTS_BN_MAX_BITS)
      CU_ASSERT_EQUAL(fermat_bytes(n, 1, NULL, NULL), 1);
  }
  /* wider than the fixed width */
  BN_rand(m, CTS_BN_MAX_BITS / 2 + 200, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD);
  BN_sqr(n, m, ctx);
  BN_sub_word(n, 1);
  CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), -1);
  CU_ASSERT_EQUAL(fermat_wide(n, 100), 1);
  BN_rand(n, CTS_BN_MAX_BITS + 1, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD);
  CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), -1);
  CU_ASSERT_EQUAL(fermat_wide(n, 100), 0);
  /* the widest modulus that fits, all ones: 2^8192 - 1 = (2^4096 - 1)
   * (2^4096 + 1), factored in round 0 */
  BN_set_word(n, 0);
  BN_set_bit(n, CTS_BN_MAX_BITS);
  BN_sub_word(n, 1);
  CU_ASSERT_EQUAL(fermat_bytes(n, 100, NULL, NULL), 1);
  CU_ASSERT_EQUAL(fermat_wide(n, 100), 1);
  BN_free(n), BN_free(m), BN_free(x);
  BN_CTX_free(ctx);
}

static CU_TestInfo tests[] = {
    {"load and store big-endian octets", test_bytes},
    {"add, sub, cmp agree with OpenSSL", test_add_sub_cmp},
    {"mul, sqr agree with BN_mul, BN_sqr", test_mul_sqr},
    {"shifts agree with BN_lshift, BN_rshift", test_shifts},
    {"divmod agrees with BN_div (Algorithm D corner cases)", test_divmod},
    {"isqrt, sqrtrem exact at the edges (0, 1, 2^k, 2^k - 1, k^2 -+ 1)",
     test_isqrt_edges},
    {"isqrt, sqrtrem exact on random values", test_isqrt_random},
    {"is_square exact below 2^20", test_is_square_small},
    {"Fermat on small n equals zlint's loop", test_fermat_small},
    {"Fermat on close OpenSSL primes: rounds 0, 99, 100", test_fermat_primes},
    {"Fermat fixed width equals BIGNUM; wider moduli", test_fermat_widths},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("bignum", tests)
