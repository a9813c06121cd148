/**
 * The whole pipeline behind one call: text → parse → normalize → extract → rules → decide.
 * Pure apart from ctx.readFile and ctx.listDir. Callers that run for a long time (the supervisor, batch
 * `check --stdin`) create one Engine and call analyze() per command.
 */
import path from 'node:path';
import { extractFacts } from '../extract/index.js';
import { normalize } from '../normalize/index.js';
import { parseScript } from '../parse/parse.js';
import {
  BUILTIN_DIR,
  expandRulesetPaths,
  loadRulesetFiles,
  rulesetError,
  type CompiledRuleset,
} from '../rules/load.js';
import {
  needsSources,
  resolvePackRefs,
  type PackSourceOptions,
  type ResolvedPack,
} from '../rules/sources.js';
import { decide, memoMask } from './decide.js';
import { defaultCacheDir, examplesKey, examplesPassed, recordExamplesPassed } from './example-cache.js';
import { runExamples } from './examples.js';
import { discoverConfig } from '../config/discover.js';
import { applyDisables, describeSources, tierOfFile } from '../config/policy.js';
import type { Tier } from '../config/schema.js';
import type { AnalysisIssue, AnalyzeContext, Decision, Fact, NormalizedCommand } from './types.js';
import { DEFAULT_LIMITS } from './types.js';
import { maskFacts, maskStrings, summarize } from './analyze-mask.js';

export { maskFacts, maskStrings };

export interface Engine {
  /** Analyse one script. Never throws for any input text; failures become `ask`. */
  analyze(script: string, ctx: AnalyzeContext): Decision;
  /**
   * Judge facts that another layer already extracted (the egress proxy's `http` /
   * `graphql` facts) with the same rules and decide stage. `issues` force at least `ask`.
   * Never throws; an internal error becomes `ask`.
   */
  decideFacts(facts: Fact[], issues?: AnalysisIssue[]): Decision;
  /** Names and versions of the loaded packs, for status lines and `rules list`. */
  packs: { pack: string; version: string; rules: number; file: string; tier: Tier }[];
  /** The compiled rulesets (for `rules list`). */
  rulesets: CompiledRuleset[];
  /** What was loaded from where and what is switched off, one line each (start banner, `rules list`). */
  sources: string[];
  /** Where non-built-in packs came from and who signed them. Absent = plain paths only. */
  resolvedPacks?: ResolvedPack[];
  /** How to load this same engine in another process (the analysis worker): plain data. */
  spec: EngineSpec;
  /** The masker of evidence and messages this engine was loaded with. */
  maskText: (s: string) => string;
}

/**
 * The plain-data part of EngineOptions that loads the same policy again: the pack files
 * already resolved (npm:, pinned URLs and signatures checked by the first load), the
 * config tiers' workspace and the switches. See src/engine/worker.ts.
 */
export interface EngineSpec {
  /** Extra ruleset files, resolved to local paths. Empty = built-ins (and config tiers) only. */
  rulesetPaths: string[];
  noBuiltins?: boolean;
  noConfig?: boolean;
  /** Workspace whose `.agentfw` is the project tier. Absent = the process cwd. */
  workspace?: string;
}

export interface EngineOptions {
  /** Extra ruleset files or folders (`--ruleset PATH`), loaded after the built-in packs. Empty = built-ins only. */
  rulesetPaths?: string[];
  /** Skip the built-in packs in rulesets/ (used by `rules test PATH`). */
  noBuiltins?: boolean;
  /** Skip running the rules' examples at load (only for `rules test`, which reports them itself). */
  skipExamples?: boolean;
  /**
   * Folder remembering rulesets whose examples passed with this engine build, so they are
   * verified once, not at every start. Undefined = `${XDG_CACHE_HOME:-~/.cache}/agentfw`;
   * empty string = no cache (the examples run at every load).
   */
  exampleCacheDir?: string;
  /** Masks secrets in evidence and messages. Default: the secrets layer's pattern masker. */
  mask?: (text: string) => string;
  /** Do not read the org/user/project config (src/config/). Default: read it. */
  noConfig?: boolean;
  /** The workspace whose `.agentfw` is the project tier. Default: the process cwd. */
  workspace?: string;
  /** npm/URL pack resolution and the org's signature requirement. Absent = plain paths, unsigned allowed. */
  packSources?: PackSourceOptions;
}

