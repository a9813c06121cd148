/*
 * agentfw-hook: the agent-side hook client. Forwards the hook's stdin JSON to the per-user
 * decision daemon over its Unix socket and answers in the agent's format (the daemon
 * formats it). Starts the daemon on first use when given the agentfw executable.
 *
 *   agentfw-hook AGENT [AGENTFW]
 *
 * Wire: `AGENT\nLEN\n` + LEN bytes of hook JSON; the answer is `EXIT\nLEN\n` + LEN bytes for
 * stdout + the rest (until the daemon closes) for stderr.
 *
 * Fail closed: when the daemon cannot be reached or answers garbage, the command is
 * refused (exit 2 with the reason on stderr; for cursor also a deny JSON on stdout).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_IN (1024 * 1024)
#define MAX_OUT (1024 * 1024)

static const char *agent = "";

static int refuse(const char *why) {
  if (strcmp(agent, "cursor") == 0)
    printf("{\"permission\":\"deny\",\"userMessage\":\"agentfw: %s\",\"agentMessage\":\"agentfw: %s\"}\n", why, why);
  fprintf(stderr, "agentfw: %s; the command was refused. Do not retry or work around this; ask the user.\n", why);
  return 2;
}

static int sock_path(char *out, size_t n) {
  const char *env = getenv("AGENTFW_HOOK_SOCKET");
  if (env && *env) return snprintf(out, n, "%s", env) < (int)n ? 0 : -1;
  const char *root = getenv("XDG_RUNTIME_DIR");
  if (!root || root[0] != '/') root = getenv("TMPDIR");
  if (!root || root[0] != '/') root = "/tmp";
  size_t len = strlen(root);
  while (len > 1 && root[len - 1] == '/') len--;
  return snprintf(out, n, "%.*s/agentfw-hook-%u/hook.sock", (int)len, root, (unsigned)getuid()) < (int)n ? 0 : -1;
}

static int try_connect(const char *path) {
  struct sockaddr_un a;
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof a.sun_path) return -1;
  strcpy(a.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static void start_daemon(const char *agentfw) {
  pid_t p = fork();
  if (p < 0) return;
  if (p == 0) {
    if (fork() != 0) _exit(0); /* the grandchild is adopted by init: no zombie */
    setsid();
    int nul = open("/dev/null", O_RDWR);
    if (nul >= 0) {
      dup2(nul, 0);
      dup2(nul, 1);
      dup2(nul, 2);
    }
    execl(agentfw, agentfw, "hook", "daemon", (char *)NULL);
    _exit(127);
  }
  waitpid(p, NULL, 0);
}

static int write_all(int fd, const char *b, size_t n) {
  while (n) {
    ssize_t w = write(fd, b, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    b += w;
    n -= (size_t)w;
  }
  return 0;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  if (argc < 2) return refuse("agentfw-hook needs the agent name");
  agent = argv[1];
  static char in[MAX_IN + 1];
  size_t len = 0;
  for (;;) {
    ssize_t r = read(0, in + len, MAX_IN - len);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return refuse("cannot read the hook input");
    if (r == 0) break;
    len += (size_t)r;
    if (len == MAX_IN) return refuse("hook input larger than 1 MB");
  }
  char path[4096];
  if (sock_path(path, sizeof path) != 0) return refuse("socket path too long");
  int fd = try_connect(path);
  if (fd < 0 && argc >= 3) {
    start_daemon(argv[2]);
    /* bounded: up to ~15 s for a cold start (ruleset load) */
    for (int i = 0; i < 750 && fd < 0; i++) {
      struct timespec ts = {0, 20 * 1000 * 1000};
      nanosleep(&ts, NULL);
      fd = try_connect(path);
    }
  }
  if (fd < 0) return refuse("the agentfw hook daemon is not reachable");
  char head[128];
  int hl = snprintf(head, sizeof head, "%s\n%zu\n", agent, len);
  if (hl <= 0 || hl >= (int)sizeof head) return refuse("agent name too long");
  if (write_all(fd, head, (size_t)hl) || write_all(fd, in, len)) return refuse("the agentfw hook daemon hung up");
  static char out[MAX_OUT + 1];
  size_t got = 0;
  for (;;) {
    ssize_t r = read(fd, out + got, MAX_OUT - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return refuse("reading the daemon's answer failed");
    if (r == 0 || got + (size_t)r == MAX_OUT) { got += (size_t)(r > 0 ? r : 0); break; }
    got += (size_t)r;
  }
  close(fd);
  out[got] = 0;
  char *p = out, *end;
  long code = strtol(p, &end, 10);
  if (end == p || *end != '\n' || code < 0 || code > 255) return refuse("the daemon gave no answer");
  p = end + 1;
  long olen = strtol(p, &end, 10);
  if (end == p || *end != '\n' || olen < 0 || (size_t)olen > got - (size_t)(end + 1 - out))
    return refuse("the daemon's answer is malformed");
  p = end + 1;
  if (write_all(1, p, (size_t)olen)) return 2;
  p += olen;
  write_all(2, p, got - (size_t)(p - out));
  return (int)code;
}
