/*
 * agentfw-shim: the per-command gate client of `agentfw run`.
 *
 * One binary, many names. The session's shim directory (first on the agent's PATH)
 * holds symlinks to it named after each gated program; argv[0] says which:
 *
 *   bash sh zsh dash ksh   shell gate: find the script (-c STRING, script file, or
 *                          stdin), ask the broker, then exec the real shell
 *   anything else          tool gate: send the real, expanded argv, then exec the
 *                          real program
 *   agentfw-shim --bash-env ARG0 SCRIPT
 *                          called by the BASH_ENV gate script for `/bin/bash -c` run
 *                          by absolute path; prints `export NAME='value'` lines on allow
 *   agentfw-shim --line TEXT
 *                          called by the per-command DEBUG trap of a gated
 *                          interactive / persistent bash
 *
 * Protocol (Unix socket $AGENTFW_SOCK): one JSON request line
 *   {"layer":"shell"|"tool","argv":[...],"cwd":"...","script":"...","pid":N}
 * then response lines: ALLOW or DENY, optional `ENV NAME=<base64>`, optional `MASK`
 * (allow only: relay the program's output through the session's masker, see
 * agentfw-relay.c), optional `MSG <text>`, then END. Anything else, a timeout or a
 * closed socket refuses. Before that, a shim's own request is offered to the session's
 * keeper ($AGENTFW_KEEP_SOCK, sandbox/shim-keep.c), which answers ALLOW only for an exact
 * repeat of an allow the supervisor kept, once its record is on file; any other answer
 * (or none within 100 ms) and the broker is asked as above.
 *
 * Fail closed everywhere: when in doubt, nothing runs and the exit code is 126.
 * POSIX only; built with plain `cc` by scripts/build-shim.mjs.
 */
#define _XOPEN_SOURCE 700 /* posix_openpt & co. for the relay's pty */
#define _DEFAULT_SOURCE    /* TIOCGWINSZ, SI_TKILL */
#define _DARWIN_C_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
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

#define REFUSED 126
#define MAX_SCRIPT (8 * 1024 * 1024)
#define MAX_REPLY (1024 * 1024)
#define MAX_HOPS 128
#define CONNECT_MS 2000

extern char **environ;

static const char *g_name = "agentfw-shim";
/* The process the decision is about: this one (it execs the program), or for the
 * BASH_ENV / per-command modes the bash that called us. */
static pid_t g_subject = 0;
/* Whether this invocation may run a program with MASK (not the BASH_ENV / per-line modes),
 * so the relay connection is opened while the broker decides (agentfw-relay.c). */
static int g_may_relay = 0;
static void relay_preconnect(void);
/* The real program, looked up while the broker decided (find_real of g_name); NULL = not
 * looked up (or not found: looked up again after the answer, which then reports it). */
static char *g_prefound = NULL;
static void prefind(void);

/* ---------- small growable buffer ---------- */
typedef struct {
  char *p;
  size_t len, cap;
} buf_t;

static void die_oom(void) {
  fputs("agentfw: out of memory in the command gate; nothing was run.\n", stderr);
  _exit(REFUSED);
}

static void buf_put(buf_t *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t c = b->cap ? b->cap : 256;
    while (c < b->len + n + 1) c *= 2;
    char *q = realloc(b->p, c);
    if (!q) die_oom();
    b->p = q;
    b->cap = c;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}
static void buf_puts(buf_t *b, const char *s) { buf_put(b, s, strlen(s)); }

/* ---------- refusal ---------- */
static void refuse(const char *why) {
  fprintf(stderr,
          "agentfw: refused `%s`: %s\n"
          "Nothing was run. A human must check that the `agentfw run` session is healthy.\n"
          "Do not retry or work around this; ask the user.\n",
          g_name, why);
  _exit(REFUSED);
}

/* ---------- JSON string encoding ---------- */
static int utf8_ok(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    size_t k;
    if (c < 0x80) k = 0;
    else if (c >= 0xC2 && c <= 0xDF) k = 1;
    else if ((c & 0xF0) == 0xE0) k = 2;
    else if (c >= 0xF0 && c <= 0xF4) k = 3;
    else return 0;
    if (k && i + k >= n) return 0;
    for (size_t j = 1; j <= k; j++)
      if ((s[i + j] & 0xC0) != 0x80) return 0;
    /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF. */
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) || (c == 0xF0 && s[i + 1] < 0x90) ||
        (c == 0xF4 && s[i + 1] > 0x8F))
      return 0;
    i += k + 1;
  }
  return 1;
}

