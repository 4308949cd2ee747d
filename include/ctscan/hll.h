/* HyperLogLog (Flajolet et al. 2007) with 2^12 one-byte registers: a
 * distinct count in 4 KiB whatever the input size, standard error
 * 1.04 / sqrt(4096) = 1.6 %, exact merge (register-wise max). Small
 * cardinalities use linear counting, which is near exact below ~3,000. */
#ifndef CTSCAN_HLL_H
#define CTSCAN_HLL_H

#include <stdint.h>

#define CTS_HLL_P 12
#define CTS_HLL_REGISTERS (1u << CTS_HLL_P)

void cts_hll_add(uint8_t *registers, uint64_t hash);
void cts_hll_merge(uint8_t *dst, const uint8_t *src);
uint64_t cts_hll_estimate(const uint8_t *registers);

#endif
