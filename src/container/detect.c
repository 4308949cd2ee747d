/* Format detection from the first bytes of a decompressed stream.
 *
 * The rules, tried in this order:
 *  1. get-entries JSON: the first byte that is not JSON whitespace (RFC 8259
 *     section 2) is '{'. ('[' is not a get-entries response: unknown.)
 *  2. DER: 30 82 or 30 83, a SEQUENCE with a two- or three-octet length in
 *     minimal form (X.690 10.1): at least 0x100 (resp. 0x10000) octets.
 *     A TileLeaf cannot start so: its first byte is the top byte of a
 *     millisecond timestamp, zero until the year 10889.
 *  3. PEM: "-----BEGIN" at the start of a line (after optional spaces and
 *     tabs), with no NUL byte before it (RFC 7468 section 2 allows text
 *     before the encapsulation boundary, e.g. an "openssl x509 -text" dump).
 *  4. TileLeaf: entry_type is x509_entry or precert_entry and the length
 *     fields that lie within data are consistent; when the first record
 *     lies entirely within data it must parse. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "container_internal.h"

static int json_space(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int has_prefix(const uint8_t *data, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(data, prefix, n) == 0;
}

static int looks_like_json(const uint8_t *data, size_t len) {
  size_t i = 0;
  while (i < len && json_space(data[i])) i++;
  return i < len && data[i] == '{';
}

static int looks_like_der(const uint8_t *data, size_t len) {
  if (len < 4 || data[0] != 0x30) return 0;
  if (data[1] == 0x82) return data[2] != 0;
  if (data[1] == 0x83) return len >= 5 && data[2] != 0;
  return 0;
}

static int looks_like_pem(const uint8_t *data, size_t len) {
  int line_start = 1;
  for (size_t i = 0; i < len; i++) {
    uint8_t c = data[i];
    if (c == 0) return 0;
    if (line_start && c == '-' && has_prefix(data + i, len - i, "-----BEGIN"))
      return 1;
    if (c == '\n')
      line_start = 1;
    else if (c != ' ' && c != '\t')
      line_start = 0;
  }
  return 0;
}

static int looks_like_tileleaf(const uint8_t *data, size_t len) {
  size_t size = 0;
  const char *reason = NULL;
  cts_frame_result fr;
  cts_der cur;
  cts_entry entry;
  if (len < 10) return 0; /* timestamp u64, entry_type u16 */
  fr = cts_tileleaf_frame(data, len, &size, &reason);
  if (fr == CTS_FRAME_BAD) return 0;
  if (fr == CTS_FRAME_NEED_MORE) return 1;
  memset(&entry, 0, sizeof(entry));
  cts_der_init(&cur, data, size);
  return cts_container_parse_tileleaf(&cur, &entry, &reason);
}

cts_format cts_container_detect(const uint8_t *data, size_t len) {
  if (data == NULL || len == 0) return CTS_FORMAT_UNKNOWN;
  if (looks_like_json(data, len)) return CTS_FORMAT_GET_ENTRIES;
  if (looks_like_der(data, len)) return CTS_FORMAT_DER;
  if (looks_like_pem(data, len)) return CTS_FORMAT_PEM;
  if (looks_like_tileleaf(data, len)) return CTS_FORMAT_TILELEAF;
  return CTS_FORMAT_UNKNOWN;
}

const char *cts_format_name(cts_format format) {
  switch (format) {
    case CTS_FORMAT_TILELEAF: return "tileleaf";
    case CTS_FORMAT_GET_ENTRIES: return "get-entries";
    case CTS_FORMAT_DER: return "der";
    case CTS_FORMAT_PEM: return "pem";
    case CTS_FORMAT_UNKNOWN: break;
  }
  return "unknown";
}
