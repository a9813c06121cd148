/**
 * The audit writer's side of kept allows (src/gates/exec/exec-keep.ts): template() is the
 * record append() writes, byte for byte, between its `ts` and `prev` fields; takeForeign()
 * hands on the records of this session another writer appended (not those of other
 * sessions, not its own), and the chain and head still verify.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAuditKey, signLine } from '../../src/audit/key.js';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { AuditWriter, type AuditInput } from '../../src/audit/writer.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-foreign-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = () => loadAuditKey({ AGENTFW_AUDIT_KEY_FILE: path.join(dir, 'keys', 'audit.key') })!;
const rec = (command: string, extra: Partial<AuditInput> = {}): AuditInput => ({
  layer: 'exec',
  cwd: dir,
  command,
  decision: 'allow',
  verdict: 'allow',
  rules: [],
  approver: 'policy',
  reason: 'no rule matched',
  ...extra,
});

describe('AuditWriter.template', () => {
  it.each([
    { name: 'a plain allow', input: rec('/usr/bin/true x') },
    {
      name: 'quotes, newlines and non-ASCII',
      input: rec('echo "a\nb" \u00e9 \\ \u2028', { rules: ['p/r'] }),
    },
    { name: 'a reused approval', input: rec('/usr/bin/ls', { reused: true, approver: 'tui' }) },
  ])('completed with ts and prev and signed, it is the line append() writes: $name', ({ input }) => {
    const log = path.join(dir, 'audit.jsonl');
    const k = key();
    const w = AuditWriter.open(log, 'sess', k);
    w.packs = ['core@1.0.0'];
    w.append(rec('first'));
    const ts = '2026-12-06T10:00:00.000Z';
    const line = w.append({ ...input, ts });
    const r = JSON.parse(line) as { prev: string };
    const body = `{"ts":"${ts}",${w.template(input)},"prev":"${r.prev}"}`;
    expect(signLine(k, body)).toBe(line);
    w.close();
  });
});

describe('AuditWriter.takeForeign', () => {
  it("hands on this session's records another writer appended, in order, and the log verifies", () => {
    const log = path.join(dir, 'audit.jsonl');
    const k = key();
    const a = AuditWriter.open(log, 'mine', k);
    const seen: string[] = [];
    const exported: string[] = [];
    a.onForeign = (l) => seen.push(JSON.parse(l).command);
    a.onAppend = (l) => exported.push(JSON.parse(l).command);
    a.append(rec('own 1'));
    const helper = AuditWriter.open(log, 'mine', k); // stands in for the exec gate helper
    const other = AuditWriter.open(log, 'another session', k);
    helper.append(rec('kept 1'));
    other.append(rec('theirs'));
    helper.append(rec('kept 2'));
    a.takeForeign();
    expect(seen).toEqual(['kept 1', 'kept 2']);
    helper.append(rec('kept 3'));
    a.append(rec('own 2')); // takes what came before it first
    expect(seen).toEqual(['kept 1', 'kept 2', 'kept 3']);
    expect(exported).toEqual(['own 1', 'kept 1', 'kept 2', 'kept 3', 'own 2']);
    a.takeForeign();
    expect(seen).toHaveLength(3); // nothing twice, not its own
    for (const w of [helper, other, a]) w.close();
    expect(verifyAuditFile(log, k)).toMatchObject({ ok: true, records: 6 });
  });

  it('a line still being written is left for the next time', () => {
    const log = path.join(dir, 'audit.jsonl');
    const a = AuditWriter.open(log, 'mine', null);
    const seen: string[] = [];
    a.onForeign = (l) => seen.push(l);
    a.append(rec('own'));
    const helper = AuditWriter.open(log, 'mine', null);
    const whole = helper.append(rec('kept'));
    const half = '{"ts":"t","layer":"exec","command":"late","session":"mine",';
    appendFileSync(log, half);
    a.takeForeign();
    expect(seen).toEqual([whole]);
    appendFileSync(log, '"prev":"p"}\n');
    a.takeForeign();
    expect(seen).toEqual([whole, half + '"prev":"p"}']);
    a.close();
    helper.close();
  });
});
