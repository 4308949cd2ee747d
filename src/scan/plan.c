/* The plan: every input cut into units that workers take one at a time.
 *
 *  - a ctscan dump whose seek table and metadata check out gives one unit
 *    per data frame (design.md "Input formats" 1); a damaged one is
 *    reported and read as a plain zstd stream;
 *  - a zip archive (ct-archive) gives one unit per data tile member, in
 *    tile order, a partial tile only when its full tile is absent (C2SP
 *    tlog-tiles);
 *  - any other file at least stream_threshold bytes long is read by the
 *    decompressing thread and handed out in batches of whole entries;
 *  - everything else (tiles of a log tree, small files) is one unit. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan_internal.h"

typedef struct plan_builder {
  cts_plan *plan;
  size_t cap_units;
  size_t cap_sources;
  cts_stats *errors;
  cts_source_warn_fn warn;
  void *warn_ctx;
  const char *path; /* the input being planned */
} plan_builder;

static cts_status push_unit(plan_builder *b, const cts_unit *u) {
  cts_plan *p = b->plan;
  if (p->n_units == b->cap_units) {
    size_t cap = b->cap_units != 0 ? b->cap_units * 2 : 64;
    cts_unit *grown;
    if (cap > SIZE_MAX / sizeof(*grown)) return CTS_ERR_NOMEM;
    grown = realloc(p->units, cap * sizeof(*grown));
    if (grown == NULL) return CTS_ERR_NOMEM;
    p->units = grown;
    b->cap_units = cap;
  }
  p->units[p->n_units++] = *u;
  p->total_bytes += u->bytes;
  return CTS_OK;
}

static cts_status push_source(plan_builder *b, const cts_plan_source *s) {
  cts_plan *p = b->plan;
  if (p->n_sources == b->cap_sources) {
    size_t cap = b->cap_sources != 0 ? b->cap_sources * 2 : 8;
    cts_plan_source *grown = realloc(p->sources, cap * sizeof(*grown));
    if (grown == NULL) return CTS_ERR_NOMEM;
    p->sources = grown;
    b->cap_sources = cap;
  }
  p->sources[p->n_sources++] = *s;
  return CTS_OK;
}

static void zip_warn(void *ctx, uint64_t offset, const char *reason) {
  plan_builder *b = ctx;
  /* Recorded, not counted: which entries it held is not known. */
  (void)cts_stats_add_error(b->errors, b->path, offset, 0, 0, reason);
}

/* --- dumps ---------------------------------------------------------------- */

/* The metadata of a dump whose seek table is unusable, if its first frame
 * still holds it: where the stream's indices start and how many entries it
 * must hold, so that what a damaged dump lost can be counted. */
static void fallback_metadata(const uint8_t *map, uint64_t size,
                              cts_unit *u) {
  cts_dump_info meta;
  const char *reason;
  uint64_t len;
  if (size < 8) return;
  len = (uint64_t)map[4] | (uint64_t)map[5] << 8 | (uint64_t)map[6] << 16 |
        (uint64_t)map[7] << 24;
  if (len > size - 8) return;
  memset(&meta, 0, sizeof(meta));
  if (cts_dump_parse_metadata(map + 8, (size_t)len, &meta, &reason) != CTS_OK)
    return;
  u->first_index = meta.first_index;
  if (meta.entries <= UINT32_MAX) u->expected = (uint32_t)meta.entries;
}

static cts_status plan_dump(plan_builder *b, size_t input, int fd,
                            uint64_t size, int *out_done) {
  cts_plan_source src;
  const char *reason = NULL;
  uint64_t offset = 0;
  cts_status st;
  char why[192];
  memset(&src, 0, sizeof(src));
  *out_done = 0;
  st = cts_dump_index_fd(fd, size, &src.dump, &reason, &offset);
  if (st == CTS_ERR_NOMEM) return st;
  if (st != CTS_OK) {
    /* Not counted as lost: the stream reading that follows counts what it
     * cannot read. */
    snprintf(why, sizeof(why), "%s; read as a stream",
             reason != NULL ? reason : cts_status_str(st));
    return cts_stats_add_error(b->errors, b->path, offset, 0, 0, why);
  }
  src.path = b->path;
  src.fd = fd;
  src.size = size;
  st = push_source(b, &src);
  if (st != CTS_OK) {
    cts_dump_info_free(&src.dump);
    return st;
  }
  for (size_t f = 0; f < src.dump.n_frames; f++) {
    const cts_dump_frame *fr = &src.dump.frames[f];
    cts_unit u;
    memset(&u, 0, sizeof(u));
    u.kind = CTS_UNIT_FRAME;
    u.input = input;
    u.source = b->plan->n_sources - 1;
    u.item = f;
    /* Entries without a leaf_index extension are numbered from the
     * dump's first_index, as a stream reading of the dump would. */
    u.first_index = src.dump.first_index + fr->first_entry;
    u.expected = fr->entries;
    u.bytes = fr->c_size;
    if ((st = push_unit(b, &u)) != CTS_OK) return st;
  }
  *out_done = 1;
  return CTS_OK;
}

