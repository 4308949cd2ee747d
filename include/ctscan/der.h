/* A CBS-style cursor over DER (and over the TLS-style big-endian records of
 * CT: TileLeaf, MerkleTreeLeaf).
 *
 * A cts_der is a borrowed view {data, len}: it never owns or copies bytes.
 * Every getter is a parse predicate: it returns 1 and advances the cursor on
 * success, or returns 0 and leaves the cursor where it was.
 *
 * DER rules enforced by the element getters (X.690 clause 10 and 8.1):
 *  - definite lengths only: the indefinite form (0x80) is rejected (10.1);
 *  - lengths in the minimal number of octets (10.1): short form below 0x80,
 *    no leading zero octet in the long form, at most 4 length octets;
 *  - high tag numbers (tag octet low bits 0x1f) are decoded when their
 *    encoding is minimal (no leading 0x80 octet, value >= 31) and fits in
 *    29 bits (8.1.2.4); anything else is rejected;
 *  - the element must fit in the bytes that remain.
 *
 * Tags are written as in BoringSSL: the class and constructed bits of the
 * identifier octet are moved to the top byte, the tag number is in the low
 * 29 bits. So SEQUENCE is CTS_DER_SEQUENCE, [3] EXPLICIT is
 * CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 3. */
#ifndef CTSCAN_DER_H
#define CTSCAN_DER_H

#include <stddef.h>
#include <stdint.h>

typedef struct cts_der {
  const uint8_t *data;
  size_t len;
} cts_der;

#define CTS_DER_CONSTRUCTED (0x20u << 24)
#define CTS_DER_UNIVERSAL (0x00u << 24)
#define CTS_DER_APPLICATION (0x40u << 24)
#define CTS_DER_CONTEXT_SPECIFIC (0x80u << 24)
#define CTS_DER_PRIVATE (0xc0u << 24)
#define CTS_DER_CLASS_MASK (0xc0u << 24)
#define CTS_DER_TAG_NUMBER_MASK 0x1fffffffu

#define CTS_DER_BOOLEAN 0x01u
#define CTS_DER_INTEGER 0x02u
#define CTS_DER_BIT_STRING 0x03u
#define CTS_DER_OCTET_STRING 0x04u
#define CTS_DER_NULL 0x05u
#define CTS_DER_OID 0x06u
#define CTS_DER_ENUMERATED 0x0au
#define CTS_DER_UTF8_STRING 0x0cu
#define CTS_DER_NUMERIC_STRING 0x12u
#define CTS_DER_PRINTABLE_STRING 0x13u
#define CTS_DER_T61_STRING 0x14u
#define CTS_DER_IA5_STRING 0x16u
#define CTS_DER_UTC_TIME 0x17u
#define CTS_DER_GENERALIZED_TIME 0x18u
#define CTS_DER_VISIBLE_STRING 0x1au
#define CTS_DER_UNIVERSAL_STRING 0x1cu
#define CTS_DER_BMP_STRING 0x1eu
#define CTS_DER_SEQUENCE (0x10u | CTS_DER_CONSTRUCTED)
#define CTS_DER_SET (0x11u | CTS_DER_CONSTRUCTED)

/* --- byte cursor ------------------------------------------------------- */

void cts_der_init(cts_der *cur, const uint8_t *data, size_t len);
/* Advances past n bytes. */
int cts_der_skip(cts_der *cur, size_t n);
/* Takes the next n bytes as *out. */
int cts_der_get_bytes(cts_der *cur, cts_der *out, size_t n);
/* Big-endian unsigned integers of 1, 2, 3, 4, 5 and 8 octets. */
int cts_der_get_u8(cts_der *cur, uint8_t *out);
int cts_der_get_u16(cts_der *cur, uint16_t *out);
int cts_der_get_u24(cts_der *cur, uint32_t *out);
int cts_der_get_u32(cts_der *cur, uint32_t *out);
int cts_der_get_u40(cts_der *cur, uint64_t *out);
int cts_der_get_u64(cts_der *cur, uint64_t *out);
/* An opaque<0..2^(8n)-1> of TLS presentation language: n-octet length,
 * then that many bytes, taken as *out (RFC 8446 3.4). */
