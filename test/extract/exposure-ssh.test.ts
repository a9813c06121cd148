/**
 * SSH forwards that let others through the connection (src/extract/exposure-ssh.ts), from
 * the words and end to end with the exposure pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { sshExposures } from '../../src/extract/exposure-ssh.js';
import { command, packVerdict } from '../helpers/command.js';

const found = (line: string) =>
  sshExposures(command(shellParse(line).map((t) => (typeof t === 'string' ? t : '')))).map(
    ([kind, said]) => `${kind}: ${said.replace(/:\s.*$/, '')}`,
  );

describe('what the words say', () => {
  it.each<[string, string[]]>([
    // remote forwards: a public tunnel host, a bind beyond loopback, a service port
    ['ssh -R 80:localhost:6379 serveo.net', ['tunnel: ssh -R 80:localhost:6379 serveo.net']],
    ['ssh -R80:localhost:3000 nokey@localhost.run', ['tunnel: ssh -R 80:localhost:3000 localhost.run']],
    ['ssh -N -R 0.0.0.0:8080:localhost:8080 bastion', ['tunnel: ssh -R 0.0.0.0:8080:localhost:8080 bastion']],
    [
      'autossh -M 0 -R 2222:localhost:22 relay.example.net',
      ['tunnel: ssh -R 2222:localhost:22 relay.example.net'],
    ],
    [
      'ssh -R acme-jenkins:80:localhost:8080 tuns.sh',
      ['tunnel: ssh -R acme-jenkins:80:localhost:8080 tuns.sh'],
    ],
    ['ssh -R 0.0.0.0:1080 ops@vps', ['tunnel: ssh -R 0.0.0.0:1080 vps']],
    ['ssh -o RemoteForward="*:9000 localhost:9000" vps', ['tunnel: ssh -R *:9000:localhost:9000 vps']],
    // local and dynamic forwards bound beyond loopback, or every address through GatewayPorts
    ['ssh -f -N -D 0.0.0.0:1080 ops@bastion', ['tunnel: ssh -D 0.0.0.0:1080 bastion']],
    ['ssh -D :1080 bastion', ['tunnel: ssh -D :1080 bastion']],
    ['ssh -D0.0.0.0:1080 bastion uptime', ['tunnel: ssh -D 0.0.0.0:1080 bastion']],
    ['ssh -NfgD 1080 bastion', ['tunnel: ssh -D 1080 with GatewayPorts bastion']],
    ['ssh -g -L 5432:db:5432 bastion', ['tunnel: ssh -L 5432:db:5432 with GatewayPorts bastion']],
    [
      'ssh -o GatewayPorts=yes -L 6379:cache:6379 jump',
      ['tunnel: ssh -L 6379:cache:6379 with GatewayPorts jump'],
    ],
    ['ssh -oGatewayPorts=yes -D 1080 jump', ['tunnel: ssh -D 1080 with GatewayPorts jump']],
    ['ssh -L 0.0.0.0:8443:api:6443 jump', ['tunnel: ssh -L 0.0.0.0:8443:api:6443 jump']],
    ['ssh -L [::]:9200:search:9200 jump', ['tunnel: ssh -L [::]:9200:search:9200 jump']],
    ['ssh -L 10.0.0.7:8080:web:80 jump', ['tunnel: ssh -L 10.0.0.7:8080:web:80 jump']],
    ["ssh -o 'DynamicForward 0.0.0.0:1080' jump", ['tunnel: ssh -D 0.0.0.0:1080 jump']],
    ['ssh -o LocalForward="0.0.0.0:8080 web:80" jump', ['tunnel: ssh -L 0.0.0.0:8080:web:80 jump']],
    // loopback, no bind, sockets, GatewayPorts off, no forward at all
    ['ssh -R 8080:localhost:3000 build.acme.internal', []],
    ['ssh -R 52698:localhost:52698 devbox', []],
    ['ssh -R 1080 vps', []],
    ['ssh -L 5432:db.internal:5432 bastion', []],
    ['ssh -L 127.0.0.1:5432:db:5432 bastion', []],
    ['ssh -L localhost:8080:/run/app.sock bastion', []],
    ['ssh -L /tmp/pg.sock:db:5432 bastion', []],
    ['ssh -D 1080 bastion', []],
    ['ssh -D localhost:1080 bastion', []],
    ['ssh -D [::1]:1080 bastion', []],
    ['ssh -o GatewayPorts=no -L 8080:web:80 jump', []],
    ['ssh -p 29418 admin@review.acme.io gerrit ls-projects', []],
    ['ssh -i ~/.ssh/id -l ops bastion -- ls -D 0.0.0.0:1', []],
    ['scp -P 2222 a.txt host:/tmp/', []],
  ])('%s → %o', (line, want) => expect(found(line)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('a forward open to others asks', () => {
  it.each([
    'ssh -f -N -D 0.0.0.0:1080 ops@bastion.prod.acme.io',
    "autossh -M 0 -f -N -D '*:9050' jump@gw.example.net",
    'ssh -NfgD 1080 admin@bastion.acme.io',
    'ssh -g -L 5432:db.internal:5432 deploy@bastion.acme.io',
    'ssh -o GatewayPorts=yes -N -L 6379:cache.internal:6379 ops@jump.acme.io',
    "timeout 3600 ssh -o 'DynamicForward 0.0.0.0:1080' ops@bastion.acme.io",
    "sudo -u ops ssh -fN -L '[::]:9200:search.internal:9200' jump.acme.io",
    'ssh ops@bastion.acme.io ssh -N -D 0.0.0.0:1080 inner.acme.internal',
    "printf 'ssh -fN -D 0.0.0.0:1080 ops@bastion.acme.io\\n' > socks.sh && bash socks.sh",
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('a forward for this machine alone stays allowed', () => {
  it.each([
    'ssh -D 1080 -N -f ops@bastion.acme.io',
    'ssh -N -D localhost:1080 ops@bastion.acme.io',
    'ssh -N -L 127.0.0.1:5432:db.internal:5432 ops@bastion.acme.io',
    'ssh -L 8080:web.internal:80 -o GatewayPorts=no ops@jump.acme.io',
    'ssh -N -R 8080:localhost:3000 ops@dev-vm.acme.io',
    'ssh ops@bastion.acme.io uptime',
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});
