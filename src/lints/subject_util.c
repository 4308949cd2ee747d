/* Helpers of the "subject" lint group: see subject_util.h. */
#include "subject_util.h"

#include <pthread.h>
#include <string.h>

/* --- walking a Name ---------------------------------------------------- */

/* Name ::= SEQUENCE OF RelativeDistinguishedName (RFC 5280 4.1.2.4) */
static void iter_der(cts_subj_iter *it, const cts_summary *sum, cts_span name) {
  cts_der whole = cts_summary_der(sum, name);
  memset(it, 0, sizeof(*it));
  it->sum = sum;
  it->from_der = 1;
  if (!cts_der_get_element(&whole, &it->rdns, CTS_DER_SEQUENCE))
    it->rdns.len = 0;
  it->rdn_index = UINT32_MAX; /* no RDN opened yet */
}

void cts_subj_iter_subject(cts_subj_iter *it, const cts_summary *sum) {
  if (sum->flags & CTS_SUM_ATTRS_TRUNCATED) {
    iter_der(it, sum, sum->subject);
    return;
  }
  memset(it, 0, sizeof(*it));
  it->sum = sum;
}

void cts_subj_iter_issuer(cts_subj_iter *it, const cts_summary *sum) {
  iter_der(it, sum, sum->issuer);
}

/* Attributes in an RDN: RelativeDistinguishedName ::= SET SIZE (1..MAX) OF
 * AttributeTypeAndValue. */
static uint32_t count_atvs(cts_der rdn) {
  cts_der atv;
  uint32_t n = 0;
  while (rdn.len > 0 && cts_der_get_any_element(&rdn, &atv, NULL, NULL)) n++;
  return n;
}

static int next_from_table(cts_subj_iter *it, cts_subj_atv *out) {
  const cts_summary *sum = it->sum;
  const cts_attr *a;
  size_t j;
  if (it->next_attr >= sum->n_subject_attrs) return 0;
  a = &sum->subject_attrs[it->next_attr++];
  out->type = cts_summary_der(sum, a->oid);
  out->value = cts_summary_der(sum, a->value);
  out->tag = a->tag;
  out->rdn = a->rdn;
  /* the table keeps an RDN's attributes together */
  out->rdn_size = 0;
  for (j = 0; j < sum->n_subject_attrs; j++)
    if (sum->subject_attrs[j].rdn == a->rdn) out->rdn_size++;
  return 1;
}

/* AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY } */
static int next_from_der(cts_subj_iter *it, cts_subj_atv *out) {
  cts_der atv, elem;
  size_t hdr;
  while (it->rdn.len == 0) {
    if (it->rdns.len == 0 ||
        !cts_der_get_element(&it->rdns, &it->rdn, CTS_DER_SET))
      return 0;
    it->rdn_index++;
    it->rdn_size = count_atvs(it->rdn);
  }
  if (!cts_der_get_element(&it->rdn, &atv, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&atv, &out->type) ||
      !cts_der_get_any_element(&atv, &elem, &out->tag, &hdr)) {
    it->rdns.len = it->rdn.len = 0;
    return 0;
  }
  out->value.data = elem.data + hdr;
  out->value.len = elem.len - hdr;
  out->rdn = it->rdn_index;
  out->rdn_size = it->rdn_size;
  return 1;
}

int cts_subj_iter_next(cts_subj_iter *it, cts_subj_atv *out) {
  return it->from_der ? next_from_der(it, out) : next_from_table(it, out);
}

int cts_subj_has(const cts_summary *sum, const char *oid, size_t oid_len) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len)) return 1;
  return 0;
}

int cts_subj_is_go_string(uint32_t tag) {
  switch (tag) {
    case CTS_DER_PRINTABLE_STRING:
    case CTS_DER_NUMERIC_STRING:
    case CTS_DER_IA5_STRING:
    case CTS_DER_T61_STRING:
    case CTS_DER_UTF8_STRING:
    case CTS_DER_BMP_STRING:
      return 1;
    default:
      return 0;
  }
}

int cts_subj_has_string(const cts_summary *sum, const char *oid,
                        size_t oid_len) {
  cts_subj_iter it;
  cts_subj_atv atv;
  cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_subj_is_go_string(atv.tag) &&
        cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len))
      return 1;
  return 0;
}

