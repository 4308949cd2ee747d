/* Unit tests for the DER cursor (src/der/der.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/der.h"
#include "test.h"

#define BYTES(...) ((const uint8_t[]){__VA_ARGS__})
#define NBYTES(...) sizeof(BYTES(__VA_ARGS__))
/* Points cursor c at the listed bytes (a compound literal of the caller's
 * block). */
#define CUR(c, ...) cts_der_init(&(c), BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__))

/* call must return 0 and leave cursor c exactly where it was. */
#define EXPECT_FAIL(c, call)                     \
  do {                                           \
    cts_der saved_ = (c);                        \
    CU_ASSERT_EQUAL((call), 0);                  \
    CU_ASSERT_PTR_EQUAL((c).data, saved_.data);  \
    CU_ASSERT_EQUAL((c).len, saved_.len);        \
  } while (0)

/* call must return 1 and leave n bytes in cursor c. */
#define EXPECT_OK(c, call, n)      \
  do {                             \
    CU_ASSERT_EQUAL((call), 1);    \
    CU_ASSERT_EQUAL((c).len, (n)); \
  } while (0)

/* out must be the n bytes at p. */
#define EXPECT_VIEW(out, p, n)               \
  do {                                       \
    CU_ASSERT_PTR_EQUAL((out).data, (p));    \
    CU_ASSERT_EQUAL((out).len, (size_t)(n)); \
  } while (0)

/* --- byte cursor ------------------------------------------------------- */

static void test_init_and_skip(void) {
  static const uint8_t b[] = {1, 2, 3};
  cts_der c;
  cts_der_init(&c, b, sizeof(b));
  EXPECT_VIEW(c, b, 3);
  EXPECT_OK(c, cts_der_skip(&c, 0), 3);
  CU_ASSERT_PTR_EQUAL(c.data, b);
  EXPECT_OK(c, cts_der_skip(&c, 2), 1);
  CU_ASSERT_PTR_EQUAL(c.data, b + 2);
  EXPECT_FAIL(c, cts_der_skip(&c, 2));
  EXPECT_FAIL(c, cts_der_skip(&c, SIZE_MAX));
  EXPECT_OK(c, cts_der_skip(&c, 1), 0);
  EXPECT_FAIL(c, cts_der_skip(&c, 1));
  EXPECT_OK(c, cts_der_skip(&c, 0), 0);

  /* An empty cursor may point nowhere. */
  cts_der_init(&c, NULL, 0);
  EXPECT_OK(c, cts_der_skip(&c, 0), 0);
  CU_ASSERT_PTR_NULL(c.data);
  EXPECT_FAIL(c, cts_der_skip(&c, 1));
}

static void test_get_bytes(void) {
  static const uint8_t b[] = {1, 2, 3, 4};
  cts_der c, out;
  cts_der_init(&c, b, sizeof(b));
  EXPECT_OK(c, cts_der_get_bytes(&c, &out, 0), 4);
  EXPECT_VIEW(out, b, 0);
  EXPECT_OK(c, cts_der_get_bytes(&c, &out, 3), 1);
  EXPECT_VIEW(out, b, 3);
  EXPECT_FAIL(c, cts_der_get_bytes(&c, &out, 2));
  EXPECT_FAIL(c, cts_der_get_bytes(&c, &out, SIZE_MAX));
  EXPECT_OK(c, cts_der_get_bytes(&c, &out, 1), 0);
  EXPECT_VIEW(out, b + 3, 1);

  /* out may be the cursor itself: it then narrows to the bytes taken. */
  cts_der_init(&c, b, sizeof(b));
  CU_ASSERT_EQUAL(cts_der_get_bytes(&c, &c, 2), 1);
  EXPECT_VIEW(c, b, 2);

  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_bytes(&c, &out, 1));
}

static void test_get_uints(void) {
  static const uint8_t b[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                              0x08, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa,
                              0xf9, 0xf8};
  cts_der c;
  uint8_t u8 = 0;
  uint16_t u16 = 0;
  uint32_t u32 = 0;
  uint64_t u64 = 0;

  cts_der_init(&c, b, sizeof(b));
  EXPECT_OK(c, cts_der_get_u8(&c, &u8), 15);
  CU_ASSERT_EQUAL(u8, 0x01);
  EXPECT_OK(c, cts_der_get_u16(&c, &u16), 13);
  CU_ASSERT_EQUAL(u16, 0x0203);
  EXPECT_OK(c, cts_der_get_u24(&c, &u32), 10);
  CU_ASSERT_EQUAL(u32, 0x040506);
  EXPECT_OK(c, cts_der_get_u32(&c, &u32), 6);
  CU_ASSERT_EQUAL(u32, 0x0708fffeu);
  EXPECT_OK(c, cts_der_get_u40(&c, &u64), 1);
  CU_ASSERT_EQUAL(u64, 0xfdfcfbfaf9ull);

  cts_der_init(&c, b, sizeof(b));
  EXPECT_OK(c, cts_der_get_u64(&c, &u64), 8);
  CU_ASSERT_EQUAL(u64, 0x0102030405060708ull);
  EXPECT_OK(c, cts_der_get_u64(&c, &u64), 0);
  CU_ASSERT_EQUAL(u64, 0xfffefdfcfbfaf9f8ull);

  cts_der_init(&c, b, sizeof(b));
  EXPECT_OK(c, cts_der_get_u40(&c, &u64), 11);
  CU_ASSERT_EQUAL(u64, 0x0102030405ull);

  /* Each getter fails, untouched, on one byte too few. */
  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_u8(&c, &u8));
  cts_der_init(&c, b, 1);
  EXPECT_FAIL(c, cts_der_get_u16(&c, &u16));
  cts_der_init(&c, b, 2);
  EXPECT_FAIL(c, cts_der_get_u24(&c, &u32));
  cts_der_init(&c, b, 3);
  EXPECT_FAIL(c, cts_der_get_u32(&c, &u32));
  cts_der_init(&c, b, 4);
  EXPECT_FAIL(c, cts_der_get_u40(&c, &u64));
  cts_der_init(&c, b, 7);
  EXPECT_FAIL(c, cts_der_get_u64(&c, &u64));

  /* Exact sizes succeed and empty the cursor. */
  cts_der_init(&c, b, 1);
  EXPECT_OK(c, cts_der_get_u8(&c, &u8), 0);
  cts_der_init(&c, b, 2);
  EXPECT_OK(c, cts_der_get_u16(&c, &u16), 0);
  cts_der_init(&c, b, 3);
  EXPECT_OK(c, cts_der_get_u24(&c, &u32), 0);
  cts_der_init(&c, b, 4);
  EXPECT_OK(c, cts_der_get_u32(&c, &u32), 0);
  cts_der_init(&c, b, 5);
  EXPECT_OK(c, cts_der_get_u40(&c, &u64), 0);

  /* Extremes. */
  CUR(c, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
  EXPECT_OK(c, cts_der_get_u64(&c, &u64), 0);
  CU_ASSERT_EQUAL(u64, UINT64_MAX);
  CUR(c, 0xff, 0xff, 0xff, 0xff, 0xff);
  EXPECT_OK(c, cts_der_get_u40(&c, &u64), 0);
  CU_ASSERT_EQUAL(u64, 0xffffffffffull);
  CUR(c, 0xff, 0xff, 0xff);
  EXPECT_OK(c, cts_der_get_u24(&c, &u32), 0);
  CU_ASSERT_EQUAL(u32, 0xffffffu);
}

