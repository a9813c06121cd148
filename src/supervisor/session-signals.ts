/**
 * The signals that end a session (SIGTERM, SIGHUP, SIGINT, SIGQUIT) while its agent runs:
 * each is passed on to the agent, and the first of each kind is recorded in the audit log
 * so the log says why the session ended.
 */
import type { AuditWriter } from '../audit/writer.js';
import { sessionRecord } from '../audit/writer.js';
import type { AgentProcess } from './pty.js';
import { hostPidOf } from './sandbox-pids.js';

/**
 * Installs the handlers; returns the function that removes them. `sandboxed` = the agent runs
 * under bwrap (agent.pid is bwrap's): the signal then goes to the agent itself, pid 2 inside.
 */
export function forwardSignals(audit: AuditWriter, agent: AgentProcess, sandboxed: boolean): () => void {
  // In the sandbox, signals go to the agent itself (pid 2 there): killing bwrap would SIGKILL it.
  const inner = () => (sandboxed ? hostPidOf(2, agent.pid) : undefined);
  const told = new Set<NodeJS.Signals>();
  const forward = (sig: NodeJS.Signals) => () => {
    // Once per signal: the log says why the session ends (a held ask then ends refused)
    if (!told.has(sig)) {
      told.add(sig);
      try {
        audit.append(
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
  const handlers: [NodeJS.Signals, () => void][] = (['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'] as const).map(
    (s) => [s, forward(s)],
  );
  for (const [s, h] of handlers) process.on(s, h);
  return () => {
    for (const [s, h] of handlers) process.off(s, h);
  };
}
