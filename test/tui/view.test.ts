import { describe, expect, it } from 'vitest';
import type { ApprovalRequest, DecisionEvent } from '../../src/approval/types.js';
import { enqueue, initialState, key, type ModelConfig } from '../../src/tui/approval-model.js';
import {
  countEvent,
  dialogLines,
  eventLine,
  fitDialog,
  FOOTER,
  safe,
  type Counts,
  wrap,
} from '../../src/tui/view.js';

const ev = (p: Partial<DecisionEvent>): DecisionEvent => ({
  id: 1,
  ts: '2024-05-01T10:11:12.000Z',
  layer: 'shell',
  cwd: '/w',
  command: 'ls',
  verdict: 'allow',
  rules: [],
  approver: 'policy',
  reason: '',
  ...p,
});

describe('safe', () => {
  it.each([
    ['plain', 'plain'],
    ['{red-fg}x', '{open}red-fg{close}x'],
    ['a\x1b[2Jb', 'a^[[2Jb'],
    ['bell\x07', 'bell^G'],
    ['line\nbreak', 'line^Jbreak'],
    ['c1\u009bx', 'c1?x'],
  ])('%j', (input, want) => expect(safe(input)).toBe(want));
});

describe('eventLine', () => {
  it.each([
    [ev({ verdict: 'allow' }), '{green-fg}', 'ALLOW'],
    [
      ev({ verdict: 'ask', rules: ['graphql/destructive-mutation'] }),
      '{yellow-fg}',
      'graphql/destructive-mutation',
    ],
    [ev({ verdict: 'deny', approver: 'tui' }), '{red-fg}', 'by tui'],
  ])('%#', (e, colour, text) => {
    const line = eventLine(e);
    expect(line).toContain(colour);
    expect(line).toContain(text);
    expect(line).toContain('10:11:12');
  });
});

describe('countEvent', () => {
  it('counts each asked request once and finals by verdict', () => {
    const seen = new Set<number>();
    let c: Counts = { allow: 0, ask: 0, deny: 0 };
    for (const e of [
      ev({ id: 1, verdict: 'allow' }),
      ev({ id: 2, verdict: 'ask' }),
      ev({ id: 2, verdict: 'ask' }),
      ev({ id: 2, verdict: 'deny' }),
    ])
      c = countEvent(c, seen, e);
    expect(c).toEqual({ allow: 1, ask: 1, deny: 1 });
  });
});

