/* RFC 6962 get-entries responses (section 4.6):
 *   {"entries": [{"leaf_input": "<base64>", "extra_data": "<base64>"}, ...]}
 * as one JSON document, or JSON Lines of such documents or of bare
 * {"leaf_input", "extra_data"} objects. Members other than these are
 * ignored.
 *
 * The JSON parser is strict RFC 8259: UTF-8 text (section 8.1), strings
 * with the escapes of section 7 (surrogate escapes must pair), numbers per
 * section 6, the literals true/false/null, no trailing commas, nesting at
 * most CTS_JSON_MAX_DEPTH deep.
 *
 * Framing: the first value is found by a bracket scanner. When it lies on
 * one line the input is taken as JSON Lines: every line is one value, and
 * a broken line is reported and skipped. Otherwise it is one document (or
 * documents separated by newlines) and a broken one ends the input. Each
 * value is parsed whole from the stream's window, so one value may be at
 * most CTS_STREAM_MAX_WINDOW bytes. */
#include <stdlib.h>
#include <string.h>

#include "container_internal.h"

#define CTS_JSON_MAX_DEPTH 32

/* --- JSON syntax (RFC 8259) ---------------------------------------------- */

typedef struct cts_json {
  const uint8_t *s;
  size_t len;
  size_t pos;
  const char *error; /* first syntax error */
  size_t error_pos;
} cts_json;

static int json_fail(cts_json *j, const char *reason) {
  if (j->error == NULL) {
    j->error = reason;
    j->error_pos = j->pos;
  }
  return 0;
}

static int json_at(const cts_json *j) {
  return j->pos < j->len ? j->s[j->pos] : -1;
}

/* Section 2: ws = *( %x20 / %x09 / %x0A / %x0D ) */
static int json_is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void json_ws(cts_json *j) {
  while (j->pos < j->len && json_is_space(j->s[j->pos])) j->pos++;
}

static int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int json_hex4(cts_json *j, uint32_t *out) {
  uint32_t v = 0;
  if (j->len - j->pos < 4) return json_fail(j, "truncated \\u escape");
  for (size_t i = 0; i < 4; i++) {
    int d = hex_value(j->s[j->pos + i]);
    if (d < 0) return json_fail(j, "invalid \\u escape");
    v = (v << 4) | (uint32_t)d;
  }
  j->pos += 4;
  *out = v;
  return 1;
}

/* Section 7: a \uXXXX escape, with a UTF-16 surrogate pair spelled as two
 * escapes; a lone surrogate is rejected. j->pos is after "\u". */
static int json_unicode_escape(cts_json *j) {
  uint32_t cp, low;
  if (!json_hex4(j, &cp)) return 0;
  if (cp >= 0xdc00 && cp <= 0xdfff)
    return json_fail(j, "unpaired surrogate in \\u escape");
  if (cp < 0xd800 || cp > 0xdbff) return 1;
  if (j->len - j->pos < 2 || j->s[j->pos] != '\\' || j->s[j->pos + 1] != 'u')
    return json_fail(j, "unpaired surrogate in \\u escape");
  j->pos += 2;
  if (!json_hex4(j, &low)) return 0;
  if (low < 0xdc00 || low > 0xdfff)
    return json_fail(j, "unpaired surrogate in \\u escape");
  return 1;
}

/* Section 7: the escape at j->pos (a backslash). */
static int json_escape(cts_json *j) {
  j->pos++;
  switch (json_at(j)) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
    case 't':
      j->pos++;
      return 1;
    case 'u':
      j->pos++;
      return json_unicode_escape(j);
    case -1:
      return json_fail(j, "unterminated JSON string");
    default:
      return json_fail(j, "invalid escape in JSON string");
  }
}

/* One multi-octet UTF-8 character (RFC 3629 section 4): no overlong
 * forms, no surrogates, nothing above U+10FFFF. */
