/**
 * Windows' guards and record switched off, by native tools and by cmdlets (pwsh.ts runs
 * cmdlets as commands of their name): Microsoft Defender's protections off
 * (`Set-MpPreference -Disable…`, its policy keys set by `reg add` or `Set-ItemProperty`, the
 * feature removed), the firewall off (`netsh advfirewall … state off`,
 * `Set-NetFirewallProfile -Enabled False`), event logs cleared or disabled (`wevtutil cl|sl
 * /e:false`, `Clear-EventLog`, `Remove-EventLog`, `fsutil usn deletejournal`), the audit
 * policy cleared or set to record nothing (`auditpol /clear|/remove`, `/set … :disable`),
 * and a security service stopped or disabled (`sc`, `net stop`, `Stop-Service`,
 * `Set-Service -StartupType Disabled`, `sysmon -u`) or its file system filter driver unloaded
 * or detached (`fltmc unload SysmonDrv`), Defender told to skip a broad place
 * (`Add-MpPreference -ExclusionPath C:\`, a shell or interpreter as `-ExclusionProcess`, an
 * executable type as `-ExclusionExtension`), User Account Control off (`EnableLUA` 0 under
 * `…\Policies\System`) or its filter of remote administrators' tokens off
 * (`LocalAccountTokenFilterPolicy` 1: every local administrator has full rights over the
 * network), clear-text logon passwords kept in memory (WDigest `UseLogonCredential` 1), the
 * LSA's guards off (`RunAsPPL`, `LsaCfgFlags`, `LimitBlankPasswordUse` 0, NTLMv1 allowed),
 * Remote Desktop turned on or without network-level authentication, SMBv1 turned on (or its
 * client driver `mrxsmb10` started), SMB signing or encryption off or guest logons allowed (by
 * the service's key or its Group Policy key; the cmdlets' side: defences-smb.ts), a
 * security service disabled by its `Start` value (`…\Services\WinDefend` Start 4) (each a
 * registry value set by `reg add` or `Set-ItemProperty`/`New-ItemProperty`, the key's
 * separators optional: an unquoted key loses them in bash; a value known only at run time
 * counts as the off one) and boot-time code signing off
 * (`bcdedit /set testsigning on`, `nointegritychecks on`), BitLocker turned off or suspended
 * (`manage-bde -off|-pause`, `manage-bde -protectors -disable`, `Disable-BitLocker`,
 * `Suspend-BitLocker`). Names are matched case-folded without
 * `.exe`; each finding is [verb, the words that say so].
 */
import { SECURITY_UNITS } from './cloud-host.js';
import { pwshArgs, valueOf } from './pwsh-params.js';
import type { Finding } from './word-facts.js';

/**
 * Windows services that protect the machine or keep its record, and the file system
 * minifilter drivers through which security products see what happens (Sysmon's SysmonDrv,
 * Defender's WdFilter, CrowdStrike's CSAgent, SentinelOne's SentinelMonitor, Cylance,
 * Carbon Black, Sophos, Kaspersky, ESET, Trellix, Elastic), lower case.
 */
const WINDOWS_SECURITY_SERVICES = new Set(
  (
    'windefend sense wdnissvc wdboot wdfilter mpssvc eventlog sysmon sysmon64 wscsvc securityhealthservice ' +
    'csfalconservice sentinelagent cbdefense cylancesvc sysmondrv mpfilter csagent sentinelmonitor cyoptics ' +
    'cyprotectdrv64 cyprotectdrv32 carbonblackk cbk7 sophosed savonaccess klif ehdrv eamonm mfehidk ' +
    'mfefirek esensor elasticendpoint'
  ).split(' '),
);
const securityService = (w: string) => {
  const s = w.toLowerCase().replace(/\.service$/, '');
  return WINDOWS_SECURITY_SERVICES.has(s) || SECURITY_UNITS.has(s);
};

/** A PowerShell boolean or Defender's off words. */
const OFF_VALUE = /^(\$?false|0|disabled?|off)$/i;
const ON_VALUE = /^(\$?true|1)$/i;

/** PowerShell parameters as [name lower case, value] in the order written; a switch has value ''. */
const params = (args: string[]): [string, string][] => pwshArgs(args).named.map((n) => [n.name, n.value]);

/** Positional words of a PowerShell call. */
const positional = (args: string[]) => pwshArgs(args).positional;

/** A registry path of Defender's settings or policy. */
const DEFENDER_KEY = /\\(Windows Defender|Microsoft Antimalware)(\\|$)/i;

/** A registry key ending in `parts` (`HKLM\…\Policies\System`, `HKLM:\…`), separators optional. */
const key = (...parts: string[]) => new RegExp(`${parts.join('[\\\\/]*')}[\\\\/]*$`, 'i');