int cts_subj_string(const cts_summary *sum, const char *oid, size_t oid_len,
                    int which, cts_subj_atv *out) {
  cts_subj_iter it;
  cts_subj_atv atv;
  int seen = 0, found = 0;
  cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv)) {
    if (!cts_subj_is_go_string(atv.tag) ||
        !cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len))
      continue;
    if (which == CTS_SUBJ_LAST || seen == which) {
      *out = atv;
      found = 1;
      if (which != CTS_SUBJ_LAST) break;
    }
    seen++;
  }
  return found;
}

size_t cts_subj_count_strings(const cts_summary *sum, const char *oid,
                              size_t oid_len) {
  cts_subj_iter it;
  cts_subj_atv atv;
  size_t n = 0;
  cts_subj_iter_subject(&it, sum);
  while (cts_subj_iter_next(&it, &atv))
    if (cts_subj_is_go_string(atv.tag) &&
        cts_der_oid_equal(&atv.type, (const uint8_t *)oid, oid_len))
      n++;
  return n;
}

/* --- decoding values as Go does ---------------------------------------- */

/* One UTF-8 sequence as Go's utf8.DecodeRune reads it: invalid or
 * overlong input, surrogates and values above U+10FFFF give U+FFFD and
 * advance one byte. */
static size_t decode_utf8(const uint8_t *p, size_t n, uint32_t *out) {
  uint32_t c = p[0], r;
  size_t len, i;
  uint8_t lo = 0x80, hi = 0xbf;
  if (c < 0x80) {
    *out = c;
    return 1;
  }
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
    r = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    r = c & 0x0f;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    r = c & 0x07;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    *out = 0xfffd;
    return 1;
  }
  if (n < len) {
    *out = 0xfffd;
    return 1;
  }
  for (i = 1; i < len; i++) {
    uint8_t b = p[i];
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xbf)) {
      *out = 0xfffd;
      return 1;
    }
    r = (r << 6) | (b & 0x3f);
  }
  *out = r;
  return len;
}

/* BMPString as zcrypto's parseBMPString reads it: big-endian UTF-16 with a
 * trailing 0x0000 dropped, decoded by utf16.Decode (an unpaired surrogate
 * gives U+FFFD). An odd length fails to parse; Go then has no string. */
static size_t bmp_len(cts_der value) {
  size_t n = value.len & ~(size_t)1;
  if (n >= 2 && value.data[n - 1] == 0 && value.data[n - 2] == 0) n -= 2;
  return n;
}

static size_t decode_utf16(const uint8_t *p, size_t n, uint32_t *out) {
  uint32_t u = ((uint32_t)p[0] << 8) | p[1], u2;
  if (u < 0xd800 || u > 0xdfff) {
    *out = u;
    return 2;
  }
  if (u <= 0xdbff && n >= 4) {
    u2 = ((uint32_t)p[2] << 8) | p[3];
    if (u2 >= 0xdc00 && u2 <= 0xdfff) {
      *out = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
      return 4;
    }
  }
  *out = 0xfffd;
  return 2;
}

int cts_subj_next_rune(uint32_t tag, cts_der value, size_t *pos,
                       uint32_t *out_rune) {
  size_t end = tag == CTS_DER_BMP_STRING ? bmp_len(value) : value.len;
  if (*pos >= end) return 0;
  if (tag == CTS_DER_BMP_STRING)
    *pos += decode_utf16(value.data + *pos, end - *pos, out_rune);
  else
    *pos += decode_utf8(value.data + *pos, end - *pos, out_rune);
  return 1;
}

size_t cts_subj_rune_count(uint32_t tag, cts_der value) {
  size_t pos = 0, n = 0;
  uint32_t r;
  while (cts_subj_next_rune(tag, value, &pos, &r)) n++;
  return n;
}

/* Go's unicode.IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0
 * and the Unicode White_Space characters above Latin-1. */
int cts_subj_is_space(uint32_t r) {
  if (r <= 0xff)
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xa0;
  return r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 ||
         r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000;
}

/* --- EV policies ------------------------------------------------------- */

/* The EV policy OIDs of zlint v3.6.6 util/ev.go (the CA/B Forum's EV OID
 * and the CA-specific EV OIDs browsers recognised), DER contents. Go
 * compares parsed OIDs; for the minimal encodings Go accepts, that is
 * byte equality. */
typedef struct ev_oid {
  uint8_t len;
  const char *der;
} ev_oid;

