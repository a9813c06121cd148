import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/approval/types.js';
import {
  cancel,
  enqueue,
  initialState,
  isPaste,
  key,
  splitKeys,
  tick,
  type ModelConfig,
  type ModelState,
  type Step,
} from '../../src/tui/approval-model.js';

const cfg: ModelConfig = { approver: 'tui', timeoutMs: 10_000, armMs: 100 };

function req(id: number, confirm?: string): ApprovalRequest {
  return {
    id,
    ts: '2024-01-01T00:00:00Z',
    layer: 'shell',
    cwd: '/w',
    command: `cmd-${id}`,
    decision: { decision: 'ask', findings: [], reason: 'r', commands: [], facts: [], issues: [], ms: 1 },
    ...(confirm ? { confirm } : {}),
  };
}

/** Open one request at t=0 and feed key chunks at t=1000, 1001, … */
function run(r: ApprovalRequest, chunks: string[]): { state: ModelState; steps: Step[] } {
  let state = enqueue(initialState(), r, 0, cfg).state;
  const steps: Step[] = [];
  chunks.forEach((c, i) => {
    const step = key(state, c, 1000 + i, cfg);
    steps.push(step);
    state = step.state;
  });
  return { state, steps };
}

const settledOf = (steps: Step[]) => steps.flatMap((s) => s.settled.map((x) => x.result));

describe('approval model: choices', () => {
  it.each([
    ['a allows once', undefined, ['a'], { verdict: 'allow', scope: 'once' }],
    ['s allows for the session', undefined, ['s'], { verdict: 'allow', scope: 'session' }],
    ['d denies', undefined, ['d'], { verdict: 'deny', scope: 'once' }],
    ['upper-case works', undefined, ['D'], { verdict: 'deny', scope: 'once' }],
    [
      'm + message + Enter denies with the message',
      undefined,
      ['m', 'use staging', '\r'],
      { verdict: 'deny', scope: 'once', message: 'use staging' },
    ],
    [
      'm + Enter without text denies without a message',
      undefined,
      ['m', '\r'],
      { verdict: 'deny', scope: 'once' },
    ],
    [
      'typed confirmation then Enter allows',
      'vol1',
      ['a', 'v', 'o', 'l', '1', '\r'],
      { verdict: 'allow', scope: 'once' },
    ],
    [
      'typed confirmation with session scope',
      'db',
      ['s', 'd', 'b', '\r'],
      { verdict: 'allow', scope: 'session' },
    ],
    ['backspace fixes a typo', 'ab', ['a', 'a', 'x', '\x7f', 'b', '\r'], { verdict: 'allow', scope: 'once' }],
    ['wrong then right', 'ab', ['a', 'a', 'c', '\r', 'a', 'b', '\r'], { verdict: 'allow', scope: 'once' }],
    [
      'd while typing the confirmation is just a letter',
      'xd',
      ['a', 'x', 'd', '\r'],
      { verdict: 'allow', scope: 'once' },
    ],
  ])('%s', (_name, confirm, chunks, want) => {
    const { state, steps } = run(req(1, confirm), chunks);
    expect(settledOf(steps)).toEqual([{ ...want, approver: 'tui' }]);
    expect(state.queue).toHaveLength(0);
  });

  it.each([
    ['a wrong value does not approve', 'vol1', ['a', 'v', 'o', 'x', '\r'], 'does not match'],
    ['a pasted value does not approve', 'vol1', ['a', 'vol1', '\r'], 'does not match'],
    [
      'a paste with Enter in one chunk does not approve',
      'vol1',
      ['a', 'vol1\r'],
      'Pasted text is not accepted',
    ],
    ['bracketed paste does not approve', 'v', ['a', '\x1b[200~v\x1b[201~', '\r'], 'does not match'],
    ['pasted keys in the choice are ignored', undefined, ['ad'], 'Pasted input ignored'],
    ['Esc backs out of the confirmation', 'v', ['a', '\x1b', '\r'], ''],
    ['Ctrl-U clears the typed value', 'v', ['a', 'v', '\x15', '\r'], 'does not match'],
    ['unknown keys do nothing', undefined, ['x', '\r', '\x1b[A', ' '], ''],
  ])('%s', (_name, confirm, chunks, notice) => {
    const { state, steps } = run(req(1, confirm), chunks);
    expect(settledOf(steps)).toEqual([]);
    expect(state.queue).toHaveLength(1);
    expect(state.notice).toContain(notice);
  });

  it('ignores keys that arrive before the dialog is armed', () => {
    const s0 = enqueue(initialState(), req(1), 0, cfg).state;
    expect(key(s0, 'a', 50, cfg).settled).toEqual([]);
    expect(key(s0, 'a', 100, cfg).settled).toHaveLength(1);
  });
});

describe('approval model: queue and time', () => {
  it('rings on arrival and answers requests in order', () => {
    let step = enqueue(initialState(), req(1), 0, cfg);
    expect(step.bell).toBe(true);
    step = enqueue(step.state, req(2), 10, cfg);
    expect(step.state.queue.map((p) => p.req.id)).toEqual([1, 2]);
    step = key(step.state, 'd', 500, cfg);
    expect(step.settled.map((s) => s.id)).toEqual([1]);
    expect(step.state.shownAt).toBe(500);
    // the second dialog re-arms: an immediate key is ignored
    expect(key(step.state, 'a', 550, cfg).settled).toEqual([]);
    step = key(step.state, 'a', 700, cfg);
    expect(step.settled).toEqual([{ id: 2, result: { verdict: 'allow', scope: 'once', approver: 'tui' } }]);
  });

  it('keys after a settle in the same chunk do not reach the next request', () => {
    let s = enqueue(initialState(), req(1), 0, cfg).state;
    s = enqueue(s, req(2), 0, cfg).state;
    const step = key(s, 'd', 500, cfg);
    expect(key(step.state, 'a', 501, cfg).settled).toEqual([]);
  });

  it.each([
    [9_999, []],
    [10_000, [1]],
    [10_005, [1, 2]],
  ])('timeout at t=%i denies %j', (now, ids) => {
    let s = enqueue(initialState(), req(1), 0, cfg).state;
    s = enqueue(s, req(2), 5, cfg).state;
    const step = tick(s, now, cfg);
    expect(step.settled.map((x) => x.id)).toEqual(ids);
    for (const x of step.settled) {
      expect(x.result.verdict).toBe('deny');
      expect(x.result.message).toMatch(/No human answered within 10 s.*ask the user/);
    }
    expect(step.state.queue).toHaveLength(2 - ids.length);
  });

  it('cancel drops a request answered elsewhere', () => {
    let s = enqueue(initialState(), req(1), 0, cfg).state;
    s = enqueue(s, req(2), 0, cfg).state;
    s = key(s, 'm', 500, cfg).state;
    const step = cancel(s, 1, 600);
    expect(step.settled).toEqual([]);
    expect(step.state.queue.map((p) => p.req.id)).toEqual([2]);
    expect(step.state.mode).toBe('choose');
    expect(cancel(step.state, 99, 700).state).toBe(step.state);
  });
});

describe('paste detection', () => {
  it.each([
    ['a', false],
    ['\r', false],
    ['\x1b[A', false],
    ['ab', true],
    ['a\r', false],
    ['日本', true],
    ['\x1b[200~x\x1b[201~', true],
  ])('%j → %s', (data, want) => {
    expect(isPaste(data)).toBe(want);
  });

  it('splits escape sequences as one key', () => {
    expect(splitKeys('a\x1b[Ab\x1b')).toEqual(['a', '\x1b[A', 'b', '\x1b']);
  });
});
