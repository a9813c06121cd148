/**
 * Backups deleted through a backup server's or a database's own command line (cloud-backups.ts
 * reads a host's snapshot tools):
 * - IBM Storage Protect (Spectrum Protect, TSM) administration, `dsmadmc [-id=… -pa=… -se=…]
 *   COMMAND`, the command one quoted word or several, any case, abbreviated as the server
 *   allows: `delete filespace` (a node's backed-up data), `delete volume … discarddata=yes`
 *   (the data on it; without it only an empty volume goes), `delete backupset`, `delete
 *   volhistory` (the database backups it records are released), `delete container`,
 *   `delete retset`; `delete schedule` stops the backups it ran (verb `disable`); the same in
 *   a macro it runs (`macro FILE`, read through ctx; one that cannot be read is asked).
 * - Its client, `dsmc delete backup|archive|group|filespace …` and `dsmc expire …`.
 * - Db2's command line processor: `PRUNE HISTORY … AND DELETE` (the log files the history
 *   names are deleted with it; without AND DELETE only history records go) and `PRUNE LOGFILE
 *   PRIOR TO …` (log files a recovery needs), as one quoted word or several, or in a script
 *   it runs (`db2 -tvf FILE`).
 * - Other backup servers' own deletes: UrBackup's `urbackupsrv cleanup [--amount N%]` (old
 *   backups deleted until that much space is free; 100% is every backup it may delete) and
 *   `remove-unknown`, BackupPC's `BackupPC_delete -h HOST -n NUM` and Amanda's `amrmtape CONFIG
 *   LABEL` (the tape's backups forgotten, the tape reused), Burp's client `burp -a D -b N|all`.
 * Read as CloudFacts of service `backups`, verb `delete` or `disable` (rulesets/protection.yaml
 * asks); queries, taking backups and listing history make no fact here.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';
import { readPayloadFile } from './http-body.js';

/** The words of the command(s) given as operands, quoted or not, split on blanks. */
const commandWords = (args: string[], valued: RegExp = /(?!)/) =>
  args
    .filter((a, i) => !/^-/.test(a) && !valued.test(args[i - 1] ?? ''))
    .flatMap((a) => a.trim().split(/\s+/))
    .filter(Boolean);

/** True when `word` abbreviates `full` to at least `min` letters (the server's own abbreviation rule). */
const abbrev = (word: string, full: string, min: number) =>
  word.length >= min && full.startsWith(word.toLowerCase());

/** Storage Protect objects whose deletion deletes backed-up data: full name and shortest abbreviation. */
const SP_DATA: [string, number][] = [
  ['filespace', 2],
  ['backupset', 7],
  ['volhistory', 4],
  ['container', 9],
  ['retset', 6],
];

/** One Storage Protect admin command (its words): what it deletes; undefined for anything else. */
function adminCommand(cmd: NormalizedCommand, words: string[]): CloudDraft | undefined {
  const [verb = '', object = '', ...rest] = words;
  if (!abbrev(verb, 'delete', 3)) return undefined;
  const names = rest.filter((w) => !w.includes('=')).join(' ');
  const data = SP_DATA.find(([full, min]) => abbrev(object, full, min));
  if (data) return draft(cmd, 'delete', `${data[0]} ${names}`.trim(), rest.includes('*'));
  if (abbrev(object, 'volume', 1) && rest.some((w) => /^discarddata=y(es)?$/i.test(w)))
    return draft(cmd, 'delete', `volume ${names}`.trim(), false);
  if (abbrev(object, 'schedule', 2)) return draft(cmd, 'disable', `schedule ${names}`.trim(), false);
  return undefined;
}

/** The commands of a Storage Protect macro: one a line, `-` or `+` at the end continues it, C-style comments dropped. */
const macroCommands = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/[-+][ \t]*\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/).filter(Boolean));

/**
 * `dsmadmc … delete OBJECT NAME …`, or `dsmadmc … macro FILE` with such a command in FILE;
 * undefined for anything else.
 */
function dsmadmc(cmd: NormalizedCommand, ctx?: AnalyzeContext): CloudDraft | undefined {
  const words = commandWords(cmd.argv.slice(1));
  if (!abbrev(words[0] ?? '', 'macro', 5) || !words[1]) return adminCommand(cmd, words);
  const text = ctx ? readPayloadFile(words[1], cmd, ctx).text : undefined;
  // fail closed: a macro that cannot be read may delete anything the server keeps
  if (text === undefined) return draft(cmd, 'delete', `macro ${words[1]} (not readable)`, false);
  for (const line of macroCommands(text)) {
    const d = adminCommand(cmd, line);
    if (d) return { ...d, resource: `${d.resource} (macro ${words[1]})` };
  }
  return undefined;
}

