/**
 * End to end: `agentfw run --headless` with an export config ships every audit record it
 * writes to a loopback OTLP collector, and the records carry the packs they were decided
 * with. Control: the same run without the config sends nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/audit/record.js';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { startCollector } from './export-helpers.js';

let s: Scratch;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
});
afterAll(() => s?.cleanup());

const SCRIPT = 'ls >/dev/null; rm -rf ~ ; echo done';

describe('agentfw run with audit export', () => {
  it.each([
    ['with the config', true],
    ['control: without it', false],
  ])('%s', async (_n, configured) => {
    const col = await startCollector();
    const audit = path.join(s.root, `run-${configured}.jsonl`);
    const cfg = path.join(s.root, `export-${configured}.yaml`);
    writeFileSync(
      cfg,
      `spool: ${path.join(s.root, `spool-${configured}`)}\notlp:\n  url: ${col.url}\n  timeoutMs: 2000\nbatch:\n  maxDelayMs: 0\n`,
    );
    const env = cliEnv(s, configured ? { AGENTFW_AUDIT_EXPORT: cfg } : {});
    const r = await cli(['run', '--headless', '--audit', audit, '--', 'bash', '-c', SCRIPT], {
      env,
      cwd: s.ws,
    });
    await col.close();
    expect(r.stdout).toContain('done');
    expect(readFileSync(s.marker, 'utf8')).toBe('still here\n');
    const lines = readFileSync(audit, 'utf8').trim().split('\n');
    expect(lines.some((l) => (JSON.parse(l) as { decision: string }).decision === 'deny')).toBe(true);
    if (!configured) return void expect(col.logs).toEqual([]);
    expect(col.logs.map((l) => l.attributes['agentfw.record.hash']).sort()).toEqual(lines.map(sha256).sort());
    const deny = col.logs.find((l) => l.attributes['agentfw.decision'] === 'deny');
    expect(deny?.attributes['agentfw.packs']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^filesystem@/)]),
    );
    expect(JSON.parse(lines[0]).packs).toEqual(expect.arrayContaining([expect.stringMatching(/^git@/)]));
  });
});
