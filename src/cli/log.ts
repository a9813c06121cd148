/**
 * `agentfw log [--audit FILE] [--json] [--verify]` — show or verify the audit log.
 *
 *   (default)  a table: time, layer, decision, approver, rules, command
 *   --json     the records as JSON lines, unchanged
 *   --verify   checks the hash chain; prints "ok, N records" (exit 0) or the first bad
 *              record (exit 1, with a Fix: line)
 *   --head     verifies the chain, then prints the hash of the last record (sha256 of its
 *              line), to anchor the log elsewhere (a ticket, a WORM bucket, a SIEM);
 *              with --json: {"file","records","head","ts"}
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../audit/record.js';
import { readAuditFile, verifyAuditFile } from '../audit/verify.js';
import { AgentfwError } from '../errors.js';
import { parseArgs } from './args.js';
import { defaultAuditPath } from './run.js';

const HELP = `usage: agentfw log [--audit FILE] [--json] [--verify | --head]

Shows the audit log of agentfw run sessions (default ~/.agentfw/audit.jsonl).
  --audit FILE   the log to read
  --json         print the raw JSON records
  --verify       check the hash chain; report the first edited, removed or truncated record
  --head         print the head hash (sha256 of the last record's line) for anchoring;
                 refused when the chain does not verify
`;

function clip(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > n ? one.slice(0, Math.max(0, n - 1)) + '…' : one;
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['json', 'verify', 'head', 'help'], options: ['audit'] });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const file = path.resolve(a.options.audit ?? defaultAuditPath());
  if (!existsSync(file)) {
    throw new AgentfwError(
      'E_AUDIT_MISSING',
      `no audit log at ${file}`,
      'run an agent with `agentfw run` first, or point at the log with --audit FILE',
    );
  }
  if (a.flags.verify || a.flags.head) {
    const r = verifyAuditFile(file);
    if (r.ok && a.flags.head) return printHead(file, r.records, Boolean(a.flags.json));
    if (r.ok) {
      process.stdout.write(`ok, ${r.records} records (${file})\n`);
      return 0;
    }
    process.stderr.write(
      `agentfw: E_AUDIT_TAMPERED ${file} line ${r.line}: ${r.problem} (${r.records} records before it verify)\n` +
        'Fix: keep the log as evidence; restore it from a backup or start a new log with --audit FILE. Records after this point cannot be trusted.\n',
    );
    return 1;
  }
  if (a.flags.json) {
    const text = readFileSync(file, 'utf8');
    process.stdout.write(text.endsWith('\n') || !text ? text : text + '\n');
    return 0;
  }
  const recs = readAuditFile(file);
  const width = process.stdout.columns || 120;
  process.stdout.write(
    `${'time'.padEnd(19)} ${'layer'.padEnd(5)} ${'decision'.padEnd(8)} ${'by'.padEnd(10)} rules / command\n`,
  );
  for (const r of recs) {
    const ts = String(r.ts ?? '')
      .replace('T', ' ')
      .slice(0, 19);
    const decision = r.verdict === 'ask' ? `${r.decision}*` : String(r.decision);
    const head = `${ts.padEnd(19)} ${String(r.layer).padEnd(5)} ${decision.padEnd(8)} ${clip(String(r.approver), 10).padEnd(10)} `;
    const rules = Array.isArray(r.rules) && r.rules.length ? `[${r.rules.join(', ')}] ` : '';
    process.stdout.write(head + clip(rules + String(r.command), Math.max(20, width - head.length)) + '\n');
  }
  process.stdout.write(
    `${recs.length} records; * = asked, settled by the approver shown. Verify with: agentfw log --verify\n`,
  );
  return 0;
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
