/**
 * A host's guards and record switched off, beyond the daemons and audit rules cloud-host.ts
 * reads: mandatory access control loosened (AppArmor profiles disabled, set to complain or
 * removed; SELinux loosened: defences-selinux.ts), kernel hardening turned off by sysctl, a
 * security agent unloaded on macOS, Gatekeeper or System Integrity Protection off, the
 * macOS firewall off (pf, Shorewall, csf, APF and ipfw: defences-firewalls.ts), an endpoint
 * protection product switched off, a SIEM's indexed data wiped, the kernel's message buffer
 * cleared (`dmesg -C`), Secure Boot's signature checks turned off (`mokutil
 * --disable-validation`), FileVault's disk encryption turned off (`fdesetup disable`), and
 * the shell's own history switched off; a host's recovery taken away (defences-recovery.ts),
 * macOS guards off by preferences and NVRAM (defences-macos.ts), BSD filters, audit and
 * log off in rc.conf (defences-rc.ts), logging, audit and filter daemons stopped by other
 * systems' service managers (SMF, rcctl, runit, s6: defences-services.ts), WinRM loosened (defences-remoting.ts), SMB
 * weakened (defences-smb.ts),
 * the machine's script execution policy or password policy loosened (defences-policies.ts), the
 * login stack's lockout, second factor or password rules (PAM) switched off (defences-pam.ts); security switched off at the next boot by the kernel
 * command line is in defences-boot.ts. Windows' equivalents are in defences-windows.ts (AMSI's
 * scanning in defences-amsi.ts);
 * agents stopped by their own control programs and alerting silenced, in defences-agents.ts
 * (endpoint and vulnerability agents unregistered or reset by theirs: defences-edr.ts); a web
 * application's guards switched off from its admin console, in defences-apps.ts.
 * Read from each program's words into a CloudFact of service `host-defence` whose verb says
 * what was switched off.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { SECURITY_UNITS } from './cloud-host.js';
import { windowsDefencesOff } from './defences-windows.js';
import { exchangeAuditOff } from './defences-exchange.js';
import { amsiOff } from './defences-amsi.js';
import { agentsOff } from './defences-agents.js';
import { edrOff } from './defences-edr.js';
import { exploitDefencesOff } from './defences-exploit.js';
import { securityAgentName } from './security-agents.js';
import { bootDefencesOff } from './defences-boot.js';
import { firewallsOff } from './defences-firewalls.js';
import { tpmCleared } from './defences-tpm.js';
import { deviceFirewallOff } from './netdev-config.js';
import { appDefencesOff } from './defences-apps.js';
import { recoveryOff } from './defences-recovery.js';
import { macosDefencesOff, securityBundle } from './defences-macos.js';
import { rcDefencesOff } from './defences-rc.js';
import { serviceManagersOff } from './defences-services.js';
import { remotingLoosened } from './defences-remoting.js';
import { smbWeakened } from './defences-smb.js';
import { policiesLoosened } from './defences-policies.js';
import { pamLoosened } from './defences-pam.js';
import { selinuxLoosened } from './defences-selinux.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';

/** dmesg's options: those that take a value, and every long name (prefixes like `--cle` count). */
const DMESG: OptionSpec = {
  shortWithValue: 'FflnsS',
  longWithValue: [
    'file',
    'facility',
    'level',
    'console-level',
    'buffer-size',
    'time-format',
    'since',
    'until',
  ],
  long: [
    'clear',
    'read-clear',
    'console-off',
    'console-on',
    'show-delta',
    'decode',
    'follow',
    'follow-new',
    'human',
    'json',
    'kernel',
    'color',
    'nopager',
    'force-prefix',
    'raw',
    'syslog',
    'userspace',
    'notime',
    'ctime',
    'reltime',
    'help',
    'version',
  ],
};

/**
 * Kernel settings that harden the host, and the test of a value that weakens one (below the
 * hardened default): address randomisation, kernel pointers and the kernel log hidden,
 * ptrace limited to descendants, unprivileged BPF off, the JIT hardened, link and FIFO
 * protections, the lowest mappable address.
 */
