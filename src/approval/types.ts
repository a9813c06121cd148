/**
 * The contract between the supervisor (which receives decision requests from the
 * gates) and whoever settles an `ask`: the headless policy, the TUI, `agentfw watch`,
 * or an external approver command.
 *
 * The agent can never reach an Approver: requests come in over the broker socket,
 * which only accepts *decision requests*; answers come from the human's side.
 */
import type { Decision, Verdict } from '../engine/types.js';

/** Which layer saw the command. */
export type Layer = 'shell' | 'tool' | 'exec' | 'proxy';

/** A command waiting for a human. Everything in it is already secret-masked. */
export interface ApprovalRequest {
  /** Unique per session, increasing. */
  id: number;
  /** ISO timestamp when the request arrived. */
  ts: string;
  layer: Layer;
  cwd: string;
  /** The command text as the gate received it (masked). */
  command: string;
  /** The engine's decision (verdict `ask`), with findings and what it understood. */
  decision: Decision;
  /**
   * When set, the human must type exactly this value (a volume id, database name,
   * path) to approve. Undefined = a single keystroke approves.
   */
  confirm?: string;
}

/** How a request was settled. */
export interface ApprovalResult {
  verdict: Exclude<Verdict, 'ask'>;
  /** `policy` (headless --on-ask), `tui`, `watch`, or `external:<name>`. */
  approver: string;
  /** `once` = this request only; `session` = this exact normalized command for the rest of the session. */
  scope: 'once' | 'session';
  /** Optional message from the human to the agent (shown in the refusal). Empty = none. */
  message?: string;
}

/** Something that can settle asks. Must resolve (never reject) — on error it denies. */
export interface Approver {
  /** Name for the audit log (`tui`, `watch`, `policy`, `external:slack`). */
  readonly name: string;
  /** Settle one request. `signal` aborts when another approver answered first or on timeout. */
  decide(req: ApprovalRequest, signal: AbortSignal): Promise<ApprovalResult>;
}

/** A decision that passed through the broker, as shown in live streams (TUI, watch). */
export interface DecisionEvent {
  id: number;
  ts: string;
  layer: Layer;
  cwd: string;
  /** Masked command text. */
  command: string;
  /** Final verdict after approval (allow/deny), or `ask` while pending. */
  verdict: Verdict;
  /** Rule ids that matched (`pack/id`). Empty = none. */
  rules: string[];
  /** Who settled it (`policy` for plain engine allow/deny). */
  approver: string;
  /** One-line reason. */
  reason: string;
}

/** The agent's pseudo-terminal as the supervisor exposes it to a UI. */
export interface AgentTerminal {
  /** Subscribe to the agent's output (raw bytes as UTF-8 string chunks, secrets already masked when masking is on). Returns an unsubscribe function. */
  onData(cb: (chunk: string) => void): () => void;
  /** Send keystrokes to the agent. */
  write(data: string): void;
  /** Resize the agent's terminal. */
  resize(cols: number, rows: number): void;
  /** Called once when the agent exits, with its exit code. */
  onExit(cb: (code: number) => void): void;
  cols: number;
  rows: number;
}

/** Live facts about the session, for status lines. */
export interface SessionInfo {
  /** Session id (also the runtime dir's name). */
  id: string;
  /** Loaded packs, `pack@version`. */
  packs: string[];
  /** Absolute path of the audit log. */
  auditPath: string;
  /** Absolute path of the watch socket (`agentfw watch` attaches here). */
  watchSocket: string;
}

/**
 * A user interface for a running session (the TUI). The supervisor calls `start` after
 * spawning the agent; the UI renders the terminal and the decision stream, and returns
 * an Approver that the broker consults on `ask`.
 */
export interface SessionUi {
  start(opts: {
    terminal: AgentTerminal;
    info: SessionInfo;
    /** Subscribe to decision events (every allow/ask/deny). Returns an unsubscribe function. */
    onDecision(cb: (ev: DecisionEvent) => void): () => void;
  }): Approver;
  /** Restore the user's terminal. Idempotent. */
  stop(): void;
}
