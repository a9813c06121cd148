/**
 * Routes the human's keystrokes: to the agent, to the approval dialog, or to the UI
 * after the prefix key Ctrl-]. Pure: input chunk + state → new state + actions.
 */
import { splitKeys } from './approval-model.js';

export const PREFIX = '\x1d'; // Ctrl-]

export type UiAction =
  | { kind: 'agent'; data: string }
  | { kind: 'dialog'; data: string }
  | { kind: 'toggle-pane' }
  | { kind: 'focus-log'; on: boolean }
  | { kind: 'scroll'; by: number | 'top' | 'bottom' }
  | { kind: 'help' };

export interface KeyState {
  /** The prefix key was pressed and the next key is a UI command. */
  prefix: boolean;
  /** The firewall log has the focus: keys scroll it and do not reach the agent. */
  logFocus: boolean;
}

export const initialKeys = (): KeyState => ({ prefix: false, logFocus: false });

const PAGE = 10;
const SCROLL: Record<string, number | 'top' | 'bottom'> = {
  k: -1,
  j: 1,
  '\x1b[A': -1,
  '\x1b[B': 1,
  '\x1bOA': -1,
  '\x1bOB': 1,
  '\x1b[5~': -PAGE,
  '\x1b[6~': PAGE,
  g: 'top',
  G: 'bottom',
};

/** Route one input chunk. `dialogOpen` = an approval is showing: every key goes to it. */
export function routeKeys(
  st: KeyState,
  data: string,
  dialogOpen: boolean,
): { state: KeyState; actions: UiAction[] } {
  if (dialogOpen) return { state: { ...st, prefix: false }, actions: [{ kind: 'dialog', data }] };
  const actions: UiAction[] = [];
  let state = st;
  let agent = '';
  const flush = () => {
    if (agent) actions.push({ kind: 'agent', data: agent });
    agent = '';
  };
  // Fast path: ordinary typing with no prefix involved goes through untouched (keeps paste chunks whole).
  if (!st.prefix && !st.logFocus && !data.includes(PREFIX))
    return { state, actions: [{ kind: 'agent', data }] };
  for (const k of splitKeys(data)) {
    if (state.prefix) {
      state = { ...state, prefix: false };
      if (k === PREFIX || k === ']') agent += PREFIX;
      else if (k === 'l') {
        flush();
        state = { ...state, logFocus: !state.logFocus };
        actions.push({ kind: 'focus-log', on: state.logFocus });
      } else if (k === 'h') {
        flush();
        actions.push({ kind: 'toggle-pane' });
      } else if (k in SCROLL) {
        flush();
        actions.push({ kind: 'scroll', by: SCROLL[k] });
      } else if (k === '?') {
        flush();
        actions.push({ kind: 'help' });
      }
      continue;
    }
    if (k === PREFIX) {
      state = { ...state, prefix: true };
      continue;
    }
    if (state.logFocus) {
      if (k in SCROLL) actions.push({ kind: 'scroll', by: SCROLL[k] });
      else if (k === '\x1b' || k === 'q' || k === 'l') {
        state = { ...state, logFocus: false };
        actions.push({ kind: 'focus-log', on: false });
      }
      continue;
    }
    agent += k;
  }
  flush();
  return { state, actions };
}
