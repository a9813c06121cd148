/**
 * The second piece of I/O the pipeline may use: listing a folder so that a glob the shell
 * would expand (`for f in tests/*.sh`) names the files it matches. Callers inject it as
 * AnalyzeContext.listDir next to readFile; the pure stages never touch the filesystem.
 *
 * Read-only and bounded: only a directory is opened (stat first, so a FIFO or device is never
 * opened), at most `maxEntries` names are read (a folder with more is unknown), and the names
 * are returned without their contents.
 */
import { opendirSync, statSync } from 'node:fs';

/** Most entries one folder listing may hold; a larger folder is not listed (unknown). */
export const MAX_DIR_ENTRIES = 256;

/**
 * Returns a lister that gives the entry names of a folder (absolute path), sorted, a folder's
 * name ending with `/` (a symlink's name never does, whatever it points to): [] when the
 * folder does not exist (a glob there matches nothing on disk), undefined when it is not a
 * folder, cannot be read, or holds more than maxEntries entries (fail closed: undefined leaves
 * the glob unexpanded, and what it would run stays unknown).
 */
export function dirLister(maxEntries = MAX_DIR_ENTRIES): (absDir: string) => string[] | undefined {
  return (absDir) => {
    let dir: ReturnType<typeof opendirSync> | undefined;
    try {
      const st = statSync(absDir, { throwIfNoEntry: false });
      if (!st) return [];
      if (!st.isDirectory()) return undefined;
      dir = opendirSync(absDir);
      const names: string[] = [];
      for (let e = dir.readSync(); e; e = dir.readSync()) {
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
