/* The YAML configuration, read with libfyaml.
 *
 *   lints:
 *     enable: [e_a, w_b]        # only these run (default: all)
 *     disable: [n_c]            # these do not run
 *     severity: {w_b: error}    # every finding of w_b is reported as error
 *   owners:
 *     - name: Example CA Ltd
 *       issuer_key_hash: <64 hex>   # or key_id: <hex>, or issuer_dn: "C=.."
 *   ccadb_csv: AllCertificateRecords.csv   # relative to this file
 *   thresholds:
 *     serial_entropy_bits: 64   # BR 7.1: at least 64 bits from a CSPRNG
 *     typo_window_hours: 24     # typo reissues: certificates this close
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfyaml.h>

#include "ccadb.h"
#include "ctscan/codec.h"
#include "ctscan/config.h"
#include "ctscan/sieve.h"

typedef struct loader {
  const char *path;
  cts_config *config;
  char *err;
  size_t err_len;
} loader;

/* "FILE:LINE:COLUMN: message" at node (lines and columns from 1). */
static cts_status fail_at(loader *ld, struct fy_node *node, const char *fmt,
                          ...) {
  int line = 0, column = 0, n;
  va_list ap;
  struct fy_token *tok = node != NULL ? fy_node_get_scalar_token(node) : NULL;
  const struct fy_mark *mark = tok != NULL ? fy_token_start_mark(tok) : NULL;
  if (mark != NULL) {
    line = mark->line + 1;
    column = mark->column + 1;
  }
  n = snprintf(ld->err, ld->err_len, "%s:%d:%d: ", ld->path, line, column);
  va_start(ap, fmt);
  if (n >= 0 && (size_t)n < ld->err_len)
    vsnprintf(ld->err + n, ld->err_len - (size_t)n, fmt, ap);
  va_end(ap);
  return CTS_ERR_USAGE;
}

static int lint_index(const char *name, size_t *out) {
  size_t n;
  const cts_lint *all = cts_lints(&n);
  const cts_lint *l = cts_lint_find(name);
  if (l == NULL) return 0;
  *out = (size_t)(l - all);
  return 1;
}

static const char *scalar(struct fy_node *node) {
  if (node == NULL || fy_node_get_type(node) != FYNT_SCALAR) return NULL;
  return fy_node_get_scalar0(node);
}

/* A sequence of lint names: sets enabled[i] = value for each. */
static cts_status lint_list(loader *ld, struct fy_node *seq, uint8_t value,
                            int reset_others) {
  void *it = NULL;
  struct fy_node *item;
  size_t i;
  if (fy_node_get_type(seq) != FYNT_SEQUENCE)
    return fail_at(ld, seq, "expected a list of lint names");
  if (reset_others) memset(ld->config->enabled, 0, ld->config->n_lints);
  while ((item = fy_node_sequence_iterate(seq, &it)) != NULL) {
    const char *name = scalar(item);
    if (name == NULL) return fail_at(ld, item, "expected a lint name");
    if (!lint_index(name, &i)) return fail_at(ld, item, "unknown lint %s", name);
    ld->config->enabled[i] = value;
  }
  return CTS_OK;
}

static int parse_status(const char *s, cts_lint_status *out) {
  if (strcmp(s, "error") == 0) *out = CTS_LINT_ERROR;
  else if (strcmp(s, "warn") == 0) *out = CTS_LINT_WARN;
  else if (strcmp(s, "info") == 0) *out = CTS_LINT_INFO;
  else return 0;
  return 1;
}

static cts_status severities(loader *ld, struct fy_node *map) {
  void *it = NULL;
  struct fy_node_pair *pair;
  if (fy_node_get_type(map) != FYNT_MAPPING)
    return fail_at(ld, map, "expected lint: error|warn|info pairs");
  while ((pair = fy_node_mapping_iterate(map, &it)) != NULL) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    const char *name = scalar(k), *level = scalar(v);
    size_t i;
    if (name == NULL || !lint_index(name, &i))
      return fail_at(ld, k, "unknown lint %s", name != NULL ? name : "");
    if (level == NULL || !parse_status(level, &ld->config->severity[i]))
      return fail_at(ld, v, "severity must be error, warn or info");
  }
  return CTS_OK;
}

