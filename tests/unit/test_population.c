/* Population lints (src/stats/population.c) on certificates built for
 * the purpose: synthetic summaries fed to the stats API, so that every
 * field a population lint reads is chosen by the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctscan/config.h"
#include "ctscan/report.h"
#include "ctscan/stats.h"
#include "test.h"

#define DAY 86400
#define T0 1714521600 /* 2024-05-01T00:00:00Z */

/* Name: C=XX, O=Test CA, CN=Test CA 1 */
static const uint8_t CA_NAME[] = {
    0x30, 0x34, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13,
    0x02, 'X',  'X',  0x31, 0x10, 0x30, 0x0e, 0x06, 0x03, 0x55, 0x04, 0x0a,
    0x0c, 0x07, 'T',  'e',  's',  't',  ' ',  'C',  'A',  0x31, 0x13, 0x30,
    0x11, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x0a, 'T',  'e',  's',  't',
    ' ',  'C',  'A',  ' ',  '1',  0x31};
static const uint8_t OID_CN[] = {0x55, 0x04, 0x03};
static const uint8_t OID_O[] = {0x55, 0x04, 0x0a};
static const uint8_t OID_SAN[] = {0x55, 0x1d, 0x11};
static const uint8_t OID_BC[] = {0x55, 0x1d, 0x13};
static const uint8_t OID_KU[] = {0x55, 0x1d, 0x0f};
static const uint8_t OID_POISON[] = {0x2b, 0x06, 0x01, 0x04, 0x01,
                                     0xd6, 0x79, 0x02, 0x04, 0x03};
static const uint8_t OID_SCTS[] = {0x2b, 0x06, 0x01, 0x04, 0x01,
                                   0xd6, 0x79, 0x02, 0x04, 0x02};

/* What a test certificate is made of. */
typedef struct spec {
  uint8_t serial[24];
  size_t serial_len;
  const char *org;      /* subject O, or NULL */
  const char *names[4]; /* dNSNames */
  int64_t not_before;
  int32_t days;         /* validity */
  int precert;          /* poison instead of the SCT list */
  int key_ku;           /* add keyUsage (another profile) */
  uint32_t key;         /* changes the SPKI */
  uint64_t index;
  char own_name[40];    /* when set: names[0] */
  char own_org[24];     /* when set: org */
} spec;

typedef struct fake {
  uint8_t buf[4096];
  size_t len;
  cts_summary sum;
  cts_entry entry;
} fake;

static cts_span put(fake *f, const void *p, size_t n) {
  cts_span s = {(uint32_t)f->len, (uint32_t)n};
  memcpy(f->buf + f->len, p, n);
  f->len += n;
  return s;
}

static void add_ext(fake *f, const uint8_t *oid, size_t n, int critical) {
  cts_ext *e = &f->sum.exts[f->sum.n_exts++];
  e->oid = put(f, oid, n);
  e->critical = (uint8_t)critical;
}

