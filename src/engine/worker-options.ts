/**
 * What the analysis pool (worker.ts) is given and gives back: a job, its result, the pool's
 * options and default deadline, and the environment its children start with.
 */
import type { WorkerRequest } from './worker-entry.js';
import { DEFAULT_LIMITS, type Decision } from './types.js';

/** What the caller asks: a WorkerRequest without its id. */
export type AnalysisJob = Omit<WorkerRequest, 'id'>;

/** The answer: the decision (masked with the host engine's masker) and the special payload files. */
export interface AnalysisResult {
  decision: Decision;
  /** Payload paths that are a FIFO, socket or device ("fifo /path"); empty = none. */
  specials: string[];
  /**
   * The verdict depends on nothing but the job's plain fields and the rulesets (the analysis
   * did no I/O through its context; see verdict-cache.ts). Absent/false = it read files, or
   * failed.
   */
  pure?: boolean;
}

/** How a pool runs; absent fields take their defaults. */
export interface PoolOptions {
  /** Number of warm children. Default 2 (one runaway input leaves the other serving). */
  size?: number;
  /** Hard deadline of one analysis in ms, from the moment a ready child gets it. Default {@link hardDeadlineMs}. */
  deadlineMs?: number;
  /** Longest a child may take to load the engine, in ms. Default 60 s. */
  startMs?: number;
}

/**
 * Default hard deadline: the engine's own wall-clock backstop (Limits.maxMillis) plus a
 * second, so it only fires when that backstop could not (a stuck native parse, a starved
 * machine). AGENTFW_ANALYSIS_DEADLINE_MS overrides it.
 */
export function hardDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.AGENTFW_ANALYSIS_DEADLINE_MS);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_LIMITS.maxMillis + 1000;
}

/** Variables a worker inherits: what config discovery and the analysis read; never secret-named ones. */
const ENV_KEEP = /^(HOME|USER|LOGNAME|PATH|TMPDIR|LANG|LC_[A-Z]+|SHELL|PWD|XDG_[A-Z_]+|AGENTFW_[A-Z0-9_]+)$/;
/** Names that look like a secret's: never inherited, even when ENV_KEEP lists them. */
const SECRETISH = /(TOKEN|SECRET|PASSW|API_?KEY|PRIVATE|CREDENTIAL)/i;

/** The environment a worker child starts with: this process's, kept to ENV_KEEP, secret-named ones dropped. */
export function workerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && ENV_KEEP.test(k) && !SECRETISH.test(k)) env[k] = v;
  return env;
}