static int json_utf8(cts_json *j) {
  const uint8_t *s = j->s + j->pos;
  size_t n = j->len - j->pos, k;
  uint8_t lo = 0x80, hi = 0xbf;
  if (s[0] >= 0xc2 && s[0] <= 0xdf) {
    k = 1;
  } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
    k = 2;
    if (s[0] == 0xe0) lo = 0xa0;
    if (s[0] == 0xed) hi = 0x9f;
  } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
    k = 3;
    if (s[0] == 0xf0) lo = 0x90;
    if (s[0] == 0xf4) hi = 0x8f;
  } else {
    return json_fail(j, "invalid UTF-8 in JSON string");
  }
  if (n <= k || s[1] < lo || s[1] > hi)
    return json_fail(j, "invalid UTF-8 in JSON string");
  for (size_t i = 2; i <= k; i++)
    if ((s[i] & 0xc0) != 0x80)
      return json_fail(j, "invalid UTF-8 in JSON string");
  j->pos += k + 1;
  return 1;
}

/* Section 7: a string; *raw gets the text between the quotes, escapes
 * left in (*has_escape says whether there are any). */
static int json_string(cts_json *j, cts_der *raw, int *has_escape) {
  size_t start;
  if (json_at(j) != '"') return json_fail(j, "expected a JSON string");
  start = ++j->pos;
  *has_escape = 0;
  for (;;) {
    int c = json_at(j);
    if (c < 0) return json_fail(j, "unterminated JSON string");
    if (c == '"') break;
    if (c == '\\') {
      *has_escape = 1;
      if (!json_escape(j)) return 0;
    } else if (c < 0x20) {
      return json_fail(j, "control character in JSON string");
    } else if (c < 0x80) {
      j->pos++;
    } else if (!json_utf8(j)) {
      return 0;
    }
  }
  raw->data = j->s + start;
  raw->len = j->pos - start;
  j->pos++;
  return 1;
}

static int json_digits(cts_json *j) {
  size_t start = j->pos;
  while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
    j->pos++;
  return j->pos > start;
}

/* Section 6: number = [ minus ] int [ frac ] [ exp ] */
static int json_number(cts_json *j) {
  int c;
  if (json_at(j) == '-') j->pos++;
  c = json_at(j);
  if (c == '0')
    j->pos++;
  else if (c < '1' || c > '9' || !json_digits(j))
    return json_fail(j, "invalid JSON number");
  if (json_at(j) == '.') {
    j->pos++;
    if (!json_digits(j)) return json_fail(j, "invalid JSON number");
  }
  c = json_at(j);
  if (c == 'e' || c == 'E') {
    j->pos++;
    c = json_at(j);
    if (c == '+' || c == '-') j->pos++;
    if (!json_digits(j)) return json_fail(j, "invalid JSON number");
  }
  return 1;
}

/* Section 3: false / null / true */
static int json_literal(cts_json *j, const char *lit) {
  size_t n = strlen(lit);
  if (j->len - j->pos < n || memcmp(j->s + j->pos, lit, n) != 0)
    return json_fail(j, "invalid JSON value");
  j->pos += n;
  return 1;
}

/* Opens the object or array at j->pos, the depth-th level of nesting;
 * *out_more is 0 when it is empty (and closed). */
static int json_open(cts_json *j, uint8_t close, unsigned depth,
                     int *out_more) {
  if (depth > CTS_JSON_MAX_DEPTH) return json_fail(j, "JSON nesting too deep");
  j->pos++;
  json_ws(j);
  *out_more = json_at(j) != close;
  if (!*out_more) j->pos++;
  return 1;
}

/* After a member or element (sections 4 and 5): ',' then more, or close.
 * A ',' must be followed by a member or element (no trailing comma). */
static int json_next(cts_json *j, uint8_t close, int *out_more) {
  json_ws(j);
  if (json_at(j) == ',') {
    j->pos++;
    json_ws(j);
    *out_more = 1;
    return 1;
  }
  if (json_at(j) == close) {
    j->pos++;
    *out_more = 0;
    return 1;
  }
  return json_fail(j, close == '}' ? "expected ',' or '}' in JSON object"
                                   : "expected ',' or ']' in JSON array");
}

