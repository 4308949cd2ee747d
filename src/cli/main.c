/* ctscan command line (design.md "Command line").
 * Exit status: 0 done (findings are not errors), 1 bad usage or unreadable
 * input, 2 internal error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/config.h"
#include "ctscan/report.h"
#include "ctscan/scan.h"
#include "ctscan/source.h"
#include "ctscan/version.h"
#include "simd/scan.h"

#include "cli.h"

#define EXIT_USAGE CTS_EXIT_USAGE
#define EXIT_INTERNAL CTS_EXIT_INTERNAL

static void usage(FILE *out) {
  fprintf(out,
          "usage: ctscan scan [--json FILE] [--findings FILE] [--csv FILE]\n"
          "                   [--html FILE] [--full]\n"
          "                   [--config FILE.yaml] [--kernel scalar|avx2|neon]\n"
          "                   [--threads N] [--progress] [--quiet] INPUT...\n"
          "       ctscan pack [-K tiles_per_frame] -o OUT.tiles.zst INPUT...\n"
          "       ctscan lint [--format pem|der] FILE...\n"
          "       ctscan list-lints\n"
          "       ctscan merge -o OUT.json [--config F.yaml] STATS.json...\n"
          "       ctscan --version\n"
          "\n"
          "INPUT: files or directories: static-ct-api log trees or tile\n"
          "files (raw, gzip or zstd), RFC 6962 get-entries JSON, DER or PEM\n"
          "certificates. The format is detected from the content.\n");
}

static void warn_path(void *ctx, const char *path, const char *reason) {
  const cts_scan_options *options = ctx;
  if (!options->quiet) fprintf(stderr, "ctscan: %s: %s\n", path, reason);
}

typedef cts_status (*report_fn)(const cts_stats *stats,
                                const cts_config *config, FILE *out);

static int write_report(const cts_stats *stats, const cts_config *config,
                        const char *path, report_fn write) {
  FILE *f = fopen(path, "w");
  cts_status st;
  if (f == NULL) {
    fprintf(stderr, "ctscan: %s: %s\n", path, strerror(errno));
    return EXIT_USAGE;
  }
  st = write(stats, config, f);
  if (fclose(f) != 0 && st == CTS_OK) st = CTS_ERR_IO;
  if (st != CTS_OK) {
    fprintf(stderr, "ctscan: %s: %s\n", path, cts_status_str(st));
    return EXIT_USAGE;
  }
  return 0;
}

static int option_takes_value(const char *arg) {
  static const char *const with_value[] = {"--json", "--csv", "--findings",
                                           "--kernel", "--config", "--html",
                                           "--threads"};
  for (size_t k = 0; k < sizeof(with_value) / sizeof(with_value[0]); k++)
    if (strcmp(arg, with_value[k]) == 0) return 1;
  return 0;
}

static int cmd_scan(int argc, char **argv) {
  cts_scan_options options = {.progress = 1};
  cts_input_list inputs = {0};
  cts_stats stats;
  const char *json_path = NULL, *csv_path = NULL, *findings_path = NULL;
  const char *config_path = NULL, *html_path = NULL;
  cts_config config;
  char config_err[512];
  int rc = 0, n_paths = 0;
  cts_status st;

  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
      json_path = argv[++i];
    } else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else if (strcmp(argv[i], "--html") == 0 && i + 1 < argc) {
      html_path = argv[++i];
    } else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc) {
      csv_path = argv[++i];
    } else if (strcmp(argv[i], "--findings") == 0 && i + 1 < argc) {
      findings_path = argv[++i];
    } else if (strcmp(argv[i], "--kernel") == 0 && i + 1 < argc) {
      if (cts_simd_select(argv[++i]) != 0) {
        fprintf(stderr, "ctscan scan: kernel %s is not available here\n",
                argv[i]);
        return EXIT_USAGE;
      }
    } else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      char *end;
      unsigned long n = strtoul(argv[++i], &end, 10);
      if (*end != '\0' || n == 0 || n > 4096) {
        fprintf(stderr, "ctscan scan: --threads wants 1 to 4096\n");
        return EXIT_USAGE;
      }
      options.threads = (unsigned)n;
    } else if (strcmp(argv[i], "--progress") == 0) {
      options.progress = 2;
    } else if (strcmp(argv[i], "--full") == 0) {
      options.full = 1;
    } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
      options.quiet = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1] != 0) {
      fprintf(stderr, "ctscan scan: unknown or incomplete option %s\n",
              argv[i]);
      usage(stderr);
      return EXIT_USAGE;
    } else {
      n_paths++;
    }
  }
  if (n_paths == 0) {
    usage(stderr);
    return EXIT_USAGE;
  }
  /* A bad configuration stops everything before the scan starts. */
  st = config_path != NULL
           ? cts_config_load(config_path, &config, config_err, sizeof(config_err))
           : cts_config_default(&config);
  if (st != CTS_OK) {
    fprintf(stderr, "ctscan: %s\n", config_path != NULL ? config_err : cts_status_str(st));
    return st == CTS_ERR_NOMEM ? EXIT_INTERNAL : EXIT_USAGE;
  }
  options.config = &config;
  for (int i = 0; i < argc; i++) {
    if (option_takes_value(argv[i])) {
      i++;
      continue;
    }
    if (argv[i][0] == '-' && argv[i][1] != 0) continue;
    st = cts_source_expand(argv[i], &inputs, warn_path, &options);
    if (st == CTS_ERR_NOMEM) {
      rc = EXIT_INTERNAL;
      goto free_inputs;
    }
    if (st != CTS_OK) rc = EXIT_USAGE; /* unreadable: scan the rest */
  }
  if (findings_path != NULL &&
      (options.findings = fopen(findings_path, "w")) == NULL) {
    fprintf(stderr, "ctscan: %s: %s\n", findings_path, strerror(errno));
    rc = EXIT_USAGE;
    goto free_inputs;
  }
  st = cts_scan_inputs(&inputs, &options, &stats);
  if (options.findings != NULL && fclose(options.findings) != 0) {
    fprintf(stderr, "ctscan: %s: %s\n", findings_path, strerror(errno));
    rc = EXIT_USAGE;
  }
  if (st != CTS_OK) {
    fprintf(stderr, "ctscan: scan failed: %s\n", cts_status_str(st));
    rc = EXIT_INTERNAL;
    goto free_inputs;
  }
  cts_report_table(&stats, stdout);
  if (json_path != NULL) {
    int json_rc = write_report(&stats, &config, json_path, cts_report_json);
    if (json_rc != 0) rc = json_rc;
  }
  if (csv_path != NULL) {
    int csv_rc = write_report(&stats, &config, csv_path, cts_report_csv);
    if (csv_rc != 0) rc = csv_rc;
  }
  if (html_path != NULL) {
    int html_rc = write_report(&stats, &config, html_path, cts_report_html);
    if (html_rc != 0) rc = html_rc;
  }
  cts_stats_free(&stats);
