/**
 * Simple commands: prefix assignments, redirections, alias and function call sites,
 * then the expanded argv goes to the carrier dispatcher (carriers.ts).
 */
import type { StdinSource } from '../engine/types.js';
import { absPath, cloneScope, issue, MAX_FUNCTION_CALLS, nodeSpan } from './state.js';
import type { Field, Frame, Io, Node, Res, Run, Scope } from './state.js';
import { expandRange, expandScalar, expandWord, expandWords, type Ctx } from './words.js';
import { assign, walk } from './walk.js';
import { runArgv } from './carriers.js';
import { ESCAPE_PLACEHOLDER } from '../parse/parse.js';
import { reparse } from './reparse.js';

/** Something a heredoc redirect drags along on its line: `cat <<EOF | sh`, `cat <<EOF && rm x`. */
export interface After {
  pipe: boolean;
  node: Node;
}

const WRITE_OPS = new Set(['>', '>>', '&>', '&>>', '>|']);

/**
 * Applies redirect nodes on top of `io`. Extra words after a redirect target
 * (`rm >/dev/null -rf /`: tree-sitter-bash attaches `-rf /` to the redirect) are
 * returned as command arguments, which is what bash does with them.
 */
export function redirects(nodes: Node[], k: Ctx, io: Io): { io: Io; extraArgs: Node[]; after: After[] } {
  const out: Io = { ...io, writes: [...io.writes] };
  const extraArgs: Node[] = [];
  const after: After[] = [];
  const visit = (r: Node) => {
    if (r.type === 'file_redirect') {
      const op = r.children.find((c) => !c.isNamed)?.type ?? '';
      const dest = r.childrenForFieldName('destination');
      const [target, ...rest] =
        dest.length > 0 ? dest : r.namedChildren.filter((c) => c.type !== 'file_descriptor');
      extraArgs.push(...rest);
      if (!target) return;
      const f = expandScalar(target, k);
      if (WRITE_OPS.has(op)) {
        out.writes.push({
          path: f.dynamic ? f.text : absPath(k.scope.cwd, f.text),
          append: op.endsWith('>>'),
        });
      } else if (op === '<' && !f.dynamic) {
        const path = absPath(k.scope.cwd, f.text);
        const text = k.scope.files.get(path);
        out.stdin = { kind: 'file', path, ...(text !== undefined ? { text } : {}) };
      } else if (op === '<') out.stdin = { kind: 'file', path: f.text };
      // `>&2`, `2>&1`, `<&0`: descriptor duplication, no file.
    } else if (r.type === 'herestring_redirect') {
      const word = r.namedChildren.find((c) => c.type !== 'file_descriptor');
      const f = word ? expandScalar(word, k) : { text: '', dynamic: false };
      out.stdin = f.dynamic ? { kind: 'herestring' } : { kind: 'herestring', text: f.text + '\n' };
    } else if (r.type === 'heredoc_redirect') {
      out.stdin = heredoc(r, k);
      for (const c of r.namedChildren) {
        if (c.type === 'file_redirect' || c.type === 'herestring_redirect') visit(c);
        else if (c.type === 'pipeline') after.push({ pipe: true, node: c });
        else if (!/^heredoc_|^file_descriptor$/.test(c.type)) after.push({ pipe: false, node: c });
      }
    }
  };
  for (const r of nodes) visit(r);
  return { io: out, extraArgs, after };
}

/** The stand-in for a line-start backslash before a character bash's heredoc expansion unescapes. */
const STANDIN_ESCAPES = new RegExp(`${ESCAPE_PLACEHOLDER}[$\\\\\`]`);

