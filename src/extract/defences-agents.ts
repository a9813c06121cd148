/**
 * Security and monitoring agents switched off through their own control programs, and alerting
 * silenced for (nearly) everything; defences.ts reads the host's other guards. Read from each
 * program's words:
 *
 * - `agent-off`: a security agent stopped, unloaded or uninstalled by its own CLI (`osqueryctl
 *   stop`, `fail2ban-client stop [JAIL]` or `unban --all`, `wazuh-control stop`, `sentinelctl
 *   unload`, `falconctl unload`, `elastic-agent uninstall`, `datadog-agent stop`, `suricatasc -c
 *   shutdown`, `zeekctl stop`, `jamf removeFramework|removeMdmProfile` (the device leaves management); `splunk stop` is read with splunk's other words in defences.ts).
 * - `alerts-off`: the monitoring that would tell someone switched off (`icinga2 feature disable
 *   notification|checker`, `monit unmonitor all`, `monit quit`) or an alert silence that selects
 *   by nothing but exclusion (`amtool silence add 'alertname=~".+"'`, `severity!=critical`; a
 *   silence of one named alert stays routine), or a Datadog downtime on scope `*` or every
 *   monitor muted (`dog monitor mute_all`); an uptime check paused by an uptime service's CLI
 *   (`pingdom pause CHECK`, `cronitor pause KEY`): unlike a silence or a downtime it has no end,
 *   so the outage it watches for is never reported.
 *
 * Status, listing, starting and reloading find nothing.
 */
import type { Finding } from './word-facts.js';

/**
 * Control programs of security agents, and the words (the first positional word, or the first
 * two) that stop one: the daemon, a jail or sensor stops guarding.
 */
const STOPS: Record<string, RegExp> = {
  osqueryctl: /^stop$/,
  'fail2ban-client': /^stop$|^unban --all$/,
  'wazuh-control': /^stop$/,
  'ossec-control': /^stop$/,
  sentinelctl: /^(unload|unprotect|control stop|control unload)$/,
  falconctl: /^(unload|uninstall)$/,
  'elastic-agent': /^uninstall$/,
  'datadog-agent': /^stop$/,
  suricatasc: /^shutdown$/,
  // the network sensors' cluster control (Zeek, its former name Bro): every worker stops capturing
  zeekctl: /^stop$/,
  broctl: /^stop$/,
  // the Jamf management framework (and with it the inventory, policies and the security
  // settings it enforces) or the MDM profile removed from the Mac
  jamf: /^(removeFramework|removeMdmProfile)$/,
};

/** CLIs of uptime-check services (Pingdom, UptimeRobot, StatusCake, Better Stack, Cronitor, Healthchecks.io, Checkly, Uptime Kuma, updown.io). */
const UPTIME_CLI =
  /^(pingdom|pingdom-cli|uptimerobot|uptimerobot-cli|statuscake|betteruptime|better-uptime|betterstack|cronitor|healthchecks|hc|hcctl|checkly|uptime-kuma|kuma|updown)$/;
/** Their verbs that pause or switch a check off. */
const PAUSE = /^(pause|pause-check|pause-checks|pause-monitor|mute|disable|deactivate|unmonitor)$/;

/** Icinga 2 features whose disabling stops checks or the notifications that tell someone. */
const ICINGA_ALERTING = /^(notification|checker)$/;

/** Alert names no real alert rule fails to have: a matcher that lets every one of them through. */
const SAMPLE_ALERTS = ['HighCPU', 'x', 'Watchdog', 'KubePodCrashLooping', 'disk_full-1'];

/** A matcher `name OP value` of a silence (`alertname=~".+"`, `severity!="info"`). */
const MATCHER = /^\s*([A-Za-z_][\w.]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** The regex of a matcher's value, anchored as Alertmanager anchors it; undefined = not a valid one. */
function anchored(value: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${value})$`);
  } catch {
    return undefined;
  }
}

/**
 * True when a matcher selects by nothing: a regex every alert name matches, or a negative one
 * (`!=`, `!~`: everything but what it names).
 */
function selectsNothing(m: string): boolean {
  const hit = MATCHER.exec(m);
  if (!hit) return false; // a bare word is `alertname=WORD`: one alert
  const [, , op, raw] = hit;
  const value = raw.replace(/^(["'])(.*)\1$/, '$2');
  if (op === '!=' || op === '!~') return true;
  if (op === '=') return false;
  const re = anchored(value);
  // fail closed: a regex that cannot be read may match everything
  return re === undefined || SAMPLE_ALERTS.every((a) => re.test(a));
}

/** `amtool silence add MATCHER…`: the matchers (braces and commas of one group split). */
function silenceMatchers(pos: string[]): string[] | undefined {
  const at = pos.findIndex((w, i) => w === 'add' && pos[i - 1] === 'silence');
  if (at < 0) return undefined;
  return pos
    .slice(at + 1)
    .flatMap((w) => w.replace(/^\{|\}$/g, '').split(/,(?=\s*[A-Za-z_][\w.]*\s*(?:=~|!~|!=|=))/))
    .filter((w) => w.trim() !== '');
}

/** amtool's options that take a value as the next word. */
const AMTOOL_VALUED =
  /^(--(alertmanager\.url|duration|comment|author|start|end|config\.file|output|timeout)|-[acdo])$/;

/** The positional words of amtool (option values written apart left out). */
function amtoolWords(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('-') && !AMTOOL_VALUED.test(args[i - 1] ?? ''));
}

/** What `name args` switches off (see the header), as [verb, the words that say so]; empty = none. */
export function agentsOff(name: string, args: string[]): Finding[] {
  const pos = args.filter((a) => !a.startsWith('-'));
  const said = `${name} ${args.join(' ')}`;
  const stop = Object.hasOwn(STOPS, name) ? STOPS[name] : undefined;
  if (stop) {
    // the verb is the first word, or the second when the first may be an option's value
    // (`fail2ban-client -c /etc/fail2ban stop`)
    const words = args.filter((a) => a === '--all' || !a.startsWith('-'));
    const from = /^-[a-zA-Z]$/.test(args[args.indexOf(words[0]) - 1] ?? '') ? [0, 1] : [0];
    const candidates = from.flatMap((i) => [words[i] ?? '', words.slice(i, i + 2).join(' ')]);
    return candidates.some((w) => stop.test(w)) ? [['agent-off', said]] : [];
  }
  switch (name) {
    case 'icinga2':
      return pos[0] === 'feature' && pos[1] === 'disable' && pos.slice(2).some((f) => ICINGA_ALERTING.test(f))
        ? [['alerts-off', said]]
        : [];
    case 'monit':
      return (pos[0] === 'unmonitor' && pos[1] === 'all') || pos[0] === 'quit' ? [['alerts-off', said]] : [];
    case 'amtool': {
      const matchers = silenceMatchers(amtoolWords(args));
      return matchers?.length && matchers.every(selectsNothing) ? [['alerts-off', said]] : [];
    }
    case 'dog':
      // `dog downtime post '*' START`, `dog monitor mute_all`: every monitor of every host muted
      return (pos[0] === 'downtime' && pos[1] === 'post' && pos[2] === '*') ||
        (pos[0] === 'monitor' && pos[1] === 'mute_all')
        ? [['alerts-off', said]]
        : [];
    default:
      // `pingdom pause CHECK`, `cronitor monitor pause KEY`: the verb among the first two words
      return UPTIME_CLI.test(name) && pos.slice(0, 2).some((w) => PAUSE.test(w))
        ? [['alerts-off', said]]
        : [];
  }
}
