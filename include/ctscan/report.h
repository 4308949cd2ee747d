/* Reports written from merged statistics. */
#ifndef CTSCAN_REPORT_H
#define CTSCAN_REPORT_H

#include <stdio.h>

#include "ctscan/stats.h"
#include "ctscan/status.h"

#define CTS_STATS_SCHEMA 1

/* The stats JSON of design.md "Per-CA statistics" (the contract other
 * tools read). */
cts_status cts_report_json(const cts_stats *stats, FILE *out);
/* The per-CA table for a terminal. */
void cts_report_table(const cts_stats *stats, FILE *out);

#endif
