/* `ctscan merge -o OUT.json [--config F.yaml] STATS.json...`: combines the
 * stats of shards (say, one per log or per range of a log) into the stats
 * of the whole. Sums add, sketches merge exactly (HyperLogLog registers by
 * maximum; a finding counted in two shards — a precert in one, its
 * certificate in the other — is counted once). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "ctscan/config.h"
#include "ctscan/report.h"

int cts_cli_merge(int argc, char **argv) {
  const char *out_path = NULL, *config_path = NULL;
  cts_stats total, part;
  cts_config config;
  char err[512];
  int rc = 0, inputs = 0;
  FILE *out;
  size_t n_lints;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) out_path = argv[++i];
    else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) config_path = argv[++i];
    else if (argv[i][0] == '-') out_path = NULL, inputs = -1000;
    else inputs++;
  }
  if (out_path == NULL || inputs <= 0) {
    fprintf(stderr, "usage: ctscan merge -o OUT.json [--config F.yaml] STATS.json...\n");
    return CTS_EXIT_USAGE;
  }
  if ((config_path != NULL ? cts_config_load(config_path, &config, err, sizeof(err))
                           : cts_config_default(&config)) != CTS_OK) {
    fprintf(stderr, "ctscan merge: %s\n", config_path != NULL ? err : "out of memory");
    return CTS_EXIT_USAGE;
  }
  (void)cts_lints(&n_lints);
  if (cts_stats_init(&total, n_lints) != CTS_OK) {
    cts_config_free(&config);
    return CTS_EXIT_INTERNAL;
  }
  for (int i = 0; i < argc && rc == 0; i++) {
    if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--config") == 0) {
      i++;
      continue;
    }
    cts_status st = cts_report_load_json(argv[i], &part, err, sizeof(err));
    if (st == CTS_OK) st = cts_stats_merge(&total, &part);
    if (st != CTS_OK) {
      fprintf(stderr, "ctscan merge: %s: %s\n", argv[i],
              st == CTS_ERR_NOMEM ? "out of memory" : err);
      rc = st == CTS_ERR_NOMEM ? CTS_EXIT_INTERNAL : CTS_EXIT_USAGE;
    }
    cts_stats_free(&part);
  }
  if (rc == 0) {
    cts_stats_sort_errors(&total); /* as a scan orders them */
    if ((out = fopen(out_path, "w")) == NULL ||
        cts_report_json(&total, &config, out) != CTS_OK) {
      fprintf(stderr, "ctscan merge: cannot write %s\n", out_path);
      rc = CTS_EXIT_USAGE;
    }
    if (out != NULL && fclose(out) != 0) rc = CTS_EXIT_USAGE;
  }
  cts_stats_free(&total);
  cts_config_free(&config);
  return rc;
}
