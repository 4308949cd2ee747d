/* The "subject" and "ev_ca" groups' per-certificate analysis: see
 * subject_memo.h. Each predicate here is the one a lint of subject.c or
 * ev_ca.c asked of every attribute before; the byte classes the sieve
 * computed for each value (CTS_BC_*) decide most of them without decoding
 * the value (an ASCII value's runes are its bytes). */
#include "subject_memo.h"

#include <stddef.h>
#include <string.h>

#include "simd/scan.h"
#include "subject_util.h"

/* --- attribute types --------------------------------------------------- */

static int type_of(const cts_der *oid) {
  const uint8_t *p = oid->data;
  if (oid->len == 3 && p[0] == 0x55 && p[1] == 0x04) {
    switch (p[2]) {
      case 3: return CTS_ST_CN;
      case 4: return CTS_ST_SURNAME;
      case 5: return CTS_ST_SERIAL;
      case 6: return CTS_ST_C;
      case 7: return CTS_ST_L;
      case 8: return CTS_ST_ST;
      case 9: return CTS_ST_STREET;
      case 10: return CTS_ST_O;
      case 11: return CTS_ST_OU;
      case 15: return CTS_ST_BUSINESS;
      case 17: return CTS_ST_POSTAL;
      case 42: return CTS_ST_GIVEN;
      case 97: return CTS_ST_ORG_ID;
      default: return CTS_ST_OTHER;
    }
  }
#define IS(X) (oid->len == CTS_OID_LEN(X) && memcmp(p, X, CTS_OID_LEN(X)) == 0)
  if (IS(CTS_OID_AT_EMAIL)) return CTS_ST_EMAIL;
  if (IS(CTS_SUBJ_OID_JUR_L)) return CTS_ST_JUR_L;
  if (IS(CTS_SUBJ_OID_JUR_ST)) return CTS_ST_JUR_ST;
  if (IS(CTS_SUBJ_OID_JUR_C)) return CTS_ST_JUR_C;
  if (IS(CTS_SUBJ_OID_DC)) return CTS_ST_DC;
#undef IS
  return CTS_ST_OTHER;
}

#define B(t) CTS_ST_BIT(CTS_ST_##t)

/* BRs 7.1.4.1 (v2.0.0): at most one instance across the RDNs. */
#define SINGLE_INSTANCE                                                     \
  (B(JUR_L) | B(JUR_ST) | B(JUR_C) | B(CN) | B(SURNAME) | B(SERIAL) |       \
   B(C) | B(L) | B(ST) | B(O) | B(BUSINESS) | B(GIVEN) | B(ORG_ID))
/* BRs 2.0.0 Tables 77/78: IA5String only, PrintableString only, or
 * PrintableString or UTF8String. */
#define ENC_IA5 B(DC)
#define ENC_PRINTABLE (B(C) | B(JUR_C) | B(SERIAL))
#define ENC_PRINTABLE_UTF8                                                  \
  (B(ST) | B(L) | B(POSTAL) | B(STREET) | B(O) | B(SURNAME) | B(GIVEN) |    \
   B(OU) | B(CN) | B(BUSINESS) | B(JUR_ST) | B(JUR_L) | B(ORG_ID))
/* BRs 7.1.2.7.2: a DV subject holds countryName and commonName only. */
#define DV_ALLOWED (B(C) | B(CN))
/* EVGs 9.2.9: the attributes 9.2 specifies. */
#define EV_ALLOWED                                                          \
  (B(JUR_L) | B(JUR_ST) | B(JUR_C) | B(CN) | B(SERIAL) | B(C) | B(L) |      \
   B(ST) | B(STREET) | B(O) | B(OU) | B(BUSINESS) | B(POSTAL) | B(ORG_ID))
/* The fields zlint's community lints scan, first value of each:
 * GivenName, Surname, CommonNames, OrganizationalUnit, Organization,
 * Locality, Province, StreetAddress, PostalCode, OrganizationIDs,
 * JurisdictionLocality, JurisdictionProvince. */
