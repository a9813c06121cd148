/**
 * Backups, snapshots and restore points switched off by any tool, read by the shape of the
 * command rather than by tool: a verb word that disables or cancels a resource's backups
 * (`linode-cli linodes backups-cancel ID`, `hcloud server disable-backup NAME`, `doctl compute
 * droplet-action disable-backups ID`, `… backup disable`), a setting that turns them off
 * (`scw instance server update ID backup-enabled=false`, `--backups-enabled=false`,
 * `--disable-backups`), a schedule of backups removed (`heroku pg:backups:unschedule DB`, its
 * `group:verb` words read apart), a deletion or shutdown told to skip its final snapshot (`ecctl
 * deployment shutdown ID --skip-snapshot`, `ddev delete --omit-snapshot`), and Windows' System
 * Restore and shadow copy service switched off (`Disable-ComputerRestore`, `Stop-Service VSS`,
 * `Set-Service VSS -StartupType Disabled`, `sc config vss start= disabled`, `net stop vss`).
 * A retention cut to (almost) nothing is cloud-backups-retention.ts's (verb `delete`).
 * Read as CloudFacts of service `backups`, verb `disable` (the backups-deleted rule), as
 * cloud-backups.ts reads `tmutil disable`. Enabling, listing and taking backups make none.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';
import { readRetentionCut } from './cloud-backups-retention.js';

/** One word that switches a resource's backups off (`backups-cancel`, `disable-backup`, `disableautobackup`). */
const OFF_VERB =
  /^(?:(?:disable|cancel|stop|turn-?off|pause|suspend|unschedule)[-_]?(?:auto(?:matic)?[-_]?)?(?:backups?|snapshots?|snapshot[-_]?schedules?)|(?:auto[-_]?)?backups?[-_](?:cancel|disable|off|stop|pause|suspend))$/i;
/** The noun and verb written apart (`backup disable`, `backups cancel`, `auto-backup off`). */
const NOUN = /^(?:auto[-_]?)?(?:backups?|snapshot[-_]?schedules?)$/i;
const VERB = /^(disable|cancel|off|stop|pause|suspend|unschedule)$/i;
/** A setting that turns backups off (`backup-enabled=false`, `--backups-enabled=false`, `--auto-backup=off`). */
const OFF_SETTING = /^(?:--?)?(?:auto[-_]?)?backups?(?:[-_]?enabled?)?=(?:false|no|0|off|disabled?)$/i;
/** A flag that turns backups off (`--disable-backups`, `--no-backups`; not `--no-backup`, a file tool's own copy). */
const OFF_FLAG = /^--(?:disable[-_](?:auto[-_]?)?backups?|no[-_](?:auto[-_]?)?backups)$/i;
/** A flag that forgoes the final snapshot of what is deleted or shut down. */
const SKIP_SNAPSHOT = /^--(?:skip|omit|no)[-_](?:final[-_])?snapshots?$/i;
/** Verbs after which a skipped snapshot means the data is gone for good. */
const ENDS = /^(delete|destroy|remove|rm|shutdown|terminate|stop|drop|teardown)$/i;

/** Windows services that keep shadow copies and backups, lower case. */
const BACKUP_SERVICES = new Set(['vss', 'swprv', 'wbengine', 'sdrsvc']);

/** Windows: System Restore off, or the shadow copy or backup service stopped or disabled. */
/** The programs windows() reads; any other command is not lowercased word by word. */
const WINDOWS_PROGRAMS = new Set(['disable-computerrestore', 'sc', 'net', 'stop-service', 'set-service']);

function windows(name: string, cmd: NormalizedCommand): CloudDraft | undefined {
  if (!WINDOWS_PROGRAMS.has(name)) return undefined;
  const args = cmd.argv.slice(1);
  const lower = args.map((a) => a.toLowerCase());
  if (name === 'disable-computerrestore') return draft(cmd, 'disable', 'System Restore', true);
  const service = (w: string | undefined) =>
    (w ?? '').split(',').some((s) => BACKUP_SERVICES.has(s.toLowerCase()));
  const said = `${name} ${args.join(' ')}`.trim();
  if (name === 'sc') {
    const disables = lower[0] === 'config' && /start=\s*disabled/.test(lower.slice(2).join(' '));
    return (lower[0] === 'stop' || disables) && service(args[1])
      ? draft(cmd, 'disable', said, true)
      : undefined;
  }
  if (name === 'net')
    return lower[0] === 'stop' && service(args[1]) ? draft(cmd, 'disable', said, true) : undefined;
  if (name === 'stop-service' || name === 'set-service') {
    const at = lower.findIndex((a) => /^-(n|na|nam|name)$/.test(a));
    const svc = at >= 0 ? args[at + 1] : args.find((a) => !a.startsWith('-'));
    const stops =
      name === 'stop-service' ||
      lower.some(
        (a, i) =>
          /^-startuptype(:disabled)?$/.test(a) && (a.endsWith(':disabled') || lower[i + 1] === 'disabled'),
      ) ||
      lower.some((a, i) => a === '-status' && lower[i + 1] === 'stopped');
    return stops && service(svc) ? draft(cmd, 'disable', said, true) : undefined;
  }
  return undefined;
}

/** The backups-off draft of one command; undefined = it switches nothing off. */
export function readBackupsOff(cmd: NormalizedCommand): CloudDraft | undefined {
  const name = cmd.program.toLowerCase();
  const win = windows(name, cmd);
  if (win) return win;
  const args = cmd.argv.slice(1);
  // `group:noun:verb` commands (`heroku pg:backups:unschedule`) read as separate words
  const words = args
    .filter((a) => !a.startsWith('-'))
    .flatMap((a) => (/^[\w-]+(:[\w-]+)+$/.test(a) ? a.split(':') : [a]));
  const verb = words.findIndex((w, i) => OFF_VERB.test(w) || (NOUN.test(w) && VERB.test(words[i + 1] ?? '')));
  if (verb >= 0) {
    const rest = words.slice(verb + (OFF_VERB.test(words[verb]) ? 1 : 2));
    return draft(cmd, 'disable', `${words.slice(verb, verb + 2).join(' ')} ${rest[0] ?? ''}`.trim(), false);
  }
  const setting = args.find((a) => OFF_SETTING.test(a) || OFF_FLAG.test(a));
  if (setting) return draft(cmd, 'disable', `${setting} ${words.slice(-1)[0] ?? ''}`.trim(), false);
  const skip = args.find((a) => SKIP_SNAPSHOT.test(a));
  if (skip && words.some((w) => ENDS.test(w)))
    return draft(cmd, 'disable', `${words.join(' ')} ${skip}`, false);
  // a retention cut to (almost) nothing: the next maintenance deletes the older snapshots
  return readRetentionCut(cmd);
}