static cts_status lints_section(loader *ld, struct fy_node *map) {
  void *it = NULL;
  struct fy_node_pair *pair;
  cts_status st = CTS_OK;
  if (fy_node_get_type(map) != FYNT_MAPPING)
    return fail_at(ld, map, "lints: expected a mapping");
  while (st == CTS_OK && (pair = fy_node_mapping_iterate(map, &it)) != NULL) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    const char *key = scalar(k);
    if (key != NULL && strcmp(key, "enable") == 0) st = lint_list(ld, v, 1, 1);
    else if (key != NULL && strcmp(key, "disable") == 0) st = lint_list(ld, v, 0, 0);
    else if (key != NULL && strcmp(key, "severity") == 0) st = severities(ld, v);
    else st = fail_at(ld, k, "lints: unknown key %s", key != NULL ? key : "");
  }
  return st;
}


cts_status cts_config_add_owner(cts_config *config, const cts_owner *owner) {
  cts_owner *grown = realloc(config->owners,
                             (config->n_owners + 1) * sizeof(*grown));
  if (grown == NULL) return CTS_ERR_NOMEM;
  config->owners = grown;
  config->owners[config->n_owners++] = *owner;
  return CTS_OK;
}

static cts_status owner_entry(loader *ld, struct fy_node *map) {
  void *it = NULL;
  struct fy_node_pair *pair;
  cts_owner o;
  int have_match = 0;
  memset(&o, 0, sizeof(o));
  if (fy_node_get_type(map) != FYNT_MAPPING)
    return fail_at(ld, map, "owners: expected {name: .., issuer_key_hash|key_id|issuer_dn: ..}");
  while ((pair = fy_node_mapping_iterate(map, &it)) != NULL) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    const char *key = scalar(k), *val = scalar(v);
    int n;
    if (key == NULL || val == NULL) {
      free(o.name);
      free(o.dn);
      return fail_at(ld, k, "owners: expected scalars");
    }
    if (strcmp(key, "name") == 0) {
      free(o.name);
      if ((o.name = strdup(val)) == NULL) goto nomem;
    } else if (strcmp(key, "issuer_key_hash") == 0) {
      if ((n = cts_codec_hex_decode(val, o.key, 32)) != 32) {
        free(o.name);
        free(o.dn);
        return fail_at(ld, v, "issuer_key_hash: expected 64 hex digits");
      }
      o.match = CTS_OWNER_KEY_HASH, o.key_len = 32, have_match = 1;
    } else if (strcmp(key, "key_id") == 0) {
      if ((n = cts_codec_hex_decode(val, o.key, 32)) <= 0) {
        free(o.name);
        free(o.dn);
        return fail_at(ld, v, "key_id: expected hex");
      }
      o.match = CTS_OWNER_KEY_ID, o.key_len = (size_t)n, have_match = 1;
    } else if (strcmp(key, "issuer_dn") == 0) {
      free(o.dn);
      if ((o.dn = strdup(val)) == NULL) goto nomem;
      o.match = CTS_OWNER_DN, have_match = 1;
    } else {
      free(o.name);
      free(o.dn);
      return fail_at(ld, k, "owners: unknown key %s", key);
    }
  }
  if (o.name == NULL || !have_match) {
    free(o.name);
    free(o.dn);
    return fail_at(ld, map, "owners: each entry needs name and one of issuer_key_hash, key_id, issuer_dn");
  }
  if (cts_config_add_owner(ld->config, &o) != CTS_OK) goto nomem;
  return CTS_OK;
nomem:
  free(o.name);
  free(o.dn);
  return CTS_ERR_NOMEM;
}

static cts_status owners_section(loader *ld, struct fy_node *seq) {
  void *it = NULL;
  struct fy_node *item;
  cts_status st = CTS_OK;
  if (fy_node_get_type(seq) != FYNT_SEQUENCE)
    return fail_at(ld, seq, "owners: expected a list");
  while (st == CTS_OK && (item = fy_node_sequence_iterate(seq, &it)) != NULL)
    st = owner_entry(ld, item);
  return st;
}

/* A number in [min, max]. */
static cts_status number_in(loader *ld, struct fy_node *v, const char *what,
                            double min, double max, double *out) {
  const char *text = scalar(v);
  char *end;
  double x;
  if (text == NULL || *text == 0)
    return fail_at(ld, v, "%s: expected a number", what);
  x = strtod(text, &end);
  if (*end != 0 || !isfinite(x) || x < min || x > max)
    return fail_at(ld, v, "%s: expected a number from %g to %g", what, min,
                   max);
  *out = x;
  return CTS_OK;
}

