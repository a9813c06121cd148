/**
 * The sandbox profile: the bwrap argv built from a plan (pure, by table), masked copies
 * made with the real secrets layer, and pids mapped out of a real bwrap PID namespace.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretSet } from '../../src/secrets/index.js';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import {
  bwrapArgs,
  hiddenSockets,
  homeWritable,
  needsTmpdirReset,
  SANDBOX_ID_FOR_ROOT,
  type SandboxPlan,
} from '../../src/supervisor/sandbox.js';
import { maskedCopies } from '../../src/supervisor/sandbox-mask.js';
import { hostPidOf, mapRequestPids, UNMAPPED_PID } from '../../src/supervisor/sandbox-pids.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap']).status === 0;
if (!HAS_BWRAP)
  console.log('sandbox pid tests skipped: bwrap is not installed (apt-get install -y bubblewrap)');

const base: SandboxPlan = {
  workspace: '/work/proj',
  cwd: '/work/proj',
  exposed: ['/run/user/7/agentfw/s1/gate.sock', '/run/user/7/agentfw/s1/bin'],
  runtimeRoot: '/run/user/7/agentfw',
  home: '/home/u',
  homeWritable: ['/home/u/.claude'],
  extraWritable: [],
  keepVisible: ['/opt/agentfw'],
  masked: [{ source: '/run/user/7/agentfw/s1/masked/0', target: '/work/proj/.env' }],
  hiddenSockets: ['/run/docker.sock'],
  hostUid: 7,
  resetTmpdir: false,
};

/** Index of the option sequence `seq` in `args`; -1 when absent. */
function find(args: string[], seq: string[]): number {
  for (let i = 0; i + seq.length <= args.length; i++) if (seq.every((s, j) => args[i + j] === s)) return i;
  return -1;
}