/* --- zip archives ----------------------------------------------------------- */

typedef struct zip_tile {
  uint64_t index;
  uint32_t width; /* 0: full tile */
  size_t member;
} zip_tile;

/* By index; the full tile first, then partials widest first. */
static int cmp_zip_tiles(const void *a, const void *b) {
  const zip_tile *x = a, *y = b;
  uint32_t xw = x->width != 0 ? x->width : CTS_DUMP_TILE_WIDTH;
  uint32_t yw = y->width != 0 ? y->width : CTS_DUMP_TILE_WIDTH;
  if (x->index != y->index) return x->index < y->index ? -1 : 1;
  if (xw != yw) return xw > yw ? -1 : 1;
  return x->member < y->member ? -1 : x->member > y->member;
}

/* The tile path of a member name, relative to its tile/data/ directory,
 * or NULL when it is not under one. */
static const char *data_tile_rel(const char *name) {
  const char *p = name;
  for (;;) {
    const char *hit = strstr(p, "tile/data/");
    if (hit == NULL) return NULL;
    if (hit == name || hit[-1] == '/') return hit + 10;
    p = hit + 1;
  }
}

/* Members that are not data tiles but belong in a ct-archive zip. */
static int expected_other_member(const char *name) {
  size_t len = strlen(name);
  const char *base = strrchr(name, '/');
  base = base != NULL ? base + 1 : name;
  if (len > 0 && name[len - 1] == '/') return 1; /* a directory */
  if (strncmp(name, "issuer/", 7) == 0 || strstr(name, "/issuer/") != NULL)
    return 1;
  if (strstr(name, "tile/") != NULL) return 1; /* hash and names tiles */
  return strcmp(base, "checkpoint") == 0 || strcmp(base, "log.v3.json") == 0 ||
         strcmp(base, "README") == 0 || strcmp(base, "README.md") == 0;
}

static char *member_unit_name(const char *path, const char *member) {
  size_t a = strlen(path), m = strlen(member);
  char *s = malloc(a + 1 + m + 1);
  if (s == NULL) return NULL;
  memcpy(s, path, a);
  s[a] = ':';
  memcpy(s + a + 1, member, m + 1);
  return s;
}

static cts_status plan_zip(plan_builder *b, size_t input, int fd,
                           const uint8_t *map, uint64_t size, int *out_kept) {
  cts_plan_source src;
  zip_tile *tiles = NULL;
  size_t n_tiles = 0, src_index;
  const char *reason = NULL;
  uint64_t offset = 0;
  cts_status st;
  memset(&src, 0, sizeof(src));
  *out_kept = 0;
  st = cts_zip_read_directory(map, (size_t)size, &src.zip, zip_warn, b,
                              &reason, &offset);
  if (st == CTS_ERR_NOMEM) return st;
  if (st != CTS_OK) {
    /* Nothing in it can be found: one entry's worth is counted lost. */
    return cts_stats_add_error(b->errors, b->path, offset, 0, 1,
                               reason != NULL ? reason : cts_status_str(st));
  }
  src.path = b->path;
  src.fd = fd;
  src.size = size;
  src.is_zip = 1;
  if (src.zip.count != 0) {
    tiles = calloc(src.zip.count, sizeof(*tiles));
    if (tiles == NULL) {
      cts_zip_free(&src.zip);
      return CTS_ERR_NOMEM;
    }
  }
  for (size_t m = 0; m < src.zip.count; m++) {
    const char *name = src.zip.members[m].name;
    const char *rel = data_tile_rel(name);
    zip_tile t;
    if (rel != NULL && cts_tile_path_parse(rel, &t.index, &t.width)) {
      t.member = m;
      tiles[n_tiles++] = t;
    } else if (!expected_other_member(name) && b->warn != NULL) {
      char note[128];
      snprintf(note, sizeof(note), "zip member %.60s is not a data tile, skipped",
               name);
      b->warn(b->warn_ctx, b->path, note);
    }
  }
  if (n_tiles > 1) qsort(tiles, n_tiles, sizeof(*tiles), cmp_zip_tiles);
  st = push_source(b, &src);
  if (st != CTS_OK) {
    cts_zip_free(&src.zip);
    goto free_tiles;
  }
  src_index = b->plan->n_sources - 1;
  *out_kept = 1;
  for (size_t i = 0; i < n_tiles;) {
    size_t j = i + 1;
    const cts_zip_member *m = &src.zip.members[tiles[i].member];
    cts_unit u;
    /* tiles[i] is the best of its index; the others repeat its entries. */
    while (j < n_tiles && tiles[j].index == tiles[i].index) j++;
    memset(&u, 0, sizeof(u));
    u.kind = CTS_UNIT_MEMBER;
    u.input = input;
    u.source = src_index;
    u.item = tiles[i].member;
    u.first_index = tiles[i].index * CTS_DUMP_TILE_WIDTH;
    u.index_known = 1;
    u.expected = tiles[i].width != 0 ? tiles[i].width : CTS_DUMP_TILE_WIDTH;
    u.bytes = m->c_size;
    u.name = member_unit_name(b->path, m->name);
    if (u.name == NULL) {
      st = CTS_ERR_NOMEM;
      goto free_tiles;
    }
    if ((st = push_unit(b, &u)) != CTS_OK) {
      free(u.name);
      goto free_tiles;
    }
    i = j;
  }
free_tiles:
  free(tiles);
  return st;
}

