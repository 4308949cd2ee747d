/* Inline fast paths of the DER cursor, shared by src/der/der.c and the
 * sieve's structural walk (src/sieve/). Private to those two: the public
 * contract is include/ctscan/der.h, and every function here enforces the
 * same DER rules as the getters declared there (X.690 8.1 and 10.1).
 *
 * Almost every element of a certificate has a one-octet identifier (tag
 * number below 31, X.690 8.1.2.2) and a short-form or one- or two-octet
 * long-form length (8.1.3.4, 8.1.3.5), so the common case is decoded
 * here without a call; a high tag number (8.1.2.4) takes the out-of-line
 * path in der.c. libc only. */
#ifndef CTSCAN_DER_INLINE_H
#define CTSCAN_DER_INLINE_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/der.h"

#if defined(__GNUC__)
#define CTS_DER_LIKELY(x) __builtin_expect(!!(x), 1)
#define CTS_DER_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define CTS_DER_INLINE static inline __attribute__((always_inline))
#else
#define CTS_DER_LIKELY(x) (x)
#define CTS_DER_UNLIKELY(x) (x)
#define CTS_DER_INLINE static inline
#endif

/* The identifier and length octets of the element at d (n bytes left):
 * returns the header length and sets *out_tag and *out_body, or returns 0
 * when they are malformed or the contents do not fit in n. Handles every
 * tag form; defined in der.c. */
size_t cts_der_header_slow(const uint8_t *d, size_t n, uint32_t *out_tag,
                           size_t *out_body);

/* Length octets at d[pos] (n bytes in all), X.690 8.1.3:
 *  - short form (8.1.3.4): one octet below 0x80;
 *  - long form (8.1.3.5): 0x81..0x84 then that many octets, big-endian,
 *    "(c) the value 11111111 shall not be used", and by 10.1 the minimum
 *    number of octets: no leading zero octet and no long form for a length
 *    below 0x80. The indefinite form 0x80 (8.1.3.6) is not DER.
 * Returns the header length (pos + length octets) with *out_body set, or 0
 * when the length is malformed or the contents do not fit. */
CTS_DER_INLINE size_t cts_der_length_at(const uint8_t *d, size_t n,
                                        size_t pos, size_t *out_body) {
  size_t first, count, v, hdr;
  if (CTS_DER_UNLIKELY(pos >= n)) return 0;
  first = d[pos];
  if (CTS_DER_LIKELY(first < 0x80)) {
    hdr = pos + 1;
    if (CTS_DER_UNLIKELY(first > n - hdr)) return 0;
    *out_body = first;
    return hdr;
  }
  count = first & 0x7fu;
  /* count 0 is the indefinite form; more than 4 octets is not supported
   * (and 0xff is count 127). */
  if (CTS_DER_UNLIKELY(count - 1 >= 4)) return 0;
  hdr = pos + 1 + count;
  if (CTS_DER_UNLIKELY(hdr > n)) return 0;
  /* No leading zero octet (10.1). */
  if (CTS_DER_UNLIKELY(d[pos + 1] == 0)) return 0;
  v = d[pos + 1];
  if (count == 1) {
    /* One length octet: must be at least 0x80 or the short form fits. */
    if (CTS_DER_UNLIKELY(v < 0x80)) return 0;
  } else {
    for (size_t i = 2; i <= count; i++) v = (v << 8) | d[pos + i];
  }
  if (CTS_DER_UNLIKELY(v > n - hdr)) return 0;
  *out_body = v;
  return hdr;
}

/* The header of the element at d, any tag. Same result as
 * cts_der_header_slow; the one-octet identifier is decoded inline. */
CTS_DER_INLINE size_t cts_der_header(const uint8_t *d, size_t n,
                                     uint32_t *out_tag, size_t *out_body) {
  uint32_t first;
  if (CTS_DER_UNLIKELY(n == 0)) return 0;
  first = d[0];
  if (CTS_DER_UNLIKELY((first & 0x1fu) == 0x1fu))
    return cts_der_header_slow(d, n, out_tag, out_body);
  /* X.690 8.1.5: [UNIVERSAL 0] is end-of-contents, which only ends
   * indefinite-length contents; DER has none (10.1). */
  if (CTS_DER_UNLIKELY((first & 0xdfu) == 0)) return 0;
  *out_tag = ((first & 0xe0u) << 24) | (first & 0x1fu);
  return cts_der_length_at(d, n, 1, out_body);
}

