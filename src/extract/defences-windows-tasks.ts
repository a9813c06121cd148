/**
 * Windows' guards switched off by their schedule, their record's size or the firewall's
 * default (read for defences.ts's `host-defence` facts through windows-admin.ts):
 * - Defender's (and Exploit Guard's) scheduled tasks — its scans, signature updates, cache
 *   maintenance — disabled or deleted (`Disable-ScheduledTask`/`Unregister-ScheduledTask`
 *   with their `-TaskPath`/`-TaskName`, or fed by `Get-ScheduledTask` of such a path, or by an
 *   unfiltered `Get-ScheduledTask`: every task; `schtasks /change /tn … /disable`, `schtasks
 *   /delete /tn …`): `antivirus-off`;
 * - an event log shrunk to below 4 MB, so its records are overwritten or lost within hours
 *   (`Limit-EventLog -LogName L -MaximumSize 64KB`, `wevtutil sl L /ms:65536`, its `MaxSize`
 *   registry value set by `Set-ItemProperty` or `reg add`): `logs-off`;
 * - Defender's signatures removed (`MpCmdRun -RemoveDefinitions`) or its cloud protection off
 *   (`Set-MpPreference -MAPSReporting 0`): `antivirus-off`;
 * - the firewall told to let in whatever no rule blocks (`Set-NetFirewallProfile
 *   -DefaultInboundAction Allow`, `netsh advfirewall set … firewallpolicy allowinbound,…`):
 *   `firewall-off`.
 * Names are matched case-folded without `.exe`; each finding is [verb, the words that say so].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** A task path or name of Defender's (separators optional: bash drops unquoted backslashes). */
const DEFENDER_TASK = /windows ?defender|exploit ?guard|microsoft ?antimalware/i;

/** The value of `-NAME V` / `-NAME:V` (any prefix of `name` at least 2 long); '' = a switch; undefined = absent. */
function option(argv: string[], name: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(argv[i]);
    if (!m || m[1].length < 2 || !name.startsWith(m[1].toLowerCase())) continue;
    if (m[2] !== undefined) return m[2];
    const v = argv[i + 1];
    return v === undefined || v.startsWith('-') ? '' : v;
  }
  return undefined;
}

/** The tasks a scheduled-task cmdlet's words name (path, name, positional), joined; '' = none. */
function tasksNamed(argv: string[]): string {
  const pos = argv.slice(1).filter((a, i) => !a.startsWith('-') && !/^-[a-z]+$/i.test(argv[i] ?? ''));
  return [option(argv, 'taskpath') ?? '', option(argv, 'taskname') ?? '', ...pos].join(' ').trim();
}

/** `Disable-|Unregister-ScheduledTask` of Defender's tasks, or of every task. */
function scheduledTasks(name: string, cmd: NormalizedCommand): Finding[] {
  if (!/^(disable|unregister)-scheduledtask$/.test(name)) return [];
  const said = `${cmd.program} ${cmd.argv.slice(1).join(' ')}`.trim();
  const own = tasksNamed(cmd.argv);
  if (DEFENDER_TASK.test(own)) return [['antivirus-off', said]];
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  // fail closed: inside `pwsh -c` the pipe feeding it is not followed: any task may come
  if (!own && !from && cmd.wrappers.some((w) => /^pwsh\b/.test(w)))
    return [['antivirus-off', `${said} (tasks from the pipeline)`]];
  if (own || !from || !/^get-scheduledtask$/i.test(from.program)) return [];
  const listed = tasksNamed(from.argv);
  if (DEFENDER_TASK.test(listed)) return [['antivirus-off', `Get-ScheduledTask ${listed} | ${said}`]];
  // every task of the machine, Defender's among them
  return listed === '' || listed === '*' ? [['antivirus-off', `Get-ScheduledTask | ${said}`]] : [];
}

/** `schtasks /change /tn TASK /disable`, `schtasks /delete /tn TASK`. */
function schtasks(args: string[]): Finding[] {
  const lower = args.map((a) => a.toLowerCase());
  const tn = lower.indexOf('/tn');
  const task = tn >= 0 ? (args[tn + 1] ?? '') : '';
  const off = (lower.includes('/change') && lower.includes('/disable')) || lower.includes('/delete');
  return off && DEFENDER_TASK.test(task) ? [['antivirus-off', `schtasks ${args.join(' ')}`]] : [];
}

