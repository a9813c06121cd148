/**
 * Nushell code (`nu -c '…'`, a script the script wrote, code on stdin): what its statements
 * do, as the effects the other interpreters produce (interpreters.ts turns them into
 * synthetic commands). Nushell's own `rm` deletes (`rm -r -f -p ~/.config` → `rm -rf PATH`
 * per path); `http delete|post|put|patch|get URL [BODY]` sends a request (`curl -X METHOD
 * URL -d BODY`, a body of `(open FILE)` sent as that file); `save PATH` writes the file (read
 * as `tee PATH`); `^cmd`, `run-external`, `exec` and any command Nushell does not define run
 * as external commands, which the extractors read by name. Nushell's data and control
 * commands (`each`, `where`, `if`, `let`, …) do nothing of their own; the blocks and
 * subexpressions they hold are read as code too. A variable, closure or interpolation is
 * not known statically: a word holding one is dynamic, a command named by one is dynamic
 * (fail closed). Pure: no I/O.
 */
import type { Field } from './state.js';
import type { Effect } from './codescan.js';

/** One word: its text after quoting, whether it holds a variable or subexpression, and its source. */
interface Word {
  text: string;
  dynamic: boolean;
  raw: string;
}

/** Deepest nesting of blocks and subexpressions read. */
const MAX_NEST = 8;

/** Index of the bracket closing the one at `open`, skipping quoted strings; the end of `code` when none. */
function closing(code: string, open: number): number {
  const pair: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += c === '"' && code[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c in pair) stack.push(pair[c]);
    else if (c === stack[stack.length - 1] && (stack.pop(), stack.length === 0)) return i;
  }
  return code.length;
}

/** `$env.HOME`, `$nu.home-path`: the home directory; undefined for any other variable. */
const HOME_VAR = /^\$(?:env\.HOME|nu\.home-path|nu\.home-dir)(?=\/|$)/;

/** One statement: its pipeline segments of words, and the code of the blocks and subexpressions it holds (empty = none). */
interface Statement {
  segs: Word[][];
  nested: string[];
}

/**
 * Splits code into statements (`;`, newlines), each into pipeline segments of words; the
 * text inside blocks `{…}` and subexpressions `(…)` is the statement's nested code (it runs too).
 */
function lex(code: string, home: string): Statement[] {
  const stmts: Statement[] = [];
  let segs: Word[][] = [];
  let words: Word[] = [];
  let nested: string[] = [];
  const endSeg = () => {
    if (words.length) segs.push(words);
    words = [];
  };
  const endStmt = () => {
    endSeg();
    if (segs.length || nested.length) stmts.push({ segs, nested });
    segs = [];
    nested = [];
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === ';' || c === '\n') {
      endStmt();
      i++;
    } else if (c === '|' && code[i + 1] !== '|') {
      endSeg();
      i++;
    } else if (/\s/.test(c)) i++;
    else {
      const start = i;
      let text = '';
      let dynamic = false;
      while (i < code.length && !/[\s;|]/.test(code[i])) {
        const d = code[i];
        if (d === "'" || d === '`') {
          const end = code.indexOf(d, i + 1);
          const stop = end < 0 ? code.length : end;
          text += code.slice(i + 1, stop);
          i = stop + 1;
        } else if (d === '"') {
          let j = i + 1;
          for (; j < code.length && code[j] !== '"'; j++) {
            if (code[j] === '\\' && j + 1 < code.length) j++;
            text += code[j];
          }
          i = j + 1;
        } else if (d === '$' && (code[i + 1] === '"' || code[i + 1] === "'")) {
          // an interpolation `$"…(expr)…"`: its subexpressions run
          const q = code[i + 1];
          const end = code.indexOf(q, i + 2);
          const body = code.slice(i + 2, end < 0 ? code.length : end);
          for (let p = body.indexOf('('); p >= 0; p = body.indexOf('(', closing(body, p)))
            nested.push(body.slice(p + 1, closing(body, p)));
          text += body;
          dynamic = true;
          i = (end < 0 ? code.length : end) + 1;
        } else if (d === '(' || d === '{' || d === '[') {
          const end = closing(code, i);
          const inner = code.slice(i + 1, end);
          if (d !== '[') nested.push(d === '{' ? inner.replace(/^\s*\|[^|]*\|/, '') : inner);
          text += code.slice(i, end + 1);
          dynamic = true;
          i = end + 1;
        } else {
          if (d === '$') {
            const h = HOME_VAR.exec(code.slice(i));
            if (h && text === '') {
              text += home;
              i += h[0].length;
              continue;
            }
            dynamic = true;
          }
          text += d;
          i++;
        }
      }
      words.push({ text: text.replace(/^~(?=\/|$)/, home), dynamic, raw: code.slice(start, i) });
    }
  }
  endStmt();
  return stmts;
}

