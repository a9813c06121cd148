/**
 * Wolfram Language code on the command line (`wolframscript -code CODE`, `-c CODE`, `wolfram
 * -run CODE`, `math -run`, stdin; `-file`/`-script FILE` is the project's own code: not read):
 * what it runs (`Run["CMD", …]` and `RunThrough["CMD", expr]` through a shell, `RunProcess`/
 * `StartProcess` of an argv list or a program, a `"!CMD"` pipe opened by `Import`, `ReadList`,
 * `OpenRead`, `Get`, `Export`, `OpenWrite`, `OpenAppend`, `Put`, `ExternalEvaluate["Shell",
 * "CMD"]`), deletes (`DeleteFile[F]` or a list of files, `DeleteDirectory[D, DeleteContents ->
 * True]`; without that option only an empty folder) and sends (`URLRead`/`URLExecute`/`URLFetch`/
 * `URLSubmit` with an `"Method" -> "DELETE"` option or an `HTTPRequest[url, <|"Method" -> …,
 * "Body" -> …|>]`), and code it evaluates (`ToExpression["…"]`, read again). A path is a string,
 * `$HomeDirectory`, `FileNameJoin[{…}]` or a `<>` join of those; any other value is only known at
 * run time (dynamic: fail closed), as are one of these functions used other than as a call
 * (`"cmd" // Run`, `Run @ x`, `f = Run`) and code of another language. Pure.
 */
import { trimmedArgs, type CallSyntax } from './call-args.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Nested `ToExpression["…"]` levels followed. */
const MAX_DEPTH = 4;

/** Wolfram's kernels and script runner. */
export const WOLFRAM = /^(wolframscript|wolfram|math|mathematica|WolframKernel|MathKernel)(\.exe)?$/;

/** Options whose value is code, and those whose value is something else. */
const CODE_OPT = /^-(code|c|run)$/;
const FILE_OPT = /^-(file|f|script|api|function|fun)$/;
const VALUE_OPT =
  /^-(format|timeout|charset|username|password|signature|permissionskey|authentication|print)$/;

/** Where the code is: inline, stdin (undefined), or none (a script file). */
export function wolframCode(argv: Field[]): { code?: Field; none?: boolean } {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (CODE_OPT.test(t) && argv[i + 1]) return { code: argv[i + 1] };
    if (FILE_OPT.test(t) || /^-(h|help|v|version|configure|activate)$/.test(t)) return { none: true };
    if (VALUE_OPT.test(t) && argv[i + 1] && !argv[i + 1].text.startsWith('-')) i++;
    else if (!t.startsWith('-')) return { none: true }; // a script file operand
  }
  return {};
}

/** A string literal's value; undefined = not a single literal. */
function str(tok: string): string | undefined {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(tok.trim());
  return m ? m[1].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) : undefined;
}

/** `src` with comments blanked (same length), strings kept. */
function blankComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '"') {
      const m = /^"(?:[^"\\]|\\[\s\S])*"?/.exec(src.slice(i))?.[0] ?? '"';
      out += m;
      i += m.length - 1;
    } else if (src.startsWith('(*', i)) {
      const end = src.indexOf('*)', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop - 1;
    } else out += src[i];
  }
  return out;
}

/** Wolfram's nesting (`[…]`, `{…}`, `(…)`, associations `<|…|>`) and "…" strings with backslash escapes (an unclosed one runs to the end). */
const WOLFRAM_CALLS: CallSyntax = {
  open: ['[', '{', '(', '<|'],
  close: [']', '}', ')', '|>'],
  strings: { '"': /"(?:[^"\\]|\\[\s\S])*"?/y },
};

/** The arguments of the call whose `[` is at `open`, split at top-level commas (trimmed). */
const callArgs = (src: string, open: number): string[] => trimmedArgs(src, open, WOLFRAM_CALLS);

/** The string elements of a list `{"a", "b"}`; undefined = not a list. */
function listOf(expr: string): string[] | undefined {
  const e = expr.trim();
  return e.startsWith('{') && e.endsWith('}') ? callArgs(`[${e.slice(1, -1)}]`, 0) : undefined;
}

