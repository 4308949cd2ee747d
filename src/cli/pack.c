/* ctscan pack: any supported input to a ctscan dump (design.md "Input
 * formats" 1), through the dump writer (include/ctscan/dump.h).
 *
 * Every entry is written as a C2SP static-ct-api TileLeaf:
 *   timestamp u64 · entry_type u16 ·
 *   (x509: u24 cert | precert: issuer_key_hash[32] · u24 TBS) ·
 *   u16 extensions · (precert only: u24 pre_certificate) ·
 *   u16 length of the 32-byte SHA-256 chain fingerprints.
 * An entry whose log index is known (a leaf_index extension, or its
 * position in a data tile) gets the leaf_index extension (type 0, uint40),
 * so indices survive gaps and repacking; others get no extensions and are
 * numbered by their position, as a scan of the source numbers them. A
 * get-entries chain (DER certificates) becomes fingerprints, and its
 * certificates go to the dump's issuer bundle. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/dump.h"
#include "ctscan/scan.h"
#include "ctscan/sha256.h"
#include "ctscan/source.h"

#include "cli.h"

typedef struct pack_ctx {
  const char *out_path;
  const char *log_origin;
  unsigned tiles_per_frame;
  int level;
  int quiet;
  cts_dump_writer *writer; /* opened at the first entry */
  uint8_t *leaf;
  size_t leaf_cap;
  uint64_t skipped;   /* entries that cannot be written */
  uint64_t lost;      /* entries the reader could not frame */
  uint64_t problems;
} pack_ctx;

static void pack_usage(FILE *out) {
  fprintf(out,
          "usage: ctscan pack [-K tiles_per_frame] [--level N] [--log ORIGIN]\n"
          "                   [--quiet] -o OUT.tiles.zst INPUT...\n"
          "Writes a ctscan dump: zstd frames of K tiles of 256 TileLeaf\n"
          "records (default K = %d), metadata, issuers and a seek table.\n",
          CTS_DUMP_DEFAULT_TILES_PER_FRAME);
}

static int put_u(uint8_t *p, uint64_t v, int n) {
  for (int i = n - 1; i >= 0; i--) {
    p[i] = (uint8_t)v;
    v >>= 8;
  }
  return n;
}

static cts_status leaf_reserve(pack_ctx *pc, size_t n) {
  uint8_t *p;
  if (n <= pc->leaf_cap) return CTS_OK;
  p = realloc(pc->leaf, n);
  if (p == NULL) return CTS_ERR_NOMEM;
  pc->leaf = p;
  pc->leaf_cap = n;
  return CTS_OK;
}

static cts_status open_writer(pack_ctx *pc, const cts_entry *first) {
  uint64_t first_index = first != NULL && first->index_known ? first->index : 0;
  cts_status st = cts_dump_writer_open(pc->out_path, pc->log_origin,
                                       first_index, pc->tiles_per_frame,
                                       pc->level, &pc->writer);
  if (st != CTS_OK)
    fprintf(stderr, "ctscan pack: %s: %s%s%s\n", pc->out_path,
            cts_status_str(st), st == CTS_ERR_IO ? ": " : "",
            st == CTS_ERR_IO ? strerror(errno) : "");
  return st;
}

/* The chain as fingerprints: TileLeaf chains are already; a get-entries
 * chain (u24-prefixed DER certificates, RFC 6962 4.6) is hashed, and its
 * certificates added to the issuer bundle. Writes at p (room for
 * *out_len) and sets *out_len; 0 when the chain does not parse. */
static int chain_fingerprints(pack_ctx *pc, const cts_entry *e, uint8_t *p,
                              size_t room, size_t *out_len,
                              cts_status *out_st) {
  cts_der cur = e->chain, cert;
  size_t n = 0;
  *out_st = CTS_OK;
  if (e->chain_is_fingerprints) {
    if (e->chain.len > room) return 0;
    if (e->chain.len != 0) memcpy(p, e->chain.data, e->chain.len);
    *out_len = e->chain.len;
    return 1;
  }
  while (cur.len > 0) {
    if (!cts_der_get_u24_prefixed(&cur, &cert) || n + 32 > room) return 0;
    cts_sha256(cert.data, cert.len, p + n);
    n += 32;
    if (pc->writer != NULL &&
        (*out_st = cts_dump_writer_add_issuer(pc->writer, cert.data,
                                              cert.len)) != CTS_OK)
      return 0;
  }
  *out_len = n;
  return 1;
}

