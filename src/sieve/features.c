/* Feature bits computed once by the sieve (design.md "Data flow": "While
 * walking it computes feature bits once"). Each function reads only the
 * bytes of one span; nothing is copied or allocated. The byte classes
 * come from the SIMD kernel; the label walk is scalar, so every kernel
 * gives the same bits by construction. */
#include <string.h>

#include "ctscan/oid.h"
#include "simd/scan.h"
#include "src/sieve/features.h"

/* --- dNSName ----------------------------------------------------------- */

/* 1 when the label [p, p+n) is a decimal number 0-255 without a leading
 * zero (a dotted-quad field, as netip.ParseAddr reads it). */
static int is_quad_field(const uint8_t *p, size_t n) {
  unsigned v = 0;
  if (n == 0 || n > 3 || (n > 1 && p[0] == '0')) return 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return 0;
    v = v * 10 + (unsigned)(p[i] - '0');
  }
  return v <= 255;
}

static int all_digits(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return 0;
  return n > 0;
}

/* Features of one non-empty label [p, p+n), the index-th from the left.
 * classes is the name's: labels are searched for '_' and '*' only when
 * the name holds one. */
static uint32_t label_features(const uint8_t *p, size_t n, unsigned index,
                               uint32_t classes) {
  uint32_t f = 0;
  /* RFC 1034 3.1: "Each node has a label, which is zero to 63 octets in
   * length"; RFC 1035 2.3.4: "labels 63 octets or less". */
  if (n > 63) f |= CTS_DNS_LABEL_TOO_LONG;
  /* RFC 1034 3.5: labels "must start with a letter, end with a letter or
   * digit, and have as interior characters only letters, digits, and
   * hyphen" (RFC 1123 2.1 relaxed the first to a digit). */
  if (p[0] == '-' || p[n - 1] == '-') f |= CTS_DNS_HYPHEN_EDGE;
  /* RFC 5890 2.3.1: "labels with hyphens in both the third and fourth
   * character positions" are R-LDH; 2.3.2.1: "xn--" marks an A-label. */
  if (n >= 4 && p[2] == '-' && p[3] == '-') {
    f |= CTS_DNS_RLDH_LABEL;
    if ((p[0] | 0x20) == 'x' && (p[1] | 0x20) == 'n') f |= CTS_DNS_XN_LABEL;
  }
  if ((classes & CTS_BC_UNDERSCORE) && memchr(p, '_', n) != NULL)
    f |= index == 0 ? CTS_DNS_UNDERSCORE_FIRST : CTS_DNS_UNDERSCORE_OTHER;
  if ((classes & CTS_BC_STAR) && memchr(p, '*', n) != NULL) {
    /* BRs 1.6.1 "Wildcard Domain Name": "*" as the leftmost label; RFC
     * 6125 6.4.3 lets clients refuse any other use. */
    if (index != 0) f |= CTS_DNS_WILDCARD_NOT_LEFT;
    else if (n == 1) f |= CTS_DNS_WILDCARD_LEFT;
    else f |= CTS_DNS_WILDCARD_PARTIAL;
  }
  return f;
}

uint32_t cts_sieve_dns_features(const uint8_t *p, size_t n, uint32_t classes,
                                uint8_t *out_labels) {
  uint32_t f = 0;
  unsigned labels = 0, quads = 0;
  size_t start = 0, last_start = 0, last_len = 0;
  *out_labels = 0;
  if (n == 0) return CTS_DNS_EMPTY;
  if (classes & CTS_BC_UPPER) f |= CTS_DNS_UPPER;
  if (classes & ~(uint32_t)(CTS_BC_LDH | CTS_BC_DOT | CTS_BC_UNDERSCORE |
                            CTS_BC_STAR))
    f |= CTS_DNS_BAD_BYTE;
  if (classes & CTS_BC_STAR) f |= CTS_DNS_WILDCARD;
  /* RFC 1035 2.3.4: "names 255 octets or less" in wire form, which is the
   * text form plus 2 octets (first length octet, root label). */
  if (n - (p[n - 1] == '.') > 253) f |= CTS_DNS_NAME_TOO_LONG;
  if (p[0] == '.') f |= CTS_DNS_LEADING_DOT;
  if (p[n - 1] == '.') f |= CTS_DNS_TRAILING_DOT;
  for (;;) {
    const uint8_t *dot = (classes & CTS_BC_DOT)
                             ? memchr(p + start, '.', n - start)
                             : NULL;
    size_t end = dot != NULL ? (size_t)(dot - p) : n;
    size_t len = end - start;
    if (len == 0) {
      f |= CTS_DNS_EMPTY_LABEL;
    } else {
      f |= label_features(p + start, len, labels, classes);
      last_start = start;
      last_len = len;
      quads += (unsigned)is_quad_field(p + start, len);
    }
    labels++;
    if (dot == NULL) break;
    start = end + 1;
  }
  *out_labels = (uint8_t)(labels > 255 ? 255 : labels);
  if (last_len > 0 && (classes & CTS_BC_DIGIT) &&
      all_digits(p + last_start, last_len))
    f |= CTS_DNS_NUMERIC_LAST;
  if (labels == 4 && quads == 4) f |= CTS_DNS_IPV4_FORM;
  return f;
}

