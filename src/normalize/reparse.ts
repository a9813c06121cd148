/**
 * Re-parsing nested scripts (bash -c, eval, sourced files, heredocs into shells, ssh
 * commands…): parse the text, report its issues against the carrying command's span, and
 * walk it one level deeper, capped at limits.maxDepth.
 */
import { parseScript, type SyntaxNode } from '../parse/parse.js';
import { carriedScope, cloneScope, issue } from './state.js';
import type { Field, Io, Res, Scope } from './state.js';
import { emit, type K } from './emit.js';
import { walk } from './walk.js';
import { SECRET_MARK } from './credentials.js';

export interface ReparseOpts {
  /** Scope the nested script runs in: the caller's for eval/source, a copy for a new shell. */
  scope?: Scope;
  /** Positional parameters (`bash -c 'script' argv0 a b`). */
  positional?: Field[];
  argv0?: string;
  /** Runs on another machine: cwd '/', no local variables. */
  remote?: boolean;
  /** Stdin of the nested script's commands. */
  io?: Io;
}

/** Parses `text` and walks it as code carried by `label`. */
export function reparse(text: string, label: string, k: K, opts: ReparseOpts = {}): Res {
  const { run, frame } = k;
  const depth = frame.depth + 1;
  if (depth > run.ctx.limits.maxDepth) {
    // fail closed: deeper code is not analysed; the carrier stays visible as a dynamic command.
    issue(
      run,
      'E_TOO_DEEP',
      `nested scripts deeper than ${run.ctx.limits.maxDepth} levels (${label}); not analysed`,
      k.span,
    );
    return emit([{ text: label, dynamic: true }], k, { dynamic: true });
  }
  // fail closed: code that is only withheld secret material (a credential file, a metadata
  // service's answer: user data is a script) has content not known here
  if (text.trim() === SECRET_MARK) return emit([{ text: label, dynamic: true }], k, { dynamic: true });
  const parsed = parseScript(text, run.ctx.limits);
  for (const i of parsed.issues) {
    issue(run, i.code, `in script run by ${label}: ${i.message}`, k.span);
  }
  if (!parsed.root) return {};
  let scope = opts.scope ?? cloneScope(k.scope);
  if (opts.positional || opts.argv0 !== undefined) {
    scope = {
      ...scope,
      positional: opts.positional ?? scope.positional,
      positionalKnown: true,
      argv0: opts.argv0 ?? scope.argv0,
    };
  }
  // A script sent to another machine: nothing of this shell's state, not even which names are dynamic.
  if (opts.remote) scope = { ...carriedScope(scope, '/'), dyn: new Set() };
  const nested = {
    ...frame,
    depth,
    wrappers: [...frame.wrappers, label],
    span: k.span,
    remote: frame.remote || !!opts.remote,
  };
  const res = walk(parsed.root as SyntaxNode, run, nested, scope, opts.io ?? k.io);
  if (opts.scope === k.outer || opts.scope === k.scope) {
    // eval/source run in the caller's shell: cd inside them sticks.
    k.outer.cwd = scope.cwd;
    k.outer.cwdDynamic = scope.cwdDynamic;
  }
  return res;
}
