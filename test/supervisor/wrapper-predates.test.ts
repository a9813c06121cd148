import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapperPredates } from '../../src/supervisor/approved.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'agentfw-wrapper-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ws = path.join(root, 'ws');
const home = path.join(root, 'home');
mkdirSync(path.join(ws, 'gradle', 'wrapper'), { recursive: true });
mkdirSync(path.join(home, '.sdkman', 'candidates', 'gradle', 'current', 'bin'), { recursive: true });
const companions = ['gradle/wrapper/gradle-wrapper.jar', 'gradle/wrapper/gradle-wrapper.properties'];
writeFileSync(path.join(ws, 'gradlew'), 'x');
writeFileSync(path.join(ws, companions[0]), 'jar');
writeFileSync(path.join(ws, companions[1]), 'props');
const after = Math.max(...['gradlew', ...companions].map((f) => statSync(path.join(ws, f)).ctimeMs)) + 1;

describe('wrapperPredates', () => {
  it.each<[string, () => number, string, string[], boolean]>([
    ['all files older than the session start', () => after, 'gradlew', companions, true],
    ['the script changed after the session started', () => 0, 'gradlew', companions, false],
    ['a companion is missing', () => after, 'gradlew', [...companions, 'gradle/wrapper/missing.jar'], false],
    ['a missing script', () => after, 'nope', companions, false],
  ])('%s', (_n, since, file, comp, want) => {
    expect(wrapperPredates(path.join(ws, file), comp, since(), home, ws)).toBe(want);
  });

  it('an installed start script (under a hidden folder of HOME) is the installed tool', () => {
    const f = path.join(home, '.sdkman', 'candidates', 'gradle', 'current', 'bin', 'gradle');
    writeFileSync(f, 'x');
    expect(wrapperPredates(f, [], 0, home, ws)).toBe(true);
  });
});
