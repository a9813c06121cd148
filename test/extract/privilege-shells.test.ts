/**
 * Interactive root shells (src/extract/privilege-shells.ts): a shell with no command under a
 * change of user to root, `run0` alone, `machinectl shell|login` on the host.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { rootShell } from '../../src/extract/privilege-shells.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';

const ctx = filesContext({});
const shell = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx)
    .commands.map((c) => rootShell(c))
    .find(Boolean);

describe('interactive root shells', () => {
  it.each<[string, string | undefined]>([
    ['machinectl shell root@.host /bin/bash', 'machinectl shell root@.host /bin/bash'],
    ['machinectl shell root@.host', 'machinectl shell root@.host'],
    ['machinectl shell .host', 'machinectl shell root@.host'],
    ['machinectl shell', 'machinectl shell root@.host'],
    ['machinectl --uid=0 shell .host', 'machinectl shell 0@.host'],
    ['machinectl login', 'machinectl login .host'],
    ['machinectl login .host', 'machinectl login .host'],
    ['sudo -i', 'sudo sh'],
    ['gosu root bash', 'gosu -u root bash'],
    ['su-exec 0:0 sh', 'su-exec -u 0 sh'],
    ['gosu app bash', undefined],
    ['setpriv --clear-groups bash', undefined],
    ['sudo -s', 'sudo sh'],
    ['sudo su -', 'su root sh'],
    ['su', 'su root sh'],
    ['sudo bash', 'sudo bash'],
    ['sudo -E zsh --login', 'sudo zsh --login'],
    ['doas sh', 'doas sh'],
    // sudo's rewrite, doas' shell option, please-rs, gsudo on Windows
    ['sudo-rs -i', 'sudo sh'],
    ['sudo-rs -s', 'sudo sh'],
    ['doas -s', 'doas sh'],
    ['please bash', 'please bash'],
    ['gsudo', 'gsudo sh'],
    ['gsudo --system', 'gsudo sh'],
    ['gsudo --ti', 'gsudo sh'],
    ['pkexec bash -l', 'pkexec bash -l'],
    ['run0', 'run0'],
    // another user, a container, a command, a script, input, another machine
    ['machinectl shell dev@.host', undefined],
    ['machinectl --uid=dev shell', undefined],
    ['machinectl shell root@build', undefined],
    ['machinectl login build', undefined],
    ['machinectl -H admin@host shell', undefined],
    ['machinectl list', undefined],
    ['sudo -u postgres bash', undefined],
    ['sudo su postgres', undefined],
    ['sudo bash ./setup.sh', undefined],
    ["sudo bash -c 'apt-get update'", undefined],
    ['sudo bash -lc make', undefined],
    ["echo 'ls' | sudo bash", undefined],
    ['bash', undefined],
    ['ssh prod sudo -i', undefined],
    ['run0 systemctl restart nginx', undefined],
    ['sudo-rs -u postgres -s', undefined],
    ['sudo-rs apt-get update', undefined],
    ['doas -u postgres -s', undefined],
    ['doas -C /etc/doas.conf', undefined],
    ['please -t postgres bash', undefined],
    ['please -l', undefined],
    ['gsudo config CacheMode Auto', undefined],
    ['gsudo status', undefined],
    ['gsudo -u dev cmd', undefined],
    ['gsudo npm install -g pnpm', undefined],
  ])('%s → %s', (script, expected) => {
    expect(shell(script)).toBe(expected);
  });
});
