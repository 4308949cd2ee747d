/* Feature bits of the sieve (summary.h: CTS_DNS_*, CTS_IP_*, CTS_ATTR_*,
 * CTS_FEAT_*), each with a positive and a negative case, read from
 * certificates built here; and every kernel giving the scalar kernel's
 * summary, byte for byte, on those certificates and on the corpus. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctscan/container.h"
#include "ctscan/sieve.h"
#include "simd/scan.h"
#include "src/sieve/features.h"
#include "test.h"

/* --- a small DER writer ------------------------------------------------ */

typedef struct buf {
  uint8_t d[8192];
  size_t n;
} buf;

static void put(buf *b, const void *p, size_t n) {
  CU_ASSERT_FATAL(b->n + n <= sizeof(b->d));
  memcpy(b->d + b->n, p, n);
  b->n += n;
}

/* Appends tag, DER length and contents. */
static void tlv(buf *b, uint8_t tag, const void *p, size_t n) {
  uint8_t h[4];
  size_t k = 0;
  h[k++] = tag;
  if (n < 0x80) {
    h[k++] = (uint8_t)n;
  } else if (n < 0x100) {
    h[k++] = 0x81;
    h[k++] = (uint8_t)n;
  } else {
    h[k++] = 0x82;
    h[k++] = (uint8_t)(n >> 8);
    h[k++] = (uint8_t)n;
  }
  put(b, h, k);
  put(b, p, n);
}

static void tlv_buf(buf *b, uint8_t tag, const buf *inner) {
  tlv(b, tag, inner->d, inner->n);
}

typedef struct gn {
  uint8_t type; /* CTS_GN_* */
  const char *v;
  size_t n; /* 0: strlen(v) */
} gn;

typedef struct spec {
  const uint8_t *serial;
  size_t serial_len;
  const char *not_before, *not_after; /* 13 chars: UTCTime, 15: Generalized */
  const char *cn[3];
  size_t cn_len[3]; /* 0: strlen */
  gn sans[8];
  int dup_ext;
} spec;

static const uint8_t k_serial[] = {0x01, 0x02, 0x03, 0x04, 0x05,
                                   0x06, 0x07, 0x08, 0x09};

static void time_tlv(buf *b, const char *t) {
  size_t n = strlen(t);
  tlv(b, n == 13 ? 0x17 : 0x18, t, n);
}

static void name_cn(buf *out, const char *const *cn, const size_t *cn_len) {
  buf rdns = {.n = 0};
  for (int i = 0; i < 3 && cn[i] != NULL; i++) {
    buf atv = {.n = 0}, set = {.n = 0};
    size_t n = cn_len != NULL && cn_len[i] ? cn_len[i] : strlen(cn[i]);
    tlv(&atv, 0x06, "\x55\x04\x03", 3);
    tlv(&atv, 0x0c, cn[i], n);
    tlv_buf(&set, 0x30, &atv);
    tlv_buf(&rdns, 0x31, &set);
  }
  tlv_buf(out, 0x30, &rdns);
}

/* Certificate with an EC P-256 key, a SAN extension and the spec's
 * serial, validity, subject CNs. */
static void build(buf *cert, const spec *s) {
  static const char *const k_issuer[] = {"Test CA", NULL, NULL};
  buf tbs = {.n = 0}, body = {.n = 0}, tmp = {.n = 0}, alg = {.n = 0};
  buf san = {.n = 0}, names = {.n = 0}, exts = {.n = 0}, ext = {.n = 0};
  buf spki = {.n = 0}, point = {.n = 0}, seq = {.n = 0};
  uint8_t key[66] = {0x00, 0x04};
  /* version [0] v3 */
  tlv(&body, 0xa0, "\x02\x01\x02", 3);
  if (s->serial != NULL) tlv(&body, 0x02, s->serial, s->serial_len);
  else tlv(&body, 0x02, k_serial, sizeof(k_serial));
  /* ecdsa-with-SHA256 1.2.840.10045.4.3.2 */
  tlv(&alg, 0x06, "\x2a\x86\x48\xce\x3d\x04\x03\x02", 8);
  tlv_buf(&body, 0x30, &alg);
  name_cn(&body, k_issuer, NULL);
  time_tlv(&tmp, s->not_before ? s->not_before : "250101000000Z");
  time_tlv(&tmp, s->not_after ? s->not_after : "250401000000Z");
  tlv_buf(&body, 0x30, &tmp);
  name_cn(&body, s->cn, s->cn_len);
  tlv(&seq, 0x06, "\x2a\x86\x48\xce\x3d\x02\x01", 7);
  tlv(&seq, 0x06, "\x2a\x86\x48\xce\x3d\x03\x01\x07", 8);
  tlv_buf(&spki, 0x30, &seq);
  tlv(&spki, 0x03, key, sizeof(key));
  tlv_buf(&body, 0x30, &spki);
  for (int i = 0; i < 8 && s->sans[i].v != NULL; i++)
    tlv(&names, (uint8_t)(0x80 | s->sans[i].type), s->sans[i].v,
        s->sans[i].n ? s->sans[i].n : strlen(s->sans[i].v));
  tlv_buf(&san, 0x30, &names);
  tlv(&ext, 0x06, "\x55\x1d\x11", 3);
  tlv_buf(&ext, 0x04, &san);
  tlv_buf(&exts, 0x30, &ext);
  if (s->dup_ext) tlv_buf(&exts, 0x30, &ext);
  tmp.n = 0;
  tlv_buf(&tmp, 0x30, &exts);
  tlv_buf(&body, 0xa3, &tmp);
  tlv_buf(&tbs, 0x30, &body);
  /* Certificate */
  body.n = 0;
  put(&body, tbs.d, tbs.n);
  tlv_buf(&body, 0x30, &alg);
  point.n = 0;
  put(&point, "\x00", 1);
  for (int i = 0; i < 70; i++) put(&point, "\x5a", 1);
  tlv_buf(&body, 0x03, &point);
  cert->n = 0;
  tlv_buf(cert, 0x30, &body);
}