/** Runs the pure pipeline with the given rulesets. Exposed for tests and the example runner. */
export function analyzeWith(
  rulesets: CompiledRuleset[],
  maskText: (s: string) => string,
  script: string,
  ctx: AnalyzeContext,
): Decision {
  const t0 = performance.now();
  // Evidence, messages and argv words repeat within one decision: mask each text once.
  const mask = memoMask(maskText);
  let commands: NormalizedCommand[] = [];
  let issues: AnalysisIssue[] = [];
  let facts: Decision['facts'] = [];
  try {
    const parsed = parseScript(script, ctx.limits);
    const norm = normalize(parsed, ctx);
    commands = norm.commands;
    issues = [...parsed.issues, ...norm.issues];
    facts = extractFacts(commands, ctx);
    if (performance.now() - t0 > ctx.limits.maxMillis) {
      // fail closed: a slow analysis may be a deliberately pathological input.
      issues.push({ code: 'E_TIMEOUT', message: `analysis took longer than ${ctx.limits.maxMillis} ms` });
    }
  } catch (err) {
    // fail closed: an internal error is never an allow.
    issues.push({
      code: 'E_INTERNAL',
      message: `analysis failed: ${(err as Error)?.message ?? String(err)}`,
    });
  }
  const { decision, findings, reason } = decide(facts, issues, rulesets, mask);
  return {
    decision,
    findings,
    reason,
    commands: commands.map((c) => summarize(c, mask)),
    facts: maskFacts(facts, mask),
    issues: issues.map((i) => ({ ...i, message: mask(i.message) })),
    ms: performance.now() - t0,
  };
}

/**
 * The rules and decide stages alone, for facts built by a layer that sees no command text
 * (the egress proxy). Pure. The returned decision has no commands; its facts are masked.
 */
export function decideFactsWith(
  rulesets: CompiledRuleset[],
  maskText: (s: string) => string,
  facts: Fact[],
  issues: AnalysisIssue[] = [],
): Decision {
  const t0 = performance.now();
  const mask = memoMask(maskText);
  let result: ReturnType<typeof decide>;
  const all = [...issues];
  try {
    result = decide(facts, all, rulesets, mask);
  } catch (err) {
    // fail closed: an internal error is never an allow.
    all.push({ code: 'E_INTERNAL', message: `decision failed: ${(err as Error)?.message ?? String(err)}` });
    result = decide([], all, rulesets, mask);
  }
  return {
    ...result,
    commands: [],
    facts: maskFacts(facts, mask),
    issues: all.map((i) => ({ ...i, message: mask(i.message) })),
    ms: performance.now() - t0,
  };
}

/**
 * Loads the built-in packs plus any extra rulesets, and checks every rule's examples
 * (a failing example is a load error; a pass is remembered per ruleset bytes and engine
 * build, see example-cache.ts). Throws AgentfwError E_RULESET_INVALID listing
 * every problem.
 */
