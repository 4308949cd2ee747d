/* Kernel choice: once, at start, before any worker runs. */
#include <stdlib.h>
#include <string.h>

#include "simd/scan.h"

cts_classify_fn cts_classify = cts_classify_scalar;
cts_equal_fold_fn cts_equal_fold = cts_equal_fold_scalar;
static const char *g_name = "scalar";

int cts_simd_available(cts_kernel kernel) {
  switch (kernel) {
    case CTS_KERNEL_SCALAR: return 1;
#if defined(__x86_64__)
    case CTS_KERNEL_AVX2:
      __builtin_cpu_init();
      return __builtin_cpu_supports("avx2");
#endif
#if defined(__aarch64__)
    case CTS_KERNEL_NEON: return 1; /* Advanced SIMD is baseline AArch64 */
#endif
    default: return 0;
  }
}

static int use(cts_kernel kernel) {
  if (!cts_simd_available(kernel)) return -1;
  switch (kernel) {
#if defined(__x86_64__)
    case CTS_KERNEL_AVX2:
      cts_classify = cts_classify_avx2;
      cts_equal_fold = cts_equal_fold_avx2;
      g_name = "avx2";
      return 0;
#endif
#if defined(__aarch64__)
    case CTS_KERNEL_NEON:
      cts_classify = cts_classify_neon;
      cts_equal_fold = cts_equal_fold_neon;
      g_name = "neon";
      return 0;
#endif
    default:
      cts_classify = cts_classify_scalar;
      cts_equal_fold = cts_equal_fold_scalar;
      g_name = "scalar";
      return 0;
  }
}

int cts_simd_select(const char *name) {
  if (name == NULL) name = getenv("CTSCAN_KERNEL");
  if (name == NULL || name[0] == 0) {
    if (use(CTS_KERNEL_AVX2) == 0 || use(CTS_KERNEL_NEON) == 0) return 0;
    return use(CTS_KERNEL_SCALAR);
  }
  if (strcmp(name, "scalar") == 0) return use(CTS_KERNEL_SCALAR);
  if (strcmp(name, "avx2") == 0) return use(CTS_KERNEL_AVX2);
  if (strcmp(name, "neon") == 0) return use(CTS_KERNEL_NEON);
  return -1;
}

const char *cts_simd_kernel_name(void) { return g_name; }
