/*
 * agentfw-exec-gate, one notification: read what is about to be exec'd and build the
 * request; settle the notification with the supervisor's answer. The serving loop
 * (exec-gate.c) sends the requests on one persistent connection and matches the answers,
 * so a slow human answer never holds up other execs. See exec-gate.c for the whole picture
 * and sandbox/README.md for what the check can and cannot see (TOCTOU).
 *
 * Request sent to the broker socket (src/gates/protocol.ts), one JSON line:
 *   {"layer":"exec","argv":[...],"cwd":"...","path":"...","pid":N,"ppid":N,"seq":N[,"binary":true]}
 * Answer lines, each prefixed `<seq> `: WAIT keep-alives, ALLOW or DENY, optional MSG
 * lines, END. Anything else → EPERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "exec-gate.h"

typedef eg_buf buf_t;

void eg_put(buf_t *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t c = b->cap ? b->cap : 4096;
    while (c < b->len + n + 1) c *= 2;
    char *q = realloc(b->p, c);
    if (!q) _exit(1); /* fail closed: without this helper the kernel fails every later exec (ENOSYS) */
    b->p = q, b->cap = c;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}
#define put eg_put
static void puts_(buf_t *b, const char *s) { put(b, s, strlen(s)); }

static void respond_err(int listener, unsigned long long id, int err) {
  struct seccomp_notif_resp r;
  memset(&r, 0, sizeof r);
  r.id = id;
  if (!err) r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
  else r.error = -err;
  ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &r);
}

void eg_respond(int listener, unsigned long long id, int allow) { respond_err(listener, id, allow ? 0 : EPERM); }

/* A NUL-terminated string at `addr` in the target's memory, at most `max` bytes (without NUL).
 * Returns its length, or -1 when unreadable or too long. */
static long read_str(int mem, unsigned long long addr, buf_t *out, size_t max) {
  size_t start = out->len;
  char chunk[512];
  for (;;) {
    ssize_t k = pread(mem, chunk, sizeof chunk, (off_t)addr);
    if (k <= 0) {
      /* The string may end right before an unmapped page: retry byte by byte. */
      if (pread(mem, chunk, 1, (off_t)addr) != 1) return -1;
      k = 1;
    }
    char *nul = memchr(chunk, 0, (size_t)k);
    size_t n = nul ? (size_t)(nul - chunk) : (size_t)k;
    if (out->len - start + n > max) return -1;
    put(out, chunk, n);
    if (nul) return (long)(out->len - start);
    addr += (unsigned long long)k;
  }
}

/* JSON string with escapes; bytes that are not UTF-8 become U+FFFD and set *binary. */
static void json_str(buf_t *b, const char *s, size_t n, int *binary) {
  put(b, "\"", 1);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    int ok = len && i + len <= n;
    for (size_t k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + k] >> 6) == 2;
    if (!ok) {
      *binary = 1;
      puts_(b, "\\ufffd");
      i++;
    } else if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      put(b, e, 2), i++;
    } else if (c < 0x20) {
      char e[8];
      snprintf(e, sizeof e, "\\u%04x", c);
      puts_(b, e), i++;
    } else {
      put(b, s + i, len), i += len;
    }
  }
  put(b, "\"", 1);
}

static void link_of(pid_t pid, const char *what, char *out, size_t size) {
  char p[64];
  snprintf(p, sizeof p, "/proc/%d/%s", (int)pid, what);
  ssize_t n = readlink(p, out, size - 1);
  out[n > 0 ? n : 0] = 0;
}

long eg_ppid_of(pid_t pid) {
  char p[64], s[512];
  snprintf(p, sizeof p, "/proc/%d/stat", (int)pid);
  int fd = open(p, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, s, sizeof s - 1);
  close(fd);
  s[n > 0 ? n : 0] = 0;
  char *r = strrchr(s, ')');
  return r ? atol(r + 4) : 0; /* ") S PPID" */
}

/* An entry of the session's shim directory (read-only to the agent) that is the gate client:
 * the shim asks for itself, so asking here too would ask twice. */
static int is_shim(const eg_config *cfg, pid_t pid, const char *path) {
  if (*cfg->client && !strcmp(path, cfg->client)) return 1;
  size_t d = strlen(cfg->shim_dir);
  if (!d || strncmp(path, cfg->shim_dir, d) || path[d] != '/' || strchr(path + d + 1, '/')) return 0;
  char p[2 * EG_MAX_PATH + 80];
  struct stat st;
  snprintf(p, sizeof p, "/proc/%d/root%s", (int)pid, path);
  return stat(p, &st) == 0 && st.st_dev == cfg->shim_dev && st.st_ino == cfg->shim_ino;
}

/* Refusal text for the agent: written to its stderr when that is a terminal, a pipe or a
 * socket (never a regular file, which reopening would overwrite from the start). A pipe or
 * terminal is reopened through /proc; a socket cannot be (a Node parent's child stdio is a
 * socketpair, as for most agents), so its fd is taken with pidfd_getfd and the text sent
 * without blocking (MSG_DONTWAIT: the shared file's own flags stay as they are). */
