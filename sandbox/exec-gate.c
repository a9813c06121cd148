/*
 * agentfw-exec-gate: judges every execve/execveat in the agent's process tree before it runs.
 *
 *   agentfw-exec-gate --sock PATH [--supervisor-pid N] [--shim-dir DIR] [--client PATH]
 *                     [--wait-ms N] [--raw-tty] [--pass N] [--audit LOG --audit-key FILE]
 *                     -- PROGRAM [ARGS...]
 *
 * The helper forks. The child sets PR_SET_NO_NEW_PRIVS, installs a seccomp filter that
 * sends execve and execveat to user space (SECCOMP_RET_USER_NOTIF, with
 * SECCOMP_FILTER_FLAG_NEW_LISTENER), hands the listener fd to the parent over a socketpair
 * (SCM_RIGHTS), and execs PROGRAM. The filter is inherited by everything PROGRAM starts and
 * cannot be removed. The parent is not filtered: for each notification it reads the path
 * and argv from /proc/<pid>/mem while the calling thread is stopped (exec-gate-ask.c),
 * asks the agentfw supervisor with the gate protocol (layer "exec") on one persistent
 * connection (numbered requests, answers in any order: an exec waiting for a human holds
 * up no other) and answers CONTINUE or EPERM. No process or connection per exec: that
 * was most of the added latency. The first exec, of PROGRAM itself, is chosen by agentfw and
 * passed; with --pass 2 (or 3) also the next one (or two): PROGRAM is bwrap, which execs
 * the network bridge and then the agent command the human gave; nothing of the agent runs
 * before them. The exit status is PROGRAM's (128+N when killed by signal N).
 *
 * The same filter refuses TIOCSTI everywhere in the tree (EPERM).
 *
 * Fail closed: the supervisor gone, slow, not the supervisor (SO_PEERCRED), or answering
 * garbage → EPERM. If this helper dies, the kernel fails every later exec in the tree
 * (ENOSYS). Oversized path/argv → EPERM. Foreign syscall ABIs (i386/x32 on x86_64,
 * arm32 on arm64) are refused outright, so they cannot exec around the filter.
 * If a filter with a listener is already in place (a nested agentfw session, whose outer
 * gate already judges every exec), PROGRAM runs under that outer gate only.
 *
 * Linux only; built with plain `cc` by scripts/build-shim.mjs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "exec-gate.h"

#if defined(__x86_64__)
#define EG_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define EG_ARCH AUDIT_ARCH_AARCH64
#else
#error "agentfw-exec-gate: unsupported architecture"
#endif

#define EG_REFUSED 126
#define EG_MAX_PENDING 512 /* execs waiting for an answer at once; beyond → EPERM */
/* Longest silence from the broker about one waiting exec before it is refused (as the shim
 * client does); the broker says WAIT every second while a human decides. */
#define EG_ANSWER_IDLE_MS 3000

static pid_t g_child;

static void die(const char *why) {
  fprintf(stderr, "agentfw-exec-gate: %s (fail closed: the agent was not started)\n", why);
  _exit(EG_REFUSED);
}

static void usage(void) {
  fputs("usage: agentfw-exec-gate --sock PATH [--supervisor-pid N] [--shim-dir DIR] [--client PATH]\n"
        "                         [--wait-ms N] [--raw-tty] [--pass 1|2|3] [--audit LOG --audit-key FILE]\n"
        "                         -- PROGRAM [ARGS...]\n",
        stderr);
  _exit(2);
}

/* PROGRAM's absolute path, looked up on PATH now, before the filter: the child then execs
 * exactly one file, so exactly one exec (the first from its pid) is passed unasked. */
static char *resolve(const char *prog) {
  if (strchr(prog, '/')) return strdup(prog);
  const char *path = getenv("PATH");
  if (!path) return NULL;
  char *copy = strdup(path), *save = NULL;
  for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
    char buf[EG_MAX_PATH];
    struct stat st;
    if (snprintf(buf, sizeof buf, "%s/%s", *d ? d : ".", prog) >= (int)sizeof buf) continue;
    if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) && access(buf, X_OK) == 0) {
      free(copy);
      return strdup(buf);
    }
  }
  free(copy);
  return NULL;
}

