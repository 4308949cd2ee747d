/* Facts every lint may ask, decided once per certificate, with the
 * semantics of zlint's util package (so verdicts agree with zlint). */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"

#define OID_IS(d, X) cts_der_oid_equal((d), (const uint8_t *)X, CTS_OID_LEN(X))

static cts_der ext_value(const cts_summary *sum, int16_t index) {
  cts_der d = {NULL, 0};
  if (index >= 0) d = cts_summary_der(sum, sum->exts[index].value);
  return d;
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
 *                                 pathLenConstraint INTEGER OPTIONAL }
 * RFC 5280 4.2.1.9. Go's x509 sets IsCA only when the extension parses. */
static void basic_constraints(const cts_summary *sum, cts_cert_facts *f) {
  cts_der v = ext_value(sum, sum->ext_bc), seq;
  int ca = 0;
  uint64_t path_len;
  f->bc_path_len = -1;
  if (sum->ext_bc < 0) return;
  f->bc_present = 1;
  f->bc_critical = sum->exts[sum->ext_bc].critical;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE) || v.len != 0) return;
  if (cts_der_peek_tag(&seq, CTS_DER_BOOLEAN) && !cts_der_get_bool(&seq, &ca))
    return;
  if (cts_der_peek_tag(&seq, CTS_DER_INTEGER) &&
      cts_der_get_u64_integer(&seq, &path_len))
    f->bc_path_len = path_len > INT32_MAX ? INT32_MAX : (int32_t)path_len;
  f->is_ca = (uint8_t)ca;
}

/* KeyUsage ::= BIT STRING, bit 0 = digitalSignature (RFC 5280 4.2.1.3). */
static void key_usage(const cts_summary *sum, cts_cert_facts *f) {
  cts_der v = ext_value(sum, sum->ext_ku), bits;
  if (sum->ext_ku < 0) return;
  f->ku_present = 1;
  /* Go reads the bits without DER's padding rule; so do we. */
  if (!cts_der_get_element(&v, &bits, CTS_DER_BIT_STRING) || bits.len < 1)
    return;
  for (size_t i = 1; i < bits.len && i <= 2; i++)
    for (int b = 0; b < 8; b++)
      if (bits.data[i] & (0x80 >> b))
        f->ku_bits |= (uint16_t)(1u << ((i - 1) * 8 + (size_t)b));
}

static uint32_t eku_bit(const cts_der *oid) {
  static const uint32_t by_arc[] = {
      0, CTS_EKU_SERVER_AUTH, CTS_EKU_CLIENT_AUTH, CTS_EKU_CODE_SIGNING,
      CTS_EKU_EMAIL_PROTECTION, CTS_EKU_OTHER_KNOWN, CTS_EKU_OTHER_KNOWN,
      CTS_EKU_OTHER_KNOWN, CTS_EKU_TIME_STAMPING, CTS_EKU_OCSP_SIGNING};
  size_t plen = CTS_OID_LEN(CTS_OID_EKU_PREFIX);
  if (OID_IS(oid, CTS_OID_EKU_ANY)) return CTS_EKU_ANY;
  if (oid->len == plen + 1 && memcmp(oid->data, CTS_OID_EKU_PREFIX, plen) == 0 &&
      oid->data[plen] >= 1 && oid->data[plen] <= 9)
    return by_arc[oid->data[plen]];
  if (OID_IS(oid, CTS_OID_EKU_MS_SGC) || OID_IS(oid, CTS_OID_EKU_NS_SGC) ||
      OID_IS(oid, CTS_OID_EKU_MS_CODE) || OID_IS(oid, CTS_OID_EKU_MS_KERNEL))
    return CTS_EKU_OTHER_KNOWN;
  return CTS_EKU_UNKNOWN;
}

/* ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
 * (RFC 5280 4.2.1.12). */
static void ext_key_usage(const cts_summary *sum, cts_cert_facts *f) {
  cts_der v = ext_value(sum, sum->ext_eku), seq, oid;
  if (sum->ext_eku < 0) return;
  f->eku_present = 1;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return;
  while (seq.len > 0 && cts_der_get_oid(&seq, &oid)) f->eku |= eku_bit(&oid);
}

/* certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
 * PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
 *   policyQualifiers SEQUENCE SIZE (1..MAX) OF ... OPTIONAL }
 * (RFC 5280 4.2.1.4). */
static void policies(const cts_summary *sum, cts_cert_facts *f) {
  cts_der v = ext_value(sum, sum->ext_policies), seq, info, oid;
  if (sum->ext_policies < 0) return;
  f->policies_present = 1;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return;
  while (seq.len > 0 && cts_der_get_element(&seq, &info, CTS_DER_SEQUENCE) &&
         cts_der_get_oid(&info, &oid)) {
    if (OID_IS(&oid, CTS_OID_POLICY_ANY)) f->policies |= CTS_POLICY_ANY;
    else if (OID_IS(&oid, CTS_OID_POLICY_DV)) f->policies |= CTS_POLICY_DV;
    else if (OID_IS(&oid, CTS_OID_POLICY_OV)) f->policies |= CTS_POLICY_OV;
    else if (OID_IS(&oid, CTS_OID_POLICY_IV)) f->policies |= CTS_POLICY_IV;
    else if (OID_IS(&oid, CTS_OID_POLICY_EV)) f->policies |= CTS_POLICY_EV;
  }
}

void cts_lint_facts(cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  cts_cert_facts *f = &cert->facts;
  memset(f, 0, sizeof(*f));
  basic_constraints(sum, f);
  key_usage(sum, f);
  ext_key_usage(sum, f);
  policies(sum, f);
  f->subject_is_issuer =
      sum->subject.len == sum->issuer.len &&
      memcmp(sum->der + sum->subject.off, sum->der + sum->issuer.off,
             sum->issuer.len) == 0;
  /* zcrypto: self-signed when subject == issuer and the signature verifies
   * with the certificate's own key; that takes the full parse, which
   * records the answer (see src/full/). */
  f->self_signed = 0;
  /* zlint util.IsServerAuthCert: no EKU Go's x509 knows, or serverAuth or
   * anyExtendedKeyUsage among them. */
  f->is_server_auth = (f->eku & ~CTS_EKU_UNKNOWN) == 0 ||
                      (f->eku & (CTS_EKU_ANY | CTS_EKU_SERVER_AUTH)) != 0;
  f->is_subscriber = !f->is_ca && !f->self_signed;
  f->is_root = f->is_ca && f->self_signed;
  f->is_sub_ca = f->is_ca && !f->self_signed;
}