describe('bwrapArgs', () => {
  const a = bwrapArgs(base);
  it.each([
    [['--unshare-user']],
    [['--unshare-pid']],
    [['--cap-drop', 'ALL']],
    [['--die-with-parent']],
    [['--ro-bind', '/', '/']],
    [['--dev', '/dev']],
    [['--proc', '/proc']],
    [['--tmpfs', '/tmp']],
    [['--tmpfs', '/run/user/7/agentfw']],
    [['--bind', '/work/proj', '/work/proj']],
    [['--bind', '/home/u/.claude', '/home/u/.claude']],
    [['--ro-bind', '/run/user/7/agentfw/s1/gate.sock', '/run/user/7/agentfw/s1/gate.sock']],
    [['--ro-bind', '/dev/null', '/run/docker.sock']],
    [['--ro-bind', '/run/user/7/agentfw/s1/masked/0', '/work/proj/.env']],
    [['--chdir', '/work/proj']],
  ])('has %j', (seq) => {
    expect(find(a, seq)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['--new-session', 'the agent keeps its pty as controlling terminal'],
    ['--unshare-net', 'the network stays shared'],
    ['--uid', 'a non-root user keeps its own uid'],
    ['--setenv', 'TMPDIR is left alone'],
  ])('has no %s (%s)', (opt) => {
    expect(a).not.toContain(opt);
  });

  it.each([
    [
      'the root is read-only before the workspace is bound writable',
      ['--ro-bind', '/', '/'],
      ['--bind', '/work/proj', '/work/proj'],
    ],
    [
      '/tmp is private before anything under it is bound',
      ['--tmpfs', '/tmp'],
      ['--bind', '/work/proj', '/work/proj'],
    ],
    [
      'masked copies cover the workspace bind',
      ['--bind', '/work/proj', '/work/proj'],
      ['--ro-bind', '/run/user/7/agentfw/s1/masked/0', '/work/proj/.env'],
    ],
    [
      'runtime entries come after the runtime root is emptied',
      ['--tmpfs', '/run/user/7/agentfw'],
      ['--ro-bind', '/run/user/7/agentfw/s1/bin', '/run/user/7/agentfw/s1/bin'],
    ],
  ])('%s', (_why, first, later) => {
    expect(find(a, first)).toBeGreaterThanOrEqual(0);
    expect(find(a, first)).toBeLessThan(find(a, later));
  });

  it('runs as a non-root uid and gid when agentfw is root', () => {
    const r = bwrapArgs({ ...base, hostUid: 0 });
    expect(
      find(r, ['--uid', String(SANDBOX_ID_FOR_ROOT), '--gid', String(SANDBOX_ID_FOR_ROOT)]),
    ).toBeGreaterThan(0);
    expect(SANDBOX_ID_FOR_ROOT).not.toBe(0);
  });

  it('keeps agentfw, the agent and HOME visible when they lie under /tmp, not when in the workspace', () => {
    const r = bwrapArgs({
      ...base,
      workspace: '/tmp/w',
      cwd: '/tmp/w',
      keepVisible: ['/tmp/agentfw', '/tmp/w/agent', '/opt/x'],
    });
    expect(find(r, ['--ro-bind', '/tmp/agentfw', '/tmp/agentfw'])).toBeGreaterThan(
      find(r, ['--tmpfs', '/tmp']),
    );
    expect(find(r, ['--ro-bind', '/tmp/w/agent', '/tmp/w/agent'])).toBe(-1);
    expect(find(r, ['--ro-bind', '/opt/x', '/opt/x'])).toBe(-1);
  });

  it.each([
    [undefined, [], false],
    ['/tmp', [], false],
    ['/tmp/x', [], false],
    ['/var/tmp', [], true],
    ['/work/proj/.tmp', ['/work/proj'], false],
    ['/work/projx', ['/work/proj'], true],
  ])('TMPDIR %s with writable %j → reset %s', (tmpdir, writable, reset) => {
    expect(needsTmpdirReset(tmpdir, writable)).toBe(reset);
  });
});

describe('sandbox/bwrap-run.sh (the profile for manual use)', () => {
  it('passes bwrap the same options as bwrapArgs for a session without gates', () => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'afw-sh-')));
    try {
      const ws = path.join(root, 'ws');
      const home = path.join(root, 'home');
      const bin = path.join(root, 'bin');
      for (const d of [ws, path.join(home, '.cache'), path.join(home, '.codex'), bin])
        mkdirSync(d, { recursive: true });
      // a stand-in bwrap that prints the argv it got, one per line
      writeFileSync(path.join(bin, 'bwrap'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', {
        mode: 0o755,
      });
      const r = spawnSync(path.join(PACKAGE_ROOT, 'sandbox', 'bwrap-run.sh'), [ws, '--', 'agent', '-x'], {
        encoding: 'utf8',
        env: { ...process.env, HOME: home, PATH: `${bin}:${process.env.PATH}` },
      });
      expect(r.status).toBe(0);
      const expected = bwrapArgs({
        workspace: ws,
        cwd: ws,
        exposed: [],
        runtimeRoot: '',
        home,
        homeWritable: homeWritable(home, ws),
        extraWritable: [],
        keepVisible: [],
        masked: [],
        hiddenSockets: hiddenSockets(),
        hostUid: process.getuid?.() ?? 0,
        resetTmpdir: false,
      });
      expect(r.stdout.trimEnd().split('\n')).toEqual([...expected, '--', 'agent', '-x']);
      expect(expected).toContain(path.join(home, '.codex'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('maskedCopies', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'afw-sbx-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const token = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A'.slice(0, 36)}`;

  it('copies each file the scan found, masked, and the git config only when it holds one', async () => {
    const ws = path.join(root, 'ws');
    mkdirSync(path.join(ws, '.git'), { recursive: true });
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, '.env'), `GITHUB_TOKEN=${token}\nLOG_LEVEL=debug\n`);
    writeFileSync(path.join(ws, 'src', 'app.js'), 'console.log("no secret here")\n');
    writeFileSync(
      path.join(ws, '.git', 'config'),
      `[remote "origin"]\n\turl = https://x:${token}@github.com/o/r\n`,
    );
    symlinkSync(path.join(ws, '.env'), path.join(ws, 'env-link'));
    const secrets = await createSecretSet({ env: {}, workspace: ws, home: root });
    const binds = maskedCopies(ws, secrets, path.join(root, 'masked'));
    const targets = binds.map((b) => path.relative(ws, b.target)).sort();
    expect(targets).toEqual(['.env', '.git/config']);
    for (const b of binds) {
      const text = readFileSync(b.source, 'utf8');
      expect(text.includes(token)).toBe(false);
      expect(text).toContain('agentfw:masked:');
    }
    expect(readFileSync(binds.find((b) => b.target.endsWith('.env'))!.source, 'utf8')).toContain(
      'LOG_LEVEL=debug',
    );
    // the originals are untouched
    expect(readFileSync(path.join(ws, '.env'), 'utf8').includes(token)).toBe(true);
  });

  it('makes no copies for a workspace without secrets', async () => {
    const ws = path.join(root, 'clean');
    mkdirSync(path.join(ws, '.git'), { recursive: true });
    writeFileSync(path.join(ws, '.git', 'config'), '[core]\n\tbare = false\n');
    writeFileSync(path.join(ws, 'README.md'), '# hello\n');
    const secrets = await createSecretSet({ env: {}, workspace: ws, home: root });
    expect(maskedCopies(ws, secrets, path.join(root, 'masked-clean'))).toEqual([]);
  });
});

