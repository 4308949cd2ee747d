/* `ctscan lint` (one zlint-format JSON object per certificate) and
 * `ctscan list-lints` (one JSON object per lint). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "ctscan/check.h"
#include "ctscan/container.h"
#include "ctscan/lint.h"
#include "src/report/json_writer.h"

typedef struct lint_run {
  cts_checker checker;
  cts_format want; /* CTS_FORMAT_UNKNOWN: any */
  int failures;
} lint_run;

/* {"e_x":{"result":"pass"},...} with every lint, NA included, as zlint
 * prints it. */
static void print_results(const cts_checker *c) {
  cts_json j;
  cts_json_init(&j, stdout);
  cts_json_begin_object(&j);
  for (size_t i = 0; i < c->n_lints; i++) {
    cts_json_key(&j, c->lints[i].name);
    cts_json_begin_object(&j);
    cts_json_key(&j, "result");
    cts_json_string(&j, c->results[i] == CTS_LINT_NE
                            ? "NE"
                            : cts_lint_status_str(c->results[i]));
    cts_json_end_object(&j);
  }
  cts_json_end_object(&j);
  fputc('\n', stdout);
}

static cts_status on_entry(void *ctx, const cts_entry *entry) {
  lint_run *run = ctx;
  int is_tbs;
  const char *reason = NULL;
  cts_der target = cts_entry_lint_target(entry, &is_tbs);
  cts_status st = cts_checker_run(&run->checker, target.data, target.len,
                                  is_tbs, &reason);
  if (st == CTS_ERR_FORMAT) {
    fprintf(stderr, "ctscan lint: %s: certificate %llu: %s\n", entry->input,
            (unsigned long long)entry->index, reason);
    run->failures++;
    return CTS_OK;
  }
  if (st != CTS_OK) return st;
  print_results(&run->checker);
  return CTS_OK;
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {
  lint_run *run = ctx;
  fprintf(stderr, "ctscan lint: %s: offset %llu: %s\n", input,
          (unsigned long long)offset, reason);
  run->failures++;
}

static int lint_file(lint_run *run, const char *path) {
  cts_stream *stream = NULL;
  cts_input in = {(char *)path, 0, 0, 0};
  cts_entry_sink sink = {on_entry, on_error, run};
  const uint8_t *head;
  size_t avail;
  cts_status st = cts_stream_open_file(path, &stream);
  if (st != CTS_OK) {
    fprintf(stderr, "ctscan lint: %s: %s\n", path, cts_status_str(st));
    return CTS_EXIT_USAGE;
  }
  if (run->want != CTS_FORMAT_UNKNOWN &&
      (cts_stream_peek(stream, 64, &head, &avail) != CTS_OK ||
       cts_container_detect(head, avail) != run->want)) {
    fprintf(stderr, "ctscan lint: %s: not %s\n", path,
            cts_format_name(run->want));
    cts_stream_close(stream);
    return CTS_EXIT_USAGE;
  }
  st = cts_container_read(stream, &in, &sink);
  cts_stream_close(stream);
  return st == CTS_OK ? 0 : CTS_EXIT_INTERNAL;
}

int cts_cli_lint(int argc, char **argv) {
  lint_run run;
  int rc = 0, files = 0;
  memset(&run, 0, sizeof(run));
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
      i++;
      if (strcmp(argv[i], "pem") == 0) run.want = CTS_FORMAT_PEM;
      else if (strcmp(argv[i], "der") == 0) run.want = CTS_FORMAT_DER;
      else {
        fprintf(stderr, "ctscan lint: --format pem|der\n");
        return CTS_EXIT_USAGE;
      }
    } else if (argv[i][0] == '-') {
      fprintf(stderr, "usage: ctscan lint [--format pem|der] FILE...\n");
      return CTS_EXIT_USAGE;
    } else {
      files++;
    }
  }
  if (files == 0) {
    fprintf(stderr, "usage: ctscan lint [--format pem|der] FILE...\n");
    return CTS_EXIT_USAGE;
  }
  /* Every certificate is parsed by OpenSSL: all statuses are exact. */
  if (cts_checker_init(&run.checker, 1) != CTS_OK) return CTS_EXIT_INTERNAL;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--format") == 0) {
      i++;
      continue;
    }
    int file_rc = lint_file(&run, argv[i]);
    if (file_rc > rc) rc = file_rc;
  }
  cts_checker_free(&run.checker);
  if (rc == 0 && run.failures > 0) rc = CTS_EXIT_USAGE;
  return rc;
}

static void put_date(cts_json *j, int64_t t) {
  char buf[32];
  time_t tt = (time_t)t;
  struct tm tm;
  if (t == 0 || gmtime_r(&tt, &tm) == NULL) {
    cts_json_null(j);
    return;
  }
  strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  cts_json_string(j, buf);
}

int cts_cli_list_lints(int argc, char **argv) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  if (argc > 0) {
    fprintf(stderr, "usage: ctscan list-lints\n");
    return CTS_EXIT_USAGE;
  }
  for (size_t i = 0; i < n; i++) {
    cts_json j;
    cts_json_init(&j, stdout);
    cts_json_begin_object(&j);
    cts_json_key(&j, "name");
    cts_json_string(&j, all[i].name);
    cts_json_key(&j, "description");
    cts_json_string(&j, all[i].description);
    cts_json_key(&j, "citation");
    cts_json_string(&j, all[i].citation);
    cts_json_key(&j, "source");
    cts_json_string(&j, cts_lint_source_str(all[i].source));
    cts_json_key(&j, "effective_date");
    put_date(&j, all[i].effective);
    cts_json_key(&j, "ineffective_date");
    put_date(&j, all[i].ineffective);
    cts_json_key(&j, "kind");
    cts_json_string(&j, all[i].gate != NULL ? "full" : "summary");
    cts_json_end_object(&j);
    fputc('\n', stdout);
  }
  return 0;
}