/** A path expression's value; dynamic when not known statically. */
function pathOf(expr: string, home: string): Field {
  const e = expr.trim();
  const parts = e.split(/\s*<>\s*/);
  if (parts.length > 1) {
    const vs = parts.map((p) => pathOf(p, home));
    return { text: vs.map((v) => v.text).join(''), dynamic: vs.some((v) => v.dynamic) };
  }
  const s = str(e);
  if (s !== undefined) return { text: s, dynamic: false };
  if (e === '$HomeDirectory') return { text: home, dynamic: false };
  const join = /^FileNameJoin\s*\[/.exec(e);
  const items = join ? listOf(callArgs(e, e.indexOf('['))[0] ?? '') : undefined;
  if (items) {
    const vs = items.map((p) => pathOf(p, home));
    return {
      text: vs
        .map((v) => v.text)
        .join('/')
        .replace(/\/+/g, '/'),
      dynamic: vs.some((v) => v.dynamic),
    };
  }
  return { text: e, dynamic: true };
}

/** An option's value in a call's arguments or an association (`"Method" -> "DELETE"`, `Method -> …`); undefined = absent. */
function option(args: string[], name: string): string | undefined {
  for (const a of args) {
    const m = new RegExp(`^"?${name}"?\\s*(?:->|:>)\\s*([\\s\\S]*)$`).exec(a.trim());
    if (m) return m[1];
    const assoc = /^<\|([\s\S]*)\|>$/.exec(a.trim());
    const inner = assoc ? option(callArgs(`[${assoc[1]}]`, 0), name) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The functions read here (a call `Name[…]`, also written `System`Name[…]`). */
const NAMES =
  'Run|RunThrough|RunProcess|StartProcess|Import|ReadList|OpenRead|Get|Export|OpenWrite|OpenAppend|Put|PutAppend|DeleteFile|DeleteDirectory|URLRead|URLExecute|URLFetch|URLSubmit|URLFetchAsynchronous|ToExpression|ExternalEvaluate|StartExternalSession|ExternalFunction';
const CALL = new RegExp(`(?<![\\w$])(?:System\`)?(${NAMES})\\s*\\[`, 'g');
/**
 * One of those functions named anywhere (`"cmd" // Run`, `Run @ "cmd"`, `f = Run`): a use
 * that is not a call is not read (fail closed).
 */
const NAMED = new RegExp(`(?<![\\w$])(?:System\`)?(${NAMES})(?![\\w$])`, 'g');
/** Functions that evaluate code of another language (`ExternalEvaluate["Shell", "cmd"]`). */
const EXTERNAL = /^(ExternalEvaluate|StartExternalSession|ExternalFunction)$/;

/** A request's effect: the URL (or an `HTTPRequest[url, <|…|>]`) and the method and body options. */
function request(args: string[], home: string): Effect {
  const first = args[0]?.trim() ?? '';
  const req = /^HTTPRequest\s*\[/.test(first) ? callArgs(first, first.indexOf('[')) : undefined;
  const all = [...(req ?? []), ...args.slice(1)];
  const m = option(all, 'Method') ?? option(all, 'RequestMethod');
  const method = m === undefined ? 'GET' : (str(m)?.toUpperCase() ?? 'DYNAMIC');
  const b = option(all, 'Body') ?? option(all, 'BodyData');
  const body = b === undefined ? {} : str(b) !== undefined ? { body: str(b) } : { bodyUnknown: true };
  return { kind: 'http', method, url: pathOf(req ? (req[0] ?? '') : first, home), ...body };
}

/** Everything the code runs, deletes, sends or evaluates, in source order. */
export function scanWolfram(source: string, home: string, depth = 0): Effect[] {
  const src = blankComments(source);
  const out: Effect[] = [];
  const strings: [number, number][] = [...src.matchAll(/"(?:[^"\\]|\\[\s\S])*"?/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  for (const m of src.matchAll(CALL)) {
    if (strings.some(([a, b]) => m.index > a && m.index < b)) continue; // inside a string
    const args = callArgs(src, m.index + m[0].length - 1);
    const fn = m[1];
    const first = args[0] ?? '';
    const s = str(first);
    if (fn === 'Run' || fn === 'RunThrough') {
      // RunThrough["CMD", expr]: CMD run with the expression on its stdin
      const words = (fn === 'Run' ? args : args.slice(0, 1)).map((a) => str(a));
      // fail closed: a command built at run time is not known
      out.push(
        words.every((w) => w !== undefined)
          ? { kind: 'shell', script: { text: words.join(' '), dynamic: false } }
          : { kind: 'dynamic', text: `Run[${args.join(', ')}]` },
      );
    } else if (fn === 'RunProcess' || fn === 'StartProcess') {
      const list = listOf(first)?.map((a) => pathOf(a, home));
      if (list?.length) out.push({ kind: 'exec', argv: list });
      else if (s !== undefined) out.push({ kind: 'exec', argv: [{ text: s, dynamic: false }] });
      else out.push({ kind: 'dynamic', text: `${fn}[${first}]` });
    } else if (/^(Import|ReadList|OpenRead|Get|Export|OpenWrite|OpenAppend|Put|PutAppend)$/.test(fn)) {
      // `"!CMD"`: a pipe from (or to) the command, run by a shell; a name built at run time
      // with a `"!…"` part is not known (fail closed)
      if (s?.startsWith('!')) out.push({ kind: 'shell', script: { text: s.slice(1), dynamic: false } });
      else if (s === undefined && /"!/.test(first)) out.push({ kind: 'dynamic', text: `${fn}[${first}]` });
    } else if (EXTERNAL.test(fn)) {
      const code = str(args[1] ?? '');
      out.push(
        /^"?Shell"?$/.test(first.trim()) && code !== undefined
          ? { kind: 'shell', script: { text: code, dynamic: false } }
          : { kind: 'dynamic', text: `${fn}[${args.join(', ')}]` },
      );
    } else if (fn === 'DeleteFile') {
      for (const f of listOf(first) ?? [first]) out.push({ kind: 'rm', target: pathOf(f, home) });
    } else if (fn === 'DeleteDirectory') {
      const all = option(args.slice(1), 'DeleteContents');
      if (all !== undefined && all.trim() !== 'False') out.push({ kind: 'rm', target: pathOf(first, home) });
    } else if (fn === 'ToExpression') {
      // fail closed: code evaluated from a value not known statically
      if (s === undefined || depth >= MAX_DEPTH)
        out.push({ kind: 'dynamic', text: `ToExpression[${first}]` });
      else out.push(...scanWolfram(s, home, depth + 1));
    } else out.push(request(args, home));
  }
  const calls = new Set([...src.matchAll(CALL)].map((m) => m.index));
  for (const m of src.matchAll(NAMED)) {
    if (calls.has(m.index) || strings.some(([a, b]) => m.index > a && m.index < b)) continue;
    // fail closed: a runner used as a value (postfix `//`, prefix `@`, assigned) runs what is not read here
    out.push({ kind: 'dynamic', text: `${m[1]} used as a value` });
  }
  return out;
}