/* The identifier octet that encodes tag when its number is below 31
 * (X.690 8.1.2.2), or -1 when tag needs the high-number form or is
 * [UNIVERSAL 0], which no DER element has. Constant-folded when tag is a
 * constant. */
CTS_DER_INLINE int cts_der_low_tag_octet(uint32_t tag) {
  uint32_t number = tag & CTS_DER_TAG_NUMBER_MASK;
  if (number >= 0x1f || (tag & ~CTS_DER_CONSTRUCTED) == 0) return -1;
  return (int)((tag >> 24) | number);
}

/* Takes the next element if its tag is tag: *out gets its contents, or
 * the whole element when keep_header. cts_der_get_element and
 * cts_der_get_element_with_header are this function. */
CTS_DER_INLINE int cts_der_take(cts_der *cur, cts_der *out, uint32_t tag,
                                int keep_header) {
  const uint8_t *d = cur->data;
  size_t n = cur->len, hdr, body;
  int octet = cts_der_low_tag_octet(tag);
  if (CTS_DER_LIKELY(octet >= 0)) {
    if (n == 0 || d[0] != (uint8_t)octet) return 0;
    hdr = cts_der_length_at(d, n, 1, &body);
  } else {
    uint32_t got;
    hdr = cts_der_header_slow(d, n, &got, &body);
    if (hdr == 0 || got != tag) return 0;
  }
  if (CTS_DER_UNLIKELY(hdr == 0)) return 0;
  /* The cursor first: out may be cur itself. */
  cur->data = d + hdr + body;
  cur->len = n - hdr - body;
  if (out != NULL) {
    out->data = keep_header ? d : d + hdr;
    out->len = keep_header ? hdr + body : body;
  }
  return 1;
}

/* 1 when the next identifier octet is the one-octet form of tag (no
 * length check). Only for tags with a number below 31. */
CTS_DER_INLINE int cts_der_next_is(const cts_der *cur, uint8_t octet) {
  return cur->len > 0 && cur->data[0] == octet;
}

/* OBJECT IDENTIFIER contents are valid (X.690 8.19.2): one or more
 * subidentifiers, none starting with the octet 0x80 (not minimal), and
 * the last octet with bit 8 clear. One pass, no per-subidentifier
 * decoding: a subidentifier starts at offset 0 and after every octet
 * whose bit 8 is clear. */
CTS_DER_INLINE int cts_der_oid_contents_valid(const uint8_t *d, size_t n) {
  unsigned bad = 0, at_start = 1;
  if (n == 0 || (d[n - 1] & 0x80)) return 0;
  for (size_t i = 0; i < n; i++) {
    bad |= at_start & (d[i] == 0x80);
    at_start = d[i] < 0x80;
  }
  return !bad;
}

/* cts_der_get_oid inline. */
CTS_DER_INLINE int cts_der_take_oid(cts_der *cur, cts_der *out) {
  cts_der tmp = *cur, contents;
  if (!cts_der_take(&tmp, &contents, CTS_DER_OID, 0) ||
      !cts_der_oid_contents_valid(contents.data, contents.len))
    return 0;
  *cur = tmp;
  if (out != NULL) *out = contents;
  return 1;
}

/* Takes the next element whatever its tag: *out is the whole element;
 * *out_tag and *out_hdr get its tag and header length. */
CTS_DER_INLINE int cts_der_take_any(cts_der *cur, cts_der *out,
                                    uint32_t *out_tag, size_t *out_hdr) {
  size_t hdr, body;
  const uint8_t *d = cur->data;
  hdr = cts_der_header(d, cur->len, out_tag, &body);
  if (CTS_DER_UNLIKELY(hdr == 0)) return 0;
  cur->data = d + hdr + body;
  cur->len -= hdr + body;
  out->data = d;
  out->len = hdr + body;
  *out_hdr = hdr;
  return 1;
}

#endif
