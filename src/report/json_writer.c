#include <inttypes.h>
#include <math.h>
#include <string.h>

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
  if (!j->first[j->depth]) putc_unlocked(',', j->out);
  j->first[j->depth] = 0;
}

static void open_scope(cts_json *j, char c) {
  separate(j);
  putc_unlocked(c, j->out);
  if (j->depth + 1 < CTS_JSON_MAX_DEPTH) j->depth++;
  j->first[j->depth] = 1;
}

static void close_scope(cts_json *j, char c) {
  putc_unlocked(c, j->out);
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

/* Bytes that go out as they are run together into one write: a report
 * holds millions of short strings, and a call per byte was most of the
 * time it took to write. (The writer's stream belongs to one thread:
 * the unlocked stdio calls skip a lock per call.) */
void cts_json_string_n(cts_json *j, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t run = 0; /* start of the bytes not yet written */
  separate(j);
  putc_unlocked('"', j->out);
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t len;
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      i++;
      continue;
    }
    len = c < 0x80 ? 1 : utf8_len(s + i, n - i);
    if (c >= 0x80 && len > 0) {
      i += len;
      continue;
    }
    fwrite_unlocked(s + run, 1, i - run, j->out);
    if (c == '"' || c == '\\') {
      putc_unlocked('\\', j->out);
      putc_unlocked((int)c, j->out);
    } else {
      /* a control character, or not UTF-8: the Latin-1 code point */
      fprintf(j->out, "\\u%04x", c);
    }
    run = ++i;
  }
  fwrite_unlocked(s + run, 1, n - run, j->out);
  putc_unlocked('"', j->out);
}

void cts_json_string(cts_json *j, const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  cts_json_string_n(j, s, n);
}

void cts_json_key(cts_json *j, const char *key) {
  cts_json_string(j, key);
  putc_unlocked(':', j->out);
  j->after_key = 1;
}

size_t cts_json_format_uint(char out[20], uint64_t v) {
  char digits[20];
  size_t n = sizeof(digits);
  do digits[--n] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  memcpy(out, digits + n, sizeof(digits) - n);
  return sizeof(digits) - n;
}

void cts_json_uint(cts_json *j, uint64_t v) {
  char digits[20];
  size_t n = cts_json_format_uint(digits, v);
  separate(j);
  fwrite_unlocked(digits, 1, n, j->out);
}

void cts_json_raw(cts_json *j, const char *text, size_t n) {
  separate(j);
  fwrite_unlocked(text, 1, n, j->out);
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
