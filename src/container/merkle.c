/* RFC 6962 leaves as get-entries returns them (section 4.6): leaf_input is
 * a MerkleTreeLeaf (section 3.4), extra_data the unsigned chain data
 * (section 3.1: the certificate_chain of an X509ChainEntry, or the whole
 * PrecertChainEntry). */
#include <stddef.h>
#include <stdint.h>

#include "container_internal.h"

/* RFC 6962 3.4: enum { v1(0), (255) } Version;
 *               enum { timestamped_entry(0), (255) } MerkleLeafType; */
#define CTS_MERKLE_VERSION_V1 0
#define CTS_MERKLE_TIMESTAMPED_ENTRY 0

/* ASN.1Cert certificate_chain<0..2^24-1>, with opaque ASN.1Cert<1..2^24-1>
 * (section 3.1). *out gets the list's contents: the u24-prefixed
 * certificates. */
static int parse_cert_list(cts_der *cur, cts_der *out,
                           const char **out_reason) {
  cts_der list, walk, cert;
  if (!cts_der_get_u24_prefixed(cur, &list)) {
    *out_reason = "truncated certificate_chain";
    return 0;
  }
  walk = list;
  while (walk.len > 0) {
    if (!cts_der_get_u24_prefixed(&walk, &cert)) {
      *out_reason = "malformed certificate_chain";
      return 0;
    }
    if (cert.len == 0) {
      *out_reason = "empty certificate in certificate_chain";
      return 0;
    }
  }
  *out = list;
  return 1;
}

/* extra_data (section 4.6): for an x509 entry the certificate_chain; for a
 * precert entry a PrecertChainEntry:
 *   struct { ASN.1Cert pre_certificate;
 *            ASN.1Cert precertificate_chain<0..2^24-1>; }
 * Empty extra_data is taken as absent. */
static int parse_extra_data(const uint8_t *extra, size_t extra_len,
                            cts_entry *out, const char **out_reason) {
  cts_der cur;
  if (extra_len == 0) return 1;
  cts_der_init(&cur, extra, extra_len);
  if (out->type == CTS_ENTRY_PRECERT) {
    if (!cts_der_get_u24_prefixed(&cur, &out->pre_cert)) {
      *out_reason = "truncated pre_certificate in extra_data";
      return 0;
    }
    if (out->pre_cert.len == 0) {
      *out_reason = "empty pre_certificate in extra_data";
      return 0;
    }
  }
  if (!parse_cert_list(&cur, &out->chain, out_reason)) return 0;
  if (cur.len != 0) {
    *out_reason = "trailing data after extra_data";
    return 0;
  }
  return 1;
}

/* MerkleTreeLeaf (section 3.4):
 *   struct { Version version; MerkleLeafType leaf_type;
 *            select (leaf_type) {
 *              case timestamped_entry: TimestampedEntry; } } */
static int parse_leaf_input(const uint8_t *leaf, size_t leaf_len,
                            cts_entry *out, const char **out_reason) {
  cts_der cur;
  uint8_t version, leaf_type;
  cts_der_init(&cur, leaf, leaf_len);
  if (!cts_der_get_u8(&cur, &version) || !cts_der_get_u8(&cur, &leaf_type)) {
    *out_reason = "truncated MerkleTreeLeaf";
    return 0;
  }
  if (version != CTS_MERKLE_VERSION_V1) {
    *out_reason = "unsupported MerkleTreeLeaf version";
    return 0;
  }
  if (leaf_type != CTS_MERKLE_TIMESTAMPED_ENTRY) {
    *out_reason = "unsupported MerkleLeafType";
    return 0;
  }
  /* RFC 6962 leaves: CtExtensions is opaque (section 3.2). */
  if (!cts_parse_timestamped_entry(&cur, out, 0, out_reason)) return 0;
  if (cur.len != 0) {
    *out_reason = "trailing data after MerkleTreeLeaf";
    return 0;
  }
  return 1;
}

int cts_container_parse_merkle_leaf(const uint8_t *leaf, size_t leaf_len,
                                    const uint8_t *extra, size_t extra_len,
                                    cts_entry *out, const char **out_reason) {
  cts_entry e = *out;
  const char *reason = "malformed MerkleTreeLeaf";
  e.cert = (cts_der){NULL, 0};
  e.tbs = (cts_der){NULL, 0};
  e.pre_cert = (cts_der){NULL, 0};
  e.chain = (cts_der){NULL, 0};
  e.issuer_key_hash = NULL;
  e.chain_is_fingerprints = 0;
  if (leaf == NULL && leaf_len != 0) goto fail;
  if (extra == NULL && extra_len != 0) goto fail;
  if (!parse_leaf_input(leaf, leaf_len, &e, &reason) ||
      !parse_extra_data(extra, extra_len, &e, &reason))
    goto fail;
  *out = e;
  return 1;
fail:
  *out_reason = reason;
  return 0;
}
