/* The names a certificate claims, read as zcrypto reads them (see
 * names_util.h). */
#include <string.h>

#include "ctscan/der.h"
#include "names_util.h"

static uint8_t lower(uint8_t c) {
  return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

int cts_str_eq(cts_str a, cts_str b) {
  return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

int cts_str_eq_fold(cts_str a, cts_str b) {
  if (a.n != b.n) return 0;
  for (size_t i = 0; i < a.n; i++)
    if (lower(a.p[i]) != lower(b.p[i])) return 0;
  return 1;
}

int cts_str_has_suffix_fold(cts_str s, const char *suffix) {
  size_t k = strlen(suffix);
  if (s.n < k) return 0;
  for (size_t i = 0; i < k; i++)
    if (lower(s.p[s.n - k + i]) != (uint8_t)suffix[i]) return 0;
  return 1;
}

cts_str cts_names_span(const cts_summary *sum, cts_span span) {
  cts_str s;
  s.p = sum->der + span.off;
  s.n = span.len;
  return s;
}

const cts_ext *cts_names_find_ext(const cts_summary *sum, uint8_t arc) {
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    const cts_span oid = sum->exts[i].oid;
    const uint8_t *p = sum->der + oid.off;
    if (oid.len == 3 && p[0] == 0x55 && p[1] == 0x1d && p[2] == arc)
      return &sum->exts[i];
  }
  return NULL;
}

/* Go's encoding/asn1 reads these universal types of an attribute value as
 * a string (zcrypto pkix.Name keeps only string values). */
static int is_go_string_tag(uint32_t tag) {
  switch (tag) {
  case CTS_DER_UTF8_STRING:
  case CTS_DER_PRINTABLE_STRING:
  case CTS_DER_T61_STRING:
  case CTS_DER_IA5_STRING:
  case CTS_DER_NUMERIC_STRING:
  case CTS_DER_BMP_STRING:
    return 1;
  default:
    return 0;
  }
}

/* UCS-2 big-endian to UTF-8 (Go decodes BMPString with utf16.Decode; a
 * lone surrogate becomes U+FFFD). Truncates at the buffer's end. */
static cts_str bmp_to_utf8(cts_str v, cts_cn_buf *buf) {
  size_t o = 0;
  cts_str out;
  for (size_t i = 0; i + 1 < v.n; i += 2) {
    uint32_t c = (uint32_t)v.p[i] << 8 | v.p[i + 1];
    if (c >= 0xd800 && c < 0xdc00 && i + 3 < v.n) {
      uint32_t d = (uint32_t)v.p[i + 2] << 8 | v.p[i + 3];
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i += 2;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c < 0xe000) {
      c = 0xfffd;
    }
    if (o + 4 > sizeof(buf->bytes)) break;
    if (c < 0x80) {
      buf->bytes[o++] = (uint8_t)c;
    } else if (c < 0x800) {
      buf->bytes[o++] = (uint8_t)(0xc0 | c >> 6);
      buf->bytes[o++] = (uint8_t)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      buf->bytes[o++] = (uint8_t)(0xe0 | c >> 12);
      buf->bytes[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
      buf->bytes[o++] = (uint8_t)(0x80 | (c & 0x3f));
    } else {
      buf->bytes[o++] = (uint8_t)(0xf0 | c >> 18);
      buf->bytes[o++] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
      buf->bytes[o++] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
      buf->bytes[o++] = (uint8_t)(0x80 | (c & 0x3f));
    }
  }
  out.p = buf->bytes;
  out.n = o;
  return out;
}

static cts_str attr_string(const cts_summary *sum, const cts_attr *a,
                           cts_cn_buf *buf) {
  cts_str v = cts_names_span(sum, a->value);
  return a->tag == CTS_DER_BMP_STRING ? bmp_to_utf8(v, buf) : v;
}

/* id-at-commonName 2.5.4.3 */
static int is_cn(const cts_summary *sum, const cts_attr *a) {
  const uint8_t *p = sum->der + a->oid.off;
  return a->oid.len == 3 && p[0] == 0x55 && p[1] == 0x04 && p[2] == 0x03 &&
         is_go_string_tag(a->tag);
}

/* zcrypto's FillFromRDNSequence sets CommonName for every commonName it
 * meets, so the last one wins. */
cts_str cts_names_cn(const cts_summary *sum, cts_cn_buf *buf) {
  cts_str none = {NULL, 0};
  for (size_t i = sum->n_subject_attrs; i > 0; i--) {
    const cts_attr *a = &sum->subject_attrs[i - 1];
    if (is_cn(sum, a)) return attr_string(sum, a, buf);
  }
  return none;
}

int cts_names_cn_at(const cts_summary *sum, size_t index, cts_cn_buf *buf,
                    cts_str *out) {
  size_t seen = 0;
  for (size_t i = 0; i < sum->n_subject_attrs; i++) {
    const cts_attr *a = &sum->subject_attrs[i];
    if (!is_cn(sum, a)) continue;
    if (seen++ == index) {
      *out = attr_string(sum, a, buf);
      return 1;
    }
  }
  return 0;
}

void cts_san_begin(cts_san_iter *it, const cts_summary *sum) {
  memset(it, 0, sizeof(*it));
  it->sum = sum;
  if ((sum->flags & (CTS_SUM_SAN_MALFORMED | CTS_SUM_SANS_TRUNCATED |
                     CTS_SUM_DUPLICATE_EXT)) == 0 ||
      sum->ext_san < 0)
    return;
  /* GeneralNames ::= SEQUENCE OF GeneralName (RFC 5280 4.2.1.6) */
  it->walk = 1;
  cts_der v = cts_summary_der(sum, sum->exts[sum->ext_san].value);
  if (!cts_der_get_element(&v, &it->names, CTS_DER_SEQUENCE))
    it->names.len = 0;
}

int cts_san_next(cts_san_iter *it, uint8_t *out_type, cts_str *out_value,
                 uint16_t *out_classes) {
  if (!it->walk) {
    const cts_general_name *gn;
    if (it->i >= it->sum->n_sans) return 0;
    gn = &it->sum->sans[it->i++];
    *out_type = gn->type;
    *out_value = cts_names_span(it->sum, gn->value);
    *out_classes = gn->classes;
    return 1;
  }
  while (it->names.len > 0) {
    cts_der whole;
    uint32_t tag, number;
    size_t hdr;
    if (!cts_der_get_any_element(&it->names, &whole, &tag, &hdr)) return 0;
    number = tag & CTS_DER_TAG_NUMBER_MASK;
    if (number > CTS_GN_REGISTERED_ID) continue; /* zcrypto skips it */
    *out_type = (uint8_t)number;
    out_value->p = whole.data + hdr;
    out_value->n = whole.len - hdr;
    *out_classes = 0xffff;
    return 1;
  }
  return 0;
}

int cts_names_dns_exist(const cts_summary *sum) {
  cts_cn_buf buf;
  cts_san_iter it;
  uint8_t type;
  cts_str v;
  uint16_t classes;
  cts_san_begin(&it, sum);
  while (cts_san_next(&it, &type, &v, &classes))
    if (type == CTS_GN_DNS) return 1;
  return cts_names_cn(sum, &buf).n > 0;
}
