/**
 * Loops that read their items from stdin: `while read -r VAR; do …; done < list.txt` (also
 * `IFS= read`, fed by a pipe of known output or a heredoc). When the lines are known (a
 * redirect from a file written earlier or readable, a constant producer upstream) the body
 * is walked once per line with VAR set to it, as a `for` loop over the same words would be:
 * `rm -- "$f"` deletes the files the list names. Anything else (several variables, read's
 * other options, lines not known, more lines than are unrolled) is left to the plain walk,
 * where VAR is a value not known statically (fail closed).
 */
import type { Frame, Io, Node, Res, Run, Scope } from './state.js';
import type { K } from './emit.js';
import { readFileText } from './producers.js';
import { walk } from './walk.js';
import { forgetShifted } from './parameters.js';

/** Most lines unrolled; a longer list leaves the variable unknown. */
const MAX_LINES = 16;

/**
 * `[IFS=] read [-r] [-d ''] VAR` alone as a loop's condition: [IFS kept (IFS=), raw (-r given),
 * NUL-separated (-d '', after `find -print0`), VAR].
 */
const READ_ONE = /^(IFS=(?:''|"")?\s+)?read\s+(-r\s+)?(-d\s*(?:''|"")\s+)?(?:-r\s+)?([A-Za-z_]\w*)$/;

/**
 * The lines `read` returns from `text`: with -r (`raw`) each line as it is; without it a
 * backslash before the newline joins the next line (the pair is dropped) and other escapes
 * are kept for the caller to undo once the line is trimmed. A last line without a newline is
 * kept: bash's read fills VAR with it but fails, so the body does not run for it; walking it
 * anyway is the wider reading (fail closed).
 */
function readLines(text: string, raw: boolean): string[] {
  const lines: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!raw && c === '\\' && i + 1 < text.length) {
      i++;
      if (text[i] !== '\n') cur += `\\${text[i]}`;
    } else if (c === '\n') {
      lines.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/** The text stdin carries: known text, or the file it is redirected from; undefined = not known. */
function stdinText(run: Run, frame: Frame, scope: Scope, io: Io): string | undefined {
  const s = io.stdin;
  if (!s) return undefined;
  if (s.text !== undefined) return s.text;
  if (s.kind !== 'file' || !s.path) return undefined;
  const k: K = { run, frame, scope, io, span: frame.span ?? [0, 0], outer: scope };
  return readFileText(s.path, k);
}

/**
 * A loop over the lines of a pipe of unknown output (`find build -name '*.o' | while read -r f`):
 * the body is walked once with VAR not known and the wrapper `while read VAR`, so the extractors
 * read VAR as a name the lister upstream printed (fs-found.ts), as they read what xargs appends.
 * Undefined = stdin is not such a pipe.
 */
function listedLoop(
  cond: Node,
  body: Node,
  name: string,
  run: Run,
  frame: Frame,
  scope: Scope,
  io: Io,
): Res | undefined {
  if (io.stdin?.kind !== 'pipe' || !io.stdin.from) return undefined;
  walk(cond, run, frame, scope, io);
  forgetShifted(body, scope);
  scope.vars.delete(name);
  scope.dyn.add(name);
  return walk(body, run, { ...frame, wrappers: [...frame.wrappers, `while read ${name}`] }, scope, io);
}

/** Walks a `while read VAR` loop over known lines; undefined = not such a loop (walk.ts walks it). */
export function whileRead(node: Node, run: Run, frame: Frame, scope: Scope, io: Io): Res | undefined {
  const conds = node.childrenForFieldName('condition').filter((c) => c.type !== ';' && c.type !== 'comment');
  const body = node.childForFieldName('body');
  if (conds.length !== 1 || conds[0].type !== 'command' || !body) return undefined;
  const m = READ_ONE.exec(conds[0].text.trim());
  if (!m) return undefined;
  const text = stdinText(run, frame, scope, io);
  if (text === undefined) return listedLoop(conds[0], body, m[4], run, frame, scope, io);
  // NUL-separated records of known text: not unrolled (the variable stays unknown)
  if (m[3]) return undefined;
  const [keepIfs, name] = [m[1], m[4]];
  const raw = / -r\s/.test(m[0]);
  const lines = readLines(text, raw);
  if (lines.length > MAX_LINES) return undefined;
  walk(conds[0], run, frame, scope, io);
  let res: Res = {};
  for (const line of lines) {
    let value = keepIfs ? line : line.trim();
    if (!raw) value = value.replace(/\\(.)/g, '$1');
    scope.dyn.delete(name);
    scope.vars.set(name, value);
    res = walk(body, run, frame, scope, io);
  }
  // read at the end of the input leaves the variable empty
  scope.vars.set(name, '');
  return res;
}
