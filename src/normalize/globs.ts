/**
 * Pathname expansion of a loop's list (`for f in tests/*.sh; do sh "$f"; done`): an unquoted
 * word whose last path segment is a glob in a folder below the workspace root (not .git) names the files it
 * matches, as bash expands it, so
 * the scripts the loop runs are read and judged one by one. The matches are the folder's
 * entries on disk (through the injected, bounded AnalyzeContext.listDir) together with the
 * files this script wrote there earlier. Fail closed: a folder that cannot be listed, a
 * pattern with glob characters in a folder segment, or too many matches leave the word as
 * it was (the glob text itself, which names no readable script: ask).
 */
import { absPath } from './state.js';
import type { Field, Node } from './state.js';
import type { K as EmitK } from './emit.js';

/** What a glob expansion reads: the context, the carriers, the scope. */
type K = Pick<EmitK, 'run' | 'frame' | 'scope'>;

/** Glob characters of a path pattern. */
const GLOB = /[*?[]/;
/** Most matches one pattern may expand to; more leaves it unexpanded (fail closed). */
export const MAX_GLOB_MATCHES = 16;

/** A glob pattern over one path segment as a regular expression (`*` and `?` match a leading dot only when `dots`: find's -name). */
export function segmentRe(pattern: string, dots = false): RegExp {
  let re = dots || pattern.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Programs that never add files: run earlier in the script, they leave today's listing as
 * the one the loop meets (their redirects are in scope.written, with their text when known).
 */
const KEEPS_LISTING = new Set(
  'cd pushd popd echo printf true false test [ [[ : ls cat grep egrep fgrep rg head tail wc pwd set export unset declare local readonly command type which hash date sleep mkdir chmod'.split(
    ' ',
  ),
);

/**
 * Whether a folder's listing taken now is the one this point of the script meets. Fail
 * closed: any earlier command that may add files in ways not tracked (`cp -r`, `git pull`,
 * `tar x`, `make`…) or change what a glob matches (`shopt -s dotglob`, `GLOBIGNORE`) makes
 * it unknown. `current`: the program of the command being read, already emitted (find).
 */
export function listingCurrent(k: K, current = ''): boolean {
  if (k.scope.vars.has('GLOBIGNORE') || k.scope.dyn.has('GLOBIGNORE')) return false;
  const cmds = k.run.commands;
  // the command being read (a find whose -exec is followed) was emitted already
  const earlier = current && cmds.at(-1)?.program === current ? cmds.slice(0, -1) : cmds;
  return earlier.every((c) => KEEPS_LISTING.has(c.program));
}

/** Whether `absDir` is a folder below the workspace (or the workspace itself when `root`), outside its .git. */
export function insideWorkspace(absDir: string, k: K, root = false): boolean {
  const ws = k.run.ctx.workspace.replace(/\/+$/, '');
  if (!(root && absDir === ws) && !absDir.startsWith(`${ws}/`)) return false;
  return !/^\/\.git(\/|$)/.test(absDir.slice(ws.length));
}

/**
 * The paths a glob word names, sorted as bash sorts them, written as the word wrote them
 * (relative stays relative). Undefined = not expandable here (not a glob, glob in a folder
 * segment, a folder that is not below the workspace root or is in .git, not listable, too many matches); [] = matches nothing (bash keeps the word);
 * null = the folder is reached through, or holds, a link out of the workspace (what it names is unknown).
 */
export function globMatches(pattern: string, k: K): string[] | null | undefined {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash <= 0 ? '' : pattern.slice(0, slash);
  const base = pattern.slice(slash + 1);
  if (!GLOB.test(base) || GLOB.test(dirPart) || base.includes('\\')) return undefined;
  // fail closed: where the loop runs is not known, or the files are on another machine
  if (k.scope.cwdDynamic || k.frame.remote || !k.run.ctx.listDir || !listingCurrent(k)) return undefined;
  // fail closed: a POSIX class (`[[:alpha:]]`) is not translated here
  if (base.includes('[:')) return undefined;
  const absDir =
    absPath(k.scope.cwd, slash < 0 ? '.' : slash === 0 ? '/' : dirPart).replace(/\/+$/, '') || '/';
  // Only folders below the project's root: elsewhere (home, system, the root itself) the
  // pattern is the wider reading the rules judge (`rm -rf ~/*` is the whole home, `rm -rf *`
  // at the root the project itself, not today's entries).
  if (!insideWorkspace(absDir, k)) return undefined;
  const onDisk = k.run.ctx.listDir(absDir);
  // null: a link leads out of the workspace, so no name here says where it acts
  if (!onDisk) return onDisk;
  const prefix = absDir === '/' ? '/' : `${absDir}/`;
  const written = [...k.scope.written]
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .map((p) => p.slice(prefix.length));
  const re = segmentRe(base);
  const entries = onDisk.map((n) => n.replace(/\/$/, ''));
  const names = [...new Set([...entries, ...written])].filter((n) => re.test(n)).sort();
  if (names.length > MAX_GLOB_MATCHES) return undefined;
  const lead = slash < 0 ? '' : pattern.slice(0, slash + 1);
  return names.map((n) => lead + n);
}

/** Word nodes whose glob characters bash expands when nothing in them is quoted. */
const UNQUOTED = new Set(['word', 'concatenation', 'simple_expansion', 'expansion']);

/**
 * A loop's list words expanded: each unquoted word (`tests/*.sh`, `$PWD/tests/*.sh`) whose
 * known value is a glob with matches is replaced by its matches; every other field (quoted,
 * escaped, dynamic, no match) stays as expandWords gave it; a word whose folder a link leads
 * out of the workspace is unknown (dynamic).
 */
export function expandLoopGlobs(nodes: Node[], fields: Field[], k: K): Field[] {
  // Only when each word gave exactly one field, so fields line up with their words.
  if (nodes.length !== fields.length) return fields;
  return fields.flatMap((f, i) => {
    const n = nodes[i];
    if (f.dynamic || !UNQUOTED.has(n.type) || /['"\\]/.test(n.text)) return [f];
    const matches = globMatches(f.text, k);
    // fail closed: names behind a link out of the workspace are not known by their written path
    if (matches === null) return [{ ...f, dynamic: true }];
    return matches?.length ? matches.map((text) => ({ text, dynamic: false })) : [f];
  });
}
