/**
 * The command gate of one session, without the agent: private runtime dir, shim dir and
 * gate script, audit log, decision service and broker socket, plus the environment an
 * agent must get to be gated. Used by `agentfw run`, `agentfw demo` and `agentfw doctor`.
 */
import os from 'node:os';
import path from 'node:path';
import { startBroker, type Broker } from '../approval/broker.js';
import { AuditWriter } from '../audit/writer.js';
import { AgentfwError } from '../errors.js';
import { findClient } from '../gates/shim/client-path.js';
import { loadProxySettings, startProxy, type JudgeDeps, type ProxyHandle } from '../gates/proxy/index.js';
import { buildAgentEnv, proxyEnv, realPathOf } from './agent-env.js';
import { ApprovedMemory } from './approved.js';
import { commandsOf } from './commands-of.js';
import { appendManagerSummaries, createDecider } from './decide.js';
import { EventHub } from './events.js';
import { ProgramIdentity } from '../gates/exec/exec-gate.js';
import {
  answerClient,
  answerExec,
  lockedReply,
  type ClientAnswerDeps,
  type ExecAnswerDeps,
} from './gate-answer.js';
import { startRelay, type Relay } from './relay.js';
import { memoMask } from './mask-memo.js';
import { createRuntimeDir } from './runtime.js';
import { clientId } from './peer-check.js';
import { flushKept, keepAllows } from '../gates/exec/exec-keep.js';
import { sessionKeeper, type ShimKeeper } from '../gates/shim/shim-keep.js';
import { auditKeyPath } from '../audit/key.js';
import { makeShimsReadOnly, prepareGuard, prepareShims } from './shimdir.js';
import type { Gate, GateOptions } from './gate-types.js';

export type { Gate, GateOptions } from './gate-types.js';

