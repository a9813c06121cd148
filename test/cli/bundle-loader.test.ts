/**
 * bin/bundle-loader.mjs runs a CommonJS bundle with V8's code cache. A cache is used only
 * when it was made from the bundle's exact bytes: a bundle changed after its cache was made
 * (even to the same length, which V8's own check does not notice) runs its new code, and a
 * damaged cache is rejected by V8; either way the code runs as if there were no cache.
 * Real child processes (the cache is written at a process's exit, as the build does).
 */
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOADER = path.join(ROOT, 'bin', 'bundle-loader.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-loader-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A bundle whose main() answers `word` (3 letters: versions differ in content, not length). */
const bundleText = (word: string) =>
  `exports.main = function main() { return ${JSON.stringify(word)} + ':' + typeof require + ':' + path(); };\n` +
  `function path() { return require('node:path').basename(__filename); }\n` +
  `exports.imp = () => __agentfwImport('node:os').then((m) => typeof m.cpus);\n`;

/** Loads `file` in a fresh process; `write` makes the cache at exit. */
async function load(file: string, write = false) {
  const script = `
    const { loadBundle } = await import(${JSON.stringify(LOADER)});
    const r = loadBundle(${JSON.stringify(file)}, ${write ? `{ writeCache: ${JSON.stringify(file + '.cache')} }` : '{}'});
    console.log(JSON.stringify({ out: r.exports.main(), imp: await r.exports.imp(), cached: r.cached }));`;
  const r = await execa(process.execPath, ['--input-type=module', '-e', script], { reject: false });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { out: string; imp: string; cached: boolean };
}

describe('bundle loader', () => {
  const file = path.join(tmp, 'b.cjs');

  it('runs without a cache, then with the one it made', async () => {
    writeFileSync(file, bundleText('one'));
    expect(await load(file)).toEqual({ out: 'one:function:b.cjs', imp: 'function', cached: false });
    await load(file, true);
    expect(readFileSync(file + '.cache').length).toBeGreaterThan(32);
    expect(await load(file)).toEqual({ out: 'one:function:b.cjs', imp: 'function', cached: true });
  });

  it.each([
    [
      'the bundle changed to the same length after its cache was made',
      () => writeFileSync(file, bundleText('two')),
    ],
    [
      'the cache damaged after its header',
      () => {
        writeFileSync(file, bundleText('one'));
        const c = readFileSync(file + '.cache');
        for (let i = 40; i < c.length; i += 7) c[i] ^= 0x5a;
        writeFileSync(file + '.cache', c);
      },
    ],
    [
      'the cache cut short',
      () => writeFileSync(file + '.cache', readFileSync(file + '.cache').subarray(0, 20)),
    ],
  ])('%s: runs the bundle as it is, without the cache', async (_what, spoil) => {
    writeFileSync(file, bundleText('one'));
    await load(file, true);
    spoil();
    const want = readFileSync(file, 'utf8').includes('"two"') ? 'two' : 'one';
    expect(await load(file)).toEqual({ out: `${want}:function:b.cjs`, imp: 'function', cached: false });
  });

  it('control: V8 alone runs the old code of a same-length changed source from a stale cache', () => {
    const a = '(function () { return "one" + (function inner() { return 1; })(); })';
    const old = new vm.Script(a);
    (old.runInThisContext() as () => string)();
    const stale = old.createCachedData();
    const b = new vm.Script(a.replace('one', 'two'), { cachedData: stale });
    expect(b.cachedDataRejected).toBe(false);
    expect((b.runInThisContext() as () => string)()).toBe('one1');
  });
});
