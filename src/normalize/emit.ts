/**
 * Builds NormalizedCommand records and tracks what they produce: constant stdout (for
 * pipes into shells, xargs, base64 -d) and file contents written earlier in the script
 * (so `bash /tmp/x.sh` can re-parse what `cat > /tmp/x.sh <<EOF` wrote).
 */
import type { NormalizedCommand, StdinSource } from '../engine/types.js';
import { absPath, basename } from './state.js';
import type { Field, Frame, Io, Res, Run, Scope } from './state.js';
import { constantOutput } from './producers.js';

/** Everything a carrier needs to run an argv. */
export interface K {
  run: Run;
  frame: Frame;
  scope: Scope;
  io: Io;
  /** Span reported for commands emitted here. */
  span: [number, number];
  /** The scope that outlives this command (for `cd`; prefix assignments live in `scope` only). */
  outer: Scope;
}

/** Appends one command; returns it with its constant stdout, if any. */
export function emit(argv: Field[], k: K, opts: { dynamic?: boolean; stdin?: StdinSource } = {}): Res {
  const { run, frame, scope, io } = k;
  const dynamicArgs: number[] = [];
  argv.forEach((f, i) => {
    if (f.dynamic) dynamicArgs.push(i);
  });
  const head = argv[0];
  const program = !head || head.dynamic ? '' : basename(head.text);
  const stdin = opts.stdin ?? io.stdin;
  const cmd: NormalizedCommand = {
    program,
    argv: argv.map((f) => f.text),
    wrappers: [...frame.wrappers],
    cwd: scope.cwd,
    // fail closed: after `cd $UNKNOWN` relative paths can't be placed.
    dynamic: dynamicArgs.length > 0 || !!opts.dynamic || program === '' || scope.cwdDynamic,
    dynamicArgs,
    ...(stdin ? { stdin } : {}),
    writes: io.writes.map((w) => w.path),
    span: k.span,
    depth: frame.depth,
    remote: frame.remote,
    vars: Object.fromEntries(scope.vars),
  };
  run.commands.push(cmd);
  const out = constantOutput(cmd, argv, k);
  if (out !== undefined) run.outputs.set(cmd, out);
  for (const w of io.writes) {
    if (w.path === '/dev/null' || !w.path.startsWith('/')) continue;
    if (out === undefined) k.scope.files.delete(w.path);
    else k.scope.files.set(w.path, (w.append ? (k.scope.files.get(w.path) ?? '') : '') + out);
  }
  if (program === 'tee' && stdin?.text !== undefined) {
    for (const f of argv.slice(1)) {
      if (!f.dynamic && !f.text.startsWith('-')) k.scope.files.set(absPath(scope.cwd, f.text), stdin.text);
    }
  }
  // A command redirected to a file prints nothing into a pipe.
  return { last: cmd, out: io.writes.length > 0 ? undefined : out };
}
