/**
 * Issue 6 end to end: `agentfw run --headless` around a scripted agent in a workspace
 * with planted secrets (environment, .env, a config file, a private key, a script). The
 * agent reads them with cat, grep -r, env, printenv, a script and python; none of the
 * values reaches what the agent captured, agentfw's own output or the audit log, while
 * placeholders do. A granted variable still reaches a loopback HTTP server for real (the
 * egress proxy puts its value in place of the placeholder, for the granted host only), and
 * the server's echo of it comes back masked. Binary output passes byte for byte.
 * Values are only ever checked with `.includes()`; failures name labels, never values.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';
import { leaks, plantWorkspace, type PlantedWorkspace } from './secrets-workspace.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'secrets-agent.mjs');

interface Step {
  name: string;
  code: number | null;
  stdout: string;
  stderr: string;
  bytes?: number;
  sha256?: string;
}

let s: Scratch;
let planted: PlantedWorkspace;
let server: http.Server;
let url = '';
/** Authorization headers the server received, compared to the real token (never stored as text). */
const received: { real: boolean; placeholder: boolean }[] = [];
let steps: Step[] = [];
let run: { code: number | null; stdout: string; stderr: string };
let auditText = '';

beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  planted = plantWorkspace(s.ws);
  mkdirSync(path.join(s.ws, '.agentfw'));
  writeFileSync(
    path.join(s.ws, '.agentfw', 'secrets.yaml'),
    'allow:\n  - env: DEPLOY_TOKEN\n    hosts: [127.0.0.1]\n',
  );
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    received.push({
      real: auth === `Bearer ${planted.env.DEPLOY_TOKEN}`,
      placeholder: auth.includes('agentfw:masked:'),
    });
    res.end(`you sent: ${auth}\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const out = path.join(s.root, 'results.json');
  const audit = path.join(s.root, 'audit.jsonl');
  const env = cliEnv(s, planted.env);
  // A version manager's bash shim (pyenv) under the real HOME is itself a script the
  // BASH_ENV gate checks once HOME points elsewhere; run the system python instead.
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((d) => !/\/\.(pyenv|rbenv|nodenv)\//.test(d + '/'))
    .join(':');
  // --no-sandbox: this checks the secrets layer of the gates (env placeholders, output relay)
  run = await cli(
    ['run', '--no-sandbox', '--headless', '--audit', audit, '--', process.execPath, AGENT, out, url],
    {
      env,
      cwd: s.ws,
      timeoutMs: 90_000,
    },
  );
  steps = JSON.parse(readFileSync(out, 'utf8')) as Step[];
  auditText = readFileSync(audit, 'utf8');
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  s?.cleanup();
});

const step = (name: string): Step => {
  const r = steps.find((x) => x.name === name);
  if (!r) throw new Error(`no step ${name}`);
  return r;
};

describe('agentfw run: secrets never reach the agent', () => {
  it('control: without agentfw the same commands do print the planted values', () => {
    const env = { ...cliEnv(s, planted.env), SHELL: '/bin/bash' };
    const r = spawnSync(
      '/bin/bash',
      ['-c', 'cat .env config/domains.json deploy/id_rsa; printenv GITHUB_TOKEN'],
      {
        cwd: s.ws,
        env,
        encoding: 'utf8',
      },
    );
    // Every file and env value is readable, so the checks below can fail.
    expect(leaks(r.stdout, planted.values).length).toBe(
      planted.values.length - 3, // RAILWAY_TOKEN, AWS_SECRET_ACCESS_KEY, DEPLOY_TOKEN are not printed here
    );
  });

  it('the agent ran to the end and every step succeeded', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agent-done');
    const failed = steps.filter((r) => r.code !== 0).map((r) => `${r.name}: ${r.code}`);
    expect(failed).toEqual([]);
  });

  it.each([
    ['cat .env', ['STRIPE_SECRET_KEY=agentfw:masked:', 'RAILWAY_TOKEN=agentfw:masked:', 'LOG_LEVEL=debug']],
    ['grep -r', ['script.sh:', '.env:RAILWAY_TOKEN=agentfw:masked:']],
    ['config file', ['"token": "agentfw:masked:', 'app.example.com']],
    ['private key', ['agentfw:masked:']],
    ['env', ['GITHUB_TOKEN=agentfw:masked:GITHUB_TOKEN', 'RAILWAY_TOKEN=agentfw:masked:RAILWAY_TOKEN']],
    ['printenv', ['agentfw:masked:GITHUB_TOKEN']],
    ['script', ['deploying with RAILWAY_TOKEN=agentfw:masked:']],
    ['python', ['agentfw:masked:GITHUB_TOKEN']],
    ['re-injected curl', ['you sent: Bearer agentfw:masked:DEPLOY_TOKEN']],
  ])('%s: shows placeholders and no planted value', (name, expected) => {
    const r = step(name);
    for (const e of expected) expect(r.stdout).toContain(e);
    expect(leaks(r.stdout + r.stderr, planted.values)).toEqual([]);
  });

  it('nothing the agent captured, printed or left in the audit log holds a planted value', () => {
    expect(leaks(JSON.stringify(steps), planted.values)).toEqual([]);
    expect(leaks(run.stdout, planted.values)).toEqual([]);
    expect(leaks(run.stderr, planted.values)).toEqual([]);
    expect(leaks(auditText, planted.values)).toEqual([]);
    expect(auditText).toContain('agentfw:masked:DEPLOY_TOKEN'); // curl's argv carried it, masked
  });

  it('the granted token reached the server for real through the proxy, and the agent holds only the placeholder', () => {
    expect(received).toEqual([{ real: true, placeholder: false }]);
    expect(step('own env').stdout).toBe('DEPLOY_TOKEN=agentfw:masked:DEPLOY_TOKEN\n');
  });

  it('binary output passes through the relay byte for byte', () => {
    const file = readFileSync(path.join(s.ws, 'blob.bin'));
    const hash = createHash('sha256').update(file).digest('hex');
    expect(file.length).toBe(100_000);
    expect(step('binary').bytes).toBe(100_000);
    expect(step('binary').sha256).toBe(hash);
    expect(step('hash inside').stdout.split(' ')[0]).toBe(hash);
  });
});
