/* A central-directory reader for zip archives (PKWARE APPNOTE.TXT 6.3.x),
 * enough for ct-archive's archives: stored and deflated members, ZIP64.
 *
 * The directory is what the archive says it holds (APPNOTE 4.3.6: local
 * headers may be stale or padded); each member's local header is checked
 * against it only when the member is read. Every offset, length and count
 * read from the file is checked against the bytes that are there before
 * anything is read through it, with 64-bit arithmetic that cannot
 * overflow (all terms are below 2^32 or have been checked against len). */
#include <stdlib.h>
#include <string.h>

#include "ctscan/source.h"

/* Signatures (APPNOTE 4.3.7, 4.3.12, 4.3.14, 4.3.15, 4.3.16). */
#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_EOCD 0x06054b50u
#define SIG_ZIP64_EOCD 0x06064b50u
#define SIG_ZIP64_LOCATOR 0x07064b50u

#define EOCD_SIZE 22
#define EOCD_MAX_COMMENT 0xffff
#define ZIP64_LOCATOR_SIZE 20
#define ZIP64_EOCD_SIZE 56
#define CENTRAL_SIZE 46
#define LOCAL_SIZE 30
/* APPNOTE 4.5.3: header ID of the ZIP64 extended information field. */
#define EXTRA_ZIP64 0x0001u
/* APPNOTE 4.4.4: general purpose bit 0, the member is encrypted. */
#define FLAG_ENCRYPTED 0x0001u
/* No archive has more members than this many bytes of directory allow;
 * the bound only protects the allocation. */
#define ZIP_MAX_MEMBERS ((uint64_t)1 << 28)

