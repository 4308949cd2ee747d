/* Facts every lint may ask, decided once per certificate, with the
 * semantics of zlint's util package over zcrypto's parse (so verdicts agree
 * with zlint v3.6.6).
 *
 * zcrypto's parseCertificate walks the extensions in order:
 *  - keyUsage: each value that parses as a BIT STRING replaces KeyUsage;
 *  - basicConstraints: each value that parses replaces IsCA / MaxPathLen
 *    and sets BasicConstraintsValid;
 *  - extKeyUsage: every extension's purposes are appended, the ones it
 *    names to ExtKeyUsage, the others to UnknownExtKeyUsage;
 *  - certificatePolicies: each extension replaces PolicyIdentifiers.
 * zlint's util.GetExtFromCert returns the first extension with an OID, so
 * the critical flags below are the first extension's. */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "extensions_oid.h"

#define OID_IS(d, X) CTS_OID_IS_LIT((d), X)

/* Arcs under the OIDs of the EKUs zcrypto knows
 * (zcrypto x509/extended_key_usage.go, ekuConstants). */
#define APPLE_EKU_PREFIX "\x2a\x86\x48\x86\xf7\x63\x64\x04" /* 1.2.840.113635.100.4 */
#define MS_PREFIX "\x2b\x06\x01\x04\x01\x82\x37"             /* 1.3.6.1.4.1.311 */

/* Microsoft EKUs zcrypto knows, as the arcs after 1.3.6.1.4.1.311. */
static const char *const k_ms_ekus[] = {
    "\x0a\x03\x01", "\x0a\x03\x02", "\x0a\x03\x03", "\x0a\x03\x03\x01",
    "\x0a\x03\x04", "\x0a\x03\x04\x01", "\x0a\x03\x05", "\x0a\x03\x06",
    "\x0a\x03\x07", "\x0a\x03\x08", "\x0a\x03\x09", "\x0a\x03\x0a",
    "\x0a\x03\x0b", "\x0a\x03\x0c", "\x0a\x03\x0d", "\x0a\x03\x0e",
    "\x0a\x03\x0f", "\x0a\x03\x10", "\x0a\x05\x01", "\x0a\x05\x02",
    "\x0a\x05\x03", "\x0a\x05\x04", "\x14\x02\x01", "\x14\x02\x02",
    "\x15\x05",     "\x15\x06",     "\x2f\x01\x01", "\x2f\x01\x03",
    "\x3d\x01\x01",
};

static int has_prefix(const cts_der *oid, const char *prefix, size_t plen) {
  return oid->len > plen && memcmp(oid->data, prefix, plen) == 0;
}

/* 1.2.840.113635.100.4.{1..6}, and .1.{1..4}, .5.{1..4}, .6.{1..4}. */
static int apple_eku_known(const cts_der *oid) {
  size_t plen = CTS_OID_LEN(APPLE_EKU_PREFIX);
  const uint8_t *a = oid->data + plen;
  if (!has_prefix(oid, APPLE_EKU_PREFIX, plen)) return 0;
  if (oid->len == plen + 1) return a[0] >= 1 && a[0] <= 6;
  return oid->len == plen + 2 && (a[0] == 1 || a[0] == 5 || a[0] == 6) &&
         a[1] >= 1 && a[1] <= 4;
}

static int ms_eku_known(const cts_der *oid) {
  size_t plen = CTS_OID_LEN(MS_PREFIX);
  if (!has_prefix(oid, MS_PREFIX, plen)) return 0;
  for (size_t i = 0; i < sizeof(k_ms_ekus) / sizeof(k_ms_ekus[0]); i++) {
    size_t n = strlen(k_ms_ekus[i]);
    if (oid->len == plen + n && memcmp(oid->data + plen, k_ms_ekus[i], n) == 0)
      return 1;
  }
  return 0;
}

/* The CTS_EKU_* bit of one KeyPurposeId (RFC 5280 4.2.1.12): the named
 * purposes lints ask about, CTS_EKU_OTHER_KNOWN for the rest of zcrypto's
 * list, CTS_EKU_UNKNOWN for what zcrypto leaves in UnknownExtKeyUsage. */
