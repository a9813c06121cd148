/*
 * agentfw-relay.c: the MASK mode of the gate client (included by agentfw-shim.c, one
 * translation unit, so the build stays a single `cc` call).
 *
 * When the broker's ALLOW carries MASK, the program is not exec'd in place: it runs as a
 * child whose stdout/stderr go to pipes (or, where our own fd is a terminal, to a pty of
 * the same size, so isatty() still holds), and everything it writes travels through the
 * session's relay socket ($AGENTFW_RELAY_SOCK, see src/supervisor/relay.ts), comes back
 * masked and is written to our own fd 1/2. stdin stays connected to the child as is.
 *
 * Streams that nobody reads through us are left alone: a regular file, /dev/null or a
 * closed fd is handed to the child unchanged (`cmd > out.txt` copies bytes exactly).
 *
 * Out of the data path: where our fd 1/2 is a pipe or socket, the hello (RELAY 2) names
 * the read end of the program's pipe, and the relay may open it itself (/proc/PID/fd/N)
 * and, where our fd is a pipe too, write the masked bytes there itself. We then close our
 * copy of that read end (if the relay dies, the program gets SIGPIPE: fail closed) and
 * only wait for the relay to say the stream is drained (a zero-length frame). Streams the
 * relay does not take, and terminals, are read and framed here as before.
 *
 * When: where a terminal is relayed, the relay is reached before the child starts (the
 * hello even goes out while the broker decides). Where only pipes and sockets are, the
 * child starts at once and the relay is reached when output first waits in its pipes
 * (lazy_relay): a command that prints nothing never reaches it.
 *
 * Fail closed: if the relay socket is not there, or on a terminal the relay cannot be
 * reached (or does not say OK), nothing runs (exit 126). If it cannot be reached when
 * output first waits, or breaks later, no further output is shown (one notice on stderr);
 * the child is still drained and reaped (a stream without a reader left: the child gets
 * SIGPIPE on it).
 *
 * Exit: once the child is gone and its output has come back, we exit with its status.
 * If some other process (a background job of a script) still holds its output open
 * HANDOFF_MS later, a forked helper keeps relaying until that closes too, as the agent's
 * pipe would have stayed open without us; the agent sees our pid exit when the program's
 * would have. Output that is only still on its way (a busy supervisor: readable, or frames
 * not yet back) is waited for while it moves, up to DRAIN_MAX_MS: a helper could be killed
 * with everything else when the program was the sandboxed agent itself, and the agent
 * would see the exit before the output. Streams the relay writes itself need no helper:
 * the relay goes on with them after we exit.
 *
 * Signals: the child stays in our process group, so terminal signals (Ctrl-C, Ctrl-Z,
 * hangup) reach it directly and are ignored here; signals sent to our pid by another
 * process (kill PID, timeouts) are passed on. The child's exit status is ours; a child
 * killed by a signal makes us die of the same signal.
 */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <termios.h>

#define RELAY_CHUNK (256 * 1024)
#define RELAY_QUEUE_MAX (1024 * 1024)
#define RELAY_FRAME_MAX (16 * 1024 * 1024)
#define HANDOFF_MS 100
/* After the program's exit, output still moving is waited for this long at most, and for
 * DRAIN_IDLE_MS without any progress (then: as for a background job). */
#define DRAIN_MAX_MS 5000
#define DRAIN_IDLE_MS 1000
/* Linux's F_SETPIPE_SZ and F_GETPIPE_SZ (fcntl.h declares them only under _GNU_SOURCE). */
#define RELAY_SETPIPE_SZ 1031
#define RELAY_GETPIPE_SZ 1032

enum { OUT_NONE, OUT_PIPE, OUT_TTY };

typedef struct {
  int src;    /* our read end (pipe read end or pty master); -1 when ended or taken */
  int dst;    /* our fd (1 or 2) the masked bytes go to; also the frame's stream id */
  int pty;    /* src is a pty master */
  int dead;   /* dst refused writes (EPIPE): drop what comes back */
  int used;   /* this stream is relayed at all */
  int taken;  /* the relay reads the program's pipe itself (RELAY 2) */
  int direct; /* the relay also writes the masked bytes to our fd itself */
  int done;   /* the relay said the stream is drained (zero-length frame; RELAY 2 only) */
  int back;   /* src is our return pipe, which the relay writes the masked bytes to: copied to dst */
} rstream_t;

/* Whether some stream of the program is still open but quiet (neither data nor its end to
 * read): another process (a background job) holds it, so it may stay open for long. */
