/*
 * agentfw-exec-gate, repeats: an exec the supervisor allowed by policy from the request alone
 * is allowed here the next times it comes exactly alike, with its signed audit record
 * appended here before the answer, without a round trip to the supervisor.
 *
 * When the supervisor's verdict depends on nothing but the exec's absolute path (an
 * installed program's folder), argv and working directory (no file read, no version-manager
 * shim, no approval, no trusted manager: src/supervisor/decide.ts), its ALLOW carries
 *
 *   <seq> KEEP <the record's JSON between its "ts" and "prev" fields>
 *
 * and this helper keeps that text under a sha256 of the path, the working directory, the
 * argv bytes and the file's identity (device, inode, ctime, mtime, as stat'ed through the
 * process's root). A later exec with the same digest is allowed here once its record is on
 * file: stamped with the time, chained to the log's last line, signed with the audit key
 * (HMAC-SHA256, as src/audit/key.ts signLine), written with one write(2) under the log's
 * flock (the protocol of src/audit/lock.ts). The supervisor takes these records from the
 * log for its exports, its event stream, the fsync and the head file (AuditWriter.takeForeign).
 *
 * Fail closed, and never wider than asking:
 * - Kept allows count only while the supervisor shows it is alive: it pushes
 *   `LIVE <until>` (CLOCK_MONOTONIC ms) every quarter second, read at each exec; a stopped or
 *   frozen supervisor lets the lease run out within a second and every exec is asked (and
 *   refused when no answer comes). `FLUSH` (the session locked down, the log failing) and a
 *   lost connection forget everything kept.
 * - Anything odd on the way asks the supervisor instead: no lease, the lock not had within
 *   50 ms, a writer of the lock-file protocol inside, the log renamed or deleted, an empty
 *   log or a torn last line, a short write. The supervisor then writes (or fails to write,
 *   and refuses) as for any exec.
 * - Without --audit and a readable private key (mode 0600, owned by this user, 64 hex
 *   characters) nothing is kept.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exec-gate.h"

#define KEEP_MAX 1024             /* kept allows; beyond → the oldest is replaced */
#define KEEP_TMPL_MAX (64 * 1024) /* bytes of one record template; longer ones are not kept */
#define KEEP_LOCK_MS 50           /* longest wait for the log's lock before asking instead */
#define KEEP_LINE_MAX (1024 * 1024) /* longest last line read back for the chain */

typedef struct {
  unsigned char digest[32];
  char *tmpl;
  size_t n;
} kept;

static struct {
  int on;
  char log[EG_MAX_PATH], flock_path[EG_MAX_PATH + 8], lock_path[EG_MAX_PATH + 8];
  int fd, lfd;
  unsigned char key[32];
  char kid[17];
  long long live_until; /* CLOCK_MONOTONIC ms; 0 = no lease */
  /* The log as this helper left it after its last record; ok = 0: unknown. */
  struct {
    int ok;
    long long size, mtime_s, mtime_ns;
    unsigned long long ino;
    char hash[65];
  } tail;
  kept table[KEEP_MAX];
  int n, next;
} K = {.fd = -1, .lfd = -1};

static void hex(const unsigned char *d, size_t n, char *out) {
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) out[2 * i] = digits[d[i] >> 4], out[2 * i + 1] = digits[d[i] & 15];
  out[2 * n] = 0;
}

static void sha256_hex(const char *s, size_t n, char out[65]) {
  eg_sha256 h;
  unsigned char d[32];
  eg_sha256_init(&h);
  eg_sha256_update(&h, s, n);
  eg_sha256_final(&h, d);
  hex(d, 32, out);
}

/* HMAC-SHA256 (RFC 2104) of `msg` with the 32-byte audit key, as hex. */
static void hmac_hex(const char *msg, size_t n, char out[65]) {
  unsigned char pad[64], inner[32], outer[32];
  eg_sha256 h;
  memset(pad, 0x36, sizeof pad);
  for (int i = 0; i < 32; i++) pad[i] ^= K.key[i];
  eg_sha256_init(&h);
  eg_sha256_update(&h, pad, 64);
  eg_sha256_update(&h, msg, n);
  eg_sha256_final(&h, inner);
  memset(pad, 0x5c, sizeof pad);
  for (int i = 0; i < 32; i++) pad[i] ^= K.key[i];
  eg_sha256_init(&h);
  eg_sha256_update(&h, pad, 64);
  eg_sha256_update(&h, inner, 32);
  eg_sha256_final(&h, outer);
  hex(outer, 32, out);
}

