/**
 * `agentfw run`: one supervised agent session.
 *
 * Order: gate client → secrets → engine (refuses to start on an invalid ruleset) →
 * private runtime dir → shims + gate script → audit log → broker socket → watch socket →
 * agent under node-pty → TUI or transparent passthrough → wait for exit → clean up.
 * The agent's exit code is returned.
 */
import os from 'node:os';
import path from 'node:path';
import { startBroker, type Broker } from '../approval/broker.js';
import { createPolicyApprover, type OnAsk } from '../approval/policy.js';
import type { Approver, SessionUi } from '../approval/types.js';
import type { WatchServer } from '../approval/watch-server.js';
import { AuditWriter } from '../audit/writer.js';
import { loadEngine, type Engine } from '../engine/analyze.js';
import { AgentfwError } from '../errors.js';
import { findClient, FALLBACK_WARNING } from '../shim/client-path.js';
import { buildAgentEnv, realPathOf } from './agent-env.js';
import { ApprovedMemory } from './approved.js';
import { commandsOf } from './commands-of.js';
import { createDecider } from './decide.js';
import { EventHub } from './events.js';
import { startPassthrough, type Passthrough } from './passthrough.js';
import { spawnAgent } from './pty.js';
import { createRuntimeDir } from './runtime.js';
import { loadSecretSet } from './secrets-seam.js';
import { prepareShims, which } from './shimdir.js';

export interface SessionOptions {
  /** AGENT and its arguments. Never empty. */
  command: string[];
  /** `--headless`: no TUI even with a TTY. */
  headless: boolean;
  /** How an `ask` is settled without a human (headless). */
  onAsk: OnAsk;
  /** Audit log path. */
  auditPath: string;
  /** Extra rulesets (`--ruleset`). Empty = built-ins only. */
  rulesetPaths: string[];
  /** Deny an ask nobody answered after this many ms. */
  approvalTimeoutMs: number;
  /** `--approver CMD`; undefined = none. */
  approverCmd?: string;
  /** Working directory and workspace of the agent. Default: process.cwd(). */
  cwd?: string;
  /** Where notes for the human go. Default: process.stderr. */
  notes?: NodeJS.WritableStream;
  /** A loaded engine to use instead of loading one from rulesetPaths (demo, doctor). */
  engine?: Engine;
}

