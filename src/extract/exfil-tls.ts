/**
 * TLS clients that send their stdin to the host they connect to, like nc over TLS:
 * `gnutls-cli [-p PORT] HOST`, `openssl s_client -connect HOST:PORT` (or `-host HOST`, or
 * `HOST:PORT` as the operand), and ncat/nc with `--ssl` (read with nc in exfil-sinks.ts).
 * Reads the command's words only; the host is '' when it cannot be found in them.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** gnutls-cli's options that take a value as the next word. */
const GNUTLS_WITH_ARG =
  /^(-p|--port|-d|--debug|--priority|--x509(cafile|crlfile|keyfile|certfile)|--srp(username|passwd)|--psk(username|key)|--sni-hostname|--verify-hostname|--starttls-proto|--save-(cert|ocsp|server-trace|client-trace)|--logfile|--alpn|--keymatexport(size)?|--recordsize|--ocsp-response|--waitresumption|-r|--resume)$/;

/** `host:port` (or `[v6]:port`) → host. */
const hostOf = (addr: string) => /^\[([^\]]+)\]/.exec(addr)?.[1] ?? addr.split(':')[0];

/** The host a TLS client sends its stdin to; undefined = the command is no such client. */
export function tlsClientHost(cmd: NormalizedCommand): string | undefined {
  const a = cmd.argv;
  if (cmd.program === 'gnutls-cli') {
    if (a.some((w) => /^(-l|--list|-v|--version|-h|--help|--benchmark-\w+)$/.test(w))) return undefined;
    for (let i = 1; i < a.length; i++) {
      if (GNUTLS_WITH_ARG.test(a[i])) i++;
      else if (!a[i].startsWith('-')) return a[i];
    }
    return '';
  }
  if (cmd.program === 'openssl' && a[1] === 's_client') {
    const at = a.findIndex((w) => /^--?(connect|host)$/.test(w));
    if (at > 0) return hostOf(a[at + 1] ?? '');
    const inline = a.find((w) => /^--?connect=/.test(w));
    if (inline) return hostOf(inline.replace(/^--?connect=/, ''));
    const operand = a
      .slice(2)
      .find((w, i, rest) => !w.startsWith('-') && !(rest[i - 1] ?? '').startsWith('-'));
    // no address: s_client connects to localhost:4433
    return operand ? hostOf(operand) : 'localhost';
  }
  return undefined;
}