export async function startGate(o: GateOptions): Promise<Gate> {
  const client = findClient();
  if (client.kind === 'missing') {
    // fail closed: without a gate client no command could be checked
    throw new AgentfwError(
      'E_SHIM_MISSING',
      'the gate client build/agentfw-shim is missing, so commands cannot be checked',
      'run `npm run build:shim` in the agentfw folder (needs a C compiler, or falls back to Node)',
    );
  }
  const baseEnv = o.baseEnv ?? process.env;
  let locked: string | undefined;
  const runtime = createRuntimeDir(baseEnv);
  let audit: AuditWriter | undefined;
  let broker: Broker | undefined;
  let relay: Relay | undefined;
  let proxy: ProxyHandle | undefined;
  let proxyDeps: JudgeDeps | undefined;
  let keeper: ShimKeeper | undefined;
  try {
    const realPath = realPathOf(baseEnv.PATH ?? '', [baseEnv.AGENTFW_SHIM_DIR ?? '']);
    const shims = prepareShims({
      shimDir: runtime.shimDir,
      runtimeDir: runtime.dir,
      client: client.path,
      realPath,
    });
    // fail closed: with the guard right after the shims, a vanished shim dir refuses instead of falling through
    const guarded = prepareGuard(runtime.guardDir, shims);
    audit = AuditWriter.open(o.auditPath, runtime.id);
    const events = new EventHub();
    const approved = new ApprovedMemory((script, dir) => commandsOf(script, dir, o.workspace));
    const decide = createDecider({
      // Allow verdicts that read no file are analysed once per engine (src/engine/verdict-cache.ts).
      engine: o.engine,
      secrets: memoMask(o.secrets),
      audit,
      approvers: o.approvers,
      approvalTimeoutMs: o.approvalTimeoutMs,
      get headless() {
        return o.headless();
      },
      onAsk: o.onAsk,
      workspace: o.workspace,
      home: o.home ?? os.homedir(),
      events,
      protectedPaths: [runtime.dir, runtime.guardDir],
      onAuditFailure: (why) => {
        locked ??= `the audit log cannot be written (${why})`;
        flushKept(broker, keeper);
        o.onAuditFailure?.(why);
      },
      approved,
    });
    const self = clientId(shims.client);
    const mask = o.maskOutput ?? true;
    // The relay is up before the first answer that tells a client to use it.
    // Only the session's client may hand its program's pipes to the relay (relay-take.ts).
    if (mask)
      relay = await startRelay(path.join(runtime.dir, 'relay.sock'), o.secrets, {
        client: self,
        mapPid: o.mapPid,
      });
    // The shim's kept allows (src/gates/shim/shim-keep.ts); none without the built keeper.
    keeper = sessionKeeper(runtime.dir, audit.path, auditKeyPath(), shims.client, mask);
    const ids = new ProgramIdentity(realPath);
    const execDeps: ExecAnswerDeps = {
      approved,
      ids,
      session: { gateScript: shims.gateScript, client: shims.client, socket: runtime.socket },
      decide,
    };
    const clientDeps: ClientAnswerDeps = {
      ...execDeps,
      self,
      mask,
      keeper,
      locked: () => locked,
      mapRequest: o.mapRequest,
      broker: () => broker,
    };
    broker = await startBroker({
      socketPath: runtime.socket,
      handle: async (req, signal) => {
        // fail closed: a session in lockdown answers nothing but refusals
        if (locked !== undefined) return lockedReply(locked);
        if (req.layer === 'exec') return answerExec(req, execDeps, signal);
        return answerClient(req, clientDeps, signal);
      },
    });
    // The exec gate helper's kept allows: its lease, and its records taken into exports and events.
    const stopKeeping = keepAllows(broker, audit, events, keeper);
    const writable = o.readOnlyShims ? makeShimsReadOnly(shims) : undefined;
    const agentEnv = buildAgentEnv({
      base: o.secrets.agentEnv(baseEnv),
      shimDir: shims.dir,
      gateScript: shims.gateScript,
      socket: runtime.socket,
      client: shims.client,
      realPath: guarded ? `${runtime.guardDir}:${realPath}` : realPath,
      waitMs: o.approvalTimeoutMs + 30_000,
      session: runtime.id,
    });
    // Where clients relay output; also read by shells that are gated per line (no answer to carry MASK).
    if (keeper) agentEnv.AGENTFW_KEEP_SOCK = keeper.socket;
    if (relay) agentEnv.AGENTFW_RELAY_SOCK = relay.socketPath;
    else delete agentEnv.AGENTFW_RELAY_SOCK;
    if (o.egressProxy) {
      const a = audit;
      const settings = loadProxySettings(o.workspace, o.home ?? os.homedir());
      proxyDeps = {
        decideFacts: (facts, issues) => o.engine.decideFacts(facts, issues),
        secrets: o.secrets,
        audit: (r) => void a.append(r),
        emit: (ev) => events.emit(ev),
        approvers: o.approvers,
        approvalTimeoutMs: o.approvalTimeoutMs,
        approvedProcess: (pid) => approved.coversProcess(pid),
        cwd: o.workspace,
      };
      proxy = await startProxy({
        dir: runtime.dir,
        sessionId: runtime.id,
        passthrough: settings.passthrough,
        upstreamCa: settings.upstreamCa,
        maxBodyBytes: settings.maxBodyBytes,
        headless: o.headless,
        attribute: o.proxyAttribute,
        deps: proxyDeps,
      });
      Object.assign(agentEnv, proxyEnv(proxy, agentEnv.NODE_OPTIONS ?? ''));
    }
    let closed = false;
    const px = proxy;
    const b = broker;
    const a = audit;
    const rl = relay;
    return {
      runtime,
      shims,
      client,
      audit: a,
      events,
      broker: b,
      relay: rl,
      agentEnv,
      lockdown(why) {
        locked ??= why;
        flushKept(b, keeper);
      },
      keeperPid: keeper?.pid,
      auditKeyFile: auditKeyPath(),
      proxy: px,
      proxyDeps,
      async close() {
        if (closed) return;
        closed = true;
        stopKeeping();
        flushKept(b, keeper);
        keeper?.close();
        writable?.();
        await px?.close().catch(() => undefined);
        await b.close().catch(() => undefined);
        await rl?.close().catch(() => undefined);
        // A manager run (pyenv, …) the session ended right after: its summary record is
        // otherwise written only before a later request's, which never comes.
        try {
          appendManagerSummaries(a, o.workspace, approved.drainEnded(true));
        } catch {
          // the log cannot be written any more: the session is over, nothing is left to run
        }
        a.close();
        runtime.remove();
      },
    };
  } catch (err) {
    keeper?.close();
    await proxy?.close().catch(() => undefined);
    await broker?.close().catch(() => undefined);
    await relay?.close().catch(() => undefined);
    audit?.close();
    runtime.remove();
    throw err;
  }
}
