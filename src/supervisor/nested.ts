/**
 * `agentfw run` inside a session (the agent runs agentfw again, by any path or name: the
 * check is in the CLI, not in a shim). The inner run starts no gate of its own: it runs its
 * agent right here, under the outer session's shims, exec gate, sandbox, policy and
 * approvers, so it cannot relax them and cannot loop. Flags that would loosen anything
 * are refused.
 *
 * Detection is by the outer session's variables and its broker socket. A process that
 * strips its environment (`env -i agentfw run …`) starts a fresh inner session instead;
 * the outer exec gate still judges every exec of that inner tree with the outer policy
 * (a seccomp filter is inherited and cannot be removed), and the outer sandbox still holds.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { AgentfwError } from '../errors.js';

/** The outer session, when this process runs inside one; undefined otherwise. */
export function outerSession(env: NodeJS.ProcessEnv): { id: string; socket: string } | undefined {
  const id = env.AGENTFW_SESSION;
  const socket = env.AGENTFW_SOCK;
  if (!id || !socket || !existsSync(socket)) return undefined;
  try {
    if (!statSync(socket).isSocket()) return undefined;
  } catch {
    return undefined;
  }
  return { id, socket };
}

/** The loosening flags given (names as typed); empty = none. */
export function looseningFlags(o: { onAsk: string; noSandbox: boolean; approver?: string }): string[] {
  const out: string[] = [];
  if (o.onAsk === 'allow') out.push('--on-ask allow');
  if (o.noSandbox) out.push('--no-sandbox');
  if (o.approver) out.push('--approver');
  return out;
}

/** Refuses loosening flags, then runs the agent under the outer session; resolves to its exit code. */
export function runNested(
  outer: { id: string },
  command: string[],
  flags: string[],
  notes: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (flags.length)
    // fail closed: an inner session may only inherit the outer one's policy
    throw new AgentfwError(
      'E_NESTED_RELAX',
      `agentfw run is already running here (session ${outer.id}); ${flags.join(', ')} would relax the outer session's policy and is refused`,
      'run the nested agent without those flags (it inherits the outer policy and approvers), or start it outside the session',
      2,
    );
  notes.write(
    `agentfw: inside session ${outer.id}: running ${command[0]} under the outer session's gates, policy and approvers.\n`,
  );
  return new Promise((resolve, reject) => {
    const p = spawn(command[0], command.slice(1), { stdio: 'inherit' });
    p.on('error', reject);
    p.on('close', (code, sig) => resolve(code ?? 128 + (sig ? (os.constants.signals[sig] ?? 0) : 0)));
  });
}
