/** GitHub CLI aliases this script defines, run where gh runs them (src/normalize/gh-aliases.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const files = { '/w/aliases.yml': 'wipe: repo delete acme/api --yes\nco: pr checkout\n' };
const commands = (script: string) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '),
  );

describe('gh aliases defined by the script', () => {
  it.each<[string, string]>([
    ["gh alias set nuke 'repo delete acme/api --yes' && gh nuke", 'gh repo delete acme/api --yes'],
    ["gh alias set rd 'repo delete $1 --yes' && gh rd acme/web", 'gh repo delete acme/web --yes'],
    ["gh alias set --shell wipe 'rm -rf ~/code' && gh wipe", 'rm -rf /h/code'],
    ['gh alias set wipe2 \'!rm -rf "$1"\' && gh wipe2 /srv', 'rm -rf /srv'],
    ['gh alias import aliases.yml && gh wipe', 'gh repo delete acme/api --yes'],
    // `--` ends the options: the name is the word after it
    ["gh alias set -- co2 'repo delete acme/api --yes' && gh co2", 'gh repo delete acme/api --yes'],
    ["gh alias set -s -- wipe3 'rm -rf ~/code' && gh wipe3", 'rm -rf /h/code'],
    // fail closed: an expansion not known statically, from stdin, or a file not read
    ['gh alias set x "$CMD" && gh x', 'dynamic:gh x'],
    ['echo "wipe: repo delete x" | gh alias import - && gh wipe', 'dynamic:gh wipe'],
    ['gh alias import missing.yml && gh anything', 'dynamic:gh anything'],
    ['gh alias set x "$CMD" && gh x', 'dynamic:sh -c the alias gh x'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [
      "gh alias set co 'pr checkout' && gh co 12",
      ['gh alias set co pr checkout', 'gh co 12', 'gh pr checkout 12'],
    ],
    [
      "gh alias set d 'repo delete x' && gh alias delete d && gh d",
      ['gh alias set d repo delete x', 'gh alias delete d', 'gh d'],
    ],
    ['gh pr list', ['gh pr list']],
    [
      "gh alias set -- co 'pr checkout' && gh co 12",
      ['gh alias set -- co pr checkout', 'gh co 12', 'gh pr checkout 12'],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
