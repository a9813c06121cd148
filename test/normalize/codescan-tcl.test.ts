/**
 * Tcl code (src/normalize/codescan-tcl.ts) run by tclsh, wish, expect and jimsh: what it
 * deletes, runs or sends becomes the command the extractors read; what cannot be read
 * stays dynamic; what does neither leaves only the interpreter.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('what Tcl code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`echo 'file delete -force $env(HOME)' | tclsh`, 'rm -rf /h'],
    [`echo 'file delete -force $::env(HOME)/.ssh' | tclsh8.6`, 'rm -rf /h/.ssh'],
    [`echo 'file delete -force -- ~/src' | tclsh`, 'rm -rf /h/src'],
    [`tclsh <<'EOF'\nset d /srv/data\nfile delete -force $d\nEOF`, 'rm -rf /srv/data'],
    [`tclsh <<'EOF'\nfile delete -force [file join $env(HOME) projects]\nEOF`, 'rm -rf /h/projects'],
    [`echo 'exec rm -rf /srv' | tclsh`, 'rm -rf /srv'],
    [`echo 'exec rm -rf /srv 2>@1' | tclsh`, 'rm -rf /srv'],
    [`echo 'set r [exec rm -rf /srv]; puts $r' | tclsh`, 'rm -rf /srv'],
    [`echo 'exec {*}{rm -rf /srv}' | tclsh`, 'rm -rf /srv'],
    [`echo 'set f [open "|rm -rf /srv" r]' | tclsh`, 'rm -rf /srv'],
    [`echo 'eval {file delete -force /srv}' | tclsh`, 'rm -rf /srv'],
    [`echo 'set c {exec rm -rf /srv}; eval $c' | tclsh`, 'rm -rf /srv'],
    [`echo 'proc wipe {} { file delete -force /srv }; wipe' | tclsh`, 'rm -rf /srv'],
    [`echo 'if {1} { exec rm -rf /srv }' | tclsh`, 'rm -rf /srv'],
    [`echo 'foreach d {a b} { file delete -force /srv/$d }' | tclsh`, 'dynamic:rm -rf /srv/$d'],
    [`echo 'switch x { x { exec rm -rf /srv } }' | tclsh`, 'rm -rf /srv'],
    [`echo 'if {[exec rm -rf /srv] eq ""} {}' | tclsh`, 'rm -rf /srv'],
    [`echo 'interp alias {} nuke {} file delete -force; nuke /srv' | tclsh`, 'rm -rf /srv'],
    [`echo 'rename exec run; run rm -rf /srv' | tclsh`, 'rm -rf /srv'],
    [`expect -c 'spawn ssh host; exec rm -rf /srv'`, 'rm -rf /srv'],
    [`expect -c 'spawn -noecho rm -rf /srv; expect eof'`, 'rm -rf /srv'],
    [`expect -c 'system rm -rf /srv'`, 'rm -rf /srv'],
    [`echo 'file rename -force build /etc/hosts' | tclsh`, 'mv -rf build /etc/hosts'],
    [
      `echo 'package require http; http::geturl https://api.example.com/v1/db -method DELETE' | tclsh`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `echo 'http::geturl https://api.example.com/x -method POST -headers {X-HTTP-Method-Override DELETE}' | tclsh`,
      'curl -X POST https://api.example.com/x -H X-HTTP-Method-Override: DELETE',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`echo 'file delete -force [lindex $argv 0]' | tclsh`, 'dynamic:rm -rf'],
    [`echo 'eval [gets stdin]' | tclsh`, 'dynamic:'],
    [`echo 'set c [gets stdin]; $c -rf /srv' | tclsh`, 'dynamic:'],
    [`echo 'exec rm -rf $target' | tclsh`, 'dynamic:rm -rf $target'],
    [`echo 'set f [open "|$cmd" r]' | tclsh`, 'dynamic:'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted, run or sent
    [`echo 'puts [expr {1 + 2}]' | tclsh`, ['echo puts [expr {1 + 2}]', 'tclsh']],
    [`echo 'set x 3; if {$x > 1} { puts big }' | tclsh`, ['echo set x 3; if {$x > 1} { puts big }', 'tclsh']],
    [`echo 'puts "file delete -force ~"' | tclsh`, ['echo puts "file delete -force ~"', 'tclsh']],
    [
      `echo 'set f [open notes.txt r]; puts [read $f]' | tclsh`,
      ['echo set f [open notes.txt r]; puts [read $f]', 'tclsh'],
    ],
    [`echo 'exec ls -la' | tclsh`, ['echo exec ls -la', 'tclsh', 'ls -la']],
    [`echo 'foreach f {a b} { puts $f }' | tclsh`, ['echo foreach f {a b} { puts $f }', 'tclsh']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
