/**
 * Human-readable rendering of a Decision: the verdict, why, what the engine understood
 * (normalized commands and facts), and each finding with its rule and message.
 */
import type { Decision } from '../engine/types.js';
import { describeFact } from '../tui/describe.js';
import { readableCommand } from '../tui/shell-words.js';

const COLORS = { allow: '\x1b[32m', ask: '\x1b[33m', deny: '\x1b[31m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** Colour only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org) or TERM=dumb. */
export function colorAllowed(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function formatDecision(script: string, d: Decision, color: boolean): string {
  const on = colorAllowed(color);
  const c = (k: keyof typeof COLORS, s: string) => (on ? COLORS[k] + s + COLORS.reset : s);
  const lines: string[] = [];
  lines.push(`${c(d.decision, d.decision.toUpperCase())}  ${d.reason}`);
  if (d.commands.length) {
    lines.push('', 'commands:');
    for (const cmd of d.commands) {
      const via = cmd.wrappers.length ? c('dim', `  (via ${cmd.wrappers.join(' → ')})`) : '';
      const tags = [cmd.dynamic ? 'dynamic' : '', cmd.remote ? 'remote' : ''].filter(Boolean).join(', ');
      lines.push(`  ${readableCommand(cmd.text)}${via}${tags ? c('dim', `  [${tags}]`) : ''}`);
    }
  } else if (script.trim()) {
    lines.push('', 'commands: (none understood)');
  }
  const shown = d.facts.filter((f) => !(f.kind === 'git' && f.action === 'other'));
  if (shown.length) {
    lines.push('', 'facts:');
    // The same one-line descriptions as the approval dialog: one vocabulary for the human.
    for (const f of shown) lines.push(`  ${describeFact(f)}`);
  }
  if (d.findings.length) {
    lines.push('', 'findings:');
    for (const f of d.findings) {
      lines.push(`  ${c(f.decision, f.decision.padEnd(5))} ${f.rule} (${f.severity})`);
      lines.push(`        ${f.message}`);
      if (f.evidence) lines.push(c('dim', `        evidence: ${f.evidence}`));
      if (f.confirm) lines.push(c('dim', `        to approve, a human types: ${f.confirm}`));
    }
    const agent = d.findings.find((f) => f.decision === d.decision)?.agent_message;
    if (agent && d.decision !== 'allow') lines.push('', `to the agent: ${agent}`);
  }
  for (const i of d.issues) lines.push(c('dim', `note: ${i.code} ${i.message}`));
  return lines.join('\n') + '\n';
}
