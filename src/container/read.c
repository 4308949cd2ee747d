/* cts_container_read: detects the format of a stream and reads its entries;
 * the TileLeaf stream reader; helpers shared by the format readers. */
#include <stdlib.h>
#include <string.h>

#include "container_internal.h"

/* Detection looks at this much first, then, for text that may be PEM with
 * a long explanatory text before it (RFC 7468 section 2), at more. */
#define CTS_DETECT_WINDOW CTS_CONTAINER_CHUNK
#define CTS_DETECT_WINDOW_MAX ((size_t)1 << 20)
/* A TileLeaf record is typically 1 to 4 KiB: one peek holds most. */
#define CTS_TILELEAF_PEEK ((size_t)8 << 10)

/* --- shared helpers ------------------------------------------------------ */

int cts_buf_reserve(cts_buf *buf, size_t n) {
  uint8_t *p;
  if (n <= buf->cap) return 1;
  p = realloc(buf->data, n);
  if (p == NULL) return 0;
  buf->data = p;
  buf->cap = n;
  return 1;
}

void cts_buf_free(cts_buf *buf) {
  free(buf->data);
  buf->data = NULL;
  buf->cap = 0;
}

cts_status cts_reader_peek(cts_reader *r, size_t want,
                           const uint8_t **out_data, size_t *out_avail,
                           const char **out_end_reason) {
  const uint8_t *data = NULL;
  size_t avail = 0;
  cts_status st;
  if (want > CTS_STREAM_MAX_WINDOW) want = CTS_STREAM_MAX_WINDOW;
  st = cts_stream_peek(r->stream, want, &data, &avail);
  *out_end_reason = NULL;
  if (st == CTS_ERR_NOMEM) return st;
  if (st != CTS_OK) {
    /* What was decompressed before the damage stays readable; the stream
     * stops there. */
    *out_end_reason = cts_status_str(st);
    if (data == NULL) avail = 0;
  }
  *out_data = data;
  *out_avail = avail;
  return CTS_OK;
}

void cts_reader_error(cts_reader *r, uint64_t offset, uint64_t index,
                      uint64_t lost, const char *reason) {
  if (r->sink->on_error != NULL)
    r->sink->on_error(r->sink->ctx, r->name, offset, index, lost, reason);
}

uint64_t cts_reader_lost_rest(const cts_reader *r) {
  return r->expected > r->position ? r->expected - r->position : 1;
}

cts_status cts_reader_deliver(cts_reader *r, cts_entry *entry,
                              uint64_t offset) {
  entry->input = r->name;
  entry->offset = offset;
  r->position++;
  r->next_index = entry->index + 1;
  if (r->sink->on_entry == NULL) return CTS_OK;
  return r->sink->on_entry(r->sink->ctx, entry);
}

/* --- TileLeaf streams (C2SP static-ct-api "Log entries") ----------------- */

/* The stream ended cleanly after r->position records. */
static void tileleaf_check_count(cts_reader *r) {
  uint64_t offset = cts_stream_offset(r->stream);
  if (r->expected == 0 || r->position == r->expected) return;
  if (r->position == 0)
    cts_reader_error(r, offset, r->next_index, r->expected, "empty input");
  else
    cts_reader_error(r, offset, r->next_index, r->expected - r->position,
                     "fewer entries than expected");
}

/* Gives up on the rest of the unit: a TileLeaf stream cannot be
 * resynchronised after a record that does not frame or parse. */
static void tileleaf_give_up(cts_reader *r, const char *reason) {
  cts_reader_error(r, cts_stream_offset(r->stream), r->next_index,
                   cts_reader_lost_rest(r), reason);
}

/* Parses the framed record of size bytes at data and delivers it. */
static cts_status tileleaf_deliver(cts_reader *r, const uint8_t *data,
                                   size_t size, int *out_bad) {
  cts_der cur;
  cts_entry entry;
  const char *reason = NULL;
  memset(&entry, 0, sizeof(entry));
  entry.index = r->next_index;
  entry.index_known = r->index_known;
  cts_der_init(&cur, data, size);
  if (!cts_container_parse_tileleaf(&cur, &entry, &reason) || cur.len != 0) {
    tileleaf_give_up(r, reason != NULL ? reason : "malformed TileLeaf");
    *out_bad = 1;
    return CTS_OK;
  }
  return cts_reader_deliver(r, &entry, cts_stream_offset(r->stream));
}

/* Reads one record: peeks progressively until its length fields say how
 * long it is and all of it is there. *out_done is set at the end of the
 * unit (clean or given up). */
