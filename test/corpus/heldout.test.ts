/**
 * A held-out set written without looking at the public corpus's strings: other
 * spellings, programs, paths and providers of the same families. Same bars as the
 * public corpus (≥ 99% of destructive cases blocked, ≥ 98% of benign cases allowed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { makeCorpusWorkspace, readCorpus, type CorpusCase } from '../helpers/corpus.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'heldout.jsonl');

describe('held-out corpus', () => {
  const cases: CorpusCase[] = readCorpus(FILE);
  const verdicts = new Map<string, string>();

  beforeAll(async () => {
    const engine = await loadEngine();
    const { ws, home } = makeCorpusWorkspace();
    const ctx = makeContext({
      cwd: ws,
      workspace: ws,
      home,
      env: { HOME: home, USER: 'dev' },
      readFile: payloadReader(1 << 20),
    });
    for (const c of cases) verdicts.set(c.id, engine.analyze(c.cmd, ctx).decision);
  });

  it.each([...new Set(cases.map((c) => c.category))])('%s meets the bars', (category) => {
    const mine = cases.filter((c) => c.category === category);
    const block = mine.filter((c) => c.expect === 'block');
    const allow = mine.filter((c) => c.expect === 'allow');
    const missed = mine.filter((c) => (c.expect === 'block') === (verdicts.get(c.id) === 'allow'));
    expect.soft(missed.map((c) => `${c.id} (${c.expect}) -> ${verdicts.get(c.id)}: ${c.cmd}`)).toEqual([]);
    const blocked = block.filter((c) => verdicts.get(c.id) !== 'allow').length;
    const allowed = allow.filter((c) => verdicts.get(c.id) === 'allow').length;
    expect(blocked / block.length).toBeGreaterThanOrEqual(0.99);
    expect(allowed / Math.max(1, allow.length)).toBeGreaterThanOrEqual(allow.length ? 0.98 : 0);
  });
});
