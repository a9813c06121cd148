/** `agentfw log --head`: the anchor hash of a verified log; refused on a tampered one. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../src/audit/record.js';
import { AuditWriter } from '../../src/audit/writer.js';
import { run } from '../../src/cli/log.js';
import { writeRecords } from './export-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('agentfw log --head', () => {
  it.each([[1], [5]])('prints sha256 of the last line of a %i-record log', async (count) => {
    const file = path.join(dir, `log-${count}.jsonl`);
    const w = AuditWriter.open(file, 's');
    w.packs = ['filesystem@1.0.0'];
    const lines = writeRecords(w, count);
    w.close();
    const r = await capture(['--audit', file, '--head', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ records: count, head: sha256(lines[count - 1]) });
    expect(JSON.parse(lines[0])).toMatchObject({ packs: ['filesystem@1.0.0'] });
  });

  it('refuses to give an anchor for a log whose chain is broken', async () => {
    const file = path.join(dir, 'tampered.jsonl');
    const w = AuditWriter.open(file, 's');
    writeRecords(w, 3);
    w.close();
    writeFileSync(file, readFileSync(file, 'utf8').replace('rm -rf /srv/data-2', 'ls'));
    const r = await capture(['--audit', file, '--head']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/E_AUDIT_TAMPERED/);
  });
});
