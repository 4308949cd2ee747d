/* Tests of the container stage (src/container/): format detection,
 * TileLeaf streams checked against the level-0 hash tiles of the same log,
 * get-entries JSON and JSON Lines, RFC 6962 MerkleTreeLeaf, PEM and DER,
 * and damaged inputs (truncations, bit flips, corrupt compressed data,
 * malformed JSON and base64). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <zlib.h>

#include "ctscan/container.h"
#include "ctscan/der.h"
#include "ctscan/entry.h"
#include "ctscan/source.h"
#include "src/container/container_internal.h"
#include "test.h"

#define TILE_DIR "corpus/navigli2025h2/tile/"
#define RFC6962_DIR "corpus/rfc6962/"

/* --- a sink that records what it is given ---------------------------------- */

typedef struct collect {
  size_t entries, x509, precert;
  size_t index_known;
  uint64_t next_index; /* expected index of the next entry */
  size_t out_of_order;
  size_t bad_precert; /* precert without issuer_key_hash, TBS or SEQUENCE
                         pre_certificate */
  size_t bad_x509;    /* x509 without a SEQUENCE certificate */
  /* level-0 hashes to check TileLeaf entries against */
  const uint8_t *hashes;
  size_t nhashes;
  uint64_t hash_base;
  size_t hash_ok, hash_bad;
  /* errors */
  size_t errors;
  uint64_t lost;
  uint64_t input_len; /* offsets must not exceed it */
  size_t bad_offsets;
  uint64_t last_error_index;
  char first_reason[128];
  char last_reason[128];
  size_t stop_after; /* on_entry returns CTS_ERR_STOP after this many */
} collect;

static int is_sequence(cts_der der) {
  cts_der cur = der, seq;
  return cts_der_get_element_with_header(&cur, &seq, CTS_DER_SEQUENCE) &&
         cur.len == 0;
}

/* RFC 6962 2.1: leaf hash = SHA-256(0x00 || MerkleTreeLeaf), the leaf
 * being version 0, leaf_type 0, then the TimestampedEntry, which in a
 * TileLeaf ends where the pre_certificate's length begins. */
static void check_leaf_hash(collect *c, const cts_entry *e) {
  uint8_t md[EVP_MAX_MD_SIZE];
  static const uint8_t prefix[3] = {0, 0, 0};
  const uint8_t *start, *end;
  EVP_MD_CTX *ctx;
  unsigned md_len = 0;
  uint64_t i = e->index - c->hash_base;
  if (c->hashes == NULL || e->type != CTS_ENTRY_PRECERT) return;
  if (e->index < c->hash_base || i >= c->nhashes) {
    c->hash_bad++;
    return;
  }
  start = e->issuer_key_hash - 10;
  end = e->pre_cert.data - 3;
  ctx = EVP_MD_CTX_new();
  if (ctx == NULL || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ||
      !EVP_DigestUpdate(ctx, prefix, sizeof(prefix)) ||
      !EVP_DigestUpdate(ctx, start, (size_t)(end - start)) ||
      !EVP_DigestFinal_ex(ctx, md, &md_len))
    md_len = 0;
  EVP_MD_CTX_free(ctx);
  if (md_len == 32 && memcmp(md, c->hashes + 32 * i, 32) == 0)
    c->hash_ok++;
  else
    c->hash_bad++;
}

static cts_status collect_entry(void *ctx, const cts_entry *e) {
  collect *c = ctx;
  if (e->index != c->next_index) c->out_of_order++;
  c->next_index = e->index + 1;
  c->entries++;
  if (e->index_known) c->index_known++;
  if (e->type == CTS_ENTRY_PRECERT) {
    c->precert++;
    if (e->issuer_key_hash == NULL || e->tbs.len == 0 || e->cert.len != 0 ||
        (e->pre_cert.len != 0 && !is_sequence(e->pre_cert)))
      c->bad_precert++;
  } else {
    c->x509++;
    if (!is_sequence(e->cert) || e->tbs.len != 0) c->bad_x509++;
  }
  check_leaf_hash(c, e);
  if (c->stop_after != 0 && c->entries == c->stop_after) return CTS_ERR_STOP;
  return CTS_OK;
}

static void collect_error(void *ctx, const char *input, uint64_t offset,
                          uint64_t index, uint64_t lost, const char *reason) {
  collect *c = ctx;
  if (c->errors == 0)
    snprintf(c->first_reason, sizeof(c->first_reason), "%s", reason);
  snprintf(c->last_reason, sizeof(c->last_reason), "%s", reason);
  c->errors++;
  c->lost += lost;
  c->last_error_index = index;
  if (offset > c->input_len || input == NULL) c->bad_offsets++;
}

static cts_status read_mem(const uint8_t *data, size_t len,
                           const cts_input *in, collect *c) {
  cts_entry_sink sink = {collect_entry, collect_error, c};
  cts_stream *stream = NULL;
  cts_status st = cts_stream_open_mem(data, len, "mem", &stream);
  if (st != CTS_OK) return st;
  if (c->input_len == 0) c->input_len = len;
  c->next_index = in != NULL && in->index_known ? in->first_index : 0;
  st = cts_container_read(stream, in, &sink);
  cts_stream_close(stream);
  return st;
}

static cts_status read_text(const char *text, collect *c) {
  memset(c, 0, sizeof(*c));
  return read_mem((const uint8_t *)text, strlen(text), NULL, c);
}

static cts_input tile_input(const char *path, uint64_t first,
                            uint32_t expected) {
  cts_input in;
  memset(&in, 0, sizeof(in));
  in.path = (char *)path;
  in.first_index = first;
  in.index_known = 1;
  in.expected_entries = expected;
  return in;
}

/* --- TileLeaf ----------------------------------------------------------------- */

