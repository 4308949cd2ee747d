/* The YAML configuration (design.md "Command line"): which lints run,
 * severity overrides, population-lint thresholds, CA owner names (inline, or from a CCADB
 * AllCertificateRecords CSV). A bad file is an error naming the file, the
 * line and the column; no scan starts on it. */
#ifndef CTSCAN_CONFIG_H
#define CTSCAN_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/lint.h"
#include "ctscan/stats.h"
#include "ctscan/status.h"

typedef enum cts_owner_match {
  CTS_OWNER_KEY_HASH = 0, /* issuer_key_hash: SHA-256 of the issuer's SPKI */
  CTS_OWNER_KEY_ID,       /* the issuer's subject key identifier, which
                             its certificates carry as AKI keyIdentifier */
  CTS_OWNER_DN,           /* the issuer DN as ctscan prints it */
} cts_owner_match;

typedef struct cts_owner {
  cts_owner_match match;
  uint8_t key[32]; /* KEY_HASH: 32 bytes; KEY_ID: key_len bytes */
  size_t key_len;
  char *dn;        /* DN: the DN string */
  char *name;      /* the owner's name */
} cts_owner;

typedef struct cts_config {
  int is_default;          /* every lint enabled, no override */
  size_t n_lints;
  uint8_t *enabled;        /* per lint of cts_lints(): 1 runs, 0 skipped */
  cts_lint_status *severity; /* per lint: CTS_LINT_NA = unchanged, else
                                the status every finding is reported as */
  cts_owner *owners;
  size_t n_owners;
  cts_pop_thresholds thresholds; /* population lints (stats.h) */
} cts_config;

/* A configuration with every lint enabled and nothing else. */
cts_status cts_config_default(cts_config *config);
/* Loads path. On an error, err gets "FILE:LINE:COLUMN: message". */
cts_status cts_config_load(const char *path, cts_config *config, char *err,
                           size_t err_len);
void cts_config_free(cts_config *config);

/* Applies the configuration to one lint's result. */
cts_lint_status cts_config_apply(const cts_config *config, size_t lint,
                                 cts_lint_status status);
/* The owner name of a CA, or NULL. */
const char *cts_config_owner(const cts_config *config, const cts_ca_stats *ca);

#endif
