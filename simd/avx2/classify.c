/* AVX2 byte classifier: 32 bytes a step, classes found with two pairs of
 * nibble lookups (vpshufb): a class bit is set for a byte when the
 * low-nibble table and the high-nibble table both set it, so each bit
 * stands for a rectangle of (high nibble, low nibble) pairs. Classes that
 * are not one rectangle take two bits (a-z is 0x61-0x6f and 0x70-0x7a).
 * Control bytes, high bytes and "other" are found with compares. */
#include <immintrin.h>
#include <string.h>

#include "simd/scan.h"

/* Rectangle bits of the first pair of tables. */
#define R1_LOWER (0x01 | 0x02)
#define R1_UPPER (0x04 | 0x08)
#define R1_DIGIT 0x10
#define R1_HYPHEN 0x20
#define R1_DOT 0x40
#define R1_UNDERSCORE 0x80
/* ... and of the second. */
#define R2_STAR 0x01
#define R2_SPACE 0x02
#define R2_AT 0x04
#define R2_URL (0x08 | 0x10)
#define R2_NUL 0x20
#define R2_DEL 0x80

static const uint8_t k_lo1[16] = {0x1a, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
                                  0x1f, 0x1f, 0x1f, 0x1f, 0x0f, 0x05,
                                  0x05, 0x25, 0x45, 0x85};
static const uint8_t k_hi1[16] = {0x00, 0x00, 0x60, 0x10, 0x04, 0x88,
                                  0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0};
static const uint8_t k_lo2[16] = {0x26, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09,
                                  0, 0, 0, 0, 0x90};
static const uint8_t k_hi2[16] = {0x20, 0x00, 0x13, 0x08, 0x04, 0x00,
                                  0x00, 0x80, 0, 0, 0, 0, 0, 0, 0, 0};

typedef struct acc {
  __m256i r1, r2, control, high, other;
} acc;

static __m256i table(const uint8_t t[16]) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

/* Classifies 32 bytes; lanes where valid is zero do not count. */
static inline void step(acc *a, __m256i c, __m256i valid, __m256i lo1,
                        __m256i hi1, __m256i lo2, __m256i hi2) {
  const __m256i nib = _mm256_set1_epi8(0x0f);
  __m256i lo = _mm256_and_si256(c, nib);
  __m256i hi = _mm256_and_si256(_mm256_srli_epi16(c, 4), nib);
  __m256i r1 = _mm256_and_si256(_mm256_shuffle_epi8(lo1, lo),
                                _mm256_shuffle_epi8(hi1, hi));
  __m256i r2 = _mm256_and_si256(_mm256_shuffle_epi8(lo2, lo),
                                _mm256_shuffle_epi8(hi2, hi));
  /* signed compares: bytes >= 0x80 are negative */
  __m256i positive = _mm256_cmpgt_epi8(c, _mm256_setzero_si256());
  __m256i below_space = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), c);
  __m256i printable = _mm256_cmpgt_epi8(c, _mm256_set1_epi8(0x20));
  __m256i unclassed =
      _mm256_cmpeq_epi8(_mm256_or_si256(r1, r2), _mm256_setzero_si256());
  a->r1 = _mm256_or_si256(a->r1, _mm256_and_si256(r1, valid));
  a->r2 = _mm256_or_si256(a->r2, _mm256_and_si256(r2, valid));
  a->control = _mm256_or_si256(
      a->control, _mm256_and_si256(_mm256_and_si256(positive, below_space), valid));
  a->high = _mm256_or_si256(a->high, _mm256_and_si256(c, valid));
  a->other = _mm256_or_si256(
      a->other, _mm256_and_si256(_mm256_and_si256(unclassed, printable), valid));
}

/* OR of the 32 bytes of v. */
static inline uint32_t fold(__m256i v) {
  __m128i x = _mm_or_si128(_mm256_castsi256_si128(v),
                           _mm256_extracti128_si256(v, 1));
  x = _mm_or_si128(x, _mm_srli_si128(x, 8));
  x = _mm_or_si128(x, _mm_srli_si128(x, 4));
  x = _mm_or_si128(x, _mm_srli_si128(x, 2));
  x = _mm_or_si128(x, _mm_srli_si128(x, 1));
  return (uint32_t)_mm_cvtsi128_si32(x) & 0xff;
}

uint32_t cts_classify_avx2(const uint8_t *p, size_t n) {
  const __m256i lo1 = table(k_lo1), hi1 = table(k_hi1);
  const __m256i lo2 = table(k_lo2), hi2 = table(k_hi2);
  const __m256i all = _mm256_set1_epi8(-1);
  acc a = {_mm256_setzero_si256(), _mm256_setzero_si256(),
           _mm256_setzero_si256(), _mm256_setzero_si256(),
           _mm256_setzero_si256()};
  uint32_t r1, r2, out = 0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    step(&a, _mm256_loadu_si256((const __m256i *)(p + i)), all, lo1, hi1,
         lo2, hi2);
  if (i < n) {
    static const int8_t k_index[32] = {0,  1,  2,  3,  4,  5,  6,  7,
                                       8,  9,  10, 11, 12, 13, 14, 15,
                                       16, 17, 18, 19, 20, 21, 22, 23,
                                       24, 25, 26, 27, 28, 29, 30, 31};
    uint8_t tail[32] = {0};
    memcpy(tail, p + i, n - i);
    __m256i valid = _mm256_cmpgt_epi8(
        _mm256_set1_epi8((char)(n - i)),
        _mm256_loadu_si256((const __m256i *)k_index));
    step(&a, _mm256_loadu_si256((const __m256i *)tail), valid, lo1, hi1, lo2,
         hi2);
  }
  r1 = fold(a.r1);
  r2 = fold(a.r2);
  if (r1 & R1_LOWER) out |= CTS_BC_LOWER;
  if (r1 & R1_UPPER) out |= CTS_BC_UPPER;
  if (r1 & R1_DIGIT) out |= CTS_BC_DIGIT;
  if (r1 & R1_HYPHEN) out |= CTS_BC_HYPHEN;
  if (r1 & R1_DOT) out |= CTS_BC_DOT;
  if (r1 & R1_UNDERSCORE) out |= CTS_BC_UNDERSCORE;
  if (r2 & R2_STAR) out |= CTS_BC_STAR;
  if (r2 & R2_SPACE) out |= CTS_BC_SPACE;
  if (r2 & R2_AT) out |= CTS_BC_AT;
  if (r2 & R2_URL) out |= CTS_BC_URL;
  if (r2 & R2_NUL) out |= CTS_BC_NUL;
  if ((r2 & R2_DEL) || fold(a.control)) out |= CTS_BC_CONTROL;
  if (_mm256_movemask_epi8(a.high)) out |= CTS_BC_HIGH;
  if (fold(a.other)) out |= CTS_BC_OTHER;
  return out;
}
