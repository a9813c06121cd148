/**
 * Windows' guards and record switched off, by native tools and by cmdlets (pwsh.ts runs
 * cmdlets as commands of their name): Microsoft Defender's protections off
 * (`Set-MpPreference -Disable…`, its policy keys set by `reg add` or `Set-ItemProperty`, the
 * feature removed), the firewall off (`netsh advfirewall … state off`,
 * `Set-NetFirewallProfile -Enabled False`), event logs cleared or disabled (`wevtutil cl|sl
 * /e:false`, `Clear-EventLog`, `Remove-EventLog`, `fsutil usn deletejournal`), the audit
 * policy cleared or set to record nothing (`auditpol /clear|/remove`, `/set … :disable`),
 * and a security service stopped or disabled (`sc`, `net stop`, `Stop-Service`,
 * `Set-Service -StartupType Disabled`, `sysmon -u`). Names are matched case-folded without
 * `.exe`; each finding is [verb, the words that say so].
 */
import { SECURITY_UNITS } from './cloud-host.js';
import type { Finding } from './word-facts.js';

/** Windows services that protect the machine or keep its record (lower case). */
const WINDOWS_SECURITY_SERVICES = new Set(
  (
    'windefend sense wdnissvc wdboot wdfilter mpssvc eventlog sysmon sysmon64 wscsvc securityhealthservice ' +
    'csfalconservice sentinelagent cbdefense cylancesvc'
  ).split(' '),
);
const securityService = (w: string) => {
  const s = w.toLowerCase().replace(/\.service$/, '');
  return WINDOWS_SECURITY_SERVICES.has(s) || SECURITY_UNITS.has(s);
};

/** A PowerShell boolean or Defender's off words. */
const OFF_VALUE = /^(\$?false|0|disabled?|off)$/i;
const ON_VALUE = /^(\$?true|1)$/i;

/** PowerShell parameters as [name lower case, value]; a switch has value ''. */
function params(args: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z][\w]*)(?::(.*))?$/i.exec(args[i]);
    if (!m) continue;
    const value = m[2] ?? (args[i + 1] !== undefined && !/^-[a-z]/i.test(args[i + 1]) ? args[++i] : '');
    out.push([m[1].toLowerCase(), value]);
  }
  return out;
}

/** Positional words of a PowerShell call. */
const positional = (args: string[]) =>
  args.filter((a, i) => !a.startsWith('-') && !(i > 0 && /^-[a-z]\w*$/i.test(args[i - 1])));

/** A registry path of Defender's settings or policy. */
const DEFENDER_KEY = /\\(Windows Defender|Microsoft Antimalware)(\\|$)/i;

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) switches off on Windows; empty = none. */
export function windowsDefencesOff(name: string, args: string[], program = name): Finding[] {
  const said = `${program} ${args.join(' ')}`.trim();
  const lower = args.map((a) => a.toLowerCase());
  const p = () => params(args);
  switch (name) {
    case 'set-mppreference': {
      const off = p().find(
        ([k, v]) => (/^disable/.test(k) && ON_VALUE.test(v)) || (/^enable/.test(k) && OFF_VALUE.test(v)),
      );
      return off ? [['antivirus-off', said]] : [];
    }
    case 'uninstall-windowsfeature':
    case 'remove-windowsfeature':
    case 'disable-windowsoptionalfeature':
      return args.some((a) => /defender/i.test(a)) ? [['antivirus-off', said]] : [];
    case 'reg':
      // `reg add "HKLM\…\Windows Defender" /v DisableAntiSpyware /d 1`
      return lower[0] === 'add' &&
        DEFENDER_KEY.test(args[1] ?? '') &&
        lower.some((a, i) => a === '/v' && /^disable/.test(lower[i + 1] ?? '')) &&
        lower.some((a, i) => a === '/d' && ON_VALUE.test(lower[i + 1] ?? ''))
        ? [['antivirus-off', said]]
        : [];
    case 'set-itemproperty':
    case 'new-itemproperty': {
      const ps = new Map(p());
      const path = ps.get('path') ?? ps.get('literalpath') ?? positional(args)[0] ?? '';
      return DEFENDER_KEY.test(path) &&
        /^disable/i.test(ps.get('name') ?? '') &&
        ON_VALUE.test(ps.get('value') ?? '')
        ? [['antivirus-off', said]]
        : [];
    }
    case 'netsh': {
      const words = lower.join(' ');
      return /^advfirewall set \w+ state off\b/.test(words) ||
        /^firewall set opmode (mode=)?disable\b/.test(words)
        ? [['firewall-off', said]]
        : [];
    }
    case 'set-netfirewallprofile':
      return p().some(([k, v]) => k === 'enabled' && OFF_VALUE.test(v)) ? [['firewall-off', said]] : [];
    case 'wevtutil':
      if (/^(cl|clear-log)$/.test(lower[0] ?? '')) return [['logs-cleared', said]];
      return /^(sl|set-log)$/.test(lower[0] ?? '') && lower.some((a) => /^\/(e|enabled):(false|0)$/.test(a))
        ? [['logs-off', said]]
        : [];
    case 'clear-eventlog':
    case 'remove-eventlog':
      return [['logs-cleared', said]];
    case 'fsutil':
      return lower[0] === 'usn' && lower[1] === 'deletejournal' ? [['logs-cleared', said]] : [];
    case 'auditpol':
      if (lower.some((a) => a === '/clear' || a === '/remove')) return [['audit-policy-off', said]];
      return lower.includes('/set') &&
        lower.some((a) => /^\/(success|failure):disable$/.test(a)) &&
        !lower.some((a) => /^\/(success|failure):enable$/.test(a))
        ? [['audit-policy-off', said]]
        : [];
    case 'sc': {
      // `sc stop WinDefend`, `sc config WinDefend start= disabled`, `sc delete Sysmon64`
      const [verb, svc] = [lower[0] ?? '', args[1] ?? ''];
      const disables = verb === 'config' && /start=\s*disabled|^disabled$/.test(lower.slice(2).join(' '));
      return (/^(stop|delete)$/.test(verb) || disables) && securityService(svc) ? [['agent-off', said]] : [];
    }
    case 'net':
      return lower[0] === 'stop' && securityService(args[1] ?? '') ? [['agent-off', said]] : [];
    case 'stop-service':
    case 'set-service':
    case 'disable-service': {
      const ps = p();
      const svc = ps.find(([k]) => /^(n|na|nam|name|displayname)$/.test(k))?.[1] ?? positional(args)[0] ?? '';
      const stops =
        name !== 'set-service' ||
        ps.some(
          ([k, v]) =>
            (k === 'startuptype' && /^disabled$/i.test(v)) || (k === 'status' && /^stopped$/i.test(v)),
        );
      return stops && svc.split(',').some(securityService) ? [['agent-off', said]] : [];
    }
    case 'sysmon':
    case 'sysmon64':
      return lower.includes('-u') ? [['agent-off', said]] : [];
    default:
      return [];
  }
}
