#include "ctscan/status.h"

const char *cts_status_str(cts_status status) {
  switch (status) {
    case CTS_OK: return "ok";
    case CTS_ERR_NOMEM: return "out of memory";
    case CTS_ERR_IO: return "I/O error";
    case CTS_ERR_FORMAT: return "malformed input";
    case CTS_ERR_TRUNCATED: return "truncated input";
    case CTS_ERR_UNSUPPORTED: return "unsupported input";
    case CTS_ERR_LIMIT: return "limit exceeded";
    case CTS_ERR_USAGE: return "bad usage";
    case CTS_ERR_DECOMPRESS: return "corrupt compressed data";
    case CTS_ERR_INTERNAL: return "internal error";
    case CTS_ERR_STOP: return "stopped";
    default: return "unknown status";
  }
}
