/**
 * `agentfw check --stdin --json` as a protocol, with the real CLI in a child process:
 * exactly one verdict per input line (only `\n` ends a line), each written as soon as it is
 * decided, and no input (blank, oversized, a brace bomb) ends as a crash or an allow.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/agentfw');
const batch = (input: string) =>
  execa(BIN, ['check', '--stdin', '--json'], { input, reject: false, env: { HOME: '/home/dev' } });
const verdicts = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { decision: string; reason: string; commands: { text: string }[] });

describe('check --stdin --json', () => {
  it.each<[string, string, string[]]>([
    ['blank lines get a verdict', '{"cmd":"ls"}\n\n   \n{"cmd":"pwd"}\n', ['allow', 'ask', 'ask', 'allow']],
    [
      'a raw CR does not split a line',
      '{"cmd":"ls"}\r{"cmd":"rm -rf /"}\n{"cmd":"ls"}\r\n',
      ['ask', 'allow'],
    ],
    ['a last line without newline counts', '{"cmd":"ls"}\n{"cmd":"rm -rf /"}', ['allow', 'deny']],
    ['a line that is not JSON', 'rm -rf /\n', ['ask']],
  ])('%s', async (_name, input, expected) => {
    const r = await batch(input);
    expect(r.exitCode).toBe(0);
    expect(verdicts(r.stdout).map((v) => v.decision)).toEqual(expected);
  });

  it('a brace bomb and an oversized line end as ask, and the next line is still answered', async () => {
    const bomb = JSON.stringify({ cmd: 'echo ' + '{a,b}'.repeat(26_000) });
    const huge = JSON.stringify({ cmd: 'echo ' + 'x'.repeat(1024 * 1024) });
    const r = await batch(`${bomb}\n${huge}\n{"cmd":"ls"}\n`);
    expect(r.exitCode).toBe(0);
    const v = verdicts(r.stdout);
    expect(v.map((x) => x.decision)).toEqual(['ask', 'ask', 'allow']);
    expect(v[1].reason).toMatch(/E_TOO_LARGE/);
  }, 60_000);

  it('answers in input order when a slow line comes before quick ones (lines analysed side by side)', async () => {
    // A long script first (its analysis takes the longest), then quick lines of each verdict.
    const slow =
      Array.from({ length: 400 }, (_, i) => `cp a${i} b${i} && git status`).join('; ') + '; rm -rf /';
    const quick = ['ls', 'git push --force origin main', 'rm -rf /', 'pwd'];
    const lines = [slow, ...Array.from({ length: 60 }, (_, i) => quick[i % quick.length])];
    const r = await batch(lines.map((cmd) => JSON.stringify({ cmd })).join('\n') + '\n');
    expect(r.exitCode).toBe(0);
    const v = verdicts(r.stdout);
    expect(v).toHaveLength(lines.length);
    // each verdict is its own line's: the last command it understood ends that line
    v.forEach((x, i) => expect(lines[i].endsWith(x.commands[x.commands.length - 1].text)).toBe(true));
    expect(v.slice(1, 5).map((x) => x.decision)).toEqual(['allow', 'ask', 'deny', 'allow']);
    expect(v[0].decision).toBe('deny');
  }, 60_000);

  it('answers a line while stdin stays open', async () => {
    const child = spawn(BIN, ['check', '--stdin', '--json'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const first = new Promise<string>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('\n')) resolve(buf);
      });
    });
    child.stdin.write('{"cmd":"git push --force origin main"}\n');
    const line = await first;
    expect(verdicts(line).map((v) => v.decision)).toEqual(['ask']);
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
  }, 30_000);
});
