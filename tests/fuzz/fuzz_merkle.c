/* libFuzzer target for the record parsers of the container stage:
 * cts_container_parse_merkle_leaf (RFC 6962 3.4 MerkleTreeLeaf with its
 * 4.6 extra_data) and cts_container_parse_tileleaf (C2SP static-ct-api
 * TileLeaf).
 *
 * The first two input bytes choose a split point; the rest is split there
 * into leaf_input and extra_data, and also read as a run of TileLeaf
 * records. Checks:
 *  - a failed parse gives a reason and leaves the cursor where it was;
 *  - every span of a parsed entry lies inside the bytes it came from
 *    (leaf_input: cert or TBS and issuer_key_hash; extra_data: the
 *    pre_certificate and the chain), and a precert has an issuer_key_hash
 *    while an x509 entry does not;
 *  - a TileLeaf's spans lie inside the record, in field order, and the
 *    record's size agrees with cts_tileleaf_frame, which computes it from
 *    the length fields alone; no proper prefix of a record parses;
 *  - the same bytes parse to the same entry a second time.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/container.h"
#include "ctscan/entry.h"
#include "src/container/container_internal.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* At most this many TileLeaf records are read per input. */
#define MAX_RECORDS 64

static volatile uint8_t g_sink;

/* 1 when d is empty or lies inside [base, base + len). */
static int inside(cts_der d, const uint8_t *base, size_t len) {
  if (d.len == 0) return 1;
  return d.data >= base && d.len <= len &&
         (size_t)(d.data - base) <= len - d.len;
}

static void touch(cts_der d) {
  uint8_t acc = 0;
  for (size_t i = 0; i < d.len; i++) acc ^= d.data[i];
  g_sink ^= acc;
}

static int same_der(cts_der a, cts_der b) {
  return a.len == b.len && (a.len == 0 || a.data == b.data);
}

static int same_entry(const cts_entry *a, const cts_entry *b) {
  return a->type == b->type && a->timestamp_ms == b->timestamp_ms &&
         a->index_known == b->index_known &&
         (!a->index_known || a->index == b->index) &&
         same_der(a->cert, b->cert) && same_der(a->tbs, b->tbs) &&
         same_der(a->pre_cert, b->pre_cert) && same_der(a->chain, b->chain) &&
         a->issuer_key_hash == b->issuer_key_hash &&
         a->chain_is_fingerprints == b->chain_is_fingerprints;
}

static void check_kind(const cts_entry *e) {
  CHECK(e->type == CTS_ENTRY_X509 || e->type == CTS_ENTRY_PRECERT);
  if (e->type == CTS_ENTRY_X509) {
    CHECK(e->issuer_key_hash == NULL && e->tbs.len == 0 &&
          e->pre_cert.len == 0);
  } else {
    CHECK(e->issuer_key_hash != NULL && e->cert.len == 0);
  }
  touch(e->cert);
  touch(e->tbs);
  touch(e->pre_cert);
  touch(e->chain);
}

static void parse_merkle(const uint8_t *leaf, size_t leaf_len,
                         const uint8_t *extra, size_t extra_len) {
  cts_entry e, again;
  const char *reason = NULL;
  int ok;
  memset(&e, 0, sizeof(e));
  ok = cts_container_parse_merkle_leaf(leaf, leaf_len, extra, extra_len, &e,
                                       &reason);
  if (!ok) {
    CHECK(reason != NULL && reason[0] != '\0');
    return;
  }
  check_kind(&e);
  CHECK(inside(e.cert, leaf, leaf_len));
  CHECK(inside(e.tbs, leaf, leaf_len));
  if (e.issuer_key_hash != NULL)
    CHECK(inside((cts_der){e.issuer_key_hash, 32}, leaf, leaf_len));
  CHECK(inside(e.pre_cert, extra, extra_len));
  CHECK(inside(e.chain, extra, extra_len));
  CHECK(!e.chain_is_fingerprints);
  memset(&again, 0, sizeof(again));
  CHECK(cts_container_parse_merkle_leaf(leaf, leaf_len, extra, extra_len,
                                        &again, &reason));
  CHECK(same_entry(&e, &again));
}

