/**
 * Whether `find ROOT … -exec CMD {} +` / `-delete` can act on ROOT itself. `{}` stands for
 * what find matched; when the tests before the action rule the root out (`-mindepth 1`, a
 * `-name`/`-iname` pattern the root's own name does not match, a `-path`/`-ipath` pattern the
 * root's path does not match), only entries below it are acted on: `find /tmp -maxdepth 1
 * -name 'pytest-of-*' -exec rm -rf {} +` removes `/tmp/pytest-of-*`, not `/tmp`. The target is
 * then read as those entries (`ROOT/PATTERN` at depth 1, else `ROOT/*`), classified like any
 * glob below ROOT (src/extract/fs-paths.ts), so a delete under a root that matters stays one.
 * Fail closed: any operator (`-o`, `,`, `!`, `-not`, parentheses), a root or test word known
 * only at run time (other than the value of a narrowing test such as `-user $(id -u)`), or a
 * pattern not read here leaves the root as a possible target.
 *
 * {@link sparesPath} says whether the same tests leave out every entry on the way from a root
 * down to a path below it (the workspace and its parents): `find /tmp -name '*.pyc' -delete`
 * deletes `*.pyc` files at any depth, never `/tmp/build` that holds the workspace.
 */
import path from 'node:path';
import type { NormalizedCommand } from '../engine/types.js';
import { segmentRe } from '../normalize/globs.js';

const ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir', '-delete']);
const OPERATORS = new Set(['-o', '-or', ',', '!', '-not', '(', ')']);
/** Tests whose value only narrows what they select: a value of theirs known only at run time is still theirs. */
const VALUED =
  /^-(user|group|uid|gid|newer|anewer|cnewer|[acm]time|[acm]min|size|perm|links|inum|samefile|fstype|type|xtype|used)$/;

/** What the tests before find's first action say about the roots; undefined = not read. */
interface RootTests {
  /** Patterns of `-name` (i: `-iname`) the root's own name must match. Empty = none. */
  names: { pattern: string; i: boolean }[];
  /** Patterns of `-path`/`-wholename` (i: the case-insensitive ones) the root's path must match. Empty = none. */
  paths: { pattern: string; i: boolean }[];
  minDepth: number;
  maxDepth: number;
}

