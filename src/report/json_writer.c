#include <inttypes.h>
#include <math.h>

#include "json_writer.h"

void cts_json_init(cts_json *j, FILE *out) {
  j->out = out;
  j->depth = 0;
  j->first[0] = 1;
  j->after_key = 0;
}

/* Writes the comma that separates this value from the one before. */
static void separate(cts_json *j) {
  if (j->after_key) {
    j->after_key = 0;
    return;
  }
  if (!j->first[j->depth]) fputc(',', j->out);
  j->first[j->depth] = 0;
}

static void open_scope(cts_json *j, char c) {
  separate(j);
  fputc(c, j->out);
  if (j->depth + 1 < CTS_JSON_MAX_DEPTH) j->depth++;
  j->first[j->depth] = 1;
}

static void close_scope(cts_json *j, char c) {
  fputc(c, j->out);
  if (j->depth > 0) j->depth--;
}

void cts_json_begin_object(cts_json *j) { open_scope(j, '{'); }
void cts_json_end_object(cts_json *j) { close_scope(j, '}'); }
void cts_json_begin_array(cts_json *j) { open_scope(j, '['); }
void cts_json_end_array(cts_json *j) { close_scope(j, ']'); }

/* Length of the well-formed UTF-8 sequence at s (RFC 3629 4), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
  else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
  else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = cp << 6 | (s[i] & 0x3f);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
      (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return len;
}

void cts_json_string_n(cts_json *j, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  separate(j);
  fputc('"', j->out);
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t len = utf8_len(s + i, n - i);
    if (c == '"' || c == '\\') {
      fputc('\\', j->out);
      fputc((int)c, j->out);
    } else if (c < 0x20 || c == 0x7f) {
      fprintf(j->out, "\\u%04x", c);
    } else if (len == 0) {
      fprintf(j->out, "\\u%04x", c); /* not UTF-8: the Latin-1 code point */
      len = 1;
    } else {
      fwrite(s + i, 1, len, j->out);
      i += len;
      continue;
    }
    i++;
  }
  fputc('"', j->out);
}

void cts_json_string(cts_json *j, const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  cts_json_string_n(j, s, n);
}

void cts_json_key(cts_json *j, const char *key) {
  cts_json_string(j, key);
  fputc(':', j->out);
  j->after_key = 1;
}

void cts_json_uint(cts_json *j, uint64_t v) {
  separate(j);
  fprintf(j->out, "%" PRIu64, v);
}

void cts_json_int(cts_json *j, int64_t v) {
  separate(j);
  fprintf(j->out, "%" PRId64, v);
}

void cts_json_double(cts_json *j, double v) {
  separate(j);
  if (isfinite(v))
    fprintf(j->out, "%.6g", v);
  else
    fputs("null", j->out); /* RFC 8259 6: no NaN or infinity */
}

void cts_json_bool(cts_json *j, int v) {
  separate(j);
  fputs(v ? "true" : "false", j->out);
}

void cts_json_null(cts_json *j) {
  separate(j);
  fputs("null", j->out);
}
