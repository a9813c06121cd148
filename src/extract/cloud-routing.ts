/**
 * Network daemons' configuration changed so that traffic stops: FRR/Quagga's `vtysh -c LINE …`
 * removing or shutting a BGP/OSPF neighbour, a routing process, an interface or a static route
 * (`no neighbor X`, `neighbor X shutdown`, `no router bgp N`, `shutdown` under an interface,
 * `no ip route …`) or hard-resetting every session (`clear ip bgp *`); BIRD's `birdc disable
 * PROTO|all`, `birdc down`; GoBGP's `gobgp neighbor del X`, `gobgp neighbor X disable`; Open
 * vSwitch's `ovs-vsctl del-br|del-port|del-bond` and `ovs-ofctl del-flows` (a bridge, port or
 * its flows gone). Showing, listing, pinging and adding find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** A vtysh configuration line that takes a session, a process, an interface or a route away. */
const VTYSH_DOWN =
  /^(no (neighbor|router|interface|ip route|ipv6 route|network|vrf)\b|neighbor \S+ shutdown\b|shutdown\b|clear (ip |ipv6 )?bgp (\S+ )?\*)/;

const draft = (cmd: NormalizedCommand, resource: string): CloudDraft => ({
  tool: cmd.program,
  service: 'network',
  verb: 'down',
  resource,
  all: false,
  force: true,
});

/** The lines `vtysh` runs: each `-c LINE` / `--command LINE` / `-cLINE`; empty = none. */
function vtyshLines(argv: string[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--command') lines.push(argv[++i] ?? '');
    else if (/^--command=/.test(a)) lines.push(a.slice(10));
    else if (/^-c./.test(a)) lines.push(a.slice(2));
  }
  return lines.flatMap((l) => l.split(/\n/)).map((l) => l.trim().toLowerCase());
}

/** What `cmd` stops of the network through a routing or switching daemon (see the header); undefined = nothing. */
export function readRoutingDown(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  switch (cmd.program) {
    case 'vtysh': {
      const line = vtyshLines(cmd.argv).find((l) => VTYSH_DOWN.test(l));
      return line === undefined ? undefined : draft(cmd, line);
    }
    case 'birdc':
    case 'birdc6':
    case 'birdcl': {
      // the first command word, wherever an option's value (`-s SOCKET`) put it
      const at = pos.findIndex((w) => w === 'disable' || w === 'down');
      return at < 0 ? undefined : draft(cmd, pos.slice(at).join(' '));
    }
    case 'gobgp': {
      // `neighbor` after the global options and their values (`-u HOST -p PORT`)
      const at = pos.indexOf('neighbor');
      const [verb, third] = [pos[at + 1], pos[at + 2]];
      if (at >= 0 && (verb === 'del' || /^(disable|shutdown)$/.test(third ?? '')))
        return draft(cmd, pos.slice(at + 1).join(' '));
      return undefined;
    }
    case 'ovs-vsctl': {
      const at = pos.findIndex((w) => /^del-(br|port|bond)$/.test(w));
      return at < 0 ? undefined : draft(cmd, pos.slice(at).join(' '));
    }
    case 'ovs-ofctl':
      return pos[0] === 'del-flows' ? draft(cmd, pos.slice(1).join(' ')) : undefined;
    default:
      return undefined;
  }
}
