/**
 * A host's backups and snapshots deleted or switched off by the tools that keep them:
 * Cassandra's `nodetool clearsnapshot` (every snapshot with `--all` or no tag) and
 * `disablebackup`, `timeshift --delete|--delete-all`, macOS Time Machine's `tmutil disable`,
 * `delete`, `deletelocalsnapshots`, `thinlocalsnapshots` and `removedestination`, `snapper
 * delete`, and Windows' `wbadmin delete backup|catalog|systemstatebackup`, `wbadmin disable
 * backup`, `vssadmin delete shadows` and `wmic shadowcopy delete`, and their storage deleted
 * or shrunk so that the copies it holds are deleted (`vssadmin delete shadowstorage`,
 * `vssadmin resize shadowstorage /maxsize=401MB`, `wmic shadowstorage set MaxSpace=…`, below
 * SHRUNK: a known ransomware step). Read as CloudFacts of
 * service `backups` whose verb is `delete` or `disable` (`all` when every one goes). Listing,
 * taking a backup or a snapshot, and status make no fact here (the tool's other words keep
 * the generic reading). Backup servers' and databases' own deletions are read in
 * cloud-backup-servers.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** Options of these tools that take a value as the next word (the verb is another word). */
const VALUED = new Set(
  '-h --host -p --port -u --username -pw --password -pwf --password-file -c --config -d -t --snapshot'.split(
    ' ',
  ),
);

/** The positional words of argv (option values written apart left out), case kept. */
function words(argv: string[]): string[] {
  return argv.slice(1).filter((a, i, args) => !a.startsWith('-') && !VALUED.has(args[i - 1] ?? ''));
}

/** Windows tools spell options with `/` (`/all`, `/quiet`): the words that are not options. */
const winWords = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('/') && !a.startsWith('-'));

/** A fact draft of service `backups` (`all`: every backup or snapshot there goes); cloud-backup-servers.ts reads with it too. */
export function draft(
  cmd: NormalizedCommand,
  verb: 'delete' | 'disable',
  resource: string,
  all: boolean,
): CloudDraft {
  return { tool: cmd.program, service: 'backups', verb, resource, all, force: true };
}

/** `nodetool [-h HOST] clearsnapshot [-t TAG] [--all] [KEYSPACE…]`, `nodetool disablebackup`. */
function nodetool(cmd: NormalizedCommand): CloudDraft | undefined {
  const [verb, ...rest] = words(cmd.argv);
  const args = cmd.argv.slice(1);
  if (verb === 'clearsnapshot') {
    const tag = args.find(
      (a, i) => args[i - 1] === '-t' || args[i - 1] === '--snapshot' || /^--tag=/.test(a),
    );
    // with no tag (or --all) every snapshot of the keyspaces named (or of all) is deleted
    const all = args.includes('--all') || tag === undefined;
    return draft(cmd, 'delete', [tag, ...rest].filter(Boolean).join(' ') || 'every snapshot', all);
  }
  if (verb === 'disablebackup') return draft(cmd, 'disable', 'incremental backups', true);
  return undefined;
}

/** `timeshift --delete [--snapshot NAME]`, `timeshift --delete-all`. */
function timeshift(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.includes('--delete-all')) return draft(cmd, 'delete', 'every snapshot', true);
  if (!args.includes('--delete')) return undefined;
  const at = args.indexOf('--snapshot');
  // with no --snapshot timeshift asks which one on its terminal: one, but not known which
  return draft(cmd, 'delete', at < 0 ? 'a snapshot' : (args[at + 1] ?? ''), false);
}

/** Time Machine: `tmutil disable|disablelocal|removedestination`, `delete`, `(thin|delete)localsnapshots`. */
function tmutil(cmd: NormalizedCommand): CloudDraft | undefined {
  const [verb, ...rest] = words(cmd.argv);
  if (/^(disable|disablelocal|removedestination)$/.test(verb ?? ''))
    return draft(cmd, 'disable', rest.join(' ') || 'Time Machine', true);
  if (/^(delete|deletelocalsnapshots|thinlocalsnapshots)$/.test(verb ?? '')) {
    const args = cmd.argv.slice(1);
    const paths = args.filter((a, i) => args[i - 1] === '-p' || args[i - 1] === '-d');
    return draft(cmd, 'delete', [...paths, ...rest].join(' '), verb !== 'delete');
  }
  return undefined;
}

