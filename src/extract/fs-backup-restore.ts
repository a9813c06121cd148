/**
 * Backup tools restoring into a directory, read as writes over that directory: `pghoard_restore
 * get-basebackup --target-dir DIR --overwrite` (DIR deleted first, then written), `restic
 * restore SNAP --target DIR` (existing files replaced unless `--overwrite never`; `--delete`
 * deletes what the snapshot lacks), `kopia [snapshot] restore SRC DIR` (files replaced unless
 * `--no-overwrite-files` / `--skip-existing`), `duplicity restore --force URL DIR` (without
 * `--force` it refuses an existing DIR), `rdiff-backup -r TIME --force SRC DIR` / `rdiff-backup
 * --force restore SRC DIR` (DIR replaced) and `barman recover|restore SERVER BACKUP DIR` (DIR
 * made to match the backup; with `--remote-ssh-command` DIR is on that host). An overwrite
 * (fs fact, op `overwrite`, recursive) and, when what DIR held is deleted, a delete of it: the
 * class of DIR decides (a fresh folder under /tmp or in the workspace is routine, a live
 * service's data folder under /var/lib is not). Listings, dry runs and restores that refuse
 * an existing folder give nothing. Reads the words only.
 */
import type { FsTarget, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, lastValue, parseOptions, type OptionSpec } from './fs-options.js';
import { classifyRemote, target, targetOf } from './fs-paths.js';

/**
 * DIR written by a restore: `replaced` = existing files there are overwritten, `deleted` =
 * what DIR held (or what the backup lacks) is deleted.
 */
function restoredInto(
  cmd: NormalizedCommand,
  dir: FsTarget,
  replaced: boolean,
  deleted: boolean,
): DraftFact[] {
  const out: DraftFact[] = fsFact(cmd, 'overwrite', [dir], true, replaced);
  if (deleted) out.push(...fsFact(cmd, 'delete', [dir], true, true));
  return out;
}

/** The operands after the first operand equal to one of `verbs` (`restore`), parsed with `spec`; undefined = no such verb. */
function afterVerb(cmd: NormalizedCommand, verbs: RegExp, spec: OptionSpec) {
  const all = parseOptions(cmd.argv, 1, spec);
  const at = all.operands.find((i) => verbs.test(cmd.argv[i]));
  return at === undefined ? undefined : { o: all, ops: all.operands.filter((i) => i > at) };
}

/** `pghoard_restore get-basebackup … --target-dir DIR --overwrite`: DIR is deleted, then written. */
const pghoard: FsHandler = (cmd, ctx) => {
  if (!/^get-basebackup(-http)?$/.test(cmd.argv[1] ?? '')) return [];
  const o = parseOptions(cmd.argv, 2, {
    longWithValue: [
      'config',
      'site',
      'target-dir',
      'basebackup',
      'primary-conninfo',
      'host',
      'port',
      'tablespace-dir',
    ],
  });
  const dir = lastValue(o, 'target-dir');
  // without --overwrite it refuses a folder that exists: it only makes a new one
  if (dir === undefined || !hasAny(o, 'overwrite')) return [];
  return restoredInto(cmd, targetOf(dir, cmd, ctx), true, true);
};

const RESTIC: OptionSpec = {
  shortWithValue: 'rpotie',
  longWithValue: [
    'repo',
    'repository-file',
    'password-file',
    'password-command',
    'cache-dir',
    'cacert',
    'tls-client-cert',
    'option',
    'limit-upload',
    'limit-download',
    'pack-size',
    'compression',
    'key-hint',
    'retry-lock',
    'target',
    'include',
    'exclude',
    'iinclude',
    'iexclude',
    'include-file',
    'exclude-file',
    'host',
    'path',
    'tag',
    'overwrite',
  ],
};

/** `restic restore SNAP --target DIR [--delete] [--overwrite MODE]`. */
const restic: FsHandler = (cmd, ctx) => {
  const r = afterVerb(cmd, /^restore$/, RESTIC);
  if (!r || hasAny(r.o, 'dry-run', 'h', 'help')) return [];
  const dir = lastValue(r.o, 't', 'target');
  if (dir === undefined) return [];
  const replaced = lastValue(r.o, 'overwrite') !== 'never';
  return restoredInto(cmd, targetOf(dir, cmd, ctx), replaced, hasAny(r.o, 'delete'));
};

