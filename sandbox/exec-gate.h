/*
 * agentfw-exec-gate: shared declarations of the two source files.
 *   exec-gate.c      the launcher: installs the seccomp filter in the agent's process,
 *                    receives the listener fd, serves notifications, reaps, forwards signals
 *   exec-gate-ask.c  one notification: read path + argv from /proc/<pid>/mem, build the
 *                    request for the supervisor's broker socket, settle the answer
 *                    (CONTINUE, or EPERM with the refusal text on the process's stderr)
 *   exec-gate-next.c the broker's NEXT records: the exec that carries out a request the
 *                    broker just allowed, decided here without asking again
 *   exec-gate-keep.c repeats of an allow the broker marked KEEP: allowed here, with their
 *                    signed audit record appended here, while the broker's lease lasts
 *   shim-keep.c      a program of its own (agentfw-shim-keep, linking the two above): the
 *                    same kept allows for the shims' requests, behind a socket
 */
#ifndef AGENTFW_EXEC_GATE_H
#define AGENTFW_EXEC_GATE_H

#include <linux/seccomp.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Bounds (fail closed: beyond them the exec is refused with EPERM). */
#define EG_MAX_PATH 4096            /* bytes of the path argument */
#define EG_MAX_ARGC 65536           /* argv entries */
#define EG_MAX_ARGV (1024 * 1024)   /* bytes of all argv strings together */
#define EG_MAX_REPLY (256 * 1024)   /* bytes of the supervisor's answer */

typedef struct {
  /* Broker socket of the session (gate.sock). */
  const char *sock;
  /* Pid of the agentfw supervisor: the broker's SO_PEERCRED pid must equal it. 0 = not checked. */
  pid_t supervisor;
  /* The session's shim directory: execs of its entries are passed (the shim itself asks). Empty = none. */
  const char *shim_dir;
  /* The gate client (build/agentfw-shim): an exec of exactly this path is passed (the BASH_ENV gate). Empty = none. */
  const char *client;
  /* Device and inode of the gate client the shims link to. */
  dev_t shim_dev;
  ino_t shim_ino;
  /* How long to wait for an answer (approval timeout + margin), ms. */
  long wait_ms;
} eg_config;

/* A growable byte buffer (always NUL-terminated when p != NULL). */
typedef struct {
  char *p;
  size_t len, cap;
} eg_buf;

void eg_put(eg_buf *b, const char *s, size_t n);

/* CLOCK_MONOTONIC in ms, and a lowercase hex digit's value (-1 = not one): exec-gate-next.c. */
long long eg_mono_ms(void);
int eg_hexval(char c);

/* Records of execs the broker allowed in advance (exec-gate-next.c); beyond → the oldest is dropped. */
#define EG_MAX_NEXT 256

/* One pushed "NEXT" record: the next exec by `owner` or a child of it may run without asking
 * when its argv and file are exactly these. */
typedef struct {
  pid_t owner;
  long long until; /* CLOCK_MONOTONIC ms; past it the record allows nothing */
  unsigned long long dev, ino;
  long long ctime_s, ctime_ns;
  unsigned char digest[32]; /* sha256 of basename(argv[0]) NUL argv[1] NUL … */
} eg_next;

typedef struct {
  unsigned int h[8];
  unsigned long long n;
  unsigned char buf[64];
  size_t fill;
} eg_sha256;
void eg_sha256_init(eg_sha256 *s);
void eg_sha256_update(eg_sha256 *s, const void *data, size_t n);
void eg_sha256_final(eg_sha256 *s, unsigned char out[32]);

/* Stores a `NEXT …` line (n bytes, without the newline); -1 when malformed. */
int eg_next_add(const char *line, size_t n);
/* Forgets every record (the connection they came on was dropped). */
void eg_next_clear(void);
/* Drops expired records; returns how many are left. */
int eg_next_pending(void);
/* Takes (removes) the record owned by `pid` or `ppid` into *out. Returns 1 when one was
 * taken and is still valid, 0 otherwise (none, or expired: used up all the same). */
int eg_next_take(pid_t pid, pid_t ppid, eg_next *out);
/* Parent pid of `pid` from /proc (0 when unknown). */
long eg_ppid_of(pid_t pid);

/* The key of a kept allow: whether this exec has one, and its digest. */
typedef struct {
  int ok; /* 0 = none (a relative path, a missing file, nothing kept is possible) */
  unsigned char digest[32];
} eg_keep_key;

/* Opens the audit log and reads the audit key (exec-gate-keep.c); -1 = nothing is kept. */
int eg_keep_init(const char *log, const char *keyfile);
/* A broker line `LIVE <until>` or `FLUSH`: 1 when it was one, 0 when not, -1 when malformed. */
int eg_keep_line(const char *line, size_t n);
/* Forgets every kept allow and the lease (the connection was dropped). */
void eg_keep_clear(void);
/* The digest of an exec: path, cwd, the file's identity, argv bytes (each NUL-terminated). */
void eg_keep_digest(const char *path, const char *cwd, const char *strs, size_t len, const struct stat *st,
                    unsigned char out[32]);
/* Keeps the broker's record template (its KEEP line) for exec `digest`. */
void eg_keep_add(const unsigned char digest[32], const char *tmpl, size_t n);
/* 1 when the exec `digest` is a kept allow, the lease holds and its record is now on file. */
int eg_keep_take(const unsigned char digest[32]);

/* Reads what notification `req` is about to exec and builds the broker request line (with
 * "seq":seq) in *q. Returns 1 when *q must be sent and the answer awaited; 0 when the
 * notification was already answered here (a shim, a missing file, unreadable or oversized
 * arguments: EPERM; `rec` given and matched exactly: allowed) or is no longer valid. Never
 * blocks on the broker. `rec`: the NEXT record this exec took, or NULL. `kk`: set to the
 * exec's key for a kept allow (exec-gate-keep.c); an exec that has one is allowed here. */
int eg_prepare(int listener, const struct seccomp_notif *req, const eg_config *cfg, unsigned seq, eg_buf *q,
               const eg_next *rec, eg_keep_key *kk);

/* Settles a notification with the broker's complete answer (its lines without the seq
 * prefix, ending in END): ALLOW → run; DENY → the MSG text is written to the process's
 * stderr, EPERM; anything else → EPERM (fail closed). */
void eg_finish(int listener, unsigned long long id, pid_t pid, const char *answer);

/* A connection to the broker socket, checked to be served by cfg->supervisor; -1 on failure. */
int eg_connect(const eg_config *cfg);

/* Answers a notification: allow != 0 → let the kernel run the exec, else fail it with EPERM. */
void eg_respond(int listener, unsigned long long id, int allow);

#endif
