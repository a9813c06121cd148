/**
 * The broker's NEXT records in a real `agentfw run --headless` session (the default sandbox
 * when bwrap is there, else without it; the exec gate on either way): a scripted agent runs
 * `bash -c` and `git` through the session's shims. The bash runs. The `git` found after the
 * shims on the agent's PATH is a copy of rm: the shim asks about `git -rf DIR` (allowed),
 * but its exec is not of the installed git the record names, so the helper asks the broker,
 * which judges it as the rm it is and refuses it (an exec-layer deny in the audit), while
 * without agentfw the same command deletes the folder (control).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scratch } from '../gates/shim/gate-helpers.js';
import { auditRecords, headless, nodeAgent, useApiScratch } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
const READY =
  process.platform === 'linux' &&
  spawnSync('cc', ['--version']).status === 0 &&
  existsSync('/usr/bin/rm') &&
  spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).status === 0;
if (!READY) console.log('NEXT record session test skipped: needs Linux, a C compiler, git and rm');

let s: Scratch;
useApiScratch((t) => ({ s } = t));

/** Runs bash and then `git -rf DIR` with the shims first and FAKEBIN next on PATH; prints what happened. */
const AGENT = `import { spawnSync } from 'node:child_process';
const [victim, fakebin] = process.argv.slice(2);
const shims = process.env.AGENTFW_SHIM_DIR ? process.env.AGENTFW_SHIM_DIR + ':' : '';
const env = { ...process.env, PATH: shims + fakebin + ':' + process.env.PATH };
const a = spawnSync('bash', ['-c', 'echo inner-ok'], { env, encoding: 'utf8' });
const b = spawnSync('git', ['-rf', victim], { env, encoding: 'utf8' });
console.log(JSON.stringify({ bash: a.stdout, git: b.status, gitErr: b.stderr }));
`;

interface Out {
  bash: string;
  git: number;
  gitErr: string;
}
const outOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Out;

describe.runIf(READY)('NEXT records in a session', () => {
  it(`a copy of rm found as git after the shims is refused; control deletes (${HAS_BWRAP ? 'sandbox' : 'no sandbox'})`, async () => {
    // In the workspace: the sandbox shows the agent its workspace, not the scratch root.
    const agent = path.join(s.ws, 'next-agent.mjs');
    writeFileSync(agent, AGENT);
    const fakebin = path.join(s.ws, 'fakebin');
    mkdirSync(fakebin, { recursive: true });
    copyFileSync('/usr/bin/rm', path.join(fakebin, 'git'));
    const victim = path.join(s.home, 'keep-me');
    mkdirSync(victim, { recursive: true });
    writeFileSync(path.join(victim, 'file'), 'x');

    const control = spawnSync(process.execPath, [agent, victim, fakebin], { encoding: 'utf8' });
    expect(outOf(control.stdout)).toMatchObject({ bash: 'inner-ok\n', git: 0 });
    expect(existsSync(victim)).toBe(false);

    mkdirSync(victim, { recursive: true });
    writeFileSync(path.join(victim, 'file'), 'x');
    const audit = path.join(s.root, 'next-session.jsonl');
    const r = await headless(s, nodeAgent(agent, victim, fakebin), { audit, sandbox: HAS_BWRAP });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = outOf(r.stdout);
    expect(out.bash).toBe('inner-ok\n');
    expect(out.git).not.toBe(0);
    expect(existsSync(path.join(victim, 'file'))).toBe(true);
    const recs = auditRecords<{ layer: string; decision: string; command: string }>(audit);
    expect(
      recs.some((x) => x.layer === 'tool' && x.decision === 'allow' && x.command.startsWith('git -rf')),
    ).toBe(true);
    expect(
      recs.some((x) => x.layer === 'exec' && x.decision === 'deny' && x.command.startsWith('rm -rf')),
    ).toBe(true);
  }, 120_000);
});