static void build(fake *f, const spec *given) {
  spec copy = *given, *s = &copy;
  cts_summary *sum = &f->sum;
  if (s->own_name[0]) s->names[0] = s->own_name;
  if (s->own_org[0]) s->org = s->own_org;
  memset(sum, 0, sizeof(*sum));
  memset(&f->entry, 0, sizeof(f->entry));
  f->len = 0;
  sum->der = f->buf;
  sum->issuer = put(f, CA_NAME, sizeof(CA_NAME));
  sum->serial = put(f, s->serial, s->serial_len);
  sum->subject.off = (uint32_t)f->len;
  put(f, "subject:", 8);
  if (s->org != NULL) {
    cts_attr *a = &sum->subject_attrs[sum->n_subject_attrs++];
    a->oid = put(f, OID_O, sizeof(OID_O));
    a->value = put(f, s->org, strlen(s->org));
    a->rdn = 0;
  }
  {
    cts_attr *a = &sum->subject_attrs[sum->n_subject_attrs++];
    a->oid = put(f, OID_CN, sizeof(OID_CN));
    a->value = put(f, s->names[0], strlen(s->names[0]));
    a->rdn = 1;
  }
  sum->subject.len = (uint32_t)f->len - sum->subject.off;
  for (int i = 0; i < 4 && s->names[i] != NULL; i++) {
    cts_general_name *gn = &sum->sans[sum->n_sans++];
    gn->type = CTS_GN_DNS;
    gn->value = put(f, s->names[i], strlen(s->names[i]));
    sum->n_san_dns++;
  }
  sum->not_before = s->not_before;
  sum->not_after = s->not_before + (int64_t)s->days * DAY - 1;
  sum->validity_days = s->days;
  sum->validity_secs = (int64_t)s->days * DAY;
  {
    uint8_t spki[8] = {0x30, 0x06, 'k', 'e', 'y'};
    memcpy(spki + 4, &s->key, sizeof(s->key));
    sum->spki = put(f, spki, sizeof(spki));
  }
  sum->key_type = CTS_KEY_RSA;
  sum->key_size = 2048;
  sum->ext_policies = -1;
  add_ext(f, OID_SAN, sizeof(OID_SAN), 0);
  add_ext(f, OID_BC, sizeof(OID_BC), 1);
  if (s->key_ku) add_ext(f, OID_KU, sizeof(OID_KU), 1);
  if (s->precert)
    add_ext(f, OID_POISON, sizeof(OID_POISON), 1);
  else
    add_ext(f, OID_SCTS, sizeof(OID_SCTS), 0);
  put(f, s->precert ? "precert" : "x509", s->precert ? 7 : 4);
  sum->cert.off = 0;
  sum->cert.len = (uint32_t)f->len;
  f->entry.index = s->index;
  f->entry.index_known = 1;
  f->entry.type = s->precert ? CTS_ENTRY_PRECERT : CTS_ENTRY_X509;
}

static fake *g_fake;

static size_t n_lints(void) {
  size_t n;
  (void)cts_lints(&n);
  return n;
}

static void add(cts_stats *st, const spec *s) {
  build(g_fake, s);
  CU_ASSERT_EQUAL_FATAL(cts_stats_add_entry(st, &g_fake->entry, &g_fake->sum,
                                            NULL, 0, NULL),
                        CTS_OK);
}

static const cts_ca_stats *only_ca(const cts_stats *st) {
  for (size_t i = 0; i < st->cap; i++)
    if (st->cas[i].issuer_dn != NULL) return &st->cas[i];
  return NULL;
}

static void result(const cts_stats *st, cts_pop_result *r) {
  const cts_ca_stats *ca = only_ca(st);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ca);
  CU_ASSERT_EQUAL(cts_pop_result_get(ca->population, ca->entries, NULL, r),
                  CTS_OK);
}

/* xorshift64*: reproducible "random" serials. */
static uint64_t g_rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_random(void) {
  g_rng ^= g_rng >> 12;
  g_rng ^= g_rng << 25;
  g_rng ^= g_rng >> 27;
  return g_rng * 0x2545f4914f6cdd1dull;
}

static void random_serial(spec *s, int bits) {
  int octets = bits / 8;
  s->serial[0] = 0; /* DER sign octet: the value stays positive */
  for (int i = 1; i <= octets; i++) s->serial[i] = (uint8_t)next_random();
  s->serial_len = (size_t)octets + 1;
}

static void counter_serial(spec *s, uint64_t v) {
  s->serial_len = 0;
  s->serial[s->serial_len++] = 0;
  for (int i = 7; i >= 0; i--) s->serial[s->serial_len++] = (uint8_t)(v >> (8 * i));
}

static spec plain(uint64_t index) {
  spec s;
  memset(&s, 0, sizeof(s));
  s.names[0] = "www.example.com";
  s.not_before = T0 + (int64_t)index * 60;
  s.days = 90;
  s.index = index;
  s.key = (uint32_t)index;
  return s;
}

/* BR 7.1: a CA issuing 24 sequential serials is under 64 bits and has a
 * run. */
