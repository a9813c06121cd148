/**
 * What a webhook approval request says, rendered only from the gated action: the masked
 * command the gate received, the facts the engine extracted and the rules that matched.
 * Nothing the agent wrote about its intent is included. Pure.
 *
 * `text` + `blocks` follow the Slack incoming-webhook shape (section / context blocks
 * with mrkdwn), which chat tools and phone notifications render; the rest of the payload
 * is for the relay that turns a tap into a signed answer.
 */
import { describeFact } from '../tui/describe.js';
import type { ApprovalRequest } from './types.js';

/** The decided action, as sent. */
export interface WebhookAction {
  layer: string;
  cwd: string;
  /** The command text as gated (secrets masked). */
  command: string;
  /** The engine's reason (one sentence, from the rules, not from the agent). */
  reason: string;
  rules: { rule: string; severity: string; message: string }[];
  /** One line per extracted fact (describeFact). */
  facts: string[];
  /** The value the human must type to approve; absent = a plain yes/no. */
  confirm?: string;
}

export function actionOf(req: ApprovalRequest): WebhookAction {
  return {
    layer: req.layer,
    cwd: req.cwd,
    command: req.command,
    reason: req.decision.reason,
    rules: req.decision.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    facts: req.decision.facts.map((f) => describeFact(f)).slice(0, 20),
    ...(req.confirm !== undefined ? { confirm: req.confirm } : {}),
  };
}

/** Slack mrkdwn: escape &, <, > (the only characters it interprets inside text). */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
/** A code span cannot hold backticks; show them as ' in the rendered copy only. */
const code = (s: string) => '```' + clip(s, 2500).replace(/`/g, "'") + '```';

export function renderMessage(
  a: WebhookAction,
  o: { session: string; id: number; expiresAt: string },
): { text: string; blocks: object[] } {
  const top = a.rules[0];
  const title = `agentfw: approval needed (${top ? `${top.rule}, ${top.severity}` : 'no rule'}) in session ${o.session}`;
  const lines = [
    `*What it does*\n${esc(a.facts.length ? a.facts.map((f) => `• ${clip(f, 300)}`).join('\n') : a.reason)}`,
    `*Why asked*\n${esc(a.rules.map((r) => `• ${r.rule} (${r.severity}): ${clip(r.message, 300)}`).join('\n') || a.reason)}`,
  ];
  const confirmLine =
    a.confirm !== undefined
      ? `To approve, type *${esc(a.confirm)}* exactly. Anything else denies.`
      : 'Approve or deny. No answer before the deadline denies.';
  return {
    text: `${title}: ${clip(a.command, 300)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(title, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: code(a.command) } },
      ...lines.map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: clip(t, 2900) } })),
      { type: 'section', text: { type: 'mrkdwn', text: confirmLine } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: esc(`request ${o.id} · ${a.layer} gate · cwd ${clip(a.cwd, 200)} · expires ${o.expiresAt}`),
          },
        ],
      },
    ],
  };
}
