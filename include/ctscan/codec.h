/* Text encodings of bytes in files ctscan reads back (stats JSON, YAML
 * configuration, CCADB CSV): hexadecimal and base64. */
#ifndef CTSCAN_CODEC_H
#define CTSCAN_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* Hex digits, either case, ':' between bytes allowed ("a1:74" or "a174").
 * Returns the byte count, or -1 on a bad digit, an odd count or more than
 * cap bytes. */
long cts_codec_hex_decode(const char *s, uint8_t *out, size_t cap);
/* RFC 4648 base64 (standard alphabet); the '=' padding may be there or
 * not. Returns the byte count, or -1 on a bad character or more than cap
 * bytes. */
long cts_codec_base64_decode(const char *s, uint8_t *out, size_t cap);

#endif
