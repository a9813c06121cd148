/**
 * `npm run build` parses and validates the built-in packs into dist/rulesets.json so a start
 * skips the YAML parser and the schema. Each entry must be exactly what the schema makes of
 * the YAML, keyed by the file's hash and tied to the compiled schema it was validated with;
 * a pack the schema refuses is stored unvalidated, so the loader still reports it.
 */
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RulesetSchema } from '../../src/rules/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const packs = readdirSync(path.join(root, 'rulesets')).filter((f) => f.endsWith('.yaml'));
const built = path.join(root, 'dist', 'rulesets.json');
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-prerules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Built = { schema: string; packs: Record<string, { valid?: unknown; raw?: unknown }> };

describe.skipIf(!existsSync(built))('precompiled built-in packs', () => {
  const data = JSON.parse(readFileSync(built, 'utf8')) as Built;
  it.each(packs)('%s is validated from its current bytes', (f) => {
    const text = readFileSync(path.join(root, 'rulesets', f), 'utf8');
    expect(data.packs[sha256(text)]).toEqual({
      valid: JSON.parse(JSON.stringify(RulesetSchema.parse(parse(text)))),
    });
  });
  it('names the compiled schema it validated with', () => {
    expect(data.schema).toBe(sha256(readFileSync(path.join(root, 'dist', 'rules', 'schema.js'))));
  });

  it('stores a pack the schema refuses unvalidated, and none for YAML that does not parse', async () => {
    const dir = path.join(tmp, 'packs');
    mkdirSync(dir);
    const good = readFileSync(path.join(root, 'rulesets', packs[0]), 'utf8');
    const bad = 'pack: x\nversion: 1\nrules:\n  - id: a\n    decision: maybe\n';
    const broken = 'pack: [\n';
    writeFileSync(path.join(dir, 'good.yaml'), good);
    writeFileSync(path.join(dir, 'bad.yaml'), bad);
    writeFileSync(path.join(dir, 'broken.yaml'), broken);
    const out = path.join(tmp, 'out.json');
    await execa(process.execPath, [path.join(root, 'scripts', 'build-rulesets.mjs'), dir, out]);
    const got = JSON.parse(readFileSync(out, 'utf8')) as Built;
    expect(RulesetSchema.safeParse(parse(bad)).success).toBe(false);
    expect(got.packs[sha256(bad)]).toEqual({ raw: parse(bad) });
    expect(got.packs[sha256(good)]).toHaveProperty('valid');
    expect(got.packs[sha256(broken)]).toBeUndefined();
  });
});

describe('rulesets/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `agentfw rules schema > rulesets/schema.json`)', async () => {
    const { rulesetJsonSchema } = await import('../../src/rules/schema.js');
    const file = JSON.parse(readFileSync(path.join(root, 'rulesets', 'schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(rulesetJsonSchema())));
  });
});
