/*
 * agentfw-exec-gate: shared declarations of the two source files.
 *   exec-gate.c      the launcher: installs the seccomp filter in the agent's process,
 *                    receives the listener fd, serves notifications, reaps, forwards signals
 *   exec-gate-ask.c  one notification: read path + argv from /proc/<pid>/mem, build the
 *                    request for the supervisor's broker socket, settle the answer
 *                    (CONTINUE, or EPERM with the refusal text on the process's stderr)
 */
#ifndef AGENTFW_EXEC_GATE_H
#define AGENTFW_EXEC_GATE_H

#include <linux/seccomp.h>
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

/* Reads what notification `req` is about to exec and builds the broker request line (with
 * "seq":seq) in *q. Returns 1 when *q must be sent and the answer awaited; 0 when the
 * notification was already answered here (a shim, a missing file, unreadable or oversized
 * arguments: EPERM) or is no longer valid. Never blocks on the broker. */
int eg_prepare(int listener, const struct seccomp_notif *req, const eg_config *cfg, unsigned seq, eg_buf *q);

/* Settles a notification with the broker's complete answer (its lines without the seq
 * prefix, ending in END): ALLOW → run; DENY → the MSG text is written to the process's
 * stderr, EPERM; anything else → EPERM (fail closed). */
void eg_finish(int listener, unsigned long long id, pid_t pid, const char *answer);

/* A connection to the broker socket, checked to be served by cfg->supervisor; -1 on failure. */
int eg_connect(const eg_config *cfg);

/* Answers a notification: allow != 0 → let the kernel run the exec, else fail it with EPERM. */
void eg_respond(int listener, unsigned long long id, int allow);

#endif
