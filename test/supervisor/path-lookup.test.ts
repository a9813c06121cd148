/**
 * pathLookup (one listing per PATH folder, used for the ~90 names of the shim set) answers
 * exactly as which (a stat per folder and name): the first folder where the name is an
 * executable regular file. Real files in a temporary PATH.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathLookup, which } from '../../src/supervisor/shimdir.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'agentfw-path-lookup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const d1 = path.join(root, 'd1');
const d2 = path.join(root, 'd2');
const missing = path.join(root, 'missing');
mkdirSync(d1);
mkdirSync(d2);
const file = (dir: string, name: string, mode: number) => {
  writeFileSync(path.join(dir, name), '#!/bin/sh\n');
  chmodSync(path.join(dir, name), mode);
};
file(d1, 'only-first', 0o755);
file(d2, 'only-second', 0o755);
file(d1, 'both', 0o755);
file(d2, 'both', 0o755);
file(d1, 'plain-then-exec', 0o644);
file(d2, 'plain-then-exec', 0o755);
file(d1, 'never-exec', 0o644);
mkdirSync(path.join(d1, 'dir-then-exec'));
file(d2, 'dir-then-exec', 0o755);
const PATH = [missing, d1, '', d2].join(':');

describe('pathLookup', () => {
  it.each([
    ['only-first', path.join(d1, 'only-first')],
    ['only-second', path.join(d2, 'only-second')],
    ['both', path.join(d1, 'both')],
    // As root every file with any x bit passes access(X_OK); a 0644 file never does.
    ['plain-then-exec', path.join(d2, 'plain-then-exec')],
    ['never-exec', undefined],
    ['dir-then-exec', path.join(d2, 'dir-then-exec')],
    ['absent', undefined],
  ])('%s → %s, the same as which', (name, want) => {
    const found = pathLookup(PATH);
    expect(found(name)).toBe(want);
    expect(found(name)).toBe(which(name, PATH));
  });
});
