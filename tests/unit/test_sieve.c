/* The sieve against OpenSSL on every corpus certificate OpenSSL parses
 * (serial, dNSNames, key size, validity), plus structural edge cases. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "ctscan/sieve.h"
#include "test.h"

#define ZLINT_DIR "corpus/zlint"

static unsigned char *pem_to_der(const char *path, long *out_len) {
  BIO *bio = BIO_new_file(path, "r");
  char *name = NULL, *header = NULL;
  unsigned char *der = NULL;
  if (bio == NULL) return NULL;
  if (!PEM_bytes_read_bio(&der, out_len, &name, PEM_STRING_X509, bio, NULL,
                          NULL))
    der = NULL;
  OPENSSL_free(name);
  OPENSSL_free(header);
  BIO_free(bio);
  return der;
}

static void strip_zeros(const unsigned char **p, size_t *n) {
  while (*n > 0 && (*p)[0] == 0) (*p)++, (*n)--;
}

/* 1 when the sieve and OpenSSL agree on the serial's magnitude. */
static int same_serial(const cts_summary *sum, X509 *x) {
  const ASN1_INTEGER *serial = X509_get0_serialNumber(x);
  const unsigned char *a = sum->der + sum->serial.off, *b = serial->data;
  size_t an = sum->serial.len, bn = (size_t)serial->length;
  if (an > 0 && (a[0] & 0x80)) return serial->type == V_ASN1_NEG_INTEGER;
  strip_zeros(&a, &an);
  strip_zeros(&b, &bn);
  return an == bn && memcmp(a, b, an) == 0;
}

static int same_dns_names(const cts_summary *sum, X509 *x) {
  GENERAL_NAMES *names = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
  int k = 0, ok = 1;
  for (int i = 0; names != NULL && i < sk_GENERAL_NAME_num(names); i++) {
    const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, i);
    if (gn->type != GEN_DNS) continue;
    while (k < sum->n_sans && sum->sans[k].type != CTS_GN_DNS) k++;
    if (k == sum->n_sans) {
      ok = 0;
      break;
    }
    const ASN1_STRING *s = gn->d.dNSName;
    if ((size_t)ASN1_STRING_length(s) != sum->sans[k].value.len ||
        memcmp(ASN1_STRING_get0_data(s), sum->der + sum->sans[k].value.off,
               sum->sans[k].value.len) != 0)
      ok = 0;
    k++;
  }
  if (names == NULL) return 1; /* OpenSSL could not decode: nothing to compare */
  while (ok && k < sum->n_sans)
    if (sum->sans[k++].type == CTS_GN_DNS) ok = 0;
  GENERAL_NAMES_free(names);
  return ok;
}

static int same_time(const ASN1_TIME *t, int64_t unix_seconds) {
  struct tm tm;
  if (!ASN1_TIME_to_tm(t, &tm)) return 1; /* OpenSSL cannot say */
  return (int64_t)timegm(&tm) == unix_seconds;
}

static int same_key_size(const cts_summary *sum, X509 *x) {
  EVP_PKEY *key = X509_get0_pubkey(x);
  if (key == NULL) return 1;
  if (EVP_PKEY_base_id(key) == EVP_PKEY_RSA)
    return sum->key_type == CTS_KEY_RSA && EVP_PKEY_bits(key) == sum->key_size;
  if (EVP_PKEY_base_id(key) == EVP_PKEY_EC)
    return sum->key_type == CTS_KEY_EC &&
           (sum->curve == CTS_CURVE_OTHER || EVP_PKEY_bits(key) == sum->key_size);
  return 1;
}

static void test_against_openssl(void) {
  DIR *dir = opendir(ZLINT_DIR);
  struct dirent *de;
  cts_summary *sum = malloc(sizeof(*sum));
  int compared = 0, mismatches = 0, sieve_only_rejects = 0;
  CU_ASSERT_FATAL(dir != NULL && sum != NULL);
  while ((de = readdir(dir)) != NULL) {
    char path[512];
    long len = 0;
    unsigned char *der;
    const unsigned char *p;
    const char *reason = NULL;
    X509 *x;
    int ok;
    if (strstr(de->d_name, ".pem") == NULL) continue;
    snprintf(path, sizeof(path), "%s/%s", ZLINT_DIR, de->d_name);
    der = pem_to_der(path, &len);
    if (der == NULL) continue;
    p = der;
    x = d2i_X509(NULL, &p, len);
    ok = cts_sieve_summarize(der, (size_t)len, 0, sum, &reason);
    if (x != NULL && p == der + len) {
      if (!ok) {
        sieve_only_rejects++;
        fprintf(stderr, "\n  sieve rejects %s: %s", de->d_name, reason);
      } else {
        compared++;
        if (!same_serial(sum, x) || !same_dns_names(sum, x) ||
            !same_key_size(sum, x) ||
            (!(sum->flags & CTS_SUM_BAD_NOT_BEFORE) &&
             !same_time(X509_get0_notBefore(x), sum->not_before)) ||
            (!(sum->flags & CTS_SUM_BAD_NOT_AFTER) &&
             !same_time(X509_get0_notAfter(x), sum->not_after))) {
          mismatches++;
          fprintf(stderr, "\n  sieve differs from OpenSSL on %s", de->d_name);
        }
      }
    }
    X509_free(x);
    OPENSSL_free(der);
  }
  closedir(dir);
  free(sum);
  fprintf(stderr, "\n  sieve vs OpenSSL: %d certificates compared ", compared);
  CU_ASSERT(compared > 1000);
  CU_ASSERT_EQUAL(mismatches, 0);
  CU_ASSERT_EQUAL(sieve_only_rejects, 0);
}

