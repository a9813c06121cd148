/**
 * Netcat and its clones: raw-socket clients that send their stdin to `HOST PORT` (or, with
 * `-l`, listen and serve it to whoever connects). Read by exfil-sinks.ts (what they send)
 * and shell-remote.ts (`-e CMD`: a shell handed to the network).
 * - `nc`, `netcat`, `nc.traditional`, `nc.openbsd`, `ncat` (nmap), `nc6`;
 * - `cryptcat` (netcat with a Twofish key, `-k SECRET`): the key hides nothing from its
 *   receiver, whoever runs the other end;
 * - `pwncat` (a netcat with reconnects and port forwards), `sbd` (a netcat with AES, `-k`).
 */

/** Netcat-like program → its options that take the next word as their value. */
export const NETCATS: Record<string, Set<string>> = {};

const NC_VALUED = '-w -p -s -i -q -x -X -e -c -I -O -T -V -W -P -g -G';
const add = (programs: string, valued: string) => {
  for (const p of programs.split(' ')) NETCATS[p] = new Set(valued.split(' '));
};
add('nc netcat nc.traditional nc.openbsd ncat nc6', NC_VALUED);
add('cryptcat sbd', `${NC_VALUED} -k -a`);
add(
  'pwncat',
  `${NC_VALUED} -C --crlf --self-inject -L --local -R --remote --reconn --reconn-wait --ping-init --ping-intvl --ping-word --ping-robin --safe-word --script-send --script-recv`,
);

/** True for a netcat-like program (see the header). */
export const isNetcat = (program: string): boolean => Object.hasOwn(NETCATS, program);

/**
 * Where a netcat-like command connects: its first operand (`HOST PORT`); undefined when it
 * listens (`-l`, also in a cluster: `-lvp`) or is no netcat. '' = no host given.
 */
export function netcatHost(program: string, argv: string[]): string | undefined {
  if (!isNetcat(program)) return undefined;
  const valued = NETCATS[program];
  const pos: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      if (valued.has(a)) i++;
    } else pos.push(a);
  }
  if (argv.some((a) => /^-[a-zA-Z]*l/.test(a) || a === '--listen')) return undefined;
  return pos[0] ?? '';
}

/** Long options of nc/ncat/netcat that take the next word as their value (`--wait 5`). */
const NC_LONG_VALUED = new Set(
  'source source-port wait idle-timeout proxy proxy-type proxy-auth exec sh-exec lua-exec output hex-dump max-conns allow allowfile deny denyfile ssl-cert ssl-key ssl-trustfile ssl-ciphers ssl-servername ssl-alpn send-only-delay delay unixsock'
    .split(' ')
    .map((o) => `--${o}`),
);
/** telnet's options that take the next word as their value (`-l USER`, `-e CHAR`, `-b ADDR`). */
const TELNET_VALUED = new Set(['-l', '-e', '-b', '-n', '-X', '-k', '-s']);

/** True when `word` given to the raw-socket `program` takes the next word as its value. */
export function takesValue(program: string, word: string): boolean {
  if (program === 'telnet') return TELNET_VALUED.has(word);
  if (program === 'socat') return SOCAT_VALUED.has(word);
  return (NETCATS[program] ?? NETCATS.nc).has(word) || NC_LONG_VALUED.has(word);
}

/**
 * The operands of a netcat-like or telnet command (`nc -w 1 cache 6379` → `cache 6379`): option
 * values are skipped, so a timeout is never read as the host.
 */
export function socketOperands(program: string, argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i + 1)];
    if (a.startsWith('-') && a !== '-') {
      if (!a.includes('=') && takesValue(program, a)) i++;
    } else out.push(a);
  }
  return out;
}

/** socat options that take the next word as their value when not joined (`-t 5`, `-lf FILE`, `-b 8192`). */
const SOCAT_VALUED = new Set(['-b', '-t', '-T', '-lf', '-lp', '-L', '-W', '-r', '-R', '-S']);

/** socat's two addresses (`-`, `TCP4-CONNECT:h:p`, `UNIX-CONNECT:/path`): its words that are no option or option value. */
export function socatAddresses(argv: string[]): string[] {
  return socketOperands('socat', argv);
}

/** A socat address that connects out: its kind (lower-case) and the rest up to its first `,` option. */
export const SOCAT_CONNECT =
  /^(tcp[46]?(?:-connect)?|openssl(?:-connect)?|ssl|unix-connect|unix-client|unix|local):([^,]*)/i;
