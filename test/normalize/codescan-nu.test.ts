/**
 * Nushell code (src/normalize/codescan-nu.ts): its `rm`, `http` and `save`, external
 * commands, and the blocks and subexpressions it holds become the commands the extractors
 * read; variables and closures not known statically stay dynamic; data commands do nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** The commands the nu code runs (the `nu` command itself left out), dynamic ones marked. */
function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  expect(r.issues).toEqual([]);
  return r.commands
    .filter((c) => c.program !== 'nu')
    .map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('what Nushell code runs', () => {
  it.each<[string, string[]]>([
    [`nu -c 'rm -r -f -p ~/.config ~/.local'`, ['rm -rf /h/.config', 'rm -rf /h/.local']],
    [`nu -c 'rm --recursive --trash /srv/data'`, ['rm -rf /srv/data']],
    [`nu -c 'rm -rf $env.HOME'`, ['rm -rf /h']],
    [`nu --commands 'cd /tmp; ^rm -rf /srv'`, ['rm -rf /srv']],
    [`nu -c 'run-external "rm" "-rf" "/srv"'`, ['rm -rf /srv']],
    [`nu -c 'git push --force origin main'`, ['git push --force origin main']],
    [
      `nu -c 'http delete https://api.example.com/v1/volumes/7'`,
      ['curl -X DELETE https://api.example.com/v1/volumes/7'],
    ],
    [
      `nu -c 'http post https://api.example.com/graphql (open q.json)'`,
      ['curl -X POST https://api.example.com/graphql --data-binary @q.json'],
    ],
    [
      `nu -c 'http post -t application/json https://api.example.com/v1/a "x=1"'`,
      ['curl -X POST https://api.example.com/v1/a -d x=1'],
    ],
    [`nu -c '"export X=1" | save -f ~/.bashrc'`, ['tee /h/.bashrc']],
    // blocks and subexpressions run too
    [`nu -c 'if true { rm -rf /srv }'`, ['rm -rf /srv']],
    [`nu -c 'print $"(rm -rf /srv)"'`, ['rm -rf /srv']],
    [`nu -c 'def clean [] { rm -rf /var/lib/app }; clean'`, ['rm -rf /var/lib/app', 'clean']],
    // a script the script wrote, and code on stdin
    [`echo 'rm -rf ~/.ssh' > x.nu && nu x.nu`, ['echo rm -rf ~/.ssh', 'rm -rf /h/.ssh']],
    [`echo 'rm -rf /srv' | nu`, ['echo rm -rf /srv', 'rm -rf /srv']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  it.each<[string, string]>([
    // variables, closures and pipeline input are not known statically
    [`nu -c 'ls | each {|f| rm $f.name }'`, 'dynamic:rm -rf $f.name'],
    [`nu -c 'let d = "/srv"; rm -rf $d'`, 'dynamic:rm -rf $d'],
    [`nu -c 'glob /srv/* | rm'`, 'dynamic:rm -rf (pipeline input)'],
    [`nu -c 'let c = $in; do $c'`, 'dynamic:do $c'],
    [`nu -c '^$cmd -rf /x'`, 'dynamic:$cmd -rf /x'],
    [`nu -c 'http delete $url'`, 'dynamic:curl -X DELETE $url'],
  ])('%s stays unknown', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // data, flow and session commands, and values, run nothing
    [`nu -c 'ls | where size > 1mb | sort-by size | first 5'`],
    [`nu -c 'open package.json | get version'`],
    [`nu -c '$env.PATH | split row ":" | each {|p| $p | str trim }'`],
    [`nu -c 'let x = {name: "a", size: 3}; $x | to json'`],
    [`nu -c 'cd ~/src; ls'`],
    // a project script on disk is the project's own code
    [`nu build.nu`],
  ])('%s runs nothing', (script) => expect(commands(script)).toEqual([]));
});