/* Appends s as a JSON string. Invalid UTF-8 bytes become \u00XX escapes of U+FFFD-free
 * latin-1 code points; the request then carries "binary":true (the broker asks). */
static void json_str(buf_t *b, const char *s, size_t n, int *binary) {
  static const char hex[] = "0123456789abcdef";
  int valid = utf8_ok((const unsigned char *)s, n);
  if (!valid) *binary = 1;
  buf_put(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      char e[2] = {'\\', (char)c};
      buf_put(b, e, 2);
    } else if (c < 0x20 || c == 0x7f || (!valid && c >= 0x80)) {
      char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      buf_put(b, e, 6);
    } else {
      buf_put(b, (const char *)&c, 1);
    }
  }
  buf_put(b, "\"", 1);
}

/* ---------- time ---------- */
static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---------- base64 ---------- */
static int b64v(int c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
/* Decodes in place; returns length or -1 on malformed input. */
static long b64_decode(char *s) {
  size_t n = strlen(s), o = 0;
  unsigned v = 0;
  int bits = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '=') break;
    int d = b64v((unsigned char)s[i]);
    if (d < 0) return -1;
    v = (v << 6) | (unsigned)d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      s[o++] = (char)((v >> bits) & 0xFF);
    }
  }
  s[o] = 0;
  return (long)o;
}

/* ---------- connecting ---------- */
/* A non-blocking, close-on-exec connection to a Unix socket, within CONNECT_MS.
 * Returns -1 with *why saying what failed. */
static int connect_unix(const char *path, const char **why) {
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof addr.sun_path) return *why = "the broker socket path is too long (fail closed)", -1;
  strcpy(addr.sun_path, path);
#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0); /* one call where the OS can */
  if (fd < 0) return *why = "cannot create a socket to reach the supervisor (fail closed)", -1;
#else
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return *why = "cannot create a socket to reach the supervisor (fail closed)", -1;
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
#endif
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    if (errno != EINPROGRESS && errno != EAGAIN) {
      close(fd);
      return *why = "the agentfw supervisor is unreachable (its socket refused the connection; fail closed)", -1;
    }
    struct pollfd p = {fd, POLLOUT, 0};
    if (poll(&p, 1, CONNECT_MS) <= 0) {
      close(fd);
      return *why = "the agentfw supervisor did not accept the connection within 2 s (fail closed)", -1;
    }
    int err = 0;
    socklen_t el = sizeof err;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el);
    if (err) {
      close(fd);
      return *why = "the agentfw supervisor is unreachable (fail closed)", -1;
    }
  }
  return fd;
}

/* ---------- is the broker the supervisor? ---------- */
/* $AGENTFW_SUPERVISOR_PID (set by agentfw without the sandbox) must be the pid serving the
 * socket: a socket put in place of gate.sock by another process is refused. Unset or 0 =
 * not checked (in the sandbox the supervisor has no pid there, and gate.sock is read-only). */
static void check_broker(int fd) {
#ifdef SO_PEERCRED
  const char *want = getenv("AGENTFW_SUPERVISOR_PID");
  long pid = want ? atol(want) : 0;
  if (pid <= 0) return;
  struct { pid_t pid; uid_t uid; gid_t gid; } cr; /* struct ucred's layout (it needs _GNU_SOURCE) */
  socklen_t l = sizeof cr;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &l) != 0 || (long)cr.pid != pid)
    refuse("the broker socket is not served by the agentfw supervisor (it was replaced; fail closed)");
#else
  (void)fd;
#endif
}

/* ---------- the broker round trip ---------- */
typedef struct {
  int allow;
  int mask;  /* MASK: run the program with its output relayed (agentfw-relay.c) */
  buf_t env; /* NAME=value\0NAME=value\0 (decoded) */
  buf_t msg; /* refusal text, newline separated */
} reply_t;

/* ---------- answer keep-alive ---------- */
/* The broker sends `WAIT` lines at once and every second while a decision is pending. No
 * byte for this long means a stopped or hung supervisor: refuse in seconds, not after the
 * whole approval time (connect() succeeds into the listen backlog of a stopped process). */
static long answer_idle_ms(void) {
  const char *a = getenv("AGENTFW_ANSWER_MS");
  long v = a ? atol(a) : 0;
  return v > 0 ? v : 3000;
}

static void refuse_silent(long idle_ms) {
  char why[160];
  snprintf(why, sizeof why,
           "the agentfw supervisor sent nothing for %ld ms: it is stopped or hung (fail closed)", idle_ms);
  refuse(why);
}