static void tell(pid_t pid, const char *msg) {
  char p[64];
  size_t n = strlen(msg);
  snprintf(p, sizeof p, "/proc/%d/fd/2", (int)pid);
  int fd = open(p, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd >= 0) {
    if (fstat(fd, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
      ssize_t w = write(fd, msg, n);
      (void)w;
    }
    close(fd);
    return;
  }
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_getfd)
  if (errno != ENXIO) return; /* ENXIO: a socket */
  int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (pfd < 0) return;
  fd = (int)syscall(SYS_pidfd_getfd, pfd, 2, 0);
  close(pfd);
  if (fd < 0) return;
  if (fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode)) {
    ssize_t w = send(fd, msg, n, MSG_DONTWAIT | MSG_NOSIGNAL);
    (void)w;
  }
  close(fd);
#endif
}

int eg_connect(const eg_config *cfg) {
  struct sockaddr_un a;
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  if (strlen(cfg->sock) >= sizeof a.sun_path) return -1;
  strcpy(a.sun_path, cfg->sock);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  if (cfg->supervisor) {
    /* fail closed: a socket put there by someone else is not the supervisor */
    struct ucred cr;
    socklen_t l = sizeof cr;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &l) != 0 || cr.pid != cfg->supervisor) {
      close(fd);
      return -1;
    }
  }
  return fd;
}

void eg_finish(int listener, unsigned long long id, pid_t pid, const char *answer) {
  /* The broker's keep-alive lines (WAIT) come before the answer while a human decides. */
  const char *r = answer;
  while (!strncmp(r, "WAIT\n", 5)) r += 5;
  int allow = !strncmp(r, "ALLOW\n", 6);
  if (!allow && strncmp(r, "DENY\n", 5)) {
    eg_respond(listener, id, 0); /* fail closed: not understood */
    return;
  }
  if (!allow) {
    /* The MSG lines are the refusal text (why, which rule, "ask the user"). */
    buf_t msg = {0};
    for (const char *l = r; *l;) {
      const char *e = strchr(l, '\n');
      size_t n = e ? (size_t)(e - l) : strlen(l);
      if (n >= 3 && !strncmp(l, "MSG", 3) && (n == 3 || l[3] == ' ')) {
        if (n > 4) put(&msg, l + 4, n - 4);
        put(&msg, "\n", 1);
      }
      l += n + (e ? 1 : 0);
    }
    /* Only while the exec is still waiting: the pid is then surely the refused process. */
    if (msg.p && ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) == 0) tell(pid, msg.p);
    free(msg.p);
  }
  eg_respond(listener, id, allow);
}

/* Whether process `pid` runs the gate client (its executable is the client's file); never
 * when the client is not known. */
static int runs_client(const eg_config *cfg, pid_t pid) {
  char p[64];
  struct stat st;
  if (!cfg->shim_ino) return 0;
  snprintf(p, sizeof p, "/proc/%d/exe", (int)pid);
  return stat(p, &st) == 0 && st.st_dev == cfg->shim_dev && st.st_ino == cfg->shim_ino;
}

/* Whether the exec is exactly the one `rec` allowed: argv (hashed as the record says) and the
 * file it runs (device, inode, ctime: a file replaced or rewritten since differs). */
static int next_matches(const eg_next *rec, const buf_t *strs, const size_t *off, size_t argc, const struct stat *st) {
  if (!argc || (unsigned long long)st->st_dev != rec->dev || (unsigned long long)st->st_ino != rec->ino ||
      (long long)st->st_ctim.tv_sec != rec->ctime_s || (long long)st->st_ctim.tv_nsec != rec->ctime_ns)
    return 0;
  const char *a0 = strs->p + off[0], *base = strrchr(a0, '/');
  base = base ? base + 1 : a0;
  eg_sha256 h;
  unsigned char d[32];
  eg_sha256_init(&h);
  eg_sha256_update(&h, base, strlen(base) + 1);
  if (argc > 1) eg_sha256_update(&h, strs->p + off[1], strs->len - off[1]);
  eg_sha256_final(&h, d);
  return !memcmp(d, rec->digest, 32);
}

