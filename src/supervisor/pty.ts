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
  let lastData = 0;
  p.onData((d) => {
    lastData = performance.now();
    for (const cb of dataCbs) cb(d);
  });
  const release = () => {
    if (slave === undefined) return;
    try {
      closeSync(slave);
    } catch {
      /* already closed */
    }
    slave = undefined;
  };
  releaseAfterExit(p, () => lastData, release);
  const exited = new Promise<number>((resolve) => {
    p.onExit(({ exitCode: code, signal }) => {
      release();
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

/** Output quiet this long after the child's exit = drained. */
const QUIET_MS = 5;

/**
 * node-pty reaps the child first and then waits for its terminal to close (or 200 ms)
 * before it reports the exit; our slave fd keeps the terminal open, so every session
 * would end 200 ms late. node-pty subscribes to its own 'close' at that moment: from
 * then on, once the output has been quiet for QUIET_MS, the slave fd is let go and the
 * terminal closes at once. Without that hook (another node-pty), node-pty's timeout ends it as before.
 */
function releaseAfterExit(p: pty.IPty, lastData: () => number, release: () => void): void {
  // node-pty's on/once/removeListener pass through to its terminal's read stream
  const ee = p as unknown as Pick<NodeJS.EventEmitter, 'on' | 'removeListener'>;
  if (typeof ee.on !== 'function' || typeof ee.removeListener !== 'function') return;
  let armed = false;
  const onListener = (event: string | symbol) => {
    if (event !== 'close' || armed) return;
    armed = true;
    ee.removeListener('newListener', onListener);
    const check = () => {
      if (performance.now() - lastData() >= QUIET_MS) release();
      else setTimeout(check, QUIET_MS).unref();
    };
    setTimeout(check, QUIET_MS).unref();
  };
  ee.on('newListener', onListener);
}
