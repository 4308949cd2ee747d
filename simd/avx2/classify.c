/* AVX2 kernels: byte classification and case-folding comparison, 32 bytes
 * a step.
 *
 * Classes come from two pairs of nibble lookups (vpshufb, see
 * simd/tables.h); control bytes, high bytes and "other" printable bytes
 * from compares. A class is an OR over the string, and OR does not care
 * how often a byte is counted, so no tail is ever masked or copied: the
 * last step loads the last 32 (or 16, 8, 4) bytes again, overlapping what
 * was already read, and strings shorter than a vector are covered by two
 * overlapping loads of half the size. Nothing is read outside [p, p+n).
 * The same holds for equality: comparing a byte twice is harmless. */
#include <immintrin.h>
#include <string.h>

#include "simd/scan.h"
#include "simd/tables.h"

/* Unaligned loads of 4 and 8 bytes (memcpy compiles to one mov). */
static inline uint32_t load32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof(v));
  return v;
}

static inline uint64_t load64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, sizeof(v));
  return v;
}

/* A 16-byte vector whose lanes all hold bytes of [p, p+n), 0 < n < 16,
 * and that holds every byte of it at least once. */
static inline __m128i load_short(const uint8_t *p, size_t n) {
  if (n >= 8)
    return _mm_set_epi64x((long long)load64(p + n - 8), (long long)load64(p));
  if (n >= 4)
    return _mm_set1_epi64x(
        (long long)(((uint64_t)load32(p + n - 4) << 32) | load32(p)));
  /* 1 to 3 bytes: the first, the middle and the last cover them all. */
  return _mm_set1_epi32((int)((uint32_t)p[0] | (uint32_t)p[n >> 1] << 8 |
                              (uint32_t)p[n - 1] << 16 |
                              (uint32_t)p[n - 1] << 24));
}

/* --- classification ---------------------------------------------------- */

/* Strings shorter than this go to the scalar kernel (see below). */
#define CTS_AVX2_MIN_CLASSIFY 16

typedef struct acc256 {
  __m256i r1, r2, control, high;
} acc256;

typedef struct acc128 {
  __m128i r1, r2, control, high;
} acc128;

/* One step over 32 bytes. */
static inline void step256(acc256 *a, __m256i c, __m256i lo1, __m256i hi1,
                           __m256i lo2, __m256i hi2) {
  const __m256i nib = _mm256_set1_epi8(0x0f);
  __m256i lo = _mm256_and_si256(c, nib);
  __m256i hi = _mm256_and_si256(_mm256_srli_epi16(c, 4), nib);
  __m256i r1 = _mm256_and_si256(_mm256_shuffle_epi8(lo1, lo),
                                _mm256_shuffle_epi8(hi1, hi));
  __m256i r2 = _mm256_and_si256(_mm256_shuffle_epi8(lo2, lo),
                                _mm256_shuffle_epi8(hi2, hi));
  /* other: printable (0x21-0x7e; signed compare, high bytes are negative)
   * and in no rectangle (0x7f is in one: DEL) */
  __m256i unclassed =
      _mm256_cmpeq_epi8(_mm256_or_si256(r1, r2), _mm256_setzero_si256());
  __m256i printable = _mm256_cmpgt_epi8(c, _mm256_set1_epi8(0x20));
  __m256i other = _mm256_and_si256(_mm256_and_si256(unclassed, printable),
                                   _mm256_set1_epi8(CTS_R2_OTHER));
  /* control: 0x01-0x1f, i.e. c - 1 < 0x1f unsigned */
  __m256i m1 = _mm256_sub_epi8(c, _mm256_set1_epi8(1));
  __m256i control = _mm256_cmpeq_epi8(
      _mm256_min_epu8(m1, _mm256_set1_epi8(0x1e)), m1);
  a->r1 = _mm256_or_si256(a->r1, r1);
  a->r2 = _mm256_or_si256(a->r2, _mm256_or_si256(r2, other));
  a->control = _mm256_or_si256(a->control, control);
  a->high = _mm256_or_si256(a->high, c);
}

/* The same over 16 bytes. */
static inline void step128(acc128 *a, __m128i c, __m128i lo1, __m128i hi1,
                           __m128i lo2, __m128i hi2) {
  const __m128i nib = _mm_set1_epi8(0x0f);
  __m128i lo = _mm_and_si128(c, nib);
  __m128i hi = _mm_and_si128(_mm_srli_epi16(c, 4), nib);
  __m128i r1 = _mm_and_si128(_mm_shuffle_epi8(lo1, lo),
                             _mm_shuffle_epi8(hi1, hi));
  __m128i r2 = _mm_and_si128(_mm_shuffle_epi8(lo2, lo),
                             _mm_shuffle_epi8(hi2, hi));
  __m128i unclassed =
      _mm_cmpeq_epi8(_mm_or_si128(r1, r2), _mm_setzero_si128());
  __m128i printable = _mm_cmpgt_epi8(c, _mm_set1_epi8(0x20));
  __m128i other = _mm_and_si128(_mm_and_si128(unclassed, printable),
                                _mm_set1_epi8(CTS_R2_OTHER));
  __m128i m1 = _mm_sub_epi8(c, _mm_set1_epi8(1));
  __m128i control =
      _mm_cmpeq_epi8(_mm_min_epu8(m1, _mm_set1_epi8(0x1e)), m1);
  a->r1 = _mm_or_si128(a->r1, r1);
  a->r2 = _mm_or_si128(a->r2, _mm_or_si128(r2, other));
  a->control = _mm_or_si128(a->control, control);
  a->high = _mm_or_si128(a->high, c);
}

