/**
 * One command in a persistent bash (`agentfw run -- bash`, lines read one by one, each
 * checked by the per-line gate) is asked about once: the tool gate of the program it runs
 * does not ask again. A typed confirmation is typed once. The approval is not reused for
 * a later line. The approver is a real external command that counts its calls.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';

let s: Scratch;
let api: FakeApi;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi();
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

/** An approver that logs each request's command and allows, typing the confirmation value. */
function countingApprover(log: string): string {
  const file = path.join(s.root, 'count-approver.mjs');
  writeFileSync(
    file,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(${JSON.stringify(log)}, JSON.stringify({ layer: req.layer, command: req.command, confirm: req.confirm }) + '\\n');
console.log(JSON.stringify({ verdict: 'allow', ...(req.confirm !== undefined ? { confirm: req.confirm } : {}) }));
`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe('agentfw run -- bash, one line = one question', () => {
  it('a typed confirmation is typed once (GraphQL volumeDelete on the loopback API)', async () => {
    const log = path.join(s.root, 'asks-typed.jsonl');
    const approver = countingApprover(log);
    const q = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "vol-prod") }' });
    const r = await cli(['run', '--headless', '--no-sandbox', '--approver', approver, '--', 'bash'], {
      env: cliEnv(s),
      cwd: s.ws,
      input: `curl -s -X POST ${api.url}/graphql/v2 -d '${q}'\necho done-$?\nexit\n`,
    });
    expect(r.stdout + r.stderr).toContain('done-0');
    expect(api.mutations().length).toBe(1);
    const asks = readFileSync(log, 'utf8').trim().split('\n');
    expect(asks.map((a) => JSON.parse(a) as { layer: string; confirm?: string })).toEqual([
      expect.objectContaining({ layer: 'shell', confirm: 'vol-prod' }),
    ]);
  }, 60_000);

  it.each<[string, (victim: string) => string]>([
    ['rm outside the workspace', (v) => `rm -rf ${v}`],
    ['rm then a later identical line asks again', (v) => `rm -rf ${v}\nmkdir -p ${v}\nrm -rf ${v}`],
  ])(
    '%s',
    async (name, lines) => {
      const tag = name.replace(/\W+/g, '-');
      const victim = path.join(s.home, `victim-${tag}`);
      mkdirSync(victim);
      const log = path.join(s.root, `asks-${tag}.jsonl`);
      const approver = countingApprover(log);
      const script = lines(victim);
      const r = await cli(
        [
          'run',
          '--headless',
          '--no-sandbox',
          '--approver',
          approver,
          '--audit',
          path.join(s.root, `${tag}.jsonl`),
          '--',
          'bash',
        ],
        {
          env: cliEnv(s),
          cwd: s.ws,
          input: `${script}\necho done-$?\nexit\n`,
        },
      );
      expect(r.stdout + r.stderr).toContain('done-0');
      expect(existsSync(victim)).toBe(false);
      const asks = readFileSync(log, 'utf8').trim().split('\n');
      const rmLines = script.split('\n').filter((l) => l.startsWith('rm ')).length;
      expect({
        asks: asks.length,
        layers: asks.map((a) => (JSON.parse(a) as { layer: string }).layer),
      }).toEqual({
        asks: rmLines,
        layers: Array(rmLines).fill('shell'),
      });
    },
    60_000,
  );
});
