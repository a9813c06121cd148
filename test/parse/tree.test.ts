import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import Parser from 'tree-sitter';
import Bash from 'tree-sitter-bash';
import { describe, expect, it } from 'vitest';
import { copyTree, type SyntaxNode } from '../../src/parse/tree.js';

const parser = new Parser();
parser.setLanguage(Bash as unknown as Parser.Language);

/** Every field name the grammar declares. */
const FIELDS: string[] = (() => {
  const req = createRequire(import.meta.url);
  const types = JSON.parse(readFileSync(req.resolve('tree-sitter-bash/src/node-types.json'), 'utf8')) as {
    fields?: Record<string, unknown>;
  }[];
  return [...new Set(types.flatMap((t) => Object.keys(t.fields ?? {})))].sort();
})();

/** The copy must show exactly what tree-sitter's own node API shows, node by node. */
function compare(a: SyntaxNode, b: Parser.SyntaxNode, path = 'root'): void {
  const here = `${path}:${b.type}`;
  expect([a.type, a.isNamed, a.startIndex, a.endIndex, a.text], here).toEqual([
    b.type,
    b.isNamed,
    b.startIndex,
    b.endIndex,
    b.text,
  ]);
  const bk = b.children;
  expect(a.children.length, here).toBe(bk.length);
  expect(
    a.namedChildren.map((c) => c.startIndex + c.type),
    here,
  ).toEqual(b.namedChildren.map((c) => c.startIndex + c.type));
  const index = (kids: { id: number }[], n: { id: number } | null) =>
    n ? kids.findIndex((k) => k.id === n.id) : -1;
  for (const f of FIELDS) {
    expect(index(a.children, a.childForFieldName(f)), `${here} field ${f}`).toBe(
      index(bk, b.childForFieldName(f)),
    );
    expect(
      a.childrenForFieldName(f).map((c) => index(a.children, c)),
      `${here} fields ${f}`,
    ).toEqual(b.childrenForFieldName(f).map((c) => index(bk, c)));
  }
  a.children.forEach((c, i) => compare(c, bk[i], `${path}/${i}`));
}

function check(text: string): void {
  const tree = parser.parse(text, null, { bufferSize: text.length * 2 + 64 });
  const copy = copyTree(tree, text, 200_000);
  expect(copy).toBeDefined();
  compare(copy!, tree.rootNode);
}

describe('copyTree', () => {
  it.each([
    'ls -la',
    'rm -rf "$HOME"/x && echo ok || true; cd /tmp & wait',
    'FOO=1 BAR="$(date)" env -i bash -c \'rm -rf ~\' >/dev/null 2>&1',
    'cat <<-EOF | sh\n\trm -rf /\nEOF\necho done',
    'python3 - <<EOF\nimport shutil\nEOF',
    'for f in a b "c d"; do rm "$f"; done; while read x; do echo $x; done < list.txt',
    'case $1 in a|b) echo ${X:-d} ${#Y} ${Z//a/b};; *) exit 1;; esac',
    'f() { local a=$1; rm -rf "$a"; }; f /',
    'if [[ -n $x && $y == *.log ]]; then echo $(( 1 + 2 )); elif true; then :; else false; fi',
    "echo $'\\x72\\x6d' {a,b}{1..3} é ü 日本 <(curl x) >(tee y)",
    'echo "abc',
    'if true; then echo',
    '{rm,-rf,/}',
    'arr=(1 2 3); echo "${arr[@]}"; declare -A m=([k]=v); unset m',
    'echo `whoami` \\\n  next line # comment',
  ])('matches tree-sitter node for node: %j', (text) => check(text));

  it('matches tree-sitter on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120, unit: fc.constantFrom(...'ab $\'"`(){}[];|&<>\\\n#=-*~!'.split('')) }),
        (s) => check(s),
      ),
      { numRuns: 150 },
    );
  });

  it('gives up past the node budget (the caller keeps tree-sitter nodes)', () => {
    const text = 'echo a b c d e f g';
    const tree = parser.parse(text);
    expect(copyTree(tree, text, 5)).toBeUndefined();
    expect(copyTree(tree, text, 100)).toBeDefined();
  });

  it('copies 10k nested substitutions without recursion', () => {
    const text = 'echo ' + '$('.repeat(10000) + 'x' + ')'.repeat(10000);
    const tree = parser.parse(text, null, { bufferSize: text.length * 2 + 64 });
    let n = copyTree(tree, text, 200_000) as SyntaxNode | undefined;
    let depth = 0;
    while (n && n.children.length) {
      n =
        n.children[n.children.length - 1].type === ')'
          ? n.children[n.children.length - 2]
          : n.children[n.children.length - 1];
      depth++;
    }
    expect(depth).toBeGreaterThan(10000);
  });
});
