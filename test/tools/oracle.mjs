/**
 * Differential oracle: destructive seed commands are rewritten in ways bash runs the same
 * (quoting, backquotes, `$@` inside words, wrappers, nested shells); every rewrite the
 * engine ALLOWS is executed in a throw-away bwrap sandbox (read-only root, tmpfs home and
 * /tmp, no network) where the destructive programs are replaced by stubs that only log
 * their argv. A miss is an allowed rewrite that ran the seed's destructive argv.
 *
 * The expected argv of a seed comes from a control run of the seed itself in the same
 * sandbox, which also shows the route works without agentfw.
 *
 * Used by test/engine/oracle.test.ts (a small fixed subset) and test/tools/fuzz.mjs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Programs replaced by logging stubs inside the sandbox (never shells or echo). */
export const STUBBED = [
  'rm',
  'cp',
  'mv',
  'ln',
  'git',
  'curl',
  'wget',
  'shred',
  'chmod',
  'chown',
  'dd',
  'truncate',
  'sudo',
];

/** Built-in destructive seeds: plain words only (no quotes), so word rewrites stay exact. */
export const SEEDS = [
  'rm -rf ~/.ssh',
  'rm -rf /',
  'rm -rf ~',
  'cp /dev/null ~/.bashrc',
  'mv ~/.bashrc /tmp/x',
  'git push --force',
  'git push origin main --force',
  'git reset --hard HEAD~3',
  'shred -u ~/.bashrc',
  'shred --remove ~/.bashrc',
  'ln -sf /tmp/e /usr/bin/ls',
  'chmod -R 777 /',
  'curl -X DELETE https://api.example.com/v1/db',
  'dd if=/dev/zero of=/dev/sda',
  'truncate -s 0 ~/.bashrc',
];

/** Deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const PLAIN = /^[A-Za-z0-9_./=:,+-]+$/;

/** Word rewrites: each returns shell text that expands to exactly `w` (w is PLAIN). */
const WORD = [
  (w) => sq(w),
  (w) => `"${w}"`,
  (w, r) => cut(w, r, (a, b) => `${a}''${b}`),
  (w, r) => cut(w, r, (a, b) => `${a}""${b}`),
  (w, r) => cut(w, r, (a, b) => (/^[A-Za-z0-9]/.test(b) ? `${a}\\${b}` : `${a}${b}`)),
  (w, r) => cut(w, r, (a, b) => `${a}$@${b}`),
  (w, r) => cut(w, r, (a, b) => `${a}$*${b}`),
  (w, r) => cut(w, r, (a, b) => `${a}"\${@}"${b}`),
  (w) => `$'${w}'`,
];

function cut(w, r, f) {
  const at = 1 + Math.floor(r() * Math.max(1, w.length - 1));
  return f(w.slice(0, at), w.slice(at));
}

const btEscape = (s) => s.replace(/[\\`$]/g, (c) => `\\${c}`);

/** Command rewrites: each returns a script that runs `s` (a whole command). */
const CMD = [
  (s) => `command ${s}`,
  (s) => `env ${s}`,
  (s) => `nice ${s}`,
  (s) => `timeout 9 ${s}`,
  (s) => `X=1 ${s}`,
  (s) => `bash -c ${sq(s)}`,
  (s) => `sh -c ${sq(s)}`,
  (s) => `eval ${sq(s)}`,
  (s) => `echo $(${s})`,
  (s) => (s.includes('`') ? undefined : `echo \`${s}\``),
  (s) => `echo \`\\\`${btEscape(btEscape(s)).replace(/\\\\`/g, '\\\\\\`')}\\\`\``,
  (s) => `true | xargs ${s}`,
  (s) => `{ ${s}; }`,
  (s) => `(${s})`,
  (s) => `true && ${s}`,
  (s) => `${s} || true`,
];

/**
 * One rewrite of `seed`: word rewrites on some plain words, then 0–2 command rewrites.
 * With `abbrev`, a long option may also be cut to a GNU abbreviation (`--force` → `--forc`).
 */
