#include <stdlib.h>
#include <string.h>

#include "json_reader.h"

#define MAX_DEPTH 64

typedef struct parser {
  const char *p, *end, *start;
  int failed;
} parser;

static void skip_ws(parser *ps) {
  while (ps->p < ps->end &&
         (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
    ps->p++;
}

static cts_jnode *node(cts_jtype type) {
  cts_jnode *n = calloc(1, sizeof(*n));
  if (n != NULL) n->type = type;
  return n;
}

static void put_utf8(char *out, size_t *len, uint32_t cp) {
  if (cp < 0x80) {
    out[(*len)++] = (char)cp;
  } else if (cp < 0x800) {
    out[(*len)++] = (char)(0xc0 | cp >> 6);
    out[(*len)++] = (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out[(*len)++] = (char)(0xe0 | cp >> 12);
    out[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[(*len)++] = (char)(0x80 | (cp & 0x3f));
  } else {
    out[(*len)++] = (char)(0xf0 | cp >> 18);
    out[(*len)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[(*len)++] = (char)(0x80 | (cp & 0x3f));
  }
}

static int hex4(parser *ps, uint32_t *out) {
  uint32_t v = 0;
  if (ps->end - ps->p < 4) return 0;
  for (int i = 0; i < 4; i++) {
    char c = *ps->p++;
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
    else return 0;
  }
  *out = v;
  return 1;
}

/* RFC 8259 7: a string, escapes decoded (a \u escape never needs more
 * bytes than its six characters). */
static char *string(parser *ps) {
  const char *begin;
  char *out;
  size_t len = 0;
  if (ps->p >= ps->end || *ps->p != '"') return NULL;
  begin = ++ps->p;
  while (ps->p < ps->end && *ps->p != '"') ps->p += *ps->p == '\\' ? 2 : 1;
  if (ps->p >= ps->end) return NULL;
  out = malloc((size_t)(ps->p - begin) + 1);
  if (out == NULL) return NULL;
  ps->p = begin;
  while (*ps->p != '"') {
    unsigned char c = (unsigned char)*ps->p++;
    uint32_t cp, lo;
    if (c < 0x20) goto bad;
    if (c != '\\') {
      out[len++] = (char)c;
      continue;
    }
    switch (*ps->p++) {
      case '"': out[len++] = '"'; break;
      case '\\': out[len++] = '\\'; break;
      case '/': out[len++] = '/'; break;
      case 'b': out[len++] = '\b'; break;
      case 'f': out[len++] = '\f'; break;
      case 'n': out[len++] = '\n'; break;
      case 'r': out[len++] = '\r'; break;
      case 't': out[len++] = '\t'; break;
      case 'u':
        if (!hex4(ps, &cp)) goto bad;
        if (cp >= 0xd800 && cp < 0xdc00) {
          if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u') goto bad;
          ps->p += 2;
          if (!hex4(ps, &lo) || lo < 0xdc00 || lo > 0xdfff) goto bad;
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        } else if (cp >= 0xdc00 && cp <= 0xdfff) {
          goto bad;
        }
        /* ctscan's writer escapes a byte that is not UTF-8 as \u0080-
         * \u00ff (src/report/json_writer.c) and writes real UTF-8 as it
         * is: such an escape stands for that byte, so a file reads back
         * to the bytes it was written from. */
        if (cp >= 0x80 && cp <= 0xff)
          out[len++] = (char)cp;
        else
          put_utf8(out, &len, cp);
        break;
      default: goto bad;
    }
  }
  ps->p++;
  out[len] = 0;
  return out;
bad:
  free(out);
  return NULL;
}

static cts_jnode *value(parser *ps, int depth);

static int members(parser *ps, cts_jnode *parent, int depth, int is_object) {
  cts_jnode **tail = &parent->child;
  char close = is_object ? '}' : ']';
  ps->p++;
  skip_ws(ps);
  if (ps->p < ps->end && *ps->p == close) {
    ps->p++;
    return 1;
  }
  for (;;) {
    char *key = NULL;
    cts_jnode *v;
    skip_ws(ps);
    if (is_object) {
      if ((key = string(ps)) == NULL) return 0;
      skip_ws(ps);
      if (ps->p >= ps->end || *ps->p != ':') {
        free(key);
        return 0;
      }
      ps->p++;
    }
    if ((v = value(ps, depth + 1)) == NULL) {
      free(key);
      return 0;
    }
    v->key = key;
    *tail = v;
    tail = &v->next;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ',') {
      ps->p++;
      continue;
    }
    if (ps->p < ps->end && *ps->p == close) {
      ps->p++;
      return 1;
    }
    return 0;
  }
}

static int literal(parser *ps, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) return 0;
  ps->p += n;
  return 1;
}

/* RFC 8259 6: -? int frac? exp? */
static char *number(parser *ps) {
  const char *begin = ps->p;
  char *out;
  if (ps->p < ps->end && *ps->p == '-') ps->p++;
  if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') return NULL;
  if (*ps->p == '0') ps->p++;
  else while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') ps->p++;
  if (ps->p < ps->end && *ps->p == '.') {
    ps->p++;
    if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') return NULL;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') ps->p++;
  }
  if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
    ps->p++;
    if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-')) ps->p++;
    if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') return NULL;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') ps->p++;
  }
  out = malloc((size_t)(ps->p - begin) + 1);
  if (out == NULL) return NULL;
  memcpy(out, begin, (size_t)(ps->p - begin));
  out[ps->p - begin] = 0;
  return out;
}

