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

const NC_VALUED = '-w -p -s -i -q -x -X -e -c -I -O -T -V -W -P';
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
