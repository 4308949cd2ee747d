/* Domain names against the public suffix list (libpsl) and the TLDs of
 * the IANA root zone.
 *
 * zcrypto splits a name with publicsuffix-go (ICANN section only, the
 * default "*" rule for unknown TLDs); libpsl answers the same question
 * "is this suffix public" for each candidate suffix. zlint decides whether
 * a TLD is valid from its own snapshot of the IANA root zone with
 * delegation and removal dates (zlint v3 util/gtld_map.go); here the
 * TLDs come from the ICANN section of the public suffix list, and the
 * dates zlint's verdicts depend on from names_tld.c. */
#include <pthread.h>
#include <string.h>

#include <libpsl.h>

#include "lints_internal.h"
#include "names_tld.h"
#include "names_util.h"

static const psl_ctx_t *g_psl;
static pthread_once_t g_psl_once = PTHREAD_ONCE_INIT;

/* The compiled-in list: no file access, read-only, safe across threads. */
static void psl_init(void) {
  g_psl = psl_builtin();
  if (g_psl == NULL) g_psl = psl_latest(NULL);
}

static const psl_ctx_t *psl(void) {
  pthread_once(&g_psl_once, psl_init);
  return g_psl;
}

#define NAME_MAX_LOOKUP CTS_DOMAIN_SHORT

/* Lower-cases ASCII into buf (NUL-terminated); returns the offset into s
 * where buf starts (names longer than the buffer keep their tail, where
 * the public suffix is). */
