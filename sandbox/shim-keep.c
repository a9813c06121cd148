/*
 * agentfw-shim-keep: the shim's kept allows. A command the gate client (a shim: `bash -c …`,
 * `curl …`) asks about, which the supervisor allowed by policy from the request alone, is
 * allowed here the next times it comes exactly alike, with its signed audit record appended
 * here before the answer, without waking the supervisor. The mechanism, its lease and its
 * fail-closed paths are those of the exec gate's kept allows (exec-gate-keep.c, linked in);
 * this file is only the socket the clients ask on and the supervisor's control pipe.
 *
 *   agentfw-shim-keep --listen SOCK --audit LOG --audit-key FILE --client PATH [--mask]
 *
 * Control (stdin, from the supervisor; its end = the supervisor is gone → exit):
 *   LIVE <until>                 kept allows count until then (CLOCK_MONOTONIC ms)
 *   FLUSH                        forget everything kept (lockdown)
 *   ADD <64 hex> <template>      keep the record template for that request digest
 * Clients (SOCK, one request per connection):
 *   KEEP <n>\n<n bytes>          the request in the canonical form of src/gates/shim/shim-keep.ts
 *   → ALLOW\n[MASK\n]END\n       when kept and its record is on file
 *   → MISS\n                     anything else: the client asks the supervisor as usual
 *
 * Never wider than asking: a miss, a malformed request, a peer that is not the session's gate
 * client (its /proc/<pid>/exe is not --client), an expired lease, a log that cannot be
 * written: all MISS, and the supervisor decides (and records) as for any request.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "exec-gate.h"

#define SK_MAX_REQUEST (1024 * 1024) /* canonical request bytes; longer ones are asked */
#define SK_READ_MS 50                /* a client slower than this to send its request is missed */

static dev_t g_client_dev;
static ino_t g_client_ino;
static int g_mask;

/* One control line; -1 = malformed (fail closed: everything kept is forgotten, the pipe closed). */
static int control(const char *line, size_t n) {
  int k = eg_keep_line(line, n);
  if (k != 0) return k < 0 ? -1 : 0;
  if (n < 4 + 64 + 1 || memcmp(line, "ADD ", 4) || line[4 + 64] != ' ') return -1;
  unsigned char d[32];
  for (int i = 0; i < 32; i++) {
    int a = eg_hexval(line[4 + 2 * i]), b = eg_hexval(line[5 + 2 * i]);
    if (a < 0 || b < 0) return -1;
    d[i] = (unsigned char)(a * 16 + b);
  }
  eg_keep_add(d, line + 69, n - 69);
  return 0;
}

/* Reads exactly n bytes within the deadline; 0 when had. */
static int read_all(int fd, char *p, size_t n, long long deadline) {
  while (n) {
    long long left = deadline - eg_mono_ms();
    struct pollfd q = {fd, POLLIN, 0};
    if (left <= 0 || poll(&q, 1, (int)left) <= 0) return -1;
    ssize_t k = read(fd, p, n);
    if (k < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (k <= 0) return -1;
    p += k, n -= (size_t)k;
  }
  return 0;
}

/* The peer runs the session's gate client (the same file, by device and inode). */
static int from_client(int fd) {
  struct ucred cr;
  socklen_t l = sizeof cr;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &l) != 0 || cr.pid <= 0) return 0;
  char exe[64];
  struct stat st;
  snprintf(exe, sizeof exe, "/proc/%ld/exe", (long)cr.pid);
  return stat(exe, &st) == 0 && st.st_dev == g_client_dev && st.st_ino == g_client_ino;
}

/* Answers one client: ALLOW when its request is kept and recorded, else MISS. */
static void serve(int fd) {
  long long deadline = eg_mono_ms() + SK_READ_MS;
  char head[32];
  size_t h = 0;
  int allow = 0;
  char *body = NULL;
  while (h < sizeof head - 1) { /* the header line, byte by byte (short) */
    if (read_all(fd, head + h, 1, deadline) != 0) goto answer;
    if (head[h++] == '\n') break;
  }
  head[h] = 0;
  char *end;
  if (h < 7 || memcmp(head, "KEEP ", 5) || head[h - 1] != '\n') goto answer;
  long n = strtol(head + 5, &end, 10);
  if (end != head + h - 1 || n <= 0 || n > SK_MAX_REQUEST || !from_client(fd)) goto answer;
  body = malloc((size_t)n);
  if (!body || read_all(fd, body, (size_t)n, deadline) != 0) goto answer;
  eg_sha256 s;
  unsigned char d[32];
  eg_sha256_init(&s);
  eg_sha256_update(&s, body, (size_t)n);
  eg_sha256_final(&s, d);
  allow = eg_keep_take(d);
answer:
  free(body);
  const char *a = !allow ? "MISS\n" : g_mask ? "ALLOW\nMASK\nEND\n" : "ALLOW\nEND\n";
  if (write(fd, a, strlen(a)) < 0) { /* the client gave up: it asks the supervisor */
  }
  close(fd);
}

static void usage(void) {
  fputs("usage: agentfw-shim-keep --listen SOCK --audit LOG --audit-key FILE --client PATH [--mask]\n", stderr);
  exit(2);
}

int main(int argc, char **argv) {
  const char *sock = NULL, *log = NULL, *key = NULL, *client = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--mask")) g_mask = 1;
    else if (i + 1 >= argc) usage();
    else if (!strcmp(argv[i], "--listen")) sock = argv[++i];
    else if (!strcmp(argv[i], "--audit")) log = argv[++i];
    else if (!strcmp(argv[i], "--audit-key")) key = argv[++i];
    else if (!strcmp(argv[i], "--client")) client = argv[++i];
    else usage();
  }
  struct stat cs;
  if (!sock || !log || !key || !client || stat(client, &cs) != 0) usage();
  g_client_dev = cs.st_dev, g_client_ino = cs.st_ino;
  signal(SIGPIPE, SIG_IGN);
  /* Without the log and its key nothing could be kept: exit, every client then asks the supervisor. */
  if (eg_keep_init(log, key) != 0) {
    fputs("agentfw-shim-keep: the audit log or its key cannot be opened; nothing is kept\n", stderr);
    return 1;
  }
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(sock) >= sizeof addr.sun_path) usage();
  strcpy(addr.sun_path, sock);
  int ls = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (ls < 0 || bind(ls, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(ls, 64) != 0) {
    perror("agentfw-shim-keep: listen");
    return 1;
  }
  char ctl[96 * 1024];
  size_t have = 0;
  for (;;) {
    struct pollfd p[2] = {{0, POLLIN, 0}, {ls, POLLIN, 0}};
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (p[0].revents) {
      ssize_t k = read(0, ctl + have, sizeof ctl - have);
      if (k < 0 && errno == EINTR) continue;
      if (k <= 0) break; /* the supervisor is gone: nothing may be allowed in its name */
      have += (size_t)k;
      char *s = ctl, *nl;
      while ((nl = memchr(s, '\n', have - (size_t)(s - ctl)))) {
        if (control(s, (size_t)(nl - s)) != 0) goto out;
        s = nl + 1;
      }
      have -= (size_t)(s - ctl);
      memmove(ctl, s, have);
      if (have == sizeof ctl) goto out; /* a line longer than any template: malformed */
    }
    if (p[1].revents & POLLIN) {
      int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
      if (fd >= 0) serve(fd);
    }
  }
out:
  eg_keep_clear();
  unlink(sock);
  return 0;
}
