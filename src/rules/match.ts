/**
 * Compiles rule matches into predicates over facts, and renders `{field}` templates.
 * Pure: no I/O. Invalid regexes are reported at compile time, never at match time.
 */
import type { Fact } from '../engine/types.js';
import type { Condition, Match } from './schema.js';

export type Predicate = (fact: Fact) => boolean;
type ValuesTest = (values: unknown[]) => boolean;

/** Thrown while compiling; the loader turns it into a load problem with a path. */
export class CompileError extends Error {}

/**
 * Collects the values at a dotted path. Arrays met on the way are walked element by
 * element, and a leaf array contributes its elements, so `targets.class` on a fact with
 * two targets yields two values. Missing fields yield nothing (empty list).
 */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) {
        if (/^\d+$/.test(key)) {
          if (Number(key) < v.length) next.push(v[Number(key)]);
        } else {
          for (const el of v) if (el && typeof el === 'object') pushField(next, el, key);
        }
      } else if (v && typeof v === 'object') {
        pushField(next, v, key);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function pushField(out: unknown[], obj: object, key: string): void {
  if (Object.prototype.hasOwnProperty.call(obj, key)) out.push((obj as Record<string, unknown>)[key]);
}

function nonEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Accepts `(?i)` at the start of a pattern as a flag, for rule authors used to other engines. */
export function compileRegex(pattern: string, flags = ''): RegExp {
  let p = pattern;
  let f = flags;
  const inline = /^\(\?([imsu]+)\)/.exec(p);
  if (inline) {
    p = p.slice(inline[0].length);
    f += inline[1];
  }
  try {
    return new RegExp(p, [...new Set(f)].join(''));
  } catch (err) {
    throw new CompileError(`invalid regex /${pattern}/: ${(err as Error).message}`);
  }
}

export function compileCondition(cond: Condition): ValuesTest {
  if (Array.isArray(cond)) {
    const set = new Set<unknown>(cond);
    return (vals) => vals.some((v) => set.has(v));
  }
  if (cond === null || typeof cond !== 'object') {
    return (vals) => vals.some((v) => v === cond);
  }
  if ('regex' in cond) {
    const re = compileRegex(cond.regex, cond.flags);
    return (vals) => vals.some((v) => (typeof v === 'string' || typeof v === 'number') && re.test(String(v)));
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not);
    return (vals) => !inner(vals);
  }
  if ('exists' in cond) {
    const want = cond.exists;
    return (vals) => vals.some(nonEmpty) === want;
  }
  if ('gte' in cond) {
    const n = cond.gte;
    return (vals) => vals.some((v) => typeof v === 'number' && v >= n);
  }
  if ('lte' in cond) {
    const n = cond.lte;
    return (vals) => vals.some((v) => typeof v === 'number' && v <= n);
  }
  if ('any' in cond) {
    const parts = cond.any.map(compileCondition);
    return (vals) => parts.some((p) => p(vals));
  }
  if ('all' in cond) {
    const parts = cond.all.map(compileCondition);
    return (vals) => parts.every((p) => p(vals));
  }
  if ('sub' in cond) {
    const parts = Object.entries(cond.sub).map(([k, c]) => [k, compileCondition(c)] as const);
    return (vals) =>
      vals.some((v) => v !== null && typeof v === 'object' && parts.every(([k, p]) => p(valuesAt(v, k))));
  }
  throw new CompileError(`unknown condition ${JSON.stringify(cond)}`);
}

export function compileMatch(match: Match): Predicate {
  if ('any' in match && Array.isArray(match.any)) {
    const parts = (match.any as Match[]).map(compileMatch);
    return (f) => parts.some((p) => p(f));
  }
  if ('all' in match && Array.isArray(match.all)) {
    const parts = (match.all as Match[]).map(compileMatch);
    return (f) => parts.every((p) => p(f));
  }
  const { kind, ...fields } = match as { kind: string } & Record<string, unknown>;
  const tests = Object.entries(fields).map(([path, cond]) => {
    try {
      return [path, compileCondition(cond as Condition)] as const;
    } catch (err) {
      throw new CompileError(`field "${path}": ${(err as Error).message}`);
    }
  });
  return (f) => f.kind === kind && tests.every(([path, t]) => t(valuesAt(f, path)));
}

/**
 * Renders `{path}` placeholders from a fact. `{a|b}` takes the first non-empty of the
 * paths; a path not present renders as `?`. Arrays render comma-separated.
 */
export function renderTemplate(template: string, fact: Fact): string {
  return template.replace(/\{([A-Za-z0-9_.|-]+)\}/g, (_m, expr: string) => {
    for (const path of expr.split('|')) {
      const vals = valuesAt(fact, path).filter(nonEmpty);
      if (vals.length)
        return vals.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
    }
    return '?';
  });
}
