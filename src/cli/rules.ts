/**
 * `agentfw rules list|test|lint|schema [PATH...]`
 *
 *   list    the packs and rules that would load (built-ins + PATHs)
 *   test    runs every rule's examples through the real pipeline; exit 1 on a failure
 *   lint    validates the files (schema, regexes, ids) and runs their examples, with
 *           warnings for weak rules; exit 1 on a problem
 *   schema  prints the JSON Schema of the ruleset format (for editors)
 *
 * With PATHs, test and lint look at those files only; with none, at the built-in packs.
 */
import { readFileSync } from 'node:fs';
import { loadEngine, type Engine } from '../engine/analyze.js';
import { EXAMPLE_CONTEXT, runExamples } from '../engine/examples.js';
import type { Fact } from '../engine/types.js';
import { fieldWarnings, knownFields } from '../rules/lint-fields.js';
import { AgentfwError, usageError } from '../errors.js';
import {
  BUILTIN_DIR,
  compileRulesetText,
  expandRulesetPaths,
  formatProblem,
  type LoadProblem,
} from '../rules/load.js';
import { rulesetJsonSchema } from '../rules/schema.js';
import { packSourceDefaults } from '../rules/sources.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw rules list [REF...]     packs and rules (built-ins plus REFs: PATH, npm:NAME, https://…#sha256=HEX)
       agentfw rules sign FILE... --key KEY                 sign packs (writes FILE.sig, ssh-keygen -Y)
       agentfw rules verify FILE... --allowed-signers FILE  check pack signatures
       agentfw rules test [PATH...]    run the rules' match / not_match examples
       agentfw rules lint [PATH...]    validate ruleset files and run their examples
       agentfw rules schema            print the ruleset JSON Schema