static cts_summary *g_sum;

static const cts_summary *summarize(const spec *s) {
  static buf cert;
  const char *reason = NULL;
  build(&cert, s);
  if (g_sum == NULL) g_sum = calloc(1, sizeof(*g_sum));
  CU_ASSERT_FATAL(g_sum != NULL);
  CU_ASSERT_FATAL(cts_sieve_summarize(cert.d, cert.n, 0, g_sum, &reason));
  return g_sum;
}

/* --- dNSName ----------------------------------------------------------- */

typedef struct dns_case {
  const char *name;
  uint32_t want;   /* bits that must be set */
  uint32_t unwant; /* bits that must be clear */
  int labels;      /* -1: not checked */
} dns_case;

static const dns_case k_dns[] = {
    {"", CTS_DNS_EMPTY, CTS_DNS_EMPTY_LABEL, 0},
    {"example.com", 0,
     CTS_DNS_EMPTY | CTS_DNS_EMPTY_LABEL | CTS_DNS_LEADING_DOT |
         CTS_DNS_TRAILING_DOT | CTS_DNS_LABEL_TOO_LONG | CTS_DNS_NAME_TOO_LONG |
         CTS_DNS_UNDERSCORE_FIRST | CTS_DNS_UNDERSCORE_OTHER | CTS_DNS_WILDCARD |
         CTS_DNS_WILDCARD_LEFT | CTS_DNS_WILDCARD_PARTIAL |
         CTS_DNS_WILDCARD_NOT_LEFT | CTS_DNS_XN_LABEL | CTS_DNS_RLDH_LABEL |
         CTS_DNS_UPPER | CTS_DNS_HYPHEN_EDGE | CTS_DNS_BAD_BYTE |
         CTS_DNS_NUMERIC_LAST | CTS_DNS_IPV4_FORM,
     2},
    {"a..example.com", CTS_DNS_EMPTY_LABEL,
     CTS_DNS_LEADING_DOT | CTS_DNS_TRAILING_DOT, 4},
    {".example.com", CTS_DNS_EMPTY_LABEL | CTS_DNS_LEADING_DOT,
     CTS_DNS_TRAILING_DOT, 3},
    {"example.com.", CTS_DNS_EMPTY_LABEL | CTS_DNS_TRAILING_DOT,
     CTS_DNS_LEADING_DOT, 3},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
     CTS_DNS_LABEL_TOO_LONG, 0, 2}, /* 64 */
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", 0,
     CTS_DNS_LABEL_TOO_LONG, 2}, /* 63 */
    {"_acme.example.com", CTS_DNS_UNDERSCORE_FIRST, CTS_DNS_UNDERSCORE_OTHER,
     3},
    {"www.my_host.example.com", CTS_DNS_UNDERSCORE_OTHER,
     CTS_DNS_UNDERSCORE_FIRST, 4},
    {"*.example.com", CTS_DNS_WILDCARD | CTS_DNS_WILDCARD_LEFT,
     CTS_DNS_WILDCARD_PARTIAL | CTS_DNS_WILDCARD_NOT_LEFT | CTS_DNS_BAD_BYTE,
     3},
    {"f*o.example.com", CTS_DNS_WILDCARD | CTS_DNS_WILDCARD_PARTIAL,
     CTS_DNS_WILDCARD_LEFT | CTS_DNS_WILDCARD_NOT_LEFT, 3},
    {"**.example.com", CTS_DNS_WILDCARD_PARTIAL, CTS_DNS_WILDCARD_LEFT, 3},
    {"www.*.example.com", CTS_DNS_WILDCARD | CTS_DNS_WILDCARD_NOT_LEFT,
     CTS_DNS_WILDCARD_LEFT | CTS_DNS_WILDCARD_PARTIAL, 4},
    {"xn--bcher-kva.example", CTS_DNS_XN_LABEL | CTS_DNS_RLDH_LABEL, 0, 2},
    {"XN--bcher-kva.example", CTS_DNS_XN_LABEL | CTS_DNS_UPPER, 0, 2},
    {"ab--cd.example", CTS_DNS_RLDH_LABEL, CTS_DNS_XN_LABEL, 2},
    {"xn-bcher.example", 0, CTS_DNS_XN_LABEL | CTS_DNS_RLDH_LABEL, 2},
    {"Example.COM", CTS_DNS_UPPER, CTS_DNS_BAD_BYTE, 2},
    {"-example.com", CTS_DNS_HYPHEN_EDGE, 0, 2},
    {"example-.com", CTS_DNS_HYPHEN_EDGE, 0, 2},
    {"ex-ample.com", 0, CTS_DNS_HYPHEN_EDGE, 2},
    {"exa mple.com", CTS_DNS_BAD_BYTE, 0, 2},
    {"user@example.com", CTS_DNS_BAD_BYTE, 0, 2},
    {"https://example.com/", CTS_DNS_BAD_BYTE, CTS_DNS_EMPTY_LABEL, 2},
    {"ex\xc3\xa4mple.com", CTS_DNS_BAD_BYTE, 0, 2},
    {"host.123", CTS_DNS_NUMERIC_LAST, CTS_DNS_IPV4_FORM, 2},
    {"host.1a3", 0, CTS_DNS_NUMERIC_LAST, 2},
    {"192.168.1.1", CTS_DNS_IPV4_FORM | CTS_DNS_NUMERIC_LAST, 0, 4},
    {"192.168.1.256", CTS_DNS_NUMERIC_LAST, CTS_DNS_IPV4_FORM, 4},
    {"192.168.01.1", 0, CTS_DNS_IPV4_FORM, 4},
    {"1.2.3.4.5", 0, CTS_DNS_IPV4_FORM, 5},
    {"localhost", 0, CTS_DNS_EMPTY_LABEL, 1},
};

