import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSecrets, maskText } from '../../src/secrets/index.js';
import { secretlintFindings } from '../../src/secrets/secretlint.js';
import { BENIGN, plantedSecrets } from '../fixtures/secrets/planted.js';

const planted = plantedSecrets();

/** True when every occurrence of `value` in `text` is covered by a detected region. */
function covered(text: string, value: string): boolean {
  const hits = detectSecrets(text);
  const at = text.indexOf(value);
  return at >= 0 && hits.some((h) => h.start <= at && h.end >= at + value.length);
}

describe('secret detection: recall on planted formats', () => {
  it('plants at least 24 distinct formats', () => {
    expect(new Set(planted.map((p) => p.format)).size).toBeGreaterThanOrEqual(24);
  });

  it.each(planted.map((p) => [p.format, p] as const))('%s is detected and masked', (_format, p) => {
    expect(covered(p.text, p.value)).toBe(true);
    const masked = maskText(p.text);
    // booleans only: a failure must not print the value
    expect(masked.includes(p.value)).toBe(false);
    expect(masked.includes('agentfw:masked:')).toBe(true);
  });

  it('recall table: ours vs the recommended secretlint preset (formats secretlint misses are covered)', async () => {
    const rows: Array<{ format: string; ours: boolean; secretlint: boolean }> = [];
    for (const p of planted) {
      const lint = await secretlintFindings(p.text, `/ws/${p.file}`);
      rows.push({
        format: p.format,
        ours: covered(p.text, p.value),
        secretlint: lint.some((l) => l.value.includes(p.value)),
      });
    }
    const ours = rows.filter((r) => r.ours).length;
    const lint = rows.filter((r) => r.secretlint).length;
    const union = rows.filter((r) => r.ours || r.secretlint).length;
    // Format names and counts only: never values.
    process.stdout.write(
      `recall on ${rows.length} planted formats: agentfw ${ours}/${rows.length}, secretlint preset ${lint}/${rows.length}, union ${union}/${rows.length}\n` +
        `secretlint misses: ${rows
          .filter((r) => !r.secretlint)
          .map((r) => r.format)
          .join(', ')}\n`,
    );
    expect(ours).toBe(rows.length);
    expect(lint).toBeLessThan(rows.length); // the reason for our own patterns
  });
});

describe('no false positives on benign text', () => {
  it.each(BENIGN.map((b) => [b]))('%s', (b) => {
    expect(detectSecrets(b)).toEqual([]);
    expect(maskText(b)).toBe(b);
  });

  it('finds nothing in 2 MB of real TypeScript compiler source', () => {
    const src = readFileSync('node_modules/typescript/lib/typescript.js', 'utf8').slice(0, 2_000_000);
    const hits = detectSecrets(src);
    expect(hits.map((h) => `${h.pattern}@${h.start}`)).toEqual([]);
  });
});

describe('masking keeps what is not secret', () => {
  it.each([
    ['postgres://app:PLANTEDpw123@db:5432/app', 'postgres://app:agentfw:masked:url-password@db:5432/app'],
    ['RAILWAY_TOKEN=4d2e8c1a-9b7f-4e21-a3c5-1f0e2d3c4b5a', 'RAILWAY_TOKEN=agentfw:masked:RAILWAY_TOKEN'],
    ['{"password": "hunter2hunter2"}', '{"password": "agentfw:masked:password"}'],
    [
      'curl -H "Authorization: Bearer abc123def456ghi" x',
      'curl -H "Authorization: Bearer agentfw:masked:authorization" x',
    ],
    // `NAME=value` is an assignment only with a shell/env name: a dotted one before `=` is
    // code (minified JavaScript), unless the value ends the line (a properties file).
    ['export MY_API_KEY=s3cr3tValue9 && make', 'export MY_API_KEY=agentfw:masked:MY_API_KEY && make'],
    ['db.password=hunter2hunter2', 'db.password=agentfw:masked:db.password'],
    ['b.getToken=function(){return this.t},e.key=this.type===a.num;', null],
    ['e[e.OpenBraceToken=19]="OpenBraceToken",t.onToken=function(r){return r}', null],
  ])('%s', (input, expected) => {
    expect(maskText(input)).toBe(expected ?? input);
  });

  it('is idempotent', () => {
    for (const p of planted) {
      const once = maskText(p.text);
      expect(maskText(once) === once, p.format).toBe(true);
    }
  });
});