/** `dsmc delete backup|archive|group|filespace …`, `dsmc expire …`. */
function dsmc(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = commandWords(cmd.argv.slice(1));
  const [verb = '', object = '', ...rest] = words.map((w) => w.toLowerCase());
  const all = cmd.argv.some((a) => /^-deltype=all$/i.test(a));
  if (abbrev(verb, 'expire', 3)) return draft(cmd, 'delete', words.slice(1).join(' '), false);
  if (!abbrev(verb, 'delete', 3) || !/^(backup|archive|group|filespace)$/.test(object)) return undefined;
  return draft(cmd, 'delete', `${object} ${rest.join(' ')}`.trim(), all);
}

/** Db2 CLP options that take the next word (`-f file`, `-z log`, `-l hist`, `-r report`). */
const DB2_VALUED = /^-[flrz]$/;

/** What Db2 CLP words delete (`PRUNE HISTORY … AND DELETE`, `PRUNE LOGFILE …`); undefined = nothing. */
function prunes(cmd: NormalizedCommand, text: string[]): CloudDraft | undefined {
  const words = text.map((w) => w.replace(/;$/, '').toUpperCase());
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== 'PRUNE') continue;
    const rest = words.slice(i + 2);
    const end = rest.indexOf('PRUNE');
    const stmt = end < 0 ? rest : rest.slice(0, end);
    if (words[i + 1] === 'LOGFILE') return draft(cmd, 'delete', `log files ${stmt.join(' ')}`.trim(), false);
    if (words[i + 1] === 'HISTORY' && stmt.join(' ').includes('AND DELETE'))
      return draft(cmd, 'delete', `history and log files ${stmt[0] ?? ''}`.trim(), false);
  }
  return undefined;
}

/**
 * `db2 "PRUNE HISTORY ts AND DELETE"`, `db2 prune logfile prior to S0000100.LOG`, or such a
 * statement in the script `-f FILE` runs (also `-tvf FILE`; one that cannot be read is the SQL
 * reader's unknown SQL).
 */
function db2(cmd: NormalizedCommand, ctx?: AnalyzeContext): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => /^-[a-zA-Z]*f$/.test(a));
  const script = at >= 0 && ctx ? readPayloadFile(args[at + 1] ?? '', cmd, ctx).text : undefined;
  return (
    prunes(cmd, commandWords(args, DB2_VALUED)) ?? (script ? prunes(cmd, script.split(/\s+/)) : undefined)
  );
}

/** `urbackupsrv cleanup [-a|--amount N]`, `urbackupsrv remove-unknown`. */
function urbackupsrv(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const verb = args.find((a) => !a.startsWith('-'));
  if (verb === 'remove-unknown') return draft(cmd, 'delete', 'backups the database does not know', false);
  if (verb !== 'cleanup' || args.some((a) => /^(-h|--help)$/.test(a))) return undefined;
  const at = args.findIndex((a) => /^(-a|--amount)(=|$)/.test(a));
  const amount = at < 0 ? '' : args[at].includes('=') ? args[at].split('=')[1] : (args[at + 1] ?? '');
  return draft(cmd, 'delete', `old backups${amount ? ` until ${amount} is free` : ''}`, amount === '100%');
}

/** `BackupPC_delete -h HOST -n NUM [-s SHARE]`: that backup of the host (or a share of it). */
function backupPcDelete(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const host = args[args.indexOf('-h') + 1] ?? '';
  if (!args.includes('-h') || !args.includes('-n')) return undefined;
  return draft(cmd, 'delete', `${host} backup ${args[args.indexOf('-n') + 1] ?? ''}`.trim(), false);
}

/** `amrmtape [-q|-n|…] CONFIG LABEL`: the tape's backups forgotten (`-n`: only shown). */
function amrmtape(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const names = args.filter((a) => !a.startsWith('-'));
  if (args.includes('-n') || names.length < 2) return undefined;
  return draft(cmd, 'delete', `tape ${names[1]} (${names[0]})`, false);
}

/**
 * Burp's client, `burp -a D [-b NUM|all] [-c CONF]` (also `-aD`): the server deletes that
 * backup (or every one) of this client. Other actions (`-a b|l|r|v|s|m`) delete nothing.
 */
function burp(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const valueOf = (o: string) => {
    const i = args.findIndex((a) => a === o || (a.startsWith(o) && a.length > 2));
    return i < 0 ? undefined : args[i] === o ? (args[i + 1] ?? '') : args[i].slice(2);
  };
  if (valueOf('-a') !== 'D') return undefined;
  const which = valueOf('-b') ?? '';
  return draft(cmd, 'delete', which ? `backup ${which}` : 'backups', which === 'all');
}

/** Programs this module reads, by name. */
export const BACKUP_SERVER_READERS: Record<
  string,
  (cmd: NormalizedCommand, ctx?: AnalyzeContext) => CloudDraft | undefined
> = {
  dsmadmc,
  dsmc,
  db2,
  urbackupsrv,
  BackupPC_delete: backupPcDelete,
  amrmtape,
  burp,
};