static cts_status tileleaf_next(cts_reader *r, int *out_done) {
  size_t want = CTS_TILELEAF_PEEK, size = 0, avail = 0;
  const uint8_t *data = NULL;
  const char *end_reason = NULL, *reason = NULL;
  cts_status st;
  for (;;) {
    cts_frame_result fr;
    st = cts_reader_peek(r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    if (avail == 0 && end_reason == NULL) {
      tileleaf_check_count(r);
      goto done;
    }
    if (r->expected != 0 && r->position >= r->expected) {
      /* Every entry of the unit is there: nothing is lost. */
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index, 0,
                       end_reason != NULL ? end_reason
                                          : "data after the expected entries");
      goto done;
    }
    fr = cts_tileleaf_frame(data, avail, &size, &reason);
    if (fr == CTS_FRAME_OK) break;
    if (fr == CTS_FRAME_BAD) {
      tileleaf_give_up(r, reason);
      goto done;
    }
    if (avail < want || end_reason != NULL) {
      tileleaf_give_up(r, end_reason != NULL ? end_reason
                                             : "truncated TileLeaf record");
      goto done;
    }
    want = size; /* > avail >= want: progress */
  }
  {
    int bad = 0;
    st = tileleaf_deliver(r, data, size, &bad);
    if (st != CTS_OK) return st;
    if (bad) goto done;
  }
  cts_stream_consume(r->stream, size);
  return CTS_OK;
done:
  *out_done = 1;
  return CTS_OK;
}

cts_status cts_read_tileleaf(cts_reader *r) {
  int done = 0;
  while (!done) {
    cts_status st = tileleaf_next(r, &done);
    if (st != CTS_OK) return st;
  }
  return CTS_OK;
}

/* --- dispatch ------------------------------------------------------------ */

static cts_status detect_format(cts_reader *r, cts_format *out_format) {
  size_t want = CTS_DETECT_WINDOW, avail = 0;
  const uint8_t *data = NULL;
  const char *end_reason = NULL;
  cts_status st;
  *out_format = CTS_FORMAT_UNKNOWN;
  for (;;) {
    st = cts_reader_peek(r, want, &data, &avail, &end_reason);
    if (st != CTS_OK) return st;
    if (avail == 0) break;
    *out_format = cts_container_detect(data, avail);
    /* Text with no "-----BEGIN" yet: look further (RFC 7468 section 2). */
    if (*out_format != CTS_FORMAT_UNKNOWN || avail < want ||
        want >= CTS_DETECT_WINDOW_MAX || memchr(data, 0, avail) != NULL)
      break;
    want = CTS_DETECT_WINDOW_MAX;
  }
  if (avail == 0 && end_reason != NULL) {
    cts_reader_error(r, cts_stream_offset(r->stream), r->next_index,
                     cts_reader_lost_rest(r), end_reason);
    *out_format = CTS_FORMAT_UNKNOWN;
    return CTS_ERR_STOP; /* reported: nothing more to read */
  }
  if (avail == 0) {
    if (r->expected != 0)
      cts_reader_error(r, cts_stream_offset(r->stream), r->next_index,
                       r->expected, "empty input");
    return CTS_ERR_STOP;
  }
  return CTS_OK;
}

cts_status cts_container_read(cts_stream *stream, const cts_input *in,
                              const cts_entry_sink *sink) {
  cts_reader r;
  cts_format format;
  cts_status st;
  memset(&r, 0, sizeof(r));
  r.stream = stream;
  r.sink = sink;
  r.name = in != NULL && in->path != NULL ? in->path : cts_stream_name(stream);
  if (in != NULL) {
    r.first_index = in->first_index;
    r.index_known = in->index_known;
    r.expected = in->expected_entries;
  }
  r.next_index = r.first_index;
  st = detect_format(&r, &format);
  if (st == CTS_ERR_STOP) return CTS_OK;
  if (st != CTS_OK) return st;
  /* A data tile of a log tree (C2SP tlog-tiles, static-ct-api) holds
   * TileLeaf records and nothing else: when its first bytes look like no
   * format, the TileLeaf reader says why its first record does not parse;
   * when they look like another format, the whole tile is lost. */
  if (r.index_known || r.expected != 0) {
    if (format == CTS_FORMAT_UNKNOWN || format == CTS_FORMAT_TILELEAF)
      return cts_read_tileleaf(&r);
    cts_reader_error(&r, cts_stream_offset(stream), r.next_index,
                     cts_reader_lost_rest(&r),
                     "data tile does not hold TileLeaf records");
    return CTS_OK;
  }
  switch (format) {
    case CTS_FORMAT_TILELEAF: return cts_read_tileleaf(&r);
    case CTS_FORMAT_GET_ENTRIES: return cts_read_get_entries(&r);
    case CTS_FORMAT_PEM: return cts_read_pem(&r);
    case CTS_FORMAT_DER: return cts_read_der(&r);
    case CTS_FORMAT_UNKNOWN: break;
  }
  cts_reader_error(&r, cts_stream_offset(stream), r.next_index,
                   cts_reader_lost_rest(&r), "unrecognised input format");
  return CTS_OK;
}
