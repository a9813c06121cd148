import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApprovalRequest, ApprovalResult } from '../../src/approval/types.js';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { writeShapeRule } from '../../src/config/shape-write.js';
import { enqueue, initialState, key, type ModelConfig } from '../../src/tui/approval-model.js';
import { ApprovalQueue } from '../../src/tui/approvals.js';
import { dialogLines, fitDialog, FOOTER } from '../../src/tui/view.js';

const engine = await loadEngine({ exampleCacheDir: '', noConfig: true });
const ctx = makeContext({ cwd: '/srv/app', home: '/home/u', env: {} });
const cfg: ModelConfig = {
  approver: 'tui',
  timeoutMs: 60_000,
  armMs: 0,
  shapeTarget: '/cfg/rules/allowed-shapes.yaml',
};
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-shape-ui-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function req(command: string, id = 1): ApprovalRequest {
  const decision = engine.analyze(command, ctx);
  const confirm = decision.findings.find((f) => f.confirm !== undefined)?.confirm;
  return { id, ts: 't', layer: 'shell', cwd: '/srv/app', command, decision, ...(confirm ? { confirm } : {}) };
}

describe('dialog: r = always allow this shape', () => {
  it.each<[string, string, string[], 'shape' | 'choose', boolean]>([
    [
      'r shows the rule, y settles for the session and asks to write it',
      'git push --force origin feature-x',
      ['r', 'y'],
      'choose',
      true,
    ],
    [
      'r then Esc goes back without writing',
      'git push --force origin feature-x',
      ['r', '\x1b'],
      'choose',
      false,
    ],
    [
      'r on a typed confirmation is refused with a reason',
      'git push --force origin main',
      ['r'],
      'choose',
      false,
    ],
    ['r on a path deletion is refused', 'rm -rf /etc/nginx', ['r'], 'choose', false],
  ])('%s', (_n, cmd, keys, mode, writes) => {
    let s = enqueue(initialState(), req(cmd), 0, cfg).state;
    let wrote = false;
    let settled: ApprovalResult[] = [];
    for (const k of keys) {
      const step = key(s, k, 10, cfg);
      s = step.state;
      if (step.writeRule) wrote = true;
      settled = [...settled, ...step.settled.map((x) => x.result)];
      if (k === 'r' && s.mode === 'shape') {
        const text = dialogLines(s, 10, cfg, 100, '/home/u').join('\n');
        expect(text).toContain('Always allow this shape');
        expect(text).toContain('examples:');
        expect(text).toContain(cmd);
      }
    }
    expect(wrote).toBe(writes);
    if (writes) expect(settled).toEqual([{ verdict: 'allow', scope: 'session', approver: 'tui' }]);
    else {
      expect(settled).toEqual([]);
      expect(s.mode).toBe(mode);
    }
    if (keys.length === 1) expect(s.notice).toMatch(/No "always allow"/);
  });

  it('is not offered where nothing can write rules (no shapeTarget, e.g. watch)', () => {
    const c = { ...cfg, shapeTarget: undefined };
    const s = enqueue(initialState(), req('git push --force origin feature-x'), 0, c).state;
    expect(key(s, 'r', 10, c).state.mode).toBe('choose');
    expect(dialogLines(s, 10, c, 100, '/home/u').join('\n')).not.toContain('[r]');
  });
});

describe('ApprovalQueue writes the rule before settling', () => {
  it.each<[string, boolean]>([
    ['a rule that loads is written, then the request is allowed', true],
    ['a writer that fails keeps the dialog open and settles nothing', false],
  ])('%s', (_n, ok) => {
    const settled: ApprovalResult[] = [];
    const dir = path.join(tmp, ok ? 'ok' : 'fail');
    const q = new ApprovalQueue(cfg, {
      onChange: () => undefined,
      onBell: () => undefined,
      onSettled: (_id, r) => settled.push(r),
      onWriteRule: (_r, p) => {
        if (!ok) return 'disk full';
        writeShapeRule(dir, p);
        return '';
      },
    });
    q.add(req('curl -X DELETE https://api.example.com/v1/items/7'));
    q.key('r');
    q.key('y');
    expect(settled.length).toBe(ok ? 1 : 0);
    expect(existsSync(path.join(dir, 'rules', 'allowed-shapes.yaml'))).toBe(ok);
    if (ok)
      expect(readFileSync(path.join(dir, 'rules', 'allowed-shapes.yaml'), 'utf8')).toContain(
        'api.example.com',
      );
    else {
      expect(q.open).toBe(true);
      expect(q.state.notice).toContain('disk full');
    }
    q.close('done');
  });
});

describe('the shape dialog fits: what the TUI found in a real terminal', () => {
  const strip = (l: string) => l.replace(/\{\/?[a-z-]+\}/g, '').replace(/\{(open|close)\}/g, 'x');
  it.each<[number, number]>([
    [60, 24],
    [100, 30],
  ])(
    'width %i, %i rows: no line wider than the dialog, the [y] choice always visible, YAML indentation kept',
    (width, rows) => {
      const long = { ...cfg, shapeTarget: `/home/someone/${'deep/'.repeat(20)}rules/allowed-shapes.yaml` };
      let s = enqueue(initialState(), req('git push --force origin feature-x'), 0, long).state;
      s = key(s, 'r', 10, long).state;
      const lines = dialogLines(s, 10, long, width, '/home/u');
      const shown = fitDialog(lines, rows);
      expect(shown.some((l) => l.includes('[y]'))).toBe(true);
      for (const l of lines.filter((x) => x !== FOOTER))
        expect([...strip(l)].length).toBeLessThanOrEqual(width);
      expect(lines.some((l) => /^ {2}\u00a0{4}action: force-push$/.test(strip(l)))).toBe(true);
    },
  );
});