int eg_prepare(int listener, const struct seccomp_notif *req, const eg_config *cfg, unsigned seq, buf_t *q,
               const eg_next *rec, eg_keep_key *kk) {
  pid_t pid = (pid_t)req->pid;
  char p[64];
  snprintf(p, sizeof p, "/proc/%d/mem", (int)pid);
  int mem = open(p, O_RDONLY | O_CLOEXEC);
  if (mem < 0) {
    eg_respond(listener, req->id, 0);
    return 0;
  }
  unsigned long long a_path = req->data.args[0], a_argv = req->data.args[1];
  int dirfd = AT_FDCWD, flags = 0, out = 0;
  if (req->data.nr == __NR_execveat) {
    dirfd = (int)req->data.args[0], a_path = req->data.args[1], a_argv = req->data.args[2];
    flags = (int)req->data.args[4];
  }
  buf_t path = {0}, strs = {0};
  size_t offs[256], *off = offs, argc = 0, cap = 256;
  int ok = read_str(mem, a_path, &path, EG_MAX_PATH) >= 0;

  /* The file as the kernel will look it up: relative to dirfd for execveat. */
  char dir[EG_MAX_PATH], full[2 * EG_MAX_PATH + 2];
  snprintf(full, sizeof full, "%s", path.p ? path.p : "");
  if (ok && dirfd != AT_FDCWD && (!path.p || path.p[0] != '/')) {
    char fdn[32];
    snprintf(fdn, sizeof fdn, "fd/%d", dirfd);
    link_of(pid, fdn, dir, sizeof dir);
    if (!path.len && (flags & AT_EMPTY_PATH)) snprintf(full, sizeof full, "%s", dir);
    else snprintf(full, sizeof full, "%s/%s", dir, path.p);
  }
  /* A shim asks for itself: passed without reading its arguments, once the notification is
   * known to be still valid (the pid not reused since the path was read). */
  if (ok && full[0] == '/' && is_shim(cfg, pid, full)) {
    close(mem);
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) == 0) eg_respond(listener, req->id, 1);
    goto done;
  }
  for (; ok && a_argv; argc++) {
    unsigned long long ptr = 0;
    /* fail closed: unreadable or too many arguments */
    if (argc >= EG_MAX_ARGC ||
        pread(mem, &ptr, sizeof(void *), (off_t)(a_argv + argc * sizeof(void *))) != sizeof(void *)) {
      ok = 0;
      break;
    }
    if (!ptr) break;
    if (argc == cap) {
      size_t *n = malloc(sizeof(size_t) * cap * 2);
      if (!n) {
        ok = 0;
        break;
      }
      memcpy(n, off, sizeof(size_t) * cap);
      if (off != offs) free(off);
      off = n, cap *= 2;
    }
    off[argc] = strs.len;
    if (read_str(mem, ptr, &strs, EG_MAX_ARGV - strs.len) < 0) {
      ok = 0;
      break;
    }
    put(&strs, "", 1); /* keep the NUL between strings */
  }
  close(mem);
  if (!ok) {
    eg_respond(listener, req->id, 0);
    goto done;
  }
  /* The thread may have been killed (or exec'd by another thread) meanwhile, and its pid
   * reused: what was read is only trusted while the notification is still valid. */
  if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) != 0) goto done;

  /* A file that does not exist is answered ENOENT, as the kernel would, without asking: a PATH
   * search (execvp) tries several. Failing it here, not passing it, leaves no window in which
   * the file could appear unchecked. */
  char seen[2 * EG_MAX_PATH + 80];
  struct stat st;
  snprintf(seen, sizeof seen, "/proc/%d/%s%s%s", (int)pid, full[0] == '/' ? "root" : "cwd", full[0] == '/' ? "" : "/", full);
  int found = stat(seen, &st) == 0;
  if (!found && (errno == ENOENT || errno == ENOTDIR)) {
    respond_err(listener, req->id, errno);
    goto done;
  }
  /* The exec the broker allowed in advance (exec-gate-next.c): by a process that still runs
   * the gate client (the client's own exec of its program), the same argv and file. */
  if (rec && found && runs_client(cfg, pid) && next_matches(rec, &strs, off, argc, &st)) {
    eg_respond(listener, req->id, 1);
    goto done;
  }

  char cwd[EG_MAX_PATH];
  link_of(pid, "cwd", cwd, sizeof cwd);
  /* A repeat of an allow the broker let this helper keep (exec-gate-keep.c): an absolute
   * path, so the key names what the broker judged. */
  kk->ok = 0;
  if (found && full[0] == '/' && argc) {
    eg_keep_digest(full, cwd, strs.p, strs.len, &st, kk->digest);
    kk->ok = 1;
    if (eg_keep_take(kk->digest)) {
      eg_respond(listener, req->id, 1);
      goto done;
    }
  }
  int binary = 0;
  q->len = 0;
  puts_(q, "{\"layer\":\"exec\",\"argv\":[");
  if (!argc) json_str(q, full, strlen(full), &binary); /* argv may be empty; argv[0] is required */
  for (size_t i = 0; i < argc; i++) {
    if (i) puts_(q, ",");
    size_t end = i + 1 < argc ? off[i + 1] - 1 : strs.len - 1;
    json_str(q, strs.p + off[i], end - off[i], &binary);
  }
  puts_(q, "],\"cwd\":");
  json_str(q, cwd, strlen(cwd), &binary);
  puts_(q, ",\"path\":");
  json_str(q, full, strlen(full), &binary);
  char tail[128];
  snprintf(tail, sizeof tail, ",\"pid\":%d,\"ppid\":%ld,\"seq\":%u%s}\n", (int)pid, eg_ppid_of(pid), seq,
           binary ? ",\"binary\":true" : "");
  puts_(q, tail);
  out = 1;
done:
  free(path.p);
  free(strs.p);
  if (off != offs) free(off);
  return out;
}
