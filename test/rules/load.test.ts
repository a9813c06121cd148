import { describe, expect, it } from 'vitest';
import { compileRulesetText } from '../../src/rules/load.js';
import { DEMO_PACK } from '../helpers/packs.js';

const good = DEMO_PACK;

describe('compileRulesetText', () => {
  it('compiles a valid pack', () => {
    const { ruleset, problems } = compileRulesetText(good, 'demo.yaml');
    expect(problems).toEqual([]);
    expect(ruleset?.pack).toBe('demo');
    expect(ruleset?.rules.map((r) => r.id)).toEqual(['demo/no-root']);
  });

  it.each([
    ['YAML syntax', good.replace('title: delete root', 'title: [unclosed'), /line/],
    ['unknown decision', good.replace('decision: deny', 'decision: maybe'), /decision/],
    ['unknown fact kind', good.replace('kind: fs', 'kind: filesystem'), /kind/],
    ['bad regex', good.replace('op: delete', 'op: { regex: "(" }'), /invalid regex/],
    ['unknown condition operator', good.replace('op: delete', 'op: { fuzzy: 1 }'), /invalid condition/],
    ['missing examples', good.replace(/examples:[\s\S]*$/, ''), /examples/],
    ['bad version', good.replace('1.0.0', 'one'), /version/],
    ['duplicate ids', good + good.split('rules:')[1].replace(/^/, ''), /duplicate|line/],
    [
      'confirm_value without confirm',
      good.replace('decision: deny', 'decision: deny\n    confirm_value: "{x}"'),
      /confirm/,
    ],
  ])('reports %s with a location and a fix', (_name, text, re) => {
    const { ruleset, problems } = compileRulesetText(text, 'demo.yaml');
    expect(ruleset).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => `${p.where} ${p.message}`).join('\n')).toMatch(re);
    for (const p of problems) expect(p.fix.length).toBeGreaterThan(5);
  });
});
