/**
 * Inline Python and JavaScript read with real grammars (tree-sitter-python and
 * tree-sitter-javascript): imports and aliases are resolved and the code is rewritten to
 * canonical names before the call scanners (codescan.ts) read it. So
 * `import requests as r; r.post(…)` reads as `requests.post(…)`, `from shutil import rmtree
 * as nuke; nuke(…)` as `shutil.rmtree(…)`, `const {execSync: x} = require('child_process');
 * x(…)` as `child_process.execSync(…)`, and `require('https').request(…)` as
 * `https.request(…)`. Names bound by plain assignment (`d = requests.delete`) follow too.
 *
 * Pure: the grammars are native modules loaded once; parsing does no I/O.
 */
import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import type { Lang } from './codelex.js';

type SyntaxNode = Parser.SyntaxNode;

const require = createRequire(import.meta.url);
const parsers = new Map<'python' | 'node', Parser>();

function parserFor(lang: 'python' | 'node'): Parser {
  let p = parsers.get(lang);
  if (!p) {
    // Loaded on first use like the bash grammar (src/parse/parse.ts): the host never needs it.
    const TreeSitter = require('tree-sitter') as typeof Parser;
    p = new TreeSitter();
    p.setLanguage(
      require(lang === 'python' ? 'tree-sitter-python' : 'tree-sitter-javascript') as Parser.Language,
    );
    parsers.set(lang, p);
  }
  return p;
}

/**
 * Loads both grammars now, so the first inline code of a process does not spend its
 * analysis time budget on loading native grammars. Called by the analysis worker as it
 * warms up (src/engine/worker-entry.ts); a process that never reads inline code (the
 * supervisor host) never loads them. Failures are left for the first real parse to meet
 * (it then scans the code as written).
 */
export function preloadGrammars(): void {
  try {
    parserFor('python');
    parserFor('node');
  } catch {
    // fail closed elsewhere: canonicalCode returns the code unchanged and the scanners still run
  }
}

/** Largest code rewritten, in characters; longer code is scanned as written. */
const MAX_CODE = 256 * 1024;
/** Most nodes visited per parse (bounded work on hostile input). */
const MAX_NODES = 200_000;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The code with imported and assigned aliases replaced by canonical dotted names. */
export function canonicalCode(source: string, lang: Lang): string {
  if ((lang !== 'python' && lang !== 'node') || source.length > MAX_CODE) return source;
  // Only code that imports, requires or re-binds a name can hold an alias.
  if (!/\bimport\b|\brequire\s*\(|=\s*[A-Za-z_$][\w$]*\s*(\.\s*[A-Za-z_$][\w$]*\s*)*([;\n]|$)/.test(source))
    return source;
  let tree: Parser.Tree;
  try {
    tree = parserFor(lang).parse(source, undefined, {
      bufferSize: Math.max(32 * 1024, source.length * 2 + 1),
    });
  } catch {
    return source; // the regex scanners still read the code as written
  }
  const nodes: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [tree.rootNode];
  while (stack.length && nodes.length < MAX_NODES) {
    const n = stack.pop()!;
    nodes.push(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
  const edits = lang === 'python' ? pythonEdits(nodes) : nodeEdits(nodes);
  if (!edits.length) return source;
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** `a.b.c` through the bindings (`r.delete` with r → requests gives `requests.delete`). */
function resolveChain(text: string, bindings: Map<string, string>): string {
  const [head, ...rest] = text.split('.');
  const b = bindings.get(head);
  return b === undefined ? text : [b, ...rest].join('.');
}

const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** Names a `from MODULE import *` brings in that the scanners look for (module → names). */
const STAR_NAMES: Record<string, string[]> = {
  os: [
    'system',
    'popen',
    'remove',
    'unlink',
    'rmdir',
    'removedirs',
    'execv',
    'execvp',
    'execl',
    'execlp',
    'spawnv',
    'spawnl',
  ],
  subprocess: ['run', 'call', 'Popen', 'check_output', 'check_call', 'getoutput', 'getstatusoutput'],
  shutil: ['rmtree', 'move'],
  requests: ['get', 'post', 'put', 'patch', 'delete', 'head', 'request'],
  httpx: ['get', 'post', 'put', 'patch', 'delete', 'head', 'request'],
  niquests: ['get', 'post', 'put', 'patch', 'delete', 'head', 'request'],
  'urllib.request': ['urlopen', 'Request'],
};

function pythonEdits(nodes: SyntaxNode[]): Edit[] {
  const bindings = new Map<string, string>();
  /** Top-level names plain `import a.b` statements bind (`a`). */
  const modules = new Set<string>();
  for (const n of nodes) {
    if (n.type === 'import_statement') {
      for (const c of n.childrenForFieldName('name'))
        if (c.type === 'dotted_name') modules.add(c.text.split('.')[0]);
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text ?? '';
          const alias = c.childForFieldName('alias')?.text ?? '';
          if (name && alias) bindings.set(alias, name);
        }
    } else if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name');
      if (!mod || mod.type !== 'dotted_name') continue;
      // `from os import *`: the module's names that matter here come into scope bare.
      if (n.namedChildren.some((c) => c.type === 'wildcard_import'))
        for (const name of STAR_NAMES[mod.text] ?? []) bindings.set(name, `${mod.text}.${name}`);
      for (const c of n.childrenForFieldName('name')) {
        if (c.type === 'dotted_name') bindings.set(c.text, `${mod.text}.${c.text}`);
        else if (c.type === 'aliased_import') {
          const name = c.childForFieldName('name')?.text ?? '';
          const alias = c.childForFieldName('alias')?.text ?? '';
          if (name && alias) bindings.set(alias, `${mod.text}.${name}`);
        }
      }
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (
        left?.type === 'identifier' &&
        right &&
        (right.type === 'identifier' || right.type === 'attribute')
      ) {
        const resolved = resolveChain(right.text, bindings);
        const viaModule = right.type === 'attribute' && modules.has(right.text.split('.')[0]);
        if ((resolved !== right.text || viaModule) && DOTTED.test(resolved))
          bindings.set(left.text, resolved);
      }
    }
  }
  if (!bindings.size) return [];
  const edits: Edit[] = [];
  for (const n of nodes) {
    if (n.type !== 'identifier' || !bindings.has(n.text)) continue;
    const p = n.parent;
    if (!p || /^(import_statement|import_from_statement|aliased_import|dotted_name|parameters)$/.test(p.type))
      continue;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === n.id) continue;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === n.id) continue;
    if (p.type === 'assignment' && p.childForFieldName('left')?.id === n.id) continue;
    edits.push({ start: n.startIndex, end: n.endIndex, text: bindings.get(n.text)! });
  }
  return edits;
}

