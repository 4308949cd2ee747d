/* Hostile input through the whole path (container, sieve, lints, stats):
 * a short tile cut at every offset, bit flips, lengths that point past the
 * end, zero-length and 16 MiB certificates, BER indefinite lengths. Never
 * a crash (ASan checks the reads), always an account of every entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/container.h"
#include "ctscan/scan.h"
#include "test.h"

#define TILE "corpus/navigli2025h2/tile/data/000"
#define ENTRIES 3

static cts_scan_options g_options = {.quiet = 1};

static cts_status on_entry(void *ctx, const cts_entry *e) {
  return cts_worker_scan_entry(ctx, e);
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  cts_worker *w = ctx;
  CU_ASSERT_PTR_NOT_NULL(reason);
  (void)cts_stats_add_error(&w->stats, input, offset, index, lost, reason);
}

/* Scans bytes as a data tile of `expected` entries; returns the worker's
 * stats totals through *out (entries) and checks the accounting. */
static void scan_tile(const uint8_t *data, size_t len, uint32_t expected,
                      uint64_t *out_entries, uint64_t *out_unparseable) {
  cts_worker w;
  cts_stream *s;
  cts_input in = {"hostile", 0, 1, expected};
  cts_entry_sink sink = {on_entry, on_error, &w};
  CU_ASSERT_FATAL(cts_worker_init(&w, &g_options) == CTS_OK);
  CU_ASSERT_FATAL(cts_stream_open_mem(data, len, "hostile", &s) == CTS_OK);
  CU_ASSERT(cts_container_read(s, &in, &sink) == CTS_OK);
  cts_stream_close(s);
  CU_ASSERT_EQUAL(w.stats.entries,
                  w.stats.clean + w.stats.flagged + w.stats.unparseable);
  *out_entries = w.stats.entries;
  *out_unparseable = w.stats.unparseable;
  cts_worker_free(&w);
}

/* The first n TileLeaf records of the real tile. */
static uint8_t *first_records(size_t n, size_t *out_len) {
  size_t len;
  uint8_t *tile = cts_test_read_file(TILE, &len);
  cts_der cur;
  cts_entry e;
  const char *reason;
  if (tile == NULL) return NULL;
  cts_der_init(&cur, tile, len);
  for (size_t i = 0; i < n; i++)
    if (!cts_container_parse_tileleaf(&cur, &e, &reason)) {
      free(tile);
      return NULL;
    }
  *out_len = (size_t)(cur.data - tile);
  return tile;
}

static void test_cut_at_every_offset(void) {
  size_t len = 0;
  uint64_t entries, unparseable;
  uint8_t *records = first_records(ENTRIES, &len);
  CU_ASSERT_FATAL(records != NULL);
  scan_tile(records, len, ENTRIES, &entries, &unparseable);
  CU_ASSERT_EQUAL(entries, ENTRIES);
  CU_ASSERT_EQUAL(unparseable, 0);
  for (size_t cut = 0; cut < len; cut++) {
    uint8_t *copy = malloc(cut > 0 ? cut : 1);
    memcpy(copy, records, cut);
    scan_tile(copy, cut, ENTRIES, &entries, &unparseable);
    /* every entry is accounted for: scanned, or lost with a reason */
    CU_ASSERT_EQUAL(entries, ENTRIES);
    CU_ASSERT(unparseable >= 1);
    free(copy);
  }
  free(records);
}

static void test_bit_flips(void) {
  size_t len = 0;
  uint64_t entries, unparseable;
  uint8_t *records = first_records(ENTRIES, &len);
  CU_ASSERT_FATAL(records != NULL);
  srand(11);
  for (int round = 0; round < 3000; round++) {
    uint8_t *copy = malloc(len);
    memcpy(copy, records, len);
    for (int k = 0; k <= round % 4; k++)
      copy[(size_t)rand() % len] ^= (uint8_t)(1u << (rand() % 8));
    scan_tile(copy, len, ENTRIES, &entries, &unparseable);
    /* a flip may move record boundaries: a tile can then hold more or
     * fewer records than it should, which is reported, never lost */
    CU_ASSERT(entries >= ENTRIES);
    free(copy);
  }
  free(records);
}

