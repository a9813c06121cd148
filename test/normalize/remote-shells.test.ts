/**
 * More fleet tools that send one shell command to many hosts (src/normalize/remote-shells.ts):
 * the command is walked as a remote one, like ssh's.
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

describe('fleet shells carry a remote command', () => {
  it.each<[string, Expect[]]>([
    [
      "bw run prod-db01 'systemctl stop postgresql && rm -rf /var/lib/postgresql/15/main'",
      [
        { program: 'systemctl', remote: true, wrappers: ['bw run prod-db01'] },
        { program: 'rm', argv: ['rm', '-rf', '/var/lib/postgresql/15/main'], remote: true },
      ],
    ],
    [
      "bw -a run -p 4 group:web 'rm -rf /srv/www'",
      [{ program: 'rm', remote: true, wrappers: ['bw run group:web'] }],
    ],
    [
      "mussh -h web1 web2 -c 'rm -rf /var/lib/mysql'",
      [{ program: 'rm', argv: ['rm', '-rf', '/var/lib/mysql'], remote: true, wrappers: ['mussh web1'] }],
    ],
    ["mussh -H hosts.txt -c 'dropdb orders'", [{ program: 'dropdb', remote: true }]],
    ['dsh -a -c -- rm -rf /var/lib/mysql', [{ program: 'rm', remote: true, wrappers: ['dsh'] }]],
    ["dsh -g web -M -- 'rm -rf /srv/www'", [{ program: 'rm', remote: true, wrappers: ['dsh web'] }]],
    [
      "tsh ssh root@db1 'rm -rf /var/lib/mysql'",
      [{ program: 'rm', remote: true, wrappers: ['tsh ssh root@db1'] }],
    ],
    ['tsh --proxy tele.acme.io ssh -l root db1 rm -rf /srv', [{ program: 'rm', remote: true }]],
    ['juju exec --all -- rm -rf /var/lib/mysql', [{ program: 'rm', remote: true, wrappers: ['juju exec'] }]],
    ["juju run --unit mysql/0 'rm -rf /var/lib/mysql'", [{ program: 'rm', remote: true }]],
    ["juju ssh mysql/0 'sudo rm -rf /var/lib/mysql'", [{ program: 'rm', remote: true }]],
    [
      "mco shell run -C webserver 'rm -rf /srv/www'",
      [{ program: 'rm', remote: true, wrappers: ['mco shell run'] }],
    ],
  ])('%s', (script, expected) => check(script, expected));
});

describe('their other commands stay local', () => {
  it.each<[string, Expect[]]>([
    ['bw apply prod-db01', [{ program: 'bw', remote: false }]],
    ['bw run prod-db01', [{ program: 'bw', remote: false }]],
    ['mussh -h web1 web2', [{ program: 'mussh', remote: false }]],
    ['tsh ssh root@db1', [{ program: 'tsh', remote: false }]],
    ['tsh ls', [{ program: 'tsh', remote: false }]],
    ['juju deploy mysql', [{ program: 'juju', remote: false }]],
    // Juju 3: a charm's action, not a shell command
    ['juju run mysql/0 backup', [{ program: 'juju', remote: false }]],
    ['mco ping', [{ program: 'mco', remote: false }]],
  ])('%s', (script, expected) => check(script, expected));
});
