/**
 * Reverse tunnels through a relay server: the server listens on a port of its own, for
 * anyone who reaches it, and forwards into this machine. frp's client (`frpc -c frpc.toml`,
 * or `frpc tcp -l 22 -r 6000 -s relay`), rathole's client (`rathole [--client] client.toml`:
 * each `[client.services.NAME]` forwards its `local_addr` as raw TCP or UDP to the server's
 * port) and chisel's reverse remotes (`chisel client HOST R:2222:localhost:22`). As for the other tunnels (exposure-tunnels.ts), a web app's port
 * behind an HTTP proxy is meant to be reached; a raw TCP or UDP proxy, or a service port
 * (a remote shell, a database), is not. frp's secret proxies (`stcp`, `xtcp`, `sudp`) need a
 * visitor holding the key and open nothing.
 *
 * Reads the words, and frpc's and rathole's configuration: what the script wrote there
 * (cmd.files), else through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { readFileOf, resolvePath } from './http-body.js';
import { hasServicePort } from './exposure-tunnels.js';
import type { Finding } from './word-facts.js';

/** frp proxy types that give the relay's port to anyone (HTTP ones only by the port they serve). */
const OPEN_PROXY = /^(tcp|udp|tcpmux)$/;
const WEB_PROXY = /^(http|https)$/;

/**
 * The proxies of an frpc configuration (INI, TOML or YAML): each section's `type` and
 * `local_port`/`localPort`. Sections without a type (`[common]`) are skipped.
 */
function proxies(text: string): { type: string; port: string }[] {
  const out: { type: string; port: string }[] = [];
  for (const section of text.split(/^\s*(?:\[\[?[^\]\n]*\]\]?|-\s+name\s*:.*)\s*$/m)) {
    const type = /^\s*type\s*[=:]\s*["']?(\w+)/m.exec(section)?.[1]?.toLowerCase();
    if (!type) continue;
    const port = /^\s*(?:local_port|localPort)\s*[=:]\s*["']?(\d+)/m.exec(section)?.[1] ?? '';
    out.push({ type, port });
  }
  return out;
}

/** What `frpc` opens on its relay, as [kind, the words]; empty = nothing. */
function frpc(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  const sub = a
    .slice(1)
    .find((w, i, w2) => !w.startsWith('-') && !/^-[cs]$|^--config$/.test(w2[i - 1] ?? ''));
  if (sub && /^(stcp|xtcp|sudp|status|verify|reload|stop|version|help|nathole)$/.test(sub)) return [];
  if (sub) {
    const port =
      optionPairs(a).find(([o]) => o === '-l' || o === '--local_port' || o === '--local-port')?.[1] ?? '';
    return OPEN_PROXY.test(sub) || (WEB_PROXY.test(sub) && hasServicePort(port))
      ? [['tunnel', `frpc ${sub}${port ? ` -l ${port}` : ''}`]]
      : [];
  }
  const config = optionPairs(a).find(([o]) => o === '-c' || o === '--config')?.[1] ?? 'frpc.ini';
  // What the script wrote there, else the disk (unknown when written by something unread).
  const text = readFileOf(resolvePath(config, cmd, ctx), cmd, ctx);
  // fail closed: a configuration that cannot be read may proxy any port to the relay
  if (text === undefined) return [['tunnel', `frpc -c ${config} (not readable)`]];
  const open = proxies(text).find(
    (p) => OPEN_PROXY.test(p.type) || (WEB_PROXY.test(p.type) && hasServicePort(p.port)),
  );
  return open ? [['tunnel', `frpc ${open.type} proxy of port ${open.port || '?'} (${config})`]] : [];
}

/**
 * What `rathole` forwards to its server: the `local_addr` of each `[client.services.NAME]`
 * section. `--server` (or a configuration without a client) listens for clients, forwards
 * nothing of this machine; `--genkey`, `--help`, `--version` run nothing.
 */
function rathole(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  if (a.some((w) => /^(-s|--server|--genkey|-h|--help|-V|--version)$/.test(w))) return [];
  const config = a.slice(1).find((w) => !w.startsWith('-'));
  if (config === undefined) return [];
  const text = readFileOf(resolvePath(config, cmd, ctx), cmd, ctx);
  // fail closed: a configuration that cannot be read may forward any service to the server
  if (text === undefined) return [['tunnel', `rathole ${config} (not readable)`]];
  const services = text.split(/^\s*\[/m).filter((s) => /^client\.services\./.test(s));
  const forwarded = services.map((s) => /^\s*local_addr\s*=\s*["']?([^"'\s]+)/m.exec(s)?.[1] ?? '?');
  return forwarded.length
    ? [['tunnel', `rathole forwards ${forwarded.join(', ')} to its server (${config})`]]
    : [];
}

/** chisel's reverse remotes (`R:[bind:]PORT:HOST:HOSTPORT`, `R:socks`): the server listens for anyone. */
function chisel(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  if (a[1] !== 'client') return [];
  for (const w of a.slice(2)) {
    if (!/^R:/.test(w)) continue;
    const parts = w.slice(2).split(':');
    const bindAll = parts.length === 4 && /^(0\.0\.0\.0|\*|)$/.test(parts[0]);
    const forwarded = parts[parts.length - 1].replace(/\/(tcp|udp)$/, '');
    if (bindAll || /socks/i.test(w) || hasServicePort(forwarded)) return [['tunnel', `chisel client ${w}`]];
  }
  return [];
}

/** What relay tunnels `cmd` opens, as [kind, the words]; empty = nothing. */
export function relayTunnels(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (cmd.program === 'frpc') return frpc(cmd, ctx);
  if (cmd.program === 'rathole') return rathole(cmd, ctx);
  return cmd.program === 'chisel' ? chisel(cmd) : [];
}
