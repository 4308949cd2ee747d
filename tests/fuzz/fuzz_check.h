/* The fuzz targets' assertion: on failure, where and what, then abort()
 * (libFuzzer keeps the input as a crash; the replay driver fails). */
#ifndef CTSCAN_FUZZ_CHECK_H
#define CTSCAN_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                  \
      abort();                                                         \
    }                                                                  \
  } while (0)

#endif
