/** Ad-hoc fleet commands (src/normalize/remote-adhoc.ts): ansible-runner, ansible-console and Rex's `-e`. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) =>
      `${c.remote ? 'remote:' : ''}${c.dynamic ? 'dynamic:' : ''}${c.wrappers.join('>')}|${c.argv.join(' ')}`,
  );

describe('what an ad-hoc fleet command runs', () => {
  it.each<[string, string]>([
    [
      `ansible-runner run /tmp/ar --hosts dbservers -m shell -a 'rm -rf /var/lib/postgresql/16/main'`,
      'remote:ansible-runner dbservers|rm -rf /var/lib/postgresql/16/main',
    ],
    [
      `ansible-runner run /tmp/ar --hosts=all --module=ansible.builtin.command --args='rm -rf /srv'`,
      'remote:ansible-runner all|rm -rf /srv',
    ],
    [`echo 'rm -rf /srv' | ansible-console -i hosts web`, 'remote:ansible-console web>| sh|rm -rf /srv'],
    [`rex -H 'db01 db02' -e 'run "rm -rf /var/lib/mysql/*"'`, 'remote:rex db01 db02|rm -rf /var/lib/mysql/*'],
    [`rex -H web01 -e "sudo('rm -rf /etc/nginx')"`, 'remote:rex web01|rm -rf /etc/nginx'],
    [`rex -H web01 -e 'unlink "/etc/hosts"'`, `remote:rex web01|perl -e unlink "/etc/hosts"`],
    // a command string that interpolates a Perl variable: not known statically
    [`rex -H web01 -e 'my $d = shift; run "rm -rf $d"'`, 'remote:dynamic:rex web01|rm -rf $d'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // a playbook, a module that is not a command, no input
    ['ansible-runner run /tmp/ar -p site.yml', '|ansible-runner run /tmp/ar -p site.yml'],
    [`ansible-runner run /tmp/ar --hosts all -m ping`, '|ansible-runner run /tmp/ar --hosts all -m ping'],
    ['ansible-console web', '|ansible-console web'],
    ['rex -H web01 deploy', '|rex -H web01 deploy'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