static void test_dns_features(void) {
  for (size_t i = 0; i < sizeof(k_dns) / sizeof(k_dns[0]); i++) {
    spec s = {0};
    const cts_summary *sum;
    s.cn[0] = "cn.example";
    s.sans[0] = (gn){CTS_GN_DNS, k_dns[i].name, 0};
    if (k_dns[i].name[0] == 0) s.sans[0].n = 0;
    sum = summarize(&s);
    CU_ASSERT_EQUAL_FATAL(sum->n_sans, 1);
    uint32_t f = sum->sans[0].features;
    if ((f & k_dns[i].want) != k_dns[i].want ||
        (f & k_dns[i].unwant) != 0 ||
        (k_dns[i].labels >= 0 && sum->sans[0].labels != k_dns[i].labels)) {
      fprintf(stderr, "\n  dNSName \"%s\": features %#x labels %u",
              k_dns[i].name, f, sum->sans[0].labels);
      CU_FAIL("dNSName features");
    }
    CU_ASSERT_EQUAL(sum->san_features, f);
    CU_ASSERT_EQUAL(sum->n_san_dns, 1);
  }
}

/* 253 octets is the longest name; one trailing dot is not counted. */
static void test_dns_name_length(void) {
  char name[300];
  uint8_t labels;
  for (size_t i = 0; i < sizeof(name); i++) name[i] = (i % 50 == 49) ? '.' : 'a';
  CU_ASSERT_FALSE(cts_sieve_dns_features((const uint8_t *)name, 253,
                                         CTS_BC_LOWER | CTS_BC_DOT, &labels) &
                  CTS_DNS_NAME_TOO_LONG);
  CU_ASSERT_TRUE(cts_sieve_dns_features((const uint8_t *)name, 254,
                                        CTS_BC_LOWER | CTS_BC_DOT, &labels) &
                 CTS_DNS_NAME_TOO_LONG);
  name[253] = '.';
  CU_ASSERT_FALSE(cts_sieve_dns_features((const uint8_t *)name, 254,
                                         CTS_BC_LOWER | CTS_BC_DOT, &labels) &
                  CTS_DNS_NAME_TOO_LONG);
  /* labels saturate at 255 */
  memset(name, '.', sizeof(name));
  (void)cts_sieve_dns_features((const uint8_t *)name, 280, CTS_BC_DOT, &labels);
  CU_ASSERT_EQUAL(labels, 255);
}

/* --- iPAddress --------------------------------------------------------- */

typedef struct ip_case {
  uint8_t ip[16];
  size_t n;
  uint32_t want, unwant;
} ip_case;

