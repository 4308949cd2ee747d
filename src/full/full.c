/* OpenSSL's parse, for full lints and for facts the summary cannot decide. */
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "ctscan/der.h"
#include "ctscan/full.h"

/* Writes a DER length (X.690 8.1.3) and returns its size. */
static size_t put_length(uint8_t *p, size_t len) {
  if (len < 0x80) {
    p[0] = (uint8_t)len;
    return 1;
  }
  size_t n = 0;
  for (size_t v = len; v > 0; v >>= 8) n++;
  p[0] = (uint8_t)(0x80 | n);
  for (size_t i = 0; i < n; i++) p[1 + i] = (uint8_t)(len >> (8 * (n - 1 - i)));
  return 1 + n;
}

/* Certificate ::= SEQUENCE { tbs, signatureAlgorithm, BIT STRING '' } */
static uint8_t *wrap_tbs(const cts_summary *sum, size_t *out_len) {
  size_t body = sum->tbs.len + sum->tbs_sig_alg.len + 3;
  uint8_t *buf = malloc(body + 6), *p;
  if (buf == NULL) return NULL;
  p = buf;
  *p++ = 0x30;
  p += put_length(p, body);
  memcpy(p, sum->der + sum->tbs.off, sum->tbs.len);
  p += sum->tbs.len;
  memcpy(p, sum->der + sum->tbs_sig_alg.off, sum->tbs_sig_alg.len);
  p += sum->tbs_sig_alg.len;
  *p++ = 0x03, *p++ = 0x01, *p++ = 0x00;
  *out_len = (size_t)(p - buf);
  return buf;
}

static void set_self_signed(cts_lint_cert *cert, int self_signed) {
  cts_cert_facts *f = &cert->facts;
  f->self_signed = (uint8_t)self_signed;
  f->is_subscriber = !f->is_ca && !f->self_signed;
  f->is_root = f->is_ca && f->self_signed;
  f->is_sub_ca = f->is_ca && !f->self_signed;
}

/* How zcrypto checks a signature (x509.CheckSignatureFromKey): the
 * algorithms it verifies, named by the outer signatureAlgorithm. */
typedef enum sig_kind {
  SIG_UNSUPPORTED = 0, /* MD2, SHA-224, unknown OIDs: never verifies */
  SIG_DIGEST,          /* PKCS #1 v1.5, DSA or ECDSA over a digest */
  SIG_ED25519,
  SIG_RSA_PSS,
} sig_kind;

typedef struct sig_alg {
  const char *oid;
  size_t oid_len;
  sig_kind kind;
  const EVP_MD *(*md)(void);
} sig_alg;

#define SIG(oid, kind, md) {oid, sizeof(oid) - 1, kind, md}

static sig_kind sig_kind_of(const cts_der *oid, const EVP_MD **out_md) {
  static const sig_alg algs[] = {
      /* RFC 3279 2.2.1, RFC 4055 5: md5/sha1/sha256/384/512WithRSA */
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x04", SIG_DIGEST, EVP_md5),
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x05", SIG_DIGEST, EVP_sha1),
      SIG("\x2b\x0e\x03\x02\x1d", SIG_DIGEST, EVP_sha1), /* OIW sha1RSA */
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b", SIG_DIGEST, EVP_sha256),
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0c", SIG_DIGEST, EVP_sha384),
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0d", SIG_DIGEST, EVP_sha512),
      SIG("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a", SIG_RSA_PSS, NULL),
      /* RFC 3279 2.2.2, RFC 5758 3.1: dsa-with-sha1, dsa-with-sha256 */
      SIG("\x2a\x86\x48\xce\x38\x04\x03", SIG_DIGEST, EVP_sha1),
      SIG("\x60\x86\x48\x01\x65\x03\x04\x03\x02", SIG_DIGEST, EVP_sha256),
      /* RFC 3279 2.2.3, RFC 5758 3.2: ecdsa-with-SHA1/256/384/512 */
      SIG("\x2a\x86\x48\xce\x3d\x04\x01", SIG_DIGEST, EVP_sha1),
      SIG("\x2a\x86\x48\xce\x3d\x04\x03\x02", SIG_DIGEST, EVP_sha256),
      SIG("\x2a\x86\x48\xce\x3d\x04\x03\x03", SIG_DIGEST, EVP_sha384),
      SIG("\x2a\x86\x48\xce\x3d\x04\x03\x04", SIG_DIGEST, EVP_sha512),
      /* RFC 8410 3: id-Ed25519 */
      SIG("\x2b\x65\x70", SIG_ED25519, NULL),
  };
  for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
    if (cts_der_oid_equal(oid, (const uint8_t *)algs[i].oid, algs[i].oid_len)) {
      *out_md = algs[i].md != NULL ? algs[i].md() : NULL;
      return algs[i].kind;
    }
  return SIG_UNSUPPORTED;
}