static uint32_t eku_bit(const cts_der *oid) {
  static const uint32_t by_arc[] = {
      CTS_EKU_UNKNOWN,          CTS_EKU_SERVER_AUTH,   CTS_EKU_CLIENT_AUTH,
      CTS_EKU_CODE_SIGNING,     CTS_EKU_EMAIL_PROTECTION, CTS_EKU_OTHER_KNOWN,
      CTS_EKU_OTHER_KNOWN,      CTS_EKU_OTHER_KNOWN,   CTS_EKU_TIME_STAMPING,
      CTS_EKU_OCSP_SIGNING,     CTS_EKU_OTHER_KNOWN,   CTS_EKU_OTHER_KNOWN,
      CTS_EKU_UNKNOWN,          CTS_EKU_OTHER_KNOWN,   CTS_EKU_OTHER_KNOWN};
  size_t plen = CTS_OID_LEN(CTS_OID_EKU_PREFIX);
  if (OID_IS(oid, CTS_OID_EKU_ANY)) return CTS_EKU_ANY;
  /* id-kp 1..11, 13, 14 (id-kp 12 is not in zcrypto's list) */
  if (oid->len == plen + 1 && has_prefix(oid, CTS_OID_EKU_PREFIX, plen) &&
      oid->data[plen] < sizeof(by_arc) / sizeof(by_arc[0]))
    return by_arc[oid->data[plen]];
  if (OID_IS(oid, CTS_OID_EKU_NS_SGC) || ms_eku_known(oid) ||
      apple_eku_known(oid))
    return CTS_EKU_OTHER_KNOWN;
  return CTS_EKU_UNKNOWN;
}

static uint8_t sat_inc(uint8_t n) { return n == UINT8_MAX ? n : (uint8_t)(n + 1); }

/* ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
 * (RFC 5280 4.2.1.12). zcrypto appends the purposes of every instance. */
static void ext_key_usage(cts_der v, cts_cert_facts *f) {
  cts_der seq, oid;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return;
  while (seq.len > 0 && cts_oid_next(&seq, &oid)) {
    uint32_t bit = eku_bit(&oid);
    f->eku |= bit;
    if (bit == CTS_EKU_UNKNOWN) f->eku_unknown = sat_inc(f->eku_unknown);
    else f->eku_known = sat_inc(f->eku_known);
  }
}

/* KeyUsage ::= BIT STRING { digitalSignature (0), ... decipherOnly (8) }
 * (RFC 5280 4.2.1.3). As Go's asn1 reads it: DER padding rules, a bit
 * counts only below the declared bit length; trailing data is ignored. A
 * value that does not parse leaves the previous KeyUsage. */
static void key_usage(cts_der v, cts_cert_facts *f) {
  cts_der bits;
  unsigned unused;
  uint16_t ku = 0;
  size_t bit_len;
  if (!cts_der_get_bit_string(&v, &bits, &unused)) return;
  bit_len = bits.len * 8 - unused;
  for (size_t i = 0; i < 9 && i < bit_len; i++)
    if (bits.data[i / 8] & (0x80 >> (i % 8))) ku |= (uint16_t)(1u << i);
  f->ku_bits = ku;
}

/* A signed INTEGER as Go's parseInt64 reads it: minimally encoded, at most
 * eight octets. */
static int get_go_int64(cts_der *cur, int64_t *out) {
  cts_der c;
  uint64_t v;
  if (!cts_der_get_integer(cur, &c) || !cts_der_integer_is_minimal(&c) ||
      c.len > 8)
    return 0;
  v = (c.data[0] & 0x80) ? UINT64_MAX : 0;
  for (size_t i = 0; i < c.len; i++) v = (v << 8) | c.data[i];
  *out = (int64_t)v;
  return 1;
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
 *                                 pathLenConstraint INTEGER OPTIONAL }
 * (RFC 5280 4.2.1.9). As zcrypto's asn1.Unmarshal into
 * {IsCA bool optional; MaxPathLen int optional default -1}: elements after
 * these two, and data after the SEQUENCE, are ignored; a malformed BOOLEAN
 * or INTEGER fails the whole value. A value that does not parse leaves the
 * previous answer. */
static void basic_constraints(cts_der v, cts_cert_facts *f) {
  cts_der seq;
  int ca = 0, has_len = 0;
  int64_t path_len = -1;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return;
  if (cts_der_peek_tag(&seq, CTS_DER_BOOLEAN) && !cts_der_get_bool(&seq, &ca))
    return;
  if (cts_der_peek_tag(&seq, CTS_DER_INTEGER)) {
    if (!get_go_int64(&seq, &path_len)) return;
    has_len = 1;
  }
  f->bc_valid = 1;
  f->is_ca = (uint8_t)ca;
  f->bc_path_len_present = (uint8_t)has_len;
  f->bc_path_len_raw = path_len;
  f->bc_path_len = path_len < 0 ? -1 : path_len > INT32_MAX ? INT32_MAX
                                                            : (int32_t)path_len;
}

/* certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
 * PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
 *   policyQualifiers SEQUENCE SIZE (1..MAX) OF ... OPTIONAL }
 * (RFC 5280 4.2.1.4). Each instance replaces the previous one's. */