/**
 * Nushell's data, flow and session commands: nothing of their own to read (what their
 * blocks hold is read as code). `cd` changes only the session's directory here.
 */
const BUILTIN = new Set(
  (
    'let mut const def def-env export extern alias use source source-env overlay module hide hide-env ' +
    'if else for while loop do try catch match return break continue each par-each where filter reduce ' +
    'select get reject insert update upsert append prepend sort sort-by uniq uniq-by first last skip take ' +
    'length lines split str into to from echo print ignore table describe wrap flatten group-by transpose ' +
    'enumerate range seq math path date format parse default compact collect complete error load-env ' +
    'with-env sleep glob ls cd pwd open which help version input clear du ps sys watch is-empty any all ' +
    'merge columns values items rename headers detect split-by zip window chunks bytes url hash encode ' +
    'decode fill char ansi metadata view tee job config keybindings history random cal table'
  ).split(' '),
);

/** `rm`'s options: all switches (`-r`, `-f`, `-p` permanent, `-t` to the trash, …). */
const RM_SWITCH =
  /^-(-recursive|-force|-permanent|-trash|-verbose|-interactive|-interactive-once|-all|[rfptviIa]+)$/;

/** `http`'s options that take a value word. */
const HTTP_VALUE = /^-(H|u|p|t|m|d|R|-headers|-user|-password|-content-type|-max-time|-data|-redirect-mode)$/;

const field = (w: Word): Field => ({ text: w.text, dynamic: w.dynamic });

