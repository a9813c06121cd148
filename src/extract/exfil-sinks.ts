/**
 * Where data can leave the machine from one command: HTTP clients (their bodies, uploads
 * and stdin), raw sockets (nc, ncat, socat, telnet, `> /dev/tcp/host/port`) and copies to
 * remote hosts (scp, rsync, sftp), name lookups (the queried name reaches whoever runs
 * that domain's DNS) and gist uploads.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { httpRequests } from './http.js';
import { isLocalHost, parseUrl } from './http-url.js';

export interface Sink {
  /** http | nc | socat | telnet | dev-tcp | scp | rsync | sftp */
  sink: string;
  /** Destination host; empty = unknown. */
  host: string;
  /** True when the destination is this machine. */
  local: boolean;
  /** True when the command's stdin is sent. */
  sendsStdin: boolean;
  /** Local files sent (as written). Empty = none. */
  files: string[];
  /** argv indices whose text is sent (request bodies). Empty = none. */
  dataArgs: number[];
  /** The request URL (or DNS name) as written (unexpanded `$VARS` kept). Empty = neither. */
  url: string;
}

const NC_WITH_ARG = new Set([
  '-w',
  '-p',
  '-s',
  '-i',
  '-q',
  '-x',
  '-X',
  '-e',
  '-c',
  '-I',
  '-O',
  '-T',
  '-V',
  '-W',
  '-P',
]);
const SSH_COPY_WITH_ARG = new Set([
  '-P',
  '-p',
  '-i',
  '-F',
  '-o',
  '-c',
  '-l',
  '-S',
  '-J',
  '-e',
  '--rsh',
  '--rsync-path',
  '--exclude',
  '--include',
  '--filter',
  '--port',
]);

function hostSink(sink: string, host: string, extra: Partial<Sink> = {}): Sink {
  return {
    sink,
    host,
    local: host !== '' && isLocalHost(host),
    sendsStdin: false,
    files: [],
    dataArgs: [],
    url: '',
    ...extra,
  };
}

/** Programs that resolve the names they are given. */
const DNS_TOOLS = new Set([
  'dig',
  'nslookup',
  'host',
  'drill',
  'kdig',
  'delv',
  'ping',
  'ping6',
  'traceroute',
  'getent',
  'resolvectl',
]);

/** Domain of a looked-up name (its last two labels); empty when not a name. */
function domainOf(name: string): string {
  const labels = name.replace(/\.$/, '').split('.');
  return labels.length >= 2 ? labels.slice(-2).join('.').toLowerCase() : '';
}

function dnsSinks(cmd: NormalizedCommand): Sink[] {
  const out: Sink[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a.startsWith('-') || a.startsWith('@') || a.startsWith('+') || !a.includes('.')) continue;
    if (/^\d+(\.\d+){3}$/.test(a)) continue;
    out.push(hostSink('dns', domainOf(a), { url: a, dataArgs: [i] }));
  }
  return out;
}

/** `gh gist create|edit FILE…` (or stdin with `-` / no file). */
function gistSinks(cmd: NormalizedCommand): Sink[] {
  const w = cmd.argv.slice(1);
  const at = w.indexOf('gist');
  if (at < 0 || !['create', 'new', 'edit'].includes(w[at + 1] ?? '')) return [];
  const files: string[] = [];
  const rest = w.slice(at + 2);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (['-d', '--desc', '-f', '--filename'].includes(a)) i++;
    else if (a === '-a' || a === '--add') files.push(rest[++i] ?? '');
    else if (!a.startsWith('-') || a === '-') files.push(a);
  }
  const fromStdin = files.length === 0 || files.includes('-');
  return [
    hostSink('gist', 'gist.github.com', { files: files.filter((f) => f !== '-'), sendsStdin: fromStdin }),
  ];
}

export function sinksOf(cmd: NormalizedCommand, ctx: AnalyzeContext): Sink[] {
  const out: Sink[] = [];
  for (const req of httpRequests(cmd, ctx)) {
    for (const raw of req.urls.length ? req.urls : ['']) {
      const u = raw ? parseUrl(raw, req.defaultScheme) : undefined;
      out.push(
        hostSink('http', u?.host ?? '', {
          sendsStdin: req.sendsStdin,
          files: req.uploads,
          dataArgs: req.dataArgs,
          url: raw,
        }),
      );
    }
  }
  const p = cmd.program;
  if (DNS_TOOLS.has(p)) out.push(...dnsSinks(cmd));
  if (p === 'gh') out.push(...gistSinks(cmd));
  if (['nc', 'ncat', 'netcat', 'telnet'].includes(p)) {
    const pos: string[] = [];
    for (let i = 1; i < cmd.argv.length; i++) {
      const a = cmd.argv[i];
      if (a.startsWith('-')) {
        if (NC_WITH_ARG.has(a)) i++;
      } else pos.push(a);
    }
    const listen = cmd.argv.some((a) => /^-[a-zA-Z]*l/.test(a));
    if (!listen) out.push(hostSink(p === 'telnet' ? 'telnet' : 'nc', pos[0] ?? '', { sendsStdin: true }));
  }
  if (p === 'socat') {
    const addr = cmd.argv.slice(1).find((a) => /^(tcp|tcp4|tcp6|udp|openssl|ssl)[^:]*:/i.test(a));
    if (addr) out.push(hostSink('socat', addr.split(':')[1] ?? '', { sendsStdin: true }));
  }
  for (const w of cmd.writes) {
    const m = /^\/dev\/(tcp|udp)\/([^/]+)\//.exec(w);
    if (m) out.push(hostSink('dev-tcp', m[2], { sendsStdin: true }));
  }
  if (p === 'scp' || p === 'rsync' || p === 'sftp') {
    const pos: string[] = [];
    for (let i = 1; i < cmd.argv.length; i++) {
      const a = cmd.argv[i];
      if (a.startsWith('-')) {
        if (SSH_COPY_WITH_ARG.has(a)) i++;
      } else pos.push(a);
    }
    const dest = pos[pos.length - 1] ?? '';
    const remote =
      /^(?:[^/@:]+@)?([^/:]+):/.exec(dest) ?? /^(?:scp|sftp|rsync):\/\/(?:[^@/]+@)?([^/:]+)/.exec(dest);
    if (remote && pos.length > 1) out.push(hostSink(p, remote[1], { files: pos.slice(0, -1) }));
  }
  return out;
}
