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

/**
 * The script of a node timer process (`node -e SCRIPT`, for timerProc) that times one
 * spawnSync(SHELL, ['-c', 'true']) per line on stdin; a failure's stderr goes to its own.
 */
export const shellTimer = (
  shell,
) => `const {spawnSync}=require('child_process');const {performance}=require('perf_hooks');
let b='';process.stdin.on('data',(d)=>{b+=d;let i;while((i=b.indexOf('\\n'))>=0){b=b.slice(i+1);
const t=performance.now();const r=spawnSync(${JSON.stringify(shell)},['-c','true']);
if(r.status!==0)process.stderr.write(String(r.error??r.stderr));process.stdout.write((r.status===0?performance.now()-t:-1)+'\\n');}});`;

/**
 * The exec gate helper's arguments to run `cmd` under it, against the gate on `sock` owned by
 * `supervisorPid`, with the session `env`'s shims and client (AGENTFW_SHIM_DIR, AGENTFW_CLIENT).
 * `keep`: the helper's arguments for kept allows (src/gates/exec/exec-keep.ts keepArgs), as
 * under `agentfw run`; empty = every exec asked.
 */
export const underExecGate = (env, sock, supervisorPid, cmd, keep = []) => [
  ...keep,
  '--sock',
  sock,
  '--supervisor-pid',
  String(supervisorPid),
  '--shim-dir',
  env.AGENTFW_SHIM_DIR,
  '--client',
  env.AGENTFW_CLIENT,
  '--',
  ...cmd,
];
