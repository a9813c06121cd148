/**
 * What the gate (gate.ts) is started with and what a started gate holds: the session's
 * engine, secrets, approvers and policy in; the runtime dir, shims, audit writer, event hub,
 * broker, relay and proxy out.
 */
import type { Broker } from '../approval/broker.js';
import type { Approver } from '../approval/types.js';
import type { AuditWriter } from '../audit/writer.js';
import type { Engine } from '../engine/analyze.js';
import type { SecretSet } from '../secrets/types.js';
import type { ClientInfo } from '../gates/shim/client-path.js';
import type { GateRequest } from '../gates/protocol.js';
import type { Attribution, JudgeDeps, ProxyHandle } from '../gates/proxy/index.js';
import type { EventHub } from './events.js';
import type { Relay } from './relay.js';
import type { RuntimeDir } from './runtime.js';
import type { ShimSet } from './shimdir.js';

export interface GateOptions {
  engine: Engine;
  secrets: SecretSet;
  auditPath: string;
  /** Approvers consulted on ask, read at each ask. */
  approvers: () => Approver[];
  approvalTimeoutMs: number;
  /** Whether the session currently runs without a human UI (wording of refusals). */
  headless: () => boolean;
  onAsk: 'deny' | 'allow';
  /** Absolute workspace root (the agent's starting directory). */
  workspace: string;
  /** Home directory for the analysis. Default: os.homedir(). */
  home?: string;
  /** The environment to derive the agent's from. Default: process.env. */
  baseEnv?: NodeJS.ProcessEnv;
  /**
   * Relay the stdout/stderr of every allowed command through `secrets` (src/supervisor/relay.ts).
   * Default: true. False = allowed commands are exec'd with the agent's own fds.
   */
  maskOutput?: boolean;
  /**
   * Rewrites each request before it is decided (the sandbox maps pids from its PID
   * namespace to the host's, src/supervisor/sandbox-pids.ts). Absent = requests as sent.
   */
  mapRequest?: (req: GateRequest) => GateRequest;
  /**
   * Maps a gate client's own pid to the host's (the output relay opens its pipes through
   * /proc); undefined = not mappable. Absent = pids are the host's.
   */
  mapPid?: (pid: number) => number | undefined;
  /** Called once the audit log cannot be written; the gate is then in lockdown. Absent = lockdown only. */
  onAuditFailure?: (why: string) => void;
  /**
   * Make the shim dir and gate script read-only for the session (sessions without the
   * sandbox; see makeShimsReadOnly). A change that gets through is the integrity
   * watchdog's to catch. Default: false.
   */
  readOnlyShims?: boolean;
  /**
   * Start the session's egress proxy (src/gates/proxy/) and give the agent its proxy, CA and
   * Node preload variables. Default false (demo and doctor probes run without it).
   */
  egressProxy?: boolean;
  /**
   * Which process sent a connection to the proxy (clientPort → proxy port), for senders in
   * another network namespace (the sandbox's bridge). Absent = the proxy looks in its own.
   */
  proxyAttribute?: (clientPort: number, serverPort: number) => Attribution;
}

export interface Gate {
  runtime: RuntimeDir;
  shims: ShimSet;
  client: ClientInfo;
  audit: AuditWriter;
  events: EventHub;
  broker: Broker;
  /** The output relay; undefined when maskOutput is false. */
  relay?: Relay;
  /** The environment to start the agent with. */
  agentEnv: Record<string, string>;
  /**
   * From now on every request is refused with `why` (the session is being ended because
   * its gate was tampered with, or its audit log cannot be written).
   */
  lockdown(why: string): void;
  /** The egress proxy; undefined when egressProxy was not asked for. */
  proxy?: ProxyHandle;
  /** The shim's keeper's pid (clients without the sandbox check who serves its socket); undefined = no keeper. */
  keeperPid?: number;
  /** The audit key file that signs `audit` (the exec gate helper signs its kept allows with it, src/gates/exec/exec-keep.ts). */
  auditKeyFile: string;
  /** How the proxy judges (engine, approvers, audit), for the sandbox's host services; undefined without the proxy. */
  proxyDeps?: JudgeDeps;
  /** Closes the broker and the audit log and removes the runtime dir. Idempotent. */
  close(): Promise<void>;
}
