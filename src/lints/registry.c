/* The lint table: every group's lints, sorted by name once. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/lint.h"
#include "lints_internal.h"

static const cts_lint_group *const k_groups[] = {
    &cts_lint_group_names,      &cts_lint_group_subject,
    &cts_lint_group_keys,       &cts_lint_group_time,
    &cts_lint_group_extensions, &cts_lint_group_ev_ca,
    &cts_lint_group_ctscan,     &cts_lint_group_ca,
};

#define MAX_LINTS 512
static cts_lint g_table[MAX_LINTS];
static size_t g_count;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static int by_name(const void *a, const void *b) {
  return strcmp(((const cts_lint *)a)->name, ((const cts_lint *)b)->name);
}

static void build_table(void) {
  for (size_t g = 0; g < sizeof(k_groups) / sizeof(k_groups[0]); g++)
    for (size_t i = 0; i < k_groups[g]->count && g_count < MAX_LINTS; i++)
      g_table[g_count++] = k_groups[g]->lints[i];
  qsort(g_table, g_count, sizeof(g_table[0]), by_name);
}

const cts_lint *cts_lints(size_t *out_count) {
  pthread_once(&g_once, build_table);
  *out_count = g_count;
  return g_table;
}

const cts_lint *cts_lint_find(const char *name) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  cts_lint key;
  key.name = name;
  return bsearch(&key, all, n, sizeof(all[0]), by_name);
}

const char *cts_lint_status_str(cts_lint_status status) {
  static const char *const names[] = {"NA",   "NE",    "pass", "info",
                                      "warn", "error", "fatal"};
  return (unsigned)status < sizeof(names) / sizeof(names[0]) ? names[status]
                                                             : "fatal";
}

const char *cts_lint_source_str(cts_lint_source source) {
  static const char *const names[] = {
      "CABF_BR", "CABF_EV", "RFC5280", "RFC5480", "RFC5891", "RFC6962",
      "RFC8813", "RFC3279", "Mozilla", "Apple",   "Community", "ctscan"};
  return (unsigned)source < sizeof(names) / sizeof(names[0]) ? names[source]
                                                             : "ctscan";
}

/* The prefix caps the severity: a w_ lint never reports an error. */
static cts_lint_status cap(const char *name, cts_lint_status status) {
  cts_lint_status max = CTS_LINT_FATAL;
  if (name[0] == 'w' && name[1] == '_') max = CTS_LINT_WARN;
  if (name[0] == 'n' && name[1] == '_') max = CTS_LINT_INFO;
  if (status == CTS_LINT_FATAL) return status; /* a lint that broke */
  return status > max ? max : status;
}

/* zlint's CheckEffective: notBefore in [effective, ineffective). Every
 * lint asks it of every certificate; notBefore is almost always on or
 * after the effective date, so that compare comes first and the zero
 * test ("always") is rarely reached. */
static int effective(const cts_lint *lint, const cts_summary *sum) {
  int64_t not_before = sum->not_before;
  if (not_before < lint->effective && lint->effective != 0) return 0;
  if (lint->ineffective != 0 && not_before >= lint->ineffective) return 0;
  return 1;
}

int cts_lint_needs_full(const cts_lint_cert *cert) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  /* Whether the certificate is self-signed takes its signature. */
  if (cert->facts.subject_is_issuer) return 1;
  for (size_t i = 0; i < n; i++)
    if (all[i].gate != NULL && all[i].gate(cert)) return 1;
  return 0;
}

cts_lint_status cts_lint_run(const cts_lint *lint, const cts_lint_cert *cert) {
  cts_lint_status status;
  /* A full lint on a certificate OpenSSL did not parse: its gate promises
   * no finding when false, and a gate that is true with no parse means
   * OpenSSL rejected the certificate; either way the lint cannot run. */
  if (lint->gate != NULL && cert->x509 == NULL) return CTS_LINT_NA;
  /* zlint: BR lints cover only certificates within the BRs' purview. */
  if (lint->source == CTS_SRC_CABF_BR && !cert->facts.is_server_auth)
    return CTS_LINT_NA;
  if (lint->applies != NULL && !lint->applies(cert)) return CTS_LINT_NA;
  if (!effective(lint, cert->sum)) return CTS_LINT_NE;
  status = lint->run(cert);
  /* Only a warning or an error can exceed a cap: most runs pass, and
   * need not look at the name. */
  if (status != CTS_LINT_WARN && status != CTS_LINT_ERROR) return status;
  return cap(lint->name, status);
}