static int held_elsewhere(const rstream_t *st) {
  for (int k = 0; k < 2; k++) {
    if (st[k].src < 0) continue;
    struct pollfd p = {st[k].src, POLLIN, 0};
    if (poll(&p, 1, 0) == 0) return 1;
  }
  return 0;
}

static volatile sig_atomic_t g_child = 0;
static int g_sigpipe[2] = {-1, -1};
/* A relay connection opened while the broker decided, hello already sent; -1 = none.
 * Close-on-exec: when the answer has no MASK, exec drops it (the relay sees it end). */
static int g_relay_fd = -1;
static int g_relay_mask = -1; /* the ttymask that hello announced */
/* The program's output pipes, made before the hello names their read ends: [i][0] read,
 * [i][1] write end for our fd i; -1 = none. Close-on-exec until the child dup2s them. */
static int g_rpipe[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
/* Return pipes, for our fd i when it is a socket (which the relay cannot open through
 * /proc): [i][0] our read end, [i][1] the write end the hello names; -1 = none. The relay
 * writes the masked bytes there and we copy them to our fd, instead of frames on the
 * relay's socket. Close-on-exec. */
static int g_bpipe[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};

/* A pipe for the relay, both ends close-on-exec, the read end non-blocking and grown to
 * RELAY_CHUNK * 4 (the relay moves data in pieces of RELAY_CHUNK); -1 on failure. */
static int relay_pipe(int p[2]) {
  if (pipe(p) != 0) return -1;
  fcntl(p[0], F_SETFD, FD_CLOEXEC);
  fcntl(p[1], F_SETFD, FD_CLOEXEC);
#ifdef __linux__
  fcntl(p[0], RELAY_SETPIPE_SZ, RELAY_CHUNK * 4);
#endif
  return 0;
}

static void close_pair(int p[2]) {
  for (int k = 0; k < 2; k++)
    if (p[k] >= 0) {
      close(p[k]);
      p[k] = -1;
    }
}

static int out_kind(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return OUT_NONE;
  if (S_ISCHR(st.st_mode) && isatty(fd)) return OUT_TTY;
  if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) return OUT_PIPE;
  return OUT_NONE;
}

/* Writes all of p to fd, waiting when fd is non-blocking. -1 on a broken destination. */
static int out_write(int fd, const char *p, size_t n) {
  for (size_t off = 0; off < n;) {
    ssize_t k = write(fd, p + off, n - off);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0 && errno == EAGAIN) {
      struct pollfd w = {fd, POLLOUT, 0};
      poll(&w, 1, -1);
      continue;
    }
    if (k <= 0) return -1;
    off += (size_t)k;
  }
  return 0;
}

/* A pty whose slave looks like `like` (termios, window size) but does no output
 * processing of its own: bytes pass unchanged, and our terminal translates them once. */
static int open_pty(int like, int *slave) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0) return -1;
  char *sn;
  if (grantpt(m) != 0 || unlockpt(m) != 0 || !(sn = ptsname(m)) || (*slave = open(sn, O_RDWR | O_NOCTTY)) < 0) {
    close(m);
    return -1;
  }
  struct termios t;
  if (tcgetattr(like, &t) == 0) {
    t.c_oflag &= ~(tcflag_t)OPOST;
    tcsetattr(*slave, TCSANOW, &t);
  }
  struct winsize ws;
  if (ioctl(like, TIOCGWINSZ, &ws) == 0) ioctl(m, TIOCSWINSZ, &ws);
  fcntl(m, F_SETFD, FD_CLOEXEC);
  return m;
}

static void on_note(int sig) {
  int e = errno;
  char c = (char)sig;
  if (write(g_sigpipe[1], &c, 1) < 0) { /* the loop wakes up anyway on the next event */
  }
  errno = e;
}

/* Passes on a signal another process sent to us; terminal-generated ones already reached
 * the child (same process group). */
static void on_forward(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  int e = errno;
  int by_process = si && (si->si_code == SI_USER || si->si_code == SI_QUEUE
#ifdef SI_TKILL
                          || si->si_code == SI_TKILL
#endif
                         );
  if (by_process && g_child > 0) kill(g_child, sig);
  errno = e;
}

static const int FORWARDED[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2};
#define NFORWARDED (int)(sizeof FORWARDED / sizeof FORWARDED[0])

static void exit_like(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    signal(sig, SIG_DFL);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    kill(getpid(), sig);
    _exit(128 + sig);
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : REFUSED);
}

/* Which of our fds are relayed, and the hello's ttymask (2 = stdout is a terminal, 4 =
 * stderr is a different terminal; the same terminal on both shares one pty). */
