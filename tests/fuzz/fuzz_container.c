/* libFuzzer target for the container stage.
 *
 * The input is read as a memory stream by cts_container_read twice: as a
 * file of unknown size, and as a data tile of 256 entries (so the TileLeaf
 * reader runs even when detection says otherwise). It is also split in two
 * (the first two bytes give the split point) and handed to
 * cts_container_parse_merkle_leaf as leaf_input and extra_data, and to the
 * TileLeaf and base64 parsers whole. Every byte of every span an entry
 * carries is read, so a span that overruns its buffer is caught.
 *
 * Build: clang -std=c11 -D_GNU_SOURCE -g -O1
 *   -fsanitize=fuzzer,address,undefined -Iinclude -I.
 *   tests/fuzz/fuzz_container.c src/container/\*.c src/der/der.c
 *   src/source/stream.c src/util/status.c -lzstd -lz */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/container.h"
#include "ctscan/entry.h"
#include "ctscan/source.h"
#include "src/container/container_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile uint8_t g_sink;

static void touch(cts_der der) {
  uint8_t acc = 0;
  for (size_t i = 0; i < der.len; i++) acc ^= der.data[i];
  g_sink ^= acc;
}

static void touch_entry(const cts_entry *e) {
  touch(e->cert);
  touch(e->tbs);
  touch(e->pre_cert);
  touch(e->chain);
  if (e->issuer_key_hash != NULL) touch((cts_der){e->issuer_key_hash, 32});
  if (e->input != NULL) g_sink ^= (uint8_t)e->input[0];
  if (e->type == CTS_ENTRY_PRECERT && e->issuer_key_hash == NULL) abort();
  if (e->chain_is_fingerprints && e->chain.len % 32 != 0) abort();
}

typedef struct fuzz_count {
  uint64_t entries;
  uint64_t lost;
} fuzz_count;

static cts_status on_entry(void *ctx, const cts_entry *e) {
  fuzz_count *c = ctx;
  touch_entry(e);
  c->entries++;
  return CTS_OK;
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  fuzz_count *c = ctx;
  (void)index;
  if (input == NULL || reason == NULL || reason[0] == 0) abort();
  c->lost += lost;
  g_sink ^= (uint8_t)(offset ^ (uint64_t)strlen(reason));
}

static void read_stream(const uint8_t *data, size_t size, const cts_input *in) {
  cts_stream *stream = NULL;
  fuzz_count count = {0, 0};
  cts_entry_sink sink = {on_entry, on_error, &count};
  if (cts_stream_open_mem(data, size, "fuzz", &stream) != CTS_OK) return;
  if (cts_container_read(stream, in, &sink) != CTS_OK) abort();
  cts_stream_close(stream);
  /* A unit of known size: every entry is delivered or counted lost. */
  if (in != NULL && in->expected_entries != 0 &&
      count.entries + count.lost < in->expected_entries)
    abort();
}

static void parse_split(const uint8_t *data, size_t size) {
  cts_entry e;
  const char *reason = NULL;
  size_t split;
  if (size < 2) return;
  split = ((size_t)data[0] << 8 | data[1]) % (size - 1);
  memset(&e, 0, sizeof(e));
  if (cts_container_parse_merkle_leaf(data + 2, split, data + 2 + split,
                                      size - 2 - split, &e, &reason))
    touch_entry(&e);
  else if (reason == NULL)
    abort();
}

static void parse_whole(const uint8_t *data, size_t size) {
  cts_der cur;
  cts_entry e;
  const char *reason = NULL;
  size_t frame = 0, out_len = 0;
  uint8_t *out;
  memset(&e, 0, sizeof(e));
  cts_der_init(&cur, data, size);
  if (cts_container_parse_tileleaf(&cur, &e, &reason)) {
    touch_entry(&e);
    if (cts_tileleaf_frame(data, size, &frame, &reason) != CTS_FRAME_OK ||
        frame != size - cur.len)
      abort();
  }
  (void)cts_container_detect(data, size);
  out = malloc(cts_base64_decoded_max(size));
  if (out == NULL) return;
  if (cts_base64_decode(data, size, size % 2, out, &out_len) &&
      out_len > cts_base64_decoded_max(size))
    abort();
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cts_input tile;
  memset(&tile, 0, sizeof(tile));
  tile.path = (char *)"fuzz-tile";
  tile.first_index = 256;
  tile.index_known = 1;
  tile.expected_entries = 256;
  read_stream(data, size, NULL);
  read_stream(data, size, &tile);
  parse_split(data, size);
  parse_whole(data, size);
  return 0;
}