/* Drops complete `WAIT` lines from the start of the answer buffer. */
static void skip_keepalives(buf_t *in) {
  size_t off = 0;
  while (in->len - off >= 5 && memcmp(in->p + off, "WAIT\n", 5) == 0) off += 5;
  if (!off) return;
  memmove(in->p, in->p + off, in->len - off);
  in->len -= off;
  in->p[in->len] = 0;
}

/* ---------- kept allows (sandbox/shim-keep.c) ---------- */
/* A length-prefixed field of the canonical request (src/gates/shim/shim-keep.ts keepRequestBytes). */
static void keep_field(buf_t *b, const char *s, size_t n) {
  char len[24];
  snprintf(len, sizeof len, "%zu:", n);
  buf_puts(b, len);
  buf_put(b, s, n);
}

/* Asks the session's keeper ($AGENTFW_KEEP_SOCK) whether this exact request is a kept allow,
 * whose record it then wrote. 1 = allowed (r filled); 0 = ask the supervisor as usual, which
 * is also the answer to anything odd: no keeper, another process serving its socket, no
 * answer within KEEP_MS, a miss. The keeper can only say ALLOW for what the supervisor kept. */
#define KEEP_MS 100
static int ask_keeper(const char *layer, int argc, char **argv, const char *cwd, const char *script,
                      size_t script_len, reply_t *r) {
  const char *sock = getenv("AGENTFW_KEEP_SOCK");
  if (!sock || !*sock) return 0;
  buf_t q = {0}, body = {0};
  buf_puts(&body, "agentfw-keep 1\n");
  keep_field(&body, layer, strlen(layer));
  keep_field(&body, cwd, strlen(cwd));
  if (script) {
    buf_puts(&body, "s");
    keep_field(&body, script, script_len);
  } else {
    buf_puts(&body, "n");
  }
  char count[24];
  snprintf(count, sizeof count, "%d", argc);
  keep_field(&body, count, strlen(count));
  for (int i = 0; i < argc; i++) keep_field(&body, argv[i], strlen(argv[i]));
  char head[48];
  snprintf(head, sizeof head, "KEEP %zu\n", body.len);
  buf_puts(&q, head);
  buf_put(&q, body.p, body.len);
  free(body.p);
  const char *why = NULL;
  int fd = connect_unix(sock, &why), ok = 0;
  if (fd < 0) goto out;
#ifdef SO_PEERCRED
  const char *want = getenv("AGENTFW_KEEP_PID"); /* set without the sandbox, as AGENTFW_SUPERVISOR_PID */
  if (want && atol(want) > 0) {
    struct { pid_t pid; uid_t uid; gid_t gid; } cr;
    socklen_t l = sizeof cr;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &l) != 0 || (long)cr.pid != atol(want)) goto out;
  }
#endif
  long long deadline = now_ms() + KEEP_MS;
  for (size_t off = 0; off < q.len;) {
    struct pollfd p = {fd, POLLOUT, 0};
    long left = (long)(deadline - now_ms());
    if (left <= 0 || poll(&p, 1, (int)left) <= 0) goto out;
    ssize_t k = write(fd, q.p + off, q.len - off);
    if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (k <= 0) goto out;
    off += (size_t)k;
  }
  char in[64];
  size_t got = 0;
  while (got < sizeof in - 1) {
    struct pollfd p = {fd, POLLIN, 0};
    long left = (long)(deadline - now_ms());
    if (left <= 0 || poll(&p, 1, (int)left) <= 0) goto out;
    ssize_t k = read(fd, in + got, sizeof in - 1 - got);
    if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (k <= 0) break;
    got += (size_t)k;
  }
  in[got] = 0;
  if (!strcmp(in, "ALLOW\nEND\n")) ok = 1;
  else if (!strcmp(in, "ALLOW\nMASK\nEND\n")) ok = 1, r->mask = 1;
out:
  if (fd >= 0) close(fd);
  free(q.p);
  if (ok) r->allow = 1;
  return ok;
}

