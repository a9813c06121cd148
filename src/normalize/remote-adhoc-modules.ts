/**
 * Ansible modules whose ad-hoc run (`ansible HOSTS -m MODULE -a ARGS`) does what a host command
 * does, read as that command so the host readers judge it on the hosts (remote-adhoc.ts):
 * - ufw (`community.general.ufw`): `state=disabled` → `ufw disable`, `state=reset` → `ufw --force
 *   reset`, `default=allow` (`policy=`) → `ufw default allow [DIRECTION]`; its rules (`rule=allow
 *   port=22`) are not read here;
 * - service managers (`service`, `systemd`, `systemd_service`, `sysvinit`): `name=N state=stopped`
 *   → `systemctl stop N`, `enabled=no` → `systemctl disable N`, `masked=yes` → `systemctl mask N`
 *   (starting, restarting and reloading change nothing that is read);
 * - iptables: `flush=yes` → `iptables [-t TABLE] -F [CHAIN]`, `policy=ACCEPT chain=C` →
 *   `iptables -P C ACCEPT`;
 * - selinux (`ansible.posix.selinux`): `state=disabled|permissive` → `setenforce 0`.
 * ARGS are `key=value` words (quotes kept together) or a JSON object.
 */

/** A module's short name: its collection prefix dropped (`community.general.ufw` → `ufw`). */
const shortName = (mod: string) => mod.split('.').pop() ?? mod;

/** Values ansible reads as true / false. */
const TRUE = /^(yes|true|on|1|y)$/i;
const FALSE = /^(no|false|off|0|n)$/i;

/** The arguments of an ad-hoc run: `k=v k2='a b'` or a JSON object; keys lower-cased. */
export function moduleArgs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (/^\s*\{/.test(text)) {
    try {
      for (const [key, v] of Object.entries(JSON.parse(text) as Record<string, unknown>))
        out.set(key.toLowerCase(), String(v));
      return out;
    } catch {
      return out;
    }
  }
  for (const m of text.matchAll(/([\w-]+)=("[^"]*"|'[^']*'|\S*)/g))
    out.set(m[1].toLowerCase(), m[2].replace(/^(["'])([\s\S]*)\1$/, '$2'));
  return out;
}

/** The host commands a module's run amounts to (each an argv); empty = none read here. */
export function moduleCommands(mod: string, argsText: string): string[][] {
  const a = moduleArgs(argsText);
  const state = (a.get('state') ?? '').toLowerCase();
  switch (shortName(mod)) {
    case 'ufw': {
      const out: string[][] = [];
      if (state === 'disabled') out.push(['ufw', 'disable']);
      if (state === 'reset') out.push(['ufw', '--force', 'reset']);
      const policy = (a.get('default') ?? a.get('policy') ?? '').toLowerCase();
      if (policy === 'allow' || policy === 'accept')
        out.push(['ufw', 'default', 'allow', ...(a.get('direction') ? [a.get('direction')!] : [])]);
      return out;
    }
    case 'service':
    case 'systemd':
    case 'systemd_service':
    case 'sysvinit': {
      const name = a.get('name') ?? a.get('unit');
      if (!name) return [];
      const out: string[][] = [];
      if (state === 'stopped') out.push(['systemctl', 'stop', name]);
      if (FALSE.test(a.get('enabled') ?? '')) out.push(['systemctl', 'disable', name]);
      if (TRUE.test(a.get('masked') ?? '')) out.push(['systemctl', 'mask', name]);
      return out;
    }
    case 'iptables': {
      const table = a.get('table');
      const chain = a.get('chain');
      const out: string[][] = [];
      if (TRUE.test(a.get('flush') ?? ''))
        out.push(['iptables', ...(table ? ['-t', table] : []), '-F', ...(chain ? [chain] : [])]);
      const policy = (a.get('policy') ?? '').toUpperCase();
      if (policy === 'ACCEPT' && chain) out.push(['iptables', '-P', chain, 'ACCEPT']);
      return out;
    }
    case 'selinux':
      return state === 'disabled' || state === 'permissive' ? [['setenforce', '0']] : [];
    default:
      return [];
  }
}
