import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { openedListeners } from '../../src/extract/exposure-listeners.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext(WS, { home: '/home/u' });
const opened = (line: string) =>
  openedListeners(
    command(shellParse(line, { HOME: '/home/u' }).map((t) => (typeof t === 'string' ? t : ''))),
    ctx,
  ).map(([kind, said]) => `${kind}: ${said}`);

const exposure = await packVerdict('exposure');

describe('a router port, a data store or the home folder opened to anyone', () => {
  it.each<[string, string[]]>([
    ["upnpc -e 'dev ssh' -r 22 TCP", ['router: upnpc maps port 22 on the router']],
    ['upnpc -r 3000 TCP 5432 TCP', ['router: upnpc maps port 3000, 5432 on the router']],
    ['upnpc -a 192.168.1.20 5432 15432 TCP', ['router: upnpc maps port 5432, 15432 on the router']],
    ['upnpc -a 192.168.1.10 3306 3306 TCP', ['router: upnpc maps port 3306 on the router']],
    ['natpmpc -a 2222 22 tcp 3600', ['router: natpmpc maps port 2222, 22 on the router']],
    [
      'redis-server --protected-mode no --bind 0.0.0.0 --port 6379',
      ['datastore: redis-server --protected-mode no --bind 0.0.0.0'],
    ],
    ['valkey-server --protected-mode no', ['datastore: valkey-server --protected-mode no']],
    [
      'redis-cli -h cache CONFIG SET protected-mode no',
      ['datastore: redis-cli CONFIG SET protected-mode no'],
    ],
    ['mongod --dbpath /data/db --bind_ip_all', ['datastore: mongod --bind_ip_all without --auth']],
    ['mongod --bind_ip 0.0.0.0', ['datastore: mongod --bind_ip 0.0.0.0 without --auth']],
    ['memcached -u nobody -l 0.0.0.0 -p 11211', ['datastore: memcached -l 0.0.0.0']],
    ['dockerd -H tcp://0.0.0.0:2375', ['daemon: dockerd -H tcp://0.0.0.0:2375 without --tlsverify']],
    [
      'podman system service --time=0 tcp:0.0.0.0:8888',
      ["daemon: podman system service tcp:0.0.0.0:8888: the container engine's API without a login"],
    ],
    [
      'buildkitd --addr tcp://0.0.0.0:1234',
      ['daemon: buildkitd --addr tcp://0.0.0.0:1234 without --tlscacert'],
    ],
    [
      'etcd --listen-client-urls http://0.0.0.0:2379 --advertise-client-urls http://10.0.0.5:2379',
      ['datastore: etcd --listen-client-urls http://0.0.0.0:2379'],
    ],
    [
      `winrm set winrm/config/service '@{AllowUnencrypted="true"}'`,
      ['daemon: WinRM service @{AllowUnencrypted="true"}: credentials in clear text'],
    ],
    [
      `winrm set winrm/config/service/auth '@{Basic="true"}'`,
      ['daemon: WinRM service @{Basic="true"}: credentials in clear text'],
    ],
    ['onionshare-cli --public ~/', ['files: onionshare-cli shares /home/u over Tor']],
    ['onionshare-cli --website /', ['files: onionshare-cli shares / over Tor']],
    ['onionshare-cli ~/.ssh', ['files: onionshare-cli shares ~/.ssh over Tor']],
    // a web port, listing and deleting, loopback, authentication, a workspace folder
    ['upnpc -l', []],
    ['upnpc -s', []],
    ['upnpc -d 22 TCP', []],
    ['upnpc -r 443 TCP', []],
    ['redis-server --port 6380', []],
    ['redis-server --protected-mode no --bind 127.0.0.1 -::1', []],
    ['redis-server --protected-mode no --requirepass s3cr3t-example', []],
    ['redis-cli CONFIG GET protected-mode', []],
    ['mongod --dbpath ./data', []],
    ['mongod --bind_ip_all --auth', []],
    ['mongod --bind_ip localhost', []],
    ['memcached -d', []],
    ['memcached -l 127.0.0.1', []],
    ['dockerd -H unix:///var/run/docker.sock', []],
    ['podman system service --time=0 unix:///run/user/1000/podman/podman.sock', []],
    ['podman system service --time=0 tcp:127.0.0.1:8888', []],
    ['podman system service --time=0', []],
    ['buildkitd --addr tcp://0.0.0.0:1234 --tlscacert ca.pem --tlscert c.pem --tlskey k.pem', []],
    ['dockerd -H tcp://0.0.0.0:2376 --tlsverify --tlscacert ca.pem', []],
    ['etcd --listen-client-urls https://0.0.0.0:2379', []],
    ['onionshare-cli --public ./dist', []],
    ['winrm get winrm/config/service', []],
    [`winrm set winrm/config/client '@{TrustedHosts="10.0.0.5"}'`, []],
    [`winrm set winrm/config/service '@{AllowUnencrypted="false"}'`, []],
    ['onionshare-cli --receive --data-dir ~/Downloads', []],
  ])('%s → %o', (line, want) => expect(opened(line)).toEqual(want));
});

describe('an opened service asks', () => {
  it.each([
    ["upnpc -e 'dev ssh' -r 22 TCP", 'ask exposure/make-public'],
    ['onionshare-cli --public ~/', 'ask exposure/make-public'],
    ['redis-server --protected-mode no --bind 0.0.0.0 --port 6379', 'ask exposure/make-public'],
    ['upnpc -l', 'allow'],
    ['redis-server --port 6380', 'allow'],
  ])('%s → %s', (script, expected) => expect(exposure(script)).toBe(expected));
});
