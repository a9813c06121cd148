/**
 * `ssh [opts] HOST CMD` (src/normalize/remote.ts): CMD is walked as a remote command, and
 * when the connection forwards ports (-R, -L, -D, -w, -o RemoteForward=…) the connection
 * itself stays a local command too, so its tunnel is judged: a remote command only keeps
 * the tunnel open as long as it runs.
 */
import { describe, expect, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext({}));
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

describe('ssh with a remote command', () => {
  it.each<[string, Expect[]]>([
    [
      'ssh -R 80:localhost:5432 serveo.net sleep 3600',
      [
        { program: 'ssh', argv: ['ssh', '-R', '80:localhost:5432', 'serveo.net'] },
        { program: 'sleep', argv: ['sleep', '3600'], remote: true, wrappers: ['ssh serveo.net'] },
      ],
    ],
    [
      'ssh -o RemoteForward="0.0.0.0:5432 localhost:5432" me@bastion uptime',
      [
        { program: 'ssh', argv: ['ssh', '-o', 'RemoteForward=0.0.0.0:5432 localhost:5432', 'me@bastion'] },
        { program: 'uptime', remote: true },
      ],
    ],
    [
      'ssh -N -L 5432:db.internal:5432 me@bastion sleep 60',
      [
        { program: 'ssh', argv: ['ssh', '-N', '-L', '5432:db.internal:5432', 'me@bastion'] },
        { program: 'sleep', remote: true },
      ],
    ],
    [
      'ssh -fNL 5432:db.internal:5432 me@bastion sleep 60',
      [
        { program: 'ssh', argv: ['ssh', '-fNL', '5432:db.internal:5432', 'me@bastion'] },
        { program: 'sleep', remote: true },
      ],
    ],
    [
      'ssh -o remoteforward="8080 localhost:80" me@bastion uptime',
      [{ program: 'ssh' }, { program: 'uptime', remote: true }],
    ],
  ])('%s', (script, expected) => expectCommands(norm(script), expected));

  it.each([
    'ssh -p 2222 -o StrictHostKeyChecking=no me@host ls /var/www',
    // `-l` names the login user: no forward
    'ssh -l deploy host uptime',
    'ssh -i ~/.ssh/id_Lab me@host uptime',
    'ssh me@host uptime',
    'ssh -A me@host id',
  ])('without a forward only the remote command is there: %s', (script) => {
    const r = norm(script);
    expect(r.commands).toHaveLength(1);
    expect(r.commands[0].remote).toBe(true);
    expect(r.commands.some((c) => c.program === 'ssh')).toBe(false);
  });
});

describe('ssh without a remote command: the login shell there runs stdin', () => {
  /** The remote commands read (program and argv), in order. */
  const remote = (script: string) =>
    norm(script)
      .commands.filter((c) => c.remote)
      .map((c) => c.argv.join(' '));
  it.each<[string, string[]]>([
    ["echo 'rm -rf /srv/data' | ssh prod-db", ['rm -rf /srv/data']],
    ['ssh -T deploy@prod-db <<EOF\ncd /srv && rm -rf data\nEOF', ['cd /srv', 'rm -rf data']],
    ["ssh prod-db <<<'systemctl stop app'", ['systemctl stop app']],
    ["printf 'uptime\\n' | ssh -p 2222 prod-db", ['uptime']],
    // no shell reads stdin: -n, -f, -N, -O; stdin /dev/null; no stdin given at all
    ["echo 'rm -rf /srv/data' | ssh -n prod-db", []],
    ["echo 'rm -rf /srv/data' | ssh -f -N -L 5432:localhost:5432 prod-db", []],
    ['ssh prod-db < /dev/null', []],
    ['ssh -T git@github.com', []],
  ])('%j', (script, want) => expect(remote(script)).toEqual(want));
});
