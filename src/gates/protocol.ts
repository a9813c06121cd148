/**
 * The gate protocol between a shim (C client or Node fallback) and the broker socket.
 *
 *   request:  one JSON line {"layer","argv","cwd","script"?,"pid","ppid"?,"binary"?,"seq"?}
 *   response: zero or more `WAIT` keep-alive lines (the broker sends the first when no
 *             answer is ready after FIRST_WAIT_MS, then one every KEEPALIVE_MS while the
 *             decision waits for a human; a client refuses when no byte comes for
 *             ANSWER_IDLE_MS, so a stopped or hung supervisor costs seconds, not the whole
 *             approval time; an answer ready at once is sent without one), then ALLOW |
 *             DENY, then `MASK` (allow only: run the program with its output relayed
 *             through the session's masker, see src/supervisor/relay.ts), `MSG <text>`
 *             lines (the refusal text), then END.
 *   persistent: the exec-gate helper keeps one connection open and numbers its requests
 *             (`seq`); every reply line then starts with `<seq> ` and replies may come in
 *             any order. Closing the connection gives up every request still open on it.
 *
 * There is no message that approves anything: a request only asks for a decision.
 *
 * Secrets never travel on this socket: a hand-made request could read them. The agent's
 * processes hold placeholders (`agentfw:masked:NAME`) and the egress proxy puts the real
 * value into HTTP requests to the hosts the secrets config allows (docs/secrets.md). The
 * clients still parse an `ENV NAME=<base64>` line strictly, but the supervisor never sends one.
 */
import { z } from 'zod';

/** How often the broker says `WAIT` while a decision is pending, in ms. */
export const KEEPALIVE_MS = 1000;
/**
 * The first `WAIT` comes this long after the request when no answer is ready by then, in
 * ms: most answers take well under 1 ms, and a keep-alive line would only cost the client
 * an extra wake-up. Far below ANSWER_IDLE_MS, so a live supervisor is never taken for a hung one.
 */
export const FIRST_WAIT_MS = 100;
/** A client refuses when the broker sends nothing for this long, in ms (AGENTFW_ANSWER_MS overrides). */
export const ANSWER_IDLE_MS = 3000;

/** Largest request line the broker reads; longer → refused (fail closed). */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024 + 64 * 1024;

export const GateRequestSchema = z
  .object({
    /** Which gate sent it: `shell` (a shell script), `tool` (one program's argv) or `exec` (an execve seen by the exec gate, sandbox/exec-gate.c). */
    layer: z.enum(['shell', 'tool', 'exec']),
    /** The argv the shim was started with; argv[0] names the program. Never empty. */
    argv: z.array(z.string()).min(1),
    /** Working directory of the shim process. Empty = unknown (getcwd failed). */
    cwd: z.string(),
    /** Shell layer: the whole script text. Absent for the tool layer. */
    script: z.string().optional(),
    /** Pid of the process the decision is about: the shim itself (the program keeps its pid after exec), or the bash that called the client (BASH_ENV / per-command gate). */
    pid: z.number().int(),
    /** Parent pid of the shim. Absent = not sent. */
    ppid: z.number().int().optional(),
    /** Exec layer: the file the kernel was asked to run (resolved against execveat's dirfd). Absent = argv[0]. */
    path: z.string().optional(),
    /** True when some argument was not valid UTF-8 (the text is approximate; → at least ask). */
    binary: z.boolean().optional(),
    /**
     * Exec layer only: the request's number on a persistent connection of the exec-gate
     * helper (many requests in flight on one connection; each reply line is prefixed with
     * `<seq> `, and the connection stays open). Absent = one request per connection.
     */
    seq: z.number().int().nonnegative().optional(),
  })
  .strict();

export type GateRequest = z.infer<typeof GateRequestSchema>;