static const ev_oid k_ev_oids[] = {
    {5, "\x67\x81\x0c\x01\x01"}, /* 2.23.140.1.1 */
    {6, "\x2b\x81\x1f\x01\x11\x01"}, /* 1.3.159.1.17.1 */
    {10, "\x2b\x06\x01\x04\x01\x82\x8f\x09\x02\x01"}, /* 1.3.6.1.4.1.34697.2.1 */
    {10, "\x2b\x06\x01\x04\x01\x82\x8f\x09\x02\x02"}, /* 1.3.6.1.4.1.34697.2.2 */
    {10, "\x2b\x06\x01\x04\x01\x82\x8f\x09\x02\x03"}, /* 1.3.6.1.4.1.34697.2.3 */
    {10, "\x2b\x06\x01\x04\x01\x82\x8f\x09\x02\x04"}, /* 1.3.6.1.4.1.34697.2.4 */
    {6, "\x2a\x28\x00\x11\x01\x16"}, /* 1.2.40.0.17.1.22 */
    {8, "\x60\x84\x42\x01\x1a\x01\x03\x03"}, /* 2.16.578.1.26.1.3.3 */
    {13, "\x2b\x06\x01\x04\x01\x81\x87\x2e\x0a\x0e\x02\x01\x02"}, /* 1.3.6.1.4.1.17326.10.14.2.1.2 */
    {13, "\x2b\x06\x01\x04\x01\x81\x87\x2e\x0a\x08\x02\x01\x02"}, /* 1.3.6.1.4.1.17326.10.8.2.1.2 */
    {12, "\x2b\x06\x01\x04\x01\xb2\x31\x01\x02\x01\x05\x01"}, /* 1.3.6.1.4.1.6449.1.2.1.5.1 */
    {9, "\x60\x86\x48\x01\x86\xfd\x6c\x02\x01"}, /* 2.16.840.1.114412.2.1 */
    {11, "\x60\x86\x48\x01\x86\xfd\x6c\x01\x03\x00\x02"}, /* 2.16.840.1.114412.1.3.0.2 */
    {14, "\x60\x84\x10\x01\x87\x69\x01\x01\x01\x0c\x06\x01\x01\x01"}, /* 2.16.528.1.1001.1.1.1.12.6.1.1.1 */
    {9, "\x60\x86\x18\x03\x00\x04\x01\x01\x04"}, /* 2.16.792.3.0.4.1.1.4 */
    {10, "\x60\x86\x48\x01\x86\xfa\x6c\x0a\x01\x02"}, /* 2.16.840.1.114028.10.1.2 */
    {6, "\x04\x00\x8f\x7a\x01\x04"}, /* 0.4.0.2042.1.4 */
    {6, "\x04\x00\x8f\x7a\x01\x05"}, /* 0.4.0.2042.1.5 */
    {11, "\x2b\x06\x01\x04\x01\xe6\x79\x0a\x01\x03\x0a"}, /* 1.3.6.1.4.1.13177.10.1.3.10 */
    {9, "\x2b\x06\x01\x04\x01\xf0\x22\x01\x06"}, /* 1.3.6.1.4.1.14370.1.6 */
    {9, "\x2b\x06\x01\x04\x01\xa0\x32\x01\x01"}, /* 1.3.6.1.4.1.4146.1.1 */
    {11, "\x60\x86\x48\x01\x86\xfd\x6d\x01\x07\x17\x03"}, /* 2.16.840.1.114413.1.7.23.3 */
    {10, "\x2b\x06\x01\x04\x01\xf3\x39\x06\x01\x01"}, /* 1.3.6.1.4.1.14777.6.1.1 */
    {11, "\x60\x86\x18\x01\x02\x01\x01\x05\x07\x01\x09"}, /* 2.16.792.1.2.1.1.5.7.1.9 */
    {12, "\x2b\x06\x01\x04\x01\x86\x0e\x01\x02\x01\x08\x01"}, /* 1.3.6.1.4.1.782.1.2.1.8.1 */
    {13, "\x2b\x06\x01\x04\x01\x81\xad\x5a\x02\x05\x02\x03\x01"}, /* 1.3.6.1.4.1.22234.2.5.2.3.1 */
    {12, "\x2b\x06\x01\x04\x01\xbe\x58\x00\x02\x64\x01\x02"}, /* 1.3.6.1.4.1.8024.0.2.100.1.2 */
    {10, "\x2a\x83\x08\x8c\x9b\x1b\x64\x85\x51\x01"}, /* 1.2.392.200091.100.721.1 */
    {11, "\x60\x86\x48\x01\x86\xfd\x6e\x01\x07\x17\x03"}, /* 2.16.840.1.114414.1.7.23.3 */
    {9, "\x2b\x06\x01\x04\x01\x81\xb5\x37\x02"}, /* 1.3.6.1.4.1.23223.2 */
    {11, "\x2b\x06\x01\x04\x01\x81\xb5\x37\x01\x01\x01"}, /* 1.3.6.1.4.1.23223.1.1.1 */
    {7, "\x60\x85\x74\x01\x53\x15\x00"}, /* 2.16.756.1.83.21.0 */
    {9, "\x60\x85\x74\x01\x59\x01\x02\x01\x01"}, /* 2.16.756.1.89.1.2.1.1 */
    {10, "\x2b\x06\x01\x04\x01\xbd\x47\x0d\x18\x01"}, /* 1.3.6.1.4.1.7879.13.24.1 */
    {11, "\x60\x86\x48\x01\x86\xf8\x45\x01\x07\x30\x01"}, /* 2.16.840.1.113733.1.7.48.1 */
    {12, "\x60\x86\x48\x01\x86\xfd\x64\x01\x01\x02\x04\x01"}, /* 2.16.840.1.114404.1.1.2.4.1 */
    {11, "\x60\x86\x48\x01\x86\xf8\x45\x01\x07\x17\x06"}, /* 2.16.840.1.113733.1.7.23.6 */
    {10, "\x2b\x06\x01\x04\x01\xb1\x3e\x01\x64\x01"}, /* 1.3.6.1.4.1.6334.1.100.1 */
    {10, "\x60\x86\x48\x01\x86\xfb\x7b\x83\x74\x09"}, /* 2.16.840.1.114171.500.9 */
    {9, "\x2b\x06\x01\x04\x01\x82\x9b\x51\x02"}, /* 1.3.6.1.4.1.36305.2 */
};

