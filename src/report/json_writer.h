/* A small streaming JSON writer (RFC 8259) for the reports: it places the
 * commas, escapes strings and keeps the output valid UTF-8 (bytes that are
 * not UTF-8 are written as the code point of the same value, so no input
 * can make the document invalid). */
#ifndef CTSCAN_REPORT_JSON_WRITER_H
#define CTSCAN_REPORT_JSON_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CTS_JSON_MAX_DEPTH 32

typedef struct cts_json {
  FILE *out;
  int depth;
  int first[CTS_JSON_MAX_DEPTH]; /* no member written yet at this depth */
  int after_key;                 /* a key was written, its value is due */
} cts_json;

void cts_json_init(cts_json *j, FILE *out);
void cts_json_begin_object(cts_json *j);
void cts_json_end_object(cts_json *j);
void cts_json_begin_array(cts_json *j);
void cts_json_end_array(cts_json *j);
void cts_json_key(cts_json *j, const char *key);
void cts_json_string(cts_json *j, const char *s);
void cts_json_string_n(cts_json *j, const char *s, size_t n);
void cts_json_uint(cts_json *j, uint64_t v);
void cts_json_int(cts_json *j, int64_t v);
void cts_json_double(cts_json *j, double v);
void cts_json_bool(cts_json *j, int v);
void cts_json_null(cts_json *j);
/* A value the caller wrote as JSON already (n bytes): only the comma
 * before it is added. */
void cts_json_raw(cts_json *j, const char *text, size_t n);
/* The decimal digits of v at out (no terminator); returns their count. */
size_t cts_json_format_uint(char out[20], uint64_t v);

#endif