#define V4(a, b, c, d) {a, b, c, d}, 4
#define ALL_IP                                                             \
  (CTS_IP_RESERVED | CTS_IP_PRIVATE | CTS_IP_LOOPBACK | CTS_IP_LINK_LOCAL | \
   CTS_IP_DOCUMENTATION | CTS_IP_MULTICAST | CTS_IP_UNSPECIFIED |          \
   CTS_IP_V4_MAPPED | CTS_IP_BAD_LENGTH)

static const ip_case k_ip[] = {
    {V4(8, 8, 8, 8), CTS_IP_V4, ALL_IP | CTS_IP_V6},
    {V4(10, 1, 2, 3), CTS_IP_V4 | CTS_IP_RESERVED | CTS_IP_PRIVATE, CTS_IP_LOOPBACK},
    {V4(172, 15, 0, 1), CTS_IP_V4, ALL_IP},
    {V4(172, 16, 0, 1), CTS_IP_RESERVED | CTS_IP_PRIVATE, 0},
    {V4(172, 31, 255, 255), CTS_IP_RESERVED | CTS_IP_PRIVATE, 0},
    {V4(172, 32, 0, 0), CTS_IP_V4, ALL_IP},
    {V4(192, 168, 0, 1), CTS_IP_RESERVED | CTS_IP_PRIVATE, 0},
    {V4(127, 0, 0, 1), CTS_IP_RESERVED | CTS_IP_LOOPBACK, CTS_IP_PRIVATE},
    {V4(169, 254, 169, 254), CTS_IP_RESERVED | CTS_IP_LINK_LOCAL, 0},
    {V4(192, 0, 2, 7), CTS_IP_RESERVED | CTS_IP_DOCUMENTATION, 0},
    {V4(198, 51, 100, 1), CTS_IP_RESERVED | CTS_IP_DOCUMENTATION, 0},
    {V4(203, 0, 113, 1), CTS_IP_RESERVED | CTS_IP_DOCUMENTATION, 0},
    {V4(203, 0, 114, 1), CTS_IP_V4, ALL_IP},
    {V4(224, 0, 0, 251), CTS_IP_RESERVED | CTS_IP_MULTICAST, 0},
    {V4(239, 255, 255, 255), CTS_IP_RESERVED | CTS_IP_MULTICAST, 0},
    {V4(240, 0, 0, 1), CTS_IP_RESERVED, CTS_IP_MULTICAST},
    {V4(255, 255, 255, 255), CTS_IP_RESERVED, 0},
    {V4(0, 0, 0, 0), CTS_IP_RESERVED | CTS_IP_UNSPECIFIED, 0},
    {V4(0, 1, 2, 3), CTS_IP_RESERVED, CTS_IP_UNSPECIFIED},
    {V4(100, 64, 0, 1), CTS_IP_RESERVED, CTS_IP_PRIVATE},
    {V4(100, 128, 0, 1), CTS_IP_V4, ALL_IP},
    {V4(198, 18, 0, 1), CTS_IP_RESERVED, 0},
    {V4(192, 88, 99, 1), CTS_IP_V4, ALL_IP}, /* not in zlint's list */
    {{0x20, 0x01, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88}, 16,
     CTS_IP_V6, ALL_IP | CTS_IP_V4},
    {{0}, 16, CTS_IP_V6 | CTS_IP_RESERVED | CTS_IP_UNSPECIFIED, CTS_IP_LOOPBACK},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 16,
     CTS_IP_RESERVED | CTS_IP_LOOPBACK, CTS_IP_UNSPECIFIED},
    {{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 16,
     CTS_IP_RESERVED | CTS_IP_DOCUMENTATION, 0},
    {{0xfd, 0x12}, 16, CTS_IP_RESERVED | CTS_IP_PRIVATE, 0},
    {{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 16,
     CTS_IP_RESERVED | CTS_IP_LINK_LOCAL, 0},
    {{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 16,
     CTS_IP_RESERVED | CTS_IP_MULTICAST, 0},
    {{0x20, 0x02, 1, 2}, 16, CTS_IP_RESERVED, 0}, /* 6to4 */
    {{0x3f, 0xff}, 16, CTS_IP_V6, ALL_IP},          /* in 2000::/3 */
    {{0x40}, 16, CTS_IP_RESERVED, 0},               /* outside 2000::/3 */
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1}, 16,
     CTS_IP_V6 | CTS_IP_V4_MAPPED | CTS_IP_RESERVED | CTS_IP_PRIVATE, 0},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 8, 8}, 16,
     CTS_IP_V6 | CTS_IP_V4_MAPPED, CTS_IP_RESERVED},
    {{1, 2, 3, 4, 5, 6, 7, 8}, 8, CTS_IP_BAD_LENGTH | CTS_IP_RESERVED,
     CTS_IP_V4 | CTS_IP_V6},
    {{0}, 0, CTS_IP_BAD_LENGTH, CTS_IP_V4 | CTS_IP_V6},
};

