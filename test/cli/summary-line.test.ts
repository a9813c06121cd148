/**
 * The exit summary counts questions a human was asked: an ask settled by an earlier
 * approval of the same command (the tool gate after the shell gate, `reused`) is not a
 * second question; an ask the policy settled (headless, --on-ask) asked nobody; a record
 * about the session itself is no command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/cli/run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rec = (p: Record<string, unknown>) =>
  JSON.stringify({
    layer: 'shell',
    cwd: '/w',
    command: 'x',
    rules: [],
    reason: '',
    session: 's',
    prev: '',
    ...p,
  });

describe('summaryLine', () => {
  it.each<[string, string[], string]>([
    [
      'one dialog, then its command at the tool gate covered by it',
      [
        rec({ decision: 'allow', verdict: 'ask', approver: 'external:a' }),
        rec({ layer: 'tool', decision: 'allow', verdict: 'ask', approver: 'external:a', reused: true }),
      ],
      '2 command(s) checked, 1 asked a human, 0 refused',
    ],
    [
      'two dialogs',
      [
        rec({ decision: 'allow', verdict: 'ask', approver: 'tui' }),
        rec({ decision: 'deny', verdict: 'ask', approver: 'tui' }),
      ],
      '2 command(s) checked, 2 asked a human, 1 refused',
    ],
    [
      'asks settled by the policy asked nobody',
      [
        rec({ decision: 'deny', verdict: 'ask', approver: 'policy' }),
        rec({ decision: 'allow', verdict: 'allow', approver: 'policy' }),
      ],
      '2 command(s) checked, 0 asked a human, 1 refused',
    ],
    [
      'records about the session itself (its start, a reopened log, its end) are no command',
      [
        rec({ layer: 'session', command: 'claude', decision: 'allow', verdict: 'allow', approver: 'policy' }),
        rec({ decision: 'allow', verdict: 'allow', approver: 'policy' }),
        rec({ layer: 'session', command: '', decision: 'deny', verdict: 'deny', approver: 'policy' }),
      ],
      '1 command(s) checked, 0 asked a human, 0 refused',
    ],
  ])('%s', (name, lines, want) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, lines.join('\n') + '\n');
    expect(summaryLine(file, 0)).toContain(want);
  });
});