/* --- iPAddress --------------------------------------------------------- */

typedef struct cidr {
  uint8_t addr[16];
  uint8_t bits;
  uint32_t flags; /* CTS_IP_* besides CTS_IP_RESERVED */
} cidr;

/* IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates) and
 * IPv4 address space registry, as zlint's util/ip.go lists them. */
static const cidr k_v4[] = {
    {{0, 0, 0, 0}, 8, 0},               /* "this network" (RFC 791) */
    {{10, 0, 0, 0}, 8, CTS_IP_PRIVATE}, /* RFC 1918 */
    {{100, 64, 0, 0}, 10, 0},           /* shared address space (RFC 6598) */
    {{127, 0, 0, 0}, 8, CTS_IP_LOOPBACK},
    {{169, 254, 0, 0}, 16, CTS_IP_LINK_LOCAL}, /* RFC 3927 */
    {{172, 16, 0, 0}, 12, CTS_IP_PRIVATE},
    {{192, 0, 0, 0}, 24, 0},            /* IETF protocol assignments */
    {{192, 0, 2, 0}, 24, CTS_IP_DOCUMENTATION}, /* RFC 5737 TEST-NET-1 */
    {{192, 31, 196, 0}, 24, 0},         /* AS112-v4 (RFC 7535) */
    {{192, 52, 193, 0}, 24, 0},         /* AMT (RFC 7450) */
    {{192, 168, 0, 0}, 16, CTS_IP_PRIVATE},
    {{192, 175, 48, 0}, 24, 0},         /* direct delegation AS112 */
    {{198, 18, 0, 0}, 15, 0},           /* benchmarking (RFC 2544) */
    {{198, 51, 100, 0}, 24, CTS_IP_DOCUMENTATION}, /* TEST-NET-2 */
    {{203, 0, 113, 0}, 24, CTS_IP_DOCUMENTATION},  /* TEST-NET-3 */
    {{224, 0, 0, 0}, 4, CTS_IP_MULTICAST},          /* RFC 5771 */
    {{240, 0, 0, 0}, 4, 0},             /* reserved (RFC 1112) */
};

/* IANA IPv6 Special-Purpose Address Registry and IPv6 address space
 * registry (everything outside 2000::/3 that is not listed separately is
 * reserved by IETF), as zlint's util/ip.go lists them. */