static void test_ip_features(void) {
  for (size_t i = 0; i < sizeof(k_ip) / sizeof(k_ip[0]); i++) {
    spec s = {0};
    const cts_summary *sum;
    s.cn[0] = "cn.example";
    s.sans[0] = (gn){CTS_GN_DNS, "cn.example", 0};
    s.sans[1] = (gn){CTS_GN_IP, (const char *)k_ip[i].ip, k_ip[i].n};
    if (k_ip[i].n == 0) {
      /* an empty iPAddress: checked without a certificate */
      uint32_t f = cts_sieve_ip_features(k_ip[i].ip, 0);
      CU_ASSERT((f & k_ip[i].want) == k_ip[i].want);
      CU_ASSERT((f & k_ip[i].unwant) == 0);
      continue;
    }
    sum = summarize(&s);
    CU_ASSERT_EQUAL_FATAL(sum->n_sans, 2);
    uint32_t f = sum->sans[1].features;
    if ((f & k_ip[i].want) != k_ip[i].want || (f & k_ip[i].unwant) != 0) {
      fprintf(stderr, "\n  IP case %zu: features %#x", i, f);
      CU_FAIL("iPAddress features");
    }
    CU_ASSERT_EQUAL(sum->n_san_ip, 1);
    CU_ASSERT(sum->san_features & CTS_IP_V4 || sum->san_features & CTS_IP_V6 ||
              sum->san_features & CTS_IP_BAD_LENGTH);
  }
}

static void test_ip_text(void) {
  static const struct {
    const char *text;
    size_t len;
    uint8_t ip[16];
  } k[] = {
      {"1.2.3.4", 4, {1, 2, 3, 4}},
      {"255.255.255.255", 4, {255, 255, 255, 255}},
      {"256.1.1.1", 0, {0}},
      {"01.2.3.4", 0, {0}},
      {"1.2.3", 0, {0}},
      {"1.2.3.4.", 0, {0}},
      {"::", 16, {0}},
      {"::1", 16, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}},
      {"2001:db8::1", 16, {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}},
      {"2001:DB8:0:0:0:0:0:1", 16,
       {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}},
      {"::ffff:10.0.0.1", 16, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1}},
      {"fe80::", 16, {0xfe, 0x80}},
      {"1:2:3:4:5:6:7:8", 16, {0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8}},
      {"1:2:3:4:5:6:7:8:9", 0, {0}},
      {"1:2:3:4:5:6:7::8", 0, {0}},
      {"1::2::3", 0, {0}},
      {":1::", 0, {0}},
      {"1:", 0, {0}},
      {"12345::", 0, {0}},
      {"example.com", 0, {0}},
  };
  for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
    uint8_t out[16];
    size_t n = cts_sieve_parse_ip_text((const uint8_t *)k[i].text,
                                       strlen(k[i].text), out);
    if (n != k[i].len || (n > 0 && memcmp(out, k[i].ip, n) != 0)) {
      fprintf(stderr, "\n  IP text \"%s\": %zu", k[i].text, n);
      CU_FAIL("IP text");
    }
  }
}

/* --- commonName among the SANs ----------------------------------------- */

static void test_cn_features(void) {
  spec s = {0};
  const cts_summary *sum;
  /* exact */
  s.cn[0] = "www.example.com";
  s.sans[0] = (gn){CTS_GN_DNS, "example.com", 0};
  s.sans[1] = (gn){CTS_GN_DNS, "www.example.com", 0};
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_HAS_CN);
  CU_ASSERT_FALSE(sum->features &
                  (CTS_FEAT_CN_NOT_IN_SAN | CTS_FEAT_CN_NOT_EXACT |
                   CTS_FEAT_MULTIPLE_CN));
  CU_ASSERT_EQUAL(sum->subject_attrs[0].features,
                  CTS_ATTR_CN | CTS_ATTR_CN_DNS_FOLD | CTS_ATTR_CN_DNS_EXACT);
  /* case differs: among the SANs, not exactly */
  s.cn[0] = "WWW.Example.com";
  sum = summarize(&s);
  CU_ASSERT_FALSE(sum->features & CTS_FEAT_CN_NOT_IN_SAN);
  CU_ASSERT(sum->features & CTS_FEAT_CN_NOT_EXACT);
  CU_ASSERT_EQUAL(sum->subject_attrs[0].features,
                  CTS_ATTR_CN | CTS_ATTR_CN_DNS_FOLD);
  /* not there; a second CN */
  s.cn[0] = "www.example.com";
  s.cn[1] = "mail.example.com";
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_MULTIPLE_CN);
  CU_ASSERT(sum->features & CTS_FEAT_CN_NOT_IN_SAN);
  CU_ASSERT_EQUAL(sum->subject_attrs[1].features, CTS_ATTR_CN);
  /* same letters, one byte not a letter: folding must not match it */
  s.cn[1] = NULL;
  s.cn[0] = "www.example.co\x0d"; /* 'M' ^ 0x40 */
  s.sans[1] = (gn){CTS_GN_DNS, "www.example.coM", 0};
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_CN_NOT_IN_SAN);
  /* an IP address CN and an iPAddress SAN */
  s.cn[0] = "10.0.0.1";
  s.sans[1] = (gn){CTS_GN_IP, "\x0a\x00\x00\x01", 4};
  sum = summarize(&s);
  CU_ASSERT_EQUAL(sum->subject_attrs[0].features,
                  CTS_ATTR_CN | CTS_ATTR_CN_IP | CTS_ATTR_CN_IP_SAN);
  CU_ASSERT_FALSE(sum->features & (CTS_FEAT_CN_NOT_IN_SAN | CTS_FEAT_CN_NOT_EXACT));
  s.cn[0] = "10.0.0.2";
  sum = summarize(&s);
  CU_ASSERT_EQUAL(sum->subject_attrs[0].features, CTS_ATTR_CN | CTS_ATTR_CN_IP);
  CU_ASSERT(sum->features & CTS_FEAT_CN_NOT_IN_SAN);
  s.cn[0] = "::ffff:10.0.0.1"; /* 16 octets: not the 4-octet SAN */
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_CN_NOT_IN_SAN);
  /* no CN */
  s.cn[0] = NULL;
  sum = summarize(&s);
  CU_ASSERT_FALSE(sum->features & (CTS_FEAT_HAS_CN | CTS_FEAT_CN_NOT_IN_SAN));
}

