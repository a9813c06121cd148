/**
 * Builds NormalizedCommand records and tracks what they produce: constant stdout (for
 * pipes into shells, xargs, base64 -d) and file contents written earlier in the script
 * (so `bash /tmp/x.sh` can re-parse what `cat > /tmp/x.sh <<EOF` wrote).
 */
import type { NormalizedCommand, StdinSource } from '../engine/types.js';
import { gitConfigWritten } from './installed.js';
import { absPath } from './state.js';
import { programName } from './gnu-prefixed.js';
import type { Field, Frame, Io, Res, Run, Scope } from './state.js';
import { constantOutput, readFileText } from './producers.js';
import { generatedScripts } from './generated-scripts.js';
import { compiledPrograms } from './compiled.js';
import { outputFiles, secretOutputs } from './output-files.js';
import { unitCommands, unitFile } from './systemd-units.js';
import { runLines } from './written-code.js';

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
export function emit(
  argv: Field[],
  k: K,
  opts: { dynamic?: boolean; stdin?: StdinSource; source?: string } = {},
): Res {
  const { run, frame, scope, io } = k;
  const dynamicArgs: number[] = [];
  argv.forEach((f, i) => {
    if (f.dynamic) dynamicArgs.push(i);
  });
  const head = argv[0];
  // `RM.EXE`, `C:\tools\git.exe`: every reader sees the name it knows (`rm`, `git`)
  const program = !head || head.dynamic ? '' : programName(head.text);
  const stdin = opts.stdin ?? io.stdin;
  // Every command has the same fields in the same order, absent ones undefined (JSON omits
  // them): one object shape, so the readers' property loads stay monomorphic.
  const cmd: NormalizedCommand = {
    program,
    argv: argv.map((f) => f.text),
    wrappers: [...frame.wrappers],
    cwd: scope.cwd,
    // fail closed: after `cd $UNKNOWN` relative paths can't be placed.
    dynamic: dynamicArgs.length > 0 || !!opts.dynamic || program === '' || scope.cwdDynamic,
    dynamicArgs,
    stdin: stdin || undefined,
    writes: io.writes.map((w) => w.path),
    span: k.span,
    depth: frame.depth,
    remote: frame.remote,
    container: frame.container || undefined,
    vars: Object.fromEntries(scope.vars),
    files: scope.written.size ? writtenFiles(scope) : undefined,
    wrote: undefined,
    source: opts.source,
  };
  run.commands.push(cmd);
  const out = constantOutput(cmd, argv, k);
  if (out !== undefined) run.outputs.set(cmd, out);
  for (const w of io.writes) {
    if (w.path === '/dev/null' || !w.path.startsWith('/')) continue;
    k.scope.written.add(w.path);
    if (out === undefined) k.scope.files.delete(w.path);
    else k.scope.files.set(w.path, (w.append ? (k.scope.files.get(w.path) ?? '') : '') + out);
    gitConfigWritten(w.path, out, k);
  }
  const wrote = io.writes.map((w) => w.path).filter((p) => p !== '/dev/null' && p.startsWith('/'));
  if (program === 'tee') {
    for (const f of argv.slice(1)) {
      if (f.dynamic || f.text.startsWith('-')) continue;
      const path = absPath(scope.cwd, f.text);
      wrote.push(path);
      k.scope.written.add(path);
      if (stdin?.text !== undefined) k.scope.files.set(path, stdin.text);
      else k.scope.files.delete(path);
    }
  }
  if (wrote.length) {
    cmd.wrote = Object.fromEntries(wrote.map((p) => [p, k.scope.files.get(p) ?? null]));
    // a systemd unit written with known text: what its Exec lines run (systemd-units.ts)
    for (const [path, text] of Object.entries(cmd.wrote))
      if (text !== null && unitFile(path)) runLines(unitCommands(text), `systemd unit ${path}`, k);
  }
  for (const path of outputFiles(program, argv)) {
    const abs = absPath(scope.cwd, path);
    k.scope.written.add(abs);
    k.scope.files.delete(abs);
  }
  // a credential copied or downloaded: the file holds the secret (output-files.ts)
  for (const [abs, text] of secretOutputs(program, argv, k, readFileText)) {
    k.scope.written.add(abs);
    k.scope.files.set(abs, text);
  }
  // rmlint's removal script: its effect is known from what rmlint scanned
  for (const [path, text] of generatedScripts(program, argv)) {
    const abs = absPath(scope.cwd, path);
    k.scope.written.add(abs);
    k.scope.files.set(abs, text);
  }
  // `swiftc x.swift -o x`: the program runs the written sources (compiled.ts)
  for (const [abs, text] of compiledPrograms(program, argv, scope)) {
    k.scope.written.add(abs);
    if (text === null) k.scope.files.delete(abs);
    else k.scope.files.set(abs, text);
  }
  // A command redirected to a file prints nothing into a pipe.
  return { last: cmd, out: io.writes.length > 0 ? undefined : out };
}

/** The files written so far, as NormalizedCommand.files records them (null = content not known). */
function writtenFiles(scope: Scope): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const p of scope.written) out[p] = scope.files.get(p) ?? null;
  return out;
}

/**
 * fail closed: code that runs but can't be read statically (a script file this script wrote
 * with unknown content, `make -f <(…)`, `awk -f "$P"`). The carrier is emitted as dynamic and
 * a command whose name is unknown stands for the code, so the verdict is at least ask.
 */
export function unknownCode(argv: Field[], k: K, label: string, text: string): Res {
  const res = emit(argv, k, { dynamic: true });
  emit(
    [{ text, dynamic: true }],
    { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } },
    { dynamic: true },
  );
  return res;
}
