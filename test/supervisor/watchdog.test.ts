/**
 * The integrity watchdog, as real processes: a real `agentfw run --headless --no-sandbox`
 * whose agent switches the firewall off and then runs a destructive command; the command
 * must not run and the session ends with E_GATE_TAMPERED. Switches: removing the runtime
 * directory (through the rm shim, or directly with a syscall no shim sees), relinking the
 * shims to the real programs, replacing gate.sock with a server answering ALLOW. Control
 * runs (same agent, no agentfw) show each command does its damage.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../../src/supervisor/demo-api.js';
import { auditRecords, cliEnv, ensureBuilt, headless, nodeAgent, writeAgent } from '../e2e/run-helpers.js';
import { run, scratch, testGate, type Scratch } from '../gates/shim/gate-helpers.js';

const AGENT = path.join(import.meta.dirname, 'watchdog-agent.mjs');
const OFFSWITCH = path.join(import.meta.dirname, 'offswitch-agent.mjs');
let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

/** A headless session without the sandbox, audited to the scratch's log. */
const session = (agent: string[], timeoutMs?: number) =>
  headless(s, agent, { sandbox: false, audit: s.audit, timeoutMs });

function setup(): { victim: string; out: string } {
  s = scratch();
  const victim = path.join(s.home, 'victim');
  mkdirSync(victim);
  writeFileSync(path.join(victim, 'data.txt'), 'precious\n');
  return { victim, out: path.join(s.root, 'results.json') };
}