/* Spans of a TileLeaf follow the record's field order. */
static void check_tileleaf_order(const cts_entry *e, const uint8_t *rec,
                                 size_t rec_len) {
  const uint8_t *signed_entry =
      e->type == CTS_ENTRY_X509 ? e->cert.data : e->tbs.data;
  CHECK(inside(e->cert, rec, rec_len) && inside(e->tbs, rec, rec_len) &&
        inside(e->pre_cert, rec, rec_len) && inside(e->chain, rec, rec_len));
  if (e->issuer_key_hash != NULL) {
    CHECK(inside((cts_der){e->issuer_key_hash, 32}, rec, rec_len));
    CHECK(e->issuer_key_hash == rec + 10); /* after timestamp, entry_type */
  }
  if (signed_entry != NULL && e->pre_cert.len > 0)
    CHECK(e->pre_cert.data > signed_entry);
  if (e->chain.len > 0) {
    CHECK(e->chain_is_fingerprints && e->chain.len % 32 == 0);
    CHECK(e->chain.data + e->chain.len == rec + rec_len);
  }
}

static void parse_tileleaves(const uint8_t *data, size_t size) {
  cts_der cur;
  cts_der_init(&cur, data, size);
  for (int n = 0; n < MAX_RECORDS && cur.len > 0; n++) {
    cts_der at = cur, again;
    cts_entry e, e2;
    const char *reason = NULL;
    size_t frame = 0, rec_len;
    cts_frame_result fr;
    memset(&e, 0, sizeof(e));
    fr = cts_tileleaf_frame(cur.data, cur.len, &frame, &reason);
    if (!cts_container_parse_tileleaf(&cur, &e, &reason)) {
      CHECK(reason != NULL && reason[0] != '\0');
      CHECK(cur.data == at.data && cur.len == at.len);
      /* A record the framer sizes in full but the parser rejects is
       * fine (the parser checks more); the reverse is not (below). */
      return;
    }
    rec_len = at.len - cur.len;
    CHECK(cur.data == at.data + rec_len);
    CHECK(fr == CTS_FRAME_OK && frame == rec_len);
    check_kind(&e);
    check_tileleaf_order(&e, at.data, rec_len);
    /* No proper prefix of a record is a record. */
    for (size_t cut = 0; cut < rec_len; cut += 1 + cut / 4) {
      cts_der part;
      cts_entry p;
      size_t need = 0;
      cts_der_init(&part, at.data, cut);
      memset(&p, 0, sizeof(p));
      CHECK(!cts_container_parse_tileleaf(&part, &p, &reason));
      CHECK(part.len == cut);
      CHECK(cts_tileleaf_frame(at.data, cut, &need, &reason) !=
            CTS_FRAME_OK);
    }
    cts_der_init(&again, at.data, rec_len);
    memset(&e2, 0, sizeof(e2));
    CHECK(cts_container_parse_tileleaf(&again, &e2, &reason) &&
          again.len == 0);
    CHECK(same_entry(&e, &e2));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t split;
  if (size < 2) return 0;
  split = ((size_t)data[0] << 8 | data[1]) % (size - 1);
  parse_merkle(data + 2, split, data + 2 + split, size - 2 - split);
  /* Every byte of a buffer of its own, so an overrun of either part is
   * caught even where the parts are adjacent in the input. */
  {
    uint8_t *leaf = malloc(split + 1), *extra = malloc(size - 2 - split + 1);
    if (leaf != NULL && extra != NULL) {
      memcpy(leaf, data + 2, split);
      memcpy(extra, data + 2 + split, size - 2 - split);
      parse_merkle(leaf, split, extra, size - 2 - split);
    }
    free(leaf);
    free(extra);
  }
  parse_tileleaves(data + 2, size - 2);
  return 0;
}
