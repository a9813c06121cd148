/**
 * An agent that brings its own sandbox, under agentfw's (on by default): a stand-in for
 * cursor-agent's Linux sandboxed terminal (test/sandbox/cursor-standin.py: Landlock +
 * seccomp + NO_NEW_PRIVS applied in the child, then `$SHELL -c CMD`). Both sandboxes
 * apply: a benign command runs and writes in the workspace, the incident's mutation never
 * reaches the loopback API. Control: the stand-in alone delivers it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/supervisor/demo-api.js';
import { run, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, useApiScratch } from '../e2e/run-helpers.js';

/** The system python (a version-manager shim in front of it would be a shell script of its own). */
const PY = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const STANDIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cursor-standin.py');
const landlock = spawnSync(
  'python3',
  ['-c', 'import ctypes;print(ctypes.CDLL(None).syscall(444,None,0,1))'],
  {
    encoding: 'utf8',
  },
);
const READY =
  process.platform === 'linux' &&
  Number(landlock.stdout) > 0 &&
  spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!READY) console.log('cursor stand-in test skipped: needs Linux with Landlock, python3 and bwrap');

let api: FakeApi;
let s: Scratch;
useApiScratch((t) => ({ api, s } = t));

const cmds = () => [
  'echo benign-ok > out.txt && cat out.txt',
  `curl -s -m 5 -X POST ${api.url}/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"vol-c\\") }"}'`,
];
const lines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{"cmd"'))
    .map((l) => JSON.parse(l) as { code: number; landlock: string; seccomp: string });

describe.skipIf(!READY)('an agent with its own Landlock/seccomp sandbox (cursor-agent stand-in)', () => {
  it('control: alone, its sandbox lets the mutation through (network is not its concern)', async () => {
    const before = api.mutations().length;
    const r = await run(PY, [STANDIN, s.ws, ...cmds()], {
      env: { ...cliEnv(s), SHELL: '/bin/bash' },
      cwd: s.ws,
    });
    const l = lines(r.stdout);
    expect(l.map((x) => [x.code, x.landlock, x.seccomp])).toEqual([
      [0, 'ok', 'ok'],
      [0, 'ok', 'ok'],
    ]);
    expect(api.mutations().length).toBe(before + 1);
  });

  it('under agentfw run: both sandboxes apply; benign runs, the mutation is refused', async () => {
    const before = api.mutations().length;
    const r = await cli(['run', '--headless', '--', PY, STANDIN, s.ws, ...cmds()], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    expect(r.code).toBe(0);
    const l = lines(r.stdout);
    expect(l.map((x) => [x.landlock, x.seccomp])).toEqual([
      ['ok', 'ok'],
      ['ok', 'ok'],
    ]);
    expect(l[0].code).toBe(0);
    expect(l[1].code).toBe(126);
    expect(r.stdout).toContain('BLOCKED');
    expect(existsSync(path.join(s.ws, 'out.txt')) && readFileSync(path.join(s.ws, 'out.txt'), 'utf8')).toBe(
      'benign-ok\n',
    );
    expect(api.mutations().length).toBe(before);
  });
});
