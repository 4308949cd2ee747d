/* The "extensions" group's per-certificate analyses (extensions_util.h,
 * "the group's per-certificate memo"): each walk the group's lints used
 * to repeat, done once, with the answers every lint reads. The walkers
 * are those of extensions_der.c, so what counts as an item, and where a
 * malformed value stops a walk, is unchanged. */
#include <string.h>

#include "extensions_util.h"

#define OID_IS(d, X) cts_oid_is((d), (X), CTS_OID_LEN(X))

/* cts_span_has_prefix and cts_span_has_iprefix with the literal's length
 * known here, so that no strlen runs per location. */
static int prefix_is(const cts_der *s, const char *lit, size_t n) {
  return s->len >= n && memcmp(s->data, lit, n) == 0;
}

static int iprefix_is(const cts_der *s, const char *lit, size_t n) {
  if (s->len < n) return 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = s->data[i];
    if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 32);
    if (c != (uint8_t)lit[i]) return 0; /* lit is lower case */
  }
  return 1;
}

#define PREFIX(s, L) prefix_is((s), (L), sizeof(L) - 1)
/* cts_span_ieq, likewise (lit lower case) */
#define IEQ(s, L) ((s)->len == sizeof(L) - 1 && iprefix_is((s), (L), sizeof(L) - 1))
#define IPREFIX(s, L) iprefix_is((s), (L), sizeof(L) - 1)

/* --- extensions the sieve does not index ----------------------------------- */

/* One pass over the extensions: each OID is told apart by its length and,
 * for id-ce (2.5.29), its last octet. The last of duplicates wins, as in
 * zcrypto's ExtensionsMap; of the SCT lists the first. */
static void fill_lookup(const cts_summary *sum, cts_ext_memo *m) {
  for (int k = 0; k < CTS_XI_COUNT; k++) m->idx[k] = -1;
  for (uint16_t i = 0; i < sum->n_exts; i++) {
    cts_der oid = cts_summary_der(sum, sum->exts[i].oid);
    int which = -1;
    if (oid.len == 3 && oid.data[0] == 0x55 && oid.data[1] == 0x1d) {
      switch (oid.data[2]) {
        case 0x1e: which = CTS_XI_NC; break;
        case 0x21: which = CTS_XI_POLICY_MAP; break;
        case 0x24: which = CTS_XI_POLICY_CONST; break;
        case 0x36: which = CTS_XI_INHIBIT_ANY; break;
        case 0x09: which = CTS_XI_SDA; break;
        case 0x2e: which = CTS_XI_FRESHEST_CRL; break;
        default: break;
      }
    } else if (OID_IS(&oid, CTS_EXT_OID_SIA)) {
      which = CTS_XI_SIA;
    } else if (OID_IS(&oid, CTS_EXT_OID_OCSP_NOCHECK)) {
      which = CTS_XI_OCSP_NOCHECK;
    } else if (OID_IS(&oid, CTS_OID_EXT_SCT_LIST)) {
      if (m->idx[CTS_XI_SCT_FIRST] < 0) m->idx[CTS_XI_SCT_FIRST] = (int16_t)i;
    }
    if (which >= 0) m->idx[which] = (int16_t)i;
  }
}

/* --- authorityInfoAccess --------------------------------------------------- */

