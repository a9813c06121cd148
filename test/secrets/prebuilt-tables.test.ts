/**
 * The build's pre-filter tables (src/secrets/prebuilt-tables.ts, written by
 * scripts/secret-tables.mjs): used only for the exact inputs they were made from, equal to
 * the tables computed at run time, and a missing or malformed file only means computing them.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PatternScanner } from '../../src/secrets/detect.js';
import { prefixTables } from '../../src/secrets/native-prefix.js';
import { teddyMasks } from '../../src/secrets/native-scan.js';
import { prebuiltTables, tablesFileText, tablesKey } from '../../src/secrets/prebuilt-tables.js';
import type { ScannerTables } from '../../src/secrets/scanner-tables.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-tables-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tablesOf = (s: PatternScanner) => (s as unknown as { t: ScannerTables }).t;
const builtIn = tablesOf(new PatternScanner(undefined, null));
const key = tablesKey(builtIn.pairIndex, builtIn.third, builtIn.pairLists);
const computed = {
  teddy: teddyMasks(builtIn.pairIndex, builtIn.third),
  prefix: prefixTables(builtIn.pairLists),
};

let n = 0;
const file = (text: string) => {
  const f = path.join(tmp, `t${n++}.json`);
  writeFileSync(f, text);
  return f;
};

describe('prebuilt pre-filter tables', () => {
  it('are found for the inputs they were made from, and equal the computed ones', () => {
    const got = prebuiltTables(key, file(tablesFileText(new Map([[key, computed]]))));
    expect(got && Buffer.from(got.teddy).equals(Buffer.from(computed.teddy))).toBe(true);
    expect(got && Buffer.from(got.prefix).equals(Buffer.from(computed.prefix))).toBe(true);
  });

  it.each([
    ['other patterns', () => tablesOf(new PatternScanner([], null))],
    ['the same literals in fewer lists', () => ({ ...builtIn, pairLists: builtIn.pairLists.slice(1) })],
  ])('have another key for %s', (_n, other) => {
    const t = other();
    expect(tablesKey(t.pairIndex, t.third, t.pairLists)).not.toBe(key);
  });

  it.each([
    ['another key only', () => tablesFileText(new Map([['0'.repeat(64), computed]]))],
    ['not JSON', () => '{"'],
    ['entries of the wrong type', () => JSON.stringify({ [key]: { teddy: 1, prefix: [] } })],
  ])('are not used from a file with %s', (_n, text) => {
    expect(prebuiltTables(key, file(text()))).toBeUndefined();
  });

  it('are not used from a missing file', () => {
    expect(prebuiltTables(key, path.join(tmp, 'none.json'))).toBeUndefined();
  });

  const built = path.join(PACKAGE_ROOT, 'dist', 'secret-tables.json');
  it.skipIf(!existsSync(built))("the build's file holds this tree's tables for the built-in patterns", () => {
    const got = prebuiltTables(key, built);
    expect(got && Buffer.from(got.teddy).equals(Buffer.from(computed.teddy))).toBe(true);
    expect(got && Buffer.from(got.prefix).equals(Buffer.from(computed.prefix))).toBe(true);
  });
});
