/** Password-less user switchers (src/normalize/privilege-drop.ts): the command they run is read as itself. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a user switcher runs', () => {
  it.each<[string, string]>([
    [`su-exec root sh -c 'echo k >> /root/.ssh/authorized_keys'`, 'su-exec -u root>sh -c|echo k'],
    [
      'gosu postgres:postgres rm -rf /var/lib/postgresql/data',
      'gosu -u postgres|rm -rf /var/lib/postgresql/data',
    ],
    ['setpriv --reuid=0 --regid=0 --init-groups rm -rf /etc/nginx', 'setpriv -u 0|rm -rf /etc/nginx'],
    ['setpriv --reuid 1000 --clear-groups ls /srv', 'setpriv -u 1000|ls /srv'],
    ['chpst -u root -n 5 rm -rf /var/lib/docker', 'chpst -u root|rm -rf /var/lib/docker'],
    ['s6-setuidgid root rm -rf /srv', 's6-setuidgid -u root|rm -rf /srv'],
    ['setuidgid www rm -rf /srv', 'setuidgid -u www|rm -rf /srv'],
    ['s6-applyuidgid -u 0 -g 0 rm -rf /srv', 's6-applyuidgid -u 0|rm -rf /srv'],
    ['ksu root -e /bin/rm -rf /srv', 'ksu -u root|/bin/rm -rf /srv'],
    [`capsh --user=root -- -c 'rm -rf /srv'`, 'capsh -u root>bash -c|rm -rf /srv'],
    // chpst's numeric `:UID[:GID]`
    ['chpst -u :0:0 bash', 'chpst -u 0|bash'],
    ['chpst -u :0 rm -rf /srv', 'chpst -u 0|rm -rf /srv'],
    ['chpst -u :1000:1000 ./run', 'chpst -u 1000|./run'],
    // only sets $UID/$GID: no change of user
    ['envuidgid root bash', 'envuidgid|bash'],
    ['s6-envuidgid -n root rm -rf /srv', 's6-envuidgid|rm -rf /srv'],
    // the shell capsh runs, and capsh run again
    ['capsh --shell=/bin/rm -- -rf /srv', 'capsh|/bin/rm -rf /srv'],
    [`capsh --shell=python3 -- -c 'print(1)'`, 'capsh|python3 -c print(1)'],
    [`capsh == --user=root -- -c 'rm -rf /srv'`, 'capsh -u root>bash -c|rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // no command: nothing runs
    ['gosu --help', '|gosu --help'],
    ['setpriv -d', '|setpriv -d'],
    ['capsh --print', '|capsh --print'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
