/**
 * The analysis worker pool (src/engine/worker.ts) with real child processes: the same
 * verdicts as the engine in-process, a hard deadline enforced while the analysis runs
 * (the child is killed, the pool keeps serving), a child that dies or cannot start is
 * `ask`, and the host's masker applies to what comes back. Needs `npm run build` (the
 * children run dist/engine/worker-entry.js).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeContext, type Engine } from '../../src/engine/analyze.js';
import { AnalysisPool, poolOf } from '../../src/engine/worker.js';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import { ensureBuilt } from '../e2e/run-helpers.js';

let engine: Engine;
const pools: AnalysisPool[] = [];
const pool = (e: Engine, o: ConstructorParameters<typeof AnalysisPool>[1] = {}) => {
  const p = new AnalysisPool(e, { deadlineMs: 60_000, ...o });
  pools.push(p);
  return p;
};
const cwd = '/home/dev/project';
/** An input whose analysis takes tens of ms on any machine (15,000 commands). */
const HEAVY = 'echo a;'.repeat(15_000);

beforeAll(async () => {
  ensureBuilt();
  engine = await loadEngine({ exampleCacheDir: '', noConfig: true });
}, 120_000);
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe('analysis worker pool', () => {
  it.each<[string]>([
    ['ls -la'],
    ['rm -rf /'],
    ['git push --force origin main'],
    ['curl -X DELETE https://api.example.com/v1/volumes/v1'],
    ['echo $(('],
    ['bash -c "eval \\"rm -rf ~\\""'],
  ])(
    'same verdict as in-process: %s',
    async (script) => {
      const p = pool(engine);
      const inproc = engine.analyze(script, makeContext({ cwd, home: '/home/dev' }));
      const r = await p.analyze({ script, cwd, home: '/home/dev' });
      expect(r.decision.decision).toBe(inproc.decision);
      expect(r.decision.findings.map((f) => f.rule)).toEqual(inproc.findings.map((f) => f.rule));
      expect(r.decision.issues.map((i) => i.code)).toEqual(inproc.issues.map((i) => i.code));
    },
    60_000,
  );

  it('an analysis over the deadline is stopped: ask E_TIMEOUT, the child killed, the pool serves on', async () => {
    const p = pool(engine, { size: 2 });
    await p.warm();
    // Warm both children's code paths, so the later check is not a cold start.
    await Promise.all([p.analyze({ script: 'ls', cwd }), p.analyze({ script: 'ls', cwd })]);
    const before = p.pids();
    expect(before).toHaveLength(2);
    p.deadlineMs = 2;
    const r = await p.analyze({ script: HEAVY, cwd });
    p.deadlineMs = 60_000;
    expect(r.decision.decision).toBe('ask');
    expect(r.decision.issues.map((i) => i.code)).toEqual(['E_TIMEOUT']);
    expect(r.decision.reason).toMatch(/hard deadline of 2 ms/);
    expect(p.counts.killed).toBe(1);
    // The killed child is gone (signal 0 to it fails) and a fresh one replaces it.
    const gone = before.filter((pid) => !p.pids().includes(pid));
    expect(gone).toHaveLength(1);
    expect((await p.analyze({ script: 'ls', cwd })).decision.decision).toBe('allow');
    expect((await p.analyze({ script: 'rm -rf /', cwd })).decision.decision).toBe('deny');
  }, 60_000);

  it('a request queued behind a runaway is answered after it (one child, FIFO)', async () => {
    const p = pool(engine, { size: 1 });
    await p.warm();
    await p.analyze({ script: 'ls', cwd });
    p.deadlineMs = 2;
    const slow = p.analyze({ script: HEAVY, cwd });
    // Queued while the child is busy; dispatched (with the normal deadline) after the kill.
    p.deadlineMs = 60_000;
    const next = p.analyze({ script: 'git push --force', cwd });
    const [a, b] = await Promise.all([slow, next]);
    expect(a.decision.issues.map((i) => i.code)).toEqual(['E_TIMEOUT']);
    expect(b.decision.decision).toBe('ask');
    expect(b.decision.findings.map((f) => f.rule)).toContain('git/force-push');
  }, 60_000);

  it('a child killed from outside mid-analysis: ask, and the next request gets a fresh child', async () => {
    const p = pool(engine, { size: 1 });
    await p.warm();
    const [pid] = p.pids();
    const r = p.analyze({ script: HEAVY, cwd });
    process.kill(pid, 'SIGKILL');
    const d = (await r).decision;
    expect(d.decision).toBe('ask');
    expect(d.issues[0].code).toBe('E_INTERNAL');
    expect((await p.analyze({ script: 'ls', cwd })).decision.decision).toBe('allow');
    expect(p.pids()).not.toContain(pid);
  }, 60_000);

  it('a child that cannot load its policy: every request is ask with the reason', async () => {
    const broken: Engine = { ...engine, spec: { ...engine.spec, rulesetPaths: ['/nonexistent/pack.yaml'] } };
    const p = pool(broken, { size: 2 });
    const [a, b] = await Promise.all([p.analyze({ script: 'ls', cwd }), p.analyze({ script: 'ls', cwd })]);
    for (const r of [a, b]) {
      expect(r.decision.decision).toBe('ask');
      expect(r.decision.issues[0].code).toBe('E_INTERNAL');
      expect(r.decision.reason).toMatch(/could not start/);
    }
  }, 60_000);

  it("the host's masker covers what the child returns (known secret values)", async () => {
    // A value no pattern finds (a word in a URL path): only the host's masker knows it.
    const secret = 'mellifluousotter42';
    const masked = await loadEngine({
      exampleCacheDir: '',
      noConfig: true,
      mask: (t) => t.split(secret).join('agentfw:masked:API_TOKEN'),
    });
    const p = pool(masked);
    const script = `curl -X DELETE https://api.example.com/v1/volumes/${secret}`;
    const r = await p.analyze({ script, cwd });
    expect(r.decision.decision).not.toBe('allow');
    const json = JSON.stringify(r.decision);
    expect(json).not.toContain(secret);
    expect(json).toContain('agentfw:masked:API_TOKEN');
  }, 60_000);

  it('a closed pool answers ask', async () => {
    const p = pool(engine);
    await p.close();
    expect((await p.analyze({ script: 'ls', cwd })).decision.decision).toBe('ask');
  });
});