static void test_sequential_flagged(void) {
  cts_stats st;
  cts_pop_result r;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (uint64_t i = 0; i < 24; i++) {
    spec s = plain(i);
    counter_serial(&s, 0x5a0000f0 + i); /* crosses a block edge */
    add(&st, &s);
  }
  result(&st, &r);
  CU_ASSERT_TRUE(r.entropy_known);
  CU_ASSERT_TRUE(r.serial_entropy_bits < 64.0);
  CU_ASSERT_TRUE(r.entropy_low);
  CU_ASSERT_EQUAL(r.sequential_runs, 1);
  CU_ASSERT_EQUAL(r.run_length, 24);
  CU_ASSERT_EQUAL(r.longest_run, 24);
  CU_ASSERT_EQUAL(r.run_serial[CTS_POP_BLOCK_KEY], 0xf0);
  CU_ASSERT_EQUAL(r.duplicate_serials, 0);
  cts_stats_free(&st);
}

/* 128-bit random serials: about 128 bits, no run; also with few of them. */
static void test_random_not_flagged(void) {
  static const int sizes[] = {24, 1000};
  for (size_t k = 0; k < 2; k++) {
    cts_stats st;
    cts_pop_result r;
    CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
    for (int i = 0; i < sizes[k]; i++) {
      spec s = plain((uint64_t)i);
      random_serial(&s, 128);
      add(&st, &s);
    }
    result(&st, &r);
    CU_ASSERT_TRUE(r.entropy_known);
    CU_ASSERT_TRUE(r.serial_entropy_bits > 120.0 && r.serial_entropy_bits <= 128.0);
    CU_ASSERT_FALSE(r.entropy_low);
    CU_ASSERT_EQUAL(r.sequential_runs, 0);
    CU_ASSERT_EQUAL(r.duplicate_serials, 0);
    cts_stats_free(&st);
  }
}

/* The 2019 "63-bit serials" incidents: 64 random bits with the top one
 * forced to zero reads about 63 bits, under BR 7.1's 64. */
static void test_63_bits_flagged(void) {
  cts_stats st;
  cts_pop_result r;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (int i = 0; i < 5000; i++) {
    spec s = plain((uint64_t)i);
    random_serial(&s, 64);
    s.serial[1] &= 0x7f;
    add(&st, &s);
  }
  result(&st, &r);
  CU_ASSERT_TRUE(r.serial_entropy_bits > 62.0 && r.serial_entropy_bits < 64.0);
  CU_ASSERT_TRUE(r.entropy_low);
  cts_stats_free(&st);
}

static void test_few_serials_null(void) {
  cts_stats st;
  cts_pop_result r;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (uint64_t i = 0; i < CTS_POP_MIN_SERIALS - 1; i++) {
    spec s = plain(i);
    random_serial(&s, 128);
    add(&st, &s);
  }
  result(&st, &r);
  CU_ASSERT_FALSE(r.entropy_known);
  CU_ASSERT_FALSE(r.entropy_low);
  cts_stats_free(&st);
}

/* RFC 5280 4.1.2.2: a reused serial on a different certificate is a
 * duplicate; a precert and its certificate (RFC 6962 3.1) are not. */
static void test_duplicates(void) {
  cts_stats st;
  cts_pop_result r;
  spec a = plain(10), b = plain(11), pre = plain(20), fin = plain(21);
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  random_serial(&a, 128);
  memcpy(&b.serial, &a.serial, sizeof(a.serial));
  b.serial_len = a.serial_len;
  b.names[0] = "other.example.org";
  random_serial(&pre, 128);
  pre.precert = 1;
  fin = pre;
  fin.precert = 0;
  fin.index = 21;
  add(&st, &pre);
  add(&st, &fin);
  result(&st, &r);
  CU_ASSERT_EQUAL(r.duplicate_serials, 0);
  add(&st, &a);
  add(&st, &b);
  result(&st, &r);
  CU_ASSERT_EQUAL(r.duplicate_serials, 1);
  CU_ASSERT_EQUAL(r.n_duplicates, 1);
  if (r.n_duplicates == 1) {
    uint64_t i0 = r.duplicates[0]->index[0], i1 = r.duplicates[0]->index[1];
    CU_ASSERT_TRUE((i0 == 10 && i1 == 11) || (i0 == 11 && i1 == 10));
  }
  /* one profile: the poison and the SCT list are not part of it */
  CU_ASSERT_EQUAL(r.profiles, 1);
  cts_stats_free(&st);
}

