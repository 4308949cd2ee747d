/* libFuzzer target for the sieve (src/sieve/) and its byte-class kernels
 * (simd/).
 *
 * The input is summarised as a Certificate and as a TBSCertificate alone
 * with every kernel this machine runs (scalar, and AVX2 or NEON where
 * built and supported), and checks:
 *  - every kernel gives the same verdict, the same reason and the same
 *    summary: the header fields, the used part of each array and the
 *    fields after the arrays (the scalar kernel is the reference);
 *  - every span of an accepted summary lies inside the input, counts stay
 *    within the arrays' capacities, and the indices of known extensions
 *    point at extensions that were kept;
 *  - each kernel's classify and equal_fold agree with the scalar ones on
 *    the input bytes at every alignment the first bytes choose.
 *
 * Build: clang -std=c11 -D_GNU_SOURCE -g -O1
 *   -fsanitize=fuzzer,address,undefined -Iinclude -I.
 *   tests/fuzz/fuzz_sieve.c build/fuzz/lib/libctscan.a -lssl -lcrypto
 *   -lzstd -lhwloc -lfyaml -lpsl -lz -lpthread -lm
 * (`make fuzz-build` does this for every target). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/sieve.h"
#include "ctscan/summary.h"
#include "simd/scan.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct kernel {
  cts_kernel id;
  const char *name;
  cts_classify_fn classify;
  cts_equal_fold_fn equal_fold;
} kernel;

static kernel g_kernels[3];
static size_t g_n_kernels;
static cts_summary *g_ref, *g_sum;

static void init_once(void) {
  if (g_ref != NULL) return;
  g_kernels[g_n_kernels++] =
      (kernel){CTS_KERNEL_SCALAR, "scalar", cts_classify_scalar,
               cts_equal_fold_scalar};
#if defined(__x86_64__)
  if (cts_simd_available(CTS_KERNEL_AVX2))
    g_kernels[g_n_kernels++] = (kernel){CTS_KERNEL_AVX2, "avx2",
                                        cts_classify_avx2, cts_equal_fold_avx2};
#endif
#if defined(__aarch64__)
  if (cts_simd_available(CTS_KERNEL_NEON))
    g_kernels[g_n_kernels++] = (kernel){CTS_KERNEL_NEON, "neon",
                                        cts_classify_neon, cts_equal_fold_neon};
#endif
  g_ref = malloc(sizeof(*g_ref));
  g_sum = malloc(sizeof(*g_sum));
  CHECK(g_ref != NULL && g_sum != NULL);
}

static void check_span(const cts_summary *s, cts_span sp) {
  CHECK((uint64_t)sp.off + sp.len <= s->der_len);
}

/* Everything an accepted summary points at lies inside the input. */
static void check_bounds(const cts_summary *s, const uint8_t *data,
                         size_t size) {
  const int16_t known[] = {s->ext_san, s->ext_aki, s->ext_ski,
                           s->ext_bc,  s->ext_ku,  s->ext_eku,
                           s->ext_policies, s->ext_cdp, s->ext_aia};
  CHECK(s->der == data && s->der_len == size);
  CHECK(s->n_subject_attrs <= CTS_SUMMARY_MAX_ATTRS);
  CHECK(s->n_exts <= CTS_SUMMARY_MAX_EXTS);
  CHECK(s->n_sans <= CTS_SUMMARY_MAX_SANS);
  check_span(s, s->cert);
  check_span(s, s->tbs);
  check_span(s, s->serial);
  check_span(s, s->tbs_sig_alg);
  check_span(s, s->sig_alg_oid);
  check_span(s, s->outer_sig_alg);
  check_span(s, s->signature);
  check_span(s, s->issuer);
  check_span(s, s->subject);
  check_span(s, s->validity);
  check_span(s, s->spki);
  check_span(s, s->spki_alg);
  check_span(s, s->key_alg_oid);
  check_span(s, s->key_bits);
  check_span(s, s->rsa_modulus);
  check_span(s, s->rsa_exponent);
  check_span(s, s->aki_key_id);
  check_span(s, s->ski);
  for (size_t i = 0; i < s->n_subject_attrs; i++) {
    check_span(s, s->subject_attrs[i].oid);
    check_span(s, s->subject_attrs[i].value);
  }
  for (size_t i = 0; i < s->n_exts; i++) {
    check_span(s, s->exts[i].oid);
    check_span(s, s->exts[i].value);
  }
  for (size_t i = 0; i < s->n_sans; i++) check_span(s, s->sans[i].value);
  for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
    CHECK(known[i] >= -1 && known[i] < (int)s->n_exts);
  /* The whole certificate is the input; the TBS lies inside it. */
  CHECK(s->cert.off == 0 && s->cert.len == size);
  CHECK(s->tbs.off >= s->cert.off &&
        s->tbs.off + s->tbs.len <= s->cert.off + s->cert.len);
}