static size_t lower_tail(cts_str s, char *buf, size_t *out_len) {
  size_t start = s.n >= NAME_MAX_LOOKUP ? s.n - (NAME_MAX_LOOKUP - 1) : 0;
  size_t k = 0;
  for (size_t i = start; i < s.n; i++) {
    uint8_t c = s.p[i];
    buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  buf[k] = 0;
  *out_len = k;
  return start;
}

/* TLDs under which the ICANN section of the public suffix list has no
 * deeper rule (checked against the list by tests/unit/test_lints_names.c),
 * with zlint's delegation dates: most names end in one of them, and for
 * these neither the split nor the TLD check needs a lookup. */
typedef struct fast_tld {
  const char *tld;
  uint8_t len;
  int64_t delegated;
} fast_tld;

#define FAST(tld, date) {tld, sizeof(tld) - 1, date}
static const fast_tld k_fast[] = {
    FAST("com", CTS_DATE(1985, 1, 1)),  FAST("net", CTS_DATE(1985, 1, 1)),
    FAST("org", CTS_DATE(1985, 1, 1)),  FAST("de", CTS_DATE(1985, 1, 1)),
    FAST("nl", CTS_DATE(1985, 1, 1)),   FAST("eu", CTS_DATE(1985, 1, 1)),
    FAST("ch", CTS_DATE(1985, 1, 1)),   FAST("ru", CTS_DATE(1985, 1, 1)),
    FAST("dk", CTS_DATE(1985, 1, 1)),   FAST("cz", CTS_DATE(1985, 1, 1)),
    FAST("tv", CTS_DATE(1985, 1, 1)),   FAST("cc", CTS_DATE(1985, 1, 1)),
    FAST("info", CTS_DATE(2001, 9, 19)), FAST("biz", CTS_DATE(2001, 9, 25)),
    /* gTLDs common in CT logs; like every TLD names_tld.c does not list,
     * delegated before any certificate checked here */
    FAST("dev", CTS_DATE(1985, 1, 1)),  FAST("app", CTS_DATE(1985, 1, 1)),
    FAST("top", CTS_DATE(1985, 1, 1)),  FAST("xyz", CTS_DATE(1985, 1, 1)),
    FAST("online", CTS_DATE(1985, 1, 1)), FAST("site", CTS_DATE(1985, 1, 1)),
    FAST("shop", CTS_DATE(1985, 1, 1)), FAST("store", CTS_DATE(1985, 1, 1)),
    FAST("tech", CTS_DATE(1985, 1, 1)), FAST("live", CTS_DATE(1985, 1, 1)),
    FAST("page", CTS_DATE(1985, 1, 1)), FAST("club", CTS_DATE(1985, 1, 1)),
    FAST("space", CTS_DATE(1985, 1, 1)), FAST("chat", CTS_DATE(1985, 1, 1)),
    FAST("cloud", CTS_DATE(1985, 1, 1)), FAST("link", CTS_DATE(1985, 1, 1)),
    FAST("blog", CTS_DATE(1985, 1, 1)), FAST("agency", CTS_DATE(1985, 1, 1)),
    FAST("digital", CTS_DATE(1985, 1, 1)), FAST("email", CTS_DATE(1985, 1, 1)),
    FAST("world", CTS_DATE(1985, 1, 1)), FAST("life", CTS_DATE(1985, 1, 1)),
    FAST("news", CTS_DATE(1985, 1, 1)), FAST("one", CTS_DATE(1985, 1, 1)),
    FAST("win", CTS_DATE(1985, 1, 1)),  FAST("vip", CTS_DATE(1985, 1, 1)),
    FAST("icu", CTS_DATE(1985, 1, 1)),  FAST("fun", CTS_DATE(1985, 1, 1)),
};

#define FAST_MAX_LEN 7 /* "digital" */
#define N_FAST (sizeof(k_fast) / sizeof(k_fast[0]))

/* A label of at most 8 bytes as one integer (first byte lowest): equal
 * labels of equal length are equal integers. */
static uint64_t pack_label(const char *p, size_t n) {
  uint64_t v = 0;
  for (size_t i = n; i > 0; i--) v = v << 8 | (uint8_t)p[i - 1];
  return v;
}

/* k_fast's labels packed, made once: each lookup then compares integers
 * (names are checked several times each, against every entry). */
static uint64_t g_fast_packed[N_FAST];
static pthread_once_t g_fast_once = PTHREAD_ONCE_INIT;

static void fast_init(void) {
  for (size_t i = 0; i < N_FAST; i++)
    g_fast_packed[i] = pack_label(k_fast[i].tld, k_fast[i].len);
}

/* label: n lower-case bytes */
static const fast_tld *find_fast(const char *label, size_t n) {
  uint64_t key;
  if (n < 2 || n > FAST_MAX_LEN) return NULL;
  pthread_once(&g_fast_once, fast_init);
  key = pack_label(label, n);
  /* equal integers and equal lengths: equal labels */
  for (size_t i = 0; i < N_FAST; i++)
    if (g_fast_packed[i] == key && k_fast[i].len == n) return &k_fast[i];
  return NULL;
}

/* The right-most label of a name as raw bytes: its offset (after the last
 * dot; 0 when there is none). */
static size_t last_label_at(cts_str name) {
  size_t i = name.n;
  while (i > 0 && name.p[i - 1] != '.') i--;
  return i;
}

/* Whether the right-most label, ASCII lower-cased, is a fast TLD: looked
 * at in place, without copying the name. */
static int ends_in_fast_tld(cts_str name, size_t at) {
  char low[FAST_MAX_LEN];
  size_t n = name.n - at;
  if (n < 2 || n > FAST_MAX_LEN) return 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = name.p[at + i];
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return find_fast(low, n) != NULL;
}

int cts_tld_is_fast(const char *tld) {
  return find_fast(tld, strlen(tld)) != NULL;
}

/* 1 when the suffix (a NUL-terminated string of two or more labels, no
 * NUL inside) is a public suffix of the ICANN section. */
/* Each certificate asks the same suffixes of several lints, and many
 * certificates share them: a small per-thread cache of answers saves the
 * lookups (direct-mapped, keyed by the suffix text). */
#define SUFFIX_CACHE_SLOTS 256
#define SUFFIX_CACHE_KEY 61
typedef struct suffix_slot {
  uint8_t len; /* 0: empty slot */
  uint8_t type;
  uint8_t answer;
  char key[SUFFIX_CACHE_KEY];
} suffix_slot;
static _Thread_local suffix_slot g_suffix_cache[SUFFIX_CACHE_SLOTS];

/* psl_is_public_suffix2 through the cache. */
static int psl_cached(const char *suffix, int type) {
  const psl_ctx_t *ctx = psl();
  size_t n = strlen(suffix);
  uint32_t h = 2166136261u ^ (uint32_t)type;
  suffix_slot *slot;
  int answer;
  if (n >= SUFFIX_CACHE_KEY)
    return ctx != NULL && psl_is_public_suffix2(ctx, suffix, type);
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)suffix[i]) * 16777619u;
  slot = &g_suffix_cache[h % SUFFIX_CACHE_SLOTS];
  if (slot->len == n && slot->type == type &&
      memcmp(slot->key, suffix, n) == 0)
    return slot->answer;
  answer = ctx != NULL && psl_is_public_suffix2(ctx, suffix, type);
  slot->len = (uint8_t)n;
  slot->type = (uint8_t)type;
  slot->answer = (uint8_t)answer;
  memcpy(slot->key, suffix, n);
  return answer;
}