static cts_jnode *value(parser *ps, int depth) {
  cts_jnode *n = NULL;
  skip_ws(ps);
  if (depth > MAX_DEPTH || ps->p >= ps->end) return NULL;
  switch (*ps->p) {
    case '{':
    case '[':
      if ((n = node(*ps->p == '{' ? CTS_JOBJECT : CTS_JARRAY)) == NULL) return NULL;
      if (!members(ps, n, depth, n->type == CTS_JOBJECT)) goto bad;
      return n;
    case '"':
      if ((n = node(CTS_JSTRING)) == NULL) return NULL;
      if ((n->text = string(ps)) == NULL) goto bad;
      return n;
    case 't':
    case 'f':
      if ((n = node(CTS_JBOOL)) == NULL) return NULL;
      n->boolean = *ps->p == 't';
      if (!literal(ps, n->boolean ? "true" : "false")) goto bad;
      return n;
    case 'n':
      if ((n = node(CTS_JNULL)) == NULL) return NULL;
      if (!literal(ps, "null")) goto bad;
      return n;
    default:
      if ((n = node(CTS_JNUMBER)) == NULL) return NULL;
      if ((n->text = number(ps)) == NULL) goto bad;
      return n;
  }
bad:
  cts_json_free(n);
  return NULL;
}

cts_jnode *cts_json_parse(const char *text, size_t len, size_t *out_offset) {
  parser ps = {text, text + len, text, 0};
  cts_jnode *root = value(&ps, 0);
  skip_ws(&ps);
  if (root != NULL && ps.p != ps.end) {
    cts_json_free(root);
    root = NULL;
  }
  if (out_offset != NULL) *out_offset = (size_t)(ps.p - text);
  return root;
}

void cts_json_free(cts_jnode *n) {
  while (n != NULL) {
    cts_jnode *next = n->next;
    cts_json_free(n->child);
    free(n->key);
    free(n->text);
    free(n);
    n = next;
  }
}

const cts_jnode *cts_json_get(const cts_jnode *object, const char *key) {
  if (object == NULL || object->type != CTS_JOBJECT) return NULL;
  for (const cts_jnode *m = object->child; m != NULL; m = m->next)
    if (strcmp(m->key, key) == 0) return m;
  return NULL;
}

uint64_t cts_json_u64(const cts_jnode *object, const char *key) {
  const cts_jnode *n = cts_json_get(object, key);
  if (n == NULL || n->type != CTS_JNUMBER || n->text[0] == '-') return 0;
  return strtoull(n->text, NULL, 10);
}

const char *cts_json_str(const cts_jnode *object, const char *key) {
  const cts_jnode *n = cts_json_get(object, key);
  return n != NULL && n->type == CTS_JSTRING ? n->text : NULL;
}
