/**
 * Scripts a command writes whose effect follows from the program (src/normalize/generated-scripts.ts):
 * rmlint's removal script, run later.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map((c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '));

describe("rmlint's removal script", () => {
  it.each<[string, string]>([
    ['rmlint ~ -o sh:/tmp/rmlint.sh && /tmp/rmlint.sh -d', 'rm -rf -- /h'],
    ['rmlint /srv /home && ./rmlint.sh', 'rm -rf -- /srv /home'],
    ['rmlint -T df -O sh:/tmp/x.sh /srv // /data; sh /tmp/x.sh', 'rm -rf -- /srv /data'],
    ['rmlint -o sh:/tmp/r.sh; bash /tmp/r.sh', 'rm -rf -- .'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // the scan alone deletes nothing; an output that is not a script is not run
    ['rmlint ~'],
    ['rmlint ~ -o json:/tmp/r.json && cat /tmp/r.json'],
    ['rmlint --help && ./rmlint.sh'],
  ])('%s', (script) => expect(commands(script).some((c) => c.startsWith('rm -rf'))).toBe(false));
});
