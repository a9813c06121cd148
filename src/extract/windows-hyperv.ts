/**
 * Hyper-V's cmdlets that take a machine's guests down, back or away (its deletes, `Remove-VM`,
 * `Remove-VMSnapshot`, keep the generic reading of a destroying verb, cloud-pwsh.ts):
 * - `Stop-VM -TurnOff` pulls a guest's plug (what it had not written is lost), and `Stop-VM`
 *   fed by an unfiltered `Get-VM` (or given `-Name *`) stops every guest of the host: a
 *   CloudFact of service `hypervisor-power` (capacity/stop-compute asks);
 * - `Restore-VMSnapshot` / `Restore-VMCheckpoint` puts a guest back to a checkpoint, and what
 *   it did since is gone: service `hypervisor vm`, verb `revert` (cluster/vm-destroy asks);
 * - `Export-VM` / `Export-VMSnapshot` to a share on another host (`-Path \\HOST\share`)
 *   copies the guest's disks, and all they hold, off the machine: a `bulk-data` exfil fact
 *   (secrets/bulk-data-sent asks). An export to a local folder is a backup.
 * `Stop-VM` of named guests (a shutdown the guest carries out) and `-WhatIf` do nothing here.
 * Names are matched case-folded. Reads the words and the command feeding the pipe.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';

/** The value of `-NAME V` / `-NAME:V` (any prefix of `names` that is at least `min` long); '' = a switch; undefined = absent. */
function option(argv: string[], names: string[], min = 2): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(argv[i]);
    if (!m || m[1].length < min || !names.some((n) => n.startsWith(m[1].toLowerCase()))) continue;
    if (m[2] !== undefined) return m[2];
    const v = argv[i + 1];
    return v === undefined || v.startsWith('-') ? '' : v;
  }
  return undefined;
}

/** The guests named (`-Name`, `-VMName`, the first positional word); '' = none named. */
function guests(argv: string[]): string {
  const named = option(argv, ['name', 'vmname']);
  if (named) return named;
  return argv.slice(1).find((a, i) => !a.startsWith('-') && !/^-/.test(argv[i] ?? '')) ?? '';
}

/**
 * True when every guest of the host is meant: fed by an unfiltered `Get-VM`, or `-Name *`,
 * or given no name inside `pwsh -c` (whose pipes are not followed).
 */
function everyGuest(cmd: NormalizedCommand): boolean {
  if (guests(cmd.argv) === '*') return true;
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  // fail closed: inside `pwsh -c` the pipe feeding it is not followed: any guest may come
  if (!from && guests(cmd.argv) === '' && cmd.wrappers.some((w) => /^pwsh\b/.test(w))) return true;
  return !!from && /^get-vm$/i.test(from.program) && ['', '*'].includes(guests(from.argv));
}

/** The host of a share path (`\\HOST\share`, `//HOST/share`, or `\HOSTshare` once bash dropped backslashes); undefined = not a share. */
export function shareHost(path: string): string | undefined {
  const m = /^(?:\\\\|\/\/)([^\\/]+)/.exec(path) ?? /^\\((?:\d{1,3}\.){3}\d{1,3}|[\w.-]+)/.exec(path);
  if (!m) return undefined;
  // bash leaves `\198.51.100.9drop` of `\\198.51.100.9\drop`: the address is the host
  const ip = /^(?:\d{1,3}\.){3}\d{1,3}/.exec(m[1]);
  return ip && !path.startsWith('\\\\') && !path.startsWith('//') ? ip[0] : m[1];
}

/** The facts of one Hyper-V cmdlet (see the header); empty = none. */
export function hypervFacts(cmd: NormalizedCommand): DraftFact[] {
  const name = cmd.program.toLowerCase();
  const a = cmd.argv;
  if (option(a, ['whatif']) !== undefined) return [];
  const cloud = (service: string, verb: string, all: boolean): DraftFact => ({
    kind: 'cloud',
    tool: cmd.program,
    service,
    verb,
    resource: guests(a) || (all ? '*' : ''),
    all,
    force: option(a, ['force']) !== undefined || /^-confirm:\$?false$/i.test(a.join(' ')),
    evidence: evidenceOf(cmd),
  });
  if (name === 'stop-vm') {
    const all = everyGuest(cmd);
    if (option(a, ['turnoff'], 1) !== undefined) return [cloud('hypervisor-power', 'turn-off', all)];
    return all ? [cloud('hypervisor-power', 'stop', true)] : [];
  }
  if (/^restore-vm(snapshot|checkpoint)$/.test(name))
    return [cloud('hypervisor vm', 'revert', everyGuest(cmd))];
  if (/^export-vm(snapshot|checkpoint)?$/.test(name)) {
    const host = shareHost(option(a, ['path']) ?? a.slice(1).filter((w) => !w.startsWith('-'))[1] ?? '');
    if (host === undefined) return [];
    return [
      {
        kind: 'exfil',
        source: 'bulk-data',
        host,
        sink: 'smb',
        evidence: `${evidenceOf(cmd)} (the guest's disks)`,
      },
    ];
  }
  return [];
}
