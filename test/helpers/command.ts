/**
 * Shared fixtures of the extractor tests: a NormalizedCommand builder, the analysis
 * context they run in, and the real pipeline with a single ruleset pack loaded.
 */
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../src/engine/analyze.js';
import { DEFAULT_LIMITS, type AnalyzeContext, type NormalizedCommand } from '../../src/engine/types.js';
import { programName } from '../../src/normalize/gnu-prefixed.js';

/** The workspace (and cwd) of the extractor tests unless a test names another. */
export const WS = '/ws';

/** An analysis context rooted at `workspace` (cwd = workspace, HOME = /home/u, empty env); `extra` overrides any field. */
export function analyzeContext(workspace = WS, extra: Partial<AnalyzeContext> = {}): AnalyzeContext {
  return { cwd: workspace, workspace, home: '/home/u', env: {}, limits: DEFAULT_LIMITS, ...extra };
}

export type CommandBuilder = (argv: string[], extra?: Partial<NormalizedCommand>) => NormalizedCommand;

/**
 * A builder of one NormalizedCommand as the normalizer would emit it: `program` is the
 * name of argv[0] (its basename; a Windows name without `.exe`, case folded; '' when argv is empty), `dynamic` is true when `dynamicArgs` names any
 * word. `defaults` and then `extra` override any field (cwd defaults to WS, span to [0, 0]).
 */
export function commandBuilder(defaults: Partial<NormalizedCommand> = {}): CommandBuilder {
  return (argv, extra = {}) => {
    const dynamicArgs = extra.dynamicArgs ?? defaults.dynamicArgs ?? [];
    return {
      program: argv[0] === undefined ? '' : programName(argv[0]),
      argv,
      wrappers: [],
      cwd: WS,
      dynamic: dynamicArgs.length > 0,
      dynamicArgs,
      writes: [],
      span: [0, 0],
      depth: 0,
      remote: false,
      vars: {},
      ...defaults,
      ...extra,
    };
  };
}

/** The builder with the plain defaults (cwd WS, span [0, 0]). */
export const command: CommandBuilder = commandBuilder();

/** The end-to-end context of the pack tests: a site checkout under a user's home. */
export const E2E_CONTEXT: AnalyzeContext = {
  cwd: '/home/ana/code/site',
  workspace: '/home/ana/code/site',
  home: '/home/ana',
  env: { HOME: '/home/ana', USER: 'ana' },
  limits: DEFAULT_LIMITS,
};

/**
 * The real pipeline (parse → normalize → extract → rules) with only `rulesets/<pack>.yaml`
 * loaded; the pack's examples are checked at load. Returns `verdict(script)`: `decision
 * rule,rule` (distinct rules in finding order; just the decision when nothing matched)
 * for a script analysed in E2E_CONTEXT (or in `ctx`, e.g. one with a folder listing).
 */
export async function packVerdict(
  pack: string,
  ctx: AnalyzeContext = E2E_CONTEXT,
): Promise<(script: string) => string> {
  const engine = await loadEngine({
    noBuiltins: true,
    rulesetPaths: [fileURLToPath(new URL(`../../rulesets/${pack}.yaml`, import.meta.url))],
    // These commands carry no secrets; the masker is exercised by the secrets tests.
    mask: (s) => s,
  });
  return (script) => {
    const d = engine.analyze(script, ctx);
    return [d.decision, [...new Set(d.findings.map((f) => f.rule))].join(',')].filter(Boolean).join(' ');
  };
}
