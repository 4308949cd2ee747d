/* Text rules of RFC 6818 3 for explicitText: Unicode normalization form C
 * and the length of a BMPString as zlint measures it. */
#include "extensions_util.h"

typedef struct cp_range {
  uint32_t lo, hi;
} cp_range;

/* Code points with NFC_Quick_Check=No (Unicode DerivedNormalizationProps):
 * they never occur in NFC text (singletons and composition exclusions). */
static const cp_range k_nfc_no[] = {
    {0x0340, 0x0341}, {0x0343, 0x0344}, {0x0374, 0x0374}, {0x037e, 0x037e},
    {0x0387, 0x0387}, {0x0958, 0x095f}, {0x09dc, 0x09dd}, {0x09df, 0x09df},
    {0x0a33, 0x0a33}, {0x0a36, 0x0a36}, {0x0a59, 0x0a5b}, {0x0a5e, 0x0a5e},
    {0x0b5c, 0x0b5d}, {0x0f43, 0x0f43}, {0x0f4d, 0x0f4d}, {0x0f52, 0x0f52},
    {0x0f57, 0x0f57}, {0x0f5c, 0x0f5c}, {0x0f69, 0x0f69}, {0x0f73, 0x0f73},
    {0x0f75, 0x0f76}, {0x0f78, 0x0f78}, {0x0f81, 0x0f81}, {0x0f93, 0x0f93},
    {0x0f9d, 0x0f9d}, {0x0fa2, 0x0fa2}, {0x0fa7, 0x0fa7}, {0x0fac, 0x0fac},
    {0x0fb9, 0x0fb9}, {0x1f71, 0x1f71}, {0x1f73, 0x1f73}, {0x1f75, 0x1f75},
    {0x1f77, 0x1f77}, {0x1f79, 0x1f79}, {0x1f7b, 0x1f7b}, {0x1f7d, 0x1f7d},
    {0x1fbb, 0x1fbb}, {0x1fbe, 0x1fbe}, {0x1fc9, 0x1fc9}, {0x1fcb, 0x1fcb},
    {0x1fd3, 0x1fd3}, {0x1fdb, 0x1fdb}, {0x1fe3, 0x1fe3}, {0x1feb, 0x1feb},
    {0x1fee, 0x1fef}, {0x1ff9, 0x1ff9}, {0x1ffb, 0x1ffb}, {0x1ffd, 0x1ffd},
    {0x2000, 0x2001}, {0x2126, 0x2126}, {0x212a, 0x212b}, {0x2329, 0x232a},
    {0x2adc, 0x2adc}, {0xf900, 0xfa0d}, {0xfa10, 0xfa10}, {0xfa12, 0xfa12},
    {0xfa15, 0xfa1e}, {0xfa20, 0xfa20}, {0xfa22, 0xfa22}, {0xfa25, 0xfa26},
    {0xfa2a, 0xfa6d}, {0xfa70, 0xfad9}, {0xfb1d, 0xfb1d}, {0xfb1f, 0xfb1f},
    {0xfb2a, 0xfb36}, {0xfb38, 0xfb3c}, {0xfb3e, 0xfb3e}, {0xfb40, 0xfb41},
    {0xfb43, 0xfb44}, {0xfb46, 0xfb4e}, {0x1d15e, 0x1d164},
    {0x1d1bb, 0x1d1c0}, {0x2f800, 0x2fa1d},
};

/* NFC_Quick_Check=Maybe: marks that may compose with what precedes them. */
static const cp_range k_nfc_maybe[] = {
    {0x0300, 0x0304}, {0x0306, 0x030c}, {0x030f, 0x030f}, {0x0311, 0x0311},
    {0x0313, 0x0314}, {0x031b, 0x031b}, {0x0323, 0x0328}, {0x032d, 0x032e},
    {0x0330, 0x0331}, {0x0338, 0x0338}, {0x0342, 0x0342}, {0x0345, 0x0345},
    {0x0653, 0x0655}, {0x093c, 0x093c}, {0x09be, 0x09be}, {0x09d7, 0x09d7},
    {0x0b3e, 0x0b3e}, {0x0b56, 0x0b57}, {0x0bbe, 0x0bbe}, {0x0bd7, 0x0bd7},
    {0x0c56, 0x0c56}, {0x0cc2, 0x0cc2}, {0x0cd5, 0x0cd6}, {0x0d3e, 0x0d3e},
    {0x0d57, 0x0d57}, {0x0dca, 0x0dca}, {0x0dcf, 0x0dcf}, {0x0ddf, 0x0ddf},
    {0x102e, 0x102e}, {0x1161, 0x1175}, {0x11a8, 0x11c2}, {0x1b35, 0x1b35},
    {0x3099, 0x309a},
};

/* Letters that have precomposed forms with the Maybe marks: Latin, Greek,
 * Cyrillic, Arabic, Indic, Hangul and kana bases. */
static const cp_range k_bases[] = {
    {'A', 'Z'},         {'a', 'z'},         {0x00c0, 0x024f},
    {0x0370, 0x03ff},   {0x0400, 0x04ff},   {0x0620, 0x064a},
    {0x0900, 0x0dff},   {0x1000, 0x102d},   {0x1100, 0x1112},
    {0x1b05, 0x1b33},   {0x1e00, 0x1fff},   {0x3041, 0x30ff},
    {0xac00, 0xd7a3},
};

static int in(const cp_range *r, size_t n, uint32_t cp) {
  for (size_t i = 0; i < n; i++)
    if (cp >= r[i].lo && cp <= r[i].hi) return 1;
  return 0;
}
#define IN(table, cp) in((table), sizeof(table) / sizeof((table)[0]), (cp))

/* The next code point of s from *i; invalid bytes are single code units
 * that norm treats as starters that do not combine (returns 0xfffd+1). */
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

/* norm.NFC.IsNormal: no code point that NFC excludes, and no mark that
 * would compose with the letter before it. This is the quick check with
 * its "maybe" answers resolved by the script of the preceding letter: a
 * deliberate approximation that agrees with NFC on precomposable Latin,
 * Greek, Cyrillic, Indic, Hangul and kana text. */
int cts_utf8_is_nfc(const cts_der *text) {
  uint32_t prev = 0x110000;
  size_t i = 0;
  while (i < text->len) {
    uint32_t cp = next_cp(text, &i);
    if (cp < 0x300) { /* below the first combining mark: always NFC */
      prev = cp;
      continue;
    }
    if (IN(k_nfc_no, cp)) return 0;
    if (IN(k_nfc_maybe, cp) && IN(k_bases, prev)) return 0;
    prev = cp;
  }
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
