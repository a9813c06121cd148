/**
 * The policy config file, `config.yaml`, one per tier folder:
 *
 *   org      $AGENTFW_ORG_CONFIG, else /etc/agentfw        (the user and the project cannot weaken it)
 *   user     $XDG_CONFIG_HOME/agentfw, else ~/.config/agentfw
 *   project  <workspace>/.agentfw                          (its allows and disables need `agentfw trust`)
 *
 * Next to it, a `rules/` folder holds that tier's ruleset packs (YAML, same format as
 * the built-in packs; rules may also `decision: allow`).
 */
import { z } from 'zod';
import { ServiceSchema } from './services.js';

/** Ids look like `pack` (a whole pack) or `pack/rule-id`. */
const RULE_OR_PACK = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;

export const DisableSchema = z.strictObject({
  /** `pack` or `pack/rule-id` of a built-in rule (org may also name its own). */
  id: z.string().regex(RULE_OR_PACK, 'write `pack` or `pack/rule-id`, e.g. `git/force-push`'),
  /** Why it is off; shown in `rules list` and written to the audit when the rule would have matched. */
  reason: z.string().min(1, 'say why the rule is off'),
});

export const ConfigSchema = z.strictObject({
  /** Ruleset files or folders for this tier, relative to the config's folder. Absent = `rules/` if it exists. */
  rulesets: z.array(z.string().min(1)).optional(),
  /** Rules or packs switched off. Empty = none. */
  disable: z.array(DisableSchema).default([]),
  /**
   * User tier only: project folders (absolute) a human trusted with `agentfw trust`, with
   * the SHA-256 of their `.agentfw` contents at that moment. Empty = none trusted.
   */
  trusted_projects: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).default({}),
  /** Host loopback TCP services reachable from the sandbox (src/config/services.ts). Empty = none. */
  services: z.array(ServiceSchema).max(50, 'at most 50 host services').default([]),
});

export type PolicyConfigFile = z.infer<typeof ConfigSchema>;
export type Disable = z.infer<typeof DisableSchema>;

/** Where a ruleset came from, weakest first: an allow quiets asks of weaker tiers only. */
export const TIERS = ['builtin', 'project', 'user', 'org'] as const;
export type Tier = (typeof TIERS)[number];

export function tierRank(t: Tier): number {
  return TIERS.indexOf(t);
}
