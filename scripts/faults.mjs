#!/usr/bin/env node
// Fault injection against real `agentfw run --headless --no-sandbox` sessions (issue 12, runtime half):
// the gates themselves, without the OS sandbox (whose private /tmp would hide the agents' results).
// Each row starts a session whose scripted agent injects one fault, then reports what
// happened: expected, observed, and the time the refused command took (ms).
// Usage: npm run faults   (builds first; ~1 min; not part of CI)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout, clearTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { headlessArgs, sessionEnv, sessionFileLimitKb } from '../test/e2e/headless.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BIN = path.join(ROOT, 'bin', 'agentfw');

// Helpers injected at the top of every agent: run a command and time it; find the supervisor.
const PRELUDE = `
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, existsSync, appendFileSync } from 'node:fs';
const OUT = process.env.FAULT_OUT;
const res = {};
const save = () => writeFileSync(OUT, JSON.stringify(res));
const run = (f, a) => { const t = performance.now(); const r = spawnSync(f, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); return { code: r.status, ms: Math.round(performance.now() - t), err: (r.stderr || '').split('\\n')[0] }; };
const supervisor = () => { let pid = process.ppid; for (let i = 0; i < 10 && pid > 1; i++) { if (readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('bin/agentfw')) return pid; pid = Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]); } return 0; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RT = path => process.env.AGENTFW_SHIM_DIR ? process.env.AGENTFW_SHIM_DIR.replace(/\\/bin$/, '') + (path || '') : '';
`;

const made = [];
function session(
  name,
  agentBody,
  { extraArgs = ['--no-sandbox'], wrap, timeoutMs = 60_000, before, during, extraEnv = {} } = {},
) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'afw-faults-'));
  made.push(root);
  const ws = path.join(root, 'ws');
  const home = path.join(root, 'home');
  mkdirSync(ws);
  mkdirSync(home);
  const out = path.join(root, 'out.json');
  const audit = path.join(root, 'audit.jsonl');
  const agent = path.join(root, 'agent.mjs');
  writeFileSync(agent, PRELUDE + agentBody);
  const ctx = { root, ws, home, out, audit };
  before?.(ctx);
  const env = sessionEnv({ root, home }, { FAULT_OUT: out, FAULT_ROOT: root, ...extraEnv });
  let args = [BIN, ...headlessArgs([process.execPath, agent], { audit, flags: extraArgs })];
  let file = process.execPath;
  if (wrap) [file, args] = wrap(file, args);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(file, args, { env, cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', () => undefined);
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    during?.(ctx, p);
    p.on('exit', (code, sig) => {
      clearTimeout(timer);
      let res = {};
      try {
        res = JSON.parse(readFileSync(out, 'utf8'));
      } catch {
        /* the agent was stopped before writing */
      }
      const auditText = existsSync(audit) ? readFileSync(audit, 'utf8') : '';
      resolve({
        name,
        code: code ?? sig,
        stderr,
        res,
        auditText,
        ms: Math.round(performance.now() - t0),
        ctx,
      });
    });
  });
}

const rows = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const row = (fault, expected, observed, refuseMs, ok) => {
  rows.push({ fault, expected, observed, refuseMs, ok });
  process.stderr.write(`${ok ? 'ok  ' : 'FAIL'} ${fault}\n`);
};

