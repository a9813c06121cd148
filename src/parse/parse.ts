/**
 * The parse stage: shell text → tree-sitter-bash syntax tree plus every problem seen.
 *
 * Pure apart from reading the bundled query file once at module load. One parser
 * instance is reused (a parse of a typical command takes ~0.02 ms).
 *
 * Problems become {@link AnalysisIssue}s, never exceptions:
 * - E_TOO_LARGE: the script exceeds limits.maxScriptBytes or limits.maxParseCost (checked
 *   before parsing, so the answer depends on the text only, never on the machine's load).
 * - E_PARSE_NUL: the script holds a NUL byte (bash would truncate words there).
 * - E_PARSE_SYNTAX: an ERROR or MISSING node (grammars/syntax-errors.scm).
 * - E_UNKNOWN_NODE: a named node type the normalizer does not handle.
 * - E_TOO_DEEP: parentheses nested deeper than MAX_PAREN_DEPTH (checked before parsing).
 * - E_TOO_MANY_NODES: more than limits.maxNodes nodes.
 * - E_TIMEOUT: tree-sitter gave up after limits.maxMillis.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Parser from 'tree-sitter';
import type { AnalysisIssue, Limits, ParsedScript } from '../engine/types.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { HANDLED_NODE_TYPES } from './node-types.js';
import { copyTree, type SyntaxNode } from './tree.js';
import { braceWordFix, lineStartEscapeFix, trailingEscapeFix } from './text-fixes.js';

export { BRACE_PLACEHOLDER, ESCAPE_PLACEHOLDER } from './text-fixes.js';

export type { SyntaxNode } from './tree.js';

/**
 * The bash parser and its query, made on the first parse: the native grammar takes tens of
 * ms to load, and a process that never parses (the supervisor host: its analyses run in
 * the worker, src/engine/worker.ts) never pays for it. The worker parses while it warms
 * up, so a grammar that cannot load still stops it before it says it is ready.
 */
let grammar: { parser: Parser; syntaxErrorQuery: Parser.Query } | undefined;
function bash(): { parser: Parser; syntaxErrorQuery: Parser.Query } {
  if (grammar) return grammar;
  const require = createRequire(import.meta.url);
  const TreeSitter = require('tree-sitter') as typeof Parser;
  const Bash = require('tree-sitter-bash') as Parser.Language;
  const parser = new TreeSitter();
  parser.setLanguage(Bash);
  const syntaxErrorQuery = new TreeSitter.Query(
    Bash,
    readFileSync(findGrammarFile('syntax-errors.scm'), 'utf8'),
  );
  return (grammar = { parser, syntaxErrorQuery });
}

function findGrammarFile(name: string): string {
  const file = join(PACKAGE_ROOT, 'grammars', name);
  if (existsSync(file)) return file;
  throw new Error(`agentfw: grammars/${name} not found next to the installed package`);
}

function span(n: { startIndex: number; endIndex: number }): [number, number] {
  return [n.startIndex, n.endIndex];
}

function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function runParser(text: string, limits: Limits): Parser.Tree | undefined {
  const { parser } = bash();
  let tree: Parser.Tree | undefined;
  try {
    parser.setTimeoutMicros(Math.max(1, limits.maxMillis) * 1000);
    // bufferSize must cover the whole input or tree-sitter reads it in chunks.
    tree = parser.parse(text, null, { bufferSize: text.length * 2 + 64 }) ?? undefined;
  } catch {
    tree = undefined;
  }
  // A parse that timed out leaves tree-sitter's state half-way; the next parse would resume
  // it on the new text (`rm -rf /` read as `rm -` `f /`). Start afresh every time one fails.
  if (!tree) parser.reset();
  return tree;
}