static void test_prefixed(void) {
  cts_der c, out;

  CUR(c, 0x02, 0xaa, 0xbb, 0xcc);
  EXPECT_OK(c, cts_der_get_u8_prefixed(&c, &out), 1);
  EXPECT_VIEW(out, c.data - 2, 2);
  CU_ASSERT_EQUAL(out.data[0], 0xaa);
  CU_ASSERT_EQUAL(out.data[1], 0xbb);

  CUR(c, 0x00);
  EXPECT_OK(c, cts_der_get_u8_prefixed(&c, &out), 0);
  CU_ASSERT_EQUAL(out.len, 0);
  CUR(c, 0x03, 0xaa, 0xbb);
  EXPECT_FAIL(c, cts_der_get_u8_prefixed(&c, &out));
  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_u8_prefixed(&c, &out));

  CUR(c, 0x00, 0x03, 0x01, 0x02, 0x03, 0x04);
  EXPECT_OK(c, cts_der_get_u16_prefixed(&c, &out), 1);
  CU_ASSERT_EQUAL(out.len, 3);
  CU_ASSERT_EQUAL(out.data[2], 0x03);
  CUR(c, 0x00, 0x00);
  EXPECT_OK(c, cts_der_get_u16_prefixed(&c, &out), 0);
  CU_ASSERT_EQUAL(out.len, 0);
  CUR(c, 0x01, 0x00, 0x01);
  EXPECT_FAIL(c, cts_der_get_u16_prefixed(&c, &out));
  CUR(c, 0x00);
  EXPECT_FAIL(c, cts_der_get_u16_prefixed(&c, &out));
  CUR(c, 0xff, 0xff, 0x01);
  EXPECT_FAIL(c, cts_der_get_u16_prefixed(&c, &out));

  CUR(c, 0x00, 0x00, 0x02, 0x09, 0x08);
  EXPECT_OK(c, cts_der_get_u24_prefixed(&c, &out), 0);
  CU_ASSERT_EQUAL(out.len, 2);
  CU_ASSERT_EQUAL(out.data[0], 0x09);
  CUR(c, 0x00, 0x00, 0x00);
  EXPECT_OK(c, cts_der_get_u24_prefixed(&c, &out), 0);
  CU_ASSERT_EQUAL(out.len, 0);
  CUR(c, 0x00, 0x00, 0x03, 0x09, 0x08);
  EXPECT_FAIL(c, cts_der_get_u24_prefixed(&c, &out));
  CUR(c, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_u24_prefixed(&c, &out));
  CUR(c, 0xff, 0xff, 0xff, 0x00);
  EXPECT_FAIL(c, cts_der_get_u24_prefixed(&c, &out));

  /* out may be the cursor itself. */
  CUR(c, 0x01, 0x77, 0x88);
  CU_ASSERT_EQUAL(cts_der_get_u8_prefixed(&c, &c), 1);
  CU_ASSERT_EQUAL(c.len, 1);
  CU_ASSERT_EQUAL(c.data[0], 0x77);
}

/* --- element headers --------------------------------------------------- */

static void test_any_element(void) {
  cts_der c, out;
  uint32_t tag = 0;
  size_t hdr = 0;

  CUR(c, 0x04, 0x02, 0xaa, 0xbb, 0x05, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 2);
  CU_ASSERT_EQUAL(tag, CTS_DER_OCTET_STRING);
  CU_ASSERT_EQUAL(hdr, 2);
  CU_ASSERT_EQUAL(out.len, 4);
  CU_ASSERT_EQUAL(out.data[0], 0x04);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, NULL, NULL), 0);
  CU_ASSERT_EQUAL(out.len, 2);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));

  /* Class and constructed bits go to the top byte. */
  CUR(c, 0x30, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_SEQUENCE);
  CUR(c, 0x31, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_SET);
  CUR(c, 0xa3, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 3);
  CUR(c, 0x80, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_CONTEXT_SPECIFIC | 0);
  CUR(c, 0x41, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_APPLICATION | 1);
  CUR(c, 0xde, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_PRIVATE | 0x1e);
  CUR(c, 0xfe, 0x00);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &out, &tag, NULL), 1);
  CU_ASSERT_EQUAL(tag, CTS_DER_PRIVATE | CTS_DER_CONSTRUCTED | 0x1e);
  CU_ASSERT_EQUAL(tag & CTS_DER_CLASS_MASK, CTS_DER_PRIVATE);
  CU_ASSERT_EQUAL(tag & CTS_DER_TAG_NUMBER_MASK, 0x1e);

  /* End-of-contents ([UNIVERSAL 0]) only closes indefinite lengths. */
  CUR(c, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x20, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));

  /* out may be the cursor itself. */
  CUR(c, 0x05, 0x00, 0x01);
  CU_ASSERT_EQUAL(cts_der_get_any_element(&c, &c, NULL, NULL), 1);
  CU_ASSERT_EQUAL(c.len, 2);
  CU_ASSERT_EQUAL(c.data[0], 0x05);
}

/* Checks that every element getter rejects the n bytes at p, whose first
 * element (when it has a tag) is an OCTET STRING, without moving. */
static void expect_all_element_getters_fail(const uint8_t *p, size_t n) {
  cts_der c, out;
  uint32_t tag;
  size_t hdr;
  int present = 7;
  cts_der_init(&c, p, n);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  EXPECT_FAIL(c, cts_der_get_any_element(&c, NULL, NULL, NULL));
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_OCTET_STRING));
  EXPECT_FAIL(c,
              cts_der_get_element_with_header(&c, &out, CTS_DER_OCTET_STRING));
  EXPECT_FAIL(c, cts_der_skip_element(&c, CTS_DER_OCTET_STRING));
  if (cts_der_peek_tag(&c, CTS_DER_OCTET_STRING))
    EXPECT_FAIL(c, cts_der_get_optional_element(&c, &out, &present,
                                                CTS_DER_OCTET_STRING));
}

/* Builds tag, length octets hdr[0..hdr_len) and body_len zero octets, then
 * returns what cts_der_get_any_element says, checking that a success takes
 * the whole buffer with the expected header length. */
static int parse_built(const uint8_t *hdr, size_t hdr_len, size_t body_len,
                       int check_all_fail) {
  size_t n = 1 + hdr_len + body_len;
  uint8_t *buf = calloc(1, n);
  cts_der c, out;
  uint32_t tag = 0;
  size_t got_hdr = 0;
  int ok;
  if (buf == NULL) return -1;
  buf[0] = 0x04;
  if (hdr_len > 0) memcpy(buf + 1, hdr, hdr_len);
  cts_der_init(&c, buf, n);
  ok = cts_der_get_any_element(&c, &out, &tag, &got_hdr);
  if (ok && (c.len != 0 || out.len != n || got_hdr != 1 + hdr_len ||
             tag != CTS_DER_OCTET_STRING))
    ok = -2;
  if (!ok && check_all_fail) expect_all_element_getters_fail(buf, n);
  free(buf);
  return ok;
}

