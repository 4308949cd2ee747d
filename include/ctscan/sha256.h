/* SHA-256 (FIPS 180-4), libc only: certificate fingerprints for evidence
 * (crt.sh links) and CA identities, outside the OpenSSL-only full-parse
 * stage. */
#ifndef CTSCAN_SHA256_H
#define CTSCAN_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define CTS_SHA256_LEN 32

typedef struct cts_sha256 {
  uint32_t h[8];
  uint64_t total;    /* bytes hashed so far */
  uint8_t block[64]; /* pending partial block */
  size_t used;
} cts_sha256_ctx;

void cts_sha256_init(cts_sha256_ctx *ctx);
void cts_sha256_update(cts_sha256_ctx *ctx, const void *data, size_t len);
void cts_sha256_final(cts_sha256_ctx *ctx, uint8_t out[CTS_SHA256_LEN]);
void cts_sha256(const void *data, size_t len, uint8_t out[CTS_SHA256_LEN]);
/* Lower-case hex of len bytes into out (2 * len + 1 bytes). */
void cts_hex(const uint8_t *bytes, size_t len, char *out);

#endif
