/**
 * The exec gate (sandbox/exec-gate.c) as real processes: a scripted agent delivers the
 * incident's GraphQL mutation to a loopback API through routes no shim or shell gate sees —
 * curl by absolute path, a renamed copy of curl, the dynamic loader running curl,
 * `env -i /bin/bash -c`, a git hook run by `git commit`, `tar --checkpoint-action=exec=`, a
 * script the agent wrote run by its path, GNU `sed 'e'`.
 * Each route first runs without agentfw (control: the mutation arrives), then under
 * `agentfw run --headless` (the mutation never arrives, the audit holds an exec-layer deny).
 * A harmless request through the same absolute-path curl still arrives.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/supervisor/demo-api.js';
import { run, type Scratch } from '../gates/shim/gate-helpers.js';
import { auditRecords, cli, cliEnv, headless, nodeAgent, useApiScratch } from './run-helpers.js';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'exec-agent.mjs');
const HAS_GATE = process.platform === 'linux' && spawnSync('cc', ['--version']).status === 0;
if (!HAS_GATE) console.log('exec gate e2e skipped: needs Linux and a C compiler (apt-get install -y gcc)');

let api: FakeApi;
let s: Scratch;
let n = 0;
useApiScratch((t) => ({ api, s } = t));

function freshDir(): string {
  const d = path.join(s.root, `w${n++}`);
  mkdirSync(d);
  return d;
}

interface AuditLine {
  layer: string;
  decision: string;
  rules: string[];
  command: string;
}
const auditOf = (file: string) => auditRecords<AuditLine>(file);

const ROUTES = [
  'absolute-curl',
  'renamed-curl',
  'dynamic-loader',
  'env-i-bash',
  'git-hook',
  'tar-checkpoint',
  'script-by-path',
  'sed-e',
  // bash -c that the exec gate may not leave to the BASH_ENV gate (src/gates/exec/exec-defer.ts)
  'bash-c-exported-function',
  'bash-xtrace',
  'bash-c-other-client',
];

describe.skipIf(!HAS_GATE)('exec gate: routes that no shim sees', () => {
  it('the helper was built at install', () => {
    expect(existsSync(path.join(PACKAGE_ROOT, 'build', 'agentfw-exec-gate'))).toBe(true);
  });

  it.each(ROUTES)(
    '%s: delivers the mutation without agentfw, is stopped under agentfw run',
    async (route) => {
      const env = cliEnv(s);
      const before = api.mutations().length;
      const control = await run(process.execPath, [AGENT, route, api.url], { env, cwd: freshDir() });
      expect(control.code).toBe(0);
      expect(api.mutations().length).toBe(before + 1);

      const audit = path.join(s.root, `${route}.jsonl`);
      const r = await headless(s, nodeAgent(AGENT, route, api.url), {
        sandbox: false,
        audit,
        cwd: freshDir(),
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`"route":"${route}"`);
      expect(api.mutations().length).toBe(before + 1);
      const denied = auditOf(audit).filter((a) => a.layer === 'exec' && a.decision === 'deny');
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.flatMap((a) => a.rules)).toContain('graphql/destructive-mutation');
      // a bash the exec gate must not leave to the BASH_ENV gate is refused itself, before it runs
      if (route.startsWith('bash-')) {
        expect(denied[0].command).toMatch(/^\/(usr\/)?bin\/bash /);
        expect(auditOf(audit).filter((a) => a.layer === 'shell')).toEqual([]);
      }
    },
  );

  it('/bin/bash -c by absolute path with the session environment judges itself: shell-layer deny, the reason on its stderr', async () => {
    const env = cliEnv(s);
    const before = api.mutations().length;
    const control = await run(process.execPath, [AGENT, 'bash-c', api.url], { env, cwd: freshDir() });
    expect(control.code).toBe(0);
    expect(api.mutations().length).toBe(before + 1);

    const audit = path.join(s.root, 'bash-c.jsonl');
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
        'bash-c',
        api.url,
      ],
      { env, cwd: freshDir() },
    );
    expect(r.code).toBe(0);
    expect(api.mutations().length).toBe(before + 1);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { code: number; stderr: string };
    // the bash started (no EPERM): its gate refused the script and said why, on the command's stderr
    expect(out.code).toBe(126);
    expect(out.stderr).toMatch(/do not retry or work around this; ask the user/i);
    const lines = auditOf(audit);
    const denied = lines.filter((a) => a.decision === 'deny');
    expect(denied.map((a) => a.layer)).toEqual(['shell']);
    expect(denied[0].rules).toContain('graphql/destructive-mutation');
  });

  it('a harmless request through curl by absolute path still arrives, and is audited as exec allow', async () => {
    const audit = path.join(s.root, 'benign.jsonl');
    const before = api.received.length;
    const r = await headless(s, nodeAgent(AGENT, 'benign-get', api.url), {
      sandbox: false,
      audit,
      cwd: freshDir(),
    });
    expect(r.code).toBe(0);
    expect(api.received.length).toBe(before + 1);
    expect(auditOf(audit).some((a) => a.layer === 'exec' && a.decision === 'allow')).toBe(true);
  });
});
