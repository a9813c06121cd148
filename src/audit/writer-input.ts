/**
 * What is given to the audit writer (writer.ts): a record without its chain fields, and the
 * records a session writes about itself (started, the log moved, a signal, the watchdog).
 */
import type { AuditRecord } from './record.js';

/** A record as its writer is given it: the chain (`prev`), the session and, unless given, the time are the writer's. */
export type AuditInput = Omit<AuditRecord, 'prev' | 'session' | 'ts'> & { ts?: string };

/** A record about the session itself (layer `session`, no command; a deny by policy) saying `reason`. */
export function sessionRecord(reason: string): AuditInput {
  return {
    layer: 'session',
    cwd: '',
    command: '',
    decision: 'deny',
    verdict: 'deny',
    rules: [],
    approver: 'policy',
    reason,
  };
}

/**
 * The first record of an `agentfw run` session (layer `session`): `command` is the agent
 * command the human typed (masked by the caller), which is the human's own and is not
 * judged; `how` says how it runs ("in the OS sandbox", "without the OS sandbox (--no-sandbox)").
 */
export function startRecord(command: string, cwd: string, how: string): AuditInput {
  return {
    layer: 'session',
    cwd,
    command,
    decision: 'allow',
    verdict: 'allow',
    rules: [],
    approver: 'policy',
    reason: `session started ${how}; the agent command is the human's own and is not judged, what it runs is`,
  };
}
