/**
 * The audit log: records chain by sha256 of the previous line; editing, removing,
 * reordering or truncating anything is reported at the first bad line.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS, sha256 } from '../../src/audit/record.js';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { AuditWriter } from '../../src/audit/writer.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function writeLog(count: number): string {
  const file = path.join(dir, `log-${n++}.jsonl`);
  const w = AuditWriter.open(file, 'sess-1');
  for (let i = 0; i < count; i++) {
    w.append({
      layer: i % 2 ? 'tool' : 'shell',
      cwd: '/w',
      command: `echo ${i}`,
      decision: i === 2 ? 'deny' : 'allow',
      verdict: i === 2 ? 'deny' : 'allow',
      rules: i === 2 ? ['filesystem/x'] : [],
      approver: 'policy',
      reason: 'r',
    });
  }
  w.close();
  return file;
}

const lines = (f: string) => readFileSync(f, 'utf8').split('\n').slice(0, -1);
const put = (f: string, ls: string[]) => writeFileSync(f, ls.map((l) => l + '\n').join(''));
/** Appends a record the writer never wrote: an allowed shell command `x`, chained to `prev`. */
const appendForged = (f: string, prev: string) =>
  appendFileSync(
    f,
    JSON.stringify({
      ts: 'x',
      layer: 'shell',
      cwd: '/',
      command: 'x',
      decision: 'allow',
      rules: [],
      approver: 'policy',
      prev,
    }) + '\n',
  );

describe('audit writer', () => {
  it('chains records from sha256("") and keeps the fields', () => {
    const f = writeLog(3);
    const recs = lines(f).map((l) => JSON.parse(l));
    expect(recs[0].prev).toBe(GENESIS);
    expect(recs[1].prev).toBe(sha256(lines(f)[0]));
    expect(Object.keys(recs[2]).sort()).toEqual(
      [
        'ts',
        'layer',
        'cwd',
        'command',
        'decision',
        'verdict',
        'rules',
        'approver',
        'reason',
        'session',
        'prev',
        'kid',
        'mac',
      ].sort(),
    );
    expect(verifyAuditFile(f)).toEqual({ ok: true, records: 3 });
  });

  it('continues the chain across sessions', () => {
    const f = writeLog(2);
    const w = AuditWriter.open(f, 'sess-2');
    w.append({
      layer: 'shell',
      cwd: '/',
      command: 'ls',
      decision: 'allow',
      verdict: 'allow',
      rules: [],
      approver: 'policy',
      reason: '',
    });
    w.close();
    expect(verifyAuditFile(f)).toEqual({ ok: true, records: 3 });
  });
});

describe('audit verify detects tampering', () => {
  it.each<[string, (f: string) => void, number, RegExp]>([
    [
      'an edited field',
      (f) =>
        put(
          f,
          lines(f).map((l, i) => (i === 2 ? l.replace('"deny"', '"allow"') : l)),
        ),
      4,
      /prev hash|edited/,
    ],
    [
      'an edited command (record 1)',
      (f) =>
        put(
          f,
          lines(f).map((l, i) => (i === 0 ? l.replace('echo 0', 'echo X') : l)),
        ),
      2,
      /prev hash/,
    ],
    [
      'a removed middle record',
      (f) =>
        put(
          f,
          lines(f).filter((_, i) => i !== 1),
        ),
      2,
      /prev hash/,
    ],
    ['a removed first record', (f) => put(f, lines(f).slice(1)), 1, /start the chain/],
    [
      'two swapped records',
      (f) => {
        const l = lines(f);
        put(f, [l[0], l[2], l[1], l[3], l[4]]);
      },
      2,
      /prev hash/,
    ],
    [
      'a torn last line',
      (f) => writeFileSync(f, readFileSync(f, 'utf8').slice(0, -20)),
      5,
      /cut short|truncated/,
    ],
    ['removed last records', (f) => put(f, lines(f).slice(0, 3)), 4, /removed|truncated/],
    [
      'a line that is not JSON',
      (f) =>
        put(
          f,
          lines(f).map((l, i) => (i === 3 ? l.slice(0, 30) : l)),
        ),
      4,
      /not valid JSON/,
    ],
    ['an appended forged record', (f) => appendForged(f, GENESIS), 6, /prev hash/],
    [
      "a correctly chained record appended behind agentfw's back",
      (f) => appendForged(f, sha256(lines(f).at(-1)!)),
      6,
      /not covered by the log head/,
    ],
  ])('%s', (_name, tamper, line, problem) => {
    const f = writeLog(5);
    expect(verifyAuditFile(f).ok).toBe(true);
    tamper(f);
    const r = verifyAuditFile(f);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(line);
      expect(r.problem).toMatch(problem);
    }
  });
});
