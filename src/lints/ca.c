/* Lint group "ca": basic constraints, key usage, extended key usage, and
 * the root / subordinate CA / subscriber profiles built on them (RFC 5280
 * 4.2.1.3, 4.2.1.9, 4.2.1.12; RFC 3279 2.3; RFC 5480 3; RFC 8813 3;
 * BRs 7.1.2; Mozilla Root Store Policy 5.3). See include/ctscan/lint.h for
 * the framework.
 *
 * Every lint here is a summary lint. Where zlint reads zcrypto's parsed
 * fields (IsCA, KeyUsage, ExtKeyUsage) the facts carry them (facts.c);
 * where it re-reads the first extension's raw bytes (util.GetExtFromCert),
 * the lint re-walks that extension's value with the DER cursor. */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"
#include "extensions_oid.h"
#include "lints_internal.h"

#define OID_IS(d, X) CTS_OID_IS_LIT((d), X)

/* KeyUsage bits (RFC 5280 4.2.1.3), as facts.ku_bits holds them. */
#define KU_DIGITAL_SIGNATURE (1u << 0)
#define KU_CONTENT_COMMITMENT (1u << 1)
#define KU_KEY_ENCIPHERMENT (1u << 2)
#define KU_DATA_ENCIPHERMENT (1u << 3)
#define KU_KEY_AGREEMENT (1u << 4)
#define KU_KEY_CERT_SIGN (1u << 5)
#define KU_CRL_SIGN (1u << 6)
#define KU_ENCIPHER_ONLY (1u << 7)
#define KU_DECIPHER_ONLY (1u << 8)

/* Precertificate Signing Certificate EKU 1.3.6.1.4.1.11129.2.4.4
 * (RFC 6962 3.1); zcrypto does not name it. */
#define OID_EKU_PRECERT_SIGNING "\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x04"

/* zlint's dates (v3/util/time.go). */
#define RFC2459_DATE CTS_DATE(1999, 1, 1)
#define RFC3279_DATE CTS_DATE(2002, 4, 1)
#define RFC3280_DATE CTS_DATE(2002, 4, 1)
#define RFC5280_DATE CTS_DATE(2008, 5, 1)
#define RFC8813_DATE CTS_DATE(2020, 8, 1)
#define CAB_EFFECTIVE_DATE CTS_DATE(2012, 7, 1)
#define CAB_V116_DATE CTS_DATE(2013, 7, 29)
#define MOZILLA_EKU_DATE CTS_DATE(2019, 1, 1)
#define CABFBRS_1_7_1_DATE CTS_DATE(2020, 8, 20)
#define CABFBRS_2_0_0_DATE CTS_DATE(2023, 9, 15)
#define SC62_EFFECTIVE_DATE CTS_DATE(2023, 9, 15)

/* --- helpers ----------------------------------------------------------- */

/* util.GetExtFromCert: the first extension with that OID, or NULL. The
 * sieve indexes basicConstraints, keyUsage and extKeyUsage (the last of
 * duplicates); without duplicates that is the first, too, and no scan is
 * needed. */
static const cts_ext *first_ext(const cts_summary *sum, int16_t known,
                                const char *oid, size_t oid_len) {
  if (!(sum->flags & CTS_SUM_DUPLICATE_EXT))
    return known >= 0 ? &sum->exts[known] : NULL;
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    cts_der d = cts_summary_der(sum, sum->exts[i].oid);
    if (cts_der_oid_equal(&d, (const uint8_t *)oid, oid_len))
      return &sum->exts[i];
  }
  return NULL;
}

#define FIRST_BC(sum) \
  first_ext((sum), (sum)->ext_bc, CTS_OID_EXT_BC, CTS_OID_LEN(CTS_OID_EXT_BC))
#define FIRST_KU(sum) \
  first_ext((sum), (sum)->ext_ku, CTS_OID_EXT_KU, CTS_OID_LEN(CTS_OID_EXT_KU))

/* Every extKeyUsage extension in certificate order (zcrypto appends the
 * purposes of each): start with *pos = 0; NULL after the last. */
static const cts_ext *next_eku_ext(const cts_summary *sum, uint16_t *pos) {
  if (!(sum->flags & CTS_SUM_DUPLICATE_EXT)) {
    if (*pos > 0 || sum->ext_eku < 0) return NULL;
    *pos = 1;
    return &sum->exts[sum->ext_eku];
  }
  while (*pos < sum->n_exts) {
    const cts_ext *e = &sum->exts[(*pos)++];
    cts_der d = cts_summary_der(sum, e->oid);
    if (OID_IS(&d, CTS_OID_EXT_EKU)) return e;
  }
  return NULL;
}

static int ku_has(const cts_lint_cert *c, unsigned bits) {
  return (c->facts.ku_bits & bits) != 0;
}

static int eku_has(const cts_lint_cert *c, uint32_t bits) {
  return (c->facts.eku & bits) != 0;
}

/* Go's asn1.Unmarshal of basicConstraints into
 * {IsCA bool optional; MaxPathLen int optional[, default -1]}: the
 * SEQUENCE, an optional valid BOOLEAN, an optional minimally encoded
 * INTEGER of at most eight octets; anything after them is ignored. */
static int parse_bc(const cts_ext *ext, const cts_summary *sum, int *out_ca,
                    int *out_negative_len) {
  cts_der v = cts_summary_der(sum, ext->value), seq, len;
  int ca = 0;
  *out_negative_len = 0;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return 0;
  if (cts_der_peek_tag(&seq, CTS_DER_BOOLEAN) && !cts_der_get_bool(&seq, &ca))
    return 0;
  if (cts_der_peek_tag(&seq, CTS_DER_INTEGER)) {
    if (!cts_der_get_integer(&seq, &len) || !cts_der_integer_is_minimal(&len) ||
        len.len > 8)
      return 0;
    *out_negative_len = cts_der_integer_is_negative(&len);
  }
  *out_ca = ca;
  return 1;
}

/* parse_bc of the first basicConstraints extension: 0 when there is none
 * or it does not parse. The facts hold the same parse of the last one
 * (facts.c basic_constraints, which reads the pathLenConstraint the same
 * way), so without duplicate extensions they answer. */
