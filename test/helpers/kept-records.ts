/**
 * Checks shared by the tests of kept allows (the exec gate's helper, the shim's keeper): the
 * records a command left in a gate's audit log, and that the supervisor took the ones written
 * by another process into its events and its verified chain.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadAuditKey } from '../../src/audit/key.js';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { KEEP_RENEW_MS } from '../../src/gates/exec/exec-keep.js';
import type { Gate } from '../../src/supervisor/gate.js';

/** The audit records of `log` whose command is `command`. */
export function recordsOf(
  log: string,
  command: string,
): { command: string; layer: string; decision: string }[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { command: string; layer: string; decision: string })
    .filter((r) => r.command === command);
}

/**
 * `n` allow records of `command` on layer `layer` are on file; after two lease renewals the
 * supervisor's events hold them all and the chain verifies with the audit key.
 */
export async function expectKeptRecords(
  gate: Gate,
  command: string,
  layer: string,
  n: number,
): Promise<void> {
  const recs = recordsOf(gate.audit.path, command);
  expect(recs.length).toBe(n);
  expect(recs.every((r) => r.layer === layer && r.decision === 'allow')).toBe(true);
  await new Promise((r) => setTimeout(r, 2 * KEEP_RENEW_MS));
  expect(gate.events.recent.filter((e) => e.command === command).length).toBe(n);
  expect(verifyAuditFile(gate.audit.path, loadAuditKey())).toMatchObject({ ok: true });
}