/** Bytes of a size written `64KB`, `1MB`, `65536`; NaN = not a size. */
function bytes(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|gb|tb)?$/i.exec(v.trim());
  if (!m) return NaN;
  const unit = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[(m[2] ?? '').toLowerCase() as 'kb'];
  return Number(m[1]) * (unit ?? 1);
}

/** Smallest event log size kept (bytes): below it the record is overwritten within hours. */
const MIN_LOG = 4 * 1024 * 1024;

/** An event log's size key (`…\Services\EventLog\Security`, separators optional). */
const LOG_KEY = /services[\\/]*eventlog[\\/]*[^\\/]+[\\/]*$/i;

/** An event log shrunk below MIN_LOG (by its cmdlet, wevtutil, or its `MaxSize` registry value). */
function shrunkLog(name: string, args: string[]): Finding[] {
  if (/^(set|new)-itemproperty$/.test(name)) {
    const p = (k: string) => option(['', ...args], k);
    const size = bytes(p('value') ?? '');
    return LOG_KEY.test(p('path') ?? args[0] ?? '') && /^maxsize$/i.test(p('name') ?? '') && size < MIN_LOG
      ? [['logs-off', `${name} ${args.join(' ')}`]]
      : [];
  }
  if (name === 'reg' && /^add$/i.test(args[0] ?? '')) {
    const at = (sw: string) => args[args.findIndex((a) => a.toLowerCase() === sw) + 1] ?? '';
    const size = bytes(at('/d'));
    return LOG_KEY.test(args[1] ?? '') && /^maxsize$/i.test(at('/v')) && size < MIN_LOG
      ? [['logs-off', `reg ${args.join(' ')}`]]
      : [];
  }
  if (name === 'limit-eventlog') {
    const size = bytes(option(['', ...args], 'maximumsize') ?? '');
    return size < MIN_LOG ? [['logs-off', `Limit-EventLog ${args.join(' ')}`]] : [];
  }
  if (name === 'wevtutil' && /^(sl|set-log)$/i.test(args[0] ?? '')) {
    const ms = args.find((a) => /^\/(ms|maxsize):/i.test(a));
    return ms && bytes(ms.replace(/^[^:]*:/, '')) < MIN_LOG
      ? [['logs-off', `wevtutil ${args.join(' ')}`]]
      : [];
  }
  return [];
}

/** The firewall's default for incoming traffic set to allow. */
function inboundAllowed(name: string, args: string[]): Finding[] {
  if (
    name === 'set-netfirewallprofile' &&
    /^allow$/i.test(option(['', ...args], 'defaultinboundaction') ?? '')
  )
    return [['firewall-off', `Set-NetFirewallProfile ${args.join(' ')}`]];
  const lower = args.map((a) => a.toLowerCase());
  const policy = lower.indexOf('firewallpolicy');
  if (name === 'netsh' && policy >= 0 && /^allowinbound\b/.test(lower[policy + 1] ?? ''))
    return [['firewall-off', `netsh ${args.join(' ')}`]];
  return [];
}

/**
 * Defender's signatures removed (`MpCmdRun -RemoveDefinitions`: it then knows no threat) or
 * its cloud protection off (`Set-MpPreference -MAPSReporting 0|Disabled`).
 */
function defenderWeakened(name: string, args: string[]): Finding[] {
  if (name.endsWith('mpcmdrun') && args.some((a) => /^-removedefinitions$/i.test(a)))
    return [['antivirus-off', `MpCmdRun ${args.join(' ')}`]];
  if (name === 'set-mppreference' && /^(0|disabled)$/i.test(option(['', ...args], 'mapsreporting') ?? ''))
    return [['antivirus-off', `Set-MpPreference ${args.join(' ')}`]];
  return [];
}

/** What `cmd` switches off among these (see the header); empty = none. */
export function windowsTasksOff(cmd: NormalizedCommand): Finding[] {
  const name = cmd.program.toLowerCase();
  const args = cmd.argv.slice(1);
  return [
    ...scheduledTasks(name, cmd),
    ...(name === 'schtasks' ? schtasks(args) : []),
    ...shrunkLog(name, args),
    ...inboundAllowed(name, args),
    ...defenderWeakened(name, args),
  ];
}
