/**
 * Internal state of one normalize() run: the shell scope (variables, aliases, functions,
 * cwd, files written so far), the frame of carriers around the current code, and the
 * shared budget (nodes, time, depth) with the output lists.
 */
import { posix } from 'node:path';
import type {
  AnalysisIssue,
  AnalyzeContext,
  ContainerMount,
  NormalizedCommand,
  StdinSource,
} from '../engine/types.js';
import type { SyntaxNode } from '../parse/parse.js';

export type Node = SyntaxNode;

/** One expanded word. `dynamic` = some part could not be resolved; `text` then keeps the source text. */
export interface Field {
  text: string;
  dynamic: boolean;
  /** True when the word is a process substitution `<(…)` (a script fed through /dev/fd). */
  proc?: boolean;
}

/** What the shell knows at a point of the script. Mutated as statements run. */
export interface Scope {
  /** Variables with a constant value (constant propagation). */
  vars: Map<string, string>;
  /** Variables assigned a value that is not known statically. */
  dyn: Set<string>;
  /**
   * Indexed arrays whose elements are known (`a=(x y)`, `declare -a a=(…)`, `a+=(z)`), each
   * element a field (dynamic when not known). A name absent here is not known as an array.
   */
  arrays: Map<string, Field[]>;
  /** Variables explicitly unset (`unset X`): `${X:-d}` gives d. */
  unset: Set<string>;
  /** `alias name='text'` seen earlier. */
  aliases: Map<string, string>;
  /** `f() { … }` seen earlier: name → body node. */
  functions: Map<string, Node>;
  /** `$1…`; a dynamic field where unknown. */
  positional: Field[];
  /** False when the positional parameters are not known (top level: the agent's shell). */
  positionalKnown: boolean;
  /** `$0`. */
  argv0: string;
  /** Absolute working directory. */
  cwd: string;
  /** True once `cd` went somewhere not known statically. */
  cwdDynamic: boolean;
  /** Files written earlier in the script with known content: absolute path → text. */
  files: Map<string, string>;
  /** Every file this script wrote so far (redirects, tee, cp/mv/install targets, download outputs), known content or not: absolute paths. */
  written: Set<string>;
  /**
   * Aliases of a tool this script defined in the tool's own config (git-aliases.ts,
   * gh-aliases.ts): `TOOL NAME` (`git ship`, `gh nuke`; git's names lower-cased) → the value,
   * null when it is not known; `TOOL *` with null = config text not known was written (any
   * name that is no command of the tool may be an alias). Shared by subshells: the tools keep
   * them on disk. Empty = none.
   */
  toolAliases: Map<string, string | null>;
  /** Packages this script built so far (`dpkg-deb --build`, `rpmbuild -bb`), in order; empty = none. */
  packages: BuiltPackage[];
}

/** A package this script built, whose scripts run as root when it is installed or removed. */
export interface BuiltPackage {
  kind: 'deb' | 'rpm';
  /**
   * Where the package file is: a .deb's absolute path, or the folder it (a .deb named from its
   * control file) or an .rpm (under ARCH/) lands in, ending with `/`.
   */
  file: string;
  /** The file's name when the folder names it (`demo-1.0-1.noarch.rpm`); '' = only its folder is known. */
  fileName: string;
  /** The package's name (control `Package:`, spec `Name:`); '' = not known. */
  name: string;
  /**
   * The written files of its scripts: a .deb's maintainer scripts (DEBIAN/preinst, postinst,
   * prerm, postrm, config), an .rpm's spec (its %pre/%post… sections). Empty = none written.
   */
  scripts: string[];
}

/** The carriers around the code being walked. */
export interface Frame {
  /** Re-parse depth (0 = top-level script). */
  depth: number;
  /** Carriers peeled so far, outermost first. */
  wrappers: string[];
  /** True inside ssh / docker exec / kubectl exec. */
  remote: boolean;
  /** Inside `docker|podman run`: the new container's mounts (NormalizedCommand.container). Absent = not in one. */
  container?: ContainerMount[];
  /** Span of the top-level command that carried this code; undefined at depth 0. */
  span?: [number, number];
  /** Function-call nesting, capped like depth. */
  calls: number;
}

/** Redirections that apply to the commands inside a statement. */
export interface Io {
  stdin?: StdinSource;
  /** Output files: absolute path, append or overwrite. */
  writes: { path: string; append: boolean }[];
}

/** Result of walking a statement: the last command run and its stdout when it is a known constant. */
export interface Res {
  last?: NormalizedCommand;
  out?: string;
  /**
   * Set when `out` is unknown only because a statement listed the installed crontab
   * (`(crontab -l; echo JOB) | crontab -`): the rest of the output, known. Read only by a
   * crontab install (installing the listed jobs again is no new effect). Undefined = none.
   */
  added?: string;
}