static int same_attr(const cts_attr *a, const cts_attr *b) {
  return a->oid.off == b->oid.off && a->oid.len == b->oid.len &&
         a->value.off == b->value.off && a->value.len == b->value.len &&
         a->tag == b->tag && a->rdn == b->rdn && a->classes == b->classes &&
         a->features == b->features;
}

static int same_ext(const cts_ext *a, const cts_ext *b) {
  return a->oid.off == b->oid.off && a->oid.len == b->oid.len &&
         a->value.off == b->value.off && a->value.len == b->value.len &&
         a->critical == b->critical &&
         a->critical_encoded == b->critical_encoded;
}

static int same_gn(const cts_general_name *a, const cts_general_name *b) {
  return a->type == b->type && a->labels == b->labels &&
         a->classes == b->classes && a->value.off == b->value.off &&
         a->value.len == b->value.len && a->features == b->features;
}

/* The summaries are compared as memory where the sieve clears them first
 * (the header: its padding is cleared too), and field by field elsewhere,
 * where a stale or padding byte may differ. */
static void check_same(const cts_summary *a, const cts_summary *b,
                       const char *kernel_name) {
  size_t head = offsetof(cts_summary, subject_attrs);
  if (memcmp(a, b, head) != 0) {
    fprintf(stderr, "kernel %s: summary header differs from scalar\n",
            kernel_name);
    abort();
  }
  for (size_t i = 0; i < a->n_subject_attrs; i++)
    CHECK(same_attr(&a->subject_attrs[i], &b->subject_attrs[i]));
  for (size_t i = 0; i < a->n_exts; i++)
    CHECK(same_ext(&a->exts[i], &b->exts[i]));
  for (size_t i = 0; i < a->n_sans; i++) CHECK(same_gn(&a->sans[i], &b->sans[i]));
  CHECK(a->ext_san == b->ext_san && a->ext_aki == b->ext_aki &&
        a->ext_ski == b->ext_ski && a->ext_bc == b->ext_bc &&
        a->ext_ku == b->ext_ku && a->ext_eku == b->ext_eku &&
        a->ext_policies == b->ext_policies && a->ext_cdp == b->ext_cdp &&
        a->ext_aia == b->ext_aia);
  CHECK(a->aki_key_id.off == b->aki_key_id.off &&
        a->aki_key_id.len == b->aki_key_id.len);
  CHECK(a->ski.off == b->ski.off && a->ski.len == b->ski.len);
}

static void summarize_all(const uint8_t *data, size_t size, int is_tbs) {
  const char *ref_reason = NULL;
  int ref_ok = 0;
  for (size_t k = 0; k < g_n_kernels; k++) {
    cts_summary *s = k == 0 ? g_ref : g_sum;
    const char *reason = NULL;
    int ok;
    CHECK(cts_simd_select(g_kernels[k].name) == 0);
    ok = cts_sieve_summarize(data, size, is_tbs, s, &reason);
    if (ok) {
      check_bounds(s, data, size);
      CHECK(((s->flags & CTS_SUM_IS_TBS) != 0) == (is_tbs != 0));
    } else {
      CHECK(reason != NULL && reason[0] != '\0');
    }
    if (k == 0) {
      ref_ok = ok;
      ref_reason = reason;
      continue;
    }
    if (ok != ref_ok || (!ok && strcmp(reason, ref_reason) != 0)) {
      fprintf(stderr, "kernel %s: verdict %d (%s), scalar %d (%s)\n",
              g_kernels[k].name, ok, ok ? "-" : reason, ref_ok,
              ref_ok ? "-" : ref_reason);
      abort();
    }
    if (ok) check_same(g_ref, s, g_kernels[k].name);
  }
}

/* The kernels themselves, on the raw input at offsets and lengths that
 * cross their block boundaries. */
static void check_kernels(const uint8_t *data, size_t size) {
  size_t skip = size > 0 ? data[0] % 64 : 0, half;
  const uint8_t *p;
  if (skip > size) skip = size;
  p = data + skip;
  size -= skip;
  half = size / 2;
  for (size_t k = 1; k < g_n_kernels; k++) {
    for (size_t n = 0; n <= size; n += n < 70 ? 1 : 61) {
      CHECK(g_kernels[k].classify(p, n) == cts_classify_scalar(p, n));
      if (n == size) break;
    }
    CHECK(g_kernels[k].classify(p, size) == cts_classify_scalar(p, size));
    CHECK(g_kernels[k].equal_fold(p, p + half, half) ==
          cts_equal_fold_scalar(p, p + half, half));
    for (size_t n = 0; n <= half && n < 100; n++)
      CHECK(g_kernels[k].equal_fold(p, p + half, n) ==
            cts_equal_fold_scalar(p, p + half, n));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  init_once();
  summarize_all(data, size, 0);
  summarize_all(data, size, 1);
  check_kernels(data, size);
  return 0;
}
