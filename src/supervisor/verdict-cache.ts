/**
 * A cache of the engine's `allow` verdicts for the session's gates: the same command in the
 * same place is analysed once, not at every exec (a build runs `cc`, `sed`, `/bin/true`
 * hundreds of times). Everything around the verdict still runs per request: the exec
 * gate's naming of the file by what it is (src/supervisor/exec-gate.ts, so a swapped binary
 * yields another text, hence another key), the protected-path and payload checks, the
 * audit record (one per exec, written before the answer) and the decision event.
 *
 * What may be cached: a verdict is a pure function of the analysed text, the context's
 * plain fields (cwd, workspace, home, env, limits: all part of the key) and the loaded
 * rulesets, except where the analysis called one of the context's functions, its only way
 * to do I/O (readFile: a payload `@file`, a script judged by its content; wrapperPredates:
 * a build wrapper's file times). Such a verdict depends on files, so it is never cached. Only `allow` is cached, never ask or deny
 * (an ask must reach the approvers each time; a deny is cheap to recompute and must print
 * its current reason). The cache belongs to one Engine (one set of rulesets): a session
 * with other rulesets builds another engine, hence another cache.
 */
import type { Engine } from '../engine/analyze.js';
import type { AnalyzeContext, Decision } from '../engine/types.js';
import type { SecretSet } from '../secrets/types.js';

/** How many verdicts are kept; the oldest goes first. */
export const VERDICT_CACHE_SIZE = 4096;

/** Counters of a cached engine (bench and tests). */
export interface VerdictCacheStats {
  hits: number;
  misses: number;
  /** Analyses that used the context's I/O and so were not stored. */
  uncacheable: number;
}

export type CachedEngine = Engine & { verdictCache: VerdictCacheStats };

/** Every plain field of the context is part of the key (JSON leaves its functions out). */
function keyOf(text: string, ctx: AnalyzeContext): string {
  return JSON.stringify([text, ctx]);
}

/** `engine` with its `analyze` answered from the cache where that is safe (see above). */
export function cacheAllows(engine: Engine, size = VERDICT_CACHE_SIZE): CachedEngine {
  const cache = new Map<string, Decision>();
  const stats: VerdictCacheStats = { hits: 0, misses: 0, uncacheable: 0 };
  const cached = Object.create(engine) as CachedEngine;
  cached.verdictCache = stats;
  cached.analyze = (text: string, ctx: AnalyzeContext): Decision => {
    const key = keyOf(text, ctx);
    const hit = cache.get(key);
    if (hit) {
      stats.hits++;
      return hit;
    }
    stats.misses++;
    let io = false;
    // Every function of the context is I/O the verdict may depend on: a call makes it uncacheable.
    const traced = { ...ctx } as Record<string, unknown>;
    for (const [k, v] of Object.entries(ctx))
      if (typeof v === 'function')
        traced[k] = (...args: unknown[]) => {
          io = true;
          return (v as (...a: unknown[]) => unknown)(...args);
        };
    const d = engine.analyze(text, traced as unknown as AnalyzeContext);
    if (io) stats.uncacheable++;
    else if (d.decision === 'allow' && d.issues.length === 0) {
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(key, d);
    }
    return d;
  };
  return cached;
}

/** Longest text whose masked form is remembered, in characters. */
const MEMO_MAX_TEXT = 4096;

/**
 * `secrets` with `mask` remembered per text (the session's secret set is fixed once the
 * session starts, and masking is a pure function of the text): each gated command's text
 * and reason are masked for its audit record, ≈0.1 ms each time for the same `cc` or `sed`.
 * Everything else is the secret set's own.
 */
export function memoMask(secrets: SecretSet, size = VERDICT_CACHE_SIZE): SecretSet {
  const memo = new Map<string, string>();
  const s = Object.create(secrets) as SecretSet;
  s.mask = (text: string): string => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const masked = secrets.mask(text);
    if (text.length <= MEMO_MAX_TEXT) {
      if (memo.size >= size) memo.delete(memo.keys().next().value as string);
      memo.set(text, masked);
    }
    return masked;
  };
  return s;
}
