/**
 * The bounded, read-only folder listing injected as AnalyzeContext.listDir
 * (src/engine/dir-lister.ts): names of a folder, [] for a missing one, undefined (unknown,
 * fail closed) for anything that is not a folder or holds too many entries.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirLister } from '../../src/engine/dir-lister.js';

const root = mkdtempSync(path.join(tmpdir(), 'agentfw-lister-'));
mkdirSync(path.join(root, 'tests'));
mkdirSync(path.join(root, 'tests', 'lib'));
for (const f of ['b.sh', 'a.sh', '.hidden.sh']) writeFileSync(path.join(root, 'tests', f), 'echo ok\n');
mkdirSync(path.join(root, 'big'));
for (let i = 0; i < 5; i++) writeFileSync(path.join(root, 'big', `f${i}`), '');
writeFileSync(path.join(root, 'file.txt'), 'x');

const list = dirLister(4);

describe('dirLister', () => {
  it.each<[string, string[] | undefined]>([
    ['tests', ['.hidden.sh', 'a.sh', 'b.sh', 'lib/']],
    // a missing folder holds nothing on disk
    ['absent', []],
    // fail closed: more entries than the bound
    ['big', undefined],
    // fail closed: not a folder
    ['file.txt', undefined],
  ])('%s → %j', (dir, want) => expect(list(path.join(root, dir))).toEqual(want));
});
