import { describe, expect, it } from 'vitest';
import { initialKeys, routeKeys, type KeyState, type UiAction } from '../../src/tui/keys.js';

function feed(chunks: string[], dialogOpen = false): { state: KeyState; actions: UiAction[] } {
  let state = initialKeys();
  const actions: UiAction[] = [];
  for (const c of chunks) {
    const r = routeKeys(state, c, dialogOpen);
    state = r.state;
    actions.push(...r.actions);
  }
  return { state, actions };
}

describe('routeKeys', () => {
  it.each<[string, string[], UiAction[]]>([
    ['typing goes to the agent whole', ['ls -la\r'], [{ kind: 'agent', data: 'ls -la\r' }]],
    ['arrow keys go to the agent', ['\x1b[A'], [{ kind: 'agent', data: '\x1b[A' }]],
    ['prefix h toggles the pane', ['\x1dh'], [{ kind: 'toggle-pane' }]],
    ['prefix split across chunks', ['\x1d', 'h'], [{ kind: 'toggle-pane' }]],
    ['prefix prefix sends a literal Ctrl-]', ['\x1d\x1d'], [{ kind: 'agent', data: '\x1d' }]],
    ['prefix ] sends a literal Ctrl-]', ['\x1d]'], [{ kind: 'agent', data: '\x1d' }]],
    [
      'prefix k scrolls up',
      ['x\x1dky'],
      [
        { kind: 'agent', data: 'x' },
        { kind: 'scroll', by: -1 },
        { kind: 'agent', data: 'y' },
      ],
    ],
    ['prefix ? shows help', ['\x1d?'], [{ kind: 'help' }]],
    ['unknown command after prefix is swallowed', ['\x1dz', 'a'], [{ kind: 'agent', data: 'a' }]],
    [
      'log focus: keys scroll and do not reach the agent',
      ['\x1dl', 'j', 'x', '\x1b[5~', 'G', 'q', 'x'],
      [
        { kind: 'focus-log', on: true },
        { kind: 'scroll', by: 1 },
        { kind: 'scroll', by: -10 },
        { kind: 'scroll', by: 'bottom' },
        { kind: 'focus-log', on: false },
        { kind: 'agent', data: 'x' },
      ],
    ],
  ])('%s', (_name, chunks, want) => {
    expect(feed(chunks).actions).toEqual(want);
  });

  it('an open dialog takes every key, even the prefix', () => {
    expect(feed(['a', '\x1dh'], true).actions).toEqual([
      { kind: 'dialog', data: 'a' },
      { kind: 'dialog', data: '\x1dh' },
    ]);
  });
});
