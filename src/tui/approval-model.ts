/**
 * The approval dialog as a pure state machine, shared by the TUI and `agentfw watch`.
 * Events (a request arrives, a key chunk, time passes, another approver answered) go in;
 * the new state and any settled requests come out. No I/O, no timers: the caller
 * passes `now` and runs the clock.
 *
 * Keys in the dialog: a = allow once, s = allow for this session (this exact
 * normalized command), d = deny, m = deny with a message to the agent. When a request
 * carries `confirm`, allowing requires typing that value key by key, then Enter.
 * r = always allow this shape (only when `shapeTarget` is set and the request has a
 * shape, see src/config/shape-rule.ts): shows the rule first; y writes it (the caller
 * validates and writes, see approvals.ts) and allows this command for the session.
 */
import type { ApprovalRequest, ApprovalResult } from '../approval/types.js';
import { proposeShape, type ShapeProposal } from '../config/shape-rule.js';

export interface ModelConfig {
  /** Approver name written into results (`tui`, `watch`). */
  approver: string;
  /** A request not answered within this many ms after it arrived is denied. */
  timeoutMs: number;
  /** Keys arriving within this many ms after a dialog opens are ignored (keystrokes meant for the agent). 0 = none. */
  armMs: number;
  /** Where "always allow this shape" writes its rule (shown in the dialog). Empty/undefined = not offered. */
  shapeTarget?: string;
}

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_ARM_MS = 250;

export interface PendingItem {
  req: ApprovalRequest;
  /** When the request arrived (ms since epoch). */
  arrived: number;
  /** When it is denied for lack of an answer (ms since epoch). */
  deadline: number;
  /** 1 for the first approval asked in this UI, 2 for the next, … (what the dialog's `#N` shows). */
  n: number;
}

/** choose = waiting for a/s/d/m/r; confirm = typing the confirmation value; message = typing a message for the agent; shape = showing the rule "always allow this shape" would write. */
export type Mode = 'choose' | 'confirm' | 'message' | 'shape';

export interface ModelState {
  /** Requests in arrival order; the head is the one the dialog shows. Empty = no dialog. */
  queue: PendingItem[];
  mode: Mode;
  /** Which allow was picked before typing the confirmation (meaningful in mode confirm). */
  scope: 'once' | 'session';
  /** Text typed so far in confirm/message mode. Empty = nothing typed. */
  input: string;
  /** One line of feedback for the human (wrong value, paste refused). Empty = none. */
  notice: string;
  /** When the head request was first shown (ms since epoch); 0 = nothing shown. */
  shownAt: number;
  /** Approvals asked so far (settled or not). 0 = none yet. */
  asked: number;
  /** The rule shown in mode shape. Undefined = none. */
  proposal?: ShapeProposal;
}

export interface Settled {
  id: number;
  result: ApprovalResult;
}

export interface Step {
  state: ModelState;
  /** Requests settled by this event, in order. Empty = none. */
  settled: Settled[];
  /** True when the human should be alerted (a new request is waiting). */
  bell: boolean;
  /**
   * The human chose to write this rule for the settled request. The caller writes it
   * before handing over the result; when writing fails it keeps the dialog open instead.
   * Undefined = nothing to write.
   */
  writeRule?: ShapeProposal;
}

const MAX_INPUT = 256;
const MAX_MESSAGE = 500;

export function initialState(): ModelState {
  return { queue: [], mode: 'choose', scope: 'once', input: '', notice: '', shownAt: 0, asked: 0 };
}

/** Reset the per-dialog fields for a new head of the queue. */
function nextHead(s: ModelState, queue: PendingItem[], now: number): ModelState {
  return {
    ...s,
    queue,
    mode: 'choose',
    scope: 'once',
    input: '',
    notice: '',
    proposal: undefined,
    shownAt: queue.length ? now : 0,
  };
}

/** `deadline` overrides arrival + timeout (a watcher joining late gets the session's deadline). */
export function enqueue(
  s: ModelState,
  req: ApprovalRequest,
  now: number,
  cfg: ModelConfig,
  deadline = now + cfg.timeoutMs,
): Step {
  const asked = s.asked + 1;
  const item: PendingItem = { req, arrived: now, deadline, n: asked };
  const queue = [...s.queue, item];
  const state = s.queue.length ? { ...s, queue, asked } : nextHead({ ...s, asked }, queue, now);
  return { state, settled: [], bell: true };
}

/** Another approver answered, or the broker gave up: drop the request without a result. */
export function cancel(s: ModelState, id: number, now: number): Step {
  const idx = s.queue.findIndex((p) => p.req.id === id);
  if (idx < 0) return { state: s, settled: [], bell: false };
  const queue = s.queue.filter((p) => p.req.id !== id);
  return { state: idx === 0 ? nextHead(s, queue, now) : { ...s, queue }, settled: [], bell: false };
}

