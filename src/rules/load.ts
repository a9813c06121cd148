/**
 * Loading rulesets: YAML → zod validation → compiled predicates. Every problem in every
 * file is collected (not just the first), each with a location and a "Fix:" hint.
 * The only I/O in the rules stage lives here.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { AgentfwError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { compileIndexedMatch, compileRegex, CompileError, type Predicate } from './match.js';
import type { Tier } from '../config/schema.js';
import { RulesetSchema, type Rule, type Ruleset } from './schema.js';
import { precompiled, sha256 } from './load-precompiled.js';
import { expandRulesetPaths } from './load-paths.js';

export { expandRulesetPaths };

export interface CompiledRule {
  /** `pack/id` */
  id: string;
  rule: Rule;
  predicate: Predicate;
  /** Fact kinds the predicate can accept; null = any kind (offered every fact). */
  kinds: ReadonlySet<string> | null;
  /** Where the rule's pack came from (src/config/schema.ts). */
  tier: Tier;
  /** Set when a config switched the rule off: who and why. Still evaluated, so the audit can say it would have matched. Undefined = on. */
  off?: string;
  /** An `allow` that quiets asks of weaker tiers on the same fact (not for built-in packs, nor an untrusted project). */
  quiets: boolean;
}

export interface CompiledRuleset {
  pack: string;
  version: string;
  description: string;
  /** Absolute path of the file it came from (empty for rulesets given as text). */
  file: string;
  /** SHA-256 (hex) of the exact text compiled; keys the example-verification cache. */
  digest: string;
  /** Where it came from: built-in, a config tier, or `user` for `--ruleset` given by the human. */
  tier: Tier;
  rules: CompiledRule[];
}

/** One thing wrong with a ruleset. */
export interface LoadProblem {
  file: string;
  /** Where in the file: `rules[2].match.field` (empty = the whole file). */
  where: string;
  message: string;
  fix: string;
}

/** The YAML parser, loaded on first use: the built-in rulesets come pre-parsed (dist/rulesets.json), so most starts never need it. */
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export const BUILTIN_DIR = path.join(PACKAGE_ROOT, 'rulesets');

export function formatProblem(p: LoadProblem): string {
  return `${p.file}${p.where ? `: ${p.where}` : ''}: ${p.message}\n  Fix: ${p.fix}`;
}

/** Parses and compiles one ruleset's text. Never throws: problems are returned. */
export function compileRulesetText(
  text: string,
  file: string,
): { ruleset?: CompiledRuleset; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const pre = precompiled().get(sha256(text));
  const doc =
    pre === undefined ? yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true }) : undefined;
  if (doc?.errors.length) {
    for (const e of doc.errors) {
      problems.push({
        file,
        where: `line ${e.linePos?.[0]?.line ?? '?'}`,
        message: e.message.split('\n')[0],
        fix: 'correct the YAML syntax at that line',
      });
    }
    return { problems };
  }
  // A pack the build validated with this very schema is taken as validated (as trusted as dist/).
  const parsed =
    pre && 'valid' in pre
      ? { success: true as const, data: pre.valid as Ruleset }
      : RulesetSchema.safeParse(pre ? pre.raw : doc?.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues.map(explainIssue)) {
      problems.push({
        file,
        where: issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, ''),
        message: issue.message,
        fix: 'see the "Rulesets" section of ARCHITECTURE.md or rulesets/schema.json for the allowed shape',
      });
    }
    return { problems };
  }
  const rs = parsed.data;
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  rs.rules.forEach((rule, i) => {
    const where = `rules[${i}] (${rule.id})`;
    if (seen.has(rule.id)) {
      problems.push({
        file,
        where,
        message: `duplicate rule id "${rule.id}"`,
        fix: 'give every rule in a pack its own id',
      });
    }
    seen.add(rule.id);
    if (rule.confirm_value && rule.confirm !== 'typed') {
      problems.push({
        file,
        where,
        message: 'confirm_value is set but confirm is not "typed"',
        fix: 'add `confirm: typed` or remove confirm_value',
      });
    }
    try {
      const { predicate, kinds } = compileIndexedMatch(rule.match);
      rules.push({ id: `${rs.pack}/${rule.id}`, rule, predicate, kinds, tier: 'builtin', quiets: false });
    } catch (err) {
      if (!(err instanceof CompileError)) throw err;
      problems.push({
        file,
        where: `${where}.match`,
        message: err.message,
        fix: 'use a valid JavaScript regular expression',
      });
    }
  });
  if (problems.length) return { problems };
  return {
    ruleset: {
      pack: rs.pack,
      version: rs.version,
      description: rs.description ?? '',
      file,
      digest: sha256(text),
      tier: 'builtin',
      rules,
    },
    problems,
  };
}

