/* The "keys" group's code that uses OpenSSL (keys_full.c, the only file of
 * the group that does). keys.c lists the lints in its table; each full
 * lint's gate is a cheap predicate over the summary that is true whenever
 * the lint could report a finding. */
#ifndef CTSCAN_LINTS_KEYS_FULL_H
#define CTSCAN_LINTS_KEYS_FULL_H

#include "ctscan/der.h"
#include "ctscan/lint.h"

/* e_dsa_correct_order_in_subgroup, e_dsa_unique_correct_representation:
 * DSA keys zcrypto reads; gated on the DSA algorithm OID (rare). */
int cts_keys_applies_dsa_key(const cts_lint_cert *c);
int cts_keys_gate_dsa(const cts_lint_cert *c);
cts_lint_status cts_keys_run_dsa_order(const cts_lint_cert *c);
cts_lint_status cts_keys_run_dsa_range(const cts_lint_cert *c);

/* e_rsa_fermat_factorization is a summary lint (keys_bignum.h); this is its
 * path for a modulus wider than CTS_BN_MAX_BITS, which needs no parse of
 * the certificate, only OpenSSL's BIGNUM (and so allocates). modulus is the
 * INTEGER's contents, non-negative. 1: factored within `rounds` rounds,
 * 0: not, -1: out of memory. */
int cts_keys_fermat_wide(cts_der modulus, unsigned rounds);

#endif
