/**
 * Branch sweepers that delete branches on the remote, read as `delete-remote-ref`:
 *
 * - git-sweep (`git sweep cleanup [--force] [--origin R]`, also run as `git-sweep`): every
 *   branch of the remote already merged into master is deleted there (`--force` skips its
 *   prompt); `preview` only lists them.
 * - git-trim (`git trim`): by default (`--delete merged:origin`) merged branches are deleted
 *   locally and on the remote; a `--delete` that names only local ranges (`merged-local`,
 *   `stray`, `local`) deletes local branches (`branch-force-delete`); `--dry-run` deletes none.
 * - Git Town's `git town delete|kill [BRANCH]`: the feature branch is deleted locally and on
 *   its remote.
 */
import { optionValue } from './cloud-argv.js';
import { act, type Reader } from './git-act.js';

const sweep: Reader = (args) => {
  const verb = args
    .slice(1)
    .find((a, i, rest) => !a.startsWith('-') && !/^--(origin|master|skip)$/.test(rest[i - 1] ?? ''));
  return verb === 'cleanup'
    ? [act('delete-remote-ref', [], optionValue(args, (n) => n === '--origin', 0) ?? 'origin')]
    : [];
};

/** git-trim delete ranges that reach the remote. */
const REMOTE_RANGE = /(^|,)\s*(merged|merged-remote|remote|diverged)(:([\w.-]+))?\s*(?=,|$)/;

const trim: Reader = (args) => {
  if (args.some((a) => a === '--dry-run')) return [];
  const ranges =
    optionValue(args, (n) => n === '--delete', 0) ??
    optionValue(args, (n) => n === '-d', 0) ??
    'merged:origin';
  const remote = REMOTE_RANGE.exec(ranges);
  return remote
    ? [act('branch-force-delete'), act('delete-remote-ref', [], remote[4] ?? 'origin')]
    : [act('branch-force-delete')];
};

const town: Reader = (args) => {
  const [verb, branch] = args.slice(1).filter((a) => !a.startsWith('-'));
  if (verb !== 'delete' && verb !== 'kill') return [];
  const refs = branch ? [branch] : [];
  return [act('branch-force-delete', refs), act('delete-remote-ref', refs, 'origin')];
};

/** Help asked for (`--help`, `-h`): nothing is deleted. */
const unlessHelp =
  (read: Reader): Reader =>
  (args, env) =>
    args.some((a) => a === '--help' || a === '-h') ? [] : read(args, env);

/** Branch-sweeper command → reader of the remote branches it deletes (as git-actions.ts readers). */
export const SWEEPERS: Record<string, Reader> = {
  sweep: unlessHelp(sweep),
  trim: unlessHelp(trim),
  town: unlessHelp(town),
};
