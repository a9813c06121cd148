/**
 * The approval memory: what an earlier human approval covers. Real parse + normalize,
 * real /proc process tree (this test process stands in for the approved script).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApprovedMemory } from '../../src/supervisor/approved.js';
import { commandsOf } from '../../src/supervisor/commands-of.js';

const CWD = '/home/dev/project';
const memory = () => new ApprovedMemory((script, cwd) => commandsOf(script, cwd, CWD));
const tool = (argv: string[]) => ({ layer: 'tool' as const, argv, cwd: CWD, pid: process.pid });
const shell = (script: string) => ({
  layer: 'shell' as const,
  argv: ['bash', '-c', script],
  script,
  cwd: CWD,
  pid: process.pid,
});

describe('ApprovedMemory', () => {
  it.each([
    [
      "once: the approved script's own tool call, with its variable expanded",
      'once',
      'rm -rf "$BUILD"',
      tool(['rm', '-rf', '/home/dev/project/build']),
      'tui',
    ],
    [
      'once: a different program is not covered',
      'once',
      'rm -rf "$BUILD"',
      tool(['curl', '-X', 'DELETE', 'https://x']),
      undefined,
    ],
    [
      'session: the same script again is covered',
      'session',
      'rm -rf "$BUILD"',
      shell('rm -rf "$BUILD"'),
      'tui',
    ],
    [
      'session: never a pattern — a variable does not match any value',
      'session',
      'rm -rf "$BUILD"',
      tool(['rm', '-rf', '/home/dev/projects']),
      undefined,
    ],
    [
      'session: another script with a literal path is not covered',
      'session',
      'rm -rf "$BUILD"',
      shell('rm -rf ~/projects'),
      undefined,
    ],
    [
      'session: the exact literal command is covered',
      'session',
      'rm -rf build',
      tool(['rm', '-rf', 'build']),
      'tui',
    ],
  ] as const)('%s', (_name, scope, approved, req, want) => {
    const m = memory();
    m.remember(approved, CWD, { pid: process.pid, approver: 'tui', scope });
    expect(m.coveredBy(req)).toBe(want);
  });
});

describe('ApprovedMemory.allowNext: this process may do this next', () => {
  // This test process is the one that was allowed; 999_990+ stand for unrelated processes.
  const me = process.pid;
  it.each([
    ['same pid, same argv', { pid: me, argv: ['curl', '-s', 'u'] }, '/usr/bin/curl -s u', true],
    [
      'relay child of the shim',
      { pid: 999_991, ppid: me, argv: ['curl', '-s', 'u'] },
      '/usr/bin/curl -s u',
      true,
    ],
    ['other process', { pid: 999_992, argv: ['curl', '-s', 'u'] }, '/usr/bin/curl -s u', false],
    ['other argv', { pid: me, argv: ['curl', '-s', 'v'] }, '/usr/bin/curl -s v', false],
    [
      'an extra argument',
      { pid: me, argv: ['curl', '-s', 'u', '-o', 'x'] },
      '/usr/bin/curl -s u -o x',
      false,
    ],
    [
      'file is another program (renamed rm on PATH as curl)',
      { pid: me, argv: ['curl', '-s', 'u'] },
      'rm -s u',
      false,
    ],
    [
      'the real tool of a shim, by path',
      { pid: me, argv: ['/h/.pyenv/versions/3.12/bin/curl', '-s', 'u'] },
      "'/h/.pyenv/versions/3.12/bin/curl' -s u",
      true,
    ],
  ])('%s → %s', (_n, r, text, expected) => {
    const m = memory();
    m.allowNext(me, ['curl', '-s', 'u'], 'tui');
    expect(m.takeNext(r, text)).toBe(expected ? 'tui' : undefined);
    if (expected) expect(m.takeNext(r, text)).toBeUndefined(); // one use
  });

  it.each([
    ['python3', '/usr/bin/python3.11', true],
    ['python3.0', '/usr/bin/python3.11', true],
    ['python3', '/usr/bin/perl5.36', false],
    ['pip', '/h/.pyenv/versions/3.12.1/bin/pip3', true],
    ['node', '/usr/bin/nodejs', false],
  ])('a shim named %s covers the real program %s: %s', (name, file, expected) => {
    const m = memory();
    m.allowNext(me, [name, '--version'], 'policy');
    expect(m.takeNext({ pid: me, argv: [file, '--version'] }, `${file} --version`)).toBe(
      expected ? 'policy' : undefined,
    );
  });

  it('expires', async () => {
    const m = memory();
    m.allowNext(me, ['pip', 'list'], 'policy', 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(m.takeNext({ pid: me, argv: ['pip', 'list'] }, 'pip list')).toBeUndefined();
  });
});

describe('ApprovedMemory.allowNext for a shim: the real tool must predate the session', () => {
  const me = process.pid;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-next-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each([
    ['a tool file older than the session', () => Date.now() + 60_000, 'policy'],
    ['a tool file written during the session', () => 0, undefined],
  ])('%s', (_n, since, expected) => {
    const tool = path.join(dir, 'bin', 'pip');
    mkdirSync(path.dirname(tool), { recursive: true });
    writeFileSync(tool, '#!/bin/sh\n');
    const m = memory();
    m.allowNext(me, ['pip', '--version'], 'policy', 10_000, since());
    expect(m.takeNext({ pid: me, argv: [tool, '--version'], cwd: '/' }, `${tool} --version`)).toBe(expected);
  });
});
