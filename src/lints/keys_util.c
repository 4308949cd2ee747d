/* Helpers of the "keys" and "time" lint groups: see keys_util.h. */
#include "keys_util.h"

#include <string.h>

#include "ctscan/oid.h"

int cts_keys_oid_is(const cts_der *oid, const char *bytes, size_t len) {
  return cts_der_oid_equal(oid, (const uint8_t *)bytes, len);
}

/* An OID that is prefix plus one final arc below 128. */
static int oid_arc(const cts_der *oid, const char *prefix, size_t plen,
                   uint8_t *out_arc) {
  if (oid->len != plen + 1 || memcmp(oid->data, prefix, plen) != 0 ||
      oid->data[plen] >= 0x80)
    return 0;
  *out_arc = oid->data[plen];
  return 1;
}

/* --- signature algorithms ------------------------------------------------ */

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER,
 *                                    parameters ANY OPTIONAL }
 * (RFC 5280 4.1.1.2). Go's parser ignores elements after the parameters;
 * so does this. *out_params is the whole parameters element, empty when
 * absent. */
static int algorithm_identifier(cts_der ai, cts_der *out_oid,
                                cts_der *out_params) {
  cts_der seq;
  out_params->data = NULL;
  out_params->len = 0;
  if (!cts_der_get_element(&ai, &seq, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&seq, out_oid))
    return 0;
  if (seq.len > 0 && !cts_der_get_any_element(&seq, out_params, NULL, NULL))
    return 0;
  return 1;
}

static int is_der_null(const cts_der *params) {
  return params->len == 2 && params->data[0] == 0x05 && params->data[1] == 0x00;
}

/* An [n] EXPLICIT field holding an AlgorithmIdentifier. */
static int explicit_ai(cts_der *cur, unsigned n, cts_der *out_oid,
                       cts_der *out_params) {
  cts_der inner;
  return cts_der_get_element(
             cur, &inner, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | n) &&
         algorithm_identifier(inner, out_oid, out_params);
}

/* An [n] EXPLICIT INTEGER that fits Go's int. */
static int explicit_int(cts_der *cur, unsigned n, uint64_t *out) {
  cts_der inner;
  return cts_der_get_element(
             cur, &inner, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | n) &&
         cts_der_get_u64_integer(&inner, out) && *out <= INT64_MAX;
}

/* RSASSA-PSS-params ::= SEQUENCE {
 *   hashAlgorithm    [0] HashAlgorithm,
 *   maskGenAlgorithm [1] MaskGenAlgorithm,
 *   saltLength       [2] INTEGER,
 *   trailerField     [3] TrailerField DEFAULT trailerFieldBC }
 * (RFC 4055 3.1). zcrypto requires the first three, a NULL hash parameter,
 * MGF1 with the same hash and a NULL parameter, trailer 1, and a salt as
 * long as the hash: SHA-256/32, SHA-384/48 or SHA-512/64. */
static cts_keys_sig_alg pss_algorithm(cts_der params) {
  cts_der seq, hash_oid, hash_params, mgf_oid, mgf_params, mgf_hash_oid,
      mgf_hash_params;
  uint64_t salt, trailer = 1;
  uint8_t arc;
  if (!cts_der_get_element(&params, &seq, CTS_DER_SEQUENCE) ||
      !explicit_ai(&seq, 0, &hash_oid, &hash_params) ||
      !explicit_ai(&seq, 1, &mgf_oid, &mgf_params) ||
      !explicit_int(&seq, 2, &salt))
    return CTS_SIG_UNKNOWN;
  if (cts_der_peek_tag(&seq, CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 3) &&
      !explicit_int(&seq, 3, &trailer))
    return CTS_SIG_UNKNOWN;
  if (!algorithm_identifier(mgf_params, &mgf_hash_oid, &mgf_hash_params))
    return CTS_SIG_UNKNOWN;
  if (!is_der_null(&hash_params) || !CTS_KEYS_OID_IS(&mgf_oid, CTS_KEYS_OID_MGF1) ||
      mgf_hash_oid.len != hash_oid.len ||
      memcmp(mgf_hash_oid.data, hash_oid.data, hash_oid.len) != 0 ||
      !is_der_null(&mgf_hash_params) || trailer != 1)
    return CTS_SIG_UNKNOWN;
  if (!oid_arc(&hash_oid, CTS_KEYS_OID_HASH_PREFIX,
               sizeof(CTS_KEYS_OID_HASH_PREFIX) - 1, &arc))
    return CTS_SIG_UNKNOWN;
  if (arc == 1 && salt == 32) return CTS_SIG_SHA256_RSA_PSS;
  if (arc == 2 && salt == 48) return CTS_SIG_SHA384_RSA_PSS;
  if (arc == 3 && salt == 64) return CTS_SIG_SHA512_RSA_PSS;
  return CTS_SIG_UNKNOWN;
}