/* The filter: execve/execveat → user notification; TIOCSTI (typing into a terminal's input,
 * e.g. the human's, where approvals are typed) → EPERM; foreign ABIs → EPERM; the rest allowed. */
static int install_filter(void) {
  struct sock_filter f[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, EG_ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1), /* x32 ABI */
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
#endif
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 6, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execveat, 5, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 3),
      /* ioctl request: the low 32 bits of args[1] (little-endian on both architectures) */
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1])),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
  };
  struct sock_fprog prog = {(unsigned short)(sizeof f / sizeof f[0]), f};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
  return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/* Sends one status byte and, when fd >= 0, the fd itself. */
static int send_fd(int sock, char status, int fd) {
  struct iovec io = {&status, 1};
  char ctl[CMSG_SPACE(sizeof(int))];
  memset(ctl, 0, sizeof ctl);
  struct msghdr m = {0};
  m.msg_iov = &io;
  m.msg_iovlen = 1;
  if (fd >= 0) {
    m.msg_control = ctl;
    m.msg_controllen = sizeof ctl;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
  }
  return sendmsg(sock, &m, 0) == 1 ? 0 : -1;
}

/* Receives the status byte and the fd (-1 when none came). Returns the status, or 0 on error. */
static char recv_fd(int sock, int *fd) {
  char status = 0;
  struct iovec io = {&status, 1};
  char ctl[CMSG_SPACE(sizeof(int))];
  struct msghdr m = {0};
  m.msg_iov = &io;
  m.msg_iovlen = 1;
  m.msg_control = ctl;
  m.msg_controllen = sizeof ctl;
  *fd = -1;
  if (recvmsg(sock, &m, MSG_CMSG_CLOEXEC) != 1) return 0;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) memcpy(fd, CMSG_DATA(c), sizeof(int));
  return status;
}

static void child(int sock, int raw_tty, char *file, char **argv) {
  if (raw_tty && isatty(0)) {
    /* No echo and no CR/LF translation: the agent's output bytes reach agentfw unchanged. */
    struct termios t;
    if (tcgetattr(0, &t) == 0) {
      t.c_lflag &= ~(tcflag_t)ECHO;
      t.c_oflag &= ~(tcflag_t)ONLCR;
      tcsetattr(0, TCSANOW, &t);
    }
  }
  int fd = install_filter();
  if (fd < 0 && errno == EBUSY) {
    /* An outer gate's filter already has the listener; it judges every exec here too. */
    if (send_fd(sock, 'N', -1) != 0) _exit(EG_REFUSED);
  } else if (fd < 0) {
    send_fd(sock, 'E', -1);
    die("seccomp user notification is not available on this kernel");
  } else if (send_fd(sock, 'L', fd) != 0) {
    _exit(EG_REFUSED);
  }
  if (fd >= 0) close(fd);
  char ack;
  if (read(sock, &ack, 1) != 1) _exit(EG_REFUSED); /* the parent holds the listener now */
  close(sock);
  execv(file, argv);
  fprintf(stderr, "agentfw-exec-gate: cannot run %s: %s\n", file, strerror(errno));
  _exit(errno == ENOENT ? 127 : 126);
}

/* Signals sent to the helper by a process (agentfw forwarding SIGTERM…) go on to the agent;
 * those the terminal generates (Ctrl-C) already reached the agent's process group. */
static void forward(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  if (si->si_code <= 0 && g_child > 0) kill(g_child, sig);
}

static int status_of(int st) { return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0); }

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* One exec waiting for the supervisor's answer. */
typedef struct {
  unsigned seq;
  unsigned long long id; /* the notification */
  pid_t pid;
  long long idle;     /* refuse when nothing came for it by then (a stopped or hung supervisor) */
  long long deadline; /* refuse when not answered by then (approval timeout + margin) */
  eg_buf in;          /* its answer lines so far, without the seq prefix */
  eg_keep_key key;    /* its key, should the answer say KEEP */
} pending;