function heredoc(r: Node, k: Ctx): StdinSource {
  const start = r.children.find((c) => c.type === 'heredoc_start');
  const body = r.children.find((c) => c.type === 'heredoc_body');
  if (!body) return { kind: 'heredoc', text: '' };
  const quoted = start ? /['"\\]/.test(start.text) : false;
  const stripTabs = r.children.some((c) => c.type === '<<-');
  // The body's first line may start with a backslash the parse step stood in for
  // (ESCAPE_PLACEHOLDER: `<<SQL` then `\c prod`): the text has the backslash again.
  const escaped = body.text.includes(ESCAPE_PLACEHOLDER);
  let text: string;
  if (quoted) text = body.text;
  else {
    // fail closed: in an unquoted heredoc a backslash before `$`, a backquote or a backslash
    // is taken off, and what the stand-in was followed by is not known here.
    if (escaped && STANDIN_ESCAPES.test(body.text)) return { kind: 'heredoc' };
    const f = expandRange(body, k, body.startIndex, body.endIndex);
    // fail closed: backquotes in an unquoted heredoc run commands we did not parse.
    if (f.dynamic || body.text.includes('`')) return { kind: 'heredoc' };
    text = f.text;
  }
  if (escaped) text = text.replaceAll(ESCAPE_PLACEHOLDER, '\\');
  if (stripTabs) text = text.replace(/^\t+/gm, '');
  return { kind: 'heredoc', text };
}

/** Runs what a heredoc line carried after the redirected statement produced `res`. */
export function runAfter(after: After[], res: Res, run: Run, frame: Frame, scope: Scope, io: Io): Res {
  for (const a of after) {
    if (!a.pipe) {
      res = walk(a.node, run, frame, scope, io);
      continue;
    }
    for (const member of a.node.namedChildren) {
      const stdin: StdinSource = {
        kind: 'pipe',
        ...(res.last ? { from: res.last } : {}),
        ...(res.out !== undefined ? { text: res.out } : {}),
      };
      res = walk(member, run, frame, cloneScope(scope), { ...io, stdin });
    }
  }
  return res;
}

/** Walks a command node (plus redirect-carried argument words). */
export function runCommandNode(
  node: Node,
  run: Run,
  frame: Frame,
  scope: Scope,
  io: Io,
  extra: Node[],
  extraFields: Field[] = [],
): Res {
  const k: Ctx = { run, frame, scope };
  const assigns: Node[] = [];
  const argNodes: Node[] = [];
  const reds: Node[] = [];
  let nameNode: Node | null = null;
  for (const c of node.namedChildren) {
    if (c.type === 'variable_assignment' && !nameNode) assigns.push(c);
    else if (c.type === 'command_name') nameNode = c;
    else if (c.type === 'file_redirect' || c.type === 'herestring_redirect' || c.type === 'heredoc_redirect')
      reds.push(c);
    else if (c.type === 'subshell') return walk(c, run, frame, scope, io);
    else argNodes.push(c);
  }
  const r = redirects(reds, k, io);
  argNodes.push(...r.extraArgs, ...extra);
  if (!nameNode) {
    for (const a of assigns) assign(a, run, frame, scope);
    for (const a of argNodes) expandWord(a, k);
    return {};
  }
  // Prefix assignments only reach the command's environment.
  let cmdScope = scope;
  if (assigns.length > 0) {
    cmdScope = cloneScope(scope);
    for (const a of assigns) assign(a, run, frame, cmdScope);
  }
  const span = frame.span ?? nodeSpan(node);
  const nameWord = nameNode.namedChildren[0];
  if (
    nameWord &&
    nameWord.type === 'word' &&
    !/[\\'"]/.test(nameWord.text) &&
    !nameWord.text.includes(ESCAPE_PLACEHOLDER)
  ) {
    const alias = scope.aliases.get(nameWord.text);
    if (alias !== undefined) {
      const rest = node.text.slice(nameNode.endIndex - node.startIndex);
      return reparse(
        alias + rest,
        `alias ${nameWord.text}`,
        { run, frame, scope, io: r.io, span, outer: scope },
        { scope },
      );
    }
  }
  const name = expandWord(nameNode, k);
  const args = [...expandWords(argNodes, k), ...extraFields];
  const argv: Field[] = [...name, ...args];
  if (argv.length === 0) return {};
  const fn = !argv[0].dynamic ? scope.functions.get(argv[0].text) : undefined;
  if (fn) {
    if (frame.calls >= run.ctx.limits.maxDepth * 4) {
      // fail closed: recursion is not followed further → the issue forces ask.
      issue(run, 'E_TOO_DEEP', `function ${argv[0].text} calls itself too deeply; not analysed`, span);
      return {};
    }
    if (++run.fnCalls > MAX_FUNCTION_CALLS) {
      // fail closed: calls past the budget are not followed; the issue forces ask and stops the walk.
      issue(
        run,
        'E_TOO_MANY_NODES',
        `more than ${MAX_FUNCTION_CALLS} function calls to follow; not analysed further`,
        span,
      );
      run.stopped = true;
      return {};
    }
    const fnScope: Scope = { ...cmdScope, positional: argv.slice(1), positionalKnown: true };
    const res = walk(fn, run, { ...frame, calls: frame.calls + 1, span }, fnScope, r.io);
    scope.cwd = fnScope.cwd;
    scope.cwdDynamic = fnScope.cwdDynamic;
    return res;
  }
  return runArgv(argv, { run, frame, scope: cmdScope, io: r.io, span, outer: scope });
}
