/** Ad-hoc fleet commands (src/normalize/remote-adhoc.ts): ansible, ansible-runner and ansible-console. */
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
    // attached short options, a module or subcommand named by a variable (read as shell, run)
    [`ansible-runner run . --hosts all -mshell -a "rm -rf /srv"`, 'remote:ansible-runner all|rm -rf /srv'],
    [`ansible-runner run . --hosts all -m shell -a"rm -rf /srv"`, 'remote:ansible-runner all|rm -rf /srv'],
    [`ansible-runner run . --hosts all -m $M -a "rm -rf /srv"`, 'remote:ansible-runner all|rm -rf /srv'],
    [`ansible-runner $V . --hosts all -m shell -a "rm -rf /srv"`, 'remote:ansible-runner all|rm -rf /srv'],
    [`ansible all -m $M -a "rm -rf /srv"`, 'remote:ansible all|rm -rf /srv'],
    [`ansible all -mshell -a"rm -rf /srv"`, 'remote:ansible all|rm -rf /srv'],
    [`ansible all --module-name=raw --args='rm -rf /srv'`, 'remote:ansible all|rm -rf /srv'],
    // another module: the ansible line it amounts to, for the readers of its state
    [
      `ansible-runner run . --hosts web -m file -a "path=/etc state=absent"`,
      'ansible-runner|ansible web -m file -a path=/etc state=absent',
    ],
    [`ansible all -m $M -a "path=/etc state=absent"`, 'dynamic:|ansible all -m $M -a path=/etc state=absent'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // a playbook, a module that is not a command, no input
    ['ansible-runner run /tmp/ar -p site.yml', '|ansible-runner run /tmp/ar -p site.yml'],
    [`ansible-runner run /tmp/ar --hosts all -m ping`, '|ansible-runner run /tmp/ar --hosts all -m ping'],
    ['ansible-console web', '|ansible-console web'],
    [`ansible all -m ping`, '|ansible all -m ping'],
    [`ansible all -m copy -a 'src=a dest=/tmp/a'`, '|ansible all -m copy -a src=a dest=/tmp/a'],
    [
      `ansible-runner stop . --hosts all -m shell -a 'rm -rf /srv'`,
      '|ansible-runner stop . --hosts all -m shell -a rm -rf /srv',
    ],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
