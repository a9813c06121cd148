import { execa } from 'execa';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantedSecrets } from '../fixtures/secrets/planted.js';

// Runs the real built CLI: `npm run build` must have run (npm test does it first).
const BIN = path.resolve('bin/agentfw');
const planted = plantedSecrets(99);
const text = planted.map((p) => p.text).join('\n') + '\nplain line stays\n';
const RAILWAY = '2b7f9c1d-3e4a-4b5c-8d6e-7f8091a2b3c4';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-mask-'));
  writeFileSync(path.join(dir, 'input.txt'), text);
  mkdirSync(path.join(dir, 'ws'));
  writeFileSync(path.join(dir, 'ws', '.env'), `RAILWAY_TOKEN=${RAILWAY}\n`);
});

const noValues = (out: string): boolean => planted.every((p) => !out.includes(p.value));
const HOME_ENV = () => ({ HOME: path.join(dir, 'home') });

describe('agentfw mask', () => {
  it.each([
    ['FILE', (): string[] => [path.join(dir, 'input.txt')], undefined],
    ['stdin', (): string[] => [], text],
    ['- (stdin)', (): string[] => ['-'], text],
  ])('masks every planted secret read from %s', async (_how, argv, input) => {
    const r = await execa(BIN, ['mask', ...argv()], { input, reject: false, env: HOME_ENV() });
    expect(r.exitCode).toBe(0);
    expect(noValues(r.stdout)).toBe(true);
    expect(r.stdout).toContain('plain line stays');
    expect(r.stdout.split('agentfw:masked:').length - 1).toBeGreaterThanOrEqual(planted.length);
  });

  it('missing file: E_FILE_NOT_FOUND with a Fix, exit 2', async () => {
    const r = await execa(BIN, ['mask', path.join(dir, 'nope.txt')], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('E_FILE_NOT_FOUND');
    expect(r.stderr).toContain('Fix:');
    expect(r.stdout).toBe('');
  });

  it('unknown option: usage error, exit 2', async () => {
    const r = await execa(BIN, ['mask', '--bogus'], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
  });

  it("--env masks values of the environment's secret variables, even out of context", async () => {
    const r = await execa(BIN, ['mask', '--env'], {
      input: `id is ${RAILWAY} here\n`,
      env: { ...HOME_ENV(), MY_SERVICE_TOKEN: RAILWAY },
      stripFinalNewline: false,
      reject: false,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.includes(RAILWAY)).toBe(false);
    expect(r.stdout).toBe('id is agentfw:masked:MY_SERVICE_TOKEN here\n');
  });

  it('--workspace masks values found in workspace files', async () => {
    const r = await execa(BIN, ['mask', '--workspace', path.join(dir, 'ws')], {
      input: `curl -H "X-Token-Ref: ${RAILWAY}"\n`,
      env: HOME_ENV(),
      reject: false,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.includes(RAILWAY)).toBe(false);
    expect(r.stdout).toContain('agentfw:masked:RAILWAY_TOKEN');
  });

  it('streams large input in bounded memory and keeps binary bytes', async () => {
    const chunk = Buffer.concat([
      Buffer.from([0xff, 0x00, 0xfe]),
      Buffer.from(`\nTOKEN=${RAILWAY}\n`),
      Buffer.alloc(4093, 0x61),
    ]);
    const big = Buffer.concat(Array.from({ length: 8192 }, () => chunk)); // ~33 MB
    const r = await execa(BIN, ['mask'], {
      input: big,
      encoding: 'buffer',
      reject: false,
      maxBuffer: 200e6,
      env: HOME_ENV(),
    });
    expect(r.exitCode).toBe(0);
    const out = Buffer.from(r.stdout as unknown as Uint8Array);
    const expectedChunk = Buffer.concat([
      Buffer.from([0xff, 0x00, 0xfe]),
      Buffer.from('\nTOKEN=agentfw:masked:TOKEN\n'),
      Buffer.alloc(4093, 0x61),
    ]);
    expect(out.length).toBe(expectedChunk.length * 8192);
    expect(out.subarray(0, expectedChunk.length).equals(expectedChunk)).toBe(true);
    expect(out.includes(Buffer.from(RAILWAY))).toBe(false);
  });
});
