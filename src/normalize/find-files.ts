/**
 * The files `find ROOT… TESTS -exec CMD {} ;` hands to CMD, when its tests are simple enough
 * to evaluate (`-name`, `-iname`, `-type f|d`, `-maxdepth`, `-mindepth`), so that `find tests
 * -name '*.sh' -exec sh {} \;` reads and judges each script it runs. The tree is walked through
 * the injected, bounded AnalyzeContext.listDir, with the files this script wrote there
 * earlier, only under the workspace (outside .git); the listing itself refuses folders and
 * links that lead out of it (src/engine/dir-lister.ts). Fail closed: `-L`, any other test or operator (`-o`, `!`, `-newer`, `-path`…), a root
 * not known statically, a folder that cannot be listed, too many folders or matches give
 * undefined, and the caller keeps treating what runs as unknown.
 */
import { absPath } from './state.js';
import type { Field } from './state.js';
import type { K } from './emit.js';
import { insideWorkspace, listingCurrent, segmentRe } from './globs.js';

/** Most folders one find walk may list. */
const MAX_DIRS = 32;
/** Most files one find may hand to its command. */
const MAX_FOUND = 16;

/** What the tests between the roots and the action select; undefined fields test nothing. */
interface Tests {
  name?: RegExp;
  type?: 'f' | 'd';
  maxDepth: number;
  minDepth: number;
}

/** The simple tests before the action, or undefined when any is not understood here. */
function readTests(args: Field[]): Tests | undefined {
  const t: Tests = { maxDepth: Infinity, minDepth: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    const v = args[i + 1];
    if (args[i].dynamic) return undefined;
    if (a === '-print') continue;
    if (!v || v.dynamic) return undefined;
    if (a === '-name' || a === '-iname') {
      // fail closed: a second name test (an implicit -a) or a backslash escape is not read here
      if (t.name || v.text.includes('\\') || v.text.includes('/')) return undefined;
      const re = segmentRe(v.text, true);
      t.name = a === '-iname' ? new RegExp(re.source, 'i') : re;
    } else if (a === '-type' && (v.text === 'f' || v.text === 'd')) t.type = v.text;
    else if ((a === '-maxdepth' || a === '-mindepth') && /^\d+$/.test(v.text)) {
      if (a === '-maxdepth') t.maxDepth = Number(v.text);
      else t.minDepth = Number(v.text);
    } else return undefined;
    i++;
  }
  return t;
}

/**
 * The paths (as find prints them: ROOT/…) that pass `tests` under `roots`, in walk order;
 * `lead`: find's options before the roots (`-L`, `-H`, `-P`, `-O2`, `-D x`; empty = none).
 * Undefined = not known (see the module comment); [] = none found.
 */
export function foundFiles(
  roots: Field[],
  tests: Field[],
  k: Pick<K, 'run' | 'frame' | 'scope'>,
  lead: Field[] = [],
): string[] | undefined {
  // fail closed: `-L` (the last of -H/-L/-P counts) walks into linked folders, which the
  // listing does not descend (a link is a name there); `-H` follows only the roots, which
  // the listing resolves itself
  const follow = lead.filter((f) => f.dynamic || /^-[HLP]$/.test(f.text)).at(-1);
  if (follow && (follow.dynamic || follow.text === '-L')) return undefined;
  const t = readTests(tests);
  const list = k.run.ctx.listDir;
  if (!t || !list || k.scope.cwdDynamic || k.frame.remote || !listingCurrent(k, 'find')) return undefined;
  const found: string[] = [];
  let dirs = 0;
  for (const root of roots) {
    if (root.dynamic) return undefined;
    const shown = root.text.replace(/\/+$/, '') || '/';
    // [absolute folder, printed prefix, depth of its entries]
    // the root itself is tested too (as a folder: a root that is a file cannot be listed below)
    const rootName = shown.slice(shown.lastIndexOf('/') + 1);
    if (t.minDepth === 0 && t.type !== 'f' && (!t.name || t.name.test(rootName))) found.push(shown);
    const absRoot = absPath(k.scope.cwd, shown);
    if (!insideWorkspace(absRoot, k, true)) return undefined;
    const queue: [string, string, number][] = [[absRoot, shown, 1]];
    while (queue.length > 0) {
      const [abs, printed, depth] = queue.shift()!;
      if (depth > t.maxDepth) continue;
      if (++dirs > MAX_DIRS) return undefined;
      const onDisk = list(abs);
      if (!onDisk) return undefined;
      const prefix = `${abs === '/' ? '' : abs}/`;
      const written = [...k.scope.written]
        .filter((p) => p.startsWith(prefix) && p.length > prefix.length)
        .map((p) => p.slice(prefix.length))
        // a file written deeper names its first folder
        .map((rest) => (rest.includes('/') ? `${rest.slice(0, rest.indexOf('/'))}/` : rest));
      for (const entry of [...new Set([...onDisk, ...written])].sort()) {
        const isDir = entry.endsWith('/');
        const name = entry.replace(/\/$/, '');
        // fail closed: a walk that reaches .git is not read here
        if (isDir && !insideWorkspace(`${prefix}${name}`, k)) return undefined;
        const path = `${printed === '/' ? '' : printed}/${name}`;
        const selected =
          depth >= t.minDepth && (!t.name || t.name.test(name)) && (!t.type || (t.type === 'd') === isDir);
        if (selected) found.push(path);
        if (found.length > MAX_FOUND) return undefined;
        if (isDir) queue.push([`${prefix}${name}`, path, depth + 1]);
      }
    }
  }
  return found;
}