/* The key file: 64 lowercase hex characters (and white space), private to this user. */
static int read_key(const char *file) {
  int fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  struct stat st;
  char text[160];
  ssize_t k = fstat(fd, &st) == 0 && (st.st_mode & 077) == 0 && st.st_uid == getuid() ? read(fd, text, sizeof text - 1) : -1;
  close(fd);
  if (k <= 0) return -1;
  text[k] = 0;
  size_t b = 0, e = (size_t)k;
  while (b < e && strchr(" \t\r\n", text[b])) b++;
  while (e > b && strchr(" \t\r\n", text[e - 1])) e--;
  if (e - b != 64) return -1;
  for (size_t i = 0; i < 32; i++) {
    unsigned v = 0;
    for (int j = 0; j < 2; j++) {
      char c = text[b + 2 * i + (size_t)j];
      if (c >= '0' && c <= '9') v = v * 16 + (unsigned)(c - '0');
      else if (c >= 'a' && c <= 'f') v = v * 16 + (unsigned)(c - 'a' + 10);
      else return -1;
    }
    K.key[i] = (unsigned char)v;
  }
  char id[65];
  static const char label[] = "agentfw audit key id";
  hmac_hex(label, sizeof label - 1, id);
  memcpy(K.kid, id, 16);
  K.kid[16] = 0;
  return 0;
}