describe('dialogLines', () => {
  const cfg: ModelConfig = { approver: 'tui', timeoutMs: 60_000, armMs: 100 };
  const req: ApprovalRequest = {
    id: 7,
    ts: 't',
    layer: 'shell',
    cwd: '/w',
    command: 'curl -X POST https://backboard.railway.app/graphql/v2 -d @q.json',
    confirm: '3f1c9a',
    decision: {
      decision: 'ask',
      reason: 'r',
      ms: 1,
      issues: [],
      commands: [
        {
          text: 'curl -X POST https://backboard.railway.app/graphql/v2 -d @q.json',
          program: 'curl',
          wrappers: [],
          cwd: '/w',
          dynamic: false,
          remote: false,
        },
      ],
      facts: [
        {
          kind: 'graphql',
          command: 0,
          evidence: 'e',
          host: 'backboard.railway.app',
          url: 'u',
          operation: 'mutation',
          field: 'volumeDelete',
          alias: '',
          args: { volumeId: '3f1c9a' },
        },
      ],
      findings: [
        {
          rule: 'graphql/destructive-mutation',
          severity: 'critical',
          decision: 'ask',
          message: 'volumeDelete on backboard.railway.app',
          agent_message: 'a',
          evidence: 'e',
          fact: 0,
          confirm: '3f1c9a',
        },
      ],
    },
  };
  it('#N counts approvals, not every checked command (request id 7 is the 1st ask, id 9 the 2nd)', () => {
    let s = enqueue(initialState(), req, 0, cfg).state;
    s = enqueue(s, { ...req, id: 9 }, 0, cfg).state;
    expect(dialogLines(s, 1000, cfg, 80)[0]).toContain('#1 ');
    s = key(s, 'd', 1000, cfg).state;
    expect(dialogLines(s, 2000, cfg, 80)[0]).toContain('#2 ');
  });

  it('shows command, understanding, rule, severity, countdown and choices once armed', () => {
    const s = enqueue(initialState(), req, 0, cfg).state;
    const text = dialogLines(s, 1000, cfg, 80).join('\n');
    for (const want of [
      '#1 ',
      'denied in 59 s',
      'GraphQL mutation volumeDelete(volumeId: "3f1c9a") → backboard.railway.app',
      'graphql/destructive-mutation',
      'critical',
      '[a]{/green-fg} allow once',
      'session allow covers exactly: curl -X POST',
    ])
      expect(text).toContain(want);
    expect(dialogLines(s, 50, cfg, 80).join('\n')).not.toContain('allow once');
  });
  it('no line is wider than the dialog (a line the screen wraps pushes the last choice out of the box)', () => {
    const texts = [
      'echo "agent: ready"',
      'git push --force origin feature-x',
      'echo "agent: push exit $?"',
      'sleep 60',
    ];
    const many: ApprovalRequest = {
      ...req,
      command: texts.join('\n'),
      confirm: undefined,
      decision: {
        ...req.decision,
        commands: texts.map((text) => ({ ...req.decision.commands[0], text, program: text.split(' ')[0] })),
      },
    };
    const s = enqueue(initialState(), many, 0, cfg).state;
    for (const width of [80, 108]) {
      const lines = dialogLines(s, 1000, cfg, width).filter((l) => l !== FOOTER);
      const plain = lines.map((l) => l.replace(/\{\/?[a-z-]+\}/g, ''));
      expect(plain.filter((l) => l.length > width)).toEqual([]);
      expect(plain.join(' ')).toContain('session allow covers exactly:');
    }
  });
  it('asks for the typed value after a', () => {
    const s = key(enqueue(initialState(), req, 0, cfg).state, 'a', 1000, cfg).state;
    const text = dialogLines(s, 1000, cfg, 80).join('\n');
    expect(text).toContain('To allow, type {bold}3f1c9a{/bold}');
  });
});

describe('fitDialog', () => {
  const lines = ['h1', 'h2', 'b1', 'b2', 'b3', FOOTER, 'choices', 'notice'];
  it.each<[number, string[]]>([
    [20, ['h1', 'h2', 'b1', 'b2', 'b3', 'choices', 'notice']],
    [7, ['h1', 'h2', 'b1', 'b2', 'b3', 'choices', 'notice']],
    [5, ['h1', 'h2', '{gray-fg}…{/gray-fg}', 'choices', 'notice']],
    [2, ['h1', '{gray-fg}…{/gray-fg}', 'choices', 'notice']],
  ])('max %i rows keeps the footer', (max, want) => expect(fitDialog(lines, max)).toEqual(want));

  it('shows multi-line scripts as lines and cuts long ones', () => {
    const cfg: ModelConfig = { approver: 'tui', timeoutMs: 60_000, armMs: 0 };
    const r = {
      id: 1,
      ts: 't',
      layer: 'shell' as const,
      cwd: '/w',
      command: Array.from({ length: 12 }, (_, i) => `step${i}`).join('\n') + '\n',
      decision: {
        decision: 'ask' as const,
        reason: 'r',
        ms: 1,
        issues: [],
        commands: [],
        facts: [],
        findings: [],
      },
    };
    const text = dialogLines(enqueue(initialState(), r, 0, cfg).state, 0, cfg, 80).join('\n');
    expect(text).toContain('{bold}step6{/bold}');
    expect(text).not.toContain('step7');
    expect(text).toContain('… 5 more lines');
    expect(text).not.toContain('^J');
  });
});

