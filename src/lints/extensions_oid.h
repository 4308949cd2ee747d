/* cts_der_get_oid with a fast path, for the walkers that read many
 * OIDs per certificate (access methods, policy and qualifier ids,
 * KeyPurposeIds). Shared by the extension, CA and facts code. */
#ifndef CTSCAN_LINTS_EXTENSIONS_OID_H
#define CTSCAN_LINTS_EXTENSIONS_OID_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ctscan/der.h"

/* The same answer as cts_der_get_oid(cur, out). An OID of one to eight
 * contents octets with a short-form length, no octet 0x80 and a last
 * octet below 0x80 is valid (X.690 8.19.2: no subidentifier can start
 * with 0x80, and the last one ends there), which one word-wide test
 * decides; any other element goes to cts_der_get_oid. */
static inline int cts_oid_next(cts_der *cur, cts_der *out) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const uint8_t *d = cur->data;
  if (cur->len >= 10 && d[0] == 0x06 && d[1] >= 1 && d[1] <= 8 &&
      d[1 + d[1]] < 0x80) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t n = d[1];
    uint64_t x, t;
    memcpy(&x, d + 2, 8); /* within cur: cur->len >= 10 */
    /* a byte of t is 0 exactly where the contents hold 0x80; the bytes
     * after the contents are made non-zero */
    t = (x ^ highs) | (n == 8 ? 0 : ~0ull << (8 * n));
    if (((t - ones) & ~t & highs) == 0) {
      out->data = d + 2;
      out->len = n;
      cur->data += 2 + n;
      cur->len -= 2 + n;
      return 1;
    }
  }
#endif
  return cts_der_get_oid(cur, out);
}

/* cts_der_peek_tag(cur, tag) inline for a tag with a one-octet
 * identifier (number below 31, X.690 8.1.2.2), which is what it tests. */
static inline int cts_peek_low_tag(const cts_der *cur, uint32_t tag) {
  uint8_t octet = (uint8_t)((tag >> 24) | (tag & 0x1fu));
  return cur->len > 0 && cur->data[0] == octet;
}

/* cts_der_get_optional_element: most optional fields are absent, and the
 * identifier test says so without a call. */
static inline int cts_optional(cts_der *cur, cts_der *out, int *present,
                               uint32_t tag) {
  uint32_t number = tag & CTS_DER_TAG_NUMBER_MASK;
  if (number < 0x1f && (tag & ~CTS_DER_CONSTRUCTED) != 0 &&
      !cts_peek_low_tag(cur, tag)) {
    *present = 0;
    return 1;
  }
  return cts_der_get_optional_element(cur, out, present, tag);
}

/* cts_der_oid_equal, inline, for a literal (CTS_OID_IS_LIT(d, "\x55...")). */
static inline int cts_oid_is(const cts_der *oid, const char *bytes, size_t len) {
  return oid->len == len && memcmp(oid->data, bytes, len) == 0;
}
#define CTS_OID_IS_LIT(d, X) cts_oid_is((d), (X), sizeof(X) - 1)

#endif
