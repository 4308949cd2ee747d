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
/* The CAs, the highest misissuance rate (flagged / entries) first. The
 * array is malloc'd. */
const cts_ca_stats **cts_report_cas_by_rate(const cts_stats *stats,
                                            size_t *out_n);
/* Findings of one lint at one CA (all statuses). */
uint64_t cts_ca_lint_total(const cts_ca_lint *l);
/* Up to max lint indices with the most findings at ca, most first. */
size_t cts_report_top_lints(const cts_stats *stats, const cts_ca_stats *ca,
                            size_t *out, size_t max);
/* One self-contained HTML page (no network): per-CA table, per-lint bars,
 * per-day charts as inline SVG, examples linking to crt.sh. */
cts_status cts_report_html(const cts_stats *stats,
                           const struct cts_config *config, FILE *out);
/* The label of histogram bucket b ("<=398", "18", ">20"); serial picks
 * the serial-length histogram, else the validity one. */
void cts_report_bucket_label(int serial, int b, char *label, size_t len);
/* Hex of the first 16 bytes of SHA-256 over the lint names: stats files
 * merge only with the same lint set. */
void cts_report_lint_set(char out[33]);
/* Reads a stats JSON file written by cts_report_json into stats
 * (initialised here with the lints of this build). err gets the reason. */
cts_status cts_report_load_json(const char *path, cts_stats *stats, char *err,
                                size_t err_len);
/* The per-CA table for a terminal. */
void cts_report_table(const cts_stats *stats, FILE *out);

#endif