static void check_tile(const char *data_path, const char *hash_path,
                       uint64_t first, uint32_t width) {
  size_t hlen = 0;
  uint8_t *hashes = cts_test_read_file(hash_path, &hlen);
  cts_input in = tile_input(data_path, first, width);
  cts_entry_sink sink;
  cts_stream *stream = NULL;
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(hashes);
  CU_ASSERT_EQUAL(hlen, (size_t)width * 32);
  memset(&c, 0, sizeof(c));
  c.hashes = hashes;
  c.nhashes = hlen / 32;
  c.hash_base = first;
  c.next_index = first;
  c.input_len = UINT64_MAX;
  sink = (cts_entry_sink){collect_entry, collect_error, &c};
  CU_ASSERT_EQUAL_FATAL(cts_stream_open_file(data_path, &stream), CTS_OK);
  CU_ASSERT_EQUAL(cts_container_read(stream, &in, &sink), CTS_OK);
  cts_stream_close(stream);
  CU_ASSERT_EQUAL(c.entries, width);
  CU_ASSERT_EQUAL(c.precert, width);
  CU_ASSERT_EQUAL(c.index_known, width);
  CU_ASSERT_EQUAL(c.next_index, first + width);
  CU_ASSERT_EQUAL(c.out_of_order, 0);
  CU_ASSERT_EQUAL(c.bad_precert, 0);
  CU_ASSERT_EQUAL(c.hash_ok, width);
  CU_ASSERT_EQUAL(c.hash_bad, 0);
  CU_ASSERT_EQUAL(c.errors, 0);
  free(hashes);
}

static void test_tiles(void) {
  char data[128], hash[128];
  for (int n = 0; n < 4; n++) {
    snprintf(data, sizeof(data), TILE_DIR "data/%03d", n);
    snprintf(hash, sizeof(hash), TILE_DIR "0/%03d", n);
    check_tile(data, hash, (uint64_t)n * 256, 256);
  }
}

static void test_partial_tile(void) {
  check_tile(TILE_DIR "data/003.p/10", TILE_DIR "0/003.p/10", 768, 10);
}

/* Without a known index, the leaf_index extensions still give them. */
static void test_tile_unknown_index(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/001", &len);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  CU_ASSERT_EQUAL(cts_container_detect(data, len), CTS_FORMAT_TILELEAF);
  memset(&c, 0, sizeof(c));
  c.next_index = 256;
  CU_ASSERT_EQUAL(read_mem(data, len, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 256);
  CU_ASSERT_EQUAL(c.index_known, 256);
  CU_ASSERT_EQUAL(c.out_of_order, 1); /* read_mem expected 0 first */
  CU_ASSERT_EQUAL(c.next_index, 512);
  CU_ASSERT_EQUAL(c.errors, 0);
  free(data);
}

/* A tile read with the wrong expectation: the count is reported. */
static void test_tile_count_mismatch(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/003.p/10", &len);
  cts_input in = tile_input("t", 768, 12);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(data, len, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 10);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 2);
  CU_ASSERT_EQUAL(c.last_error_index, 778);
  in.expected_entries = 8;
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(data, len, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 8);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 0);
  free(data);
}

/* on_entry's status stops the reading and is returned. */
static void test_tile_stop(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/000", &len);
  cts_input in = tile_input("t", 0, 256);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  memset(&c, 0, sizeof(c));
  c.stop_after = 3;
  CU_ASSERT_EQUAL(read_mem(data, len, &in, &c), CTS_ERR_STOP);
  CU_ASSERT_EQUAL(c.entries, 3);
  CU_ASSERT_EQUAL(c.errors, 0);
  free(data);
}

/* Every entry of a unit of known size is delivered or counted as lost. */
static void check_accounted(const uint8_t *data, size_t len, uint32_t width,
                            int want_error) {
  cts_input in = tile_input("t", 0, width);
  collect c;
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(data, len, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries + c.lost, width);
  CU_ASSERT_EQUAL(c.bad_offsets, 0);
  if (want_error) CU_ASSERT(c.errors >= 1);
  if (c.entries + c.lost != width || c.bad_offsets != 0)
    fprintf(stderr, "len %zu: %zu entries, %llu lost: %s\n", len, c.entries,
            (unsigned long long)c.lost, c.last_reason);
}

static void test_tile_truncated(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/000", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  /* Every length within the first records, then a sample of the rest. */
  for (size_t cut = 0; cut < 8192; cut++) check_accounted(data, cut, 256, 1);
  for (size_t cut = 8192; cut < len; cut += 211)
    check_accounted(data, cut, 256, 1);
  check_accounted(data, len - 1, 256, 1);
  check_accounted(data, len, 256, 0);
  free(data);
}

