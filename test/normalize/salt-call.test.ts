/**
 * salt-call's local execution functions (src/normalize/salt-call.ts): read as the local
 * command they amount to.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('salt-call on this machine', () => {
  it.each<[string, string]>([
    ['sudo salt-call --local file.remove /var/www', 'sudo>salt-call file.remove|rm -rf -- /var/www'],
    ['salt-call file.rmdir path=/srv/app', 'salt-call file.rmdir|rm -rf -- /srv/app'],
    [
      'salt-call --local state.single file.absent name=/etc/nginx',
      'salt-call state.single|rm -rf -- /etc/nginx',
    ],
    ["salt-call --local cmd.run 'rm -rf /srv'", 'salt-call cmd.run|rm -rf /srv'],
    ['salt-call -l quiet cmd.shell "git push --force"', 'salt-call cmd.shell|git push --force'],
    ['salt-call file.rename /etc/a /etc/b', 'salt-call file.rename|mv /etc/a /etc/b'],
    // fail closed: a command not known statically
    ['salt-call cmd.run "$CMD"', 'salt-call cmd.run|dynamic:$CMD'],
    ["salt-call cmd.retcode 'rm -rf /srv'", 'salt-call cmd.retcode|rm -rf /srv'],
    ['salt-call cmd.script salt://wipe.sh', 'salt-call cmd.script|dynamic:salt-call cmd.script'],
    // test=True: execution functions ignore it
    ['salt-call --local file.remove /var/www test=True', 'salt-call file.remove|rm -rf -- /var/www'],
    ["salt-call cmd.run 'rm -rf /srv' test=True", 'salt-call cmd.run|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // dry runs and functions with no local equivalent read here stay themselves
    [
      'salt-call state.single file.absent name=/srv test=True',
      ['|salt-call state.single file.absent name=/srv test=True'],
    ],
    ['salt-call --local test.ping', ['|salt-call --local test.ping']],
    ['salt-call --local grains.items', ['|salt-call --local grains.items']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
