/** Wrappers that set up the process another way are peeled to the command they run (src/normalize/wrappers-process.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

/** The last command's argv and the wrappers peeled to reach it. */
const last = (script: string) => {
  const c = normalizeIn(filesContext({}), script).commands.at(-1)!;
  return [c.argv.join(' '), c.wrappers.join(',')];
};

describe('process wrappers', () => {
  it.each<[string, string, string]>([
    ['timeout -s KILL 30 rm -rf /srv/x', 'rm -rf /srv/x', 'timeout'],
    ["watch -n 5 'rm -rf /srv/x'", 'rm -rf /srv/x', 'watch'],
    ['watch -x rm -rf /srv/x', 'rm -rf /srv/x', 'watch'],
    ["flock /tmp/l -c 'rm -rf /srv/x'", 'rm -rf /srv/x', 'flock'],
    ['flock -w 5 /tmp/l rm -rf /srv/x', 'rm -rf /srv/x', 'flock'],
    ['nsenter -t 1 -m -u rm -rf /srv/x', 'rm -rf /srv/x', 'nsenter'],
    ['chroot /mnt rm -rf /srv/x', 'rm -rf /srv/x', 'chroot /mnt'],
    ['ionice -c3 rm -rf /srv/x', 'rm -rf /srv/x', 'ionice'],
    ['chrt -f 10 rm -rf /srv/x', 'rm -rf /srv/x', 'chrt'],
    ['taskset 0x1 rm -rf /srv/x', 'rm -rf /srv/x', 'taskset'],
    // only a setting of another process: nothing is run
    ['taskset -p 0x1 1234', 'taskset -p 0x1 1234', ''],
    ['ionice -p 1234 -c3', 'ionice -p 1234 -c3', ''],
  ])('%s', (script, argv, wrappers) => expect(last(script)).toEqual([argv, wrappers]));
});
