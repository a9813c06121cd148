/**
 * A cache of the engine's `allow` verdicts for the analysis pool (worker.ts): the same
 * command in the same place is analysed once, not at every exec (a build runs `cc`, `sed`,
 * `/bin/true` hundreds of times). Everything around the verdict still runs per request in
 * the gates: the exec gate's naming of the file by what it is (a swapped binary yields
 * another text, hence another key), the protected-path and payload checks, the audit
 * record (one per request, written before the answer) and the decision event.
 *
 * What may be cached: a verdict is a pure function of the analysed text, the job's plain
 * fields (cwd, workspace, home, session start: all part of the key) and the loaded
 * rulesets, except where the analysis called one of the context's functions, its only way
 * to do I/O (readFile: a payload `@file`, a script judged by its content; wrapperPredates:
 * a build wrapper's file times). The worker reports such a call (`io`), and that verdict is
 * never stored. `readRoot` is not in the key: it only matters to an analysis that reads a
 * file, and those are not stored. Only `allow` without issues is cached, never ask or deny
 * (an ask must reach the approvers each time; a deny must print its current reason). The
 * cache belongs to one pool, hence one Engine (one set of rulesets).
 */
import type { Decision } from './types.js';
import type { WorkerRequest } from './worker-entry.js';

/** How many verdicts are kept; the oldest goes first. */
export const VERDICT_CACHE_SIZE = 4096;

/** Counters (bench and tests). */
export interface VerdictCacheStats {
  hits: number;
  misses: number;
  /** Analyses that used the context's I/O and so were not stored. */
  uncacheable: number;
}

type Job = Omit<WorkerRequest, 'id'>;

export class VerdictCache {
  private readonly map = new Map<string, Decision>();
  readonly stats: VerdictCacheStats = { hits: 0, misses: 0, uncacheable: 0 };

  constructor(private readonly size = VERDICT_CACHE_SIZE) {}

  private static key(j: Job): string {
    return JSON.stringify([j.script, j.cwd, j.workspace ?? '', j.home ?? '', j.wrappersBefore ?? -1]);
  }

  /** The cached allow for this job, or undefined (counted as a miss). */
  get(job: Job): Decision | undefined {
    const hit = this.map.get(VerdictCache.key(job));
    if (hit) this.stats.hits++;
    else this.stats.misses++;
    return hit;
  }

  /** Stores an analysis's verdict when it may be reused (see above). */
  put(job: Job, d: Decision, io: boolean, specials: string[]): void {
    if (io) {
      this.stats.uncacheable++;
      return;
    }
    if (d.decision !== 'allow' || d.issues.length > 0 || specials.length > 0) return;
    if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value as string);
    this.map.set(VerdictCache.key(job), d);
  }
}