/* Every prefix of a real certificate is rejected without a fault, and so
 * is every single-byte change that breaks the structure (ASan checks the
 * reads). */
static void test_truncations_and_flips(void) {
  long len = 0;
  unsigned char *der = pem_to_der(ZLINT_DIR "/subCaEmptySubject.pem", &len);
  cts_summary *sum = malloc(sizeof(*sum));
  const char *reason;
  CU_ASSERT_FATAL(der != NULL && sum != NULL);
  CU_ASSERT_TRUE(cts_sieve_summarize(der, (size_t)len, 0, sum, &reason));
  for (long n = 0; n < len; n++) {
    unsigned char *copy = malloc((size_t)(n > 0 ? n : 1));
    memcpy(copy, der, (size_t)n);
    reason = NULL;
    CU_ASSERT_FALSE(cts_sieve_summarize(copy, (size_t)n, 0, sum, &reason));
    CU_ASSERT_PTR_NOT_NULL(reason);
    free(copy);
  }
  for (long i = 0; i < len; i++) {
    for (int bit = 0; bit < 8; bit++) {
      unsigned char *copy = malloc((size_t)len);
      memcpy(copy, der, (size_t)len);
      copy[i] ^= (unsigned char)(1u << bit);
      (void)cts_sieve_summarize(copy, (size_t)len, 0, sum, &reason);
      free(copy);
    }
  }
  free(sum);
  OPENSSL_free(der);
}

/* A TBSCertificate alone (precert entries) parses as a TBS, not as a
 * certificate, and the TBS of a certificate gives the same fields. */
static void test_tbs_only(void) {
  long len = 0;
  unsigned char *der = pem_to_der(ZLINT_DIR "/dnsNameWildcardOnlyInLeftLabel.pem", &len);
  cts_summary *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
  const char *reason;
  CU_ASSERT_FATAL(der != NULL && a != NULL && b != NULL);
  CU_ASSERT_FATAL(cts_sieve_summarize(der, (size_t)len, 0, a, &reason));
  const uint8_t *tbs = der + a->tbs.off;
  CU_ASSERT_TRUE(cts_sieve_summarize(tbs, a->tbs.len, 1, b, &reason));
  CU_ASSERT_FALSE(cts_sieve_summarize(tbs, a->tbs.len, 0, b, &reason));
  CU_ASSERT_TRUE(cts_sieve_summarize(tbs, a->tbs.len, 1, b, &reason));
  CU_ASSERT(b->flags & CTS_SUM_IS_TBS);
  CU_ASSERT_EQUAL(a->n_sans, b->n_sans);
  CU_ASSERT_EQUAL(a->serial.len, b->serial.len);
  CU_ASSERT_EQUAL(a->not_before, b->not_before);
  CU_ASSERT_EQUAL(a->key_size, b->key_size);
  CU_ASSERT_EQUAL(a->n_exts, b->n_exts);
  free(a);
  free(b);
  OPENSSL_free(der);
}

static void test_name_format(void) {
  /* SEQUENCE { SET { C=US } SET { O="A, B" } SET { CN=x\x01 } } */
  static const uint8_t name[] = {
      0x30, 0x28, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06,
      0x13, 0x02, 'U',  'S',  0x31, 0x0d, 0x30, 0x0b, 0x06, 0x03, 0x55,
      0x04, 0x0a, 0x0c, 0x04, 'A',  ',',  ' ',  'B',  0x31, 0x0a, 0x30,
      0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 0x01};
  char buf[64];
  cts_name_format(name, sizeof(name), buf, sizeof(buf));
  CU_ASSERT_STRING_EQUAL(buf, "C=US, O=A\\, B, CN=\\01");
  cts_name_format(name, sizeof(name), buf, 12);
  CU_ASSERT_EQUAL(strlen(buf), 11);
  CU_ASSERT_STRING_EQUAL(buf + 8, "...");
}

static CU_TestInfo tests[] = {
    {"sieve agrees with OpenSSL on the zlint corpus", test_against_openssl},
    {"truncated and bit-flipped certificates", test_truncations_and_flips},
    {"TBSCertificate alone", test_tbs_only},
    {"distinguished names as text", test_name_format},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("sieve", tests)