/* Every algorithm but RSASSA-PSS is named by its OID alone. */
static cts_keys_sig_alg sig_alg_by_oid(const cts_der *oid) {
  uint8_t arc;
  if (oid_arc(oid, CTS_KEYS_OID_PKCS1_PREFIX,
              sizeof(CTS_KEYS_OID_PKCS1_PREFIX) - 1, &arc)) {
    switch (arc) {
      case 2: return CTS_SIG_MD2_RSA;
      case 4: return CTS_SIG_MD5_RSA;
      case 5: return CTS_SIG_SHA1_RSA;
      case 11: return CTS_SIG_SHA256_RSA;
      case 12: return CTS_SIG_SHA384_RSA;
      case 13: return CTS_SIG_SHA512_RSA;
      default: return CTS_SIG_UNKNOWN;
    }
  }
  if (oid_arc(oid, CTS_KEYS_OID_ECDSA_SHA2_PREFIX,
              sizeof(CTS_KEYS_OID_ECDSA_SHA2_PREFIX) - 1, &arc)) {
    if (arc == 2) return CTS_SIG_ECDSA_SHA256;
    if (arc == 3) return CTS_SIG_ECDSA_SHA384;
    if (arc == 4) return CTS_SIG_ECDSA_SHA512;
    return CTS_SIG_UNKNOWN;
  }
  if (CTS_KEYS_OID_IS(oid, CTS_KEYS_OID_ISO_SHA1_RSA)) return CTS_SIG_SHA1_RSA;
  if (CTS_KEYS_OID_IS(oid, CTS_KEYS_OID_DSA_SHA1)) return CTS_SIG_DSA_SHA1;
  if (CTS_KEYS_OID_IS(oid, CTS_KEYS_OID_DSA_SHA256)) return CTS_SIG_DSA_SHA256;
  if (CTS_KEYS_OID_IS(oid, CTS_KEYS_OID_ECDSA_SHA1)) return CTS_SIG_ECDSA_SHA1;
  if (CTS_KEYS_OID_IS(oid, CTS_OID_ED25519)) return CTS_SIG_ED25519;
  return CTS_SIG_UNKNOWN;
}

cts_keys_sig_alg cts_keys_signature_algorithm(const cts_summary *sum) {
  cts_der oid, params;
  if (!algorithm_identifier(cts_summary_der(sum, sum->tbs_sig_alg), &oid,
                            &params))
    return CTS_SIG_UNKNOWN;
  if (!CTS_KEYS_OID_IS(&oid, CTS_KEYS_OID_RSA_PSS)) return sig_alg_by_oid(&oid);
  return pss_algorithm(params);
}

cts_der cts_keys_spki_oid(const cts_summary *sum) {
  return cts_summary_der(sum, sum->key_alg_oid);
}

/* --- integers ------------------------------------------------------------ */

