/* One certificate through sieve, facts, gated full parse and every lint:
 * what a scan worker and `ctscan lint` do for each certificate. */
#ifndef CTSCAN_CHECK_H
#define CTSCAN_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/lint.h"
#include "ctscan/status.h"
#include "ctscan/summary.h"

typedef struct cts_checker {
  cts_summary *sum;
  cts_lint_cert cert;
  const cts_lint *lints;
  size_t n_lints;
  cts_lint_memo *memo;      /* the certificate's memo, reset per run */
  uint16_t *full_lints;     /* indices of the lints that have a gate */
  size_t n_full_lints;
  cts_lint_status *results; /* one per lint, in cts_lints() order */
  int full_all;             /* parse every certificate (--full) */
  const struct cts_config *config; /* lints enabled, severities; or NULL */
  int fully_parsed;         /* the last certificate went through OpenSSL */
  int full_parse_failed;    /* ... and OpenSSL rejected it */
  int findings;             /* lints of the last certificate with a finding */
} cts_checker;

cts_status cts_checker_init(cts_checker *c, int full_all);
void cts_checker_free(cts_checker *c);

/* Checks one certificate (or TBS). Returns CTS_OK with c->results filled,
 * CTS_ERR_FORMAT with *out_reason when the sieve cannot read it, or
 * CTS_ERR_NOMEM. */
cts_status cts_checker_run(cts_checker *c, const uint8_t *der, size_t len,
                           int is_tbs, const char **out_reason);

#endif
