/* libFuzzer target for the DER cursor (src/der/der.c).
 *
 * Walks arbitrary input as DER, descending into constructed elements and
 * into OCTET STRING and BIT STRING contents up to MAX_DEPTH, and checks:
 *  - a failed getter leaves the cursor where it was;
 *  - every element taken by cts_der_get_any_element re-encodes, tag and
 *    length, to exactly the header bytes it was read from (so only DER
 *    headers are accepted);
 *  - the getters by tag agree with cts_der_get_any_element;
 *  - typed getters agree with independent re-encoders: u64 INTEGERs,
 *    dotted OIDs parsed back to contents, times formatted back to text.
 *
 * Build: clang -fsanitize=fuzzer,address,undefined -Iinclude -I. \
 *          tests/fuzz/fuzz_der.c src/der/der.c -o fuzz_der */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/der.h"
#include "fuzz_check.h"

#define MAX_DEPTH 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const cts_der *a, const cts_der *b) {
  return a->data == b->data && a->len == b->len;
}

/* --- reference encoders ------------------------------------------------ */

/* Writes v in base 128, most significant group first, bit 8 set on all
 * but the last octet. Returns the octet count. */
static size_t put_base128(uint8_t *out, uint64_t v) {
  uint8_t tmp[10];
  size_t n = 0;
  do {
    tmp[n++] = (uint8_t)(v & 0x7f);
    v >>= 7;
  } while (v != 0);
  for (size_t i = 0; i < n; i++)
    out[i] = (uint8_t)(tmp[n - 1 - i] | (i + 1 < n ? 0x80 : 0));
  return n;
}

/* The DER identifier and length octets for tag and len. */
static size_t encode_header(uint32_t tag, size_t len, uint8_t out[16]) {
  uint8_t ident = (uint8_t)((tag >> 24) & 0xe0);
  uint32_t number = tag & CTS_DER_TAG_NUMBER_MASK;
  size_t n = 0, octets = 0;
  if (number < 31) {
    out[n++] = (uint8_t)(ident | number);
  } else {
    out[n++] = (uint8_t)(ident | 0x1f);
    n += put_base128(out + n, number);
  }
  if (len < 0x80) {
    out[n++] = (uint8_t)len;
    return n;
  }
  for (size_t l = len; l != 0; l >>= 8) octets++;
  out[n++] = (uint8_t)(0x80 | octets);
  for (size_t i = octets; i > 0; i--) out[n++] = (uint8_t)(len >> (8 * (i - 1)));
  return n;
}

/* Minimal two's complement contents of a non-negative v. */
static size_t encode_u64_integer(uint64_t v, uint8_t out[9]) {
  uint8_t tmp[9];
  size_t n = 0;
  do {
    tmp[n++] = (uint8_t)v;
    v >>= 8;
  } while (v != 0);
  if (tmp[n - 1] & 0x80) tmp[n++] = 0;
  for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  return n;
}

/* Parses a decimal arc; advances *s. */
static int parse_arc(const char **s, uint64_t *out) {
  uint64_t v = 0;
  const char *p = *s;
  if (*p < '0' || *p > '9') return 0;
  if (*p == '0' && p[1] >= '0' && p[1] <= '9') return 0;
  for (; *p >= '0' && *p <= '9'; p++) {
    unsigned d = (unsigned)(*p - '0');
    if (v > (UINT64_MAX - d) / 10) return 0;
    v = v * 10 + d;
  }
  *s = p;
  *out = v;
  return 1;
}

/* Encodes dotted text back into OID contents. Returns the length, or 0. */
static size_t encode_oid_text(const char *s, uint8_t *out, size_t cap) {
  uint64_t x, y;
  size_t n = 0;
  if (!parse_arc(&s, &x) || *s++ != '.' || !parse_arc(&s, &y)) return 0;
  if (x > 2 || (x < 2 && y >= 40) || y > UINT64_MAX - 80) return 0;
  if (cap < 10) return 0;
  n += put_base128(out, x * 40 + y);
  while (*s == '.') {
    s++;
    if (!parse_arc(&s, &y) || cap - n < 10) return 0;
    n += put_base128(out + n, y);
  }
  return *s == '\0' ? n : 0;
}

static int leap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Formats Unix seconds as YYYYMMDDHHMMSSZ by walking whole years and
 * months from 1970, independently of the parser's arithmetic. */