static uint64_t rng_next(uint64_t *s) {
  /* xorshift64* */
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

static void test_tile_bit_flips(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/002", &len);
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  /* All bits of the first record's header fields... */
  for (size_t bit = 0; bit < 8 * 48; bit++) {
    data[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    check_accounted(data, len, 256, 0);
    data[bit / 8] ^= (uint8_t)(1u << (bit % 8));
  }
  /* ...and random bits everywhere, one and three at a time. */
  for (int round = 0; round < 600; round++) {
    size_t pos[3];
    int n = round % 2 == 0 ? 1 : 3;
    for (int k = 0; k < n; k++) {
      pos[k] = (size_t)(rng_next(&seed) % (len * 8));
      data[pos[k] / 8] ^= (uint8_t)(1u << (pos[k] % 8));
    }
    check_accounted(data, len, 256, 0);
    for (int k = n - 1; k >= 0; k--)
      data[pos[k] / 8] ^= (uint8_t)(1u << (pos[k] % 8));
  }
  free(data);
}

static uint8_t *gzip_bytes(const uint8_t *data, size_t len, size_t *out_len) {
  z_stream zs;
  size_t cap = len + len / 10 + 1024;
  uint8_t *out = malloc(cap);
  memset(&zs, 0, sizeof(zs));
  if (out == NULL ||
      deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    free(out);
    return NULL;
  }
  zs.next_in = (Bytef *)data;
  zs.avail_in = (uInt)len;
  zs.next_out = out;
  zs.avail_out = (uInt)cap;
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) {
    deflateEnd(&zs);
    free(out);
    return NULL;
  }
  *out_len = zs.total_out;
  deflateEnd(&zs);
  return out;
}

/* Compressed tiles: whole, cut short, and damaged in the middle. */
static void test_tile_gzip(void) {
  size_t len = 0, zlen = 0;
  uint8_t *data = cts_test_read_file(TILE_DIR "data/000", &len);
  uint8_t *z;
  cts_input in = tile_input("t", 0, 256);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  z = gzip_bytes(data, len, &zlen);
  CU_ASSERT_PTR_NOT_NULL_FATAL(z);
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(z, zlen, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 256);
  CU_ASSERT_EQUAL(c.errors, 0);

  memset(&c, 0, sizeof(c));
  c.input_len = len;
  CU_ASSERT_EQUAL(read_mem(z, zlen / 2, &in, &c), CTS_OK);
  CU_ASSERT(c.entries > 0 && c.entries < 256);
  CU_ASSERT_EQUAL(c.entries + c.lost, 256);
  CU_ASSERT_EQUAL(c.errors, 1);

  for (size_t i = zlen / 3; i < zlen / 3 + 64; i++) z[i] ^= 0x5a;
  memset(&c, 0, sizeof(c));
  c.input_len = len; /* offsets are in the decompressed stream */
  CU_ASSERT_EQUAL(read_mem(z, zlen, &in, &c), CTS_OK);
  CU_ASSERT(c.entries < 256);
  CU_ASSERT_EQUAL(c.entries + c.lost, 256);
  CU_ASSERT(c.errors >= 1);
  CU_ASSERT_EQUAL(c.bad_offsets, 0);
  free(z);
  free(data);
}

/* Hand-made records for the TileLeaf parser. */
static size_t put_x509_record(uint8_t *p, const uint8_t *ext, size_t ext_len,
                              size_t fp_len) {
  static const uint8_t cert[] = {0x30, 0x03, 0x02, 0x01, 0x05};
  size_t n = 0;
  memset(p, 0, 8);
  p[7] = 42; /* timestamp */
  n = 8;
  p[n++] = 0;
  p[n++] = 0; /* x509_entry */
  p[n++] = 0;
  p[n++] = 0;
  p[n++] = sizeof(cert);
  memcpy(p + n, cert, sizeof(cert));
  n += sizeof(cert);
  p[n++] = (uint8_t)(ext_len >> 8);
  p[n++] = (uint8_t)ext_len;
  if (ext_len > 0) memcpy(p + n, ext, ext_len);
  n += ext_len;
  p[n++] = (uint8_t)(fp_len >> 8);
  p[n++] = (uint8_t)fp_len;
  memset(p + n, 0xab, fp_len);
  return n + fp_len;
}

static int parse_record(const uint8_t *p, size_t len, cts_entry *e,
                        const char **reason) {
  cts_der cur;
  memset(e, 0, sizeof(*e));
  *reason = NULL;
  cts_der_init(&cur, p, len);
  return cts_container_parse_tileleaf(&cur, e, reason) && cur.len == 0;
}

static void test_tileleaf_parse(void) {
  static const uint8_t leaf_index[] = {0, 0, 5, 0, 0, 0, 1, 2};
  static const uint8_t other_ext[] = {7, 0, 1, 9};
  static const uint8_t dup[] = {0, 0, 5, 0, 0, 0, 1, 2, 0, 0, 5, 0, 0, 0, 1, 3};
  static const uint8_t short_index[] = {0, 0, 4, 0, 0, 1, 2};
  static const uint8_t bad_ext[] = {0, 0, 6, 0, 0, 0, 1, 2};
  uint8_t rec[256];
  cts_entry e;
  const char *reason;
  size_t n, size = 0;

  n = put_x509_record(rec, leaf_index, sizeof(leaf_index), 64);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, n, &size, &reason), CTS_FRAME_OK);
  CU_ASSERT_EQUAL(size, n);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, n - 1, &size, &reason),
                  CTS_FRAME_NEED_MORE);
  CU_ASSERT_EQUAL(size, n);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, 9, &size, &reason),
                  CTS_FRAME_NEED_MORE);
  CU_ASSERT_EQUAL(size, 10);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, 12, &size, &reason),
                  CTS_FRAME_NEED_MORE);
  CU_ASSERT_EQUAL(size, 13);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, 13, &size, &reason),
                  CTS_FRAME_NEED_MORE);
  CU_ASSERT_EQUAL(size, 18);
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, 18, &size, &reason),
                  CTS_FRAME_NEED_MORE);
  CU_ASSERT_EQUAL(size, 20);
  CU_ASSERT_TRUE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_EQUAL(e.type, CTS_ENTRY_X509);
  CU_ASSERT_EQUAL(e.timestamp_ms, 42);
  CU_ASSERT_EQUAL(e.index, 0x102);
  CU_ASSERT_EQUAL(e.index_known, 1);
  CU_ASSERT_EQUAL(e.cert.len, 5);
  CU_ASSERT_EQUAL(e.chain.len, 64);
  CU_ASSERT_EQUAL(e.chain_is_fingerprints, 1);
  CU_ASSERT_PTR_NULL(e.issuer_key_hash);

  n = put_x509_record(rec, NULL, 0, 0); /* archived RFC 6962 leaf: 00 00 */
  CU_ASSERT_TRUE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_EQUAL(e.index_known, 0);
  n = put_x509_record(rec, other_ext, sizeof(other_ext), 0);
  CU_ASSERT_TRUE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_EQUAL(e.index_known, 0);

  n = put_x509_record(rec, dup, sizeof(dup), 0);
  CU_ASSERT_FALSE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_PTR_NOT_NULL(reason);
  n = put_x509_record(rec, short_index, sizeof(short_index), 0);
  CU_ASSERT_FALSE(parse_record(rec, n, &e, &reason));
  n = put_x509_record(rec, bad_ext, sizeof(bad_ext), 0);
  CU_ASSERT_FALSE(parse_record(rec, n, &e, &reason));
  n = put_x509_record(rec, NULL, 0, 33);
  CU_ASSERT_FALSE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_PTR_NOT_NULL(strstr(reason, "multiple of 32"));
  n = put_x509_record(rec, NULL, 0, 0);
  rec[9] = 2; /* entry_type */
  CU_ASSERT_FALSE(parse_record(rec, n, &e, &reason));
  CU_ASSERT_EQUAL(cts_tileleaf_frame(rec, n, &size, &reason), CTS_FRAME_BAD);
  n = put_x509_record(rec, NULL, 0, 0);
  rec[12] = 0; /* empty certificate */
  CU_ASSERT_FALSE(parse_record(rec, 13 + 4, &e, &reason));
}

/* --- RFC 6962 MerkleTreeLeaf ------------------------------------------------ */

