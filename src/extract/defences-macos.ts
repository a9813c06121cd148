/**
 * macOS guards switched off through preferences and firmware variables: the application
 * firewall (`defaults write /Library/Preferences/com.apple.alf globalstate -int 0`),
 * Gatekeeper's assessments (`/var/db/SystemPolicy-prefs enabled no`) and its re-arming
 * (`com.apple.security GKAutoRearm false`), the download quarantine
 * (`com.apple.LaunchServices LSQuarantine false`), library validation
 * (`com.apple.security.libraryvalidation DisableLibraryValidation true`), XProtect's and the
 * security updates' automatic install (`com.apple.SoftwareUpdate ConfigDataInstall|
 * CriticalUpdateInstall false`); and by NVRAM, code signing enforcement off in the kernel's
 * boot arguments (`nvram boot-args="amfi_get_out_of_my_way=1"`, `cs_enforcement_disable=1`,
 * `amfi=…`) and System Integrity Protection's configuration set to anything but all on
 * (`nvram csr-active-config=%7f%00%00%00`). Reading (`defaults read`, `nvram -p`), the
 * on settings and other arguments (`boot-args="-v"`) make no finding. A security product's
 * kernel or system extension taken out (`kextunload -b com.crowdstrike.sensor`, `kmutil unload
 * -b …`, `systemextensionsctl uninstall TEAM com.crowdstrike.falcon.Agent`) and every system
 * extension reset (`systemextensionsctl reset`) are `agent-off`; another vendor's driver, listing
 * and showing make no finding. The unified log switched off (`log config --mode level:off`,
 * `persist:off`, for the whole system or a `--subsystem`/`--process`) is `logs-off`; its store
 * deleted (`log erase`, `--all`; not `--ttl`, which drops only what has expired) is
 * `logs-cleared`; reading it (`log show|stream|stats`, `log config --status`), `--reset` and
 * other levels make no finding. Each finding is [verb, the words].
 */
import type { Finding } from './word-facts.js';
import { securityAgentName } from './security-agents.js';

/**
 * Words that begin the bundle id parts (split on `.`, `-`, `_`, case-folded) of security
 * products' macOS extensions and agents: EDR and antivirus vendors, Jamf Protect, Google's
 * Santa, Objective-See's tools, Little Snitch and LuLu (firewalls), osquery, XProtect.
 */
const MAC_SECURITY_WORDS =
  /^(crowdstrike|falcon|sentinelone|sentinel|carbonblack|cbdefense|sophos|wdav|mdatp|jamfprotect|protect|cylance|tanium|eset|kaspersky|trendmicro|symantec|norton|bitdefender|mcafee|trellix|paloaltonetworks|cortex|traps|cybereason|santa|objective-see|lulu|blockblock|littlesnitch|malwarebytes|avast|webroot|elastic|huntress|osquery|xprotect|endpointsecurity)/;

/** True when a bundle id or an extension's path names a security product's extension. */
export function securityBundle(w: string): boolean {
  const name = (w.split('/').pop() ?? '').replace(/\.(kext|systemextension|dext|app)$/i, '').toLowerCase();
  if (!name || securityAgentName(name)) return !!name;
  const parts = name.split(/[._]/);
  // `com.jamf.protect`: the vendor's product; `com.example.protect` is not one
  if (parts.includes('jamf') && parts.includes('protect')) return true;
  return parts.some((t) => t !== 'protect' && MAC_SECURITY_WORDS.test(t));
}

/** kextunload, `kmutil unload` and `systemextensionsctl uninstall|reset`: a security extension out. */
function extensionOut(name: string, args: string[]): Finding[] {
  const pos = args.filter((a) => !a.startsWith('-'));
  const said = `${name} ${args.join(' ')}`;
  const unloads =
    name === 'kextunload' ||
    (name === 'kmutil' && pos[0] === 'unload') ||
    (name === 'systemextensionsctl' && pos[0] === 'uninstall');
  if (name === 'systemextensionsctl' && pos[0] === 'reset') return [['agent-off', said]];
  return unloads && pos.some(securityBundle) ? [['agent-off', said]] : [];
}

const FALSY = /^(0|false|no|off)$/i;
const TRUTHY = /^(1|true|yes|on)$/i;

