/* Internal interfaces of the scan stage (src/scan/): the plan of work
 * units, the unit reader, the hwloc topology, the batch queue and the
 * progress line. Nothing outside this folder includes this file, except
 * the pipeline tests. */
#ifndef CTSCAN_SCAN_INTERNAL_H
#define CTSCAN_SCAN_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <hwloc.h>
#include <zstd.h>

#include "ctscan/container.h"
#include "ctscan/entry.h"
#include "ctscan/scan.h"
#include "ctscan/source.h"
#include "ctscan/stats.h"
#include "ctscan/status.h"

/* --- the plan: inputs cut into units of work ----------------------------- */

typedef enum cts_unit_kind {
  CTS_UNIT_FILE = 0,   /* a whole file, read as one stream */
  CTS_UNIT_FRAME = 1,  /* one data frame of a ctscan dump */
  CTS_UNIT_MEMBER = 2, /* one data tile member of a zip archive */
  CTS_UNIT_STREAM = 3, /* a big file that is not a dump: one decompressing
                          thread hands its entries out in batches */
} cts_unit_kind;

/* A dump or a zip archive, opened once for the whole scan (workers pread
 * from fd). */
typedef struct cts_plan_source {
  const char *path; /* borrowed from the input list */
  int fd;
  uint64_t size;
  int is_zip;
  cts_dump_info dump;
  cts_zip zip;
} cts_plan_source;

typedef struct cts_unit {
  uint8_t kind;         /* cts_unit_kind */
  uint8_t index_known;
  uint32_t expected;    /* entries it must hold, 0 if unknown */
  size_t input;         /* index in the input list (every kind) */
  size_t source;        /* FRAME, MEMBER: index in plan->sources */
  size_t item;          /* FRAME: frame index; MEMBER: member index */
  uint64_t first_index;
  uint64_t bytes;       /* input bytes it stands for (progress) */
  char *name;           /* MEMBER: "archive.zip:member" (owned) */
} cts_unit;

typedef struct cts_plan {
  const cts_input_list *inputs;
  cts_plan_source *sources;
  size_t n_sources;
  cts_unit *units;   /* every unit, in input order */
  size_t n_units;
  size_t *work;      /* indices of the units workers take (not STREAM) */
  size_t n_work;
  size_t *streams;   /* indices of the STREAM units, in order */
  size_t n_streams;
  uint64_t total_bytes;
} cts_plan;

/* Files at least this big that are neither dumps nor zips are read by the
 * decompressing thread and handed out in batches. */
#define CTS_PLAN_STREAM_THRESHOLD ((uint64_t)16 << 20)

/* Cuts inputs into units. Problems found (a damaged seek table, an
 * unreadable zip directory) are recorded in errors; warn (may be NULL)
 * gets notes meant for a person. stream_threshold: see above (0 for the
 * default; UINT64_MAX never streams). */
cts_status cts_plan_build(cts_plan *plan, const cts_input_list *inputs,
                          uint64_t stream_threshold, cts_stats *errors,
                          cts_source_warn_fn warn, void *warn_ctx);
void cts_plan_free(cts_plan *plan);

/* --- the topology (hwloc) ---------------------------------------------- */

typedef struct cts_topo {
  hwloc_topology_t topology; /* NULL when hwloc could not load it */
  unsigned cores;            /* one worker per core by default */
} cts_topo;

cts_status cts_topo_load(cts_topo *topo);
void cts_topo_free(cts_topo *topo);
/* n cpusets spread over the machine (hwloc_distrib), singlified when n
 * is at least the number of cores; each is freed with hwloc_bitmap_free,
 * the array with free. NULL when unknown. */
hwloc_cpuset_t *cts_topo_distribute(const cts_topo *topo, unsigned n);

/* A scratch buffer allocated on the NUMA node of a cpuset where hwloc can
 * (hwloc_alloc_membind), else with malloc after the thread was bound (the
 * first touch then places it). */
typedef struct cts_membuf {
  uint8_t *data;
  size_t cap;
  int from_hwloc;
} cts_membuf;

/* --- reading one unit ---------------------------------------------------- */