describe('poolOf: one pool per engine', () => {
  it('gives every caller of an engine the same pool, which serves it', async () => {
    const e = await loadEngine({ exampleCacheDir: '', noConfig: true });
    const p = poolOf(e);
    pools.push(p);
    expect(poolOf(e)).toBe(p);
    expect((await p.analyze({ script: 'rm -rf /', cwd })).decision.decision).not.toBe('allow');
    expect((await p.analyze({ script: 'ls', cwd })).decision.decision).toBe('allow');
  }, 60_000);
});

describe('what keeps a host process alive', () => {
  const dist = (f: string) => JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'engine', f));
  /** A fresh Node process whose only pending work is the pool: exit code and output. */
  const host = (body: string) => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { loadEngine } from ${dist('analyze.js')};
         import { AnalysisPool } from ${dist('worker.js')};
         const p = new AnalysisPool(await loadEngine({ exampleCacheDir: '', noConfig: true }));
         ${body}
         await p.close();`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    return { code: r.status, out: r.stdout.trim() };
  };
  // Before: warm() awaited alone ended the host with code 13 (a top-level await left pending).
  it.each([
    ['awaits warm() alone', 'await p.warm(); console.log(p.pids().length);', '2'],
    [
      'awaits one analysis alone',
      "console.log((await p.analyze({ script: 'rm -rf /', cwd: '/' })).decision.decision);",
      'deny',
    ],
  ])(
    'a host that %s stays alive until it is done',
    (_what, body, out) => {
      expect(host(body)).toEqual({ code: 0, out });
    },
    90_000,
  );
});
