/* IP addresses as Go's net package reads and prints them, and the IANA
 * special-purpose ranges zlint's util.IsIANAReserved lists. */
#include <stdio.h>
#include <string.h>

#include "names_util.h"

static int hexval(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Dotted-quad IPv4 as netip.ParseAddr reads it: four decimal fields of at
 * most 255 without leading zeros. */
static int parse_ipv4(const uint8_t *p, size_t n, uint8_t out[4]) {
  size_t i = 0;
  for (int field = 0; field < 4; field++) {
    unsigned v = 0;
    size_t start = i;
    if (field > 0) {
      if (i >= n || p[i] != '.') return 0;
      start = ++i;
    }
    while (i < n && p[i] >= '0' && p[i] <= '9') {
      v = v * 10 + (unsigned)(p[i] - '0');
      if (v > 255 || i - start >= 3) return 0;
      i++;
    }
    if (i == start) return 0;
    if (i - start > 1 && p[start] == '0') return 0;
    out[field] = (uint8_t)v;
  }
  return i == n;
}

/* IPv6 text (RFC 4291 2.2) as netip.ParseAddr reads it: groups of 1-4 hex
 * digits, one "::", an optional dotted-quad tail; no zone (net.ParseIP
 * rejects one). */
static int parse_ipv6(const uint8_t *p, size_t n, uint8_t out[16]) {
  size_t i = 0, k = 0;
  int ellipsis = -1;
  memset(out, 0, 16);
  if (n >= 2 && p[0] == ':' && p[1] == ':') {
    ellipsis = 0;
    i = 2;
    if (i == n) return 1;
  }
  while (i < n) {
    size_t start = i;
    unsigned v = 0;
    while (i < n && hexval(p[i]) >= 0 && i - start < 5) {
      v = v * 16 + (unsigned)hexval(p[i]);
      i++;
    }
    if (i - start == 0 || i - start > 4) return 0;
    if (i < n && p[i] == '.') {
      /* an IPv4 tail takes the last 32 bits */
      if (k > 12 || (ellipsis < 0 && k != 12)) return 0;
      if (!parse_ipv4(p + start, n - start, out + k)) return 0;
      k += 4;
      i = n;
      break;
    }
    if (k > 14) return 0;
    out[k++] = (uint8_t)(v >> 8);
    out[k++] = (uint8_t)v;
    if (i == n) break;
    if (p[i] != ':') return 0;
    i++;
    if (i < n && p[i] == ':') {
      if (ellipsis >= 0) return 0;
      ellipsis = (int)k;
      i++;
      if (i == n) break;
    } else if (i == n) {
      return 0; /* trailing single colon */
    }
    if (k == 16) return 0;
  }
  if (ellipsis >= 0) {
    size_t tail = k - (size_t)ellipsis, gap = 16 - k;
    if (gap == 0) return 0; /* "::" must stand for at least one group */
    memmove(out + ellipsis + gap, out + ellipsis, tail);
    memset(out + ellipsis, 0, gap);
  } else if (k != 16) {
    return 0;
  }
  return 1;
}

int cts_ip_parse(cts_str s, uint8_t out[16]) {
  uint8_t v4[4];
  if (s.n == 0) return 0;
  if (memchr(s.p, ':', s.n) == NULL) {
    if (!parse_ipv4(s.p, s.n, v4)) return 0;
    memset(out, 0, 10);
    out[10] = out[11] = 0xff;
    memcpy(out + 12, v4, 4);
    return 1;
  }
  return parse_ipv6(s.p, s.n, out);
}

/* Go's IP.To4: the IPv4 octets of a 4-octet or v4-mapped 16-octet IP. */
static const uint8_t *to4(const uint8_t *ip, size_t len) {
  static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (len == 4) return ip;
  if (len == 16 && memcmp(ip, prefix, 12) == 0) return ip + 12;
  return NULL;
}

size_t cts_ip_format(const uint8_t *ip, size_t len, char *buf) {
  const uint8_t *v4 = to4(ip, len);
  int best = -1, best_len = 0, n = 0;
  if (v4 != NULL)
    return (size_t)sprintf(buf, "%u.%u.%u.%u", v4[0], v4[1], v4[2], v4[3]);
  if (len != 16) return (size_t)sprintf(buf, "?");
  /* RFC 5952 4.2: the longest run of two or more zero groups, the first
   * of equals, becomes "::" */
  for (int g = 0; g < 8;) {
    int run = 0;
    while (g + run < 8 && ip[2 * (g + run)] == 0 && ip[2 * (g + run) + 1] == 0)
      run++;
    if (run > best_len && run >= 2) {
      best = g;
      best_len = run;
    }
    g += run > 0 ? run : 1;
  }
  for (int g = 0; g < 8; g++) {
    if (g == best) {
      n += sprintf(buf + n, "::");
      g += best_len - 1;
      continue;
    }
    if (g > 0 && g != best + best_len) n += sprintf(buf + n, ":");
    n += sprintf(buf + n, "%x", (unsigned)(ip[2 * g] << 8 | ip[2 * g + 1]));
  }
  return (size_t)n;
}

typedef struct cidr {
  uint8_t addr[16];
  uint8_t bits;
} cidr;

/* IANA IPv4 Special-Purpose Address Registry and IPv4 address space, as
 * zlint v3 util/ip.go lists them (private use, shared address space,
 * benchmarking, documentation, reserved 240/4, protocol assignments,
 * AS112, AMT, this host, dummy, PCP/TURN anycast, NAT64 discovery, limited
 * broadcast, link local, future use 240-255, multicast 224-239). */
static const cidr k_v4[] = {
    {{10, 0, 0, 0}, 8},      {{172, 16, 0, 0}, 12},  {{192, 168, 0, 0}, 16},
    {{100, 64, 0, 0}, 10},   {{198, 18, 0, 0}, 15},  {{192, 0, 2, 0}, 24},
    {{198, 51, 100, 0}, 24}, {{203, 0, 113, 0}, 24}, {{240, 0, 0, 0}, 4},
    {{192, 0, 0, 0}, 24},    {{192, 31, 196, 0}, 24}, {{192, 175, 48, 0}, 24},
    {{192, 52, 193, 0}, 24}, {{0, 0, 0, 0}, 8},      {{169, 254, 0, 0}, 16},
    {{224, 0, 0, 0}, 4},     {{255, 255, 255, 255}, 32},
};

/* IANA IPv6 Special-Purpose Address Registry and IPv6 address space, as
 * zlint v3 util/ip.go lists them. */
static const cidr k_v6[] = {
    {{0x20, 0x01, 0x00, 0x02}, 48},       /* benchmarking */
    {{0x20, 0x01, 0x0d, 0xb8}, 32},       /* documentation */
    {{0x04}, 6},  {{0x08}, 5},  {{0x10}, 4},  {{0x40}, 3},
    {{0x60}, 3},  {{0x80}, 3},  {{0xa0}, 3},  {{0xc0}, 3},
    {{0xe0}, 4},  {{0xf0}, 5},  {{0xf8}, 6},  {{0xfe, 0x00}, 9}, /* reserved */
    {{0x20, 0x01, 0x00, 0x00}, 23},       /* protocol assignments */
    {{0x20, 0x01, 0x00, 0x04, 0x01, 0x12}, 48}, /* AS112 */
    {{0x26, 0x20, 0x00, 0x4f, 0x80, 0x00}, 48}, /* AS112 */
    {{0x20, 0x01, 0x00, 0x03}, 32},       /* AMT */
    {{0x20, 0x01, 0x00, 0x20}, 28},       /* ORCHIDv2 */
    {{0x20, 0x02}, 16},                   /* 6to4 */
    {{0x00, 0x64, 0xff, 0x9b}, 96},       /* NAT64 well-known prefix */
    {{0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48}, /* local-use NAT64 */
    {{0x01, 0x00}, 64},                   /* discard only */
    {{0xfc}, 7},                          /* unique local */
    {{0xfe, 0x80}, 10},                   /* link local */
    {{0xff}, 8},                          /* multicast */
};

static int in_cidr(const uint8_t *ip, const cidr *c) {
  unsigned full = c->bits / 8, rest = c->bits % 8;
  if (memcmp(ip, c->addr, full) != 0) return 0;
  if (rest == 0) return 1;
  uint8_t mask = (uint8_t)(0xff << (8 - rest));
  return (ip[full] & mask) == (c->addr[full] & mask);
}

/* Go's IP.IsGlobalUnicast fails for unspecified, loopback, multicast and
 * link-local addresses and the IPv4 broadcast; util.IsIANAReserved then
 * checks the listed networks (an IPv4-mapped address counts as IPv4). */
int cts_ip_is_reserved(const uint8_t *ip, size_t len) {
  static const uint8_t zero[16] = {0};
  const uint8_t *v4 = to4(ip, len);
  if (v4 != NULL) {
    if (v4[0] == 127) return 1; /* loopback */
    for (size_t i = 0; i < sizeof(k_v4) / sizeof(k_v4[0]); i++)
      if (in_cidr(v4, &k_v4[i])) return 1;
    return 0;
  }
  if (len != 16) return 1;
  if (memcmp(ip, zero, 16) == 0) return 1;                      /* :: */
  if (memcmp(ip, zero, 15) == 0 && ip[15] == 1) return 1;       /* ::1 */
  for (size_t i = 0; i < sizeof(k_v6) / sizeof(k_v6[0]); i++)
    if (in_cidr(ip, &k_v6[i])) return 1;
  return 0;
}
