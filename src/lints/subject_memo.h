/* The per-certificate analysis of the "subject" and "ev_ca" groups (the
 * CTS_MEMO_SUBJECT slot of include/ctscan/lint.h): the subject's
 * attributes walked once, each one's type, Go string, length in runes and
 * whitespace decided once, and what the lints ask of them kept per type
 * or ORed into flags. The issuer and the EV decision are tiers of their
 * own, computed when a lint first asks. */
#ifndef CTSCAN_LINTS_SUBJECT_MEMO_H
#define CTSCAN_LINTS_SUBJECT_MEMO_H

#include <stdint.h>

#include "ctscan/der.h"
#include "ctscan/lint.h"

/* The attribute types the lints name (subject_util.h, ctscan/oid.h). */
enum {
  CTS_ST_CN = 0,      /* 2.5.4.3 */
  CTS_ST_SURNAME,     /* 2.5.4.4 */
  CTS_ST_SERIAL,      /* 2.5.4.5 */
  CTS_ST_C,           /* 2.5.4.6 */
  CTS_ST_L,           /* 2.5.4.7 */
  CTS_ST_ST,          /* 2.5.4.8 */
  CTS_ST_STREET,      /* 2.5.4.9 */
  CTS_ST_O,           /* 2.5.4.10 */
  CTS_ST_OU,          /* 2.5.4.11 */
  CTS_ST_BUSINESS,    /* 2.5.4.15 businessCategory */
  CTS_ST_POSTAL,      /* 2.5.4.17 */
  CTS_ST_GIVEN,       /* 2.5.4.42 */
  CTS_ST_ORG_ID,      /* 2.5.4.97 organizationIdentifier */
  CTS_ST_EMAIL,       /* 1.2.840.113549.1.9.1 */
  CTS_ST_JUR_L,       /* EV jurisdiction{Locality,StateOrProvince,Country} */
  CTS_ST_JUR_ST,
  CTS_ST_JUR_C,
  CTS_ST_DC,          /* 0.9.2342.19200300.100.1.25 domainComponent */
  CTS_ST_OTHER,       /* any other type */
  CTS_ST_COUNT
};
#define CTS_ST_BIT(t) (1u << (t))

/* A string value (Go decodes its tag to a string). */
typedef struct cts_subj_val {
  cts_der value;    /* contents */
  uint32_t tag;
  uint32_t runes;   /* utf8.RuneCountInString of the Go string */
  uint16_t classes; /* CTS_BC_* of the raw bytes */
  uint8_t set;
} cts_subj_val;

/* Flags over the subject's attributes (each is one lint's question). */
#define CTS_SF_DUPLICATE (1u << 0)   /* a single-instance type repeats */
#define CTS_SF_RDN_ORDER (1u << 1)   /* BRs 7.1.4.2 order broken */
#define CTS_SF_ENCODING (1u << 2)    /* BRs Tables 77/78 encoding broken */
#define CTS_SF_BADALPHA (1u << 3)    /* a PrintableString outside its set */
#define CTS_SF_CONTROL (1u << 4)     /* a C0 control or U+007F-U+009F */
#define CTS_SF_NONINFO (1u << 5)     /* a string with no letter or digit */
#define CTS_SF_C_NOT_ISO (1u << 6)   /* a string countryName not ISO */
#define CTS_SF_C_NOT_UPPER (1u << 7) /* a string countryName not [A-Z]+ */
#define CTS_SF_MULTI_RDN (1u << 8)   /* an RDN of several attributes */
#define CTS_SF_LEADING_WS (1u << 9)  /* a name attribute starts with space */
#define CTS_SF_TRAILING_WS (1u << 10)
#define CTS_SF_HTML (1u << 11)       /* an HTML entity in a scanned value */
#define CTS_SF_LATIN1 (1u << 12)     /* UTF-8 read as Latin-1 there */
#define CTS_SF_NOT_DV (1u << 13)     /* a type other than C and CN */
#define CTS_SF_NOT_EV (1u << 14)     /* a type EVGs 9.2 does not allow */

/* Tiers. */
#define CTS_SM_SUBJECT (1u << 0)
#define CTS_SM_ISSUER (1u << 1)
#define CTS_SM_EV (1u << 2)

typedef struct cts_subj_memo {
  uint32_t tiers;
  /* SUBJECT */
  uint32_t n_attrs;
  uint32_t has;           /* CTS_ST_BIT of each type present */
  uint32_t has_str;       /* ... with a string value */
  uint32_t not_printable; /* ... with a value not tagged PrintableString */
  uint32_t flags;         /* CTS_SF_* */
  uint32_t cn_strings;    /* string commonNames, saturating at 255 */
  uint32_t max_runes[CTS_ST_COUNT]; /* longest string value of each type */
  cts_subj_val first_str[CTS_ST_COUNT]; /* Subject.X[0] */
  cts_subj_val last_str[CTS_ST_COUNT];  /* the last string value */
  cts_der first_bc;       /* the first businessCategory, any tag */
  uint32_t first_bc_tag;
  uint8_t has_bc;
  /* ISSUER */
  uint8_t issuer_empty;
  uint8_t issuer_c_string;      /* a string countryName */
  uint8_t issuer_c_not_printable; /* a countryName not PrintableString */
  uint8_t issuer_multi_rdn;
  uint8_t issuer_leading_ws;
  uint8_t issuer_trailing_ws;
  /* EV */
  uint8_t is_ev;          /* zlint util.IsEV */
} cts_subj_memo;

/* Computes the tiers asked for that the memo lacks. */
const cts_subj_memo *cts_subj_memo_fill(const cts_lint_cert *cert,
                                        uint32_t tiers);

/* The memo with at least the tiers asked for computed. Inline: every lint
 * of the groups asks, most often for what is already there. */
static inline const cts_subj_memo *cts_subj_memo_get(
    const cts_lint_cert *cert, uint32_t tiers) {
  const cts_subj_memo *m =
      (const cts_subj_memo *)(const void *)cert->memo->slot[CTS_MEMO_SUBJECT];
  if ((cert->memo->valid & (1u << CTS_MEMO_SUBJECT)) &&
      (m->tiers & tiers) == tiers)
    return m;
  return cts_subj_memo_fill(cert, tiers);
}

#endif
