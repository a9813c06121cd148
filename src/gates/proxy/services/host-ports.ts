/**
 * TCP ports listening on the host's loopback (127.0.0.1, ::1, or every address), read from
 * /proc/net/tcp{,6} of this network namespace. Used at session start to name, inside the
 * sandbox, the host services that were not declared (src/gates/proxy/services/explain.ts).
 */
import { tcpRows } from '../attribute.js';

/** Local addresses that accept loopback connections: 127.0.0.0/8, 0.0.0.0, ::1, ::, ::ffff:127.x. */
function loopbackReachable(hexAddr: string): boolean {
  if (hexAddr.length === 8) return hexAddr === '00000000' || hexAddr.endsWith('7F');
  return (
    /^0{32}$/.test(hexAddr) ||
    hexAddr === '00000000000000000000000001000000' ||
    /^0000000000000000FFFF0000[0-9A-F]{6}7F$/.test(hexAddr)
  );
}

/** The listening ports, sorted, at most `max`. `procNet`: whose namespace (default ours). */
export function listeningLoopbackPorts(procNet = '/proc/net', max = 200): number[] {
  const ports = new Set<number>();
  for (const f of tcpRows(procNet)) {
    if (f.length < 4 || f[3] !== '0A') continue; // 0A = LISTEN
    const [addr, port] = f[1].split(':');
    if (addr && port && loopbackReachable(addr)) ports.add(parseInt(port, 16));
  }
  return [...ports].sort((a, b) => a - b).slice(0, max);
}