`;

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help', 'json'], options: ['key', 'allowed-signers'] });
  const [sub, ...paths] = a.rest;
  if (a.flags.help || !sub) {
    process.stdout.write(HELP);
    return a.flags.help ? 0 : 2;
  }
  switch (sub) {
    case 'list':
      return list(paths, a.flags.json === true);
    case 'test':
      return test(paths, a.flags.json === true);
    case 'lint':
      return lint(paths, a.flags.json === true);
    case 'sign':
    case 'verify': {
      const { signCommand, verifyCommand } = await import('./rules-sign.js');
      return sub === 'sign'
        ? signCommand(paths, a.options.key)
        : verifyCommand(paths, a.options['allowed-signers']);
    }
    case 'schema':
      if (a.flags.json) throw usageError('`rules schema` always prints JSON', 'drop --json');
      process.stdout.write(JSON.stringify(rulesetJsonSchema(), null, 2) + '\n');
      return 0;
    default:
      throw usageError(`unknown rules command "${sub}"`, 'use list, test, lint, sign, verify or schema');
  }
}

async function list(paths: string[], json: boolean): Promise<number> {
  const engine = await loadEngine({
    rulesetPaths: paths,
    skipExamples: true,
    packSources: { ...packSourceDefaults(), onNote: (m) => process.stderr.write(m + '\n') },
  });
  const from = new Map((engine.resolvedPacks ?? []).map((s) => [s.file, s]));
  const origin = (file: string) => {
    const s = from.get(file);
    if (!s) return '';
    return `  from ${s.source === 'path' ? 'path' : s.ref}${s.signer ? `, signed by ${s.signer}` : ''}${s.stale ? ' (STALE: last good copy)' : ''}`;
  };
  if (json) {
    const packs = engine.rulesets.map((rs) => ({
      pack: rs.pack,
      version: rs.version,
      file: rs.file,
      tier: rs.tier,
      ...(from.get(rs.file) ? { source: from.get(rs.file) } : {}),
      rules: rs.rules.map((r) => ({
        id: r.id,
        severity: r.rule.severity,
        decision: r.rule.decision,
        title: r.rule.title,
        ...(r.off ? { off: r.off } : {}),
      })),
    }));
    process.stdout.write(JSON.stringify({ sources: engine.sources, packs }, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(`loaded:\n${engine.sources.map((l) => `  ${l}\n`).join('')}\n`);
  for (const rs of engine.rulesets) {
    process.stdout.write(
      `${rs.pack}@${rs.version}  (${rs.rules.length} rules, ${rs.tier})  ${rs.file}${origin(rs.file)}\n`,
    );
    for (const r of rs.rules) {
      const typed = r.rule.confirm === 'typed' ? ' [typed confirm]' : '';
      const off = r.off ? `  [OFF: ${r.off}]` : '';
      process.stdout.write(
        `  ${r.rule.decision.padEnd(5)} ${r.rule.severity.padEnd(8)} ${r.id}  ${r.rule.title}${typed}${off}\n`,
      );
    }
  }
  return 0;
}

async function test(paths: string[], json: boolean): Promise<number> {
  const engine = await loadEngine({ rulesetPaths: paths, noBuiltins: paths.length > 0, skipExamples: true });
  const results = runExamples(engine.rulesets, engine.analyze);
  const failed = results.filter((r) => !r.ok);
  if (json) {
    const rules = new Set(results.map((r) => r.rule)).size;
    const summary = {
      passed: results.length - failed.length,
      failed: failed.length,
      rules,
      packs: engine.rulesets.length,
    };
    process.stdout.write(JSON.stringify({ ...summary, failures: failed }) + '\n');
    return failed.length ? 1 : 0;
  }
  for (const f of failed) {
    const want = f.expect === 'match' ? 'should trigger' : 'should NOT trigger';
    process.stdout.write(`FAIL ${f.rule}: ${want}: ${f.command}  (verdict ${f.decision})\n`);
  }
  const rules = new Set(results.map((r) => r.rule)).size;
  process.stdout.write(
    `${results.length - failed.length} passed, ${failed.length} failed (${rules} rules, ${engine.rulesets.length} packs)\n`,
  );
  return failed.length ? 1 : 0;
}

async function lint(paths: string[], json: boolean): Promise<number> {
  const files = expandRulesetPaths(paths.length ? paths : [BUILTIN_DIR]);
  const problems: LoadProblem[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const { ruleset, problems: ps } = compileRulesetText(readFileSync(file, 'utf8'), file);
    problems.push(...ps);
    for (const r of ruleset?.rules ?? []) {
      if (!r.rule.examples.not_match.length)
        warnings.push(`${file}: ${r.id}: no not_match examples (add a benign look-alike)`);
      if (!r.rule.agent_message)
        warnings.push(`${file}: ${r.id}: no agent_message (the agent gets the generic one)`);
      if (r.rule.severity === 'critical' && r.rule.decision === 'ask' && r.rule.confirm !== 'typed') {
        warnings.push(`${file}: ${r.id}: critical ask without \`confirm: typed\``);
      }
    }
  }
  if (!problems.length) {
    try {
      // Names first: a misspelled field is also why an example fails, so say it either way.
      warnings.push(
        ...(await nameWarnings(
          await loadEngine({ rulesetPaths: files, noBuiltins: true, skipExamples: true }),
        )),
      );
      // Then load with examples checked: failing examples become problems.
      await loadEngine({ rulesetPaths: files, noBuiltins: true });
    } catch (err) {
      if (!(err instanceof AgentfwError)) throw err;
      if (json) {
        process.stdout.write(
          JSON.stringify({ files: files.length, problems: [err.message], warnings }) + '\n',
        );
        return 1;
      }
      process.stdout.write(err.message + '\n');
      process.stdout.write(`Fix: ${err.fix}\n`);
      return 1;
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify({ files: files.length, problems, warnings }) + '\n');
    return problems.length ? 1 : 0;
  }
  for (const p of problems) process.stdout.write(formatProblem(p) + '\n');
  for (const w of warnings) process.stdout.write(`warning: ${w}\n`);
  process.stdout.write(
    `${files.length} file(s): ${problems.length} problem(s), ${warnings.length} warning(s)\n`,
  );
  return problems.length ? 1 : 0;
}

/**
 * Misspelled match fields and unknown placeholders: the fields facts really carry are
 * learnt from every example (the linted files' and the built-in packs').
 */
async function nameWarnings(engine: Engine): Promise<string[]> {
  const builtin = await loadEngine({ skipExamples: true, noConfig: true });
  const facts: Fact[] = [];
  for (const e of [engine, builtin])
    for (const rs of e.rulesets)
      for (const r of rs.rules)
        for (const ex of [...r.rule.examples.match, ...r.rule.examples.not_match])
          facts.push(...engine.analyze(ex, EXAMPLE_CONTEXT).facts);
  const known = knownFields(facts);
  const out: string[] = [];
  for (const rs of engine.rulesets)
    for (const r of rs.rules)
      for (const w of fieldWarnings(r.rule, known)) out.push(`${rs.file}: ${r.id}: ${w}`);
  return out;
}
