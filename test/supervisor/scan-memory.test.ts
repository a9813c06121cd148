/**
 * The workspace scan's memory between sessions (src/supervisor/scan-memory.ts) with the
 * real scan (src/secrets/scan.ts) over real files: an unchanged file that held nothing is
 * not read again; a file with a secret is read every time (its value is never stored); a
 * changed file is read again; the record is used only with its signature and build.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanWorkspace, type ScanMemory } from '../../src/secrets/scan.js';
import { openScanMemory } from '../../src/supervisor/scan-memory.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-scan-memory-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KEY = Buffer.alloc(32, 3);
const TOKEN = `ghp_${'Hk2Lq9Wm4Xr7Tz1Vb5Nc8Pd3Fs6Jg0Ya2Eu4'.slice(0, 36)}`;
let n = 0;

/** A workspace with two clean files and one holding TOKEN, and an empty cache folder. */
function setup() {
  const ws = path.join(tmp, `ws${n}`);
  const cache = path.join(tmp, `cache${n++}`);
  mkdirSync(path.join(ws, 'src'), { recursive: true });
  writeFileSync(path.join(ws, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(ws, 'src', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(path.join(ws, '.env'), `GITHUB_TOKEN=${TOKEN}\n`);
  return { ws, cache };
}

/** The memory, counting how many files it let the scan skip. */
function counted(cache: string, ws: string, fingerprint = 'build-1', key = KEY) {
  const m = openScanMemory(cache, ws, fingerprint, key);
  const c = { skipped: 0 };
  const memory: ScanMemory = {
    clean: (rel, st) => {
      const yes = m.clean(rel, st);
      if (yes) c.skipped++;
      return yes;
    },
    remember: (rel, st) => m.remember(rel, st),
    save: () => m.save(),
  };
  return { memory, c };
}

const scan = (ws: string, memory: ScanMemory) => scanWorkspace(ws, { memory, secretlint: false });
const found = (r: Awaited<ReturnType<typeof scan>>) => r.secrets.map((s) => s.value).includes(TOKEN);

describe('scan memory', () => {
  it('skips unchanged clean files, still reads the file with the secret, reads a changed file', async () => {
    const { ws, cache } = setup();
    const first = counted(cache, ws);
    const r1 = await scan(ws, first.memory);
    expect([first.c.skipped, found(r1), r1.files]).toEqual([0, true, 3]);

    const second = counted(cache, ws);
    const r2 = await scan(ws, second.memory);
    expect([second.c.skipped, found(r2), r2.files]).toEqual([2, true, 3]);

    // A secret written into a file that was clean: its status changed, so it is read.
    appendFileSync(path.join(ws, 'src', 'a.ts'), `const t = "${TOKEN}";\n`);
    rmSync(path.join(ws, '.env'));
    const third = counted(cache, ws);
    const r3 = await scan(ws, third.memory);
    expect([third.c.skipped, found(r3)]).toEqual([1, true]);
  });

  it.each<[string, (cache: string, ws: string) => ReturnType<typeof counted>]>([
    ['another build', (c, w) => counted(c, w, 'build-2')],
    ['another key', (c, w) => counted(c, w, 'build-1', Buffer.alloc(32, 4))],
    [
      'an edited record',
      (c, w) => {
        const f = path.join(c, readdirSync(c)[0]);
        writeFileSync(f, readFileSync(f, 'utf8').replace(/\d+:/, '1:'));
        return counted(c, w);
      },
    ],
  ])('remembers nothing with %s', async (_name, open) => {
    const { ws, cache } = setup();
    await scan(ws, counted(cache, ws).memory);
    const again = open(cache, ws);
    const r = await scan(ws, again.memory);
    expect([again.c.skipped, found(r)]).toEqual([0, true]);
  });
});