/* --- serial and validity ----------------------------------------------- */

static void test_serial_features(void) {
  static const struct {
    const char *bytes;
    size_t n;
    uint32_t want, unwant;
    int octets, bits;
  } k[] = {
      {"\x01", 1, 0,
       CTS_FEAT_SERIAL_NEGATIVE | CTS_FEAT_SERIAL_ZERO |
           CTS_FEAT_SERIAL_NOT_MINIMAL | CTS_FEAT_SERIAL_OVER_20,
       1, 1},
      {"\x00", 1, CTS_FEAT_SERIAL_ZERO, CTS_FEAT_SERIAL_NOT_MINIMAL, 0, 0},
      {"\x00\x00", 2, CTS_FEAT_SERIAL_ZERO | CTS_FEAT_SERIAL_NOT_MINIMAL, 0, 0, 0},
      {"\x00\x80", 2, 0, CTS_FEAT_SERIAL_NOT_MINIMAL | CTS_FEAT_SERIAL_NEGATIVE, 1, 8},
      {"\x00\x7f", 2, CTS_FEAT_SERIAL_NOT_MINIMAL, CTS_FEAT_SERIAL_NEGATIVE, 1, 7},
      {"\x80", 1, CTS_FEAT_SERIAL_NEGATIVE, CTS_FEAT_SERIAL_NOT_MINIMAL, 0, 0},
      {"\xff\x80", 2, CTS_FEAT_SERIAL_NEGATIVE | CTS_FEAT_SERIAL_NOT_MINIMAL, 0, 0, 0},
      {"\x7f\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10"
       "\x11\x12\x13",
       20, 0, CTS_FEAT_SERIAL_OVER_20, 20, 159},
      {"\x00\x80\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
       "\x10\x11\x12\x13",
       21, 0, CTS_FEAT_SERIAL_OVER_20, 20, 160},
      {"\x01\x01\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
       "\x10\x11\x12\x13",
       21, CTS_FEAT_SERIAL_OVER_20, 0, 21, 161},
  };
  for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
    spec s = {0};
    const cts_summary *sum;
    s.serial = (const uint8_t *)k[i].bytes;
    s.serial_len = k[i].n;
    s.sans[0] = (gn){CTS_GN_DNS, "example.com", 0};
    sum = summarize(&s);
    if ((sum->features & k[i].want) != k[i].want ||
        (sum->features & k[i].unwant) != 0 ||
        sum->serial_octets != k[i].octets || sum->serial_bits != k[i].bits) {
      fprintf(stderr, "\n  serial case %zu: features %#x octets %u bits %u", i,
              sum->features, sum->serial_octets, sum->serial_bits);
      CU_FAIL("serial features");
    }
  }
}

