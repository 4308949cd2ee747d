/* The scan driver: workers, one per core, bound to their cores, take units
 * of work (files, dump frames, zip members) through one atomic counter and
 * the batches of the decompressing thread through a bounded queue; each
 * counts into its own statistics, merged once at the end.
 *
 * Determinism: the merged statistics do not depend on which worker saw
 * which entry. Counts are sums; examples, dates, the issuer key hash and
 * the kept errors are chosen by order-free rules in stats.c; the CA list
 * is sorted when written, and here errors are sorted and each CA's key
 * kinds put in label order. */
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ctscan/container.h"
#include "ctscan/lint.h"
#include "ctscan/report.h"
#include "ctscan/scan.h"
#include "scan_internal.h"

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

/* --- shared state of one scan -------------------------------------------- */

typedef struct scan_shared {
  const cts_plan *plan;
  const cts_scan_options *options;
  const cts_topo *topo;
  cts_batch_queue *queue; /* NULL when no unit is read as a stream */
  atomic_size_t next;     /* the next index into plan->work */
  atomic_int failed;      /* the first fatal status, 0 while none */
} scan_shared;

/* One worker thread, or the decompressing thread. Counters are written by
 * their thread alone and read by the progress line: each slot on its own
 * cache lines. */
typedef struct scan_slot {
  alignas(64) atomic_uint_fast64_t entries;
  atomic_uint_fast64_t bytes;
  uint64_t local_entries;
  scan_shared *shared;
  hwloc_cpuset_t cpuset; /* NULL: not bound */
  cts_worker *worker;    /* made by the thread itself, after binding */
  cts_stats stats;       /* the decompressing thread's problems */
  cts_batch *batch;      /* the decompressing thread's batch being filled */
  const cts_stream *stream; /* ... and the stream it reads */
  uint64_t stream_bytes_done; /* input bytes of earlier streams */
  pthread_t thread;
  int started;
} scan_slot;

static void scan_fail(scan_shared *sh, cts_status st) {
  int none = 0;
  if (st == CTS_OK) return;
  atomic_compare_exchange_strong(&sh->failed, &none, st);
  if (sh->queue != NULL) cts_batch_queue_abort(sh->queue);
}

/* --- workers -------------------------------------------------------------- */

static cts_status slot_on_entry(void *ctx, const cts_entry *entry) {
  scan_slot *slot = ctx;
  cts_status st = cts_worker_scan_entry(slot->worker, entry);
  atomic_store_explicit(&slot->entries, ++slot->local_entries,
                        memory_order_relaxed);
  return st;
}

static void slot_on_error(void *ctx, const char *input, uint64_t offset,
                          uint64_t index, uint64_t lost, const char *reason) {
  scan_slot *slot = ctx;
  (void)cts_stats_add_error(&slot->worker->stats, input, offset, index, lost,
                            reason);
}

static cts_status scan_batch(scan_slot *slot, const cts_batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    cts_entry entry;
    cts_status st;
    cts_batch_get(b, i, &entry);
    if ((st = slot_on_entry(slot, &entry)) != CTS_OK) return st;
  }
  atomic_fetch_add_explicit(&slot->bytes, b->input_bytes,
                            memory_order_relaxed);
  return CTS_OK;
}

/* Takes a batch, returns it and records a failure. 1 when there was one. */
static int run_batch(scan_slot *slot, cts_batch *b) {
  scan_shared *sh = slot->shared;
  cts_status st = scan_batch(slot, b);
  cts_batch_release(sh->queue, b);
  scan_fail(sh, st);
  return 1;
}