#define SCANNED                                                             \
  (B(GIVEN) | B(SURNAME) | B(CN) | B(OU) | B(O) | B(L) | B(ST) |            \
   B(STREET) | B(POSTAL) | B(ORG_ID) | B(JUR_L) | B(JUR_ST))

/* BRs 7.1.4.2 (v2.0.0) order: domainComponent, countryName,
 * stateOrProvinceName, localityName, postalCode, streetAddress,
 * organizationName, surname, givenName, organizationalUnitName,
 * commonName; -1 for types not ordered. */
static int rdn_order_rank(int type) {
  switch (type) {
    case CTS_ST_DC: return 0;
    case CTS_ST_C: return 1;
    case CTS_ST_ST: return 2;
    case CTS_ST_L: return 3;
    case CTS_ST_POSTAL: return 4;
    case CTS_ST_STREET: return 5;
    case CTS_ST_O: return 6;
    case CTS_ST_SURNAME: return 7;
    case CTS_ST_GIVEN: return 8;
    case CTS_ST_OU: return 9;
    case CTS_ST_CN: return 10;
    default: return -1;
  }
}

/* util.IsNameAttribute: id-at 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 41,
 * 42, 43, 44, 46. */
static int is_name_attribute(const cts_der *type) {
  uint8_t leaf;
  if (type->len != 3 || type->data[0] != 0x55 || type->data[1] != 0x04)
    return 0;
  leaf = type->data[2];
  return (leaf >= 3 && leaf <= 12) || leaf == 17 ||
         (leaf >= 41 && leaf <= 44) || leaf == 46;
}

/* --- values -------------------------------------------------------------- */

/* cts_subj_is_go_string, inline: asked of every attribute. */
static int go_string(uint32_t tag) {
  return tag == CTS_DER_PRINTABLE_STRING || tag == CTS_DER_UTF8_STRING ||
         tag == CTS_DER_IA5_STRING || tag == CTS_DER_T61_STRING ||
         tag == CTS_DER_NUMERIC_STRING || tag == CTS_DER_BMP_STRING;
}

/* A value's runes are its bytes when it is neither UTF-16 nor holds a byte
 * above 0x7f (every ASCII byte decodes to itself). */
static int is_ascii_bytes(uint32_t tag, uint32_t cls) {
  return tag != CTS_DER_BMP_STRING && !(cls & CTS_BC_HIGH);
}

/* RFC 5280 Appendix B: PrintableString holds a-z, A-Z, 0-9 and
 * ' = ( ) + , - . / : ? and space; zlint also rejects an empty one. */
static int printable_alphabet(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || strchr("'=()+,-./:? ", c) != NULL;
}

static int printable_bad(cts_der v, uint32_t cls) {
  if (v.len == 0) return 1;
  /* classes wholly inside the alphabet, or wholly outside it */
  if (cls & (CTS_BC_UNDERSCORE | CTS_BC_STAR | CTS_BC_AT | CTS_BC_NUL |
             CTS_BC_CONTROL | CTS_BC_HIGH))
    return 1;
  if (!(cls & CTS_BC_OTHER)) return 0;
  for (size_t i = 0; i < v.len; i++)
    if (v.data[i] == 0 || !printable_alphabet(v.data[i])) return 1;
  return 0;
}

/* RFC 5280 Appendix A as zlint checks it: the raw bytes decoded as UTF-8,
 * whatever the type, hold no C0 control and nothing in U+007F-U+009F. */
static int has_control(cts_der v, uint32_t cls) {
  size_t pos = 0;
  uint32_t r;
  if (cls & (CTS_BC_NUL | CTS_BC_CONTROL)) return 1;
  if (!(cls & CTS_BC_HIGH)) return 0;
  while (cts_subj_next_rune(CTS_DER_UTF8_STRING, v, &pos, &r))
    if (r < 0x20 || (r >= 0x7f && r <= 0x9f)) return 1;
  return 0;
}

/* BRs 7.1.4.2.2 j as zlint checks it: a letter, a digit or a non-ASCII
 * character. A byte above 0x7f always decodes to a rune above 127. */
