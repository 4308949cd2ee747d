/* Nibble tables shared by the vector byte classifiers (simd/avx2,
 * simd/neon). libc only; included by one kernel file each.
 *
 * A byte c is looked up twice: by its low nibble (c & 15) and by its high
 * nibble (c >> 4), and the two results are ANDed. Each bit of the result
 * therefore stands for a rectangle of (high nibble, low nibble) pairs,
 * i.e. a run of byte values that share a high nibble, or the same low
 * nibbles over several high nibbles. A class that is not one rectangle
 * takes two bits: a-z is 0x61-0x6f plus 0x70-0x7a, A-Z is 0x41-0x4f plus
 * 0x50-0x5a. Two pairs of 16-byte tables give 16 bits; all 16 are used
 * except 0x40 of the second set, which the kernels use for "other".
 * Bytes that fall in no rectangle are NUL-less control bytes (0x01-0x1f),
 * high bytes (0x80-0xff) and the remaining printable ASCII ("other"); the
 * kernels find those with compares. */
#ifndef CTSCAN_SIMD_TABLES_H
#define CTSCAN_SIMD_TABLES_H

#include <stdint.h>

#include "simd/scan.h"

/* First pair of tables. */
#define CTS_R1_LOWER_A 0x01     /* 0x61-0x6f */
#define CTS_R1_LOWER_B 0x02     /* 0x70-0x7a */
#define CTS_R1_UPPER_A 0x04     /* 0x41-0x4f */
#define CTS_R1_UPPER_B 0x08     /* 0x50-0x5a */
#define CTS_R1_DIGIT 0x10       /* 0x30-0x39 */
#define CTS_R1_HYPHEN 0x20      /* 0x2d */
#define CTS_R1_DOT 0x40         /* 0x2e */
#define CTS_R1_UNDERSCORE 0x80  /* 0x5f */
/* Second pair. */
#define CTS_R2_STAR 0x01        /* 0x2a */
#define CTS_R2_SPACE 0x02       /* 0x20 */
#define CTS_R2_AT 0x04          /* 0x40 */
#define CTS_R2_URL_A 0x08       /* 0x3a ':' */
#define CTS_R2_URL_B 0x10       /* 0x2f '/' */
#define CTS_R2_NUL 0x20         /* 0x00 */
#define CTS_R2_OTHER 0x40       /* set by the kernels, not by the tables */
#define CTS_R2_DEL 0x80         /* 0x7f */

/* Indexed by the low nibble. */
static const uint8_t cts_tab_lo1[16] = {
    0x1a, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
    0x1f, 0x1f, 0x0f, 0x05, 0x05, 0x25, 0x45, 0x85};
/* Indexed by the high nibble. */
static const uint8_t cts_tab_hi1[16] = {
    0x00, 0x00, 0x60, 0x10, 0x04, 0x88, 0x01, 0x02,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
static const uint8_t cts_tab_lo2[16] = {
    0x26, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x90};
static const uint8_t cts_tab_hi2[16] = {
    0x20, 0x00, 0x13, 0x08, 0x04, 0x00, 0x00, 0x80,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};

/* The OR of the rectangle bits of a string, to CTS_BC_* classes: one
 * lookup per set of bits instead of a test per class. */
#define CTS_R1_TO_BC(b)                                             \
  (uint16_t)((((b) & (CTS_R1_LOWER_A | CTS_R1_LOWER_B)) ? CTS_BC_LOWER : 0) | \
             (((b) & (CTS_R1_UPPER_A | CTS_R1_UPPER_B)) ? CTS_BC_UPPER : 0) | \
             (((b) & CTS_R1_DIGIT) ? CTS_BC_DIGIT : 0) |            \
             (((b) & CTS_R1_HYPHEN) ? CTS_BC_HYPHEN : 0) |          \
             (((b) & CTS_R1_DOT) ? CTS_BC_DOT : 0) |                \
             (((b) & CTS_R1_UNDERSCORE) ? CTS_BC_UNDERSCORE : 0))
#define CTS_R2_TO_BC(b)                                             \
  (uint16_t)((((b) & CTS_R2_STAR) ? CTS_BC_STAR : 0) |              \
             (((b) & CTS_R2_SPACE) ? CTS_BC_SPACE : 0) |            \
             (((b) & CTS_R2_AT) ? CTS_BC_AT : 0) |                  \
             (((b) & (CTS_R2_URL_A | CTS_R2_URL_B)) ? CTS_BC_URL : 0) | \
             (((b) & CTS_R2_NUL) ? CTS_BC_NUL : 0) |                \
             (((b) & CTS_R2_OTHER) ? CTS_BC_OTHER : 0) |            \
             (((b) & CTS_R2_DEL) ? CTS_BC_CONTROL : 0))

#define CTS_TAB4(M, b) M(b), M((b) + 1), M((b) + 2), M((b) + 3)
#define CTS_TAB16(M, b) \
  CTS_TAB4(M, b), CTS_TAB4(M, (b) + 4), CTS_TAB4(M, (b) + 8), CTS_TAB4(M, (b) + 12)
#define CTS_TAB64(M, b)                                             \
  CTS_TAB16(M, b), CTS_TAB16(M, (b) + 16), CTS_TAB16(M, (b) + 32), \
      CTS_TAB16(M, (b) + 48)
#define CTS_TAB256(M) \
  CTS_TAB64(M, 0), CTS_TAB64(M, 64), CTS_TAB64(M, 128), CTS_TAB64(M, 192)

static const uint16_t cts_r1_to_bc[256] = {CTS_TAB256(CTS_R1_TO_BC)};
static const uint16_t cts_r2_to_bc[256] = {CTS_TAB256(CTS_R2_TO_BC)};

#endif
