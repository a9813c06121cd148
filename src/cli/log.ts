/**
 * `agentfw log [--audit FILE] [--json] [--verify] [FILTERS] [--follow]` — show or verify the audit log.
 *
 *   (default)  a table: time, layer, decision, approver, rules, command
 *   --json     the records as JSON lines, unchanged
 *   filters    --session ID, --since 2h|DATE, --decision allow|ask|deny, --rule PACK[/ID]
 *   --follow   keep printing records as they are appended (Ctrl-C ends)
 *   --verify   checks the hash chain; prints "ok, N records" (exit 0) or the first bad
 *              record (exit 1, with a Fix: line)
 *   --head     verifies the chain, then prints the hash of the last record (sha256 of its
 *              line), to anchor the log elsewhere (a ticket, a WORM bucket, a SIEM);
 *              with --json: {"file","records","head","ts"}
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256, type AuditRecord } from '../audit/record.js';
import { loadAuditKey } from '../audit/key.js';
import { verifyAuditFile } from '../audit/verify.js';
import { AgentfwError, usageError } from '../errors.js';
import { matches, parseFilter } from './log-filter.js';
import { parseArgs } from './args.js';
import { defaultAuditPath } from './run.js';

const HELP = `usage: agentfw log [--audit FILE] [--json] [--verify | --head] [--follow]
                   [--session ID] [--since 2h|DATE] [--decision allow|ask|deny] [--rule PACK[/ID]]

Shows the audit log of agentfw run sessions (default ~/.agentfw/audit.jsonl).
  --audit FILE       the log to read
  --json             print the raw JSON records (one a line)
  --verify           check the hash chain; report the first edited, removed or truncated record
  --head             print the head hash (sha256 of the last record's line) for anchoring;
                     refused when the chain does not verify
  --session ID       only this session (a prefix of its id is enough)
  --since 2h|DATE    only records of the last 30m / 2h / 1d, or since a date (2026-12-04T09:00)
  --decision D       allow or deny (the final decision), or ask (settled by a human or --on-ask)
  --rule PACK[/ID]   only records where this rule (or any rule of this pack) spoke
  --follow           keep printing new records as they are written (Ctrl-C ends)
`;

function clip(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > n ? one.slice(0, Math.max(0, n - 1)) + '…' : one;
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    flags: ['json', 'verify', 'head', 'help', 'follow'],
    options: ['audit', 'session', 'since', 'decision', 'rule'],
  });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const filter = parseFilter(a.options);
  if (a.flags.verify && (a.flags.follow || Object.keys(filter).length))
    throw usageError('--verify checks the whole log', 'run --verify alone, without filters or --follow');
  const file = path.resolve(a.options.audit ?? defaultAuditPath());
  if (!existsSync(file)) {
    throw new AgentfwError(
      'E_AUDIT_MISSING',
      `no audit log at ${file}`,
      'run an agent with `agentfw run` first, or point at the log with --audit FILE',
    );
  }
  if (a.flags.verify || a.flags.head) {
    // The user's audit key, when there is one (never created here): every record's mac is checked.
    const key = loadAuditKey(process.env, false);
    const r = verifyAuditFile(file, key);
    if (r.ok && a.flags.head) return printHead(file, r.records, Boolean(a.flags.json));
    if (r.ok) {
      const macs = !key
        ? 'macs not checked: no audit key for this user'
        : r.signed === r.records
          ? 'every record signed with your audit key'
          : `${r.signed} signed with your audit key, the ${r.records - (r.signed ?? 0)} before them unsigned (written before audit keys)`;
      process.stdout.write(`ok, ${r.records} records (${file}); ${macs}\n`);
      return 0;
    }
    process.stderr.write(
      `agentfw: E_AUDIT_TAMPERED ${file} line ${r.line}: ${r.problem} (${r.records} records before it verify)\n` +
        'Fix: keep the log as evidence; restore it from a backup or start a new log with --audit FILE. Records after this point cannot be trusted.\n',
    );
    return 1;
  }
  const json = a.flags.json === true;
  const width = process.stdout.columns || 120;
  const show = (r: AuditRecord) => process.stdout.write(json ? JSON.stringify(r) + '\n' : row(r, width));
  let offset = 0;
  const readNew = (): AuditRecord[] => {
    const buf = readFileSync(file);
    // Only whole lines; a record being written is read next time.
    const end = buf.lastIndexOf(0x0a) + 1;
    if (end <= offset) return [];
    const text = buf.subarray(offset, end).toString('utf8');
    offset = end;
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as AuditRecord];
        } catch {
          return []; // shown by --verify
        }
      })
      .filter((r) => matches(r, filter));
  };
  if (!json)
    process.stdout.write(
      `${'time'.padEnd(19)} ${'layer'.padEnd(5)} ${'decision'.padEnd(8)} ${'by'.padEnd(10)} rules / command\n`,
    );
  const first = readNew();
  first.forEach(show);
  if (!a.flags.follow) {
    if (!json)
      process.stdout.write(
        `${first.length} records; * = asked, settled by the approver shown. Verify with: agentfw log --verify\n`,
      );
    return 0;
  }
  // --follow: poll for appended lines until interrupted.
  return new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      try {
        readNew().forEach(show);
      } catch {
        /* rotated or removed: keep waiting */
      }
    }, 300);
    const stop = () => {
      clearInterval(timer);
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function row(r: AuditRecord, width: number): string {
  const ts = String(r.ts ?? '')
    .replace('T', ' ')
    .slice(0, 19);
  const decision = r.verdict === 'ask' ? `${r.decision}*` : String(r.decision);
  const head = `${ts.padEnd(19)} ${String(r.layer).padEnd(5)} ${decision.padEnd(8)} ${clip(String(r.approver), 10).padEnd(10)} `;
  const rules = Array.isArray(r.rules) && r.rules.length ? `[${r.rules.join(', ')}] ` : '';
  return head + clip(rules + String(r.command), Math.max(20, width - head.length)) + '\n';
}

/** The anchor: hash of the last line, which (through `prev`) commits to every record before it. */
function printHead(file: string, records: number, json: boolean): number {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const last = lines[lines.length - 1] ?? '';
  const head = sha256(last);
  const ts = last ? String((JSON.parse(last) as { ts?: unknown }).ts ?? '') : '';
  if (json) process.stdout.write(JSON.stringify({ file, records, head, ts }) + '\n');
  else process.stdout.write(`sha256:${head} ${records} records, last at ${ts || '-'} (${file})\n`);
  return 0;
}