static void test_merkle_scrape(void) {
  size_t ll = 0, el = 0;
  uint8_t *leaf = cts_test_read_file(RFC6962_DIR "scrape-precert_leaf_input.bin", &ll);
  uint8_t *extra = cts_test_read_file(RFC6962_DIR "scrape-precert_extra_data.bin", &el);
  cts_entry e;
  const char *reason = NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL(leaf);
  CU_ASSERT_PTR_NOT_NULL_FATAL(extra);
  memset(&e, 0, sizeof(e));
  CU_ASSERT_TRUE(cts_container_parse_merkle_leaf(leaf, ll, extra, el, &e, &reason));
  CU_ASSERT_EQUAL(e.type, CTS_ENTRY_PRECERT);
  CU_ASSERT_PTR_NOT_NULL(e.issuer_key_hash);
  CU_ASSERT(e.tbs.len > 0 && is_sequence(e.tbs));
  CU_ASSERT(e.pre_cert.len > 0 && is_sequence(e.pre_cert));
  CU_ASSERT(e.chain.len > 0);
  CU_ASSERT_EQUAL(e.chain_is_fingerprints, 0);
  CU_ASSERT_EQUAL(e.cert.len, 0);
  /* Without extra_data: no pre_certificate, the TBS remains. */
  CU_ASSERT_TRUE(cts_container_parse_merkle_leaf(leaf, ll, NULL, 0, &e, &reason));
  CU_ASSERT_EQUAL(e.pre_cert.len, 0);
  CU_ASSERT(e.tbs.len > 0);
  /* Damage: version, trailing bytes, truncation, extra_data. */
  leaf[0] = 1;
  CU_ASSERT_FALSE(cts_container_parse_merkle_leaf(leaf, ll, extra, el, &e, &reason));
  leaf[0] = 0;
  leaf[1] = 1;
  CU_ASSERT_FALSE(cts_container_parse_merkle_leaf(leaf, ll, extra, el, &e, &reason));
  leaf[1] = 0;
  CU_ASSERT_FALSE(cts_container_parse_merkle_leaf(leaf, ll - 1, extra, el, &e, &reason));
  CU_ASSERT_FALSE(cts_container_parse_merkle_leaf(leaf, ll, extra, el - 1, &e, &reason));
  free(leaf);
  free(extra);

  leaf = cts_test_read_file(RFC6962_DIR "scrape-x509_leaf_input.bin", &ll);
  extra = cts_test_read_file(RFC6962_DIR "scrape-x509_extra_data.bin", &el);
  CU_ASSERT_PTR_NOT_NULL_FATAL(leaf);
  CU_ASSERT_PTR_NOT_NULL_FATAL(extra);
  memset(&e, 0, sizeof(e));
  CU_ASSERT_TRUE(cts_container_parse_merkle_leaf(leaf, ll, extra, el, &e, &reason));
  CU_ASSERT_EQUAL(e.type, CTS_ENTRY_X509);
  CU_ASSERT(is_sequence(e.cert));
  CU_ASSERT(e.chain.len > 0);
  CU_ASSERT_PTR_NULL(e.issuer_key_hash);
  CU_ASSERT_EQUAL(e.pre_cert.len, 0);
  {
    /* the chain is a list of u24-prefixed certificates */
    cts_der walk = e.chain, cert;
    size_t n = 0;
    while (cts_der_get_u24_prefixed(&walk, &cert)) n += is_sequence(cert);
    CU_ASSERT(n >= 1);
    CU_ASSERT_EQUAL(walk.len, 0);
  }
  free(leaf);
  free(extra);
}

/* --- base64 ------------------------------------------------------------------- */

static int b64(const char *in, int space, char *out, size_t *out_len) {
  uint8_t buf[64];
  if (!cts_base64_decode((const uint8_t *)in, strlen(in), space, buf, out_len))
    return 0;
  memcpy(out, buf, *out_len);
  out[*out_len] = 0;
  return 1;
}

static void test_base64(void) {
  static const char *const bad[] = {
      "Zg",   "Zg=",      "Z===",     "Zh==",  "Zm9=", "Zg==Zg==", "Zm9v\n",
      "Zm$v", "=Zg=",     "Zm9vY",    "Zg=a",  "====", "Zm 9v",    "Zm9v=",
      "Z",    "Zg==Zg", "Zm9v\xc3", "Zm-v",  "Zm_v",
  };
  char out[64];
  size_t n = 0;
  CU_ASSERT_TRUE(b64("", 0, out, &n));
  CU_ASSERT_EQUAL(n, 0);
  CU_ASSERT_TRUE(b64("Zg==", 0, out, &n) && strcmp(out, "f") == 0);
  CU_ASSERT_TRUE(b64("Zm8=", 0, out, &n) && strcmp(out, "fo") == 0);
  CU_ASSERT_TRUE(b64("Zm9v", 0, out, &n) && strcmp(out, "foo") == 0);
  CU_ASSERT_TRUE(b64("Zm9vYg==", 0, out, &n) && strcmp(out, "foob") == 0);
  CU_ASSERT_TRUE(b64("Zm9vYmFy", 0, out, &n) && strcmp(out, "foobar") == 0);
  CU_ASSERT_TRUE(b64("+/+/", 0, out, &n) && n == 3);
  CU_ASSERT_TRUE(b64(" Zm9v\r\nYmE=\n", 1, out, &n) && strcmp(out, "fooba") == 0);
  CU_ASSERT_FALSE(b64("Zm9v\nYmE=\nZg==", 1, out, &n));
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    CU_ASSERT_FALSE(b64(bad[i], 0, out, &n));
  CU_ASSERT_EQUAL(cts_base64_decoded_max(8), 9);
}

/* --- get-entries JSON ------------------------------------------------------- */

static void test_get_entries_file(void) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(RFC6962_DIR "get-entries-2013-pilot.json", &len);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  CU_ASSERT_EQUAL(cts_container_detect(data, len), CTS_FORMAT_GET_ENTRIES);
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(data, len, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 4);
  CU_ASSERT_EQUAL(c.x509, 4);
  CU_ASSERT_EQUAL(c.bad_x509, 0);
  CU_ASSERT_EQUAL(c.index_known, 0);
  CU_ASSERT_EQUAL(c.out_of_order, 0);
  CU_ASSERT_EQUAL(c.errors, 0);
  /* Cut anywhere, the entries before the cut arrive and one error says
   * where it stopped. */
  for (size_t cut = 1; cut < len; cut += 37) {
    memset(&c, 0, sizeof(c));
    CU_ASSERT_EQUAL(read_mem(data, cut, NULL, &c), CTS_OK);
    CU_ASSERT(c.entries < 4);
    CU_ASSERT_EQUAL(c.errors, 1);
    CU_ASSERT_EQUAL(c.bad_offsets, 0);
  }
  free(data);
}