interface ZIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: ZIssue[][];
}

/**
 * zod reports a failed union as "Invalid input"; descend into the branch that got
 * furthest (longest path, then fewest issues) so the message names the real field.
 */
function explainIssue(issue: ZIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
  const branches = issue.errors.filter((b) => b.length);
  if (!branches.length) return issue;
  const depth = (b: ZIssue[]) => Math.max(...b.map((i) => i.path.length));
  branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length);
  const inner = explainIssue(branches[0][0]);
  return { path: [...issue.path, ...inner.path], message: inner.message };
}

/**
 * Loads and compiles ruleset files. De-duplicates the same file given twice; two
 * different files declaring the same pack is a problem (rule ids would be ambiguous).
 * Throws E_RULESET_INVALID listing every problem when anything is wrong: an invalid
 * ruleset never loads partially (fail closed: the caller refuses to run).
 */
export function loadRulesetFiles(
  files: string[],
  tierOf: (file: string) => { tier: Tier; trusted: boolean } = defaultTier,
): CompiledRuleset[] {
  const problems: LoadProblem[] = [];
  const out: CompiledRuleset[] = [];
  const seenFiles = new Set<string>();
  const packs = new Map<string, string>();
  for (const f of files) {
    const real = realpathSync(f);
    if (seenFiles.has(real)) continue;
    seenFiles.add(real);
    let text: string;
    try {
      text = readFileSync(real, 'utf8');
    } catch (err) {
      problems.push({
        file: f,
        where: '',
        message: `cannot read: ${(err as Error).message}`,
        fix: 'check the file permissions',
      });
      continue;
    }
    const { ruleset, problems: ps } = compileRulesetText(text, f);
    problems.push(...ps);
    if (!ruleset) continue;
    const other = packs.get(ruleset.pack);
    if (other) {
      problems.push({
        file: f,
        where: 'pack',
        message: `pack "${ruleset.pack}" is already loaded from ${other}`,
        fix: 'give this pack its own name',
      });
      continue;
    }
    packs.set(ruleset.pack, f);
    const { tier, trusted } = tierOf(real);
    ruleset.tier = tier;
    for (const r of ruleset.rules) {
      r.tier = tier;
      r.quiets = r.rule.decision === 'allow' && tier !== 'builtin' && trusted;
    }
    out.push(ruleset);
  }
  if (problems.length) throw rulesetError(problems);
  return out;
}

/** Files of the built-in folder are `builtin`; anything else given directly (`--ruleset`) is the human's own, `user`. */
function defaultTier(file: string): { tier: Tier; trusted: boolean } {
  const dir = (() => {
    try {
      return realpathSync(BUILTIN_DIR);
    } catch {
      return BUILTIN_DIR;
    }
  })();
  return { tier: path.dirname(file) === dir ? 'builtin' : 'user', trusted: true };
}

export function rulesetError(problems: LoadProblem[]): AgentfwError {
  return new AgentfwError(
    'E_RULESET_INVALID',
    `${problems.length} problem(s) in rulesets:\n${problems.map(formatProblem).join('\n')}`,
    'correct the ruleset(s) above and run `agentfw rules lint PATH` until it reports no problem',
    2,
  );
}

export { compileRegex };