/* --- one input ------------------------------------------------------------ */

static cts_status plan_input(plan_builder *b, size_t i,
                             uint64_t stream_threshold) {
  const cts_input *in = &b->plan->inputs->items[i];
  cts_unit u;
  struct stat sb;
  uint8_t head[8];
  int fd, kept = 0;
  cts_status st = CTS_OK;
  memset(&u, 0, sizeof(u));
  u.kind = CTS_UNIT_FILE;
  u.input = i;
  u.first_index = in->first_index;
  u.index_known = (uint8_t)in->index_known;
  u.expected = in->expected_entries;
  b->path = in->path;
  if (in->index_known || in->expected_entries != 0) {
    /* A data tile of a log tree: small, one unit. */
    if (stat(in->path, &sb) == 0 && S_ISREG(sb.st_mode))
      u.bytes = (uint64_t)sb.st_size;
    return push_unit(b, &u);
  }
  fd = open(in->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return push_unit(b, &u); /* the reader reports it */
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 8 ||
      pread(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head)) {
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
      u.bytes = (uint64_t)sb.st_size;
    close(fd);
    return push_unit(b, &u);
  }
  u.bytes = (uint64_t)sb.st_size;
  if (cts_dump_detect(head, sizeof(head)) || cts_zip_detect(head, sizeof(head))) {
    int is_zip = !cts_dump_detect(head, sizeof(head));
    size_t len = (size_t)sb.st_size;
    void *map = (uint64_t)sb.st_size <= SIZE_MAX
                    ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0)
                    : MAP_FAILED;
    if (map != MAP_FAILED) {
      /* Only the directory or the frame headers are read. */
      (void)madvise(map, len, MADV_RANDOM);
      st = is_zip ? plan_zip(b, i, fd, map, u.bytes, &kept)
                  : plan_dump(b, i, fd, u.bytes, &kept);
      if (st == CTS_OK && !kept && !is_zip) fallback_metadata(map, u.bytes, &u);
      munmap(map, len);
      if (st != CTS_OK || kept) {
        if (!kept) close(fd);
        return st;
      }
      if (is_zip) {
        close(fd); /* reported: nothing to read */
        return CTS_OK;
      }
    }
  }
  close(fd);
  if (u.bytes >= stream_threshold) u.kind = CTS_UNIT_STREAM;
  return push_unit(b, &u);
}

cts_status cts_plan_build(cts_plan *plan, const cts_input_list *inputs,
                          uint64_t stream_threshold, cts_stats *errors,
                          cts_source_warn_fn warn, void *warn_ctx) {
  plan_builder b;
  cts_status st = CTS_OK;
  size_t n_work = 0, n_streams = 0;
  memset(plan, 0, sizeof(*plan));
  memset(&b, 0, sizeof(b));
  plan->inputs = inputs;
  b.plan = plan;
  b.errors = errors;
  b.warn = warn;
  b.warn_ctx = warn_ctx;
  if (stream_threshold == 0) stream_threshold = CTS_PLAN_STREAM_THRESHOLD;
  for (size_t i = 0; i < inputs->count; i++)
    if ((st = plan_input(&b, i, stream_threshold)) != CTS_OK) goto free_plan;
  for (size_t i = 0; i < plan->n_units; i++) {
    if (plan->units[i].kind == CTS_UNIT_STREAM)
      n_streams++;
    else
      n_work++;
  }
  plan->work = malloc((n_work + 1) * sizeof(*plan->work));
  plan->streams = malloc((n_streams + 1) * sizeof(*plan->streams));
  if (plan->work == NULL || plan->streams == NULL) {
    st = CTS_ERR_NOMEM;
    goto free_plan;
  }
  for (size_t i = 0; i < plan->n_units; i++) {
    if (plan->units[i].kind == CTS_UNIT_STREAM)
      plan->streams[plan->n_streams++] = i;
    else
      plan->work[plan->n_work++] = i;
  }
  return CTS_OK;
free_plan:
  cts_plan_free(plan);
  return st;
}

void cts_plan_free(cts_plan *plan) {
  if (plan == NULL) return;
  for (size_t i = 0; i < plan->n_units; i++) free(plan->units[i].name);
  for (size_t i = 0; i < plan->n_sources; i++) {
    cts_plan_source *s = &plan->sources[i];
    if (s->fd >= 0) close(s->fd);
    cts_dump_info_free(&s->dump);
    cts_zip_free(&s->zip);
  }
  free(plan->sources);
  free(plan->units);
  free(plan->work);
  free(plan->streams);
  memset(plan, 0, sizeof(*plan));
}
