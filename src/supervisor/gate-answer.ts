/**
 * The gate's answer to one request (src/supervisor/gate.ts): the refusals of a session in
 * lockdown or of a request no gate client sent, the answer to an exec-gate request and the
 * answer to a shell or tool request (a gate client's, or a shell gated per line).
 */
import type { GateReply, GateRequest } from '../gates/protocol.js';
import { execText, type ExecNaming, type ProgramIdentity } from '../gates/exec/exec-gate.js';
import { readExecEnv, selfGatingArgv, selfGatingEnv } from '../gates/exec/exec-defer.js';
import { NEXT_TTL_MS, pushNext } from '../gates/exec/exec-next.js';
import type { ShimKeeper } from '../gates/shim/shim-keep.js';
import type { Broker } from '../approval/broker.js';
import type { ApprovedMemory } from './approved.js';
import type { Decider } from './decide.js';
import { originOf, type ClientId } from './peer-check.js';

export function lockedReply(why: string): GateReply {
  return {
    allow: false,
    env: {},
    message: `agentfw: this session is being stopped: ${why}.\nNothing was run. Do not retry or work around this; ask the user.`,
  };
}

export function strangerReply(why: string): GateReply {
  return {
    allow: false,
    env: {},
    message: `agentfw: this request was refused: ${why}.\nNothing was run. Do not retry or work around this; ask the user.`,
  };
}

/** What answerExec needs of the session. */
export interface ExecAnswerDeps {
  approved: ApprovedMemory;
  ids: ProgramIdentity;
  /** The session's gate script, client and broker socket (a bash that sources the first judges itself). */
  session: { gateScript: string; client: string; socket: string };
  decide: Decider;
}

/**
 * Answers an exec-gate request. Exec requests come from the exec-gate helper outside any
 * PID namespace: pids are the host's, and the pid names the process about to exec, not a
 * gate client. The exec a gate client was just allowed (the shim's exec of the real
 * program) is checked first: it is the common case, and it carries AGENTFW_GATED_PID, so
 * the self-gating test below (which reads the caller's environment) would not pass it.
 */
export function answerExec(req: GateRequest, d: ExecAnswerDeps, signal: AbortSignal): Promise<GateReply> {
  const naming: ExecNaming = { fixed: false };
  const script = execText(req, d.ids, naming);
  if (d.approved.takeNext(req, script)) return Promise.resolve({ allow: true, env: {}, message: '' });
  // A bash that sources the gate script judges its own script (src/gates/exec/exec-defer.ts).
  if (selfGatingArgv(req.argv) && d.ids.nameOf(`/proc/${req.pid}/root${req.path ?? ''}`) === 'bash') {
    const env = readExecEnv(req.pid);
    if (env && selfGatingEnv(env, d.session)) return Promise.resolve({ allow: true, env: {}, message: '' });
  }
  return d.decide({ ...req, script }, signal, naming.fixed);
}

/** What answerClient needs of the session, beyond answerExec's. */
export interface ClientAnswerDeps extends ExecAnswerDeps {
  /** The session's gate client (a request from a process running it is the client's own). */
  self: ClientId;
  /** Allowed programs run with their output relayed through the masker. */
  mask: boolean;
  /** The shim's keeper; undefined = none (every request makes the round trip). */
  keeper?: ShimKeeper;
  /** Why the session is in lockdown; undefined = it is not. */
  locked(): string | undefined;
  /** Maps a request's pids to the host's (the sandbox); absent = as sent. */
  mapRequest?: (req: GateRequest) => GateRequest;
  /** The broker, whose persistent connections (the exec gate helper's) hear of the allowed exec. */
  broker(): Broker | undefined;
}

/** Answers a shell or tool request (a gate client's, or a shell gated per line). */
export async function answerClient(
  req: GateRequest,
  d: ClientAnswerDeps,
  signal: AbortSignal,
): Promise<GateReply> {
  const mapped = d.mapRequest ? d.mapRequest(req) : req;
  // fail closed: a request no gate client sent is refused unrecorded; one whose client
  // already hung up is decided and recorded as not run (src/supervisor/decide.ts)
  const origin = signal.aborted ? undefined : originOf(mapped, d.self);
  if (origin?.why) return strangerReply(origin.why);
  // A client's own request may be kept (the keeper answers its exact repeats), once the
  // answer has left: the keeper's digest, write and wake-up stay off the command's path.
  // Not after a lockdown (it would undo the keeper's FLUSH); a closed keeper takes nothing.
  const own = origin?.self === true;
  const { keep, ...r } = await d.decide(mapped, signal, own && d.keeper !== undefined);
  if (keep && own && !signal.aborted)
    setImmediate(() => (d.locked() === undefined ? d.keeper?.add(req, keep) : undefined));
  if (r.allow) {
    // The client's own exec of the program is covered once; a BASH_ENV / per-line
    // request names a bash that execs nothing of the kind (no record bound to a client).
    d.approved.allowNext(mapped.pid, mapped.argv, 'policy', NEXT_TTL_MS, undefined, own ? d.self : undefined);
    // Told to the exec gate helper before the client hears ALLOW, so the helper lets
    // exactly that exec run without asking again (src/gates/exec/exec-next.ts).
    if (own && !signal.aborted) pushNext(d.broker(), d.ids, mapped.pid, mapped.argv);
  }
  return r.allow && d.mask ? { ...r, mask: true } : r;
}
