/* OpenSSL's parse, for full lints and for facts the summary cannot decide. */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

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
  if (x == NULL) return CTS_ERR_FORMAT;
  cert->x509 = x;
  /* zcrypto's SelfSigned: issuer == subject and the signature verifies with
   * the certificate's own key. A TBS alone has no signature to verify. */
  if (cert->facts.subject_is_issuer && !(sum->flags & CTS_SUM_IS_TBS)) {
    EVP_PKEY *key = X509_get0_pubkey(x);
    set_self_signed(cert, key != NULL && X509_verify(x, key) == 1);
  }
  return CTS_OK;
}

void cts_full_release(cts_lint_cert *cert) {
  X509_free((X509 *)cert->x509);
  cert->x509 = NULL;
}
