/**
 * Who settles a session's asks: an external approver command (`--approver`), the approval
 * webhook, the TUI, or the --on-ask policy when no human is there; `agentfw watch` can answer
 * alongside the first three. Every approver but the TUI is in place before the agent starts.
 */
import type { WebhookConfig } from '../approval/webhook-config.js';
import { createPolicyApprover, type OnAsk } from '../approval/policy.js';
import type { AgentTerminal, Approver, SessionInfo, SessionUi } from '../approval/types.js';
import type { WatchServer } from '../approval/watch-server.js';
import type { EventHub } from './events.js';

/** The TUI's constructor (src/tui/index.ts). */
export type CreateTui = (opts: object) => SessionUi;

/** Loads the TUI; undefined = it could not load (said in a note: the terminal is then passed through). */
export async function loadTui(note: (s: string) => void): Promise<CreateTui | undefined> {
  try {
    // Loaded only with a terminal and no --headless; a literal specifier so the bundle carries it.
    return ((await import('../tui/index.js')) as unknown as { createTui: CreateTui }).createTui;
  } catch (err) {
    note(`agentfw: the TUI could not load (${(err as Error).message}); passing the terminal through.`);
    return undefined;
  }
}

export interface ApproverSetup {
  /** `--approver CMD`; undefined = none. */
  approverCmd?: string;
  /** The approval webhook's config; undefined = none. Unused when approverCmd is given. */
  webhookCfg?: WebhookConfig;
  /** No TUI will run: the human is told how to answer, or the --on-ask policy settles asks. */
  headless: boolean;
  onAsk: OnAsk;
  approvalTimeoutMs: number;
  cwd: string;
  watch: WatchServer;
  /** The session id (for `agentfw watch --session` / `agentfw approve --session`). */
  sessionId: string;
  /** The session's approvers, appended to here. */
  approvers: Approver[];
  /** The session's cleanups, appended to here (run when the session ends). */
  cleanups: (() => void)[];
  note: (s: string) => void;
}

/** Puts the approvers that do not need the agent's terminal in place. */
export async function addApprovers(o: ApproverSetup): Promise<void> {
  const { approvers, cleanups, watch, note } = o;
  if (o.approverCmd) {
    const { createExternalApprover } = await import('../approval/external.js');
    approvers.push(createExternalApprover(o.approverCmd, { timeoutMs: o.approvalTimeoutMs, cwd: o.cwd }));
    approvers.push(watch.approver);
    if (o.headless) {
      note(
        `agentfw: asks go to ${o.approverCmd}; a human can also answer with \`agentfw watch --session ${o.sessionId}\` (pairing code ${watch.pairingCode}).`,
      );
      // The code is one-time: each pairing (or 3 wrong tries) rotates it; show the new one.
      cleanups.push(watch.onPairingCode((c) => note(`agentfw: new watch pairing code: ${c}`)));
    }
  } else if (o.webhookCfg) {
    const { createWebhookApprover } = await import('../approval/webhook.js');
    const hook = await createWebhookApprover({
      ...o.webhookCfg,
      session: o.sessionId,
      timeoutMs: o.approvalTimeoutMs,
    });
    cleanups.push(() => void hook.close());
    approvers.push(hook, watch.approver);
    if (o.headless)
      note(
        `agentfw: asks go to the approval webhook; answer here with \`agentfw approve ID --session ${o.sessionId}\` (pairing code ${watch.pairingCode}).`,
      );
  } else if (o.headless) approvers.push(createPolicyApprover(o.onAsk));
}

export interface TuiStart {
  createTui: CreateTui;
  terminal: AgentTerminal;
  info: SessionInfo;
  events: EventHub;
  watch: WatchServer;
  /** The session's approvers, appended to here. */
  approvers: Approver[];
  /** Another approver (--approver or the webhook) is in place; `agentfw watch` then already is too. */
  approverElsewhere: boolean;
  onAsk: OnAsk;
  approvalTimeoutMs: number;
  note: (s: string) => void;
}

/**
 * Starts the TUI on the agent's terminal and adds it as an approver. Undefined = it could not
 * start: the terminal is then passed through and (without another approver) the --on-ask
 * policy settles asks.
 */
export function startTui(o: TuiStart): SessionUi | undefined {
  let ui: SessionUi | undefined;
  try {
    ui = o.createTui({ approvalTimeoutMs: o.approvalTimeoutMs, watch: o.watch });
    o.approvers.push(
      ui.start({ terminal: o.terminal, info: o.info, onDecision: (cb) => o.events.subscribe(cb) }),
    );
    if (!o.approverElsewhere) o.approvers.push(o.watch.approver);
    return ui;
  } catch (err) {
    ui?.stop();
    if (!o.approverElsewhere) o.approvers.push(createPolicyApprover(o.onAsk));
    o.note(
      `agentfw: the TUI could not start (${(err as Error).message}); passing the terminal through, asks settled by --on-ask ${o.onAsk}.`,
    );
    return undefined;
  }
}
