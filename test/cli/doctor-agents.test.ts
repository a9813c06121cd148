/**
 * `agentfw doctor` notices an agent started without agentfw: real processes named like an
 * agent, one bare and one with the variables `agentfw run` gives its agent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentOf, unwrappedAgents } from '../../src/cli/doctor-agents.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-doc-'));
const procs: ChildProcess[] = [];
afterAll(() => {
  procs.forEach((p) => p.kill('SIGKILL'));
  rmSync(dir, { recursive: true, force: true });
});

describe('agentOf', () => {
  it.each<[string[], string | undefined]>([
    [['claude', '--resume'], 'claude'],
    [['node', '/usr/lib/node_modules/@x/bin/codex'], 'codex'],
    [['/bin/sh', '/home/u/bin/gemini'], 'gemini'],
    [['vim', 'claude'], undefined],
    [['bash'], undefined],
  ])('%j → %s', (argv, want) => {
    expect(agentOf(argv)).toBe(want);
  });
});

describe('unwrappedAgents', () => {
  it('lists the bare agent process and not the one started by agentfw', async () => {
    const agent = path.join(dir, 'claude');
    writeFileSync(agent, '#!/bin/sh\nsleep 30\n');
    chmodSync(agent, 0o755);
    const bare = spawn(agent, [], { stdio: 'ignore', env: { PATH: process.env.PATH } });
    const wrapped = spawn(agent, [], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH, AGENTFW_CLIENT: '/x/agentfw-shim' },
    });
    procs.push(bare, wrapped);
    await new Promise((r) => setTimeout(r, 300));
    const found = unwrappedAgents().map((u) => u.pid);
    expect(found).toContain(bare.pid);
    expect(found).not.toContain(wrapped.pid);
  });
});
