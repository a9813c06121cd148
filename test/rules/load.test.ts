import { describe, expect, it } from 'vitest';
import { compileRulesetText } from '../../src/rules/load.js';

const good = `
pack: demo
version: 1.0.0
rules:
  - id: no-root
    title: delete root
    severity: critical
    decision: deny
    match: { kind: fs, op: delete, classes: [root] }
    message: "delete of {targets.0.path}"
    examples:
      match: ["rm -rf /"]
      not_match: ["rm -rf build"]
`;

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
