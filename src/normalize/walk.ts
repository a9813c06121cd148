/**
 * Statement walker: visits a syntax tree in execution order (lists, pipelines, subshells,
 * groups, if/for/while/case, functions, declarations) and hands every simple command to
 * command.ts. Scope changes (variables, cwd, aliases, functions) follow bash's rules:
 * subshells and pipeline members get a copy. Assignments: walk-assign.ts.
 */
import { forgetShifted } from './parameters.js';
import { cloneScope, issue, MAX_NEST, nodeSpan, tick } from './state.js';
import type { Field, Frame, Io, Node, Res, Run, Scope } from './state.js';
import { expandWords, scanSubstitutions } from './words.js';
import { assign } from './walk-assign.js';
import { runCommandNode } from './command.js';
import { lastCommand, redirected } from './redirected.js';
import { listsCrontab } from './crontab.js';
import { emitDeclarationPrint } from './declare-print.js';
import { emitHistorySettings } from './history-settings.js';
import { whileRead } from './read-loops.js';
import { expandLoopGlobs } from './globs.js';

/** `assign` is also command.ts's (`A=1` alone, and prefix assignments `A=1 cmd`); it lives in walk-assign.ts. */
export { assign };

/**
 * Functions the shell runs by itself: bash's command_not_found_handle (any command that is not
 * found), zsh's command_not_found_handler, its TRAPxxx signal handlers, and its hook
 * functions (chpwd on cd, precmd/preexec/periodic around commands, zshexit at exit).
 */
const HOOK_FUNCTIONS = /^(command_not_found_handler?|TRAP[A-Z]+|chpwd|precmd|preexec|periodic|zshexit)$/;

/** Largest number of loop items unrolled (`for x in a b c`); beyond that the loop variable is dynamic. */
const MAX_UNROLL = 16;

export function walk(node: Node, run: Run, frame: Frame, scope: Scope, io: Io): Res {
  if (!tick(run)) return {};
  if (run.nest > MAX_NEST) {
    // fail closed: deeper code is not analysed → the issue forces ask.
    issue(run, 'E_TOO_DEEP', 'statements nested too deeply; not analysed', frame.span ?? nodeSpan(node));
    run.stopped = true;
    return {};
  }
  run.nest++;
  try {
    return walkInner(node, run, frame, scope, io);
  } finally {
    run.nest--;
  }
}

function seq(nodes: Node[], run: Run, frame: Frame, scope: Scope, io: Io): Res {
  let res: Res = {};
  // What a sequence writes is every statement's output in order (`(echo A; echo B) | psql`
  // gets both lines, not only the last): known only while each statement that ran a command
  // has a known output. fail closed: one unknown output makes the whole unknown.
  let text = '';
  let known = true;
  let any = false;
  // a statement that only listed the installed crontab (see Res.added)
  let listed = false;
  for (const n of nodes) {
    if (n.type === 'comment') continue;
    const before = run.commands.length;
    res = walk(n, run, frame, scope, io);
    if (res.out !== undefined) {
      text += res.out;
      any = true;
    } else if (run.commands.length === before + 1 && listsCrontab(res.last)) listed = true;
    else if (run.commands.length !== before) known = false;
  }
  if (listed) return { ...res, out: undefined, ...(known ? { added: text } : {}) };
  return { ...res, out: known && any ? text : undefined };
}

