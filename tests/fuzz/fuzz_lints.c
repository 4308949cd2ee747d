/* libFuzzer target for the lints and the sieve contract (design.md "The
 * sieve contract": with gates, and with every certificate fully parsed,
 * the findings are the same).
 *
 * The input goes through cts_checker twice, as a Certificate and as a
 * TBSCertificate alone: once gated (full_all = 0) and once with every
 * certificate parsed by OpenSSL (full_all = 1). Checks: no crash; both
 * runs accept or reject alike; and every lint that reports a finding in
 * one run reports the same status in the other. A violation prints the
 * lint's name and both statuses, then aborts.
 *
 * FUZZ_LINTS_IGNORE (environment; comma-separated lint names) leaves those
 * lints' contract unchecked, so that fuzzing can go on past a violation
 * already known; the replay never sets it.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/check.h"
#include "ctscan/lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cts_checker g_gated, g_full;
static uint8_t *g_ignore; /* per lint: 1 when FUZZ_LINTS_IGNORE names it */
static int g_ready;

static void init_once(void) {
  const char *ignore = getenv("FUZZ_LINTS_IGNORE");
  if (g_ready) return;
  if (cts_checker_init(&g_gated, 0) != CTS_OK ||
      cts_checker_init(&g_full, 1) != CTS_OK)
    abort();
  g_ignore = calloc(g_gated.n_lints + 1, 1);
  if (g_ignore == NULL) abort();
  while (ignore != NULL && *ignore != '\0') {
    const char *end = strchr(ignore, ',');
    size_t n = end != NULL ? (size_t)(end - ignore) : strlen(ignore);
    for (size_t i = 0; i < g_gated.n_lints; i++)
      if (strlen(g_gated.lints[i].name) == n &&
          memcmp(g_gated.lints[i].name, ignore, n) == 0)
        g_ignore[i] = 1;
    ignore = end != NULL ? end + 1 : ignore + n;
  }
  g_ready = 1;
}

static void check_one(const uint8_t *data, size_t size, int is_tbs) {
  const char *gated_reason = NULL, *full_reason = NULL;
  cts_status gated = cts_checker_run(&g_gated, data, size, is_tbs,
                                     &gated_reason);
  cts_status full = cts_checker_run(&g_full, data, size, is_tbs, &full_reason);
  int violated = 0;
  if (gated == CTS_ERR_NOMEM || full == CTS_ERR_NOMEM) return;
  if (gated != full) {
    fprintf(stderr, "checker: gated run returns %d, full run %d\n", gated,
            full);
    abort();
  }
  if (gated != CTS_OK) {
    if (gated_reason == NULL || full_reason == NULL ||
        strcmp(gated_reason, full_reason) != 0)
      abort();
    return;
  }
  if (!g_full.fully_parsed) abort();
  for (size_t i = 0; i < g_gated.n_lints; i++) {
    cts_lint_status g = g_gated.results[i], f = g_full.results[i];
    if (g_ignore[i]) continue;
    if ((CTS_LINT_IS_FINDING(g) || CTS_LINT_IS_FINDING(f)) && g != f) {
      fprintf(stderr,
              "sieve contract: %s is %s gated, %s fully parsed (%s%s)\n",
              g_gated.lints[i].name, cts_lint_status_str(g),
              cts_lint_status_str(f), is_tbs ? "TBS" : "certificate",
              g_gated.fully_parsed ? ", gated run parsed it too" : "");
      violated = 1;
    }
  }
  if (violated) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  init_once();
  if (size > ((size_t)1 << 20)) return 0;
  check_one(data, size, 0);
  check_one(data, size, 1);
  return 0;
}