export interface Run {
  ctx: AnalyzeContext;
  commands: NormalizedCommand[];
  issues: AnalysisIssue[];
  nodes: number;
  /** Function calls followed into their bodies so far (budget MAX_FUNCTION_CALLS). */
  fnCalls: number;
  deadline: number;
  /** Set once a budget ran out: the walk stops adding commands. */
  stopped: boolean;
  /** Current recursion depth of the walk itself (AST nesting), capped. */
  nest: number;
  /** Constant stdout of emitted commands, for pipes. */
  outputs: WeakMap<NormalizedCommand, string>;
  /**
   * EXIT trap handlers, analysed when the script ends, with the variables it has then
   * (`trap 'rm -rf "$tmp"' EXIT; tmp=$(mktemp -d)`). Empty = none.
   */
  atExit: (() => void)[];
  /**
   * Redirects the grammar hung on a whole list or pipeline, keyed by the id of its last
   * command, which they belong to (walk.ts 'redirected_statement'); taken when that command
   * is walked. Undefined or empty = none pending.
   */
  tailRedirects?: Map<number, { node: Node; reds: Node[] }>;
}

/** Deepest AST nesting the recursive walk follows before giving up with E_TOO_DEEP. */
export const MAX_NEST = 300;

export function newScope(ctx: AnalyzeContext): Scope {
  return {
    vars: new Map(),
    dyn: new Set(),
    arrays: new Map(),
    unset: new Set(),
    aliases: new Map(),
    functions: new Map(),
    positional: [],
    positionalKnown: false,
    argv0: 'bash',
    cwd: ctx.cwd,
    cwdDynamic: false,
    files: new Map(),
    written: new Set(),
    toolAliases: new Map(),
    packages: [],
  };
}

/** A subshell's copy: later changes inside don't leak out. */
export function cloneScope(s: Scope): Scope {
  return {
    ...s,
    vars: new Map(s.vars),
    dyn: new Set(s.dyn),
    arrays: new Map(s.arrays),
    unset: new Set(s.unset),
    aliases: new Map(s.aliases),
    functions: new Map(s.functions),
    positional: [...s.positional],
    files: s.files, // files written in a subshell are visible afterwards
    written: s.written,
    toolAliases: s.toolAliases, // a tool's config is on disk: an alias set in a subshell stays
    packages: s.packages, // like files: built in a subshell, installed after it
  };
}

/**
 * The scope of a command carried to another machine or into a new container (ssh, docker
 * exec|run, kubectl exec): it runs in `cwd`, and none of this shell's variables, files or
 * writes are known there.
 */
export function carriedScope(s: Scope, cwd: string): Scope {
  return {
    ...cloneScope(s),
    cwd,
    cwdDynamic: false,
    vars: new Map(),
    arrays: new Map(),
    files: new Map(),
    written: new Set(),
    toolAliases: new Map(),
    packages: [],
  };
}

export function issue(run: Run, code: string, message: string, span?: [number, number]): void {
  if (run.issues.length >= 200) return;
  if (run.issues.some((i) => i.code === code && i.message === message)) return;
  run.issues.push(span ? { code, message, span } : { code, message });
}

/** Counts one visited node; false once any budget is exhausted (then stop walking). */
export function tick(run: Run): boolean {
  if (run.stopped) return false;
  run.nodes++;
  if (run.nodes > run.ctx.limits.maxNodes) {
    // fail closed: the rest of the script is not analysed → the issue forces ask.
    issue(
      run,
      'E_TOO_MANY_NODES',
      `more than ${run.ctx.limits.maxNodes} syntax nodes visited; analysis stopped`,
    );
    run.stopped = true;
    return false;
  }
  if ((run.nodes & 127) === 0 && performance.now() > run.deadline) {
    // fail closed: out of time → the issue forces ask.
    issue(run, 'E_TIMEOUT', `analysis took longer than ${run.ctx.limits.maxMillis} ms; stopped`);
    run.stopped = true;
    return false;
  }
  return true;
}

/**
 * Most function calls followed into their bodies in one analysis. A function calling
 * another twice, twenty deep (`f1() { f0; f0; }; …`, 428 bytes), is 2^20 calls: the node
 * budget ends it, but only after ~200,000 nodes (0.5-2 s). Scripts call their functions a
 * few dozen times; past this many the rest is not followed (ask), deterministically.
 */
export const MAX_FUNCTION_CALLS = 2000;

export function nodeSpan(n: Node): [number, number] {
  return [n.startIndex, n.endIndex];
}

/** Resolves a path against a directory; '' for an empty path. */
export function absPath(cwd: string, p: string): string {
  if (p === '') return '';
  return posix.resolve(cwd, p);
}

export function basename(p: string): string {
  const b = p.replace(/\/+$/, '');
  const i = b.lastIndexOf('/');
  return i >= 0 ? b.slice(i + 1) : b;
}

export const lit = (text: string): Field => ({ text, dynamic: false });
