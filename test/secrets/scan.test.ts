import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSecretSet } from '../../src/secrets/index.js';
import { scanWorkspace, type ScanProgress, type WorkspaceScan } from '../../src/secrets/scan.js';
import { gen, plantedSecrets, rng } from '../fixtures/secrets/planted.js';

const planted = plantedSecrets(77);
const r = rng(5);
const hidden = {
  nodeModules: 'ghp_' + gen(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 36),
  gitignoredSource: 'sk_live_' + gen(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 24),
  binary: 'npm_' + gen(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 36),
  big: 'glpat-' + gen(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20),
  ignoredEnv: gen(r, 'abcdef0123456789', 32),
};
const RAILWAY = '8c1a4d2e-4e21-9b7f-a3c5-5a4b3c2d1e0f';

function write(root: string, rel: string, content: string | Buffer): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  appendFileSync(abs, content);
}

let ws: string;
let scan: WorkspaceScan;
let progress: ScanProgress[];

beforeAll(async () => {
  ws = mkdtempSync(path.join(os.tmpdir(), 'agentfw-scan-'));
  for (const p of planted) write(ws, p.file, p.text + '\n');
  write(ws, '.env', `RAILWAY_TOKEN=${RAILWAY}\n`);
  write(ws, '.env.example', 'RAILWAY_TOKEN=\nAPI_KEY=<your-key>\n');
  write(ws, '.gitignore', 'dist/\n.env.production\n');
  write(ws, '.env.production', `SESSION_SECRET=${hidden.ignoredEnv}\n`);
  write(ws, 'dist/bundle.js', `const k = "${hidden.gitignoredSource}";\n`);
  write(ws, 'node_modules/pkg/index.js', `const t = "${hidden.nodeModules}";\n`);
  write(ws, 'assets/blob.txt', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(hidden.binary)]));
  write(ws, 'data/huge.txt', 'x'.repeat(1024 * 1024 + 10) + hidden.big);
  // A vendored minified bundle: key-named members assigned code, never values.
  write(
    ws,
    'vendor/lib.min.js',
    'var b={};b.getToken=function(){return this.t},b.nextToken=function(e){return e},e.key=this.type===a.num;\n',
  );
  mkdirSync(path.join(ws, '.git'), { recursive: true });
  progress = [];
  scan = await scanWorkspace(ws, { onProgress: (p) => progress.push(p), progressAfterMs: 0 });
});

describe('workspace scan', () => {
  const has = (v: string): boolean => scan.secrets.some((s) => s.value.includes(v));

  it.each(planted.map((p) => [p.format, p.file, p] as const))('finds %s in %s', (_f, _file, p) => {
    expect(has(p.value)).toBe(true);
  });

  it('finds the token in .env (the incident) and a gitignored .env file', () => {
    expect(has(RAILWAY)).toBe(true);
    expect(has(hidden.ignoredEnv)).toBe(true);
  });

  it.each([
    ['node_modules', hidden.nodeModules],
    ['gitignored source', hidden.gitignoredSource],
    ['binary file', hidden.binary],
    ['file over 1 MiB', hidden.big],
  ])('skips %s', (_what, v) => {
    expect(has(v)).toBe(false);
  });

  it('takes nothing from minified code (a dotted name before `=` is not an assignment)', () => {
    expect(scan.secrets.filter((s) => s.file === 'vendor/lib.min.js')).toEqual([]);
  });

  it('takes nothing from .env.example placeholders', () => {
    expect(scan.secrets.filter((s) => s.file === '.env.example')).toEqual([]);
  });

  it('reports progress and counts', () => {
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1].done).toBe(true);
    expect(scan.files).toBeGreaterThan(planted.length / 2);
    expect(scan.skipped).toBeGreaterThanOrEqual(2); // binary + huge
  });

  it('feeds the session: a found value is masked anywhere in output, with its key name', async () => {
    const set = await createSecretSet({ env: {}, workspace: ws, config: {} });
    const out = set.mask(`curl -H "X: ${RAILWAY}" https://backboard.railway.app/graphql/v2`);
    expect(out.includes(RAILWAY)).toBe(false);
    expect(out).toContain('agentfw:masked:RAILWAY_TOKEN');
    expect(set.scan?.files_with_secrets).toContain('.env');
    expect(JSON.stringify(set.scan).includes(RAILWAY)).toBe(false);
  });
});
