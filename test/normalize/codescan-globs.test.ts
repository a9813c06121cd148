/**
 * Glob calls in code (src/normalize/codescan-values.ts `globPattern`): a delete of what
 * `Dir.glob(PAT)`, `Dir[PAT]`, `glob.glob(PAT)` or `glob(PAT)` expands to reads as a delete of
 * PAT, the words a shell's `rm PAT` would have, through the whole reading.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

describe('a delete of the paths a glob call names', () => {
  it.each<[string, string]>([
    [`ruby -rfileutils -e 'FileUtils.rm_rf(Dir.glob("coverage/*"))'`, 'rm -rf coverage/*'],
    [`ruby -e 'FileUtils.rm_rf(Dir["tmp/*.log"])'`, 'rm -rf tmp/*.log'],
    [`ruby -e 'FileUtils.rm_rf(Dir.glob("/home/*"))'`, 'rm -rf /home/*'],
    // below this folder, a `**` folder is read as the folder it starts from
    [`ruby -e 'FileUtils.rm_rf(Dir["log/**/*.log"])'`, 'rm -rf log/*.log'],
    [`perl -e 'unlink glob("/etc/*.conf")'`, 'rm -rf /etc/*.conf'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it('reads a pattern known only at run time as unknown', () =>
    expect(commands(`ruby -e 'FileUtils.rm_rf(Dir.glob(ARGV[0]))'`)).toContainEqual(
      expect.stringMatching(/^dynamic:rm -rf /),
    ));
});