#define BUILT(body_len, ...) \
  parse_built(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__), (body_len), 1)

static void test_length_valid_forms(void) {
  CU_ASSERT_EQUAL(BUILT(0, 0x00), 1);
  CU_ASSERT_EQUAL(BUILT(1, 0x01), 1);
  CU_ASSERT_EQUAL(BUILT(0x7f, 0x7f), 1);
  CU_ASSERT_EQUAL(BUILT(0x80, 0x81, 0x80), 1);
  CU_ASSERT_EQUAL(BUILT(0xff, 0x81, 0xff), 1);
  CU_ASSERT_EQUAL(BUILT(0x100, 0x82, 0x01, 0x00), 1);
  CU_ASSERT_EQUAL(BUILT(0xffff, 0x82, 0xff, 0xff), 1);
  CU_ASSERT_EQUAL(BUILT(0x10000, 0x83, 0x01, 0x00, 0x00), 1);
  CU_ASSERT_EQUAL(BUILT(0x1000000, 0x84, 0x01, 0x00, 0x00, 0x00), 1);
}

static void test_length_malformed(void) {
  /* X.690 8.1.3.6 / 10.1: indefinite form. */
  CU_ASSERT_EQUAL(BUILT(2, 0x80), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x80), 0);
  /* 10.1: long form for a length below 0x80. */
  CU_ASSERT_EQUAL(BUILT(0x7f, 0x81, 0x7f), 0);
  CU_ASSERT_EQUAL(BUILT(1, 0x81, 0x01), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x81, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0x7f, 0x82, 0x00, 0x7f), 0);
  /* 10.1: leading zero octet in the long form. */
  CU_ASSERT_EQUAL(BUILT(0x80, 0x82, 0x00, 0x80), 0);
  CU_ASSERT_EQUAL(BUILT(0xff, 0x82, 0x00, 0xff), 0);
  CU_ASSERT_EQUAL(BUILT(0x100, 0x83, 0x00, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0x100, 0x84, 0x00, 0x00, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0x10000, 0x84, 0x00, 0x01, 0x00, 0x00), 0);
  /* More than 4 length octets. */
  CU_ASSERT_EQUAL(BUILT(0x100, 0x85, 0x00, 0x00, 0x00, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0x100, 0x88, 0, 0, 0, 0, 0, 0, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0xfe, 0x01), 0);
  /* 8.1.3.5 (c): the octet 0xff is never a length. */
  CU_ASSERT_EQUAL(BUILT(0, 0xff), 0);
  CU_ASSERT_EQUAL(BUILT(8, 0xff, 0, 0, 0, 0, 0, 0, 0), 0);
  /* Contents past the end. */
  CU_ASSERT_EQUAL(BUILT(0, 0x01), 0);
  CU_ASSERT_EQUAL(BUILT(4, 0x05), 0);
  CU_ASSERT_EQUAL(BUILT(0x7e, 0x7f), 0);
  CU_ASSERT_EQUAL(BUILT(0x7f, 0x81, 0x80), 0);
  CU_ASSERT_EQUAL(BUILT(0xff, 0x82, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x84, 0xff, 0xff, 0xff, 0xff), 0);
  CU_ASSERT_EQUAL(BUILT(0xffff, 0x83, 0x01, 0x00, 0x00), 0);
  /* Length octets cut short. */
  CU_ASSERT_EQUAL(BUILT(0, 0x81), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x82, 0x01), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x83, 0x01, 0x00), 0);
  CU_ASSERT_EQUAL(BUILT(0, 0x84, 0x01, 0x00, 0x00), 0);
  /* No length octet at all. */
  CU_ASSERT_EQUAL(parse_built(NULL, 0, 0, 1), 0);
}

static void test_empty_and_truncated_tag(void) {
  cts_der c, out;
  expect_all_element_getters_fail(NULL, 0);
  expect_all_element_getters_fail(BYTES(0x1f), 1);
  expect_all_element_getters_fail(BYTES(0x9f), 1);
  expect_all_element_getters_fail(BYTES(0x9f, 0x81), 2);
  expect_all_element_getters_fail(BYTES(0x9f, 0x81, 0x80), 3);
  expect_all_element_getters_fail(BYTES(0x9f, 0x1f), 2);
  cts_der_init(&c, NULL, 0);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_OCTET_STRING), 0);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, 0), 0);
  CUR(c, 0x9f, 0x81);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC | 0x80), 0);
  CUR(c, 0x04);
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_OCTET_STRING));
}

static void test_high_tag_numbers(void) {
  cts_der c, out;
  uint32_t tag = 0;
  size_t hdr = 0;

  /* [31]: the smallest number that needs the high form. */
  CUR(c, 0x9f, 0x1f, 0x01, 0xee);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, CTS_DER_CONTEXT_SPECIFIC | 31);
  CU_ASSERT_EQUAL(hdr, 3);
  CU_ASSERT_EQUAL(out.len, 4);

  /* UNIVERSAL 31, primitive. */
  CUR(c, 0x1f, 0x1f, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, 31);

  /* [APPLICATION 127] and two-octet [128], constructed. */
  CUR(c, 0x5f, 0x7f, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, CTS_DER_APPLICATION | 127);
  CUR(c, 0xbf, 0x81, 0x00, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 128);
  CU_ASSERT_EQUAL(hdr, 4);

  /* Three octets: 2 << 14 | 0x05 << 7 | 0x06. */
  CUR(c, 0xdf, 0x82, 0x85, 0x06, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, CTS_DER_PRIVATE | 0x8286);

  /* The largest number that fits in 29 bits, in five octets. */
  CUR(c, 0xff, 0x81, 0xff, 0xff, 0xff, 0x7f, 0x00);
  EXPECT_OK(c, cts_der_get_any_element(&c, &out, &tag, &hdr), 0);
  CU_ASSERT_EQUAL(tag, CTS_DER_PRIVATE | CTS_DER_CONSTRUCTED |
                           CTS_DER_TAG_NUMBER_MASK);
  CU_ASSERT_EQUAL(hdr, 7);
  CUR(c, 0xff, 0x81, 0xff, 0xff, 0xff, 0x7f, 0x00);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_PRIVATE | CTS_DER_CONSTRUCTED |
                                           0x1fffffffu),
                  1);

  /* Beyond 29 bits. */
  CUR(c, 0x9f, 0x82, 0x80, 0x80, 0x80, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x9f, 0x8f, 0xff, 0xff, 0xff, 0x7f, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x9f, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x9f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));

  /* Non-minimal: a leading 0x80 octet (X.690 8.1.2.4.2 c). */
  CUR(c, 0x9f, 0x80, 0x1f, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x9f, 0x80, 0x81, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC | 128), 0);

  /* Numbers below 31 in the high form (X.690 8.1.2.2). */
  CUR(c, 0x9f, 0x1e, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC | 30), 0);
  CUR(c, 0x9f, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x1f, 0x02, 0x01, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  CUR(c, 0x1f, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));

  /* A high tag with a bad length is still rejected. */
  CUR(c, 0x9f, 0x1f, 0x80);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));
  CUR(c, 0x9f, 0x1f, 0x02, 0x00);
  EXPECT_FAIL(c, cts_der_get_any_element(&c, &out, &tag, &hdr));

  /* Getters by tag. */
  CUR(c, 0xbf, 0x81, 0x00, 0x01, 0x42);
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_CONTEXT_SPECIFIC | 128));
  EXPECT_OK(c,
            cts_der_get_element(&c, &out, CTS_DER_CONTEXT_SPECIFIC |
                                              CTS_DER_CONSTRUCTED | 128),
            0);
  CU_ASSERT_EQUAL(out.len, 1);
  CU_ASSERT_EQUAL(out.data[0], 0x42);
}

