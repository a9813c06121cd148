/**
 * Authoritative and local DNS servers' own admin tools deleting what they serve:
 * - Windows' `dnscmd [SERVER] /ZoneDelete ZONE [/DsDel] [/f]` (the zone, and with `/DsDel` its
 *   copy in Active Directory on every domain controller), `/RecordDelete ZONE NODE TYPE [DATA]`,
 *   `/NodeDelete ZONE NODE [/Tree]` (the node's records, with `/Tree` every name below it),
 *   `/DeleteDirectoryPartition FQDN` (every zone stored in that partition);
 * - BIND's `rndc delzone [-clean] ZONE` (the zone unloaded and dropped from the configuration;
 *   `-clean` deletes its files);
 * - Knot's `knotc zone-purge ZONE…` (its files, journal and timers) and `zone-unset ZONE OWNER
 *   [TYPE]` (records removed in a zone transaction);
 * - Unbound's `unbound-control local_zone_remove|local_data_remove|local_zones_remove|
 *   local_datas_remove …` (local answers withdrawn; the plural forms read names from stdin);
 * - PowerDNS's `pdnsutil delete-zone|delete-rrset|clear-zone|remove-zone-key` (a zone or its
 *   records deleted, or a DNSSEC key removed: validating resolvers then fail the zone).
 * The windows cmdlets (`Remove-DnsServerZone`, `Remove-DnsServerResourceRecord`) are read by
 * the generic cmdlet reading; `nsupdate` deletes by cloud-consoles.ts.
 * Read as a CloudFact of service `dns-server`, verb `delete` (`purge` for knotc's), the
 * resource the zone and names given; listing, showing, adding and reloading make no fact
 * (the tool's other verbs keep the generic reading).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { positionals, type CloudDraft } from './cloud-argv.js';

/** A draft of the server's deletion. */
const del = (
  cmd: NormalizedCommand,
  verb: string,
  resource: string,
  all = false,
  force = true,
): CloudDraft => ({
  tool: cmd.program.toLowerCase(),
  service: 'dns-server',
  verb,
  // fail closed: nothing named is still a deletion of whatever the tool picks
  resource: resource || '(not named)',
  all,
  force,
});

/** dnscmd's deleting commands (lower case, with `/`) → how many words after it name the target. */
const DNSCMD_DELETES: Record<string, number> = {
  '/zonedelete': 1,
  '/recorddelete': 4,
  '/nodedelete': 2,
  '/deletedirectorypartition': 1,
};

/** `dnscmd [SERVER] /COMMAND ARGS… [/f]` (see the header); undefined = not a deletion. */
function dnscmd(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => a.startsWith('/'));
  const command = (args[at] ?? '').toLowerCase();
  if (at < 0 || !Object.hasOwn(DNSCMD_DELETES, command)) return undefined;
  const rest = args.slice(at + 1);
  const lower = rest.map((a) => a.toLowerCase());
  const named = rest.filter((a) => !a.startsWith('/')).slice(0, DNSCMD_DELETES[command]);
  const server = at > 0 ? ` on ${args[0]}` : '';
  const all = lower.includes('/tree') || lower.includes('/dsdel') || command === '/deletedirectorypartition';
  return del(
    cmd,
    'delete',
    `${command.slice(1)} ${named.join(' ')}${server}`.trim(),
    all,
    lower.includes('/f'),
  );
}

/** `rndc [-s SERVER -p PORT -k KEY …] delzone [-clean] ZONE [CLASS [VIEW]]`. */
function rndc(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos = positionals(args, /^-[bckpsyt]$/);
  if (pos[0] !== 'delzone') return undefined;
  return del(cmd, 'delete', pos.slice(1).join(' '), args.includes('-clean'));
}

/** `knotc [-c CONF -s SOCKET -t TIMEOUT] zone-purge|zone-unset …`. */
function knotc(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = positionals(cmd.argv.slice(1), /^-[cCstbx]$|^--(config|confdb|socket|timeout)$/);
  // `knotc zone-purge` with no zone named purges every zone
  if (pos[0] === 'zone-purge')
    return del(cmd, 'purge', pos.slice(1).join(' ') || 'every zone', pos.length < 2);
  if (pos[0] === 'zone-unset') return del(cmd, 'delete', pos.slice(1).join(' '));
  return undefined;
}

/** `unbound-control [-c CONF -s SERVER] local_zone_remove|local_data_remove|…_remove NAME…`. */
function unboundControl(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = positionals(cmd.argv.slice(1), /^-[cs]$/);
  if (!/^local_(zone|data|zones|datas)_remove$/.test(pos[0] ?? '')) return undefined;
  // the plural forms read the names from stdin
  const plural = /s_remove$/.test(pos[0]);
  return del(cmd, 'delete', plural ? `${pos[0]} (names on stdin)` : pos.slice(1).join(' '), plural);
}

/** `pdnsutil delete-zone|delete-rrset|clear-zone|remove-zone-key ZONE …`. */
function pdnsutil(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = positionals(cmd.argv.slice(1), /^(--config-dir|--config-name)$/);
  if (!/^(delete-zone|delete-rrset|clear-zone|remove-zone-key)$/.test(pos[0] ?? '')) return undefined;
  return del(cmd, 'delete', pos.join(' '), pos[0] !== 'delete-rrset' && pos[0] !== 'remove-zone-key');
}

/** Programs this module reads, by name. */
export const DNS_SERVER_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  dnscmd,
  'dnscmd.exe': dnscmd,
  rndc,
  knotc,
  'unbound-control': unboundControl,
  pdnsutil,
};
