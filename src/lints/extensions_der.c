/* Walkers over extension values, reading them as zcrypto's
 * parseCertificate does (see extensions_util.h). Each walker stops at the
 * first element that does not parse: zcrypto would have rejected the whole
 * certificate there, so zlint has no verdict to agree with, and stopping is
 * the defined, safe behaviour. */
#include <string.h>

#include "extensions_util.h"

#define CTX(n) (CTS_DER_CONTEXT_SPECIFIC | (n))
#define CTX_CONS(n) (CTS_DER_CONTEXT_SPECIFIC | CTS_DER_CONSTRUCTED | (n))

/* --- extensions ---------------------------------------------------------- */

/* One universal constructed SEQUENCE filling the value: the check zlint
 * makes with asn1.Unmarshal into a RawValue (Tag 16, Class 0, IsCompound,
 * nothing after it). */
int cts_ext_value_is_sequence(const cts_summary *sum, const cts_ext *ext,
                              cts_der *out_contents) {
  cts_der v = cts_summary_der(sum, ext->value);
  return cts_der_get_element(&v, out_contents, CTS_DER_SEQUENCE) && v.len == 0;
}

static int value_sequence(const cts_summary *sum, const cts_ext *ext,
                          cts_der *out) {
  return cts_ext_value_is_sequence(sum, ext, out);
}

/* cts_ext_next for an extension the sieve indexes (known: its index, the
 * last of duplicates): without duplicate extensions it is the only one
 * with its OID, and no scan is needed. */
static int next_known_ext(const cts_summary *sum, int16_t known,
                          const char *oid, size_t oid_len, uint16_t *pos,
                          const cts_ext **out) {
  if (!(sum->flags & CTS_SUM_DUPLICATE_EXT)) {
    if (known < 0 || *pos > (uint16_t)known) return 0;
    *pos = (uint16_t)(known + 1);
    *out = &sum->exts[known];
    return 1;
  }
  return cts_ext_next(sum, oid, oid_len, pos, out);
}

/* --- cRLDistributionPoints ----------------------------------------------- */

/* CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint */
static int cdp_next_extension(cts_cdp_iter *it) {
  const cts_ext *e;
  while (next_known_ext(it->sum, it->sum->ext_cdp, CTS_OID_EXT_CDP,
                        CTS_OID_LEN(CTS_OID_EXT_CDP), &it->pos, &e))
    if (value_sequence(it->sum, e, &it->points)) return 1;
  return 0;
}

void cts_cdp_iter_init(cts_cdp_iter *it, const cts_summary *sum) {
  memset(it, 0, sizeof(*it));
  it->sum = sum;
}

/* DistributionPoint ::= SEQUENCE {
 *   distributionPoint [0] DistributionPointName OPTIONAL,
 *   reasons           [1] ReasonFlags OPTIONAL,
 *   cRLIssuer         [2] GeneralNames OPTIONAL }
 * DistributionPointName ::= CHOICE {
 *   fullName                [0] GeneralNames,
 *   nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
 * Loads the next fullName's GeneralNames into it->names. */
static int cdp_next_full_name(cts_cdp_iter *it) {
  for (;;) {
    cts_der dp, dpn, full;
    int present;
    if (it->points.len == 0 && !cdp_next_extension(it)) return 0;
    if (it->points.len == 0) continue;
    if (!cts_der_get_element(&it->points, &dp, CTS_DER_SEQUENCE)) {
      it->points.len = 0;
      continue;
    }
    if (!cts_optional(&dp, &dpn, &present, CTX_CONS(0)) ||
        !present)
      continue;
    if (cts_optional(&dpn, &full, &present, CTX_CONS(0)) &&
        present) {
      it->names = full;
      return 1;
    }
  }
}

int cts_cdp_next_uri(cts_cdp_iter *it, cts_der *out_uri) {
  for (;;) {
    cts_der gn;
    uint32_t tag;
    size_t hdr;
    while (it->names.len > 0) {
      if (!cts_der_get_any_element(&it->names, &gn, &tag, &hdr)) {
        it->names.len = 0;
        break;
      }
      /* uniformResourceIdentifier [6] IA5String; zcrypto tests the tag
       * number only. */
      if ((tag & CTS_DER_TAG_NUMBER_MASK) == CTS_GN_URI) {
        out_uri->data = gn.data + hdr;
        out_uri->len = gn.len - hdr;
        return 1;
      }
    }
    if (!cdp_next_full_name(it)) return 0;
  }
}

/* --- authorityInfoAccess --------------------------------------------------- */