function walkInner(node: Node, run: Run, frame: Frame, scope: Scope, io: Io): Res {
  const k = { run, frame, scope };
  // The last command of a list or pipeline whose statement carried redirects (see
  // 'redirected_statement'): they are its own, applied here, after the commands before it.
  const tail = run.tailRedirects?.get(node.id);
  if (tail) {
    run.tailRedirects?.delete(node.id);
    return redirected(tail.node, node, tail.reds, run, frame, scope, io);
  }
  switch (node.type) {
    case 'program':
    case 'compound_statement':
    case 'do_group':
    case 'else_clause':
    case 'list':
      return seq(node.namedChildren, run, frame, scope, io);
    case 'comment':
      return {};
    case 'subshell':
      return seq(node.namedChildren, run, frame, cloneScope(scope), io);
    case 'negated_command':
      return seq(node.namedChildren, run, frame, scope, io);
    case 'pipeline':
      return pipeline(node, run, frame, scope, io);
    case 'redirected_statement': {
      const body = node.childForFieldName('body') ?? node.namedChildren[0];
      const reds = node.namedChildren.filter((c) => c.id !== body?.id);
      if (!body) return redirected(node, body, reds, run, frame, scope, io);
      // The grammar hangs redirects written after the last command of a list or pipeline on
      // the whole of it (`cd /etc && echo x > passwd`, `a | b 2>/dev/null`, `a && cat <<EOF`);
      // bash gives them to that last command alone, resolved in the directory it runs in.
      const tail = lastCommand(body);
      if (tail.id === body.id) return redirected(node, body, reds, run, frame, scope, io);
      (run.tailRedirects ??= new Map()).set(tail.id, { node, reds });
      return walk(body, run, frame, scope, io);
    }
    case 'command':
      return runCommandNode(node, run, frame, scope, io, []);
    case 'variable_assignment':
      assign(node, run, frame, scope);
      emitHistorySettings('declare', node, [node], { ...k, io });
      return {};
    case 'variable_assignments':
      for (const a of node.namedChildren) assign(a, run, frame, scope);
      emitHistorySettings('declare', node, node.namedChildren, { ...k, io });
      return {};
    case 'declaration_command':
      for (const c of node.namedChildren) {
        if (c.type === 'variable_assignment') assign(c, run, frame, scope);
        else scanSubstitutions(c, k);
      }
      emitHistorySettings(node.children[0]?.text ?? 'declare', node, node.namedChildren, { ...k, io });
      // `declare -x`, `export -p`: the variables printed, read where they go (declare-print.ts)
      return emitDeclarationPrint(node.children[0]?.text ?? 'declare', node, { ...k, io });
    case 'unset_command':
      for (const c of node.namedChildren) {
        if (c.type !== 'variable_name' && c.type !== 'word') continue;
        scope.vars.delete(c.text);
        scope.dyn.delete(c.text);
        scope.arrays.delete(c.text);
        scope.unset.add(c.text);
        scope.functions.delete(c.text);
      }
      emitHistorySettings('unset', node, node.namedChildren, { ...k, io });
      return {};
    case 'function_definition': {
      const name = node.childForFieldName('name');
      const body = node.childForFieldName('body');
      if (name && body) scope.functions.set(name.text, body);
      // A hook the shell calls on its own (a command not found, a signal, cd) runs without its
      // name being typed: its body is read where it is defined, with unknown arguments.
      if (name && body && HOOK_FUNCTIONS.test(name.text))
        walk(
          body,
          run,
          { ...frame, calls: frame.calls + 1, wrappers: [...frame.wrappers, name.text] },
          { ...cloneScope(scope), positional: [], positionalKnown: false },
          { writes: [] },
        );
      return {};
    }
    case 'if_statement':
    case 'elif_clause':
    case 'while_statement': {
      // `while read -r f; do …; done < list`: one pass per known line (read-loops.ts)
      const lines = node.type === 'while_statement' ? whileRead(node, run, frame, scope, io) : undefined;
      if (lines) return lines;
      if (node.type === 'while_statement') forgetShifted(node, scope);
      return seq(node.namedChildren, run, frame, scope, io);
    }
    case 'for_statement':
      return forLoop(node, run, frame, scope, io);
    case 'c_style_for_statement': {
      forgetShifted(node, scope);
      const body = node.childForFieldName('body');
      for (const c of node.namedChildren) if (c.id !== body?.id) scanSubstitutions(c, k);
      return body ? walk(body, run, frame, scope, io) : {};
    }
    case 'case_statement': {
      const value = node.childForFieldName('value');
      if (value) scanSubstitutions(value, k);
      let res: Res = {};
      for (const item of node.namedChildren) {
        if (item.type !== 'case_item') continue;
        const patterns = new Set(item.childrenForFieldName('value').map((p) => p.id));
        res = seq(
          item.namedChildren.filter((c) => !patterns.has(c.id)),
          run,
          frame,
          scope,
          io,
        );
      }
      return res;
    }
    case 'test_command':
    case 'arithmetic_expansion':
    case 'parenthesized_expression':
    case 'binary_expression':
    case 'unary_expression':
    case 'postfix_expression':
    case 'ternary_expression':
      scanSubstitutions(node, k);
      return {};
    case 'ERROR':
      // fail closed: the parse stage reported it; nothing inside is trusted.
      return {};
    default:
      issue(run, 'E_UNKNOWN_NODE', `unsupported shell construct ${node.type}`, frame.span ?? nodeSpan(node));
      return {};
  }
}

function pipeline(node: Node, run: Run, frame: Frame, scope: Scope, io: Io): Res {
  let prev: Res = {};
  let first = true;
  for (const member of node.namedChildren) {
    if (member.type === 'comment') continue;
    const memberIo: Io = first
      ? io
      : {
          ...io,
          stdin: prev.last
            ? {
                kind: 'pipe',
                from: prev.last,
                ...(prev.out !== undefined ? { text: prev.out } : {}),
                ...(prev.added !== undefined ? { added: prev.added } : {}),
              }
            : { kind: 'pipe' },
        };
    prev = walk(member, run, frame, cloneScope(scope), memberIo);
    first = false;
  }
  return prev;
}

function forLoop(node: Node, run: Run, frame: Frame, scope: Scope, io: Io): Res {
  const k = { run, frame, scope };
  const variable = node.childForFieldName('variable');
  const body = node.childForFieldName('body');
  const values = node.childrenForFieldName('value');
  const name = variable?.text ?? '';
  if (!body) return {};
  let items: Field[];
  if (values.length > 0) items = expandLoopGlobs(values, expandWords(values, k), k);
  else items = scope.positionalKnown ? scope.positional : [{ text: '"$@"', dynamic: true }];
  if (items.length === 0) return {};
  if (items.length > MAX_UNROLL || items.some((i) => i.dynamic)) {
    forgetShifted(body, scope);
    scope.vars.delete(name);
    scope.dyn.add(name);
    return walk(body, run, frame, scope, io);
  }
  let res: Res = {};
  for (const item of items) {
    scope.dyn.delete(name);
    scope.vars.set(name, item.text);
    res = walk(body, run, frame, scope, io);
  }
  return res;
}
