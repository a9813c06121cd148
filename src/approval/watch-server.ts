/**
 * The session side of `agentfw watch`: a Unix socket in the session's 0700 runtime
 * directory that streams decision events and pending approvals to paired clients and
 * accepts their answers.
 *
 * Credential: the socket file is 0600 in a 0700 directory (only the human's uid can
 * connect) AND the first line must carry the one-time pairing code, which is shown only
 * on the human's screen (TUI status line / supervisor stderr), never in the agent's PTY,
 * environment or files. The code rotates after every successful pairing and after three
 * wrong attempts. See docs/tui.md for what this does and does not stop.
 */
import net from 'node:net';
import { chmodSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../tui/approval-model.js';
import type { ApprovalResult, Approver, DecisionEvent, SessionInfo } from './types.js';
import {
  ClientMessageSchema,
  codeMatches,
  encode,
  lineReader,
  newPairingCode,
  type Answer,
  type Ask,
  type ServerMessage,
} from './watch-protocol.js';
import { hookAsker } from './watch-hook-ask.js';
import { watchApprover, type Pending } from './watch-approver.js';

export interface WatchServerOptions {
  /** Socket path, normally `info.watchSocket`. Its directory must be owned by this uid and not accessible to group/others. */
  socketPath: string;
  info: SessionInfo;
  /** Subscribe to the session's decision events (same function the TUI gets). */
  onDecision(cb: (ev: DecisionEvent) => void): () => void;
  /**
   * The session's approval timeout in ms (default 300 000). The watch server denies on its own
   * only {@link BACKSTOP_MS} later, so a timeout is normally settled (and audited) by the TUI
   * or the broker, not reported as a watcher's answer.
   */
  approvalTimeoutMs?: number;
  /** Called with a warning for the human (failed pairing attempts). Absent = dropped. */
  onWarning?(message: string): void;
  /** Delay before answering a wrong pairing code, in ms. Default 1000. */
  failDelayMs?: number;
  /**
   * Settles an ask sent by the hook daemon (`{"t":"ask"}`) with this session's human
   * approvers (src/gates/hook/session-ask.ts). Resolves undefined when no human is attached.
   * `signal` aborts when the daemon hangs up. Absent = such asks are refused at once.
   */
  onHookAsk?(ask: Ask, signal: AbortSignal): Promise<ApprovalResult | undefined>;
}

export interface WatchServer {
  /** Settles asks with the answers of paired watchers; name `watch`. */
  approver: Approver;
  /** The current one-time pairing code, to show on the human's screen only. */
  readonly pairingCode: string;
  /** Called whenever the code changes. Returns an unsubscribe function. */
  onPairingCode(cb: (code: string) => void): () => void;
  /** Called with warnings for the human (wrong pairing codes). Returns an unsubscribe function. */
  onWarning(cb: (message: string) => void): () => void;
  /** Paired clients connected now. */
  readonly clients: number;
  /** Stop listening, disconnect everyone, deny what is pending, remove the socket. */
  close(): Promise<void>;
}

const MAX_RECENT = 200;
/** Connections that have not paired yet, at most; a newer one evicts the oldest (idle ones cannot lock a watcher out). */
const MAX_UNPAIRED = 8;
/** A connection must send its hello this soon (`agentfw watch` sends it on connect). */
const HELLO_TIMEOUT_MS = 5_000;
const MAX_FAILURES_PER_CODE = 3;
export { BACKSTOP_MS } from './watch-approver.js';

/** Refuse to listen in a directory other users could enter. */
function checkDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  const uid = process.getuid?.();
  if ((uid !== undefined && st.uid !== uid) || (st.mode & 0o077) !== 0) {
    // fail closed: a socket in a shared directory could be reached by other users
    throw new AgentfwError(
      'E_WATCH_DIR',
      `the watch socket directory ${dir} is not private (mode ${(st.mode & 0o777).toString(8)})`,
      `use a directory owned by you with mode 0700 (chmod 700 ${dir}).`,
    );
  }
}

