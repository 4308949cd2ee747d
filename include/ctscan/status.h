/* ctscan status codes.
 *
 * Parse predicates return 1 (parsed) or 0 (malformed). Operations return a
 * cts_status: CTS_OK (0) or one of the negative codes below. Library code
 * never exits or aborts; it returns one of these and lets the caller decide. */
#ifndef CTSCAN_STATUS_H
#define CTSCAN_STATUS_H

typedef int cts_status;

#define CTS_OK 0
#define CTS_ERR_NOMEM (-1)       /* an allocation failed */
#define CTS_ERR_IO (-2)          /* open/read/mmap/stat failed (errno kept) */
#define CTS_ERR_FORMAT (-3)      /* input bytes are malformed */
#define CTS_ERR_TRUNCATED (-4)   /* input ends inside a record */
#define CTS_ERR_UNSUPPORTED (-5) /* well-formed, but a kind we do not read */
#define CTS_ERR_LIMIT (-6)       /* a length or count exceeds a fixed bound */
#define CTS_ERR_USAGE (-7)       /* bad argument from the caller or the user */
#define CTS_ERR_DECOMPRESS (-8)  /* zstd/gzip stream is corrupt */
#define CTS_ERR_INTERNAL (-9)    /* a bug: an invariant did not hold */
#define CTS_ERR_STOP (-10)       /* a callback asked to stop iterating */

/* Returns a static, human-readable name for status (never NULL). */
const char *cts_status_str(cts_status status);

#endif
