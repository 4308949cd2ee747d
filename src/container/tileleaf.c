/* TileLeaf records of static-ct-api data tiles (C2SP static-ct-api, "Log
 * entries"), and the TimestampedEntry they share with RFC 6962 leaves:
 *
 *   struct {
 *     TimestampedEntry timestamped_entry;            RFC 6962 3.4
 *     select (entry_type) {
 *       case x509_entry: Empty;
 *       case precert_entry: ASN.1Cert pre_certificate;
 *     };
 *     Fingerprint certificate_chain<0..2^16-1>;     opaque Fingerprint[32]
 *   } TileLeaf;
 */
#include <stddef.h>
#include <stdint.h>

#include "container_internal.h"

#define CTS_ISSUER_KEY_HASH_LEN 32 /* RFC 6962 3.2: SHA-256 of the SPKI */
#define CTS_FINGERPRINT_LEN 32     /* static-ct-api: opaque Fingerprint[32] */
#define CTS_EXT_LEAF_INDEX 0       /* static-ct-api: leaf_index(0) */
#define CTS_LEAF_INDEX_LEN 5       /* static-ct-api: uint8 uint40[5] */

/* Parses a static-ct-api CtExtensions list ("SCT Extension"):
 *   struct { ExtensionType extension_type; (uint8)
 *            opaque extension_data<0..2^16-1>; } Extension;
 *   Extension CtExtensions<0..2^16-1>;
 * Duplicate types MUST NOT appear; leaf_index data is a uint40. */
static int parse_ct_extensions(cts_der ext, cts_entry *out,
                               const char **out_reason) {
  uint8_t seen[32] = {0};
  while (ext.len > 0) {
    uint8_t type;
    cts_der data;
    if (!cts_der_get_u8(&ext, &type) ||
        !cts_der_get_u16_prefixed(&ext, &data)) {
      *out_reason = "malformed CtExtensions";
      return 0;
    }
    if (seen[type >> 3] & (1u << (type & 7))) {
      *out_reason = "duplicate extension in CtExtensions";
      return 0;
    }
    seen[type >> 3] |= (uint8_t)(1u << (type & 7));
    if (type != CTS_EXT_LEAF_INDEX) continue; /* unknown: ignored */
    if (data.len != CTS_LEAF_INDEX_LEN ||
        !cts_der_get_u40(&data, &out->index)) {
      *out_reason = "leaf_index extension is not 5 bytes";
      return 0;
    }
    out->index_known = 1;
  }
  return 1;
}

/* signed_entry of an x509_entry: ASN.1Cert, opaque<1..2^24-1> (3.1). */
static int parse_x509_signed_entry(cts_der *cur, cts_entry *out,
                                   const char **out_reason) {
  if (!cts_der_get_u24_prefixed(cur, &out->cert)) {
    *out_reason = "truncated certificate";
    return 0;
  }
  if (out->cert.len == 0) {
    *out_reason = "empty certificate";
    return 0;
  }
  return 1;
}

/* signed_entry of a precert_entry (RFC 6962 3.2):
 *   struct { opaque issuer_key_hash[32];
 *            TBSCertificate tbs_certificate; } PreCert;
 * with opaque TBSCertificate<1..2^24-1>. */
static int parse_precert_signed_entry(cts_der *cur, cts_entry *out,
                                      const char **out_reason) {
  cts_der hash;
  if (!cts_der_get_bytes(cur, &hash, CTS_ISSUER_KEY_HASH_LEN)) {
    *out_reason = "truncated issuer_key_hash";
    return 0;
  }
  out->issuer_key_hash = hash.data;
  if (!cts_der_get_u24_prefixed(cur, &out->tbs)) {
    *out_reason = "truncated tbs_certificate";
    return 0;
  }
  if (out->tbs.len == 0) {
    *out_reason = "empty tbs_certificate";
    return 0;
  }
  return 1;
}

int cts_parse_timestamped_entry(cts_der *cur, cts_entry *out,
                                int strict_extensions,
                                const char **out_reason) {
  uint16_t type;
  cts_der ext;
  if (!cts_der_get_u64(cur, &out->timestamp_ms) ||
      !cts_der_get_u16(cur, &type)) {
    *out_reason = "truncated TimestampedEntry header";
    return 0;
  }
  /* RFC 6962 3.1: enum { x509_entry(0), precert_entry(1), (65535) }. */
  if (type == CTS_ENTRY_X509) {
    out->type = CTS_ENTRY_X509;
    if (!parse_x509_signed_entry(cur, out, out_reason)) return 0;
  } else if (type == CTS_ENTRY_PRECERT) {
    out->type = CTS_ENTRY_PRECERT;
    if (!parse_precert_signed_entry(cur, out, out_reason)) return 0;
  } else {
    *out_reason = "unknown entry_type";
    return 0;
  }
  /* RFC 6962 3.2: opaque CtExtensions<0..2^16-1>. */
  if (!cts_der_get_u16_prefixed(cur, &ext)) {
    *out_reason = "truncated extensions";
    return 0;
  }
  if (strict_extensions) return parse_ct_extensions(ext, out, out_reason);
  return 1;
}

