/**
 * A long-lived timer process for benches: `file args` runs a script that reads one line per
 * measurement on stdin, times one exec and writes its ms (or -1 on failure) as a line.
 * `once(arg)` sends `arg` and resolves with that exec's ms; a failure rejects with `what`
 * and the process's stderr.
 */
import { spawn } from 'node:child_process';

export function timerProc(file, args, { env, what = 'exec' } = {}) {
  const p = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(env ? { env } : {}) });
  let buf = '';
  let err = '';
  const waiters = [];
  p.stderr.on('data', (d) => (err += d));
  p.stdout.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const v = Number(buf.slice(0, i));
      buf = buf.slice(i + 1);
      waiters.shift()(v);
    }
  });
  p.on('close', () => waiters.splice(0).forEach((w) => w(-1)));
  return {
    once: (arg = '') =>
      new Promise((res, rej) => {
        waiters.push((v) => (v < 0 ? rej(new Error(`${what} failed: ${err.slice(0, 400)}`)) : res(v)));
        p.stdin.write(arg + '\n');
      }),
    close: () => new Promise((res) => (p.on('close', res), p.stdin.end())),
  };
}