/* Section 4: member = string name-separator value; reads up to the value. */
static int json_member_name(cts_json *j, cts_der *name, int *has_escape) {
  if (json_at(j) != '"')
    return json_fail(j, "expected a string as JSON member name");
  if (!json_string(j, name, has_escape)) return 0;
  json_ws(j);
  if (json_at(j) != ':') return json_fail(j, "expected ':' in JSON object");
  j->pos++;
  json_ws(j);
  return 1;
}

static int json_skip_value(cts_json *j, unsigned depth);

static int json_skip_object(cts_json *j, unsigned depth) {
  cts_der name;
  int esc, more;
  if (!json_open(j, '}', depth, &more)) return 0;
  while (more)
    if (!json_member_name(j, &name, &esc) || !json_skip_value(j, depth) ||
        !json_next(j, '}', &more))
      return 0;
  return 1;
}

static int json_skip_array(cts_json *j, unsigned depth) {
  int more;
  if (!json_open(j, ']', depth, &more)) return 0;
  while (more)
    if (!json_skip_value(j, depth) || !json_next(j, ']', &more)) return 0;
  return 1;
}

/* Section 3: any value, inside depth levels of nesting. */
static int json_skip_value(cts_json *j, unsigned depth) {
  cts_der raw;
  int esc;
  switch (json_at(j)) {
    case '{': return json_skip_object(j, depth + 1);
    case '[': return json_skip_array(j, depth + 1);
    case '"': return json_string(j, &raw, &esc);
    case 't': return json_literal(j, "true");
    case 'f': return json_literal(j, "false");
    case 'n': return json_literal(j, "null");
    case '-': case '0': case '1': case '2': case '3': case '4': case '5':
    case '6': case '7': case '8': case '9':
      return json_number(j);
    default:
      return json_fail(j, "expected a JSON value");
  }
}

static size_t put_utf8(uint32_t cp, uint8_t *out) {
  if (cp < 0x80) {
    out[0] = (uint8_t)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (uint8_t)(0xc0 | (cp >> 6));
    out[1] = (uint8_t)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (uint8_t)(0xe0 | (cp >> 12));
    out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
    out[2] = (uint8_t)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (uint8_t)(0xf0 | (cp >> 18));
  out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3f));
  out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3f));
  out[3] = (uint8_t)(0x80 | (cp & 0x3f));
  return 4;
}

static uint32_t hex4_at(const uint8_t *p, size_t avail) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4 && i < avail; i++)
    v = (v << 4) | (uint32_t)(hex_value(p[i]) & 0xf);
  return v;
}

/* The value of a string json_string accepted, as UTF-8, into out (raw.len
 * bytes suffice: no escape is shorter than what it stands for). */
static size_t json_unescape(cts_der raw, uint8_t *out) {
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  size_t i = 0, n = 0;
  while (i < raw.len) {
    const char *e;
    uint32_t cp;
    if (raw.data[i] != '\\' || i + 1 >= raw.len) {
      out[n++] = raw.data[i++];
      continue;
    }
    if (raw.data[i + 1] != 'u') {
      e = strchr(from, raw.data[i + 1]);
      out[n++] = e != NULL ? (uint8_t)to[e - from] : raw.data[i + 1];
      i += 2;
      continue;
    }
    cp = hex4_at(raw.data + i + 2, raw.len - i - 2);
    i += 6;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 6 <= raw.len) {
      uint32_t low = hex4_at(raw.data + i + 2, raw.len - i - 2);
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      i += 6;
    }
    n += put_utf8(cp, out + n);
  }
  return n;
}