static void ask_broker(const char *layer, int argc, char **argv, const char *script, size_t script_len,
                       reply_t *r) {
  const char *sock = getenv("AGENTFW_SOCK");
  if (!sock || !*sock) refuse("AGENTFW_SOCK is not set, so there is no supervisor to ask (fail closed)");

  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "");

  buf_t q = {0};
  int binary = 0;
  buf_puts(&q, "{\"layer\":");
  json_str(&q, layer, strlen(layer), &binary);
  buf_puts(&q, ",\"argv\":[");
  for (int i = 0; i < argc; i++) {
    if (i) buf_puts(&q, ",");
    json_str(&q, argv[i], strlen(argv[i]), &binary);
  }
  buf_puts(&q, "],\"cwd\":");
  json_str(&q, cwd, strlen(cwd), &binary);
  if (script) {
    buf_puts(&q, ",\"script\":");
    json_str(&q, script, script_len, &binary);
  }
  char tail[96];
  snprintf(tail, sizeof tail, ",\"pid\":%ld,\"ppid\":%ld%s}\n", (long)(g_subject ? g_subject : getpid()), (long)getppid(),
           binary ? ",\"binary\":true" : "");
  buf_puts(&q, tail);
  /* A shim's own request (its pid is the program's) may be a kept allow; the gate's other
   * requests (BASH_ENV, per line) name another process and always ask. */
  if (g_may_relay && !binary && ask_keeper(layer, argc, argv, cwd, script, script_len, r)) {
    free(q.p);
    return;
  }

  /* The relay's hello goes first: the supervisor handles it while the request is on its
   * way, so the relay's answer is there by the time the decision is (sent after the
   * request, it was handled after the answer, behind the audit's post-answer work). */
  if (g_may_relay) relay_preconnect();
  const char *why = NULL;
  int fd = connect_unix(sock, &why);
  if (fd < 0) refuse(why);
  check_broker(fd);

  /* Overall deadline: the answer may wait for a human (approval timeout + margin). */
  long wait_ms = 330000;
  const char *w = getenv("AGENTFW_WAIT_MS");
  if (w && atol(w) > 0) wait_ms = atol(w);
  long long deadline = now_ms() + wait_ms;

  size_t off = 0;
  for (int full = 0; off < q.len;) {
    /* Written at once when the socket has room (the usual case); waited for only when full. */
    if (full) {
      struct pollfd p = {fd, POLLOUT, 0};
      long left = (long)(deadline - now_ms());
      if (left <= 0 || poll(&p, 1, (int)left) <= 0)
        refuse("timed out sending the request to the agentfw supervisor (fail closed)");
    }
    ssize_t k = write(fd, q.p + off, q.len - off);
    full = k < 0 && errno == EAGAIN;
    if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (k <= 0) refuse("the agentfw supervisor closed the connection (fail closed)");
    off += (size_t)k;
  }
  free(q.p);
  if (g_may_relay) prefind(); /* the PATH search for the real program overlaps the decision */

  buf_t in = {0};
  long idle_ms = answer_idle_ms();
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    long left = (long)(deadline - now_ms());
    if (left <= 0) refuse("no answer from the agentfw supervisor in time (fail closed)");
    int pr = poll(&p, 1, (int)(left < idle_ms ? left : idle_ms));
    if (pr < 0 && errno == EINTR) continue;
    if (pr == 0 && left > idle_ms) refuse_silent(idle_ms);
    if (pr <= 0) refuse("no answer from the agentfw supervisor in time (fail closed)");
    char tmp[4096];
    ssize_t k = read(fd, tmp, sizeof tmp);
    if (k < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (k <= 0) break;
    buf_put(&in, tmp, (size_t)k);
    skip_keepalives(&in);
    if (in.len > MAX_REPLY) refuse("the supervisor's answer is too large (fail closed)");
    if (in.len >= 4 && (strstr(in.p, "\nEND\n") || strncmp(in.p, "END\n", 4) == 0)) break;
  }
  close(fd);
  if (!in.p || !in.len) refuse("the agentfw supervisor closed the connection without answering (fail closed)");

  /* Parse lines strictly. */
  int verdict = -1, ended = 0;
  char *save = NULL;
  for (char *line = strtok_r(in.p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (ended) refuse("unexpected data after END from the supervisor (fail closed)");
    if (verdict < 0) {
      if (strcmp(line, "ALLOW") == 0) verdict = 1;
      else if (strcmp(line, "DENY") == 0) verdict = 0;
      else refuse("the supervisor's answer was not understood (fail closed)");
    } else if (strcmp(line, "END") == 0) {
      ended = 1;
    } else if (strncmp(line, "ENV ", 4) == 0) {
      char *eq = strchr(line + 4, '=');
      if (!eq || eq == line + 4) refuse("malformed ENV line from the supervisor (fail closed)");
      *eq = 0;
      for (const char *c = line + 4; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || *c == '_' || (c > line + 4 && *c >= '0' && *c <= '9')))
          refuse("malformed ENV name from the supervisor (fail closed)");
      if (b64_decode(eq + 1) < 0) refuse("malformed ENV value from the supervisor (fail closed)");
      buf_puts(&r->env, line + 4);
      buf_put(&r->env, "=", 1);
      buf_puts(&r->env, eq + 1);
      buf_put(&r->env, "", 1); /* NUL separator between NAME=value entries */
    } else if (strcmp(line, "MASK") == 0) {
      if (verdict != 1) refuse("the supervisor's answer was not understood (fail closed)");
      r->mask = 1;
    } else if (strncmp(line, "MSG ", 4) == 0 || strcmp(line, "MSG") == 0) {
      buf_puts(&r->msg, line[3] ? line + 4 : "");
      buf_puts(&r->msg, "\n");
    } else {
      refuse("the supervisor's answer was not understood (fail closed)");
    }
  }
  if (verdict < 0 || !ended) refuse("the supervisor's answer was cut short (fail closed)");
  r->allow = verdict == 1;
  free(in.p);
}

