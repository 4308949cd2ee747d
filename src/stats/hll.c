#include <math.h>

#include "ctscan/hll.h"

/* The low p bits pick the register; the rank is the position of the
 * first 1 bit in the rest (1-based). The hash must be well mixed. */
void cts_hll_add(uint8_t *registers, uint64_t hash) {
  uint32_t index = (uint32_t)(hash & (CTS_HLL_REGISTERS - 1));
  uint64_t rest = hash >> CTS_HLL_P;
  uint8_t rank = 1;
  while (rank <= 64 - CTS_HLL_P && (rest & 1) == 0) {
    rank++;
    rest >>= 1;
  }
  if (rank > registers[index]) registers[index] = rank;
}

void cts_hll_merge(uint8_t *dst, const uint8_t *src) {
  for (uint32_t i = 0; i < CTS_HLL_REGISTERS; i++)
    if (src[i] > dst[i]) dst[i] = src[i];
}

uint64_t cts_hll_estimate(const uint8_t *registers) {
  const double m = CTS_HLL_REGISTERS;
  const double alpha = 0.7213 / (1.0 + 1.079 / m);
  double sum = 0;
  unsigned zeros = 0;
  for (uint32_t i = 0; i < CTS_HLL_REGISTERS; i++) {
    sum += ldexp(1.0, -registers[i]);
    zeros += registers[i] == 0;
  }
  double estimate = alpha * m * m / sum;
  /* Linear counting for the small range (the paper's 5/2 m bound). */
  if (estimate <= 2.5 * m && zeros > 0) estimate = m * log(m / zeros);
  return (uint64_t)(estimate + 0.5);
}
