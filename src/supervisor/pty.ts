/**
 * Spawns the agent under node-pty and exposes it as an AgentTerminal.
 *
 * node-pty loses the last kilobytes of output when the child exits (the master reads
 * EIO as soon as the last slave fd closes, dropping what is still buffered). We hold
 * our own fd on the slave side for the whole run, so the master never sees EIO early;
 * node-pty then drains the buffer and closes its socket after the child's exit.
 */
import { closeSync, constants, openSync } from 'node:fs';
import pty from 'node-pty';
import type { AgentTerminal } from '../approval/types.js';

export interface SpawnOptions {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  cols: number;
  rows: number;
}

export interface AgentProcess {
  terminal: AgentTerminal;
  pid: number;
  /** Resolves with the agent's exit code (128 + signal number when killed by a signal) after its output is drained. */
  exited: Promise<number>;
  /** Sends a signal to the agent. */
  kill(signal: NodeJS.Signals): void;
}

export function spawnAgent(o: SpawnOptions): AgentProcess {
  const p = pty.spawn(o.file, o.args, {
    name: o.env.TERM || 'xterm-256color',
    cols: o.cols,
    rows: o.rows,
    cwd: o.cwd,
    env: o.env,
  });
  let slave: number | undefined;
  const ptsName = (p as unknown as { _pty?: string })._pty;
  try {
    if (ptsName) slave = openSync(ptsName, constants.O_RDWR | constants.O_NOCTTY);
  } catch {
    slave = undefined; // the drain guard is best effort; output still flows
  }
  const dataCbs = new Set<(s: string) => void>();
  const exitCbs: ((code: number) => void)[] = [];
  let exitCode: number | undefined;
  p.onData((d) => {
    for (const cb of dataCbs) cb(d);
  });
  const exited = new Promise<number>((resolve) => {
    p.onExit(({ exitCode: code, signal }) => {
      if (slave !== undefined) {
        try {
          closeSync(slave);
        } catch {
          /* already closed */
        }
        slave = undefined;
      }
      exitCode = signal ? 128 + signal : code;
      for (const cb of exitCbs) cb(exitCode);
      resolve(exitCode);
    });
  });
  const terminal: AgentTerminal = {
    onData(cb) {
      dataCbs.add(cb);
      return () => dataCbs.delete(cb);
    },
    write(data) {
      if (exitCode === undefined) p.write(data);
    },
    resize(cols, rows) {
      if (exitCode !== undefined) return;
      terminal.cols = cols;
      terminal.rows = rows;
      try {
        p.resize(Math.max(1, cols), Math.max(1, rows));
      } catch {
        /* exited meanwhile */
      }
    },
    onExit(cb) {
      if (exitCode !== undefined) cb(exitCode);
      else exitCbs.push(cb);
    },
    cols: o.cols,
    rows: o.rows,
  };
  return {
    terminal,
    pid: p.pid,
    exited,
    kill(signal) {
      try {
        process.kill(p.pid, signal);
      } catch {
        /* gone */
      }
    },
  };
}
