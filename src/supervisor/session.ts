/**
 * `agentfw run`: one supervised agent session.
 *
 * Order: gate client → secrets → engine (refuses to start on an invalid ruleset) →
 * private runtime dir → shims + gate script → audit log and its start record
 * (session-start.ts) → broker socket → watch socket → approvers (session-approvers.ts) →
 * agent command (session-launch.ts, session-sandbox.ts) → agent under node-pty → TUI or
 * transparent passthrough → signals passed on (session-signals.ts) → wait for exit →
 * clean up (session-end.ts). The agent's exit code is returned.
 */
import os from 'node:os';
import path from 'node:path';
import { findWebhookConfig, loadWebhookConfig } from '../approval/webhook-config.js';
import type { OnAsk } from '../approval/policy.js';
import type { Approver, SessionUi } from '../approval/types.js';
import type { WatchServer } from '../approval/watch-server.js';
import { findExportConfig, loadExportConfig } from '../audit/export/config.js';
import type { Engine } from '../engine/analyze.js';
import { loadPolicyEngine } from '../engine/load.js';
import { poolOf } from '../engine/worker.js';
import { createHookAskHandler } from '../gates/hook/session-ask.js';
import { attribute, type Attribution } from '../gates/proxy/index.js';
import { FALLBACK_WARNING } from '../gates/shim/client-path.js';
import { EXEC_GATE_MISSING, findExecGate } from '../gates/exec/exec-gate.js';
import { startGate } from './gate.js';
import { startPassthrough, type Passthrough } from './passthrough.js';
import { spawnAgent } from './pty.js';
import type { NetBridge } from './sandbox-net.js';
import { probeSandboxAsync } from './sandbox.js';
import { hostPidOf, mapRequestPids } from './sandbox-pids.js';
import { loadSecretSet } from './secrets-seam.js';
import { ownModelKeys } from '../secrets/model-keys.js';
import { agentName } from './agent-name.js';
import { addApprovers, loadTui, startTui, type CreateTui } from './session-approvers.js';
import { endSession } from './session-end.js';
import { resolveAgent, startCommand, underExecGate } from './session-launch.js';
import { listBlobsEarly } from './sandbox-git.js';
import { sandboxCommand } from './session-sandbox.js';
import { forwardSignals } from './session-signals.js';
import { recordSessionStart } from './session-start.js';
import { guardSession, holdSignals, LIMITS_NOTE, type SessionGuard } from './watchdog-session.js';

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
  /**
   * Run the agent under bwrap (src/supervisor/sandbox.ts; the `agentfw run` default on Linux)
   * in its own network namespace whose only way out is the session's egress proxy;
   * `writable` = `--sandbox-rw` paths. Undefined = no sandbox: the network is shared and the
   * proxy variables are advisory.
   */
  sandbox?: { writable: string[] };
  /**
   * Why there is no sandbox, when `agentfw run` would have had one: `flag` = `--no-sandbox`,
   * `platform` = not Linux. Said at start and recorded in the audit log. Undefined = say nothing (demo, doctor, sandboxed runs).
   */
  noSandbox?: 'flag' | 'platform';
}

