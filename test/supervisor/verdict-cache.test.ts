/**
 * The allow-verdict cache with the real engine and real files: a repeated command that
 * reads no file is analysed once; ask and deny are analysed every time; a verdict that
 * depends on a file's content (a payload, a script judged by content) is never cached, so
 * changing the file changes the next verdict.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeContext, type Engine } from '../../src/engine/analyze.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { createSecretSet } from '../../src/secrets/index.js';
import { cacheAllows, memoMask } from '../../src/supervisor/verdict-cache.js';

let engine: Engine;
let dir: string;
const MUTATION = '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}';
const HARMLESS = '{"query":"{ me { id } }"}';

beforeAll(async () => {
  engine = await loadEngine({ noConfig: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-vcache-'));
  mkdirSync(path.join(dir, 'sub'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = (cwd = dir) => makeContext({ cwd, workspace: dir, home: dir, readFile: payloadReader(1 << 20) });

describe('cacheAllows', () => {
  it.each([
    { cmd: 'ls -la', verdict: 'allow', hits: 2 },
    { cmd: 'git status', verdict: 'allow', hits: 2 },
    { cmd: 'rm -rf ~', verdict: 'deny|ask', hits: 0 },
    { cmd: 'git push --force origin main', verdict: 'deny|ask', hits: 0 },
  ])('$cmd three times: $hits served from the cache', ({ cmd, verdict, hits }) => {
    const c = cacheAllows(engine);
    const ds = [0, 1, 2].map(() => c.analyze(cmd, ctx()));
    for (const d of ds) expect(d.decision).toMatch(new RegExp(`^(${verdict})$`));
    expect(ds.map((d) => d.decision)).toEqual(ds.map(() => engine.analyze(cmd, ctx()).decision));
    expect(c.verdictCache.hits).toBe(hits);
  });

  it('keys on the context: the same text in another folder is analysed again', () => {
    const c = cacheAllows(engine);
    c.analyze('ls', ctx());
    c.analyze('ls', ctx(path.join(dir, 'sub')));
    expect(c.verdictCache).toMatchObject({ hits: 0, misses: 2 });
  });

  it('never caches a verdict that read a file: a payload changed between two runs is judged anew', () => {
    const c = cacheAllows(engine);
    const body = path.join(dir, 'body.json');
    const cmd = `curl -X POST https://api.example.com/graphql -d @${body}`;
    writeFileSync(body, HARMLESS);
    expect(c.analyze(cmd, ctx()).decision).toBe('allow');
    writeFileSync(body, MUTATION);
    expect(c.analyze(cmd, ctx()).decision).not.toBe('allow');
    expect(c.verdictCache.hits).toBe(0);
    expect(c.verdictCache.uncacheable).toBeGreaterThanOrEqual(1);
  });

  it('never caches a script judged by its content: a script rewritten after an allow is refused', () => {
    const c = cacheAllows(engine);
    const script = path.join(dir, 'job.sh');
    writeFileSync(script, '#!/bin/sh\necho hello\n', { mode: 0o755 });
    const first = c.analyze(script, ctx());
    writeFileSync(script, '#!/bin/sh\nrm -rf ~\n', { mode: 0o755 });
    const second = c.analyze(script, ctx());
    expect(first.decision).toBe('allow');
    expect(second.decision).not.toBe('allow');
    expect(c.verdictCache.hits).toBe(0);
  });

  it('keeps at most `size` verdicts, the oldest leaving first', () => {
    const c = cacheAllows(engine, 2);
    for (const cmd of ['ls a', 'ls b', 'ls c']) c.analyze(cmd, ctx());
    c.analyze('ls c', ctx());
    c.analyze('ls a', ctx());
    expect(c.verdictCache).toMatchObject({ hits: 1, misses: 4 });
  });

  it('answers everything else of the engine unchanged', () => {
    const c = cacheAllows(engine);
    expect(c.packs).toBe(engine.packs);
    expect(c.decideFacts([]).decision).toBe(engine.decideFacts([]).decision);
  });
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