static void policies(cts_der v, cts_cert_facts *f) {
  cts_der seq, info, oid;
  f->policies = 0;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return;
  while (seq.len > 0 && cts_der_get_element(&seq, &info, CTS_DER_SEQUENCE) &&
         cts_oid_next(&info, &oid)) {
    if (OID_IS(&oid, CTS_OID_POLICY_ANY)) f->policies |= CTS_POLICY_ANY;
    else if (OID_IS(&oid, CTS_OID_POLICY_DV)) f->policies |= CTS_POLICY_DV;
    else if (OID_IS(&oid, CTS_OID_POLICY_OV)) f->policies |= CTS_POLICY_OV;
    else if (OID_IS(&oid, CTS_OID_POLICY_IV)) f->policies |= CTS_POLICY_IV;
    else if (OID_IS(&oid, CTS_OID_POLICY_EV)) f->policies |= CTS_POLICY_EV;
  }
}

/* The extensions the facts read; each is read as zcrypto's parse loop
 * meets it. */
enum { EXT_BC, EXT_KU, EXT_EKU, EXT_POLICIES, EXT_OTHER };

static void one_extension(const cts_summary *sum, const cts_ext *ext,
                          int kind, cts_cert_facts *f) {
  cts_der value = cts_summary_der(sum, ext->value);
  switch (kind) {
    case EXT_BC:
      if (!f->bc_present) f->bc_critical = ext->critical;
      f->bc_present = 1;
      basic_constraints(value, f);
      break;
    case EXT_KU:
      if (!f->ku_present) f->ku_critical = ext->critical;
      f->ku_present = 1;
      key_usage(value, f);
      break;
    case EXT_EKU:
      if (!f->eku_present) f->eku_critical = ext->critical;
      f->eku_present = 1;
      ext_key_usage(value, f);
      break;
    case EXT_POLICIES:
      f->policies_present = 1;
      policies(value, f);
      break;
    default: break;
  }
}

static int kind_of(const cts_summary *sum, const cts_ext *ext) {
  cts_der oid = cts_summary_der(sum, ext->oid);
  if (OID_IS(&oid, CTS_OID_EXT_BC)) return EXT_BC;
  if (OID_IS(&oid, CTS_OID_EXT_KU)) return EXT_KU;
  if (OID_IS(&oid, CTS_OID_EXT_EKU)) return EXT_EKU;
  if (OID_IS(&oid, CTS_OID_EXT_POLICIES)) return EXT_POLICIES;
  return EXT_OTHER;
}

/* zlint util.IsServerAuthCert: no EKU at all (known or not), serverAuth or
 * anyExtendedKeyUsage among zcrypto's known EKUs, or one of the CA/B Forum
 * reserved policy OIDs (DV, OV, IV, EV). */
static int is_server_auth(const cts_cert_facts *f) {
  const uint32_t br_policies =
      CTS_POLICY_DV | CTS_POLICY_OV | CTS_POLICY_IV | CTS_POLICY_EV;
  if (f->eku_known == 0 && f->eku_unknown == 0) return 1;
  if (f->eku & (CTS_EKU_ANY | CTS_EKU_SERVER_AUTH)) return 1;
  return (f->policies & br_policies) != 0;
}

void cts_lint_facts(cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  cts_cert_facts *f = &cert->facts;
  memset(f, 0, sizeof(*f));
  f->bc_path_len = -1;
  f->bc_path_len_raw = -1;
  if (!(sum->flags & CTS_SUM_DUPLICATE_EXT)) {
    /* Each extension at most once: the sieve's indexes find the four
     * (their answers are independent of each other, so order does not
     * matter), and no OID needs comparing. */
    int16_t known[EXT_OTHER];
    known[EXT_BC] = sum->ext_bc;
    known[EXT_KU] = sum->ext_ku;
    known[EXT_EKU] = sum->ext_eku;
    known[EXT_POLICIES] = sum->ext_policies;
    for (int k = 0; k < EXT_OTHER; k++)
      if (known[k] >= 0) one_extension(sum, &sum->exts[known[k]], k, f);
  } else {
    for (uint16_t i = 0; i < sum->n_exts; i++)
      one_extension(sum, &sum->exts[i], kind_of(sum, &sum->exts[i]), f);
  }
  f->subject_is_issuer =
      sum->subject.len == sum->issuer.len &&
      memcmp(sum->der + sum->subject.off, sum->der + sum->issuer.off,
             sum->issuer.len) == 0;
  /* zcrypto: self-signed when subject == issuer and the signature verifies
   * with the certificate's own key; that takes the full parse, which
   * records the answer (src/full/full.c). */
  f->self_signed = 0;
  f->is_server_auth = (uint8_t)is_server_auth(f);
  f->is_subscriber = !f->is_ca && !f->self_signed;
  f->is_root = f->is_ca && f->self_signed;
  f->is_sub_ca = f->is_ca && !f->self_signed;
}
