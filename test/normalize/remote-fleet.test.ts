/**
 * Configuration-management runners that send a shell command to many nodes
 * (src/normalize/remote-fleet.ts): the command is walked as a remote one.
 */
import { describe, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext({}));
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

describe('fleet runners carry a remote command', () => {
  it.each<[string, Expect[]]>([
    [
      "knife ssh 'role:web' 'sudo rm -rf /var/www/*'",
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/www/*'],
          remote: true,
          wrappers: ['knife ssh role:web', 'sudo'],
        },
      ],
    ],
    [
      "knife ssh -x deploy -C 5 'name:db*' 'dropdb production'",
      [{ program: 'dropdb', remote: true, wrappers: ['knife ssh name:db*'] }],
    ],
    // knife joins the words after the query
    [
      "knife ssh role:web 'rm -r' /srv/app",
      [{ program: 'rm', argv: ['rm', '-r', '/srv/app'], remote: true }],
    ],
    // options may follow the command
    ["knife ssh 'role:web' 'uptime' -x ubuntu", [{ program: 'uptime', remote: true }]],
    [
      "bolt command run 'rm -rf /opt/app' --targets web",
      [{ program: 'rm', argv: ['rm', '-rf', '/opt/app'], remote: true, wrappers: ['bolt web'] }],
    ],
    ["bolt command run -t all 'systemctl stop nginx'", [{ program: 'systemctl', remote: true }]],
    [
      'pyinfra inventory.py exec -- rm -rf /var/lib/app',
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/lib/app'],
          remote: true,
          wrappers: ['pyinfra inventory.py'],
        },
      ],
    ],
    [
      "fab -H web1,web2 -- 'sudo rm -rf /srv/www'",
      [{ program: 'rm', argv: ['rm', '-rf', '/srv/www'], remote: true, wrappers: ['fab web1,web2', 'sudo'] }],
    ],
    [
      "colmena exec --on @prod -- 'sudo rm -rf /var/lib/postgresql/15/main'",
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/lib/postgresql/15/main'],
          remote: true,
          wrappers: ['colmena exec @prod', 'sudo'],
        },
      ],
    ],
    ['colmena exec --on db-1 -p 4 systemctl stop postgresql', [{ program: 'systemctl', remote: true }]],
    ['nixops ssh-for-each -d prod -- rm -rf /var/lib/redis', [{ program: 'rm', remote: true }]],
    [
      "st2 run core.remote hosts=db1,db2 cmd='systemctl stop mysqld && rm -rf /var/lib/mysql/*'",
      [
        { program: 'systemctl', remote: true, wrappers: ['st2 core.remote db1,db2'] },
        { program: 'rm', argv: ['rm', '-rf', '/var/lib/mysql/*'], remote: true },
      ],
    ],
    ["st2 run core.remote_sudo hosts=web1 cmd='rm -rf /srv/app'", [{ program: 'rm', remote: true }]],
    ["st2 action execute core.local cmd='dropdb orders'", [{ program: 'dropdb', remote: true }]],
  ])('%s', (script, expected) => check(script, expected));
});

describe('their other commands stay local', () => {
  it.each<[string, Expect[]]>([
    ['knife node list', [{ program: 'knife', remote: false }]],
    ["knife ssh 'role:web' interactive", [{ program: 'knife', remote: false }]],
    ['knife ssh role:web', [{ program: 'knife', remote: false }]],
    ['bolt task run package --targets web action=status name=nginx', [{ program: 'bolt', remote: false }]],
    ['pyinfra inventory.py deploy.py', [{ program: 'pyinfra', remote: false }]],
    ['pyinfra inventory.py exec --dry -- rm -rf /srv', [{ program: 'pyinfra', remote: false }]],
    ['fab -H web1 deploy', [{ program: 'fab', remote: false }]],
    ['colmena apply --on @staging', [{ program: 'colmena', remote: false }]],
    ['nixops deploy -d prod', [{ program: 'nixops', remote: false }]],
    ['st2 action list', [{ program: 'st2', remote: false }]],
    ['st2 run core.http url=https://example.com/health', [{ program: 'st2', remote: false }]],
    ['st2 run core.local', [{ program: 'st2', remote: false }]],
  ])('%s', (script, expected) => check(script, expected));
});
