/**
 * Windows' `fsutil` verbs that destroy a file's content in place, read as a truncate of the
 * file (op `truncate`: the bytes are gone, the name stays):
 * - `fsutil file setzerodata offset=N length=N FILE`: the range is overwritten with zeros;
 * - `fsutil file seteof FILE LENGTH`: the file is cut (or grown) to LENGTH;
 * - `fsutil file setvaliddata FILE LENGTH`: the valid data length moved (below it: the rest
 *   reads as zeros; above it: whatever the disk held before shows in the file);
 * - `fsutil sparse setrange FILE OFFSET LENGTH`: the range deallocated, it reads as zeros.
 * Queries (`fsutil fsinfo`, `file queryallocranges`, `sparse queryflag`, `volume diskfree`)
 * and creating a new file (`file createnew`, which refuses an existing one) find nothing.
 * `fsutil usn deletejournal` is read as the change journal deleted (defences-windows.ts).
 * Verbs are matched case-folded; the file is a Windows path (fs-windows.ts). Fail closed: a
 * destroying verb with no file named reads as a target of class `unknown`.
 */
import type { FsHandler } from './fs-fact.js';
import { fsFact } from './fs-fact.js';
import { windowsTarget } from './fs-windows.js';

/** `GROUP VERB` (lower case) → where the file is among the words after the verb: `first` or `last` (after `name=value` words). */
const DESTROYS: Record<string, 'first' | 'last'> = {
  'file setzerodata': 'last',
  'file seteof': 'first',
  'file setvaliddata': 'first',
  'sparse setrange': 'first',
};

/** `fsutil GROUP VERB ARGS…` (see the header). */
const fsutil: FsHandler = (cmd, ctx) => {
  const verb = `${cmd.argv[1] ?? ''} ${cmd.argv[2] ?? ''}`.toLowerCase();
  if (!Object.hasOwn(DESTROYS, verb)) return [];
  // the words after the verb, without setzerodata's `offset=` / `length=`
  const words = cmd.argv
    .map((w, i) => ({ w, i }))
    .slice(3)
    .filter(({ w }) => !/^(offset|length)=/i.test(w));
  const at = DESTROYS[verb] === 'first' ? words[0] : words[words.length - 1];
  const target = at
    ? windowsTarget(at.w, cmd, ctx, cmd.dynamicArgs.includes(at.i))
    : { raw: '', path: '', class: 'unknown' as const, glob: false };
  return fsFact(cmd, 'truncate', [target], false, true);
};

/** fsutil by its names. */
export const FSUTIL_HANDLERS: Record<string, FsHandler> = { fsutil, 'fsutil.exe': fsutil };
