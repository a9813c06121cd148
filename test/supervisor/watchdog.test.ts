/**
 * Removing the session's runtime directory must not switch the firewall off: a real
 * `agentfw run --headless` whose agent removes it (through the rm shim, or directly with a
 * syscall no shim sees) and then runs a destructive command. The command must not run.
 * The control run (same agent, no agentfw) shows the command does destroy the target.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../shim/gate-helpers.js';

const AGENT = path.join(import.meta.dirname, 'watchdog-agent.mjs');
let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

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
    const r = await cli(
      [
        'run',
        '--headless',
        '--no-sandbox',
        '--audit',
        s.audit,
        '--',
        process.execPath,
        AGENT,
        'rm-shim',
        '0',
        out,
      ],
      {
        env: cliEnv(s),
        cwd: s.ws,
      },
    );
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
    const r = await cli(
      [
        'run',
        '--headless',
        '--no-sandbox',
        '--audit',
        s.audit,
        '--',
        process.execPath,
        AGENT,
        'direct',
        '3000',
        out,
      ],
      {
        env: cliEnv(s),
        cwd: s.ws,
      },
    );
    expect(r.stderr).toContain('E_GATE_TAMPERED');
    expect(r.stderr).toContain('Fix:');
    expect(r.stdout).not.toContain('agent-done');
    expect(existsSync(path.join(victim, 'data.txt'))).toBe(true);
    expect(existsSync(out)).toBe(false);
    const recs = readFileSync(s.audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    // The session record; an exec-gate refusal of the agent's next exec may be recorded after it.
    const ended = recs.find((x) => x.layer === 'session');
    expect(ended).toMatchObject({ layer: 'session', decision: 'deny' });
    expect(ended?.reason).toContain('was deleted');
    expect(recs.slice(recs.indexOf(ended!)).every((x) => x.decision === 'deny')).toBe(true);
    expect(r.code).not.toBe(0);
  });

  it('removing it directly and running bash from PATH at once meets the guard shims, not the real bash', async () => {
    const { victim, out } = setup();
    const r = await cli(
      [
        'run',
        '--headless',
        '--no-sandbox',
        '--audit',
        s.audit,
        '--',
        process.execPath,
        AGENT,
        'direct-path',
        '0',
        out,
      ],
      { env: cliEnv(s), cwd: s.ws },
    );
    expect(existsSync(path.join(victim, 'data.txt'))).toBe(true);
    expect(r.stderr).toContain('E_GATE_TAMPERED');
    // Whichever came first, the guard's refusal or the kill: the command did not run.
    if (existsSync(out)) {
      const res = JSON.parse(readFileSync(out, 'utf8')) as { code: number; stderr: string }[];
      expect(res[0].code).toBe(126);
    }
  });

  it('the shims point at the session copy of the client, not at build/', async () => {
    const { out } = setup();
    const probe = path.join(s.root, 'probe.mjs');
    writeFileSync(
      probe,
      `import {readlinkSync,writeFileSync} from 'node:fs';writeFileSync(${JSON.stringify(out)}, readlinkSync(process.env.AGENTFW_SHIM_DIR + '/rm'));`,
    );
    await cli(['run', '--headless', '--no-sandbox', '--audit', s.audit, '--', process.execPath, probe], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    const target = readFileSync(out, 'utf8');
    expect(target).toMatch(/\/bin\/\.client\/agentfw-shim$/);
    expect(target).not.toContain(`${path.sep}build${path.sep}`);
    expect(readdirSync(path.join(s.root, 'rt'))).toEqual([]); // removed at the end
  });
});