/** `kopia [snapshot] restore SRC DIR`. */
const kopia: FsHandler = (cmd, ctx) => {
  const r = afterVerb(cmd, /^restore$/, {
    longWithValue: ['config-file', 'password', 'parallel', 'mode', 'log-dir', 'log-level', 'snapshot-time'],
  });
  if (!r || r.ops.length < 2 || hasAny(r.o, 'help', 'help-long')) return [];
  const replaced = !hasAny(r.o, 'no-overwrite-files', 'skip-existing');
  return restoredInto(cmd, target(cmd, r.ops[1], ctx), replaced, false);
};

/** `duplicity [restore] --force URL DIR`: without --force an existing DIR is refused. */
const duplicity: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'rtv',
    longWithValue: [
      'file-to-restore',
      'time',
      'restore-time',
      'archive-dir',
      'name',
      'gpg-options',
      'encrypt-key',
      'sign-key',
      'ssh-options',
      'log-file',
      'tempdir',
      'verbosity',
      'volsize',
      'exclude',
      'include',
      'exclude-filelist',
      'include-filelist',
      'exclude-regexp',
      'include-regexp',
      's3-region-name',
      'backend-retry-delay',
      'num-retries',
    ],
  });
  const ops = o.operands.filter((i) => cmd.argv[i] !== 'restore');
  const [from, to] = ops.map((i) => cmd.argv[i]);
  // the source is a backend URL (fail closed: or one only known at run time, `"$BACKUP_URL"`)
  const fromUrl = /^[a-z0-9+]+:\/\//.test(from) || cmd.dynamicArgs.includes(ops[0]);
  if (to === undefined || !fromUrl || !hasAny(o, 'force') || hasAny(o, 'dry-run')) return [];
  return restoredInto(cmd, target(cmd, ops[1], ctx), true, false);
};

/** `rdiff-backup -r TIME --force SRC DIR` and `rdiff-backup --force restore [--at TIME] SRC DIR`: DIR replaced. */
const rdiffBackup: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'r',
    longWithValue: [
      'restore-as-of',
      'at',
      'remote-schema',
      'exclude',
      'include',
      'api-version',
      'verbosity',
      'terminal-verbosity',
      'tempdir',
    ],
  });
  const ops = o.operands.filter((i) => cmd.argv[i] !== 'restore');
  const restoring =
    o.operands.some((i) => cmd.argv[i] === 'restore') ||
    hasAny(o, 'r', 'restore-as-of') ||
    ops.some((i) => cmd.argv[i].includes('rdiff-backup-data/increments'));
  if (!restoring || !hasAny(o, 'force') || ops.length < 2) return [];
  return restoredInto(cmd, target(cmd, ops[ops.length - 1], ctx), true, true);
};

/** `barman [opts] recover|restore [opts] SERVER BACKUP DIR`: DIR made to match the backup. */
const barman: FsHandler = (cmd, ctx) => {
  const r = afterVerb(cmd, /^(recover|restore)$/, {
    shortWithValue: 'cfj',
    longWithValue: [
      'config',
      'format',
      'remote-ssh-command',
      'target-time',
      'target-xid',
      'target-lsn',
      'target-name',
      'target-tli',
      'target-action',
      'tablespace',
      'bwlimit',
      'jobs',
      'recovery-staging-path',
      'local-staging-path',
      'recovery-conf-filename',
      'snapshot-recovery-instance',
      'snapshot-recovery-zone',
      'gcp-zone',
      'azure-resource-group',
      'aws-region',
      'retry-times',
      'retry-sleep',
    ],
  });
  if (!r || r.ops.length < 3 || hasAny(r.o, 'h', 'help')) return [];
  const i = r.ops[r.ops.length - 1];
  const raw = cmd.argv[i];
  const remote = lastValue(r.o, 'remote-ssh-command') !== undefined;
  const dir = remote
    ? { raw, glob: false, ...classifyRemote(cmd.dynamicArgs.includes(i) ? '$' : raw) }
    : target(cmd, i, ctx);
  return restoredInto(cmd, dir, true, true);
};

/** Program → reader of the directory a restore writes over; a program not listed is not this module's. */
export const BACKUP_RESTORE_HANDLERS: Record<string, FsHandler> = {
  pghoard_restore: pghoard,
  restic,
  kopia,
  duplicity,
  'rdiff-backup': rdiffBackup,
  barman,
};
