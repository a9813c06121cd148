/**
 * The ruleset file format, as a zod schema. `rulesets/schema.json` (for editors) is
 * generated from it by `agentfw rules schema`.
 *
 * A ruleset ("pack") is one YAML file. Each rule matches conditions on ONE fact (see
 * src/engine/types.ts for the fact kinds and their fields) and carries its own tests:
 * `examples.match` commands must trigger it, `examples.not_match` must not.
 */
import { z } from 'zod';

const FACT_KINDS = [
  'fs',
  'git',
  'shell',
  'dynamic',
  'http',
  'graphql',
  'sql',
  'cloud',
  'exfil',
  'issue',
] as const;

/**
 * A condition on one fact field. Scalars compare for equality; arrays mean "any of";
 * objects are operators ({regex}, {not}, {exists}, {gte}, {lte}, {any}, {all}, {sub}).
 */
export type Condition =
  | string
  | number
  | boolean
  | (string | number | boolean)[]
  | { regex: string; flags?: string }
  | { not: Condition }
  | { exists: boolean }
  | { gte: number }
  | { lte: number }
  | { any: Condition[] }
  | { all: Condition[] }
  | { sub: Record<string, Condition> };

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    scalar,
    z.array(scalar).min(1, 'a list condition needs at least one value'),
    z.strictObject({
      regex: z.string().min(1),
      flags: z
        .string()
        .regex(/^[imsu]*$/)
        .optional(),
    }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ exists: z.boolean() }),
    z.strictObject({ gte: z.number() }),
    z.strictObject({ lte: z.number() }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ sub: z.record(z.string(), ConditionSchema) }),
  ]),
);

/**
 * A match: `kind` picks the fact family, every other key is a field condition
 * (dotted keys walk into nested objects and arrays). Or a combination of matches.
 */
export type Match =
  { kind: (typeof FACT_KINDS)[number]; [field: string]: unknown } | { any: Match[] } | { all: Match[] };

export const MatchSchema: z.ZodType<Match> = z.lazy(() =>
  z.union([
    z.strictObject({ any: z.array(MatchSchema).min(1) }),
    z.strictObject({ all: z.array(MatchSchema).min(1) }),
    z.looseObject({ kind: z.enum(FACT_KINDS) }).superRefine((m, ctx) => {
      for (const [k, v] of Object.entries(m)) {
        if (k === 'kind') continue;
        const r = ConditionSchema.safeParse(v);
        if (!r.success)
          ctx.addIssue({ code: 'custom', path: [k], message: `invalid condition for field "${k}"` });
      }
    }),
  ]),
) as z.ZodType<Match>;

export const RuleSchema = z.strictObject({
  /** Rule id, unique in its pack: lower-case words joined by dashes. Reported as `pack/id`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  /** One line saying what the rule catches. */
  title: z.string().min(1),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  /**
   * What happens on a match. `allow` says "this is fine here": in a config tier above the
   * built-in packs (project, user, org) it quiets their `ask` on the same fact; it never
   * quiets a `deny`, nor a rule of its own or a stronger tier.
   */
  decision: z.enum(['allow', 'ask', 'deny']),
  /** `typed`: the human must type `confirm_value` to approve. Absent = one keystroke approves. */
  confirm: z.literal('typed').optional(),
  /** Template for the value to type; absent = the evidence. */
  confirm_value: z.string().min(1).optional(),
  match: MatchSchema,
  /** Message for the human; `{field}` placeholders read the matched fact. */
  message: z.string().min(1),
  /** Message for the agent: what to do next. Absent = a standard "ask the user" sentence. */
  agent_message: z.string().min(1).optional(),
  /** The rule's own tests. At least one `match` example is required. */
  examples: z.strictObject({
    match: z.array(z.string().min(1)).min(1, 'each rule needs at least one match example'),
    not_match: z.array(z.string().min(1)).default([]),
  }),
});

export const RulesetSchema = z.strictObject({
  /** Pack name: lower-case, e.g. `filesystem`, `graphql`, `aws`. */
  pack: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  /** Semantic version of the pack. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a semantic version like 1.0.0'),
  description: z.string().optional(),
  rules: z.array(RuleSchema).min(1, 'a pack needs at least one rule'),
});

export type Rule = z.infer<typeof RuleSchema>;
export type Ruleset = z.infer<typeof RulesetSchema>;

/** JSON Schema for editors, generated from the zod schema. */
export function rulesetJsonSchema(): unknown {
  return z.toJSONSchema(RulesetSchema, { unrepresentable: 'any' });
}