/**
 * The SMB server's or client's settings key (`side`: `Server`, `Workstation` or a group of
 * both): the service's `Services\LanmanServer\Parameters` or its Group Policy key
 * `Policies\Microsoft\Windows\LanmanWorkstation`.
 */
const lanman = (side: string) =>
  new RegExp(
    `${key('Services', `Lanman${side}`, 'Parameters').source}|${key('Policies', 'Microsoft', 'Windows', `Lanman${side}`).source}`,
    'i',
  );

/**
 * Registry values whose setting switches a Windows guard off: the key, the value's name, and
 * which numbers are the off setting.
 */
const HARDENING_VALUES: [RegExp, RegExp, (n: number) => boolean][] = [
  // User Account Control: programs take administrator rights without a prompt
  [
    key('Policies', 'System'),
    /^(EnableLUA|ConsentPromptBehaviorAdmin|PromptOnSecureDesktop)$/i,
    (n) => n === 0,
  ],
  // remote connections of a local administrator get a full token (pass-the-hash, remote admin)
  [key('Policies', 'System'), /^LocalAccountTokenFilterPolicy$/i, (n) => n === 1],
  // logon passwords kept in clear text in LSASS
  [key('SecurityProviders', 'WDigest'), /^UseLogonCredential$/i, (n) => n === 1],
  // LSA protection and Credential Guard off, blank passwords over the network, LM hashes kept,
  // Restricted Admin on (RDP logon with a hash)
  [
    key('Control', 'Lsa'),
    /^(RunAsPPL|LsaCfgFlags|LimitBlankPasswordUse|NoLMHash|DisableRestrictedAdmin)$/i,
    (n) => n === 0,
  ],
  [key('Control', 'Lsa'), /^LmCompatibilityLevel$/i, (n) => n < 3],
  [key('Control', 'Lsa'), /^EveryoneIncludesAnonymous$/i, (n) => n === 1],
  // Remote Desktop on, or without network-level authentication
  [key('Control', 'Terminal Server'), /^fDenyTSConnections$/i, (n) => n === 0],
  [key('WinStations', 'RDP-Tcp'), /^(UserAuthentication|SecurityLayer)$/i, (n) => n === 0],
  // SMBv1 served, or its client driver started (`Services\mrxsmb10` Start 0-3; `srv`: the SMBv1 server's)
  [lanman('Server'), /^SMB1$/i, (n) => n === 1],
  [key('Services', '(mrxsmb10|srv)'), /^Start$/i, (n) => n < 4],
  // SMB signing not required or offered (relayed, tampered sessions), encryption not required;
  // guest logons to any server (the service's own key or its Group Policy key)
  [lanman('(Server|Workstation)'), /^(Require|Enable)SecuritySignature$/i, (n) => n === 0],
  [lanman('Server'), /^(EncryptData|RejectUnencryptedAccess)$/i, (n) => n === 0],
  [lanman('Workstation'), /^RequireEncryption$/i, (n) => n === 0],
  [lanman('Workstation'), /^AllowInsecureGuestAuth$/i, (n) => n === 1],
  // a security service (or the event log) no longer started: `Services\EventLog` Start 4 (disabled)
  [key('Services', `(${[...WINDOWS_SECURITY_SERVICES].join('|')})`), /^Start$/i, (n) => n === 4],
];

/** A registry number as written (`1`, `0x1`, `0x00000001`); NaN = not a number. */
const regNumber = (v: string) => (/^(0x[\da-f]+|\d+)$/i.test(v.trim()) ? Number(v.trim()) : NaN);

