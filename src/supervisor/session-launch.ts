/**
 * The agent's command line, built outward: the agent file found on the agent's PATH, the
 * launcher that keeps its output bytes unchanged without a TTY, (the sandbox:
 * session-sandbox.ts), then the exec gate around it all.
 */
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { execGateArgs } from '../gates/exec/exec-gate.js';
import { keepArgs } from '../gates/exec/exec-keep.js';
import type { Gate } from './gate.js';
import { which } from './shimdir.js';

/** What spawnAgent runs: the program, its arguments and its environment. */
export interface AgentStart {
  file: string;
  args: string[];
  env: Record<string, string>;
}

/** The agent's file: `name` with a slash is taken relative to `cwd`, else looked up on `pathVar`. */
export function resolveAgent(name: string, cwd: string, pathVar: string): string {
  // Resolve through the agent's PATH: `agentfw run -- bash` gets the gated bash.
  const file = name.includes('/') ? path.resolve(cwd, name) : which(name, pathVar);
  if (!file)
    throw new AgentfwError(
      'E_AGENT_NOT_FOUND',
      `cannot find "${name}" on PATH`,
      'check the agent command after --, or give its full path',
    );
  return file;
}

/**
 * The agent started directly (`direct`: there is a TTY, or the exec gate sets the tty flags),
 * else through the launcher shell.
 */
export function startCommand(
  file: string,
  args: string[],
  env: Record<string, string>,
  direct: boolean,
): AgentStart {
  // Without a TTY: the agent's pty gets no echo and no CR/LF translation, so its output
  // bytes are unchanged. The launcher itself runs with BASH_ENV unset (it is ours). Under
  // the exec gate the helper clears the tty flags itself (a launcher shell would be judged).
  return direct
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
}

export interface ExecGateWrap {
  /** The exec gate helper's path. */
  helper: string;
  gate: Gate;
  approvalTimeoutMs: number;
  /** A terminal is attached (the helper then leaves the tty flags alone). */
  tty: boolean;
  /** The command runs under bwrap and the network bridge (the helper then passes both by). */
  sandboxed: boolean;
}

/** `cmd` run under the exec gate helper. */
export function underExecGate(cmd: string[], o: ExecGateWrap): string[] {
  const pre = execGateArgs({
    helper: o.helper,
    socket: o.gate.runtime.socket,
    supervisorPid: process.pid,
    shimDir: o.gate.shims.dir,
    client: o.gate.shims.client,
    waitMs: o.approvalTimeoutMs + 30_000,
    rawTty: !o.tty,
    // bwrap, then the network bridge, then the agent command: ours or the human's
    pass: o.sandboxed ? 3 : 1,
  });
  // Kept allows (src/gates/exec/exec-keep.ts): the helper appends their records to this log.
  const keep = keepArgs(o.gate.audit.path, o.gate.auditKeyFile);
  return [o.helper, ...keep, ...pre, ...cmd];
}