static int is_informative(uint32_t tag, cts_der v, uint32_t cls) {
  size_t pos = 0;
  uint32_t r;
  if (tag != CTS_DER_BMP_STRING)
    return (cls & (CTS_BC_LOWER | CTS_BC_UPPER | CTS_BC_DIGIT |
                   CTS_BC_HIGH)) != 0;
  while (cts_subj_next_rune(tag, v, &pos, &r))
    if ((r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
        (r >= '0' && r <= '9') || r > 127)
      return 1;
  return 0;
}

/* ISO 3166-2:2020 5.1 (zlint: ^[A-Z]+$). */
static int is_upper_letters(uint32_t tag, cts_der v, uint32_t cls) {
  size_t pos = 0, n = 0;
  uint32_t r;
  if (is_ascii_bytes(tag, cls)) return cls == CTS_BC_UPPER;
  for (; cts_subj_next_rune(tag, v, &pos, &r); n++)
    if (r < 'A' || r > 'Z') return 0;
  return n > 0;
}

static uint32_t rune_count(uint32_t tag, cts_der v, uint32_t cls) {
  if (is_ascii_bytes(tag, cls)) return (uint32_t)v.len;
  return (uint32_t)cts_subj_rune_count(tag, v);
}

static int ascii_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* util.CheckRDNSequenceWhiteSpace on one value: bit 0 leading, bit 1
 * trailing unicode.IsSpace. An ASCII first or last byte is always a rune
 * of its own, so most values need no decoding. */
static uint32_t edge_spaces(uint32_t tag, cts_der v) {
  size_t pos = 0;
  uint32_t first, last, r, out = 0;
  if (tag != CTS_DER_BMP_STRING && v.len > 0 && v.data[0] < 0x80 &&
      v.data[v.len - 1] < 0x80)
    return (uint32_t)ascii_space(v.data[0]) |
           (uint32_t)ascii_space(v.data[v.len - 1]) << 1;
  if (!cts_subj_next_rune(tag, v, &pos, &first)) return 0;
  if (cts_subj_is_space(first)) out |= 1;
  if (tag != CTS_DER_BMP_STRING && v.data[v.len - 1] < 0x80) {
    last = v.data[v.len - 1];
  } else {
    last = first;
    while (cts_subj_next_rune(tag, v, &pos, &r)) last = r;
  }
  if (cts_subj_is_space(last)) out |= 2;
  return out;
}

static int is_alnum_rune(uint32_t r) {
  return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= '0' && r <= '9');
}

/* An HTML entity: &#?[a-zA-Z0-9]+; */
static int has_html_entity(const cts_subj_val *s) {
  size_t pos = 0, at;
  uint32_t r;
  /* '&' is an "other" printable byte; UTF-16 is decoded */
  if (s->tag != CTS_DER_BMP_STRING && !(s->classes & CTS_BC_OTHER)) return 0;
  while (cts_subj_next_rune(s->tag, s->value, &pos, &r)) {
    size_t n = 0;
    if (r != '&') continue;
    at = pos;
    if (!cts_subj_next_rune(s->tag, s->value, &at, &r)) break;
    if (r == '#' && !cts_subj_next_rune(s->tag, s->value, &at, &r)) break;
    while (is_alnum_rune(r) && cts_subj_next_rune(s->tag, s->value, &at, &r))
      n++;
    if (n > 0 && r == ';') return 1;
  }
  return 0;
}

/* Second characters of "Ã?" mojibake: the Windows-1252 reading of the
 * second UTF-8 byte of U+00C0-U+00FF, for the 57 letters zlint lists
 * (bytes 0x80, 0x82-0x8C, 0x8E, 0x91-0x9C, 0x9E-0x9F, 0xA1-0xAC,
 * 0xAE-0xBF). */
static int is_mixup_second(uint32_t r) {
  static const uint16_t cp1252[] = {
      0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6,
      0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c,
      0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
      0x0153, 0x017e, 0x0178};
  size_t i;
  if ((r >= 0xa1 && r <= 0xac) || (r >= 0xae && r <= 0xbf)) return 1;
  for (i = 0; i < sizeof(cp1252) / sizeof(cp1252[0]); i++)
    if (r == cp1252[i]) return 1;
  return 0;
}

