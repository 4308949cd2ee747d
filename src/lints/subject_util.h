/* Helpers shared by the "subject" lint group (subject.c, ev_ca.c): walking
 * a Name's attributes, the attribute types the lints ask about, how Go's
 * x509 (which zlint uses) decodes attribute values, EV policy OIDs and the
 * ISO 3166-1 country codes. Summary-only: nothing here allocates. */
#ifndef CTSCAN_LINTS_SUBJECT_UTIL_H
#define CTSCAN_LINTS_SUBJECT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "ctscan/oid.h"

/* Attribute types (X.520, RFC 5280 Appendix A) the oid.h list lacks. */
#define CTS_SUBJ_OID_SURNAME "\x55\x04\x04"            /* 2.5.4.4 */
#define CTS_SUBJ_OID_TITLE "\x55\x04\x0c"              /* 2.5.4.12 */
#define CTS_SUBJ_OID_GIVEN_NAME "\x55\x04\x2a"         /* 2.5.4.42 */
#define CTS_SUBJ_OID_ORG_ID "\x55\x04\x61"             /* 2.5.4.97 */
/* EV Guidelines 9.2.4 jurisdiction{Locality,StateOrProvince,Country}Name,
 * 1.3.6.1.4.1.311.60.2.1.{1,2,3} */
#define CTS_SUBJ_OID_JUR_L "\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x01"
#define CTS_SUBJ_OID_JUR_ST "\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x02"
#define CTS_SUBJ_OID_JUR_C "\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x03"
/* RFC 4519 domainComponent 0.9.2342.19200300.100.1.25 */
#define CTS_SUBJ_OID_DC "\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19"

#define CTS_SUBJ_OID_IS(der, X) \
  cts_der_oid_equal((der), (const uint8_t *)(X), CTS_OID_LEN(X))

/* One AttributeTypeAndValue of a Name (RFC 5280 4.1.2.4). */
typedef struct cts_subj_atv {
  cts_der type;      /* AttributeType OID contents */
  cts_der value;     /* value contents */
  uint32_t tag;      /* value tag */
  uint32_t rdn;      /* index of its RelativeDistinguishedName */
  uint32_t rdn_size; /* attributes in that RDN */
} cts_subj_atv;

/* Walks a Name's attributes in encoding order: the subject from the
 * summary's attribute table (or its DER when the table was truncated),
 * the issuer from its DER. */
typedef struct cts_subj_iter {
  const cts_summary *sum;
  size_t next_attr;  /* table mode: index into sum->subject_attrs */
  int from_der;
  cts_der rdns;      /* DER mode: the RDNs not yet read */
  cts_der rdn;       /* DER mode: the rest of the current RDN */
  uint32_t rdn_index;
  uint32_t rdn_size;
} cts_subj_iter;

void cts_subj_iter_subject(cts_subj_iter *it, const cts_summary *sum);
void cts_subj_iter_issuer(cts_subj_iter *it, const cts_summary *sum);
/* Next attribute: 1, or 0 at the end (or on malformed DER, which the
 * sieve has already rejected). */
int cts_subj_iter_next(cts_subj_iter *it, cts_subj_atv *out);

/* zlint util.TypeInName: an attribute of this type is in the subject,
 * whatever its value. */
int cts_subj_has(const cts_summary *sum, const char *oid, size_t oid_len);
#define CTS_SUBJ_HAS(sum, X) cts_subj_has((sum), (X), CTS_OID_LEN(X))

/* Go's encoding/asn1 decodes these value tags to a Go string (and only
 * those fill pkix.Name's named fields): PrintableString, NumericString,
 * IA5String, T61String, UTF8String, BMPString. */
int cts_subj_is_go_string(uint32_t tag);

/* An attribute of this type with a string value (a non-empty named field
 * of zcrypto's pkix.Name, e.g. len(Subject.Organization) > 0). */
int cts_subj_has_string(const cts_summary *sum, const char *oid,
                        size_t oid_len);
#define CTS_SUBJ_HAS_STRING(sum, X) \
  cts_subj_has_string((sum), (X), CTS_OID_LEN(X))

/* The which-th (0 = first, CTS_SUBJ_LAST = last) attribute of a type
 * with a string value: zcrypto's Subject.Organization[0],
 * Subject.CommonName (the last commonName), ... Returns 0 when none. */
#define CTS_SUBJ_LAST (-1)
int cts_subj_string(const cts_summary *sum, const char *oid, size_t oid_len,
                    int which, cts_subj_atv *out);
#define CTS_SUBJ_STRING(sum, X, which, out) \
  cts_subj_string((sum), (X), CTS_OID_LEN(X), (which), (out))

/* How many attributes of a type have a string value (len(Subject.X)). */
size_t cts_subj_count_strings(const cts_summary *sum, const char *oid,
                              size_t oid_len);

/* Characters of the Go string a value decodes to, as
 * utf8.RuneCountInString counts them: UTF-8 runes (an invalid byte counts
 * one), BMPString code units with surrogate pairs counted once and a
 * trailing NUL code unit dropped. */
size_t cts_subj_rune_count(uint32_t tag, cts_der value);

/* Decodes the next rune of the Go string a value decodes to (UTF-8 for
 * the 8-bit types, T61String bytes taken as UTF-8 as Go's string(bytes)
 * does; BMPString as UTF-16). Invalid input yields U+FFFD. Returns 0 at
 * the end. *pos is a byte offset into value. */
int cts_subj_next_rune(uint32_t tag, cts_der value, size_t *pos,
                       uint32_t *out_rune);

/* Go's unicode.IsSpace. */
int cts_subj_is_space(uint32_t r);

/* zlint util.IsEV: a certificate policy among the EV OIDs zlint knows. */
int cts_subj_is_ev(const cts_summary *sum);

/* zlint util.IsISOCountryCode of a value's Go string: upper-cased with
 * strings.ToUpper, one of the ISO 3166-1 alpha-2 codes zlint lists. */
int cts_subj_is_iso_country(uint32_t tag, cts_der value);

#endif
