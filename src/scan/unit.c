/* Reading one unit of the plan into an entry sink: a whole file, one data
 * frame of a dump, or one zip member. Frames and members are read with
 * pread into the reader's own buffers (on its worker's NUMA node), so
 * memory does not follow the input's size and no page of a big mapping
 * stays resident behind the scan. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan_internal.h"

/* A frame whose decompressed size is at most this is decompressed at once
 * into the reader's buffer; a bigger one (or one that does not decompress
 * cleanly) is read through a stream window. */
#define CTS_UNIT_MAX_FRAME ((size_t)64 << 20)
/* Compressed units bigger than this are not read into memory. */
#define CTS_UNIT_MAX_COMPRESSED ((uint64_t)1 << 30)

/* --- NUMA-local scratch buffers ---------------------------------------- */

static void membuf_free(const cts_unit_reader *ur, cts_membuf *b) {
  if (b->data != NULL) {
    if (b->from_hwloc)
      hwloc_free(ur->topo->topology, b->data, b->cap);
    else
      free(b->data);
  }
  memset(b, 0, sizeof(*b));
}

/* Makes room for n bytes; contents are not kept. */
static cts_status membuf_reserve(const cts_unit_reader *ur, cts_membuf *b,
                                 size_t n) {
  size_t cap = b->cap != 0 ? b->cap : (size_t)1 << 20;
  void *p = NULL;
  if (n <= b->cap && b->data != NULL) return CTS_OK;
  while (cap < n) cap *= 2;
  membuf_free(ur, b);
  if (ur->topo != NULL && ur->topo->topology != NULL && ur->cpuset != NULL) {
    /* Bound to the NUMA node(s) of the worker's core; where the OS cannot
     * bind, hwloc falls back to a plain allocation. */
    p = hwloc_alloc_membind(ur->topo->topology, cap, ur->cpuset,
                            HWLOC_MEMBIND_BIND, 0);
    if (p != NULL) b->from_hwloc = 1;
  }
  if (p == NULL) {
    p = malloc(cap);
    if (p == NULL) return CTS_ERR_NOMEM;
  }
  b->data = p;
  b->cap = cap;
  return CTS_OK;
}

void cts_unit_reader_init(cts_unit_reader *ur, const cts_topo *topo,
                          hwloc_const_cpuset_t cpuset) {
  memset(ur, 0, sizeof(*ur));
  ur->topo = topo;
  ur->cpuset = cpuset;
}

void cts_unit_reader_free(cts_unit_reader *ur) {
  membuf_free(ur, &ur->compressed);
  membuf_free(ur, &ur->decompressed);
  if (ur->dctx != NULL) ZSTD_freeDCtx(ur->dctx);
  ur->dctx = NULL;
}

/* --- helpers ------------------------------------------------------------ */

static void report(const cts_entry_sink *sink, const char *input,
                   uint64_t offset, uint64_t index, uint64_t lost,
                   const char *reason) {
  if (sink->on_error != NULL)
    sink->on_error(sink->ctx, input, offset, index, lost, reason);
}

