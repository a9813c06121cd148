/**
 * Scores the engine on the labelled public corpus, in process, with the scratch
 * workspace its README describes. Bars from the engine and payload issues: at least
 * 99% of destructive cases blocked (ask or deny) and 98% of benign cases allowed, per
 * category group.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FILE, corpusVerdicts, readCorpus, scoreCases, type CorpusCase } from '../helpers/corpus.js';

const GROUPS: Record<string, string[]> = {
  engine: ['filesystem', 'git', 'evasion', 'secrets'],
  payloads: ['graphql-delete', 'http-destructive', 'database', 'cloud'],
};

describe.skipIf(!existsSync(CORPUS_FILE))('public corpus', () => {
  let cases: CorpusCase[];
  let verdicts: Map<string, string>;

  beforeAll(async () => {
    cases = readCorpus();
    verdicts = await corpusVerdicts(cases);
  });

  it.each(Object.entries(GROUPS))('%s categories meet the bars', (_group, categories) => {
    const mine = cases.filter((c) => categories.includes(c.category));
    expect(mine.length).toBeGreaterThan(0);
    const { block, allow, missedBlock, missedAllow } = scoreCases(mine, verdicts);
    const report = [...missedBlock, ...missedAllow].map(
      (c) => `${c.id} (${c.expect}) -> ${verdicts.get(c.id)}`,
    );
    expect.soft(report, 'misses').toEqual([]);
    expect((block.length - missedBlock.length) / block.length).toBeGreaterThanOrEqual(0.99);
    expect((allow.length - missedAllow.length) / allow.length).toBeGreaterThanOrEqual(0.98);
  });
});
