/* Byte-classification kernels of the sieve, one implementation per ISA
 * (simd/scalar, simd/avx2, simd/neon) with the same signatures. libc only.
 *
 * The scalar kernel is the reference: every other kernel must return the
 * same value for every input. The kernel is chosen once at start
 * (cts_simd_select) and can be forced with CTSCAN_KERNEL or --kernel. */
#ifndef CTSCAN_SIMD_SCAN_H
#define CTSCAN_SIMD_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Byte classes: the OR over a string tells which kinds of bytes it holds. */
#define CTS_BC_LOWER (1u << 0)      /* a-z */
#define CTS_BC_UPPER (1u << 1)      /* A-Z */
#define CTS_BC_DIGIT (1u << 2)      /* 0-9 */
#define CTS_BC_HYPHEN (1u << 3)     /* - */
#define CTS_BC_DOT (1u << 4)        /* . */
#define CTS_BC_UNDERSCORE (1u << 5) /* _ */
#define CTS_BC_STAR (1u << 6)       /* * */
#define CTS_BC_SPACE (1u << 7)      /* 0x20 */
#define CTS_BC_AT (1u << 8)         /* @ */
#define CTS_BC_URL (1u << 9)        /* : or / */
#define CTS_BC_NUL (1u << 10)       /* 0x00 */
#define CTS_BC_CONTROL (1u << 11)   /* 0x01-0x1f, 0x7f */
#define CTS_BC_HIGH (1u << 12)      /* 0x80-0xff */
#define CTS_BC_OTHER (1u << 13)     /* any other printable ASCII */

/* Letters, digits and hyphen (RFC 1034 3.5 LDH). */
#define CTS_BC_LDH (CTS_BC_LOWER | CTS_BC_UPPER | CTS_BC_DIGIT | CTS_BC_HYPHEN)

typedef uint32_t (*cts_classify_fn)(const uint8_t *p, size_t n);

/* The OR of the classes of n bytes at p. */
uint32_t cts_classify_scalar(const uint8_t *p, size_t n);
uint32_t cts_classify_avx2(const uint8_t *p, size_t n);
uint32_t cts_classify_neon(const uint8_t *p, size_t n);

typedef int (*cts_equal_fold_fn)(const uint8_t *a, const uint8_t *b,
                                 size_t n);

/* 1 when the n bytes at a and at b are equal once ASCII upper-case letters
 * (A-Z) are folded to lower case; every other byte must match exactly.
 * This is the comparison DNS names need (RFC 4343 3: "case-insensitive"
 * for ASCII letters only), e.g. a subject CN against the dNSNames. */
int cts_equal_fold_scalar(const uint8_t *a, const uint8_t *b, size_t n);
int cts_equal_fold_avx2(const uint8_t *a, const uint8_t *b, size_t n);
int cts_equal_fold_neon(const uint8_t *a, const uint8_t *b, size_t n);

typedef enum cts_kernel {
  CTS_KERNEL_SCALAR = 0,
  CTS_KERNEL_AVX2 = 1,
  CTS_KERNEL_NEON = 2,
} cts_kernel;

/* The kernel in use (process-wide, chosen once before workers start). */
extern cts_classify_fn cts_classify;
extern cts_equal_fold_fn cts_equal_fold;

/* Chooses the kernel: name is "scalar", "avx2", "neon" or NULL for the
 * best this CPU runs (CTSCAN_KERNEL in the environment overrides NULL).
 * Returns 0, or -1 when the named kernel is not built or the CPU lacks it. */
int cts_simd_select(const char *name);
/* The name of the kernel in use. */
const char *cts_simd_kernel_name(void);
/* 1 when kernel was built into this binary and the CPU runs it. */
int cts_simd_available(cts_kernel kernel);

#endif