static pending g_pend[EG_MAX_PENDING];
static int g_npend;

/* fail closed: every exec still waiting is refused and the connection dropped (the next
 * exec reconnects, and is refused if the supervisor is gone). */
static void drop_all(int listener, int *conn) {
  for (int k = 0; k < g_npend; k++) {
    eg_respond(listener, g_pend[k].id, 0);
    free(g_pend[k].in.p);
  }
  g_npend = 0;
  eg_next_clear(); /* what a lost supervisor allowed in advance is not trusted either */
  eg_keep_clear();
  if (*conn >= 0) close(*conn);
  *conn = -1;
}

/* Writes the whole request; the broker reads continuously, so only a stopped supervisor
 * blocks it, for at most the answer idle time. */
static int send_all(int fd, const eg_buf *q) {
  long long until = now_ms() + EG_ANSWER_IDLE_MS;
  for (size_t off = 0; off < q->len;) {
    ssize_t k = send(fd, q->p + off, q->len - off, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0 && errno == EAGAIN) {
      struct pollfd p = {fd, POLLOUT, 0};
      long left = (long)(until - now_ms());
      if (left <= 0 || poll(&p, 1, (int)left) <= 0) return -1;
      continue;
    }
    if (k <= 0) return -1;
    off += (size_t)k;
  }
  return 0;
}

/* An ALLOW that says KEEP: the record template is kept for this exec's key (exec-gate-keep.c). */
static void keep_answer(const pending *e) {
  const char *r = e->in.p;
  while (!strncmp(r, "WAIT\n", 5)) r += 5;
  if (!e->key.ok || strncmp(r, "ALLOW\n", 6)) return;
  const char *k = strstr(r, "\nKEEP ");
  if (!k) return;
  const char *t = k + 6, *end = strchr(t, '\n');
  if (end) eg_keep_add(e->key.digest, t, (size_t)(end - t));
}

/* Handles the complete lines in `rx` (`<seq> <line>`); returns -1 on a protocol error. */
static int take_lines(int listener, eg_buf *rx) {
  size_t start = 0;
  for (char *nl; (nl = memchr(rx->p + start, '\n', rx->len - start));) {
    char *line = rx->p + start, *sp = memchr(line, ' ', (size_t)(nl - line));
    start = (size_t)(nl - rx->p) + 1;
    /* The lease and the flush of kept allows (exec-gate-keep.c); fail closed: a malformed one ends the connection. */
    int kl = eg_keep_line(line, (size_t)(nl - line));
    if (kl < 0) return -1;
    if (kl) continue;
    if (!sp) return -1;
    if (sp - line == 4 && !memcmp(line, "NEXT", 4)) {
      /* An exec allowed in advance (exec-gate-next.c); fail closed: a malformed one ends the connection. */
      if (eg_next_add(line, (size_t)(nl - line)) != 0) return -1;
      continue;
    }
    unsigned seq = (unsigned)strtoul(line, NULL, 10);
    int k = 0;
    while (k < g_npend && g_pend[k].seq != seq) k++;
    if (k == g_npend) return -1; /* fail closed: an answer to nothing asked */
    pending *e = &g_pend[k];
    eg_put(&e->in, sp + 1, (size_t)(nl - sp));
    if (e->in.len > EG_MAX_REPLY) return -1;
    e->idle = now_ms() + EG_ANSWER_IDLE_MS;
    if ((size_t)(nl - sp - 1) == 3 && !memcmp(sp + 1, "END", 3)) {
      keep_answer(e);
      eg_finish(listener, e->id, e->pid, e->in.p);
      free(e->in.p);
      g_pend[k] = g_pend[--g_npend];
    }
  }
  memmove(rx->p, rx->p + start, rx->len - start);
  rx->len -= start;
  if (rx->p) rx->p[rx->len] = 0;
  return rx->len > EG_MAX_REPLY ? -1 : 0;
}

