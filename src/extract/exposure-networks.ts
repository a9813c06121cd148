/**
 * The network allowlist of a managed database, cluster endpoint or cloud firewall opened to
 * every address, read by what the options say for any program:
 *
 * - an allowlist option whose list covers every address (`gcloud sql instances patch
 *   --authorized-networks=0.0.0.0/0`, `--master-authorized-networks`, alloydb's
 *   `--authorized-external-networks`, `az aks update --api-server-authorized-ip-ranges`,
 *   `hcloud firewall add-rule --source-ips`, an `--allow-list`);
 * - an address key inside a structured value (`aws eks update-cluster-config
 *   --resources-vpc-config publicAccessCidrs=0.0.0.0/0`, `doctl databases firewalls append
 *   --rule ip_addr:0.0.0.0/0`);
 * - an address range from a start to an end (`az postgres|mysql|sql server firewall-rule create
 *   --start-ip-address 0.0.0.0 --end-ip-address 255.255.255.255`, `az postgres flexible-server
 *   create --public-access 0.0.0.0-255.255.255.255` or `All`).
 *
 * "Every address" is a list or range covering at least half of the IPv4 space (`0.0.0.0/0`,
 * `0.0.0.0/1,128.0.0.0/1`), an IPv6 prefix of length 0 or 1 (`::/0`), or a word meaning anyone
 * (`*`, `any`, `internet`, `all`). A private range (`10.0.0.0/8`), one address, or Azure's
 * `0.0.0.0`–`0.0.0.0` (its own services) is not. A command whose words say it takes a rule
 * away (`revoke…`, `delete`, `remove`), or naming only the web ports (`--port 443`), opens
 * nothing here. Findings are of kind `network`; an allowlist, range or address key whose value
 * is known only at run time (`--authorized-networks="$NETS"`) is of kind `dynamic` (fail
 * closed: it may be every address).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { dynamicValue, optionPairs } from './cloud-argv.js';
import type { Finding } from './word-facts.js';

/** Options whose value is the list of addresses let in (name without the leading dashes). */
const ALLOWLIST =
  /^(master-)?authori[sz]ed-(external-)?networks$|^(api-server-)?authori[sz]ed-ip-ranges$|^allow[-_]?list$|^allowed-(ips|ip-ranges|cidrs)$|^source-ips$|^trusted-sources$/i;
/** Keys of a structured value (`k=v`, `k:v`, `"k": v`) whose value is the addresses let in. */
const ADDRESS_KEY = /^(publicAccessCidrs|ip_addr|sourceRanges|authorizedNetworks)$/i;
/** A key of a structured value, where it starts a word or follows `,`, `{`, `[`, `(` or a space. */
const KEY_AT = /(?:^|[\s,{[(])"?([A-Za-z_]+)"?\s*[=:]/g;
/** Start and end options of an address range (`--start-ip-address`, `--end-ip`). */
const RANGE_START = /^--start-ip(-address)?$/i;
const RANGE_END = /^--end-ip(-address)?$/i;
/** An option whose value is a range or `All` (Azure flexible servers' `--public-access`). */
const RANGE_OPT = /^--public-access$/i;
/** Words of a list that mean anyone. */
const ANYONE = /^(\*|any|internet|all)$/i;
/** Words saying a rule is taken away. */
const CLOSES = /^(revoke|delete|remove|rm)([-_]|$)/i;
/** Ports meant to be public (a web server): a rule naming only these opens no private service. */
const WEB_PORT = /^(80|443)$/;
/** Half of the IPv4 space: a list covering at least this much lets everyone in. */
const HALF_V4 = 2 ** 31;

/** An IPv4 address as a number; undefined = not one. */
function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** How many IPv4 addresses one entry covers (a CIDR, an address); IPv6 `/0`, `/1` and anyone: Infinity. */
function entrySize(entry: string): number {
  const e = entry.replace(/^["'[{(]+|["'\]})]+$/g, '');
  if (ANYONE.test(e)) return Infinity;
  const m = /^([\d.]+|[\da-f:]*:[\da-f:]*)(?:\/(\d{1,3}))?$/i.exec(e);
  if (!m) return 0;
  const prefix = m[2] === undefined ? undefined : Number(m[2]);
  if (m[1].includes(':')) return prefix !== undefined && prefix <= 1 ? Infinity : 0;
  if (ipv4(m[1]) === undefined) return 0;
  return prefix === undefined ? 1 : prefix <= 32 ? 2 ** (32 - prefix) : 0;
}

/** True when a list of entries (comma, semicolon or space separated) lets every address in. */
export function coversEveryone(list: string): boolean {
  const sizes = list
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(entrySize);
  return sizes.reduce((a, b) => a + b, 0) >= HALF_V4;
}

/** True when an address range `start`–`end` (or `start-end` in one word) covers every address. */
function rangeCoversEveryone(start: string, end: string): boolean {
  const a = ipv4(start.trim());
  const b = ipv4(end.trim());
  return a !== undefined && b !== undefined && b - a + 1 >= HALF_V4;
}

/** True when an address key of a structured word has a value covering every address (it ends where the next key starts). */
function keyedEveryone(word: string): boolean {
  const keys = [...word.matchAll(KEY_AT)];
  return keys.some((m, i) => {
    if (!ADDRESS_KEY.test(m[1])) return false;
    const value = word.slice((m.index ?? 0) + m[0].length, keys[i + 1]?.index ?? word.length);
    return coversEveryone(value.replace(/[[\]{}()"']/g, ' '));
  });
}

/** True when a structured word has an address key (`publicAccessCidrs=$CIDRS`). */
const keyedAddress = (word: string) => [...word.matchAll(KEY_AT)].some((m) => ADDRESS_KEY.test(m[1]));

/**
 * The allowlists `cmd` opens to every address, or sets from values known only at run time
 * (see the header); empty = none.
 */
export function openAllowlists(cmd: NormalizedCommand): Finding[] {
  const argv = cmd.argv;
  if (argv.slice(1).some((a) => CLOSES.test(a))) return [];
  const found: Finding[] = [];
  const opts = optionPairs(argv);
  const ports = opts.filter(([o]) => /^--(port|ports|dst-port)$/i.test(o)).flatMap(([, v]) => v.split(','));
  if (ports.length > 0 && ports.every((p) => WEB_PORT.test(p.trim()))) return [];
  let start = '';
  let end = '';
  for (const [o, v] of opts) {
    const name = o.replace(/^-+/, '');
    const addresses = ALLOWLIST.test(name) || RANGE_START.test(o) || RANGE_END.test(o) || RANGE_OPT.test(o);
    if (addresses && dynamicValue(cmd, v)) found.push(['dynamic', `${o} ${v}`]);
    if (ALLOWLIST.test(name) && coversEveryone(v)) found.push(['network', `${o} ${v}`]);
    if (RANGE_START.test(o)) start = v;
    if (RANGE_END.test(o)) end = v;
    if (RANGE_OPT.test(o)) {
      const [a, b] = v.split('-');
      if (/^all$/i.test(v) || (b !== undefined && rangeCoversEveryone(a, b)))
        found.push(['network', `${o} ${v}`]);
    }
  }
  if (start && end && rangeCoversEveryone(start, end))
    found.push(['network', `--start-ip-address ${start} --end-ip-address ${end}`]);
  for (const [i, a] of argv.entries()) {
    if (i > 0 && keyedEveryone(a)) found.push(['network', a]);
    else if (cmd.dynamicArgs.includes(i) && keyedAddress(a)) found.push(['dynamic', a]);
  }
  return found;
}
