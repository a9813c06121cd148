/**
 * A counting approver for e2e tests: a real external approver program (`--approver`) that
 * logs every dialog it is shown (layer and command) and answers with ASK_VERDICT. Used to
 * count the dialogs one agent command costs a human.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, type CliResult } from './run-helpers.js';

/** One dialog the approver was shown. */
export interface Ask {
  layer: string;
  command: string;
}

/** Writes the approver program into the scratch folder; returns its path. */
export function writeCountingApprover(s: Scratch): string {
  const approver = path.join(s.root, 'count-approver.mjs');
  writeFileSync(
    approver,
    `#!/usr/bin/env node
import { appendFileSync, readFileSync } from 'node:fs';
const req = JSON.parse(readFileSync(0, 'utf8').split('\\n')[0]);
appendFileSync(process.env.ASK_LOG, JSON.stringify({ layer: req.layer, command: req.command }) + '\\n');
const typed = req.confirm !== undefined ? { confirm: req.confirm } : {};
console.log(JSON.stringify({ verdict: process.env.ASK_VERDICT, ...typed }));
`,
  );
  chmodSync(approver, 0o755);
  return approver;
}

let n = 0;

/**
 * `agentfw run --headless [--no-sandbox] --approver APPROVER -- bash -c CMD` in the scratch
 * workspace; returns the run's output and the dialogs asked.
 */
export async function runCounting(
  s: Scratch,
  approver: string,
  cmd: string,
  o: { verdict: 'allow' | 'deny'; sandbox: boolean; env?: Record<string, string>; timeoutMs?: number },
): Promise<CliResult & { asks: Ask[]; audit: string }> {
  const log = path.join(s.root, `asks-${process.pid}-${++n}.jsonl`);
  const audit = path.join(s.root, `audit-${process.pid}-${n}.jsonl`);
  writeFileSync(log, '');
  const env = cliEnv(s, { ASK_LOG: log, ASK_VERDICT: o.verdict, ...o.env });
  const args = ['run', '--headless', '--audit', audit, '--approver', approver];
  if (!o.sandbox) args.push('--no-sandbox');
  const r = await cli([...args, '--', 'bash', '-c', cmd], {
    env,
    cwd: s.ws,
    timeoutMs: o.timeoutMs ?? 180_000,
  });
  const asks = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ask);
  return { ...r, asks, audit };
}