cts_der cts_keys_int_minimal(cts_der c) {
  while (c.len > 1 && ((c.data[0] == 0x00 && !(c.data[1] & 0x80)) ||
                       (c.data[0] == 0xff && (c.data[1] & 0x80)))) {
    c.data++;
    c.len--;
  }
  return c;
}

cts_der cts_keys_int_magnitude(cts_der c) {
  while (c.len > 0 && c.data[0] == 0x00) {
    c.data++;
    c.len--;
  }
  return c;
}

size_t cts_keys_int_bits(cts_der c) {
  cts_der m = cts_keys_int_magnitude(c);
  size_t bits = 0;
  if (m.len == 0) return 0;
  for (uint8_t top = m.data[0]; top != 0; top >>= 1) bits++;
  return (m.len - 1) * 8 + bits;
}

int cts_keys_int_cmp_u64(cts_der c, uint64_t v) {
  cts_der m = cts_keys_int_magnitude(c);
  uint64_t x = 0;
  if (m.len > 8) return 1;
  for (size_t i = 0; i < m.len; i++) x = (x << 8) | m.data[i];
  return x < v ? -1 : x > v;
}

int cts_keys_rsa_parsed(const cts_summary *sum) {
  cts_der n = cts_summary_der(sum, sum->rsa_modulus);
  cts_der e = cts_summary_der(sum, sum->rsa_exponent);
  if (sum->key_type != CTS_KEY_RSA || (sum->flags & CTS_SUM_KEY_MALFORMED) ||
      n.len == 0 || e.len == 0)
    return 0;
  /* x509.parsePublicKey: N.Sign() > 0 and E > 0 */
  return !cts_der_integer_is_negative(&n) && cts_keys_int_bits(n) > 0 &&
         !cts_der_integer_is_negative(&e) && cts_keys_int_bits(e) > 0;
}

static int positive(const cts_der *i) {
  return !cts_der_integer_is_negative(i) && cts_keys_int_bits(*i) > 0;
}

int cts_keys_dsa_parse(const cts_summary *sum, cts_keys_dsa *k) {
  cts_der alg = cts_summary_der(sum, sum->spki_alg), seq, oid, params, bits;
  bits = cts_summary_der(sum, sum->key_bits);
  if ((sum->flags & CTS_SUM_KEY_MALFORMED) ||
      !cts_der_get_element(&alg, &seq, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&seq, &oid) ||
      !cts_der_get_element(&seq, &params, CTS_DER_SEQUENCE) ||
      !cts_der_get_integer(&params, &k->p) ||
      !cts_der_get_integer(&params, &k->q) ||
      !cts_der_get_integer(&params, &k->g) || params.len != 0 ||
      !cts_der_get_integer(&bits, &k->y) || bits.len != 0)
    return 0;
  return positive(&k->p) && positive(&k->q) && positive(&k->g) &&
         positive(&k->y);
}

/* --- times --------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (any year). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t cts_keys_add_months(int64_t t, int months) {
  int64_t days = floor_div(t, 86400), secs = t - days * 86400;
  int64_t y, m, d;
  civil_from_days(days, &y, &m, &d);
  m += months;
  y += floor_div(m - 1, 12);
  m = m - 1 - floor_div(m - 1, 12) * 12 + 1;
  /* Go's Date normalizes an overflowing day by counting on from the 1st. */
  return (days_from_civil(y, m, 1) + d - 1) * 86400 + secs;
}

int cts_keys_validity_time(const cts_summary *sum, int which, uint32_t *out_tag,
                           cts_der *out_contents) {
  cts_der v = cts_summary_der(sum, sum->validity), seq, t;
  size_t hdr;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return 0;
  for (int i = 0; i <= which; i++)
    if (!cts_der_get_any_element(&seq, &t, out_tag, &hdr)) return 0;
  out_contents->data = t.data + hdr;
  out_contents->len = t.len - hdr;
  return 1;
}

static int digits(const uint8_t *p, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return 0;
    v = v * 10 + (p[i] - '0');
  }
  *out = v;
  return 1;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k[m - 1];
}

