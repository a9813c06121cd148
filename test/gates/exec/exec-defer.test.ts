import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readExecEnv, selfGatingArgv, selfGatingEnv } from '../../../src/gates/exec/exec-defer.js';

describe('a bash whose options leave BASH_ENV in charge', () => {
  it.each([
    [['/bin/bash', '-c', 'echo hi'], true],
    [['/bin/bash', '-lc', 'echo hi'], true],
    [['bash', '-e', '-c', 'x', 'arg0'], true],
    [['bash', '--noprofile', '--norc', '-c', 'x'], true],
    [['sh', '-c', 'x'], false],
    [['-sh', '-c', 'x'], false],
    [['bash', 'script.sh'], false],
    [['bash', '-i', '-c', 'x'], false],
    [['bash', '-x', '-c', 'x'], false],
    [['bash', '-p', '-c', 'x'], false],
    [['bash', '--posix', '-c', 'x'], false],
    [['bash', '-o', 'posix', '-c', 'x'], false],
    [['bash', '+B', '-c', 'x'], false],
    [['bash', '--rcfile', 'f', '-c', 'x'], false],
    [['bash', '-c'], false],
    [['bash', '-c', '--', 'x'], false],
    [[], false],
  ])('%j → %s', (argv, ok) => {
    expect(selfGatingArgv(argv)).toBe(ok);
  });
});

const S = {
  gateScript: '/run/agentfw/s1/gate.bash',
  client: '/opt/agentfw/build/agentfw-shim',
  socket: '/run/agentfw/s1/gate.sock',
};
const GOOD = [
  'PATH=/usr/bin',
  `BASH_ENV=${S.gateScript}`,
  `AGENTFW_CLIENT=${S.client}`,
  `AGENTFW_SOCK=${S.socket}`,
  'SHLVL=1',
];

describe('an environment that makes bash source the session gate', () => {
  it.each([
    ['the session environment', GOOD, true],
    ['no BASH_ENV', GOOD.filter((e) => !e.startsWith('BASH_ENV=')), false],
    ['another BASH_ENV', [...GOOD.slice(0, 1), 'BASH_ENV=/tmp/x', ...GOOD.slice(2)], false],
    [
      'another client',
      GOOD.map((e) => (e.startsWith('AGENTFW_CLIENT=') ? 'AGENTFW_CLIENT=/bin/true' : e)),
      false,
    ],
    ['another socket', GOOD.map((e) => (e.startsWith('AGENTFW_SOCK=') ? 'AGENTFW_SOCK=/tmp/s' : e)), false],
    ['SHLVL unset', GOOD.filter((e) => !e.startsWith('SHLVL=')), false],
    ['SHLVL=0', GOOD.map((e) => (e.startsWith('SHLVL=') ? 'SHLVL=0' : e)), false],
    ['an exported function', [...GOOD, 'BASH_FUNC_exit%%=() { :; }'], false],
    ['AGENTFW_GATED_PID', [...GOOD, 'AGENTFW_GATED_PID=7'], false],
    ['AGENTFW_GATE_MODE', [...GOOD, 'AGENTFW_GATE_MODE=lines'], false],
    ['POSIXLY_CORRECT', [...GOOD, 'POSIXLY_CORRECT=1'], false],
    ['SHELLOPTS', [...GOOD, 'SHELLOPTS=xtrace'], false],
    ['BASHOPTS', [...GOOD, 'BASHOPTS=extdebug'], false],
    ['IFS', [...GOOD, 'IFS=/'], false],
    ['BASH_ENV twice', [...GOOD, 'BASH_ENV=/tmp/x'], false],
    ['empty', [], false],
  ])('%s → %s', (_what, env, ok) => {
    expect(selfGatingEnv(env, S)).toBe(ok);
  });
});

describe('reading the environment of a process blocked in a syscall', () => {
  it('is undefined for a process that is not in execve (fail closed)', async () => {
    const child = spawn('/bin/sleep', ['5'], { env: { MARK: 'x' }, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    try {
      expect(readExecEnv(child.pid!)).toBeUndefined();
    } finally {
      child.kill();
    }
  });

  it.each([0, -1, 2 ** 31])('pid %s → undefined', (pid) => {
    expect(readExecEnv(pid)).toBeUndefined();
  });
});
