/**
 * The second piece of I/O the pipeline may use: listing a folder so that a glob the shell
 * would expand (`for f in tests/*.sh`) names the files it matches. Callers inject it as
 * AnalyzeContext.listDir next to readFile; the pure stages never touch the filesystem.
 *
 * Read-only and bounded: only a directory is opened (stat first, so a FIFO or device is never
 * opened), at most `maxEntries` names are read (a folder with more is unknown), and the names
 * are returned without their contents.
 *
 * Symlinks: the callers judge each listed name by its path as written (`build/cache/x` is a
 * workspace path), so a listing is given only when the written path is the real one as far
 * as the workspace goes: the folder's real path (every link on the way followed) must be
 * inside the real workspace, and so must every link it holds (a link to a file or folder
 * elsewhere, `build/cache -> ~`, makes the whole listing unknown; fail closed).
 */
import { lstatSync, opendirSync, readlinkSync, statSync } from 'node:fs';

/** Most entries one folder listing may hold; a larger folder is not listed (unknown). */
export const MAX_DIR_ENTRIES = 256;
/** Most symlinks one path may go through (as the kernel's ELOOP bound). */
const MAX_LINKS = 40;

/** Where the listed paths are judged. */
export interface ListScope {
  /** The workspace (absolute, as the analysis names it); links must stay below it. Empty = no link is trusted. */
  workspace: string;
  /** A folder prefixed to every path read, `/proc/PID/root` (the agent's view); empty = this process's root. */
  root?: string;
}

/**
 * The real path of `abs` as seen below `root` (every symlink followed, an absolute target
 * read below `root` too, so `/proc/PID/root` stays the agent's view). Undefined when a part
 * is unreadable or the links loop; null when a part is missing.
 */
function resolve(abs: string, root: string): string | null | undefined {
  const todo = abs.split('/').filter(Boolean);
  let cur = '';
  let links = 0;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      cur = cur.slice(0, cur.lastIndexOf('/'));
      continue;
    }
    const next = `${cur}/${part}`;
    try {
      const st = lstatSync(root + next, { throwIfNoEntry: false });
      if (!st) return null;
      if (!st.isSymbolicLink()) {
        cur = next;
        continue;
      }
      if (++links > MAX_LINKS) return undefined;
      const target = readlinkSync(root + next);
      if (target.startsWith('/')) cur = '';
      todo.unshift(...target.split('/').filter(Boolean));
    } catch {
      return undefined;
    }
  }
  return cur || '/';
}

/** {@link resolve}, undefined for a missing part too. */
export function realPath(abs: string, root = ''): string | undefined {
  return resolve(abs, root) ?? undefined;
}

/** Whether real path `p` is the real workspace `ws` or below it, outside its .git. */
function within(p: string, ws: string): boolean {
  if (!ws) return false;
  if (p !== ws && !p.startsWith(ws === '/' ? '/' : `${ws}/`)) return false;
  return !/^\/\.git(\/|$)/.test(p.slice(ws === '/' ? 0 : ws.length));
}

/**
 * Returns a lister that gives the entry names of a folder (absolute path), sorted, a folder's
 * name ending with `/` (a symlink's name never does, whatever it points to): [] when the
 * folder does not exist (a glob there matches nothing on disk), undefined when it is not a
 * folder, cannot be read, or holds more than maxEntries entries (fail closed: undefined leaves
 * the glob unexpanded, and what it would run stays unknown). Null when the folder is reached
 * through a link that leaves `scope.workspace`, or holds a link that does or dangles (without
 * `scope`, any link at all): the caller reads what the glob names as unknown.
 */
export function dirLister(
  maxEntries = MAX_DIR_ENTRIES,
  scope?: ListScope,
): (absDir: string) => string[] | null | undefined {
  const root = scope?.root ?? '';
  let ws: string | undefined;
  const realWs = () => (ws ??= (scope?.workspace && realPath(scope.workspace, root)) || '');
  return (absDir) => {
    let dir: ReturnType<typeof opendirSync> | undefined;
    try {
      const real = resolve(absDir, root);
      // a missing folder: a glob there matches nothing on disk
      if (real === null) return [];
      // fail closed: the folder is elsewhere than its written path says (a link on the way)
      if (!real) return undefined;
      if (real !== (absDir.replace(/\/+$/, '') || '/') && !within(real, realWs())) return null;
      // stat first: a FIFO or device is never opened
      if (!statSync(root + real).isDirectory()) return undefined;
      dir = opendirSync(root + real);
      const names: string[] = [];
      for (let e = dir.readSync(); e; e = dir.readSync()) {
        if (e.isSymbolicLink()) {
          const to = realPath(`${absDir.replace(/\/+$/, '')}/${e.name}`, root);
          // fail closed: a link out of the workspace is judged by a name that is not where it acts
          // (a dangling one too: what it would name is not known)
          if (to === undefined || !within(to, realWs())) return null;
        }
        names.push(e.isDirectory() ? `${e.name}/` : e.name);
        // fail closed: a folder too large to list is unknown
        if (names.length > maxEntries) return undefined;
      }
      return names.sort();
    } catch {
      return undefined;
    } finally {
      dir?.closeSync();
    }
  };
}
