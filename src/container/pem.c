/* Certificate files: PEM text (RFC 7468) with any number of CERTIFICATE
 * blocks, other block types skipped; DER (X.690), one certificate or
 * several concatenated. Each certificate is an x509 entry whose index is
 * its position in the file (index_known = 0). */
#include <string.h>

#include "container_internal.h"

#define PEM_BEGIN "-----BEGIN "
#define PEM_END "-----END "
#define PEM_DASHES "-----"

/* --- PEM (RFC 7468) ------------------------------------------------------ */

static const uint8_t *find_bytes(const uint8_t *hay, size_t len,
                                 const char *needle) {
  size_t n = strlen(needle);
  while (len >= n) {
    const uint8_t *p = memchr(hay, needle[0], len - n + 1);
    if (p == NULL) return NULL;
    if (memcmp(p, needle, n) == 0) return p;
    len -= (size_t)(p - hay) + 1;
    hay = p + 1;
  }
  return NULL;
}

/* RFC 7468 section 5.1 label, and the legacy labels of section 5.3. */
static int pem_label_is_cert(cts_der label) {
  static const char *const labels[] = {"CERTIFICATE", "X509 CERTIFICATE",
                                       "X.509 CERTIFICATE"};
  for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
    if (label.len == strlen(labels[i]) &&
        memcmp(label.data, labels[i], label.len) == 0)
      return 1;
  return 0;
}

typedef enum pem_result { PEM_OK, PEM_NEED_MORE, PEM_BAD } pem_result;

/* One encapsulated block (RFC 7468 section 2): offsets from its start. */
typedef struct pem_block {
  cts_der label;
  size_t body;     /* after the BEGIN line */
  size_t body_end; /* at "-----END " */
  size_t end;      /* after the END line's closing dashes */
} pem_block;

/* The pre-encapsulation boundary "-----BEGIN label-----" and the rest of
 * its line, which may hold only whitespace. data starts with PEM_BEGIN. */
static pem_result pem_begin_line(const uint8_t *data, size_t avail,
                                 pem_block *b, const char **out_reason) {
  size_t i = strlen(PEM_BEGIN);
  const uint8_t *dash = find_bytes(data + i, avail - i, PEM_DASHES);
  const uint8_t *nl = memchr(data + i, '\n', avail - i);
  *out_reason = "malformed PEM BEGIN line";
  if (dash == NULL) return nl != NULL ? PEM_BAD : PEM_NEED_MORE;
  if (nl != NULL && nl < dash) return PEM_BAD;
  b->label.data = data + i;
  b->label.len = (size_t)(dash - data) - i;
  i = (size_t)(dash - data) + strlen(PEM_DASHES);
  while (i < avail && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
    i++;
  if (i == avail) return PEM_NEED_MORE;
  if (data[i] != '\n') return PEM_BAD;
  b->body = i + 1;
  return PEM_OK;
}

/* The post-encapsulation boundary "-----END label-----" with the label of
 * the BEGIN line. A BEGIN before it means this block has no END. */
static pem_result pem_end_line(const uint8_t *data, size_t avail,
                               pem_block *b, const char **out_reason) {
  const uint8_t *end = find_bytes(data + b->body, avail - b->body, PEM_END);
  size_t i, need;
  if (end == NULL) {
    if (find_bytes(data + b->body, avail - b->body, PEM_BEGIN) == NULL)
      return PEM_NEED_MORE;
    *out_reason = "PEM block without END line";
    return PEM_BAD;
  }
  b->body_end = (size_t)(end - data);
  if (find_bytes(data + b->body, b->body_end - b->body, PEM_BEGIN) != NULL) {
    *out_reason = "PEM block without END line";
    return PEM_BAD;
  }
  i = b->body_end + strlen(PEM_END);
  need = b->label.len + strlen(PEM_DASHES);
  if (avail - i < need) return PEM_NEED_MORE;
  if (memcmp(data + i, b->label.data, b->label.len) != 0 ||
      memcmp(data + i + b->label.len, PEM_DASHES, strlen(PEM_DASHES)) != 0) {
    *out_reason = "PEM END line does not match its BEGIN line";
    return PEM_BAD;
  }
  b->end = i + need;
  return PEM_OK;
}

static pem_result pem_parse_block(const uint8_t *data, size_t avail,
                                  pem_block *b, const char **out_reason) {
  pem_result res = pem_begin_line(data, avail, b, out_reason);
  if (res != PEM_OK) return res;
  return pem_end_line(data, avail, b, out_reason);
}

/* Decodes and delivers the certificate of a framed block. */
static cts_status pem_deliver(cts_reader *r, cts_buf *buf,
                              const uint8_t *data, const pem_block *b) {
  uint64_t offset = cts_stream_offset(r->stream);
  size_t body_len = b->body_end - b->body, len = 0;
  cts_entry entry;
  int ok;
  if (!cts_buf_reserve(buf, cts_base64_decoded_max(body_len)))
    return CTS_ERR_NOMEM;
  ok = cts_base64_decode(data + b->body, body_len, 1, buf->data, &len);
  if (!ok || len == 0) {
    cts_reader_error(r, offset, r->next_index, 1,
                     ok ? "empty PEM block" : "invalid base64 in PEM block");
    r->position++;
    r->next_index++;
    return CTS_OK;
  }
  memset(&entry, 0, sizeof(entry));
  entry.index = r->next_index;
  entry.type = CTS_ENTRY_X509;
  cts_der_init(&entry.cert, buf->data, len);
  return cts_reader_deliver(r, &entry, offset);
}

/* Brings the next "-----BEGIN " to the front of the stream. Returns with
 * *out_end set when there is none. */
static cts_status pem_seek_begin(cts_reader *r, int *out_end) {
  size_t keep = strlen(PEM_BEGIN) - 1;
  for (;;) {
    const uint8_t *data, *p;
    size_t avail;
    const char *end_reason;
    cts_status st = cts_reader_peek(r, CTS_CONTAINER_CHUNK, &data, &avail,
                                    &end_reason);
    if (st != CTS_OK) return st;
    p = find_bytes(data, avail, PEM_BEGIN);
    if (p != NULL) {
      cts_stream_consume(r->stream, (size_t)(p - data));
      return CTS_OK;
    }
    if (avail < CTS_CONTAINER_CHUNK || end_reason != NULL) {
      if (end_reason != NULL)
        cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 1,
                         end_reason);
      *out_end = 1;
      return CTS_OK;
    }
    cts_stream_consume(r->stream, avail - keep);
  }
}

