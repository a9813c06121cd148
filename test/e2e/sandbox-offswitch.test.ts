/**
 * The off switches of a session without the sandbox, as real processes: an agent relinks
 * the shims to the real programs, or replaces gate.sock with its own server answering ALLOW,
 * then sends the incident's mutation through `bash` on PATH. The mutation never arrives:
 * the client checks the socket's owner (SO_PEERCRED), the exec gate judges the real
 * programs, and the tampering is recorded in the audit log. Control: the same agent
 * without agentfw delivers it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { run, scratch, type Scratch } from '../shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'offswitch-agent.mjs');
let api: FakeApi;
let s: Scratch;
beforeAll(async () => {
  ensureBuilt();
  api = await startFakeApi();
  s = scratch();
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

describe('off switches without the sandbox', () => {
  it('control: without agentfw the agent delivers the mutation', async () => {
    const before = api.mutations().length;
    const r = await run(process.execPath, [AGENT, 'relink', api.url], { env: cliEnv(s), cwd: s.ws });
    expect(r.stdout).toContain('"code":0');
    expect(api.mutations().length).toBe(before + 1);
  });

  it.each(['relink', 'fake-sock'])(
    '%s: the switch is thrown, yet the mutation never arrives',
    async (route) => {
      const before = api.mutations().length;
      const audit = path.join(s.root, `${route}.jsonl`);
      const r = await cli(
        [
          'run',
          '--no-sandbox',
          '--headless',
          '--audit',
          audit,
          '--',
          process.execPath,
          AGENT,
          route,
          api.url,
        ],
        {
          env: cliEnv(s),
          cwd: s.ws,
          timeoutMs: 90_000,
        },
      );
      // Two guards race: the tamper watch refuses every later request, and the integrity
      // watchdog ends the session (the agent is killed, 137, E_GATE_TAMPERED). Either way
      // the switch changes nothing: the mutation never arrives and the audit says why.
      expect(api.mutations().length).toBe(before);
      expect(r.stdout).not.toMatch(/"code":0\}/);
      const log = readFileSync(audit, 'utf8');
      if (r.code === 0) {
        expect(r.stdout).toContain(`"route":"${route}","tampered":"yes"`);
        if (route === 'fake-sock') expect(r.stdout).toContain('not served by the agentfw supervisor');
        expect(log).toContain("the session's gate files were changed");
      } else {
        expect(r.code).toBe(137);
        expect(r.stderr).toContain('E_GATE_TAMPERED');
      }
    },
  );
});