static void test_validity_features(void) {
  spec s = {0};
  const cts_summary *sum;
  s.sans[0] = (gn){CTS_GN_DNS, "example.com", 0};
  /* 398 days exactly, both ends inclusive: notAfter = notBefore +
   * 398 days - 1 second */
  s.not_before = "250101000000Z";
  s.not_after = "260202235959Z";
  sum = summarize(&s);
  CU_ASSERT_EQUAL(sum->validity_secs, 398 * 86400);
  CU_ASSERT_EQUAL(sum->validity_days, 398);
  CU_ASSERT_FALSE(sum->features &
                  (CTS_FEAT_VALIDITY_UNKNOWN | CTS_FEAT_VALIDITY_NEGATIVE));
  /* one second more is a 399th day */
  s.not_after = "260203000000Z";
  sum = summarize(&s);
  CU_ASSERT_EQUAL(sum->validity_secs, 398 * 86400 + 1);
  CU_ASSERT_EQUAL(sum->validity_days, 399);
  /* GeneralizedTime works the same */
  s.not_after = "20260203000000Z";
  sum = summarize(&s);
  CU_ASSERT_EQUAL(sum->validity_days, 399);
  /* notAfter before notBefore */
  s.not_after = "241231235959Z";
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_VALIDITY_NEGATIVE);
  CU_ASSERT_EQUAL(sum->validity_secs, 0);
  CU_ASSERT_EQUAL(sum->validity_days, 0);
  /* a time that does not parse */
  s.not_after = "250230000000Z";
  sum = summarize(&s);
  CU_ASSERT(sum->features & CTS_FEAT_VALIDITY_UNKNOWN);
  CU_ASSERT_FALSE(sum->features & CTS_FEAT_VALIDITY_NEGATIVE);
  CU_ASSERT_EQUAL(sum->validity_days, 0);
}

static void test_duplicate_extension(void) {
  spec s = {0};
  s.sans[0] = (gn){CTS_GN_DNS, "example.com", 0};
  CU_ASSERT_FALSE(summarize(&s)->flags & CTS_SUM_DUPLICATE_EXT);
  s.dup_ext = 1;
  CU_ASSERT(summarize(&s)->flags & CTS_SUM_DUPLICATE_EXT);
}

/* --- every kernel, the same summary ------------------------------------ */

static const char *const k_kernels[] = {"avx2", "neon"};
static const cts_kernel k_kernel_ids[] = {CTS_KERNEL_AVX2, CTS_KERNEL_NEON};

/* 1 when a and b hold the same summary: header, arrays up to their
 * counts, and the tail (the arrays' unused slots are never read). */
static int same_summary(const cts_summary *a, const cts_summary *b) {
  size_t head = offsetof(cts_summary, subject_attrs);
  size_t tail = offsetof(cts_summary, ext_san);
  return memcmp(a, b, head) == 0 &&
         memcmp(a->subject_attrs, b->subject_attrs,
                a->n_subject_attrs * sizeof(cts_attr)) == 0 &&
         memcmp(a->exts, b->exts, a->n_exts * sizeof(cts_ext)) == 0 &&
         memcmp(a->sans, b->sans, a->n_sans * sizeof(cts_general_name)) == 0 &&
         memcmp((const uint8_t *)a + tail, (const uint8_t *)b + tail,
                sizeof(cts_summary) - tail) == 0;
}

typedef struct kernel_check {
  cts_summary *ref, *other;
  size_t compared, differ;
} kernel_check;

/* Summarizes der with the scalar kernel and with every other kernel this
 * machine runs, and counts differences. */
static void check_kernels(kernel_check *kc, const uint8_t *der, size_t len,
                          int is_tbs) {
  const char *reason;
  int ok_ref, ok;
  CU_ASSERT_FATAL(cts_simd_select("scalar") == 0);
  ok_ref = cts_sieve_summarize(der, len, is_tbs, kc->ref, &reason);
  for (size_t k = 0; k < sizeof(k_kernels) / sizeof(k_kernels[0]); k++) {
    if (!cts_simd_available(k_kernel_ids[k])) continue;
    CU_ASSERT_FATAL(cts_simd_select(k_kernels[k]) == 0);
    ok = cts_sieve_summarize(der, len, is_tbs, kc->other, &reason);
    kc->compared++;
    if (ok != ok_ref || (ok && !same_summary(kc->ref, kc->other))) kc->differ++;
  }
}

static void kernel_check_init(kernel_check *kc) {
  kc->ref = calloc(1, sizeof(cts_summary));
  kc->other = calloc(1, sizeof(cts_summary));
  kc->compared = kc->differ = 0;
  CU_ASSERT_FATAL(kc->ref != NULL && kc->other != NULL);
}

static void kernel_check_done(kernel_check *kc, const char *what) {
  CU_ASSERT_EQUAL(kc->differ, 0);
  fprintf(stderr, "\n  %s: %zu kernel comparisons, %zu differ ", what,
          kc->compared, kc->differ);
  free(kc->ref);
  free(kc->other);
  cts_simd_select(NULL);
}

/* Names with every byte value at the start, middle and end, at lengths
 * around the vector widths (16 NEON, 32 AVX2), with a CN that equals the
 * name except for the case of its letters (or one byte). */
