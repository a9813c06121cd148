/*
 * agentfw-net-bridge: the only way out of the sandbox's network namespace.
 *
 *   agentfw-net-bridge --port N [--service P]... --unix PATH -- PROGRAM [ARGS...]
 *
 * Runs inside the sandbox (bwrap --unshare-net: only a loopback interface, no route out).
 * Listens on 127.0.0.1:N, starts PROGRAM, and forwards every accepted connection over the
 * Unix socket PATH (bound read-only into the sandbox from the session's runtime dir) to the
 * agentfw supervisor, which connects it to the egress proxy's TCP port on the host. Each
 * `--service P` adds a listener on 127.0.0.1:P (a host service the user declared, or a host
 * port the supervisor only explains); the supervisor decides what a connection to it gets.
 * Each forwarded connection starts with one line `AGENTFW-BRIDGE <client port> <port>\n`
 * (the source port of the connection accepted inside, and the port it was accepted on; the
 * supervisor checks the client port in the namespace's TCP table to attribute the request
 * to a process, and treats a claim it cannot check as unknown). Nothing
 * else leaves the namespace: raw sockets, /dev/tcp and clients that ignore proxy variables
 * find no route. Loopback inside keeps working for the agent's own servers.
 * Exit status: PROGRAM's (128+N when killed by signal N). If this helper dies, the
 * sandbox has no way out at all (fail closed).
 *
 * Linux only; built with plain `cc` by scripts/build-shim.mjs.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t g_child;
/* Self-pipe: SIGCHLD writes a byte, so the accept loop wakes the moment PROGRAM exits
 * instead of at its next poll timeout. */
static int g_wake[2] = {-1, -1};

static void on_child(int sig) {
  (void)sig;
  int e = errno;
  if (g_wake[1] >= 0 && write(g_wake[1], "", 1) < 0) { /* full: a wake-up is already pending */
  }
  errno = e;
}

static void forward(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  if (si->si_code <= 0 && g_child > 0) kill(g_child, sig);
}

/* Copies both ways until both sides are done. Runs in a process per connection. */
static void pump(int a, int b) {
  int open_a = 1, open_b = 1;
  char buf[65536];
  while (open_a || open_b) {
    struct pollfd p[2] = {{open_a ? a : -1, POLLIN, 0}, {open_b ? b : -1, POLLIN, 0}};
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; i++) {
      if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      int from = i ? b : a, to = i ? a : b;
      ssize_t n = read(from, buf, sizeof buf);
      if (n <= 0) {
        shutdown(to, SHUT_WR);
        if (i) open_b = 0;
        else open_a = 0;
        continue;
      }
      for (ssize_t off = 0; off < n;) {
        ssize_t w = write(to, buf + off, (size_t)(n - off));
        if (w <= 0) return;
        off += w;
      }
    }
  }
}

static int connect_unix(const char *path) {
  struct sockaddr_un a;
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof a.sun_path) return -1;
  strcpy(a.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

/* Largest number of listeners: the proxy port and the declared/explained host ports. */
#define MAX_PORTS 256

static int listen_on(int port) {
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  if (ls < 0) return -1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in in;
  memset(&in, 0, sizeof in);
  in.sin_family = AF_INET;
  in.sin_port = htons((unsigned short)port);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(ls, (struct sockaddr *)&in, sizeof in) != 0 || listen(ls, 128) != 0) {
    close(ls);
    return -1;
  }
  return ls;
}

int main(int argc, char **argv) {
  int ports[MAX_PORTS], nports = 1, i = 1, bad = 0;
  const char *unix_path = NULL;
  ports[0] = 0;
  for (; i < argc && strcmp(argv[i], "--"); i++) {
    if (i + 1 >= argc) break;
    if (!strcmp(argv[i], "--port")) ports[0] = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--service")) {
      int p = atoi(argv[++i]);
      if (nports >= MAX_PORTS || p <= 0 || p > 65535) bad = 1;
      else ports[nports++] = p;
    } else if (!strcmp(argv[i], "--unix")) unix_path = argv[++i];
  }
  if (bad || i >= argc - 1 || ports[0] <= 0 || ports[0] > 65535 || !unix_path) {
    fputs("usage: agentfw-net-bridge --port N [--service P]... --unix PATH -- PROGRAM [ARGS...]\n", stderr);
    return 2;
  }
  int lsock[MAX_PORTS];
  for (int k = 0; k < nports; k++) {
    lsock[k] = listen_on(ports[k]);
    if (lsock[k] < 0) {
      fprintf(stderr, "agentfw-net-bridge: cannot listen on 127.0.0.1:%d: %s (the agent was not started)\n",
              ports[k], strerror(errno));
      return 126;
    }
  }
  if (pipe2(g_wake, O_CLOEXEC | O_NONBLOCK) != 0) return 126;
  struct sigaction sc;
  memset(&sc, 0, sizeof sc);
  sc.sa_handler = on_child;
  sc.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sc, NULL); /* before the fork: an exit at once still wakes the loop */
  g_child = fork();
  if (g_child < 0) return 126;
  if (g_child == 0) {
    execvp(argv[i + 1], argv + i + 1);
    fprintf(stderr, "agentfw-net-bridge: cannot run %s: %s\n", argv[i + 1], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  signal(SIGPIPE, SIG_IGN);
  /* Signals sent to this helper (the supervisor forwards its own to pid 2 of the sandbox)
   * go to PROGRAM; a terminal's ^C reaches PROGRAM by itself and is only ignored here. */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = forward;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGQUIT, &sa, NULL);
  struct pollfd pl[MAX_PORTS + 1];
  for (;;) {
    /* The timeout is only a backstop: SIGCHLD wakes the poll through g_wake. */
    for (int k = 0; k < nports; k++) pl[k] = (struct pollfd){lsock[k], POLLIN, 0};
    pl[nports] = (struct pollfd){g_wake[0], POLLIN, 0};
    int ready = poll(pl, (nfds_t)nports + 1, 1000);
    if (ready > 0 && (pl[nports].revents & POLLIN)) {
      char drain[64];
      while (read(g_wake[0], drain, sizeof drain) > 0) {
      }
    }
    if (ready > 0)
      for (int k = 0; k < nports; k++) {
        if (!(pl[k].revents & POLLIN)) continue;
        struct sockaddr_in peer;
        socklen_t plen = sizeof peer;
        int c = accept4(lsock[k], (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
        if (c < 0) continue;
        pid_t h = fork();
        if (h == 0) {
          for (int j = 0; j < nports; j++) close(lsock[j]);
          close(g_wake[0]);
          close(g_wake[1]);
          g_wake[1] = -1;
          int u = connect_unix(unix_path);
          /* First line: the client's source port inside, so the supervisor can find (and
           * check in this namespace's TCP table) which process sent the request, and the
           * port it was accepted on (which decides where it may go). */
          char head[48];
          int n = snprintf(head, sizeof head, "AGENTFW-BRIDGE %u %d\n", (unsigned)ntohs(peer.sin_port), ports[k]);
          if (u >= 0 && write(u, head, (size_t)n) == n) pump(c, u); /* fail closed: no supervisor, no way out */
          _exit(0);
        }
        close(c);
      }
    int st;
    pid_t w;
    while ((w = waitpid(-1, &st, WNOHANG)) > 0)
      if (w == g_child) return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
  }
}
