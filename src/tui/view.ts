/**
 * Text for the firewall pane, the status line and the approval dialog, as blessed-tagged
 * strings. Pure; widget code only places these strings.
 *
 * Everything that came from the agent (commands, messages, evidence) goes through
 * {@link safe}: control characters are shown as `^X` and blessed tags are escaped, so a
 * command cannot recolour or redraw the human's screen.
 */
import type { ApprovalRequest, DecisionEvent, SessionInfo } from '../approval/types.js';
import type { Verdict } from '../engine/types.js';
import { mainFindings, understood } from './describe.js';
import { readableCommand } from './shell-words.js';
import { offerShape, type ModelConfig, type ModelState } from './approval-model.js';

/** Make untrusted text safe to place in tagged blessed content. */
export function safe(text: string): string {
  return text
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) =>
      c === '\x7f' ? '^?' : '^' + String.fromCharCode(c.charCodeAt(0) + 64),
    )
    .replace(/\t/g, ' ')
    .replace(/[\u0080-\u009f]/g, '?')
    .replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));
}

const COLOUR: Record<Verdict, string> = { allow: 'green', ask: 'yellow', deny: 'red' };

/** One line of the decision stream. */
/**
 * `unanswered`: this deny settled an ask nobody answered — `timed out` (the dialog's own
 * clock ran out) or `no answer` (the session gave up: its timeout, or the command's client
 * went away). Empty = answered, or never asked.
 */
export function eventLine(ev: DecisionEvent, unanswered: '' | 'timed out' | 'no answer' = ''): string {
  const time = ev.ts.slice(11, 19);
  const c = COLOUR[ev.verdict];
  const rules = ev.rules.length ? ` {gray-fg}[${safe(ev.rules.join(', '))}]{/gray-fg}` : '';
  // Who decided comes before the command, so a long command cannot push it out of view.
  const who =
    ev.verdict === 'ask'
      ? '{yellow-fg}waiting{/yellow-fg} '
      : unanswered && ev.verdict === 'deny'
        ? `{red-fg}{bold}${unanswered}{/bold}{/red-fg} `
        : ev.approver !== 'policy'
          ? `{cyan-fg}by ${safe(ev.approver)}{/cyan-fg} `
          : '';
  const cmd = (ev.layer === 'tool' ? readableCommand(ev.command) : ev.command).replace(/\s*\n\s*/g, ' ⏎ ');
  const shown = cmd.length > 300 ? cmd.slice(0, 299) + '…' : cmd;
  return `{gray-fg}${time}{/gray-fg} {${c}-fg}{bold}${ev.verdict.toUpperCase().padEnd(5)}{/bold}{/${c}-fg} ${ev.layer.padEnd(5)} ${who}${safe(shown)}${rules}`;
}

/** Running totals for the status line. */
export interface Counts {
  allow: number;
  ask: number;
  deny: number;
}

/** Fold one event into counts: finals count as allow/deny, every request that was asked counts once as ask. */
export function countEvent(counts: Counts, seenAsk: Set<number>, ev: DecisionEvent): Counts {
  if (ev.verdict === 'ask') {
    if (seenAsk.has(ev.id)) return counts;
    seenAsk.add(ev.id);
    return { ...counts, ask: counts.ask + 1 };
  }
  return { ...counts, [ev.verdict]: counts[ev.verdict] + 1 };
}

export function statusLine(info: SessionInfo, counts: Counts, pending: number, extra = ''): string {
  const pend = pending ? `{yellow-bg}{black-fg} ${pending} waiting {/black-fg}{/yellow-bg}` : '0 waiting';
  return (
    ` agentfw {bold}${safe(info.id)}{/bold} | packs ${info.packs.length} | ` +
    `{green-fg}${counts.allow} allow{/green-fg} {yellow-fg}${counts.ask} ask{/yellow-fg} {red-fg}${counts.deny} deny{/red-fg} | ` +
    `${pend}${extra ? ' | ' + extra : ''}`
  );
}

/**
 * Wraps at spaces; a word longer than the width is cut. Exported for tests.
 * Width below 1 is taken as 1.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    const sep = line ? ' ' : '';
    if (line.length + sep.length + rest.length <= w) {
      line += sep + rest;
      continue;
    }
    if (line) out.push(line);
    while (rest.length > w) {
      out.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    line = rest;
  }
  out.push(line);
  return out;
}

/** Marks where the dialog's footer (choices, prompt, notice) starts; see {@link fitDialog}. */
export const FOOTER = '\u0000footer';

/**
 * Fit dialog lines into `max` rows: the footer always stays, the body is cut with `…`.
 * Removes the footer marker.
 */
export function fitDialog(lines: string[], max: number): string[] {
  const at = lines.indexOf(FOOTER);
  const body = at < 0 ? lines : lines.slice(0, at);
  const footer = at < 0 ? [] : lines.slice(at + 1);
  if (body.length + footer.length <= max) return [...body, ...footer];
  const room = Math.max(1, max - footer.length - 1);
  return [...body.slice(0, room), '{gray-fg}…{/gray-fg}', ...footer];
}

