/**
 * The workspace scan's memory between sessions (src/supervisor/scan-memory.ts) with the
 * real scan (src/secrets/scan.ts) over real files: an unchanged file that held nothing is
 * not read again; a file with a secret is read every time and, when its bytes are the
 * same, its values are taken from the remembered places without the detectors (a value is
 * never stored); a changed file is read and scanned again; the record is used only with
 * its signature and build.
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

/** The memory, counting how many files it let the scan skip, and whose secrets it placed. */
function counted(cache: string, ws: string, fingerprint = 'build-1', key = KEY) {
  const m = openScanMemory(cache, ws, fingerprint, key);
  const c = { skipped: 0, placed: 0 };
  const memory: ScanMemory = {
    clean: (rel, st) => {
      const yes = m.clean(rel, st);
      if (yes) c.skipped++;
      return yes;
    },
    remember: (rel, st) => m.remember(rel, st),
    found: (rel, data) => {
      const spans = m.found(rel, data);
      if (spans) c.placed++;
      return spans;
    },
    rememberFound: (rel, data, spans) => m.rememberFound(rel, data, spans),
    save: () => m.save(),
  };
  return { memory, c };
}

const scan = (ws: string, memory: ScanMemory, secretlint = true) => scanWorkspace(ws, { memory, secretlint });
const found = (r: Awaited<ReturnType<typeof scan>>) => r.secrets.map((s) => s.value).includes(TOKEN);

describe('scan memory', () => {
  it('skips unchanged clean files, still reads the file with the secret, reads a changed file', async () => {
    const { ws, cache } = setup();
    const first = counted(cache, ws);
    const r1 = await scan(ws, first.memory);
    expect([first.c.skipped, found(r1), r1.files]).toEqual([0, true, 3]);

    const second = counted(cache, ws);
    const r2 = await scan(ws, second.memory);
    expect([second.c.skipped, second.c.placed, found(r2), r2.files]).toEqual([2, 1, true, 3]);

    // A secret written into a file that was clean: its status changed, so it is read.
    appendFileSync(path.join(ws, 'src', 'a.ts'), `const t = "${TOKEN}";\n`);
    rmSync(path.join(ws, '.env'));
    const third = counted(cache, ws);
    const r3 = await scan(ws, third.memory);
    expect([third.c.skipped, found(r3)]).toEqual([1, true]);
  });

  it('places the same findings as a full scan (secrets linter on), never stores a value', async () => {
    const { ws, cache } = setup();
    // A credential file with a value only the secrets linter's rules name, beside a token.
    writeFileSync(
      path.join(ws, 'config.env'),
      `DB_URL=postgres://app:Xq7pLm2wRt9v@db.internal:5432/app\nGITHUB_TOKEN=${TOKEN}\n`,
    );
    // Text before the value that is not ASCII: its text offsets are not its byte offsets.
    writeFileSync(path.join(ws, 'src', 'naïve.ts'), `// café ünïcode 日本語\nconst t = "${TOKEN}";\n`);
    const sorted = (r: Awaited<ReturnType<typeof scan>>) =>
      r.secrets.map((s) => `${s.file} ${s.name} ${s.value}`).sort();
    const first = counted(cache, ws);
    const r1 = await scan(ws, first.memory, true);
    const second = counted(cache, ws);
    const r2 = await scan(ws, second.memory, true);
    expect(second.c.placed).toBe(3); // .env, config.env and naïve.ts, from the record
    expect(sorted(r2)).toEqual(sorted(r1));
    expect(sorted(r1).length).toBeGreaterThanOrEqual(4);
    expect(r2.secrets.filter((x) => x.file.endsWith('naïve.ts')).map((x) => x.value)).toEqual([TOKEN]);
    for (const f of readdirSync(cache)) {
      const bytes = readFileSync(path.join(cache, f), 'latin1');
      for (const s of r1.secrets) expect(bytes.includes(s.value)).toBe(false);
    }
  });

  it('remembers nothing of a credential file scanned without the secrets linter', async () => {
    const { ws, cache } = setup();
    const first = counted(cache, ws);
    await scan(ws, first.memory, false);
    const second = counted(cache, ws);
    await scan(ws, second.memory, true);
    // src/a.ts and src/b.ts are known clean; .env (a credential file) is read and linted again
    expect([second.c.skipped, second.c.placed]).toEqual([2, 0]);
  });

  it('scans a file with a secret again when its bytes changed (status kept the same size)', async () => {
    const { ws, cache } = setup();
    await scan(ws, counted(cache, ws).memory);
    const other = `ghp_${'Zx8Cv7Bn6Mm5Aa4Ss3Dd2Ff1Gg0Hh9Jj8Kk7L'.slice(0, 36)}`;
    writeFileSync(path.join(ws, '.env'), `GITHUB_TOKEN=${other}\n`);
    const again = counted(cache, ws);
    const r = await scan(ws, again.memory);
    expect(again.c.placed).toBe(0);
    expect(r.secrets.map((s) => s.value)).toContain(other);
    expect(found(r)).toBe(false);
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
