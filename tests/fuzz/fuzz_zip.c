/* libFuzzer target for the zip reader (src/source/zip.c: end record,
 * ZIP64 records, central directory, local headers) and the way a scan
 * reads a ct-archive zip (src/scan/plan.c, unit.c: member by member,
 * deflate through a stream window, sizes and CRC-32 checked at the end).
 *
 * Checks, on the input as a whole file:
 *  - cts_zip_read_directory: a failure has a reason and an offset inside
 *    the file; every member kept has a NUL-terminated name and a local
 *    header that starts inside the file; every warning has a reason;
 *  - cts_zip_member_data_offset on each member's 30 header bytes: a
 *    success places the member's compressed bytes inside the file;
 *  - read through cts_scan_read_entries (the public reader), as a file
 *    written to a private temporary folder: no fault, every entry's spans
 *    readable, every problem reported with a name and a reason; the
 *    entries go through a scan worker (sieve, lints, statistics) and the
 *    problems into its statistics, which must then hold
 *    entries == clean + flagged + unparseable (design.md);
 *  - cts_tile_path_parse on each member name below tile/data/: a tile
 *    number and width that print back to a path that parses the same.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <inttypes.h>
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

static cts_status on_entry(void *ctx, const cts_entry *e) {
  (void)ctx;
  touch(e->cert);
  touch(e->tbs);
  touch(e->pre_cert);
  touch(e->chain);
  if (e->issuer_key_hash != NULL) touch((cts_der){e->issuer_key_hash, 32});
  CHECK(e->input != NULL);
  return cts_worker_scan_entry(&g_worker, e);
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  (void)ctx;
  CHECK(input != NULL && reason != NULL && reason[0] != '\0');
  g_sink ^= (uint8_t)offset;
  (void)cts_stats_add_error(&g_worker.stats, input, offset, index, lost,
                            reason);
}

static void on_warn(void *ctx, uint64_t offset, const char *reason) {
  size_t size = *(const size_t *)ctx;
  CHECK(reason != NULL && reason[0] != '\0');
  CHECK(offset <= size);
}

/* A tile path that parses prints back to one that parses the same. */
static void check_tile_path(const char *name) {
  static const char prefix[] = "tile/data/";
  uint64_t index = 0, index2 = 0;
  uint32_t width = 0, width2 = 0;
  char again[96], *p = again;
  uint64_t groups[8];
  int n = 0;
  if (strncmp(name, prefix, sizeof(prefix) - 1) != 0) return;
  if (!cts_tile_path_parse(name + sizeof(prefix) - 1, &index, &width)) return;
  CHECK(width < 256);
  /* C2SP tlog-tiles: three-digit groups, x-prefixed but for the last. */
  {
    uint64_t v = index;
    do {
      groups[n++] = v % 1000;
      v /= 1000;
    } while (v != 0 && n < 8);
    CHECK(v == 0);
  }
  for (int i = n - 1; i >= 0; i--)
    p += sprintf(p, "%s%03" PRIu64 "%s", i > 0 ? "x" : "", groups[i],
                 i > 0 ? "/" : "");
  if (width != 0) sprintf(p, ".p/%u", (unsigned)width);
  CHECK(cts_tile_path_parse(again, &index2, &width2));
  CHECK(index2 == index && width2 == width);
}

static void check_directory(const uint8_t *data, size_t size) {
  cts_zip zip;
  const char *reason = NULL;
  uint64_t offset = 0;
  cts_status st;
  memset(&zip, 0, sizeof(zip));
  st = cts_zip_read_directory(data, size, &zip, on_warn, &size, &reason,
                              &offset);
  if (st != CTS_OK) {
    CHECK(st == CTS_ERR_FORMAT || st == CTS_ERR_NOMEM ||
          st == CTS_ERR_UNSUPPORTED || st == CTS_ERR_LIMIT);
    CHECK(reason != NULL && offset <= size);
    cts_zip_free(&zip);
    return;
  }
  CHECK(zip.count == 0 || zip.members != NULL);
  for (size_t i = 0; i < zip.count; i++) {
    const cts_zip_member *m = &zip.members[i];
    uint64_t data_off = 0;
    CHECK(m->name != NULL);
    g_sink ^= (uint8_t)strlen(m->name);
    CHECK(m->header_offset < size);
    check_tile_path(m->name);
    if (size - m->header_offset < 30) continue;
    reason = NULL;
    if (cts_zip_member_data_offset(data + m->header_offset, size, m,
                                   &data_off, &reason) == CTS_OK) {
      CHECK(data_off <= size && m->c_size <= size - data_off);
      CHECK(data_off >= m->header_offset + 30);
    } else {
      CHECK(reason != NULL);
    }
  }
  cts_zip_free(&zip);
}

static void read_as_scan(const uint8_t *data, size_t size) {
  cts_entry_sink sink = {on_entry, on_error, NULL};
  (void)harness_read_as_scan(data, size, &sink);
  check_totals_and_reset();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  harness_init("zip", "input.zip");
  if (size > ((size_t)1 << 20)) return 0;
  (void)cts_zip_detect(data, size);
  check_directory(data, size);
  read_as_scan(data, size);
  return 0;
}
