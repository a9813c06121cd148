/**
 * A payload file that blocks must not freeze the supervisor. `curl -d @fifo` named a FIFO
 * with no writer: opening it would block the event loop until a writer comes (minutes),
 * deaf to every other command and to SIGTERM. Real session, real FIFO, real curl shim.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { ensureBuilt, headless, nodeAgent, writeAgent } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

const AGENT = (out: string) => `
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const steps = [
  ['bash', ['-c', 'curl -s -m 2 -d @pipe http://127.0.0.1:9/graphql']],
  ['bash', ['-c', 'curl -s -m 2 -d @pipe http://127.0.0.1:9/upload']],
  ['bash', ['-c', 'echo after-$((40+2))']],
];
writeFileSync(${JSON.stringify(out)}, JSON.stringify(steps.map(([f, a]) => {
  const r = spawnSync(f, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
})));
`;

describe('payload files that could block', () => {
  it('a FIFO named by curl -d @ is refused as unreadable and the session goes on', async () => {
    s = scratch();
    execFileSync('mkfifo', [path.join(s.ws, 'pipe')]);
    const out = path.join(s.root, 'out.json');
    const agent = writeAgent(s, AGENT(out));
    // Without the fix the supervisor blocks in open(2) and this never ends (killed at 30 s).
    const r = await headless(s, nodeAgent(agent), { sandbox: false, audit: s.audit, timeoutMs: 30_000 });
    const res = JSON.parse(readFileSync(out, 'utf8')) as { code: number; stdout: string; stderr: string }[];
    // The GraphQL endpoint asks about any unread body; a plain POST asks because of the FIFO.
    for (const c of res.slice(0, 2)) {
      expect(c.code).toBe(126);
      expect(c.stderr).toContain('Do not retry or work around this');
    }
    expect(res[1].stderr).toContain('fifo');
    expect(res[2]).toMatchObject({ code: 0, stdout: 'after-42\n' });
    expect(r.code).toBe(0);
  });

  it.each([
    ['a FIFO', (d: string) => (execFileSync('mkfifo', [path.join(d, 'x')]), path.join(d, 'x'))],
    ['a character device', () => '/dev/zero'],
    ['a directory', (d: string) => (mkdirSync(path.join(d, 'x')), path.join(d, 'x'))],
    [
      'a file over the size bound',
      (d: string) => (writeFileSync(path.join(d, 'x'), 'a'.repeat(2000)), path.join(d, 'x')),
    ],
    ['a missing file', (d: string) => path.join(d, 'nope')],
  ])('reads %s as unknown (undefined)', (_n, make) => {
    s = scratch();
    expect(payloadReader(1000)(make(s.root))).toBeUndefined();
  });

  it.each([
    ['a FIFO', (d: string) => (execFileSync('mkfifo', [path.join(d, 'x')]), path.join(d, 'x')), 'fifo'],
    ['a character device', () => '/dev/zero', 'device'],
  ])('reports %s to onSpecial', (_n, make, kind) => {
    s = scratch();
    const seen: string[] = [];
    payloadReader(1000, 100, (_p, k) => seen.push(k))(make(s.root));
    expect(seen).toEqual([kind]);
  });

  it('reads a regular file and a symlink to one', () => {
    s = scratch();
    const f = path.join(s.root, 'body.json');
    writeFileSync(f, '{"a":1}');
    execFileSync('ln', ['-s', f, path.join(s.root, 'link')]);
    expect(payloadReader(1000)(f)).toBe('{"a":1}');
    expect(payloadReader(1000)(path.join(s.root, 'link'))).toBe('{"a":1}');
  });
});
