/* Trial division of an RSA modulus by the primes below 752 (BRs 6.1.6,
 * NIST SP 800-89 5.3.3), cheap enough for every RSA certificate.
 *
 * The primes are packed into groups whose product M stays below 2^25. For
 * a modulus n of 32-bit words w_j (least significant first),
 *   n mod M = sum_j w_j * (2^(32 j) mod M)  (mod M),
 * so with the powers tabulated once, a group costs one dot product of 64
 * words per 2048 bits (each term < 2^57, 64 of them < 2^63: no overflow)
 * and one reduction (Barrett, by a precomputed reciprocal). A prime p of
 * the group divides n iff it divides n mod M, which is tested without a
 * division: r * p^-1 mod 2^32 <= (2^32 - 1) / p (Granlund-Montgomery). */
#include <pthread.h>
#include <string.h>

#include "keys_util.h"

#define BLOCK_WORDS 64 /* 2048 bits */
#define MAX_BLOCKS 8   /* moduli up to 16384 bits take the fast path */
#define MAX_GROUPS 64
#define GROUP_LIMIT (1u << 25)

static const uint16_t k_primes[] = {
    2,   3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,  43,
    47,  53,  59,  61,  67,  71,  73,  79,  83,  89,  97,  101, 103, 107,
    109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181,
    191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263,
    269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349,
    353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433,
    439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509, 521,
    523, 541, 547, 557, 563, 569, 571, 577, 587, 593, 599, 601, 607, 613,
    617, 619, 631, 641, 643, 647, 653, 659, 661, 673, 677, 683, 691, 701,
    709, 719, 727, 733, 739, 743, 751};
#define N_PRIMES (sizeof(k_primes) / sizeof(k_primes[0]))

typedef struct prime_group {
  uint32_t pow[BLOCK_WORDS];   /* 2^(32 j) mod m */
  uint32_t block[MAX_BLOCKS];  /* 2^(2048 b) mod m */
  uint64_t recip;              /* floor(2^64 / m) */
  uint32_t m;
  uint8_t first, count;
} prime_group;

typedef struct prime_test {
  uint32_t inverse; /* p^-1 mod 2^32 (odd p) */
  uint32_t limit;   /* (2^32 - 1) / p */
} prime_test;

static prime_group g_groups[MAX_GROUPS];
static prime_test g_tests[N_PRIMES];
static size_t g_n_groups;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void init_group(prime_group *g) {
  uint64_t x = 1;
  for (size_t j = 0; j < BLOCK_WORDS; j++) {
    g->pow[j] = (uint32_t)x;
    x = (x << 32) % g->m;
  }
  /* x is now 2^2048 mod m */
  uint64_t y = 1;
  for (size_t b = 0; b < MAX_BLOCKS; b++) {
    g->block[b] = (uint32_t)y;
    y = y * x % g->m;
  }
  g->recip = UINT64_MAX / g->m;
}

static void init_tables(void) {
  for (size_t i = 0; i < N_PRIMES;) {
    prime_group *g = &g_groups[g_n_groups++];
    uint64_t m = 1;
    size_t j = i;
    while (j < N_PRIMES && m * k_primes[j] < GROUP_LIMIT) m *= k_primes[j++];
    g->m = (uint32_t)m;
    g->first = (uint8_t)i;
    g->count = (uint8_t)(j - i);
    init_group(g);
    i = j;
  }
  for (size_t i = 1; i < N_PRIMES; i++) {
    uint32_t p = k_primes[i], inv = p; /* Newton: 3 bits, doubling */
    for (int k = 0; k < 4; k++) inv *= 2 - p * inv;
    g_tests[i].inverse = inv;
    g_tests[i].limit = UINT32_MAX / p;
  }
}

/* s mod m for s < 2^64 by the reciprocal: the estimate is at most two
 * short. */
static uint32_t reduce(uint64_t s, const prime_group *g) {
  uint64_t q = (uint64_t)(((unsigned __int128)s * g->recip) >> 64);
  uint64_t r = s - q * g->m;
  while (r >= g->m) r -= g->m;
  return (uint32_t)r;
}

static int divides(size_t i, uint32_t r) {
  if (i == 0) return (r & 1) == 0;
  return r * g_tests[i].inverse <= g_tests[i].limit;
}

/* n mod the group's m, from n's words (zero-padded to whole blocks). */
static uint32_t group_residue(const prime_group *g, const uint32_t *w,
                              size_t n_blocks) {
  uint64_t total = 0;
  for (size_t b = 0; b < n_blocks; b++) {
    const uint32_t *wb = w + b * BLOCK_WORDS;
    uint64_t s = 0;
    for (size_t j = 0; j < BLOCK_WORDS; j++) s += (uint64_t)wb[j] * g->pow[j];
    total = reduce(total + (uint64_t)reduce(s, g) * g->block[b], g);
  }
  return (uint32_t)total;
}

/* n mod m one octet at a time: for moduli past the fast path's tables. */
static uint32_t slow_residue(cts_der n, uint32_t m) {
  uint64_t r = 0;
  for (size_t i = 0; i < n.len; i++) r = ((r << 8) | n.data[i]) % m;
  return (uint32_t)r;
}

int cts_keys_has_factor_below_752(cts_der n) {
  uint32_t w[BLOCK_WORDS * MAX_BLOCKS];
  size_t n_words, n_blocks;
  int fast;
  pthread_once(&g_once, init_tables);
  n = cts_keys_int_magnitude(n);
  n_words = (n.len + 3) / 4;
  n_blocks = (n_words + BLOCK_WORDS - 1) / BLOCK_WORDS;
  fast = n_blocks <= MAX_BLOCKS;
  if (fast) {
    memset(w, 0, n_blocks * BLOCK_WORDS * sizeof(w[0]));
    for (size_t i = 0; i < n.len; i++) /* octet i from the end */
      w[i / 4] |= (uint32_t)n.data[n.len - 1 - i] << (8 * (i % 4));
  }
  for (size_t g = 0; g < g_n_groups; g++) {
    const prime_group *grp = &g_groups[g];
    uint32_t r = fast ? group_residue(grp, w, n_blocks) : slow_residue(n, grp->m);
    for (size_t k = 0; k < grp->count; k++)
      if (divides(grp->first + k, r)) return 1;
  }
  return 0;
}