static cts_status pack_on_entry(void *ctx, const cts_entry *e) {
  pack_ctx *pc = ctx;
  size_t chain_room = e->chain_is_fingerprints ? e->chain.len
                                               : (e->chain.len / 3 + 1) * 32;
  size_t need = 8 + 2 + 32 + 3 + e->cert.len + e->tbs.len + 2 + 8 + 3 +
                e->pre_cert.len + 2 + chain_room;
  size_t pos = 0, chain_len = 0;
  uint8_t *p;
  cts_status st;
  const char *why = NULL;

  if (pc->writer == NULL && (st = open_writer(pc, e)) != CTS_OK) return st;
  if ((st = leaf_reserve(pc, need)) != CTS_OK) return st;
  p = pc->leaf;
  if (e->type == CTS_ENTRY_X509 && (e->cert.len == 0 || e->cert.len > 0xffffff))
    why = "x509 entry without a certificate that fits a u24";
  else if (e->type == CTS_ENTRY_PRECERT &&
           (e->issuer_key_hash == NULL || e->tbs.len == 0 ||
            e->tbs.len > 0xffffff || e->pre_cert.len > 0xffffff))
    why = "precert entry without issuer key hash or TBS";
  if (why == NULL) {
    pos += (size_t)put_u(p + pos, e->timestamp_ms, 8);
    pos += (size_t)put_u(p + pos, e->type == CTS_ENTRY_PRECERT ? 1 : 0, 2);
    if (e->type == CTS_ENTRY_X509) {
      pos += (size_t)put_u(p + pos, e->cert.len, 3);
      memcpy(p + pos, e->cert.data, e->cert.len);
      pos += e->cert.len;
    } else {
      memcpy(p + pos, e->issuer_key_hash, 32);
      pos += 32;
      pos += (size_t)put_u(p + pos, e->tbs.len, 3);
      memcpy(p + pos, e->tbs.data, e->tbs.len);
      pos += e->tbs.len;
    }
    if (e->index_known && e->index < ((uint64_t)1 << 40)) {
      /* CtExtensions: one Extension, leaf_index (type 0), uint40. */
      pos += (size_t)put_u(p + pos, 8, 2);
      pos += (size_t)put_u(p + pos, 0, 1);
      pos += (size_t)put_u(p + pos, 5, 2);
      pos += (size_t)put_u(p + pos, e->index, 5);
    } else {
      pos += (size_t)put_u(p + pos, 0, 2);
    }
    if (e->type == CTS_ENTRY_PRECERT) {
      pos += (size_t)put_u(p + pos, e->pre_cert.len, 3);
      if (e->pre_cert.len != 0) memcpy(p + pos, e->pre_cert.data, e->pre_cert.len);
      pos += e->pre_cert.len;
    }
    if (!chain_fingerprints(pc, e, p + pos + 2, need - pos - 2, &chain_len,
                            &st)) {
      if (st != CTS_OK) return st;
      chain_len = 0; /* an unreadable chain is dropped, the entry kept */
    }
    if (chain_len > 0xffff) chain_len = 0;
    pos += (size_t)put_u(p + pos, chain_len, 2);
    pos += chain_len;
    return cts_dump_writer_add_leaf(pc->writer, p, pos);
  }
  pc->skipped++;
  if (!pc->quiet)
    fprintf(stderr, "ctscan pack: %s: offset %" PRIu64 " index %" PRIu64
            ": %s, skipped\n", e->input != NULL ? e->input : "",
            e->offset, e->index, why);
  return CTS_OK;
}

