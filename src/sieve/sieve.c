/* The scalar structural walk of the sieve (design.md "Data flow").
 *
 * Reads like the ASN.1 it walks (RFC 5280 4.1). Spans are recorded as
 * offsets into the certificate; nothing is copied or allocated. The DER
 * rules are those of the cursor (include/ctscan/der.h); the walk uses its
 * inline fast paths (src/der/der_inline.h), so a one-octet tag and a
 * short- or long-form length cost no call. Byte classes come from the
 * SIMD kernel (simd/scan.h); feature bits from src/sieve/features.c. */
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/oid.h"
#include "ctscan/sieve.h"
#include "simd/scan.h"
#include "src/der/der_inline.h"
#include "src/sieve/features.h"

typedef struct walk {
  cts_summary *sum;
  const char *reason;
} walk;

/* Identifier octets of the tags the walk expects (X.690 8.1.2). */
#define TAG_SEQUENCE 0x30
#define TAG_SET 0x31
#define TAG_BOOLEAN 0x01
#define TAG_CTX0_CONSTRUCTED 0xa0 /* [0] EXPLICIT */
#define TAG_CTX1 0x81             /* [1] IMPLICIT, primitive */
#define TAG_CTX2 0x82
#define TAG_CTX3_CONSTRUCTED 0xa3 /* [3] EXPLICIT */
#define TAG_CTX0 0x80             /* [0] IMPLICIT, primitive */

static inline cts_span span_of(const cts_summary *sum, const cts_der *d) {
  cts_span s;
  s.off = (uint32_t)(d->data - sum->der);
  s.len = (uint32_t)d->len;
  return s;
}

static int fail(walk *w, const char *reason) {
  w->reason = reason;
  return 0;
}

static inline int oid_is(const cts_der *oid, const char *bytes, size_t len) {
  return oid->len == len && memcmp(oid->data, bytes, len) == 0;
}
#define OID_IS(d, X) oid_is((d), X, CTS_OID_LEN(X))

/* An OPTIONAL element with tag octet octet: takes its contents when
 * present (cts_der_get_optional_element). */
static inline int take_optional(cts_der *cur, cts_der *out, int *present,
                                uint32_t tag) {
  int octet = cts_der_low_tag_octet(tag);
  if (!cts_der_next_is(cur, (uint8_t)octet)) {
    *present = 0;
    return 1;
  }
  *present = 1;
  return cts_der_take(cur, out, tag, 0);
}

/* INTEGER contents, "one or more octets" (X.690 8.3.1). */
static inline int take_integer(cts_der *cur, cts_der *out) {
  cts_der tmp = *cur;
  if (!cts_der_take(&tmp, out, CTS_DER_INTEGER, 0) || out->len == 0) return 0;
  *cur = tmp;
  return 1;
}

/* Bits in an unsigned big-endian integer, leading zero octets ignored. */
static uint16_t integer_bits(const cts_der *n) {
  size_t i = 0;
  unsigned bits;
  uint8_t top;
  while (i < n->len && n->data[i] == 0) i++;
  if (i == n->len) return 0;
  top = n->data[i];
  bits = 0;
  while (top) {
    bits++;
    top >>= 1;
  }
  size_t total = (n->len - i - 1) * 8 + bits;
  return total > 0xffff ? 0xffff : (uint16_t)total;
}

/* Name ::= SEQUENCE OF RelativeDistinguishedName
 * RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
 * AttributeTypeAndValue ::= SEQUENCE { type OID, value ANY }  RFC 5280
 * 4.1.2.4. With record set, the attributes go into subject_attrs. */