export function mutate(seed, r, abbrev = false) {
  const words = seed.split(' ').map((w) => {
    if (abbrev && /^--[a-z]{4,}$/.test(w) && r() < 0.5)
      return w.slice(0, 4 + Math.floor(r() * (w.length - 4)));
    if (!PLAIN.test(w) || r() < 0.5) return w;
    return WORD[Math.floor(r() * WORD.length)](w, r);
  });
  let s = words.join(' ');
  const n = Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const f = CMD[Math.floor(r() * CMD.length)];
    s = f(s) ?? s;
  }
  return s;
}

/** A sandbox with stubbed programs; call close() when done. */
export function makeSandbox() {
  if (spawnSync('bwrap', ['--version']).status !== 0) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'agentfw-oracle-'));
  const stub = path.join(dir, 'stub');
  writeFileSync(
    stub,
    `#!/bin/sh\n{ printf '%s\\037' "\${0##*/}" "$@"; printf '\\036'; } >> /tmp/oracle-log/log\nexit 0\n`,
  );
  chmodSync(stub, 0o755);
  const binds = [];
  for (const p of STUBBED) {
    const real = `/usr/bin/${p}`;
    if (existsSync(real)) binds.push('--ro-bind', stub, real);
  }
  /** Runs `script` in a fresh sandbox; returns the argv lists the stubs logged. */
  const exec = (script) => {
    const log = path.join(dir, 'log');
    rmSync(log, { force: true });
    writeFileSync(log, '');
    spawnSync(
      'bwrap',
      [
        '--ro-bind',
        '/',
        '/',
        '--tmpfs',
        '/home',
        '--tmpfs',
        '/tmp',
        '--bind',
        dir,
        '/tmp/oracle-log',
        ...binds,
        '--dir',
        '/home/dev/project',
        '--chdir',
        '/home/dev/project',
        '--setenv',
        'HOME',
        '/home/dev',
        '--dev',
        '/dev',
        '--proc',
        '/proc',
        '--unshare-all',
        '--die-with-parent',
        'bash',
        '-c',
        script,
      ],
      { input: '', timeout: 5000, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    return readFileSync(log, 'utf8')
      .split('\x1e')
      .filter(Boolean)
      .map((rec) => rec.split('\x1f').slice(0, -1));
  };
  return { exec, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Same argv; a logged `--forc` counts as the expected `--force` (GNU abbreviation). */
const same = (a, b) =>
  a.length === b.length &&
  a.every((x, i) => x === b[i] || (/^--[a-z]{2,}$/.test(x) && b[i].startsWith(x) && b[i].startsWith('--')));

/**
 * Runs the oracle: `cases` rewrites spread over the seeds. `analyze(script)` returns the
 * engine's verdict ('allow' | 'ask' | 'deny'). Returns counts and every miss.
 */
export function runOracle({ analyze, cases, seed = 1, seeds = SEEDS, abbrev = false }) {
  const box = makeSandbox();
  if (!box) throw new Error('bwrap is not available: the oracle needs it');
  const r = prng(seed);
  const out = { seeds: 0, cases: 0, allowed: 0, executed: 0, misses: [], controlFailures: [] };
  try {
    const expected = new Map();
    for (const s of seeds) {
      const prog = s.split(' ')[0];
      const rec = box.exec(s).find((a) => a[0] === prog);
      // The control run must show the seed's destructive argv being run without agentfw.
      if (rec) expected.set(s, rec);
      else out.controlFailures.push(s);
    }
    const usable = [...expected.keys()];
    out.seeds = usable.length;
    for (let i = 0; i < cases && usable.length; i++) {
      const s = usable[i % usable.length];
      const m = mutate(s, r, abbrev);
      out.cases++;
      if (analyze(m) !== 'allow') continue;
      out.allowed++;
      out.executed++;
      const ran = box.exec(m);
      if (ran.some((a) => same(a, expected.get(s)))) out.misses.push({ seed: s, mutation: m });
    }
  } finally {
    box.close();
  }
  return out;
}
