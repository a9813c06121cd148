/**
 * Backups deleted by the PostgreSQL backup managers (and WAL-G, which serves other databases
 * too), each by its own verbs:
 * - pg_probackup (also `pg_probackup-15`): `del-instance` removes the instance with every
 *   backup and WAL file it kept; `delete -i ID`, `delete --expired|--delete-expired` (the
 *   backups the retention policy lets go), `--delete-wal|--wal` (WAL no backup needs, may end
 *   point-in-time recovery), and `backup … --delete-expired|--delete-wal` (a backup that prunes
 *   afterwards).
 * - pgBackRest: `stanza-delete` (every backup and archive of the stanza), `expire` (the sets
 *   the retention or `--set` name), `repo-rm` (files removed from the repository).
 * - WAL-G and WAL-E: `delete everything` (every backup), `delete retain|before|target|garbage`,
 *   `wal-g st rm PATH`; without `--confirm` `delete` only prints what it would delete (the
 *   generic reading keeps it).
 * - Barman: `barman delete SERVER ID|all|oldest` and `barman-cloud-backup-delete URL SERVER
 *   -b ID|-r POLICY`.
 * Read as CloudFacts of service `backups`, verb `delete` (`all` when every backup of the
 * instance, stanza or server goes); rulesets/protection.yaml asks. Listing, showing, taking
 * a backup, creating a stanza or an instance make no fact here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { parseArgs, type CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';

/** The words of argv that are not options nor their values, for options taking the next word. */
const wordsOf = (argv: string[], withArg: string[]) => parseArgs(argv, { withArg }).pos.map((w) => w.text);

/** True when argv holds one of `names` as an option (`--x` or `--x=value`). */
const has = (argv: string[], names: RegExp) => argv.slice(1).some((a) => names.test(a.split('=')[0]));

/** pg_probackup's options that take the next word. */
const PROBACKUP_VALUED = [
  '-B',
  '-D',
  '-i',
  '-j',
  '-b',
  '-d',
  '-h',
  '-p',
  '-U',
  '-S',
  '--instance',
  '--backup-path',
];
/** pg_probackup's options that delete backups or WAL, in `delete` and after a `backup`. */
const PROBACKUP_PRUNE = /^--(delete-expired|delete-wal|expired|wal|merge-expired|status)$/;

/** `pg_probackup del-instance|delete|backup …`. */
function pgProbackup(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = parseArgs(cmd.argv, { withArg: PROBACKUP_VALUED });
  const verb = args.pos[0]?.text ?? '';
  const instance = args.opts.get('--instance')?.[0] ?? '';
  if (verb === 'del-instance')
    return draft(cmd, 'delete', `instance ${instance} and its backups`.trim(), true);
  const prunes = has(cmd.argv, PROBACKUP_PRUNE);
  if (verb === 'delete' && (prunes || args.opts.has('-i')))
    return draft(
      cmd,
      'delete',
      `${instance} ${args.opts.get('-i')?.[0] ?? 'expired backups or WAL'}`.trim(),
      false,
    );
  if (verb === 'backup' && prunes)
    return draft(cmd, 'delete', `${instance} expired backups or WAL`.trim(), false);
  return undefined;
}

/** `pgbackrest [--stanza=S] stanza-delete|expire|repo-rm …` (options also given before the verb). */
function pgbackrest(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = parseArgs(cmd.argv, { withArg: ['--stanza', '--repo', '--set', '--config', '--pg1-path'] });
  const words = args.pos.map((w) => w.text);
  const verb = words.find((w) => /^(stanza-delete|expire|repo-rm)$/.test(w));
  const stanza = args.opts.get('--stanza')?.[0] ?? '';
  if (verb === 'stanza-delete') return draft(cmd, 'delete', `stanza ${stanza}`.trim(), true);
  if (verb === 'expire' || verb === 'repo-rm')
    return draft(
      cmd,
      'delete',
      `${stanza} ${verb} ${words.slice(words.indexOf(verb) + 1).join(' ')}`.trim(),
      false,
    );
  return undefined;
}

/** `wal-g|wal-e [opts] delete [--confirm] everything|retain|before|target|garbage …`, `wal-g st rm PATH`. */
function walG(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = wordsOf(cmd.argv, ['--config', '--target', '-t', '--walg-storage-prefix']);
  if (words[0] === 'st' && /^(rm|remove)$/.test(words[1] ?? ''))
    return draft(cmd, 'delete', `storage ${words.slice(2).join(' ')}`.trim(), false);
  if (words[0] !== 'delete' || !cmd.argv.includes('--confirm')) return undefined;
  const what = words[1] ?? '';
  return draft(cmd, 'delete', words.slice(1).join(' ') || 'backups', what === 'everything');
}

/** `barman [opts] delete SERVER ID|all|oldest|latest`. */
function barman(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = wordsOf(cmd.argv, ['-c', '--config', '-f', '--format']);
  if (words[0] !== 'delete') return undefined;
  return draft(cmd, 'delete', words.slice(1).join(' '), words[2] === 'all');
}

/** `barman-cloud-backup-delete [opts] URL SERVER (-b ID | -r POLICY)`. */
function barmanCloud(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = wordsOf(cmd.argv, [
    '-b',
    '--backup-id',
    '-r',
    '--retention-policy',
    '--cloud-provider',
    '-P',
    '--profile',
  ]);
  return draft(cmd, 'delete', words.join(' ') || 'cloud backups', false);
}

/** Programs this module reads, by name (pg_probackup also under its versioned names). */
export const POSTGRES_BACKUP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  pg_probackup: pgProbackup,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`pg_probackup-${i + 9}`, pgProbackup])),
  pgbackrest,
  'wal-g': walG,
  'wal-e': walG,
  ...Object.fromEntries(
    ['pg', 'mysql', 'mongo', 'redis', 'fdb', 'sqlserver', 'gp'].map((d) => [`wal-g-${d}`, walG]),
  ),
  barman,
  'barman-cloud-backup-delete': barmanCloud,
};
