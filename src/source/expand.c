/* Expands a command-line path into input units.
 *
 * A regular file is one unit. A static-ct-api log tree (a directory with
 * tile/data, or a tile/data directory itself) gives its data tiles in index
 * order; the tile paths follow C2SP tlog-tiles: the index N is written in
 * groups of three decimal digits, every group but the last prefixed with
 * 'x' (tile/data/x001/x234/067 is tile 1234067), and a partial tile of W
 * entries is N.p/W. Any other directory gives its regular files,
 * recursively, sorted by the byte order of their paths. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctscan/source.h"

/* Deepest directory nesting followed below a path given to expand. */
#define CTS_EXPAND_MAX_DEPTH 64
/* tlog-tiles: a uint64 index needs at most 7 groups of 3 digits. */
#define CTS_TILE_MAX_GROUPS 7
#define CTS_TILE_WIDTH 256

typedef struct path_vec {
  char **items;
  size_t count;
  size_t cap;
} path_vec;

typedef struct dir_id {
  dev_t dev;
  ino_t ino;
} dir_id;

typedef struct walk_ctx {
  path_vec *files;
  cts_source_warn_fn warn;
  void *warn_ctx;
  dir_id ancestors[CTS_EXPAND_MAX_DEPTH + 1];
} walk_ctx;

static void warn_path(cts_source_warn_fn warn, void *ctx, const char *path,
                      const char *reason) {
  if (warn != NULL) warn(ctx, path, reason);
}

static void path_vec_free(path_vec *v) {
  for (size_t i = 0; i < v->count; i++) free(v->items[i]);
  free(v->items);
  v->items = NULL;
  v->count = v->cap = 0;
}

/* Takes ownership of path, also on failure. */
static cts_status path_vec_push(path_vec *v, char *path) {
  if (v->count == v->cap) {
    size_t cap = v->cap != 0 ? v->cap * 2 : 64;
    char **grown;
    if (cap > SIZE_MAX / sizeof *grown) goto free_path;
    grown = realloc(v->items, cap * sizeof *grown);
    if (grown == NULL) goto free_path;
    v->items = grown;
    v->cap = cap;
  }
  v->items[v->count++] = path;
  return CTS_OK;
free_path:
  free(path);
  return CTS_ERR_NOMEM;
}

static char *path_join(const char *dir, const char *name) {
  size_t dlen = strlen(dir), nlen = strlen(name);
  int slash = dlen == 0 || dir[dlen - 1] != '/';
  char *p = malloc(dlen + (size_t)slash + nlen + 1);
  if (p == NULL) return NULL;
  memcpy(p, dir, dlen);
  if (slash) p[dlen] = '/';
  memcpy(p + dlen + (size_t)slash, name, nlen + 1);
  return p;
}