static int is_ev_oid(const cts_der *oid) {
  size_t i;
  for (i = 0; i < sizeof(k_ev_oids) / sizeof(k_ev_oids[0]); i++)
    if (cts_der_oid_equal(oid, (const uint8_t *)k_ev_oids[i].der,
                          k_ev_oids[i].len))
      return 1;
  return 0;
}

/* certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
 * PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId, ... }
 * (RFC 5280 4.2.1.4). */
int cts_subj_is_ev(const cts_summary *sum) {
  cts_der v, seq, info, oid;
  if (sum->ext_policies < 0) return 0;
  v = cts_summary_der(sum, sum->exts[sum->ext_policies].value);
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return 0;
  while (seq.len > 0 && cts_der_get_element(&seq, &info, CTS_DER_SEQUENCE) &&
         cts_der_get_oid(&info, &oid))
    if (is_ev_oid(&oid)) return 1;
  return 0;
}

/* --- ISO 3166-1 alpha-2 ------------------------------------------------ */

/* The country codes of zlint v3.6.6 util/countries.go: ISO 3166-1 alpha-2
 * (as of about 2017) plus AN (Netherlands Antilles, withdrawn 2010) and
 * XX (unknown), two letters each. */
static const char k_countries[] =
    "ADAEAFAGAIALAMANAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBT"
    "BVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHER"
    "ESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUID"
    "IEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULV"
    "LYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNR"
    "NUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSL"
    "SMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVC"
    "VEVGVIVNVUWFWSYEYTZAZMZWXX";

/* strings.ToUpper maps ASCII a-z, and also U+0131 (dotless i) to 'I' and
 * U+017F (long s) to 'S'; no other rune upper-cases into ASCII. */
static uint32_t go_upper_ascii(uint32_t r) {
  if (r >= 'a' && r <= 'z') return r - 32;
  if (r == 0x131) return 'I';
  if (r == 0x17f) return 'S';
  return r;
}

/* k_countries as a bit per pair of letters (bit second - 'A' of row
 * first - 'A'), made once: a lookup instead of a scan of 250 codes. */
static uint32_t g_country_rows[26];
static pthread_once_t g_country_once = PTHREAD_ONCE_INIT;

static void country_init(void) {
  for (size_t i = 0; i + 1 < sizeof(k_countries); i += 2)
    g_country_rows[k_countries[i] - 'A'] |= 1u << (k_countries[i + 1] - 'A');
}

int cts_subj_is_iso_country(uint32_t tag, cts_der value) {
  uint32_t r, up[2];
  size_t pos = 0, n = 0;
  while (cts_subj_next_rune(tag, value, &pos, &r)) {
    if (n == 2) return 0;
    up[n++] = go_upper_ascii(r);
  }
  if (n != 2 || up[0] < 'A' || up[0] > 'Z' || up[1] < 'A' || up[1] > 'Z')
    return 0;
  pthread_once(&g_country_once, country_init);
  return (g_country_rows[up[0] - 'A'] >> (up[1] - 'A')) & 1;
}
