import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { defaultCacheDir, examplesKey } from '../../src/engine/example-cache.js';
import { loadRulesetFiles } from '../../src/rules/load.js';
import { DEMO_PACK, demoPack } from '../helpers/packs.js';

const GOOD = DEMO_PACK;
/** Its not_match example triggers the rule: a load error. */
const BROKEN = demoPack('rm -rf /*');

function setup(text: string): { dir: string; file: string; cache: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-excache-'));
  const file = path.join(dir, 'demo.yaml');
  writeFileSync(file, text);
  return { dir, file, cache: path.join(dir, 'cache') };
}

const load = (file: string, cache: string) =>
  loadEngine({ noBuiltins: true, rulesetPaths: [file], exampleCacheDir: cache });

const entries = (cache: string) => {
  try {
    return readdirSync(cache).filter((f) => /^examples-.*\.json$/.test(f));
  } catch {
    return [];
  }
};

describe('example verification cache', () => {
  it('remembers the build identity against the files status, and rehashes on any doubt', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'agentfw-identity-'));
    const fresh = async () => {
      vi.resetModules(); // a new process: nothing remembered in memory
      return (await import('../../src/engine/example-cache.js')).engineBuildIdentity;
    };
    const hashed = (await fresh())('');
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect((await fresh())(cache)).toBe(hashed);
    const records = readdirSync(cache).filter((f) => f.startsWith('identity-'));
    expect(records).toHaveLength(1);
    const record = path.join(cache, records[0]);
    const saved = JSON.parse(readFileSync(record, 'utf8'));
    expect(saved.identity).toBe(hashed);
    expect((await fresh())(cache)).toBe(hashed); // read from the record
    for (const bad of [
      JSON.stringify({ status: 'other', identity: 'f'.repeat(64) }),
      JSON.stringify({ status: saved.status, identity: 'not a hash' }),
      'not json',
    ]) {
      writeFileSync(record, bad);
      expect((await fresh())(cache)).toBe(hashed);
    }
    writeFileSync(record, JSON.stringify({ status: saved.status, identity: 'e'.repeat(64) }));
    expect((await fresh())(cache)).toBe('e'.repeat(64)); // the record is what a later start uses
  });

  it('records a pass once the examples ran, and only then', async () => {
    const good = setup(GOOD);
    await load(good.file, good.cache);
    expect(entries(good.cache)).toHaveLength(1);
    const entry = JSON.parse(readFileSync(path.join(good.cache, entries(good.cache)[0]), 'utf8'));
    expect(entry).toMatchObject({ passed: true, examples: 2 });

    const broken = setup(BROKEN);
    await expect(load(broken.file, broken.cache)).rejects.toMatchObject({ code: 'E_RULESET_INVALID' });
    expect(entries(broken.cache)).toEqual([]);
  });

  it('trusts a pass recorded for exactly these bytes and this build', async () => {
    const { file, cache } = setup(BROKEN);
    const key = examplesKey(loadRulesetFiles([file]));
    // The record stands for "these examples passed": a forged one proves the examples are skipped.
    await expect(load(file, '')).rejects.toMatchObject({ code: 'E_RULESET_INVALID' });
    mkdirSync(cache, { recursive: true });
    writeFileSync(
      path.join(cache, `examples-${key.slice(0, 32)}.json`),
      JSON.stringify({ version: 1, key, passed: true, examples: 2 }),
    );
    await expect(load(file, cache)).resolves.toBeDefined();
  });

  it('runs the examples again when a ruleset changes after a pass', async () => {
    const { file, cache } = setup(GOOD);
    await load(file, cache);
    writeFileSync(file, BROKEN);
    await expect(load(file, cache)).rejects.toMatchObject({ code: 'E_RULESET_INVALID' });
  });

  it.each([
    ['garbage', () => 'not json{'],
    ['empty', () => ''],
    ['passed false', (key: string) => JSON.stringify({ version: 1, key, passed: false, examples: 2 })],
    ['another key', () => JSON.stringify({ version: 1, key: 'f'.repeat(64), passed: true, examples: 2 })],
    ['other version', (key: string) => JSON.stringify({ version: 99, key, passed: true, examples: 2 })],
    ['passed as a string', (key: string) => JSON.stringify({ version: 1, key, passed: 'true', examples: 2 })],
    ['null', () => 'null'],
  ])('a corrupt entry (%s) means the examples run', async (_name, body) => {
    const { file, cache } = setup(BROKEN);
    const key = examplesKey(loadRulesetFiles([file]));
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, `examples-${key.slice(0, 32)}.json`), body(key));
    await expect(load(file, cache)).rejects.toMatchObject({ code: 'E_RULESET_INVALID' });
  });

  it('an unwritable cache folder only costs time', async () => {
    const { dir, file } = setup(GOOD);
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    await expect(load(file, path.join(blocker, 'cache'))).resolves.toBeDefined();
  });

  it('an empty cache folder setting disables the cache', async () => {
    const { dir, file } = setup(GOOD);
    await load(file, '');
    expect(readdirSync(dir)).toEqual(['demo.yaml']);
  });

  it('skipExamples neither reads nor writes the cache', async () => {
    const { file, cache } = setup(BROKEN);
    await expect(
      loadEngine({ noBuiltins: true, rulesetPaths: [file], exampleCacheDir: cache, skipExamples: true }),
    ).resolves.toBeDefined();
    expect(entries(cache)).toEqual([]);
  });

  it.each([
    [{ XDG_CACHE_HOME: '/x/cache' }, '/x/cache/agentfw'],
    [{ XDG_CACHE_HOME: 'relative/cache' }, path.join(os.homedir(), '.cache', 'agentfw')],
    [{}, path.join(os.homedir(), '.cache', 'agentfw')],
  ])('cache folder for %j is %s', (env, want) => {
    expect(defaultCacheDir(env)).toBe(want);
  });
});
