/* A CBS-style cursor over DER and over TLS-style big-endian records.
 *
 * Every getter is a parse predicate: it works on a copy of the cursor and
 * writes the copy back only once everything has been checked, so a failure
 * leaves the caller's cursor where it was. Clause numbers refer to
 * ITU-T X.690 (02/2021) and RFC 5280. */
#include "ctscan/der.h"

#include <string.h>

#include "src/der/der_inline.h"

/* --- byte cursor ------------------------------------------------------- */

void cts_der_init(cts_der *cur, const uint8_t *data, size_t len) {
  cur->data = data;
  cur->len = len;
}

/* Moves the cursor n bytes on; the caller has checked n <= cur->len. A
 * zero step is not applied so that an empty cursor over NULL stays valid. */
static void advance(cts_der *cur, size_t n) {
  if (n == 0) return;
  cur->data += n;
  cur->len -= n;
}

int cts_der_skip(cts_der *cur, size_t n) {
  if (n > cur->len) return 0;
  advance(cur, n);
  return 1;
}

int cts_der_get_bytes(cts_der *cur, cts_der *out, size_t n) {
  cts_der taken;
  if (n > cur->len) return 0;
  cts_der_init(&taken, cur->data, n);
  advance(cur, n);
  if (out != NULL) *out = taken;
  return 1;
}

/* Reads an n-octet big-endian unsigned integer, 1 <= n <= 8. */
static int get_be(cts_der *cur, size_t n, uint64_t *out) {
  uint64_t v = 0;
  if (n > cur->len) return 0;
  for (size_t i = 0; i < n; i++) v = (v << 8) | cur->data[i];
  advance(cur, n);
  *out = v;
  return 1;
}

int cts_der_get_u8(cts_der *cur, uint8_t *out) {
  uint64_t v;
  if (!get_be(cur, 1, &v)) return 0;
  *out = (uint8_t)v;
  return 1;
}

int cts_der_get_u16(cts_der *cur, uint16_t *out) {
  uint64_t v;
  if (!get_be(cur, 2, &v)) return 0;
  *out = (uint16_t)v;
  return 1;
}

int cts_der_get_u24(cts_der *cur, uint32_t *out) {
  uint64_t v;
  if (!get_be(cur, 3, &v)) return 0;
  *out = (uint32_t)v;
  return 1;
}

int cts_der_get_u32(cts_der *cur, uint32_t *out) {
  uint64_t v;
  if (!get_be(cur, 4, &v)) return 0;
  *out = (uint32_t)v;
  return 1;
}

int cts_der_get_u40(cts_der *cur, uint64_t *out) {
  return get_be(cur, 5, out);
}

int cts_der_get_u64(cts_der *cur, uint64_t *out) {
  return get_be(cur, 8, out);
}

/* RFC 8446 3.4: "Variable-length vectors are defined by specifying a
 * subrange of legal lengths ... the length will be encoded in the number
 * of bytes required to hold the vector's specified maximum length." */
static int get_prefixed(cts_der *cur, cts_der *out, size_t n) {
  cts_der tmp = *cur, body;
  uint64_t len;
  if (!get_be(&tmp, n, &len) || !cts_der_get_bytes(&tmp, &body, (size_t)len))
    return 0;
  *cur = tmp;
  if (out != NULL) *out = body;
  return 1;
}

int cts_der_get_u8_prefixed(cts_der *cur, cts_der *out) {
  return get_prefixed(cur, out, 1);
}

int cts_der_get_u16_prefixed(cts_der *cur, cts_der *out) {
  return get_prefixed(cur, out, 2);
}

int cts_der_get_u24_prefixed(cts_der *cur, cts_der *out) {
  return get_prefixed(cur, out, 3);
}

/* --- identifier and length octets -------------------------------------- */

/* X.690 8.1.2.4.2: in the subsequent octets "bit 8 of each octet shall be
 * set to one unless it is the last octet of the identifier octets"; bits 7
 * to 1 of all of them form the tag number, and (c) "bits 7 to 1 of the
 * first subsequent octet shall not all be zero". The number must also fit
 * the 29 bits of the tag representation. */