/** `http METHOD URL [BODY]` (options anywhere); undefined when the second word is not a method. */
function httpEffect(seg: Word[], piped: boolean): Effect | undefined {
  const method = seg[1]?.text.toLowerCase() ?? '';
  if (!/^(get|head|options|delete|post|put|patch)$/.test(method)) return undefined;
  const pos: Word[] = [];
  let data: Word | undefined;
  for (let i = 2; i < seg.length; i++) {
    const t = seg[i].text;
    if (HTTP_VALUE.test(t)) {
      if (/^-(d|-data)$/.test(t)) data = seg[i + 1];
      i++;
    } else if (!t.startsWith('-') || seg[i].dynamic) pos.push(seg[i]);
  }
  const body = pos[1] ?? data;
  const file = body && /^\(\s*open\s+(?:-r\s+|--raw\s+)?([^\s()$]+)(?:\s+(?:-r|--raw))?\s*\)$/.exec(body.raw);
  return {
    kind: 'http',
    method: method.toUpperCase(),
    url: pos[0] ? field(pos[0]) : { text: '', dynamic: true },
    ...(file
      ? { bodyFile: { text: file[1].replace(/^['"`]|['"`]$/g, ''), dynamic: false } }
      : body
        ? body.dynamic
          ? { bodyUnknown: true }
          : { body: body.text }
        : piped && /^(post|put|patch)$/.test(method)
          ? { bodyUnknown: true }
          : {}),
  };
}

/** What one pipeline segment does; `piped`: it takes the previous segment's output. */
function segment(seg: Word[], piped: boolean): Effect[] {
  const head = seg[0];
  // A value (a string, number, variable, list, record or subexpression) heads an expression, not a command.
  if (/^["'$[{(]|^r#|^-?\d/.test(head.raw) || /^(true|false|null)$/.test(head.raw)) return [];
  const name = head.text;
  // fail closed: a closure held in a variable runs what is not known statically (`do $f`, `each $f`)
  if (
    /^(do|each|par-each|reduce|filter|source|source-env|use)$/.test(name) &&
    seg.some((w, i) => i > 0 && /^\$[\w.-]+$/.test(w.raw))
  )
    return [{ kind: 'dynamic', text: seg.map((w) => w.raw).join(' ') }];
  // fail closed: a command named by an interpolation or a word built at run time
  if (head.dynamic && !/^\^/.test(head.raw))
    return [{ kind: 'dynamic', text: seg.map((w) => w.raw).join(' ') }];
  if (name === 'rm') {
    const targets = seg.slice(1).filter((w) => w.dynamic || !RM_SWITCH.test(w.text));
    // fail closed: paths piped in are not known
    if (targets.length === 0 && piped)
      return [{ kind: 'rm', target: { text: '(pipeline input)', dynamic: true } }];
    return targets.map((w) => ({ kind: 'rm', target: field(w) }));
  }
  if (name === 'http') {
    const e = httpEffect(seg, piped);
    return e ? [e] : [];
  }
  if (name === 'save') {
    const path = seg.slice(1).find((w) => w.dynamic || !w.text.startsWith('-'));
    const append = seg.some((w) => /^-(a|-append|[fra]*a[fra]*)$/.test(w.text));
    return path
      ? [
          {
            kind: 'exec',
            argv: [
              { text: 'tee', dynamic: false },
              ...(append ? [{ text: '-a', dynamic: false }] : []),
              field(path),
            ],
          },
        ]
      : [];
  }
  if (name.startsWith('^'))
    return [{ kind: 'exec', argv: [{ ...field(head), text: name.slice(1) }, ...seg.slice(1).map(field)] }];
  if (name === 'run-external' || name === 'exec')
    return seg.length > 1 ? [{ kind: 'exec', argv: seg.slice(1).map(field) }] : [];
  if (BUILTIN.has(name)) return [];
  // Any other command is an external one (or a nu command the extractors read by name: cp, mv, mkdir).
  return [{ kind: 'exec', argv: seg.map(field) }];
}

/** The effects of Nushell code (see the header). */
export function scanNu(code: string, home: string, depth = 0): Effect[] {
  const out: Effect[] = [];
  for (const { segs, nested } of lex(code, home)) {
    // what its subexpressions and blocks run first (a subexpression is evaluated before its statement)
    for (const inner of nested) {
      // fail closed: nesting deeper than is read
      if (depth >= MAX_NEST) out.push({ kind: 'dynamic', text: inner });
      else out.push(...scanNu(inner, home, depth + 1));
    }
    segs.forEach((seg, n) => {
      // a record's `key: value` is not a command
      if (!/:$/.test(seg[0].text) || seg[0].dynamic) out.push(...segment(seg, n > 0));
    });
  }
  return out;
}

/** Options of `nu` that take a value and are not code. */
const NU_VALUE =
  /^(--config|--env-config|--plugin-config|--plugins|-I|--include-path|--log-level|--log-target|--log-include|--log-exclude|-m|--table-mode|--error-style|--testbin|--experimental-options|--ide-\w+)$/;

/**
 * What `nu` runs: inline code (`-c`/`--commands`, `-e`/`--execute`), a script file (its
 * first operand), or neither (stdin, when it carries any).
 */
export function nuCode(argv: Field[]): { code?: Field; file?: Field } {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(-c|--commands|-e|--execute)$/.test(t)) return argv[i + 1] ? { code: argv[i + 1] } : {};
    if (/^--(commands|execute)=/.test(t)) return { code: { ...argv[i], text: t.slice(t.indexOf('=') + 1) } };
    if (NU_VALUE.test(t)) i++;
    else if (!t.startsWith('-')) return { file: argv[i] };
  }
  return {};
}