static int typo_count(int64_t apart, const char *first, const char *second,
                      const char *org2) {
  cts_stats st;
  cts_pop_result r;
  spec a = plain(1), b = plain(2);
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  random_serial(&a, 128);
  random_serial(&b, 128);
  a.org = "Cualtis S.A.";
  b.org = org2;
  a.names[0] = first;
  b.names[0] = second;
  b.not_before = a.not_before + apart;
  add(&st, &a);
  add(&st, &b);
  result(&st, &r);
  if (r.n_typos == 1) {
    CU_ASSERT_STRING_EQUAL(r.typos[0].name_a, first);
    CU_ASSERT_STRING_EQUAL(r.typos[0].name_b, second);
    CU_ASSERT_EQUAL(r.typos[0].a->index, 1);
  }
  cts_stats_free(&st);
  return (int)r.typo_reissues;
}

/* mail.cuatis.net then mail.cualtis.net: a typo reissue within 24 h, not
 * 3 days apart, nor for another organization; other near names are not
 * typos. */
static void test_typos(void) {
  CU_ASSERT_EQUAL(typo_count(5 * 3600, "mail.cuatis.net", "mail.cualtis.net",
                             "Cualtis S.A."), 1);
  CU_ASSERT_EQUAL(typo_count(5 * 3600, "mail.cuatis.net", "mail.cualtis.net",
                             "CUALTIS s.a."), 1);
  CU_ASSERT_EQUAL(typo_count(24 * 3600, "mail.cuatis.net", "mail.cualtis.net",
                             "Cualtis S.A."), 1);
  CU_ASSERT_EQUAL(typo_count(3 * DAY, "mail.cuatis.net", "mail.cualtis.net",
                             "Cualtis S.A."), 0);
  CU_ASSERT_EQUAL(typo_count(3600, "mail.cuatis.net", "mail.cualtis.net",
                             "Another Org"), 0);
  CU_ASSERT_EQUAL(typo_count(3600, "mail.cualtis.net", "mail.cualtis.net",
                             "Cualtis S.A."), 0);
  CU_ASSERT_EQUAL(typo_count(3600, "web1.cualtis.net", "web2.cualtis.net",
                             "Cualtis S.A."), 0);
  CU_ASSERT_EQUAL(typo_count(3600, "cualtis.de", "cualtis.at", "Cualtis S.A."), 0);
  CU_ASSERT_EQUAL(typo_count(3600, "cualtis.com", "cualtsi.com", "Cualtis S.A."), 1);
  CU_ASSERT_EQUAL(typo_count(3600, "cualtis.com", "example.com", "Cualtis S.A."), 0);
}

/* A typo reissue counts the reissue once: the precert and final entries
 * of each issuance are one, a second misspelt issuance (same names, a new
 * serial) does not add one, and the entries' order does not matter. The
 * example pairs the reissue with the latest misspelt issuance. */