/** Home directory used to show `$HOME` in fs facts; empty = do not substitute. */
export function dialogLines(
  s: ModelState,
  now: number,
  cfg: ModelConfig,
  width: number,
  home = '',
): string[] {
  const item = s.queue[0];
  if (!item) return [];
  const r: ApprovalRequest = item.req;
  const d = r.decision;
  const left = Math.max(0, Math.ceil((item.deadline - now) / 1000));
  const more = s.queue.length > 1 ? `  (+${s.queue.length - 1} more waiting)` : '';
  const L: string[] = [];
  L.push(`{bold}Approval needed{/bold} #${item.n} · ${r.layer} · denied in ${left} s${more}`);
  L.push(`{gray-fg}in ${safe(r.cwd)}{/gray-fg}`);
  // Said before anything else: approving this one means typing, not one key.
  if (r.confirm !== undefined)
    for (const part of wrap(`To allow, you will type: ${r.confirm}`, width - 2))
      L.push(`{yellow-fg}${safe(part)}{/yellow-fg}`);
  L.push('');
  // A tool-gate request is an argv the engine quoted: show it the way people write it.
  const cmdLines = (r.layer === 'tool' ? readableCommand(r.command) : r.command)
    .replace(/\n+$/, '')
    .split('\n')
    .flatMap((l) => wrap(l, width - 4));
  const shown =
    cmdLines.length > 8 ? [...cmdLines.slice(0, 7), `… ${cmdLines.length - 7} more lines`] : cmdLines;
  for (const part of shown) L.push(`  {bold}${safe(part)}{/bold}`);
  L.push('');
  const seen = understood(d, home);
  if (seen.length) {
    L.push('{underline}Understood as{/underline}');
    for (const line of seen.slice(0, 6))
      wrap(line, width - 6).forEach((part, i) => L.push(`  ${i ? ' ' : '•'} ${safe(part)}`));
  }
  for (const f of mainFindings(d).slice(0, 3)) {
    const sevColour = f.severity === 'critical' || f.severity === 'high' ? 'red' : 'yellow';
    L.push(`{underline}Rule{/underline} ${safe(f.rule)} · {${sevColour}-fg}${f.severity}{/${sevColour}-fg}`);
    for (const part of wrap(f.message, width - 4)) L.push(`  ${safe(part)}`);
  }
  if (!d.findings.length) L.push(`{underline}Why{/underline} ${safe(d.reason)}`);
  const cmds = d.commands.map((c) => readableCommand(c.text)).filter(Boolean);
  L.push('');
  /** Everything from here on must stay visible: the choices or the prompt. */
  L.push(FOOTER);
  if (s.mode === 'choose') {
    if (now < s.shownAt + cfg.armMs) {
      L.push('{gray-fg}…{/gray-fg}');
    } else {
      L.push(
        '{green-fg}[a]{/green-fg} allow once   {green-fg}[s]{/green-fg} allow for this session   ' +
          '{red-fg}[d]{/red-fg} deny   {red-fg}[m]{/red-fg} deny with a message',
      );
      // Wrapped here, not by the screen: the dialog's height counts lines, and a line the
      // screen wraps would push the last choice ([r]) out of the box.
      if (cmds.length)
        for (const part of wrap(`session allow covers exactly: ${cmds.join(' ; ')}`, width - 2))
          L.push(`{gray-fg}${safe(part)}{/gray-fg}`);
      if (cfg.shapeTarget && offerShape(r).ok)
        L.push(`{green-fg}[r]{/green-fg} always allow this shape (shows the rule before writing it)`);
    }
  } else if (s.mode === 'shape' && s.proposal) {
    // The rule goes above the footer (it may scroll); the choice stays visible below it.
    // Every line wrapped here: the dialog's height counts lines, so none may wrap on screen.
    const rule = [
      '{bold}Always allow this shape{/bold}',
      ...wrap(`this rule goes to ${cfg.shapeTarget ?? ''}`, width - 2).map((p) => safe(p)),
      ...s.proposal.yaml.split('\n').flatMap((l) => {
        const indent = /^ */.exec(l)![0];
        // Indentation is YAML structure: keep it on every wrapped part.
        return wrap(l.trimStart(), Math.max(20, width - 4 - indent.length)).map(
          (part) => `  ${indent.replace(/ /g, '\u00a0')}${safe(part)}`,
        );
      }),
      ...wrap(
        `quiets ${s.proposal.quiets.join(', ')} for commands of this shape, in new sessions`,
        width - 2,
      ).map((p) => `{gray-fg}${safe(p)}{/gray-fg}`),
    ];
    // In place of what the analysis understood (already read): the rule must fit.
    const end = L.indexOf(FOOTER) - 1; // the blank line before the footer stays
    const from = L.findIndex((l, i) => i < end && /^\{underline\}(Understood as|Rule|Why)/.test(l));
    L.splice(from >= 0 ? from : end, from >= 0 ? end - from : 0, ...rule);
    L.push('{green-fg}[y]{/green-fg} write this rule and allow this command for the session');
    L.push('Esc back');
  } else if (s.mode === 'confirm') {
    L.push(`To allow, type {bold}${safe(r.confirm ?? '')}{/bold} then Enter (Esc = back):`);
    L.push(`> ${safe(s.input)}_`);
  } else {
    L.push('Message to the agent, then Enter to deny (Esc = back):');
    L.push(`> ${safe(s.input)}_`);
  }
  if (s.notice) L.push(`{red-fg}${safe(s.notice)}{/red-fg}`);
  return L;
}

export const KEY_HELP = [
  'Keys go to the agent. Ctrl-] then:',
  '  l  focus the firewall log (j/k, PgUp/PgDn, g/G scroll; Esc or q returns)',
  '  h  hide / show the firewall pane',
  '  k / j  scroll the log up / down     ]  send a literal Ctrl-] to the agent',
  '  ?  this help',
  'In an approval dialog: a allow once · s allow for session · d deny · m deny with message',
  '  r always allow this shape (writes a rule to your config, shown first)',
];
