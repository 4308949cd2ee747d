/* What the fuzz targets that read a whole input file through a scan
 * (fuzz_dump.c, fuzz_zip.c) share: a private temporary file for the
 * input, one scan worker the entries go through (sieve, lints,
 * statistics), and the accounting check design.md demands after every
 * input. Included by one target per binary. */
#ifndef CTSCAN_FUZZ_SCAN_HARNESS_H
#define CTSCAN_FUZZ_SCAN_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/scan.h"
#include "fuzz_check.h"

static char g_dir[64];
static char g_path[96];
static volatile uint8_t g_sink;
/* Its statistics are made anew for every input. */
static cts_scan_options g_options;
static cts_worker g_worker;

static void harness_cleanup(void) {
  unlink(g_path);
  rmdir(g_dir);
}

/* Once per process: /tmp/ctscan-fuzz-<tag>-XXXXXX/<file> and the worker. */
static void harness_init(const char *tag, const char *file) {
  if (g_dir[0] != '\0') return;
  snprintf(g_dir, sizeof(g_dir), "/tmp/ctscan-fuzz-%s-XXXXXX", tag);
  if (mkdtemp(g_dir) == NULL) abort();
  snprintf(g_path, sizeof(g_path), "%s/%s", g_dir, file);
  g_options.quiet = 1;
  g_options.threads = 1;
  if (cts_worker_init(&g_worker, &g_options) != CTS_OK) abort();
  atexit(harness_cleanup);
}

/* design.md: entries == clean + flagged + unparseable, always. */
static void check_totals_and_reset(void) {
  cts_stats *s = &g_worker.stats;
  size_t n_lints = s->n_lints;
  if (s->entries != s->clean + s->flagged + s->unparseable) {
    fprintf(stderr,
            "totals: entries %llu != clean %llu + flagged %llu + "
            "unparseable %llu\n",
            (unsigned long long)s->entries, (unsigned long long)s->clean,
            (unsigned long long)s->flagged,
            (unsigned long long)s->unparseable);
    abort();
  }
  cts_stats_free(s);
  if (cts_stats_init(s, n_lints) != CTS_OK) abort();
}

/* Writes the input to the temporary file and reads it as a scan would
 * (planning, units, containers) into sink; only running out of memory may
 * stop it. Returns the status. */
static cts_status harness_read_as_scan(const uint8_t *data, size_t size,
                                       const cts_entry_sink *sink) {
  FILE *f = fopen(g_path, "wb");
  cts_input in;
  cts_input_list list;
  cts_status st;
  if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) ||
      fclose(f) != 0)
    abort();
  memset(&in, 0, sizeof(in));
  in.path = g_path;
  list.items = &in;
  list.count = list.cap = 1;
  st = cts_scan_read_entries(&list, sink);
  CHECK(st == CTS_OK || st == CTS_ERR_NOMEM);
  return st;
}

/* Reads every byte of a span (ASan sees an over-read). */
static void touch(cts_der d) {
  uint8_t acc = 0;
  for (size_t i = 0; i < d.len; i++) acc ^= d.data[i];
  g_sink ^= acc;
}

#endif