/* 1 if the member name raw (escapes left in) is name. */
static int json_name_is(cts_der raw, int has_escape, const char *name) {
  uint8_t buf[64];
  size_t n = strlen(name);
  if (!has_escape) return raw.len == n && memcmp(raw.data, name, n) == 0;
  if (raw.len > sizeof(buf)) return 0;
  return json_unescape(raw, buf) == n && memcmp(buf, name, n) == 0;
}

/* --- get-entries --------------------------------------------------------- */

/* What one of leaf_input / extra_data was in an entry object. */
typedef struct ge_field {
  cts_der raw;
  int has_escape;
  int present;
  int duplicate;
  int not_string;
} ge_field;

typedef struct cts_ge {
  cts_reader *r;
  cts_json j;
  uint64_t frame_offset; /* stream offset of j.s[0] */
  cts_buf text;          /* unescaped string */
  cts_buf leaf;          /* decoded leaf_input */
  cts_buf extra;         /* decoded extra_data */
  cts_status status;     /* why a step returned -1 */
} cts_ge;

/* Reports a problem at pos of the current frame. */
static void ge_report(cts_ge *g, size_t pos, const char *reason) {
  cts_reader_error(g->r, g->frame_offset + pos, g->r->next_index, 1, reason);
}

/* An entry that cannot be delivered: it keeps its index. */
static void ge_bad_entry(cts_ge *g, size_t pos, const char *reason) {
  ge_report(g, pos, reason);
  g->r->position++;
  g->r->next_index++;
}

static int ge_field_value(cts_json *j, ge_field *f, unsigned depth) {
  f->duplicate |= f->present;
  f->present = 1;
  if (json_at(j) == '"') return json_string(j, &f->raw, &f->has_escape);
  f->not_string = 1;
  return json_skip_value(j, depth);
}

static const char *ge_field_problem(const ge_field *leaf,
                                    const ge_field *extra) {
  if (!leaf->present) return "entry has no leaf_input";
  if (!extra->present) return "entry has no extra_data";
  if (leaf->duplicate) return "duplicate leaf_input";
  if (extra->duplicate) return "duplicate extra_data";
  if (leaf->not_string) return "leaf_input is not a string";
  if (extra->not_string) return "extra_data is not a string";
  return NULL;
}

/* Decodes a base64 string field (RFC 4648 section 4, no whitespace) into
 * out. Returns 1, 0 when it is not valid base64, -1 when out of memory. */
static int ge_decode(cts_ge *g, const ge_field *f, cts_buf *out,
                     size_t *out_len) {
  cts_der text = f->raw;
  if (f->has_escape) {
    if (!cts_buf_reserve(&g->text, text.len + 1)) return -1;
    text.len = json_unescape(f->raw, g->text.data);
    text.data = g->text.data;
  }
  if (!cts_buf_reserve(out, cts_base64_decoded_max(text.len))) return -1;
  return cts_base64_decode(text.data, text.len, 0, out->data, out_len);
}

/* Decodes, parses and delivers the entry whose object began at start. */
static int ge_deliver(cts_ge *g, size_t start, const ge_field *leaf,
                      const ge_field *extra) {
  cts_entry entry;
  size_t leaf_len = 0, extra_len = 0;
  const char *reason = ge_field_problem(leaf, extra);
  int rc = 1;
  memset(&entry, 0, sizeof(entry));
  entry.index = g->r->next_index;
  if (reason == NULL && (rc = ge_decode(g, leaf, &g->leaf, &leaf_len)) != 1)
    reason = "leaf_input is not valid base64";
  if (reason == NULL && (rc = ge_decode(g, extra, &g->extra, &extra_len)) != 1)
    reason = "extra_data is not valid base64";
  if (reason != NULL && rc < 0) {
    g->status = CTS_ERR_NOMEM;
    return -1;
  }
  if (reason == NULL &&
      !cts_container_parse_merkle_leaf(g->leaf.data, leaf_len, g->extra.data,
                                       extra_len, &entry, &reason) &&
      reason == NULL)
    reason = "malformed MerkleTreeLeaf";
  if (reason != NULL) {
    ge_bad_entry(g, start, reason);
    return 1;
  }
  g->status = cts_reader_deliver(g->r, &entry, g->frame_offset + start);
  return g->status == CTS_OK ? 1 : -1;
}

