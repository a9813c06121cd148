/**
 * `--sandbox` masked copies mask values, not code: a source file whose `KEY=call(...)`
 * lines look like assignments to the detector must still compile (real python3), while
 * a real token in the same file stays masked. Control: the plain masker breaks the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ALIGN_LINE, keepCode, looksLikeCode, maskedCopies } from '../../src/supervisor/sandbox-mask.js';
import { loadSecretSet } from '../../src/supervisor/secrets-seam.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const SOURCE = [
  'import os',
  'def get_secret(name): return name',
  'SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "x")',
  'DATABASE_PASSWORD=get_secret("db")',
  'CACHE_PASSWORD=os.environ["CACHE"] if False else "none"',
  `GITHUB_TOKEN="${TOKEN}"`,
  '',
].join('\n');

const compiles = (file: string) =>
  spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' }).status === 0;

describe('sandbox masked copies of source files', () => {
  it('keep code that looks like an assignment, and mask the real token', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'afw-mask-'));
    dirs.push(ws);
    writeFileSync(path.join(ws, 'settings.py'), SOURCE);
    expect(compiles(path.join(ws, 'settings.py'))).toBe(true);
    const { set } = await loadSecretSet({ PATH: process.env.PATH ?? '' }, ws, path.join(ws, 'nohome'));
    // Control: the plain masker turns a call into a broken line.
    const plain = path.join(ws, 'plain.py');
    writeFileSync(plain, set.mask(SOURCE));
    expect(compiles(plain)).toBe(false);
    const binds = maskedCopies(ws, set, path.join(ws, '.masked'));
    const copy = binds.find((b) => b.target.endsWith('settings.py'));
    expect(copy).toBeDefined();
    const text = readFileSync(copy!.source, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('agentfw:masked:');
    expect(text).toContain('DATABASE_PASSWORD=get_secret("db")');
    const copyPy = path.join(ws, 'copy.py');
    writeFileSync(copyPy, text);
    expect(compiles(copyPy)).toBe(true);
  });

  it.each([
    ['get_secret(', true],
    ['os.environ[', true],
    ['os.environ["CACHE"]', true],
    ['config.get("db")', true],
    ['hunter2', false],
    ['Summer(2024', false],
    [TOKEN, false],
    [`f("${TOKEN}")`, false],
    ['postgres://u:p@h/db', false],
  ])('looksLikeCode(%s) = %s', (v, want) => {
    expect(looksLikeCode(v)).toBe(want);
  });

  it('keeps the masked line when the alignment is ambiguous', () => {
    expect(keepCode('A=get(B=get(', 'A=agentfw:masked:A agentfw:masked:B')).toBe(
      'A=agentfw:masked:A agentfw:masked:B',
    );
    expect(keepCode('a\nb', 'agentfw:masked:X')).toBe('agentfw:masked:X');
  });
});

describe('keepCode on long lines', () => {
  const code = 'API_KEY=get_secret("db")';
  const masked = 'API_KEY=agentfw:masked:API_KEY';
  it.each([
    ['a short line gets its code back', '', code],
    [
      'a line over MAX_ALIGN_LINE keeps its masks (minified or generated code)',
      'x'.repeat(MAX_ALIGN_LINE),
      masked,
    ],
  ])('%s', (_name, pad, want) => {
    expect(keepCode(`${pad}${code}`, `${pad}${masked}`)).toBe(`${pad}${want}`);
  });
});
