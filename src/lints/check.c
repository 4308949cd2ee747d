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
  c->memo = malloc(sizeof(*c->memo));
  c->full_lints = calloc(c->n_lints + 1, sizeof(*c->full_lints));
  if (c->sum == NULL || c->results == NULL || c->memo == NULL ||
      c->full_lints == NULL) {
    cts_checker_free(c);
    return CTS_ERR_NOMEM;
  }
  for (size_t i = 0; i < c->n_lints; i++)
    if (c->lints[i].gate != NULL) c->full_lints[c->n_full_lints++] = (uint16_t)i;
  c->cert.sum = c->sum;
  c->cert.memo = c->memo;
  return CTS_OK;
}

void cts_checker_free(cts_checker *c) {
  free(c->sum);
  free(c->results);
  free(c->memo);
  free(c->full_lints);
  c->sum = NULL;
  c->results = NULL;
  c->memo = NULL;
  c->full_lints = NULL;
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

/* cts_lint_needs_full over the gated lints only. */
static int needs_full(const cts_checker *c) {
  /* Whether the certificate is self-signed takes its signature. */
  if (c->cert.facts.subject_is_issuer) return 1;
  for (size_t k = 0; k < c->n_full_lints; k++)
    if (c->lints[c->full_lints[k]].gate(&c->cert)) return 1;
  return 0;
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
  c->memo->valid = 0;
  cts_lint_facts(&c->cert);
  if (c->full_all || needs_full(c)) {
    c->fully_parsed = 1;
    st = cts_full_parse(&c->cert);
    if (st == CTS_ERR_NOMEM) return st;
    c->full_parse_failed = st != CTS_OK;
  }
  if (c->config == NULL || c->config->is_default) {
    for (size_t i = 0; i < c->n_lints; i++) {
      c->results[i] = cts_lint_run(&c->lints[i], &c->cert);
      c->findings += CTS_LINT_IS_FINDING(c->results[i]);
    }
  } else {
    for (size_t i = 0; i < c->n_lints; i++) {
      c->results[i] = c->config->enabled[i]
                          ? cts_config_apply(c->config, i,
                                             cts_lint_run(&c->lints[i], &c->cert))
                          : CTS_LINT_NA;
      c->findings += CTS_LINT_IS_FINDING(c->results[i]);
    }
  }
  if (c->cert.x509 != NULL) cts_full_release(&c->cert);
  return CTS_OK;
}