/* An entry object: {"leaf_input": .., "extra_data": .., ...}. Returns 1,
 * 0 on a syntax error, -1 to stop (g->status). */
static int ge_entry_object(cts_ge *g, unsigned depth) {
  cts_json *j = &g->j;
  size_t start = j->pos;
  ge_field leaf, extra;
  int more;
  memset(&leaf, 0, sizeof(leaf));
  memset(&extra, 0, sizeof(extra));
  if (!json_open(j, '}', depth, &more)) return 0;
  while (more) {
    cts_der name;
    int esc, ok;
    if (!json_member_name(j, &name, &esc)) return 0;
    if (json_name_is(name, esc, "leaf_input"))
      ok = ge_field_value(j, &leaf, depth);
    else if (json_name_is(name, esc, "extra_data"))
      ok = ge_field_value(j, &extra, depth);
    else
      ok = json_skip_value(j, depth);
    if (!ok || !json_next(j, '}', &more)) return 0;
  }
  return ge_deliver(g, start, &leaf, &extra);
}

/* "entries": [ entry, ... ]; an element that is not an object is a bad
 * entry. */
static int ge_entries_array(cts_ge *g, unsigned depth) {
  cts_json *j = &g->j;
  int more;
  if (!json_open(j, ']', depth, &more)) return 0;
  while (more) {
    size_t at = j->pos;
    if (json_at(j) == '{') {
      int rc = ge_entry_object(g, depth + 1);
      if (rc != 1) return rc;
    } else {
      if (!json_skip_value(j, depth)) return 0;
      ge_bad_entry(g, at, "entry is not a JSON object");
    }
    if (!json_next(j, ']', &more)) return 0;
  }
  return 1;
}

/* The value of an "entries" member. */
static int ge_entries_member(cts_ge *g, int *seen) {
  cts_json *j = &g->j;
  size_t at = j->pos;
  if (*seen || json_at(j) != '[') {
    if (!json_skip_value(j, 1)) return 0;
    ge_report(g, at, *seen ? "duplicate entries member"
                           : "entries is not a JSON array");
    *seen = 1;
    return 1;
  }
  *seen = 1;
  return ge_entries_array(g, 2);
}

/* A top-level object: a get-entries response, or a bare entry (JSON
 * Lines) when it has no "entries" member. */
static int ge_top_object(cts_ge *g) {
  cts_json *j = &g->j;
  size_t start = j->pos;
  ge_field leaf, extra;
  int more, entries = 0;
  memset(&leaf, 0, sizeof(leaf));
  memset(&extra, 0, sizeof(extra));
  if (!json_open(j, '}', 1, &more)) return 0;
  while (more) {
    cts_der name;
    int esc, rc;
    if (!json_member_name(j, &name, &esc)) return 0;
    if (json_name_is(name, esc, "entries"))
      rc = ge_entries_member(g, &entries);
    else if (json_name_is(name, esc, "leaf_input"))
      rc = ge_field_value(j, &leaf, 1);
    else if (json_name_is(name, esc, "extra_data"))
      rc = ge_field_value(j, &extra, 1);
    else
      rc = json_skip_value(j, 1);
    if (rc != 1) return rc;
    if (!json_next(j, '}', &more)) return 0;
  }
  if (entries) return 1;
  if (leaf.present || extra.present) return ge_deliver(g, start, &leaf, &extra);
  ge_report(g, start, "JSON object has neither entries nor leaf_input");
  return 1;
}

/* Parses the frame [data, data + len) at stream offset offset, which must
 * hold one object and whitespace. Returns 1, 0 after a syntax error (it is
 * reported), -1 to stop (g->status). */
