#!/usr/bin/env node
// Parses and validates the built-in rulesets once at build time into dist/rulesets.json,
// keyed by the SHA-256 of each YAML file's bytes, so a start runs neither the YAML parser
// nor the zod schema for them. src/rules/load.ts uses an entry only when the file it loads
// has exactly those bytes, and a validated one only when the schema module it was validated
// with (dist/rules/schema.js, hashed into `schema`) is still the one built; rule ids,
// confirm_value and the match compile are still checked at load.
//
// Entry: { valid: <the schema's output> } for a pack the schema accepts, else
// { raw: <the parsed YAML> } (the loader reports its problems with their locations). A pack
// whose YAML does not parse gets no entry.
//
//   node scripts/build-rulesets.mjs [RULESETS_DIR OUT_FILE]   (default: rulesets/ → dist/rulesets.json)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? path.join(root, 'rulesets');
const outFile = process.argv[3] ?? path.join(root, 'dist', 'rulesets.json');
const schemaFile = path.join(root, 'dist', 'rules', 'schema.js');
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

// Without the compiled schema (tsc not run), packs are stored parsed only.
const schema = existsSync(schemaFile)
  ? (await import(pathToFileURL(schemaFile).href)).RulesetSchema
  : undefined;
const packs = {};
for (const f of readdirSync(dir).sort()) {
  if (!/\.ya?ml$/.test(f)) continue;
  const text = readFileSync(path.join(dir, f), 'utf8');
  let js;
  try {
    js = parse(text, { uniqueKeys: true });
  } catch {
    continue; // an invalid pack is left to the loader, which reports it with its location
  }
  const checked = schema?.safeParse(js);
  packs[sha256(text)] = checked?.success ? { valid: checked.data } : { raw: js };
}
const out = { schema: schema ? sha256(readFileSync(schemaFile)) : '', packs };
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(out));