static int icann_suffix(const char *suffix) {
  return psl_cached(suffix, PSL_TYPE_ICANN);
}


/* No rule of the list is deeper than MAX_RULE_LABELS labels (a wildcard
 * counted): candidates start at most that many labels from the end. */
#define MAX_RULE_LABELS 6
static size_t deepest_candidate(const char *buf, size_t last_label) {
  size_t i = last_label, labels = 1;
  while (i > 0 && labels < MAX_RULE_LABELS) {
    i--;
    while (i > 0 && buf[i - 1] != '.') i--;
    labels++;
  }
  return i;
}

cts_domain_err cts_domain_check(cts_str name) {
  char buf[NAME_MAX_LOOKUP];
  size_t len, last, labels = 1, at;
  if (name.n == 0) return CTS_DOMAIN_BLANK;
  if (name.p[0] == '.') return CTS_DOMAIN_DOT;
  if (name.p[name.n - 1] == '.') return CTS_DOMAIN_SUFFIX;
  /* most names end in a fast TLD after a dot: decided without the copy
   * below (a right-most label that short lies in its tail) */
  at = last_label_at(name);
  if (at > 0 && ends_in_fast_tld(name, at)) return CTS_DOMAIN_OK;
  lower_tail(name, buf, &len);
  last = len;
  while (last > 0 && buf[last - 1] != '.') last--;
  if (last == 0) return CTS_DOMAIN_SUFFIX; /* one label: the "*" rule */
  if (find_fast(buf + last, len - last) != NULL) return CTS_DOMAIN_OK;
  for (size_t i = 0; i < len; i++) labels += buf[i] == '.';
  /* as cts_domain_parse: only a name of few labels can be a suffix, and
   * only the whole name's text (no NUL) is looked up */
  if (labels > MAX_RULE_LABELS || len != name.n ||
      memchr(buf, 0, len) != NULL)
    return CTS_DOMAIN_OK;
  return icann_suffix(buf) ? CTS_DOMAIN_SUFFIX : CTS_DOMAIN_OK;
}

cts_domain_err cts_domain_parse(cts_str name, cts_domain *out) {
  char buf[NAME_MAX_LOOKUP];
  size_t len, start, suffix_at, i;
  memset(out, 0, sizeof(*out));
  if (name.n == 0) return CTS_DOMAIN_BLANK;
  if (name.p[0] == '.') return CTS_DOMAIN_DOT;
  {
    /* a fast TLD after a dot is the whole public suffix: the split below
     * without the copy (the same parts, taken from the name) */
    size_t at = last_label_at(name);
    if (at > 0 && name.p[name.n - 1] != '.' && ends_in_fast_tld(name, at)) {
      size_t j = at - 1;
      out->tld.p = name.p + at;
      out->tld.n = name.n - at;
      while (j > 0 && name.p[j - 1] != '.') j--;
      out->sld.p = name.p + j;
      out->sld.n = at - 1 - j;
      if (j > 0) {
        out->trd.p = name.p;
        out->trd.n = j - 1;
      }
      return CTS_DOMAIN_OK;
    }
  }
  start = lower_tail(name, buf, &len);
  /* The right-most label is public by the default rule; a name that ends
   * with a dot has an empty right-most label and no registrable part. */
  if (len > 0 && buf[len - 1] == '.') return CTS_DOMAIN_SUFFIX;
  suffix_at = len;
  while (suffix_at > 0 && buf[suffix_at - 1] != '.') suffix_at--;
  /* Longer candidates, each starting after a dot, win (publicsuffix-go
   * tries the longest first). An empty first label is no rule's. */
  for (i = find_fast(buf + suffix_at, len - suffix_at)
               ? suffix_at
               : deepest_candidate(buf, suffix_at);
       i < suffix_at; i++) {
    if (i > 0 && buf[i - 1] != '.') continue;
    if (buf[i] == '.') continue;
    if (memchr(buf + i, 0, len - i) != NULL) continue;
    if (icann_suffix(buf + i)) {
      suffix_at = i;
      break;
    }
  }
  if (suffix_at == 0 && start == 0) return CTS_DOMAIN_SUFFIX;
  out->tld.p = name.p + start + suffix_at;
  out->tld.n = len - suffix_at;
  {
    /* left = everything before the dot that precedes the suffix */
    size_t left_end = start + suffix_at - 1, j = left_end;
    while (j > 0 && name.p[j - 1] != '.') j--;
    out->sld.p = name.p + j;
    out->sld.n = left_end - j;
    if (j > 0) {
      out->trd.p = name.p;
      out->trd.n = j - 1;
    }
  }
  return CTS_DOMAIN_OK;
}