static void *worker_main(void *arg) {
  scan_slot *slot = arg;
  scan_shared *sh = slot->shared;
  const cts_plan *plan = sh->plan;
  cts_entry_sink sink = {slot_on_entry, slot_on_error, slot};
  cts_unit_reader reader;
  cts_status st;

  /* Bound first, so that everything the worker allocates from here on is
   * placed on its node (first touch). A failure to bind only costs
   * locality. */
  if (slot->cpuset != NULL && sh->topo->topology != NULL)
    (void)hwloc_set_cpubind(sh->topo->topology, slot->cpuset,
                            HWLOC_CPUBIND_THREAD);
  slot->worker = malloc(sizeof(*slot->worker));
  if (slot->worker == NULL) {
    scan_fail(sh, CTS_ERR_NOMEM);
    return NULL;
  }
  if ((st = cts_worker_init(slot->worker, sh->options)) != CTS_OK) {
    free(slot->worker);
    slot->worker = NULL;
    scan_fail(sh, st);
    return NULL;
  }
  cts_unit_reader_init(&reader, sh->topo, slot->cpuset);
  while (atomic_load_explicit(&sh->failed, memory_order_relaxed) == CTS_OK) {
    cts_batch *b;
    size_t i;
    /* Batches first: the decompressing thread must not wait on a worker
     * busy with units while the queue is full. */
    if (sh->queue != NULL && (b = cts_batch_try_pop(sh->queue)) != NULL) {
      run_batch(slot, b);
      continue;
    }
    i = atomic_fetch_add_explicit(&sh->next, 1, memory_order_relaxed);
    if (i < plan->n_work) {
      const cts_unit *u = &plan->units[plan->work[i]];
      st = cts_unit_read(&reader, plan, u, &sink);
      atomic_fetch_add_explicit(&slot->bytes, u->bytes, memory_order_relaxed);
      scan_fail(sh, st);
      continue;
    }
    if (sh->queue == NULL || (b = cts_batch_pop(sh->queue)) == NULL) break;
    run_batch(slot, b);
  }
  cts_unit_reader_free(&reader);
  return NULL;
}

/* --- the decompressing thread --------------------------------------------- */

static uint64_t producer_bytes(const scan_slot *p) {
  return p->stream_bytes_done + cts_stream_input_bytes(p->stream);
}

/* Hands the current batch to the workers and takes an empty one. */
static cts_status producer_flush(scan_slot *p, int take_another) {
  scan_shared *sh = p->shared;
  cts_status st = CTS_OK;
  uint64_t bytes = producer_bytes(p);
  uint64_t before = atomic_load_explicit(&p->bytes, memory_order_relaxed);
  if (p->batch != NULL && p->batch->n > 0) {
    /* The workers count the bytes when they have scanned the batch. */
    p->batch->input_bytes = bytes - before;
    atomic_store_explicit(&p->bytes, bytes, memory_order_relaxed);
    cts_batch_push(sh->queue, p->batch);
    p->batch = NULL;
  }
  if (take_another && p->batch == NULL) {
    p->batch = cts_batch_take(sh->queue, &st);
    if (p->batch == NULL && st == CTS_OK) st = CTS_ERR_STOP;
  }
  return st;
}

static cts_status producer_on_entry(void *ctx, const cts_entry *entry) {
  scan_slot *p = ctx;
  cts_status st = cts_batch_add(p->batch, entry);
  if (st != CTS_ERR_LIMIT) return st;
  if ((st = producer_flush(p, 1)) != CTS_OK) return st;
  return cts_batch_add(p->batch, entry);
}

static void producer_on_error(void *ctx, const char *input, uint64_t offset,
                              uint64_t index, uint64_t lost,
                              const char *reason) {
  scan_slot *p = ctx;
  (void)cts_stats_add_error(&p->stats, input, offset, index, lost, reason);
}

static void *producer_main(void *arg) {
  scan_slot *p = arg;
  scan_shared *sh = p->shared;
  const cts_plan *plan = sh->plan;
  cts_entry_sink sink = {producer_on_entry, producer_on_error, p};
  cts_status st = producer_flush(p, 1);
  for (size_t k = 0; st == CTS_OK && k < plan->n_streams; k++) {
    const cts_unit *u = &plan->units[plan->streams[k]];
    const cts_input *in = &plan->inputs->items[u->input];
    cts_stream *stream = NULL;
    cts_input unit_in = *in;
    st = cts_stream_open_file(in->path, &stream);
    if (st != CTS_OK) {
      char why[128];
      if (st == CTS_ERR_NOMEM) break;
      snprintf(why, sizeof(why), "cannot open: %s", cts_status_str(st));
      st = cts_stats_add_error(&p->stats, in->path, 0, in->first_index, 1,
                               why);
      continue;
    }
    p->stream = stream;
    st = cts_container_read(stream, &unit_in, &sink);
    p->stream_bytes_done += cts_stream_input_bytes(stream);
    p->stream = NULL;
    cts_stream_close(stream);
  }
  if (st == CTS_OK) st = producer_flush(p, 0);
  if (p->batch != NULL) {
    cts_batch_release(sh->queue, p->batch);
    p->batch = NULL;
  }
  if (st != CTS_ERR_STOP) scan_fail(sh, st);
  cts_batch_queue_done(sh->queue);
  return NULL;
}

