/* libFuzzer target for cts_stream: opens the input as a memory stream and
 * reads it to the end with peek sizes and consume counts drawn from a
 * generator seeded by the input, checking the stream's contract on the way.
 *
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 \
 *     -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -Iinclude src/source/stream.c tests/fuzz/fuzz_stream.c \
 *     -lzstd -lz -o fuzz_stream
 *   ./fuzz_stream -max_total_time=120 CORPUS_DIR */
#include <stddef.h>
#include <stdint.h>

#include "ctscan/source.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decompressed bytes read per input at most (a small input may expand a
 * lot; past this the run proves nothing new and only slows fuzzing). */
#define FUZZ_MAX_OUTPUT ((uint64_t)64 << 20)
#define FUZZ_MAX_STEPS 200000

static uint64_t next_rand(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* The seed comes from the input's length and last bytes, so the stream
 * itself still starts with whatever magic the fuzzer chose. */
static uint64_t seed_of(const uint8_t *data, size_t size) {
  uint64_t h = 0xcbf29ce484222325ULL ^ size;
  size_t from = size > 8 ? size - 8 : 0;
  for (size_t i = from; i < size; i++) h = (h ^ data[i]) * 0x100000001b3ULL;
  return h;
}

static size_t pick_want(uint64_t *seed) {
  uint64_t r = next_rand(seed);
  switch (r & 7) {
    case 0: case 1: case 2: case 3: return 1 + (size_t)((r >> 8) % 64);
    case 4: case 5: return 1 + (size_t)((r >> 8) % 4096);
    case 6: return 1 + (size_t)((r >> 8) % 300000);
    default: return (r >> 8) & 1 ? 0 : 1 + (size_t)((r >> 9) % (2u << 20));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cts_stream *s = NULL;
  uint64_t seed = seed_of(data, size), offset = 0;
  volatile uint8_t sink = 0;
  if (cts_stream_open_mem(data, size, "fuzz", &s) != CTS_OK) return 0;
  for (int step = 0; step < FUZZ_MAX_STEPS && offset < FUZZ_MAX_OUTPUT;
       step++) {
    const uint8_t *p = NULL;
    size_t avail = 0, want = pick_want(&seed), take, look;
    cts_status st = cts_stream_peek(s, want, &p, &avail);
    CHECK(cts_stream_offset(s) == offset);
    CHECK(cts_stream_input_bytes(s) <= cts_stream_input_size(s));
    CHECK(p != NULL);
    /* Touch what was promised, so the sanitizers see any overrun. */
    look = avail < want ? avail : want;
    for (size_t i = 0; i < look; i++) sink ^= p[i];
    if (avail != 0) sink ^= p[avail - 1];
    if (st != CTS_OK) {
      const uint8_t *q = NULL;
      size_t again = 0;
      CHECK(st == CTS_ERR_DECOMPRESS || st == CTS_ERR_NOMEM);
      CHECK(avail < want);
      /* The bytes before the damage stay available. */
      CHECK(cts_stream_peek(s, avail, &q, &again) == CTS_OK);
      CHECK(again == avail && q == p);
      CHECK(cts_stream_peek(s, want, &q, &again) == st);
      cts_stream_consume(s, avail);
      CHECK(cts_stream_offset(s) == offset + avail);
      break;
    }
    if (avail < want) {
      /* The end: everything left was given. */
      cts_stream_consume(s, avail);
      CHECK(cts_stream_offset(s) == offset + avail);
      CHECK(cts_stream_peek(s, 1, &p, &avail) == CTS_OK && avail == 0);
      if (cts_stream_compression(s) == CTS_COMPRESSION_NONE)
        CHECK(cts_stream_offset(s) == size);
      break;
    }
    take = want;
    if ((next_rand(&seed) & 3) == 0) take = (size_t)(next_rand(&seed) %
                                                     (avail + 1));
    cts_stream_consume(s, take);
    offset += take;
  }
  cts_stream_close(s);
  (void)sink;
  return 0;
}