/* Reads len bytes at offset of fd into dst. */
static int read_at(int fd, uint8_t *dst, size_t len, uint64_t offset) {
  while (len > 0) {
    ssize_t n = pread(fd, dst, len, (off_t)offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    dst += n;
    len -= (size_t)n;
    offset += (uint64_t)n;
  }
  return 1;
}

static cts_status read_stream(cts_stream *stream, const char *name,
                              const cts_unit *u, const cts_entry_sink *sink) {
  cts_input in;
  in.path = (char *)name;
  in.first_index = u->first_index;
  in.index_known = u->index_known;
  in.expected_entries = u->expected;
  return cts_container_read(stream, &in, sink);
}

/* --- a whole file --------------------------------------------------------- */

static cts_status read_file(const cts_plan *plan, const cts_unit *u,
                            const cts_entry_sink *sink) {
  const cts_input *in = &plan->inputs->items[u->input];
  cts_stream *stream = NULL;
  cts_status st = cts_stream_open_file(in->path, &stream);
  if (st != CTS_OK) {
    char why[128];
    if (st == CTS_ERR_NOMEM) return st;
    snprintf(why, sizeof(why), "cannot open: %s", cts_status_str(st));
    report(sink, in->path, 0, in->first_index,
           in->expected_entries ? in->expected_entries : 1, why);
    return CTS_OK;
  }
  st = read_stream(stream, in->path, u, sink);
  cts_stream_close(stream);
  return st;
}

/* --- a dump frame --------------------------------------------------------- */

static cts_status read_frame(cts_unit_reader *ur, const cts_plan *plan,
                             const cts_unit *u, const cts_entry_sink *sink) {
  const cts_plan_source *src = &plan->sources[u->source];
  const cts_dump_frame *f = &src->dump.frames[u->item];
  cts_stream *stream = NULL;
  cts_status st;
  size_t made;
  int whole = 0;

  st = membuf_reserve(ur, &ur->compressed, f->c_size);
  if (st != CTS_OK) return st;
  if (!read_at(src->fd, ur->compressed.data, f->c_size, f->c_offset)) {
    report(sink, src->path, f->d_offset, u->first_index, u->expected,
           "cannot read the frame");
    return CTS_OK;
  }
  if (f->d_size <= CTS_UNIT_MAX_FRAME) {
    if (ur->dctx == NULL && (ur->dctx = ZSTD_createDCtx()) == NULL)
      return CTS_ERR_NOMEM;
    st = membuf_reserve(ur, &ur->decompressed, f->d_size);
    if (st != CTS_OK) return st;
    /* RFC 8878: the frame's checksum, when present, is verified here. */
    made = ZSTD_decompressDCtx(ur->dctx, ur->decompressed.data, f->d_size,
                               ur->compressed.data, f->c_size);
    whole = !ZSTD_isError(made) && made == f->d_size;
  }
  if (whole)
    st = cts_stream_open_mem_as(ur->decompressed.data, f->d_size, src->path,
                                CTS_COMPRESSION_NONE, &stream);
  else
    /* Through a window: what decompresses before the damage is read, and
     * the damage is reported where it is. */
    st = cts_stream_open_mem_as(ur->compressed.data, f->c_size, src->path,
                                CTS_COMPRESSION_ZSTD, &stream);
  if (st != CTS_OK) return st;
  cts_stream_set_offset_base(stream, f->d_offset);
  st = read_stream(stream, src->path, u, sink);
  if (st == CTS_OK && !whole) {
    uint64_t bytes = 0;
    if (cts_stream_finished(stream, &bytes, NULL, NULL) && bytes != f->d_size)
      report(sink, src->path, f->d_offset, u->first_index, 0,
             "frame size differs from the seek table");
  }
  cts_stream_close(stream);
  return st;
}

/* --- a zip member (APPNOTE.TXT 4.3.7, 4.4.5) ------------------------------ */

static cts_status read_member(cts_unit_reader *ur, const cts_plan *plan,
                              const cts_unit *u, const cts_entry_sink *sink) {
  const cts_plan_source *src = &plan->sources[u->source];
  const cts_zip_member *m = &src->zip.members[u->item];
  cts_stream *stream = NULL;
  uint8_t lh[30];
  uint64_t data_off = 0, bytes = 0, in_bytes = 0;
  uint32_t crc = 0;
  const char *reason = NULL;
  cts_status st;

  if (!read_at(src->fd, lh, sizeof(lh), m->header_offset)) {
    report(sink, u->name, 0, u->first_index, u->expected,
           "zip: cannot read the local file header");
    return CTS_OK;
  }
  st = cts_zip_member_data_offset(lh, src->size, m, &data_off, &reason);
  if (st == CTS_OK && m->c_size > CTS_UNIT_MAX_COMPRESSED) {
    st = CTS_ERR_LIMIT;
    reason = "zip: member too large";
  }
  if (st != CTS_OK) {
    report(sink, u->name, 0, u->first_index, u->expected, reason);
    return CTS_OK;
  }
  st = membuf_reserve(ur, &ur->compressed, (size_t)m->c_size);
  if (st != CTS_OK) return st;
  if (!read_at(src->fd, ur->compressed.data, (size_t)m->c_size, data_off)) {
    report(sink, u->name, 0, u->first_index, u->expected,
           "zip: cannot read the member");
    return CTS_OK;
  }
  /* The sizes in the directory are not trusted: deflate output goes
   * through a stream window, and what it made is compared at the end. */
  st = cts_stream_open_mem_as(ur->compressed.data, (size_t)m->c_size, u->name,
                              m->method == 8 ? CTS_COMPRESSION_DEFLATE
                                             : CTS_COMPRESSION_NONE,
                              &stream);
  if (st != CTS_OK) return st;
  cts_stream_track_crc32(stream);
  st = read_stream(stream, u->name, u, sink);
  if (st == CTS_OK && cts_stream_finished(stream, &bytes, &crc, &in_bytes)) {
    /* APPNOTE 4.4.7-4.4.9: CRC-32 and both sizes must match. */
    if (bytes != m->u_size)
      report(sink, u->name, bytes, u->first_index, 0,
             "zip: uncompressed size differs from the directory");
    else if (crc != m->crc32)
      report(sink, u->name, bytes, u->first_index, 0,
             "zip: CRC-32 differs from the directory");
    if (in_bytes != m->c_size)
      report(sink, u->name, bytes, u->first_index, 0,
             "zip: compressed size differs from the directory");
  }
  cts_stream_close(stream);
  return st;
}

cts_status cts_unit_read(cts_unit_reader *ur, const cts_plan *plan,
                         const cts_unit *u, const cts_entry_sink *sink) {
  switch ((cts_unit_kind)u->kind) {
    case CTS_UNIT_FILE:
    case CTS_UNIT_STREAM: return read_file(plan, u, sink);
    case CTS_UNIT_FRAME: return read_frame(ur, plan, u, sink);
    case CTS_UNIT_MEMBER: return read_member(ur, plan, u, sink);
  }
  return CTS_ERR_INTERNAL;
}
