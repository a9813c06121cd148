#!/usr/bin/env node
// Parses the built-in rulesets once at build time into dist/rulesets.json, keyed by the
// SHA-256 of each YAML file's bytes. src/rules/load.ts uses an entry only when the file
// it loads has exactly those bytes; validation and compilation still run at load.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'rulesets');
const out = {};
for (const f of readdirSync(dir).sort()) {
  if (!/\.ya?ml$/.test(f)) continue;
  const text = readFileSync(path.join(dir, f), 'utf8');
  try {
    out[createHash('sha256').update(text).digest('hex')] = parse(text, { uniqueKeys: true });
  } catch {
    // An invalid pack is left to the loader, which reports it with its location.
  }
}
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'rulesets.json'), JSON.stringify(out));
