/**
 * The per-user hook decision daemon: one warm engine behind a private Unix socket, so an
 * agent's pre-tool hook costs a socket round trip instead of a Node start and a ruleset
 * load. Started on first use by the hook client, exits after `idleMs` without requests.
 *
 * Socket: `${XDG_RUNTIME_DIR:-$TMPDIR}/agentfw-hook-<uid>/hook.sock`, dir 0700, socket 0600.
 * Wire (one request per connection): client → `AGENT\nLEN\n` + LEN bytes of the hook's stdin
 * JSON; daemon → `EXIT\nLEN\n` + LEN bytes for stdout + the rest for stderr, then closes.
 *
 * Every decision is audited (layer `shell`, the command masked). An `ask` goes to the human
 * of a running `agentfw run` session of this user (its TUI, `agentfw watch`, its approver;
 * src/gates/hook/session-ask.ts), else to the configured approver (the signed webhook), else to
 * the agent's own permission prompt when it has one and no typed value is needed, else it
 * is refused with the reason.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { settle } from '../../approval/queue.js';
import type { ApprovalRequest, ApprovalResult, Approver } from '../../approval/types.js';
import type { AuditWriter } from '../../audit/writer.js';
import type { Engine } from '../../engine/analyze.js';
import { poolOf } from '../../engine/worker.js';
import type { Decision } from '../../engine/types.js';
import { listenPrivate } from '../../supervisor/unix-server.js';
import {
  formatReply,
  hasNativeAsk,
  isHookAgent,
  parseHookInput,
  type HookAgent,
  type HookReply,
} from './agents.js';

const MAX_REQUEST = 1024 * 1024;
/** A session settles (or times out) an ask itself; the daemon stops waiting this much later. */
const SESSION_GRACE_MS = 30_000;

export function hookDir(env: NodeJS.ProcessEnv = process.env): string {
  const root =
    env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR) ? env.XDG_RUNTIME_DIR : os.tmpdir();
  return path.join(root, `agentfw-hook-${process.getuid?.() ?? 0}`);
}

export interface HookDaemonOptions {
  socketPath: string;
  engine: Engine;
  /** Masks secrets in the command text for the audit and messages. */
  mask: (text: string) => string;
  audit?: AuditWriter;
  /**
   * Puts an ask to the human of a running session (src/gates/hook/session-ask.ts). Resolves
   * undefined when no session took it. Absent = sessions are not asked.
   */
  askSession?: (
    ask: { agent: string; cwd: string; command: string; reason: string; confirm?: string },
    signal: AbortSignal,
  ) => Promise<(ApprovalResult & { session: string }) | undefined>;
  /** Settles asks (the webhook approver). Undefined = none configured. */
  approver?: Approver;
  approvalTimeoutMs: number;
  /** Exit after this long without a request; 0 = never. */
  idleMs: number;
  onIdle?: () => void;
}

