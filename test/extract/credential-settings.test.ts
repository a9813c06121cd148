/** Settings lines searched out of a settings file (src/extract/credential-settings.ts). */
import { describe, expect, it } from 'vitest';
import { settingsLinesOnly } from '../../src/extract/credential-settings.js';
import { extractCredentialHunt } from '../../src/extract/credential-hunt.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const HOME = '/home/u';

describe('a search that prints only settings lines', () => {
  it.each<[string, string, boolean]>([
    ['grep region', '.aws/config', true],
    ['grep -E ^(region|tenancy)', '.oci/config', true],
    ['grep -n ^\\[profile', '.aws/config', true],
    ['grep -e region -e output', '.aws/config', true],
    ['rg tenancy', '.oci/config', true],
    ['grep -iE sso_region|sso_start_url', '.aws/config', true],
    // fail closed: other lines printed, a secret-looking word, a pattern that is no word list
    ['grep -v region', '.aws/config', false],
    ['grep -A3 region', '.aws/config', false],
    ['grep -iC2 region', '.aws/config', false],
    ['grep -f pats.txt', '.aws/config', false],
    ['grep -i key', '.oci/config', false],
    ['grep access', '.aws/config', false],
    ['grep pass_phrase', '.oci/config', false],
    ['grep token', '.aws/config', false],
    ['grep current-context', '.kube/config', false],
    ['grep org.gradle', '.gradle/gradle.properties', false],
    ['grep .', '.aws/config', false],
    ['grep reg.*', '.aws/config', false],
    ['grep id', '.aws/config', false],
    ['rg --passthru region', '.aws/config', false],
    // known switches and valued options, clusters, the end of options
    ['grep -in region', '.aws/config', true],
    ['grep --color=auto -w region', '.aws/config', true],
    ['grep -m1 region', '.aws/config', true],
    ['grep -ie region', '.aws/config', true],
    ['grep -eregion', '.aws/config', true],
    ['grep -- region', '.aws/config', true],
    ['rg -i --no-heading tenancy', '.oci/config', true],
    // an unknown option, whose value would be taken for the pattern
    ['grep --binary-files text region', '.aws/config', false],
    ['grep -a region', '.aws/config', false],
    ['grep --null region', '.aws/config', false],
    ['rg --json region', '.aws/config', false],
    // `e` in a cluster takes the rest of it (or the next word) as a pattern
    ['grep -e. -e region', '.aws/config', false],
    ['grep -ee region', '.aws/config', false],
    ['grep -ie .', '.aws/config', false],
    ['grep -iea -e region', '.aws/config', false],
    // not a settings file, or not a line search
    ['grep region', '.aws/credentials', false],
    ['cat', '.aws/config', false],
    ['awk /region/', '.aws/config', false],
  ])('%s ~/%s', (line, file, want) => {
    const [p, ...args] = line.split(' ');
    expect(settingsLinesOnly(p, [...args, `${HOME}/${file}`], `${HOME}/${file}`, HOME)).toBe(want);
  });

  it('an empty pattern, or one that matches every line', () => {
    for (const pat of ['', '.', '^', '$', '^.*'])
      expect(settingsLinesOnly('grep', [pat, `${HOME}/.aws/config`], `${HOME}/.aws/config`, HOME)).toBe(
        false,
      );
  });

  it.each<[string[], number[], Record<string, string>, boolean]>([
    [['rg', 'region'], [], {}, true],
    [['rg', 'region'], [], { RIPGREP_CONFIG_PATH: '/tmp/rgrc' }, false],
    [['grep', 'region'], [], { RIPGREP_CONFIG_PATH: '/tmp/rgrc' }, true],
    [['grep', '$OPT', 'region'], [1], {}, false],
    [['grep', '$PAT'], [1], {}, false],
  ])('%j dynamic %j vars %j', ([p, ...args], dynamicArgs, vars, want) => {
    const file = `${HOME}/.aws/config`;
    expect(settingsLinesOnly(p, [...args, file], file, HOME, { dynamicArgs, vars })).toBe(want);
  });
});

const ctx = analyzeContext('/home/u/proj');
const read = (argv: string[]) => {
  const c = command(argv, { cwd: '/home/u/proj' });
  return (extractCredentialHunt(c, ctx, [c]) as Fact[]).map((f) => (f.kind === 'shell' ? f.source : f.kind));
};

describe('credential reads of settings files', () => {
  it.each<[string[], string[]]>([
    [['grep', '-E', '^(region|tenancy)', '~/.oci/config'], []],
    [['grep', 'region', '~/.aws/config'], []],
    [['cat', '~/.oci/config'], ['~/.oci/config']],
    [['grep', 'region', '~/.aws/config', '~/.aws/credentials'], ['~/.aws/credentials']],
    [['grep', '-v', 'region', '~/.aws/config'], ['~/.aws/config']],
    [['grep', '--binary-files', 'text', '', '~/.aws/config'], ['~/.aws/config']],
    [['grep', '-e.', '-e', 'region', '~/.aws/config'], ['~/.aws/config']],
  ])('%j', (argv, want) => expect(read(argv)).toEqual(want));
});