static void on_child(int sig) { (void)sig; /* only interrupts poll, so the agent's exit is seen at once */ }

/* Reads what the broker has sent so far without waiting (the NEXT records it wrote before
 * answering the client whose exec this may be). Returns -1 when the connection broke. */
static int drain(int listener, int conn, eg_buf *rx) {
  for (int i = 0; i < 64; i++) {
    char tmp[65536];
    ssize_t k = recv(conn, tmp, sizeof tmp, MSG_DONTWAIT);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0 && errno == EAGAIN) return 0;
    if (k <= 0) return -1;
    eg_put(rx, tmp, (size_t)k);
    if (take_lines(listener, rx) != 0) return -1;
  }
  return 0;
}

/* Serves notifications until the agent exits; returns its exit status. Each exec is read
 * and sent here, without a process or a connection of its own; answers come back on the
 * one persistent connection in any order. */
static int serve(int listener, const eg_config *cfg, int pass) {
  int passed = 0, conn = -1;
  unsigned seq = 0;
  eg_buf q = {0}, rx = {0};
  for (;;) {
    /* The connection is watched only while an exec waits for its answer: what the broker
     * sends otherwise (NEXT records) is read at the next notification (drain), so a record
     * costs this process no wake-up of its own. */
    struct pollfd p[2] = {{listener, POLLIN, 0}, {g_npend ? conn : -1, POLLIN, 0}};
    long long now = now_ms(), next = now + 200;
    for (int k = 0; k < g_npend; k++) {
      if (g_pend[k].idle < next) next = g_pend[k].idle;
      if (g_pend[k].deadline < next) next = g_pend[k].deadline;
    }
    int pr = poll(p, 2, next > now ? (int)(next - now) : 0);
    if (pr > 0 && listener >= 0 && (p[0].revents & POLLIN)) {
      struct seccomp_notif req;
      memset(&req, 0, sizeof req);
      if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) == 0) {
        if (passed < pass && (passed > 0 || (pid_t)req.pid == g_child)) {
          passed++;
          eg_respond(listener, req.id, 1); /* PROGRAM itself (and what bwrap starts), chosen by agentfw */
        } else if (g_npend >= EG_MAX_PENDING) {
          eg_respond(listener, req.id, 0); /* fail closed: too many execs waiting */
        } else {
          /* The broker writes a NEXT record before it answers the client, so whatever it
           * pushed for this exec is already readable here. */
          if (conn >= 0 && drain(listener, conn, &rx) != 0) {
            drop_all(listener, &conn); /* fail closed: the supervisor hung up or spoke garbage */
            rx.len = 0;
          }
          eg_next rec;
          int have = 0;
          if (eg_next_pending()) {
            pid_t pp = (pid_t)eg_ppid_of((pid_t)req.pid);
            have = eg_next_take((pid_t)req.pid, pp, &rec);
          }
          eg_keep_key kk = {0};
          if (eg_prepare(listener, &req, cfg, ++seq, &q, have ? &rec : NULL, &kk)) {
            if (conn < 0) conn = eg_connect(cfg);
            if (conn < 0 || send_all(conn, &q) != 0) {
              eg_respond(listener, req.id, 0); /* fail closed: the supervisor is unreachable */
              drop_all(listener, &conn);
            } else {
              long long t = now_ms();
              pending *e = &g_pend[g_npend++];
              memset(e, 0, sizeof *e);
              e->seq = seq, e->id = req.id, e->pid = (pid_t)req.pid;
              e->idle = t + EG_ANSWER_IDLE_MS, e->deadline = t + cfg->wait_ms;
              e->key = kk;
            }
          }
        }
      }
    } else if (pr > 0 && listener >= 0 && (p[0].revents & (POLLHUP | POLLERR))) {
      listener = -1; /* no filtered process is left */
    }
    if (pr > 0 && conn >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      char tmp[65536];
      ssize_t k = recv(conn, tmp, sizeof tmp, MSG_DONTWAIT);
      if (k > 0) eg_put(&rx, tmp, (size_t)k);
      if ((k == 0 || (k < 0 && errno != EAGAIN && errno != EINTR)) || (k > 0 && take_lines(listener, &rx) != 0)) {
        drop_all(listener, &conn); /* fail closed: the supervisor hung up or spoke garbage */
        rx.len = 0;
      }
    }
    now = now_ms();
    for (int k = 0; k < g_npend; k++)
      if (g_pend[k].idle <= now || g_pend[k].deadline <= now) {
        drop_all(listener, &conn); /* fail closed: no answer in time */
        rx.len = 0;
        break;
      }
    if (!g_npend && conn >= 0 && listener < 0) drop_all(listener, &conn);
    pid_t w;
    int s;
    while ((w = waitpid(-1, &s, WNOHANG)) > 0)
      if (w == g_child) return status_of(s);
  }
}

