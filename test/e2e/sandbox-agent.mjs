// A scripted "hostile" agent for the sandbox e2e test: it tries, with its own file reads and
// with programs run by absolute path (so no gate sees them), to read planted secrets, write
// outside the workspace, reach the supervisor and unmount the masked copies; then it runs
// one benign and one destructive command through the gated shell. It prints one JSON line
// with every step's outcome. Usage: node sandbox-agent.mjs SUPERVISOR_PID_FILE
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const steps = [];
const run = (name, file, args) => {
  const r = spawnSync(file, args, { encoding: 'utf8', timeout: 20_000 });
  steps.push({ name, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' });
};
const tryFs = (name, fn) => {
  try {
    steps.push({ name, code: 0, stdout: String(fn() ?? ''), stderr: '' });
  } catch (e) {
    steps.push({ name, code: 1, stdout: '', stderr: e.code ?? String(e) });
  }
};

// Own file reads of the planted files: must see masked copies.
for (const f of ['.env', 'config/domains.json', 'deploy/id_rsa'])
  tryFs(`own-read ${f}`, () => readFileSync(f, 'utf8'));
run('cat by absolute path', '/bin/cat', ['.env']);
run('python by absolute path', '/usr/bin/python3', ['-c', 'print(open(".env").read())']);

// Unmounting the masked copy, directly and from a nested user namespace.
run('umount', '/bin/umount', ['.env']);
run('umount -l', '/bin/umount', ['-l', '.env']);
run('nested userns umount', '/usr/bin/unshare', [
  '-Urm',
  '/bin/sh',
  '-c',
  'umount .env; umount -l .env; cat .env',
]);
tryFs('own-read .env after umount', () => readFileSync('.env', 'utf8'));

// Writes outside the workspace.
run('touch /etc', '/usr/bin/touch', ['/etc/agentfw-sandbox-probe']);
run('rm -rf ~/other', '/bin/rm', ['-rf', `${os.homedir()}/other`]);
run('touch ~', '/usr/bin/touch', [`${os.homedir()}/agentfw-sandbox-probe`]);
tryFs('write /tmp', () => writeFileSync('/tmp/agentfw-sandbox-probe', 'x'));

// The supervisor: its pid (written by the test on the host) must not exist here.
const pidFile = process.argv[2];
for (let i = 0; i < 100 && !existsSync(pidFile); i++) spawnSync('/bin/sleep', ['0.05']);
const sup = Number(readFileSync(pidFile, 'utf8'));
tryFs('read supervisor environ', () => readFileSync(`/proc/${sup}/environ`, 'utf8'));
tryFs('signal supervisor', () => process.kill(sup, 0));
tryFs('pids visible', () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        /* gone */
      }
      return `${d} ${cmd}`;
    })
    .join('\n'),
);
tryFs('parent environ', () => readFileSync(`/proc/${process.ppid}/environ`, 'utf8'));
run('id', '/usr/bin/id', ['-u']);

// Through the gates: the benign command runs, the destructive one is refused.
run('benign gated', 'bash', ['-c', 'echo ok > marker && echo benign-$((6*7))']);
run('destructive gated', 'bash', ['-c', 'rm -rf ~']);
run('gated cat .env', 'bash', ['-c', 'cat .env']);
tryFs('own write in workspace', () => writeFileSync('written-by-agent', 'yes\n'));

process.stdout.write(JSON.stringify(steps) + '\n');