/** The module a `require('m')` / `await import('m')` call loads; undefined when not one. */
function requiredModule(n: SyntaxNode | null): string | undefined {
  if (!n) return undefined;
  if (n.type === 'await_expression') return requiredModule(n.namedChild(0));
  if (n.type !== 'call_expression') return undefined;
  const fn = n.childForFieldName('function');
  if (!fn || (fn.text !== 'require' && fn.type !== 'import')) return undefined;
  const args = n.childForFieldName('arguments');
  const a = args?.namedChild(0);
  if (args?.namedChildCount !== 1 || a?.type !== 'string') return undefined;
  return moduleName(a.text.slice(1, -1));
}

/** `node:child_process` → `child_process`; `fs/promises` → `fs.promises`. */
function moduleName(m: string): string | undefined {
  const t = m
    .replace(/^node:/, '')
    .replace(/\//g, '.')
    .replace(/-/g, '_');
  return /^[\w$.@]+$/.test(t) ? t.replace(/^@/, '') : undefined;
}

function nodeEdits(nodes: SyntaxNode[]): Edit[] {
  const bindings = new Map<string, string>();
  const edits: Edit[] = [];
  for (const n of nodes) {
    if (n.type === 'variable_declarator' || n.type === 'assignment_expression') {
      const name = n.childForFieldName(n.type === 'variable_declarator' ? 'name' : 'left');
      const value = n.childForFieldName(n.type === 'variable_declarator' ? 'value' : 'right');
      if (!name || !value) continue;
      let target = requiredModule(value);
      if (target === undefined && value.type === 'member_expression') {
        const obj = value.childForFieldName('object');
        const mod = requiredModule(obj);
        const prop = value.childForFieldName('property')?.text;
        if (mod && prop) target = `${mod}.${prop}`;
        else if (DOTTED.test(value.text)) {
          const r = resolveChain(value.text, bindings);
          if (r !== value.text) target = r;
        }
      } else if (target === undefined && value.type === 'identifier' && bindings.has(value.text))
        target = bindings.get(value.text);
      if (target === undefined) continue;
      if (name.type === 'identifier') bindings.set(name.text, target);
      else if (name.type === 'object_pattern') {
        for (const c of name.namedChildren) {
          if (c.type === 'shorthand_property_identifier_pattern') bindings.set(c.text, `${target}.${c.text}`);
          else if (c.type === 'pair_pattern') {
            const key = c.childForFieldName('key')?.text;
            const val = c.childForFieldName('value');
            if (key && val?.type === 'identifier') bindings.set(val.text, `${target}.${key}`);
          }
        }
      }
    } else if (n.type === 'import_statement') {
      const src = n.childForFieldName('source');
      const mod = src ? moduleName(src.text.slice(1, -1)) : undefined;
      if (!mod) continue;
      const clause = n.namedChildren.find((c) => c.type === 'import_clause');
      for (const c of clause?.namedChildren ?? []) {
        if (c.type === 'identifier') bindings.set(c.text, mod);
        else if (c.type === 'namespace_import') {
          const id = c.namedChildren.find((x) => x.type === 'identifier');
          if (id) bindings.set(id.text, mod);
        } else if (c.type === 'named_imports') {
          for (const s of c.namedChildren) {
            if (s.type !== 'import_specifier') continue;
            const name = s.childForFieldName('name')?.text;
            const alias = s.childForFieldName('alias')?.text ?? name;
            if (name && alias) bindings.set(alias, `${mod}.${name}`);
          }
        }
      }
    } else if (n.type === 'call_expression') {
      // `require('https').request(…)`, `require('simple-git')(…)`: the call stands for the module.
      const mod = requiredModule(n);
      const p = n.parent;
      const field =
        p?.type === 'member_expression' ? 'object' : p?.type === 'call_expression' ? 'function' : '';
      if (mod && field && p?.childForFieldName(field)?.id === n.id)
        edits.push({ start: n.startIndex, end: n.endIndex, text: mod });
    }
  }
  for (const n of nodes) {
    if (n.type !== 'identifier' || !bindings.has(n.text)) continue;
    const p = n.parent;
    if (!p || /^(import_specifier|namespace_import|import_clause|pair_pattern|object_pattern)$/.test(p.type))
      continue;
    if (p.type === 'variable_declarator' && p.childForFieldName('name')?.id === n.id) continue;
    if (p.type === 'assignment_expression' && p.childForFieldName('left')?.id === n.id) continue;
    if (p.type === 'formal_parameters') continue;
    edits.push({ start: n.startIndex, end: n.endIndex, text: bindings.get(n.text)! });
  }
  return edits;
}