/** A value known only at run time (`$v`, `%V%`, `!V!`). */
const RUNTIME_VALUE = /^(\$\w|\$\{|%\w+%|!\w+!)/;

/**
 * True when setting `name` under `path` to `value` switches a guard off (HARDENING_VALUES); a
 * value known only at run time may be the off one (fail closed).
 */
const hardeningOff = (path: string, name: string, value: string) =>
  HARDENING_VALUES.some(
    ([k, n, off]) =>
      k.test(path) && n.test(name) && (RUNTIME_VALUE.test(value.trim()) || off(regNumber(value))),
  );

/** Programs that run any code they are given: excluded, everything they run is unscanned. */
const RUNS_ANYTHING =
  /^(powershell|pwsh|cmd|wscript|cscript|mshta|rundll32|regsvr32|msiexec|python\d*|pythonw|node|bash|sh|wsl|java|javaw|ruby|perl)(\.exe)?$/i;
/** File types that run: excluded, every such file is unscanned. */
const RUNNABLE_TYPE = /^\.?(exe|dll|ps1|psm1|bat|cmd|vbs|js|jse|hta|msi|scr|com|sys)$/i;

/**
 * Whether one Defender exclusion value skips a broad place: a drive root or a folder right
 * under it (`C:\`, `C:\Users`, `D:`), a user's home (`C:\Users\me`), a wildcard alone, or a
 * value holding a variable (`$env:USERPROFILE`, `%TEMP%`). A project folder deeper down is not.
 */
function broadExclusion(kind: string, value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  // fail closed: a variable's value is not known statically, so it may be any place
  if (v === '' || /[$%]/.test(v)) return true;
  if (kind === 'exclusionprocess') return RUNS_ANYTHING.test(v.split(/[\\/]/).pop() ?? v);
  if (kind === 'exclusionextension') return RUNNABLE_TYPE.test(v);
  const parts = v
    .replace(/^[a-z]:/i, '')
    .split(/[\\/]+/)
    .filter(Boolean);
  if (/^\*+$/.test(parts.join(''))) return true;
  return parts.length <= 1 || (/^users$/i.test(parts[0]) && parts.length === 2);
}

/** Whether Defender's parameters add an exclusion of a broad place (see broadExclusion). */
const broadExclusions = (ps: [string, string][]) =>
  ps.some(
    ([k, v]) =>
      /^exclusion(path|process|extension)$/.test(k) && v.split(',').some((x) => broadExclusion(k, x)),
  );

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
      return off || broadExclusions(p()) ? [['antivirus-off', said]] : [];
    }
    case 'add-mppreference':
      return broadExclusions(p()) ? [['antivirus-off', said]] : [];
    case 'bcdedit':
      // `bcdedit /set {current} testsigning on`: unsigned drivers load at the next boot
      return lower.includes('/set') &&
        lower.some(
          (a, i) => /^(testsigning|nointegritychecks)$/.test(a) && /^(on|yes|true)$/.test(lower[i + 1] ?? ''),
        )
        ? [['hardening-off', said]]
        : [];
    case 'uninstall-windowsfeature':
    case 'remove-windowsfeature':
    case 'disable-windowsoptionalfeature':
      return args.some((a) => /defender/i.test(a)) ? [['antivirus-off', said]] : [];
    case 'reg':
      // `reg add "HKLM\…\Policies\System" /v EnableLUA /t REG_DWORD /d 0`: UAC off
      if (
        lower[0] === 'add' &&
        hardeningOff(
          args[1] ?? '',
          lower[lower.indexOf('/v') + 1] ?? '',
          lower.includes('/d') ? (lower[lower.indexOf('/d') + 1] ?? '') : '',
        )
      )
        return [['hardening-off', said]];
      // `reg add "HKLM\…\Windows Defender" /v DisableAntiSpyware /d 1`
      return lower[0] === 'add' &&
        DEFENDER_KEY.test(args[1] ?? '') &&
        lower.some((a, i) => a === '/v' && /^disable/.test(lower[i + 1] ?? '')) &&
        lower.some((a, i) => a === '/d' && ON_VALUE.test(lower[i + 1] ?? ''))
        ? [['antivirus-off', said]]
        : [];
    case 'set-itemproperty':
    case 'new-itemproperty': {
      const ps = pwshArgs(args);
      const [posPath, posName = '', posValue = ''] = ps.positional;
      const path = valueOf(ps, 'path') ?? valueOf(ps, 'literalpath') ?? posPath ?? '';
      if (hardeningOff(path, valueOf(ps, 'name') ?? posName, valueOf(ps, 'value') ?? posValue))
        return [['hardening-off', said]];
      return DEFENDER_KEY.test(path) &&
        /^disable/i.test(valueOf(ps, 'name') ?? '') &&
        ON_VALUE.test(valueOf(ps, 'value') ?? '')
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
    case 'manage-bde':
      // `-off` decrypts the volume, `-pause` stops encrypting it, `-protectors -disable` leaves its key in the clear
      return lower.some((a) => a === '-off' || a === '-pause') ||
        (lower.includes('-protectors') && lower.includes('-disable'))
        ? [['encryption-off', said]]
        : [];
    case 'disable-bitlocker':
    case 'suspend-bitlocker':
      return [['encryption-off', said]];
    case 'fltmc':
      // `fltmc unload SysmonDrv`, `fltmc detach WdFilter C:`: the product no longer sees file activity
      return /^(unload|detach)$/.test(lower[0] ?? '') && securityService(args[1] ?? '')
        ? [['agent-off', said]]
        : [];
    case 'sysmon':
    case 'sysmon64':
      return lower.includes('-u') ? [['agent-off', said]] : [];
    default:
      return [];
  }
}