const HARDENING: Record<string, (v: number) => boolean> = {
  'kernel.randomize_va_space': (v) => v < 2,
  'kernel.kptr_restrict': (v) => v === 0,
  'kernel.dmesg_restrict': (v) => v === 0,
  'kernel.yama.ptrace_scope': (v) => v === 0,
  'kernel.unprivileged_bpf_disabled': (v) => v === 0,
  'kernel.kexec_load_disabled': (v) => v === 0,
  'net.core.bpf_jit_harden': (v) => v === 0,
  'fs.protected_symlinks': (v) => v === 0,
  'fs.protected_hardlinks': (v) => v === 0,
  'fs.protected_regular': (v) => v === 0,
  'fs.protected_fifos': (v) => v === 0,
  'vm.mmap_min_addr': (v) => v === 0,
};

/** `sysctl [-w] KEY=VALUE…`: the hardening settings weakened (a key may be written with `/`). */
function sysctl(args: string[]): Finding[] {
  return args.flatMap((a): Finding[] => {
    const m = /^([\w./-]+)\s*=\s*(-?\d+)$/.exec(a);
    if (!m) return [];
    const key = m[1].replace(/\//g, '.');
    const weakens = Object.hasOwn(HARDENING, key) && HARDENING[key](Number(m[2]));
    return weakens ? [['hardening-off', a]] : [];
  });
}

/** Names (tokens of a launchd label or plist) of security and logging agents on macOS. */
const AGENT_TOKENS = new Set(
  (
    'osquery osqueryd crowdstrike falcon falcond santa santad auditd syslogd wazuh ossec xprotect mrt sentinelone ' +
    'sentinel cbdefense carbonblack sophos wdav mdatp cylance tanium velociraptor kandji jamfprotect'
  ).split(' '),
);

/** A launchd label or plist path of a security agent: one of its tokens names one. */
function securityAgent(w: string): boolean {
  const label = (w.split('/').pop() ?? '').replace(/\.plist$/, '').toLowerCase();
  return (
    label.split(/[.\-_]/).some((t) => AGENT_TOKENS.has(t) || SECURITY_UNITS.has(t)) ||
    securityAgentName(label) ||
    securityBundle(label)
  );
}

/** The history variables and the values that keep nothing (no file, no lines, every line ignored). */
const HISTORY_OFF = /^(HISTFILE=(\/dev\/null)?|(HISTSIZE|HISTFILESIZE|SAVEHIST)=0+|HISTIGNORE=\*)$/;

/** `set +o history`, `history -c`, `unset HISTFILE`, `export HISTSIZE=0` (see normalize/history-settings.ts). */
function history(name: string, cmd: NormalizedCommand): string | undefined {
  const args = cmd.argv.slice(1);
  if (name === 'set' && args.some((a, i) => a === '+o' && args[i + 1] === 'history')) return '+o history';
  if (
    name === 'shopt' &&
    args.some((a) => /^-[a-z]*u/.test(a)) &&
    args.some((a) => /^-[a-z]*o/.test(a)) &&
    args.includes('history')
  )
    return 'history off';
  if (name === 'history' && args.some((a) => /^-[a-z]*c/.test(a))) return 'history cleared';
  if (name === 'unset') return args.find((a) => a === 'HISTFILE');
  if (/^(export|declare|typeset|local|readonly)$/.test(name))
    return args.find((a, i) => !cmd.dynamicArgs.includes(i + 1) && HISTORY_OFF.test(a));
  return undefined;
}

/** What `cmd` switches off (see the header), as [verb, the words that say so]; empty = none. */
export function defencesOff(
  cmd: NormalizedCommand,
  ctx?: AnalyzeContext,
  all: NormalizedCommand[] = [],
): Finding[] {
  const name = cmd.program.toLowerCase();
  const args = cmd.argv.slice(1);
  const pos = args.filter((a) => !a.startsWith('-'));
  const said = args.join(' ');
  const found: Finding[] = [];
  switch (name) {
    case 'aa-disable':
    case 'aa-complain':
      if (pos.length) found.push(['mac-off', `${name} ${said}`]);
      break;
    case 'apparmor_parser':
      if (args.some((a) => /^(-[a-zA-Z]*R[a-zA-Z]*|--remove)$/.test(a))) found.push(['mac-off', said]);
      break;
    case 'semanage':
    case 'setsebool':
    case 'chcon':
      // SELinux loosened: a permissive domain, a weakening boolean, an unconfined label
      found.push(...selinuxLoosened(name, args));
      break;
    case 'sysctl':
      found.push(...sysctl(args));
      break;
    case 'launchctl':
      // `launchctl bootout|unload|disable|remove` of a security or logging agent
      if (/^(bootout|unload|disable|remove|kill)$/.test(pos[0] ?? '') && pos.slice(1).some(securityAgent))
        found.push(['agent-off', said]);
      break;
    case 'spctl':
      if (args.some((a) => /^--(master|global)-disable$/.test(a))) found.push(['gatekeeper-off', said]);
      break;
    case 'csrutil':
      if (pos[0] === 'disable' || (pos[0] === 'authenticated-root' && pos[1] === 'disable'))
        found.push(['gatekeeper-off', `csrutil ${said}`]);
      break;
    case 'socketfilterfw':
      if (args.some((a, i) => a === '--setglobalstate' && args[i + 1] === 'off'))
        found.push(['firewall-off', said]);
      break;
    case 'dmesg': {
      // `dmesg -C|--clear`, `-c|--read-clear`: the kernel ring buffer emptied (not `-n LEVEL`, `-l LIST`)
      const o = parseOptions(cmd.argv, 1, DMESG);
      if (hasAny(o, 'C', 'c', 'clear', 'read-clear')) found.push(['logs-cleared', `dmesg ${said}`]);
      break;
    }
    case 'mokutil':
      // `mokutil --disable-validation`: shim stops checking signatures (Secure Boot off) at the next boot
      if (args.includes('--disable-validation'))
        found.push(['hardening-off', 'mokutil --disable-validation']);
      break;
    case 'fdesetup':
      // `fdesetup disable`: FileVault decrypts the disk; whoever holds the machine reads it
      if (pos[0] === 'disable') found.push(['encryption-off', `fdesetup ${said}`]);
      break;
    case 'mdatp':
      // Microsoft Defender on Linux and macOS: `mdatp config real-time-protection --value disabled`
      if (pos[0] === 'config' && /^disabled?$/.test(pos[pos.length - 1] ?? ''))
        found.push(['antivirus-off', said]);
      break;
    case 'splunk':
      // `splunk clean eventdata|all|userdata …`: the indexed events (or everything) deleted
      if (pos[0] === 'clean') found.push(['siem-data-deleted', `splunk ${said}`]);
      // `splunk stop`: the indexer or forwarder no longer collects
      else if (pos[0] === 'stop') found.push(['agent-off', `splunk ${said}`]);
      break;
    default: {
      const off = history(name, cmd);
      if (off) found.push(['history-off', off]);
      found.push(...windowsDefencesOff(name, args, cmd.program), ...amsiOff(name, cmd));
      found.push(...firewallsOff(name, args), ...exchangeAuditOff(name, args, cmd.program));
      found.push(...agentsOff(name, args), ...edrOff(name, args), ...exploitDefencesOff(name, args));
      found.push(...appDefencesOff(cmd));
      found.push(...recoveryOff(name, args), ...macosDefencesOff(name, args));
      found.push(...rcDefencesOff(name, args), ...remotingLoosened(name, args));
      found.push(...policiesLoosened(name, args), ...smbWeakened(name, args));
      found.push(...pamLoosened(name, args));
      found.push(...serviceManagersOff(name, args), ...tpmCleared(name, args));
      if (ctx) found.push(...bootDefencesOff(cmd, ctx));
    }
  }
  // a router's or firewall's own filtering switched off by its configuration lines
  found.push(...deviceFirewallOff(cmd, all));
  return found;
}

export const extractDefences = wordExtractor(defencesOff, (cmd, verb, said) =>
  wordFact(cmd, 'host-defence', verb, said),
);