/* UTF-8 read as Latin-1 / Windows-1252 and re-encoded ("MÃ¼nchen"): both
 * runes are above 0x7f, so an ASCII value cannot hold it. */
static int has_latin1_mixup(const cts_subj_val *s) {
  size_t pos = 0;
  uint32_t r, prev = 0;
  if (is_ascii_bytes(s->tag, s->classes)) return 0;
  while (cts_subj_next_rune(s->tag, s->value, &pos, &r)) {
    if (prev == 0xc3 && is_mixup_second(r)) return 1;
    prev = r;
  }
  return 0;
}

/* --- the subject --------------------------------------------------------- */

typedef struct walk_state {
  int prev_rank; /* rank of the last ordered type seen */
} walk_state;

/* Everything the lints ask of one attribute, in encoding order. */
static void add_attr(cts_subj_memo *m, walk_state *w, const cts_der *oid,
                     cts_der v, uint32_t tag, uint32_t cls, int multi_rdn) {
  int t = type_of(oid), rank = rdn_order_rank(t);
  uint32_t bit = CTS_ST_BIT(t), tn = tag & CTS_DER_TAG_NUMBER_MASK;
  m->n_attrs++;
  if ((SINGLE_INSTANCE & bit) && (m->has & bit)) m->flags |= CTS_SF_DUPLICATE;
  m->has |= bit;
  if (multi_rdn) m->flags |= CTS_SF_MULTI_RDN;
  if (rank >= 0) {
    if (rank < w->prev_rank) m->flags |= CTS_SF_RDN_ORDER;
    w->prev_rank = rank;
  }
  if (tn != CTS_DER_PRINTABLE_STRING) m->not_printable |= bit;
  if (((ENC_IA5 & bit) && tn != CTS_DER_IA5_STRING) ||
      ((ENC_PRINTABLE & bit) && tn != CTS_DER_PRINTABLE_STRING) ||
      ((ENC_PRINTABLE_UTF8 & bit) && tn != CTS_DER_PRINTABLE_STRING &&
       tn != CTS_DER_UTF8_STRING))
    m->flags |= CTS_SF_ENCODING;
  if (tn == CTS_DER_PRINTABLE_STRING && printable_bad(v, cls))
    m->flags |= CTS_SF_BADALPHA;
  if (has_control(v, cls)) m->flags |= CTS_SF_CONTROL;
  if (!(DV_ALLOWED & bit)) m->flags |= CTS_SF_NOT_DV;
  if (!(EV_ALLOWED & bit)) m->flags |= CTS_SF_NOT_EV;
  if (t == CTS_ST_BUSINESS && !m->has_bc) {
    m->has_bc = 1;
    m->first_bc = v;
    m->first_bc_tag = tag;
  }
  if (!go_string(tag)) return;
  {
    cts_subj_val s;
    s.value = v;
    s.tag = tag;
    s.runes = rune_count(tag, v, cls);
    s.classes = (uint16_t)cls;
    s.set = 1;
    m->has_str |= bit;
    if (s.runes > m->max_runes[t]) m->max_runes[t] = s.runes;
    if (!m->first_str[t].set) m->first_str[t] = s;
    m->last_str[t] = s;
    if (t == CTS_ST_CN && m->cn_strings < 255) m->cn_strings++;
    if (!is_informative(tag, v, cls)) m->flags |= CTS_SF_NONINFO;
    if (t == CTS_ST_C) {
      if (!cts_subj_is_iso_country(tag, v)) m->flags |= CTS_SF_C_NOT_ISO;
      if (!is_upper_letters(tag, v, cls)) m->flags |= CTS_SF_C_NOT_UPPER;
    }
    /* a value with neither a space, a control nor a byte above 0x7f
     * holds no unicode.IsSpace */
    if (is_name_attribute(oid) &&
        (tag == CTS_DER_BMP_STRING ||
         (cls & (CTS_BC_SPACE | CTS_BC_CONTROL | CTS_BC_HIGH)))) {
      uint32_t ws = edge_spaces(tag, v);
      if (ws & 1) m->flags |= CTS_SF_LEADING_WS;
      if (ws & 2) m->flags |= CTS_SF_TRAILING_WS;
    }
  }
}

