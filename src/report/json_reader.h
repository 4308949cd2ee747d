/* A small JSON (RFC 8259) reader into a tree, for reading stats files
 * back (ctscan merge). Strict: one value, UTF-8 passed through, escapes
 * decoded, depth bounded, numbers kept as text so 64-bit integers are
 * exact. \u0080-\u00ff decode to the single byte the ctscan writer
 * escaped (see json_reader.c). */
#ifndef CTSCAN_REPORT_JSON_READER_H
#define CTSCAN_REPORT_JSON_READER_H

#include <stddef.h>
#include <stdint.h>

typedef enum cts_jtype {
  CTS_JNULL, CTS_JBOOL, CTS_JNUMBER, CTS_JSTRING, CTS_JARRAY, CTS_JOBJECT
} cts_jtype;

typedef struct cts_jnode {
  cts_jtype type;
  char *key;    /* member name when inside an object */
  char *text;   /* string value, or the number's text */
  int boolean;
  struct cts_jnode *child; /* first element or member */
  struct cts_jnode *next;  /* next sibling */
} cts_jnode;

/* Parses len bytes; NULL on a syntax error with *out_offset at it. */
cts_jnode *cts_json_parse(const char *text, size_t len, size_t *out_offset);
void cts_json_free(cts_jnode *node);
/* The member named key of an object, or NULL. */
const cts_jnode *cts_json_get(const cts_jnode *object, const char *key);
/* A non-negative integer member; 0 when absent or not a number. */
uint64_t cts_json_u64(const cts_jnode *object, const char *key);
/* A string member, or NULL. */
const char *cts_json_str(const cts_jnode *object, const char *key);

#endif
