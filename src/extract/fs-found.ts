/**
 * What xargs appends when its input is `find DIR…`, or a lister of names (`grep -l PAT DIR`,
 * `rg -l`, `git ls-files`; fs-listers.ts): paths below those start directories.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { minimatch } from 'minimatch';
import { targetOf } from './fs-paths.js';
import { listedBy } from './fs-listers.js';

/**
 * The names xargs appends when its input is `find DIR…` (no -L/-follow) or a lister's names: paths below those
 * start directories, so their class is the start's (a workspace dir gives workspace files).
 * Undefined when the input is anything else.
 */
export function foundUnder(cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget[] | undefined {
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  // A word of the lister not known statically: its starts are unknown. (A directory changed to
  // at run time does not count here: relative paths are placed as for any other command.)
  if (!from || from.program === '' || from.dynamicArgs.length > 0) return undefined;
  if (from.program !== 'find') {
    const listed = listedBy(from);
    if (!listed) return undefined;
    return listed.starts.map((s) => {
      const t = targetOf(s, from, ctx);
      // a listing that walks into the project's `.git` may name its history files
      const cls =
        t.class !== 'workspace-root'
          ? t.class
          : listed.vcs
            ? 'workspace-vcs'
            : listed.selective
              ? 'inside-workspace'
              : t.class;
      return { raw: `(listed under ${t.raw})`, path: t.path, class: cls, glob: false };
    });
  }
  const args = from.argv.slice(1);
  if (args.some((a) => a === '-L' || a === '-follow' || a === '-H')) return undefined;
  const starts: string[] = [];
  for (const a of args) {
    if (a === '-P') continue;
    if (a.startsWith('-') || a === '(' || a === '!' || a === ',') break;
    starts.push(a);
  }
  if (!starts.length) starts.push('.');
  const out = starts.map((s) => targetOf(s, from, ctx));
  // With a test that selects names (-name, -type, -mtime…), what is found is some files below
  // the start; with none, it is everything there, the start included.
  const selective = args.some((a) =>
    /^-(i?name|i?path|i?wholename|i?regex|type|x?type|newer\w*|[acm](time|min)|size|empty|user|group|perm|links|inum)$/.test(
      a,
    ),
  );
  // `find . -name .git | xargs rm -rf`: what it finds in the project are repositories' histories.
  const gitDirs = selectsGitDirs(from);
  return out.map((t) => ({
    raw: gitDirs ? `(.git directories found under ${t.raw})` : `(found under ${t.raw})`,
    path: t.path,
    class:
      gitDirs && (t.class === 'workspace-root' || t.class === 'inside-workspace')
        ? 'workspace-vcs'
        : selective && t.class === 'workspace-root'
          ? 'inside-workspace'
          : t.class,
    glob: false,
  }));
}

/** find's name tests, and paths a `.git` directory has for each (`-name` sees the base name; `-path`'s `*` crosses `/`). */
const NAME_TESTS: Record<string, string[]> = {
  '-name': ['.git'],
  '-iname': ['.git'],
  '-path': ['.git', './.git', 'x/.git', './x/.git'],
  '-ipath': ['.git', './.git', 'x/.git', './x/.git'],
  '-wholename': ['.git', './.git', 'x/.git', './x/.git'],
  '-iwholename': ['.git', './.git', 'x/.git', './x/.git'],
};

/**
 * True when the name tests of `find` select `.git` directories (`-name .git`, `-path './.git'`,
 * `-name '.g*'`): all of them match one (tests are joined by "and"), or, with `-o`, any does.
 */
export function selectsGitDirs(find: NormalizedCommand): boolean {
  /** Per name test: whether `.git` passes it, and whether other names fail it. */
  const tests = find.argv.flatMap((a, i) => {
    const probes = Object.hasOwn(NAME_TESTS, a) ? NAME_TESTS[a] : undefined;
    const pattern = find.argv[i + 1];
    if (!probes || pattern === undefined) return [];
    // A pattern not known statically is not read as `.git` here: such a find is not selective
    // either (selectiveFind), so its start keeps its own class (fail closed).
    if (find.dynamicArgs.includes(i + 1)) return [{ git: false, narrow: false }];
    const hit = (p: string) => minimatch(p, pattern, { dot: true, nocase: a.startsWith('-i') });
    return [{ git: probes.some(hit), narrow: !probes.some((p) => hit(p.replace('.git', 'src'))) }];
  });
  if (tests.length === 0) return false;
  // `-name '*'` lets .git through, and everything else: only a test that other names fail selects .git.
  const or = find.argv.some((a) => a === '-o' || a === '-or');
  return or ? tests.some((t) => t.git && t.narrow) : tests.every((t) => t.git) && tests.some((t) => t.narrow);
}
