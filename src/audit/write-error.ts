/**
 * The one E_AUDIT_WRITE error: the audit log named `logPath` could not take a record, so
 * nothing may run (fail closed). Raised by the writer (src/audit/writer.ts) and said by the
 * session when it stops the agent for it (src/supervisor/watchdog-session.ts), with the
 * same Fix line in both places. `detail` is the system's reason (e.g. "EFBIG: file too
 * large, write"); it names the failed operation, never a record's content, so no command
 * text (and no secret) reaches the message.
 */
import { AgentfwError } from '../errors.js';

/** What the human does about an audit log that cannot be written. */
export function auditWriteFix(logPath: string): string {
  return (
    `free disk space where ${logPath} lives, and check that the file is yours and writable ` +
    '(its permissions, a full quota, a file size limit such as `ulimit -f`); ' +
    'or give the session another log with `agentfw run --audit FILE`. ' +
    `Then start the session again; \`agentfw log --verify --audit ${logPath}\` checks the records already written.`
  );
}

/** E_AUDIT_WRITE for `logPath`, saying why (`detail`) and what to do. */
export function auditWriteError(logPath: string, detail: string): AgentfwError {
  return new AgentfwError(
    'E_AUDIT_WRITE',
    `cannot write the audit log ${logPath}: ${detail}`,
    auditWriteFix(logPath),
  );
}