/** Preference domain (basename, no `.plist`), key, the value test that means off, and the verb. */
const PREFS: [RegExp, RegExp, RegExp, string][] = [
  [/^com\.apple\.alf$/i, /^globalstate$/i, FALSY, 'firewall-off'],
  [/^SystemPolicy-prefs$/i, /^enabled$/i, FALSY, 'gatekeeper-off'],
  [/^com\.apple\.security$/i, /^GKAutoRearm$/i, FALSY, 'gatekeeper-off'],
  [/^com\.apple\.LaunchServices$/i, /^LSQuarantine$/i, FALSY, 'gatekeeper-off'],
  [/^com\.apple\.security\.libraryvalidation$/i, /^DisableLibraryValidation$/i, TRUTHY, 'hardening-off'],
  [/^com\.apple\.SoftwareUpdate$/i, /^(ConfigDataInstall|CriticalUpdateInstall)$/i, FALSY, 'antivirus-off'],
];

/** `defaults [-currentHost|-host H] write DOMAIN KEY [-TYPE] VALUE`. */
function defaultsWrite(args: string[]): Finding[] {
  const words = args.filter(
    (a, i) => !/^-(currentHost)$/.test(a) && !(args[i - 1] === '-host') && a !== '-host',
  );
  if (words[0] !== 'write') return [];
  const domain =
    (words[1] ?? '')
      .split('/')
      .pop()
      ?.replace(/\.plist$/, '') ?? '';
  const value = words.slice(3).find((w) => !/^-(int|integer|bool|boolean|string|float)$/.test(w)) ?? '';
  const hit = PREFS.find(([d, k, off]) => d.test(domain) && k.test(words[2] ?? '') && off.test(value));
  return hit ? [[hit[3], `defaults ${args.join(' ')}`]] : [];
}

/** Boot arguments that take code signing enforcement away (a value other than 0 where one is given). */
const SIGNING_OFF =
  /^(amfi_get_out_of_my_way|cs_enforcement_disable|amfi|amfi_allow_any_signature|amfi_unrestrict_task_for_pid)(=(.*))?$/;

/** `nvram boot-args=…` and `nvram csr-active-config=…`. */
function nvram(args: string[]): Finding[] {
  const out: Finding[] = [];
  for (const a of args) {
    const [name, value = ''] = a.split(/=(.*)/s, 2);
    if (name === 'boot-args') {
      const off = value.split(/\s+/).find((t) => {
        const m = SIGNING_OFF.exec(t);
        return m && !/^(0x)?0*$/i.test(m[3] ?? '1');
      });
      if (off) out.push(['hardening-off', `nvram boot-args ${off}`]);
    } else if (name === 'csr-active-config' && !/^(%00|0|\\x00)*$/i.test(value)) {
      out.push(['gatekeeper-off', `nvram csr-active-config=${value}`]);
    }
  }
  return out;
}

/**
 * `log config --mode MODES` (`level:off`, `persist:off`, comma- or space-separated, as one word
 * or several): logging off; `log erase` without `--ttl`: the log store deleted.
 */
function unifiedLog(args: string[]): Finding[] {
  const said = `log ${args.join(' ')}`;
  if (args[0] === 'erase')
    return args.includes('--ttl') || args.some((a) => /^(-h|--help)$/.test(a))
      ? []
      : [['logs-cleared', said]];
  if (args[0] !== 'config') return [];
  const modes: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const m = /^--mode(?:=(.*))?$/s.exec(args[i]);
    if (!m) continue;
    if (m[1] !== undefined) modes.push(m[1]);
    // `--mode level:off persist:off`: every word up to the next option
    else for (let j = i + 1; j < args.length && !args[j].startsWith('-'); j++) modes.push(args[j]);
  }
  const off = modes.flatMap((m) => m.split(/[\s,]+/)).some((m) => /^(level|persist):off$/i.test(m));
  return off ? [['logs-off', said]] : [];
}

/** What `name ARGS` (`name`: the program case-folded) switches off on macOS; empty = none. */
export function macosDefencesOff(name: string, args: string[]): Finding[] {
  if (name === 'defaults') return defaultsWrite(args);
  if (/^(kextunload|kmutil|systemextensionsctl)$/.test(name)) return extensionOut(name, args);
  if (name === 'log') return unifiedLog(args);
  return name === 'nvram' ? nvram(args) : [];
}