static void test_typo_reissue_once(void) {
  static const int orders[3][6] = {
      {0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {4, 0, 5, 2, 1, 3}};
  spec e[6];
  memset(e, 0, sizeof(e));
  /* 0, 1: misspelt precert and final; 2: the same names under a new
   * serial an hour later; 3, 4: the reissue's precert and final; 5: the
   * reissue's final logged again */
  for (int i = 0; i < 6; i++) {
    e[i] = plain(10 + (uint64_t)i);
    e[i].org = "Cualtis S.A.";
    e[i].key = 7;
  }
  random_serial(&e[0], 128);
  e[0].precert = 1;
  e[0].names[0] = "mail.cuatis.net";
  e[1] = e[0];
  e[1].precert = 0;
  e[1].index = 11;
  e[2] = e[0];
  random_serial(&e[2], 128);
  e[2].precert = 0;
  e[2].index = 12;
  e[2].not_before = e[0].not_before + 3600;
  e[3] = e[0];
  random_serial(&e[3], 128);
  e[3].names[0] = "mail.cualtis.net";
  e[3].index = 13;
  e[3].not_before = e[0].not_before + 2 * 3600;
  e[4] = e[3];
  e[4].precert = 0;
  e[4].index = 14;
  e[5] = e[4];
  e[5].index = 15;
  for (int o = 0; o < 3; o++) {
    cts_stats st;
    cts_pop_result r;
    CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
    for (int i = 0; i < 6; i++) add(&st, &e[orders[o][i]]);
    result(&st, &r);
    CU_ASSERT_EQUAL(r.typo_reissues, 1);
    CU_ASSERT_EQUAL_FATAL(r.n_typos, 1);
    CU_ASSERT_EQUAL(r.typos[0].a->index, 12);
    CU_ASSERT_EQUAL(r.typos[0].b->index, 13);
    CU_ASSERT_STRING_EQUAL(r.typos[0].name_a, "mail.cuatis.net");
    CU_ASSERT_STRING_EQUAL(r.typos[0].name_b, "mail.cualtis.net");
    cts_stats_free(&st);
  }
}

/* Two issuances of the corrected certificate (the same certificate under
 * two serials) are two reissues; the misspelt one is none, even when it
 * is logged last. */
static void test_typo_two_reissues(void) {
  cts_stats st;
  cts_pop_result r;
  spec a = plain(30), b = plain(20), c;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  random_serial(&a, 128);
  random_serial(&b, 128);
  a.org = b.org = "Cualtis S.A.";
  a.names[0] = "mail.cuatis.net";
  b.names[0] = "mail.cualtis.net";
  a.not_before = T0;
  b.not_before = T0 + 600;
  c = b;
  random_serial(&c, 128);
  c.index = 21;
  add(&st, &b);
  add(&st, &c);
  add(&st, &a);
  result(&st, &r);
  CU_ASSERT_EQUAL(r.typo_reissues, 2);
  CU_ASSERT_EQUAL(r.n_typos, 2);
  for (size_t i = 0; i < r.n_typos; i++) {
    CU_ASSERT_EQUAL(r.typos[i].a->index, 30);
    CU_ASSERT_NOT_EQUAL(r.typos[i].b->index, 30);
  }
  cts_stats_free(&st);
}

static void test_typo_window_config(void) {
  char path[256], err[512];
  cts_config c;
  FILE *f;
  snprintf(path, sizeof(path), "/tmp/ctscan-pop-%d.yaml", (int)getpid());
  f = fopen(path, "w");
  CU_ASSERT_PTR_NOT_NULL_FATAL(f);
  fputs("thresholds:\n  serial_entropy_bits: 100\n  typo_window_hours: 96\n", f);
  fclose(f);
  CU_ASSERT_FATAL(cts_config_load(path, &c, err, sizeof(err)) == CTS_OK);
  CU_ASSERT_DOUBLE_EQUAL(c.thresholds.serial_entropy_bits, 100.0, 1e-9);
  CU_ASSERT_DOUBLE_EQUAL(c.thresholds.typo_window_hours, 96.0, 1e-9);
  {
    cts_stats st;
    cts_pop_result r;
    const cts_ca_stats *ca;
    spec a = plain(1), b = plain(2);
    CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
    for (uint64_t i = 0; i < 32; i++) {
      spec s = plain(100 + i);
      random_serial(&s, 80);
      add(&st, &s);
    }
    random_serial(&a, 128);
    random_serial(&b, 128);
    a.org = b.org = "Cualtis S.A.";
    a.names[0] = "mail.cuatis.net";
    b.names[0] = "mail.cualtis.net";
    b.not_before = a.not_before + 3 * DAY;
    add(&st, &a);
    add(&st, &b);
    ca = only_ca(&st);
    CU_ASSERT_EQUAL(cts_pop_result_get(ca->population, ca->entries, &c.thresholds, &r), CTS_OK);
    CU_ASSERT_EQUAL(r.typo_reissues, 1);
    CU_ASSERT_TRUE(r.entropy_low); /* about 80 bits, under 100 */
    CU_ASSERT_EQUAL(cts_pop_result_get(ca->population, ca->entries, NULL, &r), CTS_OK);
    CU_ASSERT_EQUAL(r.typo_reissues, 0);
    CU_ASSERT_FALSE(r.entropy_low);
    cts_stats_free(&st);
  }
  cts_config_free(&c);
  f = fopen(path, "w");
  CU_ASSERT_PTR_NOT_NULL_FATAL(f);
  fputs("thresholds:\n  serial_entropy_bits: lots\n", f);
  fclose(f);
  CU_ASSERT_NOT_EQUAL(cts_config_load(path, &c, err, sizeof(err)), CTS_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(err, ":2:"));
  unlink(path);
}

/* One profile for 5000 certificates, one certificate of another: a rare
 * profile, with its certificate as the example. */
static void test_profiles(void) {
  cts_stats st;
  cts_pop_result r;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (uint64_t i = 0; i < 5000; i++) {
    spec s = plain(i);
    random_serial(&s, 128);
    if (i == 777) s.days = 1185;
    add(&st, &s);
  }
  result(&st, &r);
  CU_ASSERT_EQUAL(r.profiles, 2);
  CU_ASSERT_EQUAL(r.rare_profiles, 1);
  CU_ASSERT_EQUAL_FATAL(r.n_rare, 1);
  CU_ASSERT_EQUAL(r.rare[0]->count, 1);
  CU_ASSERT_EQUAL(r.rare[0]->index, 777);
  CU_ASSERT_EQUAL(r.rare[0]->validity_days, 1185);
  cts_stats_free(&st);
}

/* A mixed issuance: sequential and random serials, duplicates,
 * precert/final pairs, organizations with typos, many profiles. big
 * makes every sketch sample (levels above 0). */
static void mixed(spec *out, size_t n, int big) {
  static const char *orgs[] = {"Cualtis S.A.", "Example Ltd", "Acme GmbH"};
  g_rng = 0x1234567887654321ull;
  for (size_t i = 0; i < n; i++) {
    spec s = plain(i);
    uint64_t kind = next_random() % 10;
    unsigned group = (unsigned)((i / 9) % (big ? 4000 : 4));
    if (kind < 3)
      counter_serial(&s, 0x10000 + i);
    else
      random_serial(&s, kind == 3 ? 32 : 128);
    if (kind == 4 && i > 0) { /* the certificate of the previous precert */
      s = out[i - 1];
      s.precert = !s.precert;
      s.index = i;
    } else if (kind == 5) { /* names a typo apart, one organization */
      snprintf(s.own_name, sizeof(s.own_name), "mail.cu%catis%u.net",
               (int)('a' + (i / 3) % 3), group);
      if (big)
        snprintf(s.own_org, sizeof(s.own_org), "Org %u", group);
      else
        s.org = orgs[i % 3];
    } else if (kind == 6 && i > 0) { /* a duplicate serial */
      memcpy(s.serial, out[i - 1].serial, sizeof(s.serial));
      s.serial_len = out[i - 1].serial_len;
    }
    if (big) s.days = 30 + (int32_t)(next_random() % 400);
    s.key_ku = (int)(next_random() % 2);
    s.precert = s.precert || kind == 7;
    out[i] = s;
  }
}

static void scan_part(cts_stats *st, const spec *all, size_t from, size_t to,
                      size_t step) {
  CU_ASSERT_FATAL(cts_stats_init(st, n_lints()) == CTS_OK);
  for (size_t i = from; i < to; i += step) add(st, &all[i]);
}

/* Merging two halves (split by range or interleaved, in memory or read
 * back from their JSON) writes the same stats JSON as the whole, byte for
 * byte; so does the whole in reverse order. */
static void check_merge(int big) {
  size_t n = big ? 60000 : 600;
  spec *all = calloc(n, sizeof(*all));
  cts_stats whole, reverse, h1, h2, merged, l1, l2, loaded;
  char *w, *m, *rv, *lj, err[256];
  const char *p1, *p2;
  CU_ASSERT_PTR_NOT_NULL_FATAL(all);
  mixed(all, n, big);
  scan_part(&whole, all, 0, n, 1);
  w = cts_test_stats_json(&whole);
  CU_ASSERT_PTR_NOT_NULL_FATAL(w);
  CU_ASSERT_FATAL(cts_stats_init(&reverse, n_lints()) == CTS_OK);
  for (size_t i = n; i-- > 0;) add(&reverse, &all[i]);
  rv = cts_test_stats_json(&reverse);
  CU_ASSERT_TRUE(rv != NULL && strcmp(rv, w) == 0);
  for (int split = 0; split < 2; split++) {
    if (split == 0) {
      scan_part(&h1, all, 0, n / 3, 1);
      scan_part(&h2, all, n / 3, n, 1);
    } else {
      scan_part(&h1, all, 0, n, 2);
      scan_part(&h2, all, 1, n, 2);
    }
    CU_ASSERT_FATAL(cts_stats_init(&merged, n_lints()) == CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&merged, &h2), CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&merged, &h1), CTS_OK);
    m = cts_test_stats_json(&merged);
    CU_ASSERT_TRUE(m != NULL && strcmp(m, w) == 0);
    p1 = cts_test_write_stats_json(&h1, "h1");
    p2 = cts_test_write_stats_json(&h2, "h2");
    CU_ASSERT_EQUAL_FATAL(cts_report_load_json(p1, &l1, err, sizeof(err)), CTS_OK);
    CU_ASSERT_EQUAL_FATAL(cts_report_load_json(p2, &l2, err, sizeof(err)), CTS_OK);
    CU_ASSERT_FATAL(cts_stats_init(&loaded, n_lints()) == CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&loaded, &l1), CTS_OK);
    CU_ASSERT_EQUAL(cts_stats_merge(&loaded, &l2), CTS_OK);
    lj = cts_test_stats_json(&loaded);
    CU_ASSERT_TRUE(lj != NULL && strcmp(lj, w) == 0);
    unlink(p1);
    unlink(p2);
    free(m);
    free(lj);
    cts_stats_free(&h1);
    cts_stats_free(&h2);
    cts_stats_free(&merged);
    cts_stats_free(&l1);
    cts_stats_free(&l2);
    cts_stats_free(&loaded);
  }
  {
    cts_pop_result r;
    const cts_ca_stats *ca = only_ca(&whole);
    const cts_population *pop = ca->population;
    result(&whole, &r);
    /* once sampled, runs among mostly random serials are rarely seen:
     * the blocks of random serials fill the sample (stats.h) */
    CU_ASSERT_TRUE(r.sequential_runs > 0 || pop->blocks.level > 0);
    CU_ASSERT_TRUE(r.duplicate_serials > 0);
    CU_ASSERT_TRUE(r.typo_reissues > 0);
    if (big) {
      CU_ASSERT_TRUE(pop->blocks.level > 0 || pop->ids.level > 0);
      CU_ASSERT_TRUE(pop->ids.level > 0);
      CU_ASSERT_TRUE(pop->certs.level > 0);
      CU_ASSERT_TRUE(pop->profiles.level > 0);
    }
  }
  free(w);
  free(rv);
  cts_stats_free(&whole);
  cts_stats_free(&reverse);
  free(all);
}

