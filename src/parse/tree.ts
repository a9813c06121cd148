/**
 * A plain-object copy of a tree-sitter syntax tree, made in one TreeCursor pass.
 *
 * node-tree-sitter builds a fresh JS wrapper (through a native call and a transfer
 * buffer) on every `children`, `namedChildren`, `startIndex` or `text` access, and the
 * normalizer reads those many times per node. Copying the tree once makes every later
 * read a field access. The copy has exactly the node set the tree-sitter node API shows
 * (named and anonymous children, extras, ERROR and MISSING nodes).
 */
import type Parser from 'tree-sitter';

/**
 * The part of the syntax-node API the pipeline uses. Both {@link ScriptNode} and
 * tree-sitter's own nodes satisfy it.
 */
export interface SyntaxNode {
  /** Unique among the nodes of one parse. */
  readonly id: number;
  /** Grammar node type (`command`, `word`, `&&` …). */
  readonly type: string;
  /** False for anonymous tokens (`;`, `$`, `{`). */
  readonly isNamed: boolean;
  /** Offsets (UTF-16 code units) of the node in the parsed text. */
  readonly startIndex: number;
  readonly endIndex: number;
  /** The node's source text. */
  readonly text: string;
  /** Every child, in order. Empty = a leaf. */
  readonly children: SyntaxNode[];
  /** The named children, in order. Empty = none. */
  readonly namedChildren: SyntaxNode[];
  /** The first child with this field name, or null. */
  childForFieldName(name: string): SyntaxNode | null;
  /** Every child with this field name, in order (empty = none). */
  childrenForFieldName(name: string): SyntaxNode[];
}

let nextId = 1;

/** One node of a copied tree. */
export class ScriptNode implements SyntaxNode {
  readonly id = nextId++;
  readonly children: ScriptNode[] = [];
  /** Field name under the parent (`body`, `name` …); empty = none. */
  readonly field: string;
  private named: ScriptNode[] | undefined;
  private cachedText: string | undefined;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    field: string,
  ) {
    this.field = field;
  }

  get text(): string {
    return (this.cachedText ??= this.source.substring(this.startIndex, this.endIndex));
  }

  get namedChildren(): ScriptNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  childForFieldName(name: string): ScriptNode | null {
    // tree-sitter answers no single field child inside an ERROR node (its list form still does).
    if (this.type === 'ERROR') return null;
    for (const c of this.children) if (c.field === name) return c;
    return null;
  }

  childrenForFieldName(name: string): ScriptNode[] {
    return this.children.filter((c) => c.field === name);
  }
}

/**
 * Copies `tree` (parsed from `text`). Returns undefined when it has more than
 * `maxNodes` nodes: the caller then keeps tree-sitter's own nodes, so the node budget
 * still bounds the work and the normalizer sees the same tree either way.
 */
export function copyTree(tree: Parser.Tree, text: string, maxNodes: number): ScriptNode | undefined {
  const cursor = tree.walk();
  // Type names, named-ness and field names depend only on their numeric ids: ask once per id.
  const types: string[] = [];
  const named: boolean[] = [];
  const fields: string[] = [];
  const make = (): ScriptNode => {
    const t = cursor.nodeTypeId;
    let type = types[t];
    if (type === undefined) {
      type = types[t] = cursor.nodeType;
      named[t] = cursor.nodeIsNamed;
    }
    const f = cursor.currentFieldId;
    let field = '';
    if (f) field = fields[f] ??= cursor.currentFieldName ?? '';
    return new ScriptNode(text, type, named[t], cursor.startIndex, cursor.endIndex, field);
  };
  const root = make();
  const stack: ScriptNode[] = [root];
  let count = 1;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const n = make();
      stack[stack.length - 1].children.push(n);
      stack.push(n);
    } else {
      for (;;) {
        if (cursor.gotoNextSibling()) {
          stack.pop();
          const n = make();
          stack[stack.length - 1].children.push(n);
          stack.push(n);
          break;
        }
        if (!cursor.gotoParent()) return root;
        stack.pop();
      }
    }
    if (++count > maxNodes) return undefined;
  }
}
