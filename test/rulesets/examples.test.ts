/**
 * Every built-in rule's own examples, through the real pipeline: `match` commands must
 * trigger the rule, `not_match` commands must not.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { runExamples } from '../../src/engine/examples.js';

const engine = await loadEngine({ skipExamples: true });
const results = runExamples(engine.rulesets, engine.analyze);

describe('built-in ruleset examples', () => {
  it('there are examples to run', () => {
    expect(results.length).toBeGreaterThan(0);
  });
  it.each(results.map((r) => [r.rule, r.expect, r.command, r] as const))(
    '%s %s: %s',
    (_rule, _expect, _cmd, r) => {
      expect(r.ok, `verdict ${r.decision}`).toBe(true);
    },
  );
});
