/**
 * Startup files a shell reads because the script's environment names them
 * (src/normalize/shell-startup.ts): BASH_ENV for non-interactive bash, ENV for interactive
 * sh, ZDOTDIR/.zshenv for zsh (and .zshrc for interactive zsh).
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('shell startup files named by the environment', () => {
  it.each<[string, Record<string, string>, string]>([
    [`echo 'rm -rf ~/.config' > /tmp/e.sh; BASH_ENV=/tmp/e.sh bash -c true`, {}, 'rm -rf /h/.config'],
    [`BASH_ENV=hook.sh bash -c true`, { '/w/hook.sh': 'rm -rf /srv' }, 'rm -rf /srv'],
    [
      `export BASH_ENV=/w/hook.sh; bash build.sh`,
      { '/w/hook.sh': 'rm -rf /srv', '/w/build.sh': 'make' },
      'rm -rf /srv',
    ],
    [`ENV=/w/e.sh sh -i -c true`, { '/w/e.sh': 'rm -rf /srv' }, 'rm -rf /srv'],
    [`ZDOTDIR=/w/z zsh -c true`, { '/w/z/.zshenv': 'rm -rf /srv' }, 'rm -rf /srv'],
    [`ZDOTDIR=/w/z zsh -i -c true`, { '/w/z/.zshrc': 'rm -rf /srv' }, 'rm -rf /srv'],
    [`mkdir -p /tmp/zd; echo 'rm -rf ~/' > /tmp/zd/.zshrc; ZDOTDIR=/tmp/zd zsh -i -c true`, {}, 'rm -rf /h/'],
    // fail closed: a file not known statically, or one that cannot be read
    [`BASH_ENV=<(echo 'rm -rf ~/.config') bash -c true`, {}, 'dynamic:$BASH_ENV'],
    [`BASH_ENV=/w/missing.sh bash -c true`, {}, 'dynamic:/w/missing.sh'],
  ])('%s', (script, files, want) => expect(commands(script, files)).toContain(want));

  it.each<[string, string[]]>([
    // not read by that shell, or nothing named
    [`ENV=/w/e.sh sh -c true`, ['sh -c true'.split(' ')[2]]],
    [`BASH_ENV=/w/e.sh bash -n x.sh`, ['bash -n x.sh']],
    [`ZDOTDIR=/w/none zsh -c true`, ['true']],
    // .zshrc is read by interactive zsh only
    [`ZDOTDIR=/w/z zsh -c true`, ['true']],
    [`ZDOTDIR=/w/none zsh -i -c true`, ['true']],
    [`BASH_ENV= bash -c true`, ['true']],
  ])('%s', (script, want) =>
    expect(commands(script, { '/w/e.sh': 'rm -rf /srv', '/w/z/.zshrc': 'rm -rf /srv' })).toEqual(want),
  );
});
