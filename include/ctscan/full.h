/* The full-parse stage: OpenSSL's parse of the certificates whose gates
 * are true (or of every certificate with --full). The only stage, with the
 * full lints, that includes OpenSSL. */
#ifndef CTSCAN_FULL_H
#define CTSCAN_FULL_H

#include "ctscan/lint.h"
#include "ctscan/status.h"

/* Parses cert->sum's certificate with d2i_X509 into cert->x509 and decides
 * the facts that need it (self_signed: subject == issuer and the signature
 * verifies with the certificate's own key). A TBSCertificate alone (a
 * precert entry without pre_certificate) is wrapped in a Certificate with
 * the TBS's signature algorithm and an empty signature first. Returns
 * CTS_ERR_FORMAT when OpenSSL rejects the certificate (cert->x509 stays
 * NULL). */
cts_status cts_full_parse(cts_lint_cert *cert);
void cts_full_release(cts_lint_cert *cert);

#endif
