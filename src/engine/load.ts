/**
 * The one way a long-lived part of agentfw loads its policy engine: the supervisor
 * (`agentfw run`), `agentfw check` and the hook daemon all call {@link loadPolicyEngine},
 * and the analysis worker (worker.ts) loads the resulting {@link Engine.spec}. So every
 * gate judges with the same built-in packs, the same `--ruleset` packs (npm:, pinned URLs,
 * the org's signature requirement from the environment, src/rules/sources.ts) and the same
 * config tiers (org, user, project of `workspace`, src/config/).
 */
import { loadEngine, type Engine } from './analyze.js';

export interface PolicyEngineOptions {
  /** Environment read for pack sources and signatures (AGENTFW_PACK_*). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Workspace whose `.agentfw` is the project tier. Absent = the process cwd. */
  workspace?: string;
  /** `--ruleset` references (paths, npm:, https URLs pinned by sha256). Empty = built-ins and config tiers only. */
  rulesetPaths?: string[];
  /** Masks secrets in evidence and messages. Default: the pattern masker. */
  mask?: (text: string) => string;
  /** Hears notes of the pack resolution (a cached copy used, …). Absent = silent. */
  onNote?: (message: string) => void;
}

export async function loadPolicyEngine(o: PolicyEngineOptions = {}): Promise<Engine> {
  const { packSourceDefaults } = await import('../rules/sources.js');
  return loadEngine({
    rulesetPaths: o.rulesetPaths ?? [],
    ...(o.workspace ? { workspace: o.workspace } : {}),
    ...(o.mask ? { mask: o.mask } : {}),
    packSources: { ...packSourceDefaults(o.env ?? process.env), ...(o.onNote ? { onNote: o.onNote } : {}) },
  });
}
