/**
 * The supervisor analyses in worker processes (src/engine/worker.ts via decide.ts). A
 * real session (--no-sandbox, so the agent can see and kill the supervisor's children):
 * the agent SIGKILLs every analysis worker, twice; each following command is still judged
 * by a fresh worker (the destructive one refused, the harmless one run), never let through
 * unjudged. Control: the same agent without agentfw deletes the folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

const AGENT = (out: string) => `
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
const parentOf = (p) => readFileSync('/proc/' + p + '/stat', 'utf8').split(') ')[1].split(' ')[1];
// The workers: the ES module bundle's entry, or the runner of the CommonJS one (bin/worker.mjs).
// The supervisor: the nearest ancestor running bin/agentfw (absent without agentfw).
let sup = process.ppid;
while (sup > 1 && !readFileSync('/proc/' + sup + '/cmdline', 'utf8').includes('bin/agentfw')) sup = Number(parentOf(sup));
const killWorkers = () => {
  if (sup <= 1) return 0;
  const kids = readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).filter((p) => {
    try { return parentOf(p) === String(sup) && /worker-entry\\.js|bin\\/worker\\.mjs/.test(readFileSync('/proc/' + p + '/cmdline', 'utf8')); } catch { return false; }
  });
  for (const k of kids) try { process.kill(Number(k), 'SIGKILL'); } catch { /* gone */ }
  return kids.length;
};
const sh = (c) => { const r = spawnSync('bash', ['-c', c], { encoding: 'utf8' }); return { code: r.status, stderr: r.stderr }; };
const res = { killed: killWorkers() };
res.rm = sh('rm -rf "$HOME/precious"');
res.echo = sh('echo fine');
res.killed2 = killWorkers();
res.rm2 = sh('rm -rf "$HOME/precious"');
writeFileSync(${JSON.stringify(out)}, JSON.stringify(res));
`;

describe('the supervisor analyses in worker processes', () => {
  it('killed workers are replaced; every command is still judged', async () => {
    s = scratch();
    const precious = path.join(s.home, 'precious');
    mkdirSync(precious);
    writeFileSync(path.join(precious, 'f'), 'x');
    const out = path.join(s.root, 'out.json');
    const agent = path.join(s.root, 'agent.mjs');
    writeFileSync(agent, AGENT(out));

    // Control: without agentfw the same agent deletes the folder (and finds no workers).
    const control = await run(process.execPath, [agent], { env: cliEnv(s), cwd: s.ws });
    expect(control.code).toBe(0);
    expect(existsSync(precious)).toBe(false);
    mkdirSync(precious);

    const r = await cli(['run', '--headless', '--no-sandbox', '--', process.execPath, agent], {
      env: cliEnv(s),
      cwd: s.ws,
      timeoutMs: 120_000,
    });
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { code: number; stderr: string }> & {
      killed: number;
      killed2: number;
    };
    expect(res.killed).toBeGreaterThan(0);
    expect(res.killed2).toBeGreaterThan(0);
    for (const c of [res.rm, res.rm2]) {
      expect(c.code).toBe(126);
      expect(c.stderr).toContain('Do not retry or work around this');
    }
    expect(res.echo.code).toBe(0);
    expect(existsSync(precious)).toBe(true);
  }, 150_000);
});