static uint16_t le16(const uint8_t *p) {
  return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p) {
  return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

int cts_zip_detect(const uint8_t *data, size_t len) {
  return len >= 4 && (le32(data) == SIG_LOCAL ||
                      (len >= EOCD_SIZE && le32(data) == SIG_EOCD));
}

void cts_zip_free(cts_zip *zip) {
  if (zip == NULL) return;
  for (size_t i = 0; i < zip->count; i++) free(zip->members[i].name);
  free(zip->members);
  zip->members = NULL;
  zip->count = 0;
}

/* Finds the end of central directory record (APPNOTE 4.3.16): the last
 * signature whose comment length reaches exactly the end of the file. */
static int find_eocd(const uint8_t *data, size_t len, size_t *out) {
  size_t lowest, pos;
  if (len < EOCD_SIZE) return 0;
  lowest = len - EOCD_SIZE > EOCD_MAX_COMMENT ? len - EOCD_SIZE - EOCD_MAX_COMMENT
                                              : 0;
  for (pos = len - EOCD_SIZE;; pos--) {
    if (le32(data + pos) == SIG_EOCD &&
        pos + EOCD_SIZE + le16(data + pos + 20) == len) {
      *out = pos;
      return 1;
    }
    if (pos == lowest) return 0;
  }
}

typedef struct directory {
  uint64_t offset;
  uint64_t size;
  uint64_t count;
} directory;

/* The directory's place and size, from the end record or, when a field
 * of it is saturated (0xffff / 0xffffffff), from the ZIP64 end record its
 * locator points at (APPNOTE 4.3.14, 4.3.15, 4.4.1.4). */
static cts_status locate_directory(const uint8_t *data, size_t len,
                                   directory *out, const char **out_reason,
                                   uint64_t *out_offset) {
  size_t eocd;
  uint16_t disk, cd_disk, n_disk, n_total;
  uint32_t cd_size, cd_off;
  if (!find_eocd(data, len, &eocd)) {
    *out_reason = "zip: no end of central directory record";
    *out_offset = len;
    return CTS_ERR_FORMAT;
  }
  *out_offset = eocd;
  disk = le16(data + eocd + 4);
  cd_disk = le16(data + eocd + 6);
  n_disk = le16(data + eocd + 8);
  n_total = le16(data + eocd + 10);
  cd_size = le32(data + eocd + 12);
  cd_off = le32(data + eocd + 16);
  out->count = n_total;
  out->size = cd_size;
  out->offset = cd_off;
  if (n_total == 0xffff || cd_size == 0xffffffffu || cd_off == 0xffffffffu ||
      disk == 0xffff || cd_disk == 0xffff) {
    size_t loc;
    uint64_t rec;
    if (eocd < ZIP64_LOCATOR_SIZE ||
        le32(data + (loc = eocd - ZIP64_LOCATOR_SIZE)) != SIG_ZIP64_LOCATOR) {
      *out_reason = "zip: saturated end record without a ZIP64 locator";
      return CTS_ERR_FORMAT;
    }
    *out_offset = loc;
    rec = le64(data + loc + 8);
    if (le32(data + loc + 16) > 1) {
      *out_reason = "zip: multi-disk archives are not supported";
      return CTS_ERR_UNSUPPORTED;
    }
    if (rec > loc || loc - rec < ZIP64_EOCD_SIZE ||
        le32(data + rec) != SIG_ZIP64_EOCD) {
      *out_reason = "zip: ZIP64 end record missing where the locator points";
      return CTS_ERR_FORMAT;
    }
    *out_offset = rec;
    disk = (uint16_t)(le32(data + rec + 16) != 0);
    cd_disk = (uint16_t)(le32(data + rec + 20) != 0);
    out->count = le64(data + rec + 32);
    out->size = le64(data + rec + 40);
    out->offset = le64(data + rec + 48);
    n_disk = (uint16_t)(le64(data + rec + 24) == out->count ? 0 : 1);
    n_total = 0;
    if (disk != 0 || cd_disk != 0 || n_disk != 0) {
      *out_reason = "zip: multi-disk archives are not supported";
      return CTS_ERR_UNSUPPORTED;
    }
  } else if (disk != 0 || cd_disk != 0 || n_disk != n_total) {
    *out_reason = "zip: multi-disk archives are not supported";
    return CTS_ERR_UNSUPPORTED;
  }
  if (out->offset > len || out->size > len - out->offset) {
    *out_reason = "zip: central directory lies outside the file";
    return CTS_ERR_FORMAT;
  }
  if (out->count > out->size / CENTRAL_SIZE || out->count > ZIP_MAX_MEMBERS) {
    *out_reason = "zip: more members than the central directory can hold";
    return CTS_ERR_FORMAT;
  }
  return CTS_OK;
}

/* Applies a ZIP64 extended information field (APPNOTE 4.5.3): the 64-bit
 * values are present, in this order, only for the fields the header
 * saturated. */
static int apply_zip64(const uint8_t *extra, size_t extra_len,
                       uint32_t u32_size, uint32_t c32_size, uint32_t off32,
                       cts_zip_member *m) {
  size_t pos = 0;
  while (pos + 4 <= extra_len) {
    uint16_t id = le16(extra + pos), size = le16(extra + pos + 2);
    const uint8_t *v = extra + pos + 4;
    size_t need = 0;
    if (pos + 4 + size > extra_len) return 0;
    if (id == EXTRA_ZIP64) {
      need += u32_size == 0xffffffffu ? 8 : 0;
      need += c32_size == 0xffffffffu ? 8 : 0;
      need += off32 == 0xffffffffu ? 8 : 0;
      if (size < need) return 0;
      if (u32_size == 0xffffffffu) {
        m->u_size = le64(v);
        v += 8;
      }
      if (c32_size == 0xffffffffu) {
        m->c_size = le64(v);
        v += 8;
      }
      if (off32 == 0xffffffffu) m->header_offset = le64(v);
      return 1;
    }
    pos += 4 + (size_t)size;
  }
  /* Saturated fields need the field. */
  return u32_size != 0xffffffffu && c32_size != 0xffffffffu &&
         off32 != 0xffffffffu;
}

cts_status cts_zip_read_directory(const uint8_t *data, size_t len,
                                  cts_zip *out,
                                  void (*warn)(void *ctx, uint64_t offset,
                                               const char *reason),
                                  void *warn_ctx, const char **out_reason,
                                  uint64_t *out_offset) {
  directory dir;
  uint64_t pos, end;
  cts_status st;
  memset(out, 0, sizeof(*out));
  *out_reason = NULL;
  st = locate_directory(data, len, &dir, out_reason, out_offset);
  if (st != CTS_OK) return st;
  if (dir.count != 0) {
    out->members = calloc((size_t)dir.count, sizeof(*out->members));
    if (out->members == NULL) return CTS_ERR_NOMEM;
  }
  pos = dir.offset;
  end = dir.offset + dir.size;
  for (uint64_t i = 0; i < dir.count; i++) {
    const uint8_t *h;
    uint16_t name_len, extra_len, comment_len;
    uint32_t c32, u32, off32;
    cts_zip_member *m;
    if (end - pos < CENTRAL_SIZE || le32(data + pos) != SIG_CENTRAL) {
      /* The directory cannot be walked further: keep what was read. */
      if (warn != NULL)
        warn(warn_ctx, pos, "zip: central directory ends early or is corrupt");
      break;
    }
    h = data + pos;
    name_len = le16(h + 28);
    extra_len = le16(h + 30);
    comment_len = le16(h + 32);
    if ((uint64_t)CENTRAL_SIZE + name_len + extra_len + comment_len >
        end - pos) {
      if (warn != NULL)
        warn(warn_ctx, pos, "zip: central directory header runs past the directory");
      break;
    }
    m = &out->members[out->count];
    memset(m, 0, sizeof(*m));
    m->flags = le16(h + 8);
    m->method = le16(h + 10);
    m->crc32 = le32(h + 16);
    c32 = le32(h + 20);
    u32 = le32(h + 24);
    off32 = le32(h + 42);
    m->c_size = c32;
    m->u_size = u32;
    m->header_offset = off32;
    if (!apply_zip64(h + CENTRAL_SIZE + name_len, extra_len, u32, c32, off32,
                     m)) {
      if (warn != NULL)
        warn(warn_ctx, pos, "zip: member with a bad ZIP64 extra field skipped");
    } else if (m->header_offset > len ||
               len - m->header_offset < LOCAL_SIZE ||
               m->c_size > len - m->header_offset - LOCAL_SIZE) {
      if (warn != NULL)
        warn(warn_ctx, pos, "zip: member lies outside the file, skipped");
    } else if (memchr(h + CENTRAL_SIZE, 0, name_len) != NULL) {
      if (warn != NULL) warn(warn_ctx, pos, "zip: member name holds NUL, skipped");
    } else {
      m->name = malloc((size_t)name_len + 1);
      if (m->name == NULL) {
        cts_zip_free(out);
        return CTS_ERR_NOMEM;
      }
      memcpy(m->name, h + CENTRAL_SIZE, name_len);
      m->name[name_len] = '\0';
      out->count++;
    }
    pos += (uint64_t)CENTRAL_SIZE + name_len + extra_len + comment_len;
  }
  return CTS_OK;
}

cts_status cts_zip_member_data_offset(const uint8_t lh[30], uint64_t file_len,
                                      const cts_zip_member *m,
                                      uint64_t *out_offset,
                                      const char **out_reason) {
  uint64_t data_off;
  *out_reason = NULL;
  if (le32(lh) != SIG_LOCAL) {
    *out_reason = "zip: no local file header where the directory points";
    return CTS_ERR_FORMAT;
  }
  if ((m->flags & FLAG_ENCRYPTED) != 0 || (le16(lh + 6) & FLAG_ENCRYPTED)) {
    *out_reason = "zip: encrypted member";
    return CTS_ERR_UNSUPPORTED;
  }
  if (le16(lh + 8) != m->method) {
    *out_reason = "zip: local header and directory disagree on the method";
    return CTS_ERR_FORMAT;
  }
  if (m->method != 0 && m->method != 8) {
    *out_reason = "zip: compression method is neither stored nor deflate";
    return CTS_ERR_UNSUPPORTED;
  }
  /* APPNOTE 4.3.7: header · file name · extra field · data */
  data_off = m->header_offset + LOCAL_SIZE + le16(lh + 26) + le16(lh + 28);
  if (m->header_offset > file_len || data_off > file_len ||
      m->c_size > file_len - data_off) {
    *out_reason = "zip: member data runs past the end of the file";
    return CTS_ERR_TRUNCATED;
  }
  *out_offset = data_off;
  return CTS_OK;
}
