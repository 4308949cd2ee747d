/* ctgen: writes a ctscan dump that looks like a real CT log, with a ground
 * truth of the lints each entry must fail. See corpus/gen/README.md.
 *
 *   ctgen -n ENTRIES -s SEED -o OUT.tiles.zst --truth OUT.truth.tsv
 *         [--issuers N] [-K TILES_PER_FRAME] [-l ZSTD_LEVEL]
 *   ctgen --list-lints      the lint names the truth file can name
 *
 * Everything is derived from the seed (xoshiro256** seeded by splitmix64):
 * keys, names, dates, defects. The same seed gives the same bytes.
 *
 * Certificates are DER written here (X.690 clause 10; RFC 5280 4.1 for the
 * structure). OpenSSL is used for the key material only: prime testing and
 * EC point multiplication, so every key is a real key, and for the
 * signatures of the CA certificates. Subscriber certificates carry a dummy
 * signature of the right shape (see README.md): ctscan does not verify
 * signatures, and real ones would cost 30 us (ECDSA) to 1 ms (RSA) each. */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <openssl/sha.h>

#include "ctscan/dump.h"

/* ------------------------------------------------------------------------
 * Deterministic randomness */

typedef struct rng {
  uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed) {
  for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* xoshiro256** */
static uint64_t rng_next(rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

static uint32_t rng_below(rng *r, uint32_t n) {
  return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static double rng_unit(rng *r) {
  return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static void rng_bytes(rng *r, uint8_t *out, size_t n) {
  while (n > 0) {
    uint64_t v = rng_next(r);
    size_t k = n < 8 ? n : 8;
    memcpy(out, &v, k);
    out += k;
    n -= k;
  }
}

/* ------------------------------------------------------------------------
 * A small DER writer (X.690 clause 10). begin() reserves one length octet;
 * end() writes the definite length in the minimal number of octets (10.1),
 * moving the contents when the long form needs more room. */

typedef struct enc {
  uint8_t *buf;
  size_t len, cap;
  size_t stack[32];
  int depth;
} enc;

static void die(const char *msg) {
  fprintf(stderr, "ctgen: %s\n", msg);
  exit(2);
}

static void e_reserve(enc *e, size_t n) {
  if (e->len + n <= e->cap) return;
  while (e->cap < e->len + n) e->cap = e->cap ? e->cap * 2 : 4096;
  e->buf = realloc(e->buf, e->cap);
  if (e->buf == NULL) die("out of memory");
}

static void e_bytes(enc *e, const void *p, size_t n) {
  e_reserve(e, n);
  memcpy(e->buf + e->len, p, n);
  e->len += n;
}

static void e_byte(enc *e, uint8_t b) {
  e_reserve(e, 1);
  e->buf[e->len++] = b;
}

static void e_begin(enc *e, uint8_t tag) {
  e_reserve(e, 2);
  e->buf[e->len++] = tag;
  e->stack[e->depth++] = e->len;
  e->buf[e->len++] = 0;
}

static void e_end(enc *e) {
  size_t at = e->stack[--e->depth];
  size_t n = e->len - at - 1;
  int k;
  if (n < 0x80) {
    e->buf[at] = (uint8_t)n;
    return;
  }
  k = n <= 0xff ? 1 : n <= 0xffff ? 2 : 3;
  e_reserve(e, (size_t)k);
  memmove(e->buf + at + 1 + k, e->buf + at + 1, n);
  e->buf[at] = (uint8_t)(0x80 | k);
  for (int i = 0; i < k; i++) e->buf[at + 1 + i] = (uint8_t)(n >> (8 * (k - 1 - i)));
  e->len += (size_t)k;
}

static void e_tlv(enc *e, uint8_t tag, const void *p, size_t n) {
  e_begin(e, tag);
  e_bytes(e, p, n);
  e_end(e);
}

static void e_str(enc *e, uint8_t tag, const char *s) { e_tlv(e, tag, s, strlen(s)); }

/* An OID given as its DER contents (X.690 8.19). */
static void e_oid(enc *e, const char *contents, size_t n) { e_tlv(e, 0x06, contents, n); }
#define E_OID(e, lit) e_oid((e), (lit), sizeof(lit) - 1)

/* INTEGER from unsigned big-endian magnitude: minimal, positive (8.3.2). */
static void e_uint(enc *e, const uint8_t *p, size_t n) {
  while (n > 1 && p[0] == 0) p++, n--;
  e_begin(e, 0x02);
  if (p[0] & 0x80) e_byte(e, 0);
  e_bytes(e, p, n);
  e_end(e);
}

/* ------------------------------------------------------------------------
 * OIDs (DER contents) */

#define OID_RSA_ENCRYPTION "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01"
#define OID_SHA256_RSA "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b"
#define OID_EC_PUBLIC_KEY "\x2a\x86\x48\xce\x3d\x02\x01"
#define OID_P256 "\x2a\x86\x48\xce\x3d\x03\x01\x07"
#define OID_P384 "\x2b\x81\x04\x00\x22"
#define OID_ECDSA_SHA256 "\x2a\x86\x48\xce\x3d\x04\x03\x02"
#define OID_ECDSA_SHA384 "\x2a\x86\x48\xce\x3d\x04\x03\x03"
#define OID_AT_CN "\x55\x04\x03"
#define OID_AT_SERIAL "\x55\x04\x05"
#define OID_AT_C "\x55\x04\x06"
#define OID_AT_L "\x55\x04\x07"
#define OID_AT_ST "\x55\x04\x08"
#define OID_AT_STREET "\x55\x04\x09"
#define OID_AT_O "\x55\x04\x0a"
#define OID_AT_OU "\x55\x04\x0b"
#define OID_AT_BUSINESS_CATEGORY "\x55\x04\x0f"
#define OID_AT_POSTAL "\x55\x04\x11"
#define OID_AT_JUR_C "\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x03"
#define OID_CE_SKI "\x55\x1d\x0e"
#define OID_CE_KU "\x55\x1d\x0f"
#define OID_CE_SAN "\x55\x1d\x11"
#define OID_CE_BC "\x55\x1d\x13"
#define OID_CE_CDP "\x55\x1d\x1f"
#define OID_CE_POLICIES "\x55\x1d\x20"
#define OID_CE_AKI "\x55\x1d\x23"
#define OID_CE_EKU "\x55\x1d\x25"
#define OID_PE_AIA "\x2b\x06\x01\x05\x05\x07\x01\x01"
#define OID_AD_OCSP "\x2b\x06\x01\x05\x05\x07\x30\x01"
#define OID_AD_CA_ISSUERS "\x2b\x06\x01\x05\x05\x07\x30\x02"
#define OID_KP_SERVER_AUTH "\x2b\x06\x01\x05\x05\x07\x03\x01"
#define OID_KP_CLIENT_AUTH "\x2b\x06\x01\x05\x05\x07\x03\x02"
#define OID_KP_OCSP_SIGNING "\x2b\x06\x01\x05\x05\x07\x03\x09"
#define OID_QT_CPS "\x2b\x06\x01\x05\x05\x07\x02\x01"
#define OID_CT_POISON "\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x03"
#define OID_CT_SCT_LIST "\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x02"
#define OID_POLICY_DV "\x67\x81\x0c\x01\x02\x01" /* 2.23.140.1.2.1 */
#define OID_POLICY_OV "\x67\x81\x0c\x01\x02\x02" /* 2.23.140.1.2.2 */
#define OID_POLICY_EV "\x67\x81\x0c\x01\x01"     /* 2.23.140.1.1 */

/* ------------------------------------------------------------------------
 * Keys: deterministic, real. RSA primes by incremental search from a
 * seeded odd start (the first probable prime found, as BN_check_prime
 * decides, which does not depend on its random bases in practice); EC keys
 * from a seeded scalar. */

typedef enum key_kind { K_RSA, K_P256, K_P384 } key_kind;

typedef struct key {
  key_kind kind;
  int bits;
  uint8_t spki[700]; /* SubjectPublicKeyInfo DER (RFC 5280 4.1.2.7) */
  size_t spki_len;
  uint8_t ski[20]; /* RFC 5280 4.2.1.2 method (1): SHA-1 of the key bits */
  BIGNUM *n, *d;   /* RSA; d only for signing keys */
  BIGNUM *priv;    /* EC private scalar */
  int sig_len;     /* RSA: modulus bytes */
} key;

/* Small odd primes for the sieve (filled once). */
static uint32_t g_small_primes[1900];
static int g_n_small;

static void small_primes_init(void) {
  for (uint32_t c = 3; g_n_small < 1900; c += 2) {
    int prime = 1;
    for (int i = 0; i < g_n_small && g_small_primes[i] * g_small_primes[i] <= c; i++)
      if (c % g_small_primes[i] == 0) prime = 0;
    if (prime) g_small_primes[g_n_small++] = c;
  }
}

/* Miller-Rabin with the fixed bases 2..23 (no randomness, so the result
 * is a function of n). For random candidates of 512 bits and more the
 * chance that a composite passes is far below 2^-80. */
static int probable_prime(const BIGNUM *n, BN_CTX *ctx) {
  static const BN_ULONG bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23};
  BN_MONT_CTX *mont = BN_MONT_CTX_new();
  BIGNUM *nm1 = BN_new(), *d = BN_new(), *x = BN_new();
  int s = 0, ok = 1;
  if (mont == NULL || nm1 == NULL || d == NULL || x == NULL ||
      !BN_MONT_CTX_set(mont, n, ctx) || !BN_copy(nm1, n) || !BN_sub_word(nm1, 1) ||
      !BN_copy(d, nm1))
    die("BN");
  while (!BN_is_bit_set(d, 0)) {
    if (!BN_rshift1(d, d)) die("BN");
    s++;
  }
  for (size_t b = 0; b < sizeof bases / sizeof bases[0] && ok; b++) {
    int j;
    if (!BN_mod_exp_mont_word(x, bases[b], d, n, ctx, mont)) die("BN");
    if (BN_is_one(x) || BN_cmp(x, nm1) == 0) continue;
    for (j = 1; j < s; j++) {
      if (!BN_mod_sqr(x, x, n, ctx)) die("BN");
      if (BN_cmp(x, nm1) == 0) break;
    }
    if (j >= s) ok = 0;
  }
  BN_MONT_CTX_free(mont);
  BN_free(nm1);
  BN_free(d);
  BN_free(x);
  return ok;
}

/* A prime of exactly bits bits: the first probable prime at or after a
 * seeded odd start with its two top bits set, candidates sieved by the
 * small primes first. p - 1 is kept prime to 65537 (the exponent). */
static BIGNUM *gen_prime(rng *r, int bits, BN_CTX *ctx) {
  uint8_t buf[512];
  uint32_t res[1900];
  BIGNUM *p;
  int nb = bits / 8;
  uint32_t delta;
  if (g_n_small == 0) small_primes_init();
  rng_bytes(r, buf, (size_t)nb);
  buf[0] |= 0xc0; /* two top bits: n = p * q has exactly 2 * bits bits */
  buf[nb - 1] |= 1;
  p = BN_bin2bn(buf, nb, NULL);
  if (p == NULL) die("BN_bin2bn");
  for (int i = 0; i < g_n_small; i++) res[i] = (uint32_t)BN_mod_word(p, g_small_primes[i]);
  for (delta = 0;; delta += 2) {
    int i;
    for (i = 0; i < g_n_small; i++)
      if ((res[i] + delta) % g_small_primes[i] == 0) break;
    if (i < g_n_small) continue;
    {
      BIGNUM *c = BN_dup(p);
      if (c == NULL || !BN_add_word(c, delta)) die("BN");
      if (BN_mod_word(c, 65537) != 1 && probable_prime(c, ctx)) {
        BN_free(p);
        return c;
      }
      BN_free(c);
    }
  }
}

/* SKI = SHA-1 of the subjectPublicKey BIT STRING's value (without the
 * unused-bits octet), RFC 5280 4.2.1.2 (1). */
static void key_finish(key *k, const uint8_t *bits, size_t bits_len) {
  SHA1(bits, bits_len, k->ski);
}

static void key_rsa(key *k, rng *r, int bits, int want_d, BN_CTX *ctx) {
  BIGNUM *p = gen_prime(r, bits / 2, ctx), *q = gen_prime(r, bits / 2, ctx);
  BIGNUM *e = BN_new();
  uint8_t nbuf[520];
  enc en = {0};
  size_t bits_at;
  int nlen;
  memset(k, 0, sizeof *k);
  k->kind = K_RSA;
  k->bits = bits;
  k->n = BN_new();
  if (e == NULL || k->n == NULL || !BN_set_word(e, 65537) || !BN_mul(k->n, p, q, ctx))
    die("BN");
  if (want_d) {
    BIGNUM *p1 = BN_dup(p), *q1 = BN_dup(q), *phi = BN_new();
    k->d = BN_new();
    if (!BN_sub_word(p1, 1) || !BN_sub_word(q1, 1) || !BN_mul(phi, p1, q1, ctx) ||
        BN_mod_inverse(k->d, e, phi, ctx) == NULL)
      die("RSA private exponent");
    BN_free(p1);
    BN_free(q1);
    BN_free(phi);
  }
  nlen = BN_bn2bin(k->n, nbuf);
  k->sig_len = nlen;
  /* SubjectPublicKeyInfo with rsaEncryption and NULL parameters (RFC 3279
   * 2.3.1), subjectPublicKey = RSAPublicKey { modulus, publicExponent } */
  e_begin(&en, 0x30);
  e_begin(&en, 0x30);
  E_OID(&en, OID_RSA_ENCRYPTION);
  e_tlv(&en, 0x05, "", 0);
  e_end(&en);
  e_begin(&en, 0x03);
  e_byte(&en, 0);
  bits_at = en.len;
  e_begin(&en, 0x30);
  e_uint(&en, nbuf, (size_t)nlen);
  e_uint(&en, (const uint8_t *)"\x01\x00\x01", 3);
  e_end(&en);
  e_end(&en);
  e_end(&en);
  if (en.len > sizeof k->spki) die("SPKI too long");
  memcpy(k->spki, en.buf, en.len);
  k->spki_len = en.len;
  /* after end() the BIT STRING value has moved by the length octets */
  {
    const uint8_t *s = k->spki;
    size_t i = 0, L;
    /* outer SEQUENCE header, AlgorithmIdentifier, BIT STRING header */
    i = 1 + ((s[1] & 0x80) ? 1 + (s[1] & 0x7f) : 1);
    i += 2 + s[i + 1];
    L = s[i + 1];
    i += (L & 0x80) ? 2 + (L & 0x7f) : 2;
    key_finish(k, s + i + 1, k->spki_len - i - 1);
  }
  (void)bits_at;
  free(en.buf);
  BN_free(p);
  BN_free(q);
  BN_free(e);
}

static EC_GROUP *g_p256, *g_p384;

static void key_ec(key *k, rng *r, key_kind kind, BN_CTX *ctx) {
  EC_GROUP *g = kind == K_P256 ? g_p256 : g_p384;
  int flen = kind == K_P256 ? 32 : 48;
  uint8_t buf[64], pt[100];
  const BIGNUM *order = EC_GROUP_get0_order(g);
  EC_POINT *P = EC_POINT_new(g);
  enc en = {0};
  size_t ptlen;
  memset(k, 0, sizeof *k);
  k->kind = kind;
  k->bits = flen * 8;
  rng_bytes(r, buf, (size_t)flen);
  k->priv = BN_bin2bn(buf, flen, NULL);
  if (k->priv == NULL || P == NULL || !BN_nnmod(k->priv, k->priv, order, ctx) ||
      BN_is_zero(k->priv) || !EC_POINT_mul(g, P, k->priv, NULL, NULL, ctx))
    die("EC key");
  ptlen = EC_POINT_point2oct(g, P, POINT_CONVERSION_UNCOMPRESSED, pt, sizeof pt, ctx);
  /* RFC 5480 2.1.1: id-ecPublicKey with namedCurve; the point uncompressed */
  e_begin(&en, 0x30);
  e_begin(&en, 0x30);
  E_OID(&en, OID_EC_PUBLIC_KEY);
  if (kind == K_P256) E_OID(&en, OID_P256);
  else E_OID(&en, OID_P384);
  e_end(&en);
  e_begin(&en, 0x03);
  e_byte(&en, 0);
  e_bytes(&en, pt, ptlen);
  e_end(&en);
  e_end(&en);
  memcpy(k->spki, en.buf, en.len);
  k->spki_len = en.len;
  key_finish(k, pt, ptlen);
  k->sig_len = flen;
  free(en.buf);
  EC_POINT_free(P);
}

/* The AlgorithmIdentifier a key signs with (RFC 4055 5 / RFC 5758 3.2). */
static void e_sig_alg(enc *e, const key *k) {
  e_begin(e, 0x30);
  if (k->kind == K_RSA) {
    E_OID(e, OID_SHA256_RSA);
    e_tlv(e, 0x05, "", 0);
  } else if (k->kind == K_P256) {
    E_OID(e, OID_ECDSA_SHA256);
  } else {
    E_OID(e, OID_ECDSA_SHA384);
  }
  e_end(e);
}

/* ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 5758 3.2) */
static void e_ecdsa_sig(enc *e, const uint8_t *r, const uint8_t *s, size_t n) {
  e_begin(e, 0x30);
  e_uint(e, r, n);
  e_uint(e, s, n);
  e_end(e);
}

/* A real signature over tbs: RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017
 * 8.2.1, 9.2), or ECDSA (SEC 1 4.1.3) with a nonce derived from the key
 * and the message, so the output stays a function of the seed. */
static void sign_real(enc *e, const key *k, const uint8_t *tbs, size_t tbs_len,
                      BN_CTX *ctx) {
  uint8_t out[600];
  e_begin(e, 0x03);
  e_byte(e, 0);
  if (k->kind == K_RSA) {
    static const uint8_t digest_info[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x01, 0x05, 0x00, 0x04, 0x20};
    size_t kl = (size_t)k->sig_len;
    uint8_t em[600];
    BIGNUM *m, *s = BN_new();
    memset(em, 0xff, kl);
    em[0] = 0;
    em[1] = 1;
    em[kl - 32 - sizeof digest_info - 1] = 0;
    memcpy(em + kl - 32 - sizeof digest_info, digest_info, sizeof digest_info);
    SHA256(tbs, tbs_len, em + kl - 32);
    m = BN_bin2bn(em, (int)kl, NULL);
    if (m == NULL || s == NULL || !BN_mod_exp(s, m, k->d, k->n, ctx) ||
        BN_bn2binpad(s, out, (int)kl) < 0)
      die("RSA sign");
    e_bytes(e, out, kl);
    BN_free(m);
    BN_free(s);
  } else {
    EC_GROUP *g = k->kind == K_P256 ? g_p256 : g_p384;
    size_t fl = (size_t)k->sig_len;
    uint8_t h[64], seedbuf[128], kb[64], rb[64], sb[64];
    const BIGNUM *order = EC_GROUP_get0_order(g);
    BIGNUM *kk, *r = BN_new(), *s = BN_new(), *hx, *x = BN_new(), *kinv = BN_new();
    EC_POINT *R = EC_POINT_new(g);
    if (k->kind == K_P256) SHA256(tbs, tbs_len, h);
    else SHA384(tbs, tbs_len, h);
    BN_bn2binpad(k->priv, seedbuf, (int)fl);
    memcpy(seedbuf + fl, h, fl);
    SHA512(seedbuf, 2 * fl, kb);
    kk = BN_bin2bn(kb, (int)fl, NULL);
    hx = BN_bin2bn(h, (int)fl, NULL);
    if (kk == NULL || hx == NULL || r == NULL || s == NULL || R == NULL ||
        !BN_nnmod(kk, kk, order, ctx) || BN_is_zero(kk) ||
        !EC_POINT_mul(g, R, kk, NULL, NULL, ctx) ||
        !EC_POINT_get_affine_coordinates(g, R, x, NULL, ctx) ||
        !BN_nnmod(r, x, order, ctx) || BN_mod_inverse(kinv, kk, order, ctx) == NULL ||
        !BN_mod_mul(s, r, k->priv, order, ctx) || !BN_mod_add(s, s, hx, order, ctx) ||
        !BN_mod_mul(s, s, kinv, order, ctx))
      die("ECDSA sign");
    BN_bn2binpad(r, rb, (int)fl);
    BN_bn2binpad(s, sb, (int)fl);
    e_ecdsa_sig(e, rb, sb, fl);
    BN_free(kk);
    BN_free(r);
    BN_free(s);
    BN_free(hx);
    BN_free(x);
    BN_free(kinv);
    EC_POINT_free(R);
  }
  e_end(e);
}

/* The dummy signature of subscriber certificates: the shape of the real one
 * (a modulus-sized octet string below the modulus, or an ECDSA-Sig-Value
 * with full-size r and s), the bytes from the generator's stream. */
static void sign_dummy(enc *e, const key *k, rng *r) {
  uint8_t b[600], b2[64];
  e_begin(e, 0x03);
  e_byte(e, 0);
  if (k->kind == K_RSA) {
    rng_bytes(r, b, (size_t)k->sig_len);
    b[0] &= 0x3f; /* the top bits of n are set: stay below the modulus */
    e_bytes(e, b, (size_t)k->sig_len);
  } else {
    rng_bytes(r, b, (size_t)k->sig_len);
    rng_bytes(r, b2, (size_t)k->sig_len);
    b[0] = (uint8_t)(b[0] & 0x7f) | 0x01;
    b2[0] = (uint8_t)(b2[0] & 0x7f) | 0x01;
    e_ecdsa_sig(e, b, b2, (size_t)k->sig_len);
  }
  e_end(e);
}

/* ------------------------------------------------------------------------
 * Dates: Unix seconds to UTCTime (RFC 5280 4.1.2.5.1: YYMMDDHHMMSSZ for
 * 1950-2049). */

static int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

#define DATE(y, m, d) (days_from_civil((y), (m), (d)) * 86400)
#define DAY 86400

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void e_time(enc *e, int64_t t) {
  int y, m, d;
  int64_t day = t >= 0 ? t / DAY : (t - DAY + 1) / DAY, sec = t - day * DAY;
  char s[16];
  civil_from_days(day, &y, &m, &d);
  s[0] = (char)('0' + (y / 10) % 10);
  s[1] = (char)('0' + y % 10);
  s[2] = (char)('0' + m / 10);
  s[3] = (char)('0' + m % 10);
  s[4] = (char)('0' + d / 10);
  s[5] = (char)('0' + d % 10);
  s[6] = (char)('0' + (int)(sec / 3600) / 10);
  s[7] = (char)('0' + (int)(sec / 3600) % 10);
  s[8] = (char)('0' + (int)(sec / 60 % 60) / 10);
  s[9] = (char)('0' + (int)(sec / 60 % 60) % 10);
  s[10] = (char)('0' + (int)(sec % 60) / 10);
  s[11] = (char)('0' + (int)(sec % 60) % 10);
  s[12] = 'Z';
  e_tlv(e, 0x17, s, 13);
}

/* ------------------------------------------------------------------------
 * Lints the truth file names (lints.md "First"), and the defects that
 * produce them. */

static const char *const k_lints[] = {
    "e_dnsname_not_valid_tld",
    "e_dnsname_bad_character_in_label",
    "e_ext_san_contains_reserved_ip",
    "e_subject_contains_reserved_ip",
    "e_subject_common_name_not_exactly_from_san",
    "e_subject_common_name_not_from_san",
    "e_rsa_mod_less_than_2048_bits",
    "e_mp_modulus_must_be_2048_bits_or_more",
    "e_serial_number_longer_than_20_octets",
    "e_serial_number_not_positive",
    "e_ext_san_empty_name",
    "e_dnsname_empty_label",
    "e_rfc_dnsname_empty_label",
    "e_sub_cert_valid_time_longer_than_39_months",
    "e_sub_cert_valid_time_longer_than_825_days",
    "e_tls_server_cert_valid_time_longer_than_398_days",
    "w_tls_server_cert_valid_time_longer_than_397_days",
    "e_cab_dv_conflicts_with_org",
    "e_cab_dv_conflicts_with_locality",
    "e_cab_dv_conflicts_with_province",
    "e_cab_dv_conflicts_with_street",
    "e_cab_dv_conflicts_with_postal",
    "e_sub_cert_crl_distribution_points_does_not_contain_url",
    "w_distribution_point_missing_ldap_or_uri",
    "e_crl_distrib_points_not_http",
    "n_san_dns_name_duplicate",
    "e_underscore_not_permissible_in_dnsname",
    "e_dnsname_underscore_in_sld",
    "w_dnsname_underscore_in_trd",
    "e_rfc_dnsname_underscore_in_sld",
    "w_rfc_dnsname_underscore_in_trd",
    "e_no_underscores_before_1_6_2",
    "e_underscore_permissible_in_dnsname_if_valid_when_replaced",
    "e_underscore_present_with_too_long_validity",
    "e_organizational_unit_name_prohibited",
    "e_subject_contains_organizational_unit_name_and_no_organization_name",
    "e_ext_authority_key_identifier_no_key_identifier",
    "e_ext_authority_key_identifier_critical",
    "e_mp_authority_key_identifier_correct",
    "e_ev_invalid_business_category",
    "e_ev_business_category_missing",
    "e_cert_policy_ov_requires_province_or_locality",
    "e_sub_cert_locality_name_must_appear",
    "e_sub_cert_province_must_appear",
    "e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth",
    "w_serial_number_low_entropy",
};
#define N_LINTS (sizeof k_lints / sizeof k_lints[0])

typedef enum defect {
  D_NONE = 0,
  D_TLD_LOCAL,      /* autodiscover.example.local */
  D_TLD_BARE,       /* a bare label: intranet */
  D_TLD_UNKNOWN,    /* www.example.frr */
  D_URL_IN_DNS,     /* http://www.example.com */
  D_EMAIL_IN_DNS,   /* admin@example.com */
  D_SPACE_IN_DNS,   /* www.example .com */
  D_SAN_RESERVED_IP,
  D_CN_RESERVED_IP, /* CN = a reserved IP, also in the SAN */
  D_CN_NOT_IN_SAN,
  D_CN_CASE,        /* CN differs from its SAN only in case */
  D_RSA_1024,
  D_SERIAL_LONG,    /* 21 octets */
  D_SERIAL_NEG,
  D_SERIAL_SHORT,   /* 4 to 7 octets */
  D_SAN_EMPTY,      /* an empty dNSName */
  D_EMPTY_LABEL,    /* www..example.com */
  D_VALIDITY_LONG,  /* over the limit of its era */
  D_VALIDITY_397,   /* 397.5 days: the SHOULD, not the MUST */
  D_DV_ORG_FULL,    /* DV policy, full organization subject */
  D_DV_ORG_ONLY,    /* DV policy, O and C only */
  D_CDP_HTTPS,
  D_CDP_LDAP,
  D_CDP_DIRNAME,    /* a directoryName, no URI */
  D_SAN_DUPLICATE,
  D_UNDERSCORE_SLD, /* foo_bar.com */
  D_UNDERSCORE_TRD, /* _acme.example.com */
  D_OU_PROHIBITED,  /* OV with an OU after 2022-09-01 */
  D_OU_NO_O,        /* DV with OU=Domain Control Validated */
  D_AKI_NO_KEYID,
  D_AKI_CRITICAL,
  D_AKI_KEYID_AND_ISSUER,
  D_EV_BAD_CATEGORY,
  D_EV_NO_CATEGORY,
  D_OV_NO_LOCALITY,
  D_OCSP_NO_NOCHECK, /* a sub-CA entry with id-kp-OCSPSigning */
  D_COUNT
} defect;

static const char *const k_defect_names[D_COUNT] = {
    "none", "tld_local", "tld_bare", "tld_unknown", "url_in_dns", "email_in_dns",
    "space_in_dns", "san_reserved_ip", "cn_reserved_ip", "cn_not_in_san", "cn_case",
    "rsa_1024", "serial_long", "serial_negative", "serial_short", "san_empty",
    "empty_label", "validity_long", "validity_397", "dv_org_full", "dv_org_only",
    "cdp_https", "cdp_ldap", "cdp_dirname", "san_duplicate", "underscore_sld",
    "underscore_trd", "ou_prohibited", "ou_without_o", "aki_no_keyid", "aki_critical",
    "aki_keyid_and_issuer", "ev_bad_category", "ev_no_category", "ov_no_locality",
    "ocsp_no_nocheck"};

/* ------------------------------------------------------------------------
 * Names */

static const char *const k_words[] = {
    "acme", "alpine", "amber", "apex", "atlas", "aurora", "beacon", "birch",
    "blue", "bright", "brook", "cargo", "cedar", "cloud", "cobalt", "comet",
    "coral", "crest", "delta", "desert", "echo", "ember", "falcon", "fern",
    "fjord", "flint", "forge", "fox", "garden", "glacier", "granite", "harbor",
    "hazel", "horizon", "indigo", "iris", "jade", "juniper", "kite", "lagoon",
    "lark", "lumen", "maple", "meadow", "mesa", "nectar", "nimbus", "north",
    "oak", "ocean", "onyx", "orbit", "pebble", "pine", "pixel", "prairie",
    "quartz", "rapid", "raven", "reef", "ridge", "river", "rocket", "sage",
    "sand", "shore", "sierra", "silver", "sky", "solar", "spruce", "stone",
    "summit", "swift", "tango", "terra", "tide", "timber", "topaz", "trail",
    "tulip", "union", "valley", "vector", "velvet", "vista", "willow", "wind",
    "zenith", "zephyr", "bakery", "dental", "legal", "motors", "travel",
    "studio", "clinic", "market", "school", "church", "hotel", "shop", "media",
    "cuatis", "labs", "tech", "group", "works", "systems", "data", "health"};
#define N_WORDS (sizeof k_words / sizeof k_words[0])

/* TLDs delegated in the root zone since before 2012, weighted roughly as in
 * CT: (tld, weight) */
static const struct {
  const char *tld;
  int w;
} k_tlds[] = {{"com", 50}, {"net", 8}, {"org", 6}, {"de", 5}, {"co.uk", 3},
              {"io", 3},   {"fr", 2},  {"nl", 2},  {"jp", 2}, {"com.br", 2},
              {"ru", 2},   {"info", 1}, {"eu", 1}, {"pl", 1}, {"it", 1},
              {"es", 1},   {"ca", 1},  {"com.au", 1}, {"ch", 1}, {"se", 1}};
#define N_TLDS (sizeof k_tlds / sizeof k_tlds[0])
static int g_tld_total;

static const char *const k_subs[] = {"www", "mail", "api", "cdn", "shop", "app",
                                     "blog", "dev", "portal", "vpn", "m", "static",
                                     "login", "docs", "status", "img"};
#define N_SUBS (sizeof k_subs / sizeof k_subs[0])

/* Punycode A-labels (RFC 5891): münchen, bücher, café */
static const char *const k_idn[] = {"xn--mnchen-3ya", "xn--bcher-kva", "xn--caf-dma"};

typedef struct sbuf {
  char s[80];
  size_t n;
} sbuf;

static void sb_put(sbuf *b, const char *s) {
  size_t k = strlen(s);
  if (b->n + k >= sizeof b->s) k = sizeof b->s - 1 - b->n;
  memcpy(b->s + b->n, s, k);
  b->n += k;
  b->s[b->n] = 0;
}

static void sb_num(sbuf *b, unsigned v) {
  char t[12];
  int i = 11;
  t[i] = 0;
  do t[--i] = (char)('0' + v % 10), v /= 10;
  while (v);
  sb_put(b, t + i);
}

static const char *pick_tld(rng *r) {
  int x = (int)rng_below(r, (uint32_t)g_tld_total);
  for (size_t i = 0; i < N_TLDS; i++)
    if ((x -= k_tlds[i].w) < 0) return k_tlds[i].tld;
  return "com";
}

/* A registrable domain: word[-word][digits].tld, or an IDN label. */
static void make_base_domain(rng *r, sbuf *b) {
  uint32_t x = rng_below(r, 100);
  b->n = 0;
  b->s[0] = 0;
  if (x < 2) {
    sb_put(b, k_idn[rng_below(r, 3)]);
  } else {
    sb_put(b, k_words[rng_below(r, N_WORDS)]);
    if (x < 45) sb_put(b, k_words[rng_below(r, N_WORDS)]);
    else if (x < 60) sb_put(b, "-"), sb_put(b, k_words[rng_below(r, N_WORDS)]);
    if (x >= 80) sb_num(b, rng_below(r, 1000));
  }
  sb_put(b, ".");
  sb_put(b, pick_tld(r));
}

/* ------------------------------------------------------------------------
 * CAs */

typedef enum profile { P_DV, P_OV, P_EV } profile;
typedef enum serial_style { S_RANDOM16, S_RANDOM18, S_SEQUENTIAL, S_REUSE } serial_style;

typedef struct defect_rate {
  defect d;
  double rate; /* per certificate */
} defect_rate;

typedef struct ca {
  char cn[96], o[96], c[3];
  uint8_t name[400]; /* subject Name DER */
  size_t name_len;
  key k;
  int root;            /* index into roots */
  uint8_t cert[2500];  /* issuer certificate DER */
  size_t cert_len;
  uint8_t cert_sha[32];
  uint8_t key_hash[32]; /* SHA-256 of the SPKI (RFC 6962 issuer_key_hash) */
  char id[33], id_no_keyid[33];
  double weight;       /* Zipf */
  double dv, ov;       /* profile mix; EV = rest */
  int validity_days;   /* 90, 365, 397 */
  int precert_pct;     /* entries that are precerts (+ finals) */
  serial_style serials;
  uint64_t seq_next;
  uint8_t seq_prefix[12];
  uint8_t last_serial[20];
  int have_last_serial;
  int typo_reissues;   /* issues a typo then the right name */
  char host[48];       /* for its URLs */
  uint8_t policy_oid[16];
  size_t policy_oid_len;
  defect_rate defects[8];
  int n_defects;
  /* a sub-CA certificate logged as an x509 entry: with and without the
   * OCSP-signing defect */
  uint8_t subca[2][2500];
  size_t subca_len[2];
  double subca_rate;
} ca;

typedef struct root {
  char cn[96], o[96];
  uint8_t name[300];
  size_t name_len;
  key k;
  uint8_t cert[2500];
  size_t cert_len;
  uint8_t cert_sha[32];
  char id[33];
} root;

/* strlcpy: copies what fits, always terminated. */
static void copy_str(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap) n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
}

static void hex16(const uint8_t *p, char *out) {
  static const char h[] = "0123456789abcdef";
  for (int i = 0; i < 16; i++) out[2 * i] = h[p[i] >> 4], out[2 * i + 1] = h[p[i] & 15];
  out[32] = 0;
}

/* Name ::= RDNSequence, one AttributeTypeAndValue per RDN (RFC 5280
 * 4.1.2.4); C as PrintableString (X.520), the rest as given. */
static void e_rdn(enc *e, const char *oid, size_t oid_len, uint8_t tag,
                  const char *v) {
  e_begin(e, 0x31);
  e_begin(e, 0x30);
  e_oid(e, oid, oid_len);
  e_str(e, tag, v);
  e_end(e);
  e_end(e);
}
#define E_RDN(e, oid, tag, v) e_rdn((e), (oid), sizeof(oid) - 1, (tag), (v))

static void make_ca_name(enc *e, const char *c, const char *o, const char *cn) {
  e_begin(e, 0x30);
  E_RDN(e, OID_AT_C, 0x13, c);
  E_RDN(e, OID_AT_O, 0x13, o);
  E_RDN(e, OID_AT_CN, 0x13, cn);
  e_end(e);
}

static void e_ext_begin(enc *e, const char *oid, size_t oid_len, int critical) {
  e_begin(e, 0x30);
  e_oid(e, oid, oid_len);
  if (critical) e_tlv(e, 0x01, "\xff", 1);
  e_begin(e, 0x04);
}
#define E_EXT_BEGIN(e, oid, crit) e_ext_begin((e), (oid), sizeof(oid) - 1, (crit))
static void e_ext_end(enc *e) {
  e_end(e);
  e_end(e);
}

/* RFC 5280 4.2.1.1: AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] } */
static void e_aki(enc *e, const uint8_t *keyid, int critical) {
  E_EXT_BEGIN(e, OID_CE_AKI, critical);
  e_begin(e, 0x30);
  e_tlv(e, 0x80, keyid, 20);
  e_end(e);
  e_ext_end(e);
}

static void e_ski(enc *e, const uint8_t *ski) {
  E_EXT_BEGIN(e, OID_CE_SKI, 0);
  e_tlv(e, 0x04, ski, 20);
  e_ext_end(e);
}

/* A CA certificate (RFC 5280 4.1, BRs 7.1.2.1/7.1.2.2), signed for real. */
static size_t make_ca_cert(uint8_t *out, size_t cap, const uint8_t *subject,
                           size_t subject_len, const key *subject_key,
                           const uint8_t *issuer, size_t issuer_len,
                           const key *issuer_key, int self_signed, int ocsp_eku,
                           const char *issuer_host, rng *r, BN_CTX *ctx) {
  enc t = {0}, c = {0};
  uint8_t serial[16];
  size_t n;
  rng_bytes(r, serial, sizeof serial);
  serial[0] = (serial[0] & 0x7f) | 0x10;
  e_begin(&t, 0x30);
  e_begin(&t, 0xa0);
  e_tlv(&t, 0x02, "\x02", 1);
  e_end(&t);
  e_uint(&t, serial, sizeof serial);
  e_sig_alg(&t, issuer_key);
  e_bytes(&t, issuer, issuer_len);
  e_begin(&t, 0x30);
  e_time(&t, self_signed ? DATE(2015, 6, 4) : DATE(2024, 3, 13));
  e_time(&t, self_signed ? DATE(2035, 6, 4) : DATE(2027, 3, 12) + DAY - 1);
  e_end(&t);
  e_bytes(&t, subject, subject_len);
  e_bytes(&t, subject_key->spki, subject_key->spki_len);
  e_begin(&t, 0xa3);
  e_begin(&t, 0x30);
  /* keyUsage: digitalSignature, keyCertSign, cRLSign (BRs 7.1.2.10.7) */
  E_EXT_BEGIN(&t, OID_CE_KU, 1);
  e_tlv(&t, 0x03, self_signed ? "\x01\x06" : "\x01\x86", 2);
  e_ext_end(&t);
  E_EXT_BEGIN(&t, OID_CE_BC, 1);
  e_begin(&t, 0x30);
  e_tlv(&t, 0x01, "\xff", 1);
  if (!self_signed) e_tlv(&t, 0x02, "\x00", 1);
  e_end(&t);
  e_ext_end(&t);
  e_ski(&t, subject_key->ski);
  if (!self_signed) {
    char url[128];
    e_aki(&t, issuer_key->ski, 0);
    E_EXT_BEGIN(&t, OID_CE_EKU, 0);
    e_begin(&t, 0x30);
    E_OID(&t, OID_KP_SERVER_AUTH);
    E_OID(&t, OID_KP_CLIENT_AUTH);
    if (ocsp_eku) E_OID(&t, OID_KP_OCSP_SIGNING);
    e_end(&t);
    e_ext_end(&t);
    /* AIA caIssuers, CRL DP, policies (BRs 7.1.2.2) */
    snprintf(url, sizeof url, "http://%s/root.crt", issuer_host);
    E_EXT_BEGIN(&t, OID_PE_AIA, 0);
    e_begin(&t, 0x30);
    e_begin(&t, 0x30);
    E_OID(&t, OID_AD_CA_ISSUERS);
    e_str(&t, 0x86, url);
    e_end(&t);
    e_end(&t);
    e_ext_end(&t);
    snprintf(url, sizeof url, "http://%s/root.crl", issuer_host);
    E_EXT_BEGIN(&t, OID_CE_CDP, 0);
    e_begin(&t, 0x30);
    e_begin(&t, 0x30);
    e_begin(&t, 0xa0);
    e_begin(&t, 0xa0);
    e_str(&t, 0x86, url);
    e_end(&t);
    e_end(&t);
    e_end(&t);
    e_end(&t);
    e_ext_end(&t);
    E_EXT_BEGIN(&t, OID_CE_POLICIES, 0);
    e_begin(&t, 0x30);
    e_begin(&t, 0x30);
    E_OID(&t, OID_POLICY_DV);
    e_end(&t);
    e_begin(&t, 0x30);
    E_OID(&t, OID_POLICY_OV);
    e_end(&t);
    e_end(&t);
    e_ext_end(&t);
  }
  e_end(&t);
  e_end(&t);
  e_end(&t);
  e_begin(&c, 0x30);
  e_bytes(&c, t.buf, t.len);
  e_sig_alg(&c, issuer_key);
  sign_real(&c, issuer_key, t.buf, t.len, ctx);
  e_end(&c);
  if (c.len > cap) die("CA certificate too long");
  memcpy(out, c.buf, c.len);
  n = c.len;
  free(t.buf);
  free(c.buf);
  return n;
}

/* CA identity as ctscan computes it: SHA-256(issuer DN || keyIdentifier). */
static void ca_id(const uint8_t *name, size_t name_len, const uint8_t *keyid,
                  size_t keyid_len, char out[33]) {
  uint8_t buf[600], h[32];
  if (name_len + keyid_len > sizeof buf) die("CA name too long");
  memcpy(buf, name, name_len);
  if (keyid_len) memcpy(buf + name_len, keyid, keyid_len);
  SHA256(buf, name_len + keyid_len, h);
  hex16(h, out);
}

/* ------------------------------------------------------------------------
 * The CA population: names modelled on real issuers, Zipf volumes, a
 * profile mix and a defect profile each. */

static const char *const k_ca_orgs[] = {
    "Lets Encrypt Staging Auth", "Certa Trust Services", "Northwind PKI",
    "Globe Sign Group", "Digital Certs Inc", "Sectum Limited", "TrustWave Ops",
    "Amazonia Web Trust", "Cloudline Inc", "Entrusted Datacard",
    "HarborSign GmbH", "BuyPass Nordic AS", "Actalis Peninsula SpA",
    "Telesec Deutschland", "Certum Polska", "SwissKey AG", "QuoVista Ltd",
    "Hellenic Academic CA", "Firmaprofesional Iberia", "Izenpe Norte",
    "SSL Provision Corp", "ZeroCert Inc", "Google Trust Svc Lab",
    "Microsec Hungary", "Atos Trust Centre", "Chunghwa Telecom PKI",
    "SECOM Trust Japan", "e-Tugra Anatolia", "Certigna France",
    "Camerfirma Iberica", "Visa Trust Lab", "Asseco Data Systems",
    "Disig Slovakia", "NetLock Kft", "Telia Finland Oy", "AC Camara Madrid",
    "Autoridad Certificadora MX", "TWCA Taiwan", "GDCA Guangdong",
    "SHECA Shanghai", "Naver Cloud Trust", "eMudhra India", "D-Trust Berlin",
    "Fina Croatia", "Sertifitseerimiskeskus EE", "Krajowa Izba PL",
    "OISTE Foundation", "SSL dot com", "Trustcor Labs", "WoSign Legacy"};
#define N_CA_ORGS (sizeof k_ca_orgs / sizeof k_ca_orgs[0])
static const char *const k_ca_countries[] = {"US", "US", "GB", "BE", "US", "GB", "US",
                                             "US", "US", "CA", "DE", "NO", "IT", "DE",
                                             "PL", "CH", "BM", "GR", "ES", "ES"};

/* Defect profiles, assigned round-robin to CAs (after the largest, which is
 * kept nearly clean, as the large ACME CAs are). Rates are per
 * certificate. */
static const defect_rate k_profiles[][6] = {
    {{D_TLD_LOCAL, 0.004}, {D_TLD_BARE, 0.002}, {D_CN_NOT_IN_SAN, 0.003}},
    {{D_URL_IN_DNS, 0.003}, {D_EMAIL_IN_DNS, 0.002}, {D_SPACE_IN_DNS, 0.002}},
    {{D_SAN_RESERVED_IP, 0.004}, {D_CN_RESERVED_IP, 0.003}, {D_TLD_UNKNOWN, 0.002}},
    {{D_RSA_1024, 0.005}, {D_SERIAL_SHORT, 0.004}, {D_CN_CASE, 0.003}},
    {{D_SERIAL_LONG, 0.004}, {D_SERIAL_NEG, 0.004}, {D_SAN_DUPLICATE, 0.005}},
    {{D_SAN_EMPTY, 0.003}, {D_EMPTY_LABEL, 0.003}, {D_UNDERSCORE_SLD, 0.004}},
    {{D_VALIDITY_LONG, 0.006}, {D_VALIDITY_397, 0.004}, {D_UNDERSCORE_TRD, 0.004}},
    {{D_DV_ORG_FULL, 0.004}, {D_DV_ORG_ONLY, 0.003}, {D_OU_NO_O, 0.004}},
    {{D_CDP_HTTPS, 0.005}, {D_CDP_LDAP, 0.003}, {D_CDP_DIRNAME, 0.003}},
    {{D_OU_PROHIBITED, 0.006}, {D_OV_NO_LOCALITY, 0.005}, {D_EV_BAD_CATEGORY, 0.004}},
    {{D_AKI_NO_KEYID, 0.004}, {D_AKI_CRITICAL, 0.003}, {D_AKI_KEYID_AND_ISSUER, 0.003}},
    {{D_EV_NO_CATEGORY, 0.004}, {D_UNDERSCORE_SLD, 0.003}, {D_VALIDITY_LONG, 0.003}},
};
#define N_PROFILES (sizeof k_profiles / sizeof k_profiles[0])

/* ------------------------------------------------------------------------
 * Generator state */

typedef struct gen {
  rng r;
  BN_CTX *bn;
  root roots[6];
  int n_roots;
  ca *cas;
  int n_cas;
  double *cum; /* cumulative Zipf weights */
  key pool[16];
  int pool_n;
  int pool_rsa1024; /* index of the 1024-bit key */
  FILE *truth;
  cts_dump_writer *w;
  uint64_t index;
  int64_t log_start, log_span;
  uint64_t n_entries;
  enc tbs, cert, leaf, tbs2;
  uint64_t defect_counts[D_COUNT];
  uint64_t truth_lines;
  /* a pending typo reissue: the right name, issued within hours */
  int typo_pending;
  int typo_ca;
  char typo_org[96];
  char typo_name[128];
} gen;

static void truth(gen *g, uint64_t index, const char *lint, const char *caid) {
  fprintf(g->truth, "%llu\t%s\t%s\n", (unsigned long long)index, lint, caid);
  g->truth_lines++;
}

/* A subscriber certificate's parameters. */
typedef struct leaf {
  int ca;
  profile prof;
  defect d;
  int64_t nb, na;
  uint8_t serial[24];
  size_t serial_len;
  int serial_raw; /* serial bytes are the INTEGER contents as they are */
  const key *k;
  char cn[160];
  int cn_is_ip;
  char sans[100][128];
  uint8_t san_tag[100]; /* 0x82 dNSName, 0x87 iPAddress */
  uint8_t san_ip[100][16];
  uint8_t san_ip_len[100];
  int n_sans;
  char org[96], loc[48], st[48], street[64], postal[16], country[3];
  int has_org, has_loc, has_st, has_street, has_postal, has_country;
  const char *ou;
  const char *business_category; /* EV */
  char ev_serial[24];
} leaf;

static const char *const k_cities[][3] = {
    {"US", "California", "San Francisco"}, {"US", "Texas", "Austin"},
    {"DE", "Bayern", "Muenchen"},          {"GB", "England", "London"},
    {"FR", "Ile-de-France", "Paris"},       {"NL", "Noord-Holland", "Amsterdam"},
    {"JP", "Tokyo", "Minato-ku"},           {"BR", "Sao Paulo", "Sao Paulo"},
    {"CA", "Ontario", "Toronto"},           {"AU", "New South Wales", "Sydney"}};

static void pick_org(rng *r, leaf *l) {
  const char *const *city = k_cities[rng_below(r, 10)];
  snprintf(l->org, sizeof l->org, "%c%s %s %s", k_words[rng_below(r, N_WORDS)][0] - 32,
           k_words[rng_below(r, N_WORDS)] + 1, k_words[rng_below(r, N_WORDS)],
           rng_below(r, 2) ? "Inc." : "Ltd");
  memcpy(l->country, city[0], 3);
  copy_str(l->st, sizeof l->st, city[1]);
  copy_str(l->loc, sizeof l->loc, city[2]);
  l->has_org = l->has_loc = l->has_st = l->has_country = 1;
}

static void add_dns(leaf *l, const char *s) {
  if (l->n_sans >= 100) return;
  copy_str(l->sans[l->n_sans], sizeof l->sans[0], s);
  l->san_tag[l->n_sans++] = 0x82;
}

static void add_ip(leaf *l, const uint8_t *ip, int len) {
  if (l->n_sans >= 100) return;
  memcpy(l->san_ip[l->n_sans], ip, (size_t)len);
  l->san_ip_len[l->n_sans] = (uint8_t)len;
  l->san_tag[l->n_sans++] = 0x87;
}

/* Eras of notBefore, chosen so that no date-windowed lint sits on a
 * boundary: each era lies inside one window of every lint. */
typedef enum era {
  ERA_CURRENT, /* the snapshot: log time */
  ERA_2015,    /* 2014-09 .. 2016-05 */
  ERA_2017,    /* 2016-08 .. 2018-01: 39-month rule */
  ERA_2018,    /* 2018-04 .. 2018-11: 825-day rule, before BR 1.6.2 */
  ERA_2019W,   /* 2018-12-15 .. 2019-03-15: the underscore window */
  ERA_2020,    /* 2019-05 .. 2020-07: 825-day rule, after the sunset */
  ERA_2022,    /* 2020-10 .. 2021-07: 398-day rule, CN case-insensitive */
  ERA_2023,    /* 2021-10 .. 2022-07: CN exact */
  ERA_COUNT
} era;

static int64_t era_date(gen *g, era e, int64_t now) {
  static const int span[ERA_COUNT][6] = {
      {0, 0, 0, 0, 0, 0},          {2014, 9, 1, 2016, 5, 31},
      {2016, 8, 1, 2018, 1, 31},   {2018, 4, 1, 2018, 11, 30},
      {2018, 12, 15, 2019, 3, 15}, {2019, 5, 1, 2020, 7, 31},
      {2020, 10, 1, 2021, 7, 31},  {2021, 10, 1, 2022, 7, 31}};
  int64_t a, b;
  if (e == ERA_CURRENT) return now - 3600 - (int64_t)rng_below(&g->r, 7200);
  a = DATE(span[e][0], span[e][1], span[e][2]);
  b = DATE(span[e][3], span[e][4], span[e][5]);
  return a + (int64_t)(rng_unit(&g->r) * (double)(b - a));
}

/* Which profile and era a defect needs (-1: any). */
static int defect_profile(defect d) {
  switch (d) {
    case D_DV_ORG_FULL: case D_DV_ORG_ONLY: case D_OU_NO_O: return P_DV;
    case D_OU_PROHIBITED: case D_OV_NO_LOCALITY: return P_OV;
    case D_EV_BAD_CATEGORY: case D_EV_NO_CATEGORY: return P_EV;
    default: return -1;
  }
}

static era defect_era(gen *g, defect d) {
  static const era underscore_eras[] = {ERA_2015, ERA_2018, ERA_2019W, ERA_2020,
                                        ERA_CURRENT, ERA_CURRENT, ERA_CURRENT};
  static const era long_eras[] = {ERA_2017, ERA_2020, ERA_CURRENT, ERA_CURRENT};
  static const era cn_eras[] = {ERA_2017, ERA_2022, ERA_2023, ERA_CURRENT,
                                ERA_CURRENT};
  switch (d) {
    case D_UNDERSCORE_SLD: case D_UNDERSCORE_TRD:
      return underscore_eras[rng_below(&g->r, 7)];
    case D_VALIDITY_LONG: return long_eras[rng_below(&g->r, 4)];
    case D_CN_NOT_IN_SAN: return cn_eras[rng_below(&g->r, 5)];
    case D_NONE: {
      /* most of the snapshot is current; some older certificates too */
      uint32_t x = rng_below(&g->r, 100);
      return x < 90 ? ERA_CURRENT : (era)(1 + rng_below(&g->r, ERA_COUNT - 1));
    }
    default: return ERA_CURRENT;
  }
}

static void make_serial(gen *g, ca *c, leaf *l) {
  switch (c->serials) {
    case S_SEQUENTIAL: /* a fixed prefix and a counter: 16 octets */
      memcpy(l->serial, c->seq_prefix, 12);
      for (int i = 0; i < 4; i++) l->serial[12 + i] = (uint8_t)(c->seq_next >> (24 - 8 * i));
      c->seq_next++;
      l->serial_len = 16;
      break;
    case S_RANDOM18:
      rng_bytes(&g->r, l->serial, 18);
      l->serial_len = 18;
      break;
    default:
      rng_bytes(&g->r, l->serial, 16);
      l->serial_len = 16;
      break;
  }
  l->serial[0] = (l->serial[0] & 0x7f) | 0x01; /* positive, 8.3.2 minimal */
  if (c->serials == S_SEQUENTIAL) l->serial[0] = c->seq_prefix[0];
}

/* Fills the names of a leaf: 1 to 100 SANs, wildcards, IDNs, IP SANs. */
static void make_names(gen *g, leaf *l) {
  sbuf base, t;
  uint32_t x = rng_below(&g->r, 1000);
  int n = x < 550 ? 1 : x < 850 ? 2 : x < 950 ? 3 + (int)rng_below(&g->r, 4)
                                               : x < 985 ? 7 + (int)rng_below(&g->r, 14)
                                                         : 20 + (int)rng_below(&g->r, 81);
  make_base_domain(&g->r, &base);
  l->n_sans = 0;
  if (l->prof != P_EV && rng_below(&g->r, 100) < 12) { /* EVGs 9.8.1 */
    t.n = 0;
    sb_put(&t, "*.");
    sb_put(&t, base.s);
    add_dns(l, t.s);
    if (n > 1) add_dns(l, base.s);
  } else {
    t.n = 0;
    if (rng_below(&g->r, 2)) {
      sb_put(&t, k_subs[rng_below(&g->r, N_SUBS)]);
      sb_put(&t, ".");
    }
    sb_put(&t, base.s);
    add_dns(l, t.s);
  }
  while (l->n_sans < n) {
    if (n > 6 && rng_below(&g->r, 3) == 0) make_base_domain(&g->r, &base);
    t.n = 0;
    sb_put(&t, k_subs[rng_below(&g->r, N_SUBS)]);
    if (rng_below(&g->r, 4) == 0) sb_num(&t, rng_below(&g->r, 100));
    sb_put(&t, ".");
    sb_put(&t, base.s);
    /* no accidental duplicates: they are a defect of their own */
    int dup = 0;
    for (int i = 0; i < l->n_sans && !dup; i++) dup = strcmp(l->sans[i], t.s) == 0;
    if (!dup) add_dns(l, t.s);
  }
  /* IP SANs (public addresses) on a few OV certificates */
  if (l->prof == P_OV && rng_below(&g->r, 100) < 3) {
    uint8_t ip[4] = {52, (uint8_t)rng_below(&g->r, 200), (uint8_t)rng_below(&g->r, 250),
                     (uint8_t)(1 + rng_below(&g->r, 250))};
    add_ip(l, ip, 4);
  }
  copy_str(l->cn, sizeof l->cn, l->sans[0]);
}

/* Applies a defect to the leaf's names and subject. */
static void apply_defect(gen *g, leaf *l) {
  sbuf b;
  char *s;
  int at = l->n_sans < 100 ? l->n_sans : 99;
  make_base_domain(&g->r, &b);
  switch (l->d) {
    case D_TLD_LOCAL: {
      static const char *const tlds[] = {"local", "lan", "corp", "internal", "home"};
      char t[128];
      snprintf(t, sizeof t, "%s.%s.%s", rng_below(&g->r, 2) ? "autodiscover" : "mail",
               k_words[rng_below(&g->r, N_WORDS)], tlds[rng_below(&g->r, 5)]);
      add_dns(l, t);
      break;
    }
    case D_TLD_BARE: {
      static const char *const bare[] = {"intranet", "srv01", "localhost", "fileserver"};
      add_dns(l, bare[rng_below(&g->r, 4)]);
      break;
    }
    case D_TLD_UNKNOWN: {
      static const char *const tlds[] = {"frr", "cmo", "comm", "nett", "ocm"};
      char t[128];
      snprintf(t, sizeof t, "www.%s.%s", k_words[rng_below(&g->r, N_WORDS)],
               tlds[rng_below(&g->r, 5)]);
      add_dns(l, t);
      break;
    }
    case D_URL_IN_DNS: {
      char t[160];
      snprintf(t, sizeof t, "%s://www.%s", rng_below(&g->r, 2) ? "http" : "https", b.s);
      add_dns(l, t);
      break;
    }
    case D_EMAIL_IN_DNS: {
      char t[160];
      snprintf(t, sizeof t, "%s@%s", rng_below(&g->r, 2) ? "admin" : "webmaster", b.s);
      add_dns(l, t);
      break;
    }
    case D_SPACE_IN_DNS: {
      char t[160];
      snprintf(t, sizeof t, "www.%s", b.s);
      s = strchr(t + 4, '.');
      if (s != NULL) memmove(s + 1, s, strlen(s) + 1), *s = ' ';
      add_dns(l, t);
      break;
    }
    case D_SAN_RESERVED_IP: {
      static const uint8_t ips[][4] = {{192, 168, 1, 1}, {10, 0, 0, 5}, {172, 16, 4, 20},
                                       {127, 0, 0, 1}, {169, 254, 10, 1}};
      add_ip(l, ips[rng_below(&g->r, 5)], 4);
      break;
    }
    case D_CN_RESERVED_IP: {
      static const uint8_t ips[][4] = {{192, 168, 0, 10}, {10, 1, 2, 3}, {172, 31, 0, 2}};
      const uint8_t *ip = ips[rng_below(&g->r, 3)];
      add_ip(l, ip, 4);
      snprintf(l->cn, sizeof l->cn, "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
      l->cn_is_ip = 1;
      break;
    }
    case D_CN_NOT_IN_SAN:
      snprintf(l->cn, sizeof l->cn, "secure.%s", b.s);
      break;
    case D_CN_CASE:
      for (s = l->cn; *s; s++)
        if (*s >= 'a' && *s <= 'z' && rng_below(&g->r, 2)) *s = (char)(*s - 32);
      if (strcmp(l->cn, l->sans[0]) == 0) l->cn[0] = l->cn[0] == '*' ? '*' : 'W';
      if (strcmp(l->cn, l->sans[0]) == 0) { /* "*.x" with no letter changed */
        for (s = l->cn; *s; s++)
          if (*s >= 'a' && *s <= 'z') { *s = (char)(*s - 32); break; }
      }
      break;
    case D_SAN_EMPTY:
      add_dns(l, "");
      break;
    case D_EMPTY_LABEL: {
      char t[160];
      snprintf(t, sizeof t, "www..%s", b.s);
      add_dns(l, t);
      break;
    }
    case D_SAN_DUPLICATE:
      add_dns(l, l->sans[rng_below(&g->r, (uint32_t)l->n_sans)]);
      break;
    case D_UNDERSCORE_SLD: {
      /* foo_bar.com: the underscore in the registrable label; after
       * replacing it, foo-bar is a valid LDH label */
      char t[160];
      snprintf(t, sizeof t, "www.%s_%s.com", k_words[rng_below(&g->r, N_WORDS)],
               k_words[rng_below(&g->r, N_WORDS)]);
      add_dns(l, t);
      break;
    }
    case D_UNDERSCORE_TRD: {
      /* _acme-challenge-like label left of the registrable domain:
       * "-acme" is not an LDH label once replaced */
      char t[160];
      snprintf(t, sizeof t, "_%s.%s", k_words[rng_below(&g->r, N_WORDS)], b.s);
      add_dns(l, t);
      break;
    }
    case D_DV_ORG_FULL:
      pick_org(&g->r, l);
      snprintf(l->street, sizeof l->street, "%u %s Street", 1 + rng_below(&g->r, 999),
               k_words[rng_below(&g->r, N_WORDS)]);
      snprintf(l->postal, sizeof l->postal, "%05u", rng_below(&g->r, 99999));
      l->has_street = l->has_postal = 1;
      break;
    case D_DV_ORG_ONLY:
      pick_org(&g->r, l);
      l->has_loc = l->has_st = 0;
      break;
    case D_OU_NO_O:
      l->ou = "Domain Control Validated";
      break;
    case D_OU_PROHIBITED:
      l->ou = rng_below(&g->r, 2) ? "IT Department" : "Web Services";
      break;
    case D_OV_NO_LOCALITY:
      l->has_loc = l->has_st = 0;
      break;
    case D_EV_BAD_CATEGORY: {
      /* EVGs 7.1.4.2.3 allows four values (and zlint the old "V1.0,
       * Clause 5.(b)" forms): these are near misses seen in real EV
       * certificates */
      static const char *const bad[] = {"Private Organisation", "Private Company",
                                        "Privately Held Company", "Incorporated Business"};
      l->business_category = bad[rng_below(&g->r, 4)];
      break;
    }
    case D_EV_NO_CATEGORY:
      l->business_category = NULL;
      break;
    default:
      break;
  }
  (void)at;
}

/* Subject attributes in the order of BRs 7.1.4.2 (C, ST, L, postalCode,
 * streetAddress, O, OU, CN), the EV Guidelines' attributes first. */
static void e_name_leaf(enc *e, const leaf *l) {
  e_begin(e, 0x30);
  if (l->prof == P_EV) {
    if (l->business_category != NULL)
      E_RDN(e, OID_AT_BUSINESS_CATEGORY, 0x0c, l->business_category);
    E_RDN(e, OID_AT_JUR_C, 0x13, l->country);
    E_RDN(e, OID_AT_SERIAL, 0x13, l->ev_serial);
  }
  if (l->has_country) E_RDN(e, OID_AT_C, 0x13, l->country);
  if (l->has_st) E_RDN(e, OID_AT_ST, 0x0c, l->st);
  if (l->has_loc) E_RDN(e, OID_AT_L, 0x0c, l->loc);
  if (l->has_postal) E_RDN(e, OID_AT_POSTAL, 0x0c, l->postal);
  if (l->has_street) E_RDN(e, OID_AT_STREET, 0x0c, l->street);
  if (l->has_org) E_RDN(e, OID_AT_O, 0x0c, l->org);
  if (l->ou != NULL) E_RDN(e, OID_AT_OU, 0x0c, l->ou);
  E_RDN(e, OID_AT_CN, 0x0c, l->cn);
  e_end(e);
}

/* SignedCertificateTimestampList (RFC 6962 3.3), TLS-encoded inside an
 * OCTET STRING: v1 SCTs with dummy ECDSA signatures, as many as the Apple
 * and Chrome CT policies ask for (2, or 3 above 180 days of validity). */
static void e_sct_list(enc *e, gen *g, int64_t ts_ms, int count) {
  uint8_t list[600];
  size_t n = 2;
  for (int i = 0; i < count; i++) {
    size_t at = n;
    uint8_t r[32], s[32];
    enc sig = {0};
    n += 2;
    list[n++] = 0; /* v1 */
    memset(list + n, 0x5a + i, 32); /* log id */
    list[n] = (uint8_t)(0xa0 + i);
    n += 32;
    for (int k = 0; k < 8; k++) list[n++] = (uint8_t)((uint64_t)(ts_ms + i) >> (56 - 8 * k));
    list[n++] = 0;
    list[n++] = 0; /* extensions */
    list[n++] = 4; /* sha256 */
    list[n++] = 3; /* ecdsa */
    rng_bytes(&g->r, r, 32);
    rng_bytes(&g->r, s, 32);
    r[0] = (r[0] & 0x7f) | 1;
    s[0] = (s[0] & 0x7f) | 1;
    e_ecdsa_sig(&sig, r, s, 32);
    list[n++] = (uint8_t)(sig.len >> 8);
    list[n++] = (uint8_t)sig.len;
    memcpy(list + n, sig.buf, sig.len);
    n += sig.len;
    free(sig.buf);
    list[at] = (uint8_t)((n - at - 2) >> 8);
    list[at + 1] = (uint8_t)(n - at - 2);
  }
  list[0] = (uint8_t)((n - 2) >> 8);
  list[1] = (uint8_t)(n - 2);
  e_tlv(e, 0x04, list, n);
}

/* T_PLAIN: an x509 entry with no precert before it in this log (its
 * precert went to other logs), so it carries SCTs too. */
enum { T_PRECERT, T_FINAL, T_PLAIN };

/* TBSCertificate (RFC 5280 4.1.2) of a subscriber certificate. kind:
 * T_PRECERT adds the poison (RFC 6962 3.1), T_FINAL the SCT list (3.3);
 * poison 0 with T_PRECERT gives the TBS as logged (poison removed). */
static void build_tbs(gen *g, enc *t, const leaf *l, int kind, int poison,
                      int64_t ts_ms) {
  const ca *c = &g->cas[l->ca];
  char url[160];
  t->len = 0;
  t->depth = 0;
  e_begin(t, 0x30);
  e_begin(t, 0xa0);
  e_tlv(t, 0x02, "\x02", 1); /* v3 */
  e_end(t);
  if (l->serial_raw) e_tlv(t, 0x02, l->serial, l->serial_len);
  else e_uint(t, l->serial, l->serial_len);
  e_sig_alg(t, &c->k);
  e_bytes(t, c->name, c->name_len);
  e_begin(t, 0x30);
  e_time(t, l->nb);
  e_time(t, l->na);
  e_end(t);
  e_name_leaf(t, l);
  e_bytes(t, l->k->spki, l->k->spki_len);
  e_begin(t, 0xa3);
  e_begin(t, 0x30);
  /* keyUsage (RFC 5280 4.2.1.3): digitalSignature, + keyEncipherment for
   * RSA; named bits, trailing zero bits removed */
  E_EXT_BEGIN(t, OID_CE_KU, 1);
  if (l->k->kind == K_RSA) e_tlv(t, 0x03, "\x05\xa0", 2);
  else e_tlv(t, 0x03, "\x07\x80", 2);
  e_ext_end(t);
  E_EXT_BEGIN(t, OID_CE_EKU, 0);
  e_begin(t, 0x30);
  E_OID(t, OID_KP_SERVER_AUTH);
  E_OID(t, OID_KP_CLIENT_AUTH);
  e_end(t);
  e_ext_end(t);
  E_EXT_BEGIN(t, OID_CE_BC, 1);
  e_begin(t, 0x30); /* cA FALSE is the DEFAULT: omitted (X.690 11.5) */
  e_end(t);
  e_ext_end(t);
  /* SKI: RFC 5280 4.2.1.2 says SHOULD, BRs 2.0.0 (7.1.2.7.6, 2023-09-15)
   * NOT RECOMMENDED for subscribers; the ACME CAs dropped it then, the
   * others kept it */
  if (l->nb < DATE(2023, 9, 15) || l->ca >= 3) e_ski(t, l->k->ski);
  /* AKI (RFC 5280 4.2.1.1) */
  if (l->d == D_AKI_NO_KEYID || l->d == D_AKI_KEYID_AND_ISSUER) {
    uint8_t ser[] = {0x41, 0x17, 0x0c, 0x3e, 0x99, 0x01};
    E_EXT_BEGIN(t, OID_CE_AKI, 0);
    e_begin(t, 0x30);
    if (l->d == D_AKI_KEYID_AND_ISSUER) e_tlv(t, 0x80, c->k.ski, 20);
    e_begin(t, 0xa1); /* authorityCertIssuer GeneralNames: directoryName */
    e_begin(t, 0xa4);
    e_bytes(t, g->roots[c->root].name, g->roots[c->root].name_len);
    e_end(t);
    e_end(t);
    e_tlv(t, 0x82, ser, sizeof ser); /* authorityCertSerialNumber */
    e_end(t);
    e_ext_end(t);
  } else {
    e_aki(t, c->k.ski, l->d == D_AKI_CRITICAL);
  }
  /* AIA (RFC 5280 4.2.2.1): OCSP and caIssuers */
  E_EXT_BEGIN(t, OID_PE_AIA, 0);
  e_begin(t, 0x30);
  e_begin(t, 0x30);
  E_OID(t, OID_AD_OCSP);
  snprintf(url, sizeof url, "http://ocsp.%s", c->host);
  e_str(t, 0x86, url);
  e_end(t);
  e_begin(t, 0x30);
  E_OID(t, OID_AD_CA_ISSUERS);
  snprintf(url, sizeof url, "http://cert.%s/ca.der", c->host);
  e_str(t, 0x86, url);
  e_end(t);
  e_end(t);
  e_ext_end(t);
  /* subjectAltName (RFC 5280 4.2.1.6) */
  E_EXT_BEGIN(t, OID_CE_SAN, 0);
  e_begin(t, 0x30);
  for (int i = 0; i < l->n_sans; i++) {
    if (l->san_tag[i] == 0x87) e_tlv(t, 0x87, l->san_ip[i], l->san_ip_len[i]);
    else e_str(t, 0x82, l->sans[i]);
  }
  e_end(t);
  e_ext_end(t);
  /* certificatePolicies (RFC 5280 4.2.1.4; BRs 7.1.6.1) */
  E_EXT_BEGIN(t, OID_CE_POLICIES, 0);
  e_begin(t, 0x30);
  e_begin(t, 0x30);
  if (l->prof == P_DV) E_OID(t, OID_POLICY_DV);
  else if (l->prof == P_OV) E_OID(t, OID_POLICY_OV);
  else E_OID(t, OID_POLICY_EV);
  e_end(t);
  if (c->policy_oid_len) {
    e_begin(t, 0x30);
    e_oid(t, (const char *)c->policy_oid, c->policy_oid_len);
    e_begin(t, 0x30);
    e_begin(t, 0x30);
    E_OID(t, OID_QT_CPS);
    snprintf(url, sizeof url, "http://www.%s/cps", c->host);
    e_str(t, 0x16, url);
    e_end(t);
    e_end(t);
    e_end(t);
  }
  e_end(t);
  e_ext_end(t);
  /* cRLDistributionPoints (RFC 5280 4.2.1.13) */
  E_EXT_BEGIN(t, OID_CE_CDP, 0);
  e_begin(t, 0x30);
  e_begin(t, 0x30);
  e_begin(t, 0xa0); /* distributionPoint */
  if (l->d == D_CDP_DIRNAME) {
    e_begin(t, 0xa0); /* fullName */
    e_begin(t, 0xa4);
    e_bytes(t, c->name, c->name_len);
    e_end(t);
    e_end(t);
  } else {
    e_begin(t, 0xa0);
    snprintf(url, sizeof url, "%s://crl.%s/%u.crl",
             l->d == D_CDP_HTTPS ? "https" : l->d == D_CDP_LDAP ? "ldap" : "http",
             c->host, (unsigned)(l->serial[1] & 0x7f));
    e_str(t, 0x86, url);
    e_end(t);
  }
  e_end(t);
  e_end(t);
  e_end(t);
  e_ext_end(t);
  if (kind == T_PRECERT && poison) {
    E_EXT_BEGIN(t, OID_CT_POISON, 1);
    e_tlv(t, 0x05, "", 0);
    e_ext_end(t);
  }
  if (kind == T_FINAL || kind == T_PLAIN) {
    E_EXT_BEGIN(t, OID_CT_SCT_LIST, 0);
    e_sct_list(t, g, ts_ms - 1000, l->na - l->nb > 180 * (int64_t)DAY ? 3 : 2);
    e_ext_end(t);
  }
  e_end(t);
  e_end(t);
  e_end(t);
}

static void build_cert(gen *g, enc *out, const enc *tbs, const key *issuer) {
  out->len = 0;
  out->depth = 0;
  e_begin(out, 0x30);
  e_bytes(out, tbs->buf, tbs->len);
  e_sig_alg(out, issuer);
  sign_dummy(out, issuer, &g->r);
  e_end(out);
}

static void put_u(enc *e, uint64_t v, int n) {
  for (int i = n - 1; i >= 0; i--) e_byte(e, (uint8_t)(v >> (8 * i)));
}

/* TileLeaf (C2SP static-ct-api) with the leaf_index extension. */
static void emit_leaf(gen *g, int64_t ts_ms, int precert, const uint8_t *ikh,
                      const uint8_t *a, size_t a_len, const uint8_t *pre,
                      size_t pre_len, const uint8_t *const *fps, int n_fps) {
  enc *e = &g->leaf;
  e->len = 0;
  put_u(e, (uint64_t)ts_ms, 8);
  put_u(e, precert ? 1 : 0, 2);
  if (precert) e_bytes(e, ikh, 32);
  put_u(e, a_len, 3);
  e_bytes(e, a, a_len);
  put_u(e, 8, 2);
  e_byte(e, 0); /* leaf_index(0) */
  put_u(e, 5, 2);
  put_u(e, g->index, 5);
  if (precert) {
    put_u(e, pre_len, 3);
    e_bytes(e, pre, pre_len);
  }
  put_u(e, (uint64_t)n_fps * 32, 2);
  for (int i = 0; i < n_fps; i++) e_bytes(e, fps[i], 32);
  if (cts_dump_writer_add_leaf(g->w, e->buf, e->len) != CTS_OK) die("writing the dump");
  g->index++;
}

/* The lints an entry must fail, from its defect and dates (zlint's
 * effective windows, compared with notBefore). */
static void emit_truth(gen *g, uint64_t index, const leaf *l) {
  const ca *c = &g->cas[l->ca];
  const char *id = l->d == D_AKI_NO_KEYID ? c->id_no_keyid : c->id;
  int64_t nb = l->nb, validity = l->na - l->nb;
#define T(name) truth(g, index, name, id)
  switch (l->d) {
    case D_TLD_LOCAL: case D_TLD_BARE: case D_TLD_UNKNOWN: T("e_dnsname_not_valid_tld"); break;
    case D_URL_IN_DNS: case D_EMAIL_IN_DNS: case D_SPACE_IN_DNS:
      T("e_dnsname_bad_character_in_label");
      break;
    case D_SAN_RESERVED_IP: T("e_ext_san_contains_reserved_ip"); break;
    case D_CN_RESERVED_IP:
      T("e_ext_san_contains_reserved_ip");
      T("e_subject_contains_reserved_ip");
      break;
    case D_CN_NOT_IN_SAN:
      if (nb < DATE(2021, 8, 25)) T("e_subject_common_name_not_from_san");
      else T("e_subject_common_name_not_exactly_from_san");
      break;
    case D_CN_CASE: T("e_subject_common_name_not_exactly_from_san"); break;
    case D_RSA_1024:
      T("e_rsa_mod_less_than_2048_bits");
      T("e_mp_modulus_must_be_2048_bits_or_more");
      break;
    case D_SERIAL_LONG: T("e_serial_number_longer_than_20_octets"); break;
    case D_SERIAL_NEG: T("e_serial_number_not_positive"); break;
    case D_SERIAL_SHORT: T("w_serial_number_low_entropy"); break;
    case D_SAN_EMPTY:
      T("e_ext_san_empty_name");
      T("e_dnsname_empty_label");
      T("e_rfc_dnsname_empty_label");
      T("e_dnsname_not_valid_tld");
      break;
    case D_EMPTY_LABEL:
      T("e_dnsname_empty_label");
      T("e_rfc_dnsname_empty_label");
      T("e_dnsname_bad_character_in_label");
      break;
    case D_VALIDITY_LONG:
      if (nb >= DATE(2020, 9, 1)) {
        T("e_tls_server_cert_valid_time_longer_than_398_days");
        T("w_tls_server_cert_valid_time_longer_than_397_days");
      } else if (nb >= DATE(2018, 3, 2)) {
        T("e_sub_cert_valid_time_longer_than_825_days");
      } else {
        T("e_sub_cert_valid_time_longer_than_39_months");
      }
      break;
    case D_VALIDITY_397: T("w_tls_server_cert_valid_time_longer_than_397_days"); break;
    case D_DV_ORG_FULL:
      T("e_cab_dv_conflicts_with_org");
      T("e_cab_dv_conflicts_with_locality");
      T("e_cab_dv_conflicts_with_province");
      T("e_cab_dv_conflicts_with_street");
      T("e_cab_dv_conflicts_with_postal");
      break;
    case D_DV_ORG_ONLY:
      T("e_cab_dv_conflicts_with_org");
      T("e_sub_cert_locality_name_must_appear");
      T("e_sub_cert_province_must_appear");
      break;
    case D_CDP_HTTPS: case D_CDP_LDAP: case D_CDP_DIRNAME:
      T("e_sub_cert_crl_distribution_points_does_not_contain_url");
      if (l->d != D_CDP_LDAP) T("w_distribution_point_missing_ldap_or_uri");
      if (l->d != D_CDP_DIRNAME && nb >= DATE(2023, 9, 15)) T("e_crl_distrib_points_not_http");
      break;
    case D_SAN_DUPLICATE: T("n_san_dns_name_duplicate"); break;
    case D_UNDERSCORE_SLD: case D_UNDERSCORE_TRD:
      if (l->d == D_UNDERSCORE_SLD) {
        T("e_dnsname_underscore_in_sld");
        T("e_rfc_dnsname_underscore_in_sld");
      } else {
        T("w_dnsname_underscore_in_trd");
        T("w_rfc_dnsname_underscore_in_trd");
      }
      if (nb < DATE(2018, 12, 10)) {
        T("e_no_underscores_before_1_6_2");
      } else if (nb < DATE(2019, 4, 1)) {
        if (validity > 30 * DAY) T("e_underscore_present_with_too_long_validity");
        if (l->d == D_UNDERSCORE_TRD)
          T("e_underscore_permissible_in_dnsname_if_valid_when_replaced");
      } else {
        T("e_underscore_not_permissible_in_dnsname");
      }
      break;
    case D_OU_PROHIBITED: T("e_organizational_unit_name_prohibited"); break;
    case D_OU_NO_O:
      T("e_organizational_unit_name_prohibited");
      T("e_subject_contains_organizational_unit_name_and_no_organization_name");
      break;
    case D_AKI_NO_KEYID: T("e_ext_authority_key_identifier_no_key_identifier"); break;
    case D_AKI_CRITICAL: T("e_ext_authority_key_identifier_critical"); break;
    case D_AKI_KEYID_AND_ISSUER: T("e_mp_authority_key_identifier_correct"); break;
    case D_EV_BAD_CATEGORY: T("e_ev_invalid_business_category"); break;
    case D_EV_NO_CATEGORY: T("e_ev_business_category_missing"); break;
    case D_OV_NO_LOCALITY:
      T("e_cert_policy_ov_requires_province_or_locality");
      T("e_sub_cert_locality_name_must_appear");
      T("e_sub_cert_province_must_appear");
      break;
    default: break;
  }
#undef T
}

static int pick_ca(gen *g) {
  double u = rng_unit(&g->r) * g->cum[g->n_cas - 1];
  int lo = 0, hi = g->n_cas - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (g->cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

static const key *pick_key(gen *g, const ca *c) {
  uint32_t x = rng_below(&g->r, 100);
  (void)c;
  /* as in CT today: mostly RSA-2048 and P-256 */
  if (x < 45) return &g->pool[rng_below(&g->r, 4)];       /* RSA-2048 */
  if (x < 50) return &g->pool[4 + rng_below(&g->r, 2)];   /* RSA-3072 */
  if (x < 55) return &g->pool[6];                         /* RSA-4096 */
  if (x < 90) return &g->pool[7 + rng_below(&g->r, 4)];   /* P-256 */
  return &g->pool[11 + rng_below(&g->r, 2)];              /* P-384 */
}

/* One issuance: a precert and (often) its final certificate, or a plain
 * x509 entry. Returns the entries written. */
static int emit_issuance(gen *g, uint64_t remaining) {
  leaf l;
  ca *c;
  int64_t now, ts_ms;
  double u;
  int kind;
  memset(&l, 0, sizeof l);
  now = g->log_start + (int64_t)((double)g->index / (double)g->n_entries * (double)g->log_span);
  ts_ms = now * 1000 + (int64_t)rng_below(&g->r, 1000);

  /* a typo reissue pending: the right name for the same organization */
  if (g->typo_pending) {
    g->typo_pending = 0;
    l.ca = g->typo_ca;
    c = &g->cas[l.ca];
    l.prof = P_OV;
    l.nb = now - 1800;
    l.na = l.nb + (int64_t)c->validity_days * DAY - 1;
    make_serial(g, c, &l);
    l.k = &g->pool[rng_below(&g->r, 4)];
    pick_org(&g->r, &l);
    copy_str(l.org, sizeof l.org, g->typo_org);
    add_dns(&l, g->typo_name);
    copy_str(l.cn, sizeof l.cn, g->typo_name);
    /* logged as any issuance of the CA: a precert (and often its final
     * certificate) or a plain entry; either way one reissue, listed at
     * its first entry, where ctscan's sketch keeps it */
    kind = rng_below(&g->r, 100) < (uint32_t)c->precert_pct ? T_PRECERT : T_PLAIN;
    truth(g, g->index, "population:typo_reissues", c->id);
    goto build;
  }

  l.ca = pick_ca(g);
  c = &g->cas[l.ca];
  /* a sub-CA certificate logged as an x509 entry */
  if (c->subca_rate > 0 && rng_unit(&g->r) < c->subca_rate) {
    int bad = rng_below(&g->r, 2);
    const root *rt = &g->roots[c->root];
    const uint8_t *fps[1] = {rt->cert_sha};
    uint64_t at = g->index;
    emit_leaf(g, ts_ms, 0, NULL, c->subca[bad], c->subca_len[bad], NULL, 0, fps, 1);
    if (bad) {
      truth(g, at, "e_ocsp_id_pkix_ocsp_nocheck_ext_not_included_server_auth", rt->id);
      g->defect_counts[D_OCSP_NO_NOCHECK]++;
    }
    return 1;
  }
  /* the defect, at the CA's rates */
  u = rng_unit(&g->r);
  for (int i = 0; i < c->n_defects; i++) {
    if (u < c->defects[i].rate) {
      l.d = c->defects[i].d;
      break;
    }
    u -= c->defects[i].rate;
  }
  {
    int need = defect_profile(l.d);
    double p = rng_unit(&g->r);
    l.prof = need >= 0 ? (profile)need : p < c->dv ? P_DV : p < c->dv + c->ov ? P_OV : P_EV;
    /* no IP addresses in EV certificates (EVGs 9.2.1) */
    if (l.prof == P_EV && (l.d == D_SAN_RESERVED_IP || l.d == D_CN_RESERVED_IP)) l.prof = P_OV;
  }
  l.nb = era_date(g, defect_era(g, l.d), now);
  {
    int days = c->validity_days;
    if (l.prof != P_DV && days < 365) days = 365;
    l.na = l.nb + (int64_t)days * DAY - 1;
    if (l.d == D_VALIDITY_LONG) {
      if (l.nb >= DATE(2020, 9, 1)) l.na = l.nb + 500 * (int64_t)DAY;
      else if (l.nb >= DATE(2018, 3, 2)) l.na = l.nb + 1095 * (int64_t)DAY;
      else l.na = l.nb + 1220 * (int64_t)DAY; /* 40 months */
    }
    if (l.d == D_VALIDITY_397) l.na = l.nb + 397 * (int64_t)DAY + 12 * 3600;
  }
  make_serial(g, c, &l);
  if (c->serials == S_REUSE && c->have_last_serial && rng_below(&g->r, 100) < 2) {
    memcpy(l.serial, c->last_serial, 16); /* the same serial again */
    l.serial_len = 16;
    truth(g, g->index, "population:duplicate_serials", c->id);
  }
  memcpy(c->last_serial, l.serial, 16);
  c->have_last_serial = c->serials == S_REUSE;
  if (l.d == D_SERIAL_LONG) {
    rng_bytes(&g->r, l.serial, 21);
    l.serial[0] = (l.serial[0] & 0x7f) | 0x10;
    l.serial_len = 21;
  } else if (l.d == D_SERIAL_NEG) {
    l.serial[0] |= 0x80; /* two's complement: negative (X.690 8.3.3) */
    l.serial_raw = 1;
  } else if (l.d == D_SERIAL_SHORT) {
    l.serial_len = 4 + rng_below(&g->r, 4);
    l.serial[0] = (l.serial[0] & 0x7f) | 0x10;
  }
  l.k = l.d == D_RSA_1024 ? &g->pool[g->pool_rsa1024] : pick_key(g, c);
  if (l.prof != P_DV) {
    pick_org(&g->r, &l);
    if (l.prof == P_EV) {
      l.business_category = "Private Organization";
      snprintf(l.ev_serial, sizeof l.ev_serial, "HRB %u", 10000 + rng_below(&g->r, 890000));
    }
  }
  make_names(g, &l);
  apply_defect(g, &l);
  g->defect_counts[l.d]++;
  /* typo reissue: this certificate names a typo; the right name follows.
   * Only a current notBefore: the reissue follows within hours, and one
   * from an older era would lie outside the window. */
  if (c->typo_reissues && l.d == D_NONE && l.prof == P_OV && remaining > 3 &&
      l.nb >= now - 3 * 3600 && rng_below(&g->r, 100) < 20) {
    sbuf b;
    /* a registered label of 5 characters or more: with one dropped, a
     * shorter one would read as another name, not a misspelling (ctscan
     * needs 4 left and the edit under half of them) */
    do make_base_domain(&g->r, &b);
    while (strcspn(b.s, ".") < 5);
    l.n_sans = 0;
    snprintf(g->typo_name, sizeof g->typo_name, "mail.%s", b.s);
    {
      char typo[160];
      size_t at = 5 + 1 + rng_below(&g->r, 2);
      snprintf(typo, sizeof typo, "%.*s%s", (int)at, g->typo_name, g->typo_name + at + 1);
      add_dns(&l, typo); /* one character dropped */
      copy_str(l.cn, sizeof l.cn, typo);
    }
    g->typo_pending = 1;
    g->typo_ca = l.ca;
    copy_str(g->typo_org, sizeof g->typo_org, l.org);
  }
  kind = rng_below(&g->r, 100) < (uint32_t)c->precert_pct ? T_PRECERT : T_PLAIN;

build: {
  const root *rt = &g->roots[c->root];
  const uint8_t *fps[2] = {c->cert_sha, rt->cert_sha};
  int written = 0;
  if (c->serials == S_SEQUENTIAL) truth(g, g->index, "population:sequential_serials", c->id);
  if (kind == T_PRECERT) {
    /* the pre_certificate (poisoned, signed) and the TBS without poison */
    build_tbs(g, &g->tbs, &l, T_PRECERT, 1, ts_ms);
    build_cert(g, &g->cert, &g->tbs, &c->k);
    build_tbs(g, &g->tbs2, &l, T_PRECERT, 0, ts_ms);
    emit_truth(g, g->index, &l);
    emit_leaf(g, ts_ms, 1, c->key_hash, g->tbs2.buf, g->tbs2.len, g->cert.buf,
              g->cert.len, fps, 2);
    written++;
    /* the final certificate, logged right after for most issuances */
    if (remaining > 1 && rng_below(&g->r, 100) < 60) {
      build_tbs(g, &g->tbs, &l, T_FINAL, 0, ts_ms);
      build_cert(g, &g->cert, &g->tbs, &c->k);
      if (c->serials == S_SEQUENTIAL) truth(g, g->index, "population:sequential_serials", c->id);
      emit_truth(g, g->index, &l);
      emit_leaf(g, ts_ms + 1500, 0, NULL, g->cert.buf, g->cert.len, NULL, 0, fps, 2);
      written++;
    }
  } else {
    build_tbs(g, &g->tbs, &l, T_PLAIN, 0, ts_ms);
    build_cert(g, &g->cert, &g->tbs, &c->k);
    emit_truth(g, g->index, &l);
    emit_leaf(g, ts_ms, 0, NULL, g->cert.buf, g->cert.len, NULL, 0, fps, 2);
    written++;
  }
  return written;
}
}

/* ------------------------------------------------------------------------
 * Set-up: keys, roots, CAs */

static void setup(gen *g, int n_cas) {
  BN_CTX *ctx = g->bn;
  static const char *const root_names[][2] = {
      {"Certa Root CA R1", "Certa Trust Services"},
      {"Northwind Global Root G2", "Northwind PKI"},
      {"Globe Root Authority 2015", "Globe Sign Group"},
      {"Harbor Root ECC P384", "HarborSign GmbH"},
      {"Sectum Root RSA 2015", "Sectum Limited"},
      {"Aurora Root ECC", "Aurora Trust Network"}};
  g_p256 = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  g_p384 = EC_GROUP_new_by_curve_name(NID_secp384r1);
  if (g_p256 == NULL || g_p384 == NULL) die("EC groups");
  /* the subject key pool: 4 RSA-2048, 2 RSA-3072, 1 RSA-4096, 4 P-256,
   * 2 P-384, 1 RSA-1024 (the defect) */
  for (int i = 0; i < 4; i++) key_rsa(&g->pool[i], &g->r, 2048, 0, ctx);
  for (int i = 4; i < 6; i++) key_rsa(&g->pool[i], &g->r, 3072, 0, ctx);
  key_rsa(&g->pool[6], &g->r, 4096, 0, ctx);
  for (int i = 7; i < 11; i++) key_ec(&g->pool[i], &g->r, K_P256, ctx);
  for (int i = 11; i < 13; i++) key_ec(&g->pool[i], &g->r, K_P384, ctx);
  key_rsa(&g->pool[13], &g->r, 1024, 0, ctx);
  g->pool_rsa1024 = 13;
  g->pool_n = 14;
  /* roots: RSA-2048 and P-384, self-signed */
  g->n_roots = 6;
  for (int i = 0; i < g->n_roots; i++) {
    root *rt = &g->roots[i];
    enc e = {0};
    copy_str(rt->cn, sizeof rt->cn, root_names[i][0]);
    copy_str(rt->o, sizeof rt->o, root_names[i][1]);
    if (i == 3 || i == 5) key_ec(&rt->k, &g->r, K_P384, ctx);
    else key_rsa(&rt->k, &g->r, 2048, 1, ctx);
    make_ca_name(&e, "US", rt->o, rt->cn);
    memcpy(rt->name, e.buf, e.len);
    rt->name_len = e.len;
    free(e.buf);
    rt->cert_len = make_ca_cert(rt->cert, sizeof rt->cert, rt->name, rt->name_len, &rt->k,
                                rt->name, rt->name_len, &rt->k, 1, 0, "roots.certa-pki.com", &g->r, ctx);
    SHA256(rt->cert, rt->cert_len, rt->cert_sha);
    ca_id(rt->name, rt->name_len, rt->k.ski, 20, rt->id);
  }
  /* issuing CAs */
  g->n_cas = n_cas;
  g->cas = calloc((size_t)n_cas, sizeof *g->cas);
  g->cum = calloc((size_t)n_cas, sizeof *g->cum);
  if (g->cas == NULL || g->cum == NULL) die("out of memory");
  for (int i = 0; i < n_cas; i++) {
    ca *c = &g->cas[i];
    root *rt;
    enc e = {0};
    uint32_t x;
    const char *org = k_ca_orgs[i % N_CA_ORGS];
    c->root = i % g->n_roots;
    rt = &g->roots[c->root];
    copy_str(c->o, sizeof c->o, org);
    memcpy(c->c, k_ca_countries[i % 20], 3);
    x = rng_below(&g->r, 10);
    /* key type: most issuing CAs RSA-2048, some P-384 / P-256 */
    if (x < 6) key_rsa(&c->k, &g->r, 2048, 0, ctx);
    else if (x < 9) key_ec(&c->k, &g->r, K_P384, ctx);
    else key_ec(&c->k, &g->r, K_P256, ctx);
    snprintf(c->cn, sizeof c->cn, "%.40s %s %s CA %u", org,
             c->k.kind == K_RSA ? "RSA" : "ECC", i % 3 == 0 ? "DV TLS" : "TLS",
             2020 + (unsigned)(i % 6));
    if (i / (int)N_CA_ORGS) {
      size_t n = strlen(c->cn);
      snprintf(c->cn + n, sizeof c->cn - n, " %d", i / (int)N_CA_ORGS + 1);
    }
    make_ca_name(&e, c->c, c->o, c->cn);
    memcpy(c->name, e.buf, e.len);
    c->name_len = e.len;
    free(e.buf);
    snprintf(c->host, sizeof c->host, "pki%02d.%strust.com", i, k_words[i % N_WORDS]);
    c->cert_len = make_ca_cert(c->cert, sizeof c->cert, c->name, c->name_len, &c->k,
                               rt->name, rt->name_len, &rt->k, 0, 0, "roots.certa-pki.com",
                               &g->r, ctx);
    SHA256(c->cert, c->cert_len, c->cert_sha);
    SHA256(c->k.spki, c->k.spki_len, c->key_hash);
    ca_id(c->name, c->name_len, c->k.ski, 20, c->id);
    ca_id(c->name, c->name_len, NULL, 0, c->id_no_keyid);
    /* profiles: the top CAs are ACME DV CAs with 90-day certificates */
    if (i < 3) {
      c->dv = 0.995, c->ov = 0.005, c->validity_days = 90, c->precert_pct = 95;
    } else {
      x = rng_below(&g->r, 3);
      c->dv = x == 0 ? 0.8 : x == 1 ? 0.5 : 0.3;
      c->ov = x == 0 ? 0.15 : x == 1 ? 0.35 : 0.45;
      c->validity_days = rng_below(&g->r, 2) ? 365 : 397;
      c->precert_pct = 70 + (int)rng_below(&g->r, 30);
    }
    c->serials = i % 3 == 1 ? S_RANDOM18 : S_RANDOM16;
    rng_bytes(&g->r, c->seq_prefix, 12);
    c->seq_prefix[0] = (c->seq_prefix[0] & 0x7f) | 0x01;
    c->policy_oid_len = 0;
    if (i >= 3) { /* a CA's own CPS policy OID: 1.3.6.1.4.1.<pen>.1.2 */
      uint32_t pen = 4000 + (uint32_t)i * 37;
      uint8_t *p = c->policy_oid;
      memcpy(p, "\x2b\x06\x01\x04\x01", 5);
      p[5] = (uint8_t)(0x80 | (pen >> 14));
      p[6] = (uint8_t)(0x80 | ((pen >> 7) & 0x7f));
      p[7] = (uint8_t)(pen & 0x7f);
      p[8] = 1;
      p[9] = 2;
      c->policy_oid_len = 10;
    }
    /* defects: CA 0 is clean; the others take the defect profiles in turn */
    if (i > 0) {
      const defect_rate *pr = k_profiles[(i - 1) % N_PROFILES];
      for (int k = 0; k < 6 && pr[k].d != D_NONE; k++) {
        c->defects[c->n_defects] = pr[k];
        /* small CAs misissue more in relative terms */
        c->defects[c->n_defects].rate *= i < 6 ? 1.0 : 4.0;
        c->n_defects++;
      }
    }
    /* population defects: sequential serials, a reused serial, typos */
    if (i == 7 % n_cas && i != 0) c->serials = S_SEQUENTIAL;
    if (i == 11 % n_cas && i != 0 && c->serials != S_SEQUENTIAL) c->serials = S_REUSE;
    if (i == 5 % n_cas && i != 0) c->typo_reissues = 1, c->ov = c->ov < 0.4 ? 0.4 : c->ov;
    c->seq_next = 1;
    /* sub-CA certificates of this CA logged as x509 entries; a few CAs
     * have an OCSP-signing sub-CA without id-pkix-ocsp-nocheck */
    if (i % 9 == 4) {
      for (int bad = 0; bad < 2; bad++)
        c->subca_len[bad] = make_ca_cert(c->subca[bad], sizeof c->subca[bad], c->name,
                                         c->name_len, &c->k, rt->name, rt->name_len, &rt->k,
                                         0, bad, "roots.certa-pki.com", &g->r, ctx);
      c->subca_rate = 0.004;
    }
  }
  /* Zipf volumes: weight 1 / rank^1.1 */
  {
    double s = 0;
    for (int i = 0; i < n_cas; i++) {
      g->cas[i].weight = 1.0 / pow(i + 1.0, 1.1);
      s += g->cas[i].weight;
      g->cum[i] = s;
    }
  }
}

static void usage(void) {
  fprintf(stderr,
          "usage: ctgen -n ENTRIES -s SEED -o OUT.tiles.zst --truth OUT.truth.tsv\n"
          "             [--issuers N] [-K TILES_PER_FRAME] [-l ZSTD_LEVEL] [-q]\n"
          "       ctgen --list-lints\n");
  exit(1);
}

int main(int argc, char **argv) {
  static const struct option opts[] = {
      {"truth", required_argument, NULL, 't'}, {"issuers", required_argument, NULL, 'i'},
      {"list-lints", no_argument, NULL, 'L'},  {"list-defects", no_argument, NULL, 'D'},
      {NULL, 0, NULL, 0}};
  gen g;
  const char *out = NULL, *truth_path = NULL;
  uint64_t n = 0, seed = 1;
  int n_cas = 50, k = CTS_DUMP_DEFAULT_TILES_PER_FRAME, level = CTS_DUMP_DEFAULT_LEVEL;
  int quiet = 0, opt;
  struct timespec t0, t1;
  char origin[64];
  while ((opt = getopt_long(argc, argv, "n:s:o:K:l:q", opts, NULL)) != -1) {
    switch (opt) {
      case 'n': n = strtoull(optarg, NULL, 10); break;
      case 's': seed = strtoull(optarg, NULL, 10); break;
      case 'o': out = optarg; break;
      case 't': truth_path = optarg; break;
      case 'i': n_cas = atoi(optarg); break;
      case 'K': k = atoi(optarg); break;
      case 'l': level = atoi(optarg); break;
      case 'q': quiet = 1; break;
      case 'L':
        for (size_t i = 0; i < N_LINTS; i++) puts(k_lints[i]);
        return 0;
      case 'D':
        for (int i = 1; i < D_COUNT; i++) puts(k_defect_names[i]);
        return 0;
      default: usage();
    }
  }
  if (n == 0 || out == NULL || truth_path == NULL || n_cas < 1 || n_cas > 1000 || k < 1)
    usage();
  for (size_t i = 0; i < N_TLDS; i++) g_tld_total += k_tlds[i].w;
  memset(&g, 0, sizeof g);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  rng_seed(&g.r, seed);
  g.bn = BN_CTX_new();
  if (g.bn == NULL) die("BN_CTX_new");
  setup(&g, n_cas);
  g.n_entries = n;
  g.log_start = DATE(2025, 1, 1);
  g.log_span = 180 * (int64_t)DAY;
  g.truth = fopen(truth_path, "w");
  if (g.truth == NULL) die("cannot create the truth file");
  fprintf(g.truth, "# ctgen seed %llu entries %llu: index\tlint\tca\n",
          (unsigned long long)seed, (unsigned long long)n);
  snprintf(origin, sizeof origin, "ctgen.example/seed-%llu", (unsigned long long)seed);
  if (cts_dump_writer_open(out, origin, 0, (unsigned)k, level, &g.w) != CTS_OK)
    die("cannot create the dump");
  for (int i = 0; i < g.n_roots; i++)
    if (cts_dump_writer_add_issuer(g.w, g.roots[i].cert, g.roots[i].cert_len) != CTS_OK)
      die("issuer");
  for (int i = 0; i < g.n_cas; i++)
    if (cts_dump_writer_add_issuer(g.w, g.cas[i].cert, g.cas[i].cert_len) != CTS_OK)
      die("issuer");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  {
    double setup_s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    while (g.index < n) emit_issuance(&g, n - g.index);
    if (cts_dump_writer_close(g.w) != CTS_OK) die("closing the dump");
    if (fclose(g.truth) != 0) die("writing the truth file");
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double s = (double)(t0.tv_sec - t1.tv_sec) + (double)(t0.tv_nsec - t1.tv_nsec) / 1e9;
    if (!quiet) {
      fprintf(stderr,
              "ctgen: %llu entries, %d CAs, %llu truth lines; keys %.2f s, entries %.2f s "
              "(%.0f entries/s)\n",
              (unsigned long long)n, n_cas, (unsigned long long)g.truth_lines, setup_s, s,
              (double)n / s);
      for (int i = 1; i < D_COUNT; i++)
        if (g.defect_counts[i])
          fprintf(stderr, "  %-22s %llu\n", k_defect_names[i],
                  (unsigned long long)g.defect_counts[i]);
    }
  }
  return 0;
}