typedef struct cts_unit_reader {
  const cts_topo *topo;     /* may be NULL */
  hwloc_const_cpuset_t cpuset; /* where buffers go; may be NULL */
  ZSTD_DCtx *dctx;
  cts_membuf compressed;
  cts_membuf decompressed;
} cts_unit_reader;

void cts_unit_reader_init(cts_unit_reader *ur, const cts_topo *topo,
                          hwloc_const_cpuset_t cpuset);
void cts_unit_reader_free(cts_unit_reader *ur);
/* Reads every entry of unit u into sink (problems go to sink->on_error).
 * Returns CTS_OK, CTS_ERR_NOMEM, or what sink->on_entry returned. */
cts_status cts_unit_read(cts_unit_reader *ur, const cts_plan *plan,
                         const cts_unit *u, const cts_entry_sink *sink);

/* --- batches of whole entries, and the bounded queue between the
 *     decompressing thread and the workers -------------------------------- */

typedef struct cts_batch_item {
  uint64_t index;
  uint64_t timestamp_ms;
  uint64_t offset;
  const char *input;
  size_t cert_off, cert_len;
  size_t tbs_off, tbs_len;
  size_t pre_off, pre_len;
  size_t chain_off, chain_len;
  size_t ikh_off;
  uint8_t type;
  uint8_t index_known;
  uint8_t chain_is_fingerprints;
  uint8_t has_ikh;
} cts_batch_item;

typedef struct cts_batch {
  uint8_t *arena;
  size_t used;
  size_t cap;
  cts_batch_item *items;
  size_t n;
  uint64_t input_bytes; /* input bytes read for it (progress) */
  struct cts_batch *next;
} cts_batch;

/* A batch holds at most this many bytes of certificates (more only for a
 * single entry bigger than that) and this many entries. */
#define CTS_BATCH_BYTES ((size_t)2 << 20)
#define CTS_BATCH_ENTRIES 2048

/* Copies entry into b. CTS_ERR_LIMIT when b is not empty and the entry
 * does not fit (hand b out and start another). */
cts_status cts_batch_add(cts_batch *b, const cts_entry *entry);
/* The i-th entry of b, pointing into b's arena. */
void cts_batch_get(const cts_batch *b, size_t i, cts_entry *out);

typedef struct cts_batch_queue {
  pthread_mutex_t mu;
  pthread_cond_t can_pop;  /* a batch was pushed, or done/aborted */
  pthread_cond_t can_take; /* a batch was released, or aborted */
  cts_batch *head, *tail;  /* full batches, FIFO */
  cts_batch *free_list;
  size_t allocated;
  size_t limit;            /* batches in existence at most */
  int done;
  int aborted;
} cts_batch_queue;

cts_status cts_batch_queue_init(cts_batch_queue *q, size_t limit);
void cts_batch_queue_free(cts_batch_queue *q);
/* An empty batch: a released one, or a new one while fewer than limit
 * exist; else waits. NULL when the queue was aborted or on NOMEM (then
 * *out_status says which). */
cts_batch *cts_batch_take(cts_batch_queue *q, cts_status *out_status);
void cts_batch_push(cts_batch_queue *q, cts_batch *b);
/* A full batch, or NULL: try_pop never waits; pop waits and returns NULL
 * once the producer is done and the queue is empty, or on abort. */
cts_batch *cts_batch_try_pop(cts_batch_queue *q);
cts_batch *cts_batch_pop(cts_batch_queue *q);
void cts_batch_release(cts_batch_queue *q, cts_batch *b);
void cts_batch_queue_done(cts_batch_queue *q);
void cts_batch_queue_abort(cts_batch_queue *q);

/* --- progress ------------------------------------------------------------ */

typedef struct cts_progress {
  uint64_t total_bytes;
  double start;
  double last_print;
  int printed;
} cts_progress;

double cts_now(void);
void cts_progress_start(cts_progress *p, uint64_t total_bytes);
/* One refreshed line on stderr: entries, entries/s, MB/s, percent of the
 * input bytes, ETA. */
void cts_progress_print(cts_progress *p, uint64_t entries, uint64_t bytes);
/* Draws the final line and ends it. */
void cts_progress_end(cts_progress *p, uint64_t entries, uint64_t bytes);

#endif