describe('runtime directory removed mid-session', () => {
  it('control: without agentfw the agent destroys the target', () => {
    const { victim, out } = setup();
    const r = spawnSync(process.execPath, [AGENT, 'none', '0', out], {
      env: { ...process.env, HOME: s.home },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(existsSync(victim)).toBe(false);
  });

  it('removing it through the rm shim is refused, and the destructive command too', async () => {
    const { victim, out } = setup();
    const r = await session(nodeAgent(AGENT, 'rm-shim', '0', out));
    const res = JSON.parse(readFileSync(out, 'utf8')) as { name: string; code: number; stderr: string }[];
    expect(res[0]).toMatchObject({ name: 'rm -rf runtime dir', code: 126 });
    expect(res[0].stderr).toContain("agentfw's own session files");
    // Refused by the gate client (126) or by the exec gate before it (no exit status).
    for (const x of res.slice(1)) expect([126, null]).toContain(x.code);
    expect(existsSync(path.join(victim, 'data.txt'))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('removing it directly ends the session before the next command runs', async () => {
    const { victim, out } = setup();
    // The agent waits 3 s after the removal: its next command comes "later", as a real agent's does.
    const r = await session(nodeAgent(AGENT, 'direct', '3000', out));
    expect(r.stderr).toContain('E_GATE_TAMPERED');
    expect(r.stderr).toContain('Fix:');
    expect(r.stdout).not.toContain('agent-done');
    expect(existsSync(path.join(victim, 'data.txt'))).toBe(true);
    expect(existsSync(out)).toBe(false);
    const recs = auditRecords(s.audit);
    // After the start record, the session's end record; an exec-gate refusal of the agent's
    // next exec may be recorded after it.
    expect(recs[0]).toMatchObject({ layer: 'session', decision: 'allow' });
    const ended = recs.slice(1).find((x) => x.layer === 'session');
    expect(ended).toMatchObject({ layer: 'session', decision: 'deny' });
    expect(ended?.reason).toContain('was deleted');
    expect(recs.slice(recs.indexOf(ended!)).every((x) => x.decision === 'deny')).toBe(true);
    expect(r.code).not.toBe(0);
  });

  it('removing it directly and running bash from PATH at once meets the guard shims, not the real bash', async () => {
    const { victim, out } = setup();
    const r = await session(nodeAgent(AGENT, 'direct-path', '0', out));
    expect(existsSync(path.join(victim, 'data.txt'))).toBe(true);
    expect(r.stderr).toContain('E_GATE_TAMPERED');
    // Whichever came first, the guard's refusal or the kill: the command did not run. (When
    // the session's kill reaches the command before the agent, the agent records its signal.)
    if (existsSync(out)) {
      const res = JSON.parse(readFileSync(out, 'utf8')) as { code: number | null; signal: string | null }[];
      expect(res[0].code === 126 || (res[0].code === null && res[0].signal !== null)).toBe(true);
    }
  });

  it('the shims point at the session copy of the client, not at build/', async () => {
    const { out } = setup();
    const probe = writeAgent(
      s,
      `import {readlinkSync,writeFileSync} from 'node:fs';writeFileSync(${JSON.stringify(out)}, readlinkSync(process.env.AGENTFW_SHIM_DIR + '/rm'));`,
    );
    await session(nodeAgent(probe));
    const target = readFileSync(out, 'utf8');
    expect(target).toMatch(/\/bin\/\.client\/agentfw-shim$/);
    expect(target).not.toContain(`${path.sep}build${path.sep}`);
    expect(readdirSync(path.join(s.root, 'rt'))).toEqual([]); // removed at the end
  });
});

describe('off switches without the sandbox', () => {
  let api: FakeApi;
  beforeAll(async () => {
    api = await startFakeApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('control: without agentfw the agent delivers the mutation', async () => {
    s = scratch();
    const before = api.mutations().length;
    const r = await run(process.execPath, [OFFSWITCH, 'relink', api.url], { env: cliEnv(s), cwd: s.ws });
    expect(r.stdout).toContain('"code":0');
    expect(api.mutations().length).toBe(before + 1);
  });

  it.each([
    ['relink', /^session ended: the (curl|bash) shim \(.*\) (was deleted|was replaced|points elsewhere)/],
    ['fake-sock', /^session ended: the gate socket \(.*\) (was deleted|was replaced)/],
  ])('%s: the switch is thrown, the session ends and the mutation never arrives', async (route, why) => {
    s = scratch();
    const before = api.mutations().length;
    const r = await session(nodeAgent(OFFSWITCH, route, api.url), 90_000);
    expect(api.mutations().length).toBe(before);
    expect(r.stdout).not.toMatch(/"code":0\}/);
    expect(r.code).toBe(137);
    expect(r.stderr).toContain('E_GATE_TAMPERED');
    const recs = auditRecords(s.audit);
    expect(recs[0]).toMatchObject({ layer: 'session', decision: 'allow' });
    const ended = recs.slice(1).find((x) => x.layer === 'session');
    expect(ended).toMatchObject({ decision: 'deny' });
    expect(ended?.reason).toMatch(why);
  });

  it('a switch thrown just before the agent exits still ends the session as tampered', async () => {
    s = scratch();
    // Removes a shim link and exits at once: its file-system event may come after the exit.
    const agent = path.join(s.root, 'quick-offswitch.mjs');
    writeFileSync(
      agent,
      "import { rmSync } from 'node:fs'; rmSync(process.env.AGENTFW_SHIM_DIR + '/curl', { force: true }); process.exit(0);\n",
    );
    for (let i = 0; i < 3; i++) {
      const r = await session(nodeAgent(agent), 60_000);
      expect(r.stderr).toContain('E_GATE_TAMPERED');
      expect(r.code).toBe(137);
    }
  });

  it('a gate.sock served by another process is refused by the gate client itself', async () => {
    s = scratch();
    const gate = await testGate(s);
    // As `agentfw run --no-sandbox` sets it: the pid that must serve gate.sock.
    const env = { ...gate.agentEnv, AGENTFW_SUPERVISOR_PID: String(process.pid) };
    const unchecked = { ...gate.agentEnv, AGENTFW_SUPERVISOR_PID: '' };
    const rmMarker = ['-c', `rm -f '${s.marker}'`];
    // Control: the real supervisor passes the check.
    const ok = await run('bash', ['-c', 'echo client-ok'], { env, cwd: s.ws });
    expect(ok).toMatchObject({ code: 0, stdout: 'client-ok\n' });
    const fake = spawn(
      process.execPath,
      [
        '-e',
        `const net=require('node:net');const p=process.argv[1];require('node:fs').rmSync(p,{force:true});` +
          `net.createServer((c)=>c.on('data',()=>c.end('ALLOW\\nEND\\n'))).listen(p,()=>console.log('up'));`,
        gate.runtime.socket,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve, reject) => {
        fake.stdout.once('data', resolve);
        fake.once('exit', reject);
      });
      const r = await run('bash', rmMarker, { env, cwd: s.ws });
      expect(r.code).toBe(126);
      expect(r.stderr).toContain('not served by the agentfw supervisor');
      expect(existsSync(s.marker)).toBe(true);
      // Control: without the check the fake ALLOW is obeyed and the marker is removed.
      await run('bash', rmMarker, { env: unchecked, cwd: s.ws });
      expect(existsSync(s.marker)).toBe(false);
    } finally {
      fake.kill('SIGKILL');
      await gate.close();
    }
  });
});