/* One x509 TileLeaf around cert bytes of any length (u24 length). */
static uint8_t *x509_leaf(const uint8_t *cert, size_t cert_len, size_t *out_len) {
  size_t len = 8 + 2 + 3 + cert_len + 2 + 2;
  uint8_t *p = calloc(1, len), *q = p + 8;
  *q++ = 0, *q++ = 0; /* x509_entry */
  *q++ = (uint8_t)(cert_len >> 16), *q++ = (uint8_t)(cert_len >> 8), *q++ = (uint8_t)cert_len;
  memcpy(q, cert, cert_len);
  q += cert_len;
  *q++ = 0, *q++ = 0; /* no extensions */
  *q++ = 0, *q++ = 0; /* no fingerprints */
  *out_len = len;
  return p;
}

static void test_absurd_certificates(void) {
  size_t len, cert_len = 0xffffff;
  uint64_t entries, unparseable;
  uint8_t *cert = malloc(cert_len), *leaf;
  /* 16 MiB - 1 that claim to be a SEQUENCE of 4 GiB */
  memset(cert, 0x41, cert_len);
  memcpy(cert, "\x30\x84\xff\xff\xff\xff", 6);
  leaf = x509_leaf(cert, cert_len, &len);
  scan_tile(leaf, len, 1, &entries, &unparseable);
  CU_ASSERT_EQUAL(entries, 1);
  CU_ASSERT_EQUAL(unparseable, 1);
  free(leaf);
  /* a zero-length certificate */
  leaf = x509_leaf(cert, 0, &len);
  scan_tile(leaf, len, 1, &entries, &unparseable);
  CU_ASSERT_EQUAL(entries, 1);
  CU_ASSERT_EQUAL(unparseable, 1);
  free(leaf);
  /* a length that points past the end of the tile */
  leaf = x509_leaf(cert, 100, &len);
  leaf[10] = 0x7f;
  scan_tile(leaf, len, 1, &entries, &unparseable);
  CU_ASSERT_EQUAL(entries, 1);
  CU_ASSERT_EQUAL(unparseable, 1);
  free(leaf);
  free(cert);
}

/* BER's indefinite length (X.690 8.1.3.6) where DER is due: the real
 * certificate re-wrapped as 30 80 ... 00 00 is unparseable, with a reason. */
static void test_ber_indefinite_length(void) {
  size_t len = 0, leaf_len;
  uint64_t entries, unparseable;
  uint8_t *records = first_records(1, &len);
  CU_ASSERT_FATAL(records != NULL);
  /* the first record's pre_certificate: find it through the parser */
  cts_der cur;
  cts_entry e;
  const char *reason;
  cts_der_init(&cur, records, len);
  CU_ASSERT_FATAL(cts_container_parse_tileleaf(&cur, &e, &reason));
  CU_ASSERT_FATAL(e.pre_cert.len > 4 && e.pre_cert.data[1] == 0x82);
  size_t body = e.pre_cert.len - 4, ber_len = 2 + body + 2;
  uint8_t *ber = malloc(ber_len);
  ber[0] = 0x30, ber[1] = 0x80;
  memcpy(ber + 2, e.pre_cert.data + 4, body);
  ber[2 + body] = 0, ber[3 + body] = 0;
  uint8_t *leaf = x509_leaf(ber, ber_len, &leaf_len);
  scan_tile(leaf, leaf_len, 1, &entries, &unparseable);
  CU_ASSERT_EQUAL(entries, 1);
  CU_ASSERT_EQUAL(unparseable, 1);
  free(leaf);
  free(ber);
  free(records);
}

static CU_TestInfo tests[] = {
    {"a tile cut at every offset", test_cut_at_every_offset},
    {"random bit flips", test_bit_flips},
    {"16 MiB, zero-length and overlong certificates", test_absurd_certificates},
    {"BER indefinite length", test_ber_indefinite_length},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("hostile", tests)
