/**
 * History variables (src/normalize/history-settings.ts): their assignments and unsets are
 * emitted as the builtin that made them; other variables emit nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const argvs = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), filesContext({})).commands.map((c) => c.argv.join(' '));

describe('history settings', () => {
  it.each<[string, string[]]>([
    ['unset HISTFILE', ['unset HISTFILE']],
    ['unset -v HISTFILE PATHX HISTSIZE', ['unset HISTFILE HISTSIZE']],
    ['HISTSIZE=0', ['declare HISTSIZE=0']],
    ['HISTSIZE=0 HISTFILESIZE=0', ['declare HISTSIZE=0 HISTFILESIZE=0']],
    ['export HISTFILE=/dev/null', ['export HISTFILE=/dev/null']],
    ['N=0; export HISTSIZE=$N', ['export HISTSIZE=0']],
    ['typeset SAVEHIST=0', ['typeset SAVEHIST=0']],
    ['export HISTFILE', ['export HISTFILE=']],
    // not history: nothing emitted
    ['X=1', []],
    ['export PATH=/usr/bin', []],
    ['unset FOO', []],
    ['HISTSIZE=0 ls', ['ls']],
  ])('%s', (script, expected) => {
    expect(argvs(script)).toEqual(expected);
  });
});