export async function runSession(o: SessionOptions): Promise<number> {
  const notes = o.notes ?? process.stderr;
  const note = (s: string) => notes.write(s.endsWith('\n') ? s : s + '\n');
  // Before anything else: SIGUSR1 would open the Node inspector (code execution in here).
  const releaseSignals = holdSignals(note);
  const guarded: { guard?: SessionGuard } = {};
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const hostUid = process.getuid?.() ?? 0;
  // The test sandbox runs while secrets and rules load; it is awaited before the gate starts.
  const probe = o.sandbox ? probeSandboxAsync(process.env.PATH ?? '', hostUid) : undefined;
  probe?.catch(() => undefined); // awaited (and thrown) below; this only marks it handled meanwhile
  // So does the listing of the repository's git objects, which the sandbox checks for secrets.
  const gitBlobs = o.sandbox ? listBlobsEarly(cwd) : undefined;
  let bwrapPid: number | undefined;
  let bridge: NetBridge | undefined;
  let nsPid: number | undefined;
  /** The sender of a bridged connection, from the sandbox's own TCP table; pid 0 = unknown. */
  const attributeInside = (clientPort: number, serverPort: number): Attribution => {
    const x = bridge?.innerPort(clientPort);
    // fail closed: a connection the bridge did not forward is not the agent's to claim (unknown → asked)
    if (!x) return { pid: 0, argv: [] };
    // pid 2 in the sandbox is the bridge helper: it lives in the sandbox's network namespace
    nsPid ??= hostPidOf(2, bwrapPid);
    return nsPid ? attribute(x, serverPort, `/proc/${nsPid}/net`) : { pid: 0, argv: [] };
  };

  // The agent's own model key stays usable by it (its model API is tunnelled opaquely).
  const agentKnown = agentName(o.command);
  const ownKeys = ownModelKeys(agentKnown, process.env);
  const { set: secrets, fallback: secretsFallback } = await loadSecretSet(
    process.env,
    cwd,
    os.homedir(),
    ownKeys,
  );
  if (secretsFallback)
    note('agentfw: note: the secrets layer is not in this build; only secret-named variables are masked.');
  const engine =
    o.engine ??
    (await loadPolicyEngine({
      rulesetPaths: o.rulesetPaths,
      mask: (t) => secrets.mask(t),
      workspace: cwd,
      onNote: note,
    }));
  // What policy was loaded from where, when anything beyond the built-in packs is in play.
  if (engine.sources.length > 1) for (const l of engine.sources) note(`agentfw: policy: ${l}`);

  // An export config that does not load stops the session: the org expects its copy of the log.
  const exportFile = findExportConfig(process.env);
  const exportCfg = exportFile ? loadExportConfig(exportFile) : undefined;
  const webhookFile = findWebhookConfig(process.env);
  const webhookCfg = webhookFile ? loadWebhookConfig(webhookFile) : undefined;

  // fail closed: with --sandbox and no working bwrap the session stops here (E_SANDBOX_UNAVAILABLE)
  const bwrap = probe ? await probe : undefined;

  const approvers: Approver[] = [];
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let headless = o.headless || !tty;
  const gate = await startGate({
    engine,
    secrets,
    auditPath: o.auditPath,
    approvers: () => approvers,
    approvalTimeoutMs: o.approvalTimeoutMs,
    headless: () => headless,
    onAsk: o.onAsk,
    workspace: cwd,
    mapRequest: bwrap ? (req) => mapRequestPids(req, bwrapPid) : undefined,
    mapPid: bwrap ? (pid) => hostPidOf(pid, bwrapPid) : undefined,
    onAuditFailure: (why) => guarded.guard?.auditFailed(why),
    readOnlyShims: !bwrap,
    egressProxy: true,
    // In the sandbox every connection reaches the proxy from the bridge (this process): the
    // sender is found in the sandbox's network namespace instead.
    proxyAttribute: bwrap ? (clientPort, serverPort) => attributeInside(clientPort, serverPort) : undefined,
  });
  if (gate.client.kind === 'node-fallback') note(FALLBACK_WARNING);
  const { runtime, events } = gate;
  // fail closed: when the start record cannot be written the gate is closed and the error
  // re-thrown, so the agent never starts
  const auditExport = await recordSessionStart({
    gate,
    engine,
    secrets,
    command: o.command,
    cwd,
    exportCfg,
    onExportWarning: (m) => (ui ? undefined : note(`agentfw: ${m}`)),
    bwrap,
    noSandbox: o.noSandbox,
    note,
  });
  const env = gate.agentEnv;
  // Without the sandbox the gate client checks that gate.sock is served by this process.
  if (bwrap) delete env.AGENTFW_SUPERVISOR_PID;
  else env.AGENTFW_SUPERVISOR_PID = String(process.pid);
  // The same for the shim's keeper (src/gates/shim/shim-keep.ts).
  if (bwrap || !gate.keeperPid) delete env.AGENTFW_KEEP_PID;
  else env.AGENTFW_KEEP_PID = String(gate.keeperPid);
  const cleanups: (() => void)[] = [];
  let watch: WatchServer | undefined;
  let ui: SessionUi | undefined;
  let passthrough: Passthrough | undefined;
  try {
    const info = {
      id: runtime.id,
      packs: engine.packs.map((p) => `${p.pack}@${p.version}`),
      auditPath: gate.audit.path,
      watchSocket: runtime.watchSocket,
    };
    const { startWatchServer } = await import('../approval/watch-server.js');
    watch = await startWatchServer({
      socketPath: runtime.watchSocket,
      info,
      onDecision: (cb) => events.subscribe(cb),
      approvalTimeoutMs: o.approvalTimeoutMs,
      onWarning: (m) => (ui ? undefined : note(`agentfw: ${m}`)),
      onHookAsk: createHookAskHandler({ engine, approvers: () => approvers, timeoutMs: o.approvalTimeoutMs }),
    });

    // Every approver is in place before the agent starts: an early ask never finds none.
    let createTui: CreateTui | undefined;
    if (!headless) {
      createTui = await loadTui(note);
      headless = !createTui;
    }
    await addApprovers({
      approverCmd: o.approverCmd,
      webhookCfg,
      headless,
      onAsk: o.onAsk,
      approvalTimeoutMs: o.approvalTimeoutMs,
      cwd,
      watch,
      sessionId: runtime.id,
      approvers,
      cleanups,
      note,
    });

    const started: { pid?: number } = {};
    const guard = (guarded.guard = guardSession({
      gate,
      watchSocket: runtime.watchSocket,
      note,
      agentPid: () => started.pid,
    }));
    cleanups.push(() => guard.stop());
    if (!o.sandbox) note(LIMITS_NOTE);

    const [name, ...args] = o.command;
    const file = resolveAgent(name, cwd, env.PATH);
    const execGate = findExecGate();
    if (!execGate && process.platform === 'linux') note(EXEC_GATE_MISSING);
    const start = startCommand(file, args, env, Boolean(tty || execGate));
    let cmd = [start.file, ...start.args];
    if (bwrap && o.sandbox)
      cmd = await sandboxCommand(cmd, {
        gitBlobs,
        bwrap,
        gate,
        secrets,
        cwd,
        agentFile: file,
        agentKnown,
        command: o.command,
        writable: o.sandbox.writable,
        hostUid,
        headless: () => headless,
        nsPid: () => (nsPid ??= hostPidOf(2, bwrapPid)),
        onBridge: (b) => {
          bridge = b;
          cleanups.push(() => void b.close());
        },
        note,
      });
    if (execGate)
      cmd = underExecGate(cmd, {
        helper: execGate,
        gate,
        approvalTimeoutMs: o.approvalTimeoutMs,
        tty,
        sandboxed: Boolean(bwrap && o.sandbox),
      });
    const launch = { file: cmd[0], args: cmd.slice(1), env: start.env };
    const agent = spawnAgent({
      ...launch,
      cwd,
      cols: process.stdout.columns || 80,
      rows: process.stdout.rows || 24,
    });
    if (bwrap) bwrapPid = agent.pid;
    started.pid = agent.pid;
    // The analysis workers load once the agent is on its way, not beside this process's own
    // start on a small machine: a command the agent sends before one is ready waits for it
    // (the pool's queue), it is never answered without an analysis.
    poolOf(engine);
    guard.check(); // anything removed while the agent was starting ends it now

    if (createTui) {
      ui = startTui({
        createTui,
        terminal: agent.terminal,
        info,
        events,
        watch,
        approvers,
        approverElsewhere: Boolean(o.approverCmd || webhookCfg),
        onAsk: o.onAsk,
        approvalTimeoutMs: o.approvalTimeoutMs,
        note,
      });
      if (!ui) headless = true;
    }
    if (!ui) passthrough = startPassthrough(agent);

    // Each passed signal is recorded once; its handlers are removed first at the end.
    cleanups.unshift(forwardSignals(gate.audit, agent, Boolean(bwrap)));

    const code = await agent.exited;
    await new Promise<void>((r) => process.stdout.write('', () => r()));
    // fail closed: a switch thrown just before the agent exited (its file-system events not
    // handled yet) still ends the session as tampered, with the status of a stopped agent.
    if (guard.check() !== undefined) return 128 + 9;
    return code;
  } finally {
    await endSession({ passthrough, ui, cleanups, watch, gate, releaseSignals, auditExport });
  }
}