static int ieq_span(const cts_der *a, const cts_der *b) {
  if (a->len != b->len) return 0;
  for (size_t i = 0; i < a->len; i++) {
    uint8_t x = a->data[i], y = b->data[i];
    if (x >= 'A' && x <= 'Z') x = (uint8_t)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (uint8_t)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

/* Every AccessDescription in order (cts_aia_next). A location repeated
 * within one method is compared, ignoring case (strings.EqualFold), with
 * the first CTS_AIA_MAX_URLS of that method. */
static void fill_aia(const cts_summary *sum, cts_ext_memo *m) {
  cts_aia_iter it;
  cts_der method, loc;
  uint32_t number;
  uint32_t aia = 0;
  m->n_aia_urls[0] = m->n_aia_urls[1] = 0;
  if (sum->ext_aia >= 0) {
    cts_aia_iter_init(&it, sum);
    while (cts_aia_next(&it, &method, &number, &loc)) {
      int k;
      uint32_t *n;
      if (OID_IS(&method, CTS_OID_AD_OCSP)) k = CTS_AIA_M_OCSP;
      else if (OID_IS(&method, CTS_OID_AD_CA_ISSUERS)) k = CTS_AIA_M_ISSUERS;
      else k = -1;
      if (number != CTS_GN_URI || k < 0) aia |= CTS_AIA_BAD_DESC;
      if (number != CTS_GN_URI || k < 0) continue;
      if (k == CTS_AIA_M_OCSP) {
        aia |= CTS_AIA_OCSP;
        if (PREFIX(&loc, "http://")) aia |= CTS_AIA_OCSP_HTTP;
      } else {
        aia |= CTS_AIA_ISSUERS;
        if (PREFIX(&loc, "http://")) aia |= CTS_AIA_ISSUERS_HTTP;
        if (IPREFIX(&loc, "http://") ||
            IPREFIX(&loc, "ldap://"))
          aia |= CTS_AIA_ISSUERS_HTTP_LDAP;
      }
      n = &m->n_aia_urls[k];
      if (!(aia & CTS_AIA_DUPLICATE)) {
        uint32_t seen = *n < CTS_AIA_MAX_URLS ? *n : CTS_AIA_MAX_URLS;
        for (uint32_t i = 0; i < seen; i++)
          if (ieq_span(&m->aia_url[k][i], &loc)) {
            aia |= CTS_AIA_DUPLICATE;
            break;
          }
      }
      if (*n < CTS_AIA_MAX_URLS) m->aia_url[k][*n] = loc;
      if (*n < UINT32_MAX) (*n)++;
    }
    if (it.malformed) aia |= CTS_AIA_MALFORMED;
  }
  m->aia = aia;
}

/* One URL of a method through net/url: whether the scheme is "http"
 * (BRs 7.1.2.7.7), and the status of the internal-names lint (BRs
 * 7.1.2.10.3): an URL Go rejects is an error; an IP host passes; a name
 * must end in a delegated TLD. The status is the first URL's that does
 * not pass. */
static void aia_url(cts_ext_memo *m, int k, const cts_der *url) {
  cts_go_url u;
  cts_der hostname;
  uint32_t bad = k == CTS_AIA_M_OCSP ? CTS_AIA_OCSP_BAD_SCHEME
                                     : CTS_AIA_ISSUERS_BAD_SCHEME;
  if (!cts_go_url_parse(url, &u)) {
    m->aia |= bad;
    if (m->aia_internal[k] == CTS_LINT_PASS) m->aia_internal[k] = CTS_LINT_ERROR;
    return;
  }
  if (!IEQ(&u.scheme, "http")) m->aia |= bad;
  if (m->aia_internal[k] != CTS_LINT_PASS || cts_go_parse_ip(&u.host)) return;
  hostname = cts_go_url_hostname(&u.host);
  if (!cts_has_valid_tld(&hostname)) m->aia_internal[k] = CTS_LINT_WARN;
}

static void fill_aia_urls(const cts_summary *sum, cts_ext_memo *m) {
  static const char *const methods[2] = {CTS_OID_AD_OCSP,
                                         CTS_OID_AD_CA_ISSUERS};
  static const size_t lens[2] = {CTS_OID_LEN(CTS_OID_AD_OCSP),
                                 CTS_OID_LEN(CTS_OID_AD_CA_ISSUERS)};
  for (int k = 0; k < 2; k++) {
    m->aia_internal[k] = CTS_LINT_PASS;
    if (m->n_aia_urls[k] <= CTS_AIA_MAX_URLS) {
      for (uint32_t i = 0; i < m->n_aia_urls[k]; i++)
        aia_url(m, k, &m->aia_url[k][i]);
    } else { /* more than were kept: walk them again */
      cts_aia_iter it;
      cts_der url;
      cts_aia_iter_init(&it, sum);
      while (cts_aia_next_url(&it, methods[k], lens[k], &url))
        aia_url(m, k, &url);
    }
  }
}

/* --- cRLDistributionPoints ------------------------------------------------- */

static void fill_cdp(const cts_summary *sum, cts_ext_memo *m) {
  cts_cdp_iter it;
  cts_der uri;
  uint32_t cdp = 0;
  if (sum->ext_cdp >= 0) {
    cts_cdp_iter_init(&it, sum);
    while (cts_cdp_next_uri(&it, &uri)) {
      cdp |= CTS_CDP_URI;
      if (PREFIX(&uri, "http://")) cdp |= CTS_CDP_HTTP;
      if (IPREFIX(&uri, "http://") ||
          IPREFIX(&uri, "ldap://"))
        cdp |= CTS_CDP_HTTP_LDAP_I;
      if (!PREFIX(&uri, "http:")) cdp |= CTS_CDP_NOT_HTTP;
    }
  }
  m->cdp = cdp;
}

/* --- certificatePolicies --------------------------------------------------- */

/* RFC 6818 3: explicitText SHOULD NOT include control characters
 * (U+0000-U+001F, U+007F-U+009F); zlint steps over UTF-8 sequences by
 * their lead octet. */
static int text_has_control(const cts_der *text) {
  const uint8_t *b = text->data;
  size_t n = text->len;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = b[i];
    if ((c & 0x80) == 0) {
      if (c < 0x20 || c == 0x7f) return 1;
    } else if ((c & 0x20) == 0) {
      if (c == 0xc2 && i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9f)
        return 1;
      i += 1;
    } else if ((c & 0x10) == 0) {
      i += 2;
    } else if ((c & 0x08) == 0) {
      i += 3;
    } else if ((c & 0x04) == 0) {
      i += 4;
    } else if ((c & 0x02) == 0) {
      i += 5;
    }
  }
  return 0;
}

/* The RFC 5280 4.2.1.4 / RFC 6818 3 questions of one user notice. */
static uint32_t notice_bits(const cts_user_notice *un) {
  uint32_t bits = un->has_ref ? CTS_POL_NOTICE_REF : 0;
  size_t len;
  if (!un->has_text) return bits;
  bits |= CTS_POL_TEXT;
  if (un->text_number == 22) bits |= CTS_POL_TEXT_IA5;
  if (un->text_number != 12) bits |= CTS_POL_TEXT_NOT_UTF8;
  /* zlint counts the octets of the UTF-8 form */
  len = un->text_number == 30 ? cts_bmp_utf8_len(&un->text) : un->text.len;
  if (len > 200) bits |= CTS_POL_TEXT_LONG;
  if (un->text_number == 12 && text_has_control(&un->text))
    bits |= CTS_POL_TEXT_CONTROL;
  /* zlint checks the octets as written, BMPString included */
  if ((un->text_number == 12 || un->text_number == 30) &&
      !cts_utf8_is_nfc(&un->text))
    bits |= CTS_POL_TEXT_NOT_NFC;
  return bits;
}

/* A CPS pointer qualifier: zcrypto keeps the contents of the element
 * whatever its tag; BRs 7.1.2 want an http or https URL. */
static int cps_bad(const cts_der *qualifier) {
  cts_der q = *qualifier, v;
  cts_go_url u;
  uint32_t tag;
  size_t hdr;
  if (!cts_der_get_any_element(&q, &v, &tag, &hdr)) return 0;
  v.data += hdr;
  v.len -= hdr;
  return !cts_go_url_parse(&v, &u) ||
         !(IEQ(&u.scheme, "http") || IEQ(&u.scheme, "https"));
}

static void fill_pol(const cts_summary *sum, cts_ext_memo *m) {
  cts_pol_iter it;
  cts_der oid, quals, id, q;
  uint32_t pol = 0;
  uint16_t n = 0;
  if (cts_pol_iter_init(&it, sum)) {
    while (cts_pol_next(&it, &oid, &quals)) {
      if (n < CTS_POL_MAX_OIDS) m->pol_oid[n++] = oid;
      while (cts_qual_next(&quals, &id, &q)) {
        cts_user_notice un;
        if (OID_IS(&id, CTS_OID_QT_CPS)) {
          if (!(pol & CTS_POL_CPS_BAD) && cps_bad(&q)) pol |= CTS_POL_CPS_BAD;
          continue;
        }
        pol |= CTS_POL_QUAL_NOT_CPS;
        if (OID_IS(&id, CTS_OID_QT_UNOTICE) && cts_user_notice_parse(&q, &un))
          pol |= notice_bits(&un);
      }
    }
  }
  for (uint16_t i = 0; i < n; i++) {
    const cts_der *a = &m->pol_oid[i];
    if (OID_IS(a, CTS_OID_POLICY_ANY)) pol |= CTS_POL_ANY;
    if (OID_IS(a, CTS_OID_POLICY_DV) || OID_IS(a, CTS_OID_POLICY_OV) ||
        OID_IS(a, CTS_OID_POLICY_IV) || OID_IS(a, CTS_OID_POLICY_EV))
      pol |= CTS_POL_RESERVED;
    for (uint16_t j = i + 1; j < n && !(pol & CTS_POL_DUPLICATE); j++)
      if (a->len == m->pol_oid[j].len &&
          memcmp(a->data, m->pol_oid[j].data, a->len) == 0)
        pol |= CTS_POL_DUPLICATE;
  }
  m->n_pol_oids = n;
  m->pol = pol;
}

/* --- nameConstraints ----------------------------------------------------- */

/* zlint checks zcrypto's subtree lists by name form: its maximum check
 * skips permitted rfc822Name and both uniformResourceIdentifier lists,
 * its minimum check the uniformResourceIdentifier lists; otherName and
 * unknown forms are in no list. */
static uint32_t nc_subtree_bits(const cts_nc_subtree *st) {
  uint32_t bits = 0, form = st->base_number;
  int listed = form != CTS_GN_OTHER_NAME && form <= CTS_GN_REGISTERED_ID;
  if (listed && form != CTS_GN_URI) {
    if (st->min_nonzero) bits |= CTS_NC_MIN;
    if (st->max_nonzero && !(form == CTS_GN_RFC822 && !st->excluded))
      bits |= CTS_NC_MAX;
  }
  if (form == CTS_GN_X400) bits |= CTS_NC_X400;
  if (form == CTS_GN_EDI_PARTY) bits |= CTS_NC_EDI;
  if (form == CTS_GN_REGISTERED_ID) bits |= CTS_NC_REGISTERED_ID;
  return bits;
}

static void fill_nc(const cts_summary *sum, cts_ext_memo *m) {
  cts_nc_iter it;
  cts_nc_subtree st;
  uint32_t nc = 0;
  cts_nc_iter_init(&it, sum);
  while (cts_nc_next(&it, &st)) {
    nc |= nc_subtree_bits(&st);
    if (st.base_number == CTS_GN_URI && !(nc & CTS_NC_NOT_FQDN)) {
      /* RFC 5280 4.2.1.10: a host, with an optional leading period */
      cts_der host = st.base;
      if (host.len > 0 && host.data[0] == '.') host.data++, host.len--;
      if (!cts_is_fqdn(&host)) nc |= CTS_NC_NOT_FQDN;
    }
    if (!st.excluded && st.base_number == CTS_GN_IP &&
        !(nc & CTS_NC_RESERVED_IP) && cts_ip_net_intersects_reserved(&st.base))
      nc |= CTS_NC_RESERVED_IP;
  }
  m->nc = nc;
}

/* --- the memo ------------------------------------------------------------ */

const cts_ext_memo *cts_ext_memo_fill(const cts_lint_cert *cert,
                                      uint32_t need) {
  int fresh;
  cts_ext_memo *m = cts_lint_memo_slot(cert, CTS_MEMO_EXTENSIONS, &fresh);
  const cts_summary *sum = cert->sum;
  if (fresh) m->have = 0;
  /* the URL pass reads the locations the AIA pass keeps */
  if (need & CTS_EXT_M_AIA_URL) need |= CTS_EXT_M_AIA;
  need &= ~m->have;
  if (need & CTS_EXT_M_LOOKUP) fill_lookup(sum, m);
  if (need & CTS_EXT_M_AIA) fill_aia(sum, m);
  if (need & CTS_EXT_M_AIA_URL) fill_aia_urls(sum, m);
  if (need & CTS_EXT_M_CDP) fill_cdp(sum, m);
  if (need & CTS_EXT_M_POL) fill_pol(sum, m);
  if (need & CTS_EXT_M_NC) fill_nc(sum, m);
  m->have |= need;
  return m;
}
