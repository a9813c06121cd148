/**
 * The XFS debugger in expert mode writing a filesystem's structures directly:
 * `xfs_db -x [-c CMD]… [-f] DEVICE`. A command that changes the filesystem (`write` of a
 * field, `blocktrash`, `fuzz`, `crc -r`, `logformat`, `attr_set` …) overwrites the device or image it opens (fs fact, op
 * `overwrite`): a disk is a device, an image file in the workspace (`-f`) a workspace file.
 * Without `-x`, or with `-r` (read-only) or `-i` (read-only on a mounted filesystem), xfs_db
 * refuses every change. Reads the command's words and, without `-c`, its stdin text.
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { target } from './fs-paths.js';

/**
 * xfs_db commands that only read: navigation (`sb`, `inode`, `agf` …), printing, checks,
 * searches, and copying out (`metadump`, `rdump` write elsewhere, not to the device); and
 * `uuid`, `label`, `version`, which print or set the superblock's identity and feature bits
 * as xfs_admin does (`xfs_admin -U|-L` runs `xfs_db -x -c 'uuid …'`): no data is lost.
 */
const READS =
  /^(ablock|addr|agf|agfl|agi|agresv|back|b|blockget|check|bmap|btdump|btheight|convert|daddr|dblock|dquot|echo|forward|f|frag|freesp|fsblock|fsmap|hash|hashcoll|help|h|info|inode|iunlink|label|logres|ls|metadump|ncheck|path|pop|print|p|push|quit|q|rdump|ring|rtblock|rtsummary|sb|stack|stat|timelimit|type|uuid|version)$/;

/** True when one xfs_db command may change the filesystem (fail closed: anything not known to read). */
function writes(command: string): boolean {
  const [verb = '', ...args] = command.trim().split(/\s+/);
  if (verb === '' || verb.startsWith('#')) return false;
  // `crc` verifies or prints; `-r` recalculates (writes), `-i` invalidates (writes)
  if (verb === 'crc') return args.some((a) => /^-[a-z]*[ri]/.test(a));
  return !READS.test(verb);
}

export const xfsDbHandler: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'clp' });
  if (!hasAny(o, 'x') || hasAny(o, 'r', 'i')) return [];
  const device = o.operands.at(-1);
  if (device === undefined) return [];
  const given = o.values.get('c');
  // Interactive: the commands are what stdin carries.
  // fail closed: commands not known statically (a word the shell fills in, a terminal) may write.
  const dynamic = cmd.argv.some((a, i) => a === '-c' && cmd.dynamicArgs.includes(i + 1));
  const commands = given ?? cmd.stdin?.text?.split('\n');
  const changes = dynamic || commands === undefined || commands.some(writes);
  return changes ? fsFact(cmd, 'overwrite', [target(cmd, device, ctx)]) : [];
};
