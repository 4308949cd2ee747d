/* Shared by the lint groups under src/lints/. */
#ifndef CTSCAN_LINTS_INTERNAL_H
#define CTSCAN_LINTS_INTERNAL_H

#include "ctscan/lint.h"

/* One group per file; registry.c lists them. */
extern const cts_lint_group cts_lint_group_names;
extern const cts_lint_group cts_lint_group_subject;
extern const cts_lint_group cts_lint_group_keys;
extern const cts_lint_group cts_lint_group_time;
extern const cts_lint_group cts_lint_group_extensions;
extern const cts_lint_group cts_lint_group_ev_ca;
extern const cts_lint_group cts_lint_group_ctscan;
extern const cts_lint_group cts_lint_group_ca;

/* Unix seconds of a UTC date (proleptic Gregorian, years >= 1970), as a
 * constant expression for effective dates in lint tables. */
#define CTS_CIVIL_Y_(y, m) ((long long)(y) - ((m) <= 2))
#define CTS_CIVIL_YOE_(y, m) (CTS_CIVIL_Y_(y, m) % 400)
#define CTS_DAYS(y, m, d)                                                  \
  ((CTS_CIVIL_Y_(y, m) / 400) * 146097 + CTS_CIVIL_YOE_(y, m) * 365 +      \
   CTS_CIVIL_YOE_(y, m) / 4 - CTS_CIVIL_YOE_(y, m) / 100 +                 \
   (153 * ((m) + ((m) > 2 ? -3 : 9)) + 2) / 5 + (d)-1 - 719468)
#define CTS_DATE(y, m, d) (CTS_DAYS(y, m, d) * 86400)
#define CTS_DATETIME(y, m, d, hh, mm, ss) \
  (CTS_DATE(y, m, d) + (hh) * 3600 + (mm) * 60 + (ss))

/* A status from a test: the given finding when bad, else a pass. */
static inline cts_lint_status cts_error_if(int bad) {
  return bad ? CTS_LINT_ERROR : CTS_LINT_PASS;
}

static inline cts_lint_status cts_warn_if(int bad) {
  return bad ? CTS_LINT_WARN : CTS_LINT_PASS;
}

/* The applies functions several groups' tables name. */
static inline int cts_applies_ca(const cts_lint_cert *c) {
  return c->facts.is_ca;
}

static inline int cts_applies_not_ca(const cts_lint_cert *c) {
  return !c->facts.is_ca;
}

static inline int cts_applies_subscriber(const cts_lint_cert *c) {
  return c->facts.is_subscriber;
}

#define CTS_GROUP(name, table) \
  const cts_lint_group cts_lint_group_##name = {table, sizeof(table) / sizeof(table[0])}

#endif