/** Statement-level nodes whose children must cover all non-blank text. */
const GAP_CHECKED = new Set([
  'program',
  'command',
  'redirected_statement',
  'list',
  'pipeline',
  'subshell',
  'compound_statement',
  'do_group',
  'if_statement',
  'elif_clause',
  'else_clause',
  'for_statement',
  'while_statement',
  'case_statement',
  'function_definition',
  'negated_command',
  'declaration_command',
  'file_redirect',
  'herestring_redirect',
]);

/**
 * tree-sitter-bash drops a lone `-` argument right before a heredoc (`python3 - <<EOF`).
 * That gap is tolerated here; the normalizer puts the `-` back as an argument.
 */
export const HEREDOC_DASH_GAP = /^\s*(?:-\s+)+$/;

/** Text between children that no node covers: something the parser skipped. */
function uncoveredText(n: SyntaxNode): [number, number] | undefined {
  const start = n.startIndex;
  const end = n.endIndex;
  let pos = start;
  const text = n.text;
  const kids = n.children;
  for (let i = 0; i <= kids.length; i++) {
    const cur = i < kids.length ? kids[i] : undefined;
    const next = cur ? cur.startIndex : end;
    if (next > pos) {
      const gap = text.slice(pos - start, next - start);
      const dashOk =
        n.type === 'redirected_statement' &&
        cur?.type === 'heredoc_redirect' &&
        kids[i - 1]?.type === 'command' &&
        HEREDOC_DASH_GAP.test(gap);
      if (!/^(?:\s|\\\r?\n)*$/.test(gap) && !dashOk) return [pos, next];
    }
    // Two words of one command with nothing between them are one word to bash
    // (tree-sitter-bash splits `-rf$IFS/etc` after a bare `$`): not trusted.
    const prev = kids[i - 1];
    if (
      n.type === 'command' &&
      prev &&
      cur &&
      prev.endIndex === next &&
      prev.isNamed &&
      cur.isNamed &&
      !/redirect|variable_assignment/.test(prev.type + cur.type)
    ) {
      return [prev.startIndex, cur.endIndex];
    }
    if (cur) pos = Math.max(pos, cur.endIndex);
  }
  return undefined;
}

/**
 * A work estimate for the analysis, from the text alone: see Limits.maxParseCost. Stops
 * counting once over `max`. Parentheses nested deeper than {@link MAX_PAREN_DEPTH}
 * (`$($($(…)))`, whose analysis grows with the square of the depth) count as over budget.
 */
export function parseCost(text: string, max: number): number {
  let cost = 0;
  let depth = 0;
  for (let i = 0; i < text.length && cost <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 124)
      cost += 8; // |
    else if (METACHARS.has(c)) cost++;
    if (c === 40 && ++depth > MAX_PAREN_DEPTH)
      return Infinity; // (
    else if (c === 41 && depth > 0) depth--; // )
  }
  return cost;
}

/** Deepest nesting of `(` accepted (counted on the raw text, quotes included: fail closed). */
export const MAX_PAREN_DEPTH = 256;

const METACHARS = new Set([...';&(){}<>$`,\n'].map((c) => c.charCodeAt(0)));

