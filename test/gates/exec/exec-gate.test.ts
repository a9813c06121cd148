/**
 * The supervisor side of the exec gate: the command an exec request is judged as (loader
 * peeled, links and renamed copies of gated programs recognised, scripts by path) and the
 * helper's launch argv. (The one-shot pass after a shim's ALLOW: approved.test.ts.) Real
 * files in a scratch dir; real /usr/bin programs.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quote } from 'shell-quote';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgramIdentity, execGateArgs, execText, peelLoader } from '../../../src/gates/exec/exec-gate.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-eg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CURL = ['/usr/bin/curl', '/bin/curl'].find((p) => existsSync(p)) ?? '';
const LOADER = ['/lib64/ld-linux-x86-64.so.2', '/lib/ld-linux-aarch64.so.1'].find((p) => existsSync(p)) ?? '';
const ids = new ProgramIdentity('/usr/bin:/bin');
const req = (argv: string[], p?: string) => ({
  layer: 'exec' as const,
  argv,
  cwd: dir,
  pid: process.pid,
  path: p,
});

describe('peelLoader', () => {
  it.each([
    [
      ['ld.so', '/usr/bin/rm', '-rf', '/x'],
      ['/usr/bin/rm', '-rf', '/x'],
    ],
    [
      ['ld.so', '--library-path', '/l', '--argv0', 'x', '/bin/rm', 'a'],
      ['/bin/rm', 'a'],
    ],
    [['ld.so', '--inhibit-cache', '/bin/rm'], ['/bin/rm']],
    [['ld.so'], []],
  ])('%j → %j', (argv, out) => expect(peelLoader(argv)).toEqual(out));
});

describe.skipIf(!CURL)('execText', () => {
  it('names the program by what the file is', () => {
    copyFileSync(CURL, path.join(dir, 'fetcher'));
    chmodSync(path.join(dir, 'fetcher'), 0o755);
    symlinkSync(CURL, path.join(dir, 'link'));
    writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    writeFileSync(path.join(dir, 'tool'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]), { mode: 0o755 });
    const cases: [string[], string | undefined, string[]][] = [
      [[CURL, '-X', 'DELETE', 'http://h/'], CURL, [CURL, '-X', 'DELETE', 'http://h/']],
      [['innocent', '-s'], path.join(dir, 'fetcher'), ['curl', '-s']], // a renamed copy is curl
      [['./link', '-s'], path.join(dir, 'link'), [CURL, '-s']], // a link into /usr is that program
      [['innocent', 'x'], path.join(dir, 'run.sh'), [path.join(dir, 'run.sh'), 'x']], // scripts by path
      [['tool'], path.join(dir, 'tool'), [path.join(dir, 'tool')]], // unknown binary: by path
      [['curl', '-c', 'rm -rf ~'], '/bin/bash', ['/bin/bash', '-c', 'rm -rf ~']], // argv[0] is not trusted
    ];
    for (const [argv, p, words] of cases) expect(execText(req(argv, p), ids)).toBe(quote(words));
  });

  it.skipIf(!LOADER)('peels the dynamic loader', () => {
    expect(execText(req([LOADER, CURL, '-s']), ids)).toBe(`${CURL} -s`);
  });
});

describe('execGateArgs', () => {
  it('passes the socket, the supervisor pid, the shims and the pass count', () => {
    expect(
      execGateArgs({
        helper: '/h',
        socket: '/r/gate.sock',
        supervisorPid: 42,
        shimDir: '/r/bin',
        client: '/b/agentfw-shim',
        waitMs: 1000,
        rawTty: true,
        pass: 3,
      }),
    ).toEqual([
      '--sock',
      '/r/gate.sock',
      '--supervisor-pid',
      '42',
      '--shim-dir',
      '/r/bin',
      '--client',
      '/b/agentfw-shim',
      '--wait-ms',
      '1000',
      '--raw-tty',
      '--pass',
      '3',
      '--',
    ]);
  });
});