int eg_keep_init(const char *log, const char *keyfile) {
  if (!log || !*log || !keyfile || !*keyfile || strlen(log) >= sizeof K.log) return -1;
  if (read_key(keyfile) != 0) return -1;
  K.fd = open(log, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
  if (K.fd < 0) return -1;
  snprintf(K.log, sizeof K.log, "%s", log);
  snprintf(K.flock_path, sizeof K.flock_path, "%s.flock", log);
  snprintf(K.lock_path, sizeof K.lock_path, "%s.lock", log);
  K.on = 1;
  return 0;
}

void eg_keep_clear(void) {
  for (int i = 0; i < K.n; i++) free(K.table[i].tmpl);
  K.n = K.next = 0;
  K.live_until = 0;
}

int eg_keep_line(const char *line, size_t n) {
  if (n == 5 && !memcmp(line, "FLUSH", 5)) {
    eg_keep_clear();
    return 1;
  }
  if (n < 6 || memcmp(line, "LIVE ", 5)) return 0;
  char num[32];
  if (n - 5 >= sizeof num) return -1;
  memcpy(num, line + 5, n - 5);
  num[n - 5] = 0;
  char *end;
  long long until = strtoll(num, &end, 10);
  if (*end || until <= 0) return -1;
  if (until > K.live_until) K.live_until = until;
  return 1;
}

void eg_keep_digest(const char *path, const char *cwd, const char *strs, size_t len, const struct stat *st,
                    unsigned char out[32]) {
  eg_sha256 h;
  long long id[6] = {(long long)st->st_dev, (long long)st->st_ino, (long long)st->st_ctim.tv_sec,
                     (long long)st->st_ctim.tv_nsec, (long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec};
  eg_sha256_init(&h);
  eg_sha256_update(&h, path, strlen(path) + 1);
  eg_sha256_update(&h, cwd, strlen(cwd) + 1);
  eg_sha256_update(&h, id, sizeof id);
  eg_sha256_update(&h, &len, sizeof len);
  eg_sha256_update(&h, strs, len); /* every argument NUL-terminated */
  eg_sha256_final(&h, out);
}

static kept *find(const unsigned char d[32]) {
  for (int i = 0; i < K.n; i++)
    if (!memcmp(K.table[i].digest, d, 32)) return &K.table[i];
  return NULL;
}

void eg_keep_add(const unsigned char d[32], const char *tmpl, size_t n) {
  if (!K.on || !n || n > KEEP_TMPL_MAX || memchr(tmpl, '\n', n)) return;
  kept *e = find(d);
  if (!e) {
    if (K.n < KEEP_MAX) e = &K.table[K.n++];
    else e = &K.table[K.next], K.next = (K.next + 1) % KEEP_MAX;
    free(e->tmpl);
    memcpy(e->digest, d, 32);
  } else {
    free(e->tmpl);
  }
  e->tmpl = malloc(n);
  if (!e->tmpl) _exit(1); /* fail closed: without this helper the kernel fails every later exec */
  memcpy(e->tmpl, tmpl, n);
  e->n = n;
}

/* Takes the log's flock as src/audit/lock.ts does; -1 = not had (ask instead). */
static int lock_log(void) {
  long long until = eg_mono_ms() + KEEP_LOCK_MS;
  for (;;) {
    if (K.lfd < 0) K.lfd = open(K.flock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (K.lfd < 0) return -1;
    if (flock(K.lfd, LOCK_EX | LOCK_NB) == 0) {
      struct stat a, b;
      int named = stat(K.flock_path, &a) == 0 && fstat(K.lfd, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
      /* A writer of the lock-file protocol inside: it does not see this flock's holder wait. */
      if (named && access(K.lock_path, F_OK) != 0 && errno == ENOENT) return 0;
      flock(K.lfd, LOCK_UN);
      if (named) return -1;
      close(K.lfd); /* removed or replaced: the others lock the file now so named */
      K.lfd = -1;
    } else if (errno != EWOULDBLOCK) {
      return -1;
    }
    if (eg_mono_ms() > until) return -1;
    struct timespec nap = {0, 200000};
    nanosleep(&nap, NULL);
  }
}

/* sha256 (hex) of the log's last line; -1 when it cannot be told here (empty, torn, huge). */
static int last_hash(const struct stat *st, char out[65]) {
  if (K.tail.ok && K.tail.size == (long long)st->st_size && K.tail.ino == (unsigned long long)st->st_ino &&
      K.tail.mtime_s == (long long)st->st_mtim.tv_sec && K.tail.mtime_ns == (long long)st->st_mtim.tv_nsec) {
    memcpy(out, K.tail.hash, 65);
    return 0;
  }
  off_t end = st->st_size;
  char c;
  if (end <= 0 || pread(K.fd, &c, 1, end - 1) != 1 || c != '\n') return -1;
  end--; /* the line without its newline */
  size_t cap = 64 * 1024;
  off_t from = end > (off_t)cap ? end - (off_t)cap : 0;
  for (;;) {
    size_t n = (size_t)(end - from);
    char *b = malloc(n ? n : 1);
    if (!b || pread(K.fd, b, n, from) != (ssize_t)n) {
      free(b);
      return -1;
    }
    char *nl = n ? memrchr(b, '\n', n) : NULL;
    if (nl || from == 0) {
      char *s = nl ? nl + 1 : b;
      sha256_hex(s, (size_t)(b + n - s), out);
      free(b);
      return 0;
    }
    free(b);
    if (n >= KEEP_LINE_MAX) return -1;
    from = end > (off_t)(2 * n) ? end - (off_t)(2 * n) : 0;
  }
}

/* Appends the record of a kept allow; 0 when it is on file whole. */
static int append(const kept *e) {
  if (lock_log() != 0) return -1;
  int rc = -1;
  char *line = NULL;
  struct stat open_st, named;
  /* The log renamed or deleted: the path is opened again (never created here). Until the
   * supervisor has written there (its record says the log was reopened), or when the log is
   * empty (its first record is the supervisor's), the exec is asked instead. */
  if (K.fd < 0 || fstat(K.fd, &open_st) != 0 || stat(K.log, &named) != 0 || open_st.st_ino != named.st_ino ||
      open_st.st_dev != named.st_dev) {
    if (K.fd >= 0) close(K.fd);
    K.fd = open(K.log, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    K.tail.ok = 0;
    if (K.fd < 0 || fstat(K.fd, &open_st) != 0) goto out;
  }
  if (open_st.st_size == 0) goto out;
  char prev[65], mac[65], ts[64];
  if (last_hash(&open_st, prev) != 0) goto out;
  struct timespec now;
  struct tm tm;
  clock_gettime(CLOCK_REALTIME, &now);
  gmtime_r(&now.tv_sec, &tm);
  snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
           tm.tm_hour, tm.tm_min, tm.tm_sec, (long)(now.tv_nsec / 1000000) % 1000);
  size_t cap = e->n + 256;
  line = malloc(cap);
  if (!line) goto out;
  /* {"ts":…,<template>,"prev":…} is what is signed; the mac goes before its closing brace. */
  int body = snprintf(line, cap, "{\"ts\":\"%s\",%.*s,\"prev\":\"%s\"}", ts, (int)e->n, e->tmpl, prev);
  if (body < 0 || (size_t)body >= cap) goto out;
  hmac_hex(line, (size_t)body, mac);
  int len = body - 1;
  len += snprintf(line + len, cap - (size_t)len, ",\"kid\":\"%s\",\"mac\":\"%s\"}\n", K.kid, mac);
  if ((size_t)len >= cap) goto out;
  K.tail.ok = 0;
  /* One write(2): a record is whole or torn, never interleaved (O_APPEND, under the lock).
   * A torn one stays as its own invalid line; the supervisor ends it before its next record. */
  if (write(K.fd, line, (size_t)len) != len) goto out;
  struct stat after;
  if (fstat(K.fd, &after) == 0) {
    K.tail.size = (long long)after.st_size, K.tail.ino = (unsigned long long)after.st_ino;
    K.tail.mtime_s = (long long)after.st_mtim.tv_sec, K.tail.mtime_ns = (long long)after.st_mtim.tv_nsec;
    sha256_hex(line, (size_t)len - 1, K.tail.hash);
    K.tail.ok = 1;
  }
  rc = 0;
out:
  free(line);
  flock(K.lfd, LOCK_UN);
  return rc;
}

int eg_keep_take(const unsigned char d[32]) {
  if (!K.on || !K.n || eg_mono_ms() >= K.live_until) return 0;
  kept *e = find(d);
  return e && append(e) == 0;
}
