/**
 * Network devices wiped or restarted through a device library in code: netmiko's and scrapli's
 * `send_command("write erase")`, `send_config_set([…])`, napalm's `cli([…])`, paramiko's or
 * asyncssh's `exec_command("request system zeroize")`, ssh2's `conn.exec(…)`, Junos PyEZ's
 * `SW(dev).zeroize()` / `reboot()`, ncclient's `delete_config(target=…)`. In code that loads such
 * a library, a string that is one of a device OS's commands that erase its configuration or
 * storage, reset it to the factory, or reload it (Cisco IOS/NX-OS, Arista EOS, Junos, Huawei,
 * H3C, Aruba/HPE, MikroTik) is sent to the device: each becomes a generic cloud fact of the
 * library (`saas/unknown-cli-destroy` asks). Read commands that name the same words (`show
 * reload`, `dir flash:`) are not device commands of that kind. Pure; reads the code's text.
 */
import type { CloudDraft } from './cloud-argv.js';

/** Code that loads a library that logs in to network devices (Python or JavaScript). */
const DEVICE_LIBRARY =
  /\b(?:import|from)\s+(netmiko|napalm|paramiko|ncclient|scrapli(?:_netconf|_community)?|jnpr\.junos|pyeapi|nornir(?:_\w+)?|asyncssh|pexpect|Exscript|netdev|pan(?:os)?|librouteros|routeros_api)\b|\brequire\s*\(\s*['"](ssh2|node-ssh|ssh2-promise|netconf)['"]|\bfrom\s+['"](ssh2|node-ssh|ssh2-promise)['"]/;

/**
 * A device command that erases the configuration or storage, resets to the factory, or
 * reloads (one line, case-insensitive, leading spaces ignored).
 */
const DEVICE_COMMAND = new RegExp(
  [
    String.raw`wr(?:ite)?\s+erase\b`,
    String.raw`erase\s+(?:startup-config|nvram:?|flash:|bootflash:|slot\d*:|disk\d*:|usb\w*:|/all\b|config(?:uration)?\b|saved-configuration)`,
    String.raw`erase\s*$`,
    String.raw`format\s+(?:flash|bootflash|nvram|disk\d*|slot\d*|usb\w*|sd\w*|logflash|cfcard):`,
    String.raw`delete\s+(?:/(?:force|recursive|noconfirm|unreserved)\s+)*(?:flash|bootflash|nvram|disk\d*|slot\d*|usb\w*|logflash|cfcard):`,
    String.raw`reload\b(?!\s+cancel)`,
    String.raw`request\s+system\s+(?:zeroize|reboot|halt|power-off|software\s+delete)`,
    String.raw`load\s+factory-default`,
    String.raw`reset\s+(?:saved-configuration|factory)`,
    String.raw`factory-?reset|restore\s+factory-default|system\s+reset-configuration|/system\s+reset-configuration`,
    String.raw`system\s+(?:reboot|shutdown)\b`,
    String.raw`clear\s+config(?:uration)?\s+all`,
    String.raw`reboot\b`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'i',
);
/** A device command at the start of a line, also run from configuration mode (`do write erase`). */
const LINE = new RegExp(`^\\s*(?:do\\s+)?(?:${DEVICE_COMMAND.source})`, 'i');

/** Library methods that wipe or restart a device themselves (Junos PyEZ's SW utility, NETCONF's delete-config). */
const DEVICE_METHOD = /\.\s*(zeroize|reboot|poweroff|halt|delete_config|deleteConfig)\s*\(/g;

/** The string literals of the code (one-line quoted strings). */
const LITERAL = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;

/** A host the code names (`host="sw1"`, `connect("sw1", …)`, a literal that looks like a host name); '' = none. */
function hostOf(code: string): string {
  const m =
    /\b(?:host(?:name)?|ip)['"]?\s*[=:]\s*['"]([\w.-]+)['"]/.exec(code) ??
    /\b(?:connect|Device|ConnectHandler)\s*\(\s*['"]([\w.-]+)['"]/.exec(code);
  return m?.[1] ?? '';
}

/** The wipes and reloads of network devices that `code` sends (see the header). */
export function netDeviceCalls(code: string): CloudDraft[] {
  const lib = DEVICE_LIBRARY.exec(code);
  if (!lib) return [];
  const tool = (lib[1] ?? lib[2] ?? 'device-library').split('.')[0];
  const resource = hostOf(code);
  const out: CloudDraft[] = [];
  const seen = new Set<string>();
  const add = (verb: string) => {
    if (seen.has(verb)) return;
    seen.add(verb);
    out.push({ tool, service: '', verb, resource, all: false, force: false, generic: true });
  };
  for (const m of code.matchAll(LITERAL))
    for (const line of m[2].split(/\\n|\\r/)) {
      const c = LINE.exec(line);
      if (c)
        add(
          c[0]
            .trim()
            .replace(/^do\s+/i, '')
            .toLowerCase()
            .replace(/\s+/g, '-')
            .replace(/:$/, ''),
        );
    }
  for (const m of code.matchAll(DEVICE_METHOD)) add(m[1].replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
  return out;
}