/* Prints the refusal and exits 126; or returns on allow. */
static void enforce(reply_t *r) {
  if (r->allow) return;
  if (r->msg.len) fputs(r->msg.p, stderr);
  else fprintf(stderr, "agentfw: `%s` was refused. Do not retry or work around this; ask the user.\n", g_name);
  _exit(REFUSED);
}

static void apply_env(reply_t *r) {
  if (r->env.len) {
    /* The answer changes the environment (PATH may be among it): search again. */
    free(g_prefound);
    g_prefound = NULL;
  }
  for (size_t i = 0; i < r->env.len;) {
    char *kv = r->env.p + i;
    size_t n = strlen(kv);
    char *eq = strchr(kv, '=');
    if (eq) {
      *eq = 0;
      setenv(kv, eq + 1, 1);
      *eq = '=';
    }
    i += n + 1;
  }
}

/* ---------- finding the real program ---------- */
static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  if (stat(a, &sa) != 0 || stat(b, &sb) != 0) return 0;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The program the caller's PATH would have found without the shims: the current PATH
 * minus the shim dir (so a PATH that a login profile replaced is honoured), then the
 * user's original PATH. Never a shim, never this binary. */
static char *find_in(const char *name, const char *path);
static char *find_real(const char *name) {
  char *r = find_in(name, getenv("PATH"));
  return r ? r : find_in(name, getenv("AGENTFW_REAL_PATH"));
}

static char *find_in(const char *name, const char *path) {
  if (!path) return NULL;
  const char *shimdir = getenv("AGENTFW_SHIM_DIR");
  const char *self = getenv("AGENTFW_CLIENT");
  char *copy = strdup(path);
  if (!copy) die_oom();
  /* The shim dir is looked at once, not once per PATH entry. An unreadable one skips nothing
   * by identity; the found program is still checked against this binary below. */
  struct stat sd;
  int have_sd = shimdir && *shimdir && stat(shimdir, &sd) == 0;
  static char cand[PATH_MAX];
  char *result = NULL;
  /* strtok would skip empty entries; walk by hand so "" means ".". */
  for (char *p = copy, *next; p; p = next) {
    next = strchr(p, ':');
    if (next) *next++ = 0;
    const char *dir = *p ? p : ".";
    struct stat dst;
    if (have_sd && stat(dir, &dst) == 0 && dst.st_dev == sd.st_dev && dst.st_ino == sd.st_ino) continue;
    if ((size_t)snprintf(cand, sizeof cand, "%s/%s", dir, name) >= sizeof cand) continue;
    struct stat st;
    if (stat(cand, &st) != 0 || !S_ISREG(st.st_mode) || access(cand, X_OK) != 0) continue;
    if (self && *self && same_file(cand, self)) continue;
    if (same_file(cand, "/proc/self/exe")) continue;
    result = cand;
    break;
  }
  free(copy);
  return result;
}

/* The real program for `name` (exits 127 "command not found" when there is none);
 * counts the hop so a loop between wrappers ends. The result is a private copy. */