static void fill_subject(const cts_summary *sum, cts_subj_memo *m) {
  walk_state w = {0};
  /* the SUBJECT tier's fields, which precede the other tiers' */
  memset(&m->n_attrs, 0,
         offsetof(cts_subj_memo, issuer_empty) -
             offsetof(cts_subj_memo, n_attrs));
  if (!(sum->flags & CTS_SUM_ATTRS_TRUNCATED)) {
    /* the summary's table, with the sieve's byte classes; it keeps an
     * RDN's attributes together */
    for (uint16_t i = 0; i < sum->n_subject_attrs; i++) {
      const cts_attr *a = &sum->subject_attrs[i];
      cts_der oid = cts_summary_der(sum, a->oid);
      int multi = i > 0 && sum->subject_attrs[i - 1].rdn == a->rdn;
      add_attr(m, &w, &oid, cts_summary_der(sum, a->value), a->tag,
               a->classes, multi);
    }
  } else {
    cts_subj_iter it;
    cts_subj_atv atv;
    cts_subj_iter_subject(&it, sum);
    while (cts_subj_iter_next(&it, &atv))
      add_attr(m, &w, &atv.type, atv.value, atv.tag,
               cts_classify(atv.value.data, atv.value.len),
               atv.rdn_size > 1);
  }
  for (int t = 0; t < CTS_ST_COUNT; t++) {
    const cts_subj_val *s = &m->first_str[t];
    if (!(SCANNED & CTS_ST_BIT(t)) || !s->set) continue;
    if (has_html_entity(s)) m->flags |= CTS_SF_HTML;
    if (has_latin1_mixup(s)) m->flags |= CTS_SF_LATIN1;
  }
}

/* --- per-thread answers by bytes --------------------------------------- */

/* The issuer and the certificatePolicies extension repeat from
 * certificate to certificate of a CA, and what the lints ask of them is a
 * function of their bytes alone: a small per-thread cache of answers,
 * direct-mapped and keyed by the bytes themselves, saves walking them
 * again (a DER walk of a Name costs far more than comparing its bytes). */
#define BYTES_CACHE_SETS 64 /* of two slots each */
#define BYTES_CACHE_KEY 256
typedef struct bytes_slot {
  uint16_t len; /* 0: empty (an empty key is never cached) */
  uint8_t answer[7];
  uint8_t key[BYTES_CACHE_KEY];
} bytes_slot;

typedef struct bytes_cache {
  bytes_slot slot[BYTES_CACHE_SETS][2];
  uint8_t next[BYTES_CACHE_SETS]; /* the way to replace: the older one */
} bytes_cache;

static _Thread_local bytes_cache g_issuer_cache;
static _Thread_local bytes_cache g_policies_cache;

/* The slot for the bytes, and whether it holds their answer; NULL when
 * the bytes are too long to cache. */
