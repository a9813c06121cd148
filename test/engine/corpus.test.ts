/**
 * Scores the engine on the labelled public corpus, in process, with the scratch
 * workspace its README describes. Bars from the engine and payload issues: at least
 * 99% of destructive cases blocked (ask or deny) and 98% of benign cases allowed, per
 * category group.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeContext, type Engine } from '../../src/engine/analyze.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { CORPUS_FILE, makeCorpusWorkspace, readCorpus, type CorpusCase } from '../helpers/corpus.js';

const GROUPS: Record<string, string[]> = {
  engine: ['filesystem', 'git', 'evasion', 'secrets'],
  payloads: ['graphql-delete', 'http-destructive', 'database', 'cloud'],
};

describe.skipIf(!existsSync(CORPUS_FILE))('public corpus', () => {
  let engine: Engine;
  let cases: CorpusCase[];
  let verdicts: Map<string, string>;

  beforeAll(async () => {
    engine = await loadEngine();
    cases = readCorpus();
    const { ws, home } = makeCorpusWorkspace();
    const ctx = makeContext({
      cwd: ws,
      workspace: ws,
      home,
      env: { HOME: home, USER: 'dev' },
      readFile: payloadReader(1 << 20),
    });
    verdicts = new Map(cases.map((c) => [c.id, engine.analyze(c.cmd, ctx).decision]));
  });

  it.each(Object.entries(GROUPS))('%s categories meet the bars', (_group, categories) => {
    const mine = cases.filter((c) => categories.includes(c.category));
    expect(mine.length).toBeGreaterThan(0);
    const block = mine.filter((c) => c.expect === 'block');
    const allow = mine.filter((c) => c.expect === 'allow');
    const missedBlock = block.filter((c) => verdicts.get(c.id) === 'allow');
    const missedAllow = allow.filter((c) => verdicts.get(c.id) !== 'allow');
    const report = [...missedBlock, ...missedAllow].map(
      (c) => `${c.id} (${c.expect}) -> ${verdicts.get(c.id)}`,
    );
    expect.soft(report, 'misses').toEqual([]);
    expect((block.length - missedBlock.length) / block.length).toBeGreaterThanOrEqual(0.99);
    expect((allow.length - missedAllow.length) / allow.length).toBeGreaterThanOrEqual(0.98);
  });
});