/* Zone: "Z" or "+hhmm"/"-hhmm" (Go's Z0700). An offset of zero does not
 * survive Go's round trip (it prints as "Z"), so it is refused. */
static int zone(const uint8_t *p, size_t n, int64_t *out_offset) {
  int hh, mm;
  if (n == 1 && p[0] == 'Z') {
    *out_offset = 0;
    return 1;
  }
  if (n != 5 || (p[0] != '+' && p[0] != '-') || !digits(p + 1, 2, &hh) ||
      !digits(p + 3, 2, &mm) || mm > 59 || (hh == 0 && mm == 0))
    return 0;
  *out_offset = (p[0] == '-' ? -1 : 1) * ((int64_t)hh * 3600 + mm * 60);
  return 1;
}

static int civil_time(int y, int mo, int d, int h, int mi, int s,
                      int64_t offset, int64_t *out) {
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
      mi > 59 || s > 59)
    return 0;
  *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
  return 1;
}

/* UTCTime as Go reads it: YYMMDDhhmm[ss] then a zone; YY < 50 is 20YY. */
static int lenient_utc(cts_der t, int64_t *out) {
  int yy, mo, d, h, mi, s = 0;
  int64_t off;
  size_t pos = 10;
  if (t.len < 11 || !digits(t.data, 2, &yy) || !digits(t.data + 2, 2, &mo) ||
      !digits(t.data + 4, 2, &d) || !digits(t.data + 6, 2, &h) ||
      !digits(t.data + 8, 2, &mi))
    return 0;
  if (!zone(t.data + pos, t.len - pos, &off)) {
    if (t.len < 13 || !digits(t.data + 10, 2, &s)) return 0;
    pos = 12;
    if (!zone(t.data + pos, t.len - pos, &off)) return 0;
  }
  return civil_time(yy < 50 ? 2000 + yy : 1900 + yy, mo, d, h, mi, s, off,
                    out);
}

/* GeneralizedTime as Go reads it: YYYYMMDDhhmmss[.f*] then a zone; the
 * fraction must print back the same (no trailing zero). */
static int lenient_generalized(cts_der t, int64_t *out) {
  int y, mo, d, h, mi, s;
  int64_t off;
  size_t pos = 14;
  if (t.len < 15 || !digits(t.data, 4, &y) || !digits(t.data + 4, 2, &mo) ||
      !digits(t.data + 6, 2, &d) || !digits(t.data + 8, 2, &h) ||
      !digits(t.data + 10, 2, &mi) || !digits(t.data + 12, 2, &s))
    return 0;
  if (t.data[pos] == '.') {
    size_t start = ++pos;
    while (pos < t.len && t.data[pos] >= '0' && t.data[pos] <= '9') pos++;
    if (pos == start || t.data[pos - 1] == '0') return 0;
  }
  if (!zone(t.data + pos, t.len - pos, &off)) return 0;
  return civil_time(y, mo, d, h, mi, s, off, out);
}

static int lenient_time(const cts_summary *sum, int which, int64_t *out) {
  uint32_t tag;
  cts_der t;
  if (!cts_keys_validity_time(sum, which, &tag, &t)) return 0;
  if (tag == CTS_DER_UTC_TIME) return lenient_utc(t, out);
  if (tag == CTS_DER_GENERALIZED_TIME) return lenient_generalized(t, out);
  return 0;
}

int cts_keys_not_before(const cts_summary *sum, int64_t *out) {
  *out = sum->not_before;
  if (!(sum->flags & CTS_SUM_BAD_NOT_BEFORE)) return 1;
  return lenient_time(sum, 0, out);
}

int cts_keys_not_after(const cts_summary *sum, int64_t *out) {
  *out = sum->not_after;
  if (!(sum->flags & CTS_SUM_BAD_NOT_AFTER)) return 1;
  return lenient_time(sum, 1, out);
}
