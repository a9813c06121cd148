/**
 * BSD hosts' guards switched off from the next boot in rc.conf by `sysrc`: the packet
 * filters (`pf_enable=NO`, `pflog_enable`, `firewall_enable` for ipfw, `ipfilter_enable`),
 * the audit daemon (`auditd_enable`) and the system log (`syslogd_enable`), set to NO or
 * removed (`sysrc -x pf_enable`: the default is off); and at once, a filter's service stopped
 * (`service pf stop|onestop`, also ipfw and ipfilter) or its kernel module unloaded
 * (`kldunload pf|ipfw|ipl`). Turning them on (`pf_enable=YES`), listing (`sysrc -a`) and other
 * services make no finding. Each finding is [verb, the words].
 */
import type { Finding } from './word-facts.js';

/** rc.conf knobs of guards, and the verb their switching off is. */
const KNOBS: [RegExp, string][] = [
  [/^(pf|pflog|firewall|ipfilter|ipfw|ipf)_enable$/, 'firewall-off'],
  [/^auditd_enable$/, 'audit-policy-off'],
  [/^syslogd_enable$/, 'logs-off'],
];

/** Packet filters as services or kernel modules. */
const FILTERS = /^(pf|ipfw|ipfilter|ipl|pflog)$/;

const knob = (name: string) => KNOBS.find(([re]) => re.test(name))?.[1];

/** What `name ARGS` (`name`: the program case-folded) switches off on a BSD; empty = none. */
export function rcDefencesOff(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  if (name === 'sysrc') {
    const removes = args.some((a) => /^-[a-zA-Z]*x$/.test(a));
    for (const a of args) {
      if (a.startsWith('-')) continue;
      const [k, v] = a.split(/=(.*)/s, 2);
      const verb = knob(k.replace(/[+-]$/, ''));
      if (verb && (v === undefined ? removes : /^["']?(no|false|off|0)["']?$/i.test(v)))
        return [[verb, said]];
    }
    return [];
  }
  if (name === 'service')
    return FILTERS.test(args[0] ?? '') && /^(one|force)?stop$/.test(args[1] ?? '')
      ? [['firewall-off', said]]
      : [];
  if (name === 'kldunload')
    return args.some((a) => FILTERS.test(a.replace(/\.ko$/, ''))) ? [['firewall-off', said]] : [];
  return [];
}
