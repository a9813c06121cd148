/**
 * The text a refused command prints on the agent's stderr: what was blocked, by which
 * rule(s), why, who must act, and the instruction not to work around it.
 */
import type { ApprovalResult } from '../approval/types.js';
import type { Decision } from '../engine/types.js';

export const DO_NOT_RETRY = 'Do not retry or work around this; ask the user.';

export interface RefusalInput {
  /** Masked command text. */
  command: string;
  layer: string;
  decision: Decision;
  /** How an `ask` was settled; undefined for a plain engine deny. */
  result?: ApprovalResult;
  /** Headless `--on-ask` policy in effect (for the wording of a policy refusal). */
  onAsk?: 'deny' | 'allow';
  headless: boolean;
}

function clip(text: string, n: number): string {
  const one = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > n ? one.slice(0, n) + '…' : one;
}

/** Approvers that are a human at a terminal (their deny message is the human's own words). */
const HUMAN_APPROVERS = new Set(['tui', 'watch']);
const DO_NOT_RETRY_STEM = 'Do not retry or work around this';

export function formatRefusal(r: RefusalInput): string {
  const lines = [`agentfw: BLOCKED (${r.layer} gate): ${clip(r.command, 400)}`];
  const seen = new Set<string>();
  for (const f of r.decision.findings) {
    if (f.decision === 'allow' || seen.has(f.rule)) continue;
    seen.add(f.rule);
    lines.push(`  rule: ${f.rule} (${f.severity}, ${f.decision}): ${f.message}`);
  }
  if (!seen.size) lines.push('  rule: none matched; the command could not be fully understood');
  // The reason is usually the first rule's own line: print it only when it adds something.
  const printed = r.decision.findings.map((f) => `${f.rule}: ${f.message}`);
  if (!printed.includes(r.decision.reason)) lines.push(`  reason: ${r.decision.reason}`);
  if (r.decision.decision === 'deny') {
    lines.push(
      '  This command is denied by policy. A human must approve or run it themselves, outside the agent.',
    );
  } else if (r.result?.approver === 'policy' && r.headless) {
    lines.push(
      `  This needs a human's approval; this session runs headless with --on-ask ${r.onAsk ?? 'deny'}, so nobody could approve it.`,
    );
  } else if (r.result) {
    lines.push(`  This needed a human's approval and was refused (${r.result.approver}).`);
  }
  // A human's own words; messages agentfw writes (a timeout, a withdrawn request) carry the instruction already.
  const human =
    r.result &&
    HUMAN_APPROVERS.has(r.result.approver) &&
    r.result.message &&
    !r.result.message.includes(DO_NOT_RETRY_STEM)
      ? r.result.message
      : '';
  if (human)
    lines.push(`  Message from the human who denied it (${r.result!.approver}): ${r.result!.message}`);
  else if (r.result?.message) lines.push(`  ${r.result.message}`);
  const agentMsgs = new Set(
    r.decision.findings
      .filter((f) => f.decision !== 'allow' && f.agent_message)
      .map((f) =>
        f.agent_message.replace(/\s*Do not retry or work around this; ask the user\.?\s*$/i, '').trim(),
      )
      .filter(Boolean),
  );
  for (const m of agentMsgs) lines.push(`  ${m}`);
  // A human already answered: point at their message rather than "ask the user" again.
  lines.push(human ? "Do not retry or work around this; follow the human's message above." : DO_NOT_RETRY);
  return lines.join('\n');
}
