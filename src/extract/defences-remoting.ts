/**
 * Windows remote management loosened: the WinRM client told to trust every host
 * (`Set-Item WSMan:\localhost\Client\TrustedHosts -Value '*'`, `winrm set winrm/config/client
 * @{TrustedHosts="*"}`: it then authenticates to any server, with no proof of who that is),
 * and the WinRM service told to accept unencrypted traffic or Basic authentication
 * (`AllowUnencrypted`, `Auth\Basic` true, by `Set-Item WSMan:\…` or `winrm set`). A list of
 * named hosts or a domain's pattern (`*.corp.example`) is trusted on purpose and is not
 * reported; nor is turning remoting on (`Enable-PSRemoting`). Each finding is
 * [`hardening-off`, the words].
 */
import type { Finding } from './word-facts.js';

/** A setting (as a WSMan: path's end, or a winrm hashtable key) and the value that loosens it. */
const LOOSE: [RegExp, (v: string) => boolean][] = [
  [/TrustedHosts$/i, (v) => v.split(',').some((h) => h.trim() === '*')],
  [/AllowUnencrypted$/i, (v) => /^\$?true$/i.test(v)],
  [/(Auth[\\/]*)Basic$/i, (v) => /^\$?true$/i.test(v)],
];

const unquote = (v: string) => v.trim().replace(/^["']|["']$/g, '');

/** What `name ARGS` (`name`: the program case-folded, `.exe` dropped) loosens; empty = none. */
export function remotingLoosened(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  if (name === 'set-item') {
    const path = args.find((a) => /^wsman:/i.test(a)) ?? '';
    if (!path) return [];
    const at = args.findIndex((a) => /^-v(a(l(u(e)?)?)?)?$/i.test(a));
    const value = unquote(at >= 0 ? (args[at + 1] ?? '') : (args.filter((a) => !a.startsWith('-'))[1] ?? ''));
    return LOOSE.some(([k, off]) => k.test(path) && off(value)) ? [['hardening-off', said]] : [];
  }
  if (name === 'winrm' && /^(set|s)$/i.test(args[0] ?? '')) {
    // `winrm set winrm/config/client @{TrustedHosts="*"}`, `… /service/auth @{Basic="true"}`
    const where = args[1] ?? '';
    for (const [, k, v] of args
      .slice(2)
      .join(' ')
      .matchAll(/(\w+)\s*=\s*("[^"]*"|'[^']*'|[^;}\s]+)/g)) {
      const setting = k.toLowerCase() === 'basic' ? `${where}/Auth/Basic` : k;
      if (LOOSE.some(([re, off]) => re.test(setting) && off(unquote(v)))) return [['hardening-off', said]];
    }
  }
  return [];
}