static bytes_slot *bytes_lookup(bytes_cache *cache, const uint8_t *p,
                                size_t n, int *hit) {
  uint32_t h = 2166136261u ^ (uint32_t)n;
  size_t set;
  *hit = 0;
  if (n == 0 || n > BYTES_CACHE_KEY) return NULL;
  /* the last bytes, where the Names (a CN last) and the policy OIDs of
   * different CAs differ */
  for (size_t i = n > 16 ? n - 16 : 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  set = (h ^ h >> 15) % BYTES_CACHE_SETS;
  for (int w = 0; w < 2; w++) {
    bytes_slot *slot = &cache->slot[set][w];
    if (slot->len == n && memcmp(slot->key, p, n) == 0) {
      cache->next[set] = (uint8_t)!w;
      *hit = 1;
      return slot;
    }
  }
  return &cache->slot[set][cache->next[set]];
}

static void bytes_store(bytes_slot *slot, const uint8_t *p, size_t n) {
  slot->len = (uint16_t)n;
  memcpy(slot->key, p, n);
}

/* --- the issuer ---------------------------------------------------------- */

static void walk_issuer(const cts_summary *sum, cts_subj_memo *m) {
  cts_subj_iter it;
  cts_subj_atv atv;
  m->issuer_empty = 1;
  m->issuer_c_string = m->issuer_c_not_printable = 0;
  m->issuer_multi_rdn = m->issuer_leading_ws = m->issuer_trailing_ws = 0;
  cts_subj_iter_issuer(&it, sum);
  while (cts_subj_iter_next(&it, &atv)) {
    int is_c = CTS_SUBJ_OID_IS(&atv.type, CTS_OID_AT_C);
    int str = cts_subj_is_go_string(atv.tag);
    m->issuer_empty = 0;
    if (atv.rdn_size > 1) m->issuer_multi_rdn = 1;
    if (is_c && str) m->issuer_c_string = 1;
    if (is_c &&
        (atv.tag & CTS_DER_TAG_NUMBER_MASK) != CTS_DER_PRINTABLE_STRING)
      m->issuer_c_not_printable = 1;
    if (str && is_name_attribute(&atv.type)) {
      uint32_t ws = edge_spaces(atv.tag, atv.value);
      if (ws & 1) m->issuer_leading_ws = 1;
      if (ws & 2) m->issuer_trailing_ws = 1;
    }
  }
}

static void fill_issuer(const cts_summary *sum, cts_subj_memo *m) {
  const uint8_t *p = sum->der + sum->issuer.off;
  int hit;
  bytes_slot *slot =
      bytes_lookup(&g_issuer_cache, p, sum->issuer.len, &hit);
  if (hit) {
    m->issuer_empty = slot->answer[0];
    m->issuer_c_string = slot->answer[1];
    m->issuer_c_not_printable = slot->answer[2];
    m->issuer_multi_rdn = slot->answer[3];
    m->issuer_leading_ws = slot->answer[4];
    m->issuer_trailing_ws = slot->answer[5];
    return;
  }
  walk_issuer(sum, m);
  if (slot == NULL) return;
  slot->answer[0] = m->issuer_empty;
  slot->answer[1] = m->issuer_c_string;
  slot->answer[2] = m->issuer_c_not_printable;
  slot->answer[3] = m->issuer_multi_rdn;
  slot->answer[4] = m->issuer_leading_ws;
  slot->answer[5] = m->issuer_trailing_ws;
  bytes_store(slot, p, sum->issuer.len);
}

/* --- EV ------------------------------------------------------------------ */

/* zlint util.IsEV, a function of the certificatePolicies value. */
static int is_ev(const cts_summary *sum) {
  const uint8_t *p;
  size_t n;
  int hit, ev;
  bytes_slot *slot;
  if (sum->ext_policies < 0) return 0;
  p = sum->der + sum->exts[sum->ext_policies].value.off;
  n = sum->exts[sum->ext_policies].value.len;
  slot = bytes_lookup(&g_policies_cache, p, n, &hit);
  if (hit) return slot->answer[0];
  ev = cts_subj_is_ev(sum);
  if (slot != NULL) {
    slot->answer[0] = (uint8_t)ev;
    bytes_store(slot, p, n);
  }
  return ev;
}

const cts_subj_memo *cts_subj_memo_fill(const cts_lint_cert *cert,
                                        uint32_t tiers) {
  int fresh;
  cts_subj_memo *m = cts_lint_memo_slot(cert, CTS_MEMO_SUBJECT, &fresh);
  if (fresh) m->tiers = 0;
  tiers &= ~m->tiers;
  if (tiers & CTS_SM_SUBJECT) {
    fill_subject(cert->sum, m);
    m->tiers |= CTS_SM_SUBJECT;
  }
  if (tiers & CTS_SM_ISSUER) {
    fill_issuer(cert->sum, m);
    m->tiers |= CTS_SM_ISSUER;
  }
  if (tiers & CTS_SM_EV) {
    m->is_ev = (uint8_t)is_ev(cert->sum);
    m->tiers |= CTS_SM_EV;
  }
  return m;
}

_Static_assert(sizeof(cts_subj_memo) <= CTS_MEMO_SLOT_SIZE,
               "the subject memo fits its slot");
