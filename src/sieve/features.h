/* Feature bits the sieve computes once per certificate (summary.h:
 * CTS_DNS_*, CTS_IP_*, CTS_ATTR_*, CTS_FEAT_*). Private to src/sieve and
 * its tests. */
#ifndef CTSCAN_SIEVE_FEATURES_H
#define CTSCAN_SIEVE_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "ctscan/summary.h"

/* CTS_DNS_* bits of the dNSName at p (n octets) whose CTS_BC_* byte
 * classes are classes; *out_labels gets its label count (summary.h). */
uint32_t cts_sieve_dns_features(const uint8_t *p, size_t n, uint32_t classes,
                                uint8_t *out_labels);

/* CTS_IP_* bits of an iPAddress SAN's n content octets. */
uint32_t cts_sieve_ip_features(const uint8_t *p, size_t n);

/* Parses IPv4 dotted-quad text (four decimal fields 0-255, no leading
 * zeros) or IPv6 text (RFC 4291 2.2, with "::" and a dotted-quad tail)
 * into 4 or 16 octets. Returns 4, 16, or 0 when p is neither. */
size_t cts_sieve_parse_ip_text(const uint8_t *p, size_t n, uint8_t out[16]);

/* Serial, validity and commonName features of a walked summary: sets
 * sum->features, serial_bits, serial_octets, validity_secs/_days and the
 * CTS_ATTR_* bits of each subject attribute. */
void cts_sieve_cert_features(cts_summary *sum);

#endif