/* --- elements by tag --------------------------------------------------- */

static void test_get_element(void) {
  cts_der c, out;
  const uint8_t *start;

  CUR(c, 0x30, 0x03, 0x02, 0x01, 0x05, 0x04, 0x00);
  start = c.data;
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_SET));
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, 0x10));
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_OCTET_STRING));
  EXPECT_OK(c, cts_der_get_element(&c, &out, CTS_DER_SEQUENCE), 2);
  EXPECT_VIEW(out, start + 2, 3);
  EXPECT_OK(c, cts_der_get_element(&c, &out, CTS_DER_OCTET_STRING), 0);
  EXPECT_VIEW(out, start + 7, 0);
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_OCTET_STRING));

  CUR(c, 0x30, 0x03, 0x02, 0x01, 0x05, 0x04, 0x00);
  start = c.data;
  EXPECT_FAIL(c, cts_der_get_element_with_header(&c, &out, CTS_DER_SET));
  EXPECT_OK(c, cts_der_get_element_with_header(&c, &out, CTS_DER_SEQUENCE),
            2);
  EXPECT_VIEW(out, start, 5);
  EXPECT_OK(c,
            cts_der_get_element_with_header(&c, &out, CTS_DER_OCTET_STRING),
            0);
  EXPECT_VIEW(out, start + 5, 2);

  CUR(c, 0x30, 0x03, 0x02, 0x01, 0x05, 0x04, 0x00);
  EXPECT_FAIL(c, cts_der_skip_element(&c, CTS_DER_OCTET_STRING));
  EXPECT_OK(c, cts_der_skip_element(&c, CTS_DER_SEQUENCE), 2);
  EXPECT_OK(c, cts_der_skip_element(&c, CTS_DER_OCTET_STRING), 0);
  EXPECT_FAIL(c, cts_der_skip_element(&c, CTS_DER_OCTET_STRING));

  /* Descending into the cursor itself. */
  CUR(c, 0x30, 0x03, 0x02, 0x01, 0x05, 0x04, 0x00);
  start = c.data;
  CU_ASSERT_EQUAL(cts_der_get_element(&c, &c, CTS_DER_SEQUENCE), 1);
  EXPECT_VIEW(c, start + 2, 3);
  CU_ASSERT_EQUAL(cts_der_get_element_with_header(&c, &c, CTS_DER_INTEGER), 1);
  EXPECT_VIEW(c, start + 2, 3);

  /* A matching tag does not excuse a bad length. */
  CUR(c, 0x30, 0x04, 0x02, 0x01, 0x05);
  EXPECT_FAIL(c, cts_der_get_element(&c, &out, CTS_DER_SEQUENCE));
  EXPECT_FAIL(c, cts_der_get_element_with_header(&c, &out, CTS_DER_SEQUENCE));
  EXPECT_FAIL(c, cts_der_skip_element(&c, CTS_DER_SEQUENCE));

  /* NULL is accepted for out. */
  CUR(c, 0x05, 0x00);
  EXPECT_OK(c, cts_der_get_element(&c, NULL, CTS_DER_NULL), 0);
}

static void test_peek_tag(void) {
  cts_der c;
  CUR(c, 0x30, 0x10);
  /* Peek does not check the length, and never advances. */
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_SEQUENCE), 1);
  CU_ASSERT_EQUAL(c.len, 2);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_SET), 0);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, 0x10), 0);
  CUR(c, 0x30);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_SEQUENCE), 1);
  CUR(c, 0xa0, 0x00);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC |
                                           CTS_DER_CONSTRUCTED | 0),
                  1);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC | 0), 0);
  CUR(c, 0x9f, 0x20);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, CTS_DER_CONTEXT_SPECIFIC | 32), 1);
  CUR(c, 0x00, 0x00);
  CU_ASSERT_EQUAL(cts_der_peek_tag(&c, 0), 0);
}

static void test_optional_element(void) {
  cts_der c, out;
  const uint32_t ctx0 = CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 0;
  const uint32_t ctx3 = CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 3;
  int present = -1;

  CUR(c, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x07);
  EXPECT_OK(c, cts_der_get_optional_element(&c, &out, &present, ctx0), 3);
  CU_ASSERT_EQUAL(present, 1);
  CU_ASSERT_EQUAL(out.len, 3);
  CU_ASSERT_EQUAL(out.data[0], 0x02);
  present = -1;
  EXPECT_OK(c, cts_der_get_optional_element(&c, &out, &present, ctx3), 3);
  CU_ASSERT_EQUAL(present, 0);

  /* Absent at the end of input. */
  cts_der_init(&c, NULL, 0);
  present = -1;
  EXPECT_OK(c, cts_der_get_optional_element(&c, &out, &present, ctx3), 0);
  CU_ASSERT_EQUAL(present, 0);

  /* Present but malformed. */
  CUR(c, 0xa3, 0x05, 0x30, 0x00);
  EXPECT_FAIL(c, cts_der_get_optional_element(&c, &out, &present, ctx3));
  CUR(c, 0xa3, 0x80, 0x30, 0x00, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_optional_element(&c, &out, &present, ctx3));
  CUR(c, 0xa3);
  EXPECT_FAIL(c, cts_der_get_optional_element(&c, &out, &present, ctx3));

  /* A malformed element of another tag is simply absent. */
  CUR(c, 0xa0, 0x80);
  present = -1;
  EXPECT_OK(c, cts_der_get_optional_element(&c, &out, &present, ctx3), 2);
  CU_ASSERT_EQUAL(present, 0);
}

/* --- BOOLEAN ----------------------------------------------------------- */

static void test_bool(void) {
  cts_der c;
  int v = -1;
  CUR(c, 0x01, 0x01, 0x00);
  EXPECT_OK(c, cts_der_get_bool(&c, &v), 0);
  CU_ASSERT_EQUAL(v, 0);
  CUR(c, 0x01, 0x01, 0xff, 0x05, 0x00);
  EXPECT_OK(c, cts_der_get_bool(&c, &v), 2);
  CU_ASSERT_EQUAL(v, 1);
  /* X.690 11.1: TRUE is 0xff only. */
  CUR(c, 0x01, 0x01, 0x01);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x01, 0x7f);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x01, 0x80);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x01, 0xfe);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  /* One octet exactly. */
  CUR(c, 0x01, 0x00);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x02, 0x00, 0x00);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x02, 0xff, 0xff);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  /* Wrong tag, constructed form, truncation. */
  CUR(c, 0x02, 0x01, 0xff);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x21, 0x01, 0xff);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  CUR(c, 0x01, 0x01);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_bool(&c, &v));
}