describe.skipIf(!HAS_BWRAP)('pids across the PID namespace', () => {
  /** bwrap's argv up to the command: a new user and PID namespace over a read-only root. */
  const IN_PID_NS = [
    '--unshare-user',
    '--unshare-pid',
    '--ro-bind',
    '/',
    '/',
    '--dev',
    '/dev',
    '--proc',
    '/proc',
    '--',
  ];
  it('maps a sandboxed process to its host pid, and refuses unknown or ambiguous pids', async () => {
    const p = spawn('bwrap', [...IN_PID_NS, 'sh', '-c', 'sleep 5 & echo $! $$; wait'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve) => p.stdout.once('data', (d) => resolve(String(d))));
      const [sleepNs, shNs] = line.trim().split(' ').map(Number);
      const sleepHost = hostPidOf(sleepNs, p.pid);
      expect(sleepHost).toBeGreaterThan(0);
      expect(sleepHost).not.toBe(sleepNs);
      const ns = /^NSpid:\s*(.*)$/m.exec(readFileSync(`/proc/${sleepHost}/status`, 'utf8'))![1].split(/\s+/);
      expect(ns.map(Number)).toEqual([sleepHost, sleepNs]);
      // The forked child may not have exec'd sleep yet on a loaded machine: wait for it (bounded).
      for (
        let i = 0;
        i < 200 && readFileSync(`/proc/${sleepHost}/cmdline`, 'utf8') !== 'sleep\u00005\u0000';
        i++
      )
        await new Promise((r) => setTimeout(r, 10));
      expect(readFileSync(`/proc/${sleepHost}/cmdline`, 'utf8')).toBe('sleep\u00005\u0000');
      const mapped = mapRequestPids({ pid: sleepNs, ppid: shNs, layer: 'tool' }, p.pid);
      expect(mapped.pid).toBe(sleepHost);
      expect(mapped.ppid).toBe(hostPidOf(shNs, p.pid));
      // a pid nobody has in the sandbox, and no sandbox at all
      expect(mapRequestPids({ pid: 4_000_000, ppid: 4_000_001 }, p.pid)).toEqual({ pid: UNMAPPED_PID });
      expect(mapRequestPids({ pid: sleepNs }, undefined)).toEqual({ pid: UNMAPPED_PID });
    } finally {
      p.kill('SIGKILL');
    }
  });

  it('does not map a pid that a nested namespace also uses', async () => {
    // inside: a nested PID namespace whose `sleep` is pid 1 there; the outer sandbox also has a pid 1
    const p = spawn('bwrap', [...IN_PID_NS, 'unshare', '-Urpf', 'sh', '-c', 'echo ready; exec sleep 5'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve) => p.stdout.once('data', () => resolve()));
      // pid 2 in the sandbox is `unshare`; its child `sh`/`sleep` is pid 1 in the nested namespace
      expect(hostPidOf(2, p.pid)).toBeGreaterThan(0);
      expect(hostPidOf(1, p.pid)).toBeUndefined();
    } finally {
      p.kill('SIGKILL');
    }
  });
});
