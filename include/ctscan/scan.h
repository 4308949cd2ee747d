/* The scan driver: inputs through source, container, sieve and into the
 * statistics. */
#ifndef CTSCAN_SCAN_H
#define CTSCAN_SCAN_H

#include <stdint.h>
#include <stdio.h>

#include "ctscan/check.h"
#include "ctscan/container.h"
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
  unsigned threads; /* workers; 0: one per core (hwloc topology) */
  int progress;     /* progress line on stderr: 0 never, 1 when stderr is
                       a terminal, 2 always */
  uint64_t stream_threshold; /* files at least this big (not dumps, not
                                zips) are decompressed by one thread and
                                handed out in batches; 0: 16 MiB */
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

/* Scans every input into *out_stats (initialised here), with one worker
 * per core (or options->threads), each bound to its core (hwloc_distrib,
 * hwloc_set_cpubind). Work units are whole files, the data frames of a
 * ctscan dump and the data tile members of a zip archive, handed out
 * through one atomic counter; a big file of another kind is decompressed
 * by one thread that hands batches of whole entries to the workers. Each
 * worker counts into its own statistics, merged once at the end; the
 * result (and its stats JSON) is the same for any number of threads.
 *
 * Memory of the pipeline, whatever the input size, for W workers:
 *   W x (one compressed frame or zip member + one decompressed frame,
 *        each rounded up to a power of two, at least 1 MiB; a frame over
 *        64 MiB goes through a stream window instead)
 *   + (2W + 1) x CTS_BATCH_BYTES (2 MiB) of batches when a big non-dump
 *     file is streamed, plus its window (<= 64 MiB, typically 128 KiB)
 *   + per worker a zstd context and a checker.
 * With K = 16 (about 6 MiB decompressed per frame) that is about 10 MiB a
 * worker. The statistics are not part of it: they grow with the CAs and
 * the distinct findings (the (serial, lint) pairs kept to count an
 * issuance once). */
cts_status cts_scan_inputs(const cts_input_list *inputs,
                           const cts_scan_options *options,
                           cts_stats *out_stats);

/* Reads the entries of every input in order on the calling thread (dump
 * frames, zip members, files) into sink, for tools that need the entries
 * themselves (`ctscan pack`). Problems found while looking at the inputs
 * (a damaged seek table, an unreadable zip directory) go to
 * sink->on_error as well. */
cts_status cts_scan_read_entries(const cts_input_list *inputs,
                                 const cts_entry_sink *sink);

#endif
