/* The baseline ctscan is measured against: OpenSSL's d2i_X509 of every
 * certificate of the inputs (read with ctscan's own source and container
 * stages, so only the certificate parsing differs). Prints the number of
 * certificates parsed and how many OpenSSL rejected. */
#include <stdio.h>
#include <stdlib.h>

#include <openssl/x509.h>

#include "ctscan/container.h"
#include "ctscan/source.h"

typedef struct counts {
  unsigned long long parsed, rejected;
} counts;

/* d2i_X509 needs a whole Certificate: a precert entry's pre_certificate,
 * or the x509 certificate. */
static cts_status on_entry(void *ctx, const cts_entry *e) {
  counts *c = ctx;
  const cts_der *der = e->cert.len > 0 ? &e->cert : &e->pre_cert;
  const unsigned char *p = der->data;
  X509 *x = d2i_X509(NULL, &p, (long)der->len);
  if (x != NULL) c->parsed++;
  else c->rejected++;
  X509_free(x);
  return CTS_OK;
}

static void on_error(void *ctx, const char *input, uint64_t offset,
                     uint64_t index, uint64_t lost, const char *reason) {}

int main(int argc, char **argv) {
  counts c = {0, 0};
  cts_entry_sink sink = {on_entry, on_error, &c};
  for (int i = 1; i < argc; i++) {
    cts_input_list list = {0};
    if (cts_source_expand(argv[i], &list, NULL, NULL) != CTS_OK) return 1;
    for (size_t k = 0; k < list.count; k++) {
      cts_stream *s;
      if (cts_stream_open_file(list.items[k].path, &s) != CTS_OK) return 1;
      cts_container_read(s, &list.items[k], &sink);
      cts_stream_close(s);
    }
    cts_input_list_free(&list);
  }
  printf("%llu parsed %llu rejected\n", c.parsed, c.rejected);
  return 0;
}