static int ge_parse_frame(cts_ge *g, const uint8_t *data, size_t len,
                          uint64_t offset) {
  int rc;
  memset(&g->j, 0, sizeof(g->j));
  g->j.s = data;
  g->j.len = len;
  g->frame_offset = offset;
  json_ws(&g->j);
  if (json_at(&g->j) != '{')
    rc = json_fail(&g->j, "expected a JSON object");
  else
    rc = ge_top_object(g);
  if (rc == 1) {
    json_ws(&g->j);
    if (g->j.pos != len) rc = json_fail(&g->j, "trailing data after JSON value");
  }
  if (rc == 0) ge_report(g, g->j.error_pos, g->j.error);
  return rc;
}

/* --- framing over the stream --------------------------------------------- */

typedef enum ge_mode { GE_UNDECIDED, GE_DOCUMENT, GE_LINES } ge_mode;

/* Where a top-level object or array ends, by bracket counting outside
 * strings; resumable as more bytes arrive. A raw LF cannot be inside a
 * string (RFC 8259 section 7), so one ends the value there (broken). */
typedef struct ge_scan {
  size_t pos;
  size_t depth;
  int in_string;
  int escape;
} ge_scan;

static int ge_scan_value(ge_scan *sc, const uint8_t *d, size_t len,
                         size_t *out_end) {
  for (size_t i = sc->pos; i < len; i++) {
    uint8_t c = d[i];
    if (sc->in_string) {
      if (sc->escape)
        sc->escape = 0;
      else if (c == '\\')
        sc->escape = 1;
      else if (c == '"')
        sc->in_string = 0;
      else if (c == '\n')
        return (*out_end = i, 1);
    } else if (c == '"') {
      sc->in_string = 1;
    } else if (c == '{' || c == '[') {
      sc->depth++;
    } else if ((c == '}' || c == ']') && --sc->depth == 0) {
      return (*out_end = i + 1, 1);
    }
  }
  sc->pos = len;
  return 0;
}

/* Gives up on the input at its current offset. */
static void ge_stop(cts_ge *g, const char *reason) {
  cts_reader_error(g->r, cts_stream_offset(g->r->stream), g->r->next_index,
                   1, reason);
}

/* Skips whitespace between values; *out_newline if a LF was among it,
 * *out_end when the input is over. */
static cts_status ge_skip_space(cts_ge *g, int *out_newline, int *out_end) {
  for (;;) {
    const uint8_t *data;
    size_t avail, i = 0;
    const char *end_reason;
    cts_status st = cts_reader_peek(g->r, CTS_CONTAINER_CHUNK, &data, &avail,
                                    &end_reason);
    if (st != CTS_OK) return st;
    for (; i < avail && json_is_space(data[i]); i++)
      if (data[i] == '\n') *out_newline = 1;
    cts_stream_consume(g->r->stream, i);
    if (i < avail) return CTS_OK;
    if (avail < CTS_CONTAINER_CHUNK || end_reason != NULL) {
      if (end_reason != NULL) ge_stop(g, end_reason);
      *out_end = 1;
      return CTS_OK;
    }
  }
}

/* Frames the line at the front of the stream (its LF excluded), searching
 * from from. *out_stop when given up (reported). */
