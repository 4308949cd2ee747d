/* libFuzzer target: the sieve against OpenSSL.
 *
 * Whatever OpenSSL's d2i_X509 parses completely (every input byte taken),
 * the sieve must accept too, with the same serial number magnitude, the
 * same dNSNames in the same order and, for an RSA key, the same modulus
 * size (the comparisons of tests/unit/test_sieve.c).
 *
 * Known, intended differences are filtered out before comparing, because
 * the sieve reads strict DER (X.690 section 10) where OpenSSL also takes
 * BER and bends some rules:
 *  1. Any element anywhere in the certificate (outside OCTET STRING and
 *     BIT STRING contents) whose identifier or length octets are not DER:
 *     an indefinite length, a long-form or padded length, a high tag
 *     number written with redundant octets. OpenSSL decodes BER there;
 *     the sieve rejects the certificate ("not DER").
 *  2. A constructed encoding of a string, BOOLEAN, INTEGER, OID or time
 *     (BER allows constructed strings, DER does not), a primitive
 *     SEQUENCE or SET (X.690 8.9.1, 8.11.1: always constructed; OpenSSL
 *     reads one anyway), a BOOLEAN whose octet is neither 00 nor FF
 *     (X.690 11.1), and a BIT STRING whose unused bits are not zero
 *     (X.690 11.2.1; OpenSSL masks them).
 *  3. A dNSName or iPAddress comparison where the sieve flagged the SAN
 *     extension as malformed, found an extension twice, or met more
 *     names or extensions than its arrays hold: OpenSSL then returns no names (a duplicate or an
 *     undecodable extension) or all of them, and there is nothing exact
 *     to compare.
 *  4. A modulus size where the sieve flagged the key as malformed or
 *     OpenSSL cannot decode the key: OpenSSL's key decoder accepts BER
 *     inside the BIT STRING and the sieve does not.
 *  5. A negative serial: OpenSSL keeps the magnitude and a sign, the
 *     sieve the two's complement contents; only the sign is compared.
 *  6. A SAN holding an otherName, x400Address, directoryName,
 *     ediPartyName or registeredID that OpenSSL cannot decode (a
 *     primitive [5], say, where EDIPartyName is a SEQUENCE): the sieve,
 *     like the Go parser zlint uses, checks the form of rfc822Name,
 *     dNSName, URI and iPAddress only, and takes the others as opaque.
 *     Likewise a constructed rfc822Name, dNSName, URI, iPAddress or
 *     registeredID: OpenSSL refuses the whole SAN, the sieve (as Go) skips
 *     that one name (CTS_SUM_SAN_SKIPPED).
 *  7. A version outside 0..255: the summary keeps it in one octet and the
 *     sieve rejects the certificate (Go's parser, which zlint uses, also
 *     rejects a negative version); OpenSSL takes any INTEGER.
 * A difference outside these aborts.
 *
 * Build: as fuzz_sieve.c (`make fuzz-build`). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "ctscan/der.h"
#include "ctscan/sieve.h"
#include "ctscan/summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_DEPTH 64

static cts_summary *g_sum;

static void fail(const char *what, const char *detail) {
  fprintf(stderr, "sieve differs from OpenSSL: %s%s%s\n", what,
          detail ? ": " : "", detail ? detail : "");
  abort();
}

/* Universal types that DER encodes primitive only. */
static int primitive_only(uint32_t tag) {
  uint32_t number = tag & CTS_DER_TAG_NUMBER_MASK;
  if ((tag & 0xc0000000u) != 0) return 0; /* not universal */
  switch (number) {
    case 1:  /* BOOLEAN */
    case 2:  /* INTEGER */
    case 3:  /* BIT STRING */
    case 4:  /* OCTET STRING */
    case 5:  /* NULL */
    case 6:  /* OBJECT IDENTIFIER */
    case 10: /* ENUMERATED */
    case 12: case 18: case 19: case 20: case 21: case 22: case 23: case 24:
    case 25: case 26: case 27: case 28: case 30:
      return 1;
    default:
      return 0;
  }
}

/* 1 when every element of cur (recursively through constructed ones) is
 * DER in its identifier and length octets, no universal type is in
 * constructed form where DER wants it primitive, and every BOOLEAN is
 * 00 or FF (differences 1 and 2). */
static int strict_der(cts_der cur, int depth) {
  if (depth > MAX_DEPTH) return 0;
  while (cur.len > 0) {
    cts_der elem, contents;
    uint32_t tag;
    size_t header;
    if (!cts_der_get_any_element(&cur, &elem, &tag, &header)) return 0;
    cts_der_init(&contents, elem.data + header, elem.len - header);
    if (tag & CTS_DER_CONSTRUCTED) {
      if (primitive_only(tag & ~CTS_DER_CONSTRUCTED)) return 0;
      if (!strict_der(contents, depth + 1)) return 0;
    } else if (tag == (CTS_DER_SEQUENCE & ~CTS_DER_CONSTRUCTED) ||
               tag == (CTS_DER_SET & ~CTS_DER_CONSTRUCTED)) {
      return 0; /* X.690 8.9.1, 8.11.1: always constructed */
    } else if (tag == CTS_DER_BIT_STRING) {
      /* X.690 8.6.2.2, 11.2.1: at most 7 unused bits, all zero. */
      unsigned unused = contents.len > 0 ? contents.data[0] : 8;
      if (unused > 7 || (contents.len == 1 && unused != 0) ||
          (unused != 0 &&
           (contents.data[contents.len - 1] & ((1u << unused) - 1)) != 0))
        return 0;
    } else if (tag == CTS_DER_BOOLEAN) {
      if (contents.len != 1 ||
          (contents.data[0] != 0x00 && contents.data[0] != 0xff))
        return 0;
    }
  }
  return 1;
}

