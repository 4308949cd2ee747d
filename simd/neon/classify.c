/* NEON (AArch64 Advanced SIMD) kernels: byte classification and
 * case-folding comparison, 16 bytes a step.
 *
 * The same nibble tables as the AVX2 kernel (simd/tables.h), looked up
 * with vqtbl1q_u8 (TBL): a class bit is set for a byte when the table of
 * its low nibble and the table of its high nibble both set it. As in the
 * AVX2 kernel, a class is an OR over the string, so the last step loads
 * the last 16 bytes again instead of masking a tail, and a string shorter
 * than 16 bytes is covered by two overlapping loads of 8 or 4 bytes.
 * Nothing is read outside [p, p+n). */
#include <arm_neon.h>
#include <string.h>

#include "simd/scan.h"
#include "simd/tables.h"

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

/* 16 lanes that all hold bytes of [p, p+n), 0 < n < 16, every byte at
 * least once. */
static inline uint8x16_t load_short(const uint8_t *p, size_t n) {
  uint64_t lo, hi;
  if (n >= 8) {
    lo = load64(p);
    hi = load64(p + n - 8);
  } else if (n >= 4) {
    lo = hi = ((uint64_t)load32(p + n - 4) << 32) | load32(p);
  } else {
    uint32_t w = (uint32_t)p[0] | (uint32_t)p[n >> 1] << 8 |
                 (uint32_t)p[n - 1] << 16 | (uint32_t)p[n - 1] << 24;
    lo = hi = ((uint64_t)w << 32) | w;
  }
  return vreinterpretq_u8_u64(vcombine_u64(vcreate_u64(lo), vcreate_u64(hi)));
}

typedef struct acc {
  uint8x16_t r1, r2, control, high;
} acc;

typedef struct tables {
  uint8x16_t lo1, hi1, lo2, hi2;
} tables;

static inline void step(acc *a, const tables *t, uint8x16_t c) {
  uint8x16_t lo = vandq_u8(c, vdupq_n_u8(0x0f));
  uint8x16_t hi = vshrq_n_u8(c, 4);
  uint8x16_t r1 = vandq_u8(vqtbl1q_u8(t->lo1, lo), vqtbl1q_u8(t->hi1, hi));
  uint8x16_t r2 = vandq_u8(vqtbl1q_u8(t->lo2, lo), vqtbl1q_u8(t->hi2, hi));
  /* other: printable 0x21-0x7e in no rectangle (0x7f is DEL's) */
  uint8x16_t unclassed = vceqq_u8(vorrq_u8(r1, r2), vdupq_n_u8(0));
  uint8x16_t printable = vandq_u8(vcgtq_u8(c, vdupq_n_u8(0x20)),
                                  vcltq_u8(c, vdupq_n_u8(0x80)));
  uint8x16_t other = vandq_u8(vandq_u8(unclassed, printable),
                              vdupq_n_u8(CTS_R2_OTHER));
  /* control: 0x01-0x1f */
  uint8x16_t control = vcltq_u8(vsubq_u8(c, vdupq_n_u8(1)), vdupq_n_u8(0x1f));
  a->r1 = vorrq_u8(a->r1, r1);
  a->r2 = vorrq_u8(a->r2, vorrq_u8(r2, other));
  a->control = vorrq_u8(a->control, control);
  a->high = vorrq_u8(a->high, c);
}

/* OR of the 16 bytes of v. */
static inline uint32_t fold(uint8x16_t v) {
  uint64x2_t w = vreinterpretq_u64_u8(v);
  uint64_t x = vgetq_lane_u64(w, 0) | vgetq_lane_u64(w, 1);
  x |= x >> 32;
  x |= x >> 16;
  x |= x >> 8;
  return (uint32_t)(x & 0xff);
}

uint32_t cts_classify_neon(const uint8_t *p, size_t n) {
  tables t;
  acc a;
  uint32_t out;
  if (n == 0) return 0;
  t.lo1 = vld1q_u8(cts_tab_lo1);
  t.hi1 = vld1q_u8(cts_tab_hi1);
  t.lo2 = vld1q_u8(cts_tab_lo2);
  t.hi2 = vld1q_u8(cts_tab_hi2);
  a.r1 = a.r2 = a.control = a.high = vdupq_n_u8(0);
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 < n; i += 16) step(&a, &t, vld1q_u8(p + i));
    step(&a, &t, vld1q_u8(p + n - 16)); /* overlaps the previous step */
  } else {
    step(&a, &t, load_short(p, n));
  }
  out = (uint32_t)cts_r1_to_bc[fold(a.r1)] | cts_r2_to_bc[fold(a.r2)];
  if (vmaxvq_u8(a.control)) out |= CTS_BC_CONTROL;
  if (vmaxvq_u8(a.high) & 0x80) out |= CTS_BC_HIGH;
  return out;
}

/* A-Z to a-z: c - 'A' < 26 marks an upper-case letter. */
static inline uint8x16_t fold_case(uint8x16_t c) {
  uint8x16_t upper = vcltq_u8(vsubq_u8(c, vdupq_n_u8('A')), vdupq_n_u8(26));
  return vorrq_u8(c, vandq_u8(upper, vdupq_n_u8(0x20)));
}

/* 1 when all 16 lanes are equal after folding. */
static inline int same(uint8x16_t x, uint8x16_t y) {
  return vminvq_u8(vceqq_u8(fold_case(x), fold_case(y))) == 0xff;
}

int cts_equal_fold_neon(const uint8_t *a, const uint8_t *b, size_t n) {
  if (n >= 16) {
    for (size_t i = 0; i + 16 < n; i += 16)
      if (!same(vld1q_u8(a + i), vld1q_u8(b + i))) return 0;
    return same(vld1q_u8(a + n - 16), vld1q_u8(b + n - 16));
  }
  if (n == 0) return 1;
  return same(load_short(a, n), load_short(b, n));
}