static int walk_name(walk *w, cts_der *cur, cts_span *out_name, int record) {
  cts_summary *sum = w->sum;
  cts_der name, rdns, rdn, atv, type, value;
  uint32_t tag;
  size_t hdr;
  uint16_t rdn_index = 0;
  if (!cts_der_take(cur, &name, CTS_DER_SEQUENCE, 1))
    return fail(w, "Name is not a SEQUENCE");
  *out_name = span_of(sum, &name);
  rdns = name;
  (void)cts_der_take(&rdns, &rdns, CTS_DER_SEQUENCE, 0);
  while (rdns.len > 0) {
    if (!cts_der_take(&rdns, &rdn, CTS_DER_SET, 0))
      return fail(w, "RelativeDistinguishedName is not a SET");
    /* SIZE (1..MAX): an empty SET breaks RFC 5280, but common encoders
     * emit it and lints report it, so it is flagged, not rejected. */
    if (rdn.len == 0) sum->flags |= CTS_SUM_EMPTY_RDN;
    while (rdn.len > 0) {
      if (!cts_der_take(&rdn, &atv, CTS_DER_SEQUENCE, 0) ||
          !cts_der_take_oid(&atv, &type) ||
          !cts_der_take_any(&atv, &value, &tag, &hdr) || atv.len != 0)
        return fail(w, "malformed AttributeTypeAndValue");
      if (!record) continue;
      if (sum->n_subject_attrs == CTS_SUMMARY_MAX_ATTRS) {
        sum->flags |= CTS_SUM_ATTRS_TRUNCATED;
        continue;
      }
      cts_attr *a = &sum->subject_attrs[sum->n_subject_attrs++];
      value.data += hdr;
      value.len -= hdr;
      a->oid = span_of(sum, &type);
      a->value = span_of(sum, &value);
      a->tag = tag;
      a->rdn = rdn_index;
      a->classes = (uint16_t)cts_classify(value.data, value.len);
      a->features = 0;
    }
    rdn_index++;
  }
  if (record) sum->n_subject_rdns = rdn_index;
  return 1;
}

/* Validity ::= SEQUENCE { notBefore Time, notAfter Time }
 * Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }
 * RFC 5280 4.1.2.5. A time that breaks 4.1.2.5.1/4.1.2.5.2 is flagged,
 * not rejected: lints report it. */
static int walk_time(walk *w, cts_der *cur, int64_t *out, uint32_t *out_tag,
                     uint32_t bad_flag) {
  cts_der t, whole;
  uint32_t tag;
  size_t hdr;
  if (!cts_der_take_any(cur, &whole, &tag, &hdr) ||
      (tag != CTS_DER_UTC_TIME && tag != CTS_DER_GENERALIZED_TIME))
    return fail(w, "Time is neither UTCTime nor GeneralizedTime");
  t.data = whole.data + hdr;
  t.len = whole.len - hdr;
  *out_tag = tag;
  if (!cts_der_parse_time(tag, &t, out)) {
    *out = 0;
    w->sum->flags |= bad_flag;
  }
  return 1;
}

