import { describe, expect, it } from 'vitest';
import { dumpedMemory } from '../../src/extract/credential-memory.js';
import { packVerdict } from '../helpers/command.js';

const secrets = await packVerdict('secrets');

describe('the memory of a secret-holding process dumped or attached to', () => {
  it.each<[string[], string]>([
    [['gcore', '-o', '/tmp/agent', '$(pgrep -n ssh-agent)'], 'memory of ssh-agent'],
    [['gcore', '$SSH_AGENT_PID'], 'memory of ssh-agent'],
    [['gdb', '-p', '$(pidof gpg-agent)', '-batch', '-ex', 'gcore /tmp/g'], 'memory of gpg-agent'],
    [['gdb', '--pid=`pgrep gnome-keyring-daemon`'], 'memory of gnome-keyring-daemon'],
    [['lldb', '-p', '$(pgrep -x keepassxc)'], 'memory of keepassxc'],
    [['lldb', '-n', 'ssh-agent'], 'memory of ssh-agent'],
    [['procdump', '-ma', 'lsass.exe', 'out.dmp'], 'memory of lsass.exe'],
    [['procdump', '-p', '$(pgrep -n sshd)'], 'memory of sshd'],
    // ordinary debugging: a literal pid, a workspace program, a holder started anew
    [['gcore', '4242'], ''],
    [['gcore', '-o', '/tmp/app', '$(pgrep -f my-app)'], ''],
    [['gdb', '-p', '$(pgrep node)'], ''],
    [['gdb', '/usr/bin/ssh-agent'], ''],
    [['gdb', '-batch', '-ex', 'run', '-ex', 'bt', './app'], ''],
    [['pgrep', '-n', 'ssh-agent'], ''],
    [['strace', '-p', '$(pgrep ssh-agent)'], ''],
  ])('%o → %s', (argv, want) => {
    expect(dumpedMemory(argv[0], argv)).toBe(want);
  });
});

describe('a memory dump of a secret holder asks', () => {
  it.each([
    ['gcore -o /tmp/agent "$(pgrep -n ssh-agent)"', 'ask secrets/credential-store-read'],
    ['sudo gdb -p $(pidof gpg-agent) -batch -ex "gcore /tmp/g"', 'ask secrets/credential-store-read'],
    ['gcore -o /tmp/core $(pgrep -f my-service)', 'allow'],
    ['gdb -batch -ex run -ex bt ./app', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(secrets(script)).toBe(expected);
  });
});