/* thresholds: {serial_entropy_bits: 64, typo_window_hours: 24} */
static cts_status thresholds_section(loader *ld, struct fy_node *map) {
  void *it = NULL;
  struct fy_node_pair *pair;
  cts_status st = CTS_OK;
  cts_pop_thresholds *t = &ld->config->thresholds;
  if (fy_node_get_type(map) != FYNT_MAPPING)
    return fail_at(ld, map, "thresholds: expected a mapping");
  while (st == CTS_OK && (pair = fy_node_mapping_iterate(map, &it)) != NULL) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    const char *key = scalar(k);
    if (key != NULL && strcmp(key, "serial_entropy_bits") == 0)
      st = number_in(ld, v, key, 0, CTS_POP_SERIAL_BITS,
                     &t->serial_entropy_bits);
    else if (key != NULL && strcmp(key, "typo_window_hours") == 0)
      st = number_in(ld, v, key, 0, 24 * 366, &t->typo_window_hours);
    else
      st = fail_at(ld, k, "thresholds: unknown key %s", key != NULL ? key : "");
  }
  return st;
}

/* ccadb_csv is relative to the configuration file's folder. */
static cts_status ccadb_section(loader *ld, struct fy_node *v) {
  const char *file = scalar(v);
  char path[4096], why[256];
  const char *slash = strrchr(ld->path, '/');
  cts_status st;
  if (file == NULL) return fail_at(ld, v, "ccadb_csv: expected a path");
  if (file[0] == '/' || slash == NULL)
    snprintf(path, sizeof(path), "%s", file);
  else
    snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - ld->path), ld->path, file);
  st = cts_ccadb_load(path, ld->config, why, sizeof(why));
  if (st != CTS_OK) return fail_at(ld, v, "ccadb_csv %s: %s", path, why);
  return CTS_OK;
}

cts_status cts_config_default(cts_config *config) {
  size_t n;
  memset(config, 0, sizeof(*config));
  (void)cts_lints(&n);
  config->n_lints = n;
  config->enabled = malloc(n + 1);
  config->severity = calloc(n + 1, sizeof(*config->severity));
  if (config->enabled == NULL || config->severity == NULL) {
    cts_config_free(config);
    return CTS_ERR_NOMEM;
  }
  memset(config->enabled, 1, n + 1);
  config->is_default = 1; /* lint results need no config work */
  cts_pop_thresholds_default(&config->thresholds);
  return CTS_OK;
}

/* libfyaml's own syntax errors carry file, line and column (1-based in
 * collected errors, unlike the 0-based marks of tokens). */
static void first_syntax_error(struct fy_diag *diag, loader *ld) {
  void *it = NULL;
  struct fy_diag_error *e = fy_diag_errors_iterate(diag, &it);
  if (e != NULL)
    snprintf(ld->err, ld->err_len, "%s:%d:%d: %s", ld->path, e->line,
             e->column, e->msg);
  else
    snprintf(ld->err, ld->err_len, "%s: cannot read YAML", ld->path);
}

/* A configuration is a small UTF-8 text (YAML 1.2 5.2): anything else is
 * refused before the YAML parser sees it (libfyaml can loop on some
 * invalid UTF-8 after a directive). */
#define CONFIG_MAX_BYTES (16u << 20)
static cts_status check_text(loader *ld) {
  FILE *f = fopen(ld->path, "rb");
  int line = 1, column = 1, c, need = 0;
  size_t total = 0;
  if (f == NULL) {
    snprintf(ld->err, ld->err_len, "%s:0:0: cannot open", ld->path);
    return CTS_ERR_IO;
  }
  while ((c = fgetc(f)) != EOF) {
    if (++total > CONFIG_MAX_BYTES) {
      fclose(f);
      snprintf(ld->err, ld->err_len, "%s:%d:%d: larger than 16 MiB", ld->path, line, column);
      return CTS_ERR_USAGE;
    }
    if (need > 0) {
      if ((c & 0xc0) != 0x80) break;
      need--;
      continue;
    }
    if (c < 0x80) need = 0;
    else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else break;
    if (c == '\n') line++, column = 1;
    else column++;
  }
  fclose(f);
  if (c != EOF || need > 0) {
    snprintf(ld->err, ld->err_len, "%s:%d:%d: not UTF-8", ld->path, line, column);
    return CTS_ERR_USAGE;
  }
  return CTS_OK;
}