/* --- BIT STRING -------------------------------------------------------- */

static void test_bit_string(void) {
  cts_der c, out;
  unsigned unused = 99;

  CUR(c, 0x03, 0x01, 0x00);
  EXPECT_OK(c, cts_der_get_bit_string(&c, &out, &unused), 0);
  CU_ASSERT_EQUAL(out.len, 0);
  CU_ASSERT_EQUAL(unused, 0);

  CUR(c, 0x03, 0x03, 0x00, 0xde, 0xad, 0x05, 0x00);
  EXPECT_OK(c, cts_der_get_bit_string(&c, &out, &unused), 2);
  CU_ASSERT_EQUAL(out.len, 2);
  CU_ASSERT_EQUAL(out.data[0], 0xde);
  CU_ASSERT_EQUAL(unused, 0);

  CUR(c, 0x03, 0x02, 0x07, 0x80);
  EXPECT_OK(c, cts_der_get_bit_string(&c, &out, &unused), 0);
  CU_ASSERT_EQUAL(unused, 7);
  CU_ASSERT_EQUAL(out.len, 1);
  CUR(c, 0x03, 0x02, 0x01, 0xfe);
  EXPECT_OK(c, cts_der_get_bit_string(&c, &out, &unused), 0);
  CU_ASSERT_EQUAL(unused, 1);
  CUR(c, 0x03, 0x03, 0x04, 0xff, 0xf0);
  EXPECT_OK(c, cts_der_get_bit_string(&c, NULL, NULL), 0);

  /* X.690 8.6.2.2: unused bits 0..7. */
  CUR(c, 0x03, 0x02, 0x08, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x03, 0x02, 0xff, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  /* 8.6.2.3: empty string with unused bits. */
  CUR(c, 0x03, 0x01, 0x01);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x03, 0x01, 0x07);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  /* 8.6.2: the initial octet is required. */
  CUR(c, 0x03, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  /* 11.2.1: unused bits must be zero. */
  CUR(c, 0x03, 0x02, 0x07, 0x81);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x03, 0x02, 0x01, 0xff);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x03, 0x03, 0x04, 0x00, 0x08);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  /* Only the final octet is padded. */
  CUR(c, 0x03, 0x03, 0x04, 0x0f, 0x00);
  EXPECT_OK(c, cts_der_get_bit_string(&c, &out, &unused), 0);
  /* Wrong tag, constructed form, truncation. */
  CUR(c, 0x04, 0x01, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x23, 0x03, 0x03, 0x01, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
  CUR(c, 0x03, 0x02, 0x00);
  EXPECT_FAIL(c, cts_der_get_bit_string(&c, &out, &unused));
}

/* --- INTEGER ----------------------------------------------------------- */

static int minimal(const uint8_t *p, size_t n) {
  cts_der d;
  cts_der_init(&d, p, n);
  return cts_der_integer_is_minimal(&d);
}

static int negative(const uint8_t *p, size_t n) {
  cts_der d;
  cts_der_init(&d, p, n);
  return cts_der_integer_is_negative(&d);
}

#define MINIMAL(...) minimal(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__))
#define NEGATIVE(...) negative(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__))

static void test_integer(void) {
  cts_der c, out;
  const uint8_t *start;

  CUR(c, 0x02, 0x01, 0x00);
  start = c.data;
  EXPECT_OK(c, cts_der_get_integer(&c, &out), 0);
  EXPECT_VIEW(out, start + 2, 1);
  /* Non-minimal encodings are accepted by the getter. */
  CUR(c, 0x02, 0x02, 0x00, 0x01);
  EXPECT_OK(c, cts_der_get_integer(&c, &out), 0);
  CU_ASSERT_EQUAL(out.len, 2);
  CU_ASSERT_EQUAL(cts_der_integer_is_minimal(&out), 0);
  CUR(c, 0x02, 0x03, 0xff, 0xff, 0x80);
  EXPECT_OK(c, cts_der_get_integer(&c, &out), 0);
  CU_ASSERT_EQUAL(cts_der_integer_is_negative(&out), 1);
  /* X.690 8.3.1: at least one octet. */
  CUR(c, 0x02, 0x00);
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  /* Wrong tag (ENUMERATED), constructed, truncated. */
  CUR(c, 0x0a, 0x01, 0x01);
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  CUR(c, 0x22, 0x01, 0x01);
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  CUR(c, 0x02, 0x02, 0x01);
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_integer(&c, &out));
  CUR(c, 0x02, 0x01, 0x05);
  EXPECT_OK(c, cts_der_get_integer(&c, NULL), 0);
}

static void test_integer_predicates(void) {
  cts_der empty;
  cts_der_init(&empty, NULL, 0);
  /* X.690 8.3.2. */
  CU_ASSERT_EQUAL(cts_der_integer_is_minimal(&empty), 0);
  CU_ASSERT_EQUAL(MINIMAL(0x00), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x7f), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x80), 1);
  CU_ASSERT_EQUAL(MINIMAL(0xff), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x00, 0x80), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x00, 0xff, 0x00), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x01, 0x00), 1);
  CU_ASSERT_EQUAL(MINIMAL(0xff, 0x7f), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x80, 0x00), 1);
  CU_ASSERT_EQUAL(MINIMAL(0xfe, 0xff), 1);
  CU_ASSERT_EQUAL(MINIMAL(0x00, 0x00), 0);
  CU_ASSERT_EQUAL(MINIMAL(0x00, 0x7f), 0);
  CU_ASSERT_EQUAL(MINIMAL(0x00, 0x01, 0xff), 0);
  CU_ASSERT_EQUAL(MINIMAL(0xff, 0x80), 0);
  CU_ASSERT_EQUAL(MINIMAL(0xff, 0xff), 0);
  CU_ASSERT_EQUAL(MINIMAL(0xff, 0xff, 0x00), 0);

  CU_ASSERT_EQUAL(cts_der_integer_is_negative(&empty), 0);
  CU_ASSERT_EQUAL(NEGATIVE(0x00), 0);
  CU_ASSERT_EQUAL(NEGATIVE(0x7f), 0);
  CU_ASSERT_EQUAL(NEGATIVE(0x80), 1);
  CU_ASSERT_EQUAL(NEGATIVE(0xff), 1);
  CU_ASSERT_EQUAL(NEGATIVE(0x00, 0xff), 0);
  CU_ASSERT_EQUAL(NEGATIVE(0x81, 0x00), 1);
}

/* Runs cts_der_get_u64_integer on the listed bytes: the value, or -1 on
 * failure (checked to leave the cursor alone), or -2 if bytes remain. */
static int64_t u64_int_rc(const uint8_t *p, size_t n, uint64_t *v) {
  cts_der c;
  cts_der_init(&c, p, n);
  *v = 0;
  if (!cts_der_get_u64_integer(&c, v))
    return c.data == p && c.len == n ? -1 : -3;
  return c.len == 0 ? 1 : -2;
}

