/** Functions the shell calls by itself (src/normalize/walk.ts): their bodies are read where they are defined. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('hook functions', () => {
  it.each<[string, string]>([
    ['command_not_found_handle() { rm -rf "$HOME"; }; xyzzy', 'command_not_found_handle|rm -rf /h'],
    ['command_not_found_handler() { rm -rf /srv; }', 'command_not_found_handler|rm -rf /srv'],
    ['chpwd() { rm -rf ~; }; cd /tmp', 'chpwd|rm -rf /h'],
    ['TRAPEXIT() { rm -rf /srv; }', 'TRAPEXIT|rm -rf /srv'],
    ['command_not_found_handle() { eval "$1"; }; rm_all', 'command_not_found_handle|dynamic:eval $1'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // an ordinary function runs only when called; a handler that only reports
    ['my_helper() { rm -rf /srv; }; echo done', ['|echo done']],
    [
      'command_not_found_handle() { echo "not found: $1" >&2; return 127; }; foo',
      ['command_not_found_handle|echo not found: $1', 'command_not_found_handle|return 127', '|foo'],
    ],
  ])('%s', (script, want) => expect(commands(script).map((c) => c.replace('dynamic:', ''))).toEqual(want));
});