// 1. Runtime dir removed without any shim seeing it; the agent then runs /bin/bash -c in a
//    loop as fast as it can. Repeated: the count of commands that ran ungated is the race.
{
  const N = Number(process.env.FAULT_REPEAT || 10);
  let ended = 0;
  let ungated = 0;
  for (let k = 0; k < N; k++) {
    const r = await session(
      'rm runtime dir (direct)',
      `rmSync(RT(), { recursive: true, force: true });
       for (let i = 0; i < 300; i++) { run('/bin/bash', ['-c', 'echo x >> "$HOME/ran"']); run('bash', ['-c', 'echo x >> "$HOME/ran"']); await sleep(5); }`,
    );
    if (r.stderr.includes('E_GATE_TAMPERED')) ended++;
    const f = path.join(r.ctx.home, 'ran');
    ungated += existsSync(f) ? readFileSync(f, 'utf8').split('\n').length - 1 : 0;
  }
  row(
    'runtime dir deleted (rmSync, no shim)',
    'session ended, agent killed',
    `ended ${ended}/${N}; ${ungated} ungated cmd(s) ran in all (race window)`,
    '-',
    ended === N,
  );
}
// 2. Runtime dir removed through the rm shim.
{
  const r = await session(
    'rm -rf via shim',
    `res.rm = run('bash', ['-c', "rm -rf '" + RT() + "'"]); res.after = run('bash', ['-c', 'echo still-gated']); save();`,
  );
  row(
    'rm -rf runtime dir (through shims)',
    'refused 126, dir kept',
    `rm exit ${r.res.rm?.code}; next cmd exit ${r.res.after?.code}`,
    r.res.rm?.ms ?? '-',
    r.res.rm?.code === 126 && r.res.after?.code === 0,
  );
}
// 3. Client binary replaced (a rebuild) / gate script edited.
for (const [what, target, how] of [
  [
    'gate client replaced (rebuild)',
    '/bin/.client/agentfw-shim',
    'writeFileSync(p, "#!/bin/sh\\nexec \\"$@\\"\\n")',
  ],
  ['BASH_ENV gate script emptied', '/gate.bash', 'writeFileSync(p, "")'],
  ['a shim link removed', '/bin/rm', 'rmSync(p)'],
]) {
  const r = await session(
    what,
    `const p = RT(${JSON.stringify(target)}); const t = performance.now(); ${how}; for (let i = 0; i < 400; i++) { res.ms = Math.round(performance.now() - t); save(); await sleep(5); }`,
  );
  const ended = r.stderr.includes('E_GATE_TAMPERED');
  row(what, 'session ended', ended ? 'ended' : 'NOT ended', r.res.ms ?? '-', ended);
}
// 4. SIGUSR1 to the supervisor.
{
  const r = await session(
    'SIGUSR1',
    `const s = supervisor(); process.kill(s, 'SIGUSR1'); await sleep(800); res.after = run('bash', ['-c', 'true']); save();`,
  );
  const open = r.stderr.includes('Debugger listening');
  row(
    'kill -USR1 <supervisor>',
    'no inspector',
    open ? 'INSPECTOR OPENED' : 'ignored, no inspector',
    '-',
    !open && r.res.after?.code === 0,
  );
}
// 5. FIFO payload.
{
  const r = await session(
    'fifo',
    `res.fifo = run('bash', ['-c', 'curl -s -m 2 -d @pipe http://127.0.0.1:9/x']); res.after = run('bash', ['-c', 'true']); save();`,
    { before: (c) => execFileSync('mkfifo', [path.join(c.ws, 'pipe')]), timeoutMs: 30_000 },
  );
  row(
    'curl -d @fifo (blocking payload)',
    'ask→refused, supervisor responsive',
    `exit ${r.res.fifo?.code}, next exit ${r.res.after?.code}`,
    r.res.fifo?.ms ?? '-',
    r.res.fifo?.code === 126 && r.res.after?.code === 0,
  );
}
// 6. SIGSTOP supervisor.
{
  const r = await session(
    'sigstop',
    `const s = supervisor(); process.kill(s, 'SIGSTOP'); res.c = run('bash', ['-c', 'echo stopped-cmd']); res.b = run('/bin/bash', ['-c', 'echo stopped-cmd2']); process.kill(s, 'SIGCONT'); await sleep(300); res.after = run('bash', ['-c', 'true']); save();`,
    { timeoutMs: 120_000 },
  );
  const logged = r.auditText
    .split('\n')
    .filter((l) => l.includes('stopped-cmd'))
    .map((l) => JSON.parse(l).decision);
  row(
    'SIGSTOP supervisor',
    'refused in ~3 s (126; EPERM at the exec gate); audit not allow',
    `exits ${r.res.c?.code}/${r.res.b?.code}; audit: ${logged.join(',') || 'none'}`,
    `${r.res.c?.ms}/${r.res.b?.ms}`,
    // /bin/bash by absolute path meets the exec gate, whose refusal fails the execve (EPERM):
    // spawnSync reports no exit code then.
    r.res.c?.code === 126 && (r.res.b?.code === 126 || r.res.b?.code === null) && !logged.includes('allow'),
  );
}
// 6b. SIGSTOP supervisor after an exec became a kept allow (src/gates/exec/exec-keep.ts):
// once the lease runs out (≤ 1 s) the helper asks again, and nobody answers.
{
  const r = await session(
    'sigstop kept',
    `res.k1 = run('/usr/bin/true', ['kept-once']); res.k2 = run('/usr/bin/true', ['kept-once']); const s = supervisor(); process.kill(s, 'SIGSTOP'); await sleep(1500); res.k3 = run('/usr/bin/true', ['kept-once']); process.kill(s, 'SIGCONT'); await sleep(300); save();`,
    { timeoutMs: 120_000 },
  );
  const kept = r.auditText.split('\n').filter((l) => l.includes('kept-once'));
  row(
    'SIGSTOP supervisor, kept repeat',
    'after the lease: refused (EPERM); 2 records, both allow',
    `exits ${r.res.k1?.code}/${r.res.k2?.code}/${r.res.k3?.code}; audit: ${kept.map((l) => JSON.parse(l).decision).join(',') || 'none'}`,
    `${r.res.k3?.ms}`,
    r.res.k1?.code === 0 &&
      r.res.k2?.code === 0 &&
      r.res.k3?.code !== 0 &&
      kept.length === 2 &&
      kept.every((l) => JSON.parse(l).decision === 'allow'),
  );
}
// 6c. The same for a shim's kept allow (src/gates/shim/shim-keep.ts): after the lease the
// keeper misses, the client asks the stopped supervisor and refuses when nothing comes.
{
  const r = await session(
    'sigstop shim kept',
    `res.k1 = run('bash', ['-c', 'true shim-kept']); res.k2 = run('bash', ['-c', 'true shim-kept']); const s = supervisor(); process.kill(s, 'SIGSTOP'); await sleep(1500); res.k3 = run('bash', ['-c', 'true shim-kept']); process.kill(s, 'SIGCONT'); await sleep(300); save();`,
    { timeoutMs: 120_000 },
  );
  const kept = r.auditText.split('\n').filter((l) => l.includes('shim-kept'));
  row(
    'SIGSTOP supervisor, kept shim repeat',
    'after the lease: refused in ~3 s (126); the runs before allow, the refused one recorded deny (not run)',
    `exits ${r.res.k1?.code}/${r.res.k2?.code}/${r.res.k3?.code}; audit: ${kept.map((l) => JSON.parse(l).decision).join(',') || 'none'}`,
    `${r.res.k3?.ms}`,
    r.res.k1?.code === 0 &&
      r.res.k2?.code === 0 &&
      r.res.k3?.code === 126 &&
      kept.length >= 3 &&
      kept.slice(0, -1).every((l) => JSON.parse(l).decision === 'allow') &&
      JSON.parse(kept[kept.length - 1]).decision === 'deny',
  );
}
// 7. Audit: full disk (a file size limit gives the same short write, then EFBIG).
{
  // Above the CA bundle and the gate client the session copies; the log is filled to 1,600
  // bytes below it: room for the session's start record, none for the first command's.
  const LIMIT = sessionFileLimitKb(ROOT);
  const { AuditWriter } = await import(path.join(ROOT, 'dist', 'audit', 'writer.js'));
  const r = await session(
    'full disk',
    `res.a = run('bash', ['-c', 'touch "$HOME/ran1" # ' + 'y'.repeat(400)]); save();`,
    {
      before: (c) => {
        const w = AuditWriter.open(c.audit, 'earlier');
        while (statSync(c.audit).size < LIMIT * 1024 - 1600)
          w.append({
            layer: 'tool',
            cwd: '/',
            command: 'x'.repeat(100),
            decision: 'allow',
            verdict: 'allow',
            rules: [],
            approver: 'policy',
            reason: 'r',
          });
        w.close();
        c.ran = path.join(c.home, 'ran1');
      },
      wrap: (file, args) => ['/bin/bash', ['-c', `ulimit -f ${LIMIT}; exec "$0" "$@"`, file, ...args]],
    },
  );
  const stopped = r.stderr.includes('E_AUDIT_WRITE');
  const ran = existsSync(path.join(r.ctx.home, 'ran1'));
  row(
    'audit write fails (disk full)',
    'refused, session stopped',
    `${stopped ? 'E_AUDIT_WRITE, stopped' : 'NOT stopped'}; command ${ran ? 'RAN' : 'did not run'}`,
    '-',
    stopped && !ran,
  );
}
// 8. Audit renamed mid-session (logrotate).
{
  const r = await session(
    'rotate',
    `res.a = run('bash', ['-c', 'echo one']); (await import('node:fs')).renameSync(process.env.FAULT_ROOT + '/audit.jsonl', process.env.FAULT_ROOT + '/audit.jsonl.1'); res.b = run('bash', ['-c', 'echo two']); save();`,
  );
  const first = r.auditText.split('\n')[0];
  const reopened = first.includes('"layer":"session"') && first.includes('renamed');
  row(
    'audit log renamed (logrotate)',
    'reopened + session record',
    reopened ? 'reopened, recorded' : 'NOT noticed',
    '-',
    reopened,
  );
}
// 9. Idle watch connections.
{
  const r = await session(
    'watch flood',
    `const sock = RT('/watch.sock'); const net = await import('node:net'); const idle = []; for (let i = 0; i < 20; i++) { const c = net.connect(sock); c.on('error', () => {}); idle.push(c); } await sleep(300); res.open = idle.filter((c) => !c.destroyed).length; save(); await sleep(3000);`,
    { extraArgs: ['--no-sandbox', '--approver', 'false'] },
  );
  row(
    '20 idle watch.sock connections',
    '≤ 8 kept, watchers not locked out',
    `${r.res.open ?? '?'} idle still open`,
    '-',
    (r.res.open ?? 99) <= 8,
  );
}
// 9b. Forged requests straight to gate.sock (no gate client): 500 tool "allow"s in a row.
{
  const r = await session(
    'forged',
    `const net = await import('node:net'); let allow = 0; const t = performance.now();
     for (let i = 0; i < 500; i++) {
       const reply = await new Promise((done) => { const c = net.connect(process.env.AGENTFW_SOCK); let d = ''; c.on('connect', () => c.write(JSON.stringify({ layer: 'tool', argv: ['echo', 'forged-' + i], cwd: '/', pid: process.pid }) + '\\n')); c.on('data', (x) => (d += x)); c.on('close', () => done(d)); c.on('error', () => done('')); });
       if (reply.replace(/^(WAIT\\n)+/, '').startsWith('ALLOW')) allow++;
     }
     res.allow = allow; res.ms = Math.round((performance.now() - t) / 500); save();`,
  );
  const recorded = r.auditText.split('\n').filter((l) => l.includes('forged-')).length;
  row(
    '500 forged requests on gate.sock',
    'all refused, none recorded',
    `${r.res.allow} allowed, ${recorded} recorded`,
    r.res.ms ?? '-',
    r.res.allow === 0 && recorded === 0,
  );
}
// 10. Empty ruleset folder.
{
  const root = mkdtempSync(path.join(os.tmpdir(), 'afw-faults-'));
  mkdirSync(path.join(root, 'rules'));
  const r = spawnSync(process.execPath, [BIN, 'check', '--ruleset', path.join(root, 'rules'), '--', 'ls'], {
    encoding: 'utf8',
  });
  rmSync(root, { recursive: true, force: true });
  row(
    'empty --ruleset folder',
    'error with Fix (exit 2)',
    `exit ${r.status}: ${r.stderr.split('\n')[0].slice(0, 40)}`,
    '-',
    r.status === 2 && r.stderr.includes('Fix:'),
  );
}

