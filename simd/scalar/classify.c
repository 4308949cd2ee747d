/* The reference byte classifier: a 256-entry table, one byte at a time. */
#include "simd/scan.h"

/* GNU range designators keep the table a constant. */
static const uint16_t k_class[256] = {
    [0x00] = CTS_BC_NUL,
    [0x01 ... 0x1f] = CTS_BC_CONTROL,
    [' '] = CTS_BC_SPACE,
    ['!' ... ')'] = CTS_BC_OTHER,
    ['*'] = CTS_BC_STAR,
    ['+' ... ','] = CTS_BC_OTHER,
    ['-'] = CTS_BC_HYPHEN,
    ['.'] = CTS_BC_DOT,
    ['/'] = CTS_BC_URL,
    ['0' ... '9'] = CTS_BC_DIGIT,
    [':'] = CTS_BC_URL,
    [';' ... '?'] = CTS_BC_OTHER,
    ['@'] = CTS_BC_AT,
    ['A' ... 'Z'] = CTS_BC_UPPER,
    ['[' ... '^'] = CTS_BC_OTHER,
    ['_'] = CTS_BC_UNDERSCORE,
    ['`'] = CTS_BC_OTHER,
    ['a' ... 'z'] = CTS_BC_LOWER,
    ['{' ... '~'] = CTS_BC_OTHER,
    [0x7f] = CTS_BC_CONTROL,
    [0x80 ... 0xff] = CTS_BC_HIGH,
};

uint32_t cts_classify_scalar(const uint8_t *p, size_t n) {
  uint32_t acc = 0;
  for (size_t i = 0; i < n; i++) acc |= k_class[p[i]];
  return acc;
}

/* ASCII case folding: only A-Z change (RFC 4343 3). */
static uint8_t fold(uint8_t c) {
  return (uint8_t)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

int cts_equal_fold_scalar(const uint8_t *a, const uint8_t *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (fold(a[i]) != fold(b[i])) return 0;
  return 1;
}
