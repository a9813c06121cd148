/**
 * The host's logging, audit, firewall or security daemons stopped or disabled through the
 * service managers of other systems (systemctl, service and rc-service are read in
 * cloud-host.ts; launchctl in defences.ts; rc.conf knobs in defences-rc.ts):
 * - Solaris and illumos SMF: `svcadm disable [-st] FMRI…`, `svcadm mark maintenance|degraded
 *   FMRI…`, `svccfg delete [-f] FMRI`, `svccfg -s FMRI delete`, `svccfg -s FMRI setprop
 *   general/enabled = false` (an FMRI `svc:/system/auditd:default` names `auditd`);
 * - OpenBSD's `rcctl stop|disable NAME…` and `rcctl set NAME status off`; the boot links of
 *   OpenRC (`rc-update del NAME`), Debian (`update-rc.d NAME disable|remove`) and Red Hat
 *   (`chkconfig NAME off`, `chkconfig --del NAME`);
 * - runit's `sv down|stop|d|exit|x|kill|k|force-stop|force-shutdown|shutdown NAME…` (also
 *   Void's `vsv`), s6's `s6-svc -d|-D|-x|-X DIR…` and `s6-rc -d change NAME…`;
 * - upstart's `initctl stop NAME`, the BSDs' and macOS's `audit -t` (the audit daemon
 *   terminated) and `syslog-ng-ctl stop`.
 * A daemon is protected when cloud-host.ts's SECURITY_UNITS or an endpoint agent's name
 * (security-agents.ts) names it, or it is one of the BSD, Solaris and small Linux systems' own
 * (LOGGERS, AUDITORS, FILTERS below). Each finding is [verb, the words]: `firewall-off` for a
 * packet filter, `logs-off` for a logger, `audit-policy-off` for the audit daemon, `agent-off`
 * for the rest. Status, listing, (re)starting and other daemons give nothing.
 */
import type { Finding } from './word-facts.js';
import { SECURITY_UNITS } from './cloud-host.js';
import { securityAgentName } from './security-agents.js';
import { parseOptions } from './fs-options.js';
import { optionWord } from './help-words.js';

/** Loggers by the names these systems give their services (`system-log` is SMF's). */
const LOGGERS =
  /^(r?syslog(d|-ng)?|syslog-ng-ctl|klogd|sysklogd|metalog|socklog(-unix|-klog)?|system-log|systemd-journald|journald|busybox-syslogd|nxlog|logd)$/;
/** The audit daemon and its distribution. */
const AUDITORS = /^(auditd?|auditdistd)$/;
/** Packet filters (OpenBSD's `pf`, IPFilter, NPF, ipfw, SMF's `ipfilter`, Shorewall, ufw …). */
const FILTERS =
  /^(pf|pflogd?|ipfilter|ipf|npf|ipfw|firewall|firewalld|ufw|nftables|iptables|ip6tables|netfilter-persistent|shorewall6?(-lite)?|csf|apf)$/;

/**
 * The service a word names: an SMF FMRI's service (`svc:/system/auditd:default` → auditd,
 * `network/ipfilter` → ipfilter), a supervision directory's last part (`/run/service/syslogd`
 * → syslogd), a unit suffix dropped; '' = none.
 */