void cts_aia_iter_init(cts_aia_iter *it, const cts_summary *sum) {
  memset(it, 0, sizeof(*it));
  it->sum = sum;
}

/* AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
 * AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER,
 *                                  accessLocation GeneralName } */
int cts_aia_next(cts_aia_iter *it, cts_der *out_method,
                 uint32_t *out_loc_number, cts_der *out_loc) {
  for (;;) {
    cts_der desc, loc;
    uint32_t tag;
    size_t hdr;
    const cts_ext *e;
    if (it->descs.len == 0) {
      if (!next_known_ext(it->sum, it->sum->ext_aia, CTS_OID_EXT_AIA,
                          CTS_OID_LEN(CTS_OID_EXT_AIA), &it->pos, &e))
        return 0;
      if (!value_sequence(it->sum, e, &it->descs)) it->malformed = 1;
      continue;
    }
    if (!cts_der_get_element(&it->descs, &desc, CTS_DER_SEQUENCE) ||
        !cts_oid_next(&desc, out_method) ||
        !cts_der_get_any_element(&desc, &loc, &tag, &hdr)) {
      it->malformed = 1;
      it->descs.len = 0;
      continue;
    }
    *out_loc_number = tag & CTS_DER_TAG_NUMBER_MASK;
    out_loc->data = loc.data + hdr;
    out_loc->len = loc.len - hdr;
    return 1;
  }
}

int cts_aia_next_url(cts_aia_iter *it, const char *method, size_t method_len,
                     cts_der *out_url) {
  cts_der m, loc;
  uint32_t number;
  while (cts_aia_next(it, &m, &number, &loc))
    if (number == CTS_GN_URI &&
        cts_oid_is(&m, method, method_len)) {
      *out_url = loc;
      return 1;
    }
  return 0;
}

/* --- certificatePolicies ----------------------------------------------------- */

int cts_pol_iter_init(cts_pol_iter *it, const cts_summary *sum) {
  it->infos.data = NULL;
  it->infos.len = 0;
  if (sum->ext_policies < 0) return 0;
  (void)value_sequence(sum, &sum->exts[sum->ext_policies], &it->infos);
  return 1;
}

int cts_pol_next(cts_pol_iter *it, cts_der *out_oid, cts_der *out_quals) {
  cts_der info;
  int present;
  if (it->infos.len == 0) return 0;
  if (!cts_der_get_element(&it->infos, &info, CTS_DER_SEQUENCE) ||
      !cts_oid_next(&info, out_oid) ||
      !cts_optional(&info, out_quals, &present,
                                    CTS_DER_SEQUENCE)) {
    it->infos.len = 0;
    return 0;
  }
  if (!present) out_quals->len = 0;
  return 1;
}

int cts_qual_next(cts_der *quals, cts_der *out_id, cts_der *out_qualifier) {
  cts_der pqi;
  if (quals->len == 0) return 0;
  if (!cts_der_get_element(quals, &pqi, CTS_DER_SEQUENCE) ||
      !cts_oid_next(&pqi, out_id) ||
      !cts_der_get_any_element(&pqi, out_qualifier, NULL, NULL)) {
    quals->len = 0;
    return 0;
  }
  return 1;
}

/* NoticeReference ::= SEQUENCE { organization DisplayText,
 *                                noticeNumbers SEQUENCE OF INTEGER }
 * DisplayText ::= CHOICE { ia5String IA5String, visibleString
 *   VisibleString, bmpString BMPString, utf8String UTF8String }
 * zcrypto reads explicitText as a RawValue: any element after the
 * optional noticeRef. */
int cts_user_notice_parse(const cts_der *qualifier, cts_user_notice *out) {
  cts_der q = *qualifier, un, ref, text;
  uint32_t tag;
  size_t hdr;
  memset(out, 0, sizeof(*out));
  if (!cts_der_get_element(&q, &un, CTS_DER_SEQUENCE)) return 0;
  if (cts_peek_low_tag(&un, CTS_DER_SEQUENCE)) {
    if (!cts_der_get_element(&un, &ref, CTS_DER_SEQUENCE)) return 0;
    out->has_ref = 1;
  }
  if (un.len > 0) {
    if (!cts_der_get_any_element(&un, &text, &tag, &hdr)) return 0;
    out->text.data = text.data + hdr;
    out->text.len = text.len - hdr;
    out->text_number = tag & CTS_DER_TAG_NUMBER_MASK;
    out->has_text = out->text.len != 0;
  }
  return 1;
}

/* --- nameConstraints --------------------------------------------------------- */