/** Deny every request whose deadline has passed. */
export function tick(s: ModelState, now: number, cfg: ModelConfig): Step {
  const expired = s.queue.filter((p) => p.deadline <= now);
  if (!expired.length) return { state: s, settled: [], bell: false };
  const queue = s.queue.filter((p) => p.deadline > now);
  const headGone = s.queue[0] !== queue[0];
  const secs = Math.round(cfg.timeoutMs / 1000);
  const settled = expired.map((p) => ({
    id: p.req.id,
    result: {
      verdict: 'deny' as const,
      approver: cfg.approver,
      scope: 'once' as const,
      // fail closed: no answer in time means deny
      message: `No human answered within ${secs} s, so the command was denied. Do not retry or work around this; ask the user.`,
    },
  }));
  return { state: headGone ? nextHead(s, queue, now) : { ...s, queue }, settled, bell: false };
}

/** Whether (and what) "always allow this shape" would write for this request. */
export function offerShape(req: ApprovalRequest): ReturnType<typeof proposeShape> {
  // fail closed: a typed confirmation is never turned into a standing allow.
  if (req.confirm !== undefined) return { ok: false, reason: 'approving this needs a typed value' };
  return proposeShape(req.decision);
}

export function isArmed(s: ModelState, now: number, cfg: ModelConfig): boolean {
  return s.queue.length > 0 && now >= s.shownAt + cfg.armMs;
}

/** Split a key chunk into keys: escape sequences stay whole, everything else is one code point. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  const re = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1bO.|\x1b.|[\s\S]/gu;
  for (const m of data.matchAll(re)) keys.push(m[0]);
  return keys;
}

const isPrintable = (k: string): boolean => [...k].length === 1 && k >= ' ' && k !== '\x7f';

/** More than one printable character in one input chunk = pasted (or injected), not typed. */
export function isPaste(data: string): boolean {
  return data.includes('\x1b[200~') || splitKeys(data).filter(isPrintable).length > 1;
}

export function key(s: ModelState, data: string, now: number, cfg: ModelConfig): Step {
  const none: Step = { state: s, settled: [], bell: false };
  if (!s.queue.length) return none;
  if (!isArmed(s, now, cfg)) return none;
  const head = s.queue[0].req;
  if (isPaste(data) && s.mode !== 'message') {
    const notice =
      s.mode === 'confirm'
        ? 'Pasted text is not accepted: type the value key by key.'
        : 'Pasted input ignored: press a single key.';
    return { state: { ...s, input: '', notice }, settled: [], bell: false };
  }
  let state = s;
  for (const k of splitKeys(data)) {
    const step = oneKey(state, k, head, cfg);
    if (step.settled.length) return { ...step, state: nextHead(state, state.queue.slice(1), now) };
    state = step.state;
  }
  return { state, settled: [], bell: false };
}

function oneKey(s: ModelState, k: string, head: ApprovalRequest, cfg: ModelConfig): Step {
  const done = (result: Omit<ApprovalResult, 'approver'>): Step => ({
    state: s,
    settled: [{ id: head.id, result: { ...result, approver: cfg.approver } }],
    bell: false,
  });
  const same = (patch: Partial<ModelState>): Step => ({
    state: { ...s, ...patch },
    settled: [],
    bell: false,
  });
  if (s.mode === 'choose') {
    const c = k.toLowerCase();
    if (c === 'a' || c === 's') {
      const scope = c === 'a' ? 'once' : 'session';
      if (head.confirm) return same({ mode: 'confirm', scope, input: '', notice: '' });
      return done({ verdict: 'allow', scope });
    }
    if (c === 'd') return done({ verdict: 'deny', scope: 'once' });
    if (c === 'm') return same({ mode: 'message', input: '', notice: '' });
    if (c === 'r' && cfg.shapeTarget) {
      const r = offerShape(head);
      if (!r.ok) return same({ notice: `No "always allow" for this one: ${r.reason}.` });
      return same({ mode: 'shape', proposal: r.proposal, input: '', notice: '' });
    }
    return same({});
  }
  if (s.mode === 'shape') {
    if (k === '\x1b' || k.toLowerCase() === 'n')
      return same({ mode: 'choose', proposal: undefined, notice: '' });
    if ((k.toLowerCase() === 'y' || k === '\r') && s.proposal)
      return { ...done({ verdict: 'allow', scope: 'session' }), writeRule: s.proposal };
    return same({});
  }
  if (k === '\x1b') return same({ mode: 'choose', input: '', notice: '' });
  if (k === '\x7f' || k === '\b') return same({ input: [...s.input].slice(0, -1).join('') });
  if (k === '\x15') return same({ input: '' });
  if (k === '\r' || k === '\n') {
    if (s.mode === 'message') {
      const message = s.input.trim();
      return done({ verdict: 'deny', scope: 'once', ...(message ? { message } : {}) });
    }
    if (s.input === head.confirm) return done({ verdict: 'allow', scope: s.scope });
    return same({
      input: '',
      notice: 'That does not match. Type the value shown exactly, or Esc to go back.',
    });
  }
  if (!isPrintable(k)) return same({});
  const max = s.mode === 'message' ? MAX_MESSAGE : MAX_INPUT;
  if (s.input.length >= max) return same({});
  return same({ input: s.input + k, notice: '' });
}