#define U64_OK(want, ...)                                                \
  do {                                                                   \
    uint64_t v_;                                                         \
    CU_ASSERT_EQUAL(u64_int_rc(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__),  \
                               &v_),                                     \
                    1);                                                  \
    CU_ASSERT_EQUAL(v_, (uint64_t)(want));                               \
  } while (0)
#define U64_BAD(...)                                                     \
  do {                                                                   \
    uint64_t v_;                                                         \
    CU_ASSERT_EQUAL(u64_int_rc(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__),  \
                               &v_),                                     \
                    -1);                                                 \
  } while (0)

static void test_u64_integer(void) {
  U64_OK(0, 0x02, 0x01, 0x00);
  U64_OK(1, 0x02, 0x01, 0x01);
  U64_OK(127, 0x02, 0x01, 0x7f);
  U64_OK(128, 0x02, 0x02, 0x00, 0x80);
  U64_OK(255, 0x02, 0x02, 0x00, 0xff);
  U64_OK(256, 0x02, 0x02, 0x01, 0x00);
  U64_OK(0x7fffffffffffffffull, 0x02, 0x08, 0x7f, 0xff, 0xff, 0xff, 0xff,
         0xff, 0xff, 0xff);
  U64_OK(0x8000000000000000ull, 0x02, 0x09, 0x00, 0x80, 0x00, 0x00, 0x00,
         0x00, 0x00, 0x00, 0x00);
  U64_OK(UINT64_MAX, 0x02, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
         0xff, 0xff);
  U64_OK(0x0102030405060708ull, 0x02, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05,
         0x06, 0x07, 0x08);
  /* 2^64 and beyond. */
  U64_BAD(0x02, 0x09, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  U64_BAD(0x02, 0x0a, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
          0xff);
  /* Negative. */
  U64_BAD(0x02, 0x01, 0xff);
  U64_BAD(0x02, 0x01, 0x80);
  U64_BAD(0x02, 0x08, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  U64_BAD(0x02, 0x09, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  /* Not minimal. */
  U64_BAD(0x02, 0x02, 0x00, 0x00);
  U64_BAD(0x02, 0x02, 0x00, 0x7f);
  U64_BAD(0x02, 0x0a, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
          0xff);
  /* Empty, wrong tag, truncated. */
  U64_BAD(0x02, 0x00);
  U64_BAD(0x0a, 0x01, 0x01);
  U64_BAD(0x04, 0x01, 0x01);
  U64_BAD(0x02, 0x02, 0x01);
  U64_BAD(0x02);
  /* Trailing bytes stay in the cursor. */
  {
    uint64_t v;
    CU_ASSERT_EQUAL(u64_int_rc(BYTES(0x02, 0x01, 0x09, 0x05, 0x00), 5, &v),
                    -2);
    CU_ASSERT_EQUAL(v, 9);
  }
}

/* --- OBJECT IDENTIFIER ------------------------------------------------- */

static void test_get_oid(void) {
  static const uint8_t san[] = {0x55, 0x1d, 0x11};
  static const uint8_t sha256rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                      0x0d, 0x01, 0x01, 0x0b};
  cts_der c, out;

  CUR(c, 0x06, 0x03, 0x55, 0x1d, 0x11, 0x05, 0x00);
  EXPECT_OK(c, cts_der_get_oid(&c, &out), 2);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, san, sizeof(san)), 1);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, san, 2), 0);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, sha256rsa, sizeof(sha256rsa)), 0);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, BYTES(0x55, 0x1d, 0x12), 3), 0);

  CUR(c, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b);
  EXPECT_OK(c, cts_der_get_oid(&c, &out), 0);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, sha256rsa, sizeof(sha256rsa)), 1);

  CUR(c, 0x06, 0x01, 0x00);
  EXPECT_OK(c, cts_der_get_oid(&c, NULL), 0);

  /* X.690 8.19.2: one or more subidentifiers. */
  CUR(c, 0x06, 0x00);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  /* The last octet must end its subidentifier. */
  CUR(c, 0x06, 0x02, 0x2a, 0x86);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x06, 0x01, 0x81);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  /* No leading 0x80 octet, first or later subidentifier. */
  CUR(c, 0x06, 0x02, 0x80, 0x01);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x06, 0x03, 0x2a, 0x80, 0x01);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x06, 0x01, 0x80);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  /* 0x80 may sit inside a subidentifier, never last. */
  CUR(c, 0x06, 0x03, 0x2a, 0x81, 0x80);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x06, 0x04, 0x2a, 0x81, 0x80, 0x00);
  EXPECT_OK(c, cts_der_get_oid(&c, &out), 0);
  /* Wrong tag, constructed, truncated. */
  CUR(c, 0x04, 0x01, 0x2a);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x26, 0x01, 0x2a);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));
  CUR(c, 0x06, 0x02, 0x2a);
  EXPECT_FAIL(c, cts_der_get_oid(&c, &out));

  /* oid_equal on empty views. */
  cts_der_init(&out, NULL, 0);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, NULL, 0), 1);
  CU_ASSERT_EQUAL(cts_der_oid_equal(&out, san, 1), 0);
}

static char g_oid_buf[128];

/* The dotted form of OID contents p[0..n), or "<bad>" when
 * cts_der_oid_to_string fails (it must then leave an empty string). */
static const char *oid_str_n(const uint8_t *p, size_t n, size_t buf_len) {
  cts_der d;
  cts_der_init(&d, p, n);
  memset(g_oid_buf, 'x', sizeof(g_oid_buf));
  if (cts_der_oid_to_string(&d, g_oid_buf, buf_len)) return g_oid_buf;
  if (buf_len > 0 && g_oid_buf[0] != '\0') return "<not cleared>";
  if (buf_len < sizeof(g_oid_buf) && g_oid_buf[buf_len] != 'x')
    return "<overrun>";
  return "<bad>";
}

#define OID_STR(...) \
  oid_str_n(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__), sizeof(g_oid_buf))
#define OID_STR_IN(buf_len, ...) \
  oid_str_n(BYTES(__VA_ARGS__), NBYTES(__VA_ARGS__), (buf_len))