static int first_bc(const cts_lint_cert *c, int *out_ca, int *out_negative_len) {
  const cts_cert_facts *f = &c->facts;
  const cts_ext *bc;
  if (!(c->sum->flags & CTS_SUM_DUPLICATE_EXT)) {
    if (!f->bc_present || !f->bc_valid) return 0;
    *out_ca = f->is_ca;
    *out_negative_len = f->bc_path_len_present && f->bc_path_len_raw < 0;
    return 1;
  }
  bc = FIRST_BC(c->sum);
  return bc != NULL && parse_bc(bc, c->sum, out_ca, out_negative_len);
}

/* The contents of the first element of the first basicConstraints value,
 * whatever its tag (Go's asn1.Unmarshal into a RawValue). */
static int bc_raw_contents(const cts_lint_cert *c, cts_der *out) {
  const cts_ext *bc = FIRST_BC(c->sum);
  cts_der v, whole;
  size_t header;
  if (bc == NULL) return 0;
  v = cts_summary_der(c->sum, bc->value);
  if (!cts_der_get_any_element(&v, &whole, NULL, &header)) return 0;
  out->data = whole.data + header;
  out->len = whole.len - header;
  return 1;
}

/* --- basicConstraints (RFC 5280 4.2.1.9) ------------------------------- */

static int applies_ca_with_bc(const cts_lint_cert *c) {
  return c->facts.is_ca && c->facts.bc_present;
}