/* NameConstraints ::= SEQUENCE {
 *   permittedSubtrees [0] GeneralSubtrees OPTIONAL,
 *   excludedSubtrees  [1] GeneralSubtrees OPTIONAL }
 * zcrypto appends the subtrees of every nameConstraints extension. */
static int nc_next_extension(cts_nc_iter *it) {
  const cts_ext *e;
  cts_der seq;
  int present;
  while (cts_ext_next(it->sum, CTS_OID_EXT_NC, CTS_OID_LEN(CTS_OID_EXT_NC),
                      &it->pos, &e)) {
    if (!value_sequence(it->sum, e, &seq)) continue;
    if (!cts_optional(&seq, &it->permitted, &present,
                                      CTX_CONS(0)) ||
        !present)
      it->permitted.len = 0;
    if (!cts_optional(&seq, &it->excluded, &present,
                                      CTX_CONS(1)) ||
        !present)
      it->excluded.len = 0;
    return 1;
  }
  return 0;
}

void cts_nc_iter_init(cts_nc_iter *it, const cts_summary *sum) {
  memset(it, 0, sizeof(*it));
  it->sum = sum;
}

/* BaseDistance read as Go's int: not zero unless encoded as the single
 * octet 0 (Go rejects non-minimal INTEGERs, so that is the only zero). */
static int nonzero_int(const cts_der *contents) {
  for (size_t i = 0; i < contents->len; i++)
    if (contents->data[i] != 0) return 1;
  return 0;
}

/* GeneralSubtree ::= SEQUENCE { base GeneralName,
 *   minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL } */
static int nc_subtree(cts_der *list, int excluded, cts_nc_subtree *out) {
  cts_der st, base, v;
  uint32_t tag;
  size_t hdr;
  int present;
  if (!cts_der_get_element(list, &st, CTS_DER_SEQUENCE) ||
      !cts_der_get_any_element(&st, &base, &tag, &hdr)) {
    list->len = 0;
    return 0;
  }
  memset(out, 0, sizeof(*out));
  out->excluded = excluded;
  out->base_number = tag & CTS_DER_TAG_NUMBER_MASK;
  out->base.data = base.data + hdr;
  out->base.len = base.len - hdr;
  if (cts_optional(&st, &v, &present, CTX(0)) && present)
    out->min_nonzero = nonzero_int(&v);
  if (cts_optional(&st, &v, &present, CTX(1)) && present)
    out->max_nonzero = nonzero_int(&v);
  return 1;
}

int cts_nc_next(cts_nc_iter *it, cts_nc_subtree *out) {
  for (;;) {
    if (it->permitted.len > 0 && nc_subtree(&it->permitted, 0, out)) return 1;
    if (it->excluded.len > 0 && nc_subtree(&it->excluded, 1, out)) return 1;
    if (it->permitted.len == 0 && it->excluded.len == 0 &&
        !nc_next_extension(it))
      return 0;
  }
}

/* --- IANA reserved networks (zlint util/ip.go) ------------------------------- */

typedef struct reserved_net {
  uint8_t v4;
  uint8_t bits;
  uint8_t addr[16];
} reserved_net;

/* The special-purpose and reserved registries zlint lists; IPv4 networks
 * are 4-octet, IPv6 networks 16-octet, as net.ParseCIDR returns them. */
static const reserved_net k_reserved[] = {
    {1, 8, {10}}, {1, 12, {172, 16}}, {1, 16, {192, 168}},
    {1, 10, {100, 64}}, {1, 15, {198, 18}}, {0, 48, {0x20, 0x01, 0, 2}},
    {1, 24, {192, 0, 2}}, {1, 24, {198, 51, 100}}, {1, 24, {203, 0, 113}},
    {0, 32, {0x20, 0x01, 0x0d, 0xb8}}, {1, 4, {240}},
    {0, 6, {0x04}}, {0, 5, {0x08}}, {0, 4, {0x10}}, {0, 3, {0x40}},
    {0, 3, {0x60}}, {0, 3, {0x80}}, {0, 3, {0xa0}}, {0, 3, {0xc0}},
    {0, 4, {0xe0}}, {0, 5, {0xf0}}, {0, 6, {0xf8}}, {0, 9, {0xfe, 0x00}},
    {1, 24, {192, 0, 0}}, {0, 23, {0x20, 0x01}},
    {1, 24, {192, 31, 196}}, {1, 24, {192, 175, 48}},
    {0, 48, {0x20, 0x01, 0x00, 0x04, 0x01, 0x12}},
    {0, 48, {0x26, 0x20, 0x00, 0x4f, 0x80, 0x00}},
    {1, 24, {192, 52, 193}}, {0, 32, {0x20, 0x01, 0x00, 0x03}},
    {0, 28, {0x20, 0x01, 0x00, 0x20}}, {1, 8, {0}},
    {0, 16, {0x20, 0x02}},
    {0, 96, {0x00, 0x64, 0xff, 0x9b}},
    {0, 48, {0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}},
    {1, 32, {192, 0, 0, 8}}, {1, 32, {192, 0, 0, 9}},
    {0, 128, {0x20, 0x01, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}},
    {1, 32, {192, 0, 0, 10}},
    {0, 128, {0x20, 0x01, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02}},
    {1, 32, {192, 0, 0, 170}}, {1, 32, {192, 0, 0, 171}},
    {1, 32, {255, 255, 255, 255}}, {0, 64, {0x01, 0x00}},
    {0, 32, {0x20, 0x01, 0, 0}}, {0, 7, {0xfc}}, {0, 10, {0xfe, 0x80}},
    /* 169.254/16; 240-255/8 are inside 240/4 above; 224-239/8 as 224/4 */
    {1, 16, {169, 254}}, {1, 4, {224}}, {0, 8, {0xff}},
};