static char *resolve_real(const char *name) {
  const char *h = getenv("AGENTFW_HOPS");
  int hops = h ? atoi(h) : 0;
  if (hops >= MAX_HOPS) refuse("the shim re-entered itself too many times (a loop between wrappers; fail closed)");
  char hb[16];
  snprintf(hb, sizeof hb, "%d", hops + 1);
  setenv("AGENTFW_HOPS", hb, 1);
  char *real = g_prefound && !strcmp(name, g_name) ? g_prefound : find_real(name);
  if (!real) {
    fprintf(stderr, "%s: command not found\n", name);
    _exit(127);
  }
  real = strdup(real);
  if (!real) die_oom();
  return real;
}

static void exec_resolved(char *real, char **argv) {
  if (strchr(argv[0], '/')) argv[0] = real;
  signal(SIGPIPE, SIG_DFL); /* ours is ignored; the program gets the usual default */
  execv(real, argv);
  fprintf(stderr, "agentfw: cannot run %s: %s\n", real, strerror(errno));
  _exit(errno == ENOENT ? 127 : 126);
}

static void exec_real(const char *name, char **argv) { exec_resolved(resolve_real(name), argv); }

/* Looks up the real program of g_name while the broker decides (same search as after the
 * answer: the environment does not change meanwhile unless the answer sets variables, and
 * then apply_env drops this). Not found: nothing kept, the search after the answer says so. */
static void prefind(void) {
  char *r = find_real(g_name);
  if (r && !(g_prefound = strdup(r))) die_oom();
}

static int is_shell(const char *n);
#include "agentfw-relay.c"

/* Runs an allowed program: in place, or with its output relayed when the answer said MASK. */
static void launch(reply_t *r, const char *name, char **argv) {
  if (r->mask) run_relayed(name, argv);
  exec_real(name, argv);
}

/* ---------- reading scripts ---------- */
static char *read_fd_all(int fd, size_t *len, long wait_ms, int *eof) {
  buf_t b = {0};
  buf_put(&b, "", 0);
  long long deadline = wait_ms >= 0 ? now_ms() + wait_ms : 0;
  *eof = 0;
  for (;;) {
    if (wait_ms >= 0) {
      long left = (long)(deadline - now_ms());
      if (left <= 0) break;
      struct pollfd p = {fd, POLLIN, 0};
      int pr = poll(&p, 1, (int)left);
      if (pr < 0 && errno == EINTR) continue;
      if (pr <= 0) break;
    }
    char tmp[65536];
    ssize_t k = read(fd, tmp, sizeof tmp);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) break;
    if (k == 0) {
      *eof = 1;
      break;
    }
    buf_put(&b, tmp, (size_t)k);
    if (b.len > MAX_SCRIPT) refuse("the script is larger than 8 MB and cannot be checked (fail closed)");
  }
  *len = b.len;
  return b.p;
}

static int write_all(int fd, const char *p, size_t n) {
  for (size_t off = 0; off < n;) {
    ssize_t k = write(fd, p + off, n - off);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    off += (size_t)k;
  }
  return 0;
}

/* Replaces stdin with a pipe that first yields `pre` and then, when `follow`, the rest of
 * the old stdin. A small detached pump process copies what does not fit in the pipe. */
static void stdin_prefixed(const char *pre, size_t n, int follow) {
  int pfd[2];
  if (pipe(pfd) != 0) refuse("cannot create a pipe for the gated shell (fail closed)");
  size_t off = 0;
  int fl = fcntl(pfd[1], F_GETFL);
  fcntl(pfd[1], F_SETFL, fl | O_NONBLOCK);
  while (off < n) {
    ssize_t k = write(pfd[1], pre + off, n - off);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) break; /* pipe full: the pump writes the rest */
    off += (size_t)k;
  }
  fcntl(pfd[1], F_SETFL, fl);
  if (off < n || follow) {
    pid_t pid = fork();
    if (pid < 0) refuse("cannot fork the stdin pump (fail closed)");
    if (pid == 0) {
      close(pfd[0]);
      signal(SIGPIPE, SIG_DFL);
      if (fork() > 0) _exit(0); /* detach: the shell never waits for the pump */
      /* Hold nothing the caller may wait on (its stdout/stderr pipes). */
      int dn = open("/dev/null", O_RDWR);
      if (dn >= 0) {
        dup2(dn, 1);
        dup2(dn, 2);
        if (dn > 2) close(dn);
      }
      for (int fd = 3; fd < 1024; fd++)
        if (fd != pfd[1]) close(fd);
      if (write_all(pfd[1], pre + off, n - off) != 0) _exit(0);
      char tmp[65536];
      while (follow) {
        ssize_t k = read(0, tmp, sizeof tmp);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0 || write_all(pfd[1], tmp, (size_t)k) != 0) break;
      }
      _exit(0);
    }
    waitpid(pid, NULL, 0);
  }
  close(pfd[1]);
  if (dup2(pfd[0], 0) < 0) refuse("cannot set up stdin for the gated shell (fail closed)");
  close(pfd[0]);
}