/** Parses one script. Never throws; see the module comment for the issues reported. */
export function parseScript(source: string, limits: Limits): ParsedScript {
  const issues: AnalysisIssue[] = [];
  // fail closed: an oversized script is not handed to tree-sitter at all → ask.
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxScriptBytes) {
    issues.push({
      code: 'E_TOO_LARGE',
      message: `script is ${bytes} bytes, larger than the ${limits.maxScriptBytes}-byte limit; it was not analysed`,
    });
    return { source, root: null, issues };
  }
  const cost = parseCost(source, limits.maxParseCost);
  if (cost === Infinity) {
    // fail closed: nesting this deep is not handed to tree-sitter → ask.
    issues.push({
      code: 'E_TOO_DEEP',
      message: `parentheses nested deeper than ${MAX_PAREN_DEPTH}; the script was not analysed`,
    });
    return { source, root: null, issues };
  }
  if (cost > limits.maxParseCost) {
    // fail closed: a script this dense in operators is not handed to tree-sitter → ask.
    issues.push({
      code: 'E_TOO_LARGE',
      message: `script has more shell operators than the parse budget (${limits.maxParseCost}); it was not analysed`,
    });
    return { source, root: null, issues };
  }
  const nul = source.indexOf('\0');
  if (nul >= 0) {
    issues.push({ code: 'E_PARSE_NUL', message: 'script contains a NUL byte', span: [nul, nul + 1] });
  }

  let text = source;
  let tree = runParser(text, limits);
  for (let round = 0; tree && tree.rootNode.hasError && round < 8; round++) {
    const fixed = braceWordFix(text, tree, bash().syntaxErrorQuery);
    if (fixed === undefined) break;
    const again = runParser(fixed, limits);
    if (!again) break;
    text = fixed;
    tree = again;
  }
  if (tree?.rootNode.hasError) {
    const fixed = trailingEscapeFix(text);
    const again = fixed === undefined ? undefined : runParser(fixed, limits);
    // Only a parse the fix makes whole is taken; else the first error stands (fail closed: ask).
    if (fixed !== undefined && again && !again.rootNode.hasError) {
      text = fixed;
      tree = again;
    }
  }
  if (tree) {
    const fixed = lineStartEscapeFix(text, tree);
    const again = fixed === undefined ? undefined : runParser(fixed, limits);
    if (fixed !== undefined && again) {
      text = fixed;
      tree = again;
    }
  }
  if (!tree) {
    // fail closed: no tree at all → the caller sees a timeout issue and asks.
    issues.push({ code: 'E_TIMEOUT', message: `parsing took longer than ${limits.maxMillis} ms` });
    return { source, root: null, issues };
  }
  const tsRoot = tree.rootNode;
  const hasError = tsRoot.hasError;

  if (hasError) {
    for (const cap of bash().syntaxErrorQuery.captures(tsRoot)) {
      const n = cap.node;
      const message = n.isMissing
        ? `syntax error: missing ${JSON.stringify(n.type)}`
        : `syntax error near ${JSON.stringify(clip(n.text))}`;
      issues.push({ code: 'E_PARSE_SYNTAX', message, span: span(n) });
      if (issues.length > 50) break;
    }
    if (!issues.some((i) => i.code === 'E_PARSE_SYNTAX')) {
      // fail closed: tree-sitter flagged an error the query did not locate.
      issues.push({ code: 'E_PARSE_SYNTAX', message: 'syntax error', span: span(tsRoot) });
    }
  }

  // One cursor pass copies the tree into plain objects; a tree over the node budget stays
  // tree-sitter's own (the walk below stops at the budget, and so does the normalizer).
  const root: SyntaxNode = copyTree(tree, text, limits.maxNodes) ?? tsRoot;

  // Pre-order walk: counts nodes and flags node types the normalizer does not handle.
  const stack: SyntaxNode[] = [root];
  let count = 0;
  const unknown = new Set<string>();
  while (stack.length > 0) {
    const n = stack.pop()!;
    count++;
    if (count > limits.maxNodes) {
      issues.push({
        code: 'E_TOO_MANY_NODES',
        message: `script has more than ${limits.maxNodes} syntax nodes; it was not fully analysed`,
      });
      break;
    }
    const type = n.type;
    const named = n.isNamed;
    if (named && type !== 'ERROR' && !HANDLED_NODE_TYPES.has(type) && !unknown.has(type)) {
      unknown.add(type);
      issues.push({ code: 'E_UNKNOWN_NODE', message: `unsupported shell construct ${type}`, span: span(n) });
    }
    if (named && GAP_CHECKED.has(type) && !hasError) {
      const gap = uncoveredText(n);
      if (gap)
        issues.push({
          code: 'E_PARSE_SYNTAX',
          message: `text the parser skipped: ${JSON.stringify(clip(source.slice(gap[0], gap[1])))}`,
          span: gap,
        });
    }
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return { source, root, issues };
}
