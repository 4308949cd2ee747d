/* The parts of Go's standard library that zlint's AIA, CDP, CPS and name
 * constraint lints rest on: net/url.Parse (which decides what an URL's
 * scheme and host are, and which strings are errors), net.ParseIP, and
 * zlint's util.HasValidTLD and util.IsFQDN. Allocation-free. */
#include <arpa/inet.h>
#include <string.h>

#include <libpsl.h>

#include "extensions_util.h"

static int is_alpha(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static int is_hex(uint8_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static uint8_t lower(uint8_t c) {
  return (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static cts_der sub(const cts_der *s, size_t from, size_t to) {
  cts_der d;
  d.data = s->data + from;
  d.len = to - from;
  return d;
}

/* memchr and memrchr (the C library's are word- or vector-wide). */
static long find(const cts_der *s, uint8_t c) {
  const uint8_t *p = s->len > 0 ? memchr(s->data, c, s->len) : NULL;
  return p != NULL ? (long)(p - s->data) : -1;
}

static long rfind(const cts_der *s, uint8_t c) {
  const uint8_t *p = s->len > 0 ? memrchr(s->data, c, s->len) : NULL;
  return p != NULL ? (long)(p - s->data) : -1;
}

int cts_span_ieq(const cts_der *s, const char *lit) {
  size_t n = strlen(lit);
  if (s->len != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(s->data[i]) != lower((uint8_t)lit[i])) return 0;
  return 1;
}

int cts_span_has_prefix(const cts_der *s, const char *lit) {
  size_t n = strlen(lit);
  return s->len >= n && memcmp(s->data, lit, n) == 0;
}

int cts_span_has_iprefix(const cts_der *s, const char *lit) {
  size_t n = strlen(lit);
  if (s->len < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(s->data[i]) != lower((uint8_t)lit[i])) return 0;
  return 1;
}

/* --- net/url ---------------------------------------------------------------- */

enum { ESC_PATH, ESC_HOST, ESC_USER, ESC_FRAGMENT };

/* url.shouldEscape for the host: what may appear there unescaped. */
static int host_byte_ok(uint8_t c) {
  if (is_alpha(c) || is_digit(c)) return 1;
  return strchr("!$&'()*+,;=:[]<>\"-_.~", c) != NULL && c != 0;
}

/* url.unescape's checks: every '%' starts two hex digits; in the host an
 * escape may only encode a non-ASCII byte (or be "%25"), and ASCII bytes
 * outside host_byte_ok are errors. */
static int unescape_ok(const cts_der *s, int mode) {
  for (size_t i = 0; i < s->len;) {
    uint8_t c = s->data[i];
    if (c == '%') {
      if (i + 2 >= s->len || !is_hex(s->data[i + 1]) || !is_hex(s->data[i + 2]))
        return 0;
      if (mode == ESC_HOST && s->data[i + 1] < '8' &&
          !(s->data[i + 1] == '2' && s->data[i + 2] == '5'))
        return 0;
      i += 3;
      continue;
    }
    if (mode == ESC_HOST && c < 0x80 && !host_byte_ok(c)) return 0;
    i++;
  }
  return 1;
}

/* validOptionalPort: "" or ':' followed by digits. */
static int valid_optional_port(const cts_der *p) {
  if (p->len == 0) return 1;
  if (p->data[0] != ':') return 0;
  for (size_t i = 1; i < p->len; i++)
    if (!is_digit(p->data[i])) return 0;
  return 1;
}

static int valid_userinfo(const cts_der *u) {
  for (size_t i = 0; i < u->len; i++) {
    uint8_t c = u->data[i];
    if (is_alpha(c) || is_digit(c)) continue;
    if (c == 0 || strchr("-._:~!$&'()*+,;=%@", c) == NULL) return 0;
  }
  return 1;
}

/* parseHost */
static int parse_host(const cts_der *host) {
  if (host->len > 0 && host->data[0] == '[') {
    long i = rfind(host, ']');
    cts_der port;
    if (i < 0) return 0;
    port = sub(host, (size_t)i + 1, host->len);
    if (!valid_optional_port(&port)) return 0;
  } else {
    long i = rfind(host, ':');
    if (i >= 0) {
      cts_der port = sub(host, (size_t)i, host->len);
      if (!valid_optional_port(&port)) return 0;
    }
  }
  return unescape_ok(host, ESC_HOST);
}

/* parseAuthority: [userinfo@]host */
static int parse_authority(const cts_der *auth, cts_der *out_host) {
  long at = rfind(auth, '@');
  *out_host = at < 0 ? *auth : sub(auth, (size_t)at + 1, auth->len);
  if (!parse_host(out_host)) return 0;
  if (at >= 0) {
    cts_der user = sub(auth, 0, (size_t)at);
    if (!valid_userinfo(&user) || !unescape_ok(&user, ESC_USER)) return 0;
  }
  return 1;
}

/* getScheme: letters, then letters/digits/+-. up to ':'. */
static int get_scheme(const cts_der *raw, cts_der *scheme, cts_der *rest) {
  scheme->data = raw->data;
  scheme->len = 0;
  *rest = *raw;
  for (size_t i = 0; i < raw->len; i++) {
    uint8_t c = raw->data[i];
    if (is_alpha(c)) continue;
    if (is_digit(c) || c == '+' || c == '-' || c == '.') {
      if (i == 0) return 1;
      continue;
    }
    if (c == ':') {
      if (i == 0) return 0; /* "missing protocol scheme" */
      *scheme = sub(raw, 0, i);
      *rest = sub(raw, i + 1, raw->len);
    }
    return 1;
  }
  return 1;
}

/* Bytes of plain_http_url: RFC 3986 2.3 unreserved characters (1) and
 * '/' (2). */
static const uint8_t k_plain[256] = {
    ['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1, ['/'] = 2,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* The shape nearly every certificate URL has: "http://" then unreserved
 * bytes and '/' only. With no '#', '?', '@', ':', '[', '%' or control
 * byte, each step of go_url_parse below comes down to splitting the
 * authority at the first '/' after "//", and the whole authority is the
 * host; one pass over the bytes decides it. Returns 0 for any other
 * string (which then takes the general path). */
static int plain_http_url(const cts_der *raw, cts_go_url *out,
                          cts_der *out_path) {
  size_t slash = raw->len, i = 7;
  if (raw->len < 7 || memcmp(raw->data, "http://", 7) != 0) return 0;
  for (; i < raw->len; i++) {
    uint8_t k = k_plain[raw->data[i]];
    if (k == 0) return 0;
    if (k == 2) break;
  }
  slash = i;
  for (; i < raw->len; i++)
    if (k_plain[raw->data[i]] == 0) return 0;
  out->scheme = sub(raw, 0, 4);
  out->host = sub(raw, 7, slash);
  out->opaque = 0;
  *out_path = sub(raw, slash, raw->len);
  return 1;
}

/* url.Parse(rawURL): fragment cut at the first '#', then parse(u, false),
 * then the fragment's escapes. *out_path gets the path as written. */
static int go_url_parse(const cts_der *raw, cts_go_url *out,
                        cts_der *out_path) {
  cts_der u = *raw, frag = {NULL, 0}, rest;
  long hash, q;
  if (plain_http_url(raw, out, out_path)) return 1;
  hash = find(raw, '#');
  memset(out, 0, sizeof(*out));
  out_path->data = raw->data;
  out_path->len = 0;
  if (hash >= 0) {
    u = sub(raw, 0, (size_t)hash);
    frag = sub(raw, (size_t)hash + 1, raw->len);
  }
  for (size_t i = 0; i < u.len; i++)
    if (u.data[i] < 0x20 || u.data[i] == 0x7f) return 0; /* CTL byte */
  if (u.len == 1 && u.data[0] == '*') return 1;
  if (!get_scheme(&u, &out->scheme, &rest)) return 0;
  q = find(&rest, '?'); /* the query is cut off and never checked */
  if (q >= 0) rest = sub(&rest, 0, (size_t)q);
  if (rest.len == 0 || rest.data[0] != '/') {
    if (out->scheme.len > 0) {
      out->opaque = 1; /* a rootless path: scheme:opaque */
      return frag.len == 0 || unescape_ok(&frag, ESC_FRAGMENT);
    }
    /* A colon in the first segment would read as a scheme. */
    for (size_t i = 0; i < rest.len && rest.data[i] != '/'; i++)
      if (rest.data[i] == ':') return 0;
  }
  if (rest.len >= 2 && rest.data[0] == '/' && rest.data[1] == '/' &&
      (out->scheme.len > 0 || !(rest.len >= 3 && rest.data[2] == '/'))) {
    cts_der auth = sub(&rest, 2, rest.len);
    long slash = find(&auth, '/');
    rest.data += rest.len;
    rest.len = 0;
    if (slash >= 0) {
      rest = sub(&auth, (size_t)slash, auth.len);
      auth = sub(&auth, 0, (size_t)slash);
    }
    if (!parse_authority(&auth, &out->host)) return 0;
  }
  *out_path = rest;
  if (!unescape_ok(&rest, ESC_PATH)) return 0;
  return frag.len == 0 || unescape_ok(&frag, ESC_FRAGMENT);
}

int cts_go_url_parse(const cts_der *raw, cts_go_url *out) {
  cts_der path;
  return go_url_parse(raw, out, &path);
}

cts_der cts_go_url_hostname(const cts_der *host) {
  cts_der h = *host;
  long colon = rfind(&h, ':');
  if (colon >= 0) {
    cts_der port = sub(&h, (size_t)colon, h.len);
    if (valid_optional_port(&port)) h = sub(&h, 0, (size_t)colon);
  }
  if (h.len >= 2 && h.data[0] == '[' && h.data[h.len - 1] == ']')
    h = sub(&h, 1, h.len - 1);
  return h;
}

/* net.ParseIP: dotted-quad IPv4 without leading zeros, or IPv6 text (no
 * zone). inet_pton has the same rules. */
int cts_go_parse_ip(const cts_der *s) {
  char buf[64];
  uint8_t addr[16];
  int v6;
  if (s->len == 0 || s->len >= sizeof(buf)) return 0;
  if (memchr(s->data, 0, s->len) != NULL) return 0;
  v6 = memchr(s->data, ':', s->len) != NULL;
  /* inet_pton's IPv4 form ends with a digit: a host name (ending in a
   * letter or a dot) is refused without the copy and the call. */
  if (!v6 && !is_digit(s->data[s->len - 1])) return 0;
  memcpy(buf, s->data, s->len);
  buf[s->len] = 0;
  return inet_pton(v6 ? AF_INET6 : AF_INET, buf, addr) == 1;
}

/* util.HasValidTLD: the rightmost label, lower-cased, is a top-level
 * domain ICANN delegated. zlint carries ICANN's gTLD list with delegation
 * and removal dates and asks about "now"; the public suffix list's ICANN
 * section (every delegated TLD as a rule of one label) answers the same
 * question for the present. */
/* A small per-thread memo of answers: certificates of one CA repeat the
 * same few hosts, and the lookup is a pure function of the label. */
#define TLD_MEMO 16
#define TLD_MAX 31
typedef struct tld_memo {
  uint8_t len;
  uint8_t valid;
  char label[TLD_MAX];
} tld_memo;
static _Thread_local tld_memo g_tld_memo[TLD_MEMO];

static int psl_tld(const char *tld) {
  const psl_ctx_t *psl = psl_builtin();
  return psl != NULL &&
         psl_is_public_suffix2(psl, tld, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) ==
             1;
}

int cts_has_valid_tld(const cts_der *domain) {
  char tld[80];
  unsigned h = 0;
  tld_memo *m;
  long dot = rfind(domain, '.');
  cts_der label = dot < 0 ? *domain : sub(domain, (size_t)dot + 1, domain->len);
  if (label.len == 0 || label.len >= sizeof(tld)) return 0;
  for (size_t i = 0; i < label.len; i++) {
    uint8_t c = label.data[i];
    if (c == 0) return 0;
    tld[i] = (char)lower(c);
    h = h * 31 + (uint8_t)tld[i];
  }
  tld[label.len] = 0;
  if (label.len > TLD_MAX) return psl_tld(tld);
  m = &g_tld_memo[h % TLD_MEMO];
  if (m->len != label.len || memcmp(m->label, tld, label.len) != 0) {
    m->valid = (uint8_t)psl_tld(tld);
    m->len = (uint8_t)label.len;
    memcpy(m->label, tld, label.len);
  }
  return m->valid;
}

/* --- util.IsFQDN --------------------------------------------------------------- */

/* One UTF-8 sequence at s[i]: its code point, or -1 if malformed. */
static long utf8_at(const cts_der *s, size_t i, size_t *out_len) {
  uint8_t c = s->data[i];
  size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
  long cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  if (n == 0 || i + n > s->len) return -1;
  for (size_t k = 1; k < n; k++) {
    if ((s->data[i + k] & 0xc0) != 0x80) return -1;
    cp = (cp << 6) | (s->data[i + k] & 0x3f);
  }
  *out_len = n;
  return cp;
}

/* The host of govalidator's URL expression, simplified to its effect on
 * names: dot-separated labels of letters, digits, hyphens and the code
 * points U+00A1-U+FFFF; underscores inside ASCII labels other than the
 * last; no label empty except a final one (a trailing dot); no label
 * starting or ending with '-' or '_'. */
static int host_shape_ok(const cts_der *h) {
  size_t i = 0, label_start = 0, labels = 0;
  int ascii = 1, underscore = 0;
  uint8_t prev = '.';
  if (h->len == 0) return 0;
  while (i <= h->len) {
    size_t n = 1;
    uint8_t c = i < h->len ? h->data[i] : '.';
    if (c == '.') {
      if (i == label_start) return i == h->len && labels > 0;
      if (prev == '-' || prev == '_') return 0;
      if (underscore && (!ascii || i == h->len)) return 0;
      labels++;
      label_start = i + 1;
      ascii = 1;
      underscore = 0;
      if (i == h->len) return 1;
    } else if (c >= 0x80) {
      long cp = utf8_at(h, i, &n);
      if (cp < 0xa1 || cp > 0xffff) return 0;
      ascii = 0;
    } else if (c == '-' || c == '_') {
      if (i == label_start) return 0;
      underscore |= c == '_';
    } else if (!is_alpha(c) && !is_digit(c)) {
      return 0;
    }
    prev = c;
    i += n;
  }
  return 1;
}

/* govalidator's URL expression: [scheme://][userinfo@]host[.][:port]
 * [(/|?|#)non-space*], scheme one of ftp, tcp, udp, ws, wss, http,
 * https. */
static int url_expression_ok(const cts_der *s) {
  static const char *const schemes[] = {"ftp://", "tcp://", "udp://",
                                        "ws://",  "wss://", "http://",
                                        "https://"};
  cts_der rest = *s, host;
  size_t end = 0;
  long at;
  for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
    if (cts_span_has_prefix(&rest, schemes[i])) {
      rest = sub(&rest, strlen(schemes[i]), rest.len);
      break;
    }
  for (size_t i = 0; i < rest.len; i++)
    if (rest.data[i] == ' ' || (rest.data[i] >= 0x09 && rest.data[i] <= 0x0d))
      return 0;
  while (end < rest.len && rest.data[end] != '/' && rest.data[end] != '?' &&
         rest.data[end] != '#')
    end++;
  host = sub(&rest, 0, end);
  at = rfind(&host, '@');
  if (at >= 0) host = sub(&host, (size_t)at + 1, host.len);
  {
    long colon = rfind(&host, ':');
    if (colon >= 0 && host.data[0] != '[') {
      cts_der port = sub(&host, (size_t)colon, host.len);
      if (port.len < 2 || port.len > 6 || !valid_optional_port(&port)) return 0;
      host = sub(&host, 0, (size_t)colon);
    }
  }
  if (host.len > 0 && host.data[0] == '[') {
    cts_der inner = cts_go_url_hostname(&host);
    return inner.len != host.len && cts_go_parse_ip(&inner);
  }
  return host_shape_ok(&host);
}

/* zcrypto util.IsURL (govalidator): length bounds, url.Parse (of
 * "http://"+str when str has a ':' but no "://"), host and path shape,
 * then the URL expression. */
static int is_url(const cts_der *s) {
  uint8_t buf[4 * 2083 + 8];
  cts_der tmp = *s, path;
  cts_go_url u;
  size_t runes = 0;
  int colon = 0, sep = 0;
  for (size_t i = 0; i < s->len; i++) {
    runes += (s->data[i] & 0xc0) != 0x80;
    colon |= s->data[i] == ':';
    if (i + 3 <= s->len && memcmp(s->data + i, "://", 3) == 0) sep = 1;
  }
  if (s->len <= 3 || runes >= 2083 || s->data[0] == '.') return 0;
  if (colon && !sep) {
    if (s->len + 7 > sizeof(buf)) return 0;
    memcpy(buf, "http://", 7);
    memcpy(buf + 7, s->data, s->len);
    tmp.data = buf;
    tmp.len = s->len + 7;
  }
  if (!go_url_parse(&tmp, &u, &path)) return 0;
  if (u.host.len > 0 && u.host.data[0] == '.') return 0;
  if (u.host.len == 0 && path.len > 0 && find(&path, '.') < 0) return 0;
  return url_expression_ok(s);
}

int cts_is_fqdn(const cts_der *domain) {
  cts_der d = *domain;
  if (cts_span_has_prefix(&d, "*.")) d = sub(&d, 2, d.len);
  while (cts_span_has_prefix(&d, "?.")) d = sub(&d, 2, d.len);
  return is_url(&d);
}
