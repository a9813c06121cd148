/**
 * Access control lists: `setfacl` changes who may read, write or run a file just as chmod
 * does, so it is read as a permission change (fs fact, op `chmod`) of its operands, recursive
 * with -R / --recursive; `setfacl -R -m u:ci:rwx /etc` is `chmod -R` of /etc and meets the
 * same rules. `setfacl --test` changes nothing (no fact); `--restore=FILE` names its files
 * in FILE, which is not read: its target is of class unknown.
 *
 * File attributes: `chattr -i /etc/sudoers` lifts the immutability that kept a file from
 * being changed (as `-a` lifts append-only on a log), the step before tampering with it, so
 * `chattr MODE FILE…` is read the same way (op `chmod`, recursive with -R); `chattr +i` of a
 * workspace file is the project's own business. `lsattr` only prints.
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, lastValue, parseOptions, type OptionSpec } from './fs-options.js';
import { target } from './fs-paths.js';

/** setfacl's options: -m/-x take an ACL, -M/-X a file of them (as do --set and --set-file). */
const SETFACL: OptionSpec = {
  shortWithValue: 'mMxX',
  longWithValue: ['modify', 'modify-file', 'remove', 'remove-file', 'set', 'set-file', 'restore'],
  long: [
    'remove-all',
    'remove-default',
    'no-mask',
    'mask',
    'default',
    'recursive',
    'logical',
    'physical',
    'test',
  ],
};

const setfacl: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, SETFACL);
  if (hasAny(o, 'test', 'help', 'version')) return [];
  const recursive = hasAny(o, 'R', 'recursive');
  const restore = lastValue(o, 'restore');
  // fail closed: the files a --restore dump names are not read here
  const listed =
    restore !== undefined
      ? [{ raw: `(files listed in ${restore})`, path: '', class: 'unknown' as const, glob: false }]
      : [];
  return fsFact(cmd, 'chmod', [...o.operands.map((i) => target(cmd, i, ctx)), ...listed], recursive);
};

/** A chattr mode word: `+i`, `-ia`, `=e` (its letters are attributes, never options). */
const CHATTR_MODE = /^[-+=][aAcCdDeFijmPsStTux]+$/;

/** `chattr [-RVf] [-v VERSION] [-p PROJECT] MODE… FILE…`: every file's attributes change. */
const chattr: FsHandler = (cmd, ctx) => {
  let recursive = false;
  let changes = false;
  const files: number[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a === '-v' || a === '-p') i++;
    else if (/^-[RVf]+$/.test(a)) recursive ||= a.includes('R');
    else if (CHATTR_MODE.test(a)) changes = true;
    else files.push(i);
  }
  if (!changes) return [];
  return fsFact(
    cmd,
    'chmod',
    files.map((i) => target(cmd, i, ctx)),
    recursive,
  );
};

/** Program → reader of its access-control changes (read as chmod); a program not listed is not this module's. */
export const ACL_HANDLERS: Record<string, FsHandler> = { setfacl, chattr };
