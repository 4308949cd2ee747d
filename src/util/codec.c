#include "ctscan/codec.h"

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

long cts_codec_hex_decode(const char *s, uint8_t *out, size_t cap) {
  size_t n = 0;
  while (*s) {
    int hi, lo;
    if (*s == ':') {
      s++;
      continue;
    }
    hi = hex_value((unsigned char)s[0]);
    lo = hi < 0 ? -1 : hex_value((unsigned char)s[1]);
    if (lo < 0 || n == cap) return -1;
    out[n++] = (uint8_t)(hi << 4 | lo);
    s += 2;
  }
  return (long)n;
}

static int b64_value(int c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

long cts_codec_base64_decode(const char *s, uint8_t *out, size_t cap) {
  uint32_t acc = 0;
  int bits = 0;
  size_t n = 0;
  for (; *s && *s != '='; s++) {
    int v = b64_value((unsigned char)*s);
    if (v < 0) return -1;
    acc = acc << 6 | (uint32_t)v;
    bits += 6;
    if (bits >= 8) {
      if (n == cap) return -1;
      bits -= 8;
      out[n++] = (uint8_t)(acc >> bits);
    }
  }
  return (long)n;
}
