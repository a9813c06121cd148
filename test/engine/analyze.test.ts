import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { plantedSecrets } from '../fixtures/secrets/planted.js';

const engine = await loadEngine({ exampleCacheDir: '' });
const ctx = makeContext({ cwd: '/w', home: '/h', env: {} });
const github = plantedSecrets().find((p) => p.format.toLowerCase().includes('github'))!;
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Every place a command's text reaches JSON output (commands, facts, findings, issues). */
describe('secrets never reach the decision output', () => {
  it.each<[string, (v: string) => string]>([
    ['decoded script whose first word is the secret', (v) => `echo ${b64(v)} | base64 -d | sh`],
    ['secret as a command name from a variable', (v) => `T=${v}; $T --help`],
    ['secret as a command name', (v) => `${v} --version`],
    [
      'secret in a header of a refused request',
      (v) => `curl -H 'Authorization: Bearer ${v}' -X DELETE https://a.example/x`,
    ],
    ['secret in a syntax error', (v) => `echo ${v} | (`],
  ])('%s', (_name, make) => {
    expect(github).toBeDefined();
    const out = JSON.stringify(engine.analyze(make(github.value), ctx));
    expect(out.includes(github.value)).toBe(false);
  });
});

describe('a program named like a property every object has', () => {
  // Tables keyed by program name are plain objects: `valueOf` or `constructor` is in none of
  // them (it was read as a table entry and failed the analysis: asked, as not understood).
  const names = ['valueOf', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'toLocaleString'];
  const shapes = [
    'N',
    'N *',
    'N -o x',
    'N run x',
    'N delete x',
    'N --replicas 0',
    'echo x | N',
    'sudo N -c x',
  ];
  it.each(names.flatMap((n) => shapes.map((s) => [s.replace('N', n)])))(
    '%s is read without an internal error',
    (cmd) => {
      const d = engine.analyze(cmd, ctx);
      expect(d.findings.map((f) => f.message).filter((m) => /INTERNAL/.test(m))).toEqual([]);
    },
  );
});
