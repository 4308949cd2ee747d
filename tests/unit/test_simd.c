/* Every kernel this machine runs gives the scalar kernel's answer. */
#include <stdlib.h>
#include <string.h>

#include "simd/scan.h"
#include "test.h"

static const struct {
  cts_kernel kernel;
  cts_classify_fn fn;
  cts_equal_fold_fn fold;
  const char *name;
} k_kernels[] = {
#if defined(__x86_64__)
    {CTS_KERNEL_AVX2, cts_classify_avx2, cts_equal_fold_avx2, "avx2"},
#endif
#if defined(__aarch64__)
    {CTS_KERNEL_NEON, cts_classify_neon, cts_equal_fold_neon, "neon"},
#endif
    {CTS_KERNEL_SCALAR, cts_classify_scalar, cts_equal_fold_scalar, "scalar"},
};
#define N_KERNELS (sizeof(k_kernels) / sizeof(k_kernels[0]))

static void check_all(const uint8_t *p, size_t n) {
  /* an exact-size heap copy: ASan sees any read outside [p, p+n) */
  uint8_t *h = malloc(n ? n : 1);
  uint32_t want;
  memcpy(h, p, n);
  want = cts_classify_scalar(h, n);
  for (size_t k = 0; k < N_KERNELS; k++) {
    if (!cts_simd_available(k_kernels[k].kernel)) continue;
    uint32_t got = k_kernels[k].fn(h, n);
    if (got != want) {
      CU_FAIL("kernel differs from scalar");
      free(h);
      return;
    }
  }
  free(h);
  CU_PASS("kernels agree");
}

static void test_single_bytes(void) {
  for (int c = 0; c < 256; c++) {
    uint8_t b = (uint8_t)c;
    uint32_t v = cts_classify_scalar(&b, 1);
    CU_ASSERT(v != 0 && (v & (v - 1)) == 0); /* exactly one class */
    check_all(&b, 1);
  }
  CU_ASSERT_EQUAL(cts_classify_scalar((const uint8_t *)"a", 1), CTS_BC_LOWER);
  CU_ASSERT_EQUAL(cts_classify_scalar((const uint8_t *)"~", 1), CTS_BC_OTHER);
  CU_ASSERT_EQUAL(cts_classify_scalar((const uint8_t *)"\x7f", 1), CTS_BC_CONTROL);
  CU_ASSERT_EQUAL(cts_classify_scalar((const uint8_t *)"", 0), 0);
}

/* Every byte value at every position of strings whose lengths straddle
 * the vector widths, on a background of lower-case letters. */
static void test_lengths_and_positions(void) {
  static const size_t lengths[] = {1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100};
  uint8_t buf[128];
  for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
    size_t n = lengths[li];
    for (size_t pos = 0; pos < n; pos++) {
      for (int c = 0; c < 256; c++) {
        memset(buf, 'x', sizeof(buf));
        buf[pos] = (uint8_t)c;
        check_all(buf, n);
      }
    }
  }
  /* bytes after the end never count */
  memset(buf, 0, sizeof(buf));
  memcpy(buf, "example.com", 11);
  for (size_t k = 0; k < N_KERNELS; k++)
    if (cts_simd_available(k_kernels[k].kernel))
      CU_ASSERT_EQUAL(k_kernels[k].fn(buf, 11), CTS_BC_LOWER | CTS_BC_DOT);
}

static void test_random(void) {
  uint8_t buf[300];
  srand(1);
  for (int round = 0; round < 20000; round++) {
    size_t n = (size_t)rand() % sizeof(buf);
    for (size_t i = 0; i < n; i++) buf[i] = (uint8_t)(rand() % (round % 3 ? 128 : 256));
    check_all(buf, n);
  }
}

/* Exact-size copies on the heap, so that ASan sees any read past the
 * end. */
static void check_fold(const uint8_t *a, const uint8_t *b, size_t n) {
  uint8_t *ha = malloc(n ? n : 1), *hb = malloc(n ? n : 1);
  int want;
  memcpy(ha, a, n);
  memcpy(hb, b, n);
  want = cts_equal_fold_scalar(ha, hb, n);
  for (size_t k = 0; k < N_KERNELS; k++) {
    if (!cts_simd_available(k_kernels[k].kernel)) continue;
    if (k_kernels[k].fold(ha, hb, n) != want) {
      CU_FAIL("equal_fold kernel differs from scalar");
      break;
    }
  }
  free(ha);
  free(hb);
}

static void test_equal_fold(void) {
  static const size_t lengths[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17,
                                   31, 32, 33, 63, 64, 65, 100};
  uint8_t a[128], b[128];
  CU_ASSERT_TRUE(cts_equal_fold_scalar((const uint8_t *)"WwW.Example.COM",
                                       (const uint8_t *)"www.example.com", 15));
  CU_ASSERT_FALSE(cts_equal_fold_scalar((const uint8_t *)"[", (const uint8_t *)"{", 1));
  CU_ASSERT_FALSE(cts_equal_fold_scalar((const uint8_t *)"@", (const uint8_t *)"`", 1));
  CU_ASSERT_FALSE(cts_equal_fold_scalar((const uint8_t *)"\xc9", (const uint8_t *)"\xe9", 1));
  /* every pair of byte values, at every position of every length */
  for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
    size_t n = lengths[li];
    for (size_t pos = 0; pos < n; pos++) {
      for (int c = 0; c < 256; c += (pos % 3 == 0 ? 1 : 5)) {
        for (int d = 0; d < 256; d += 17) {
          memset(a, 'q', sizeof(a));
          memset(b, 'Q', sizeof(b));
          a[pos] = (uint8_t)c;
          b[pos] = (uint8_t)d;
          check_fold(a, b, n);
          b[pos] = (uint8_t)(c ^ 0x20);
          check_fold(a, b, n);
          b[pos] = (uint8_t)c;
          check_fold(a, b, n);
        }
      }
    }
  }
}

static void test_select(void) {
  CU_ASSERT_EQUAL(cts_simd_select("scalar"), 0);
  CU_ASSERT_STRING_EQUAL(cts_simd_kernel_name(), "scalar");
  CU_ASSERT_EQUAL(cts_simd_select("no-such-kernel"), -1);
  CU_ASSERT_EQUAL(cts_simd_select(NULL), 0);
}

static CU_TestInfo tests[] = {
    {"each byte has one class; kernels agree", test_single_bytes},
    {"every byte at every position, lengths around 16 and 32", test_lengths_and_positions},
    {"random strings", test_random},
    {"case-folding comparison", test_equal_fold},
    {"kernel selection", test_select},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("simd", tests)