export function serviceName(w: string): string {
  return (
    w
      .replace(/^svc:\/*/, '')
      .replace(/:[^/]*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? ''
  )
    .replace(/\.(service|socket)$/, '')
    .toLowerCase();
}

/** The verb a protected service's stop is; undefined = not protected. */
export function protectedVerb(w: string): string | undefined {
  const name = serviceName(w);
  if (!name) return undefined;
  if (FILTERS.test(name)) return 'firewall-off';
  if (LOGGERS.test(name)) return 'logs-off';
  if (AUDITORS.test(name)) return 'audit-policy-off';
  return SECURITY_UNITS.has(name) || securityAgentName(name) ? 'agent-off' : undefined;
}

/** The first protected service among `names`, as a finding with the words said. */
function stopped(names: string[], said: string): Finding[] {
  for (const n of names) {
    const verb = protectedVerb(n);
    if (verb) return [[verb, said]];
  }
  return [];
}

/** runit's verbs that take a service down (or its supervisor with it). */
const SV_DOWN = /^(down|d|stop|exit|x|kill|k|force-stop|force-shutdown|shutdown)$/;

/** What `name ARGS` (`name`: the program case-folded) stops or disables (see the header); empty = none. */
export function serviceManagersOff(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  // help (`--help`, `-h`, `-?`) as an option, not another option's value or after `--` (help-words.ts)
  if (optionWord(['', ...args], (a) => a === '--help' || a === '-h' || a === '-?')) return [];
  switch (name) {
    case 'svcadm': {
      // `svcadm [-v] [-z ZONE | -Z] VERB [opts] FMRI…`
      const o = parseOptions(['svcadm', ...args], 1, { shortWithValue: 'z' });
      const [verb, ...rest] = o.operands.map((i) => args[i - 1]);
      if (verb === 'disable') return stopped(rest, said);
      if (verb === 'mark' && /^(maintenance|degraded)$/.test(rest[0] ?? ''))
        return stopped(rest.slice(1), said);
      return [];
    }
    case 'svccfg': {
      // `svccfg [-v] [-s FMRI] [-f FILE] delete [-f] [FMRI]`, `svccfg -s FMRI setprop
      // general/enabled = false` (the global options end at the subcommand)
      const o = parseOptions(['svccfg', ...args], 1, { shortWithValue: 'sf', stopAtOperand: true });
      const selected = o.values.get('s') ?? [];
      const words = o.operands.map((i) => args[i - 1]);
      if (words[0] === 'delete')
        return stopped([...words.slice(1).filter((w) => !w.startsWith('-')), ...selected], said);
      const set = words.join(' ').replace(/\s+/g, '');
      if (words[0] === 'setprop' && /^setpropgeneral\/enabled=(boolean:)?false$/i.test(set))
        return stopped(selected, said);
      return [];
    }
    case 'rc-update': {
      // OpenRC: `rc-update del|delete NAME [RUNLEVEL…]`: not started at boot any more
      const words = args.filter((a) => !a.startsWith('-'));
      return /^(del|delete)$/.test(words[0] ?? '') ? stopped(words.slice(1, 2), said) : [];
    }
    case 'update-rc.d': {
      // Debian's sysv links: `update-rc.d [-f] NAME disable|remove`
      const words = args.filter((a) => !a.startsWith('-'));
      return /^(disable|remove)$/.test(words[1] ?? '') ? stopped(words.slice(0, 1), said) : [];
    }
    case 'chkconfig': {
      // Red Hat's and SUSE's sysv links: `chkconfig [--level N] NAME off`, `chkconfig --del NAME`
      const del = args.indexOf('--del');
      if (del >= 0) return stopped(args.slice(del + 1, del + 2), said);
      const words = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--level');
      return words[1] === 'off' ? stopped(words.slice(0, 1), said) : [];
    }
    case 'rcctl': {
      const words = args.filter((a) => !a.startsWith('-'));
      if (words[0] === 'stop' || words[0] === 'disable') return stopped(words.slice(1), said);
      if (words[0] === 'set' && words[2] === 'status' && words[3] === 'off') return stopped([words[1]], said);
      return [];
    }
    case 'sv':
    case 'vsv': {
      const o = parseOptions([name, ...args], 1, { shortWithValue: 'w' });
      const [verb, ...rest] = o.operands.map((i) => args[i - 1]);
      return SV_DOWN.test(verb ?? '') ? stopped(rest, said) : [];
    }
    case 's6-svc': {
      // `-wd`, `-wD`: wait for an event (the letter is -w's value), not a command
      const o = parseOptions(['s6-svc', ...args], 1, { shortWithValue: 'wTs' });
      const down = ['d', 'D', 'x', 'X'].some((f) => o.flags.has(f));
      return down
        ? stopped(
            o.operands.map((i) => args[i - 1]),
            said,
          )
        : [];
    }
    case 's6-rc': {
      const o = parseOptions(['s6-rc', ...args], 1, { shortWithValue: 'vtln' });
      const words = o.operands.map((i) => args[i - 1]);
      if (!(o.flags.has('d') || o.flags.has('D')) || words[0] !== 'change') return [];
      // `s6-rc -da change`: every service brought down, the loggers with them
      if (o.flags.has('a')) return [['logs-off', said]];
      return stopped(words.slice(1), said);
    }
    case 'initctl': {
      const words = args.filter((a) => !a.startsWith('-'));
      return words[0] === 'stop' ? stopped(words.slice(1), said) : [];
    }
    case 'audit':
      // BSD / macOS / Solaris `audit -t`: the audit daemon terminated (`-s`, `-n` resync and rotate)
      return args.some((a) => /^-[a-z]*t/.test(a)) ? [['audit-policy-off', said]] : [];
    case 'syslog-ng-ctl':
      return args.find((a) => !a.startsWith('-') && !/^\//.test(a)) === 'stop' ? [['logs-off', said]] : [];
    default:
      return [];
  }
}