static int parse_high_tag_number(cts_der *cur, uint32_t *out) {
  uint32_t v = 0;
  uint8_t b;
  if (cur->len > 0 && cur->data[0] == 0x80) return 0;
  do {
    if (!cts_der_get_u8(cur, &b)) return 0;
    if (v > (CTS_DER_TAG_NUMBER_MASK >> 7)) return 0;
    v = (v << 7) | (b & 0x7fu);
  } while (b & 0x80);
  /* X.690 8.1.2.2: "For tags with a number ranging from zero to 30
   * (inclusive), the identifier octets shall comprise a single octet". */
  if (v < 0x1f) return 0;
  *out = v;
  return 1;
}

/* X.690 8.1.2.2 and 8.1.2.3: bits 8-7 of the first identifier octet are the
 * class, bit 6 is primitive/constructed, bits 5-1 the tag number, with
 * 0x1f meaning that the number follows in subsequent octets (8.1.2.4). */
static int parse_tag(cts_der *cur, uint32_t *out) {
  uint8_t first;
  uint32_t number;
  if (!cts_der_get_u8(cur, &first)) return 0;
  number = first & 0x1fu;
  if (number == 0x1f && !parse_high_tag_number(cur, &number)) return 0;
  /* X.690 8.1.5: tag [UNIVERSAL 0] is the end-of-contents marker, which
   * only ends indefinite-length contents; DER has none (10.1). */
  if ((first & 0xc0u) == 0 && number == 0) return 0;
  *out = ((uint32_t)(first & 0xe0u) << 24) | number;
  return 1;
}

/* Every tag form, out of line: the inline header decoder of der_inline.h
 * comes here only for the high-tag-number form (X.690 8.1.2.4). */
size_t cts_der_header_slow(const uint8_t *d, size_t n, uint32_t *out_tag,
                           size_t *out_body) {
  cts_der tmp;
  uint32_t tag;
  size_t tag_len;
  cts_der_init(&tmp, d, n);
  if (!parse_tag(&tmp, &tag)) return 0;
  tag_len = n - tmp.len;
  tag_len = cts_der_length_at(d, n, tag_len, out_body);
  if (tag_len == 0) return 0;
  *out_tag = tag;
  return tag_len;
}

/* --- DER elements ------------------------------------------------------ */

int cts_der_get_any_element(cts_der *cur, cts_der *out, uint32_t *out_tag,
                            size_t *out_header_len) {
  uint32_t tag;
  size_t header_len, body_len;
  header_len = cts_der_header(cur->data, cur->len, &tag, &body_len);
  if (header_len == 0) return 0;
  const uint8_t *start = cur->data;
  advance(cur, header_len + body_len);
  if (out != NULL) cts_der_init(out, start, header_len + body_len);
  if (out_tag != NULL) *out_tag = tag;
  if (out_header_len != NULL) *out_header_len = header_len;
  return 1;
}

int cts_der_get_element(cts_der *cur, cts_der *out, uint32_t tag) {
  return cts_der_take(cur, out, tag, 0);
}

int cts_der_get_element_with_header(cts_der *cur, cts_der *out, uint32_t tag) {
  return cts_der_take(cur, out, tag, 1);
}

int cts_der_skip_element(cts_der *cur, uint32_t tag) {
  return cts_der_take(cur, NULL, tag, 1);
}

int cts_der_peek_tag(const cts_der *cur, uint32_t tag) {
  cts_der tmp = *cur;
  uint32_t got;
  int octet = cts_der_low_tag_octet(tag);
  if (octet >= 0) return cur->len > 0 && cur->data[0] == (uint8_t)octet;
  return parse_tag(&tmp, &got) && got == tag;
}

int cts_der_get_optional_element(cts_der *cur, cts_der *out, int *out_present,
                                 uint32_t tag) {
  if (!cts_der_peek_tag(cur, tag)) {
    *out_present = 0;
    return 1;
  }
  if (!cts_der_take(cur, out, tag, 0)) return 0;
  *out_present = 1;
  return 1;
}