/* ---------- shell gate ---------- */
static int is_shell(const char *n) {
  return !strcmp(n, "bash") || !strcmp(n, "sh") || !strcmp(n, "zsh") || !strcmp(n, "dash") || !strcmp(n, "ksh");
}

static void run_shell(int argc, char **argv) {
  int has_c = 0, interactive = 0, read_stdin = 0, i = 1;
  const char *user_rc = NULL;
  int norc = 0;
  /* Options come first; long options (bash) before single-letter ones. */
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      i++;
      break;
    }
    if (!strcmp(a, "--rcfile") || !strcmp(a, "--init-file")) {
      if (i + 1 < argc) user_rc = argv[++i];
      continue;
    }
    if (!strcmp(a, "--norc")) norc = 1;
    if (a[0] == '-' && a[1] == '-') continue; /* --login, --noprofile, --posix, ... */
    if ((a[0] == '-' || a[0] == '+') && a[1]) {
      int takes_arg = 0;
      for (const char *c = a + 1; *c; c++) {
        if (*c == 'c') has_c = 1;
        else if (*c == 'i') interactive = 1;
        else if (*c == 's') read_stdin = 1;
        else if (*c == 'o' || *c == 'O') takes_arg = 1;
      }
      if (takes_arg && i + 1 < argc) i++;
      continue;
    }
    break;
  }
  int is_bash = !strcmp(g_name, "bash");
  char pidb[24];
  snprintf(pidb, sizeof pidb, "%ld", (long)getpid());

  if (has_c) {
    if (i >= argc) exec_real(g_name, argv); /* `-c` with no string: the shell reports it */
    reply_t r = {0};
    ask_broker("shell", argc, argv, argv[i], strlen(argv[i]), &r);
    enforce(&r);
    apply_env(&r);
    setenv("AGENTFW_GATED_PID", pidb, 1);
    launch(&r, g_name, argv);
  }
  if (i < argc && !read_stdin) {
    /* Script file. */
    int fd = open(argv[i], O_RDONLY);
    if (fd < 0) {
      if (errno == ENOENT) exec_real(g_name, argv); /* the shell reports "No such file" */
      refuse("cannot read the script file to check it (fail closed)");
    }
    size_t n;
    int eof;
    char *s = read_fd_all(fd, &n, -1, &eof);
    close(fd);
    reply_t r = {0};
    ask_broker("shell", argc, argv, s, n, &r);
    enforce(&r);
    apply_env(&r);
    setenv("AGENTFW_GATED_PID", pidb, 1);
    launch(&r, g_name, argv);
  }
  /* No -c and no file: the script comes from stdin, or this is an interactive shell. */
  if (interactive || isatty(0)) {
    if (!is_bash)
      refuse("an interactive sh/zsh/dash session cannot be gated per command; only bash is "
             "(run `bash` instead, or pass each command with -c)");
    const char *rc = getenv("AGENTFW_GATE_SCRIPT");
    if (!rc || !*rc) refuse("AGENTFW_GATE_SCRIPT is not set, so an interactive shell cannot be gated (fail closed)");
    if (user_rc) setenv("AGENTFW_USER_RC", user_rc, 1);
    if (norc) setenv("AGENTFW_NORC", "1", 1);
    setenv("AGENTFW_GATE_MODE", "lines", 1);
    /* New argv: bash --rcfile GATE <original args minus --rcfile/--init-file/--norc>. */
    char **nv = calloc((size_t)argc + 3, sizeof *nv);
    if (!nv) die_oom();
    int k = 0;
    nv[k++] = argv[0];
    nv[k++] = "--rcfile";
    nv[k++] = (char *)rc;
    for (int j = 1; j < argc; j++) {
      if (!strcmp(argv[j], "--rcfile") || !strcmp(argv[j], "--init-file")) {
        j++;
        continue;
      }
      if (!strcmp(argv[j], "--norc")) continue;
      nv[k++] = argv[j];
    }
    nv[k] = NULL;
    /* What the shell prints (`cat .env` typed at the prompt) goes through the masker too. */
    const char *relay = getenv("AGENTFW_RELAY_SOCK");
    reply_t whole = {0};
    whole.mask = relay && *relay;
    launch(&whole, g_name, nv);
  }
  struct stat st;
  if (fstat(0, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t start = lseek(0, 0, SEEK_CUR);
    size_t n;
    int eof;
    char *s = read_fd_all(0, &n, -1, &eof);
    reply_t r = {0};
    ask_broker("shell", argc, argv, s, n, &r);
    enforce(&r);
    apply_env(&r);
    if (lseek(0, start, SEEK_SET) < 0) refuse("cannot rewind the script on stdin (fail closed)");
    setenv("AGENTFW_GATED_PID", pidb, 1);
    launch(&r, g_name, argv);
  }
  /* A pipe or socket: a one-shot script ends quickly; a persistent shell does not. */
  long wait = is_bash ? 500 : 10000;
  const char *ws = getenv("AGENTFW_STDIN_WAIT_MS");
  if (ws && atol(ws) > 0) wait = atol(ws);
  size_t n;
  int eof;
  char *s = read_fd_all(0, &n, wait, &eof);
  if (eof) {
    reply_t r = {0};
    ask_broker("shell", argc, argv, s, n, &r);
    enforce(&r);
    apply_env(&r);
    stdin_prefixed(s, n, 0);
    setenv("AGENTFW_GATED_PID", pidb, 1);
    launch(&r, g_name, argv);
  }
  if (!is_bash)
    refuse("a persistent sh/zsh/dash fed over stdin cannot be gated per command; only bash is "
           "(send the script and close stdin, or use bash)");
  /* Persistent bash over a pipe: gate every command with the DEBUG trap in BASH_ENV. */
  setenv("AGENTFW_GATE_MODE", "lines", 1);
  unsetenv("AGENTFW_GATED_PID");
  stdin_prefixed(s, n, 1);
  /* Each line is checked by the trap; the whole session's output goes through the relay. */
  const char *relay = getenv("AGENTFW_RELAY_SOCK");
  reply_t whole = {0};
  whole.mask = relay && *relay;
  launch(&whole, g_name, argv);
}