/** Takes `<dir>/hook.lock` for this pid; false when another live daemon holds it. */
export function lockDaemon(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  // fail closed: a socket dir someone else owns or can enter is not ours to use
  if (st.uid !== (process.getuid?.() ?? st.uid) || (st.mode & 0o077) !== 0) return false;
  const lock = path.join(dir, 'hook.lock');
  for (let i = 0; i < 2; i++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      const pid = Number(readFileSync(lock, 'utf8'));
      let alive: boolean;
      try {
        process.kill(pid, 0);
        alive = pid > 0;
      } catch (err) {
        alive = (err as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (alive && pid !== process.pid) return false;
      rmSync(lock, { force: true });
    }
  }
  return false;
}

function reasonOf(d: Decision): string {
  const f = d.findings.find((x) => x.decision === d.decision) ?? d.findings[0];
  return f ? `${f.agent_message || f.message} (rule ${f.rule})` : d.reason;
}

export async function startHookDaemon(o: HookDaemonOptions): Promise<{ close(): Promise<void> }> {
  let idle: NodeJS.Timeout | undefined;
  let nextId = 1;
  const touch = () => {
    if (idle) clearTimeout(idle);
    if (o.idleMs > 0) idle = setTimeout(() => o.onIdle?.(), o.idleMs);
  };

  async function answer(agent: HookAgent, text: string, hungUp: AbortSignal): Promise<HookReply> {
    let input;
    try {
      input = parseHookInput(agent, text);
    } catch (err) {
      // fail closed: an input we cannot read is refused
      return formatReply(agent, 'deny', `could not read the ${agent} hook input (${(err as Error).message})`);
    }
    if ('skip' in input) return formatReply(agent, 'allow', '');
    const cwd = input.cwd && path.isAbsolute(input.cwd) ? input.cwd : os.homedir();
    // In the engine's warm worker under a hard deadline (src/engine/worker.ts): one pathological
    // command cannot stall every agent's hook of this user.
    const { decision: d } = await poolOf(o.engine).analyze({
      script: input.command,
      cwd,
      home: os.homedir(),
    });
    const masked = o.mask(input.command);
    let reply: HookReply;
    let final: 'allow' | 'deny' = d.decision === 'allow' ? 'allow' : 'deny';
    let approver = 'policy';
    let reason = d.decision === 'allow' ? d.reason : reasonOf(d);
    const confirm = d.findings.find((f) => f.confirm)?.confirm;
    let viaSession;
    if (d.decision === 'ask' && o.askSession) {
      // fail closed: a session that never answers (stopped, hung) is a deny after the timeout
      const ctl = new AbortController();
      const stop = () => ctl.abort();
      hungUp.addEventListener('abort', stop, { once: true });
      const timer = setTimeout(stop, o.approvalTimeoutMs + SESSION_GRACE_MS);
      const ask = { agent, cwd, command: masked, reason: o.mask(reasonOf(d)) };
      viaSession = await o.askSession(confirm !== undefined ? { ...ask, confirm } : ask, ctl.signal);
      clearTimeout(timer);
      hungUp.removeEventListener('abort', stop);
    }
    if (viaSession) {
      final = viaSession.verdict;
      approver = `session:${viaSession.session}/${viaSession.approver}`;
      if (final === 'deny') reason = viaSession.message || reason;
      else reason = `approved in session ${viaSession.session}: ${reason}`;
      reply = formatReply(agent, final, reason);
    } else if (d.decision === 'ask' && o.approver) {
      const req: ApprovalRequest = {
        id: nextId++,
        ts: new Date().toISOString(),
        layer: 'shell',
        cwd,
        command: masked,
        decision: d,
        confirm,
      };
      const r = await settle(req, {
        approvers: [o.approver],
        timeoutMs: o.approvalTimeoutMs,
        signal: hungUp,
      });
      final = r.verdict;
      approver = r.approver;
      if (r.verdict === 'deny') reason = r.message || reason;
      reply = formatReply(agent, final, reason);
    } else if (d.decision === 'ask' && hasNativeAsk(agent) && confirm === undefined) {
      // The agent's own prompt asks the human; agentfw lets the command reach it.
      final = 'allow';
      approver = `agent-prompt:${agent}`;
      reason = `handed to ${agent}'s own permission prompt: ${reason}`;
      reply = formatReply(agent, 'ask', reasonOf(d));
    } else if (d.decision === 'ask') {
      // fail closed: nobody here can approve
      reason = `${reasonOf(d)}. No approver is reachable in hook mode${confirm !== undefined ? ' (this one needs a typed confirmation)' : ''}: run the agent under \`agentfw run\`, or configure the approval webhook.`;
      reply = formatReply(agent, 'deny', reason);
    } else reply = formatReply(agent, final, reason);
    try {
      o.audit?.append({
        layer: 'shell',
        cwd,
        command: masked,
        decision: final,
        verdict: d.decision,
        rules: d.findings.map((f) => f.rule),
        approver,
        reason: o.mask(reason),
      });
    } catch {
      // fail closed: a decision that cannot be audited is refused
      if (final === 'allow') return formatReply(agent, 'deny', 'the audit log cannot be written');
    }
    return reply;
  }

  const onConnection = (sock: net.Socket) => {
    touch();
    const chunks: Buffer[] = [];
    let size = 0;
    const ctl = new AbortController();
    let done = false;
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      if (!done) ctl.abort();
    });
    let started = false;
    const onRequest = (agentName: string, body: string) => {
      const send = (r: HookReply) => {
        done = true;
        const out = Buffer.from(r.stdout, 'utf8');
        sock.end(
          Buffer.concat([Buffer.from(`${r.exit}\n${out.length}\n`), out, Buffer.from(r.stderr, 'utf8')]),
        );
      };
      if (!isHookAgent(agentName))
        return send({ exit: 2, stdout: '', stderr: `agentfw: unknown agent "${agentName}"\n` });
      answer(agentName, body, ctl.signal).then(send, (err: Error) =>
        // fail closed: an internal error refuses
        send(formatReply(agentName, 'deny', `internal error: ${err.message}`)),
      );
    };
    sock.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST) return void sock.destroy();
      chunks.push(c);
      if (started) return;
      const buf = Buffer.concat(chunks);
      const a = buf.indexOf(0x0a);
      const b = a >= 0 ? buf.indexOf(0x0a, a + 1) : -1;
      if (b < 0) return;
      const len = Number(buf.subarray(a + 1, b).toString());
      if (!Number.isSafeInteger(len) || len < 0 || len > MAX_REQUEST) return void sock.destroy();
      if (buf.length - (b + 1) < len) return;
      started = true;
      onRequest(
        buf.subarray(0, a).toString('utf8').trim(),
        buf.subarray(b + 1, b + 1 + len).toString('utf8'),
      );
    });
  };

  const server = await listenPrivate(o.socketPath, onConnection);
  touch();
  return {
    async close() {
      if (idle) clearTimeout(idle);
      await server.close();
    },
  };
}