/* --- the scan -------------------------------------------------------------- */

/* Puts what the order of work could change in one order: the errors by
 * location (the report writer orders everything else). */
static cts_status canonicalise(cts_stats *stats) {
  cts_stats_sort_errors(stats);
  return CTS_OK;
}

static uint64_t sum_counter(const scan_slot *slots, size_t n, int bytes) {
  uint64_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += atomic_load_explicit(bytes ? &slots[i].bytes : &slots[i].entries,
                                  memory_order_relaxed);
  return total;
}

static void quiet_warn(void *ctx, const char *path, const char *reason) {
  const cts_scan_options *options = ctx;
  if (!options->quiet) fprintf(stderr, "ctscan: %s: %s\n", path, reason);
}

/* Waits for the threads, redrawing the progress line when asked to. */
static void wait_threads(scan_slot *slots, size_t n_slots, int show,
                         uint64_t total_bytes) {
  cts_progress progress;
  if (show) {
    cts_progress_start(&progress, total_bytes);
    for (size_t i = 0; i < n_slots; i++) {
      if (!slots[i].started) continue;
      for (;;) {
        struct timespec ts;
        if (pthread_tryjoin_np(slots[i].thread, NULL) == 0) break;
        ts.tv_sec = 0;
        ts.tv_nsec = 100 * 1000 * 1000;
        nanosleep(&ts, NULL);
        if (cts_now() - progress.last_print >= 1.0)
          cts_progress_print(&progress, sum_counter(slots, n_slots, 0),
                             sum_counter(slots, n_slots, 1));
      }
      slots[i].started = 0;
    }
    cts_progress_end(&progress, sum_counter(slots, n_slots, 0),
                     sum_counter(slots, n_slots, 1));
  }
  for (size_t i = 0; i < n_slots; i++)
    if (slots[i].started) pthread_join(slots[i].thread, NULL);
}

