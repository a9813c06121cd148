#!/usr/bin/env node
// Time to exit of a session right after an approved command (`node bench/session-end.mjs`,
// after `npm run build`): headless `agentfw run` (default sandbox where bwrap works, and
// --no-sandbox) with an approver that allows, for
//   missing   `terraform destroy -auto-approve` with no terraform on PATH (one dialog, 127)
//   hangup    a client that sends CONNECT through the proxy variables and exits right after
//             the 200 (what a program's update check does when it is cut short)
// Each run is capped at BENCH_END_CAP_MS (default 60 s): a capped run prints "hung".
// Prints human lines, then one JSON line {"name":"session-end","runs":[…]}.
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'agentfw');
const CAP = Number(process.env.BENCH_END_CAP_MS || 60_000);
const N = Number(process.env.BENCH_END_N || 3);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-end-'));
const ws = path.join(tmp, 'ws');
mkdirSync(ws);
mkdirSync(path.join(tmp, 'home'));
const approver = path.join(tmp, 'approver.mjs');
writeFileSync(
  approver,
  `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, '1\\n');
console.log(JSON.stringify({ verdict: 'allow', ...(req.confirm !== undefined ? { confirm: req.confirm } : {}) }));
`,
);
chmodSync(approver, 0o755);
writeFileSync(
  path.join(ws, 'hangup.mjs'),
  `import net from 'node:net';
const u = new URL(process.env.HTTPS_PROXY || process.env.https_proxy);
const s = net.connect(Number(u.port), u.hostname, () => s.write('CONNECT updates.example:443 HTTP/1.1\\r\\nHost: updates.example:443\\r\\n\\r\\n'));
let got = '';
s.on('data', (d) => { got += d; if (got.includes('\\r\\n\\r\\n')) process.exit(0); });
`,
);
const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
const noTerraform = dirs.filter((d) => !existsSync(path.join(d, 'terraform'))).join(':');
const hasBwrap = spawnSync('sh', ['-c', 'command -v bwrap']).status === 0;

function once(mode, cmd, PATH) {
  const log = path.join(tmp, 'asks.log');
  writeFileSync(log, '');
  const args = ['run', '--headless', ...(mode === 'sandbox' ? [] : ['--no-sandbox'])];
  args.push('--audit', path.join(tmp, 'audit.jsonl'), '--approver', approver, '--', 'bash', '-c', cmd);
  const env = {
    ...process.env,
    PATH,
    HOME: path.join(tmp, 'home'),
    AGENTFW_RUNTIME_DIR: path.join(tmp, 'rt'),
    ASK_LOG: log,
  };
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ws, env, stdio: 'ignore' });
    const t = setTimeout(() => p.kill('SIGKILL'), CAP);
    p.on('close', (code, signal) => {
      clearTimeout(t);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({
        ms,
        hung: signal === 'SIGKILL',
        code,
        dialogs: readFileSync(log, 'utf8').split('\n').filter(Boolean).length,
      });
    });
  });
}

const cases = [
  ['missing', 'terraform destroy -auto-approve', noTerraform],
  ['hangup', `node hangup.mjs`, process.env.PATH ?? ''],
];
const runs = [];
for (const mode of hasBwrap ? ['sandbox', 'no-sandbox'] : ['no-sandbox'])
  for (const [name, cmd, PATH] of cases)
    for (let i = 0; i < N; i++) {
      const r = await once(mode, cmd, PATH);
      runs.push({ case: name, mode, ...r });
      console.log(
        `${name.padEnd(8)} ${mode.padEnd(10)} ${r.hung ? `hung (killed at ${CAP} ms)` : `${r.ms.toFixed(0)} ms`}  exit=${r.code}  dialogs=${r.dialogs}`,
      );
    }
rmSync(tmp, { recursive: true, force: true });
console.log(JSON.stringify({ name: 'session-end', cap_ms: CAP, runs }));