/** The find's roots: the words after its leading options up to the first test, operator or action. */
function findRoots(find: NormalizedCommand): { text: string; at: number }[] {
  const a = find.argv;
  let i = 1;
  while (i < a.length && /^-[HLP]$|^-O\d$|^-D$/.test(a[i])) i += a[i] === '-D' ? 2 : 1;
  const out: { text: string; at: number }[] = [];
  for (; i < a.length && !/^[-(!]/.test(a[i]); i++) out.push({ text: a[i], at: i });
  return out;
}

function readTests(find: NormalizedCommand, from: number): RootTests | undefined {
  const a = find.argv;
  const t: RootTests = { names: [], paths: [], minDepth: 0, maxDepth: Infinity };
  for (let i = from; i < a.length; i++) {
    const w = a[i];
    // a value known only at run time is read as the value of the test before it (`-user $(id -u)`)
    if (find.dynamicArgs.includes(i) && !VALUED.test(a[i - 1] ?? '')) return undefined;
    if (OPERATORS.has(w)) return undefined;
    if (ACTIONS.has(w)) return t;
    const v = a[i + 1];
    if (/^-i?(name|path|wholename)$/.test(w) || w === '-mindepth' || w === '-maxdepth') {
      if (v === undefined || find.dynamicArgs.includes(i + 1)) return undefined;
      const ci = w.startsWith('-i');
      if (/name$/.test(w) && !/path|whole/.test(w)) t.names.push({ pattern: v, i: ci });
      else if (/path|wholename/.test(w)) t.paths.push({ pattern: v, i: ci });
      else if (!/^\d+$/.test(v)) return undefined;
      else if (w === '-mindepth') t.minDepth = Number(v);
      else t.maxDepth = Number(v);
      i++;
    }
  }
  return undefined;
}

/** A find `-path` pattern as a regex: `*` and `?` also match `/`; undefined when it has classes or escapes. */
function pathRe(pattern: string, i: boolean): RegExp | undefined {
  if (/[[\]\\]/.test(pattern)) return undefined;
  const body = pattern
    .replace(/[.+^${}()|]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, i ? 'i' : '');
}

/** True when the name and path tests rule out an entry find prints as `printed` (its name: `base`). */
function testsRuleOut(printed: string, base: string, t: RootTests): boolean {
  for (const n of t.names) {
    // fail closed: an escape is not read here
    if (n.pattern.includes('\\')) continue;
    const re = segmentRe(n.pattern, true);
    if (!(n.i ? new RegExp(re.source, 'i') : re).test(base)) return true;
  }
  for (const p of t.paths) {
    const re = pathRe(p.pattern, p.i);
    if (re && !re.test(printed)) return true;
  }
  return false;
}

/** `root` as written without its trailing slashes (`/` stays). */
function trimRoot(root: string): string {
  return root.replace(/(?<=.)\/+$/, '');
}

/** True when the tests rule `root` (as written to find) out. */
function rulesOut(root: string, t: RootTests): boolean {
  if (t.minDepth >= 1) return true;
  const trimmed = trimRoot(root);
  return testsRuleOut(root, trimmed === '/' ? '/' : path.posix.basename(trimmed), t);
}

/** A name no pattern spells out: a stand-in for any entry (`*` takes it, `*.pyc` does not). */
const ANY = '\u0001';

/**
 * True when the tests of `find` rule out the root `root` (as written), every entry on the
 * way from it down to `rel` (a relative path below it, e.g. the workspace's) and what is in
 * `rel` as a whole: each is at a depth the tests exclude, or its name or printed path fails a
 * `-name`/`-path` test (`-name '*.pyc'` takes some files of `rel`, `-mindepth 3` or
 * `-path 'ROOT/ws/*'` all of them). False when the tests were not read (an operator, a
 * run-time word), or `rel` is empty.
 */
export function sparesPath(find: NormalizedCommand, root: string, rel: string): boolean {
  const roots = findRoots(find);
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (!parts.length || parts.includes('..') || !roots.some((r) => r.text === root)) return false;
  if (roots.some((r) => find.dynamicArgs.includes(r.at))) return false;
  const t = readTests(find, roots[roots.length - 1].at + 1);
  if (!t || !rulesOut(root, t)) return false;
  const top = trimRoot(root);
  const spared = (names: string[]): boolean => {
    const depth = names.length;
    if (depth < t.minDepth || depth > t.maxDepth) return true;
    return testsRuleOut(`${top === '/' ? '' : top}/${names.join('/')}`, names[depth - 1], t);
  };
  // any entry in `rel` at the first depth the tests allow
  const inside = [...parts, ...Array<string>(Math.max(1, t.minDepth - parts.length)).fill(ANY)];
  return parts.every((_, k) => spared(parts.slice(0, k + 1))) && spared(inside);
}

/**
 * For each root of `find` (by its text) the tests rule out, the word that stands for what
 * it acts on below that root: `ROOT/PATTERN` (one `-name` pattern, `-maxdepth 1`) or `ROOT/*`.
 * Empty = every root may itself be acted on.
 */
export function belowRoots(find: NormalizedCommand): Map<string, string> {
  const out = new Map<string, string>();
  const roots = findRoots(find);
  if (!roots.length || roots.some((r) => find.dynamicArgs.includes(r.at))) return out;
  const t = readTests(find, roots[roots.length - 1].at + 1);
  if (!t) return out;
  const one = t.names.length === 1 && !t.names[0].i && !/[/\\]/.test(t.names[0].pattern);
  const leaf = t.maxDepth <= 1 && one ? t.names[0].pattern : '*';
  for (const r of roots)
    if (rulesOut(r.text, t)) out.set(r.text, `${r.text.endsWith('/') ? r.text : `${r.text}/`}${leaf}`);
  return out;
}
