/* Reports written from merged statistics. */
#ifndef CTSCAN_REPORT_H
#define CTSCAN_REPORT_H

#include <stdio.h>

#include "ctscan/check.h"
#include "ctscan/entry.h"
#include "ctscan/stats.h"
#include "ctscan/status.h"

#define CTS_STATS_SCHEMA 1

/* The stats JSON of design.md "Per-CA statistics" (the contract other
 * tools read). */
struct cts_config;
/* config (may be NULL) names the CAs' owners. */
cts_status cts_report_json(const cts_stats *stats,
                           const struct cts_config *config, FILE *out);
/* One line of the findings JSONL for a flagged certificate: index, input,
 * offset, SHA-256, CA id, entry type, notBefore and {"lint": "status"} for
 * every lint with a finding. Written with one fwrite, so lines of
 * concurrent workers never interleave. */
void cts_report_finding(FILE *out, const cts_entry *entry,
                        const cts_checker *checker, const cts_ca_stats *ca);
/* One CSV row (RFC 4180) per CA and lint with findings. */
cts_status cts_report_csv(const cts_stats *stats,
                          const struct cts_config *config, FILE *out);
/* The per-CA table for a terminal. */
void cts_report_table(const cts_stats *stats, FILE *out);

#endif
