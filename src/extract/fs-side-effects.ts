/**
 * Programs that rewrite or remove files besides their main job:
 * - `sort -o FILE`, `shuf -o FILE` (also `--output=FILE`): FILE is overwritten with the output
 *   (`sort -o /etc/hosts /dev/null` empties it);
 * - `fallocate --punch-hole | --collapse-range | --zero-range | --insert-range` (`-p -c -z -i`):
 *   the file's bytes in the range are zeroed or cut out (read as a truncate of the file);
 *   plain allocation and `--dig-holes` (only blocks already zero) keep the content;
 * - `tar --remove-files`: every file put in the archive is removed (read as a move of the
 *   named files into the archive: `tar -cf /dev/null --remove-files ~/projects` loses them);
 * - the JavaScript ecosystem's delete tools, usually run through a package runner
 *   (`npx rimraf ~`, `pnpm dlx del-cli dist`): rimraf and del-cli delete what they name,
 *   recursively and without asking (globs included).
 */
import type { FsTarget } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';
import { operandTargets, overwriteOf } from './fs-commands.js';
import { ARCHIVER_HANDLERS } from './fs-archivers.js';
import { EDITOR_HANDLERS } from './fs-editors.js';

/** sort/shuf: the file named by -o / --output. */
const outputOption: FsHandler = (cmd, ctx) => {
  const files: FsTarget[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a === '--') break;
    if (a === '-o' || a === '--output') {
      if (i + 1 < cmd.argv.length) files.push(target(cmd, i + 1, ctx));
      i++;
    } else if (a.startsWith('--output=')) files.push(targetOf(a.slice(9), cmd, ctx));
    else if (/^-[^-]*o./.test(a)) files.push(targetOf(a.slice(a.indexOf('o') + 1), cmd, ctx));
  }
  return overwriteOf(cmd, files, true);
};

const fallocate: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'lo', longWithValue: ['length', 'offset'] });
  const cuts = hasAny(o, 'p', 'c', 'z', 'i', 'punch-hole', 'collapse-range', 'zero-range', 'insert-range');
  return cuts ? fsFact(cmd, 'truncate', operandTargets(cmd, ctx, o.operands), false, true) : [];
};

/** tar's short options that take a value (in a bundle, values are taken in order from the next words). */
const TAR_SHORT_VALUE = new Set([...'fCTXbHKNgLVIF']);
/** tar's long options that take the next word as their value when written without `=`. */
const TAR_LONG_VALUE = new Set(
  'file directory files-from exclude exclude-from transform xform owner group mode mtime newer newer-mtime after-date format use-compress-program checkpoint checkpoint-action to-command label tape-length blocking-factor info-script new-volume-script rsh-command suffix'
    .split(' ')
    .map((l) => `--${l}`),
);

const tar: FsHandler = (cmd, ctx) => {
  const argv = cmd.argv;
  if (!argv.some((a) => /^--remove-f/.test(a))) return [];
  const operands: number[] = [];
  let dir: string | undefined;
  let fromList = false;
  const pending: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (pending.length > 0) {
      const opt = pending.shift();
      if (opt === 'C') dir = a;
      if (opt === 'T') fromList = true;
      continue;
    }
    if (a.startsWith('--')) {
      const name = a.split('=')[0];
      if (name === '--directory' && a.includes('=')) dir = a.slice(a.indexOf('=') + 1);
      if (name === '--files-from') fromList = true;
      if (TAR_LONG_VALUE.has(name) && !a.includes('=')) {
        if (name === '--directory') dir = argv[i + 1];
        i++;
      }
      continue;
    }
    // `tar cf x.tar …`: the first word is a bundle of options even without its dash.
    if (a.startsWith('-') || i === 1) {
      const letters = a.replace(/^-/, '');
      for (let j = 0; j < letters.length; j++) {
        if (!TAR_SHORT_VALUE.has(letters[j])) continue;
        // `-fx.tar`: with a dash, the rest of the word is the value; old style takes the next words.
        if (a.startsWith('-') && j < letters.length - 1) {
          if (letters[j] === 'C') dir = letters.slice(j + 1);
          if (letters[j] === 'T') fromList = true;
          break;
        }
        pending.push(letters[j]);
      }
      continue;
    }
    operands.push(i);
  }
  const named = operands.map((i) =>
    dir === undefined || argv[i].startsWith('/')
      ? target(cmd, i, ctx)
      : targetOf(`${dir}/${argv[i]}`, cmd, ctx),
  );
  // fail closed: files listed in a file (-T) are not known statically.
  if (fromList) named.push({ raw: '(files listed by -T)', path: '', class: 'unknown', glob: false });
  return fsFact(cmd, 'move', named, true, false);
};

/** rimraf / del-cli PATH…: recursive, forced delete (their options take no value, except rimraf's --glob-… ones written with `=`). */
const jsDelete: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1);
  const dry = hasAny(o, 'd', 'dry-run');
  return dry ? [] : fsFact(cmd, 'delete', operandTargets(cmd, ctx, o.operands), true, true);
};

const HANDLERS: Record<string, FsHandler> = {
  rimraf: jsDelete,
  del: jsDelete,
  'del-cli': jsDelete,
  sort: outputOption,
  shuf: outputOption,
  fallocate,
  tar,
  gtar: tar,
  bsdtar: tar,
  ...ARCHIVER_HANDLERS,
  ...EDITOR_HANDLERS,
};

/** The side-effect reader for a program; undefined = none. */
export function sideEffectHandler(program: string): FsHandler | undefined {
  return Object.hasOwn(HANDLERS, program) ? HANDLERS[program] : undefined;
}