static void relay_plan(int kind[3], int *shared, int *ttymask) {
  kind[0] = OUT_NONE;
  kind[1] = out_kind(1);
  kind[2] = out_kind(2);
  struct stat s1, s2;
  *shared = kind[1] == OUT_TTY && kind[2] == OUT_TTY && fstat(1, &s1) == 0 && fstat(2, &s2) == 0 &&
            s1.st_rdev == s2.st_rdev;
  *ttymask = (kind[1] == OUT_TTY ? 2 : 0) | (kind[2] == OUT_TTY && !*shared ? 4 : 0);
}

/* Makes the program's pipe for each stream going to a pipe or socket (once), and the
 * hello naming their read ends; -1 when a pipe cannot be made. */
static int relay_hello(char *hello, size_t cap, const int kind[3], int ttymask) {
  char fdn[2][16], bfdn[2][16];
  int backs = 0;
  for (int i = 1; i <= 2; i++) {
    strcpy(fdn[i - 1], "-");
    strcpy(bfdn[i - 1], "-");
    if (kind[i] != OUT_PIPE) continue;
    if (g_rpipe[i][0] < 0 && relay_pipe(g_rpipe[i]) != 0) return -1;
    snprintf(fdn[i - 1], sizeof fdn[0], "%d", g_rpipe[i][0]);
    struct stat st;
    if (fstat(i, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    /* Without a return pipe the masked bytes come back in frames (as before). */
    if (g_bpipe[i][0] < 0 && relay_pipe(g_bpipe[i]) != 0) continue;
    fcntl(g_bpipe[i][0], F_SETFL, fcntl(g_bpipe[i][0], F_GETFL) | O_NONBLOCK);
    snprintf(bfdn[i - 1], sizeof bfdn[0], "%d", g_bpipe[i][1]);
    backs++;
  }
  if (!backs) return snprintf(hello, cap, "RELAY 2 %d %ld %s %s\n", ttymask, (long)getpid(), fdn[0], fdn[1]);
  return snprintf(hello, cap, "RELAY 2 %d %ld %s %s %s %s\n", ttymask, (long)getpid(), fdn[0], fdn[1], bfdn[0],
                  bfdn[1]);
}

/* Best effort, no waiting: connect and send the hello now; relay_open finishes the job. */
static void relay_preconnect(void) {
  const char *path = getenv("AGENTFW_RELAY_SOCK");
  int kind[3], shared, ttymask;
  if (!path || !*path || g_relay_fd >= 0) return;
  relay_plan(kind, &shared, &ttymask);
  if (kind[1] == OUT_NONE && kind[2] == OUT_NONE) return;
  if (ttymask == 0) return; /* pipes only: the relay is reached late, if at all (lazy_relay) */
  char hello[80];
  int n = relay_hello(hello, sizeof hello, kind, ttymask);
  if (n < 0) return; /* relay_open tries again and refuses if it still fails */
  const char *err = NULL;
  int fd = connect_unix(path, &err);
  if (fd < 0) return;
  if (write(fd, hello, (size_t)n) != n) {
    close(fd);
    return;
  }
  g_relay_fd = fd;
  g_relay_mask = ttymask;
}

/* Connects to the relay (or takes the early connection) and waits for its OK. *taken: the
 * answer's bitmask (0 for `OK` alone); *acks: the relay answers each stream's end (it spoke
 * RELAY 2). Returns the connection, or -1 with *why saying what failed (the caller refuses,
 * or withholds the output when the program already runs). */
#define RELAY_FAIL(text)                                                                                             \
  do {                                                                                                               \
    if (fd >= 0) close(fd);                                                                                          \
    *why = text;                                                                                                     \
    return -1;                                                                                                       \
  } while (0)
static int relay_open(const int kind[3], int ttymask, int *taken, int *acks, const char **why) {
  const char *path = getenv("AGENTFW_RELAY_SOCK");
  int fd = -1;
  // fail closed: told to mask output, but no relay to mask it with
  if (!path || !*path) RELAY_FAIL("AGENTFW_RELAY_SOCK is not set, so this command's output cannot be masked (fail closed)");
  char hello[80];
  int n;
  if (g_relay_fd >= 0 && g_relay_mask == ttymask) {
    fd = g_relay_fd;
    n = 0; /* hello already sent, naming the pipes made then */
  } else {
    if (g_relay_fd >= 0) {
      /* fail closed: the early hello named pipes that relay may have opened; they are not
       * offered again (two readers of one pipe would each mask only part of a value) */
      close(g_relay_fd);
      for (int i = 1; i <= 2; i++) {
        close_pair(g_rpipe[i]);
        close_pair(g_bpipe[i]);
      }
    }
    n = relay_hello(hello, sizeof hello, kind, ttymask);
    if (n < 0) RELAY_FAIL("cannot create a pipe for the masked output (fail closed)");
    const char *err = NULL;
    fd = connect_unix(path, &err);
    if (fd < 0) RELAY_FAIL("the agentfw output relay is unreachable, so this command's output cannot be masked (fail closed)");
  }
  g_relay_fd = -1;
  long long deadline = now_ms() + CONNECT_MS;
  char ok[16];
  size_t got = 0, off = 0;
  /* Up to the newline and no further: frames may follow the answer. What has arrived is
   * peeked at, then exactly the line's bytes are taken (one read, not one per byte). */
  while (got == 0 || ok[got - 1] != '\n') {
    if (got == sizeof ok - 1) RELAY_FAIL("the agentfw output relay's answer was not understood (fail closed)");
    long left = (long)(deadline - now_ms());
    struct pollfd p = {fd, off < (size_t)n ? POLLOUT : POLLIN, 0};
    int pr = left > 0 ? poll(&p, 1, (int)left) : 0;
    if (pr < 0 && errno == EINTR) continue; /* the program may already run (lazy_relay): its SIGCHLD */
    if (pr <= 0)
      RELAY_FAIL("the agentfw output relay did not answer within 2 s, so this command's output cannot be masked (fail closed)");
    ssize_t k;
    if (off < (size_t)n) {
      k = write(fd, hello + off, (size_t)n - off);
    } else {
      k = recv(fd, ok + got, sizeof ok - 1 - got, MSG_PEEK);
      if (k > 0) {
        char *nl = memchr(ok + got, '\n', (size_t)k);
        k = read(fd, ok + got, nl ? (size_t)(nl - (ok + got)) + 1 : (size_t)k);
      }
    }
    if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (k <= 0) RELAY_FAIL("the agentfw output relay closed the connection (fail closed)");
    if (off < (size_t)n) off += (size_t)k;
    else got += (size_t)k;
  }
  ok[got] = 0;
  *taken = 0;
  *acks = 0;
  if (strcmp(ok, "OK\n") != 0) {
    char *end = NULL;
    long t = strncmp(ok, "OK ", 3) == 0 ? strtol(ok + 3, &end, 10) : -1;
    if (t < 0 || t > 126 || !end || *end != '\n' || end == ok + 3)
      RELAY_FAIL("the agentfw output relay's answer was not understood (fail closed)");
    *taken = (int)t;
    *acks = 1;
  }
  /* fail closed: a stream the relay says it reads must be one we offered, and one it
   * writes to our return pipe one we offered a return pipe for (and one it reads) */
  for (int i = 1; i <= 2; i++)
    if (((*taken >> i & 1) && g_rpipe[i][0] < 0) ||
        ((*taken >> (i + 4) & 1) && (g_bpipe[i][0] < 0 || !(*taken >> i & 1) || (*taken >> (i + 2) & 1))))
      RELAY_FAIL("the agentfw output relay's answer was not understood (fail closed)");
  return fd;
}
#undef RELAY_FAIL

static void queue_frame(buf_t *q, int id, const char *p, size_t n) {
  unsigned char h[5] = {(unsigned char)id, (unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
                        (unsigned char)n};
  buf_put(q, (const char *)h, 5);
  if (n) buf_put(q, p, n);
}

/*
 * The vfork child: resets the signals we handle, moves the pipes onto fds 1 and 2 and execs
 * `real` with `envp`. It shares the parent's memory until the exec, so it makes system
 * calls only (no stdio, no malloc) and writes nothing but `pid_at` (the digits of its pid,
 * for AGENTFW_GATED_PID; NULL = not wanted). Never returns.
 */
static __attribute__((noinline, noreturn)) void child_exec(const int childfd[3], const char *real, char **argv,
                                                          char **envp, char *pid_at) {
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigaction(SIGCHLD, &dfl, NULL);
  sigaction(SIGWINCH, &dfl, NULL);
  sigaction(SIGPIPE, &dfl, NULL); /* ours is ignored; the program gets the usual default */
  for (int k = 0; k < NFORWARDED; k++) sigaction(FORWARDED[k], &dfl, NULL);
  for (int i = 1; i <= 2; i++)
    if (childfd[i] >= 0 && dup2(childfd[i], i) < 0) _exit(REFUSED);
  for (int i = 1; i <= 2; i++)
    if (childfd[i] > 2) close(childfd[i]);
  if (pid_at) {
    char d[24];
    int n = 0;
    for (unsigned long v = (unsigned long)getpid(); v || !n; v /= 10) d[n++] = (char)('0' + v % 10);
    while (n) *pid_at++ = d[--n];
    *pid_at = 0;
  }
  execve(real, argv, envp);
  int e = errno;
  const char *why = strerror(e);
  const char *parts[] = {"agentfw: cannot run ", real, ": ", why, "\n"};
  for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
    if (write(2, parts[k], strlen(parts[k])) < 0) break;
  _exit(e == ENOENT ? 127 : 126);
}

/* vfork: no copy of our page tables (≈ 70 µs less per relayed command than fork here). In
 * a function of its own, so no variable of the caller lives across the call that returns
 * twice. Returns the child's pid, or -1. */
static __attribute__((noinline)) pid_t spawn_child(const int childfd[3], const char *real, char **argv, char **envp,
                                                   char *pid_at) {
  pid_t pid = vfork();
  if (pid == 0) child_exec(childfd, real, argv, envp, pid_at);
  return pid;
}

/* Takes the signals our handlers noted on the self-pipe: a window size change goes to the
 * ptys we made and to the program while it runs (`reaped` = it no longer does). A SIGCHLD
 * needs nothing here: the caller reaps. */
static void take_signals(const rstream_t st[2], pid_t pid, int reaped) {
  char sigs[64];
  ssize_t k = read(g_sigpipe[0], sigs, sizeof sigs);
  for (ssize_t j = 0; j < k; j++) {
    if (sigs[j] != SIGWINCH) continue;
    for (int m = 0; m < 2; m++) {
      struct winsize ws;
      if (st[m].src >= 0 && st[m].pty && ioctl(st[m].dst, TIOCGWINSZ, &ws) == 0) ioctl(st[m].src, TIOCSWINSZ, &ws);
    }
    if (!reaped) kill(pid, SIGWINCH);
  }
}

/* What the relay's OK says about each stream (see relay_open): the streams it reads itself
 * lose our read end, and those it writes to our return pipe read that pipe instead. */
static void apply_taken(rstream_t st[2], int taken) {
  for (int i = 1; i <= 2; i++) {
    rstream_t *r = &st[i - 1];
    if (!r->used || r->pty || !(taken >> i & 1)) continue;
    /* The relay holds its own read end: ours goes, so the program's output has no
     * reader but the relay (fail closed: the relay gone = SIGPIPE, never unmasked). */
    r->taken = 1;
    r->direct = taken >> (i + 2) & 1;
    close(r->src);
    r->src = -1;
    if (taken >> (i + 4) & 1) {
      /* The relay writes the masked bytes to our return pipe: ours is its only writer
       * once our copy of the write end goes, so its end is the relay's "done". */
      r->back = 1;
      r->src = g_bpipe[i][0];
      close(g_bpipe[i][1]);
      g_bpipe[i][0] = g_bpipe[i][1] = -1;
    }
#ifdef __linux__
    /* The relay writes our pipe in pieces of its size: let it hold as much as the
     * program's (only ever grown; a pipe property, no flag of anyone's description). */
    if (r->direct && fcntl(i, RELAY_GETPIPE_SZ) < RELAY_CHUNK * 4) fcntl(i, RELAY_SETPIPE_SZ, RELAY_CHUNK * 4);
#endif
  }
  for (int i = 1; i <= 2; i++) close_pair(g_bpipe[i]); /* offered but not used */
}

/* The program's streams as they stand when the relay is reached late (see lazy_relay): one
 * that ended without a byte is not offered (`-` in the hello). */
static void lazy_kinds(const rstream_t st[2], int kind[3]) {
  for (int i = 1; i <= 2; i++)
    if (!st[i - 1].used) kind[i] = OUT_NONE;
}

/*
 * Pipes only (no terminal among our fds): the program runs at once and the relay is reached
 * only when it has something to show. Until then we watch its pipes without reading them. A
 * program that ends without writing a byte (most commands: `mkdir`, `git add`, `true`) costs
 * the relay nothing: no connection, no /proc opens, no end-of-stream acknowledgements.
 * Returns the relay connection once output is waiting (or once the program is gone while
 * something else still holds its output open: a background job, whose output may follow),
 * with *taken / *acks as relay_open's; exits with the program's status when every stream
 * ended quiet. *reaped / *status: the program was reaped meanwhile.
 * Fail closed: a relay that cannot be reached then withholds the output: a notice on stderr,
 * our read ends closed (the program gets SIGPIPE at its next write, nothing unmasked is
 * shown), and we exit as the program does. Whether the relay socket is there at all was
 * checked before the program started (run_relayed).
 */
static int lazy_relay(rstream_t st[2], int kind[3], pid_t pid, int *status, int *reaped, int *taken, int *acks) {
  long long reaped_at = 0;
  for (;;) {
    int open_src = 0, waiting = 0;
    struct pollfd p[3];
    int np = 0, isrc[2] = {-1, -1};
    p[np++] = (struct pollfd){g_sigpipe[0], POLLIN, 0};
    for (int k = 0; k < 2; k++)
      if (st[k].src >= 0) {
        open_src++;
        isrc[k] = np;
        p[np++] = (struct pollfd){st[k].src, POLLIN, 0};
      }
    if (!open_src && *reaped) exit_like(*status);
    int timeout = -1;
    if (*reaped) {
      long left = (long)(reaped_at + HANDOFF_MS - now_ms());
      if (left <= 0) break; /* a background job holds the output: relay it from now on */
      timeout = (int)left;
    }
    int pr = poll(p, (nfds_t)np, timeout);
    if (pr < 0 && errno == EINTR) continue;
    if (p[0].revents) {
      take_signals(st, pid, *reaped);
      if (!*reaped && waitpid(pid, status, WNOHANG) == pid) {
        *reaped = 1;
        reaped_at = now_ms();
      }
    }
    for (int k = 0; k < 2; k++) {
      if (isrc[k] < 0 || !p[isrc[k]].revents) continue;
      if (p[isrc[k]].revents & POLLIN) {
        waiting = 1; /* bytes to show (with or without the writer's end) */
        continue;
      }
      /* Ended without a byte: nothing to relay on this stream. */
      close(st[k].src);
      st[k].src = g_rpipe[k + 1][0] = -1;
      st[k].used = 0;
    }
    if (waiting) break;
  }
  lazy_kinds(st, kind);
  const char *why = NULL;
  int sock = relay_open(kind, 0, taken, acks, &why);
  if (sock >= 0) return sock;
  /* fail closed: output that cannot be masked is not shown; the program runs on without a reader */
  fprintf(stderr,
          "\nagentfw: %s; this command's output is withheld so no secret is shown unmasked. Do not retry or "
          "work around this; ask the user.\n",
          why);
  for (int k = 0; k < 2; k++)
    if (st[k].src >= 0) close(st[k].src);
  while (!*reaped) {
    pid_t w = waitpid(pid, status, 0);
    if (w == pid || (w < 0 && errno != EINTR)) *reaped = 1;
  }
  exit_like(*status);
  return -1;
}

static void run_relayed(const char *name, char **argv) {
  int kind[3], shared, ttymask;
  relay_plan(kind, &shared, &ttymask);
  if (kind[1] == OUT_NONE && kind[2] == OUT_NONE) exec_real(name, argv); /* nothing read through us */
  char *real = resolve_real(name);
  int taken = 0, acks = 0, sock = -1;
  /* Late (lazy_relay) where every relayed stream is a pipe and no early hello was sent. */
  int lazy = ttymask == 0 && g_relay_fd < 0;
  const char *why = NULL;
  if (lazy) {
    const char *path = getenv("AGENTFW_RELAY_SOCK");
    struct stat rs;
    // fail closed: told to mask output, but no relay to mask it with: nothing runs
    if (!path || !*path) refuse("AGENTFW_RELAY_SOCK is not set, so this command's output cannot be masked (fail closed)");
    if (stat(path, &rs) != 0 || !S_ISSOCK(rs.st_mode))
      refuse("the agentfw output relay is unreachable, so this command's output cannot be masked (fail closed)");
    for (int i = 1; i <= 2; i++)
      if (kind[i] == OUT_PIPE && g_rpipe[i][0] < 0 && relay_pipe(g_rpipe[i]) != 0)
        refuse("cannot create a pipe for the masked output (fail closed)");
  } else {
    sock = relay_open(kind, ttymask, &taken, &acks, &why);
    if (sock < 0) refuse(why);
  }

  rstream_t st[2] = {{-1, 1, 0, 0, 0, 0, 0, 0}, {-1, 2, 0, 0, 0, 0, 0, 0}};
  int childfd[3] = {-1, -1, -1};
  for (int i = 1; i <= 2; i++) {
    rstream_t *r = &st[i - 1];
    if (kind[i] == OUT_NONE) continue;
    if (i == 2 && shared) {
      childfd[2] = childfd[1];
      continue;
    }
    r->used = 1;
    if (kind[i] == OUT_TTY) {
      r->src = open_pty(i, &childfd[i]);
      r->pty = 1;
      if (r->src < 0) refuse("cannot open a pseudo-terminal for the masked output (fail closed)");
    } else {
      r->src = g_rpipe[i][0]; /* made by relay_open, or above */
      childfd[i] = g_rpipe[i][1];
    }
  }
  if (!lazy) apply_taken(st, taken);
  if (pipe(g_sigpipe) != 0) refuse("cannot create a pipe for the masked output (fail closed)");
  for (int k = 0; k < 2; k++) {
    fcntl(g_sigpipe[k], F_SETFD, FD_CLOEXEC);
    fcntl(g_sigpipe[k], F_SETFL, fcntl(g_sigpipe[k], F_GETFL) | O_NONBLOCK);
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_note;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &sa, NULL);
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_forward;
  sa.sa_flags = SA_RESTART | SA_SIGINFO;
  for (int k = 0; k < NFORWARDED; k++) sigaction(FORWARDED[k], &sa, NULL);

  /* Everything the child needs is made here, before vfork: the child shares our memory
   * until it execs, so it only makes system calls and fills its pid into `gated`. */
  static char gated[48] = "AGENTFW_GATED_PID=";
  char **cenv = environ;
  if (is_shell(g_name) && getenv("AGENTFW_GATED_PID")) {
    /* The shell gate checked this script: the shell's BASH_ENV check must know its new pid. */
    size_t n = 0;
    while (environ[n]) n++;
    cenv = malloc((n + 2) * sizeof *cenv);
    if (!cenv) die_oom();
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
      if (strncmp(environ[k], gated, 18) != 0) cenv[m++] = environ[k];
    cenv[m++] = gated;
    cenv[m] = NULL;
  }
  if (strchr(argv[0], '/')) argv[0] = real;

  pid_t pid = spawn_child(childfd, real, argv, cenv, cenv == environ ? NULL : gated + 18);
  if (pid < 0) refuse("cannot fork the command (fail closed)");
  if (cenv != environ) free(cenv);
  g_child = pid;
  for (int i = 1; i <= 2; i++)
    if (childfd[i] > 2 && (i == 1 || childfd[i] != childfd[1])) close(childfd[i]);


  int status = 0, reaped = 0;
  if (lazy) {
    sock = lazy_relay(st, kind, pid, &status, &reaped, &taken, &acks);
    apply_taken(st, taken);
  }
  buf_t q = {0}, in = {0};
  size_t qoff = 0;
  /* The relay's frame being received: its stream id and payload bytes still to come (0 = between frames). */
  int fid = 0;
  size_t fleft = 0;
  int broken = 0, shut = 0, relay_eof = 0, helper = 0;
  long long reaped_at = reaped ? now_ms() : 0, moved_at = reaped_at;
  char *chunk = malloc(RELAY_CHUNK);
  if (!chunk) die_oom();
  for (;;) {
    int open_src = (st[0].src >= 0) + (st[1].src >= 0);
    /* Streams the relay has not yet said are drained (RELAY 2), and of those the ones
     * whose bytes still come back through us. */
    int pending = 0, pending_here = 0;
    for (int k = 0; k < 2; k++)
      if (acks && st[k].used && !st[k].done) {
        pending++;
        pending_here += !st[k].direct;
      }
    /* RELAY 2: every stream has been said drained, flushed and written, and nothing of ours
     * is left to send: no byte can follow, so we are done without the close handshake. */
    if (acks && !open_src && !pending && !broken && qoff == q.len) break;
    if (!open_src && !pending && !broken && !shut && qoff == q.len) {
      shutdown(sock, SHUT_WR);
      shut = 1;
    }
    if (!open_src && (broken || relay_eof)) break;
    struct pollfd p[4];
    int np = 0, isrc[2] = {-1, -1}, isock = -1;
    p[np++] = (struct pollfd){g_sigpipe[0], POLLIN, 0};
    for (int k = 0; k < 2; k++)
      if (st[k].src >= 0 && (broken || q.len - qoff < RELAY_QUEUE_MAX)) {
        isrc[k] = np;
        p[np++] = (struct pollfd){st[k].src, POLLIN, 0};
      }
    if (!broken && !relay_eof) {
      isock = np;
      p[np++] = (struct pollfd){sock, (short)(POLLIN | (qoff < q.len ? POLLOUT : 0)), 0};
    }
    int timeout = -1;
    if (reaped && !helper) {
      long long now = now_ms();
      long left = (long)(reaped_at + HANDOFF_MS - now);
      /* Only streams the relay writes itself are left: it finishes them without us. */
      if (left <= 0 && !broken && !open_src && !pending_here && qoff == q.len && pending) exit_like(status);
      /* Output still on its way, not held by anyone else: wait while it moves. */
      if (left <= 0 && !broken && now - moved_at < DRAIN_IDLE_MS && now - reaped_at < DRAIN_MAX_MS &&
          !held_elsewhere(st))
        left = 50;
      else if (left <= 0) {
        /* The program is gone but something still writes to its output: let a helper
         * finish the relay and exit now with the program's status. */
        pid_t h = fork();
        if (h > 0) exit_like(status);
        helper = h == 0 ? 1 : 2; /* 2: fork failed, keep relaying here until the end */
        g_child = 0;
        continue;
      }
      timeout = (int)left;
    }
    int pr = poll(p, (nfds_t)np, timeout);
    if (pr < 0 && errno == EINTR) continue;
    if (p[0].revents) {
      take_signals(st, pid, reaped);
      if (!reaped && !helper && waitpid(pid, &status, WNOHANG) == pid) {
        reaped = 1;
        reaped_at = moved_at = now_ms();
      }
    }
    for (int k = 0; k < 2; k++) {
      if (isrc[k] < 0 || !p[isrc[k]].revents) continue;
      ssize_t n = read(st[k].src, chunk, RELAY_CHUNK);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      moved_at = now_ms();
      if (st[k].back) {
        /* Masked bytes from the relay, for our fd as they are; the pipe's end is the relay's. */
        if (n > 0 && !st[k].dead && out_write(st[k].dst, chunk, (size_t)n) == 0) continue;
        if (n > 0) { /* our reader is gone: the relay stops, the program gets SIGPIPE */
          st[k].dead = 1;
          if (!broken) queue_frame(&q, st[k].dst, NULL, 0);
        }
        close(st[k].src);
        st[k].src = -1;
        continue;
      }
      if (n <= 0) { /* EOF, or EIO from a pty whose last writer is gone */
        close(st[k].src);
        st[k].src = -1;
        if (!broken) queue_frame(&q, st[k].dst, NULL, 0);
        continue;
      }
      if (!broken && !st[k].dead) queue_frame(&q, st[k].dst, chunk, (size_t)n);
    }
    if (isock >= 0 && (p[isock].revents & POLLOUT) && qoff < q.len) {
      ssize_t k = write(sock, q.p + qoff, q.len - qoff);
      if (k > 0) {
        qoff += (size_t)k;
        moved_at = now_ms();
      } else if (k < 0 && errno != EAGAIN && errno != EINTR)
        broken = 1;
      if (qoff == q.len) qoff = q.len = 0;
    }
    if (isock >= 0 && (p[isock].revents & (POLLIN | POLLHUP | POLLERR)) && !broken) {
      ssize_t k = read(sock, chunk, RELAY_CHUNK);
      if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      moved_at = now_ms();
      if (k == 0 && shut) relay_eof = 1;
      else if (k <= 0) broken = 1;
      else {
        buf_put(&in, chunk, (size_t)k);
        size_t at = 0;
        while (at < in.len) {
          if (fleft == 0) {
            if (in.len - at < 5) break;
            const unsigned char *h = (const unsigned char *)in.p + at;
            size_t len = ((size_t)h[1] << 24) | ((size_t)h[2] << 16) | ((size_t)h[3] << 8) | h[4];
            if ((h[0] != 1 && h[0] != 2) || len > RELAY_FRAME_MAX) {
              broken = 1;
              break;
            }
            at += 5;
            if (len == 0) {
              if (acks) st[h[0] - 1].done = 1; /* drained, flushed and written */
            } else {
              fid = h[0];
              fleft = len;
            }
            continue;
          }
          /* A frame's payload is written as it arrives (the relay sends only masked bytes),
           * so the destination is fed while the rest of the frame is still on its way. */
          rstream_t *r = &st[fid - 1];
          size_t len = fleft < in.len - at ? fleft : in.len - at;
          const char *data = in.p + at;
          at += len;
          fleft -= len;
          if (!r->dead && out_write(r->dst, data, len) != 0) {
            /* Our reader is gone (`cmd | head -1`): close the child's side so it gets SIGPIPE. */
            r->dead = 1;
            if (r->src >= 0 && !r->pty) {
              close(r->src);
              r->src = -1;
              queue_frame(&q, r->dst, NULL, 0);
            } else if (r->taken) {
              queue_frame(&q, r->dst, NULL, 0); /* the relay closes its read end instead */
            }
          }
        }
        memmove(in.p, in.p + at, in.len - at);
        in.len -= at;
      }
    }
    if (broken == 1) {
      broken = 2;
      qoff = q.len = 0;
      const char *msg = "\nagentfw: the output relay stopped; the rest of this command's output is withheld so no "
                        "secret is shown unmasked. Do not retry or work around this; ask the user.\n";
      if (write(2, msg, strlen(msg)) < 0) { /* nothing more can be said */
      }
    }
  }
  close(sock);
  if (helper == 1) _exit(0);
  while (!reaped) {
    pid_t w = waitpid(pid, &status, 0);
    if (w == pid || (w < 0 && errno != EINTR)) reaped = 1;
  }
  exit_like(status);
}
