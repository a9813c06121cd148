/**
 * Multi-call binaries, sshpass, job queues and file watchers (src/normalize/launchers.ts):
 * what they launch is read as itself, with the launcher among its wrappers; their other
 * uses launch nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `wrappers|argv` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
}

describe('what launchers run', () => {
  it.each<[string, string]>([
    // multi-call binaries
    ['busybox rm -rf /srv', 'busybox|rm -rf /srv'],
    ['toybox rm -rf /srv', 'toybox|rm -rf /srv'],
    ['coreutils --coreutils-prog=rm -rf /srv', 'coreutils|rm -rf /srv'],
    ['coreutils --coreutils-prog-shebang=shred /dev/sdb', 'coreutils|shred /dev/sdb'],
    ['coreutils rm -rf /srv', 'coreutils|rm -rf /srv'],
    // a password fed to ssh's prompt: ssh then carries its command
    ["sshpass -p hunter2 ssh deploy@web 'rm -rf /srv'", 'sshpass>ssh deploy@web|rm -rf /srv'],
    ["sshpass -f ~/.pw ssh web 'rm -rf /srv'", 'sshpass>ssh web|rm -rf /srv'],
    ['sshpass -e rsync -a ./dist web:/srv', 'sshpass|rsync -a ./dist web:/srv'],
    // job queues: pueue joins the words for sh -c, unless --escape
    ['pueue add -- rm -rf /srv', 'pueue add|rm -rf /srv'],
    ["pueue add 'rm -rf /srv && echo done'", 'pueue add|rm -rf /srv'],
    ['pueue -c cfg.yml add -g ci --after 1 2 -- rm -rf /srv', 'pueue add|rm -rf /srv'],
    ['pueue add -e -- rm -rf /srv', 'pueue add|rm -rf /srv'],
    ['nq rm -rf /srv', 'nq|rm -rf /srv'],
    ['tsp -L nightly rm -rf /srv', 'tsp|rm -rf /srv'],
    // file watchers
    ['watchexec -- rm -rf /srv', 'watchexec|rm -rf /srv'],
    ["watchexec -w src -e ts 'rm -rf /srv'", 'watchexec|rm -rf /srv'],
    ['watchexec -n -- rm -rf /srv', 'watchexec|rm -rf /srv'],
    ['watchexec -r --shell=none -- rm -rf /srv', 'watchexec|rm -rf /srv'],
    ["reflex -r '\\.go$' -- rm -rf /srv", 'reflex|rm -rf /srv'],
    ['watchexec -e ts -- npm test', 'watchexec|npm test'],
    // Xcode's tool runner
    ['xcrun swift x.swift', 'xcrun|swift x.swift'],
    ['xcrun --sdk macosx --toolchain swift swiftc -o x x.swift', 'xcrun|swiftc -o x x.swift'],
    ['xcrun -sdk iphoneos rm -rf /srv', 'xcrun|rm -rf /srv'],
    // fail closed: the commands a reflex config lists are not read
    ['reflex -c reflex.conf', 'reflex -c|dynamic:reflex.conf'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    ['busybox --list'],
    ['coreutils --help'],
    ['sshpass -V'],
    ['pueue status'],
    ['pueue log 3'],
    ['tsp -l'],
    ['tsp -r 4'],
    ['watchexec --help'],
    ['xcrun --show-sdk-path'],
    ['xcrun --find swiftc'],
  ])('%s launches nothing', (script) => expect(commands(script)).toHaveLength(1));

  it('pueue add -w sets the directory the command runs in', () => {
    const r = normalize(
      parseScript('pueue add -w /srv/app -- rm -rf build', DEFAULT_LIMITS),
      filesContext({}),
    );
    expect(r.commands.map((c) => [c.argv.join(' '), c.cwd])).toContainEqual(['rm -rf build', '/srv/app']);
  });
});
