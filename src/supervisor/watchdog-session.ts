/**
 * Wires the integrity watchdog (src/supervisor/watchdog.ts) into an `agentfw run` session:
 * what is guarded, and what happens on a breach. Fail closed: the gate refuses every
 * request from then on, the agent's process group is killed, an audit record says why, and
 * the human is told what happened and what to do. Also: the supervisor's signal guard and
 * the honest note on what only the sandbox prevents.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { auditWriteFix } from '../audit/write-error.js';
import { sessionRecord } from '../audit/writer.js';
import type { Gate } from './gate.js';
import { startWatchdog, type Guarded, type Watchdog } from './watchdog.js';

/** Everything the gate of `gate` depends on at run time. */
export function guardedPaths(gate: Gate, watchSocket: string): Guarded[] {
  const items: Guarded[] = [
    { path: gate.runtime.dir, what: 'the session runtime directory', kind: 'dir' },
    { path: gate.shims.dir, what: 'the shim directory', kind: 'dir' },
    { path: path.dirname(gate.shims.client), what: "the gate client's folder", kind: 'dir' },
    { path: gate.shims.client, what: 'the gate client', kind: 'file' },
    { path: gate.shims.gateScript, what: 'the bash gate script', kind: 'file' },
    { path: gate.runtime.socket, what: 'the gate socket', kind: 'socket' },
    { path: watchSocket, what: 'the watch socket', kind: 'socket' },
  ];
  if (gate.relay)
    items.push({ path: gate.relay.socketPath, what: 'the output relay socket', kind: 'socket' });
  for (const name of readdirSync(gate.shims.dir)) {
    if (name.startsWith('.')) continue;
    items.push({ path: path.join(gate.shims.dir, name), what: `the ${name} shim`, kind: 'link' });
  }
  const guard = gate.runtime.guardDir;
  if (existsSync(path.join(guard, '.client', 'agentfw-shim'))) {
    items.push({ path: guard, what: 'the guard shim directory', kind: 'dir' });
    for (const name of readdirSync(guard)) {
      if (name.startsWith('.')) continue;
      items.push({ path: path.join(guard, name), what: `the ${name} guard shim`, kind: 'link' });
    }
  }
  return items;
}

/**
 * Starts watching; on a breach the session is ended. `agentPid` gives the agent's pid once
 * it runs (its process group is killed); undefined before the spawn.
 */
export interface SessionGuard extends Watchdog {
  /** Ends the session now because its audit log cannot be written (`why` says what failed). */
  auditFailed(why: string): void;
}

const TAMPER_FIX =
  'Fix: find what removed it (a tmp cleaner, logind removing XDG_RUNTIME_DIR, a rebuild of agentfw, or the agent itself), ' +
  'set AGENTFW_RUNTIME_DIR to a folder nothing cleans, and start the session again.';

export function guardSession(o: {
  gate: Gate;
  watchSocket: string;
  note: (s: string) => void;
  agentPid: () => number | undefined;
}): SessionGuard {
  let ended = false;
  const end = (why: string, code = 'E_GATE_TAMPERED', fix = TAMPER_FIX) => {
    if (ended) return;
    ended = true;
    o.gate.lockdown(why);
    const pid = o.agentPid();
    if (pid) {
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    let recorded = 'an audit record says why';
    if (code === 'E_AUDIT_WRITE') recorded = 'this could not be recorded in the audit log';
    else
      try {
        o.gate.audit.append(sessionRecord(`session ended: ${why}; without it commands would run unchecked`));
      } catch (err) {
        recorded = `the audit record could not be written either (${(err as Error).message})`;
      }
    const consequence =
      code === 'E_GATE_TAMPERED'
        ? "Without it the agent's commands would run unchecked"
        : 'Commands cannot be recorded, so none may run';
    o.note(`agentfw: ${code} ${why}. ${consequence}, so the agent was stopped (${recorded}).\n${fix}`);
  };
  const dog = startWatchdog({ items: guardedPaths(o.gate, o.watchSocket), onBreach: (why) => end(why) });
  return {
    ...dog,
    // the same Fix line as the writer's own E_AUDIT_WRITE (src/audit/write-error.ts)
    auditFailed: (why) => end(why, 'E_AUDIT_WRITE', `Fix: ${auditWriteFix(o.gate.audit.path)}`),
  };
}

/**
 * Keeps SIGUSR1 from opening the Node inspector in the supervisor (Node 20 has no
 * --disable-sigusr1; a listener replaces the default action). Returns the undo.
 */
export function holdSignals(note: (s: string) => void): () => void {
  let told = false;
  const h = () => {
    if (told) return;
    told = true;
    note('agentfw: ignored SIGUSR1 sent to the supervisor (it would have opened a debugger inside it).');
  };
  process.on('SIGUSR1', h);
  return () => process.off('SIGUSR1', h);
}

/** What only `--sandbox` prevents, said at the start of an unsandboxed session. */
export const LIMITS_NOTE =
  'agentfw: note: without --sandbox, the agent runs as you: a deliberately hostile agent could read this ' +
  "supervisor's memory (/proc/PID/mem, e.g. the watch pairing code) or, when run as root, inject keys into " +
  'your terminal (TIOCSTI). agentfw stops reckless commands; against a hostile agent use --sandbox.';
