/* A CCADB AllCertificateRecords CSV (RFC 4180: quoted fields may hold
 * commas, doubled quotes and line breaks), read for CA owner names. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ccadb.h"
#include "ctscan/codec.h"

#define MAX_FIELDS 128

typedef struct csv_row {
  char *fields[MAX_FIELDS];
  size_t n;
} csv_row;

static void row_free(csv_row *r) {
  for (size_t i = 0; i < r->n; i++) free(r->fields[i]);
  r->n = 0;
}

/* Reads one record; returns 0 at end of file, -1 on a malformed record
 * or out of memory. */
static int read_row(FILE *f, csv_row *r) {
  char *buf = NULL;
  size_t len = 0, cap = 0;
  int c, quoted = 0, any = 0;
  r->n = 0;
  for (;;) {
    c = fgetc(f);
    if (c == EOF && !any) return 0;
    any = 1;
    if (quoted) {
      if (c == EOF) goto bad;
      if (c == '"') {
        int next = fgetc(f);
        if (next == '"') c = '"';
        else {
          quoted = 0;
          if (next != EOF) ungetc(next, f);
          continue;
        }
      }
    } else if (c == '"' && len == 0) {
      quoted = 1;
      continue;
    } else if (c == ',' || c == '\n' || c == EOF) {
      if (len > 0 && buf[len - 1] == '\r') len--;
      if (r->n == MAX_FIELDS) goto bad;
      char *field = malloc(len + 1);
      if (field == NULL) goto bad;
      if (len > 0) memcpy(field, buf, len);
      field[len] = 0;
      r->fields[r->n++] = field;
      len = 0;
      if (c != ',') break;
      continue;
    }
    if (len + 1 >= cap) {
      char *grown = realloc(buf, cap = cap ? cap * 2 : 64);
      if (grown == NULL) goto bad;
      buf = grown;
    }
    buf[len++] = (char)c;
  }
  free(buf);
  return 1;
bad:
  free(buf);
  row_free(r);
  return -1;
}

static int column(const csv_row *header, const char *name) {
  for (size_t i = 0; i < header->n; i++)
    if (strcmp(header->fields[i], name) == 0) return (int)i;
  return -1;
}

/* A key identifier as hex (':' allowed) or, failing that, base64. */
static int parse_key_id(const char *s, uint8_t *out, size_t cap) {
  long n = cts_codec_hex_decode(s, out, cap);
  if (n <= 0) n = cts_codec_base64_decode(s, out, cap);
  return n > 0 ? (int)n : -1;
}

cts_status cts_ccadb_load(const char *path, cts_config *config, char *why,
                          size_t why_len) {
  FILE *f = fopen(path, "r");
  csv_row header, row;
  int owner_col, ski_col, r;
  cts_status st = CTS_OK;
  if (f == NULL) {
    snprintf(why, why_len, "cannot open");
    return CTS_ERR_IO;
  }
  if (read_row(f, &header) != 1) {
    snprintf(why, why_len, "no header row");
    fclose(f);
    return CTS_ERR_FORMAT;
  }
  owner_col = column(&header, "CA Owner");
  ski_col = column(&header, "Subject Key Identifier");
  if (owner_col < 0 || ski_col < 0) {
    snprintf(why, why_len, "needs the columns \"CA Owner\" and \"Subject Key Identifier\"");
    st = CTS_ERR_FORMAT;
    goto free_header;
  }
  while ((r = read_row(f, &row)) == 1) {
    cts_owner o;
    int n;
    memset(&o, 0, sizeof(o));
    if ((size_t)owner_col < row.n && (size_t)ski_col < row.n &&
        row.fields[owner_col][0] != 0 &&
        (n = parse_key_id(row.fields[ski_col], o.key, sizeof(o.key))) > 0) {
      o.match = CTS_OWNER_KEY_ID;
      o.key_len = (size_t)n;
      o.name = strdup(row.fields[owner_col]);
      if (o.name == NULL || cts_config_add_owner(config, &o) != CTS_OK) {
        free(o.name);
        row_free(&row);
        st = CTS_ERR_NOMEM;
        break;
      }
    }
    row_free(&row);
  }
  if (r < 0 && st == CTS_OK) {
    snprintf(why, why_len, "malformed CSV record");
    st = CTS_ERR_FORMAT;
  }
free_header:
  row_free(&header);
  fclose(f);
  return st;
}
