/* Sieve, facts, gated full parse, lints: one certificate. */
#include <stdlib.h>
#include <string.h>

#include "ctscan/check.h"
#include "ctscan/config.h"
#include "ctscan/full.h"
#include "ctscan/sieve.h"
#include "keys_util.h"

cts_status cts_checker_init(cts_checker *c, int full_all) {
  memset(c, 0, sizeof(*c));
  c->full_all = full_all;
  c->lints = cts_lints(&c->n_lints);
  c->sum = malloc(sizeof(*c->sum));
  c->results = calloc(c->n_lints > 0 ? c->n_lints : 1, sizeof(*c->results));
  if (c->sum == NULL || c->results == NULL) {
    cts_checker_free(c);
    return CTS_ERR_NOMEM;
  }
  c->cert.sum = c->sum;
  return CTS_OK;
}

void cts_checker_free(cts_checker *c) {
  free(c->sum);
  free(c->results);
  c->sum = NULL;
  c->results = NULL;
}

/* A validity time that breaks RFC 5280 4.1.2.5 (no seconds, a zone
 * offset, a fraction) stays flagged, but gets the value Go's parser gives
 * it: zlint lints such certificates with that value (effective dates,
 * validity lengths), and so must we. */
static void settle_times(cts_summary *sum) {
  int64_t t;
  if ((sum->flags & CTS_SUM_BAD_NOT_BEFORE) && cts_keys_not_before(sum, &t))
    sum->not_before = t;
  if ((sum->flags & CTS_SUM_BAD_NOT_AFTER) && cts_keys_not_after(sum, &t))
    sum->not_after = t;
}

cts_status cts_checker_run(cts_checker *c, const uint8_t *der, size_t len,
                           int is_tbs, const char **out_reason) {
  cts_status st = CTS_OK;
  c->fully_parsed = c->full_parse_failed = c->findings = 0;
  if (!cts_sieve_summarize(der, len, is_tbs, c->sum, out_reason))
    return CTS_ERR_FORMAT;
  if (c->sum->flags & (CTS_SUM_BAD_NOT_BEFORE | CTS_SUM_BAD_NOT_AFTER))
    settle_times(c->sum);
  c->cert.x509 = NULL;
  cts_lint_facts(&c->cert);
  if (c->full_all || cts_lint_needs_full(&c->cert)) {
    c->fully_parsed = 1;
    st = cts_full_parse(&c->cert);
    if (st == CTS_ERR_NOMEM) return st;
    c->full_parse_failed = st != CTS_OK;
  }
  for (size_t i = 0; i < c->n_lints; i++) {
    if (c->config != NULL && !c->config->enabled[i]) {
      c->results[i] = CTS_LINT_NA;
      continue;
    }
    c->results[i] = cts_config_apply(c->config, i,
                                     cts_lint_run(&c->lints[i], &c->cert));
    if (CTS_LINT_IS_FINDING(c->results[i])) c->findings++;
  }
  if (c->cert.x509 != NULL) cts_full_release(&c->cert);
  return CTS_OK;
}