export async function loadEngine(opts: EngineOptions = {}): Promise<Engine> {
  // Packs from npm, pinned URLs or under a signature requirement (src/rules/sources.ts).
  const refs = opts.rulesetPaths ?? [];
  const resolved = needsSources(refs, opts.packSources ?? {})
    ? await resolvePackRefs(refs, opts.packSources)
    : undefined;
  const files = expandRulesetPaths([
    ...(opts.noBuiltins ? [] : [BUILTIN_DIR]),
    ...(resolved ? resolved.map((p) => p.file) : refs),
  ]);
  // Config tiers (org, user, project) found without flags; see src/config/.
  const tiers =
    opts.noConfig || opts.noBuiltins ? [] : discoverConfig({ workspace: opts.workspace ?? process.cwd() });
  const rulesets = loadRulesetFiles(
    [...files, ...tiers.flatMap((t) => t.rulesets)],
    tierOfFile(tiers, (f) => ({
      tier: path.dirname(f) === path.resolve(BUILTIN_DIR) ? 'builtin' : 'user',
      trusted: true,
    })),
  );
  const sources = [...describeSources(rulesets, tiers), ...applyDisables(rulesets, tiers)];
  const mask = opts.mask ?? (await defaultMask());
  const analyze = (script: string, ctx: AnalyzeContext) => analyzeWith(rulesets, mask, script, ctx);
  const cacheDir = opts.exampleCacheDir ?? defaultCacheDir();
  // fail closed: without a valid "passed" record for exactly these files and this build, run them.
  const key = opts.skipExamples || !cacheDir ? '' : examplesKey(rulesets, cacheDir);
  if (!opts.skipExamples && !(key && examplesPassed(cacheDir, key))) {
    const results = runExamples(rulesets, analyze);
    const failures = results.filter((r) => !r.ok);
    if (!failures.length && key) recordExamplesPassed(cacheDir, key, results.length);
    if (failures.length) {
      throw rulesetError(
        failures.map((f) => ({
          file: f.file,
          where: `${f.rule} examples.${f.expect}`,
          message: `${f.expect === 'match' ? 'does not trigger the rule' : 'triggers the rule but must not'}: ${f.command}`,
          fix:
            f.expect === 'match'
              ? "widen the rule's match (or fix the example) so this command triggers it"
              : "narrow the rule's match (or fix the example) so this command does not trigger it",
        })),
      );
    }
  }
  return {
    analyze,
    decideFacts: (facts, issues) => decideFactsWith(rulesets, mask, facts, issues),
    rulesets,
    packs: rulesets.map((r) => ({
      pack: r.pack,
      version: r.version,
      rules: r.rules.length,
      file: r.file,
      tier: r.tier,
    })),
    sources,
    ...(resolved ? { resolvedPacks: resolved } : {}),
    spec: {
      rulesetPaths: resolved ? resolved.map((p) => p.file) : refs,
      ...(opts.noBuiltins ? { noBuiltins: true } : {}),
      ...(opts.noConfig ? { noConfig: true } : {}),
      workspace: path.resolve(opts.workspace ?? process.cwd()),
    },
    maskText: mask,
  };
}

async function defaultMask(): Promise<(s: string) => string> {
  const mod = (await import('../secrets/mask-text.js')) as { maskText: (s: string) => string };
  return mod.maskText;
}

/** Variables the analysis may read from the caller's environment: never secrets. */
const SAFE_ENV = ['HOME', 'USER', 'LOGNAME', 'PWD', 'TMPDIR', 'SHELL', 'LANG'];

/** Builds an AnalyzeContext with defaults (workspace = cwd, home = $HOME, DEFAULT_LIMITS). */
export function makeContext(p: Partial<AnalyzeContext> & { cwd: string }): AnalyzeContext {
  const home = p.home ?? process.env.HOME ?? '/root';
  const env: Record<string, string> = {};
  if (!p.env) for (const k of SAFE_ENV) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return {
    cwd: p.cwd,
    workspace: p.workspace ?? p.cwd,
    home,
    env: { ...(p.env ?? env), HOME: home, PWD: p.cwd },
    readFile: p.readFile,
    ...(p.listDir ? { listDir: p.listDir } : {}),
    ...(p.wrapperPredates ? { wrapperPredates: p.wrapperPredates } : {}),
    limits: { ...DEFAULT_LIMITS, ...(p.limits ?? {}) },
  };
}