static int cmp_paths(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the regular files under dir (symlinks followed; a directory
 * that is its own ancestor is a loop and is skipped). depth is the number
 * of directories above dir in this walk. */
static cts_status walk_dir(walk_ctx *w, const char *dir, int depth) {
  DIR *d;
  struct dirent *de;
  cts_status st = CTS_OK;
  d = opendir(dir);
  if (d == NULL) {
    warn_path(w->warn, w->warn_ctx, dir, strerror(errno));
    return CTS_ERR_IO;
  }
  for (;;) {
    struct stat sb;
    char *child;
    errno = 0;
    de = readdir(d);
    if (de == NULL) {
      if (errno != 0) {
        warn_path(w->warn, w->warn_ctx, dir, strerror(errno));
        st = CTS_ERR_IO;
      }
      break;
    }
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    child = path_join(dir, de->d_name);
    if (child == NULL) {
      st = CTS_ERR_NOMEM;
      goto close_dir;
    }
    if (stat(child, &sb) != 0) {
      warn_path(w->warn, w->warn_ctx, child, strerror(errno));
      free(child);
      continue;
    }
    if (S_ISREG(sb.st_mode)) {
      st = path_vec_push(w->files, child);
      if (st != CTS_OK) goto close_dir;
    } else if (S_ISDIR(sb.st_mode)) {
      int loop = 0;
      for (int i = 0; i <= depth; i++)
        if (w->ancestors[i].dev == sb.st_dev &&
            w->ancestors[i].ino == sb.st_ino)
          loop = 1;
      if (loop) {
        warn_path(w->warn, w->warn_ctx, child, "directory loop, skipped");
      } else if (depth + 1 > CTS_EXPAND_MAX_DEPTH) {
        warn_path(w->warn, w->warn_ctx, child,
                  "directories nested too deep, skipped");
      } else {
        w->ancestors[depth + 1].dev = sb.st_dev;
        w->ancestors[depth + 1].ino = sb.st_ino;
        st = walk_dir(w, child, depth + 1);
        /* An unreadable subdirectory was reported; carry on. */
        if (st == CTS_ERR_IO) st = CTS_OK;
      }
      free(child);
      if (st != CTS_OK) goto close_dir;
    } else {
      warn_path(w->warn, w->warn_ctx, child,
                "not a regular file or directory");
      free(child);
    }
  }
close_dir:
  closedir(d);
  return st;
}

static cts_status walk_tree(const char *dir, const struct stat *dir_sb,
                            path_vec *files, cts_source_warn_fn warn,
                            void *warn_ctx) {
  walk_ctx *w = calloc(1, sizeof *w);
  cts_status st;
  if (w == NULL) return CTS_ERR_NOMEM;
  w->files = files;
  w->warn = warn;
  w->warn_ctx = warn_ctx;
  w->ancestors[0].dev = dir_sb->st_dev;
  w->ancestors[0].ino = dir_sb->st_ino;
  st = walk_dir(w, dir, 0);
  free(w);
  return st;
}

/* Appends a unit; takes ownership of path, also on failure. */
static cts_status list_push(cts_input_list *list, char *path,
                            uint64_t first_index, int index_known,
                            uint32_t expected) {
  if (list->count == list->cap) {
    size_t cap = list->cap != 0 ? list->cap * 2 : 16;
    cts_input *grown;
    if (cap > SIZE_MAX / sizeof *grown) goto free_path;
    grown = realloc(list->items, cap * sizeof *grown);
    if (grown == NULL) goto free_path;
    list->items = grown;
    list->cap = cap;
  }
  list->items[list->count].path = path;
  list->items[list->count].first_index = first_index;
  list->items[list->count].index_known = index_known;
  list->items[list->count].expected_entries = expected;
  list->count++;
  return CTS_OK;
free_path:
  free(path);
  return CTS_ERR_NOMEM;
}

/* Drops the units appended after the first keep ones. */
static void list_truncate(cts_input_list *list, size_t keep) {
  while (list->count > keep) free(list->items[--list->count].path);
}

void cts_input_list_free(cts_input_list *list) {
  if (list == NULL) return;
  list_truncate(list, 0);
  free(list->items);
  list->items = NULL;
  list->count = list->cap = 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Parses "DDD" (three digits) at p; returns the value or -1. */
static int parse_group(const char *p) {
  if (!is_digit(p[0]) || !is_digit(p[1]) || !is_digit(p[2])) return -1;
  return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Parses a path relative to tile/data: x.../x.../DDD for a full tile, or
 * x.../DDD.p/W for a partial one. Only the canonical spelling is accepted
 * (no leading x000 group, W in 1..255 without leading zeros), so no two
 * paths name the same tile. *width is 0 for a full tile. */
int cts_tile_path_parse(const char *rel, uint64_t *index, uint32_t *width) {
  uint64_t n = 0;
  int groups = 0;
  const char *p = rel;
  for (;;) {
    const char *slash = strchr(p, '/');
    size_t clen = slash != NULL ? (size_t)(slash - p) : strlen(p);
    int g;
    if (groups == CTS_TILE_MAX_GROUPS) return 0;
    if (clen == 4 && p[0] == 'x' && slash != NULL) {
      /* An inner group. */
      g = parse_group(p + 1);
      if (g < 0 || (groups == 0 && g == 0)) return 0;
      n = n * 1000 + (uint64_t)g;
      groups++;
      p = slash + 1;
      continue;
    }
    g = parse_group(p);
    if (g < 0) return 0;
    if (clen == 3 && slash == NULL) {
      *width = 0;
    } else if (clen == 5 && p[3] == '.' && p[4] == 'p' && slash != NULL) {
      const char *w = slash + 1;
      uint32_t v = 0;
      if (w[0] == '\0' || w[0] == '0') return 0;
      for (; *w != '\0'; w++) {
        if (!is_digit(*w)) return 0;
        v = v * 10 + (uint32_t)(*w - '0');
        if (v >= CTS_TILE_WIDTH) return 0;
      }
      *width = v;
    } else {
      return 0;
    }
    if (n > (UINT64_MAX - (uint64_t)g) / 1000) return 0;
    n = n * 1000 + (uint64_t)g;
    if (n > UINT64_MAX / CTS_TILE_WIDTH) return 0;
    *index = n;
    return 1;
  }
}

typedef struct tile_file {
  uint64_t index;
  uint32_t width; /* 0 for a full tile */
  char *path;
} tile_file;

/* By index; then the full tile, then partials widest first. */
static int cmp_tiles(const void *a, const void *b) {
  const tile_file *x = a, *y = b;
  uint32_t xw, yw;
  if (x->index != y->index) return x->index < y->index ? -1 : 1;
  xw = x->width != 0 ? x->width : CTS_TILE_WIDTH;
  yw = y->width != 0 ? y->width : CTS_TILE_WIDTH;
  return xw > yw ? -1 : xw < yw ? 1 : 0;
}

/* The units of a tile/data directory. */
static cts_status expand_tiles(const char *data_dir,
                               const struct stat *dir_sb,
                               cts_input_list *list,
                               cts_source_warn_fn warn, void *warn_ctx) {
  path_vec files = {0};
  tile_file *tiles = NULL;
  size_t ntiles = 0, keep = list->count;
  size_t prefix = strlen(data_dir);
  cts_status st;
  char note[128];

  if (prefix == 0 || data_dir[prefix - 1] != '/') prefix++;
  st = walk_tree(data_dir, dir_sb, &files, warn, warn_ctx);
  if (st != CTS_OK) goto free_files;
  if (files.count != 0) {
    tiles = calloc(files.count, sizeof *tiles);
    if (tiles == NULL) {
      st = CTS_ERR_NOMEM;
      goto free_files;
    }
  }
  for (size_t i = 0; i < files.count; i++) {
    tile_file t;
    if (!cts_tile_path_parse(files.items[i] + prefix, &t.index, &t.width)) {
      warn_path(warn, warn_ctx, files.items[i],
                "not a data tile path (tlog-tiles), skipped");
      continue;
    }
    t.path = files.items[i];
    tiles[ntiles++] = t;
  }
  qsort(tiles, ntiles, sizeof *tiles, cmp_tiles);
  for (size_t i = 0; i < ntiles;) {
    size_t j = i + 1;
    char *path;
    /* tiles[i] is the best of its index: the full tile, or the widest
     * partial. */
    for (; j < ntiles && tiles[j].index == tiles[i].index; j++) {
      snprintf(note, sizeof note, "partial tile superseded by %s tile",
               tiles[i].width == 0 ? "the full" : "a wider partial");
      warn_path(warn, warn_ctx, tiles[j].path, note);
    }
    path = strdup(tiles[i].path);
    if (path == NULL) {
      st = CTS_ERR_NOMEM;
      goto free_tiles;
    }
    st = list_push(list, path, tiles[i].index * CTS_TILE_WIDTH, 1,
                   tiles[i].width != 0 ? tiles[i].width : CTS_TILE_WIDTH);
    if (st != CTS_OK) goto free_tiles;
    i = j;
  }
free_tiles:
  free(tiles);
  if (st != CTS_OK) list_truncate(list, keep);
free_files:
  path_vec_free(&files);
  return st;
}

/* The units of any other directory: its regular files in path order. */
static cts_status expand_plain_dir(const char *dir, const struct stat *dir_sb,
                                   cts_input_list *list,
                                   cts_source_warn_fn warn, void *warn_ctx) {
  path_vec files = {0};
  size_t keep = list->count, i;
  cts_status st;
  st = walk_tree(dir, dir_sb, &files, warn, warn_ctx);
  if (st != CTS_OK) goto free_files;
  qsort(files.items, files.count, sizeof *files.items, cmp_paths);
  for (i = 0; i < files.count; i++) {
    st = list_push(list, files.items[i], 0, 0, 0);
    files.items[i] = NULL; /* owned by the list, or freed, now */
    if (st != CTS_OK) goto drop_units;
  }
  goto free_files;
drop_units:
  list_truncate(list, keep);
free_files:
  path_vec_free(&files);
  return st;
}

/* Whether the last two components of path are tile/data. */
static int ends_in_tile_data(const char *path) {
  size_t len = strlen(path);
  while (len > 1 && path[len - 1] == '/') len--;
  if (len < 9 || memcmp(path + len - 9, "tile/data", 9) != 0) return 0;
  return len == 9 || path[len - 10] == '/';
}

static int is_tile_data_dir(const char *path) {
  char *real;
  int yes;
  if (ends_in_tile_data(path)) return 1;
  real = realpath(path, NULL);
  if (real == NULL) return 0;
  yes = ends_in_tile_data(real);
  free(real);
  return yes;
}

cts_status cts_source_expand(const char *path, cts_input_list *list,
                             cts_source_warn_fn warn, void *warn_ctx) {
  struct stat sb, data_sb;
  char *copy, *data_dir;
  cts_status st;
  if (path == NULL || list == NULL) return CTS_ERR_USAGE;
  if (stat(path, &sb) != 0) {
    warn_path(warn, warn_ctx, path, strerror(errno));
    return CTS_ERR_IO;
  }
  if (S_ISREG(sb.st_mode)) {
    copy = strdup(path);
    if (copy == NULL) return CTS_ERR_NOMEM;
    return list_push(list, copy, 0, 0, 0);
  }
  if (!S_ISDIR(sb.st_mode)) {
    warn_path(warn, warn_ctx, path, "not a regular file or directory");
    return CTS_ERR_IO;
  }
  data_dir = path_join(path, "tile/data");
  if (data_dir == NULL) return CTS_ERR_NOMEM;
  if (stat(data_dir, &data_sb) == 0 && S_ISDIR(data_sb.st_mode)) {
    st = expand_tiles(data_dir, &data_sb, list, warn, warn_ctx);
  } else if (is_tile_data_dir(path)) {
    st = expand_tiles(path, &sb, list, warn, warn_ctx);
  } else {
    st = expand_plain_dir(path, &sb, list, warn, warn_ctx);
  }
  free(data_dir);
  return st;
}
