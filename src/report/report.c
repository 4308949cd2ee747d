/* The stats JSON and the terminal table. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/lint.h"
#include "ctscan/report.h"
#include "ctscan/sha256.h"
#include "ctscan/sieve.h"
#include "ctscan/version.h"
#include "json_writer.h"

static void write_errors(cts_json *j, const cts_stats *stats) {
  cts_json_key(j, "errors");
  cts_json_begin_array(j);
  for (size_t i = 0; i < stats->n_errors; i++) {
    const cts_error_record *e = &stats->errors[i];
    cts_json_begin_object(j);
    cts_json_key(j, "input");
    cts_json_string(j, e->input);
    cts_json_key(j, "offset");
    cts_json_uint(j, e->offset);
    cts_json_key(j, "index");
    cts_json_uint(j, e->index);
    cts_json_key(j, "entries");
    cts_json_uint(j, e->lost);
    cts_json_key(j, "reason");
    cts_json_string(j, e->reason);
    cts_json_end_object(j);
  }
  cts_json_end_array(j);
  cts_json_key(j, "errors_omitted");
  cts_json_uint(j, stats->errors_omitted);
}

static void write_totals(cts_json *j, const cts_stats *stats) {
  cts_json_key(j, "totals");
  cts_json_begin_object(j);
  cts_json_key(j, "entries");
  cts_json_uint(j, stats->entries);
  cts_json_key(j, "x509");
  cts_json_uint(j, stats->x509);
  cts_json_key(j, "precert");
  cts_json_uint(j, stats->precert);
  cts_json_key(j, "fully_parsed");
  cts_json_uint(j, stats->fully_parsed);
  cts_json_key(j, "clean");
  cts_json_uint(j, stats->clean);
  cts_json_key(j, "flagged");
  cts_json_uint(j, stats->flagged);
  cts_json_key(j, "unparseable");
  cts_json_uint(j, stats->unparseable);
  write_errors(j, stats);
  cts_json_end_object(j);
}

/* "lints": {"e_x": {"error": n, "warn": n, "info": n}}, lints with
 * findings only. */
static void write_ca_lints(cts_json *j, const cts_stats *stats,
                           const cts_ca_stats *ca) {
  size_t n;
  const cts_lint *lints = cts_lints(&n);
  cts_json_key(j, "lints");
  cts_json_begin_object(j);
  for (size_t i = 0; i < stats->n_lints && i < n; i++) {
    const uint64_t *row = ca->lint_counts + i * CTS_STATS_LINT_COLUMNS;
    if (row[0] + row[1] + row[2] == 0) continue;
    cts_json_key(j, lints[i].name);
    cts_json_begin_object(j);
    cts_json_key(j, "error");
    cts_json_uint(j, row[CTS_STATS_ERROR]);
    cts_json_key(j, "warn");
    cts_json_uint(j, row[CTS_STATS_WARN]);
    cts_json_key(j, "info");
    cts_json_uint(j, row[CTS_STATS_INFO]);
    cts_json_end_object(j);
  }
  cts_json_end_object(j);
}

static void write_ca(cts_json *j, const cts_stats *stats,
                     const cts_ca_stats *ca) {
  char hex[2 * 32 + 1];
  char dn[1024];
  cts_json_begin_object(j);
  cts_hex(ca->id, CTS_CA_ID_LEN, hex);
  cts_json_key(j, "id");
  cts_json_string(j, hex);
  cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, sizeof(dn));
  cts_json_key(j, "issuer_dn");
  cts_json_string(j, dn);
  cts_json_key(j, "authority_key_id");
  if (ca->aki != NULL && ca->aki_len <= 32) {
    cts_hex(ca->aki, ca->aki_len, hex);
    cts_json_string(j, hex);
  } else {
    cts_json_null(j);
  }
  cts_json_key(j, "issuer_key_hash");
  if (ca->has_issuer_key_hash) {
    cts_hex(ca->issuer_key_hash, 32, hex);
    cts_json_string(j, hex);
  } else {
    cts_json_null(j);
  }
  cts_json_key(j, "entries");
  cts_json_uint(j, ca->entries);
  cts_json_key(j, "x509");
  cts_json_uint(j, ca->x509);
  cts_json_key(j, "precert");
  cts_json_uint(j, ca->precert);
  cts_json_key(j, "flagged");
  cts_json_uint(j, ca->flagged);
  write_ca_lints(j, stats, ca);
  cts_json_key(j, "key_types");
  cts_json_begin_object(j);
  for (size_t k = 0; k < ca->n_keys; k++) {
    cts_json_key(j, ca->keys[k].label);
    cts_json_uint(j, ca->keys[k].count);
  }
  if (ca->keys_other > 0) {
    cts_json_key(j, "other");
    cts_json_uint(j, ca->keys_other);
  }
  cts_json_end_object(j);
  cts_json_end_object(j);
}

