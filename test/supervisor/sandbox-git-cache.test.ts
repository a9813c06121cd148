/**
 * The record of which git blobs held a secret (src/supervisor/sandbox-git-cache.ts): used
 * only whole, for the same fingerprint and key; and gitSecretObjects with it reads only
 * blobs it does not know (a real repository, the real secrets layer).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretSet } from '../../src/secrets/index.js';
import type { SecretSet } from '../../src/secrets/types.js';
import { gitSecretObjects, listBlobsEarly } from '../../src/supervisor/sandbox-git.js';
import { openCleanBlobs, type CleanBlobs } from '../../src/supervisor/sandbox-git-cache.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-git-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KEY = Buffer.alloc(32, 7);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
let n = 0;
/** A cache folder with one record for `/ws` (fingerprint fp1, KEY): A clean, B held a secret. */
function saved(): string {
  const dir = path.join(tmp, `c${n++}`);
  openCleanBlobs(dir, '/ws', 'fp1', KEY).save([A], [B]);
  return dir;
}
const file = (dir: string) => path.join(dir, readdirSync(dir)[0]);

describe('openCleanBlobs', () => {
  it('gives back what was saved, for the same workspace, fingerprint and key', () => {
    const c = openCleanBlobs(saved(), '/ws', 'fp1', KEY);
    expect([c.holds(A), c.holds(B), c.holds(C)]).toEqual([false, true, undefined]);
  });

  it('keeps earlier verdicts when more are saved', () => {
    const dir = saved();
    openCleanBlobs(dir, '/ws', 'fp1', KEY).save([C], []);
    const c = openCleanBlobs(dir, '/ws', 'fp1', KEY);
    expect([c.holds(A), c.holds(B), c.holds(C)]).toEqual([false, true, false]);
  });

  it.each<[string, (dir: string) => CleanBlobs]>([
    ['another fingerprint (other known values or build)', (d) => openCleanBlobs(d, '/ws', 'fp2', KEY)],
    ['another key', (d) => openCleanBlobs(d, '/ws', 'fp1', Buffer.alloc(32, 8))],
    ['another workspace', (d) => openCleanBlobs(d, '/other', 'fp1', KEY)],
    [
      'a secret blob edited to clean',
      (d) => {
        writeFileSync(file(d), readFileSync(file(d), 'utf8').replace(`!${B}`, B));
        return openCleanBlobs(d, '/ws', 'fp1', KEY);
      },
    ],
    [
      'a line dropped',
      (d) => {
        writeFileSync(file(d), readFileSync(file(d), 'utf8').replace(`\n!${B}`, ''));
        return openCleanBlobs(d, '/ws', 'fp1', KEY);
      },
    ],
    [
      'a damaged header',
      (d) => {
        writeFileSync(file(d), `{"v":1\n${A}`);
        return openCleanBlobs(d, '/ws', 'fp1', KEY);
      },
    ],
  ])('knows nothing with %s', (_name, open) => {
    const c = open(saved());
    expect([c.holds(A), c.holds(B)]).toEqual([undefined, undefined]);
  });

  it('a folder that cannot be written only costs time', () => {
    const f = path.join(tmp, 'a-file');
    writeFileSync(f, '');
    const c = openCleanBlobs(path.join(f, 'sub'), '/ws', 'fp1', KEY);
    expect(() => c.save([A], [B])).not.toThrow();
  });
});

describe('gitSecretObjects with the record', () => {
  const TOKEN = `ghp_${'Hk2Lq9Wm4Xr7Tz1Vb5Nc8Pd3Fs6Jg0Ya2Eu4'.slice(0, 36)}`;
  const ws = path.join(tmp, 'ws');
  const g = (...a: string[]) =>
    spawnSync('git', ['-C', ws, '-c', 'user.name=a', '-c', 'user.email=a@b', ...a], { encoding: 'utf8' });

  it('reads only unknown blobs, and hides what the record says held a secret', async () => {
    mkdirSync(ws);
    g('init', '-q');
    writeFileSync(path.join(ws, 'config.json'), `{"token": "${TOKEN}"}\n`);
    writeFileSync(path.join(ws, 'README.md'), 'hello\n');
    g('add', '.');
    g('commit', '-q', '-m', 'one');
    const secrets = await createSecretSet({ env: {}, config: {} });
    const dir = path.join(tmp, 'record');
    const first = gitSecretObjects(ws, secrets, undefined, openCleanBlobs(dir, ws, 'fp', KEY));
    expect(first.secretBlobs).toBe(1);
    expect(first.hide).toHaveLength(1);

    // A secret set that cannot mask: any blob read now would throw.
    const unread: SecretSet = {
      ...secrets,
      mask: () => {
        throw new Error('a blob was read');
      },
      streamMasker: () => {
        throw new Error('a blob was read');
      },
    };
    const again = gitSecretObjects(ws, unread, undefined, openCleanBlobs(dir, ws, 'fp', KEY));
    expect(again).toEqual(first);

    // A new blob is read (and the known ones are not).
    writeFileSync(path.join(ws, 'notes.txt'), 'more\n');
    g('add', '.');
    g('commit', '-q', '-m', 'two');
    expect(() => gitSecretObjects(ws, unread, undefined, openCleanBlobs(dir, ws, 'fp', KEY))).toThrow(
      'a blob was read',
    );
    const third = gitSecretObjects(ws, secrets, undefined, openCleanBlobs(dir, ws, 'fp', KEY));
    expect(third.secretBlobs).toBe(1);
  });

  it('with the blobs listed early (beside the start-up), finds what it finds listing them itself', async () => {
    const listed = await listBlobsEarly(ws);
    const secrets = await createSecretSet({ env: {}, config: {} });
    expect(listed?.length).toBe(3); // config.json, README.md, notes.txt (blobs only)
    const own = gitSecretObjects(ws, secrets);
    expect(gitSecretObjects(ws, secrets, undefined, undefined, listed)).toEqual(own);
    expect(own.secretBlobs).toBe(1);
    // git failing (no repository there) gives nothing: the scan then lists the blobs itself
    expect(await listBlobsEarly(path.join(tmp, 'no-such-folder'))).toBeUndefined();
  });
});
