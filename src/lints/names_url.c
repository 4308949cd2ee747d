/* URIs as Go's net/url Parse reads them, and zlint's host checks
 * (util.IsFQDNOrIP over zcrypto's util.IsURL). */
#include <string.h>

#include "names_util.h"

static int is_alnum(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static int is_hex(uint8_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

static int hexval(uint8_t c) {
  return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static const uint8_t *find_byte(cts_str s, uint8_t c) {
  return s.n > 0 ? memchr(s.p, c, s.n) : NULL;
}

static cts_str sub(cts_str s, size_t from, size_t to) {
  cts_str r;
  r.p = s.p != NULL ? s.p + from : s.p; /* no arithmetic on NULL (C11 6.5.6) */
  r.n = to - from;
  return r;
}

/* net/url shouldEscape(c, encodeHost) for ASCII: RFC 3986 3.2.2 lets a
 * host hold unreserved and sub-delims; Go adds ':' '[' ']' '<' '>' '"'. */
static int host_byte_ok(uint8_t c) {
  return c >= 0x80 || is_alnum(c) || strchr("-_.~!$&'()*+,;=:[]<>\"", c);
}

/* net/url unescape: every '%' starts a two-hex-digit escape; in a host an
 * escape may only encode a non-ASCII byte, or be "%25" (RFC 6874). */
static int unescape_ok(cts_str s, int host) {
  for (size_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (c == '%') {
      if (i + 2 >= s.n || !is_hex(s.p[i + 1]) || !is_hex(s.p[i + 2]))
        return 0;
      if (host && hexval(s.p[i + 1]) < 8 &&
          !(s.p[i + 1] == '2' && s.p[i + 2] == '5'))
        return 0;
      i += 2;
    } else if (host && !host_byte_ok(c)) {
      return 0;
    }
  }
  return 1;
}

/* ":" followed by digits, or nothing. */
static int valid_optional_port(cts_str port) {
  if (port.n == 0) return 1;
  if (port.p[0] != ':') return 0;
  for (size_t i = 1; i < port.n; i++)
    if (port.p[i] < '0' || port.p[i] > '9') return 0;
  return 1;
}

/* net/url parseHost. */
static int parse_host(cts_str host) {
  if (host.n > 0 && host.p[0] == '[') {
    size_t i = host.n;
    while (i > 0 && host.p[i - 1] != ']') i--;
    if (i == 0) return 0; /* missing ']' */
    if (!valid_optional_port(sub(host, i, host.n))) return 0;
  } else {
    size_t i = host.n;
    while (i > 0 && host.p[i - 1] != ':') i--;
    if (i > 0 && !valid_optional_port(sub(host, i - 1, host.n))) return 0;
  }
  return unescape_ok(host, 1);
}

/* RFC 3986 3.2.1 userinfo characters as net/url validUserinfo allows. */
static int valid_userinfo(cts_str s) {
  for (size_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (!is_alnum(c) && !strchr("-._:~!$&'()*+,;=%@", c)) return 0;
  }
  return 1;
}

/* net/url parseAuthority: userinfo is what precedes the last '@'. */
static int parse_authority(cts_str auth, cts_url *out) {
  size_t at = auth.n;
  while (at > 0 && auth.p[at - 1] != '@') at--;
  out->host = at > 0 ? sub(auth, at, auth.n) : auth;
  if (!parse_host(out->host)) return 0;
  out->host_has_escape = find_byte(out->host, '%') != NULL;
  if (at == 0) return 1;
  cts_str user = sub(auth, 0, at - 1);
  if (!valid_userinfo(user) || !unescape_ok(user, 0)) return 0;
  out->has_user = 1;
  return 1;
}

/* net/url getScheme: letters, then letters, digits, '+', '-', '.', up to
 * a ':'; an empty scheme before ':' is an error. */
static int get_scheme(cts_str s, cts_str *scheme, cts_str *rest) {
  scheme->p = s.p;
  scheme->n = 0;
  *rest = s;
  for (size_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) return 1;
      continue;
    }
    if (c == ':') {
      if (i == 0) return 0; /* missing protocol scheme */
      *scheme = sub(s, 0, i);
      *rest = sub(s, i + 1, s.n);
    }
    return 1;
  }
  return 1;
}

int cts_url_parse(cts_str s, cts_url *out) {
  const uint8_t *hash = find_byte(s, '#');
  cts_str u = s, rest;
  memset(out, 0, sizeof(*out));
  if (hash != NULL) {
    cts_str frag = sub(s, (size_t)(hash - s.p) + 1, s.n);
    u = sub(s, 0, (size_t)(hash - s.p));
    if (!unescape_ok(frag, 0)) return 0;
  }
  /* net/url rejects ASCII control characters (CTL) */
  for (size_t i = 0; i < u.n; i++)
    if (u.p[i] < 0x20 || u.p[i] == 0x7f) return 0;
  if (u.n == 1 && u.p[0] == '*') {
    out->path = u;
    out->path_nonempty = 1;
    return 1;
  }
  if (!get_scheme(u, &out->scheme, &rest)) return 0;
  /* the query: from the first '?' (a lone trailing '?' forces an empty
   * one) */
  {
    const uint8_t *q = find_byte(rest, '?');
    if (q != NULL) rest = sub(rest, 0, (size_t)(q - rest.p));
  }
  if (!cts_str_has_prefix(rest, "/")) {
    if (out->scheme.n > 0) {
      out->opaque = rest; /* rootless: opaque */
      return 1;
    }
    /* RFC 3986 4.2: a relative path's first segment has no ':' */
    const uint8_t *slash = find_byte(rest, '/');
    cts_str seg = slash ? sub(rest, 0, (size_t)(slash - rest.p)) : rest;
    if (find_byte(seg, ':') != NULL) return 0;
  }
  if ((out->scheme.n > 0 || !cts_str_has_prefix(rest, "///")) &&
      cts_str_has_prefix(rest, "//")) {
    cts_str auth = sub(rest, 2, rest.n);
    const uint8_t *slash = find_byte(auth, '/');
    if (slash != NULL) {
      rest = sub(auth, (size_t)(slash - auth.p), auth.n);
      auth = sub(auth, 0, (size_t)(slash - auth.p));
    } else {
      rest = sub(auth, auth.n, auth.n);
    }
    if (!parse_authority(auth, out)) return 0;
  }
  if (!unescape_ok(rest, 0)) return 0;
  out->path = rest;
  out->path_nonempty = rest.n > 0;
  return 1;
}

/* --- zcrypto util.IsURL over a host ------------------------------------ */

/* The next rune of s at *i as Go decodes UTF-8 (an invalid byte is
 * U+FFFD, one byte long). */
static uint32_t next_rune(cts_str s, size_t *i) {
  uint8_t c = s.p[*i];
  uint32_t r;
  size_t need;
  if (c < 0x80) {
    (*i)++;
    return c;
  }
  if (c >= 0xc2 && c < 0xe0) need = 1, r = c & 0x1f;
  else if (c >= 0xe0 && c < 0xf0) need = 2, r = c & 0x0f;
  else if (c >= 0xf0 && c < 0xf5) need = 3, r = c & 0x07;
  else {
    (*i)++;
    return 0xfffd;
  }
  if (*i + need >= s.n) {
    (*i)++;
    return 0xfffd;
  }
  for (size_t k = 1; k <= need; k++) {
    uint8_t cc = s.p[*i + k];
    if ((cc & 0xc0) != 0x80) {
      (*i)++;
      return 0xfffd;
    }
    r = r << 6 | (cc & 0x3f);
  }
  if ((need == 2 && (r < 0x800 || (r >= 0xd800 && r < 0xe000))) ||
      (need == 3 && (r < 0x10000 || r > 0x10ffff))) {
    (*i)++;
    return 0xfffd;
  }
  *i += need + 1;
  return r;
}

static size_t rune_count(cts_str s) {
  size_t i = 0, n = 0;
  while (i < s.n) {
    next_rune(s, &i);
    n++;
  }
  return n;
}

/* The regex's letters: [a-zA-Z\x{00a1}-\x{ffff}]; with digits: [...0-9]. */
static int rx_letter(uint32_t r) {
  return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
         (r >= 0xa1 && r <= 0xffff);
}
static int rx_word(uint32_t r) { return rx_letter(r) || (r >= '0' && r <= '9'); }

/* URLIP: ([1-9]\d?|1\d\d|2[01]\d|22[0-3]) (\.(1?\d{1,2}|2[0-4]\d|25[0-5])){2}
 * \.([0-9]\d?|1\d\d|2[0-4]\d|25[0-4]) -- a dotted quad whose first octet
 * is 1-223 and last 0-254. */
static int rx_urlip(cts_str s) {
  unsigned v[4] = {0}, k = 0, len = 0;
  for (size_t i = 0; i < s.n; i++) {
    if (s.p[i] == '.') {
      if (len == 0 || ++k > 3) return 0;
      len = 0;
      continue;
    }
    if (s.p[i] < '0' || s.p[i] > '9' || ++len > 3) return 0;
    v[k] = v[k] * 10 + (unsigned)(s.p[i] - '0');
  }
  /* the regex allows leading zeros in the middle octets ("1?\d{1,2}") */
  return k == 3 && len > 0 && s.p[0] != '0' && v[0] >= 1 && v[0] <= 223 &&
         v[1] <= 255 && v[2] <= 255 && v[3] <= 254;
}

/* The name alternative of the regex, approximated label by label: labels
 * are not empty and hold the regex's word characters, '-' and '_'; labels
 * start with a word character; the last label ends with one and holds no
 * '_'. */
static int rx_name(cts_str s) {
  size_t i = 0;
  int label_start = 1, last_word = 0, underscore_in_label = 0;
  while (i < s.n) {
    uint32_t r = next_rune(s, &i);
    if (r == '.') {
      if (label_start || !last_word) return 0;
      label_start = 1;
      underscore_in_label = 0;
      continue;
    }
    if (rx_word(r)) {
      last_word = 1;
    } else if (r == '-' || r == '_') {
      if (label_start) return 0;
      last_word = 0;
      if (r == '_') underscore_in_label = 1;
    } else {
      return 0;
    }
    label_start = 0;
  }
  return !label_start && last_word && !underscore_in_label;
}

/* ^ ... ( URLIP | \[IP\] | name ) \.? (:\d{1,5})? $ for a host (the
 * scheme, userinfo and path alternatives cannot occur in a host). */
static int rx_host(cts_str s) {
  size_t i = s.n, digits = 0;
  uint8_t ip[16];
  while (i > 0 && s.p[i - 1] >= '0' && s.p[i - 1] <= '9') i--, digits++;
  if (i > 0 && s.p[i - 1] == ':' && digits >= 1 && digits <= 5)
    s.n = i - 1;
  if (s.n > 0 && s.p[s.n - 1] == '.') s.n--;
  if (s.n >= 2 && s.p[0] == '[' && s.p[s.n - 1] == ']')
    return cts_ip_parse(sub(s, 1, s.n - 1), ip);
  return rx_urlip(s) || rx_name(s);
}

/* zcrypto util.IsURL, for a string that came from a URL's host. */
static int is_url(cts_str str) {
  if (str.n <= 3 || rune_count(str) >= 2083 || str.p[0] == '.') return 0;
  if (find_byte(str, ':') != NULL) {
    /* parsed as "http://" + str: str is the authority */
    cts_url u;
    memset(&u, 0, sizeof(u));
    for (size_t i = 0; i < str.n; i++)
      if (str.p[i] < 0x20 || str.p[i] == 0x7f) return 0;
    if (!parse_authority(str, &u)) return 0;
    if (u.host.n > 0 && u.host.p[0] == '.') return 0;
  } else {
    /* parsed as a path: it must unescape and hold a '.' */
    if (!unescape_ok(str, 0) || find_byte(str, '.') == NULL) return 0;
    for (size_t i = 0; i < str.n; i++)
      if (str.p[i] < 0x20 || str.p[i] == 0x7f) return 0;
  }
  return rx_host(str);
}

/* zlint util.IsFQDN: after a "*." prefix and any "?." prefixes. */
static int is_fqdn(cts_str host) {
  if (cts_str_has_prefix(host, "*.")) host = sub(host, 2, host.n);
  while (cts_str_has_prefix(host, "?.")) host = sub(host, 2, host.n);
  return is_url(host);
}

int cts_host_is_fqdn_or_ip(cts_str host) {
  uint8_t ip[16];
  return is_fqdn(host) || cts_ip_parse(host, ip);
}

/* zlint util.GetHost: between the first '@' (unless it ends the string)
 * and the first ':'; "" when the ':' comes first. */
int cts_auth_is_fqdn_or_ip(cts_str auth) {
  const uint8_t *at = find_byte(auth, '@');
  const uint8_t *colon = find_byte(auth, ':');
  /* begin is the index of the '@', or -1 */
  long begin = at != NULL && (size_t)(at - auth.p) != auth.n - 1
                   ? (long)(at - auth.p)
                   : -1;
  long end = colon != NULL ? (long)(colon - auth.p) : (long)auth.n;
  if (end < begin) return cts_host_is_fqdn_or_ip(sub(auth, 0, 0));
  return cts_host_is_fqdn_or_ip(sub(auth, (size_t)(begin + 1), (size_t)end));
}