static void strip_zeros(const unsigned char **p, size_t *n) {
  while (*n > 0 && (*p)[0] == 0) (*p)++, (*n)--;
}

static void compare_serial(const cts_summary *sum, X509 *x) {
  const ASN1_INTEGER *serial = X509_get0_serialNumber(x);
  const unsigned char *a = sum->der + sum->serial.off, *b = serial->data;
  size_t an = sum->serial.len, bn = (size_t)serial->length;
  if (an > 0 && (a[0] & 0x80)) { /* difference 5 */
    if (serial->type != V_ASN1_NEG_INTEGER) fail("serial sign", NULL);
    return;
  }
  strip_zeros(&a, &an);
  strip_zeros(&b, &bn);
  if (serial->type == V_ASN1_NEG_INTEGER && bn > 0)
    fail("serial sign", "OpenSSL negative, sieve not");
  if (an != bn || memcmp(a, b, an) != 0) fail("serial magnitude", NULL);
}

/* A GeneralName whose contents the sieve does not read (difference 6). */
static int has_opaque_name(const cts_summary *sum) {
  for (size_t i = 0; i < sum->n_sans; i++)
    switch (sum->sans[i].type) {
      case CTS_GN_RFC822:
      case CTS_GN_DNS:
      case CTS_GN_URI:
      case CTS_GN_IP:
        break;
      default:
        return 1;
    }
  return 0;
}

static void compare_dns_names(const cts_summary *sum, X509 *x) {
  GENERAL_NAMES *names;
  int crit = 0;
  size_t k = 0;
  if (sum->flags & (CTS_SUM_SAN_MALFORMED | CTS_SUM_SANS_TRUNCATED |
                    CTS_SUM_EXTS_TRUNCATED | CTS_SUM_DUPLICATE_EXT))
    return; /* difference 3 */
  names = X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL);
  if (names == NULL) {
    /* -1: no SAN. Otherwise OpenSSL could not decode what the sieve
     * read as well formed. */
    if (crit != -1) {
      if (!has_opaque_name(sum) && !(sum->flags & CTS_SUM_SAN_SKIPPED))
        fail("SAN", "OpenSSL cannot decode");
      return; /* difference 6 */
    }
    if (sum->ext_san >= 0) fail("SAN", "OpenSSL sees none");
    if (sum->n_san_dns != 0) fail("dNSNames", "OpenSSL has none");
    return;
  }
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, i);
    const ASN1_STRING *s;
    if (gn->type != GEN_DNS) continue;
    while (k < sum->n_sans && sum->sans[k].type != CTS_GN_DNS) k++;
    if (k == sum->n_sans) fail("dNSNames", "OpenSSL has more");
    s = gn->d.dNSName;
    if ((size_t)ASN1_STRING_length(s) != sum->sans[k].value.len ||
        memcmp(ASN1_STRING_get0_data(s), sum->der + sum->sans[k].value.off,
               sum->sans[k].value.len) != 0)
      fail("dNSNames", "a name differs");
    k++;
  }
  for (; k < sum->n_sans; k++)
    if (sum->sans[k].type == CTS_GN_DNS) fail("dNSNames", "sieve has more");
  GENERAL_NAMES_free(names);
}

static void compare_key_size(const cts_summary *sum, X509 *x) {
  EVP_PKEY *key;
  if (sum->flags & CTS_SUM_KEY_MALFORMED) return; /* difference 4 */
  key = X509_get0_pubkey(x);
  if (key == NULL || EVP_PKEY_base_id(key) != EVP_PKEY_RSA) return;
  if (sum->key_type != CTS_KEY_RSA) fail("key type", "OpenSSL has RSA");
  if (EVP_PKEY_bits(key) != sum->key_size) {
    char detail[64];
    snprintf(detail, sizeof(detail), "OpenSSL %d bits, sieve %u",
             EVP_PKEY_bits(key), (unsigned)sum->key_size);
    fail("RSA modulus size", detail);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const unsigned char *p = data;
  const char *reason = NULL;
  cts_der whole;
  X509 *x;
  if (g_sum == NULL && (g_sum = malloc(sizeof(*g_sum))) == NULL) abort();
  if (size > ((size_t)1 << 20)) return 0;
  x = d2i_X509(NULL, &p, (long)size);
  if (x == NULL) return 0;
  cts_der_init(&whole, data, size);
  if (p != data + size || !strict_der(whole, 0) || X509_get_version(x) < 0 ||
      X509_get_version(x) > 255) { /* differences 1, 2, 7 */
    X509_free(x);
    return 0;
  }
  if (!cts_sieve_summarize(data, size, 0, g_sum, &reason))
    fail("sieve rejects a certificate OpenSSL parses", reason);
  compare_serial(g_sum, x);
  compare_dns_names(g_sum, x);
  compare_key_size(g_sum, x);
  X509_free(x);
  return 0;
}
