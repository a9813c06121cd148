/**
 * Reads and verifies the audit log: every line must be a JSON record whose `prev` is the
 * sha256 of the line before (sha256("") for the first), the file must end with a
 * newline, and the last line must match the `<log>.head` hash when that file exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkLine, hmac, type AuditKey } from './key.js';
import { GENESIS, sha256 } from './record.js';
import type { AuditRecord } from './record.js';

export type VerifyResult =
  | {
      ok: true;
      records: number;
      /** With a key: records whose mac verified. Absent = macs not checked (no key given). */
      signed?: number;
    }
  | {
      ok: false;
      /** Count of records before the problem that verified correctly. */
      records: number;
      /** 1-based line number of the first bad record (records + 1 when the end is missing). */
      line: number;
      /** What is wrong, in one sentence. */
      problem: string;
    };

const REQUIRED: (keyof AuditRecord)[] = [
  'ts',
  'layer',
  'cwd',
  'command',
  'decision',
  'rules',
  'approver',
  'prev',
];

/** Splits the log into lines; `torn` is true when the file does not end with a newline. */
function splitLines(text: string): { lines: string[]; torn: boolean } {
  if (text === '') return { lines: [], torn: false };
  const torn = !text.endsWith('\n');
  const lines = text.split('\n');
  if (!torn) lines.pop();
  return { lines, torn };
}

/**
 * Verifies the chain and, with `key`, each record's mac: once a signed record appears,
 * every later record must be signed with this key (unsigned records can only come first:
 * a log older than keys). The head must then be signed too.
 */
export function verifyAuditText(text: string, headText?: string, key?: AuditKey): VerifyResult {
  const { lines, torn } = splitLines(text);
  let prev = GENESIS;
  let signed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (torn && i === lines.length - 1)
      return {
        ok: false,
        records: i,
        line: n,
        problem: 'the last record is cut short (no newline): the log was truncated',
      };
    let rec: Partial<AuditRecord>;
    try {
      rec = JSON.parse(line) as Partial<AuditRecord>;
    } catch {
      return {
        ok: false,
        records: i,
        line: n,
        problem: 'not valid JSON: the record was edited or truncated',
      };
    }
    const missing = REQUIRED.filter((k) => rec[k] === undefined);
    if (missing.length)
      return { ok: false, records: i, line: n, problem: `missing fields: ${missing.join(', ')}` };
    if (rec.prev !== prev) {
      return {
        ok: false,
        records: i,
        line: n,
        problem:
          i === 0
            ? 'the first record does not start the chain: records were removed from the start'
            : 'its prev hash does not match the line before: a record was edited, removed or reordered',
      };
    }
    if (key) {
      const mac = checkLine(key, line);
      const bad = (problem: string): VerifyResult => ({ ok: false, records: i, line: n, problem });
      if (mac === 'bad') return bad('its mac does not match: the record was changed after agentfw wrote it');
      if (mac === 'other-key')
        return bad(`it is signed with another audit key (${String(rec.kid)}), not this user's`);
      if (mac === 'unsigned' && signed > 0)
        return bad(
          "it is not signed with the audit key: written behind agentfw's back (the chain was recomputed)",
        );
      if (mac === 'ok') signed++;
    }
    prev = sha256(line);
  }
  if (headText === undefined && lines.length > 0) {
    // Every writer keeps a head; without it, records cut from the end go unnoticed.
    return {
      ok: false,
      records: lines.length,
      line: lines.length + 1,
      problem:
        'the log head file (<log>.head) is missing: it was deleted, so records removed from the end could not be detected',
    };
  }
  if (headText !== undefined) {
    let last = '';
    let head: { last?: unknown; kid?: unknown; mac?: unknown } = {};
    try {
      head = JSON.parse(headText) as typeof head;
      last = String(head.last ?? '');
    } catch {
      last = '';
    }
    if (key && signed > 0 && (head.kid !== key.kid || head.mac !== hmac(key.key, `head ${last}`)))
      return {
        ok: false,
        records: lines.length,
        line: lines.length + 1,
        problem:
          'the log head is not signed with the audit key: it was rewritten (records at the end may have been removed)',
      };
    if (last && last !== prev) {
      const idx = lines.findIndex((l) => sha256(l) === last);
      return idx >= 0
        ? {
            ok: false,
            records: idx + 1,
            line: idx + 2,
            problem: `the records after line ${idx + 1} are not covered by the log head: appended behind agentfw's back, or agentfw stopped abruptly`,
          }
        : {
            ok: false,
            records: lines.length,
            line: lines.length + 1,
            problem:
              'the log head names a record that is no longer there: records at the end were removed or changed',
          };
    }
  }
  return key ? { ok: true, records: lines.length, signed } : { ok: true, records: lines.length };
}

/** verifyAuditText on a file and its `.head`; `key` as there (absent = chain only). */
export function verifyAuditFile(file: string, key?: AuditKey): VerifyResult {
  const text = readFileSync(file, 'utf8');
  const head = existsSync(file + '.head') ? readFileSync(file + '.head', 'utf8') : undefined;
  return verifyAuditText(text, head, key);
}

/** Parses records leniently for display: unreadable lines are skipped. */
export function readAuditFile(file: string): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const line of splitLines(readFileSync(file, 'utf8')).lines) {
    try {
      out.push(JSON.parse(line) as AuditRecord);
    } catch {
      /* shown by --verify */
    }
  }
  return out;
}
