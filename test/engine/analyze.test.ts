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
