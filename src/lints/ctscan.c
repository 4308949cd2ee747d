/* Lint group "ctscan": lints zlint does not have (source ctscan); see
 * include/ctscan/lint.h for the framework. */
#include "ctscan/der.h"
#include "ctscan/lint.h"
#include "keys_util.h"
#include "lints_internal.h"

/* BRs 7.1 (from 30 September 2016): serial numbers carry at least 64 bits
 * of CSPRNG output. A serial with fewer than 8 significant octets cannot
 * hold 64 random bits (whatever fixed prefix it also has), so it is a sign
 * of non-random or truncated serials. Scoped as the BRs are: subscriber
 * certificates within the BRs' TLS purview. */
static int applies_br_subscriber(const cts_lint_cert *c) {
  return c->facts.is_subscriber && c->facts.is_server_auth;
}

static cts_lint_status run_serial_low_entropy(const cts_lint_cert *c) {
  cts_der s = cts_summary_der(c->sum, c->sum->serial);
  return cts_keys_int_magnitude(s).len < 8 ? CTS_LINT_WARN : CTS_LINT_PASS;
}

static const cts_lint table[] = {
    {"w_serial_number_low_entropy",
     "Subscriber certificate serial number shorter than 8 octets cannot carry "
     "the 64 bits of CSPRNG output BRs 7.1 requires",
     "BRs: 7.1", CTS_SRC_CTSCAN, CTS_DATE(2016, 9, 30), 0,
     applies_br_subscriber, run_serial_low_entropy, NULL},
};

CTS_GROUP(ctscan, table);
