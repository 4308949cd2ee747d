/* libFuzzer target for the YAML configuration loader (src/config/).
 *
 * cts_config_load reads a path, so each input is written to a file in a
 * private temporary folder: the bytes before the first NUL as config.yaml,
 * those after it (if any) as ccadb.csv beside it, which a `ccadb_csv:
 * ccadb.csv` line of the YAML loads (the CCADB reader is fuzzed too).
 * Checks:
 *  - a failed load says "PATH:LINE:COLUMN: message" with PATH the file
 *    loaded, also when the message buffer is too small (then it is cut,
 *    still NUL-terminated); a successful one leaves err alone;
 *  - a loaded configuration covers every lint, applies to every status a
 *    valid status, keeps NA for a disabled lint, and has owners with a
 *    name, a known match kind and a key of at most 32 bytes;
 *  - cts_config_owner runs over every owner without a fault.
 *
 * The configuration may name any file as ccadb_csv; so that fuzzing never
 * reads a device or a file outside the temporary folder, an input whose
 * YAML holds "..", a backslash (YAML escapes could spell any path) or an
 * absolute path into /dev, /proc or /sys is skipped.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/config.h"
#include "ctscan/lint.h"
#include "ctscan/stats.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char g_dir[64];
static char g_yaml[96];
static char g_csv[96];

static void cleanup(void) {
  unlink(g_yaml);
  unlink(g_csv);
  rmdir(g_dir);
}

static void init_once(void) {
  if (g_dir[0] != '\0') return;
  snprintf(g_dir, sizeof(g_dir), "/tmp/ctscan-fuzz-config-XXXXXX");
  if (mkdtemp(g_dir) == NULL) abort();
  snprintf(g_yaml, sizeof(g_yaml), "%s/config.yaml", g_dir);
  snprintf(g_csv, sizeof(g_csv), "%s/ccadb.csv", g_dir);
  atexit(cleanup);
}

static int contains(const uint8_t *data, size_t size, const char *what) {
  size_t n = strlen(what);
  for (size_t i = 0; i + n <= size; i++)
    if (memcmp(data + i, what, n) == 0) return 1;
  return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (f == NULL) abort();
  if (size > 0 && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f) != 0) abort();
}

static void check_error(const char *err, size_t err_len) {
  size_t n = strlen(g_yaml);
  CHECK(memchr(err, '\0', err_len) != NULL);
  /* "PATH:LINE:COLUMN: message", cut to what fits. */
  if (err_len > n + 1) {
    CHECK(strncmp(err, g_yaml, n) == 0 && err[n] == ':');
  } else {
    CHECK(strncmp(err, g_yaml, err_len - 1) == 0);
  }
}

static void check_config(const cts_config *c) {
  size_t n;
  cts_ca_stats ca;
  static const uint8_t empty_name[] = {0x30, 0x00};
  (void)cts_lints(&n);
  CHECK(c->n_lints == n && c->enabled != NULL && c->severity != NULL);
  for (size_t i = 0; i < n; i++) {
    CHECK(c->severity[i] >= CTS_LINT_NA && c->severity[i] <= CTS_LINT_FATAL);
    for (int s = CTS_LINT_NA; s <= CTS_LINT_FATAL; s++) {
      cts_lint_status r = cts_config_apply(c, i, (cts_lint_status)s);
      CHECK(r >= CTS_LINT_NA && r <= CTS_LINT_FATAL);
      if (!c->enabled[i]) CHECK(r == CTS_LINT_NA);
    }
  }
  CHECK(c->n_owners == 0 || c->owners != NULL);
  for (size_t i = 0; i < c->n_owners; i++) {
    const cts_owner *o = &c->owners[i];
    CHECK(o->name != NULL);
    CHECK(o->match == CTS_OWNER_KEY_HASH || o->match == CTS_OWNER_KEY_ID ||
          o->match == CTS_OWNER_DN);
    CHECK(o->key_len <= sizeof(o->key));
    if (o->match == CTS_OWNER_DN) CHECK(o->dn != NULL);
  }
  /* A CA that matches the first owner of each kind, and one that matches
   * none: the lookup must stop on a match or run off the end cleanly. */
  memset(&ca, 0, sizeof(ca));
  ca.issuer_dn = (uint8_t *)empty_name;
  ca.issuer_dn_len = sizeof(empty_name);
  (void)cts_config_owner(c, &ca);
  for (size_t i = 0; i < c->n_owners; i++) {
    const cts_owner *o = &c->owners[i];
    const char *name;
    memset(&ca, 0, sizeof(ca));
    ca.issuer_dn = (uint8_t *)empty_name;
    ca.issuer_dn_len = sizeof(empty_name);
    if (o->match == CTS_OWNER_KEY_HASH) {
      memcpy(ca.issuer_key_hash, o->key, 32);
      ca.has_issuer_key_hash = 1;
    } else if (o->match == CTS_OWNER_KEY_ID) {
      ca.aki = (uint8_t *)o->key;
      ca.aki_len = o->key_len;
    } else {
      continue;
    }
    name = cts_config_owner(c, &ca);
    CHECK(name != NULL);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nul = memchr(data, 0, size);
  size_t yaml_len = nul != NULL ? (size_t)(nul - data) : size;
  cts_config config;
  char err[512];
  cts_status st;
  init_once();
  if (size > 65536) return 0;
  if (contains(data, yaml_len, "..") || contains(data, yaml_len, "\\") ||
      contains(data, yaml_len, "/dev") || contains(data, yaml_len, "/proc") ||
      contains(data, yaml_len, "/sys"))
    return 0;
  write_file(g_yaml, data, yaml_len);
  if (nul != NULL) write_file(g_csv, nul + 1, size - yaml_len - 1);
  else unlink(g_csv);

  memset(err, 0x55, sizeof(err));
  err[0] = '\0';
  st = cts_config_load(g_yaml, &config, err, sizeof(err));
  if (st == CTS_OK) {
    CHECK(err[0] == '\0');
    check_config(&config);
    cts_config_free(&config);
    return 0;
  }
  CHECK(st < 0);
  check_error(err, sizeof(err));
  /* The same failure into a buffer too small for the message. */
  {
    char small[24];
    memset(small, 0x55, sizeof(small));
    CHECK(cts_config_load(g_yaml, &config, small, sizeof(small)) == st);
    check_error(small, sizeof(small));
  }
  return 0;
}