/* base64 of the scrape samples, for building JSON. */
typedef struct samples {
  char *x509_leaf, *x509_extra, *pre_leaf, *pre_extra;
} samples;

static char *b64_file(const char *path) {
  size_t len = 0;
  uint8_t *data = cts_test_read_file(path, &len);
  char *out = data != NULL ? malloc(4 * (len / 3 + 1) + 1) : NULL;
  if (out != NULL) EVP_EncodeBlock((unsigned char *)out, data, (int)len);
  free(data);
  return out;
}

static void samples_load(samples *s) {
  s->x509_leaf = b64_file(RFC6962_DIR "scrape-x509_leaf_input.bin");
  s->x509_extra = b64_file(RFC6962_DIR "scrape-x509_extra_data.bin");
  s->pre_leaf = b64_file(RFC6962_DIR "scrape-precert_leaf_input.bin");
  s->pre_extra = b64_file(RFC6962_DIR "scrape-precert_extra_data.bin");
}

static void samples_free(samples *s) {
  free(s->x509_leaf);
  free(s->x509_extra);
  free(s->pre_leaf);
  free(s->pre_extra);
}

/* Writes text with every '/' escaped as "\/" and every 'A' as "\u0041"
 * (RFC 8259 section 7). */
static char *put_escaped(char *p, const char *text) {
  for (; *text; text++) {
    if (*text == '/')
      p += sprintf(p, "\\/");
    else if (*text == 'A')
      p += sprintf(p, "\\u0041");
    else
      *p++ = *text;
  }
  return p;
}

/* Formats a JSON text; %X and %P stand for the x509 and precert entry
 * objects' members, %L and %E for the precert leaf_input and extra_data
 * strings' contents, %l for the leaf_input with escapes. */
static char *json_fmt(const samples *s, const char *tmpl) {
  size_t cap = strlen(tmpl) + 1;
  char *out, *p;
  for (const char *t = tmpl; *t; t++)
    if (*t == '%') cap += 64 * 1024;
  out = malloc(cap);
  p = out;
  for (const char *t = tmpl; *t; t++) {
    if (*t != '%' || t[1] == 0) {
      *p++ = *t;
      continue;
    }
    t++;
    if (*t == 'X')
      p += sprintf(p, "\"leaf_input\":\"%s\",\"extra_data\":\"%s\"",
                   s->x509_leaf, s->x509_extra);
    else if (*t == 'P')
      p += sprintf(p, "\"leaf_input\":\"%s\",\"extra_data\":\"%s\"",
                   s->pre_leaf, s->pre_extra);
    else if (*t == 'L')
      p += sprintf(p, "%s", s->pre_leaf);
    else if (*t == 'l')
      p = put_escaped(p, s->pre_leaf);
    else if (*t == 'E')
      p += sprintf(p, "%s", s->pre_extra);
  }
  *p = 0;
  return out;
}

typedef struct json_case {
  const char *tmpl;
  size_t entries;
  size_t errors;
  const char *reason; /* a substring of the first error's reason */
} json_case;

static void run_json_cases(const samples *s, const json_case *cases,
                           size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *text = json_fmt(s, cases[i].tmpl);
    collect c;
    CU_ASSERT_EQUAL(read_text(text, &c), CTS_OK);
    CU_ASSERT_EQUAL(c.entries, cases[i].entries);
    CU_ASSERT_EQUAL(c.errors, cases[i].errors);
    CU_ASSERT_EQUAL(c.bad_offsets, 0);
    CU_ASSERT_EQUAL(c.bad_x509 + c.bad_precert, 0);
    if (cases[i].reason != NULL)
      CU_ASSERT_PTR_NOT_NULL(strstr(c.first_reason, cases[i].reason));
    if (c.entries != cases[i].entries || c.errors != cases[i].errors ||
        (cases[i].reason != NULL && strstr(c.first_reason, cases[i].reason) == NULL))
      fprintf(stderr, "json case %zu: %zu entries, %zu errors (%s)\n", i,
              c.entries, c.errors, c.first_reason);
    free(text);
  }
}

static samples g_samples;

static const samples *get_samples(void) {
  if (g_samples.x509_leaf == NULL) samples_load(&g_samples);
  return &g_samples;
}