cts_status cts_report_json(const cts_stats *stats, FILE *out) {
  cts_json j;
  size_t n;
  const cts_ca_stats **cas = cts_stats_sorted_cas(stats, &n);
  if (cas == NULL && stats->n_cas > 0) return CTS_ERR_NOMEM;
  cts_json_init(&j, out);
  cts_json_begin_object(&j);
  cts_json_key(&j, "schema");
  cts_json_uint(&j, CTS_STATS_SCHEMA);
  cts_json_key(&j, "ctscan_version");
  cts_json_string(&j, CTS_VERSION);
  write_totals(&j, stats);
  cts_json_key(&j, "cas");
  cts_json_begin_array(&j);
  for (size_t i = 0; i < n; i++) write_ca(&j, stats, cas[i]);
  cts_json_end_array(&j);
  cts_json_end_object(&j);
  fputc('\n', out);
  free(cas);
  return ferror(out) ? CTS_ERR_IO : CTS_OK;
}

/* The two most common key kinds, "RSA-2048 80%, EC-P256 20%". */
static void top_keys(const cts_ca_stats *ca, char *buf, size_t len) {
  size_t best[2] = {SIZE_MAX, SIZE_MAX};
  size_t used = 0;
  buf[0] = 0;
  for (size_t k = 0; k < ca->n_keys; k++) {
    if (best[0] == SIZE_MAX || ca->keys[k].count > ca->keys[best[0]].count) {
      best[1] = best[0];
      best[0] = k;
    } else if (best[1] == SIZE_MAX ||
               ca->keys[k].count > ca->keys[best[1]].count) {
      best[1] = k;
    }
  }
  for (int i = 0; i < 2 && best[i] != SIZE_MAX && used < len; i++) {
    const cts_key_count *kc = &ca->keys[best[i]];
    int w = snprintf(buf + used, len - used, "%s%s %.0f%%", i ? ", " : "",
                     kc->label, 100.0 * (double)kc->count / (double)ca->entries);
    if (w < 0) break;
    used += (size_t)w;
  }
}

void cts_report_table(const cts_stats *stats, FILE *out) {
  size_t n;
  const cts_ca_stats **cas = cts_stats_sorted_cas(stats, &n);
  char dn[72], keys[64];
  fprintf(out, "%-64s %10s %10s %10s %10s  %s\n", "CA (issuer DN)",
          "entries", "x509", "precert", "flagged", "keys");
  for (size_t i = 0; i < n; i++) {
    const cts_ca_stats *ca = cas[i];
    cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, 65);
    top_keys(ca, keys, sizeof(keys));
    fprintf(out,
            "%-64s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64
            "  %s\n",
            dn, ca->entries, ca->x509, ca->precert, ca->flagged, keys);
  }
  fprintf(out,
          "\n%zu CAs; %" PRIu64 " entries (%" PRIu64 " x509, %" PRIu64
          " precert): %" PRIu64 " clean, %" PRIu64 " flagged, %" PRIu64
          " unparseable\n",
          n, stats->entries, stats->x509, stats->precert, stats->clean,
          stats->flagged, stats->unparseable);
  for (size_t i = 0; i < stats->n_errors && i < 10; i++)
    fprintf(out, "  unparseable: %s offset %" PRIu64 " index %" PRIu64 ": %s\n",
            stats->errors[i].input, stats->errors[i].offset,
            stats->errors[i].index, stats->errors[i].reason);
  if (stats->n_errors > 10 || stats->errors_omitted > 0)
    fprintf(out, "  ... %" PRIu64 " more (see --json)\n",
            (uint64_t)(stats->n_errors - (stats->n_errors > 10 ? 10 : stats->n_errors)) +
                stats->errors_omitted);
  free(cas);
}
