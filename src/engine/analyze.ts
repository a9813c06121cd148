/**
 * The whole pipeline behind one call: text → parse → normalize → extract → rules → decide.
 * Pure apart from ctx.readFile. Callers that run for a long time (the supervisor, batch
 * `check --stdin`) create one Engine and call analyze() per command.
 */
import type { AnalyzeContext, Decision } from './types.js';

export interface Engine {
  /** Analyse one script. Never throws for any input text; failures become `ask`. */
  analyze(script: string, ctx: AnalyzeContext): Decision;
  /** Names and versions of the loaded packs, for status lines and `rules list`. */
  packs: { pack: string; version: string; rules: number; file: string }[];
}

export interface EngineOptions {
  /** Extra ruleset files or folders (`--ruleset PATH`), loaded after the built-in packs. Empty = built-ins only. */
  rulesetPaths?: string[];
  /** Skip the built-in packs in rulesets/ (used by `rules test PATH`). */
  noBuiltins?: boolean;
}

// Placeholder: replaced by the real implementation in this same file.
export async function loadEngine(_opts: EngineOptions = {}): Promise<Engine> {
  throw new Error('engine not built yet');
}

/** Builds an AnalyzeContext with defaults (workspace = cwd, home = $HOME, DEFAULT_LIMITS). */
export function makeContext(_p: Partial<AnalyzeContext> & { cwd: string }): AnalyzeContext {
  throw new Error('engine not built yet');
}
