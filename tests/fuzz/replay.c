/* Runs a fuzz target without libFuzzer: every file named on the command
 * line, and every regular file of every directory named (one level, in
 * byte order of the names), is passed once to LLVMFuzzerTestOneInput.
 *
 *   replay [-v] PATH...
 *
 * An input that runs longer than FUZZ_REPLAY_TIMEOUT seconds (environment;
 * default 60) is a hang: its name is printed and the replay fails, rather
 * than blocking `make test`.
 *
 * Each input is copied into a buffer of exactly its size, so a target (or
 * the library under it) that reads past the end is caught by ASan in a
 * SAN=1 build. A directory that does not exist is skipped: a target's
 * regression folder may not exist yet. A violated property aborts, so the
 * exit status is that of the first failing input; otherwise 0, after one
 * line naming how many inputs ran.
 *
 * Linked with one target's object file; LLVMFuzzerInitialize is called
 * first when the target defines it, as libFuzzer does. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int g_verbose;
static unsigned g_timeout = 60;
static const char *volatile g_current; /* the input being run */

/* A violated property aborts: say which input it was, then abort. */
static void on_abort(int sig) {
  static const char msg[] = "replay: failed on ";
  const char *name = g_current != NULL ? g_current : "?";
  if (write(2, msg, sizeof(msg) - 1) < 0 ||
      write(2, name, strlen(name)) < 0 || write(2, "\n", 1) < 0) {
    /* nothing more to say */
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

static void on_alarm(int sig) {
  static const char msg[] = "replay: timeout (a hang) on ";
  const char *name = g_current != NULL ? g_current : "?";
  (void)sig;
  /* Only async-signal-safe calls here. */
  if (write(2, msg, sizeof(msg) - 1) < 0 ||
      write(2, name, strlen(name)) < 0 || write(2, "\n", 1) < 0)
    _exit(1);
  _exit(1);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads path whole into a malloc'd buffer of exactly its size (one byte
 * for an empty file, which is then passed with size 0). */
static uint8_t *read_file(const char *path, size_t *out_len) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  long len;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0)
    goto close_file;
  buf = malloc(len > 0 ? (size_t)len : 1);
  if (buf == NULL) goto close_file;
  if (len > 0 && fread(buf, 1, (size_t)len, f) != (size_t)len) {
    free(buf);
    buf = NULL;
    goto close_file;
  }
  *out_len = (size_t)len;
close_file:
  fclose(f);
  return buf;
}

static int run_file(const char *path) {
  size_t len = 0;
  uint8_t *data = read_file(path, &len);
  if (data == NULL) {
    fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (g_verbose) fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
  g_current = path;
  alarm(g_timeout);
  LLVMFuzzerTestOneInput(data, len);
  alarm(0);
  g_current = NULL;
  free(data);
  return 0;
}

/* Returns the number of inputs run, or -1 on an unreadable file. */
static long run_dir(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0;
  long ran = 0;
  if (d == NULL) return 0;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      char **grown = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*names));
      if (grown == NULL) {
        ran = -1;
        break;
      }
      names = grown;
    }
    if ((names[n] = strdup(de->d_name)) == NULL) {
      ran = -1;
      break;
    }
    n++;
  }
  closedir(d);
  if (n > 0) qsort(names, n, sizeof(*names), cmp_names);
  for (size_t i = 0; i < n && ran >= 0; i++) {
    size_t plen = strlen(dir) + strlen(names[i]) + 2;
    char *path = malloc(plen);
    struct stat sb;
    if (path == NULL) {
      ran = -1;
      break;
    }
    snprintf(path, plen, "%s/%s", dir, names[i]);
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
      if (run_file(path) != 0) ran = -1;
      else ran++;
    }
    free(path);
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return ran;
}

int main(int argc, char **argv) {
  long total = 0;
  int first = 1;
  struct stat sb;
  const char *timeout = getenv("FUZZ_REPLAY_TIMEOUT");
  if (timeout != NULL && atoi(timeout) > 0) g_timeout = (unsigned)atoi(timeout);
  signal(SIGALRM, on_alarm);
  signal(SIGABRT, on_abort);
  if (argc > 1 && strcmp(argv[1], "-v") == 0) {
    g_verbose = 1;
    first = 2;
  }
  if (LLVMFuzzerInitialize != NULL) LLVMFuzzerInitialize(&argc, &argv);
  for (int i = first; i < argc; i++) {
    long ran;
    if (stat(argv[i], &sb) != 0) continue; /* no regressions yet */
    if (S_ISDIR(sb.st_mode)) {
      ran = run_dir(argv[i]);
    } else {
      ran = run_file(argv[i]) == 0 ? 1 : -1;
    }
    if (ran < 0) return 1;
    total += ran;
  }
  printf("%s: %ld inputs replayed\n", argv[0], total);
  return 0;
}