static void test_oid_to_string(void) {
  cts_der empty;
  char buf[8];
  CU_ASSERT_STRING_EQUAL(OID_STR(0x55, 0x1d, 0x11), "2.5.29.17");
  CU_ASSERT_STRING_EQUAL(
      OID_STR(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b),
      "1.2.840.113549.1.1.11");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x88, 0x37, 0x01), "2.999.1");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79,
                                 0x02, 0x04, 0x02),
                         "1.3.6.1.4.1.11129.2.4.2");
  /* X.690 8.19.4: the split of the first subidentifier. */
  CU_ASSERT_STRING_EQUAL(OID_STR(0x00), "0.0");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x27), "0.39");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x28), "1.0");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x4f), "1.39");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x50), "2.0");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x78), "2.40");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x7f), "2.47");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x81, 0x00), "2.48");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x00, 0x00, 0x7f, 0x81, 0x00),
                         "0.0.0.127.128");
  /* 64-bit arcs: 2^64-1 in ten octets, then one more bit. */
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff,
                                 0xff, 0xff, 0xff, 0x7f),
                         "1.2.18446744073709551615");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                 0xff, 0xff, 0x7f, 0x01),
                         "2.18446744073709551535.1");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80,
                                 0x80, 0x80, 0x80, 0x00),
                         "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                 0x80, 0x80, 0x00),
                         "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                 0xff, 0xff, 0xff, 0xff, 0x7f),
                         "<bad>");
  /* 2^63 in ten octets (with a leading 0x81) is fine. */
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80,
                                 0x80, 0x80, 0x80, 0x00),
                         "1.2.9223372036854775808");
  /* Malformed contents. */
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0x86), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x80, 0x01), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x2a, 0x80, 0x01), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR(0x55, 0x1d, 0x91), "<bad>");
  cts_der_init(&empty, NULL, 0);
  CU_ASSERT_EQUAL(cts_der_oid_to_string(&empty, buf, sizeof(buf)), 0);
  CU_ASSERT_EQUAL(buf[0], '\0');
  /* Buffer sizes: "2.5.29.17" needs 10 bytes with its NUL. */
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(10, 0x55, 0x1d, 0x11), "2.5.29.17");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(9, 0x55, 0x1d, 0x11), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(4, 0x55, 0x1d, 0x11), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(3, 0x55, 0x1d, 0x11), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(2, 0x55), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(4, 0x55), "2.5");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(1, 0x00), "<bad>");
  CU_ASSERT_STRING_EQUAL(OID_STR_IN(0, 0x00), "<bad>");
  {
    cts_der d;
    cts_der_init(&d, BYTES(0x55), 1);
    CU_ASSERT_EQUAL(cts_der_oid_to_string(&d, NULL, 10), 0);
  }
}

/* --- times ------------------------------------------------------------- */

#define NO_TIME INT64_MIN
#define TIME_MISMATCH (INT64_MIN + 1)

/* Parses s as the contents of a time of tag tag, both directly and as a
 * whole element through cts_der_get_time. Returns the time, NO_TIME when
 * both paths reject it, or TIME_MISMATCH when they disagree or a failure
 * moved the cursor. */
static int64_t parse_t(uint32_t tag, const char *s) {
  uint8_t elem[64];
  size_t n = strlen(s);
  cts_der d, c;
  int64_t direct = NO_TIME, via = NO_TIME;
  uint32_t got_tag = 0;
  int ok1, ok2;
  if (n + 2 > sizeof(elem) || n > 0x7f) return TIME_MISMATCH;
  cts_der_init(&d, (const uint8_t *)s, n);
  ok1 = cts_der_parse_time(tag, &d, &direct);
  elem[0] = (uint8_t)tag;
  elem[1] = (uint8_t)n;
  memcpy(elem + 2, s, n);
  cts_der_init(&c, elem, n + 2);
  ok2 = cts_der_get_time(&c, &via, &got_tag);
  if (ok1 != ok2) return TIME_MISMATCH;
  if (!ok1) return c.data == elem && c.len == n + 2 ? NO_TIME : TIME_MISMATCH;
  if (direct != via || got_tag != tag || c.len != 0) return TIME_MISMATCH;
  return direct;
}

#define UTC(s) parse_t(CTS_DER_UTC_TIME, (s))
#define GEN(s) parse_t(CTS_DER_GENERALIZED_TIME, (s))