export async function startWatchServer(opts: WatchServerOptions): Promise<WatchServer> {
  const timeoutMs = opts.approvalTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const failDelay = opts.failDelayMs ?? 1000;
  checkDir(path.dirname(opts.socketPath));
  try {
    if (lstatSync(opts.socketPath).isSocket()) rmSync(opts.socketPath);
  } catch {
    /* absent */
  }

  let code = newPairingCode();
  let failures = 0;
  const codeListeners = new Set<(c: string) => void>();
  const warnListeners = new Set<(m: string) => void>();
  const warn = (m: string) => {
    opts.onWarning?.(m);
    for (const cb of warnListeners) cb(m);
  };
  const rotate = () => {
    code = newPairingCode();
    failures = 0;
    for (const cb of codeListeners) cb(code);
  };

  const paired = new Set<net.Socket>();
  const all = new Set<net.Socket>();
  const pending = new Map<number, Pending>();
  const recent: DecisionEvent[] = [];
  const send = (s: net.Socket, m: ServerMessage) => {
    if (!s.destroyed) s.write(encode(m));
  };
  const broadcast = (m: ServerMessage) => paired.forEach((s) => send(s, m));

  const unsubscribe = opts.onDecision((ev) => {
    recent.push(ev);
    if (recent.length > MAX_RECENT) recent.shift();
    broadcast({ t: 'event', event: ev });
  });

  const settle = (id: number, r: ApprovalResult) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    broadcast({ t: 'settled', id });
    p.resolve(r);
  };

  const onAnswer = (s: net.Socket, a: Answer) => {
    const p = pending.get(a.id);
    if (!p)
      return send(s, {
        t: 'error',
        code: 'E_WATCH_GONE',
        message: `request #${a.id} is no longer waiting`,
        fix: 'it was answered elsewhere or timed out; nothing to do.',
      });
    if (a.verdict === 'allow' && p.req.confirm !== undefined && a.confirm !== p.req.confirm) {
      // fail closed: an allow without the exact typed value does not approve
      return send(s, {
        t: 'error',
        code: 'E_WATCH_CONFIRM',
        message: `request #${a.id} needs the typed confirmation value`,
        fix: 'type the value shown in the dialog exactly.',
      });
    }
    settle(a.id, {
      verdict: a.verdict,
      scope: a.scope,
      approver: 'watch',
      ...(a.message ? { message: a.message } : {}),
    });
  };

  const onHookAsk = hookAsker(opts.onHookAsk, send);

  // Unpaired connections, oldest first. Paired watchers are never dropped for new ones.
  const unpaired = new Set<net.Socket>();
  const asking = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    all.add(sock);
    unpaired.add(sock);
    sock.on('close', () => {
      all.delete(sock);
      paired.delete(sock);
      unpaired.delete(sock);
      asking.delete(sock);
    });
    sock.on('error', () => sock.destroy());
    if (unpaired.size > MAX_UNPAIRED) {
      // Evict the oldest unpaired connection, not the newcomer: a real watcher sends its
      // hello at once, so idle connections can no longer keep every watcher out.
      const oldest = unpaired.values().next().value as net.Socket;
      unpaired.delete(oldest);
      oldest.destroy();
    }
    const helloTimer = setTimeout(() => sock.destroy(), HELLO_TIMEOUT_MS);
    helloTimer.unref();
    const bad = (m: string) => {
      send(sock, {
        t: 'error',
        code: 'E_WATCH_PROTOCOL',
        message: m,
        fix: 'use `agentfw watch` of the same version.',
      });
      sock.end();
    };
    sock.on(
      'data',
      lineReader(
        (line) => {
          let msg;
          try {
            msg = ClientMessageSchema.parse(JSON.parse(line));
          } catch {
            return bad('unreadable message');
          }
          if (msg.t === 'ask') {
            // A hook ask is no watcher: it neither pairs nor counts against the unpaired limit.
            if (asking.has(sock)) return bad('one ask per connection');
            asking.add(sock);
            clearTimeout(helloTimer);
            unpaired.delete(sock);
            return onHookAsk(sock, msg);
          }
          if (asking.has(sock)) return bad('one ask per connection');
          if (!paired.has(sock)) {
            if (msg.t !== 'hello') return bad('pair first');
            clearTimeout(helloTimer);
            if (!codeMatches(msg.code, code)) {
              failures++;
              warn(`watch: wrong pairing code (attempt ${failures} for this code)`);
              if (failures >= MAX_FAILURES_PER_CODE) rotate();
              setTimeout(() => {
                send(sock, {
                  t: 'error',
                  code: 'E_WATCH_PAIRING',
                  message: 'wrong pairing code',
                  fix: 'type the code shown on the agentfw screen of the session (it changes after each use and after 3 wrong tries).',
                });
                sock.end();
              }, failDelay).unref();
              return;
            }
            paired.add(sock);
            unpaired.delete(sock);
            rotate(); // one-time: the code just used no longer pairs anyone
            const now = Date.now();
            send(sock, {
              t: 'welcome',
              session: { id: opts.info.id, packs: opts.info.packs },
              pending: [...pending.values()].map((p) => ({
                request: p.req,
                remainingMs: Math.max(0, p.deadline - now),
              })),
              recent,
            });
            return;
          }
          if (msg.t === 'answer') onAnswer(sock, msg);
        },
        () => bad('line too long'),
      ),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.socketPath, () => resolve());
  });
  chmodSync(opts.socketPath, 0o600);

  const approver = watchApprover(timeoutMs, pending, settle, broadcast);

  return {
    approver,
    get pairingCode() {
      return code;
    },
    onPairingCode(cb) {
      codeListeners.add(cb);
      return () => codeListeners.delete(cb);
    },
    onWarning(cb) {
      warnListeners.add(cb);
      return () => warnListeners.delete(cb);
    },
    get clients() {
      return paired.size;
    },
    async close() {
      unsubscribe();
      for (const id of [...pending.keys()])
        settle(id, { verdict: 'deny', approver: 'watch', scope: 'once', message: 'The session is ending.' });
      for (const s of all) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(opts.socketPath, { force: true });
    },
  };
}
