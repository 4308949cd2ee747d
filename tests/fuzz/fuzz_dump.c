/* libFuzzer target for the ctscan dump reader (src/source/dump_index.c:
 * seek table, frames, metadata) and the way a scan reads a dump
 * (src/scan/plan.c, unit.c).
 *
 * Checks, on the input as a whole file:
 *  - cts_dump_parse_metadata on the input as JSON: no fault, a reason on
 *    failure, tiles_per_frame set on success;
 *  - cts_dump_index: a failure has a reason and an offset inside the file;
 *    a success lists data frames that lie inside the file, in order,
 *    without overlap, each starting with the zstd magic, with consecutive
 *    decompressed offsets and entry numbers that add up to the metadata's
 *    entry count (no frame holds more than tiles_per_frame * 256), and an
 *    issuer block inside the file;
 *  - read through cts_scan_read_entries (the public reader that `ctscan
 *    pack` uses: planning, frame by frame decompression, the container
 *    stage), as a file written to a private temporary folder: no fault,
 *    every entry's spans readable, every problem reported with the input
 *    name and a reason, and, for a dump whose index is valid, every entry
 *    the metadata promises delivered or counted lost;
 *  - the entries go through a scan worker (sieve, lints, statistics) and
 *    the problems into its statistics, which must then hold
 *    entries == clean + flagged + unparseable (design.md).
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/container.h"
#include "ctscan/entry.h"
#include "ctscan/scan.h"
#include "ctscan/source.h"
#include "fuzz_scan_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ZSTD_MAGIC_LE "\x28\xb5\x2f\xfd"

typedef struct counts {
  uint64_t entries;
  uint64_t lost;
} counts;

static cts_status on_entry(void *ctx, const cts_entry *e) {
  counts *c = ctx;
  touch(e->cert);
  touch(e->tbs);
  touch(e->pre_cert);
  touch(e->chain);
  if (e->issuer_key_hash != NULL) touch((cts_der){e->issuer_key_hash, 32});
  CHECK(e->input != NULL);
  CHECK(e->type != CTS_ENTRY_PRECERT || e->issuer_key_hash != NULL);
  c->entries++;
  return cts_worker_scan_entry(&g_worker, e);
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  counts *c = ctx;
  CHECK(input != NULL && reason != NULL && reason[0] != '\0');
  g_sink ^= (uint8_t)offset;
  c->lost += lost;
  (void)cts_stats_add_error(&g_worker.stats, input, offset, index, lost,
                            reason);
}

static void check_metadata(const uint8_t *data, size_t size) {
  cts_dump_info info;
  const char *reason = NULL;
  memset(&info, 0, sizeof(info));
  if (cts_dump_parse_metadata(data, size, &info, &reason) == CTS_OK) {
    CHECK(info.tiles_per_frame > 0);
    CHECK(memchr(info.log, '\0', sizeof(info.log)) != NULL);
  } else {
    CHECK(reason != NULL);
  }
}

/* Returns the entries a valid index promises, or -1. */
static int64_t check_index(const uint8_t *data, size_t size) {
  cts_dump_info info;
  const char *reason = NULL;
  uint64_t offset = 0, end = 0, d_offset = 0, first = 0, per_frame;
  int64_t promised;
  cts_status st = cts_dump_index(data, size, &info, &reason, &offset);
  if (st != CTS_OK) {
    CHECK(st == CTS_ERR_FORMAT || st == CTS_ERR_UNSUPPORTED ||
          st == CTS_ERR_NOMEM);
    CHECK(reason != NULL && offset <= size);
    CHECK(info.frames == NULL && info.n_frames == 0);
    return -1;
  }
  CHECK(info.tiles_per_frame > 0);
  per_frame = (uint64_t)info.tiles_per_frame * CTS_DUMP_TILE_WIDTH;
  for (size_t i = 0; i < info.n_frames; i++) {
    const cts_dump_frame *f = &info.frames[i];
    CHECK(f->c_offset >= end && f->c_size >= 4 &&
          f->c_offset + f->c_size <= size);
    CHECK(memcmp(data + f->c_offset, ZSTD_MAGIC_LE, 4) == 0);
    CHECK(f->d_offset == d_offset && f->first_entry == first);
    CHECK(f->entries > 0 && f->entries <= per_frame);
    /* Only the last frame may hold fewer than K tiles. */
    CHECK(i + 1 == info.n_frames || f->entries == per_frame);
    end = f->c_offset + f->c_size;
    d_offset += f->d_size;
    first += f->entries;
  }
  CHECK(first == info.entries);
  CHECK(info.issuers_offset + info.issuers_len <= size);
  promised = info.entries <= INT64_MAX ? (int64_t)info.entries : -1;
  cts_dump_info_free(&info);
  return promised;
}

static void read_as_scan(const uint8_t *data, size_t size, int64_t promised) {
  counts c = {0, 0};
  cts_entry_sink sink = {on_entry, on_error, &c};
  cts_status st = harness_read_as_scan(data, size, &sink);
  if (st == CTS_OK && promised >= 0)
    CHECK(c.entries + c.lost >= (uint64_t)promised);
  check_totals_and_reset();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int64_t promised;
  harness_init("dump", "input.tiles.zst");
  if (size > ((size_t)1 << 20)) return 0;
  (void)cts_dump_detect(data, size);
  check_metadata(data, size);
  promised = check_index(data, size);
  read_as_scan(data, size, promised);
  return 0;
}
