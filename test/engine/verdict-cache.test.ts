/**
 * The allow-verdict cache of the analysis pool (src/engine/verdict-cache.ts) with real
 * worker children, the real engine and real files: a repeated command that reads no file is
 * analysed once; ask and deny are analysed every time; a verdict that depends on a file's
 * content (a payload, a script judged by content) is never cached, so changing the file
 * changes the next verdict. Needs `npm run build` (the children run dist/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/engine/analyze.js';
import { VerdictCache } from '../../src/engine/verdict-cache.js';
import { AnalysisPool } from '../../src/engine/worker.js';
import { createSecretSet } from '../../src/secrets/index.js';
import { memoMask } from '../../src/supervisor/mask-memo.js';
import { ensureBuilt } from '../e2e/run-helpers.js';

let engine: Engine;
let dir: string;
const pools: AnalysisPool[] = [];
const MUTATION = '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}';
const HARMLESS = '{"query":"{ me { id } }"}';

beforeAll(async () => {
  ensureBuilt();
  engine = await loadEngine({ exampleCacheDir: '', noConfig: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-vcache-'));
  mkdirSync(path.join(dir, 'sub'));
}, 120_000);
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pool = () => {
  const p = new AnalysisPool(engine, { size: 1, deadlineMs: 60_000 });
  pools.push(p);
  return p;
};
const job = (script: string, cwd = dir) => ({ script, cwd, workspace: dir, home: dir });

describe('the pool remembers allow verdicts that read no file', () => {
  it.each([
    { cmd: 'ls -la', verdict: 'allow', hits: 2 },
    { cmd: 'git status', verdict: 'allow', hits: 2 },
    { cmd: 'rm -rf ~', verdict: 'deny|ask', hits: 0 },
    { cmd: 'git push --force origin main', verdict: 'deny|ask', hits: 0 },
  ])(
    '$cmd three times: $hits served from the cache',
    async ({ cmd, verdict, hits }) => {
      const p = pool();
      const ds = [];
      for (let i = 0; i < 3; i++) ds.push((await p.analyze(job(cmd))).decision.decision);
      for (const d of ds) expect(d).toMatch(new RegExp(`^(${verdict})$`));
      expect(p.verdicts.stats.hits).toBe(hits);
    },
    60_000,
  );

  it('keys on the job: the same text in another folder is analysed again', async () => {
    const p = pool();
    await p.analyze(job('ls'));
    await p.analyze(job('ls', path.join(dir, 'sub')));
    expect(p.verdicts.stats).toMatchObject({ hits: 0, misses: 2 });
  }, 60_000);

  it('never caches a verdict that read a file: a payload changed between two runs is judged anew', async () => {
    const p = pool();
    const body = path.join(dir, 'body.json');
    const cmd = `curl -X POST https://api.example.com/graphql -d @${body}`;
    writeFileSync(body, HARMLESS);
    expect((await p.analyze(job(cmd))).decision.decision).toBe('allow');
    writeFileSync(body, MUTATION);
    expect((await p.analyze(job(cmd))).decision.decision).not.toBe('allow');
    expect(p.verdicts.stats.hits).toBe(0);
    expect(p.verdicts.stats.uncacheable).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('never caches a script judged by its content: a script rewritten after an allow is refused', async () => {
    const p = pool();
    const script = path.join(dir, 'job.sh');
    writeFileSync(script, '#!/bin/sh\necho hello\n', { mode: 0o755 });
    const first = await p.analyze(job(script));
    writeFileSync(script, '#!/bin/sh\nrm -rf ~\n', { mode: 0o755 });
    const second = await p.analyze(job(script));
    expect(first.decision.decision).toBe('allow');
    expect(second.decision.decision).not.toBe('allow');
    expect(p.verdicts.stats.hits).toBe(0);
  }, 60_000);
});

describe('VerdictCache', () => {
  it('keeps at most `size` verdicts, the oldest leaving first', async () => {
    const c = new VerdictCache(2);
    const p = pool();
    for (const cmd of ['ls a', 'ls b', 'ls c']) {
      const r = await p.analyze(job(cmd));
      c.put(job(cmd), r.decision, false, []);
    }
    expect(c.get(job('ls c'))).toBeDefined();
    expect(c.get(job('ls a'))).toBeUndefined();
    expect(c.stats).toMatchObject({ hits: 1, misses: 1 });
  }, 60_000);
});

describe('memoMask', () => {
  it.each([
    { text: 'curl -H "Authorization: Bearer $T" https://api.example.com', secret: false },
    { text: 'psql postgres://app:S3cr3tPassw0rd-x9@db.internal/app', secret: true },
    { text: 'export TOKEN=tok-5f2a9c1e7b3d4a6f8e0c2b4d6f8a0c2e', secret: true },
  ])('masks $text like the secret set, also when remembered', async ({ text, secret }) => {
    const secrets = await createSecretSet({
      env: { DEPLOY_TOKEN: 'tok-5f2a9c1e7b3d4a6f8e0c2b4d6f8a0c2e' },
      workspace: dir,
      home: dir,
    });
    const memo = memoMask(secrets);
    const want = secrets.mask(text);
    expect(memo.mask(text)).toBe(want);
    expect(memo.mask(text)).toBe(want);
    expect(want !== text).toBe(secret);
    expect(memo.size).toBe(secrets.size);
    expect(memo.agentEnv({ DEPLOY_TOKEN: 'tok-5f2a9c1e7b3d4a6f8e0c2b4d6f8a0c2e' })).toEqual(
      secrets.agentEnv({ DEPLOY_TOKEN: 'tok-5f2a9c1e7b3d4a6f8e0c2b4d6f8a0c2e' }),
    );
  });
});
