/* Per-kernel micro benchmark of the sieve (design.md "Performance").
 *
 *   bench-micro [-r SECONDS] [TILELEAF_FILE...]
 *
 * Reads raw static-ct-api TileLeaf streams (default: the corpus tiles
 * corpus/navigli2025h2/tile/data/000..003), keeps every entry's lint
 * target in memory and prints, for every kernel this CPU runs:
 *  - the sieve alone (cts_sieve_summarize) in entries/s, MB/s, ns/entry;
 *  - the byte-classification kernel on strings of 8 to 256 bytes, in
 *    ns/call and GB/s, and the ratio to the scalar kernel;
 *  - the case-folding comparison kernel on the same lengths.
 * Kernels are called through their function pointers, as the sieve calls
 * them, so nothing is inlined into the timing loops.
 *
 * Build: make BUILD=build/x build/x/libctscan.a build/x/bench/micro.o, then
 * cc -o build/x/bench-micro build/x/bench/micro.o build/x/libctscan.a
 *    $(pkg-config --libs openssl libzstd hwloc libfyaml libpsl zlib) -lm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctscan/container.h"
#include "ctscan/sieve.h"
#include "simd/scan.h"

typedef struct target {
  const uint8_t *der;
  size_t len;
  int is_tbs;
} target;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint8_t *read_all(const char *path, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
      fseek(f, 0, SEEK_SET) == 0) {
    buf = malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
      free(buf);
      buf = NULL;
    }
    *out_len = (size_t)size;
  }
  fclose(f);
  return buf;
}

/* Appends every TileLeaf entry of buf to *targets. */
static size_t collect(const uint8_t *buf, size_t len, target **targets,
                      size_t n, size_t *cap) {
  cts_der cur;
  cts_der_init(&cur, buf, len);
  while (cur.len > 0) {
    cts_entry e;
    const char *reason;
    cts_der d;
    int is_tbs;
    memset(&e, 0, sizeof(e));
    if (!cts_container_parse_tileleaf(&cur, &e, &reason)) break;
    d = cts_entry_lint_target(&e, &is_tbs);
    if (n == *cap) {
      *cap = *cap ? *cap * 2 : 1024;
      *targets = realloc(*targets, *cap * sizeof(**targets));
      if (*targets == NULL) exit(2);
    }
    (*targets)[n].der = d.data;
    (*targets)[n].len = d.len;
    (*targets)[n].is_tbs = is_tbs;
    n++;
  }
  return n;
}

static const char *const k_kernel_names[] = {"scalar", "avx2", "neon"};

static void bench_sieve(const target *t, size_t n, double seconds) {
  cts_summary *sum = malloc(sizeof(*sum));
  size_t bytes = 0;
  const char *reason;
  if (sum == NULL) exit(2);
  for (size_t i = 0; i < n; i++) bytes += t[i].len;
  printf("sieve: %zu entries, %.1f KB on average\n", n,
         n ? (double)bytes / (double)n / 1000 : 0);
  printf("%-8s %14s %10s %10s\n", "kernel", "entries/s", "MB/s", "ns/entry");
  for (int k = 0; k < 3; k++) {
    size_t rounds = 0, ok = 0;
    double t0, t1;
    if (!cts_simd_available((cts_kernel)k) ||
        cts_simd_select(k_kernel_names[k]) != 0)
      continue;
    for (size_t i = 0; i < n; i++) /* warm up */
      ok += (size_t)cts_sieve_summarize(t[i].der, t[i].len, t[i].is_tbs, sum,
                                        &reason);
    t0 = now();
    do {
      for (size_t i = 0; i < n; i++)
        ok += (size_t)cts_sieve_summarize(t[i].der, t[i].len, t[i].is_tbs,
                                          sum, &reason);
      rounds++;
      t1 = now();
    } while (t1 - t0 < seconds);
    double entries = (double)rounds * (double)n;
    printf("%-8s %14.0f %10.1f %10.1f%s\n", k_kernel_names[k],
           entries / (t1 - t0), (double)rounds * (double)bytes / (t1 - t0) / 1e6,
           (t1 - t0) / entries * 1e9,
           ok == (rounds + 1) * n ? "" : "  (some entries rejected)");
  }
  free(sum);
}

/* Host names of the shape CT logs are full of: lower-case labels, digits,
 * dots and hyphens. */
static void fill_names(uint8_t *buf, size_t n, unsigned seed) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789-.";
  for (size_t i = 0; i < n; i++) {
    seed = seed * 1103515245u + 12345u;
    buf[i] = (uint8_t)alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
  }
}

typedef struct kernel_row {
  const char *name;
  cts_kernel kernel;
  cts_classify_fn classify;
  cts_equal_fold_fn equal_fold;
} kernel_row;