cts_status cts_config_load(const char *path, cts_config *config, char *err,
                           size_t err_len) {
  loader ld = {path, config, err, err_len};
  struct fy_diag_cfg dcfg;
  struct fy_diag *diag;
  struct fy_parse_cfg pcfg;
  struct fy_document *doc;
  struct fy_node *root;
  struct fy_node_pair *pair;
  void *it = NULL;
  cts_status st;
  if ((st = cts_config_default(config)) != CTS_OK) return st;
  if ((st = check_text(&ld)) != CTS_OK) goto free_config;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = NULL; /* collect, print nothing */
  diag = fy_diag_create(&dcfg);
  if (diag == NULL) {
    st = CTS_ERR_NOMEM;
    goto free_config;
  }
  fy_diag_set_collect_errors(diag, true);
  memset(&pcfg, 0, sizeof(pcfg));
  pcfg.flags = FYPCF_QUIET | FYPCF_COLLECT_DIAG;
  pcfg.diag = diag;
  doc = fy_document_build_from_file(&pcfg, path);
  if (doc == NULL) {
    first_syntax_error(diag, &ld);
    st = CTS_ERR_USAGE;
    goto free_diag;
  }
  root = fy_document_root(doc);
  if (root != NULL && fy_node_get_type(root) != FYNT_MAPPING) {
    st = fail_at(&ld, root, "expected a mapping at the top");
    goto free_doc;
  }
  st = CTS_OK;
  while (root != NULL && st == CTS_OK &&
         (pair = fy_node_mapping_iterate(root, &it)) != NULL) {
    struct fy_node *k = fy_node_pair_key(pair), *v = fy_node_pair_value(pair);
    const char *key = scalar(k);
    if (key != NULL && strcmp(key, "lints") == 0) st = lints_section(&ld, v);
    else if (key != NULL && strcmp(key, "owners") == 0) st = owners_section(&ld, v);
    else if (key != NULL && strcmp(key, "ccadb_csv") == 0) st = ccadb_section(&ld, v);
    else if (key != NULL && strcmp(key, "thresholds") == 0) st = thresholds_section(&ld, v);
    else st = fail_at(&ld, k, "unknown key %s", key != NULL ? key : "");
  }
  if (st == CTS_OK) {
    for (size_t i = 0; i < config->n_lints; i++)
      if (!config->enabled[i] || config->severity[i] != CTS_LINT_NA)
        config->is_default = 0;
  }
free_doc:
  fy_document_destroy(doc);
free_diag:
  fy_diag_destroy(diag);
free_config:
  if (st != CTS_OK) cts_config_free(config);
  return st;
}

void cts_config_free(cts_config *config) {
  for (size_t i = 0; i < config->n_owners; i++) {
    free(config->owners[i].name);
    free(config->owners[i].dn);
  }
  free(config->owners);
  free(config->enabled);
  free(config->severity);
  memset(config, 0, sizeof(*config));
}

cts_lint_status cts_config_apply(const cts_config *config, size_t lint,
                                 cts_lint_status status) {
  if (config == NULL || lint >= config->n_lints) return status;
  if (!config->enabled[lint]) return CTS_LINT_NA;
  if (CTS_LINT_IS_FINDING(status) && status != CTS_LINT_FATAL &&
      config->severity[lint] != CTS_LINT_NA)
    return config->severity[lint];
  return status;
}

const char *cts_config_owner(const cts_config *config, const cts_ca_stats *ca) {
  char dn[1024];
  int have_dn = 0;
  if (config == NULL) return NULL;
  for (size_t i = 0; i < config->n_owners; i++) {
    const cts_owner *o = &config->owners[i];
    switch (o->match) {
      case CTS_OWNER_KEY_HASH:
        if (ca->has_issuer_key_hash && memcmp(o->key, ca->issuer_key_hash, 32) == 0)
          return o->name;
        break;
      case CTS_OWNER_KEY_ID:
        if (ca->aki_len == o->key_len && ca->aki != NULL &&
            memcmp(o->key, ca->aki, o->key_len) == 0)
          return o->name;
        break;
      case CTS_OWNER_DN:
        if (!have_dn) {
          cts_name_format(ca->issuer_dn, ca->issuer_dn_len, dn, sizeof(dn));
          have_dn = 1;
        }
        if (strcmp(o->dn, dn) == 0) return o->name;
        break;
    }
  }
  return NULL;
}
