/* Owner names from a CCADB AllCertificateRecords CSV export. */
#ifndef CTSCAN_CONFIG_CCADB_H
#define CTSCAN_CONFIG_CCADB_H

#include <stddef.h>

#include "ctscan/config.h"

/* Appends one owner (matched on the issuer's subject key identifier) per
 * record that has "CA Owner" and "Subject Key Identifier" columns filled.
 * The SKI may be hex (with or without ':') or base64. */
cts_status cts_ccadb_load(const char *path, cts_config *config, char *why,
                          size_t why_len);
/* Shared with config.c: takes ownership of owner's strings. */
cts_status cts_config_add_owner(cts_config *config, const cts_owner *owner);

#endif