static void test_kernels_generated(void) {
  static const size_t lengths[] = {1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32,
                                   33, 47, 48, 63, 64, 65, 100, 254};
  kernel_check kc;
  char name[300], cn[300];
  buf cert;
  kernel_check_init(&kc);
  for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
    size_t n = lengths[li];
    size_t positions[3] = {0, n / 2, n - 1};
    for (int pi = 0; pi < 3; pi++) {
      for (int c = 0; c < 256; c++) {
        spec s = {0};
        for (size_t i = 0; i < n; i++) name[i] = (i % 7 == 6) ? '.' : 'a' + (char)(i % 26);
        name[positions[pi]] = (char)c;
        for (size_t i = 0; i < n; i++)
          cn[i] = (char)((name[i] >= 'a' && name[i] <= 'z' && (i + (size_t)c) % 3 == 0)
                             ? name[i] - 32
                             : name[i]);
        if (c % 5 == 0) cn[n - 1] ^= 0x20; /* sometimes not a case change */
        s.sans[0] = (gn){CTS_GN_DNS, name, n};
        s.sans[1] = (gn){CTS_GN_URI, name, n};
        s.sans[2] = (gn){CTS_GN_RFC822, cn, n};
        s.cn[0] = cn;
        s.cn_len[0] = n;
        build(&cert, &s);
        check_kernels(&kc, cert.d, cert.n, 0);
      }
    }
  }
  kernel_check_done(&kc, "generated names");
}

#define ZLINT_DIR "corpus/zlint"

/* PEM to DER without OpenSSL: the base64 between the BEGIN and END
 * lines. */
static size_t pem_body(const char *text, uint8_t *out, size_t cap) {
  const char *p = strstr(text, "-----BEGIN CERTIFICATE-----");
  const char *end;
  uint32_t acc = 0;
  int bits = 0;
  size_t n = 0;
  if (p == NULL) return 0;
  p = strchr(p, '\n');
  end = strstr(text, "-----END CERTIFICATE-----");
  if (p == NULL || end == NULL) return 0;
  for (; p < end; p++) {
    int v;
    char c = *p;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else continue;
    acc = (acc << 6) | (uint32_t)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (n == cap) return 0;
      out[n++] = (uint8_t)(acc >> bits);
    }
  }
  return n;
}

static void test_kernels_corpus(void) {
  DIR *dir = opendir(ZLINT_DIR);
  struct dirent *de;
  kernel_check kc;
  static uint8_t der[65536];
  static const char *const tiles[] = {
      "corpus/navigli2025h2/tile/data/000", "corpus/navigli2025h2/tile/data/001",
      "corpus/navigli2025h2/tile/data/002", "corpus/navigli2025h2/tile/data/003"};
  CU_ASSERT_FATAL(dir != NULL);
  kernel_check_init(&kc);
  while ((de = readdir(dir)) != NULL) {
    char path[512];
    size_t len = 0, n;
    unsigned char *text;
    if (strstr(de->d_name, ".pem") == NULL) continue;
    snprintf(path, sizeof(path), "%s/%s", ZLINT_DIR, de->d_name);
    text = cts_test_read_file(path, &len);
    if (text == NULL) continue;
    n = pem_body((const char *)text, der, sizeof(der));
    if (n > 0) check_kernels(&kc, der, n, 0);
    free(text);
  }
  closedir(dir);
  for (size_t t = 0; t < sizeof(tiles) / sizeof(tiles[0]); t++) {
    size_t len = 0;
    unsigned char *data = cts_test_read_file(tiles[t], &len);
    cts_der cur;
    CU_ASSERT_FATAL(data != NULL);
    cts_der_init(&cur, data, len);
    while (cur.len > 0) {
      cts_entry e;
      const char *reason;
      int is_tbs;
      memset(&e, 0, sizeof(e));
      if (!cts_container_parse_tileleaf(&cur, &e, &reason)) break;
      cts_der d = cts_entry_lint_target(&e, &is_tbs);
      check_kernels(&kc, d.data, d.len, is_tbs);
      if (e.tbs.len > 0) check_kernels(&kc, e.tbs.data, e.tbs.len, 1);
    }
    free(data);
  }
  CU_ASSERT(kc.compared == 0 || kc.compared > 3000);
  kernel_check_done(&kc, "corpus");
}

static void test_cleanup(void) {
  free(g_sum);
  g_sum = NULL;
}

static CU_TestInfo tests[] = {
    {"dNSName feature bits", test_dns_features},
    {"dNSName length limits", test_dns_name_length},
    {"iPAddress feature bits", test_ip_features},
    {"IP address text", test_ip_text},
    {"commonName among the SANs", test_cn_features},
    {"serial number features", test_serial_features},
    {"validity length", test_validity_features},
    {"duplicate extensions", test_duplicate_extension},
    {"kernels agree on generated names", test_kernels_generated},
    {"kernels agree on the corpus", test_kernels_corpus},
    {"cleanup", test_cleanup},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("features", tests)