/** What the supervisor answers to one request. */
export interface GateReply {
  allow: boolean;
  /**
   * Variables to set before exec. Always empty: the supervisor hands no secret values to
   * clients (encodeReply writes no ENV line); kept so clients of older builds parse replies.
   */
  env: Record<string, string>;
  /** Text printed to the agent's stderr on refusal (may be multi-line). Empty on allow. */
  message: string;
  /**
   * Allow only: the client must relay the program's stdout/stderr through the masker at
   * $AGENTFW_RELAY_SOCK instead of exec'ing it with the agent's fds. Absent/false = exec
   * directly (a session without output masking).
   */
  mask?: boolean;
  /**
   * Allow, for the exec-gate helper or the shim's keeper: the audit record of this allow, as JSON between its `ts`
   * and `prev` fields, which the helper may append itself for a later exec exactly like this
   * one, and then allow it without asking (sandbox/exec-gate-keep.c, sandbox/shim-keep.c). Absent = ask each time.
   */
  keep?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Encodes a reply as protocol lines; with `seq` (a persistent exec-gate connection) each line is prefixed `<seq> `. */
export function encodeReply(r: GateReply, seq?: number): string {
  // No ENV lines: a secret on the gate socket is readable by any process that can connect.
  const lines = [r.allow ? 'ALLOW' : 'DENY'];
  if (r.allow && r.mask) lines.push('MASK');
  // Only on the helper's numbered connection: a one-shot client has no use for it.
  if (r.allow && r.keep && seq !== undefined) lines.push(`KEEP ${r.keep}`);
  if (!r.allow) {
    for (const l of r.message.split('\n')) lines.push(l ? `MSG ${l.replace(/\r/g, '')}` : 'MSG');
  }
  lines.push('END');
  if (seq !== undefined) return lines.map((l) => `${seq} ${l}\n`).join('');
  return lines.join('\n') + '\n';
}

/**
 * Parses a reply strictly, as the clients do. Returns undefined for anything malformed
 * (missing verdict, unknown line, no END): the caller must then refuse.
 */
export function decodeReply(text: string): GateReply | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  while (lines[0] === 'WAIT') lines.shift();
  const first = lines.shift();
  if (first !== 'ALLOW' && first !== 'DENY') return undefined;
  const env: Record<string, string> = {};
  const msg: string[] = [];
  let mask = false;
  let ended = false;
  for (const l of lines) {
    if (ended) return undefined;
    if (l === 'END') ended = true;
    else if (l.startsWith('ENV ')) {
      const eq = l.indexOf('=');
      const name = l.slice(4, eq);
      if (eq < 0 || !ENV_NAME.test(name)) return undefined;
      env[name] = Buffer.from(l.slice(eq + 1), 'base64').toString('utf8');
    } else if (l === 'MASK' && first === 'ALLOW') mask = true;
    else if (l === 'MSG' || l.startsWith('MSG ')) msg.push(l.slice(4));
    else return undefined;
  }
  if (!ended) return undefined;
  return { allow: first === 'ALLOW', env, message: msg.join('\n'), ...(mask ? { mask } : {}) };
}

/**
 * For a shell request whose argv has `-c STRING` (options as bash reads them), the script
 * must be that STRING: the record and the decision are about what the shell will run.
 * Returns the problem in one sentence, or '' when the request is consistent (or carries
 * its script some other way: a file, stdin, one line of a gated interactive bash).
 */
export function scriptMismatch(req: GateRequest): string {
  if (req.seq !== undefined && req.layer !== 'exec') return 'a request number on a shell or tool request';
  if (req.layer !== 'shell') return req.script === undefined ? '' : 'a tool request carried a script';
  const a = req.argv;
  let hasC = false;
  let i = 1;
  for (; i < a.length; i++) {
    const o = a[i];
    if (o === '--') {
      i++;
      break;
    }
    if (o === '--rcfile' || o === '--init-file') {
      i++;
      continue;
    }
    if (o.startsWith('--')) continue;
    if ((o[0] === '-' || o[0] === '+') && o.length > 1) {
      if (o.includes('c')) hasC = true;
      if (/[oO]/.test(o.slice(1))) i++;
      continue;
    }
    break;
  }
  if (!hasC) return '';
  if (i >= a.length) return 'a shell request with -c had no command string';
  return req.script === a[i] ? '' : "the script sent is not the one the shell's -c argument carries";
}
