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
  return compilePath(path)(root);
}

const pathCache = new Map<string, (root: unknown) => unknown[]>();
/** No values (shared: the lists a compiled path returns are only read). */
const NONE: unknown[] = Object.freeze([]) as unknown as unknown[];

/** {@link valuesAt} for one path, with the path split once (compiled paths are cached). */
export function compilePath(path: string): (root: unknown) => unknown[] {
  const cached = pathCache.get(path);
  if (cached) return cached;
  const keys = path.split('.');
  const nums = keys.map((k) => (/^\d+$/.test(k) ? Number(k) : -1));
  const general = (root: unknown): unknown[] => {
    let current: unknown[] = [root];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const n = nums[i];
      const next: unknown[] = [];
      for (const v of current) {
        if (Array.isArray(v)) {
          if (n >= 0) {
            if (n < v.length) next.push(v[n]);
          } else {
            for (const el of v) if (el && typeof el === 'object') pushField(next, el, key);
          }
        } else if (v && typeof v === 'object') {
          pushField(next, v, key);
        }
      }
      current = next;
    }
    if (!current.some(Array.isArray)) return current;
    const flat: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) for (const x of v) flat.push(x);
      else flat.push(v);
    }
    return flat;
  };
  const key = keys[0];
  // One field of a fact object (most paths: `verb`, `program`): the same values without the
  // walk's lists (a check tests hundreds of paths). The list is only read by its callers.
  const fn: (root: unknown) => unknown[] =
    keys.length === 1 && nums[0] < 0
      ? (root) => {
          if (Array.isArray(root)) return general(root);
          if (!root || typeof root !== 'object' || !Object.prototype.hasOwnProperty.call(root, key))
            return NONE;
          const v = (root as Record<string, unknown>)[key];
          return Array.isArray(v) ? v : [v];
        }
      : general;
  if (pathCache.size < 10_000) pathCache.set(path, fn);
  return fn;
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
    const paths = parts.map(([k, p]) => [compilePath(k), p] as const);
    return (vals) =>
      vals.some((v) => v !== null && typeof v === 'object' && paths.every(([at, p]) => p(at(v))));
  }
  throw new CompileError(`unknown condition ${JSON.stringify(cond)}`);
}

export function compileMatch(match: Match): Predicate {
  return compileIndexedMatch(match).predicate;
}

/** A compiled match and the fact kinds it can accept (null = any kind). */
export interface IndexedMatch {
  predicate: Predicate;
  /** Every fact kind the predicate can be true for; null = not known statically (try every fact). */
  kinds: ReadonlySet<string> | null;
}

/**
 * Compiles a match and works out which fact kinds it can accept, so the decide stage
 * only offers a fact to the rules of its own kind.
 */
export function compileIndexedMatch(match: Match): IndexedMatch {
  if ('any' in match && Array.isArray(match.any)) {
    const parts = (match.any as Match[]).map(compileIndexedMatch);
    const preds = parts.map((p) => p.predicate);
    // A fact matching any part has one of the parts' kinds.
    const kinds = parts.some((p) => p.kinds === null)
      ? null
      : new Set(parts.flatMap((p) => [...(p.kinds as ReadonlySet<string>)]));
    return { predicate: (f) => preds.some((p) => p(f)), kinds };
  }
  if ('all' in match && Array.isArray(match.all)) {
    const parts = (match.all as Match[]).map(compileIndexedMatch);
    const preds = parts.map((p) => p.predicate);
    // A fact matching every part has a kind every (kind-bound) part accepts.
    const bound = parts.flatMap((p) => (p.kinds ? [p.kinds] : []));
    const kinds = bound.length
      ? new Set([...bound[0]].filter((k) => bound.every((own) => own.has(k))))
      : null;
    return { predicate: (f) => preds.every((p) => p(f)), kinds };
  }
  const { kind, ...fields } = match as { kind: string } & Record<string, unknown>;
  const tests = Object.entries(fields).map(([path, cond]) => {
    try {
      return [compilePath(path), compileCondition(cond as Condition)] as const;
    } catch (err) {
      throw new CompileError(`field "${path}": ${(err as Error).message}`);
    }
  });
  return {
    predicate: (f) => f.kind === kind && tests.every(([at, t]) => t(at(f))),
    kinds: new Set([kind]),
  };
}

/**
 * Renders `{path}` placeholders from a fact. `{a|b}` takes the first non-empty of the
 * paths; a path not present renders as `?`. Arrays render comma-separated.
 */
export function renderTemplate(template: string, fact: Fact): string {
  return compileTemplate(template)(fact);
}

const templateCache = new Map<string, (fact: Fact) => string>();

function compileTemplate(template: string): (fact: Fact) => string {
  let fn = templateCache.get(template);
  if (fn) return fn;
  // Literal text and placeholders alternate: [text, paths, text, paths, …, text].
  const pieces = template.split(/\{([A-Za-z0-9_.|-]+)\}/g);
  const parts = pieces.map((p, i) => (i % 2 === 1 ? p.split('|').map(compilePath) : p));
  fn =
    pieces.length === 1
      ? () => template
      : (fact) => {
          let out = '';
          for (const part of parts) {
            if (typeof part === 'string') {
              out += part;
              continue;
            }
            let rendered = '?';
            for (const at of part) {
              const vals = at(fact).filter(nonEmpty);
              if (vals.length) {
                rendered = vals
                  .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
                  .join(', ');
                break;
              }
            }
            out += rendered;
          }
          return out;
        };
  if (templateCache.size < 10_000) templateCache.set(template, fn);
  return fn;
}
