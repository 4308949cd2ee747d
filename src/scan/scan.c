/* Single-threaded scan driver: each input unit is opened, read entry by
 * entry, and every entry is sieved and counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/container.h"
#include "ctscan/report.h"
#include "ctscan/scan.h"

cts_status cts_worker_init(cts_worker *w, const cts_scan_options *options) {
  cts_status st;
  memset(w, 0, sizeof(*w));
  w->options = options;
  if ((st = cts_checker_init(&w->checker, options->full)) != CTS_OK)
    return st;
  w->checker.config = options->config;
  if ((st = cts_stats_init(&w->stats, w->checker.n_lints)) != CTS_OK)
    goto free_checker;
  return CTS_OK;
free_checker:
  cts_checker_free(&w->checker);
  return st;
}

void cts_worker_free(cts_worker *w) {
  cts_stats_free(&w->stats);
  cts_checker_free(&w->checker);
}

cts_status cts_worker_scan_entry(cts_worker *w, const cts_entry *entry) {
  int is_tbs;
  const char *reason = NULL;
  char why[160];
  cts_der target = cts_entry_lint_target(entry, &is_tbs);
  if (target.len == 0) {
    return cts_stats_add_error(&w->stats, entry->input, entry->offset,
                               entry->index, 1, "entry holds no certificate");
  }
  cts_status st = cts_checker_run(&w->checker, target.data, target.len,
                                  is_tbs, &reason);
  if (st == CTS_ERR_FORMAT) {
    snprintf(why, sizeof(why), "certificate: %s", reason);
    return cts_stats_add_error(&w->stats, entry->input, entry->offset,
                               entry->index, 1, why);
  }
  if (st != CTS_OK) return st;
  const cts_ca_stats *ca = NULL;
  st = cts_stats_add_entry(&w->stats, entry, w->checker.sum,
                           w->checker.results, w->checker.fully_parsed, &ca);
  if (st == CTS_OK && w->checker.findings > 0 && w->options->findings != NULL)
    cts_report_finding(w->options->findings, entry, &w->checker, ca);
  return st;
}

static cts_status on_entry(void *ctx, const cts_entry *entry) {
  return cts_worker_scan_entry(ctx, entry);
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  cts_worker *w = ctx;
  /* Out of memory while recording an error leaves the counts exact; only
   * the error's text is lost. */
  (void)cts_stats_add_error(&w->stats, input, offset, index, lost, reason);
}

cts_status cts_worker_scan_input(cts_worker *w, const cts_input *in) {
  cts_stream *stream = NULL;
  cts_entry_sink sink = {on_entry, on_error, w};
  cts_status st = cts_stream_open_file(in->path, &stream);
  if (st != CTS_OK) {
    char why[128];
    snprintf(why, sizeof(why), "cannot open: %s", cts_status_str(st));
    return cts_stats_add_error(&w->stats, in->path, 0, in->first_index,
                               in->expected_entries ? in->expected_entries : 1,
                               why);
  }
  st = cts_container_read(stream, in, &sink);
  cts_stream_close(stream);
  return st;
}

cts_status cts_scan_inputs(const cts_input_list *inputs,
                           const cts_scan_options *options,
                           cts_stats *out_stats) {
  cts_worker w;
  cts_status st = cts_worker_init(&w, options);
  if (st != CTS_OK) return st;
  for (size_t i = 0; i < inputs->count && st == CTS_OK; i++)
    st = cts_worker_scan_input(&w, &inputs->items[i]);
  if (st == CTS_OK) {
    *out_stats = w.stats;
    w.stats.cas = NULL; /* ownership moves to the caller */
    w.stats.errors = NULL;
    w.stats.cap = 0;
    w.stats.n_errors = 0;
  }
  cts_worker_free(&w);
  return st;
}