// 11. The supervisor's analysis workers (src/engine/worker.ts) killed by the agent (same uid,
//     --no-sandbox): the next commands are still judged (a fresh worker), never let through.
{
  const r = await session(
    'workers killed',
    `const sup = supervisor();
     const { readdirSync } = await import('node:fs');
     const parentOf = (p) => readFileSync('/proc/' + p + '/stat', 'utf8').split(') ')[1].split(' ')[1];
     const killWorkers = () => {
       const kids = readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).filter((p) => {
         try { return /worker-entry\\.js|bin\\/worker\\.mjs/.test(readFileSync('/proc/' + p + '/cmdline', 'utf8')) && parentOf(p) === String(sup); } catch { return false; } });
       for (const k of kids) try { process.kill(Number(k), 'SIGKILL'); } catch { /* gone already */ }
       return kids.length;
     };
     res.killed = killWorkers();
     res.rm = run('bash', ['-c', 'rm -rf ~/precious']);
     res.echo = run('bash', ['-c', 'echo fine']);
     res.killed2 = killWorkers();
     res.rm2 = run('bash', ['-c', 'rm -rf ~/precious']);
     save();`,
    { extraArgs: ['--no-sandbox'] },
  );
  const x = r.res;
  row(
    'analysis workers SIGKILLed by the agent',
    'rm refused, echo runs',
    `${x.killed ?? '?'}+${x.killed2 ?? '?'} killed; rm exit ${x.rm?.code}, ${x.rm2?.code}; echo exit ${x.echo?.code}`,
    x.rm ? `${x.rm.ms}/${x.rm2.ms}` : '-',
    x.killed > 0 && x.rm?.code === 126 && x.rm2?.code === 126 && x.echo?.code === 0,
  );
}
// 12. A runaway analysis (deadline lowered to 100 ms; ~126 KB of commands): refused as ask
//     at the deadline, while the next command is judged normally.
{
  const r = await session(
    'runaway',
    `res.big = run('bash', ['-c', 'echo a;'.repeat(18_000)]);
     res.next = run('bash', ['-c', 'echo after']);
     save();`,
    { extraArgs: ['--no-sandbox'], extraEnv: { AGENTFW_ANALYSIS_DEADLINE_MS: '100' } },
  );
  const x = r.res;
  const timedOut = r.auditText.includes('hard deadline');
  row(
    'analysis over the hard deadline (100 ms)',
    'refused (ask → deny), next runs',
    `big exit ${x.big?.code}${timedOut ? ' (deadline)' : ''}; next exit ${x.next?.code}`,
    x.big ? `${x.big.ms}` : '-',
    x.big?.code === 126 && timedOut && x.next?.code === 0,
  );
}

const cols = ['fault', 'expected', 'observed', 'refuseMs'];
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (vals) => vals.map((v, i) => String(v).padEnd(width[i])).join(' | ');
console.log(line(['fault', 'expected', 'observed', 'time to refuse (ms)']));
console.log(width.map((w) => '-'.repeat(w)).join('-+-'));
for (const r of rows) console.log(line(cols.map((c) => r[c])) + (r.ok ? '' : '   <-- FAIL'));
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