/* Frames, and delivers when it is a certificate, the block at the front of
 * the stream. */
static cts_status pem_next_block(cts_reader *r, cts_buf *buf, int *out_end) {
  size_t want = CTS_CONTAINER_CHUNK;
  for (;;) {
    const uint8_t *data;
    size_t avail;
    const char *end_reason, *reason = NULL;
    pem_block b;
    pem_result res;
    cts_status st = cts_reader_peek(r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    res = pem_parse_block(data, avail, &b, &reason);
    if (res == PEM_OK) {
      st = pem_label_is_cert(b.label) ? pem_deliver(r, buf, data, &b) : CTS_OK;
      if (st == CTS_OK) cts_stream_consume(r->stream, b.end);
      return st;
    }
    if (res == PEM_BAD) {
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 1,
                       reason);
      cts_stream_consume(r->stream, strlen(PEM_BEGIN));
      return CTS_OK;
    }
    if (avail < want || end_reason != NULL || want >= CTS_STREAM_MAX_WINDOW) {
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 1,
                       end_reason != NULL     ? end_reason
                       : avail < want         ? "unterminated PEM block"
                                              : "PEM block larger than the window");
      *out_end = 1;
      return CTS_OK;
    }
    want = want > CTS_STREAM_MAX_WINDOW / 2 ? CTS_STREAM_MAX_WINDOW : want * 2;
  }
}

cts_status cts_read_pem(cts_reader *r) {
  cts_buf buf = {NULL, 0};
  cts_status st = CTS_OK;
  int end = 0;
  while (st == CTS_OK && !end) {
    st = pem_seek_begin(r, &end);
    if (st == CTS_OK && !end) st = pem_next_block(r, &buf, &end);
  }
  cts_buf_free(&buf);
  return st;
}

/* --- DER (X.690) --------------------------------------------------------- */

/* Size of the DER element at the front of data from its header: 1 with
 * *out_size; 0 with *out_size bytes needed; -1 when the header is not a
 * SEQUENCE with a definite length in at most 4 octets (X.690 10.1). */
static int der_frame(const uint8_t *data, size_t avail, size_t *out_size) {
  cts_der cur;
  uint8_t tag, first, octet;
  uint64_t len = 0, size;
  size_t nlen;
  cts_der_init(&cur, data, avail);
  if (!cts_der_get_u8(&cur, &tag) || !cts_der_get_u8(&cur, &first)) {
    *out_size = 2;
    return 0;
  }
  if (tag != 0x30 || first == 0x80 || first > 0x84) return -1;
  if (first < 0x80) {
    *out_size = 2 + (size_t)first;
    return *out_size <= avail;
  }
  nlen = first & 0x7f;
  for (size_t i = 0; i < nlen; i++) {
    if (!cts_der_get_u8(&cur, &octet)) {
      *out_size = 2 + nlen;
      return 0;
    }
    len = (len << 8) | octet;
  }
  size = 2 + nlen + len;
  /* Beyond the window: the caller reports it. */
  *out_size = size > CTS_STREAM_MAX_WINDOW ? CTS_STREAM_MAX_WINDOW + 1
                                           : (size_t)size;
  return *out_size <= avail;
}

/* The certificate at the front of the stream. */
static cts_status der_next(cts_reader *r, int *out_end) {
  size_t want = CTS_CONTAINER_CHUNK, size = 0;
  for (;;) {
    const uint8_t *data;
    size_t avail;
    const char *end_reason;
    int fr;
    cts_status st = cts_reader_peek(r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    if (avail == 0 && end_reason == NULL) goto end;
    fr = avail == 0 ? 0 : der_frame(data, avail, &size);
    if (fr == 1) {
      cts_der cur, cert;
      cts_entry entry;
      cts_der_init(&cur, data, size);
      if (!cts_der_get_element_with_header(&cur, &cert, CTS_DER_SEQUENCE) ||
          cur.len != 0) {
        fr = -1;
      } else {
        memset(&entry, 0, sizeof(entry));
        entry.index = r->next_index;
        entry.type = CTS_ENTRY_X509;
        entry.cert = cert;
        st = cts_reader_deliver(r, &entry, cts_stream_offset(r->stream));
        if (st == CTS_OK) cts_stream_consume(r->stream, size);
        return st;
      }
    }
    if (fr < 0) {
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 1,
                       r->position == 0 ? "malformed DER certificate"
                                        : "trailing data after DER certificate");
      goto end;
    }
    if (avail < want || end_reason != NULL ||
        size > CTS_STREAM_MAX_WINDOW) {
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 1,
                       end_reason != NULL ? end_reason
                       : avail < want     ? "truncated DER certificate"
                                          : "DER certificate larger than the window");
      goto end;
    }
    want = size;
  }
end:
  *out_end = 1;
  return CTS_OK;
}

cts_status cts_read_der(cts_reader *r) {
  cts_status st = CTS_OK;
  int end = 0;
  while (st == CTS_OK && !end) st = der_next(r, &end);
  return st;
}