/** `snapper [-c CONFIG] delete|remove|rm NUMBER…`. */
function snapper(cmd: NormalizedCommand): CloudDraft | undefined {
  const [verb, ...rest] = words(cmd.argv);
  return /^(delete|remove|rm)$/.test(verb ?? '') ? draft(cmd, 'delete', rest.join(' '), false) : undefined;
}

/** `wbadmin delete backup|catalog|systemstatebackup`, `wbadmin disable backup`. */
function wbadmin(cmd: NormalizedCommand): CloudDraft | undefined {
  const [verb, what] = winWords(cmd.argv).map((w) => w.toLowerCase());
  if (verb === 'delete' && /^(backup|catalog|systemstatebackup)$/.test(what ?? ''))
    return draft(
      cmd,
      'delete',
      what,
      what === 'catalog' || cmd.argv.some((a) => /^[-/]keepversions:0$/i.test(a)),
    );
  if (verb === 'disable' && what === 'backup') return draft(cmd, 'disable', 'scheduled backups', true);
  return undefined;
}

/**
 * A shadow storage limit this small (bytes, or a percentage of the volume) holds one or two
 * copies at most: setting it deletes the others (the minimum Windows takes is 320 MB).
 */
const SHRUNK = { bytes: 2 * 1024 ** 3, percent: 2 };
const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/**
 * True when a `/maxsize=` or `MaxSpace=` value is at or under SHRUNK (not `UNBOUNDED`). A size
 * only known at run time (`$SIZE`, `%SIZE%`) counts as shrunk: fail closed.
 */
function shrunk(value: string): boolean {
  if (/\$|%\w+%/.test(value)) return true;
  const m = /^(\d+(?:\.\d+)?)\s*(%|[kmgt]?b)?$/i.exec(value.trim());
  if (!m) return false; // `UNBOUNDED`, or a size Windows itself refuses
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '%') return n <= SHRUNK.percent;
  return n * (UNITS[unit] ?? 1) <= SHRUNK.bytes;
}

/** The value of a `/name=value` or `name=value` word (case-insensitive); undefined = not given. */
const winValue = (argv: string[], name: string) =>
  argv.map((a) => new RegExp(`^/?${name}=(.*)$`, 'is').exec(a)?.[1]).find((v) => v !== undefined);

/**
 * `vssadmin delete shadows [/all]`, `wmic shadowcopy delete`: Windows' volume shadow copies;
 * `vssadmin delete shadowstorage`, `vssadmin resize shadowstorage /maxsize=SMALL`, `wmic
 * shadowstorage set MaxSpace=SMALL`: their storage deleted or shrunk, and the copies with it.
 */
function shadows(cmd: NormalizedCommand): CloudDraft | undefined {
  const w = winWords(cmd.argv).map((x) => x.toLowerCase());
  if (w[0] === 'delete' && w[1] === 'shadowstorage') return draft(cmd, 'delete', 'shadow copies', true);
  const limit =
    w[0] === 'resize' && w[1] === 'shadowstorage'
      ? winValue(cmd.argv, 'maxsize')
      : w[0] === 'shadowstorage' && w.includes('set')
        ? winValue(cmd.argv, 'maxspace')
        : undefined;
  if (limit !== undefined)
    return shrunk(limit)
      ? draft(cmd, 'delete', `shadow copies (storage shrunk to ${limit})`, false)
      : undefined;
  const deletes =
    (w[0] === 'delete' && w[1] === 'shadows') || (w[0] === 'shadowcopy' && w.slice(1).includes('delete'));
  if (!deletes) return undefined;
  return draft(
    cmd,
    'delete',
    'shadow copies',
    cmd.argv.some((a) => /^\/all$/i.test(a)) || w[0] === 'shadowcopy',
  );
}

/** Programs this module reads, by name (`.exe` spellings included). */
export const BACKUP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  nodetool,
  timeshift,
  tmutil,
  snapper,
  wbadmin,
  'wbadmin.exe': wbadmin,
  vssadmin: shadows,
  'vssadmin.exe': shadows,
  wmic: shadows,
  'wmic.exe': shadows,
};