static const kernel_row k_rows[] = {
    {"scalar", CTS_KERNEL_SCALAR, cts_classify_scalar, cts_equal_fold_scalar},
#if defined(__x86_64__)
    {"avx2", CTS_KERNEL_AVX2, cts_classify_avx2, cts_equal_fold_avx2},
#endif
#if defined(__aarch64__)
    {"neon", CTS_KERNEL_NEON, cts_classify_neon, cts_equal_fold_neon},
#endif
};
#define N_ROWS (sizeof(k_rows) / sizeof(k_rows[0]))

/* Many strings of length len laid end to end (so that every call reads
 * fresh, unaligned bytes from L1), each classified in turn. */
#define POOL 4096

static double time_classify(volatile cts_classify_fn fn, const uint8_t *pool,
                            size_t len, double seconds, uint32_t *sink) {
  size_t calls = 0;
  double t0 = now(), t1;
  uint32_t acc = 0;
  do {
    for (size_t off = 0; off + len <= POOL; off += 7) {
      acc += fn(pool + off, len);
      calls++;
    }
    t1 = now();
  } while (t1 - t0 < seconds);
  *sink += acc;
  return (t1 - t0) / (double)calls * 1e9;
}

static double time_fold(volatile cts_equal_fold_fn fn, const uint8_t *a,
                        const uint8_t *b, size_t len, double seconds,
                        uint32_t *sink) {
  size_t calls = 0;
  double t0 = now(), t1;
  uint32_t acc = 0;
  do {
    for (size_t off = 0; off + len <= POOL; off += 7) {
      acc += (uint32_t)fn(a + off, b + off, len);
      calls++;
    }
    t1 = now();
  } while (t1 - t0 < seconds);
  *sink += acc;
  return (t1 - t0) / (double)calls * 1e9;
}

static void bench_kernels(double seconds) {
  static const size_t lengths[] = {8, 16, 24, 32, 48, 64, 128, 256};
  uint8_t *pool = malloc(POOL), *upper = malloc(POOL);
  uint32_t sink = 0;
  if (pool == NULL || upper == NULL) exit(2);
  fill_names(pool, POOL, 1);
  for (size_t i = 0; i < POOL; i++)
    upper[i] = (uint8_t)(pool[i] >= 'a' && pool[i] <= 'z' ? pool[i] - 32
                                                           : pool[i]);
  for (int which = 0; which < 2; which++) {
    printf("\n%s: ns/call (GB/s), ratio to scalar\n",
           which == 0 ? "cts_classify" : "cts_equal_fold (equal strings, "
                                         "one upper-case)");
    printf("%-6s", "bytes");
    for (size_t r = 0; r < N_ROWS; r++) printf(" %22s", k_rows[r].name);
    printf("\n");
    for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
      size_t len = lengths[li];
      double scalar_ns = 0;
      printf("%-6zu", len);
      for (size_t r = 0; r < N_ROWS; r++) {
        double ns;
        if (!cts_simd_available(k_rows[r].kernel)) {
          printf(" %22s", "n/a");
          continue;
        }
        ns = which == 0 ? time_classify(k_rows[r].classify, pool, len, seconds,
                                        &sink)
                        : time_fold(k_rows[r].equal_fold, pool, upper, len,
                                    seconds, &sink);
        if (r == 0) scalar_ns = ns;
        printf(" %7.2f (%5.2f) x%5.2f", ns, (double)len / ns,
               scalar_ns / ns);
      }
      printf("\n");
    }
  }
  if (sink == 42) printf(" ");
  free(pool);
  free(upper);
}

int main(int argc, char **argv) {
  static const char *const k_default[] = {
      "corpus/navigli2025h2/tile/data/000", "corpus/navigli2025h2/tile/data/001",
      "corpus/navigli2025h2/tile/data/002", "corpus/navigli2025h2/tile/data/003"};
  double seconds = 0.5;
  target *targets = NULL;
  size_t n = 0, cap = 0;
  const char *const *files = k_default;
  int n_files = 4, argi = 1;
  if (argc > 2 && strcmp(argv[1], "-r") == 0) {
    seconds = atof(argv[2]);
    argi = 3;
  }
  if (argi < argc) {
    files = (const char *const *)(argv + argi);
    n_files = argc - argi;
  }
  for (int i = 0; i < n_files; i++) {
    size_t len = 0;
    uint8_t *buf = read_all(files[i], &len);
    if (buf == NULL) {
      fprintf(stderr, "bench-micro: cannot read %s\n", files[i]);
      return 1;
    }
    n = collect(buf, len, &targets, n, &cap); /* buf stays: targets point in */
  }
  bench_sieve(targets, n, seconds);
  bench_kernels(seconds / 4);
  free(targets);
  return 0;
}
