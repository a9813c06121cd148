/**
 * rclone between local folders: `rclone sync ./site ./docs/site` deletes in the destination
 * what the source lacks, as `rsync --delete` does, and is judged by its paths like the other
 * file commands. Anything naming a remote (`name:path`, `:backend:path`) stays with the
 * generic reader of cloud CLIs (cloud-generic.ts), which asks for destructive verbs: the
 * remote's data lives elsewhere and may be the only copy.
 *
 * Verbs read: sync, bisync (both sides), move / moveto (the source goes), delete, deletefile,
 * purge, rmdir, rmdirs (the path goes), copy / copyto (the destination is written).
 */
import type { FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsDraft, type FsHandler } from './fs-fact.js';
import { target } from './fs-paths.js';

/** What one rclone verb does to its path operands, by position (0 = first). */
interface VerbEffect {
  /** How many path operands the verb takes. */
  operands: number;
  /** Operands whose files may be deleted (recursively). */
  deletes: number[];
  /** Operands written. */
  writes: number[];
}

const VERBS: Record<string, VerbEffect> = {
  sync: { operands: 2, deletes: [1], writes: [1] },
  bisync: { operands: 2, deletes: [0, 1], writes: [0, 1] },
  move: { operands: 2, deletes: [0], writes: [1] },
  moveto: { operands: 2, deletes: [0], writes: [1] },
  copy: { operands: 2, deletes: [], writes: [1] },
  copyto: { operands: 2, deletes: [], writes: [1] },
  delete: { operands: 1, deletes: [0], writes: [] },
  deletefile: { operands: 1, deletes: [0], writes: [] },
  purge: { operands: 1, deletes: [0], writes: [] },
  rmdir: { operands: 1, deletes: [0], writes: [] },
  rmdirs: { operands: 1, deletes: [0], writes: [] },
};

/** A path on a remote (`name:path`, `:backend:path`): a colon before the first slash. */
const REMOTE = /^[^/]*:/;

/** rclone's options that take no value (the common ones), short flags included. */
const BOOLEAN_FLAGS =
  /^(-[vqPin]+|--(verbose|quiet|progress|dry-run|interactive|checksum|size-only|ignore-existing|ignore-times|update|no-traverse|create-empty-src-dirs|delete-empty-src-dirs|delete-before|delete-during|delete-after|track-renames|fast-list|stats-one-line|resync|copy-links|links|skip-links|no-update-modtime|immutable|use-server-modtime|human-readable))$/;

/**
 * The verb and the argv indexes of its path operands when every operand is a local path
 * known statically and each option is written `--name=value` or takes no value; undefined
 * otherwise (fail closed: the generic reader then asks for destructive verbs).
 */
export function rcloneLocal(
  cmd: Pick<NormalizedCommand, 'argv' | 'dynamicArgs'>,
): { verb: string; operands: number[] } | undefined {
  const { argv } = cmd;
  if ((argv[0] ?? '').split('/').pop() !== 'rclone') return undefined;
  const words: number[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    // An option whose value may be the next word (`--config FILE`) makes the operands uncertain;
    // boolean flags (`-v`, `--dry-run`, `--progress`) and `--name=value` do not.
    if (a.startsWith('-')) {
      if (!a.includes('=') && !BOOLEAN_FLAGS.test(a)) return undefined;
      continue;
    }
    words.push(i);
  }
  const verb = argv[words[0] ?? 0];
  const effect = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  const operands = words.slice(1);
  if (!effect || operands.length !== effect.operands) return undefined;
  if (operands.some((i) => cmd.dynamicArgs.includes(i) || REMOTE.test(argv[i]))) return undefined;
  return { verb, operands };
}

/** rclone between local paths: the deleted and written operands as fs facts. */
export const rclone: FsHandler = (cmd, ctx) => {
  const local = rcloneLocal(cmd);
  if (!local) return [];
  const effect = VERBS[local.verb];
  const at = (k: number): FsTarget => target(cmd, local.operands[k], ctx);
  const out: FsDraft[] = [];
  if (effect.deletes.length) out.push(...fsFact(cmd, 'delete', effect.deletes.map(at), true, true));
  if (effect.writes.length) out.push(...fsFact(cmd, 'overwrite', effect.writes.map(at), true, false));
  return out;
};
