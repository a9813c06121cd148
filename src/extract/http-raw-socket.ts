/**
 * Raw-socket tools that send a text known to the analysis: `printf 'DELETE /x HTTP/1.1\r\n…' |
 * nc host 9200`, `socat - UNIX-CONNECT:/var/run/docker.sock <<< …`, `openssl s_client -connect
 * host:443 < req.txt`, ncat/netcat/telnet/busybox nc, and `printf … > /dev/tcp/host/port`.
 * The peer comes from the tool's words; the text (stdin, a heredoc, a file written earlier,
 * socat's `FILE:` address) is read as HTTP requests by http-raw-text.ts. A text not known
 * here, or not HTTP, makes no request: such uses stay with the exfiltration and cache readers.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { HttpRequest } from './http-request.js';
import { rawHttpRequests, type RawPeer } from './http-raw-text.js';
import { readStdinDeep } from './sql-clients.js';
import { SOCAT_CONNECT, socatAddresses, takesValue } from './netcats.js';

/** `host:port` or `[v6]:port` → [host, port]. */
function hostPort(addr: string): [string, number] {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(addr) ?? /^([^:]*)(?::(\d+))?$/.exec(addr);
  return m ? [m[1], Number(m[2] ?? 0)] : [addr, 0];
}

/** nc, ncat, netcat, telnet: the peer, or undefined when the tool listens, scans or has none. */
function ncPeer(cmd: NormalizedCommand): RawPeer | undefined {
  const pos: string[] = [];
  const peer: RawPeer = { host: '', port: 0, tls: false, socket: '' };
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const w = a[i];
    if (/^(-U|--unixsock)$/.test(w)) peer.socket = a[++i] ?? '';
    else if (w === '--ssl') peer.tls = true;
    else if (takesValue(cmd.program, w)) i++;
    else if (/^(--listen|--keep-open)$/.test(w) || /^-[a-zA-Z]*[lz]/.test(w)) return undefined;
    else if (/^-[a-zA-Z]*U[a-zA-Z]*$/.test(w)) peer.socket = '?';
    else if (!w.startsWith('-')) pos.push(w);
  }
  if (peer.socket === '?') peer.socket = pos.shift() ?? '';
  if (peer.socket) return peer;
  [peer.host] = hostPort(pos[0] ?? '');
  peer.port = Number(pos[1] ?? 0) || (cmd.program === 'telnet' ? 23 : 0);
  return peer;
}

/** socat's peer address (`TCP:h:p`, `TCP4-CONNECT:h:p`, `OPENSSL:h:p`, `UNIX-CONNECT:path`) and its other side. */
function socatPeer(cmd: NormalizedCommand): { peer: RawPeer; other: string } | undefined {
  const addrs = socatAddresses(cmd.argv);
  if (addrs.length !== 2) return undefined;
  for (const [k, addr] of addrs.entries()) {
    const m = SOCAT_CONNECT.exec(addr);
    if (!m) continue;
    const kind = m[1].toLowerCase();
    const peer: RawPeer = { host: '', port: 0, tls: /^(openssl|ssl)/.test(kind), socket: '' };
    if (/^(unix|local)/.test(kind)) peer.socket = m[2];
    else [peer.host, peer.port] = hostPort(m[2]);
    return { peer, other: addrs[1 - k] };
  }
  return undefined;
}

/** `openssl s_client`: the peer it connects to (`-connect h:p`, `-host h -port p`, an operand, `-unix path`). */
function sClientPeer(cmd: NormalizedCommand): RawPeer | undefined {
  const a = cmd.argv;
  if (cmd.program !== 'openssl' || a[1] !== 's_client') return undefined;
  const value = (name: string) => {
    const at = a.findIndex((w) => w === `-${name}` || w === `--${name}`);
    if (at > 0) return a[at + 1];
    return a.find((w) => w.startsWith(`-${name}=`))?.slice(name.length + 2);
  };
  const unix = value('unix');
  if (unix) return { host: '', port: 0, tls: true, socket: unix };
  const operand = a.slice(2).find((w, i, rest) => !w.startsWith('-') && !(rest[i - 1] ?? '').startsWith('-'));
  const connect = value('connect') ?? operand;
  const [host, port] = connect
    ? hostPort(connect)
    : [value('host') ?? 'localhost', Number(value('port') ?? 4433)];
  return { host, port: port || 443, tls: true, socket: '' };
}

/** The text a command sends to the socket: its stdin, or socat's other address when it reads a file. */
function sentText(cmd: NormalizedCommand, ctx: AnalyzeContext, other = '-'): string | undefined {
  // A device (`< /dev/null`, `FILE:/dev/ttyS0`) is not read: it holds no request written here.
  const file = /^(?:file|open|gopen):([^,]+)/i.exec(other)?.[1];
  if (file) return file.startsWith('/dev/') ? undefined : readPayloadFile(file, cmd, ctx).text;
  if (!/^(-|stdio|stdin)(,|$)/i.test(other) || !cmd.stdin) return undefined;
  if (cmd.stdin.kind === 'file' && cmd.stdin.path?.startsWith('/dev/')) return undefined;
  return readStdinDeep(cmd, ctx).text;
}

/** `/dev/tcp/HOST/PORT` (and `/dev/udp/…`) a command writes a known text to: `printf … > /dev/tcp/h/80`. */
function devTcpRequests(cmd: NormalizedCommand, tool: string): HttpRequest[] {
  const out: HttpRequest[] = [];
  for (const [path, text] of Object.entries(cmd.wrote ?? {})) {
    const m = /^\/dev\/tcp\/([^/]+)\/(\d+)$/.exec(path);
    if (!m || text === null) continue;
    out.push(...rawHttpRequests(text, { host: m[1], port: Number(m[2]), tls: false, socket: '' }, tool));
  }
  return out;
}

const NC = new Set(['nc', 'ncat', 'netcat', 'telnet']);

/**
 * The HTTP requests `cmd` writes by hand to a socket; undefined when it is no raw-socket use
 * (the other HTTP client readers then look at it).
 */
export function rawSocketRequests(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] | undefined {
  const p = cmd.program;
  const tool = p === 'openssl' ? 'openssl s_client' : p;
  let found: { peer: RawPeer; other: string } | undefined;
  if (NC.has(p)) {
    const peer = ncPeer(cmd);
    found = peer && { peer, other: '-' };
  } else if (p === 'socat') found = socatPeer(cmd);
  else if (p === 'openssl') {
    const peer = sClientPeer(cmd);
    found = peer && { peer, other: '-' };
  }
  if (found) {
    const text = sentText(cmd, ctx, found.other);
    return text === undefined ? [] : rawHttpRequests(text, found.peer, tool);
  }
  const tcp = devTcpRequests(cmd, p);
  return tcp.length ? tcp : undefined;
}
