/**
 * Writes a rule proposed by shape-rule.ts into a tier's `rules/allowed-shapes.yaml`, after
 * proving that the whole resulting pack loads: the YAML is compiled by the real loader and
 * every rule's examples run through the real pipeline in the loader's own example context
 * (EXAMPLE_CONTEXT), next to the built-in packs, exactly as a session start checks them.
 * A pack that would fail to load is never written (the user's next session would not start).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { AgentfwError } from '../errors.js';
import { analyzeWith } from '../engine/analyze.js';
import { runExamples } from '../engine/examples.js';
import { BUILTIN_DIR, compileRulesetText, expandRulesetPaths, loadRulesetFiles } from '../rules/load.js';
import type { Rule } from '../rules/schema.js';
import { SHAPE_FILE, SHAPE_PACK, type ShapeProposal } from './shape-rule.js';

export interface ShapeWriteResult {
  /** The pack file written (absolute). */
  file: string;
  /** Id of the rule as written (`allowed-shapes/…`). */
  id: string;
  /** True when an identical rule was already there (nothing written). */
  existed: boolean;
}

/** The pack text with `rule` added (a fresh id when the slug is taken by a different rule). */
export function packWith(existing: string, rule: Rule): { text: string; id: string; existed: boolean } {
  const doc = (existing.trim() ? parse(existing) : undefined) as
    { pack?: string; version?: string; rules?: Rule[] } | undefined;
  const rules: Rule[] = Array.isArray(doc?.rules) ? doc.rules : [];
  const same = rules.find(
    (r) => JSON.stringify(r.match) === JSON.stringify(rule.match) && r.decision === 'allow',
  );
  if (same) return { text: existing, id: `${SHAPE_PACK}/${same.id}`, existed: true };
  let id = rule.id;
  for (let n = 2; rules.some((r) => r.id === id) && n < 1000; n++) id = `${rule.id}-${n}`;
  const pack = {
    pack: doc?.pack ?? SHAPE_PACK,
    version: doc?.version ?? '1.0.0',
    description: 'Shapes a human chose to always allow in the approval dialog (agentfw).',
    rules: [...rules, { ...rule, id }],
  };
  return { text: stringify(pack), id: `${pack.pack}/${id}`, existed: false };
}

/**
 * Check that `text` (the whole pack) loads and its examples pass; returns the problems
 * (empty = it loads). The mask is the identity: examples hold no secrets to mask, and the
 * check is about which rules fire.
 */
export function checkPack(text: string, file: string): string[] {
  const { ruleset, problems } = compileRulesetText(text, file);
  if (!ruleset) return problems.map((p) => `${p.where}: ${p.message}`);
  ruleset.tier = 'user';
  for (const r of ruleset.rules) r.quiets = r.rule.decision === 'allow';
  const builtins = loadRulesetFiles(expandRulesetPaths([BUILTIN_DIR]));
  const all = [...builtins, ruleset];
  const results = runExamples([ruleset], (s, ctx) => analyzeWith(all, (x) => x, s, ctx));
  return results
    .filter((r) => !r.ok)
    .map(
      (r) =>
        `${r.rule} examples.${r.expect}: ${r.expect === 'match' ? 'does not trigger it' : 'triggers it'}: ${r.command}`,
    );
}

/** Validate and write. Throws E_SHAPE_INVALID (nothing written) when the pack would not load. */
export function writeShapeRule(tierDir: string, proposal: ShapeProposal): ShapeWriteResult {
  const file = path.join(tierDir, 'rules', SHAPE_FILE);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const next = packWith(existing, proposal.rule);
  if (next.existed) return { file, id: next.id, existed: true };
  const problems = checkPack(next.text, file);
  // fail closed: a rule that does not load (or whose examples fail) is never written.
  if (problems.length)
    throw new AgentfwError(
      'E_SHAPE_INVALID',
      `the generated rule would not load: ${problems.join('; ')}`,
      'allow this command once or for the session instead, or write a rule by hand (docs/config.md)',
    );
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, next.text, { mode: 0o600 });
  renameSync(tmp, file);
  return { file, id: next.id, existed: false };
}