static const uint8_t k_v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

/* net.IP.To4: the IPv4 form of a 4-octet or v4-mapped 16-octet address. */
static size_t to4(const uint8_t *ip, size_t len, const uint8_t **out) {
  if (len == 4) {
    *out = ip;
    return 4;
  }
  if (len == 16 && memcmp(ip, k_v4_mapped, 12) == 0) {
    *out = ip + 12;
    return 4;
  }
  *out = ip;
  return len;
}

static void prefix_mask(uint8_t *mask, size_t len, unsigned bits) {
  for (size_t i = 0; i < len; i++) {
    unsigned b = bits > 8 ? 8 : bits;
    mask[i] = (uint8_t)(b == 0 ? 0 : 0xff << (8 - b));
    bits -= b;
  }
}

/* IPNet.Contains(ip): equal under the network's mask, same length after
 * To4 (net/ip.go). */
static int net_contains(const uint8_t *nn, const uint8_t *mask, size_t len,
                        const uint8_t *ip, size_t ip_len) {
  const uint8_t *x;
  ip_len = to4(ip, ip_len, &x);
  if (ip_len != len) return 0;
  for (size_t i = 0; i < len; i++)
    if ((nn[i] & mask[i]) != (x[i] & mask[i])) return 0;
  return 1;
}

/* net.IP.IsGlobalUnicast */
static int is_global_unicast(const uint8_t *ip, size_t len) {
  const uint8_t *x;
  static const uint8_t zero[16];
  if (len != 4 && len != 16) return 0;
  if (to4(ip, len, &x) == 4) {
    if (x[0] == 255 && x[1] == 255 && x[2] == 255 && x[3] == 255) return 0;
    if (memcmp(x, zero, 4) == 0 && (len == 4 || memcmp(ip, k_v4_mapped, 12) == 0))
      return 0;
    if (x[0] == 127 || (x[0] & 0xf0) == 0xe0) return 0;
    if (x[0] == 169 && x[1] == 254) return 0;
    return 1;
  }
  if (memcmp(ip, zero, 16) == 0) return 0;
  if (memcmp(ip, zero, 15) == 0 && ip[15] == 1) return 0;
  if (ip[0] == 0xff) return 0;
  if (ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80) return 0;
  return 1;
}

int cts_ip_net_intersects_reserved(const cts_der *net) {
  size_t half = net->len / 2, len;
  const uint8_t *ip = net->data, *mask = net->data + half, *nn;
  if (net->len != 8 && net->len != 32) return 0;
  if (!is_global_unicast(ip, half)) return 1;
  /* networkNumberAndMask(n): the address in its To4 form, and a 16-octet
   * mask trimmed to its last 4 octets for an IPv4 address. */
  len = to4(ip, half, &nn);
  if (len == 4 && half == 16) mask += 12;
  for (size_t i = 0; i < sizeof(k_reserved) / sizeof(k_reserved[0]); i++) {
    const reserved_net *r = &k_reserved[i];
    size_t rlen = r->v4 ? 4 : 16;
    uint8_t rmask[16];
    prefix_mask(rmask, rlen, r->bits);
    /* reserved.Contains(net.IP) || net.Contains(reserved.IP) */
    if (net_contains(r->addr, rmask, rlen, ip, half)) return 1;
    if (net_contains(nn, mask, len, r->addr, rlen)) return 1;
  }
  return 0;
}
