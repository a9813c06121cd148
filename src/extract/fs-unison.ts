/**
 * unison told to make one root win: `unison ROOT1 ROOT2 -force ROOT1` (roots also given as
 * `-root R`) propagates ROOT1's state over the other root without asking, deletions
 * included, as `rsync --delete` does: an empty ROOT1 empties ROOT2. The other root is read as
 * deleted (recursively) and written. `-force newer|older`, a value that names neither root
 * or one not known statically lets either side win: both roots are read so (fail closed).
 * Roots only a profile names (`unison PROFILE -force …`) are not read: an unknown target
 * (fail closed). Without `-force`, unison propagates only the changes each side made since
 * the last sync: no fact. Reads the words only; a root on another machine
 * (`ssh://host//path`, `socket://…`) is a path outside the workspace.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsDraft, type FsHandler } from './fs-fact.js';
import { target } from './fs-paths.js';

/** unison's options that take a value (written `-name value` or `-name=value`); the rest are switches. */
const WITH_VALUE = new Set(
  (
    'force forcepartial prefer preferpartial root path ignore ignorenot ignorecase logfile backup backupnot ' +
    'backupdir backuploc backupprefix backupsuffix backups maxbackups sshargs sshcmd servercmd addversionno ' +
    'ui perms fastcheck maxthreads repeat retry copyprog copyprogrest copythreshold merge noupdate nodeletion ' +
    'nocreation label key height rsrc links xattrignore xattrignorenot diff debug watch clientHostName ' +
    'confirmbigdel confirmmerge rootalias mountpoint immutable immutablenot follow atomic ' +
    'prefer-newer'
  ).split(' '),
);

/** The roots (argv indices) and the values given to `-force`. */
function readArgs({ argv, dynamicArgs }: NormalizedCommand): {
  roots: number[];
  force: string[];
  forceDynamic: boolean;
} {
  const roots: number[] = [];
  const force: string[] = [];
  let forceDynamic = false;
  for (let i = 1; i < argv.length; i++) {
    const m = /^--?([A-Za-z-]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m) {
      roots.push(i);
      continue;
    }
    const [, name, inline] = m;
    if (!WITH_VALUE.has(name)) continue;
    const valueAt = inline === undefined ? ++i : i;
    const value = inline ?? argv[valueAt] ?? '';
    if (name === 'root') roots.push(valueAt);
    if (name === 'force') {
      force.push(value.replace(/(.)\/+$/, '$1'));
      if (dynamicArgs.includes(valueAt)) forceDynamic = true;
    }
  }
  return { roots, force, forceDynamic };
}

/** A root as a target: `ssh://`, `socket://` and `host:path` roots live on another machine. */
function rootTarget(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i] ?? '';
  const path = raw.replace(/^file:\/\//, '');
  if (/^(ssh|socket|rsh):\/\//.test(path) || (/^[^/]*:/.test(path) && !path.startsWith('./')))
    return { raw, path: raw, class: 'outside-workspace', glob: false };
  return target(cmd, i, ctx);
}

export const unison: FsHandler = (cmd, ctx) => {
  const { roots, force, forceDynamic } = readArgs(cmd);
  if (force.length === 0) return [];
  if (roots.length < 2) {
    // fail closed: the roots are in a profile not read here.
    const raw = cmd.argv[roots[0] ?? 0] ?? '';
    const unknown: FsTarget = { raw, path: raw, class: 'unknown', glob: false };
    return fsFact(cmd, 'delete', [unknown], true, true);
  }
  const pair = roots.slice(0, 2);
  const winner = forceDynamic
    ? -1
    : pair.findIndex((i) => force.includes(cmd.argv[i].replace(/(.)\/+$/, '$1')));
  const losers = winner < 0 ? pair : pair.filter((_, n) => n !== winner);
  const targets = losers.map((i) => rootTarget(cmd, i, ctx));
  const out: FsDraft[] = [...fsFact(cmd, 'delete', targets, true, true)];
  out.push(...fsFact(cmd, 'overwrite', targets, true, false));
  return out;
};