/* The parts of a TileLeaf after its TimestampedEntry. */
static int parse_tileleaf_tail(cts_der *cur, cts_entry *out,
                               const char **out_reason) {
  if (out->type == CTS_ENTRY_PRECERT) {
    if (!cts_der_get_u24_prefixed(cur, &out->pre_cert)) {
      *out_reason = "truncated pre_certificate";
      return 0;
    }
    if (out->pre_cert.len == 0) {
      *out_reason = "empty pre_certificate";
      return 0;
    }
  }
  if (!cts_der_get_u16_prefixed(cur, &out->chain)) {
    *out_reason = "truncated certificate_chain";
    return 0;
  }
  if (out->chain.len % CTS_FINGERPRINT_LEN != 0) {
    *out_reason = "certificate_chain length is not a multiple of 32";
    return 0;
  }
  out->chain_is_fingerprints = 1;
  return 1;
}

int cts_container_parse_tileleaf(cts_der *cur, cts_entry *out,
                                 const char **out_reason) {
  cts_der c = *cur;
  cts_entry e = *out;
  const char *reason = "malformed TileLeaf";
  /* Everything but the position fields (index, index_known unless a
   * leaf_index is present, input, offset) is set. */
  e.cert = (cts_der){NULL, 0};
  e.tbs = (cts_der){NULL, 0};
  e.pre_cert = (cts_der){NULL, 0};
  e.chain = (cts_der){NULL, 0};
  e.issuer_key_hash = NULL;
  e.chain_is_fingerprints = 0;
  if (!cts_parse_timestamped_entry(&c, &e, 1, &reason) ||
      !parse_tileleaf_tail(&c, &e, &reason))
    goto fail;
  *out = e;
  *cur = c;
  return 1;
fail:
  *out_reason = reason;
  return 0;
}

/* --- framing ------------------------------------------------------------ */

/* Skips a length field of width octets (2 or 3) and the body it announces.
 * When the avail bytes the cursor started with do not hold them, sets
 * *need. */
static int frame_skip(cts_der *cur, size_t avail, unsigned width,
                      size_t *need) {
  size_t at = avail - cur->len;
  cts_der probe = *cur, body;
  uint32_t len = 0;
  uint16_t len16 = 0;
  int ok = width == 2 ? cts_der_get_u16_prefixed(cur, &body)
                      : cts_der_get_u24_prefixed(cur, &body);
  if (ok) return 1;
  if (width == 2 ? !cts_der_get_u16(&probe, &len16)
                 : !cts_der_get_u24(&probe, &len)) {
    *need = at + width;
    return 0;
  }
  *need = at + width + (width == 2 ? len16 : len);
  return 0;
}

static int frame_skip_fixed(cts_der *cur, size_t avail, size_t n,
                            size_t *need) {
  if (cts_der_skip(cur, n)) return 1;
  *need = avail - cur->len + n;
  return 0;
}

cts_frame_result cts_tileleaf_frame(const uint8_t *data, size_t avail,
                                    size_t *out_size,
                                    const char **out_reason) {
  cts_der cur;
  uint16_t type;
  int precert;
  cts_der_init(&cur, data, avail);
  /* timestamp u64, entry_type u16 */
  if (!frame_skip_fixed(&cur, avail, 8, out_size)) return CTS_FRAME_NEED_MORE;
  if (!cts_der_get_u16(&cur, &type)) {
    *out_size = 10;
    return CTS_FRAME_NEED_MORE;
  }
  if (type != CTS_ENTRY_X509 && type != CTS_ENTRY_PRECERT) {
    *out_reason = "unknown entry_type";
    return CTS_FRAME_BAD;
  }
  precert = type == CTS_ENTRY_PRECERT;
  if (precert &&
      !frame_skip_fixed(&cur, avail, CTS_ISSUER_KEY_HASH_LEN, out_size))
    return CTS_FRAME_NEED_MORE;
  /* certificate or TBS (u24), extensions (u16), pre_certificate (u24,
   * precert only), fingerprints (u16). */
  if (!frame_skip(&cur, avail, 3, out_size) ||
      !frame_skip(&cur, avail, 2, out_size) ||
      (precert && !frame_skip(&cur, avail, 3, out_size)) ||
      !frame_skip(&cur, avail, 2, out_size))
    return CTS_FRAME_NEED_MORE;
  *out_size = avail - cur.len;
  return CTS_FRAME_OK;
}
