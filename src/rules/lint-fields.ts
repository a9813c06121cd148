/**
 * Lint checks on the names a rule uses: match fields and `{placeholders}` must be fields
 * that the facts of the matched kind actually carry. Which fields exist is learnt from
 * the facts the real pipeline produces for the rule's own examples (plus every rule's
 * examples of the same kind), so the check follows the extractors rather than a list.
 * Pure: facts in, warnings out.
 */
import type { Fact } from '../engine/types.js';
import type { Match } from './schema.js';

/** Dotted paths present on a fact (`targets.path`, `args.volumeId`), including every prefix. */
export function fieldPaths(v: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    for (const x of v) fieldPaths(x, prefix, out);
    return out;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      fieldPaths(x, p, out);
    }
  }
  return out;
}

/** (kind, field) pairs a match names; `sub:` conditions add the nested keys. */
export function matchFields(
  m: Match,
  out: { kind: string; field: string }[] = [],
): { kind: string; field: string }[] {
  if ('any' in m && Array.isArray(m.any)) for (const x of m.any) matchFields(x as Match, out);
  else if ('all' in m && Array.isArray(m.all)) for (const x of m.all) matchFields(x as Match, out);
  else if ('kind' in m) {
    for (const [k, cond] of Object.entries(m)) {
      if (k === 'kind') continue;
      out.push({ kind: String(m.kind), field: k });
      if (cond && typeof cond === 'object' && 'sub' in cond) {
        for (const sk of Object.keys((cond as { sub: object }).sub))
          out.push({ kind: String(m.kind), field: `${k}.${sk}` });
      }
    }
  }
  return out;
}

/** Field paths named by `{a.b|c}` placeholders. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_.|-]+)\}/g)].flatMap((m) => m[1].split('|'));
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The closest known name, when it is close enough to be a typo. */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dd = distance(name.toLowerCase(), k.toLowerCase());
    if (dd < bestD) [best, bestD] = [k, dd];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** Known fields per fact kind, from facts the pipeline produced. */
export function knownFields(facts: Fact[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const f of facts) {
    const s = m.get(f.kind) ?? new Set<string>();
    fieldPaths(f, '', s);
    m.set(f.kind, s);
  }
  return m;
}

/**
 * Warnings for one rule: match fields and placeholders no fact of its kinds carries.
 * Kinds with no fact seen at all are skipped (nothing to compare with).
 */
export function fieldWarnings(
  rule: { match: Match; message: string; agent_message?: string; confirm_value?: string },
  known: Map<string, Set<string>>,
): string[] {
  const out: string[] = [];
  const pairs = matchFields(rule.match);
  for (const { kind, field } of pairs) {
    const k = known.get(kind);
    if (!k || k.has(field)) continue;
    const s = suggest(field, k);
    out.push(`match field "${field}" is not a field of ${kind} facts${s ? ` (did you mean "${s}"?)` : ''}`);
  }
  const kinds = [...new Set(pairs.map((p) => p.kind))];
  const any = new Set<string>(['evidence']);
  for (const kind of kinds) for (const f of known.get(kind) ?? []) any.add(f);
  if (kinds.every((k) => known.has(k))) {
    for (const t of [rule.message, rule.agent_message ?? '', rule.confirm_value ?? '']) {
      for (const p of placeholders(t)) {
        if (any.has(p)) continue;
        const s = suggest(p, any);
        out.push(
          `placeholder {${p}} names no field of ${kinds.join('/')} facts${s ? ` (did you mean {${s}}?)` : ''}`,
        );
      }
    }
  }
  return out;
}
