/**
 * rsync's effect on the filesystem (fs-commands.ts's table reads it): the destination is
 * written, and with `--delete*` or `--remove-source-files` files are deleted. A `host:path`
 * destination is another machine's (class outside-workspace). cpdup (BSD's mirroring copier)
 * deletes by default what the destination has and the source lacks.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsDraft } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { target } from './fs-paths.js';
import { overwriteOf } from './fs-commands.js';

const RSYNC_VALUE_OPTS = [
  'rsh',
  'exclude',
  'include',
  'filter',
  'exclude-from',
  'include-from',
  'files-from',
  'temp-dir',
  'partial-dir',
  'backup-dir',
  'chmod',
  'chown',
  'log-file',
  'port',
  'password-file',
  'compare-dest',
  'copy-dest',
  'link-dest',
  'timeout',
  'bwlimit',
  'max-size',
  'min-size',
  'block-size',
  'suffix',
  'rsync-path',
  'out-format',
];

/**
 * rsync: the destination is written; with --delete* files there that the source lacks are deleted.
 * A dry run (`-n`, `--dry-run`, also inside a cluster like `-avn`) or `--list-only` changes nothing.
 * A function declaration (not a const): fs-commands.ts, whose overwriteOf this module imports,
 * puts it in its table while the two modules load.
 */
export function rsync(cmd: NormalizedCommand, ctx: AnalyzeContext): FsDraft[] {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'efTBM', longWithValue: RSYNC_VALUE_OPTS });
  if (o.operands.length < 2 || hasAny(o, 'n', 'dry-run', 'list-only')) return [];
  const last = o.operands[o.operands.length - 1];
  const raw = cmd.argv[last];
  // host:path or rsync:// destinations live on another machine.
  const remoteDest = /^[^/]*:/.test(raw) && !raw.startsWith('./');
  const dest: FsTarget = remoteDest
    ? { raw, path: raw, class: 'outside-workspace', glob: false }
    : target(cmd, last, ctx);
  const deletes = [...o.flags].some((f) => f.startsWith('delete') || f === 'remove-source-files');
  const out = overwriteOf(cmd, [dest], false, true);
  if (deletes) out.push(...fsFact(cmd, 'delete', [dest], true, true));
  return out;
}

/** cpdup's options that take a value as the next word (`-F SSHOPTS`, `-X FILE`, `-H DIR`, `-M FILE`). */
const CPDUP_VALUED = 'FXHM';

/**
 * `cpdup [opts] SRC DEST`: DEST is written, and whatever DEST holds that SRC lacks is deleted
 * (mirroring an empty folder empties DEST), unless `-o` (overwrite and add only). `-i0`
 * deletes without asking (force); by default cpdup asks before each deletion.
 */
export function cpdup(cmd: NormalizedCommand, ctx: AnalyzeContext): FsDraft[] {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: CPDUP_VALUED });
  if (o.operands.length < 2 || hasAny(o, 'h', 'help')) return [];
  const last = o.operands[o.operands.length - 1];
  const raw = cmd.argv[last];
  // `host:path` is another machine's folder (cpdup reaches it over ssh)
  const dest: FsTarget = /^[^/]*:/.test(raw)
    ? { raw, path: raw, class: 'outside-workspace', glob: false }
    : target(cmd, last, ctx);
  // `-i0` is the flag `i` with the value `0` run together: read it from the word
  const force = cmd.argv.slice(1).some((a) => /^-[^-]*i0/.test(a));
  const out = overwriteOf(cmd, [dest], false, true);
  if (!hasAny(o, 'o')) out.push(...fsFact(cmd, 'delete', [dest], true, force));
  return out;
}