static void test_json_good(void) {
  static const json_case cases[] = {
      {"{\"entries\":[{%X},{%P}]}", 2, 0, NULL},
      {"{\"entries\":[]}", 0, 0, NULL},
      {"  {\n  \"entries\" : [\n    { %X },\n    { %P }\n  ]\n}\n", 2, 0, NULL},
      {"{\"a\":[1,-2.5e+3,0.25,-0,1E5,true,false,null,{\"b\":\"\\u00e9\\ud83d\\ude00"
       "\\\"\\\\\\/\\b\\f\\n\\r\\t\"}],"
       "\"entries\":[{\"x\":{},%X,\"y\":[]}],\"z\":\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"}",
       1, 0, NULL},
      /* escaped member names and escaped base64 characters */
      {"{\"entr\\u0069es\":[{\"leaf\\u005finput\":\"%l\",\"extra_data\":\"%E\"}]}",
       1, 0, NULL},
      /* JSON Lines: documents and bare entries */
      {"{\"entries\":[{%X},{%P}]}\n{%X}\n{%P}\r\n\n{\"entries\":[{%P}]}", 5, 0, NULL},
      /* documents separated by newlines */
      {"{\n\"entries\":[{%X}]\n}\n{\n\"entries\":[{%P}]\n}\n", 2, 0, NULL},
      {"", 0, 0, NULL},
      /* whitespace only: no format to recognise */
      {" \n\t\r\n", 0, 1, "unrecognised"},
  };
  run_json_cases(get_samples(), cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_json_bad(void) {
  static const json_case cases[] = {
      /* syntax: the document is given up on */
      {"{\"entries\":[{\"leaf_input\":\"\\q\",\"extra_data\":\"\"}]}", 0, 1, "invalid escape"},
      {"{\"entries\":[{%X},{\"leaf_input\":\"abc", 1, 1, "unterminated JSON string"},
      {"{\"entries\":[{%X}]}x", 1, 1, "trailing data"},
      {"{\"entries\":[{%X}]} {\"entries\":[]}", 1, 1, "trailing data"},
      {"{\n\"entries\":[{%X}]\n} x", 1, 1, "trailing data"},
      {"{\"entries\":[],}", 0, 1, "expected a string"},
      {"{\"entries\":[{%X},]}", 1, 1, "expected a JSON value"},
      {"{\"entries\":[{%X}] \"a\":1}", 1, 1, "expected ','"},
      {"{\"entries\" []}", 0, 1, "expected ':'"},
      {"{entries:[]}", 0, 1, "expected a string"},
      {"{\"entries\":[],\"n\":01}", 0, 1, "expected ','"},
      {"{\"entries\":[],\"n\":1.}", 0, 1, "invalid JSON number"},
      {"{\"entries\":[],\"n\":-}", 0, 1, "invalid JSON number"},
      {"{\"entries\":[],\"n\":1e}", 0, 1, "invalid JSON number"},
      {"{\"entries\":[],\"n\":+1}", 0, 1, "expected a JSON value"},
      {"{\"entries\":[],\"n\":tru}", 0, 1, "invalid JSON value"},
      {"{\"entries\":[],\"n\":nulll}", 0, 1, "expected ','"},
      {"{\"entries\":[],\"s\":\"\\ud800\"}", 0, 1, "unpaired surrogate"},
      {"{\"entries\":[],\"s\":\"\\udc00\\ud800\"}", 0, 1, "unpaired surrogate"},
      {"{\"entries\":[],\"s\":\"\\ud800\\u0041\"}", 0, 1, "unpaired surrogate"},
      {"{\"entries\":[],\"s\":\"\\u12g4\"}", 0, 1, "invalid \\u escape"},
      {"{\"entries\":[],\"s\":\"a\tb\"}", 0, 1, "control character"},
      {"{\"entries\":[],\"s\":\"\xc3\"}", 0, 1, "invalid UTF-8"},
      {"{\"entries\":[],\"s\":\"\xc0\xaf\"}", 0, 1, "invalid UTF-8"},
      {"{\"entries\":[],\"s\":\"\xed\xa0\x80\"}", 0, 1, "invalid UTF-8"},
      {"{\"entries\":[],\"s\":\"\xf4\x90\x80\x80\"}", 0, 1, "invalid UTF-8"},
      {"{\"entries\":[],\"s\":\"\xe2\x82\"}", 0, 1, "invalid UTF-8"},
      {"{\"entries\":[", 0, 1, "expected a JSON value"},
      {"{\"entries\":[{%X}", 1, 1, "expected ','"},
      {"[{\"entries\":[]}]", 0, 1, "unrecognised"},
      {"{%X}\n[{\"entries\":[]}]\n{%X}", 2, 1, "expected a JSON object"},
      /* wrong types and bad entries: reported, the rest is read */
      {"{\"entries\":5}", 0, 1, "entries is not a JSON array"},
      {"{\"entries\":[],\"entries\":[{%X}]}", 0, 1, "duplicate entries"},
      {"{\"entries\":[5,{%X},\"s\",[],{%P}]}", 2, 3, "entry is not a JSON object"},
      {"{\"entries\":[{\"leaf_input\":5,\"extra_data\":\"\"},{%X}]}", 1, 1, "leaf_input is not a string"},
      {"{\"entries\":[{\"leaf_input\":\"%L\",\"extra_data\":null},{%X}]}", 1, 1, "extra_data is not a string"},
      {"{\"entries\":[{\"leaf_input\":\"%L\"},{%X}]}", 1, 1, "no extra_data"},
      {"{\"entries\":[{\"extra_data\":\"\"},{%X}]}", 1, 1, "no leaf_input"},
      {"{\"entries\":[{%P,\"leaf_input\":\"%L\"},{%X}]}", 1, 1, "duplicate leaf_input"},
      {"{\"entries\":[{\"leaf_input\":\"AAA\",\"extra_data\":\"\"},{%X}]}", 1, 1, "not valid base64"},
      {"{\"entries\":[{\"leaf_input\":\"%L\",\"extra_data\":\"%E=\"},{%X}]}", 1, 1, "not valid base64"},
      {"{\"entries\":[{\"leaf_input\":\"%L \",\"extra_data\":\"%E\"}]}", 0, 1, "not valid base64"},
      {"{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"\"},{%X}]}", 1, 1, "TimestampedEntry"},
      {"{\"entries\":[{\"leaf_input\":\"AQAA\",\"extra_data\":\"\"},{%X}]}", 1, 1, "version"},
      {"{\"entries\":[{\"leaf_input\":\"%L\",\"extra_data\":\"AAAA\"},{%X}]}", 1, 1, "extra_data"},
      {"{\"a\":1}", 0, 1, "neither entries nor leaf_input"},
      /* JSON Lines: a broken line is skipped */
      {"{%X}\n{\"leaf_input\":\"\\x\"}\n{%P}\n[]\n5\n{%X}", 3, 3, "invalid escape"},
      /* the complete entries of a broken line still count */
      {"{%X}\n{\"entries\":[{%P}\n{%X}\n", 3, 1, "expected ','"},
  };
  run_json_cases(get_samples(), cases, sizeof(cases) / sizeof(cases[0]));
}

static void test_json_depth(void) {
  char text[512];
  collect c;
  size_t n = 0;
  n += (size_t)sprintf(text + n, "{\"entries\":[],\"deep\":");
  for (int i = 0; i < 100; i++) text[n++] = '[';
  for (int i = 0; i < 100; i++) text[n++] = ']';
  text[n++] = '}';
  text[n] = 0;
  CU_ASSERT_EQUAL(read_text(text, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(c.first_reason, "too deep"));
  /* 30 levels inside the top object are fine. */
  n = (size_t)sprintf(text, "{\"entries\":[],\"deep\":");
  for (int i = 0; i < 30; i++) text[n++] = '[';
  for (int i = 0; i < 30; i++) text[n++] = ']';
  text[n++] = '}';
  text[n] = 0;
  CU_ASSERT_EQUAL(read_text(text, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 0);
}

/* on_entry's status stops JSON reading too. */
static void test_json_stop(void) {
  char *text = json_fmt(get_samples(), "{\"entries\":[{%X},{%P},{%X}]}");
  collect c;
  memset(&c, 0, sizeof(c));
  c.stop_after = 2;
  CU_ASSERT_EQUAL(read_mem((const uint8_t *)text, strlen(text), NULL, &c),
                  CTS_ERR_STOP);
  CU_ASSERT_EQUAL(c.entries, 2);
  free(text);
}

/* Entries of a JSON input are numbered by position, bad ones included. */
static void test_json_index(void) {
  char *text = json_fmt(get_samples(), "{\"entries\":[{%X},5,{%P}]}\n{%X}");
  collect c;
  CU_ASSERT_EQUAL(read_text(text, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 3);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.last_error_index, 1);
  CU_ASSERT_EQUAL(c.next_index, 4);
  CU_ASSERT_EQUAL(c.out_of_order, 1); /* 0, then 2 */
  free(text);
}

/* --- PEM and DER ------------------------------------------------------------ */

static void test_pem_files(void) {
  static const char *const files[] = {
      "corpus/zlint/27monthsEv.pem", "corpus/zlint/subCertProvinceCanAppear.pem",
      "corpus/zlint/CNPresentButEmpty.pem", "corpus/zlint/surnameOver32768.pem"};
  size_t total = 0, cap = 0;
  char *all = NULL;
  collect c;
  for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
    size_t len = 0;
    uint8_t *data = cts_test_read_file(files[i], &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(data);
    CU_ASSERT_EQUAL(cts_container_detect(data, len), CTS_FORMAT_PEM);
    memset(&c, 0, sizeof(c));
    CU_ASSERT_EQUAL(read_mem(data, len, NULL, &c), CTS_OK);
    CU_ASSERT_EQUAL(c.entries, i == 1 ? 2 : 1);
    CU_ASSERT_EQUAL(c.x509, c.entries);
    CU_ASSERT_EQUAL(c.bad_x509, 0);
    CU_ASSERT_EQUAL(c.errors, 0);
    all = realloc(all, cap = total + len + 64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    memcpy(all + total, data, len);
    total += len;
    total += (size_t)snprintf(all + total, cap - total, "\nsome text\n");
    free(data);
  }
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem((uint8_t *)all, total, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 5);
  CU_ASSERT_EQUAL(c.out_of_order, 0);
  CU_ASSERT_EQUAL(c.errors, 0);
  free(all);
}

static void test_pem_bad(void) {
  static const struct {
    const char *text;
    size_t entries, errors;
  } cases[] = {
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n", 1, 0},
      {"-----BEGIN PRIVATE KEY-----\nMAMCAQU=\n-----END PRIVATE KEY-----\n"
       "-----BEGIN X509 CERTIFICATE-----\r\nMAMC\r\nAQU=\r\n-----END X509 CERTIFICATE-----",
       1, 0},
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU\n-----END CERTIFICATE-----\n", 0, 1},
      {"-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n", 0, 1},
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-", 0, 1},
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n", 0, 1},
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END PRIVATE KEY-----\n"
       "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
       1, 1},
      {"-----BEGIN CERTIFICATE-----\nMAMCAQU=\n"
       "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n",
       1, 1},
      {"-----BEGIN CERTIFICATE\nMAMCAQU=\n-----END CERTIFICATE-----\n", 0, 1},
      {"-----BEGIN CERTIFICATE----- x\nMAMCAQU=\n-----END CERTIFICATE-----\n", 0, 1},
      {"-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\nMAMCAQU=\n-----END CERTIFICATE-----\n", 0, 1},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    collect c;
    CU_ASSERT_EQUAL(read_text(cases[i].text, &c), CTS_OK);
    CU_ASSERT_EQUAL(c.entries, cases[i].entries);
    CU_ASSERT_EQUAL(c.errors, cases[i].errors);
    CU_ASSERT_EQUAL(c.bad_offsets, 0);
    if (c.entries != cases[i].entries || c.errors != cases[i].errors)
      fprintf(stderr, "pem case %zu: %zu entries, %zu errors (%s)\n", i,
              c.entries, c.errors, c.first_reason);
  }
}

/* Explanatory text longer than the first detection window. */
static void test_pem_long_text(void) {
  static const char block[] =
      "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n";
  size_t text = 200 * 1024, len = text + sizeof(block) - 1;
  char *data = malloc(len);
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  for (size_t i = 0; i < text; i++) data[i] = i % 64 == 63 ? '\n' : 'x';
  memcpy(data + text, block, sizeof(block) - 1);
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem((uint8_t *)data, len, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 1);
  CU_ASSERT_EQUAL(c.errors, 0);
  free(data);
}

/* The pre_certificate of a tile entry is a whole DER certificate. */
static void test_der(void) {
  size_t len = 0, n = 0;
  uint8_t *tile = cts_test_read_file(TILE_DIR "data/000", &len);
  uint8_t *buf;
  cts_der cur, pre;
  cts_entry e;
  const char *reason;
  collect c;
  CU_ASSERT_PTR_NOT_NULL_FATAL(tile);
  memset(&e, 0, sizeof(e));
  cts_der_init(&cur, tile, len);
  CU_ASSERT_TRUE_FATAL(cts_container_parse_tileleaf(&cur, &e, &reason));
  pre = e.pre_cert;
  buf = malloc(3 * pre.len + 8);
  CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
  memcpy(buf, pre.data, pre.len);
  CU_ASSERT_EQUAL(cts_container_detect(buf, pre.len), CTS_FORMAT_DER);
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(buf, pre.len, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 1);
  CU_ASSERT_EQUAL(c.x509, 1);
  CU_ASSERT_EQUAL(c.bad_x509, 0);
  CU_ASSERT_EQUAL(c.errors, 0);
  /* two concatenated, then trailing garbage */
  memcpy(buf + pre.len, pre.data, pre.len);
  n = 2 * pre.len;
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(buf, n, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 2);
  CU_ASSERT_EQUAL(c.errors, 0);
  buf[n++] = '\n';
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(buf, n, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 2);
  CU_ASSERT_EQUAL(c.errors, 1);
  /* truncated */
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem(buf, pre.len - 1, NULL, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.entries, 0);
  CU_ASSERT_EQUAL(c.errors, 1);
  free(buf);
  free(tile);
}

/* --- detection ------------------------------------------------------------- */

static void test_detect(void) {
  static const struct {
    const char *text;
    size_t len;
    cts_format format;
  } cases[] = {
      {"{\"entries\":[]}", 14, CTS_FORMAT_GET_ENTRIES},
      {" \r\n\t{", 5, CTS_FORMAT_GET_ENTRIES},
      {"[{\"entries\":[]}]", 16, CTS_FORMAT_UNKNOWN},
      {"-----BEGIN CERTIFICATE-----\n", 28, CTS_FORMAT_PEM},
      {"  -----BEGIN X", 14, CTS_FORMAT_PEM},
      {"Certificate:\n  Data: \x01\x02\n-----BEGIN CERTIFICATE", 46, CTS_FORMAT_PEM},
      {"text\0\n-----BEGIN CERTIFICATE", 28, CTS_FORMAT_UNKNOWN},
      {"text -----BEGIN CERTIFICATE", 27, CTS_FORMAT_UNKNOWN},
      {"\x30\x82\x01\x00", 4, CTS_FORMAT_DER},
      {"\x30\x83\x01\x00\x00", 5, CTS_FORMAT_DER},
      {"\x30\x82\x00\x10", 4, CTS_FORMAT_UNKNOWN},
      {"\x30\x81\x90", 3, CTS_FORMAT_UNKNOWN},
      {"hello", 5, CTS_FORMAT_UNKNOWN},
      {"", 0, CTS_FORMAT_UNKNOWN},
      /* a TileLeaf header, the rest not there yet */
      {"\0\0\x01\x96\x97\x23\x5b\xfd\0\x01", 10, CTS_FORMAT_TILELEAF},
      {"\0\0\x01\x96\x97\x23\x5b\xfd\0\x02", 10, CTS_FORMAT_UNKNOWN},
      /* a whole x509 TileLeaf whose fingerprints are not whole */
      {"\0\0\0\0\0\0\0\0\0\0\0\0\x01\x30\0\0\0\x01\xff", 19, CTS_FORMAT_UNKNOWN},
      {"\0\0\0\0\0\0\0\0\0\0\0\0\x01\x30\0\0\0\0", 18, CTS_FORMAT_TILELEAF},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    cts_format f = cts_container_detect((const uint8_t *)cases[i].text, cases[i].len);
    CU_ASSERT_EQUAL(f, cases[i].format);
    if (f != cases[i].format)
      fprintf(stderr, "detect case %zu: %s\n", i, cts_format_name(f));
  }
  CU_ASSERT_EQUAL(cts_container_detect(NULL, 0), CTS_FORMAT_UNKNOWN);
  CU_ASSERT_STRING_EQUAL(cts_format_name(CTS_FORMAT_TILELEAF), "tileleaf");
  CU_ASSERT_STRING_EQUAL(cts_format_name(CTS_FORMAT_GET_ENTRIES), "get-entries");
  CU_ASSERT_STRING_EQUAL(cts_format_name(CTS_FORMAT_DER), "der");
  CU_ASSERT_STRING_EQUAL(cts_format_name(CTS_FORMAT_PEM), "pem");
  CU_ASSERT_STRING_EQUAL(cts_format_name(CTS_FORMAT_UNKNOWN), "unknown");
  CU_ASSERT_STRING_EQUAL(cts_format_name((cts_format)99), "unknown");
}

/* Unknown content is reported; an empty tile is all lost. */
static void test_unknown_and_empty(void) {
  cts_input in = tile_input("t", 512, 256);
  collect c;
  CU_ASSERT_EQUAL(read_text("hello world", &c), CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(c.first_reason, "unrecognised"));
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem((const uint8_t *)"", 0, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 256);
  CU_ASSERT_EQUAL(c.last_error_index, 512);
  /* a tile whose first bytes are not a TileLeaf says why */
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem((const uint8_t *)"hello world", 11, &in, &c), CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 256);
  CU_ASSERT_PTR_NOT_NULL(strstr(c.first_reason, "entry_type"));
  /* a tile that holds another format is lost whole */
  memset(&c, 0, sizeof(c));
  CU_ASSERT_EQUAL(read_mem((const uint8_t *)"{\"entries\":[]}", 14, &in, &c),
                  CTS_OK);
  CU_ASSERT_EQUAL(c.errors, 1);
  CU_ASSERT_EQUAL(c.lost, 256);
  CU_ASSERT_PTR_NOT_NULL(strstr(c.first_reason, "TileLeaf"));
}

static void test_cleanup(void) { samples_free(&g_samples); }

static CU_TestInfo tests[] = {
    {"detect", test_detect},
    {"tiles 000..003 match their hash tiles", test_tiles},
    {"partial tile 003.p/10", test_partial_tile},
    {"tile without a known index", test_tile_unknown_index},
    {"tile with a wrong expected count", test_tile_count_mismatch},
    {"on_entry stops a tile", test_tile_stop},
    {"truncated tiles", test_tile_truncated},
    {"bit flips in a tile", test_tile_bit_flips},
    {"gzip tiles, cut and damaged", test_tile_gzip},
    {"TileLeaf parser", test_tileleaf_parse},
    {"MerkleTreeLeaf scrape samples", test_merkle_scrape},
    {"base64", test_base64},
    {"get-entries file", test_get_entries_file},
    {"JSON accepted", test_json_good},
    {"JSON rejected", test_json_bad},
    {"JSON nesting depth", test_json_depth},
    {"on_entry stops JSON", test_json_stop},
    {"JSON entry indices", test_json_index},
    {"PEM files", test_pem_files},
    {"PEM damaged", test_pem_bad},
    {"PEM after long text", test_pem_long_text},
    {"DER", test_der},
    {"unknown and empty inputs", test_unknown_and_empty},
    {"cleanup", test_cleanup},
    CU_TEST_INFO_NULL,
};

CTS_TEST_SUITE("container", tests)