/* ---------- entry ---------- */
static void print_exports(reply_t *r) {
  for (size_t i = 0; i < r->env.len;) {
    char *kv = r->env.p + i;
    size_t n = strlen(kv);
    char *eq = strchr(kv, '=');
    if (eq) {
      printf("export %.*s='", (int)(eq - kv), kv);
      for (char *c = eq + 1; *c; c++) {
        if (*c == '\'') fputs("'\\''", stdout);
        else putchar(*c);
      }
      puts("'");
    }
    i += n + 1;
  }
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  const char *slash = strrchr(argv[0], '/');
  g_name = slash ? slash + 1 : argv[0];
  if (g_name[0] == '-') g_name++; /* login shell: "-bash" */

  if (!strcmp(g_name, "agentfw-shim")) {
    g_subject = getppid();
    if (argc == 4 && !strcmp(argv[1], "--bash-env")) {
      /* BASH_ENV gate: argv[2] = bash's $0, argv[3] = $BASH_EXECUTION_STRING or file text marker. */
      g_name = "bash";
      char *av[3] = {argv[2], "-c", argv[3]};
      reply_t r = {0};
      ask_broker("shell", 3, av, argv[3], strlen(argv[3]), &r);
      enforce(&r);
      print_exports(&r);
      return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "--bash-env-file")) {
      g_name = "bash";
      int fd = open(argv[3], O_RDONLY);
      if (fd < 0) refuse("cannot read the script file to check it (fail closed)");
      size_t n;
      int eof;
      char *s = read_fd_all(fd, &n, -1, &eof);
      close(fd);
      char *av[2] = {argv[2], argv[3]};
      reply_t r = {0};
      ask_broker("shell", 2, av, s, n, &r);
      enforce(&r);
      print_exports(&r);
      return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "--line")) {
      g_name = "bash";
      char *av[2] = {"bash", "(command line)"};
      reply_t r = {0};
      ask_broker("shell", 2, av, argv[2], strlen(argv[2]), &r);
      enforce(&r);
      print_exports(&r);
      return 0;
    }
    fputs("usage: agentfw-shim is run through symlinks named after gated programs; see `agentfw doctor`.\n",
          stderr);
    return 2;
  }
  g_may_relay = 1;
  if (is_shell(g_name)) run_shell(argc, argv);

  reply_t r = {0};
  ask_broker("tool", argc, argv, NULL, 0, &r);
  enforce(&r);
  apply_env(&r);
  launch(&r, g_name, argv);
  return REFUSED;
}
