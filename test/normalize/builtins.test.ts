/**
 * Shell builtins that change the walker's state (src/normalize/builtins.ts): the working
 * directory, aliases and hashed names, and the positional parameters.
 */
import { describe, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext({}));
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

/** Every expected command appears (partial match), and there are no issues, parse or normalize. */
const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

const RM_ROOT = ['rm', '-rf', '/'];

describe('cd, alias, hash -p: where and what a later command runs', () => {
  it.each<[string, Expect[]]>([
    // cd changes the directory later paths are resolved from (no target: home)
    ['cd /srv && rm -rf app', [{ argv: ['rm', '-rf', 'app'], cwd: '/srv' }]],
    ['cd; rm -rf x', [{ argv: ['rm', '-rf', 'x'], cwd: '/h' }]],
    ['alias ls="rm -rf /"; ls', [{ program: 'rm', argv: RM_ROOT }]],
    ['hash -p /bin/rm ls; ls -rf /', [{ program: 'rm', argv: ['/bin/rm', '-rf', '/'] }]],
  ])('%s', (script, expected) => check(script, expected));
});

describe('set: the positional parameters', () => {
  it.each<[string, Expect[]]>([
    ['set -- dist coverage; rm -rf "$@"', [{ argv: ['rm', '-rf', 'dist', 'coverage'], dynamic: false }]],
    ['set -e -- / x; rm -rf "$1"', [{ argv: ['rm', '-rf', '/'], dynamic: false }]],
    ['set -euo pipefail a; rm -rf "$@"', [{ argv: ['rm', '-rf', 'a'], dynamic: false }]],
    ['set -- dist; for d; do rm -rf "$d"; done', [{ argv: ['rm', '-rf', 'dist'], dynamic: false }]],
    ['set -- /; set --; rm -rf "$@"', [{ argv: ['rm', '-rf', ''], dynamic: false }]],
    // options only: the parameters stay unknown; an unknown word where options end: unknown
    ['set -e; rm -rf "$@"', [{ argv: ['rm', '-rf', '$@'], dynamic: true }]],
    ['set $X dist; rm -rf "$@"', [{ argv: ['rm', '-rf', '$@'], dynamic: true }]],
    ['set -- $X; rm -rf "$1"', [{ argv: ['rm', '-rf', '$1'], dynamic: true }]],
    // shift [N]: the first N are dropped; a count past $# leaves them; an unknown count: unknown
    ['set -- x rm -rf /; shift; "$@"', [{ program: 'rm', argv: RM_ROOT }]],
    ['f() { local n=$1; shift; "$@"; }; f step rm -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['f() { shift 2; "$@"; }; f a b rm -rf /', [{ program: 'rm', argv: RM_ROOT }]],
    ['set -- / x; shift 5; rm -rf "$1"', [{ argv: ['rm', '-rf', '/'], dynamic: false }]],
    ['set -- dist /; shift $N; rm -rf "$1"', [{ argv: ['rm', '-rf', '$1'], dynamic: true }]],
    ['f() { shift; rm -rf "$@"; }; f / dist', [{ argv: ['rm', '-rf', 'dist'], dynamic: false }]],
    // a loop walked once that shifts may shift any number of times: unknown
    ['f() { while [ "$1" != rm ]; do shift; done; "$@"; }; f a rm -rf /', [{ argv: ['$@'], dynamic: true }]],
    ['set -- a b /; until [ $# -le 1 ]; do shift; done; rm -rf "$1"', [{ argv: ['rm', '-rf', '$1'] }]],
    ['f() { for ((i=0;i<2;i++)); do shift; done; rm -rf "$1"; }; f a b /', [{ argv: ['rm', '-rf', '$1'] }]],
    ['f() { for i in 1 2; do shift; done; rm -rf "$1"; }; f a b /', [{ argv: ['rm', '-rf', '/'] }]],
    ['set -- dist; while read -r l; do echo "$l"; done; rm -rf "$1"', [{ argv: ['rm', '-rf', 'dist'] }]],
  ])('%s', (script, expected) => expectCommands(norm(script), expected));
});