static int format_time(int64_t t, char out[32]) {
  static const int mdays[12] = {31, 28, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
  int64_t days = t / 86400, secs = t % 86400, year = 1970;
  int month = 0;
  if (secs < 0) {
    secs += 86400;
    days--;
  }
  while (days < 0) days += 365 + leap(--year);
  while (days >= 365 + leap(year)) days -= 365 + leap(year++);
  while (days >= mdays[month] + (month == 1 && leap(year)))
    days -= mdays[month] + (month == 1 && leap(year)), month++;
  if (year < 0 || year > 9999) return 0;
  snprintf(out, 32, "%04d%02d%02d%02d%02d%02dZ", (int)year, month + 1,
           (int)days + 1, (int)(secs / 3600), (int)(secs / 60 % 60),
           (int)(secs % 60));
  return 1;
}

/* --- checks by tag ----------------------------------------------------- */

static void check_integer(const cts_der *at, const cts_der *contents) {
  cts_der c = *at, out;
  uint64_t v;
  uint8_t enc[9];
  CHECK(cts_der_get_integer(&c, &out) == (contents->len > 0));
  c = *at;
  if (!cts_der_get_u64_integer(&c, &v)) {
    CHECK(same(&c, at));
    return;
  }
  CHECK(cts_der_integer_is_minimal(contents));
  CHECK(!cts_der_integer_is_negative(contents));
  CHECK(encode_u64_integer(v, enc) == contents->len);
  CHECK(memcmp(enc, contents->data, contents->len) == 0);
}

/* 1 if some subidentifier spans ten or more octets (needed to pass 64
 * bits). */
static int has_long_subid(const cts_der *oid) {
  size_t run = 0;
  for (size_t i = 0; i < oid->len; i++) {
    run++;
    if (run >= 10) return 1;
    if (!(oid->data[i] & 0x80)) run = 0;
  }
  return 0;
}

static void check_oid(const cts_der *at, const cts_der *contents) {
  cts_der c = *at, out;
  size_t cap = contents->len * 4 + 32, n;
  char *text;
  uint8_t *enc;
  if (!cts_der_get_oid(&c, &out)) {
    CHECK(same(&c, at));
    CHECK(!cts_der_oid_to_string(contents, (char[32]){0}, 32));
    return;
  }
  CHECK(same(&out, contents));
  CHECK(cts_der_oid_equal(&out, contents->data, contents->len));
  text = malloc(cap);
  enc = malloc(cap);
  CHECK(text != NULL && enc != NULL);
  if (cts_der_oid_to_string(&out, text, cap)) {
    n = encode_oid_text(text, enc, cap);
    CHECK(n == contents->len && memcmp(enc, contents->data, n) == 0);
    /* Exactly strlen + 1 bytes suffice, one fewer does not. */
    n = strlen(text);
    CHECK(cts_der_oid_to_string(&out, (char *)enc, n + 1));
    CHECK(memcmp(enc, text, n + 1) == 0);
    CHECK(!cts_der_oid_to_string(&out, (char *)enc, n) && enc[0] == 0);
  } else {
    CHECK(has_long_subid(contents));
  }
  free(text);
  free(enc);
}

static void check_bool(const cts_der *at, const cts_der *contents) {
  cts_der c = *at;
  int v;
  int want = contents->len == 1 &&
             (contents->data[0] == 0 || contents->data[0] == 0xff);
  CHECK(cts_der_get_bool(&c, &v) == want);
  if (want) CHECK(v == (contents->data[0] != 0));
  else CHECK(same(&c, at));
}

static void check_bit_string(const cts_der *at, const cts_der *contents) {
  cts_der c = *at, out;
  unsigned unused;
  if (!cts_der_get_bit_string(&c, &out, &unused)) {
    CHECK(same(&c, at));
    return;
  }
  CHECK(unused <= 7 && out.len + 1 == contents->len);
  CHECK(unused == 0 || (out.len > 0 && (out.data[out.len - 1] &
                                        ((1u << unused) - 1)) == 0));
}

static void check_time(const cts_der *at, uint32_t tag,
                       const cts_der *contents) {
  cts_der c = *at;
  int64_t t, t2;
  uint32_t got_tag;
  char text[32];
  int ok = cts_der_parse_time(tag, contents, &t);
  CHECK(cts_der_get_time(&c, &t2, &got_tag) == ok);
  if (!ok) {
    CHECK(same(&c, at));
    return;
  }
  CHECK(t == t2 && got_tag == tag);
  CHECK(format_time(t, text));
  /* RFC 5280 4.1.2.5.1: UTCTime covers 1950-01-01 to 2049-12-31. */
  if (tag == CTS_DER_UTC_TIME)
    CHECK(contents->len == 13 && memcmp(text + 2, contents->data, 13) == 0 &&
          t >= -631152000 && t <= 2524607999);
  else
    CHECK(contents->len == 15 && memcmp(text, contents->data, 15) == 0);
}

/* The getters by tag must agree with cts_der_get_any_element. */
static void check_by_tag(const cts_der *at, const cts_der *elem, uint32_t tag,
                         size_t header_len) {
  cts_der c = *at, out;
  int present = -1;
  CHECK(cts_der_peek_tag(at, tag));
  CHECK(cts_der_get_element(&c, &out, tag));
  CHECK(out.data == elem->data + header_len &&
        out.len == elem->len - header_len);
  c = *at;
  CHECK(cts_der_get_element_with_header(&c, &out, tag) && same(&out, elem));
  c = *at;
  CHECK(cts_der_skip_element(&c, tag) && c.data == elem->data + elem->len);
  c = *at;
  CHECK(cts_der_get_optional_element(&c, &out, &present, tag) && present == 1);
  c = *at;
  CHECK(!cts_der_get_element(&c, &out, tag ^ 1u) && same(&c, at));
  present = -1;
  CHECK(cts_der_get_optional_element(&c, &out, &present, tag ^ 1u));
  CHECK(present == 0 && same(&c, at));
}

static void check_typed(const cts_der *at, uint32_t tag,
                        const cts_der *contents) {
  switch (tag) {
    case CTS_DER_INTEGER: check_integer(at, contents); break;
    case CTS_DER_OID: check_oid(at, contents); break;
    case CTS_DER_BOOLEAN: check_bool(at, contents); break;
    case CTS_DER_BIT_STRING: check_bit_string(at, contents); break;
    case CTS_DER_UTC_TIME:
    case CTS_DER_GENERALIZED_TIME: check_time(at, tag, contents); break;
    default: break;
  }
}

/* --- walk -------------------------------------------------------------- */

static void walk(cts_der cur, int depth);

static void check_element(const cts_der *at, const cts_der *elem,
                          uint32_t tag, size_t header_len, int depth) {
  uint8_t enc[16];
  cts_der contents;
  CHECK(header_len <= elem->len && elem->data == at->data);
  CHECK(encode_header(tag, elem->len - header_len, enc) == header_len);
  CHECK(memcmp(enc, elem->data, header_len) == 0);
  cts_der_init(&contents, elem->data + header_len, elem->len - header_len);
  check_by_tag(at, elem, tag, header_len);
  check_typed(at, tag, &contents);
  if (depth >= MAX_DEPTH) return;
  if ((tag & CTS_DER_CONSTRUCTED) || tag == CTS_DER_OCTET_STRING)
    walk(contents, depth + 1);
  if (tag == CTS_DER_BIT_STRING && contents.len > 1 && contents.data[0] == 0)
    walk((cts_der){contents.data + 1, contents.len - 1}, depth + 1);
}

/* Takes elements one after another; on a malformed one, checks that
 * nothing moved and resumes one byte later. */
static void walk(cts_der cur, int depth) {
  while (cur.len > 0) {
    cts_der at = cur, elem;
    uint32_t tag;
    size_t header_len;
    if (!cts_der_get_any_element(&cur, &elem, &tag, &header_len)) {
      CHECK(same(&cur, &at));
      CHECK(!cts_der_skip_element(&cur, CTS_DER_SEQUENCE) && same(&cur, &at));
      CHECK(cts_der_skip(&cur, 1));
      continue;
    }
    CHECK(cur.data == at.data + elem.len && cur.len == at.len - elem.len);
    check_element(&at, &elem, tag, header_len, depth);
  }
}

/* Reads the input as a run of TLS vectors with 1-, 2- and 3-octet
 * prefixes, chosen by a leading selector byte. */
static void walk_tls(cts_der cur) {
  uint8_t sel;
  while (cts_der_get_u8(&cur, &sel)) {
    cts_der at = cur, out;
    uint64_t v;
    int ok;
    switch (sel % 4) {
      case 0: ok = cts_der_get_u8_prefixed(&cur, &out); break;
      case 1: ok = cts_der_get_u16_prefixed(&cur, &out); break;
      case 2: ok = cts_der_get_u24_prefixed(&cur, &out); break;
      default: ok = cts_der_get_u40(&cur, &v); out = at; break;
    }
    if (!ok) {
      CHECK(same(&cur, &at));
      return;
    }
    CHECK(cur.data >= at.data && cur.data <= at.data + at.len);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cts_der cur;
  cts_der_init(&cur, data, size);
  walk(cur, 0);
  walk_tls(cur);
  return 0;
}