int main(int argc, char **argv) {
  eg_config cfg = {0};
  cfg.wait_ms = 330000;
  cfg.shim_dir = "";
  cfg.client = "";
  int raw_tty = 0, pass = 1, i = 1;
  const char *audit = NULL, *audit_key = NULL;
  for (; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--")) break;
    if (!strcmp(a, "--raw-tty")) raw_tty = 1;
    else if (!v) usage();
    else if (!strcmp(a, "--sock")) cfg.sock = v, i++;
    else if (!strcmp(a, "--supervisor-pid")) cfg.supervisor = (pid_t)atol(v), i++;
    else if (!strcmp(a, "--shim-dir")) cfg.shim_dir = v, i++;
    else if (!strcmp(a, "--client")) cfg.client = v, i++;
    else if (!strcmp(a, "--pass")) pass = atoi(v) >= 1 && atoi(v) <= 3 ? atoi(v) : 1, i++;
    else if (!strcmp(a, "--wait-ms")) cfg.wait_ms = atol(v) > 0 ? atol(v) : cfg.wait_ms, i++;
    else if (!strcmp(a, "--audit")) audit = v, i++;
    else if (!strcmp(a, "--audit-key")) audit_key = v, i++;
    else usage();
  }
  if (i >= argc - 1 || !cfg.sock) usage();
  struct stat cs;
  if (*cfg.client && stat(cfg.client, &cs) == 0) cfg.shim_dev = cs.st_dev, cfg.shim_ino = cs.st_ino;
  else cfg.shim_dir = ""; /* without a known client no shim is recognised (everything is asked) */

  /* Kept allows need the log and the key; without them every exec is asked. */
  if (audit && audit_key) eg_keep_init(audit, audit_key);
  char *file = resolve(argv[i + 1]);
  if (!file) {
    fprintf(stderr, "agentfw-exec-gate: %s: command not found\n", argv[i + 1]);
    return 127;
  }
  int sp[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) != 0) die("cannot create a socketpair");
  g_child = fork();
  if (g_child < 0) die("cannot fork");
  if (g_child == 0) {
    close(sp[0]);
    child(sp[1], raw_tty, file, argv + i + 1);
  }
  close(sp[1]);
  /* Nobody of the agent's uid may ptrace this process or read its memory. */
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  signal(SIGPIPE, SIG_IGN);
  signal(SIGINT, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = forward;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  struct sigaction sc;
  memset(&sc, 0, sizeof sc);
  sc.sa_handler = on_child; /* no SA_RESTART: the agent's exit interrupts poll */
  sigaction(SIGCHLD, &sc, NULL);

  int listener = -1;
  char status = recv_fd(sp[0], &listener);
  if (status == 'L' && listener < 0) status = 0;
  if (status != 'L' && status != 'N') {
    kill(g_child, SIGKILL);
    waitpid(g_child, NULL, 0);
    die("the exec gate could not be installed");
  }
  if (write(sp[0], "k", 1) != 1) die("lost the launched process");
  close(sp[0]);
  return serve(listener, &cfg, pass);
}