int cts_der_get_u8_prefixed(cts_der *cur, cts_der *out);
int cts_der_get_u16_prefixed(cts_der *cur, cts_der *out);
int cts_der_get_u24_prefixed(cts_der *cur, cts_der *out);

/* --- DER elements ------------------------------------------------------ */

/* Takes the next element whatever its tag. *out is the whole element,
 * header included; *out_tag and *out_header_len may be NULL. */
int cts_der_get_any_element(cts_der *cur, cts_der *out, uint32_t *out_tag,
                            size_t *out_header_len);
/* Takes the next element if its tag is tag. *out holds its contents only. */
int cts_der_get_element(cts_der *cur, cts_der *out, uint32_t tag);
/* As cts_der_get_element, but *out holds the header too. */
int cts_der_get_element_with_header(cts_der *cur, cts_der *out, uint32_t tag);
/* Skips the next element if its tag is tag. */
int cts_der_skip_element(cts_der *cur, uint32_t tag);
/* 1 if the next element has tag tag (no length check, never advances). */
int cts_der_peek_tag(const cts_der *cur, uint32_t tag);
/* If the next element has tag tag, takes its contents into *out and sets
 * *out_present = 1; otherwise sets *out_present = 0 and succeeds without
 * advancing. Fails only when a present element is malformed. */
int cts_der_get_optional_element(cts_der *cur, cts_der *out, int *out_present,
                                 uint32_t tag);

/* OBJECT IDENTIFIER: contents into *out. Rejects an empty OID and
 * non-minimal subidentifiers (a leading 0x80 octet) and a last octet with
 * its high bit set (X.690 8.19.2). */
int cts_der_get_oid(cts_der *cur, cts_der *out);
/* 1 if the OID contents in oid equal the len bytes at bytes. */
int cts_der_oid_equal(const cts_der *oid, const uint8_t *bytes, size_t len);
/* Writes the dotted form ("2.5.29.17") of OID contents, NUL-terminated,
 * into buf. Returns 1, or 0 if malformed or buf is too small. */
int cts_der_oid_to_string(const cts_der *oid, char *buf, size_t buf_len);

/* INTEGER: the content octets (two's complement) into *out. Accepts a
 * non-minimal encoding (certificates carry them, and lints report them);
 * rejects an empty INTEGER. */
int cts_der_get_integer(cts_der *cur, cts_der *out);
/* 1 if INTEGER contents are minimally encoded (X.690 8.3.2): not empty, and
 * the first nine bits are neither all zero nor all one. */
int cts_der_integer_is_minimal(const cts_der *contents);
/* 1 if INTEGER contents are negative (high bit of the first octet). */
int cts_der_integer_is_negative(const cts_der *contents);
/* A minimally encoded, non-negative INTEGER that fits in 64 bits. */
int cts_der_get_u64_integer(cts_der *cur, uint64_t *out);

/* BOOLEAN: DER allows only 0x00 and 0xff (X.690 11.1). */
int cts_der_get_bool(cts_der *cur, int *out);

/* BIT STRING: the octets after the unused-bits octet into *out, and the
 * count of unused bits. Rejects unused > 7, unused != 0 on an empty string
 * and, per DER (X.690 11.2.1), non-zero unused bits. */
int cts_der_get_bit_string(cts_der *cur, cts_der *out, unsigned *out_unused);

/* UTCTime or GeneralizedTime as seconds since the Unix epoch (UTC).
 * RFC 5280 4.1.2.5: UTCTime is YYMMDDHHMMSSZ, YY >= 50 means 19YY and
 * YY < 50 means 20YY; GeneralizedTime is YYYYMMDDHHMMSSZ with no fraction.
 * Seconds are required, 'Z' is required, fields are range-checked
 * (month 1-12, day within the month with leap years, hour < 24,
 * minute < 60, second < 60). *out_tag, if not NULL, gets the tag read. */
int cts_der_get_time(cts_der *cur, int64_t *out_unix, uint32_t *out_tag);
/* The same rules, applied to the contents of an element of tag tag. */
int cts_der_parse_time(uint32_t tag, const cts_der *contents,
                       int64_t *out_unix);

#endif
