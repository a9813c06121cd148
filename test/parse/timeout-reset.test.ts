/**
 * After tree-sitter gives up on a timeout, the next parse must start from scratch: the
 * parser would otherwise resume the abandoned input and return a tree that mixes both texts
 * (`rm -rf /` once came out as `'rm -' 'f /'`).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { parseScript, type SyntaxNode } from '../../src/parse/parse.js';

const big = 'echo ' + '{a,b} "x" $(y) '.repeat(8000);

describe('parse after a timed-out parse', () => {
  it.each(['rm -rf /', 'git push --force origin main', 'curl -X DELETE https://a.example/v1/x'])(
    '%s parses as written',
    (cmd) => {
      const cut = parseScript(big, {
        ...DEFAULT_LIMITS,
        maxMillis: 0.001,
        maxParseCost: Number.MAX_SAFE_INTEGER,
      });
      expect(cut.issues.map((i) => i.code)).toContain('E_TIMEOUT');
      const p = parseScript(cmd, DEFAULT_LIMITS);
      expect(p.issues).toEqual([]);
      const root = p.root as SyntaxNode;
      expect(root.text).toBe(cmd);
      const words = root.namedChildren[0].namedChildren.map((n) => n.text);
      expect(words.join(' ')).toBe(cmd);
    },
  );
});
