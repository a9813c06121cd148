/*
 * A gate that answers every request ALLOW at once, for bench/floor.mjs: no parsing, no
 * decision, no audit. What a command still costs with it is the cost of the mechanism
 * itself (the shim's exec and its connection, or the exec gate's seccomp notification and
 * its helper's reads), the floor any decision adds to.
 *
 *   instant-gate SOCKET_PATH
 *
 * One reply per request line: `ALLOW\nEND\n` and close (a shim's one-shot connection, whose
 * request may end with its half-close instead of a newline), or `<seq> ALLOW\n<seq> END\n`
 * for a numbered request (the exec gate helper's persistent connection, kept open).
 * Bench use only: it approves everything.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define MAXC 64
#define CAP (1 << 20)

struct conn {
  int fd;
  size_t n;
  char *buf;
};

/* Answers each complete line of `c` (all of it at its end); 1 = close the connection. */
static int serve(struct conn *c, int eof) {
  if (eof && c->n) c->buf[c->n++] = '\n';
  char *at = c->buf, *nl;
  while ((nl = memchr(at, '\n', (size_t)(c->buf + c->n - at)))) {
    *nl = 0;
    char *q = strstr(at, "\"seq\":");
    char out[64];
    int m = q ? snprintf(out, sizeof out, "%ld ALLOW\n%ld END\n", atol(q + 6), atol(q + 6))
              : snprintf(out, sizeof out, "ALLOW\nEND\n");
    if (write(c->fd, out, (size_t)m) != m || !q) return 1;
    at = nl + 1;
  }
  c->n = (size_t)(c->buf + c->n - at);
  memmove(c->buf, at, c->n);
  return eof || c->n >= CAP - 2;
}

int main(int argc, char **argv) {
  if (argc != 2 || strlen(argv[1]) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
    fprintf(stderr, "usage: instant-gate SOCKET_PATH\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN); /* a client that gave up: its write fails, the others are served */
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  strcpy(a.sun_path, argv[1]);
  unlink(argv[1]);
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 64) != 0) {
    perror("instant-gate");
    return 1;
  }
  puts("ready");
  fflush(stdout);
  struct conn cs[MAXC];
  int nc = 0;
  for (;;) {
    struct pollfd p[MAXC + 1];
    p[0] = (struct pollfd){s, nc < MAXC ? POLLIN : 0, 0};
    for (int i = 0; i < nc; i++) p[i + 1] = (struct pollfd){cs[i].fd, POLLIN, 0};
    if (poll(p, (nfds_t)nc + 1, -1) < 0) continue;
    for (int i = nc - 1; i >= 0; i--) {
      if (!p[i + 1].revents) continue;
      struct conn *c = &cs[i];
      ssize_t k = read(c->fd, c->buf + c->n, CAP - 2 - c->n);
      if (k > 0) c->n += (size_t)k;
      if (k < 0 || serve(c, k == 0)) {
        close(c->fd);
        free(c->buf);
        cs[i] = cs[--nc];
      }
    }
    if (p[0].revents & POLLIN) {
      int f = accept(s, NULL, NULL);
      char *b = f >= 0 ? malloc(CAP) : NULL;
      if (b) cs[nc++] = (struct conn){f, 0, b};
      else if (f >= 0) close(f);
    }
  }
}
