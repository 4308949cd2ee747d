/* The scan driver: inputs through source, container, sieve and into the
 * statistics. */
#ifndef CTSCAN_SCAN_H
#define CTSCAN_SCAN_H

#include <stdio.h>

#include "ctscan/check.h"
#include "ctscan/entry.h"
#include "ctscan/source.h"
#include "ctscan/stats.h"
#include "ctscan/status.h"
#include "ctscan/summary.h"

typedef struct cts_scan_options {
  int quiet; /* no warnings on stderr */
  int full;  /* parse every certificate with OpenSSL, run every lint */
  FILE *findings; /* JSON line per flagged certificate, or NULL */
  const struct cts_config *config; /* or NULL: every lint, as written */
} cts_scan_options;

/* One worker's state: its checker (summary, lint results) and its
 * statistics. */
typedef struct cts_worker {
  cts_checker checker;
  cts_stats stats;
  const cts_scan_options *options;
} cts_worker;

cts_status cts_worker_init(cts_worker *w, const cts_scan_options *options);
void cts_worker_free(cts_worker *w);
/* Sieves and lints one entry and counts it (an entry whose certificate does not
 * parse is counted unparseable, with its location). */
cts_status cts_worker_scan_entry(cts_worker *w, const cts_entry *entry);
/* Reads one input unit; problems are counted, never fatal. */
cts_status cts_worker_scan_input(cts_worker *w, const cts_input *in);

/* Scans every input into *out_stats (initialised here). */
cts_status cts_scan_inputs(const cts_input_list *inputs,
                           const cts_scan_options *options,
                           cts_stats *out_stats);

#endif