static cts_status ge_frame_line(cts_ge *g, size_t from,
                                const uint8_t **out_data, size_t *out_len,
                                int *out_stop) {
  size_t want = from + 1 > CTS_CONTAINER_CHUNK ? from + 1 : CTS_CONTAINER_CHUNK;
  if (want > CTS_STREAM_MAX_WINDOW) {
    ge_stop(g, "JSON line larger than the window");
    *out_stop = 1;
    return CTS_OK;
  }
  for (;;) {
    const uint8_t *data, *nl = NULL;
    size_t avail;
    const char *end_reason;
    cts_status st = cts_reader_peek(g->r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    if (avail > from) nl = memchr(data + from, '\n', avail - from);
    if (nl != NULL || (avail < want && end_reason == NULL)) {
      *out_data = data;
      *out_len = nl != NULL ? (size_t)(nl - data) : avail;
      return CTS_OK;
    }
    if (end_reason != NULL || want >= CTS_STREAM_MAX_WINDOW) {
      ge_stop(g, end_reason != NULL ? end_reason
                                    : "JSON line larger than the window");
      *out_stop = 1;
      return CTS_OK;
    }
    from = avail;
    want = want > CTS_STREAM_MAX_WINDOW / 2 ? CTS_STREAM_MAX_WINDOW : want * 2;
  }
}

/* Frames the object or array at the front of the stream. At the end of the
 * input the frame is what is left: the parser says what is wrong. */
static cts_status ge_frame_value(cts_ge *g, const uint8_t **out_data,
                                 size_t *out_len, int *out_stop) {
  ge_scan sc;
  size_t want = CTS_CONTAINER_CHUNK;
  memset(&sc, 0, sizeof(sc));
  for (;;) {
    const uint8_t *data;
    size_t avail, end;
    const char *end_reason;
    cts_status st = cts_reader_peek(g->r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    if (avail == 0 || (data[0] != '{' && data[0] != '['))
      return ge_frame_line(g, 0, out_data, out_len, out_stop);
    *out_data = data;
    if (ge_scan_value(&sc, data, avail, &end)) {
      *out_len = end;
      return CTS_OK;
    }
    if (avail < want && end_reason == NULL) {
      *out_len = avail;
      return CTS_OK;
    }
    if (end_reason != NULL || want >= CTS_STREAM_MAX_WINDOW) {
      ge_stop(g, end_reason != NULL ? end_reason
                                    : "JSON value larger than the window");
      *out_stop = 1;
      return CTS_OK;
    }
    want = want > CTS_STREAM_MAX_WINDOW / 2 ? CTS_STREAM_MAX_WINDOW : want * 2;
  }
}

/* Frames the next value; decides the mode on the first one. */
static cts_status ge_frame(cts_ge *g, ge_mode *mode, const uint8_t **out_data,
                           size_t *out_len, int *out_stop) {
  cts_status st;
  if (*mode == GE_LINES)
    return ge_frame_line(g, 0, out_data, out_len, out_stop);
  st = ge_frame_value(g, out_data, out_len, out_stop);
  if (st != CTS_OK || *out_stop || *mode != GE_UNDECIDED) return st;
  if (memchr(*out_data, '\n', *out_len) != NULL) {
    *mode = GE_DOCUMENT;
    return CTS_OK;
  }
  *mode = GE_LINES;
  return ge_frame_line(g, *out_len, out_data, out_len, out_stop);
}

static cts_status ge_run(cts_ge *g) {
  ge_mode mode = GE_UNDECIDED;
  int after_value = 0;
  for (;;) {
    const uint8_t *data = NULL;
    size_t len = 0;
    int newline = 0, end = 0, stop = 0, rc;
    uint64_t offset;
    cts_status st = ge_skip_space(g, &newline, &end);
    if (st != CTS_OK || end) return st;
    if (after_value && !newline) {
      /* JSON Lines: one value per line. */
      ge_stop(g, "trailing data after JSON value");
      return CTS_OK;
    }
    offset = cts_stream_offset(g->r->stream);
    st = ge_frame(g, &mode, &data, &len, &stop);
    if (st != CTS_OK || stop) return st;
    rc = ge_parse_frame(g, data, len, offset);
    if (rc < 0) return g->status;
    cts_stream_consume(g->r->stream, len);
    if (rc == 0 && mode != GE_LINES) return CTS_OK;
    after_value = 1;
  }
}

cts_status cts_read_get_entries(cts_reader *r) {
  cts_ge g;
  cts_status st;
  memset(&g, 0, sizeof(g));
  g.r = r;
  st = ge_run(&g);
  cts_buf_free(&g.text);
  cts_buf_free(&g.leaf);
  cts_buf_free(&g.extra);
  return st;
}
