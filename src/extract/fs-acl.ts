/**
 * Access control lists: `setfacl` changes who may read, write or run a file just as chmod
 * does, so it is read as a permission change (fs fact, op `chmod`) of its operands, recursive
 * with -R / --recursive; `setfacl -R -m u:ci:rwx /etc` is `chmod -R` of /etc and meets the
 * same rules. `setfacl --test` changes nothing (no fact); `--restore=FILE` names its files
 * in FILE, which is not read: its target is of class unknown.
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

export const ACL_HANDLERS: Record<string, FsHandler> = { setfacl };
