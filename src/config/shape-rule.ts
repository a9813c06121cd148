/**
 * "Always allow this shape": from a decision the human is looking at, propose ONE allow
 * rule that covers commands of the same shape — the same program and action on the same
 * kind of target (git subcommand + action, http host + method, cloud tool + service +
 * verb, SQL tool + statement + object, GraphQL host + operation + field) — never a blanket
 * allow. Pure: the caller validates the proposal through the real loader (shape-write.ts)
 * before anything is written.
 *
 * Not offered (returns a reason instead) when a rule denies, when approving needs a typed
 * value (the resource itself is the point), or for facts whose shape is the target itself
 * (file paths, dynamic code, piping downloads to a shell, secret exfiltration, analysis
 * issues): allowing those "by shape" would be a blanket allow.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Decision, Fact } from '../engine/types.js';
import type { Rule } from '../rules/schema.js';

/** The YAML writer, loaded on first use (a session that never shapes a rule never loads it). */
let yamlLib: typeof Yaml | undefined;
const stringify = (value: unknown): string =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).stringify(value);

/** The pack that holds the rules written from the dialog (one file per tier folder). */
export const SHAPE_PACK = 'allowed-shapes';
export const SHAPE_FILE = 'allowed-shapes.yaml';

export interface ShapeProposal {
  /** The rule to add, ready for the pack file. */
  rule: Rule;
  /** Rule ids (`pack/id`) whose ask it quiets. */
  quiets: string[];
  /** The rule as YAML, for showing before it is written. */
  yaml: string;
}

export type ShapeResult = { ok: true; proposal: ShapeProposal } | { ok: false; reason: string };

type Fields = Record<string, string | boolean>;

/** The fields that make the shape of a fact; undefined = this kind has no safe shape. */
function shapeOf(f: Fact): { fields: Fields; title: string; other?: [string, string] } | undefined {
  switch (f.kind) {
    case 'git':
      return {
        fields: { subcommand: f.subcommand, action: f.action, ...(f.remote ? { remote: f.remote } : {}) },
        title: `git ${f.subcommand} (${f.action})${f.remote ? ` to ${f.remote}` : ''}`,
      };
    case 'http':
    case 'graphql':
      if (!f.host) return undefined;
      return f.kind === 'http'
        ? {
            fields: { host: f.host, method: f.method },
            title: `${f.method} requests to ${f.host}`,
            other: [f.host, 'other-host.invalid'],
          }
        : {
            fields: { host: f.host, operation: f.operation, field: f.field },
            title: `GraphQL ${f.operation} ${f.field} on ${f.host}`,
            other: [f.host, 'other-host.invalid'],
          };
    case 'cloud':
      if (f.all) return undefined; // fail closed: "every resource" is not a shape to allow for good
      return {
        fields: { tool: f.tool, service: f.service, verb: f.verb },
        title: `${[f.tool, f.service, f.verb].filter(Boolean).join(' ')}`,
      };
    case 'sql':
      return {
        fields: { tool: f.tool, statement: f.statement, object: f.object, where: f.where },
        title: `${f.tool} ${f.statement}${f.object ? ` ${f.object}` : ''}${f.where ? ' with WHERE' : ''}`,
      };
    default:
      return undefined;
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'shape';

/**
 * Propose the allow rule for `decision` (the engine's decision for `command`). `example`
 * is the command as the examples will run it: the normalized command text of the fact, so
 * it reads the same in the loader's fixed example context wherever the session's cwd was.
 */
export function proposeShape(decision: Decision): ShapeResult {
  if (decision.decision !== 'ask') return { ok: false, reason: 'only an ask can be allowed by shape' };
  if (decision.findings.some((f) => f.decision === 'deny'))
    return { ok: false, reason: 'a rule denies this command; a deny is never quieted' };
  if (decision.findings.some((f) => f.confirm !== undefined))
    return { ok: false, reason: 'approving this needs a typed value each time; not offered for good' };
  const asks = decision.findings.filter((f) => f.decision === 'ask');
  if (!asks.length) return { ok: false, reason: 'no rule asked (the analysis itself is unsure)' };
  const facts = [...new Set(asks.map((f) => f.fact))];
  // fail closed: one rule covers one fact; several asking facts are several shapes.
  if (facts.length !== 1) return { ok: false, reason: 'several actions asked; allow them one by one' };
  const fact = decision.facts[facts[0]];
  const shape = fact ? shapeOf(fact) : undefined;
  if (!fact || !shape)
    return {
      ok: false,
      reason: `a ${fact?.kind ?? 'unknown'} action has no shape to allow for good (the target is the point)`,
    };
  const example = decision.commands[fact.command]?.text ?? '';
  if (!example || /\n/.test(example)) return { ok: false, reason: 'no single command to use as example' };
  const notMatch: string[] = [];
  if (shape.other && example.includes(shape.other[0]))
    notMatch.push(example.split(shape.other[0]).join(shape.other[1]));
  const quiets = [...new Set(asks.map((f) => f.rule))];
  const rule: Rule = {
    id: slug(
      `${fact.kind}-${Object.values(shape.fields)
        .filter((v) => typeof v === 'string')
        .join('-')}`,
    ),
    title: `Always allowed: ${shape.title}`,
    severity: 'low',
    decision: 'allow',
    match: { kind: fact.kind, ...shape.fields },
    message: `allowed by shape (written from the approval dialog; quiets ${quiets.join(', ')})`,
    examples: { match: [example], not_match: notMatch },
  };
  return { ok: true, proposal: { rule, quiets, yaml: stringify([rule]).trimEnd() } };
}
