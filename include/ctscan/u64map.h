/* An open-addressing map from 64-bit keys (already hashes, or small
 * integers: they are mixed) to pairs of counters. Grows at 3/4 load. */
#ifndef CTSCAN_U64MAP_H
#define CTSCAN_U64MAP_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/status.h"

/* splitmix64's finaliser: spreads small integers and weak hash bits over
 * all 64. The map's hash, and that of the other open-addressing tables. */
static inline uint64_t cts_u64_mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

typedef struct cts_u64map_slot {
  uint64_t key;
  uint64_t a;
  uint64_t b;
  uint8_t used;
} cts_u64map_slot;

typedef struct cts_u64map {
  cts_u64map_slot *slots;
  size_t cap; /* 0 or a power of two */
  size_t count;
} cts_u64map;

/* The slot of key, created zeroed when absent (*out_created = 1). */
cts_status cts_u64map_upsert(cts_u64map *map, uint64_t key,
                             cts_u64map_slot **out, int *out_created);
/* The slot of key, or NULL. */
const cts_u64map_slot *cts_u64map_find(const cts_u64map *map, uint64_t key);
void cts_u64map_free(cts_u64map *map);

#endif
