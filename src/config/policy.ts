/**
 * Puts the discovered config tiers (discover.ts) onto the loaded rulesets: which tier each
 * ruleset file belongs to, which rules are switched off, and a few lines saying what was
 * loaded from where (for `rules list` and the start banner).
 */
import path from 'node:path';
import type { CompiledRuleset } from '../rules/load.js';
import { activeDisables, type TierConfig } from './discover.js';
import type { Tier } from './schema.js';

/** Tier (and trust) of a ruleset file: the config tier that lists it, else `fallback`. */
export function tierOfFile(
  tiers: TierConfig[],
  fallback: (file: string) => { tier: Tier; trusted: boolean },
): (file: string) => { tier: Tier; trusted: boolean } {
  const byFile = new Map<string, { tier: Tier; trusted: boolean }>();
  for (const t of tiers)
    for (const f of t.rulesets) byFile.set(path.resolve(f), { tier: t.tier, trusted: t.trusted });
  return (file) => byFile.get(path.resolve(file)) ?? fallback(file);
}

/** Marks disabled rules (`off`); returns the lines to show, incl. disables that named nothing. */
export function applyDisables(rulesets: CompiledRuleset[], tiers: TierConfig[]): string[] {
  const packTier = (pack: string) => rulesets.find((r) => r.pack === pack)?.tier;
  const lines: string[] = [];
  for (const d of activeDisables(tiers, packTier)) {
    const [pack, id] = d.id.split('/');
    const hits = rulesets
      .filter((r) => r.pack === pack)
      .flatMap((r) => r.rules)
      .filter((r) => !id || r.id === d.id);
    if (!hits.length) {
      lines.push(`disable ${d.id} (${d.file}): no such built-in rule or pack, nothing switched off`);
      continue;
    }
    for (const r of hits) r.off = `${d.tier} config: ${d.reason}`;
    lines.push(`off: ${d.id} by the ${d.tier} config (${d.reason})`);
  }
  return lines;
}

/** What was loaded from where, one line per tier folder, untrusted project parts named. */
export function describeSources(rulesets: CompiledRuleset[], tiers: TierConfig[]): string[] {
  const lines: string[] = [];
  const builtin = rulesets.filter((r) => r.tier === 'builtin').length;
  if (builtin) lines.push(`builtin: ${builtin} pack(s)`);
  const flags = rulesets.filter((r) => r.tier === 'user' && !tiers.some((t) => t.rulesets.includes(r.file)));
  if (flags.length) lines.push(`--ruleset: ${flags.map((r) => r.pack).join(', ')}`);
  for (const t of tiers) {
    const packs = rulesets.filter((r) => t.rulesets.includes(r.file)).map((r) => r.pack);
    const what = [packs.length ? `packs ${packs.join(', ')}` : 'no packs'];
    if (t.config.disable.length) what.push(`${t.config.disable.length} disable(s)`);
    let line = `${t.tier}: ${t.dir} (${what.join(', ')})`;
    if (!t.trusted)
      line +=
        ' — NOT TRUSTED: its allow rules and disables are ignored; run `agentfw trust` after reviewing it';
    lines.push(line);
  }
  return lines;
}