/* --- OBJECT IDENTIFIER ------------------------------------------------- */

/* X.690 8.19.2: "bit 8 of the last octet is zero; bit 8 of each preceding
 * octet is one" and "the leading octet of the subidentifier shall not have
 * the value 0x80". Reads one subidentifier; *overflow is set when it does
 * not fit in 64 bits (the octets are still consumed). */
static int next_subid(cts_der *cur, uint64_t *out, int *overflow) {
  uint64_t v = 0;
  uint8_t b;
  *overflow = 0;
  if (cur->len > 0 && cur->data[0] == 0x80) return 0;
  do {
    if (!cts_der_get_u8(cur, &b)) return 0;
    if (v > (UINT64_MAX >> 7)) *overflow = 1;
    v = (v << 7) | (b & 0x7fu);
  } while (b & 0x80);
  *out = v;
  return 1;
}

/* X.690 8.19.2 also says the contents hold one or more subidentifiers, so
 * an empty OID is malformed; cts_der_oid_contents_valid checks it all in
 * one pass without decoding the subidentifiers. */
int cts_der_get_oid(cts_der *cur, cts_der *out) {
  return cts_der_take_oid(cur, out);
}

/* OIDs are short (a dozen octets) and most comparisons are lookups in a
 * table that fail early: a byte loop beats a call to memcmp. */
int cts_der_oid_equal(const cts_der *oid, const uint8_t *bytes, size_t len) {
  if (oid->len != len) return 0;
  for (size_t i = 0; i < len; i++)
    if (oid->data[i] != bytes[i]) return 0;
  return 1;
}

/* Appends n bytes at *pos, leaving room for the final NUL. */
static int append(char *buf, size_t buf_len, size_t *pos, const char *s,
                  size_t n) {
  if (buf_len - *pos <= n) return 0;
  memcpy(buf + *pos, s, n);
  *pos += n;
  buf[*pos] = '\0';
  return 1;
}

