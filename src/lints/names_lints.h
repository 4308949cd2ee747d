/* The lint functions of the "names" group, shared between the files that
 * define them and the group's table in names.c. */
#ifndef CTSCAN_LINTS_NAMES_LINTS_H
#define CTSCAN_LINTS_NAMES_LINTS_H

#include "ctscan/lint.h"

/* names_alt.c: subjectAltName / issuerAltName structure, URIs, e-mail */
int cts_names_has_san(const cts_lint_cert *cert);
int cts_names_has_ian(const cts_lint_cert *cert);
int cts_names_not_ca(const cts_lint_cert *cert);
cts_lint_status cts_names_san_empty_name(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_empty_name(const cts_lint_cert *cert);
cts_lint_status cts_names_san_no_entries(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_no_entries(const cts_lint_cert *cert);
cts_lint_status cts_names_san_dns_not_ia5(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_dns_not_ia5(const cts_lint_cert *cert);
cts_lint_status cts_names_san_missing(const cts_lint_cert *cert);
cts_lint_status cts_names_san_not_critical_no_subject(const cts_lint_cert *cert);
cts_lint_status cts_names_san_critical_with_subject(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_critical(const cts_lint_cert *cert);
cts_lint_status cts_names_san_other_name(const cts_lint_cert *cert);
cts_lint_status cts_names_san_rfc822_name(const cts_lint_cert *cert);
cts_lint_status cts_names_san_directory_name(const cts_lint_cert *cert);
cts_lint_status cts_names_san_edi_party_name(const cts_lint_cert *cert);
cts_lint_status cts_names_san_uri(const cts_lint_cert *cert);
cts_lint_status cts_names_san_registered_id(const cts_lint_cert *cert);
cts_lint_status cts_names_san_rfc822_format(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_rfc822_format(const cts_lint_cert *cert);
cts_lint_status cts_names_san_uri_format(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_uri_format(const cts_lint_cert *cert);
cts_lint_status cts_names_san_uri_host(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_uri_host(const cts_lint_cert *cert);
cts_lint_status cts_names_san_uri_not_ia5(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_uri_not_ia5(const cts_lint_cert *cert);
cts_lint_status cts_names_san_uri_relative(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_uri_relative(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_space_dns(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_bare_wildcard(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_null_char(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_starts_with_period(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_wildcard_not_first(const cts_lint_cert *cert);
cts_lint_status cts_names_ian_pub_suffix_empty(const cts_lint_cert *cert);

#endif