cts_status cts_scan_inputs(const cts_input_list *inputs,
                           const cts_scan_options *options,
                           cts_stats *out_stats) {
  cts_topo topo;
  cts_plan plan;
  cts_batch_queue queue;
  scan_shared sh;
  scan_slot *slots = NULL;
  hwloc_cpuset_t *cpusets = NULL;
  size_t n_lints, n_workers, n_slots, producer = SIZE_MAX;
  int show, started = 0;
  uint64_t threshold;
  cts_status st;

  (void)cts_lints(&n_lints);
  if ((st = cts_stats_init(out_stats, n_lints)) != CTS_OK) return st;
  /* The topology is loaded once, before any thread starts. */
  cts_topo_load(&topo);
  threshold = options->stream_threshold;
  if (threshold == 0 && getenv("CTSCAN_STREAM_THRESHOLD") != NULL)
    threshold = strtoull(getenv("CTSCAN_STREAM_THRESHOLD"), NULL, 10);
  st = cts_plan_build(&plan, inputs, threshold, out_stats, quiet_warn,
                      (void *)options);
  if (st != CTS_OK) goto free_topo;

  n_workers = options->threads != 0 ? options->threads : topo.cores;
  if (plan.n_streams == 0 && n_workers > plan.n_work)
    n_workers = plan.n_work; /* no more workers than there is work */
  if (n_workers == 0) n_workers = 1;
  n_slots = n_workers + (plan.n_streams > 0);
  memset(&sh, 0, sizeof(sh));
  sh.plan = &plan;
  sh.options = options;
  sh.topo = &topo;
  atomic_init(&sh.next, 0);
  atomic_init(&sh.failed, CTS_OK);
  if (plan.n_streams > 0) {
    /* Every worker may hold one batch, the decompressing thread fills
     * one, and as many again wait in the queue. */
    if ((st = cts_batch_queue_init(&queue, 2 * n_workers + 1)) != CTS_OK)
      goto free_plan;
    sh.queue = &queue;
  }
  slots = aligned_alloc(alignof(scan_slot), n_slots * sizeof(*slots));
  if (slots == NULL) {
    st = CTS_ERR_NOMEM;
    goto free_queue;
  }
  memset(slots, 0, n_slots * sizeof(*slots));
  for (size_t i = 0; i < n_slots; i++) {
    atomic_init(&slots[i].entries, 0);
    atomic_init(&slots[i].bytes, 0);
    slots[i].shared = &sh;
  }
  cpusets = cts_topo_distribute(&topo, (unsigned)n_workers);
  for (size_t i = 0; i < n_workers; i++)
    slots[i].cpuset = cpusets != NULL ? cpusets[i] : NULL;
  if (plan.n_streams > 0) {
    producer = n_workers;
    st = cts_stats_init(&slots[producer].stats, n_lints);
    if (st != CTS_OK) goto free_slots;
    /* Not bound: it shares the cores with the workers. */
    if (pthread_create(&slots[producer].thread, NULL, producer_main,
                       &slots[producer]) != 0) {
      st = CTS_ERR_INTERNAL;
      goto free_slots;
    }
    slots[producer].started = 1;
  }
  for (size_t i = 0; i < n_workers; i++) {
    if (pthread_create(&slots[i].thread, NULL, worker_main, &slots[i]) == 0) {
      slots[i].started = 1;
      started++;
    }
  }
  if (started == 0) worker_main(&slots[0]); /* no thread: do it here */

  show = !options->quiet &&
         (options->progress == 2 ||
          (options->progress == 1 && isatty(STDERR_FILENO)));
  wait_threads(slots, n_slots, show, plan.total_bytes);

  st = atomic_load(&sh.failed);
  for (size_t i = 0; i < n_workers && st == CTS_OK; i++)
    if (slots[i].worker != NULL)
      st = cts_stats_absorb(out_stats, &slots[i].worker->stats);
  if (st == CTS_OK && producer != SIZE_MAX)
    st = cts_stats_absorb(out_stats, &slots[producer].stats);
  if (st == CTS_OK) st = canonicalise(out_stats);

free_slots:
  for (size_t i = 0; i < n_workers; i++) {
    if (slots[i].worker != NULL) {
      cts_worker_free(slots[i].worker);
      free(slots[i].worker);
    }
    if (cpusets != NULL) hwloc_bitmap_free(cpusets[i]);
  }
  if (producer != SIZE_MAX) cts_stats_free(&slots[producer].stats);
  free(cpusets);
  free(slots);
free_queue:
  if (sh.queue != NULL) cts_batch_queue_free(sh.queue);
free_plan:
  cts_plan_free(&plan);
free_topo:
  cts_topo_free(&topo);
  if (st != CTS_OK) cts_stats_free(out_stats);
  return st;
}

/* --- sequential reading (ctscan pack) -------------------------------------- */

cts_status cts_scan_read_entries(const cts_input_list *inputs,
                                 const cts_entry_sink *sink) {
  cts_stats notes;
  cts_plan plan;
  cts_unit_reader reader;
  cts_status st;
  if ((st = cts_stats_init(&notes, 0)) != CTS_OK) return st;
  st = cts_plan_build(&plan, inputs, UINT64_MAX, &notes, NULL, NULL);
  if (st != CTS_OK) goto free_notes;
  for (size_t i = 0; i < notes.n_errors && sink->on_error != NULL; i++) {
    const cts_error_record *e = &notes.errors[i];
    sink->on_error(sink->ctx, e->input, e->offset, e->index, e->lost,
                   e->reason);
  }
  cts_unit_reader_init(&reader, NULL, NULL);
  for (size_t i = 0; i < plan.n_units && st == CTS_OK; i++)
    st = cts_unit_read(&reader, &plan, &plan.units[i], sink);
  cts_unit_reader_free(&reader);
  cts_plan_free(&plan);
free_notes:
  cts_stats_free(&notes);
  return st;
}