static const cidr k_v6[] = {
    {{0x01, 0x00}, 64, 0},                        /* discard (RFC 6666) */
    {{0x00, 0x64, 0xff, 0x9b}, 96, 0},            /* NAT64 (RFC 6052) */
    {{0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48, 0}, /* local NAT64 (8215) */
    {{0x20, 0x01, 0x00, 0x00}, 23, 0},            /* IETF protocol assign. */
    {{0x20, 0x01, 0x0d, 0xb8}, 32, CTS_IP_DOCUMENTATION}, /* RFC 3849 */
    {{0x20, 0x02}, 16, 0},                        /* 6to4 (RFC 3056) */
    {{0x26, 0x20, 0x00, 0x4f, 0x80, 0x00}, 48, 0}, /* AS112 (RFC 7534) */
    {{0x04}, 6, 0}, {{0x08}, 5, 0}, {{0x10}, 4, 0}, {{0x40}, 3, 0},
    {{0x60}, 3, 0}, {{0x80}, 3, 0}, {{0xa0}, 3, 0}, {{0xc0}, 3, 0},
    {{0xe0}, 4, 0}, {{0xf0}, 5, 0}, {{0xf8}, 6, 0},
    {{0xfc}, 7, CTS_IP_PRIVATE},                  /* unique local (4193) */
    {{0xfe, 0x00}, 9, 0},
    {{0xfe, 0x80}, 10, CTS_IP_LINK_LOCAL},        /* RFC 4291 2.5.6 */
    {{0xff}, 8, CTS_IP_MULTICAST},                /* RFC 4291 2.7 */
};

static int in_cidr(const uint8_t *ip, const cidr *c) {
  unsigned full = c->bits / 8u, rest = c->bits % 8u;
  for (unsigned i = 0; i < full; i++)
    if (ip[i] != c->addr[i]) return 0;
  if (rest == 0) return 1;
  return ((ip[full] ^ c->addr[full]) & (uint8_t)(0xffu << (8 - rest))) == 0;
}

static uint32_t v4_features(const uint8_t *ip) {
  uint32_t f = 0;
  if ((ip[0] | ip[1] | ip[2] | ip[3]) == 0) f |= CTS_IP_UNSPECIFIED;
  /* limited broadcast (RFC 919) */
  if ((ip[0] & ip[1] & ip[2] & ip[3]) == 0xff) f |= CTS_IP_RESERVED;
  for (size_t i = 0; i < sizeof(k_v4) / sizeof(k_v4[0]); i++)
    if (in_cidr(ip, &k_v4[i])) f |= CTS_IP_RESERVED | k_v4[i].flags;
  return f;
}

uint32_t cts_sieve_ip_features(const uint8_t *p, size_t n) {
  static const uint8_t k_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  uint32_t f = 0;
  unsigned zero = 0;
  if (n == 4) return CTS_IP_V4 | v4_features(p);
  if (n != 16) return CTS_IP_BAD_LENGTH | CTS_IP_RESERVED;
  f = CTS_IP_V6;
  if (memcmp(p, k_mapped, 12) == 0) return f | CTS_IP_V4_MAPPED | v4_features(p + 12);
  for (size_t i = 0; i < 15; i++) zero |= p[i];
  if (zero == 0 && p[15] == 0) f |= CTS_IP_UNSPECIFIED | CTS_IP_RESERVED;
  if (zero == 0 && p[15] == 1) f |= CTS_IP_LOOPBACK | CTS_IP_RESERVED;
  for (size_t i = 0; i < sizeof(k_v6) / sizeof(k_v6[0]); i++)
    if (in_cidr(p, &k_v6[i])) f |= CTS_IP_RESERVED | k_v6[i].flags;
  return f;
}

/* --- IP address text (a CN that names an IP) ---------------------------- */

static int hex_digit(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* d.d.d.d, each field 0-255 without a leading zero. */
static int parse_v4_text(const uint8_t *p, size_t n, uint8_t out[4]) {
  size_t start = 0;
  for (int field = 0; field < 4; field++) {
    size_t end = start;
    unsigned v = 0;
    while (end < n && p[end] != '.') end++;
    if ((field < 3) != (end < n) || !is_quad_field(p + start, end - start))
      return 0;
    for (size_t i = start; i < end; i++) v = v * 10 + (unsigned)(p[i] - '0');
    out[field] = (uint8_t)v;
    start = end + 1;
  }
  return 1;
}

/* RFC 4291 2.2: x:x:x:x:x:x:x:x groups of 1-4 hex digits, one "::" for
 * a run of zero groups, and x:x:x:x:x:x:d.d.d.d. */
static int parse_v6_text(const uint8_t *p, size_t n, uint8_t out[16]) {
  uint8_t groups[16];
  size_t k = 0, i = 0;
  int gap = -1;
  if (n >= 2 && p[0] == ':' && p[1] == ':') {
    gap = 0;
    i = 2;
  } else if (n >= 1 && p[0] == ':') {
    return 0;
  }
  while (i < n) {
    size_t start = i;
    unsigned v = 0;
    while (i < n && i - start < 5 && hex_digit(p[i]) >= 0)
      v = v * 16 + (unsigned)hex_digit(p[i++]);
    if (i < n && p[i] == '.') {
      /* a dotted-quad tail in place of the last two groups */
      if (k > 12 || !parse_v4_text(p + start, n - start, groups + k))
        return 0;
      k += 4;
      i = n;
      break;
    }
    if (i == start || i - start > 4 || k > 14) return 0;
    groups[k++] = (uint8_t)(v >> 8);
    groups[k++] = (uint8_t)v;
    if (i == n) break;
    if (p[i++] != ':') return 0;
    if (i < n && p[i] == ':') {
      if (gap >= 0) return 0;
      gap = (int)k;
      i++;
    } else if (i == n) {
      return 0;
    }
  }
  if (gap < 0) {
    if (k != 16) return 0;
    memcpy(out, groups, 16);
    return 1;
  }
  if (k > 14) return 0; /* "::" stands for at least one group */
  memset(out, 0, 16);
  memcpy(out, groups, (size_t)gap);
  memcpy(out + 16 - (k - (size_t)gap), groups + gap, k - (size_t)gap);
  return 1;
}

size_t cts_sieve_parse_ip_text(const uint8_t *p, size_t n, uint8_t out[16]) {
  if (n == 0 || n > 45) return 0;
  if (memchr(p, ':', n) != NULL) return parse_v6_text(p, n, out) ? 16 : 0;
  return parse_v4_text(p, n, out) ? 4 : 0;
}

/* --- whole certificate ------------------------------------------------- */

/* RFC 5280 4.1.2.2 and X.690 8.3. */
static void serial_features(cts_summary *sum) {
  const uint8_t *s = sum->der + sum->serial.off;
  size_t n = sum->serial.len, i = 0, bits;
  unsigned top;
  if (n == 0) return;
  if (n > 1 && ((s[0] == 0x00 && !(s[1] & 0x80)) ||
                (s[0] == 0xff && (s[1] & 0x80))))
    sum->features |= CTS_FEAT_SERIAL_NOT_MINIMAL;
  if (s[0] & 0x80) {
    /* Negative: the magnitude is not counted; lints report the sign. */
    sum->features |= CTS_FEAT_SERIAL_NEGATIVE;
    return;
  }
  while (i < n && s[i] == 0) i++;
  if (i == n) {
    sum->features |= CTS_FEAT_SERIAL_ZERO;
    return;
  }
  sum->serial_octets = (uint8_t)(n - i > 255 ? 255 : n - i);
  if (n - i > 20) sum->features |= CTS_FEAT_SERIAL_OVER_20;
  bits = (n - i - 1) * 8;
  for (top = s[i]; top != 0; top >>= 1) bits++;
  sum->serial_bits = (uint16_t)(bits > 0xffff ? 0xffff : bits);
}

/* RFC 5280 4.1.2.5: "The validity period for a certificate is the period
 * of time from notBefore through notAfter, inclusive." */
static void validity_features(cts_summary *sum) {
  int64_t secs;
  if (sum->flags & (CTS_SUM_BAD_NOT_BEFORE | CTS_SUM_BAD_NOT_AFTER)) {
    sum->features |= CTS_FEAT_VALIDITY_UNKNOWN;
    return;
  }
  if (sum->not_after < sum->not_before) {
    sum->features |= CTS_FEAT_VALIDITY_NEGATIVE;
    return;
  }
  secs = sum->not_after - sum->not_before + 1;
  sum->validity_secs = secs;
  sum->validity_days = (int32_t)((secs + 86399) / 86400);
}

static int is_cn(const cts_summary *sum, const cts_attr *a) {
  const uint8_t *oid = sum->der + a->oid.off;
  return a->oid.len == 3 && oid[0] == 0x55 && oid[1] == 0x04 && oid[2] == 0x03;
}

/* BRs 7.1.4.3: a subject commonName must be one of the SAN values. */
static uint32_t cn_features(const cts_summary *sum, const cts_attr *a) {
  const uint8_t *v = sum->der + a->value.off;
  size_t n = a->value.len, ip_len = 0;
  uint8_t ip[16];
  uint32_t f = CTS_ATTR_CN;
  for (uint16_t i = 0; i < sum->n_sans; i++) {
    const cts_general_name *gn = &sum->sans[i];
    if (gn->type != CTS_GN_DNS || gn->value.len != n) continue;
    if (cts_equal_fold(v, sum->der + gn->value.off, n)) {
      f |= CTS_ATTR_CN_DNS_FOLD;
      if (memcmp(v, sum->der + gn->value.off, n) == 0) {
        f |= CTS_ATTR_CN_DNS_EXACT;
        break;
      }
    }
  }
  /* Only a CN made of digits, hex letters, '.' and ':' can be an IP. */
  if (!(a->classes & ~(uint32_t)(CTS_BC_DIGIT | CTS_BC_DOT | CTS_BC_URL |
                                 CTS_BC_LOWER | CTS_BC_UPPER)) &&
      (ip_len = cts_sieve_parse_ip_text(v, n, ip)) != 0) {
    f |= CTS_ATTR_CN_IP;
    for (uint16_t i = 0; i < sum->n_sans; i++) {
      const cts_general_name *gn = &sum->sans[i];
      if (gn->type == CTS_GN_IP && gn->value.len == ip_len &&
          memcmp(ip, sum->der + gn->value.off, ip_len) == 0) {
        f |= CTS_ATTR_CN_IP_SAN;
        break;
      }
    }
  }
  return f;
}

void cts_sieve_cert_features(cts_summary *sum) {
  unsigned cns = 0;
  serial_features(sum);
  validity_features(sum);
  for (uint16_t i = 0; i < sum->n_subject_attrs; i++) {
    cts_attr *a = &sum->subject_attrs[i];
    if (!is_cn(sum, a)) continue;
    a->features = cn_features(sum, a);
    cns++;
    if (!(a->features & (CTS_ATTR_CN_DNS_FOLD | CTS_ATTR_CN_IP_SAN)))
      sum->features |= CTS_FEAT_CN_NOT_IN_SAN;
    if (!(a->features & (CTS_ATTR_CN_DNS_EXACT | CTS_ATTR_CN_IP_SAN)))
      sum->features |= CTS_FEAT_CN_NOT_EXACT;
  }
  if (cns > 0) sum->features |= CTS_FEAT_HAS_CN;
  if (cns > 1) sum->features |= CTS_FEAT_MULTIPLE_CN;
}
