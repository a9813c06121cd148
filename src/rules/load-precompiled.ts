/**
 * The built-in packs precompiled by `npm run build` (dist/rulesets.json), read once, and the
 * SHA-256 that keys them. Used by load.ts to skip the YAML parser and the schema for a pack
 * whose text is byte for byte the one built.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built-in packs as parsed and validated by `npm run build` (scripts/build-rulesets.mjs),
 * keyed by the SHA-256 of the YAML text, so loading skips the YAML parser and the schema
 * (the slowest parts of a start). Only an exact byte match is used: an edited pack is
 * parsed from its YAML and validated like any other. `valid` entries count only when the
 * compiled schema module is the one they were validated with (a `tsc` after the build that
 * changed the schema drops them all: the YAML is parsed and validated again); every pack
 * still goes through the rule checks and the compiler below.
 */
type Precompiled = { valid: unknown } | { raw: unknown };
let precompiledPacks: Map<string, Precompiled> | undefined;
export function precompiled(): Map<string, Precompiled> {
  if (precompiledPacks) return precompiledPacks;
  precompiledPacks = new Map();
  try {
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const data = JSON.parse(readFileSync(path.join(dist, 'rulesets.json'), 'utf8')) as {
      schema?: unknown;
      packs?: Record<string, Precompiled>;
    };
    // fail closed: entries validated by another schema than the one built are not used
    const schema = createHash('sha256').update(readFileSync(path.join(dist, 'rules', 'schema.js')));
    if (data.schema !== schema.digest('hex')) return precompiledPacks;
    for (const [hash, entry] of Object.entries(data.packs ?? {}))
      if (entry && typeof entry === 'object' && ('valid' in entry || 'raw' in entry))
        precompiledPacks.set(hash, entry);
  } catch {
    // No precompiled packs (running from sources, or not built): parse and validate the YAML.
  }
  return precompiledPacks;
}

/** The hex SHA-256 of a pack's text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
