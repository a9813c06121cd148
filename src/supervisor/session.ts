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
import { findWebhookConfig, loadWebhookConfig } from '../approval/webhook-config.js';
import { createPolicyApprover, type OnAsk } from '../approval/policy.js';
import type { Approver, SessionUi } from '../approval/types.js';
import type { WatchServer } from '../approval/watch-server.js';
import { findExportConfig, loadExportConfig } from '../audit/export/config.js';
import { sessionRecord, startRecord } from '../audit/writer.js';
import type { AuditExport } from '../audit/export/index.js';
import type { Engine } from '../engine/analyze.js';
import { loadPolicyEngine } from '../engine/load.js';
import { prestartPool } from '../engine/worker.js';
import { AgentfwError } from '../errors.js';
import { createHookAskHandler } from '../gates/hook/session-ask.js';
import { attribute, type Attribution } from '../gates/proxy/index.js';
import { FALLBACK_WARNING } from '../gates/shim/client-path.js';
import { EXEC_GATE_MISSING, execGateArgs, findExecGate } from '../gates/exec/exec-gate.js';
import { startGate } from './gate.js';
import { startPassthrough, type Passthrough } from './passthrough.js';
import { spawnAgent } from './pty.js';
import { findNetBridge, startNetBridge, type NetBridge } from './sandbox-net.js';
import {
  agentStateDirs,
  HOME_WRITABLE,
  NO_SANDBOX_GIVES_UP,
  prepareSandbox,
  probeSandboxAsync,
} from './sandbox.js';
import { hostPidOf, mapRequestPids } from './sandbox-pids.js';
import { sandboxServices } from './sandbox-services.js';
import { loadSecretSet } from './secrets-seam.js';
import { ownModelKeys } from '../secrets/model-keys.js';
import { agentName } from './agent-name.js';
import { which } from './shimdir.js';
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

  // The analysis workers start loading now, beside this process's own load, when the
  // engine's spec is known in advance (no pack reference that needs resolving first).
  const isPlainPath = (r: string) => !r.startsWith('npm:') && !/^https?:\/\//.test(r);
  if (!o.engine && (o.rulesetPaths ?? []).every(isPlainPath))
    prestartPool({ rulesetPaths: o.rulesetPaths ?? [], workspace: path.resolve(cwd) });

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
    onAuditFailure: (why) => guarded.guard?.auditFailed(why),
    readOnlyShims: !bwrap,
    egressProxy: true,
    // In the sandbox every connection reaches the proxy from the bridge (this process): the
    // sender is found in the sandbox's network namespace instead.
    proxyAttribute: bwrap ? (clientPort, serverPort) => attributeInside(clientPort, serverPort) : undefined,
  });
  if (gate.client.kind === 'node-fallback') note(FALLBACK_WARNING);
  const { runtime, events } = gate;
  gate.audit.packs = engine.packs.map((p) => `${p.pack}@${p.version}`);
  let auditExport: AuditExport | undefined;
  if (exportCfg) {
    const { startAuditExport } = await import('../audit/export/index.js');
    auditExport = startAuditExport(exportCfg, { onWarning: (m) => (ui ? undefined : note(`agentfw: ${m}`)) });
    const exp = auditExport;
    gate.audit.onAppend = (line) => exp.push(line);
  }
  // The start record: every session's first record names the agent command the human typed
  // and how it runs. That command is the human's own and is not judged (ARCHITECTURE.md,
  // "The agent command"); what it runs later is.
  let how = 'in the OS sandbox';
  if (o.noSandbox) {
    const why = o.noSandbox === 'flag' ? '--no-sandbox' : `no OS sandbox on ${process.platform}`;
    note(`agentfw: ${why}: ${NO_SANDBOX_GIVES_UP}`);
    how = `without the OS sandbox (${why})`;
  } else if (!bwrap) how = 'without the OS sandbox';
  try {
    gate.audit.append(startRecord(secrets.mask(o.command.join(' ')), cwd, how));
  } catch (err) {
    // fail closed: the agent's own start cannot be recorded, so it never starts; the gate's
    // sockets, proxy and timers (and the export) are closed here, else they keep this
    // process alive for good
    await auditExport?.close().catch(() => undefined);
    await gate.close().catch(() => undefined);
    throw err;
  }
  const env = gate.agentEnv;
  // Without the sandbox the gate client checks that gate.sock is served by this process.
  if (bwrap) delete env.AGENTFW_SUPERVISOR_PID;
  else env.AGENTFW_SUPERVISOR_PID = String(process.pid);
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
    let createTui: ((opts: object) => SessionUi) | undefined;
    if (!headless) {
      try {
        // Loaded only with a terminal and no --headless; a literal specifier so the bundle carries it.
        createTui = (
          (await import('../tui/index.js')) as unknown as { createTui: (opts: object) => SessionUi }
        ).createTui;
      } catch (err) {
        headless = true;
        note(`agentfw: the TUI could not load (${(err as Error).message}); passing the terminal through.`);
      }
    }
    if (o.approverCmd) {
      const { createExternalApprover } = await import('../approval/external.js');
      approvers.push(createExternalApprover(o.approverCmd, { timeoutMs: o.approvalTimeoutMs, cwd }));
      approvers.push(watch.approver);
      if (headless) {
        note(
          `agentfw: asks go to ${o.approverCmd}; a human can also answer with \`agentfw watch --session ${runtime.id}\` (pairing code ${watch.pairingCode}).`,
        );
        // The code is one-time: each pairing (or 3 wrong tries) rotates it; show the new one.
        cleanups.push(watch.onPairingCode((c) => note(`agentfw: new watch pairing code: ${c}`)));
      }
    } else if (webhookCfg) {
      const { createWebhookApprover } = await import('../approval/webhook.js');
      const hook = await createWebhookApprover({
        ...webhookCfg,
        session: runtime.id,
        timeoutMs: o.approvalTimeoutMs,
      });
      cleanups.push(() => void hook.close());
      approvers.push(hook, watch.approver);
      if (headless)
        note(
          `agentfw: asks go to the approval webhook; answer here with \`agentfw approve ID --session ${runtime.id}\` (pairing code ${watch.pairingCode}).`,
        );
    } else if (headless) approvers.push(createPolicyApprover(o.onAsk));

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
    // Resolve through the agent's PATH: `agentfw run -- bash` gets the gated bash.
    const file = name.includes('/') ? path.resolve(cwd, name) : which(name, env.PATH);
    if (!file)
      throw new AgentfwError(
        'E_AGENT_NOT_FOUND',
        `cannot find "${name}" on PATH`,
        'check the agent command after --, or give its full path',
      );

    // Without a TTY: the agent's pty gets no echo and no CR/LF translation, so its output
    // bytes are unchanged. The launcher itself runs with BASH_ENV unset (it is ours). Under
    // the exec gate the helper clears the tty flags itself (a launcher shell would be judged).
    const execGate = findExecGate();
    if (!execGate && process.platform === 'linux') note(EXEC_GATE_MISSING);
    const start =
      tty || execGate
        ? { file, args, env }
        : {
            file: '/bin/sh',
            args: [
              '-c',
              'stty -echo -onlcr 2>/dev/null; BASH_ENV="$AGENTFW_GATE_SCRIPT"; export BASH_ENV; exec "$0" "$@"',
              file,
              ...args,
            ],
            env: { ...env, BASH_ENV: '' },
          };
    let cmd = [start.file, ...start.args];
    if (bwrap && o.sandbox) {
      // The network namespace's only way out: the bridge inside listens on 127.0.0.1:<proxy
      // port> and hands each connection to the session's egress proxy on the host, the port
      // the agent's proxy variables already name. Loopback inside stays the agent's own.
      const proxy = gate.proxy;
      const helper = findNetBridge();
      if (!proxy || !helper)
        // fail closed: without the proxy or the bridge the sandbox would have no judged way out
        throw new AgentfwError(
          'E_SANDBOX_NET',
          proxy
            ? 'the network bridge build/agentfw-net-bridge is not built, so the sandbox would have no way out'
            : 'the egress proxy did not start, so the sandbox would have no way out',
          'install a C compiler and run `npm run build:shim` in the agentfw folder, or pass --no-sandbox',
        );
      // Host services (docs/proxy.md): declared ports are bridged and judged; other listening
      // host ports get no route, only an explanation.
      const hs = sandboxServices({
        workspace: cwd,
        home: os.homedir(),
        env: process.env,
        proxyPort: proxy.port,
        deps: gate.proxyDeps!,
        headless: () => headless,
        nsPid: () => (nsPid ??= hostPidOf(2, bwrapPid)),
      });
      const b = await startNetBridge(path.join(runtime.dir, 'net.sock'), proxy.host, proxy.port, hs.handle);
      bridge = b;
      cleanups.push(() => void b.close());
      const netSock = b.socketPath;
      const svc = hs.ports.flatMap((p) => ['--service', String(p)]);
      cmd = [helper, '--port', String(proxy.port), ...svc, '--unix', netSock, '--', ...cmd];
      for (const l of hs.notes) note(`agentfw: host services: ${l}`);
      const sb = prepareSandbox({
        workspace: cwd,
        cwd,
        runtimeDir: runtime.dir,
        expose: [
          runtime.socket,
          gate.relay?.socketPath ?? '',
          gate.shims.dir,
          gate.shims.gateScript,
          runtime.guardDir,
          netSock,
          ...(gate.proxy ? [gate.proxy.caCertPath, gate.proxy.caBundlePath, gate.proxy.preloadPath] : []),
        ],
        agentFile: file,
        home: os.homedir(),
        env: process.env,
        secrets,
        extraWritable: o.sandbox.writable,
        hostUid,
        stateDirs: agentStateDirs(agentKnown || o.command[0]),
        createStateDirs: agentStateDirs(agentKnown || o.command[0]) !== HOME_WRITABLE,
        unshareNet: true,
      });
      cmd = [bwrap, ...sb.args, '--', ...cmd];
      if (sb.plan.git?.secretBlobs)
        note(
          `agentfw: sandbox: git history holds ${sb.plan.git.secretBlobs} object(s) with a secret; ${sb.plan.hiddenFiles?.length ?? 0} object file(s) are hidden in the sandbox, so git commands that need them fail there (rewrite the secret out of history and rotate it).`,
        );
      if (sb.plan.git?.truncated)
        note(
          'agentfw: sandbox: the git history is larger than the scan budget; older objects were not checked for secrets.',
        );
      note(
        `agentfw: sandbox: read-only root, writable ${sb.plan.workspace} and ${sb.plan.homeWritable.length} agent state dir(s), ${sb.plan.masked.length} secret file(s) and credential store(s) masked, network: only through the egress proxy (127.0.0.1:${proxy.port}).`,
      );
    }
    if (execGate) {
      const pre = execGateArgs({
        helper: execGate,
        socket: runtime.socket,
        supervisorPid: process.pid,
        shimDir: gate.shims.dir,
        client: gate.shims.client,
        waitMs: o.approvalTimeoutMs + 30_000,
        rawTty: !tty,
        // bwrap, then the network bridge, then the agent command: ours or the human's
        pass: bwrap && o.sandbox ? 3 : 1,
      });
      cmd = [execGate, ...pre, ...cmd];
    }
    const launch = { file: cmd[0], args: cmd.slice(1), env: start.env };
    const agent = spawnAgent({
      ...launch,
      cwd,
      cols: process.stdout.columns || 80,
      rows: process.stdout.rows || 24,
    });
    if (bwrap) bwrapPid = agent.pid;
    started.pid = agent.pid;
    guard.check(); // anything removed while the agent was starting ends it now

    if (createTui) {
      try {
        ui = createTui({ approvalTimeoutMs: o.approvalTimeoutMs, watch });
        approvers.push(
          ui.start({ terminal: agent.terminal, info, onDecision: (cb) => events.subscribe(cb) }),
        );
        if (!o.approverCmd && !webhookCfg) approvers.push(watch.approver);
      } catch (err) {
        ui?.stop();
        ui = undefined;
        headless = true;
        if (!o.approverCmd && !webhookCfg) approvers.push(createPolicyApprover(o.onAsk));
        note(
          `agentfw: the TUI could not start (${(err as Error).message}); passing the terminal through, asks settled by --on-ask ${o.onAsk}.`,
        );
      }
    }
    if (!ui) passthrough = startPassthrough(agent);

    // In the sandbox, signals go to the agent itself (pid 2 there): killing bwrap would SIGKILL it.
    const inner = () => (bwrap ? hostPidOf(2, agent.pid) : undefined);
    const told = new Set<NodeJS.Signals>();
    const forward = (sig: NodeJS.Signals) => () => {
      // Once per signal: the log says why the session ends (a held ask then ends refused)
      if (!told.has(sig)) {
        told.add(sig);
        try {
          gate.audit.append(
            sessionRecord(`agentfw received ${sig} and passed it to the agent; the session ends with it`),
          );
        } catch {
          /* the signal is passed on all the same: an audit failure has stopped the session already */
        }
      }
      const p = inner();
      try {
        if (p) return void process.kill(p, sig);
      } catch {
        /* exited meanwhile: signal bwrap instead */
      }
      agent.kill(sig);
    };
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
    for (const c of cleanups) c();
    await watch?.close().catch(() => undefined);
    await gate.close();
    releaseSignals();
    await auditExport?.close();
  }
}
