/**
 * Pieces of the gate's answer to one request (src/supervisor/gate.ts): the refusals of a
 * session in lockdown or of a request no gate client sent, and the answer to an exec-gate
 * request.
 */
import type { GateReply, GateRequest } from '../gates/protocol.js';
import { execText, type ExecNaming, type ProgramIdentity } from '../gates/exec/exec-gate.js';
import { readExecEnv, selfGatingArgv, selfGatingEnv } from '../gates/exec/exec-defer.js';
import type { ApprovedMemory } from './approved.js';
import type { Decider } from './decide.js';

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