/* OR of the 16 bytes of r1 and of r2, and the class bits they stand
 * for. */
static inline uint32_t finish(const acc128 *a) {
  /* 16-bit words: low byte from r1, high byte from r2. */
  __m128i w = _mm_or_si128(_mm_unpacklo_epi8(a->r1, a->r2),
                           _mm_unpackhi_epi8(a->r1, a->r2));
  uint32_t v, out;
  w = _mm_or_si128(w, _mm_srli_si128(w, 8));
  w = _mm_or_si128(w, _mm_srli_si128(w, 4));
  w = _mm_or_si128(w, _mm_srli_si128(w, 2));
  v = (uint32_t)_mm_cvtsi128_si32(w);
  out = (uint32_t)cts_r1_to_bc[v & 0xff] | cts_r2_to_bc[(v >> 8) & 0xff];
  if (_mm_movemask_epi8(a->control)) out |= CTS_BC_CONTROL;
  if (_mm_movemask_epi8(a->high)) out |= CTS_BC_HIGH;
  return out;
}

static inline __m128i table128(const uint8_t t[16]) {
  return _mm_loadu_si128((const __m128i *)t);
}

uint32_t cts_classify_avx2(const uint8_t *p, size_t n) {
  const __m128i lo1 = table128(cts_tab_lo1), hi1 = table128(cts_tab_hi1);
  const __m128i lo2 = table128(cts_tab_lo2), hi2 = table128(cts_tab_hi2);
  acc128 a;
  /* Below 16 bytes the table loop is as fast or faster: the vector path
   * pays a fixed cost (two overlapping loads, the folds, two table
   * lookups) that a few table loads do not (bench/micro.c, this file's
   * commit: 8 bytes 3.6 ns scalar vs 4.6 ns vector, 16 bytes 6.1 vs 6.2,
   * 32 bytes 9.8 vs 6.5). */
  if (n < CTS_AVX2_MIN_CLASSIFY) return cts_classify_scalar(p, n);
  if (n >= 32) {
    const __m256i wlo1 = _mm256_broadcastsi128_si256(lo1);
    const __m256i whi1 = _mm256_broadcastsi128_si256(hi1);
    const __m256i wlo2 = _mm256_broadcastsi128_si256(lo2);
    const __m256i whi2 = _mm256_broadcastsi128_si256(hi2);
    acc256 w = {_mm256_setzero_si256(), _mm256_setzero_si256(),
                _mm256_setzero_si256(), _mm256_setzero_si256()};
    size_t i = 0;
    for (; i + 32 < n; i += 32)
      step256(&w, _mm256_loadu_si256((const __m256i *)(p + i)), wlo1, whi1,
              wlo2, whi2);
    /* the last 32 bytes, overlapping the previous step */
    step256(&w, _mm256_loadu_si256((const __m256i *)(p + n - 32)), wlo1,
            whi1, wlo2, whi2);
    a.r1 = _mm_or_si128(_mm256_castsi256_si128(w.r1),
                        _mm256_extracti128_si256(w.r1, 1));
    a.r2 = _mm_or_si128(_mm256_castsi256_si128(w.r2),
                        _mm256_extracti128_si256(w.r2, 1));
    a.control = _mm_or_si128(_mm256_castsi256_si128(w.control),
                             _mm256_extracti128_si256(w.control, 1));
    a.high = _mm_or_si128(_mm256_castsi256_si128(w.high),
                          _mm256_extracti128_si256(w.high, 1));
    return finish(&a);
  }
  /* 16 to 31 bytes: the first 16 and the last 16 */
  a.r1 = a.r2 = a.control = a.high = _mm_setzero_si128();
  step128(&a, _mm_loadu_si128((const __m128i *)p), lo1, hi1, lo2, hi2);
  step128(&a, _mm_loadu_si128((const __m128i *)(p + n - 16)), lo1, hi1, lo2,
          hi2);
  return finish(&a);
}

/* --- case-folding comparison ------------------------------------------- */

/* A-Z to a-z: c - 'A' < 26 (unsigned) marks an upper-case letter. */
static inline __m256i fold256(__m256i c) {
  __m256i t = _mm256_sub_epi8(c, _mm256_set1_epi8('A'));
  __m256i upper = _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8(25)), t);
  return _mm256_or_si256(c, _mm256_and_si256(upper, _mm256_set1_epi8(0x20)));
}

static inline __m128i fold128(__m128i c) {
  __m128i t = _mm_sub_epi8(c, _mm_set1_epi8('A'));
  __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
  return _mm_or_si128(c, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}

static inline int same256(const uint8_t *a, const uint8_t *b) {
  __m256i x = fold256(_mm256_loadu_si256((const __m256i *)a));
  __m256i y = fold256(_mm256_loadu_si256((const __m256i *)b));
  return _mm256_movemask_epi8(_mm256_cmpeq_epi8(x, y)) == -1;
}

static inline int same128(__m128i x, __m128i y) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(fold128(x), fold128(y))) == 0xffff;
}

int cts_equal_fold_avx2(const uint8_t *a, const uint8_t *b, size_t n) {
  if (n >= 32) {
    for (size_t i = 0; i + 32 < n; i += 32)
      if (!same256(a + i, b + i)) return 0;
    return same256(a + n - 32, b + n - 32);
  }
  if (n >= 16)
    return same128(_mm_loadu_si128((const __m128i *)a),
                   _mm_loadu_si128((const __m128i *)b)) &&
           same128(_mm_loadu_si128((const __m128i *)(a + n - 16)),
                   _mm_loadu_si128((const __m128i *)(b + n - 16)));
  if (n == 0) return 1;
  return same128(load_short(a, n), load_short(b, n));
}
