/**
 * A held-out set written without looking at the public corpus's strings: other
 * spellings, programs, paths and providers of the same families. Same bars as the
 * public corpus (≥ 99% of destructive cases blocked, ≥ 98% of benign cases allowed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusVerdicts, isMiss, readCorpus, scoreCases, type CorpusCase } from '../helpers/corpus.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'heldout.jsonl');

describe('held-out corpus', () => {
  const cases: CorpusCase[] = readCorpus(FILE);
  let verdicts: Map<string, string>;

  // Over 11,000 checks in one process: on a loaded 2-core machine that takes minutes, not the
  // default minute of a hook.
  beforeAll(async () => {
    verdicts = await corpusVerdicts(cases);
  }, 300_000);

  it.each([...new Set(cases.map((c) => c.category))])('%s meets the bars', (category) => {
    const mine = cases.filter((c) => c.category === category);
    const { block, allow, missedBlock, missedAllow } = scoreCases(mine, verdicts);
    const missed = mine.filter((c) => isMiss(c, verdicts));
    expect.soft(missed.map((c) => `${c.id} (${c.expect}) -> ${verdicts.get(c.id)}: ${c.cmd}`)).toEqual([]);
    const blocked = block.length - missedBlock.length;
    const allowed = allow.length - missedAllow.length;
    if (block.length) expect(blocked / block.length).toBeGreaterThanOrEqual(0.99);
    expect(allowed / Math.max(1, allow.length)).toBeGreaterThanOrEqual(allow.length ? 0.98 : 0);
  });
});
