/**
 * salt and salt-ssh sending commands to their targets (src/normalize/remote-salt.ts): each
 * program's own option table, `cmd=` keyword, salt-ssh's raw shell, scripts not written here.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { readSaltLine } from '../../src/normalize/remote-salt.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map(
    (c) =>
      `${c.wrappers.join('>')}|${c.remote ? 'remote:' : ''}${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('commands salt sends to its targets', () => {
  it.each<[string, string]>([
    // salt-ssh's -i is --ignore-host-keys: no value, the target follows
    [
      "salt-ssh -i 'db-prod-*' cmd.run 'rm -rf /var/lib/postgresql/16/main'",
      'salt-ssh db-prod-*|remote:rm -rf /var/lib/postgresql/16/main',
    ],
    [
      "salt-ssh --ignore-host-keys 'web*' cmd.shell 'rm -rf /srv/app'",
      'salt-ssh web*|remote:rm -rf /srv/app',
    ],
    ["salt-ssh --priv /k/id 'db*' cmd.run 'dropdb app'", 'salt-ssh db*|remote:dropdb app'],
    // raw shell: the words after the target are the command
    ["salt-ssh 'db*' -r 'rm -rf /var/lib/mysql'", 'salt-ssh db*|remote:rm -rf /var/lib/mysql'],
    [
      "salt-ssh --raw-shell -i 'db*' 'dd if=/dev/zero of=/dev/sda'",
      'salt-ssh db*|remote:dd if=/dev/zero of=/dev/sda',
    ],
    // the command as a keyword argument; target-type flags take no value
    ["salt -L db1,db2 cmd.run cmd='rm -rf /var/lib/pg'", 'salt db1,db2|remote:rm -rf /var/lib/pg'],
    ["salt -b 10% -G 'role:db' cmd.run_all 'shutdown -h now'", 'salt role:db|remote:shutdown -h now'],
    // fail closed: a script whose text is on the master, a function list with a shell function
    ["salt '*' cmd.script salt://scripts/wipe.sh", 'salt *|remote:dynamic:salt * cmd.script'],
    ["salt '*' cmd.exec_code python 'import shutil'", 'salt *|remote:dynamic:salt * cmd.exec_code'],
    ["salt '*' cmd.run,test.ping 'rm -rf /srv',''", 'salt *|remote:dynamic:salt * cmd.run,test.ping'],
    ['salt \'*\' cmd.run "$CMD"', 'salt *|remote:dynamic:$CMD'],
    // the other shell functions: retcode, powershell_all, run_chroot's command after the root
    ["salt '*' cmd.retcode 'rm -rf /srv'", 'salt *|remote:rm -rf /srv'],
    ["salt-ssh 'db*' cmd.retcode cmd='rm -rf /var/lib/mysql'", 'salt-ssh db*|remote:rm -rf /var/lib/mysql'],
    ["salt '*' cmd.run_chroot /mnt 'rm -rf /srv'", 'salt *|remote:rm -rf /srv'],
    ["salt 'w*' cmd.powershell_all 'rm -rf /srv'", 'salt w*|remote:rm -rf /srv'],
    // fail closed: a cmd.* function not known here
    ["salt '*' cmd.run_newer 'ls'", 'salt *|remote:dynamic:salt * cmd.run_newer'],
    // test=True: execution functions ignore it, they run
    ["salt '*' cmd.run 'rm -rf /srv' test=True", 'salt *|remote:rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // not shell functions, dry runs: the salt command stays itself (cloud-apply.ts reads removals)
    ["salt-ssh -i 'db-prod-*' test.ping", ['|salt-ssh -i db-prod-* test.ping']],
    ["salt '*' grains.items", ['|salt * grains.items']],
    ["salt '*' state.apply test=True", ['|salt * state.apply test=True']],
    ["salt '*' cmd.which rsync", ['|salt * cmd.which rsync']],
    ["salt '*' cmd.shells", ['|salt * cmd.shells']],
    ["salt-ssh -i 'db*' file.remove /srv/data", ['|salt-ssh -i db* file.remove /srv/data']],
    ["salt-ssh 'db*' -r 'df -h'", ['salt-ssh db*|remote:df -h']],
    ["salt-ssh -i 'db*' cmd.run uptime", ['salt-ssh db*|remote:uptime']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('salt option tables', () => {
  const words = (line: string) => line.split(' ').map((text) => ({ text, dynamic: false }));
  it.each<[string, string, boolean]>([
    ['salt-ssh -i db* cmd.run x', 'db* cmd.run x', false],
    ['salt-ssh --roster-file r --user u db* -r ls', 'db* ls', true],
    ['salt -t 30 -a pam --subset 2 web* pkg.remove nginx', 'web* pkg.remove nginx', false],
    ['salt -E db-.* -- test.ping', 'db-.* test.ping', false],
  ])('%s', (line, pos, raw) => {
    const r = readSaltLine(words(line));
    expect([r.pos.map((f) => f.text).join(' '), r.raw]).toEqual([pos, raw]);
  });
});
