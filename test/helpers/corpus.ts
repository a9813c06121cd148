/**
 * The labelled corpora: reading them, the scratch workspace they expect
 * (../shared/corpus/README.md: cwd = a workspace with a few payload files, HOME = a scratch
 * home), every case's decision from the real engine, and what counts as a miss.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import { dirLister } from '../../src/engine/dir-lister.js';

export interface CorpusCase {
  id: string;
  category: string;
  expect: 'block' | 'allow';
  cmd: string;
}

export const CORPUS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'public.jsonl',
);

export function readCorpus(file = CORPUS_FILE): CorpusCase[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CorpusCase)
    .map((c) => ({ ...c, category: c.category.split(/[ /]/)[0] }));
}

export function makeCorpusWorkspace(): { ws: string; home: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-corpus-'));
  const ws = path.join(tmp, 'ws');
  const home = path.join(tmp, 'home');
  for (const d of [ws, home, 'scripts', 'src', 'docs', 'migrations', 'node_modules', '.git']) {
    mkdirSync(path.isAbsolute(d) ? d : path.join(ws, d), { recursive: true });
  }
  writeFileSync(
    path.join(ws, 'delete-volume.json'),
    '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}\n',
  );
  writeFileSync(
    path.join(ws, 'scripts', 'wipe.sql'),
    'BEGIN;\nDROP TABLE users;\nDROP TABLE orders;\nCOMMIT;\n',
  );
  writeFileSync(path.join(ws, 'targets.txt'), '/\n/home\n');
  writeFileSync(path.join(ws, 'list.txt'), 'a\nb\n');
  writeFileSync(path.join(ws, '.env'), 'RAILWAY_TOKEN=4d2e8c1a-9b7f-4e3d-a2c1-7f8e9d0b1a2c\n');
  writeFileSync(path.join(ws, '.env.example'), 'RAILWAY_TOKEN=\n');
  return { ws, home };
}

/**
 * Each case's decision (by case id) from the real engine with the built-in rulesets, run
 * in a fresh corpus workspace (HOME = its scratch home, USER = dev, payload files readable, folders listable).
 */
export async function corpusVerdicts(cases: CorpusCase[]): Promise<Map<string, string>> {
  const engine = await loadEngine();
  const { ws, home } = makeCorpusWorkspace();
  const ctx = makeContext({
    cwd: ws,
    workspace: ws,
    home,
    env: { HOME: home, USER: 'dev' },
    readFile: payloadReader(1 << 20),
    listDir: dirLister(undefined, { workspace: ws }),
  });
  return new Map(cases.map((c) => [c.id, engine.analyze(c.cmd, ctx).decision]));
}

/** True when the firewall got a case wrong: a destructive case allowed, or a benign one not allowed. */
export const isMiss = (c: CorpusCase, verdicts: Map<string, string>): boolean =>
  (c.expect === 'block') === (verdicts.get(c.id) === 'allow');

/** `cases` split by label, with the ones the firewall got wrong (see isMiss) on each side. */
export function scoreCases(cases: CorpusCase[], verdicts: Map<string, string>) {
  const block = cases.filter((c) => c.expect === 'block');
  const allow = cases.filter((c) => c.expect === 'allow');
  return {
    block,
    allow,
    missedBlock: block.filter((c) => isMiss(c, verdicts)),
    missedAllow: allow.filter((c) => isMiss(c, verdicts)),
  };
}