free_inputs:
  cts_input_list_free(&inputs);
  cts_config_free(&config);
  return rc;
}

int main(int argc, char **argv) {
  /* The kernel is chosen once, before any work: CTSCAN_KERNEL or the best
   * this CPU runs. */
  if (cts_simd_select(NULL) != 0) {
    fprintf(stderr, "ctscan: CTSCAN_KERNEL names a kernel this build or CPU lacks\n");
    return EXIT_USAGE;
  }
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "scan") == 0) return cmd_scan(argc - 2, argv + 2);
  if (strcmp(argv[1], "lint") == 0) return cts_cli_lint(argc - 2, argv + 2);
  if (strcmp(argv[1], "pack") == 0) return cts_cli_pack(argc - 2, argv + 2);
  if (strcmp(argv[1], "merge") == 0) return cts_cli_merge(argc - 2, argv + 2);
  if (strcmp(argv[1], "list-lints") == 0)
    return cts_cli_list_lints(argc - 2, argv + 2);
  if (strcmp(argv[1], "--version") == 0) {
    printf("ctscan %s (kernel %s)\n", CTS_VERSION, cts_simd_kernel_name());
    return 0;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return 0;
  }
  fprintf(stderr, "ctscan: unknown command %s\n", argv[1]);
  usage(stderr);
  return EXIT_USAGE;
}
