/**
 * Masked copies kept between sessions (src/supervisor/sandbox-mask-cache.ts), with the
 * real secrets layer and real files: a later session gets the same copies without masking
 * again; a changed file, another secret set or build, an edited record or a copy replaced
 * on disk (say, by the unmasked original) is masked again; no secret value is ever in the
 * cache folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecretSet } from '../../src/secrets/types.js';
import { openMaskedCopies, type MaskedCopyCache } from '../../src/supervisor/sandbox-mask-cache.js';
import { maskedCopies } from '../../src/supervisor/sandbox-mask.js';
import { loadSecretSet } from '../../src/supervisor/secrets-seam.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-masked-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KEY = Buffer.alloc(32, 5);
const TOKEN = 'ghp_' + 'Zq8Wx7Ec6Rv5Tb4Yn3Um2Ik1Ol0Pa9Sd8Fg7H';
let n = 0;

/** A workspace whose `.env` and `app.py` hold TOKEN, its secret set, and a cache folder. */
async function setup() {
  const ws = mkdtempSync(path.join(tmp, 'ws'));
  writeFileSync(path.join(ws, '.env'), `GITHUB_TOKEN=${TOKEN}\n`);
  writeFileSync(path.join(ws, 'app.py'), `import os\ntoken = "${TOKEN}"\nprint(len(token))\n`);
  const { set } = await loadSecretSet({ PATH: process.env.PATH ?? '' }, ws, path.join(ws, 'nohome'));
  return { ws, set, cache: path.join(tmp, `cache${n++}`) };
}

/** The copies' bytes by target file name. */
const copies = (binds: { source: string; target: string }[]) =>
  Object.fromEntries(binds.map((b) => [path.basename(b.target), readFileSync(b.source, 'utf8')]));

/** A secret set whose masker throws: any file masked now fails the call. */
const unmasking = (set: SecretSet): SecretSet => ({
  ...set,
  streamMasker: () => {
    throw new Error('a file was masked');
  },
});

const run = (ws: string, set: SecretSet, cache: MaskedCopyCache) =>
  maskedCopies(ws, set, path.join(ws, `.masked${n++}`), cache);

describe('masked copies kept between sessions', () => {
  it('are reused whole for the same files, secret set and build', async () => {
    const { ws, set, cache } = await setup();
    const first = copies(run(ws, set, openMaskedCopies(cache, ws, 'fp', KEY)));
    expect(Object.keys(first).sort()).toEqual(['.env', 'app.py']);
    expect(first['app.py']).toContain('agentfw:masked:');
    // Control: without the cache this secret set cannot make copies.
    expect(() => run(ws, unmasking(set), openMaskedCopies(path.join(tmp, 'empty'), ws, 'fp', KEY))).toThrow(
      'a file was masked',
    );
    const again = copies(run(ws, unmasking(set), openMaskedCopies(cache, ws, 'fp', KEY)));
    expect(again).toEqual(first);
    for (const f of readdirSync(cache, { recursive: true, withFileTypes: true }))
      if (f.isFile()) expect(readFileSync(path.join(f.parentPath, f.name), 'latin1')).not.toContain(TOKEN);
  });

  it.each<[string, (c: { ws: string; cache: string }) => MaskedCopyCache]>([
    ['another fingerprint (secret set or build)', ({ ws, cache }) => openMaskedCopies(cache, ws, 'fp2', KEY)],
    ['another key', ({ ws, cache }) => openMaskedCopies(cache, ws, 'fp', Buffer.alloc(32, 6))],
    [
      'an edited record',
      ({ ws, cache }) => {
        const rec = readdirSync(cache).find((f) => f.startsWith('masked-copies-'))!;
        const p = path.join(cache, rec);
        writeFileSync(p, readFileSync(p, 'utf8').replace(/ 0 /, ' 1 '));
        return openMaskedCopies(cache, ws, 'fp', KEY);
      },
    ],
    [
      'a copy replaced on disk by the unmasked original',
      ({ ws, cache }) => {
        const folder = readdirSync(cache).find((f) => /^masked-[0-9a-f]{32}$/.test(f))!;
        for (const f of readdirSync(path.join(cache, folder)))
          writeFileSync(path.join(cache, folder, f), readFileSync(path.join(ws, '.env')));
        return openMaskedCopies(cache, ws, 'fp', KEY);
      },
    ],
  ])('are made again with %s', async (_name, open) => {
    const { ws, set, cache } = await setup();
    run(ws, set, openMaskedCopies(cache, ws, 'fp', KEY));
    expect(() => run(ws, unmasking(set), open({ ws, cache }))).toThrow('a file was masked');
    const made = copies(run(ws, set, open({ ws, cache })));
    for (const text of Object.values(made)) expect(text).not.toContain(TOKEN);
  });

  it('are made again for a changed file only', async () => {
    const { ws, set, cache } = await setup();
    run(ws, set, openMaskedCopies(cache, ws, 'fp', KEY));
    writeFileSync(path.join(ws, 'app.py'), `token = "${TOKEN}"  # changed\n`);
    const c = openMaskedCopies(cache, ws, 'fp', KEY);
    const bytes = (f: string) => readFileSync(path.join(ws, f));
    expect(c.get('.env', bytes('.env'))).toBeDefined();
    expect(c.get('app.py', bytes('app.py'))).toBeUndefined();
  });
});
