/* Strict base64 decoding (RFC 4648 section 4), used for the leaf_input and
 * extra_data of RFC 6962 get-entries (section 4.6) and for PEM bodies
 * (RFC 7468 section 3). */
#include <stddef.h>
#include <stdint.h>

#include "container_internal.h"

/* Value of a character of the base64 alphabet (RFC 4648 section 4, table
 * 1), or -1. */
static int b64_value(uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

static int b64_is_space(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t cts_base64_decoded_max(size_t len) { return len / 4 * 3 + 3; }

/* Writes the bytes of one complete quantum: npad '=' characters ended it
 * (RFC 4648 section 4: 0, 1 or 2). The bits the padding leaves over must be
 * zero (section 3.5). Returns the bytes written, or -1. */
static int b64_flush(const int q[4], int npad, uint8_t *out) {
  uint32_t v = ((uint32_t)q[0] << 18) | ((uint32_t)q[1] << 12) |
               ((uint32_t)(npad > 1 ? 0 : q[2]) << 6) |
               (uint32_t)(npad > 0 ? 0 : q[3]);
  if (npad == 2 && (q[1] & 0x0f) != 0) return -1;
  if (npad == 1 && (q[2] & 0x03) != 0) return -1;
  out[0] = (uint8_t)(v >> 16);
  if (npad < 2) out[1] = (uint8_t)(v >> 8);
  if (npad < 1) out[2] = (uint8_t)v;
  return 3 - npad;
}

int cts_base64_decode(const uint8_t *in, size_t len, int allow_space,
                      uint8_t *out, size_t *out_len) {
  int q[4] = {0, 0, 0, 0};
  int nq = 0, npad = 0, done = 0;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    uint8_t c = in[i];
    int v;
    if (allow_space && b64_is_space(c)) continue;
    if (done) return 0; /* data after the padded final quantum */
    if (c == '=') {
      /* '=' only in the last two places of the final quantum. */
      if (nq < 2) return 0;
      npad++;
      q[nq++] = 0;
    } else {
      if (npad > 0 || (v = b64_value(c)) < 0) return 0;
      q[nq++] = v;
    }
    if (nq == 4) {
      int w = b64_flush(q, npad, out + n);
      if (w < 0) return 0;
      n += (size_t)w;
      done = npad > 0;
      nq = 0;
    }
  }
  if (nq != 0) return 0; /* padding is required: whole quanta only */
  *out_len = n;
  return 1;
}
