/**
 * Filters for `agentfw log`: which audit records to show. Pure.
 */
import type { AuditRecord } from '../audit/record.js';
import { usageError } from '../errors.js';

export interface LogFilter {
  /** Session id (a prefix is enough). Undefined = any. */
  session?: string;
  /** Only records at or after this time (epoch ms). Undefined = any. */
  since?: number;
  /** `allow`/`deny`: the final decision; `ask`: records a human (or --on-ask) had to settle. Undefined = any. */
  decision?: 'allow' | 'ask' | 'deny';
  /** A rule id (`pack/id`) or a pack (`pack`) among the record's rules. Undefined = any. */
  rule?: string;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: a duration back from `now` (`30m`, `2h`, `1d`) or a date/time (`2026-12-04`, ISO). */
export function parseSince(v: string, now: number): number {
  const m = /^(\d+)([smhd])$/.exec(v);
  if (m) return now - Number(m[1]) * UNITS[m[2]];
  const t = Date.parse(v);
  if (!Number.isNaN(t) && /^\d{4}-\d{2}-\d{2}/.test(v)) return t;
  throw usageError(
    `--since "${v}" is neither a duration nor a date`,
    'write e.g. --since 2h, --since 1d or --since 2026-12-04T09:00',
  );
}

export function parseFilter(o: Record<string, string | undefined>, now = Date.now()): LogFilter {
  const f: LogFilter = {};
  if (o.session) f.session = o.session;
  if (o.since) f.since = parseSince(o.since, now);
  if (o.decision) {
    if (!['allow', 'ask', 'deny'].includes(o.decision))
      throw usageError(
        `--decision "${o.decision}" is not allow, ask or deny`,
        'write --decision deny (or allow, ask)',
      );
    f.decision = o.decision as LogFilter['decision'];
  }
  if (o.rule) f.rule = o.rule;
  return f;
}

export function matches(r: AuditRecord, f: LogFilter): boolean {
  if (f.session && !String(r.session ?? '').startsWith(f.session)) return false;
  if (f.since !== undefined && !(Date.parse(String(r.ts)) >= f.since)) return false;
  if (f.decision === 'ask' ? r.verdict !== 'ask' : f.decision && r.decision !== f.decision) return false;
  if (f.rule) {
    const rules = Array.isArray(r.rules) ? r.rules : [];
    if (!rules.some((x) => x === f.rule || x.startsWith(`${f.rule}/`))) return false;
  }
  return true;
}
