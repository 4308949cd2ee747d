#include <stdlib.h>

#include "ctscan/u64map.h"

static cts_u64map_slot *probe(cts_u64map_slot *slots, size_t cap,
                              uint64_t key) {
  size_t i = (size_t)cts_u64_mix(key) & (cap - 1);
  while (slots[i].used && slots[i].key != key) i = (i + 1) & (cap - 1);
  return &slots[i];
}

static cts_status grow(cts_u64map *map) {
  size_t cap = map->cap ? map->cap * 2 : 16;
  cts_u64map_slot *slots = calloc(cap, sizeof(*slots));
  if (slots == NULL) return CTS_ERR_NOMEM;
  for (size_t i = 0; i < map->cap; i++)
    if (map->slots[i].used) *probe(slots, cap, map->slots[i].key) = map->slots[i];
  free(map->slots);
  map->slots = slots;
  map->cap = cap;
  return CTS_OK;
}

cts_status cts_u64map_upsert(cts_u64map *map, uint64_t key,
                             cts_u64map_slot **out, int *out_created) {
  cts_u64map_slot *slot;
  cts_status st;
  if ((map->count + 1) * 4 > map->cap * 3 && (st = grow(map)) != CTS_OK)
    return st;
  slot = probe(map->slots, map->cap, key);
  *out_created = !slot->used;
  if (!slot->used) {
    slot->used = 1;
    slot->key = key;
    slot->a = slot->b = 0;
    map->count++;
  }
  *out = slot;
  return CTS_OK;
}

const cts_u64map_slot *cts_u64map_find(const cts_u64map *map, uint64_t key) {
  const cts_u64map_slot *slot;
  if (map->cap == 0) return NULL;
  slot = probe(map->slots, map->cap, key);
  return slot->used ? slot : NULL;
}

void cts_u64map_free(cts_u64map *map) {
  free(map->slots);
  map->slots = NULL;
  map->cap = map->count = 0;
}