static void pack_on_error(void *ctx, const char *input, uint64_t offset,
                          uint64_t index, uint64_t lost, const char *reason) {
  pack_ctx *pc = ctx;
  pc->lost += lost;
  pc->problems++;
  if (!pc->quiet)
    fprintf(stderr, "ctscan pack: %s: offset %" PRIu64 " index %" PRIu64
            ": %s (%" PRIu64 " entries not packed)\n",
            input, offset, index, reason, lost);
}

static void pack_warn(void *ctx, const char *path, const char *reason) {
  const pack_ctx *pc = ctx;
  if (!pc->quiet) fprintf(stderr, "ctscan pack: %s: %s\n", path, reason);
}

int cts_cli_pack(int argc, char **argv) {
  pack_ctx pc;
  cts_input_list inputs = {0};
  cts_entry_sink sink;
  cts_status st;
  int rc = 0, n_paths = 0;
  memset(&pc, 0, sizeof(pc));
  pc.level = CTS_DUMP_DEFAULT_LEVEL;
  pc.log_origin = "";
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      pc.out_path = argv[++i];
    } else if (strcmp(argv[i], "-K") == 0 && i + 1 < argc) {
      char *end;
      unsigned long k = strtoul(argv[++i], &end, 10);
      if (*end != '\0' || k == 0 || k > CTS_DUMP_MAX_TILES_PER_FRAME) {
        fprintf(stderr, "ctscan pack: -K wants 1 to %d\n",
                CTS_DUMP_MAX_TILES_PER_FRAME);
        return CTS_EXIT_USAGE;
      }
      pc.tiles_per_frame = (unsigned)k;
    } else if (strcmp(argv[i], "--level") == 0 && i + 1 < argc) {
      pc.level = atoi(argv[++i]);
    } else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc) {
      pc.log_origin = argv[++i];
    } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
      pc.quiet = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      pack_usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != 0) {
      fprintf(stderr, "ctscan pack: unknown or incomplete option %s\n", argv[i]);
      pack_usage(stderr);
      return CTS_EXIT_USAGE;
    } else {
      n_paths++;
    }
  }
  if (pc.out_path == NULL || n_paths == 0) {
    pack_usage(stderr);
    return CTS_EXIT_USAGE;
  }
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "-K") == 0 ||
        strcmp(argv[i], "--level") == 0 || strcmp(argv[i], "--log") == 0) {
      i++;
      continue;
    }
    if (argv[i][0] == '-' && argv[i][1] != 0) continue;
    st = cts_source_expand(argv[i], &inputs, pack_warn, &pc);
    if (st == CTS_ERR_NOMEM) {
      rc = CTS_EXIT_INTERNAL;
      goto free_inputs;
    }
    if (st != CTS_OK) rc = CTS_EXIT_USAGE; /* unreadable: pack the rest */
  }
  sink.on_entry = pack_on_entry;
  sink.on_error = pack_on_error;
  sink.ctx = &pc;
  st = cts_scan_read_entries(&inputs, &sink);
  if (st == CTS_OK && pc.writer == NULL) st = open_writer(&pc, NULL);
  if (st != CTS_OK) {
    if (pc.writer != NULL) cts_dump_writer_abort(pc.writer);
    if (pc.writer != NULL || st != CTS_ERR_IO)
      fprintf(stderr, "ctscan pack: %s\n", cts_status_str(st));
    rc = st == CTS_ERR_IO || st == CTS_ERR_USAGE ? CTS_EXIT_USAGE
                                                 : CTS_EXIT_INTERNAL;
    goto free_inputs;
  }
  {
    uint64_t entries = cts_dump_writer_entries(pc.writer);
    st = cts_dump_writer_close(pc.writer);
    if (st != CTS_OK) {
      fprintf(stderr, "ctscan pack: %s: %s\n", pc.out_path, cts_status_str(st));
      rc = CTS_EXIT_USAGE;
      goto free_inputs;
    }
    if (!pc.quiet)
      fprintf(stderr,
              "ctscan pack: %s: %" PRIu64 " entries%s%" PRIu64
              " not packed (%" PRIu64 " problems)\n",
              pc.out_path, entries, ", ", pc.lost + pc.skipped, pc.problems);
  }
free_inputs:
  free(pc.leaf);
  cts_input_list_free(&inputs);
  return rc;
}
