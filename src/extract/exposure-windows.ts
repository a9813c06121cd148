/**
 * A Windows machine opened to anyone on the network (read for exposure.ts's `make-public`
 * facts through windows-admin.ts):
 * - a file share anyone may write (`New-SmbShare -FullAccess|-ChangeAccess Everyone`,
 *   `Grant-SmbShareAccess -AccountName Everyone -AccessRight Full|Change`, `net share
 *   NAME=PATH /grant:Everyone,FULL`), or may read when it shares a drive's root, Windows' own
 *   folders or a profile (`New-SmbShare -Name Root -Path C:\ -ReadAccess Everyone`, a `net
 *   share` of such a place, which anyone reads by default): kind `smb`;
 * - an inbound firewall rule that allows every address (`New-NetFirewallRule` allows inbound
 *   traffic from any address unless told otherwise; `-RemoteAddress Any`, `netsh advfirewall
 *   firewall add rule dir=in action=allow` without `remoteip` or with `any`) to any port, or
 *   to one other than 80/443, or the built-in remote administration rules enabled for every
 *   address (`Enable-NetFirewallRule -DisplayGroup "Remote Desktop"`, File and Printer
 *   Sharing, WinRM): kind `firewall`. A rule that blocks, is outbound, is disabled or
 *   names its remote addresses (`LocalSubnet`, `10.0.0.0/8`) opens nothing to everyone.
 * Principals that are everyone: `Everyone`, `Guest(s)`, `ANONYMOUS LOGON`, `Authenticated
 * Users`, `Domain Users`. Names are matched case-folded; each finding is [kind, the words].
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { pwshTarget, unjoined } from './fs-pwsh-delete.js';

/** A principal that is anyone on the network (a domain prefix allowed). */
const ANYONE =
  /(^|[\\,'"])\s*(everyone|guests?|anonymous logon|authenticated users|domain users)\s*($|[,'"])/i;

/** Ports that a web server opens to everyone by design. */
const WEB_PORTS = new Set(['80', '443']);

/** Values of PowerShell parameters: lower-case name → value ('' for a switch). */
function params(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(args[i]);
    if (!m) continue;
    const v = m[2] ?? (args[i + 1] !== undefined && !/^-[a-z]/i.test(args[i + 1]) ? args[++i] : '');
    out.set(m[1].toLowerCase(), v);
  }
  return out;
}

/** True when a shared path is a drive's root, Windows' own folders or a profile. */
function sensitive(path: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  return ['root', 'system', 'home'].includes(pwshTarget(path, cmd, ctx, false).class);
}

/** SMB shares opened to anyone. */
function shares(name: string, args: string[], cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const said = `${cmd.program} ${args.join(' ')}`;
  if (name === 'new-smbshare') {
    const p = params(args);
    const writes = ['fullaccess', 'changeaccess'].some((k) => ANYONE.test(p.get(k) ?? ''));
    const reads = ANYONE.test(p.get('readaccess') ?? '') && sensitive(p.get('path') ?? '', cmd, ctx);
    return writes || reads ? [['smb', said]] : [];
  }
  if (name === 'grant-smbshareaccess') {
    const p = params(args);
    return ANYONE.test(p.get('accountname') ?? '') && /^(full|change)$/i.test(p.get('accessright') ?? '')
      ? [['smb', said]]
      : [];
  }
  if (name === 'net' && /^share$/i.test(args[0] ?? '')) {
    const def = /^[^=/]+=(.+)$/.exec(args[1] ?? '');
    if (!def || args.some((a) => /^\/delete$/i.test(a))) return [];
    const grants = args.filter((a) => /^\/grant:/i.test(a)).map((a) => a.slice(7));
    const writes = grants.some((g) => ANYONE.test(g.split(',')[0]) && /,(full|change)$/i.test(g));
    // without /grant everyone may read the share
    const reads =
      (grants.length === 0 || grants.some((g) => ANYONE.test(g.split(',')[0]))) &&
      sensitive(def[1], cmd, ctx);
    return writes || reads ? [['smb', `net ${args.join(' ')}`]] : [];
  }
  return [];
}

/** True when a port list is empty, `Any`, or holds a port other than 80/443. */
const openPorts = (ports: string | undefined) =>
  ports === undefined || ports.split(',').some((p) => !WEB_PORTS.has(p.trim()));

/** True when a remote address list allows every address. */
const anyAddress = (v: string | undefined) =>
  v === undefined || /^(any|\*|0\.0\.0\.0\/0|::\/0|internet)$/i.test(v.trim());

/** Built-in rule groups that let remote administration in from any address. */
const REMOTE_ADMIN_GROUP =
  /remote desktop|file and printer sharing|windows remote management|remote service management|remote event log|remote scheduled tasks|windows management instrumentation/i;

/** Inbound firewall rules that allow every address. */
function firewallRules(name: string, args: string[], cmd: NormalizedCommand): Finding[] {
  const said = `${cmd.program} ${args.join(' ')}`;
  if (name === 'enable-netfirewallrule' || name === 'set-netfirewallrule') {
    const p = params(args);
    const group = [p.get('displaygroup'), p.get('group'), p.get('displayname'), p.get('name')].join(' ');
    const on = name === 'enable-netfirewallrule' || /^(true|\$true|1)$/i.test(p.get('enabled') ?? '');
    if (on && REMOTE_ADMIN_GROUP.test(group) && anyAddress(p.get('remoteaddress')))
      return [['firewall', said]];
  }
  if (name === 'new-netfirewallrule' || name === 'set-netfirewallrule') {
    const p = params(args);
    const inbound = !/^outbound$/i.test(p.get('direction') ?? '');
    const allow =
      name === 'new-netfirewallrule'
        ? !/^block$/i.test(p.get('action') ?? '')
        : /^allow$/i.test(p.get('action') ?? '');
    const widened = name === 'set-netfirewallrule' && /^any$/i.test(p.get('remoteaddress') ?? '');
    const enabled = !/^(false|\$false|0)$/i.test(p.get('enabled') ?? '');
    if (!inbound || !enabled || !(allow || widened)) return [];
    const port = p.get('localport');
    return anyAddress(p.get('remoteaddress')) &&
      openPorts(port === undefined || /^any$/i.test(port) ? undefined : port)
      ? [['firewall', said]]
      : [];
  }
  if (name === 'netsh') {
    const lower = args.map((a) => a.toLowerCase());
    if (lower.slice(0, 4).join(' ') !== 'advfirewall firewall add rule') return [];
    const kv = new Map(
      lower.filter((a) => a.includes('=')).map((a) => [a.split('=')[0], a.slice(a.indexOf('=') + 1)]),
    );
    if (kv.get('dir') !== 'in' || kv.get('action') !== 'allow' || kv.get('enable') === 'no') return [];
    const port = kv.get('localport');
    return anyAddress(kv.get('remoteip')) &&
      openPorts(port === undefined || port === 'any' ? undefined : port)
      ? [['firewall', `netsh ${args.join(' ')}`]]
      : [];
  }
  return [];
}

/** What `cmd` opens to anyone among these (see the header); empty = nothing. */
export function windowsExposures(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const name = cmd.program.toLowerCase();
  const args = unjoined(cmd.argv).slice(1);
  return [...shares(name, args, cmd, ctx), ...firewallRules(name, args, cmd)];
}
