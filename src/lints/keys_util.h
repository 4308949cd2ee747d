/* Helpers shared by the "keys" and "time" lint groups (keys.c, time.c,
 * ctscan.c, keys_full.c): algorithm identifiers as zcrypto classifies them,
 * integers read from their DER contents, and the validity times as Go's
 * parser reads them. Everything here reads summary spans with the DER
 * cursor and allocates nothing. */
#ifndef CTSCAN_LINTS_KEYS_UTIL_H
#define CTSCAN_LINTS_KEYS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/summary.h"

/* Object identifiers these groups match (DER contents). */
/* RFC 8017 A.1: rsaEncryption 1.2.840.113549.1.1.1, id-RSASSA-PSS .1.10,
 * id-mgf1 .1.8; PKCS #1 v1.5 signatures .1.2 (MD2), .1.4 (MD5), .1.5
 * (SHA-1), .1.11/.12/.13 (SHA-256/384/512), .1.14 (SHA-224) */
#define CTS_KEYS_OID_PKCS1_PREFIX "\x2a\x86\x48\x86\xf7\x0d\x01\x01"
#define CTS_KEYS_OID_RSA_PSS "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a"
#define CTS_KEYS_OID_MGF1 "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x08"
/* OIW sha1WithRSASignature 1.3.14.3.2.29 (makecert.exe) */
#define CTS_KEYS_OID_ISO_SHA1_RSA "\x2b\x0e\x03\x02\x1d"
/* RFC 3279 2.2.2 id-dsa-with-sha1 1.2.840.10040.4.3; RFC 5758 3.1
 * id-dsa-with-sha256 2.16.840.1.101.3.4.3.2 */
#define CTS_KEYS_OID_DSA_SHA1 "\x2a\x86\x48\xce\x38\x04\x03"
#define CTS_KEYS_OID_DSA_SHA256 "\x60\x86\x48\x01\x65\x03\x04\x03\x02"
/* RFC 3279 2.2.3 ecdsa-with-SHA1 1.2.840.10045.4.1; RFC 5758 3.2
 * ecdsa-with-SHA224..512 1.2.840.10045.4.3.1..4 */
#define CTS_KEYS_OID_ECDSA_SHA1 "\x2a\x86\x48\xce\x3d\x04\x01"
#define CTS_KEYS_OID_ECDSA_SHA2_PREFIX "\x2a\x86\x48\xce\x3d\x04\x03"
/* NIST hash algorithms 2.16.840.1.101.3.4.2.1/2/3 (SHA-256/384/512) */
#define CTS_KEYS_OID_HASH_PREFIX "\x60\x86\x48\x01\x65\x03\x04\x02"
/* RFC 8410 id-X25519 1.3.101.110 */
#define CTS_KEYS_OID_X25519 "\x2b\x65\x6e"

int cts_keys_oid_is(const cts_der *oid, const char *bytes, size_t len);
#define CTS_KEYS_OID_IS(d, X) cts_keys_oid_is((d), X, sizeof(X) - 1)

/* zcrypto's SignatureAlgorithm values (x509.GetSignatureAlgorithmFromAI). */
typedef enum cts_keys_sig_alg {
  CTS_SIG_UNKNOWN = 0,
  CTS_SIG_MD2_RSA,
  CTS_SIG_MD5_RSA,
  CTS_SIG_SHA1_RSA,
  CTS_SIG_SHA256_RSA,
  CTS_SIG_SHA384_RSA,
  CTS_SIG_SHA512_RSA,
  CTS_SIG_DSA_SHA1,
  CTS_SIG_DSA_SHA256,
  CTS_SIG_ECDSA_SHA1,
  CTS_SIG_ECDSA_SHA256,
  CTS_SIG_ECDSA_SHA384,
  CTS_SIG_ECDSA_SHA512,
  CTS_SIG_SHA256_RSA_PSS,
  CTS_SIG_SHA384_RSA_PSS,
  CTS_SIG_SHA512_RSA_PSS,
  CTS_SIG_ED25519,
} cts_keys_sig_alg;

/* The certificate's signature algorithm as zcrypto names it: read from the
 * TBSCertificate's signature field; RSASSA-PSS only with parameters of the
 * three shapes zcrypto accepts. */
cts_keys_sig_alg cts_keys_signature_algorithm(const cts_summary *sum);

/* The SubjectPublicKeyInfo algorithm OID (contents). */
cts_der cts_keys_spki_oid(const cts_summary *sum);

/* zcrypto holds an *rsa.PublicKey: rsaEncryption with an RSAPublicKey that
 * parses, modulus and exponent positive (x509.parsePublicKey). */
int cts_keys_rsa_parsed(const cts_summary *sum);

/* Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER } in the
 * algorithm parameters and DSAPublicKey ::= INTEGER in the BIT STRING
 * (RFC 3279 2.3.2). zcrypto reads a DSA key only when all four parse and
 * are positive; so does cts_keys_dsa_parse. */
typedef struct cts_keys_dsa {
  cts_der p, q, g, y;
} cts_keys_dsa;
int cts_keys_dsa_parse(const cts_summary *sum, cts_keys_dsa *out);

/* INTEGER contents without redundant leading octets (minimal two's
 * complement, X.690 8.3.2); at least one octet when contents has one. */
cts_der cts_keys_int_minimal(cts_der contents);
/* Octets of an INTEGER's magnitude (leading zero octets skipped) for a
 * non-negative value. */
cts_der cts_keys_int_magnitude(cts_der contents);
/* Bit length of a non-negative INTEGER (0 for zero). */
size_t cts_keys_int_bits(cts_der contents);
/* Compares a non-negative INTEGER with v: -1, 0, 1. */
int cts_keys_int_cmp_u64(cts_der contents, uint64_t v);

/* 1 when a prime below 752 divides the non-negative INTEGER n (zlint
 * util.PrimeNoSmallerThan752 is its negation). About 3,500 32-bit
 * multiply-adds for a 2048-bit modulus, no division by a variable. */
int cts_keys_has_factor_below_752(cts_der n);

/* Validity times read as zcrypto reads them (Go's encoding/asn1: UTCTime
 * with or without seconds, either form with a time zone offset;
 * GeneralizedTime with optional fractional seconds and offset). For a
 * time the sieve read (strict RFC 5280 form) this is the sieve's value. */
int cts_keys_not_before(const cts_summary *sum, int64_t *out);
int cts_keys_not_after(const cts_summary *sum, int64_t *out);
/* The same for a linted certificate, as a value (when even the lenient
 * reading fails it is the sieve's value). */
static inline int64_t cts_keys_cert_not_before(const cts_lint_cert *c) {
  int64_t t;
  (void)cts_keys_not_before(c->sum, &t);
  return t;
}
static inline int64_t cts_keys_cert_not_after(const cts_lint_cert *c) {
  int64_t t;
  (void)cts_keys_not_after(c->sum, &t);
  return t;
}

/* One Time of the Validity: its tag and contents. which: 0 notBefore,
 * 1 notAfter. */
int cts_keys_validity_time(const cts_summary *sum, int which, uint32_t *out_tag,
                           cts_der *out_contents);

/* Go's t.AddDate(0, months, 0) in UTC: the month moves, the day and the
 * clock stay, and an overflowing day carries into the next month. */
int64_t cts_keys_add_months(int64_t t, int months);

#endif
