/**
 * `npm run build` parses the built-in packs into dist/rulesets.json so a start skips the
 * YAML parser. Each entry must be exactly what the YAML says, keyed by the file's hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const packs = readdirSync(path.join(root, 'rulesets')).filter((f) => f.endsWith('.yaml'));
const built = path.join(root, 'dist', 'rulesets.json');

describe.skipIf(!existsSync(built))('precompiled built-in packs', () => {
  const data = JSON.parse(readFileSync(built, 'utf8')) as Record<string, unknown>;
  it.each(packs)('%s is precompiled from its current bytes', (f) => {
    const text = readFileSync(path.join(root, 'rulesets', f), 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    expect(data[hash]).toEqual(parse(text));
  });
});

describe('rulesets/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `agentfw rules schema > rulesets/schema.json`)', async () => {
    const { rulesetJsonSchema } = await import('../../src/rules/schema.js');
    const file = JSON.parse(readFileSync(path.join(root, 'rulesets', 'schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(rulesetJsonSchema())));
  });
});
