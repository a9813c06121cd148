/**
 * Runs every rule's own examples through the real pipeline: each `match` example must
 * produce a finding of that rule, each `not_match` example must not.
 */
import type { CompiledRuleset } from '../rules/load.js';
import { DEFAULT_LIMITS, type AnalyzeContext, type Decision } from './types.js';

export interface ExampleResult {
  file: string;
  /** `pack/id` */
  rule: string;
  expect: 'match' | 'not_match';
  command: string;
  ok: boolean;
  /** The verdict the pipeline gave, for reports. */
  decision: Decision['decision'];
}

/**
 * The fixed context examples are analysed in: a project at /home/dev/project, owned
 * by a user whose home is /home/dev. No file access: `@file` payloads are unknown.
 */
export const EXAMPLE_CONTEXT: AnalyzeContext = {
  cwd: '/home/dev/project',
  workspace: '/home/dev/project',
  home: '/home/dev',
  env: { HOME: '/home/dev', USER: 'dev', PWD: '/home/dev/project' },
  limits: DEFAULT_LIMITS,
};

export function runExamples(
  rulesets: CompiledRuleset[],
  analyze: (s: string, ctx: AnalyzeContext) => Decision,
): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const rs of rulesets) {
    for (const cr of rs.rules) {
      for (const expect of ['match', 'not_match'] as const) {
        for (const command of cr.rule.examples[expect]) {
          const d = analyze(command, EXAMPLE_CONTEXT);
          const hit = d.findings.some((f) => f.rule === cr.id);
          out.push({
            file: rs.file,
            rule: cr.id,
            expect,
            command,
            ok: expect === 'match' ? hit : !hit,
            decision: d.decision,
          });
        }
      }
    }
  }
  return out;
}
