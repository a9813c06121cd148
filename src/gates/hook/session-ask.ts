/**
 * Hook-mode asks reach the human of a running `agentfw run` session (its TUI, a paired
 * `agentfw watch`, its `--approver` command or webhook) through that session's watch
 * socket (`{"t":"ask"}`, src/approval/watch-protocol.ts).
 *
 * Daemon side ({@link askRunningSession}): try this user's sessions in turn; the first one
 * with a human approver settles the ask. None → undefined (the daemon's own fallback).
 *
 * Session side ({@link createHookAskHandler}): the session analyses the command with its
 * own engine (the dialog shows what the command does, not what the asker claims), refuses
 * at once what its policy denies, and otherwise races its human approvers — never the
 * headless `--on-ask` policy, and never with a session-wide scope: an answer settles this
 * one hook call and grants nothing to the session's own gate.
 */
import net from 'node:net';
import os from 'node:os';
import { settle } from '../../approval/queue.js';
import type { ApprovalResult, Approver } from '../../approval/types.js';
import { listSessions, runtimeRoots } from '../../approval/watch-find.js';
import { encode, lineReader, type Ask, type ServerMessage } from '../../approval/watch-protocol.js';
import type { Engine } from '../../engine/analyze.js';
import { poolOf } from '../../engine/worker.js';

/** Hook asks are numbered from here, apart from the gate's own request ids (1, 2, …). */
export const HOOK_ASK_FIRST_ID = 1_000_001;

export interface HookAskHandlerOptions {
  engine: Engine;
  /** The session's approvers, read at each ask (the TUI joins after the agent starts). */
  approvers: () => Approver[];
  timeoutMs: number;
  /** Home directory for the analysis. Default: os.homedir(). */
  home?: string;
}

export function createHookAskHandler(
  o: HookAskHandlerOptions,
): (ask: Ask, signal: AbortSignal) => Promise<ApprovalResult | undefined> {
  let nextId = HOOK_ASK_FIRST_ID;
  return async (ask, signal) => {
    // In the engine's worker, under its hard deadline (src/engine/worker.ts), like the session's gates.
    const { decision: d } = await poolOf(o.engine).analyze({
      script: ask.command,
      cwd: ask.cwd,
      home: o.home ?? os.homedir(),
    });
    // The stricter verdict wins: what this session's policy denies is not put to a human.
    if (d.decision === 'deny')
      return { verdict: 'deny', approver: 'policy', scope: 'once', message: d.reason };
    const humans = o.approvers().filter((a) => a.name !== 'policy');
    if (humans.length === 0) return undefined;
    const confirm = d.findings.find((f) => f.confirm)?.confirm ?? ask.confirm;
    const why = d.decision === 'ask' ? d.reason : ask.reason;
    const r = await settle(
      {
        id: nextId++,
        ts: new Date().toISOString(),
        layer: 'shell',
        cwd: ask.cwd,
        command: ask.command,
        decision: { ...d, decision: 'ask', reason: `${ask.agent} hook asks: ${why}` },
        confirm,
      },
      { approvers: humans, timeoutMs: o.timeoutMs, signal },
    );
    return { ...r, scope: 'once' };
  };
}

export interface SessionAnswer extends ApprovalResult {
  /** Id of the session whose human answered. */
  session: string;
}

/** How long a session may take to say it took an ask before it is passed over (frozen, stopped). */
export const ACK_TIMEOUT_MS = 5_000;

/** Ask one session; undefined when it has no human, is gone, frozen, or does not speak `ask`. */
function askOne(
  socket: string,
  ask: Ask,
  signal: AbortSignal,
  ackTimeoutMs: number,
): Promise<ApprovalResult | undefined> {
  return new Promise((resolve) => {
    const sock = net.connect(socket);
    let done = false;
    const ack = setTimeout(() => finish(undefined), ackTimeoutMs);
    const finish = (r: ApprovalResult | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(ack);
      signal.removeEventListener('abort', onAbort);
      sock.destroy();
      resolve(r);
    };
    // fail closed: the hook call went away, nothing it waited for may allow
    const onAbort = () =>
      finish({ verdict: 'deny', approver: 'policy', scope: 'once', message: 'withdrawn' });
    signal.addEventListener('abort', onAbort, { once: true });
    sock.on('error', () => finish(undefined));
    sock.on('close', () => finish(undefined));
    sock.on('connect', () => sock.write(encode(ask)));
    sock.on(
      'data',
      lineReader(
        (line) => {
          let m: ServerMessage;
          try {
            m = JSON.parse(line) as ServerMessage;
          } catch {
            return finish(undefined);
          }
          if (m.t === 'asking') clearTimeout(ack);
          else if (m.t === 'verdict')
            finish({
              // fail closed: anything but an explicit allow is a deny
              verdict: m.verdict === 'allow' ? 'allow' : 'deny',
              approver: String(m.approver),
              scope: 'once',
              ...(m.message ? { message: String(m.message) } : {}),
            });
          else if (m.t === 'error') finish(undefined);
        },
        () => finish(undefined),
      ),
    );
    if (signal.aborted) onAbort();
  });
}

/**
 * Put `ask` to the human of a running session of this user. Sessions are tried one after
 * the other (a session without a human says so at once; one that does not confirm it took
 * the ask within `ackTimeoutMs` is passed over). Undefined = no session took it.
 */
export async function askRunningSession(
  ask: Omit<Ask, 't'>,
  signal: AbortSignal,
  roots: string[] = runtimeRoots(),
  ackTimeoutMs = ACK_TIMEOUT_MS,
): Promise<SessionAnswer | undefined> {
  for (const s of listSessions(roots)) {
    if (signal.aborted) break;
    const r = await askOne(s.socket, { t: 'ask', ...ask }, signal, ackTimeoutMs);
    if (r) return { ...r, session: s.id };
  }
  return undefined;
}
