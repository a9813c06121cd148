/**
 * A session's agent command wrapped in the OS sandbox: bwrap with its own network namespace,
 * whose only way out is the network bridge to the session's egress proxy (plus the declared
 * host services, bridged and judged). Refuses (E_SANDBOX_NET) when either is missing.
 */
import os from 'node:os';
import path from 'node:path';
import { flockPath } from '../audit/lock.js';
import { AgentfwError } from '../errors.js';
import type { SecretSet } from '../secrets/types.js';
import type { Gate } from './gate.js';
import type { BlobEntry } from './sandbox-git.js';
import { findNetBridge, startNetBridge, type NetBridge } from './sandbox-net.js';
import { agentStateDirs, HOME_WRITABLE, prepareSandbox } from './sandbox.js';
import { sandboxServices } from './sandbox-services.js';

export interface SandboxWrap {
  /** The tested bwrap binary. */
  bwrap: string;
  gate: Gate;
  secrets: SecretSet;
  /** The agent's working directory and workspace (absolute). */
  cwd: string;
  /** The resolved agent file (session-launch.ts, resolveAgent). */
  agentFile: string;
  /** The agent's known name (agent-name.ts); empty = unknown, then the command's first word is used. */
  agentKnown: string;
  /** The agent command the human typed. Never empty. */
  command: string[];
  /** `--sandbox-rw` paths. Empty = none beyond the workspace and agent state dirs. */
  writable: string[];
  hostUid: number;
  /** Whether asks are settled without a human right now (may change while the session runs). */
  headless: () => boolean;
  /** The host pid of the sandbox's network namespace holder; undefined = not known (yet). */
  nsPid: () => number | undefined;
  /** Called as soon as the bridge runs: the caller owns closing it (also when a later step throws). */
  onBridge: (b: NetBridge) => void;
  note: (s: string) => void;
  /** The workspace repository's blobs, being listed since the session started (listBlobsEarly); undefined = listed when needed. */
  gitBlobs?: Promise<BlobEntry[] | undefined>;
}

/** `cmd` run inside the sandbox, behind the network bridge. */
export async function sandboxCommand(cmd: string[], o: SandboxWrap): Promise<string[]> {
  const { gate, cwd, note } = o;
  const runtime = gate.runtime;
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
    headless: o.headless,
    nsPid: o.nsPid,
  });
  const b = await startNetBridge(path.join(runtime.dir, 'net.sock'), proxy.host, proxy.port, hs.handle);
  o.onBridge(b);
  const netSock = b.socketPath;
  const svc = hs.ports.flatMap((p) => ['--service', String(p)]);
  cmd = [helper, '--port', String(proxy.port), ...svc, '--unix', netSock, '--', ...cmd];
  for (const l of hs.notes) note(`agentfw: host services: ${l}`);
  const gitBlobs = await o.gitBlobs;
  const sb = prepareSandbox({
    gitBlobs,
    // The audit lock: held by the agent, it would stop every audited command.
    hideFiles: [flockPath(gate.audit.path)],
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
    agentFile: o.agentFile,
    home: os.homedir(),
    env: process.env,
    secrets: o.secrets,
    extraWritable: o.writable,
    hostUid: o.hostUid,
    stateDirs: agentStateDirs(o.agentKnown || o.command[0]),
    createStateDirs: agentStateDirs(o.agentKnown || o.command[0]) !== HOME_WRITABLE,
    unshareNet: true,
  });
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
  return [o.bwrap, ...sb.args, '--', ...cmd];
}