static void test_merge_small(void) { check_merge(0); }
static void test_merge_sampled(void) { check_merge(1); }

/* A large sequential CA: the blocks are sampled, and the scaled count of
 * runs estimates the true one (1,000 runs of 100). */
static void test_runs_estimate(void) {
  cts_stats st;
  cts_pop_result r;
  uint64_t v = 0x20000000;
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (uint64_t i = 0; i < 100000; i++) {
    spec s = plain(i);
    if (i % 100 == 0) v += 7; /* a gap: a new run */
    counter_serial(&s, v++);
    add(&st, &s);
  }
  result(&st, &r);
  CU_ASSERT_TRUE(only_ca(&st)->population->blocks.level > 0);
  CU_ASSERT_TRUE(r.sequential_runs > 500 && r.sequential_runs < 1500);
  CU_ASSERT_EQUAL(r.longest_run, 100);
  CU_ASSERT_TRUE(r.entropy_low);
  cts_stats_free(&st);
}

/* The sketches stay within their budgets whatever the input: 300,000
 * certificates of many serials, organizations and profiles. */
static void test_memory_bounded(void) {
  cts_stats st;
  size_t bound = sizeof(cts_population) +
                 (CTS_POP_BLOCK_BUDGET + 1) * sizeof(cts_pop_block) +
                 (CTS_POP_SERIAL_BUDGET + 1) * sizeof(cts_pop_serial) +
                 (CTS_POP_TYPO_BUDGET + 1) * sizeof(cts_pop_cert) +
                 (CTS_POP_PROFILE_BUDGET + 1) * sizeof(cts_pop_profile);
  size_t at_10k = 0, at_end;
  char org[32], name[32];
  CU_ASSERT_FATAL(cts_stats_init(&st, n_lints()) == CTS_OK);
  for (uint64_t i = 0; i < 300000; i++) {
    spec s = plain(i);
    if (i % 2)
      random_serial(&s, 128);
    else
      counter_serial(&s, i);
    snprintf(org, sizeof(org), "Org %u", (unsigned)(i % 50000));
    snprintf(name, sizeof(name), "host%u.example.com", (unsigned)i);
    s.org = org;
    s.names[0] = name;
    s.days = 1 + (int32_t)(i % 5000);
    add(&st, &s);
    if (i == 9999) at_10k = cts_pop_memory(only_ca(&st)->population);
  }
  at_end = cts_pop_memory(only_ca(&st)->population);
  printf("\n    population sketch per CA: %zu B after 10k, %zu B after 300k "
         "certificates (bound %zu B)\n    ",
         at_10k, at_end, bound);
  CU_ASSERT_TRUE(at_end <= bound);
  CU_ASSERT_EQUAL(at_end, at_10k); /* full at its budget: no growth */
  cts_stats_free(&st);
}