static int walk_validity(walk *w, cts_der *cur) {
  cts_summary *sum = w->sum;
  cts_der v, body;
  if (!cts_der_take(cur, &v, CTS_DER_SEQUENCE, 1))
    return fail(w, "Validity is not a SEQUENCE");
  sum->validity = span_of(sum, &v);
  body = v;
  (void)cts_der_take(&body, &body, CTS_DER_SEQUENCE, 0);
  if (!walk_time(w, &body, &sum->not_before, &sum->not_before_tag,
                 CTS_SUM_BAD_NOT_BEFORE) ||
      !walk_time(w, &body, &sum->not_after, &sum->not_after_tag,
                 CTS_SUM_BAD_NOT_AFTER))
    return 0;
  if (body.len != 0) return fail(w, "trailing data in Validity");
  return 1;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
 * (RFC 8017 A.1.1, carried in the BIT STRING per RFC 3279 2.3.1). */
static void walk_rsa_key(cts_summary *sum, const cts_der *bits) {
  cts_der key = *bits, seq, n, e;
  if (!cts_der_take(&key, &seq, CTS_DER_SEQUENCE, 0) || key.len != 0 ||
      !take_integer(&seq, &n) || !take_integer(&seq, &e) || seq.len != 0) {
    sum->flags |= CTS_SUM_KEY_MALFORMED;
    return;
  }
  sum->rsa_modulus = span_of(sum, &n);
  sum->rsa_exponent = span_of(sum, &e);
  sum->key_size = integer_bits(&n);
}

/* ECParameters ::= CHOICE { namedCurve OBJECT IDENTIFIER, ... }
 * (RFC 5480 2.1.1; only namedCurve is allowed there). */
static void walk_ec_params(cts_summary *sum, const cts_der *params) {
  cts_der p = *params, curve;
  sum->curve = CTS_CURVE_OTHER;
  if (!cts_der_take_oid(&p, &curve) || p.len != 0) return;
  if (OID_IS(&curve, CTS_OID_CURVE_P256)) {
    sum->curve = CTS_CURVE_P256;
    sum->key_size = 256;
  } else if (OID_IS(&curve, CTS_OID_CURVE_P384)) {
    sum->curve = CTS_CURVE_P384;
    sum->key_size = 384;
  } else if (OID_IS(&curve, CTS_OID_CURVE_P521)) {
    sum->curve = CTS_CURVE_P521;
    sum->key_size = 521;
  }
}

/* SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier,
 *                                     subjectPublicKey BIT STRING }
 * RFC 5280 4.1.2.7. */
static int walk_spki(walk *w, cts_der *cur) {
  cts_summary *sum = w->sum;
  cts_der spki, body, alg_whole, alg, oid, bits;
  if (!cts_der_take(cur, &spki, CTS_DER_SEQUENCE, 1))
    return fail(w, "SubjectPublicKeyInfo is not a SEQUENCE");
  sum->spki = span_of(sum, &spki);
  body = spki;
  (void)cts_der_take(&body, &body, CTS_DER_SEQUENCE, 0);
  if (!cts_der_take(&body, &alg_whole, CTS_DER_SEQUENCE, 1))
    return fail(w, "malformed SubjectPublicKeyInfo algorithm");
  alg = alg_whole;
  (void)cts_der_take(&alg, &alg, CTS_DER_SEQUENCE, 0);
  if (!cts_der_take_oid(&alg, &oid))
    return fail(w, "malformed SubjectPublicKeyInfo algorithm");
  sum->spki_alg = span_of(sum, &alg_whole);
  sum->key_alg_oid = span_of(sum, &oid);
  if (!cts_der_take(&body, &bits, CTS_DER_BIT_STRING, 0) || body.len != 0)
    return fail(w, "malformed subjectPublicKey");
  /* The key is read only when it is a whole number of octets (X.690
   * 8.6.2.2: the first contents octet counts the unused bits). */
  if (bits.len == 0 || bits.data[0] != 0) {
    sum->flags |= CTS_SUM_KEY_MALFORMED;
    bits.len = bits.len > 0 ? bits.len - 1 : 0;
    bits.data++;
    sum->key_bits = span_of(sum, &bits);
    return 1;
  }
  bits.data++;
  bits.len--;
  sum->key_bits = span_of(sum, &bits);
  if (OID_IS(&oid, CTS_OID_RSA_ENCRYPTION)) {
    sum->key_type = CTS_KEY_RSA;
    walk_rsa_key(sum, &bits);
  } else if (OID_IS(&oid, CTS_OID_EC_PUBLIC_KEY)) {
    sum->key_type = CTS_KEY_EC;
    walk_ec_params(sum, &alg);
  } else if (OID_IS(&oid, CTS_OID_ED25519)) {
    sum->key_type = CTS_KEY_ED25519;
    sum->key_size = 256;
  } else if (OID_IS(&oid, CTS_OID_ED448)) {
    sum->key_type = CTS_KEY_ED448;
    sum->key_size = 456;
  } else if (OID_IS(&oid, CTS_OID_DSA)) {
    sum->key_type = CTS_KEY_DSA;
  }
  return 1;
}

/* GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName  RFC 5280 4.2.1.6.
 * GeneralName is a CHOICE of context-specific tags [0]..[8]; IMPLICIT for
 * all but directoryName [4], which is EXPLICIT (a Name inside). */
static void walk_san(cts_summary *sum, const cts_ext *ext) {
  cts_der v = cts_summary_der(sum, ext->value), names, gn;
  uint32_t tag;
  size_t hdr;
  sum->flags |= CTS_SUM_HAS_SAN;
  if (!cts_der_take(&v, &names, CTS_DER_SEQUENCE, 0) || v.len != 0)
    goto malformed;
  while (names.len > 0) {
    uint32_t number;
    if (!cts_der_take_any(&names, &gn, &tag, &hdr)) goto malformed;
    if ((tag & CTS_DER_CLASS_MASK) != CTS_DER_CONTEXT_SPECIFIC) goto malformed;
    number = tag & CTS_DER_TAG_NUMBER_MASK;
    if (number > CTS_GN_REGISTERED_ID) goto malformed;
    /* rfc822Name, dNSName, URI (IA5String), iPAddress (OCTET STRING) and
     * registeredID (OID) are primitive (X.690 8.1.2.5, implicit tags keep
     * the form): a constructed one is not that name, and Go's x509, which
     * zlint lints with, skips it. */
    if ((tag & CTS_DER_CONSTRUCTED) &&
        (number == CTS_GN_RFC822 || number == CTS_GN_DNS ||
         number == CTS_GN_URI || number == CTS_GN_IP ||
         number == CTS_GN_REGISTERED_ID)) {
      sum->flags |= CTS_SUM_SAN_SKIPPED;
      continue;
    }
    if (sum->n_sans == CTS_SUMMARY_MAX_SANS) {
      sum->flags |= CTS_SUM_SANS_TRUNCATED;
      continue;
    }
    gn.data += hdr;
    gn.len -= hdr;
    cts_general_name *g = &sum->sans[sum->n_sans++];
    g->type = (uint8_t)number;
    g->value = span_of(sum, &gn);
    g->labels = 0;
    g->classes = 0;
    g->features = 0;
    /* The IA5String choices are the names lints read byte by byte. */
    if (number == CTS_GN_DNS) {
      g->classes = (uint16_t)cts_classify(gn.data, gn.len);
      g->features = cts_sieve_dns_features(gn.data, gn.len, g->classes,
                                           &g->labels);
      sum->n_san_dns++;
    } else if (number == CTS_GN_RFC822 || number == CTS_GN_URI) {
      g->classes = (uint16_t)cts_classify(gn.data, gn.len);
    } else if (number == CTS_GN_IP) {
      g->features = cts_sieve_ip_features(gn.data, gn.len);
      sum->n_san_ip++;
    }
    sum->san_classes |= g->classes;
    sum->san_features |= g->features;
  }
  return;
malformed:
  sum->flags |= CTS_SUM_SAN_MALFORMED;
}

/* AuthorityKeyIdentifier ::= SEQUENCE {
 *   keyIdentifier [0] KeyIdentifier OPTIONAL, ... }   RFC 5280 4.2.1.1 */
static void walk_aki(cts_summary *sum, const cts_ext *ext) {
  cts_der v = cts_summary_der(sum, ext->value), seq, key_id;
  int present;
  if (!cts_der_take(&v, &seq, CTS_DER_SEQUENCE, 0) || v.len != 0 ||
      !take_optional(&seq, &key_id, &present, CTS_DER_CONTEXT_SPECIFIC | 0)) {
    sum->flags |= CTS_SUM_AKI_MALFORMED;
    return;
  }
  if (present) sum->aki_key_id = span_of(sum, &key_id);
}

/* SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING)  RFC 5280 4.2.1.2 */
static void walk_ski(cts_summary *sum, const cts_ext *ext) {
  cts_der v = cts_summary_der(sum, ext->value), id;
  if (cts_der_take(&v, &id, CTS_DER_OCTET_STRING, 0) && v.len == 0)
    sum->ski = span_of(sum, &id);
}

/* Extensions the summary indexes. Most are id-ce (2.5.29, RFC 5280
 * 4.2.1), three content octets 55 1d NN, so they are told apart by their
 * last octet; the rest by length, then bytes. */
static void note_known_ext(cts_summary *sum, int16_t index,
                           const cts_der *oid) {
  const cts_ext *ext = &sum->exts[index];
  if (oid->len == 3 && oid->data[0] == 0x55 && oid->data[1] == 0x1d) {
    switch (oid->data[2]) {
      case 0x11: /* 2.5.29.17 subjectAltName */
        sum->ext_san = index;
        walk_san(sum, ext);
        break;
      case 0x23: /* 2.5.29.35 authorityKeyIdentifier */
        sum->ext_aki = index;
        walk_aki(sum, ext);
        break;
      case 0x0e: /* 2.5.29.14 subjectKeyIdentifier */
        sum->ext_ski = index;
        walk_ski(sum, ext);
        break;
      case 0x13: sum->ext_bc = index; break;       /* basicConstraints */
      case 0x0f: sum->ext_ku = index; break;       /* keyUsage */
      case 0x25: sum->ext_eku = index; break;      /* extKeyUsage */
      case 0x20: sum->ext_policies = index; break; /* certificatePolicies */
      case 0x1f: sum->ext_cdp = index; break;      /* cRLDistributionPoints */
      default: break;
    }
  } else if (OID_IS(oid, CTS_OID_EXT_AIA)) {
    sum->ext_aia = index;
  } else if (OID_IS(oid, CTS_OID_EXT_CT_POISON)) {
    sum->flags |= CTS_SUM_HAS_POISON;
  } else if (OID_IS(oid, CTS_OID_EXT_SCT_LIST)) {
    sum->flags |= CTS_SUM_HAS_SCT_LIST;
  }
}

/* Duplicate extnIDs (RFC 5280 4.2: "A certificate MUST NOT include more
 * than one instance of a particular extension"). id-ce OIDs with a
 * one-octet last arc are kept in a bitmap; the others, which cannot equal
 * one of those, are compared with each other. */
typedef struct ext_seen {
  uint64_t id_ce[2];
  uint8_t others[CTS_SUMMARY_MAX_EXTS];
  unsigned n_others;
} ext_seen;

static int seen_before(ext_seen *seen, const cts_summary *sum,
                       const cts_der *oid, uint16_t index) {
  if (oid->len == 3 && oid->data[0] == 0x55 && oid->data[1] == 0x1d) {
    unsigned arc = oid->data[2]; /* < 0x80: a valid OID's last octet */
    uint64_t bit = 1ull << (arc & 63);
    int dup = (seen->id_ce[arc >> 6] & bit) != 0;
    seen->id_ce[arc >> 6] |= bit;
    return dup;
  }
  for (unsigned i = 0; i < seen->n_others; i++) {
    const cts_span o = sum->exts[seen->others[i]].oid;
    if (o.len == oid->len &&
        memcmp(sum->der + o.off, oid->data, oid->len) == 0)
      return 1;
  }
  seen->others[seen->n_others++] = (uint8_t)index;
  return 0;
}

/* Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
 * Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER,
 *                          critical BOOLEAN DEFAULT FALSE,
 *                          extnValue OCTET STRING }   RFC 5280 4.1.2.9 */
static int walk_extensions(walk *w, cts_der *exts_field) {
  cts_summary *sum = w->sum;
  cts_der exts, ext, oid, value, b;
  ext_seen seen;
  seen.id_ce[0] = seen.id_ce[1] = 0;
  seen.n_others = 0;
  if (!cts_der_take(exts_field, &exts, CTS_DER_SEQUENCE, 0) ||
      exts_field->len != 0)
    return fail(w, "extensions is not a SEQUENCE");
  sum->flags |= CTS_SUM_HAS_EXTENSIONS;
  while (exts.len > 0) {
    int critical = 0, present = 0;
    if (!cts_der_take(&exts, &ext, CTS_DER_SEQUENCE, 0) ||
        !cts_der_take_oid(&ext, &oid))
      return fail(w, "malformed Extension");
    if (cts_der_next_is(&ext, TAG_BOOLEAN)) {
      /* X.690 11.1: DER TRUE is 0xff; 8.2.1: one contents octet. */
      if (!cts_der_take(&ext, &b, CTS_DER_BOOLEAN, 0) || b.len != 1 ||
          (b.data[0] != 0x00 && b.data[0] != 0xff))
        return fail(w, "malformed Extension critical flag");
      critical = b.data[0] != 0;
      present = 1;
    }
    if (!cts_der_take(&ext, &value, CTS_DER_OCTET_STRING, 0) || ext.len != 0)
      return fail(w, "malformed Extension value");
    if (sum->n_exts == CTS_SUMMARY_MAX_EXTS) {
      sum->flags |= CTS_SUM_EXTS_TRUNCATED;
      continue;
    }
    if (seen_before(&seen, sum, &oid, sum->n_exts))
      sum->flags |= CTS_SUM_DUPLICATE_EXT;
    cts_ext *e = &sum->exts[sum->n_exts];
    e->oid = span_of(sum, &oid);
    e->value = span_of(sum, &value);
    e->critical = (uint8_t)critical;
    e->critical_encoded = (uint8_t)present;
    note_known_ext(sum, (int16_t)sum->n_exts, &oid);
    sum->n_exts++;
  }
  return 1;
}

/* version [0] EXPLICIT Version DEFAULT v1, Version ::= INTEGER
 * { v1(0), v2(1), v3(2) }: the common "a0 03 02 01 0N" is read directly;
 * anything else goes through the INTEGER getter. Values other than
 * v1..v3 are recorded for lints to report. */
static int walk_version(walk *w, cts_der *body) {
  cts_der version;
  int present;
  uint64_t v;
  if (!take_optional(body, &version, &present,
                     CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 0))
    return fail(w, "malformed version");
  if (!present) return 1;
  if (version.len == 3 && version.data[0] == CTS_DER_INTEGER &&
      version.data[1] == 1 && version.data[2] < 0x80) {
    w->sum->version = version.data[2];
    return 1;
  }
  if (!cts_der_get_u64_integer(&version, &v) || version.len != 0 || v > 255)
    return fail(w, "malformed version");
  w->sum->version = (uint8_t)v;
  return 1;
}

/* TBSCertificate ::= SEQUENCE {
 *   version         [0] EXPLICIT Version DEFAULT v1,
 *   serialNumber        CertificateSerialNumber,
 *   signature           AlgorithmIdentifier,
 *   issuer              Name,
 *   validity            Validity,
 *   subject             Name,
 *   subjectPublicKeyInfo SubjectPublicKeyInfo,
 *   issuerUniqueID  [1] IMPLICIT UniqueIdentifier OPTIONAL,
 *   subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL,
 *   extensions      [3] EXPLICIT Extensions OPTIONAL }   RFC 5280 4.1 */
static int walk_tbs(walk *w, cts_der *cur) {
  cts_summary *sum = w->sum;
  cts_der tbs, body, serial, alg_whole, alg, oid, field;
  int present;
  if (!cts_der_take(cur, &tbs, CTS_DER_SEQUENCE, 1))
    return fail(w, "TBSCertificate is not a SEQUENCE");
  sum->tbs = span_of(sum, &tbs);
  body = tbs;
  (void)cts_der_take(&body, &body, CTS_DER_SEQUENCE, 0);

  if (!walk_version(w, &body)) return 0;
  if (!take_integer(&body, &serial))
    return fail(w, "serialNumber is not an INTEGER");
  sum->serial = span_of(sum, &serial);

  if (!cts_der_take(&body, &alg_whole, CTS_DER_SEQUENCE, 1))
    return fail(w, "signature is not an AlgorithmIdentifier");
  alg = alg_whole;
  (void)cts_der_take(&alg, &alg, CTS_DER_SEQUENCE, 0);
  if (!cts_der_take_oid(&alg, &oid))
    return fail(w, "signature is not an AlgorithmIdentifier");
  sum->tbs_sig_alg = span_of(sum, &alg_whole);
  sum->sig_alg_oid = span_of(sum, &oid);

  if (!walk_name(w, &body, &sum->issuer, 0) || !walk_validity(w, &body) ||
      !walk_name(w, &body, &sum->subject, 1) || !walk_spki(w, &body))
    return 0;

  if (!take_optional(&body, &field, &present, CTS_DER_CONTEXT_SPECIFIC | 1))
    return fail(w, "malformed issuerUniqueID");
  if (present) sum->flags |= CTS_SUM_HAS_ISSUER_UID;
  if (!take_optional(&body, &field, &present, CTS_DER_CONTEXT_SPECIFIC | 2))
    return fail(w, "malformed subjectUniqueID");
  if (present) sum->flags |= CTS_SUM_HAS_SUBJECT_UID;
  if (!take_optional(&body, &field, &present,
                     CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | 3))
    return fail(w, "malformed extensions");
  if (present && !walk_extensions(w, &field)) return 0;
  if (body.len != 0) return fail(w, "trailing data in TBSCertificate");
  return 1;
}

static void summary_reset(cts_summary *sum, const uint8_t *der, size_t len) {
  /* Only the header fields are cleared: the arrays are read up to their
   * counts, so clearing them would cost ~20 KB of stores per entry. */
  memset(sum, 0, offsetof(cts_summary, subject_attrs));
  sum->der = der;
  sum->der_len = len;
  sum->ext_san = sum->ext_aki = sum->ext_ski = sum->ext_bc = sum->ext_ku =
      sum->ext_eku = sum->ext_policies = sum->ext_cdp = sum->ext_aia = -1;
  sum->aki_key_id.off = sum->aki_key_id.len = 0;
  sum->ski.off = sum->ski.len = 0;
}

/* Certificate ::= SEQUENCE { tbsCertificate TBSCertificate,
 *                            signatureAlgorithm AlgorithmIdentifier,
 *                            signatureValue BIT STRING }   RFC 5280 4.1 */
int cts_sieve_summarize(const uint8_t *der, size_t len, int is_tbs,
                        cts_summary *out, const char **out_reason) {
  walk w = {out, NULL};
  cts_der input, cert, body, alg, sig;
  unsigned unused;
  if (len > UINT32_MAX) {
    *out_reason = "certificate larger than 4 GiB";
    return 0;
  }
  summary_reset(out, der, len);
  cts_der_init(&input, der, len);
  if (is_tbs) {
    out->flags |= CTS_SUM_IS_TBS;
    if (!walk_tbs(&w, &input)) goto failed;
    out->cert = out->tbs;
  } else {
    if (!cts_der_take(&input, &cert, CTS_DER_SEQUENCE, 1)) {
      w.reason = "Certificate is not a DER SEQUENCE";
      goto failed;
    }
    out->cert = span_of(out, &cert);
    body = cert;
    (void)cts_der_take(&body, &body, CTS_DER_SEQUENCE, 0);
    if (!walk_tbs(&w, &body)) goto failed;
    if (!cts_der_take(&body, &alg, CTS_DER_SEQUENCE, 1)) {
      w.reason = "signatureAlgorithm is not a SEQUENCE";
      goto failed;
    }
    out->outer_sig_alg = span_of(out, &alg);
    if (!cts_der_get_bit_string(&body, &sig, &unused) || body.len != 0) {
      w.reason = "malformed signatureValue";
      goto failed;
    }
    out->signature = span_of(out, &sig);
  }
  if (input.len != 0) {
    w.reason = "trailing data after the certificate";
    goto failed;
  }
  cts_sieve_cert_features(out);
  return 1;
failed:
  *out_reason = w.reason != NULL ? w.reason : "malformed certificate";
  return 0;
}
