/* Facts about TLDs that the public suffix list does not carry: when a TLD
 * was delegated in the root zone and when it was removed (names_tld.c). */
#ifndef CTSCAN_LINTS_NAMES_TLD_H
#define CTSCAN_LINTS_NAMES_TLD_H

#include <stdint.h>

/* The Unix time from which the lower-case TLD is delegated (zlint's
 * 1985-01-01 for the TLDs the table does not list). */
int64_t cts_tld_delegated(const char *tld);
/* 1 when the lower-case TLD was delegated and later removed from the root
 * zone; *out_removed (if not NULL) gets the removal date. */
int cts_tld_removed(const char *tld, int64_t *out_removed);
/* 1 when names under the TLD split without a public suffix lookup (no
 * deeper ICANN rule). */
int cts_tld_is_fast(const char *tld);

#endif