/* A single label, lower-cased, is a TLD of the ICANN section. */
static int is_tld(const char *label, size_t n) {
  const psl_ctx_t *ctx = psl();
  if (n == 0 || memchr(label, '.', n) != NULL) return 0;
  if (find_fast(label, n) != NULL) return 1;
  return ctx != NULL &&
         psl_cached(label, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE);
}

/* zlint's TLD map holds A-labels: a label with a byte outside ASCII (or a
 * NUL) is no TLD. */
static int lower_label(cts_str s, char *buf, size_t cap) {
  if (s.n >= cap) return 0;
  for (size_t i = 0; i < s.n; i++) {
    uint8_t c = s.p[i];
    if (c == 0 || c >= 0x80) return 0;
    buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  buf[s.n] = 0;
  return 1;
}

int cts_tld_known(cts_str label) {
  char buf[80];
  if (!lower_label(label, buf, sizeof(buf))) return 0;
  return is_tld(buf, label.n) || cts_tld_removed(buf, NULL);
}

/* What cts_tld_valid needs of a TLD, whatever the date: a small
 * per-thread cache of it (certificates name few TLDs, and each answer
 * costs two table searches and a public suffix lookup). */
#define TLD_CACHE_SLOTS 64
#define TLD_CACHE_KEY 24
typedef struct tld_slot {
  uint8_t len; /* 0: empty */
  uint8_t is_tld;
  uint8_t has_removed;
  char key[TLD_CACHE_KEY];
  int64_t delegated;
  int64_t removed;
} tld_slot;
static _Thread_local tld_slot g_tld_cache[TLD_CACHE_SLOTS];

int cts_tld_valid(cts_str name, int64_t when) {
  char buf[80];
  cts_str label = name;
  int64_t delegated, removed;
  tld_slot *slot = NULL;
  for (size_t i = name.n; i > 0; i--)
    if (name.p[i - 1] == '.') {
      label.p = name.p + i;
      label.n = name.n - i;
      break;
    }
  if (!lower_label(label, buf, sizeof(buf))) return 0;
  {
    const fast_tld *f = find_fast(buf, label.n);
    if (f != NULL) return when >= f->delegated;
  }
  if (label.n > 0 && label.n < TLD_CACHE_KEY) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < label.n; i++) h = (h ^ (uint8_t)buf[i]) * 16777619u;
    slot = &g_tld_cache[h % TLD_CACHE_SLOTS];
    if (slot->len == label.n && memcmp(slot->key, buf, label.n) == 0)
      return slot->has_removed
                 ? when >= slot->delegated && when <= slot->removed
                 : slot->is_tld && when >= slot->delegated;
  }
  {
    int has_removed, tld = 0;
    removed = 0;
    delegated = cts_tld_delegated(buf);
    has_removed = cts_tld_removed(buf, &removed);
    if (!has_removed) tld = is_tld(buf, label.n);
    if (slot != NULL) {
      slot->len = (uint8_t)label.n;
      memcpy(slot->key, buf, label.n);
      slot->delegated = delegated;
      slot->removed = removed;
      slot->has_removed = (uint8_t)has_removed;
      slot->is_tld = (uint8_t)tld;
    }
    if (has_removed) return when >= delegated && when <= removed;
    return tld && when >= delegated;
  }
}
