/* The sieve: one pass over a certificate's DER into a cts_summary.
 *
 * It borrows the bytes, allocates nothing, and reads only what the ASN.1
 * structure of RFC 5280 4.1 allows: a certificate that does not have that
 * structure is rejected with a reason (the entry is then unparseable). A
 * certificate that has the structure but breaks a rule some lint checks
 * (a non-minimal serial, a malformed time, an unparsable SAN) is accepted
 * and the problem recorded in the summary's flags, so that the lint can
 * report it. */
#ifndef CTSCAN_SIEVE_H
#define CTSCAN_SIEVE_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/summary.h"

/* Summarises the Certificate at der (or, when is_tbs, a TBSCertificate
 * alone, as in an RFC 6962 precert entry). Returns 1, or 0 with *out_reason
 * set to a static description of the first structural problem. */
int cts_sieve_summarize(const uint8_t *der, size_t len, int is_tbs,
                        cts_summary *out, const char **out_reason);

/* Writes a Name (a whole SEQUENCE element) in RFC 4514 order of
 * appearance as "C=US, O=Example, CN=Example CA" into buf (always
 * NUL-terminated; truncated with "..." when longer). Bytes outside
 * printable ASCII are written as \XX. Returns the length written. */
size_t cts_name_format(const uint8_t *name, size_t len, char *buf,
                       size_t buf_len);

#endif
