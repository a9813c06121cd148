/**
 * Where data can leave the machine from one command: HTTP clients (their bodies, uploads
 * and stdin), raw sockets (nc, ncat, socat, telnet, `> /dev/tcp/host/port`) and copies to
 * remote hosts (scp, rsync, sftp).
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
  /** The request URL as written (unexpanded `$VARS` kept). Empty = not an HTTP sink. */
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
