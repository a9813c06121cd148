/**
 * The incident replay: the scripted agent finds the token and runs `curl … volumeDelete`
 * against a loopback GraphQL API. Without agentfw the API receives the mutation (the
 * control run proves the agent really would delete); under agentfw it receives none.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { createDemoWorkspace, type DemoWorkspace } from '../../src/supervisor/demo-agent.js';
import { scratch, testGate, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

function runAgent(
  demo: DemoWorkspace,
  api: FakeApi,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [demo.agent, api.url, demo.volumeId], {
      cwd: demo.ws,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe('incident replay', () => {
  let api: FakeApi;
  let demo: DemoWorkspace;
  let s: Scratch;
  beforeAll(async () => {
    ensureBuilt();
    s = scratch();
  });
  afterAll(() => s?.cleanup());

  it('control: without agentfw the agent deletes the volume', async () => {
    api = await startFakeApi();
    demo = createDemoWorkspace();
    try {
      const r = await runAgent(demo, api, { ...process.env, SHELL: '/bin/bash' });
      expect(r.code).toBe(0);
      expect(api.mutations().map((m) => m.fields)).toEqual([['volumeDelete']]);
    } finally {
      await api.close();
      rmSync(demo.root, { recursive: true, force: true });
    }
  });

  it('under agentfw the API receives no mutation and the agent is told why', async () => {
    api = await startFakeApi();
    demo = createDemoWorkspace();
    const gate = await testGate({ ...s, ws: demo.ws });
    try {
      const r = await runAgent(demo, api, gate.agentEnv);
      expect(r.code).toBe(3); // the agent's curl step exited 126
      expect(r.out).toContain('(exit 126)');
      expect(r.out).toContain('graphql/destructive-mutation');
      expect(r.out).toContain('Do not retry or work around this; ask the user.');
      expect(api.received.filter((x) => x.operation === 'mutation')).toEqual([]);
    } finally {
      await gate.close();
      await api.close();
      rmSync(demo.root, { recursive: true, force: true });
    }
  });

  it('`agentfw demo` exits 0 and reports the rule and zero mutations', async () => {
    const r = await cli(['demo'], { env: cliEnv(s), cwd: s.ws });
    expect(r.stdout).toContain('graphql/destructive-mutation');
    expect(r.stdout).toContain('The API received 0 mutation(s), 0 destructive.');
    expect(r.code).toBe(0);
  });
});