static void test_init(void) {
  if (g_fake == NULL) g_fake = calloc(1, sizeof(*g_fake));
  CU_ASSERT_PTR_NOT_NULL_FATAL(g_fake);
}

static void test_teardown(void) {
  free(g_fake);
  g_fake = NULL;
}

static CU_TestInfo tests[] = {
    {"(set up)", test_init},
    {"24 sequential serials: under 64 bits, one run", test_sequential_flagged},
    {"128-bit random serials: not flagged", test_random_not_flagged},
    {"63-bit serials: flagged", test_63_bits_flagged},
    {"too few serials: entropy null", test_few_serials_null},
    {"duplicate serials, precert pairs are not", test_duplicates},
    {"typo reissues within the window", test_typos},
    {"a typo reissue counts once per issuance", test_typo_reissue_once},
    {"two issuances of the correction: two reissues", test_typo_two_reissues},
    {"thresholds from YAML", test_typo_window_config},
    {"profiles and a rare one", test_profiles},
    {"sampled runs estimate the runs", test_runs_estimate},
    {"merge of halves equals the whole", test_merge_small},
    {"merge equals the whole when sampled", test_merge_sampled},
    {"memory per CA is bounded", test_memory_bounded},
    {"(tear down)", test_teardown},
    CU_TEST_INFO_NULL};
CTS_TEST_SUITE("population", tests)
