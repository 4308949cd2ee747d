/* The progress line of a long scan (design.md "Command line"): entries,
 * entries/s, MB/s, percent of the input bytes and the time left, redrawn
 * in place on stderr. The caller decides whether to show it (a terminal,
 * not --quiet). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "scan_internal.h"

double cts_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cts_progress_start(cts_progress *p, uint64_t total_bytes) {
  memset(p, 0, sizeof(*p));
  p->total_bytes = total_bytes;
  p->start = p->last_print = cts_now();
}

static void format_duration(double s, char *buf, size_t len) {
  uint64_t t = s > 0 && s < 1e9 ? (uint64_t)(s + 0.5) : 0;
  if (t >= 3600)
    snprintf(buf, len, "%" PRIu64 "h%02" PRIu64 "m", t / 3600, t / 60 % 60);
  else
    snprintf(buf, len, "%" PRIu64 "m%02" PRIu64 "s", t / 60, t % 60);
}

void cts_progress_print(cts_progress *p, uint64_t entries, uint64_t bytes) {
  double now = cts_now(), elapsed = now - p->start;
  double rate, mbs, pct = 0;
  char eta[32] = "?";
  if (elapsed <= 0) elapsed = 1e-9;
  rate = (double)entries / elapsed;
  mbs = (double)bytes / elapsed / 1e6;
  if (p->total_bytes > 0) {
    if (bytes > p->total_bytes) bytes = p->total_bytes;
    pct = 100.0 * (double)bytes / (double)p->total_bytes;
    if (bytes > 0)
      format_duration(elapsed * (double)(p->total_bytes - bytes) /
                          (double)bytes,
                      eta, sizeof(eta));
  }
  fprintf(stderr,
          "\r%12" PRIu64 " entries  %9.0f entries/s  %8.1f MB/s  %5.1f%%  "
          "ETA %s   ",
          entries, rate, mbs, pct, eta);
  fflush(stderr);
  p->printed = 1;
  p->last_print = now;
}

void cts_progress_end(cts_progress *p, uint64_t entries, uint64_t bytes) {
  cts_progress_print(p, entries, bytes);
  fputc('\n', stderr);
}