describe('wrap', () => {
  it.each<[string, number, string[]]>([
    ['delete the staging volume now', 12, ['delete the', 'staging', 'volume now']],
    ['short', 20, ['short']],
    ['averyveryverylongword tail', 8, ['averyver', 'yverylon', 'gword', 'tail']],
    ['', 10, ['']],
  ])('%j at %i columns', (text, width, want) => {
    expect(wrap(text, width)).toEqual(want);
    for (const l of wrap(text, width)) expect(l.length).toBeLessThanOrEqual(width);
  });
});

describe('dialogLines: typing needed', () => {
  const cfg: ModelConfig = { approver: 'tui', timeoutMs: 60_000, armMs: 0 };
  const base = {
    id: 1,
    ts: 't',
    layer: 'shell' as const,
    cwd: '/w',
    command: 'rm -rf ~/old',
    decision: {
      decision: 'ask' as const,
      reason: 'r',
      ms: 1,
      issues: [],
      commands: [],
      facts: [],
      findings: [],
    },
  };
  it.each<[string, ApprovalRequest, boolean]>([
    ['with a value to type, says so before the command', { ...base, confirm: '/home/dev/old' }, true],
    ['without one, does not', base, false],
  ])('%s', (_n, req, warned) => {
    const lines = dialogLines(enqueue(initialState(), req, 0, cfg).state, 10, cfg, 80);
    const warn = lines.findIndex((l) => l.includes('To allow, you will type: /home/dev/old'));
    expect(warn >= 0).toBe(warned);
    if (warned) expect(warn).toBeLessThan(lines.findIndex((l) => l.includes('rm -rf ~/old')));
  });
});

describe('eventLine: the approver stays in view', () => {
  const ev = (verdict: 'ask' | 'allow' | 'deny', approver: string, command: string): DecisionEvent => ({
    id: 1,
    ts: '2026-12-04T10:00:00.000Z',
    layer: 'shell',
    cwd: '/w',
    command,
    rules: ['filesystem/delete-outside-workspace'],
    reason: 'r',
    verdict,
    approver,
  });
  const long = `rm -rf ${'/very/long/path'.repeat(40)}\necho done`;
  it.each<[string, DecisionEvent, RegExp]>([
    [
      'a human allow of a long command names the human before the command',
      ev('allow', 'tui', long),
      /^[^\n]{0,120}by tui\{\/cyan-fg\} rm -rf/,
    ],
    ['an ask says it is waiting', ev('ask', '', 'rm -rf ~/x'), /waiting\{\/yellow-fg\} rm -rf ~\/x/],
    ['a multi-line command stays on one line', ev('deny', 'policy', 'rm -rf ~/x\necho done'), /⏎ echo/],
  ])('%s', (_n, e, re) => {
    const line = eventLine(e);
    expect(line).toMatch(re);
    expect(line).not.toContain('\n');
  });
});

describe('eventLine: asks nobody answered are marked', () => {
  const ev = (verdict: 'allow' | 'deny', approver: string): DecisionEvent => ({
    id: 7,
    ts: '2026-12-04T10:00:00.000Z',
    layer: 'shell',
    cwd: '/w',
    command: 'rm -rf ~/x',
    rules: [],
    reason: 'r',
    verdict,
    approver,
  });
  it.each<[string, DecisionEvent, '' | 'timed out' | 'no answer', RegExp, RegExp | null]>([
    [
      'the dialog timed out',
      ev('deny', 'tui'),
      'timed out',
      /timed out\{\/bold\}\{\/red-fg\} rm -rf/,
      /by tui/,
    ],
    [
      'the session gave up',
      ev('deny', 'policy'),
      'no answer',
      /no answer\{\/bold\}\{\/red-fg\} rm -rf/,
      null,
    ],
    ['a human deny is not marked', ev('deny', 'tui'), '', /by tui/, /timed out|no answer/],
    ['an allow is never marked', ev('allow', 'tui'), 'timed out', /by tui/, /timed out/],
  ])('%s', (_n, e, mark, re, not) => {
    const line = eventLine(e, mark);
    expect(line).toMatch(re);
    if (not) expect(line).not.toMatch(not);
  });
});