static void test_utc_time(void) {
  CU_ASSERT_EQUAL(UTC("700101000000Z"), 0);
  CU_ASSERT_EQUAL(UTC("691231235959Z"), -1);
  CU_ASSERT_EQUAL(UTC("700101000001Z"), 1);
  /* RFC 5280 4.1.2.5.1: the 1950/2049 window. */
  CU_ASSERT_EQUAL(UTC("491231235959Z"), 2524607999);
  CU_ASSERT_EQUAL(UTC("500101000000Z"), -631152000);
  CU_ASSERT_EQUAL(UTC("991231235959Z"), 946684799);
  CU_ASSERT_EQUAL(UTC("000101000000Z"), 946684800);
  CU_ASSERT_EQUAL(UTC("380119031408Z"), 2147483648);
  CU_ASSERT_EQUAL(UTC("250503161448Z"), 1746288888);
  CU_ASSERT_EQUAL(UTC("990101000000Z"), 915148800);
  /* Leap years: 2000 (by 400), 2024, 2048, 1996; not 2021, 1950, 2023. */
  CU_ASSERT_EQUAL(UTC("000229000000Z"), 951782400);
  CU_ASSERT_EQUAL(UTC("000301000000Z"), 951868800);
  CU_ASSERT_EQUAL(UTC("240229000000Z"), 1709164800);
  CU_ASSERT_EQUAL(UTC("480229000000Z"), 2466547200);
  CU_ASSERT_EQUAL(UTC("960229000000Z"), 825552000);
  CU_ASSERT_EQUAL(UTC("210229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("500229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("230229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("000230000000Z"), NO_TIME);
  /* Field ranges. */
  CU_ASSERT_EQUAL(UTC("990001000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("991301000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990100000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990132000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990431000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990430000000Z"), 925430400);
  CU_ASSERT_EQUAL(UTC("990631000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990931000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("991131000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("991231000000Z"), 946598400);
  CU_ASSERT_EQUAL(UTC("990101240000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101230000Z"), 915231600);
  CU_ASSERT_EQUAL(UTC("990101006000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000060Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000099Z"), NO_TIME);
  /* Form: seconds, Z, digits only, exact length. */
  CU_ASSERT_EQUAL(UTC("9901010000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000000"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000000z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("9901010000000"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000000ZZ"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000000+0000"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("9901010000+0000"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000000.5Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("99010100000aZ"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("9901010000 0Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC(" 90101000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("-90101000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("9901010000/0Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("9901010000:0Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("99010100000:Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("990101000:00Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("99010100000/Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("Z990101000000"), NO_TIME);
  CU_ASSERT_EQUAL(UTC(""), NO_TIME);
  CU_ASSERT_EQUAL(UTC("Z"), NO_TIME);
  CU_ASSERT_EQUAL(UTC("19990101000000Z"), NO_TIME);
}

static void test_generalized_time(void) {
  CU_ASSERT_EQUAL(GEN("20250503161448Z"), 1746288888);
  CU_ASSERT_EQUAL(GEN("19700101000000Z"), 0);
  CU_ASSERT_EQUAL(GEN("19691231235959Z"), -1);
  CU_ASSERT_EQUAL(GEN("20491231235959Z"), 2524607999);
  CU_ASSERT_EQUAL(GEN("20500101000000Z"), 2524608000);
  CU_ASSERT_EQUAL(GEN("19500101000000Z"), -631152000);
  CU_ASSERT_EQUAL(GEN("20251231235959Z"), 1767225599);
  CU_ASSERT_EQUAL(GEN("20380119031408Z"), 2147483648);
  CU_ASSERT_EQUAL(GEN("20040229120000Z"), 1078056000);
  CU_ASSERT_EQUAL(GEN("99991231235959Z"), 253402300799);
  CU_ASSERT_EQUAL(GEN("00010101000000Z"), -62135596800);
  CU_ASSERT_EQUAL(GEN("00000101000000Z"), -62167219200);
  /* Century leap rules: 2000 and 1600 leap, 2100 and 1900 not. */
  CU_ASSERT_EQUAL(GEN("20000229000000Z"), 951782400);
  CU_ASSERT_EQUAL(GEN("16000229000000Z"), -11670998400);
  CU_ASSERT_EQUAL(GEN("21000229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("21000228000000Z"), 4107456000);
  CU_ASSERT_EQUAL(GEN("21000301000000Z"), 4107542400);
  CU_ASSERT_EQUAL(GEN("19000229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("19000301000000Z"), -2203891200);
  CU_ASSERT_EQUAL(GEN("20230229000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20240230000000Z"), NO_TIME);
  /* Field ranges. */
  CU_ASSERT_EQUAL(GEN("20250003000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20251303000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20259903000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250500000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250532000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250631000000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503240000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503166000Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161460Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20161231235960Z"), NO_TIME);
  /* RFC 5280 4.1.2.5.2: Z, seconds, no fraction. */
  CU_ASSERT_EQUAL(GEN("20250503161448"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448Y"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448+0000"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448-0100"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448.5Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448.0Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161448.Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("202505031614.8Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("202505031614Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2025050316Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2025050316144Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("202505031614480Z"), NO_TIME);
  /* Digits only. */
  CU_ASSERT_EQUAL(GEN("2025050316144xZ"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2O250503161448Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("+0250503161448Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN(" 2025050316144Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2025-5031614480Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503/61448Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503:61448Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2025050316144:Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("20250503161:48Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN("2025050316144/Z"), NO_TIME);
  CU_ASSERT_EQUAL(GEN(""), NO_TIME);
  /* A UTCTime string under the GeneralizedTime tag. */
  CU_ASSERT_EQUAL(GEN("250503161448Z"), NO_TIME);
  {
    /* Non-ASCII digit lookalike: '0' with the high bit set. */
    char s[] = "20250503161448Z";
    s[3] = (char)0xb5;
    CU_ASSERT_EQUAL(GEN(s), NO_TIME);
  }
}

static void test_time_tags(void) {
  cts_der c, d;
  int64_t t = 42;
  uint32_t tag = 0;

  /* Other tags are refused by both entry points. */
  cts_der_init(&d, (const uint8_t *)"700101000000Z", 13);
  CU_ASSERT_EQUAL(cts_der_parse_time(CTS_DER_UTC_TIME, &d, &t), 1);
  CU_ASSERT_EQUAL(t, 0);
  CU_ASSERT_EQUAL(cts_der_parse_time(CTS_DER_OCTET_STRING, &d, &t), 0);
  CU_ASSERT_EQUAL(
      cts_der_parse_time(CTS_DER_UTC_TIME | CTS_DER_CONSTRUCTED, &d, &t), 0);
  CU_ASSERT_EQUAL(
      cts_der_parse_time(CTS_DER_CONTEXT_SPECIFIC | 0x17, &d, &t), 0);
  CU_ASSERT_EQUAL(cts_der_parse_time(CTS_DER_GENERALIZED_TIME, &d, &t), 0);
  cts_der_init(&d, (const uint8_t *)"19700101000000Z", 15);
  CU_ASSERT_EQUAL(cts_der_parse_time(CTS_DER_UTC_TIME, &d, &t), 0);

  CUR(c, 0x17, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0',
      '0', 'Z', 0x18, 0x0f, '2', '0', '5', '0', '0', '1', '0', '1', '0', '0',
      '0', '0', '0', '0', 'Z');
  EXPECT_OK(c, cts_der_get_time(&c, &t, &tag), 17);
  CU_ASSERT_EQUAL(t, -631152000);
  CU_ASSERT_EQUAL(tag, CTS_DER_UTC_TIME);
  EXPECT_OK(c, cts_der_get_time(&c, &t, NULL), 0);
  CU_ASSERT_EQUAL(t, 2524608000);
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));

  CUR(c, 0x04, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0',
      '0', 'Z');
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));
  CUR(c, 0x37, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0',
      '0', 'Z');
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));
  /* Truncated element and bad length. */
  CUR(c, 0x17, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0',
      '0');
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));
  CUR(c, 0x17, 0x81, 0x0d, '5', '0', '0', '1', '0', '1', '0', '0', '0', '0',
      '0', '0', 'Z');
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));
  cts_der_init(&c, NULL, 0);
  EXPECT_FAIL(c, cts_der_get_time(&c, &t, &tag));
}

/* Every date of 1601..2400 converts to one more day than the date before. */
static void test_time_every_day(void) {
  static const unsigned mdays[12] = {31, 28, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
  int64_t prev = GEN("16001231000000Z");
  unsigned bad = 0;
  char s[16];
  for (unsigned y = 1601; y <= 2400; y++) {
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    for (unsigned m = 1; m <= 12; m++) {
      unsigned last = mdays[m - 1] + (m == 2 && leap);
      for (unsigned d = 1; d <= last + 1; d++) {
        int64_t t;
        s[0] = (char)('0' + y / 1000);
        s[1] = (char)('0' + y / 100 % 10);
        s[2] = (char)('0' + y / 10 % 10);
        s[3] = (char)('0' + y % 10);
        s[4] = (char)('0' + m / 10);
        s[5] = (char)('0' + m % 10);
        s[6] = (char)('0' + d / 10);
        s[7] = (char)('0' + d % 10);
        memcpy(s + 8, "000000Z", 8);
        t = GEN(s);
        if (d > last) {
          bad += t != NO_TIME;
          continue;
        }
        bad += t != prev + 86400;
        prev = t;
      }
    }
  }
  CU_ASSERT_EQUAL(bad, 0);
  CU_ASSERT_EQUAL(prev, GEN("24001231000000Z"));
}

static CU_TestInfo tests[] = {
    {"init and skip", test_init_and_skip},
    {"get_bytes", test_get_bytes},
    {"u8..u64", test_get_uints},
    {"u8/u16/u24 prefixed", test_prefixed},
    {"any element", test_any_element},
    {"length: valid forms", test_length_valid_forms},
    {"length: malformed", test_length_malformed},
    {"empty input and truncated tag", test_empty_and_truncated_tag},
    {"high tag numbers", test_high_tag_numbers},
    {"element by tag", test_get_element},
    {"peek_tag", test_peek_tag},
    {"optional element", test_optional_element},
    {"BOOLEAN", test_bool},
    {"BIT STRING", test_bit_string},
    {"INTEGER", test_integer},
    {"INTEGER predicates", test_integer_predicates},
    {"INTEGER as u64", test_u64_integer},
    {"OID", test_get_oid},
    {"OID to string", test_oid_to_string},
    {"UTCTime", test_utc_time},
    {"GeneralizedTime", test_generalized_time},
    {"time tags and elements", test_time_tags},
    {"every day 1601-2400", test_time_every_day},
    CU_TEST_INFO_NULL};

CTS_TEST_SUITE("der", tests)