/* RFC 5280 4.2.1.9: CAs "MUST mark the extension as critical". */
static cts_lint_status run_basic_constraints_not_critical(const cts_lint_cert *c) {
  return c->facts.bc_critical ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static int applies_sub_cert_with_bc(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->facts.bc_present;
}

/* BRs 7.1.2.7.6: basicConstraints MAY be present, and is critical. */
static cts_lint_status run_sub_cert_bc_not_critical(const cts_lint_cert *c) {
  return c->facts.bc_critical ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static int applies_bc(const cts_lint_cert *c) { return c->facts.bc_present; }

/* RFC 5280 4.2.1.9: "CAs MUST NOT include the pathLenConstraint field
 * unless the cA boolean is asserted and the key usage extension asserts
 * the keyCertSign bit." zlint reads "anything after an optional cA" as
 * the field. */
static cts_lint_status run_path_len_improperly_included(const cts_lint_cert *c) {
  cts_der seq, rest;
  int ca;
  if (!bc_raw_contents(c, &seq)) return CTS_LINT_FATAL;
  if (seq.len == 0) return CTS_LINT_PASS;
  rest = seq;
  if (cts_der_peek_tag(&rest, CTS_DER_BOOLEAN) && !cts_der_get_bool(&rest, &ca))
    return CTS_LINT_FATAL;
  if (rest.len > 0 &&
      (!c->facts.is_ca || !c->facts.ku_present || !ku_has(c, KU_KEY_CERT_SIGN)))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int applies_bc_valid(const cts_lint_cert *c) { return c->facts.bc_valid; }

/* RFC 5280 4.2.1.9: "Where it appears, the pathLenConstraint field MUST be
 * greater than or equal to zero." */
static cts_lint_status run_path_len_zero_or_less(const cts_lint_cert *c) {
  int ca, negative;
  if (!first_bc(c, &ca, &negative)) return CTS_LINT_FATAL;
  return negative ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int applies_root_with_bc(const cts_lint_cert *c) {
  return c->facts.is_root && c->facts.bc_present;
}

/* BRs 7.1.2.1 (a): "The pathLenConstraint field SHOULD NOT be present." */
static cts_lint_status run_root_path_len_present(const cts_lint_cert *c) {
  cts_der seq;
  int ca;
  if (!bc_raw_contents(c, &seq)) return CTS_LINT_FATAL;
  if (seq.len == 0) return CTS_LINT_PASS;
  /* zlint reads a mandatory cA BOOLEAN first. */
  if (!cts_der_get_bool(&seq, &ca)) return CTS_LINT_FATAL;
  return seq.len > 0 ? CTS_LINT_WARN : CTS_LINT_PASS;
}

static int applies_cert_sign_with_bc(const cts_lint_cert *c) {
  return c->facts.ku_present && ku_has(c, KU_KEY_CERT_SIGN) &&
         c->facts.bc_present;
}

/* BRs 7.1.2.1 (a), 7.1.2.2 (d): a CA certificate's cA field MUST be
 * TRUE; zlint treats a keyCertSign key as a CA's. */
static cts_lint_status run_ca_is_ca(const cts_lint_cert *c) {
  int ca, negative;
  if (!first_bc(c, &ca, &negative)) return CTS_LINT_FATAL;
  return ca ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static int applies_no_cert_sign_with_bc(const cts_lint_cert *c) {
  return c->facts.ku_present && !ku_has(c, KU_KEY_CERT_SIGN) &&
         c->facts.bc_present;
}

/* BRs 7.1.2.3 (d): a subscriber certificate's cA field MUST NOT be true;
 * zlint treats a key without keyCertSign as a subscriber's. */
static cts_lint_status run_sub_cert_not_is_ca(const cts_lint_cert *c) {
  int ca, negative;
  if (!first_bc(c, &ca, &negative)) return CTS_LINT_FATAL;
  return ca ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- keyUsage (RFC 5280 4.2.1.3) --------------------------------------- */

static int applies_ca_with_ku(const cts_lint_cert *c) {
  return c->facts.is_ca && c->facts.ku_present;
}

/* BRs 7.1.2.1 (b), 7.1.2.2 (e): keyUsage MUST be present in a CA
 * certificate; zlint reads "no bit set" as missing. */
static cts_lint_status run_ca_key_usage_missing(const cts_lint_cert *c) {
  return c->facts.ku_bits != 0 ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* BRs 7.1.2.1 (b), 7.1.2.2 (e): ... and MUST be marked critical. */
static cts_lint_status run_ca_key_usage_not_critical(const cts_lint_cert *c) {
  return c->facts.ku_critical ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* BRs 7.1.2.1 (b): keyCertSign MUST be set. */
static cts_lint_status run_ca_key_cert_sign_not_set(const cts_lint_cert *c) {
  return ku_has(c, KU_KEY_CERT_SIGN) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* BRs 7.1.2.10.7: cRLSign is required in a CA certificate. */
static cts_lint_status run_ca_crl_sign_not_set(const cts_lint_cert *c) {
  return ku_has(c, KU_CRL_SIGN) ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* BRs 7.1.2.1 (b): a CA key that signs OCSP responses needs
 * digitalSignature. */
static cts_lint_status run_ca_digital_signature_not_set(const cts_lint_cert *c) {
  return ku_has(c, KU_DIGITAL_SIGNATURE) ? CTS_LINT_PASS : CTS_LINT_INFO;
}

static int applies_ku(const cts_lint_cert *c) { return c->facts.ku_present; }

/* RFC 5280 4.2.1.9: without cA, keyCertSign MUST NOT be asserted. */
static cts_lint_status run_ku_cert_sign_without_ca(const cts_lint_cert *c) {
  if (!ku_has(c, KU_KEY_CERT_SIGN)) return CTS_LINT_PASS;
  return c->facts.bc_valid && c->facts.is_ca ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* RFC 5280 4.2.1.3: "at least one of the bits MUST be set to 1". */
static cts_lint_status run_ku_without_bits(const cts_lint_cert *c) {
  return c->facts.ku_bits != 0 ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* RFC 5280 4.2.1.3: "conforming CAs SHOULD mark this extension as
 * critical". */
static cts_lint_status run_ku_not_critical(const cts_lint_cert *c) {
  return c->facts.ku_critical ? CTS_LINT_PASS : CTS_LINT_WARN;
}

/* The raw extnValue of the first keyUsage extension. */
static cts_der ku_raw(const cts_lint_cert *c) {
  const cts_ext *ku = FIRST_KU(c->sum);
  cts_der v = {NULL, 0};
  if (ku != NULL) v = cts_summary_der(c->sum, ku->value);
  return v;
}

static int applies_ku_value(const cts_lint_cert *c) {
  return ku_raw(c).len > 0;
}

/* X.690 11.2.2 (DER): a named bit list has its trailing 0 bits removed, so
 * the unused-bits count equals the trailing zero bits of the value. zlint
 * reads the value as tag, one length octet, unused count, bits. */
static cts_lint_status run_incorrect_ku_encoding(const cts_lint_cert *c) {
  cts_der v = ku_raw(c);
  unsigned trailing = 0;
  size_t i;
  if (v.len < 4) return CTS_LINT_FATAL;
  for (i = v.len; i > 3 && v.data[i - 1] == 0; i--) trailing += 8;
  if (i == 3) trailing = 0; /* an all-zero value has no trailing zeros */
  else
    for (uint8_t b = v.data[i - 1]; (b & 1) == 0; b >>= 1) trailing++;
  return v.data[2] == trailing ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* X.690 11.2.2: no superfluous trailing zero octet. */
static cts_lint_status run_superfluous_ku_encoding(const cts_lint_cert *c) {
  cts_der v = ku_raw(c);
  return v.data[v.len - 1] != 0 ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* RFC 5280 4.2.1.3: KeyUsage names nine bits. zlint reads the BIT STRING,
 * shifts its octets right by the unused-bits count (the value's third
 * octet) and errs when what remains needs more than nine bits. */
static cts_lint_status run_ku_incorrect_length(const cts_lint_cert *c) {
  cts_der v = ku_raw(c), bits;
  unsigned unused;
  uint64_t value = 0;
  size_t i = 0;
  if (!cts_der_get_bit_string(&v, &bits, &unused)) return CTS_LINT_ERROR;
  unused = ku_raw(c).data[2];
  while (i < bits.len && bits.data[i] == 0) i++;
  /* big.Int.IsInt64: at most 63 significant bits */
  if (bits.len - i > 8 || (bits.len - i == 8 && (bits.data[i] & 0x80)))
    return CTS_LINT_ERROR;
  for (; i < bits.len; i++) value = (value << 8) | bits.data[i];
  value = unused >= 64 ? 0 : value >> unused;
  return value >= 512 ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int applies_root(const cts_lint_cert *c) { return c->facts.is_root; }

static int applies_root_with_ku(const cts_lint_cert *c) {
  return c->facts.is_root && c->facts.ku_present;
}

/* BRs 7.1.2.1 (b): a root's keyUsage MUST be present ... */
static cts_lint_status run_root_ku_present(const cts_lint_cert *c) {
  return c->facts.ku_present ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

/* ... and MUST be marked critical. */
static cts_lint_status run_root_ku_critical(const cts_lint_cert *c) {
  return c->facts.ku_critical ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static int applies_non_ca_with_ku(const cts_lint_cert *c) {
  return c->facts.ku_present && !c->facts.is_ca;
}

/* BRs 7.1.2.3 (e): keyCertSign and cRLSign MUST NOT be set. */
static cts_lint_status run_sub_cert_cert_sign_set(const cts_lint_cert *c) {
  return ku_has(c, KU_KEY_CERT_SIGN) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static cts_lint_status run_sub_cert_crl_sign_set(const cts_lint_cert *c) {
  return ku_has(c, KU_CRL_SIGN) ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- key usage per key algorithm (RFC 3279, RFC 5480, RFC 8813) --------- */

static int applies_rsa_ca_with_ku(const cts_lint_cert *c) {
  return c->sum->key_type == CTS_KEY_RSA && c->facts.ku_present &&
         c->facts.is_ca;
}

static int applies_rsa_ee_with_ku(const cts_lint_cert *c) {
  return c->sum->key_type == CTS_KEY_RSA && c->facts.ku_present &&
         c->facts.is_subscriber;
}

/* RFC 3279 2.3.1: an RSA CA key may have digitalSignature,
 * nonRepudiation, keyEncipherment, dataEncipherment, keyCertSign, cRLSign. */
static cts_lint_status run_rsa_allowed_ku_ca(const cts_lint_cert *c) {
  return ku_has(c, KU_KEY_AGREEMENT | KU_ENCIPHER_ONLY | KU_DECIPHER_ONLY)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* RFC 3279 2.3.1: an RSA end-entity key may have digitalSignature,
 * nonRepudiation, keyEncipherment, dataEncipherment. */
static cts_lint_status run_rsa_allowed_ku_ee(const cts_lint_cert *c) {
  return ku_has(c, KU_KEY_AGREEMENT | KU_KEY_CERT_SIGN | KU_CRL_SIGN |
                       KU_ENCIPHER_ONLY | KU_DECIPHER_ONLY)
             ? CTS_LINT_ERROR
             : CTS_LINT_PASS;
}

/* RFC 3279 2.3.1: with keyCertSign or cRLSign, keyEncipherment and
 * dataEncipherment SHOULD NOT be present. */
static cts_lint_status run_rsa_no_encipherment_ca(const cts_lint_cert *c) {
  if (ku_has(c, KU_KEY_CERT_SIGN | KU_CRL_SIGN) &&
      ku_has(c, KU_KEY_ENCIPHERMENT | KU_DATA_ENCIPHERMENT))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int applies_ecdsa_with_ku(const cts_lint_cert *c) {
  return c->sum->key_type == CTS_KEY_EC && c->facts.ku_present;
}

/* RFC 8813 3: with id-ecPublicKey, keyEncipherment and dataEncipherment
 * MUST NOT be present. */
static cts_lint_status run_ecdsa_allowed_ku(const cts_lint_cert *c) {
  return ku_has(c, KU_KEY_ENCIPHERMENT | KU_DATA_ENCIPHERMENT) ? CTS_LINT_ERROR
                                                               : CTS_LINT_PASS;
}

static int applies_ecdsa_ee(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->sum->key_type == CTS_KEY_EC &&
         c->facts.ku_present;
}

/* RFC 5480 3: an ECDSA end-entity key MAY have digitalSignature,
 * nonRepudiation and keyAgreement. */
static cts_lint_status run_ecdsa_ee_invalid_ku(const cts_lint_cert *c) {
  const unsigned allowed =
      KU_DIGITAL_SIGNATURE | KU_CONTENT_COMMITMENT | KU_KEY_AGREEMENT;
  return (c->facts.ku_bits & ~allowed) != 0 ? CTS_LINT_INFO : CTS_LINT_PASS;
}

/* --- extKeyUsage (RFC 5280 4.2.1.12, BRs 7.1.2) ------------------------- */

static int applies_eku(const cts_lint_cert *c) { return c->facts.eku_present; }

/* RFC 5280 4.2.1.12: "Conforming CAs SHOULD NOT mark this extension as
 * critical if the anyExtendedKeyUsage KeyPurposeId is present." */
static cts_lint_status run_eku_critical_improperly(const cts_lint_cert *c) {
  return c->facts.eku_critical && eku_has(c, CTS_EKU_ANY) ? CTS_LINT_WARN
                                                          : CTS_LINT_PASS;
}

static int applies_sub_cert_with_eku(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->facts.eku_present;
}

/* BRs 7.1.2.7.6: a subscriber certificate's extKeyUsage is not critical. */
static cts_lint_status run_eku_critical(const cts_lint_cert *c) {
  return c->facts.eku_critical ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* BRs 7.1.2.1 (d): a root's extKeyUsage MUST NOT be present. */
static cts_lint_status run_root_eku_present(const cts_lint_cert *c) {
  return c->facts.eku_present ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static int applies_sub_ca(const cts_lint_cert *c) { return c->facts.is_sub_ca; }

static int applies_sub_ca_with_eku(const cts_lint_cert *c) {
  return c->facts.is_sub_ca && c->facts.eku_present;
}

static int applies_sub_ca_with_known_eku(const cts_lint_cert *c) {
  return c->facts.is_sub_ca && c->facts.eku_known > 0;
}

/* BRs 7.1.2.2 (g): anyExtendedKeyUsage stands alone; with serverAuth,
 * emailProtection, codeSigning, timeStamping and OCSPSigning are
 * forbidden. */
static cts_lint_status run_ca_invalid_eku(const cts_lint_cert *c) {
  if (eku_has(c, CTS_EKU_ANY) && c->facts.eku_known > 1) return CTS_LINT_ERROR;
  if (eku_has(c, CTS_EKU_EMAIL_PROTECTION | CTS_EKU_CODE_SIGNING |
                     CTS_EKU_TIME_STAMPING | CTS_EKU_OCSP_SIGNING))
    return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

/* BRs 7.1.5: a technically constrained subordinate CA has extKeyUsage. */
static cts_lint_status run_sub_ca_eku_missing(const cts_lint_cert *c) {
  return c->facts.eku_present ? CTS_LINT_PASS : CTS_LINT_INFO;
}

/* BRs 7.1.2.2 (g): serverAuth or clientAuth makes it technically
 * constrained. */
static cts_lint_status run_sub_ca_eku_not_constrained(const cts_lint_cert *c) {
  return eku_has(c, CTS_EKU_SERVER_AUTH | CTS_EKU_CLIENT_AUTH) ? CTS_LINT_PASS
                                                               : CTS_LINT_INFO;
}

/* BRs 7.1.2.2 (g): "this extension SHOULD be marked non-critical". */
static cts_lint_status run_sub_ca_eku_critical(const cts_lint_cert *c) {
  return c->facts.eku_critical ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* Mozilla Root Store Policy 5.3: an intermediate MUST have an EKU, not
 * anyExtendedKeyUsage, and not both serverAuth and emailProtection. */
static cts_lint_status run_mp_allowed_eku(const cts_lint_cert *c) {
  if (c->facts.eku_known == 0 || eku_has(c, CTS_EKU_ANY) ||
      (eku_has(c, CTS_EKU_EMAIL_PROTECTION) &&
       eku_has(c, CTS_EKU_SERVER_AUTH)))
    return CTS_LINT_INFO;
  return CTS_LINT_PASS;
}

/* BRs 7.1.2.3 (f): a subscriber certificate's extKeyUsage is required. */
static cts_lint_status run_sub_cert_eku_missing(const cts_lint_cert *c) {
  return c->facts.eku_present ? CTS_LINT_PASS : CTS_LINT_ERROR;
}

static int applies_known_eku(const cts_lint_cert *c) {
  return c->facts.eku_known > 0;
}

/* BRs 7.1.2.3 (f): serverAuth or clientAuth or both MUST be present. */
static cts_lint_status run_sub_cert_eku_sa_ca_missing(const cts_lint_cert *c) {
  return eku_has(c, CTS_EKU_SERVER_AUTH | CTS_EKU_CLIENT_AUTH) ? CTS_LINT_PASS
                                                               : CTS_LINT_ERROR;
}

static int applies_sub_cert_with_known_eku(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->facts.eku_known > 0;
}

/* BRs 7.1.2.3 (f): values other than serverAuth, clientAuth and
 * emailProtection SHOULD NOT be present (zlint weighs zcrypto's known
 * EKUs only). */
static cts_lint_status run_sub_cert_eku_extra_values(const cts_lint_cert *c) {
  const uint32_t fine =
      CTS_EKU_SERVER_AUTH | CTS_EKU_CLIENT_AUTH | CTS_EKU_EMAIL_PROTECTION;
  return (c->facts.eku & ~(fine | CTS_EKU_UNKNOWN)) != 0 ? CTS_LINT_WARN
                                                         : CTS_LINT_PASS;
}

/* Whether an extKeyUsage value lists the OID given. */
static int eku_value_lists(cts_der v, const char *oid, size_t oid_len) {
  cts_der seq, one;
  if (!cts_der_get_element(&v, &seq, CTS_DER_SEQUENCE)) return 0;
  while (seq.len > 0 && cts_oid_next(&seq, &one))
    if (cts_oid_is(&one, oid, oid_len)) return 1;
  return 0;
}

/* Whether any extKeyUsage extension lists the OID given. */
static int eku_lists(const cts_summary *sum, const char *oid, size_t oid_len) {
  uint16_t pos = 0;
  const cts_ext *e;
  while ((e = next_eku_ext(sum, &pos)) != NULL)
    if (eku_value_lists(cts_summary_der(sum, e->value), oid, oid_len)) return 1;
  return 0;
}

/* BRs 7.1.2.7.10: serverAuth MUST be present, clientAuth MAY be;
 * anyExtendedKeyUsage, codeSigning, timeStamping, OCSPSigning,
 * emailProtection and the Precertificate Signing Certificate EKU MUST NOT
 * be; any other value is NOT RECOMMENDED. */
static cts_lint_status run_sub_cert_eku_check(const cts_lint_cert *c) {
  const cts_cert_facts *f = &c->facts;
  if (eku_has(c, CTS_EKU_ANY | CTS_EKU_CODE_SIGNING | CTS_EKU_TIME_STAMPING |
                     CTS_EKU_OCSP_SIGNING | CTS_EKU_EMAIL_PROTECTION))
    return CTS_LINT_ERROR;
  if (!eku_has(c, CTS_EKU_SERVER_AUTH)) return CTS_LINT_ERROR;
  if (f->eku_unknown > 0 &&
      eku_lists(c->sum, OID_EKU_PRECERT_SIGNING,
                CTS_OID_LEN(OID_EKU_PRECERT_SIGNING)))
    return CTS_LINT_ERROR;
  /* zlint's test, verbatim: more than two known values without clientAuth,
   * or any value zcrypto does not know. */
  if ((f->eku_known > 2 && !eku_has(c, CTS_EKU_CLIENT_AUTH)) ||
      f->eku_unknown > 0)
    return CTS_LINT_WARN;
  return CTS_LINT_PASS;
}

/* --- keyUsage against extKeyUsage (RFC 5280 4.2.1.12) ------------------- */

/* The key usage combinations RFC 5280 4.2.1.12 calls consistent with each
 * purpose, as zlint lists them (0-terminated). */
#define DS KU_DIGITAL_SIGNATURE
#define CC KU_CONTENT_COMMITMENT
#define KE KU_KEY_ENCIPHERMENT
#define KA KU_KEY_AGREEMENT
static const uint16_t k_server_auth_kus[] = {DS, KE, KA, DS | KE, DS | KA, 0};
static const uint16_t k_client_auth_kus[] = {DS, KA, DS | KA, 0};
static const uint16_t k_code_signing_kus[] = {DS, 0};
static const uint16_t k_email_kus[] = {
    DS,      CC,           KE,           KA,      DS | CC, DS | KE,
    DS | KA, DS | CC | KE, DS | CC | KA, CC | KE, CC | KA, 0};
static const uint16_t k_time_ocsp_kus[] = {DS, CC, DS | CC, 0};
#undef DS
#undef CC
#undef KE
#undef KA

/* The consistent combinations per purpose; index 0 for the purposes
 * zlint has no table for (they allow nothing under several purposes and
 * are skipped under one). */
static const uint16_t *const k_purpose_kus[] = {
    NULL, k_server_auth_kus, k_client_auth_kus, k_code_signing_kus,
    k_email_kus, k_time_ocsp_kus};

/* The k_purpose_kus index of one KeyPurposeId: the six purposes zlint
 * tabulates, 0 for anything else (zcrypto may or may not know it: the
 * caller counts known EKUs from the facts). */
static unsigned tabulated_purpose(const cts_der *oid) {
  static const uint8_t by_arc[] = {0, 1, 2, 3, 4, 0, 0, 0, 5, 5};
  size_t plen = CTS_OID_LEN(CTS_OID_EKU_PREFIX);
  if (oid->len == plen + 1 &&
      memcmp(oid->data, CTS_OID_EKU_PREFIX, plen) == 0 &&
      oid->data[plen] < sizeof(by_arc) / sizeof(by_arc[0]))
    return by_arc[oid->data[plen]];
  return 0;
}


/* A set of KeyUsage values (9 bits): membership bitmap plus the list. */
typedef struct ku_set {
  uint64_t member[8];
  uint16_t items[512];
  uint16_t n;
} ku_set;

static void ku_set_add(ku_set *s, uint16_t ku) {
  if (s->member[ku >> 6] & (1ull << (ku & 63))) return;
  s->member[ku >> 6] |= 1ull << (ku & 63);
  s->items[s->n++] = ku;
}

/* zlint's multiPurpose: per purpose, its first combination is added
 * alone, each later one is also OR-ed into every combination seen so far
 * (combinations of several purposes). */
static void ku_set_add_purpose(ku_set *s, const uint16_t *kus) {
  for (size_t i = 0; kus != NULL && kus[i] != 0; i++) {
    if (i > 0)
      for (uint16_t j = 0, n = s->n; j < n; j++)
        ku_set_add(s, (uint16_t)(s->items[j] | kus[i]));
    ku_set_add(s, kus[i]);
  }
}

static int ku_listed(const uint16_t *kus, uint16_t ku) {
  for (size_t i = 0; kus[i] != 0; i++)
    if (kus[i] == ku) return 1;
  return 0;
}

static int applies_sub_cert_ku_and_eku(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->facts.eku_present && c->facts.ku_present;
}

/* The multi-purpose set is a function of the sequence of tabulated
 * purposes alone, and certificates of one CA repeat the same sequence
 * (serverAuth, clientAuth): a few sets are kept per thread, keyed by the
 * sequence (up to MAX_SEQ purposes, 4 bits each, plus the count). */
#define MAX_SEQ 15
#define KU_SET_CACHE 4
typedef struct ku_set_cached {
  uint64_t key; /* 0: empty */
  uint64_t member[8];
} ku_set_cached;
static _Thread_local ku_set_cached g_ku_sets[KU_SET_CACHE];

/* RFC 5280 4.2.1.12: "If a certificate contains both a key usage extension
 * and an extended key usage extension, then both extensions MUST be
 * processed independently and the certificate MUST only be used for a
 * purpose consistent with both extensions." */
static cts_lint_status run_ku_eku_inconsistent(const cts_lint_cert *c) {
  const cts_summary *sum = c->sum;
  const uint16_t ku = c->facts.ku_bits;
  int multi = c->facts.eku_known > 1;
  unsigned seq[MAX_SEQ], n = 0, overflow = 0;
  uint64_t key;
  uint16_t pos = 0;
  const cts_ext *e;
  const uint64_t *member;
  ku_set *set, storage;
  /* zlint passes a multi-purpose certificate with any purpose it has no
   * table for (anyExtendedKeyUsage and zcrypto's other named EKUs). */
  if (multi && (c->facts.eku & (CTS_EKU_ANY | CTS_EKU_OTHER_KNOWN)))
    return CTS_LINT_PASS;
  if (!multi) {
    /* At most one known EKU, so at most one tabulated purpose, and the
     * facts' EKU bits (the same walk of the same extensions) name it:
     * its combinations must list the KeyUsage. */
    static const uint32_t bits[] = {0, CTS_EKU_SERVER_AUTH,
                                    CTS_EKU_CLIENT_AUTH, CTS_EKU_CODE_SIGNING,
                                    CTS_EKU_EMAIL_PROTECTION,
                                    CTS_EKU_TIME_STAMPING | CTS_EKU_OCSP_SIGNING};
    for (unsigned p = 1; p < sizeof(bits) / sizeof(bits[0]); p++)
      if ((c->facts.eku & bits[p]) && !ku_listed(k_purpose_kus[p], ku))
        return CTS_LINT_ERROR;
    return CTS_LINT_PASS;
  }
  if (c->facts.eku_known == 2) {
    /* Two known EKUs, both tabulated (no anyExtendedKeyUsage, no other
     * named EKU): the facts' bits name their tables. One table means it
     * twice (a purpose given twice, or timeStamping with OCSPSigning).
     * Their order does not change the set (the two orders of every pair
     * of tables give the same set, checked for all 25), so no walk is
     * needed to learn it. */
    static const uint32_t by_table[] = {
        0, CTS_EKU_SERVER_AUTH, CTS_EKU_CLIENT_AUTH, CTS_EKU_CODE_SIGNING,
        CTS_EKU_EMAIL_PROTECTION, CTS_EKU_TIME_STAMPING | CTS_EKU_OCSP_SIGNING};
    for (unsigned p = 1; p < sizeof(by_table) / sizeof(by_table[0]) && n < 2;
         p++)
      if (c->facts.eku & by_table[p]) seq[n++] = p;
    if (n == 1) seq[n++] = seq[0];
  }
  if (n == 0) {
    /* zcrypto's ExtKeyUsage order: the extensions', then the values'. */
    while ((e = next_eku_ext(sum, &pos)) != NULL) {
      cts_der v = cts_summary_der(sum, e->value), list, oid;
      if (!cts_der_get_element(&v, &list, CTS_DER_SEQUENCE)) continue;
      while (list.len > 0 && cts_oid_next(&list, &oid)) {
        unsigned p = tabulated_purpose(&oid);
        if (p == 0) continue; /* no table: adds nothing */
        if (n < MAX_SEQ) seq[n++] = p;
        else overflow = 1;
      }
    }
  }
  if (!overflow) {
    ku_set_cached *slot;
    key = n;
    for (unsigned i = 0; i < n; i++) key |= (uint64_t)seq[i] << (4 + 4 * i);
    key += 1; /* never 0 */
    slot = &g_ku_sets[(key ^ (key >> 7)) % KU_SET_CACHE];
    if (slot->key != key) {
      set = &storage;
      memset(set->member, 0, sizeof(set->member));
      set->n = 0;
      for (unsigned i = 0; i < n; i++)
        ku_set_add_purpose(set, k_purpose_kus[seq[i]]);
      memcpy(slot->member, set->member, sizeof(slot->member));
      slot->key = key;
    }
    member = slot->member;
  } else { /* too long to key: build the set from a second walk */
    set = &storage;
    memset(set->member, 0, sizeof(set->member));
    set->n = 0;
    pos = 0;
    while ((e = next_eku_ext(sum, &pos)) != NULL) {
      cts_der v = cts_summary_der(sum, e->value), list, oid;
      if (!cts_der_get_element(&v, &list, CTS_DER_SEQUENCE)) continue;
      while (list.len > 0 && cts_oid_next(&list, &oid))
        ku_set_add_purpose(set, k_purpose_kus[tabulated_purpose(&oid)]);
    }
    member = set->member;
  }
  return member[ku >> 6] & (1ull << (ku & 63)) ? CTS_LINT_PASS
                                               : CTS_LINT_ERROR;
}

/* --- extension encoding (RFC 5280 4.2, X.690 11.5) ---------------------- */

/* X.690 11.5: a DEFAULT value is not encoded, so critical FALSE is never
 * present in DER. */
static cts_lint_status run_cert_ext_invalid_der(const cts_lint_cert *c) {
  for (uint16_t i = 0; i < c->sum->n_exts; i++)
    if (c->sum->exts[i].critical_encoded && !c->sum->exts[i].critical)
      return CTS_LINT_ERROR;
  return CTS_LINT_PASS;
}

static int applies_v3(const cts_lint_cert *c) { return c->sum->version == 2; }

/* RFC 5280 4.2: "A certificate MUST NOT include more than one instance of
 * a particular extension." */
static cts_lint_status run_ext_duplicate_extension(const cts_lint_cert *c) {
  return c->sum->flags & CTS_SUM_DUPLICATE_EXT ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

/* --- the table --------------------------------------------------------- */

#define LINT(name, desc, cite, src, eff, inef, applies, run) \
  {name, desc, cite, src, eff, inef, applies, run, NULL}

static const cts_lint table[] = {
    LINT("e_basic_constraints_not_critical",
         "basicConstraints MUST appear as a critical extension",
         "RFC 5280: 4.2.1.9", CTS_SRC_RFC5280, RFC2459_DATE, 0,
         applies_ca_with_bc, run_basic_constraints_not_critical),
    LINT("e_ca_crl_sign_not_set",
         "Root and Subordinate CA certificate keyUsage extension's crlSign bit "
         "MUST be set",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_ca_with_ku, run_ca_crl_sign_not_set),
    LINT("e_ca_invalid_eku",
         "Checks that SubCA certificates do not contain forbidden values in "
         "their EKU extension.",
         "CABF BRs §7.1.2", CTS_SRC_CABF_BR, CABFBRS_1_7_1_DATE, 0,
         applies_sub_ca_with_known_eku, run_ca_invalid_eku),
    LINT("e_ca_is_ca",
         "Root and Sub CA Certificate: The CA field MUST be set to true.",
         "BRs: 7.1.2.1, BRs: 7.1.2.2", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_cert_sign_with_bc, run_ca_is_ca),
    LINT("e_ca_key_cert_sign_not_set",
         "Root CA Certificate: Bit positions for keyCertSign and cRLSign MUST "
         "be set.",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_ca_with_ku, run_ca_key_cert_sign_not_set),
    LINT("e_ca_key_usage_missing",
         "Root and Subordinate CA certificate keyUsage extension MUST be "
         "present",
         "BRs: 7.1.2.1, RFC 5280: 4.2.1.3", CTS_SRC_CABF_BR, RFC3280_DATE, 0,
         cts_applies_ca, run_ca_key_usage_missing),
    LINT("e_ca_key_usage_not_critical",
         "Root and Subordinate CA certificate keyUsage extension MUST be "
         "marked as critical",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_ca_with_ku, run_ca_key_usage_not_critical),
    LINT("n_ca_digital_signature_not_set",
         "Root and Subordinate CA Certificates that wish to use their private "
         "key for signing OCSP responses will not be able to without their "
         "digital signature set",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_ca_with_ku, run_ca_digital_signature_not_set),
    LINT("e_cert_ext_invalid_der",
         "Checks that the 'critical' flag of extensions is not FALSE when "
         "present (as per DER encoding)",
         "RFC 5280 $4.2", CTS_SRC_RFC5280, RFC5280_DATE, 0, NULL,
         run_cert_ext_invalid_der),
    LINT("e_ext_duplicate_extension",
         "A certificate MUST NOT include more than one instance of a "
         "particular extension",
         "RFC 5280: 4.2", CTS_SRC_RFC5280, RFC2459_DATE, 0, applies_v3,
         run_ext_duplicate_extension),
    LINT("e_eku_critical",
         "Subscriber Certificate extkeyUsage extension MUST NOT be marked "
         "critical",
         "BRs: 7.1.2.7.6", CTS_SRC_CABF_BR, SC62_EFFECTIVE_DATE, 0,
         applies_sub_cert_with_eku, run_eku_critical),
    LINT("w_eku_critical_improperly",
         "Conforming CAs SHOULD NOT mark extended key usage extension as "
         "critical if the anyExtendedKeyUsage KeyPurposedID is present",
         "RFC 5280: 4.2.1.12", CTS_SRC_RFC5280, RFC3280_DATE, 0, applies_eku,
         run_eku_critical_improperly),
    LINT("e_ext_key_usage_cert_sign_without_ca",
         "if the keyCertSign bit is asserted, then the cA bit in the basic "
         "constraints extension MUST also be asserted",
         "RFC 5280: 4.2.1.3 & 4.2.1.9", CTS_SRC_RFC5280, RFC3280_DATE, 0,
         applies_ku, run_ku_cert_sign_without_ca),
    LINT("e_ext_key_usage_without_bits",
         "When the keyUsage extension is included, at least one bit MUST be "
         "set to 1",
         "RFC 5280: 4.2.1.3", CTS_SRC_RFC5280, RFC5280_DATE, 0, applies_ku,
         run_ku_without_bits),
    LINT("w_ext_key_usage_not_critical",
         "The keyUsage extension SHOULD be critical", "RFC 5280: 4.2.1.3",
         CTS_SRC_RFC5280, RFC2459_DATE, 0, applies_ku, run_ku_not_critical),
    LINT("e_incorrect_ku_encoding",
         "RFC 5280 Section 4.2.1.3 describes the value of a KeyUsage to be a "
         "DER encoded BitString, which itself defines that all trailing 0 "
         "bits be counted as being \"unused\".",
         "Where ITU-T Rec. X.680 | ISO/IEC 8824-1, 21.7, applies, the "
         "bitstring shall have all trailing 0 bits removed before it is "
         "encoded.",
         CTS_SRC_RFC5280, 0, 0, applies_ku_value, run_incorrect_ku_encoding),
    LINT("e_superfluous_ku_encoding",
         "RFC 5280 Section 4.2.1.3 describes the value of a KeyUsage to be a "
         "DER encoded BitString, which itself must not have unnecessary "
         "trailing 00 bytes.",
         "1.2.2 Where Rec. ITU-T X.680 | ISO/IEC 8824-1, 22.7, applies, the "
         "bitstring shall have all trailing 0 bits removed before it is "
         "encoded.",
         CTS_SRC_RFC5280, 0, 0, applies_ku_value, run_superfluous_ku_encoding),
    LINT("e_key_usage_and_extended_key_usage_inconsistent",
         "The certificate MUST only be used for a purpose consistent with "
         "both key usage extension and extended key usage extension.",
         "RFC 5280, Section 4.2.1.12.", CTS_SRC_RFC5280, RFC5280_DATE, 0,
         applies_sub_cert_ku_and_eku, run_ku_eku_inconsistent),
    LINT("e_key_usage_incorrect_length",
         "The key usage is a bit string with exactly nine possible flags",
         "RFC 5280: 4.2.1.3", CTS_SRC_RFC5280, RFC5280_DATE, 0, applies_ku,
         run_ku_incorrect_length),
    LINT("e_path_len_constraint_improperly_included",
         "CAs MUST NOT include the pathLenConstraint field unless the CA "
         "boolean is asserted and the keyCertSign bit is set",
         "RFC 5280: 4.2.1.9", CTS_SRC_RFC5280, RFC3280_DATE, 0, applies_bc,
         run_path_len_improperly_included),
    LINT("e_path_len_constraint_zero_or_less",
         "Where it appears, the pathLenConstraint field MUST be greater than "
         "or equal to zero",
         "RFC 5280: 4.2.1.9", CTS_SRC_RFC5280, RFC2459_DATE, 0,
         applies_bc_valid, run_path_len_zero_or_less),
    LINT("e_root_ca_extended_key_usage_present",
         "Root CA Certificate: extendedKeyUsage MUST NOT be present.t",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0, applies_root,
         run_root_eku_present),
    LINT("e_root_ca_key_usage_must_be_critical",
         "Root CA certificates MUST have Key Usage Extension marked critical",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, RFC2459_DATE, 0,
         applies_root_with_ku, run_root_ku_critical),
    LINT("e_root_ca_key_usage_present",
         "Root CA certificates MUST have Key Usage Extension Present",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, RFC2459_DATE, 0, applies_root,
         run_root_ku_present),
    LINT("w_root_ca_basic_constraints_path_len_constraint_field_present",
         "Root CA certificate basicConstraint extension pathLenConstraint "
         "field SHOULD NOT be present",
         "BRs: 7.1.2.1", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_root_with_bc, run_root_path_len_present),
    LINT("e_rsa_allowed_ku_ca",
         "Key usage values digitalSignature, nonRepudiation, keyEncipherment, "
         "dataEncipherment, keyCertSign, and cRLSign may only be present in a "
         "CA certificate with an RSA key",
         "RFC 3279: 2.3.1", CTS_SRC_RFC3279, RFC3279_DATE, 0,
         applies_rsa_ca_with_ku, run_rsa_allowed_ku_ca),
    LINT("e_rsa_allowed_ku_ee",
         "Key usage values digitalSignature, nonRepudiation, keyEncipherment, "
         "and dataEncipherment may only be present in an end entity "
         "certificate with an RSA key",
         "RFC 3279: 2.3.1", CTS_SRC_RFC3279, RFC3279_DATE, 0,
         applies_rsa_ee_with_ku, run_rsa_allowed_ku_ee),
    LINT("e_rsa_allowed_ku_no_encipherment_ca",
         "If Key usage value keyCertSign or cRLSign is present in a CA "
         "certificate both keyEncipherment and dataEncipherment SHOULD NOT be "
         "present",
         "RFC 3279: 2.3.1", CTS_SRC_RFC3279, RFC3279_DATE, 0,
         applies_rsa_ca_with_ku, run_rsa_no_encipherment_ca),
    LINT("e_ecdsa_allowed_ku",
         "Key usage values keyEncipherment or dataEncipherment MUST NOT be "
         "present in certificates with ECDSA public keys",
         "RFC 8813 Section 3", CTS_SRC_RFC8813, RFC8813_DATE, 0,
         applies_ecdsa_with_ku, run_ecdsa_allowed_ku),
    LINT("n_ecdsa_ee_invalid_ku",
         "ECDSA end-entity certificates MAY have key usages: digitalSignature, "
         "nonRepudiation and keyAgreement",
         "RFC 5480 Section 3", CTS_SRC_RFC5480, CAB_EFFECTIVE_DATE, 0,
         applies_ecdsa_ee, run_ecdsa_ee_invalid_ku),
    LINT("n_mp_allowed_eku",
         "A SubCA certificate must not have key usage that allows for both "
         "server auth and email protection, and must not use anyExtendedKeyUsage",
         "Mozilla Root Store Policy / Section 5.3", CTS_SRC_MOZILLA,
         MOZILLA_EKU_DATE, 0, applies_sub_ca, run_mp_allowed_eku),
    LINT("n_sub_ca_eku_missing",
         "To be considered Technically Constrained, the Subordinate CA "
         "certificate MUST have extkeyUsage extension",
         "BRs: 7.1.5", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0, applies_sub_ca,
         run_sub_ca_eku_missing),
    LINT("n_sub_ca_eku_not_technically_constrained",
         "Subordinate CA extkeyUsage, either id-kp-serverAuth or "
         "id-kp-clientAuth or both values MUST be present to be technically "
         "constrained.",
         "BRs: 7.1.2.2", CTS_SRC_CABF_BR, CAB_V116_DATE, 0,
         applies_sub_ca_with_eku, run_sub_ca_eku_not_constrained),
    LINT("w_sub_ca_eku_critical",
         "Subordinate CA certificate extkeyUsage extension should be marked "
         "non-critical if present",
         "BRs: 7.1.2.2", CTS_SRC_CABF_BR, CAB_V116_DATE, 0,
         applies_sub_ca_with_eku, run_sub_ca_eku_critical),
    LINT("e_sub_cert_basic_constraints_not_critical",
         "basicConstraints MAY appear in the certificate, and when it is "
         "included MUST be marked as critical",
         "CA/Browser Forum BRs: 7.1.2.7.6", CTS_SRC_CABF_BR,
         SC62_EFFECTIVE_DATE, 0, applies_sub_cert_with_bc,
         run_sub_cert_bc_not_critical),
    LINT("e_sub_cert_eku_check",
         "Subscriber certificates MUST have id-kp-serverAuth and MAY have "
         "id-kp-clientAuth present in extKeyUsage",
         "BRs: 7.1.2.7.10 Subscriber Certificate Extended Key Usage",
         CTS_SRC_CABF_BR, CABFBRS_2_0_0_DATE, 0, applies_sub_cert_with_eku,
         run_sub_cert_eku_check),
    LINT("e_sub_cert_eku_missing",
         "Subscriber certificates MUST have the extended key usage extension "
         "present",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         cts_applies_not_ca, run_sub_cert_eku_missing),
    LINT("e_sub_cert_eku_server_auth_client_auth_missing",
         "Subscriber certificates MUST have either id-kp-serverAuth or "
         "id-kp-clientAuth or both present in extKeyUsage",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE,
         CABFBRS_2_0_0_DATE, applies_known_eku, run_sub_cert_eku_sa_ca_missing),
    LINT("w_sub_cert_eku_extra_values",
         "Subscriber Certificate: extKeyUsage values other than "
         "id-kp-serverAuth, id-kp-clientAuth, and id-kp-emailProtection "
         "SHOULD NOT be present.",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE,
         CABFBRS_2_0_0_DATE, applies_sub_cert_with_known_eku,
         run_sub_cert_eku_extra_values),
    LINT("e_sub_cert_key_usage_cert_sign_bit_set",
         "Subscriber Certificate: keyUsage if present, bit positions for "
         "keyCertSign and cRLSign MUST NOT be set.",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_non_ca_with_ku, run_sub_cert_cert_sign_set),
    LINT("e_sub_cert_key_usage_crl_sign_bit_set",
         "Subscriber Certificate: keyUsage if present, bit positions for "
         "keyCertSign and cRLSign MUST NOT be set.",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_non_ca_with_ku, run_sub_cert_crl_sign_set),
    LINT("e_sub_cert_not_is_ca",
         "Subscriber Certificate: basicContrainsts cA field MUST NOT be true.",
         "BRs: 7.1.2.3", CTS_SRC_CABF_BR, CAB_EFFECTIVE_DATE, 0,
         applies_no_cert_sign_with_bc, run_sub_cert_not_is_ca),
};

CTS_GROUP(ca, table);