export async function runSession(o: SessionOptions): Promise<number> {
  const notes = o.notes ?? process.stderr;
  const note = (s: string) => notes.write(s.endsWith('\n') ? s : s + '\n');
  const cwd = path.resolve(o.cwd ?? process.cwd());

  const client = findClient();
  if (client.kind === 'missing') {
    // fail closed: without a gate client no command could be checked
    throw new AgentfwError(
      'E_SHIM_MISSING',
      'the gate client build/agentfw-shim is missing, so commands cannot be checked',
      'run `npm run build:shim` in the agentfw folder (needs a C compiler, or falls back to Node)',
    );
  }
  if (client.kind === 'node-fallback') note(FALLBACK_WARNING);

  const { set: secrets, fallback: secretsFallback } = await loadSecretSet(process.env, cwd);
  if (secretsFallback)
    note('agentfw: note: the secrets layer is not in this build; only secret-named variables are masked.');
  const engine = o.engine ?? (await loadEngine({ rulesetPaths: o.rulesetPaths, mask: secrets.mask }));

  const runtime = createRuntimeDir();
  const cleanups: (() => void | Promise<void>)[] = [() => runtime.remove()];
  let broker: Broker | undefined;
  let watch: WatchServer | undefined;
  let ui: SessionUi | undefined;
  let passthrough: Passthrough | undefined;
  try {
    const realPath = realPathOf(process.env.PATH ?? '', [process.env.AGENTFW_SHIM_DIR ?? '']);
    const shims = prepareShims({
      shimDir: runtime.shimDir,
      runtimeDir: runtime.dir,
      client: client.path,
      realPath,
    });
    const audit = AuditWriter.open(o.auditPath, runtime.id);
    cleanups.unshift(() => audit.close());

    const events = new EventHub();
    const approvers: Approver[] = [];
    const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    let headless = o.headless || !tty;
    const info = {
      id: runtime.id,
      packs: engine.packs.map((p) => `${p.pack}@${p.version}`),
      auditPath: audit.path,
      watchSocket: runtime.watchSocket,
    };

    const decide = createDecider({
      engine,
      secrets,
      audit,
      approvers: () => approvers,
      approvalTimeoutMs: o.approvalTimeoutMs,
      get headless() {
        return headless;
      },
      onAsk: o.onAsk,
      workspace: cwd,
      home: os.homedir(),
      events,
      approved: new ApprovedMemory((script, dir) => commandsOf(script, dir, cwd)),
    });
    broker = await startBroker({ socketPath: runtime.socket, handle: decide });

    const { startWatchServer } = await import('../approval/watch-server.js');
    watch = await startWatchServer({
      socketPath: runtime.watchSocket,
      info,
      onDecision: (cb) => events.subscribe(cb),
      approvalTimeoutMs: o.approvalTimeoutMs,
      onWarning: (m) => (ui ? undefined : note(`agentfw: ${m}`)),
    });

    const env = buildAgentEnv({
      base: secrets.agentEnv(process.env),
      shimDir: shims.dir,
      gateScript: shims.gateScript,
      socket: runtime.socket,
      client: client.path,
      realPath,
      waitMs: o.approvalTimeoutMs + 30_000,
      session: runtime.id,
    });
    const [name, ...args] = o.command;
    // Resolve through the agent's PATH: `agentfw run -- bash` gets the gated bash.
    const file = name.includes('/') ? path.resolve(cwd, name) : which(name, env.PATH);
    if (!file)
      throw new AgentfwError(
        'E_AGENT_NOT_FOUND',
        `cannot find "${name}" on PATH`,
        'check the agent command after --, or give its full path',
      );

    // Without a TTY: the agent's pty gets no echo and no CR/LF translation, so its output bytes are unchanged.
    const launch = tty
      ? { file, args }
      : {
          file: '/bin/sh',
          args: [
            '-c',
            'stty -echo -onlcr 2>/dev/null; BASH_ENV="$AGENTFW_GATE_SCRIPT"; export BASH_ENV; exec "$0" "$@"',
            file,
            ...args,
          ],
        };
    const launchEnv = tty ? env : { ...env, BASH_ENV: '' };
    const agent = spawnAgent({
      ...launch,
      env: launchEnv,
      cwd,
      cols: process.stdout.columns || 80,
      rows: process.stdout.rows || 24,
    });

    if (!headless) {
      try {
        const spec = '../tui/index.js';
        const mod = (await import(spec)) as { createTui: (opts: object) => SessionUi };
        ui = mod.createTui({ approvalTimeoutMs: o.approvalTimeoutMs, watch });
        approvers.push(
          ui.start({ terminal: agent.terminal, info, onDecision: (cb) => events.subscribe(cb) }),
        );
      } catch (err) {
        ui = undefined;
        headless = true;
        note(
          `agentfw: the TUI could not start (${(err as Error).message}); passing the terminal through, asks settled by --on-ask ${o.onAsk}.`,
        );
      }
    }
    if (!ui) passthrough = startPassthrough(agent);
    if (o.approverCmd) {
      const { createExternalApprover } = await import('../approval/external.js');
      approvers.push(createExternalApprover(o.approverCmd, { timeoutMs: o.approvalTimeoutMs, cwd }));
    }
    if (ui || o.approverCmd) approvers.push(watch.approver);
    else approvers.push(createPolicyApprover(o.onAsk));
    if (!ui && o.approverCmd) {
      note(
        `agentfw: asks go to ${o.approverCmd}; a human can also answer with \`agentfw watch --session ${runtime.id}\` (pairing code ${watch.pairingCode}).`,
      );
    }

    const forward = (sig: NodeJS.Signals) => () => agent.kill(sig);
    const handlers: [NodeJS.Signals, () => void][] = (
      ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const
    ).map((s) => [s, forward(s)]);
    for (const [s, h] of handlers) process.on(s, h);
    cleanups.unshift(() => {
      for (const [s, h] of handlers) process.off(s, h);
    });

    const code = await agent.exited;
    await new Promise<void>((r) => process.stdout.write('', () => r()));
    return code;
  } finally {
    passthrough?.stop();
    ui?.stop();
    await watch?.close().catch(() => undefined);
    await broker?.close().catch(() => undefined);
    for (const c of cleanups) await c();
  }
}