static int append_u64(char *buf, size_t buf_len, size_t *pos, uint64_t v) {
  char digits[20];
  size_t n = sizeof(digits);
  do {
    digits[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return append(buf, buf_len, pos, digits + n, sizeof(digits) - n);
}

/* X.690 8.19.4: the first subidentifier is (X*40)+Y for the first two arcs
 * X and Y, where X is 0, 1 or 2 and Y < 40 unless X is 2. */
static int append_first_arcs(char *buf, size_t buf_len, size_t *pos,
                             uint64_t v) {
  uint64_t x = v < 40 ? 0 : v < 80 ? 1 : 2;
  return append_u64(buf, buf_len, pos, x) &&
         append(buf, buf_len, pos, ".", 1) &&
         append_u64(buf, buf_len, pos, v - 40 * x);
}

static int write_oid(const cts_der *oid, char *buf, size_t buf_len) {
  cts_der tmp = *oid;
  size_t pos = 0;
  uint64_t v;
  int overflow;
  if (tmp.len == 0) return 0;
  buf[0] = '\0';
  if (!next_subid(&tmp, &v, &overflow) || overflow ||
      !append_first_arcs(buf, buf_len, &pos, v))
    return 0;
  while (tmp.len > 0) {
    if (!next_subid(&tmp, &v, &overflow) || overflow ||
        !append(buf, buf_len, &pos, ".", 1) ||
        !append_u64(buf, buf_len, &pos, v))
      return 0;
  }
  return 1;
}

int cts_der_oid_to_string(const cts_der *oid, char *buf, size_t buf_len) {
  if (buf == NULL || buf_len == 0) return 0;
  if (write_oid(oid, buf, buf_len)) return 1;
  buf[0] = '\0';
  return 0;
}

/* --- INTEGER, BOOLEAN, BIT STRING -------------------------------------- */

/* X.690 8.3.1: "The contents octets shall consist of one or more
 * octets." */
int cts_der_get_integer(cts_der *cur, cts_der *out) {
  cts_der tmp = *cur, contents;
  if (!cts_der_get_element(&tmp, &contents, CTS_DER_INTEGER) ||
      contents.len == 0)
    return 0;
  *cur = tmp;
  if (out != NULL) *out = contents;
  return 1;
}

/* X.690 8.3.2: "If the contents octets of an integer value encoding
 * consist of more than one octet, then the bits of the first octet and bit
 * 8 of the second octet: a) shall not all be ones; and b) shall not all be
 * zero." */
int cts_der_integer_is_minimal(const cts_der *contents) {
  if (contents->len == 0) return 0;
  if (contents->len == 1) return 1;
  if (contents->data[0] == 0x00 && !(contents->data[1] & 0x80)) return 0;
  if (contents->data[0] == 0xff && (contents->data[1] & 0x80)) return 0;
  return 1;
}

/* X.690 8.3.3: the contents are a two's complement binary number, so bit 8
 * of the first octet is the sign. */
int cts_der_integer_is_negative(const cts_der *contents) {
  return contents->len > 0 && (contents->data[0] & 0x80) != 0;
}

int cts_der_get_u64_integer(cts_der *cur, uint64_t *out) {
  cts_der tmp = *cur, contents;
  uint64_t v;
  if (!cts_der_get_integer(&tmp, &contents) ||
      !cts_der_integer_is_minimal(&contents) ||
      cts_der_integer_is_negative(&contents))
    return 0;
  /* A leading zero octet only carries the sign of a value with bit 64 set. */
  if (contents.data[0] == 0x00) advance(&contents, 1);
  if (contents.len > 8) return 0;
  if (contents.len == 0) v = 0;
  else if (!get_be(&contents, contents.len, &v)) return 0;
  *cur = tmp;
  *out = v;
  return 1;
}

/* X.690 8.2.1: "The contents octets shall consist of a single octet";
 * 11.1: "If the encoding represents the boolean value TRUE, its single
 * contents octet shall have all eight bits set to one." */
int cts_der_get_bool(cts_der *cur, int *out) {
  cts_der tmp = *cur, contents;
  if (!cts_der_get_element(&tmp, &contents, CTS_DER_BOOLEAN) ||
      contents.len != 1 ||
      (contents.data[0] != 0x00 && contents.data[0] != 0xff))
    return 0;
  *cur = tmp;
  *out = contents.data[0] != 0;
  return 1;
}

/* X.690 8.6.2.2: the initial octet holds the number of unused bits in the
 * final octet, "in the range zero to seven". 8.6.2.3: "If the bitstring is
 * empty, there shall be no subsequent octets, and the initial octet shall
 * be zero." 11.2.1: "Each unused bit in the final octet of the encoding of
 * a bit string value shall be set to zero." */
static int bit_string_is_valid(const cts_der *contents) {
  unsigned unused;
  if (contents->len == 0) return 0;
  unused = contents->data[0];
  if (unused > 7) return 0;
  if (contents->len == 1) return unused == 0;
  return (contents->data[contents->len - 1] & ((1u << unused) - 1u)) == 0;
}

int cts_der_get_bit_string(cts_der *cur, cts_der *out, unsigned *out_unused) {
  cts_der tmp = *cur, contents;
  unsigned unused;
  if (!cts_der_get_element(&tmp, &contents, CTS_DER_BIT_STRING) ||
      !bit_string_is_valid(&contents))
    return 0;
  unused = contents.data[0];
  advance(&contents, 1);
  *cur = tmp;
  if (out != NULL) *out = contents;
  if (out_unused != NULL) *out_unused = unused;
  return 1;
}

/* --- UTCTime and GeneralizedTime --------------------------------------- */

/* Parses n ASCII decimal digits. */
static int get_digits(cts_der *cur, size_t n, unsigned *out) {
  unsigned v = 0;
  if (n > cur->len) return 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = cur->data[i];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (unsigned)(c - '0');
  }
  advance(cur, n);
  *out = v;
  return 1;
}

static int is_leap_year(unsigned year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static unsigned days_in_month(unsigned year, unsigned month) {
  static const uint8_t days[12] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return days[month - 1];
}

/* Days from 1970-01-01 to year-month-day in the proleptic Gregorian
 * calendar. The year is counted from March so that the leap day falls at
 * its end; 400 years (146097 days) are added so that the arithmetic stays
 * on non-negative numbers for years 0 to 9999. */
static int64_t days_from_civil(unsigned year, unsigned month, unsigned day) {
  int64_t y = (int64_t)year + 400 - (month <= 2);
  int64_t m = month <= 2 ? month + 9 : month - 3; /* March is 0. */
  int64_t days = 365 * y + y / 4 - y / 100 + y / 400;
  days += (153 * m + 2) / 5 + day - 1;
  /* 0000-03-01 minus 400 years, as days before 1970-01-01. */
  return days - 146097 - 719468;
}

typedef struct {
  unsigned year, month, day, hour, minute, second;
} civil_time;

/* RFC 5280 4.1.2.5.1: UTCTime "MUST be expressed in Greenwich Mean Time
 * (Zulu) and MUST include seconds (i.e., times are YYMMDDHHMMSSZ)"; "Where
 * YY is greater than or equal to 50, the year SHALL be interpreted as
 * 19YY; and Where YY is less than 50, the year SHALL be interpreted as
 * 20YY." X.690 11.8.1 and 11.8.2 say the same of DER. */
static int parse_utc_year(cts_der *cur, unsigned *year) {
  unsigned yy;
  if (cur->len != 13 || cur->data[12] != 'Z') return 0;
  if (!get_digits(cur, 2, &yy)) return 0;
  *year = yy >= 50 ? 1900 + yy : 2000 + yy;
  return 1;
}

/* RFC 5280 4.1.2.5.2: GeneralizedTime "MUST be expressed in Greenwich Mean
 * Time (Zulu) and MUST include seconds (i.e., times are YYYYMMDDHHMMSSZ),
 * even where the number of seconds is zero. GeneralizedTime values MUST
 * NOT include fractional seconds." */
static int parse_generalized_year(cts_der *cur, unsigned *year) {
  if (cur->len != 15 || cur->data[14] != 'Z') return 0;
  return get_digits(cur, 4, year);
}

/* MMDDHHMMSS, each field checked against its range. */
static int parse_month_to_second(cts_der *cur, civil_time *t) {
  if (!get_digits(cur, 2, &t->month) || !get_digits(cur, 2, &t->day) ||
      !get_digits(cur, 2, &t->hour) || !get_digits(cur, 2, &t->minute) ||
      !get_digits(cur, 2, &t->second))
    return 0;
  if (t->month < 1 || t->month > 12) return 0;
  if (t->day < 1 || t->day > days_in_month(t->year, t->month)) return 0;
  return t->hour < 24 && t->minute < 60 && t->second < 60;
}

int cts_der_parse_time(uint32_t tag, const cts_der *contents,
                       int64_t *out_unix) {
  cts_der tmp = *contents;
  civil_time t;
  int64_t days;
  if (tag == CTS_DER_UTC_TIME) {
    if (!parse_utc_year(&tmp, &t.year)) return 0;
  } else if (tag == CTS_DER_GENERALIZED_TIME) {
    if (!parse_generalized_year(&tmp, &t.year)) return 0;
  } else {
    return 0;
  }
  if (!parse_month_to_second(&tmp, &t)) return 0;
  days = days_from_civil(t.year, t.month, t.day);
  *out_unix = days * 86400 + (int64_t)t.hour * 3600 +
              (int64_t)t.minute * 60 + (int64_t)t.second;
  return 1;
}

int cts_der_get_time(cts_der *cur, int64_t *out_unix, uint32_t *out_tag) {
  cts_der tmp = *cur, elem;
  uint32_t tag;
  size_t header_len;
  int64_t t;
  if (!cts_der_get_any_element(&tmp, &elem, &tag, &header_len)) return 0;
  advance(&elem, header_len);
  if (!cts_der_parse_time(tag, &elem, &t)) return 0;
  *cur = tmp;
  *out_unix = t;
  if (out_tag != NULL) *out_tag = tag;
  return 1;
}
