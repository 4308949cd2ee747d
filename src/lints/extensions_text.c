/* Text rules of RFC 6818 3 for explicitText: Unicode normalization form C
 * and the length of a BMPString as zlint measures it. */
#include "extensions_util.h"
#include "names_util.h"

/* The next code point of s from *i; invalid bytes are single code units
 * that norm treats as starters that do not combine (returns 0x110000,
 * past the last code point). */
static uint32_t next_cp(const cts_der *s, size_t *i) {
  uint8_t c = s->data[*i];
  size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1fu) : n == 3 ? (c & 0x0fu) : (c & 0x07u);
  if (n == 0 || *i + n > s->len) {
    (*i)++;
    return 0x110000;
  }
  for (size_t k = 1; k < n; k++) {
    if ((s->data[*i + k] & 0xc0) != 0x80) {
      (*i)++;
      return 0x110000;
    }
    cp = (cp << 6) | (s->data[*i + k] & 0x3fu);
  }
  *i += n;
  return cp;
}

/* norm.NFC.IsNormal of the octets read as UTF-8: the check the IDN lint
 * makes (names_nfc.c), fed one code point at a time. */
int cts_utf8_is_nfc(const cts_der *text) {
  cts_nfc nfc;
  size_t i = 0;
  cts_nfc_init(&nfc);
  while (i < text->len)
    if (!cts_nfc_next(&nfc, next_cp(text, &i))) return 0;
  return 1;
}

/* util.ParseBMPString: UTF-16BE code units (an odd length is an error, a
 * trailing 0x0000 is dropped), decoded with utf16.Decode (an unpaired
 * surrogate becomes U+FFFD) into a Go string whose len() is counted. */
size_t cts_bmp_utf8_len(const cts_der *text) {
  size_t n = text->len, len = 0;
  if (n % 2 != 0) return 0;
  if (n >= 2 && text->data[n - 1] == 0 && text->data[n - 2] == 0) n -= 2;
  for (size_t i = 0; i < n; i += 2) {
    uint32_t u = (uint32_t)text->data[i] << 8 | text->data[i + 1];
    if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
      uint32_t v = (uint32_t)text->data[i + 2] << 8 | text->data[i + 3];
      if (v >= 0xdc00 && v < 0xe000) {
        len += 4;
        i += 2;
        continue;
      }
    }
    len += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
  }
  return len;
}
