/**
 * Programs that run another one (src/normalize/tracers.ts), sed's `e` command
 * (sed-exec.ts), man's pager, git's PAGER/EDITOR: what they run is walked.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { sedCommands } from '../../src/normalize/sed-exec.js';

/** Each command as `wrappers > argv` (a command whose name is unknown: `?`). */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.program === '' ? '?' : `${c.wrappers.join(',')} > ${c.argv.join(' ')}`));
}

describe('tracers, debuggers and adapters carry their command', () => {
  it.each<[string, string]>([
    ['strace -f -o /dev/null rm -rf /x', 'strace > rm -rf /x'],
    ['ltrace -o /dev/null dropdb app', 'ltrace > dropdb app'],
    ['valgrind --log-file=/dev/null rm -rf /x', 'valgrind > rm -rf /x'],
    ['perf record -o /dev/null -- rm -rf /x', 'perf record > rm -rf /x'],
    ['chronic rm -rf /x', 'chronic > rm -rf /x'],
    ['faketime "2020-01-01" rm -rf /x', 'faketime > rm -rf /x'],
    ['cpulimit -l 50 -- rm -rf /x', 'cpulimit > rm -rf /x'],
    ['gdb --args rm -rf /x', 'gdb --args > rm -rf /x'],
    ["gdb -batch -ex 'shell rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["entr -s 'rm -rf /x'", 'entr -s > rm -rf /x'],
    ["expect -c 'spawn rm -rf /x; expect eof'", 'expect -c > rm -rf /x'],
    ['man -P \'sh -c "rm -rf /x"\' ls', 'man -P,sh -c > rm -rf /x'],
    ["PAGER='rm -rf /x #' git log", 'git PAGER > rm -rf /x'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([['strace -p 123'], ['perf report'], ['gdb ./app'], ["PAGER='less -R' git log"]])(
    '%s runs nothing else',
    (script) => expect(commands(script)).toHaveLength(1),
  );
});

describe("sed's e command", () => {
  it.each<[string, string[]]>([
    ["sed -n '1e rm -rf /x' f", ['sed e > rm -rf /x']],
    ["sed -e 's/a/b/' -e '$e dropdb app' f", ['sed e > dropdb app']],
    // the pattern space run as a command: not known here
    ["sed 's/x/date/e' f", ['?']],
    // the replacement starts the pattern space: its program, the line a value not known;
    // fail closed: the line is pasted into shell text, so what runs is not fully known ('?')
    ["printf '%s\\n' src/*.c | sed 's/^/wc -l /e'", ['sed e > wc -l ${line}', '?']],
    ["sed 's/.*/md5sum &/e' f", ['sed e > md5sum ${match}${line}', '?']],
    ["sed -e 's/^\\(.*\\)$/stat -c %s \\1/e' f", ['sed e > stat -c %s ${match}${line}', '?']],
    ["sed 's/^/rm -f /e' f", ['sed e > rm -f ${line}', '?']],
    // a program word glued to the line, or no program word: not known
    ["sed 's/^/rm/e' f", ['?']],
    ["sed 's/^/ /e' f", ['?']],
    ['sed -f missing.sed f', ['?']],
    ["sed -i 's/foo/bar/g' f", []],
    ['sed "s/$A/$B/g" f', []],
    ["sed -n '/error/p' log", []],
  ])('%s', (script, want) => {
    expect([...new Set(commands(script).filter((c) => c === '?' || c.startsWith('sed e')))]).toEqual(want);
  });

  it.each<[string, ReturnType<typeof sedCommands>]>([
    ['1e echo hi', ['echo hi']],
    // to the end of the line, `;` and `}` included
    ['1e curl -d \'{"a":1}\'; echo x\np', ['curl -d \'{"a":1}\'; echo x']],
    ['/re/,$e date', ['date']],
    ['$!e', [undefined]],
    ['s/a/e/g', []],
    // the pattern space that does not start with the replacement starts with the unknown line
    ['s|x|y|ge', [{ text: '"${line}"y"${line}"', unknowns: ['line'] }]],
    ['s/^/wc -l /e', [{ text: 'wc -l "${line}"', unknowns: ['line'] }]],
    // a value inside single quotes: the quotes closed around it
    ["s/^/echo '/e", [{ text: `echo ''"\${line}"'`, unknowns: ['line'] }]],
    ['y/abc/xyz/', []],
  ])('script %j runs %j', (script, want) => expect(sedCommands(script)).toEqual(want));
});
