/* Distinguished names as text, for reports (RFC 4514 string form, in the
 * order the RDNs appear in the certificate, as CT tools print them). */
#include <stdio.h>
#include <string.h>

#include "ctscan/der.h"
#include "ctscan/oid.h"
#include "ctscan/sieve.h"

typedef struct name_label {
  const char *oid;
  size_t oid_len;
  const char *label;
} name_label;

#define LABEL(X, text) {X, CTS_OID_LEN(X), text}
static const name_label k_labels[] = {
    LABEL(CTS_OID_AT_C, "C"),
    LABEL(CTS_OID_AT_ST, "ST"),
    LABEL(CTS_OID_AT_L, "L"),
    LABEL(CTS_OID_AT_O, "O"),
    LABEL(CTS_OID_AT_OU, "OU"),
    LABEL(CTS_OID_AT_CN, "CN"),
    LABEL(CTS_OID_AT_STREET, "STREET"),
    LABEL(CTS_OID_AT_SERIAL_NUMBER, "serialNumber"),
    LABEL(CTS_OID_AT_POSTAL_CODE, "postalCode"),
    LABEL(CTS_OID_AT_BUSINESS_CATEGORY, "businessCategory"),
    LABEL(CTS_OID_AT_EMAIL, "emailAddress"),
    /* 0.9.2342.19200300.100.1.25 domainComponent (RFC 4519 2.4) */
    {"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19", 10, "DC"},
    /* 2.5.4.97 organizationIdentifier (X.520) */
    {"\x55\x04\x61", 3, "organizationIdentifier"},
};

typedef struct out_buf {
  char *buf;
  size_t cap;
  size_t len;
  int full;
} out_buf;

static void put(out_buf *o, const char *s, size_t n) {
  if (o->full) return;
  if (o->len + n + 4 > o->cap) { /* room for "..." and NUL */
    o->full = 1;
    if (o->cap >= 4) {
      memcpy(o->buf + (o->len < o->cap - 4 ? o->len : o->cap - 4), "...", 3);
      o->len = (o->len < o->cap - 4 ? o->len : o->cap - 4) + 3;
    }
    return;
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
}

static void put_label(out_buf *o, const cts_der *oid) {
  char dotted[128];
  for (size_t i = 0; i < sizeof(k_labels) / sizeof(k_labels[0]); i++) {
    if (cts_der_oid_equal(oid, (const uint8_t *)k_labels[i].oid,
                          k_labels[i].oid_len)) {
      put(o, k_labels[i].label, strlen(k_labels[i].label));
      return;
    }
  }
  if (!cts_der_oid_to_string(oid, dotted, sizeof(dotted)))
    strcpy(dotted, "?");
  put(o, dotted, strlen(dotted));
}

/* RFC 4514 2.4: escape the special characters; bytes outside printable
 * ASCII become \XX, except UTF-8 text, which is kept as it is. */
static void put_value(out_buf *o, const cts_der *v, uint32_t tag) {
  for (size_t i = 0; i < v->len; i++) {
    uint8_t c = v->data[i];
    char esc[4];
    if (c >= 0x80 && tag == CTS_DER_UTF8_STRING) {
      put(o, (const char *)&c, 1);
    } else if (c < 0x20 || c >= 0x7f) {
      snprintf(esc, sizeof(esc), "\\%02X", c);
      put(o, esc, 3);
    } else {
      if (strchr(",+\"\\<>;", c) != NULL) put(o, "\\", 1);
      put(o, (const char *)&c, 1);
    }
  }
}

size_t cts_name_format(const uint8_t *name, size_t len, char *buf,
                       size_t buf_len) {
  out_buf o = {buf, buf_len, 0, 0};
  cts_der cur, rdns, rdn, atv, oid, value;
  uint32_t tag;
  size_t hdr;
  int first = 1;
  if (buf_len == 0) return 0;
  cts_der_init(&cur, name, len);
  if (!cts_der_get_element(&cur, &rdns, CTS_DER_SEQUENCE)) goto done;
  while (rdns.len > 0 && cts_der_get_element(&rdns, &rdn, CTS_DER_SET)) {
    while (rdn.len > 0 && cts_der_get_element(&rdn, &atv, CTS_DER_SEQUENCE) &&
           cts_der_get_oid(&atv, &oid) &&
           cts_der_get_any_element(&atv, &value, &tag, &hdr)) {
      value.data += hdr;
      value.len -= hdr;
      if (!first) put(&o, ", ", 2);
      first = 0;
      put_label(&o, &oid);
      put(&o, "=", 1);
      put_value(&o, &value, tag);
    }
  }
done:
  buf[o.len] = 0;
  return o.len;
}
