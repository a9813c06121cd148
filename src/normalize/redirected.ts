/**
 * Statements with redirects (`cmd > f`, `{ …; } 2>&1`, `cat <<EOF`): the redirects are
 * applied to the statement's body. The grammar hangs redirects written after the last
 * command of a list or pipeline on the whole of it; walk.ts hands them to that last command
 * (lastCommand), as bash does.
 */
import { HEREDOC_DASH_GAP } from '../parse/parse.js';
import type { Field, Frame, Io, Node, Res, Run, Scope } from './state.js';
import { scanSubstitutions } from './words.js';
import { runAfter, runCommandNode, redirects } from './command.js';
import { walk } from './walk.js';

/**
 * The last command of a list or pipeline (itself for anything else): where bash sends the
 * redirects written after it.
 */
export function lastCommand(node: Node): Node {
  let n = node;
  while (n.type === 'list' || n.type === 'pipeline') {
    const kids = n.namedChildren.filter((c) => c.type !== 'comment');
    const last = kids[kids.length - 1];
    if (!last) break;
    n = last;
  }
  return n;
}

/** Runs `body` with the redirects `reds` of the statement `node` (`cmd > f`, `{ …; } 2>&1`). */
export function redirected(
  node: Node,
  body: Node | null,
  reds: Node[],
  run: Run,
  frame: Frame,
  scope: Scope,
  io: Io,
): Res {
  const k = { run, frame, scope };
  const r = redirects(reds, k, io);
  if (!body) return {};
  let res: Res;
  if (body.type === 'command') {
    const next = reds[0];
    const gap = next
      ? node.text.slice(body.endIndex - node.startIndex, next.startIndex - node.startIndex)
      : '';
    const dashes: Field[] = HEREDOC_DASH_GAP.test(gap)
      ? gap
          .trim()
          .split(/\s+/)
          .map((t) => ({ text: t, dynamic: false }))
      : [];
    res = runCommandNode(body, run, frame, scope, r.io, r.extraArgs, dashes);
  } else {
    for (const a of r.extraArgs) scanSubstitutions(a, k);
    res = walk(body, run, frame, scope, r.io);
  }
  return runAfter(r.after, res, run, frame, scope, io);
}