/* zcrypto's parsePublicKey knows RSA (rsaEncryption), DSA, ECDSA and
 * Ed25519 keys; with any other key CheckSignature fails. */
static int key_supported(const EVP_PKEY *key) {
  int id = EVP_PKEY_get_base_id(key);
  return id == EVP_PKEY_RSA || id == EVP_PKEY_DSA || id == EVP_PKEY_EC ||
         id == EVP_PKEY_ED25519;
}

/* Go's crypto/dsa Verify (which zcrypto calls) rejects a q whose bit length
 * is not a multiple of 8 and reduces the whole digest modulo q instead of
 * truncating it to q's length (FIPS 186-4 4.6), so a digest longer than q
 * never verifies there; OpenSSL truncates. */
static int go_dsa_digest_ok(const EVP_PKEY *key, const EVP_MD *md) {
  BIGNUM *q = NULL;
  int q_bits, ok;
  if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_FFC_Q, &q)) return 0;
  q_bits = BN_num_bits(q);
  BN_free(q);
  ok = q_bits % 8 == 0 && EVP_MD_get_size(md) * 8 <= q_bits;
  return ok;
}

/* Verifies the certificate's signature over the TBS bytes with its own
 * key, as zcrypto does: the signature algorithm picks the digest, the key
 * picks the scheme, and the two AlgorithmIdentifiers are not compared
 * (OpenSSL's X509_verify refuses a mismatch). zcrypto takes the algorithm
 * from the TBS's signature field (its SignatureAlgorithm), so that copy is
 * read here; the two differ only on certificates
 * e_cert_sig_alg_not_match_tbs_sig_alg flags. RSASSA-PSS, rare in the web
 * PKI, is left to X509_verify. */
static int verify_own_signature(const cts_summary *sum, X509 *x) {
  cts_der alg = cts_summary_der(sum, sum->tbs_sig_alg), body, oid;
  const uint8_t *spki = sum->der + sum->spki.off;
  const EVP_MD *md = NULL;
  EVP_PKEY *key;
  EVP_MD_CTX *ctx;
  sig_kind kind;
  int ok = 0;
  if (!cts_der_get_element(&alg, &body, CTS_DER_SEQUENCE) ||
      !cts_der_get_oid(&body, &oid))
    return 0;
  kind = sig_kind_of(&oid, &md);
  if (kind == SIG_UNSUPPORTED) return 0;
  key = d2i_PUBKEY(NULL, &spki, (long)sum->spki.len);
  if (key == NULL) return 0;
  if (!key_supported(key)) goto free_key;
  if (kind == SIG_RSA_PSS) {
    ok = x != NULL && X509_verify(x, key) == 1;
    goto free_key;
  }
  if ((kind == SIG_ED25519) != (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519))
    goto free_key;
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_DSA && !go_dsa_digest_ok(key, md))
    goto free_key;
  ctx = EVP_MD_CTX_new();
  if (ctx == NULL) goto free_key;
  ok = EVP_DigestVerifyInit(ctx, NULL, md, NULL, key) == 1 &&
       EVP_DigestVerify(ctx, sum->der + sum->signature.off, sum->signature.len,
                        sum->der + sum->tbs.off, sum->tbs.len) == 1;
  EVP_MD_CTX_free(ctx);
free_key:
  EVP_PKEY_free(key);
  ERR_clear_error(); /* a failed verification is an answer, not an error */
  return ok;
}

cts_status cts_full_parse(cts_lint_cert *cert) {
  const cts_summary *sum = cert->sum;
  uint8_t *wrapped = NULL;
  const uint8_t *der = sum->der + sum->cert.off, *p;
  size_t len = sum->cert.len;
  X509 *x;
  if (sum->flags & CTS_SUM_IS_TBS) {
    wrapped = wrap_tbs(sum, &len);
    if (wrapped == NULL) return CTS_ERR_NOMEM;
    der = wrapped;
  }
  p = der;
  x = d2i_X509(NULL, &p, (long)len);
  free(wrapped);
  /* zcrypto's SelfSigned: issuer == subject (bytes) and the signature
   * verifies with the certificate's own key. A TBS alone has no signature
   * to verify. Decided even where OpenSSL rejects the certificate. */
  if (cert->facts.subject_is_issuer && !(sum->flags & CTS_SUM_IS_TBS))
    set_self_signed(cert, verify_own_signature(sum, x));
  if (x == NULL) return CTS_ERR_FORMAT;
  cert->x509 = x;
  return CTS_OK;
}

void cts_full_release(cts_lint_cert *cert) {
  X509_free((X509 *)cert->x509);
  cert->x509 = NULL;
}
