/**
 * Servers started on this machine that hand it to whoever reaches them: a static file server
 * whose root is the home folder, `/` or a secret folder such as `~/.ssh` or `/etc`
 * (exposure-roots.ts: every key and token there is on the network), and a
 * notebook, editor or terminal served to every address without authentication (anyone who
 * reaches it runs code as this user). A server bound to loopback is a dev server; a folder
 * of the workspace is a site. FTP and upload servers (`python -m pyftpdlib -d DIR`,
 * `python -m uploadserver`) count as file servers; copyparty by its volumes (`-v SRC:DST:PERMS`,
 * the current folder read-write to everyone when none is given). Reads the words, resolving
 * the root like the server would.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { exposedRoot } from './exposure-roots.js';
import type { Finding } from './word-facts.js';
import { unArgs } from '../normalize/ruby-un.js';

export { homeOrAbove } from './exposure-roots.js';

/** An address that only this machine reaches. */
export const LOOPBACK = /^(127\.|localhost\b|::1$|\[::1\]|lo$)/i;

/**
 * Static file servers: the options naming the root and the bind address, whether the first
 * positional word is the root, and whether they bind every address when told nothing.
 */
interface FileServer {
  root: string[];
  bind: string[];
  positionalRoot: boolean;
  /** True when the server listens on every address by default ('' bind = all). */
  allByDefault: boolean;
}
const FILE_SERVERS: Record<string, FileServer> = {
  caddy: { root: ['--root', '-r'], bind: ['--listen', '-l'], positionalRoot: false, allByDefault: true },
  'http-server': { root: [], bind: ['-a'], positionalRoot: true, allByDefault: true },
  serve: { root: [], bind: ['-l', '--listen'], positionalRoot: true, allByDefault: true },
  miniserve: { root: [], bind: ['-i', '--interfaces'], positionalRoot: true, allByDefault: true },
  dufs: { root: [], bind: ['-b', '--bind'], positionalRoot: true, allByDefault: true },
  darkhttpd: { root: [], bind: ['--addr'], positionalRoot: true, allByDefault: true },
  updog: { root: ['-d', '--directory'], bind: [], positionalRoot: false, allByDefault: true },
  'static-web-server': {
    root: ['-d', '--root'],
    bind: ['-a', '--host'],
    positionalRoot: false,
    allByDefault: true,
  },
  webfsd: { root: ['-r'], bind: ['-i'], positionalRoot: false, allByDefault: true },
  'simple-http-server': { root: [], bind: ['-i', '--ip'], positionalRoot: true, allByDefault: true },
  // busybox httpd -h DIR -p [IP:]PORT
  httpd: { root: ['-h'], bind: ['-p'], positionalRoot: false, allByDefault: true },
  python: { root: ['--directory', '-d'], bind: ['--bind', '-b'], positionalRoot: false, allByDefault: true },
  // python -m pyftpdlib [-w] [-d DIR] [-i ADDR]: anonymous FTP of DIR (writable with -w)
  pyftpdlib: {
    root: ['-d', '--directory'],
    bind: ['-i', '--interface'],
    positionalRoot: false,
    allByDefault: true,
  },
  // WsgiDAV binds localhost unless told (`--host 0.0.0.0`)
  wsgidav: { root: ['--root', '-r'], bind: ['--host', '-H'], positionalRoot: false, allByDefault: false },
  php: { root: ['-t'], bind: ['-S'], positionalRoot: false, allByDefault: false },
  // Java's own server: loopback unless -b says otherwise
  jwebserver: {
    root: ['-d', '--directory'],
    bind: ['-b', '--bind-address'],
    positionalRoot: false,
    allByDefault: false,
  },
  // twistd web --path DIR: every address unless --listen names an interface
  twistd: { root: ['--path'], bind: ['--listen'], positionalRoot: false, allByDefault: true },
  // ruby -run -e httpd [--bind-address=ADDR] [--port=N] [ROOT]: WEBrick, every address unless told
  'ruby-un-httpd': { root: [], bind: ['--bind-address', '-b'], positionalRoot: true, allByDefault: true },
  rclone: { root: [], bind: ['--addr'], positionalRoot: false, allByDefault: false },
  // filebrowser binds 127.0.0.1 unless told; read only with --noauth (anyone manages the files)
  filebrowser: {
    root: ['-r', '--root'],
    bind: ['-a', '--address'],
    positionalRoot: false,
    allByDefault: false,
  },
};

/** Which FILE_SERVERS entry `cmd` runs as a file server, if any. */
function fileServer(cmd: NormalizedCommand): [FileServer, string[]] | undefined {
  const a = cmd.argv;
  const p = cmd.program;
  const module = /^python[\d.]*$/.test(p) ? (a[a.indexOf('-m') + 1] ?? '') : '';
  if (/^(http\.server|SimpleHTTPServer|uploadserver)$/.test(module)) return [FILE_SERVERS.python, []];
  if (module === 'pyftpdlib') return [FILE_SERVERS.pyftpdlib, []];
  if (p === 'php' && a.includes('-S')) return [FILE_SERVERS.php, []];
  if (p === 'caddy' && a[1] === 'file-server') return [FILE_SERVERS.caddy, []];
  // rclone serve http|webdav|ftp|sftp PATH
  if (p === 'rclone' && a[1] === 'serve') return [FILE_SERVERS.rclone, a.slice(3, 4)];
  // (the normalizer peels busybox: `httpd` run by it; Apache's own httpd is not this server)
  if ((p === 'busybox' && a[1] === 'httpd') || (p === 'httpd' && cmd.wrappers.includes('busybox')))
    return [FILE_SERVERS.httpd, []];
  if (p === 'twistd')
    return a.includes('web') && a.some((w) => w.startsWith('--path')) ? [FILE_SERVERS.twistd, []] : undefined;
  const un = /^ruby[\d.]*$/.test(p) ? unArgs(a) : undefined;
  if (un?.name === 'httpd') return [FILE_SERVERS['ruby-un-httpd'], unRoot(un.args)];
  if (p === 'filebrowser' && !a.includes('--noauth')) return undefined;
  const s = Object.hasOwn(FILE_SERVERS, p) ? FILE_SERVERS[p] : undefined;
  if (
    !s ||
    p === 'python' ||
    p === 'pyftpdlib' ||
    p === 'php' ||
    p === 'caddy' ||
    p === 'rclone' ||
    p === 'httpd'
  )
    return undefined;
  return [
    s,
    s.positionalRoot
      ? a
          .slice(1)
          .filter((w, i, all) => !w.startsWith('-') && !/^-/.test(all[i - 1] ?? ''))
          .slice(0, 1)
      : [],
  ];
}

/** un.rb httpd's options that take the next word as their value when not given with `=`. */
const UN_HTTPD_VALUE =
  /^(-p|-b|--port|--bind-address|--max-clients|--temp-dir|--request-timeout|--http-version|--ssl-certificate|--ssl-private-key)$/;

/** The document root among `ruby -run -e httpd`'s words (its first positional word); empty = none (the current folder). */
function unRoot(args: string[]): string[] {
  for (let i = 0; i < args.length; i++) {
    if (UN_HTTPD_VALUE.test(args[i])) i++;
    else if (!args[i].startsWith('-')) return [args[i]];
  }
  return [];
}

/**
 * The folder a file server started by `cmd` shares when it is HOME, `/`, above HOME or a
 * secret folder (`~/.ssh`, `/etc`: exposure-roots.ts); undefined = none of those, or not to the network.
 */
export function servedHome(cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  const found = fileServer(cmd);
  if (!found) return undefined;
  const [s, roots] = found;
  const opts = optionPairs(cmd.argv);
  // twistd's endpoint (`tcp:8080:interface=127.0.0.1`): its interface is the address
  const bind = (opts.find(([o]) => s.bind.includes(o))?.[1] ?? '').replace(/^tcp6?:\d+:interface=/, '');
  if (bind ? LOOPBACK.test(bind) : !s.allByDefault) return undefined;
  const dir = opts.find(([o]) => s.root.includes(o))?.[1] ?? roots[0] ?? '.';
  return exposedRoot(dir, cmd, ctx);
}

/** An option's value among `opts` (`--ip=0.0.0.0`, `--ServerApp.token ''`); undefined = not given. */
export const valueOf = (opts: [string, string][], re: RegExp) => opts.find(([o]) => re.test(o))?.[1];

/**
 * Terminals and desktops served without authentication to more than this machine (notebooks
 * and editors: exposure-ide.ts): `ttyd -W` / `gotty -w` without credentials, WeTTY logging
 * whoever connects in by itself (`--ssh-pass`, `--ssh-key`, or a `--command` other than
 * `login`), a telnet server whose login
 * program is a shell (`busybox telnetd -l /bin/sh`: a shell to anyone who connects, no login),
 * `shellinaboxd --service URL:USER:GROUP:DIR:CMD` (a command, not its login or ssh, to whoever
 * opens the page), and a VNC desktop without a password (`x11vnc -nopw`, or no password
 * option at all; `vncserver|Xvnc|x0vncserver -SecurityTypes None`) not bound to loopback.
 */
function openShells(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const a = cmd.argv;
  const opts = optionPairs(a);
  const login = a.findIndex((w) => w === '-l');
  if (/^u?telnetd$/.test(p) && login > 0) {
    const bind = valueOf(opts, /^-b$/) ?? '';
    const shell = (a[login + 1] ?? '').replace(/^.*\//, '');
    // fail closed: a login program not known statically may be a shell
    if (!LOOPBACK.test(bind) && !/^(login|false|nologin)$/.test(shell))
      return [['notebook', `telnetd -l ${a[login + 1] ?? ''}: a shell to the network without login`]];
  }
  if (p === 'shellinaboxd' && !a.includes('--localhost-only')) {
    const services = opts.filter(([o]) => o === '-s' || o === '--service').map(([, v]) => v);
    const open = services.find((v) => !/^[^:]*:(LOGIN|SSH)(:|$)/.test(v));
    if (open) return [['notebook', `shellinaboxd --service ${open}: a command to the network without login`]];
  }
  if (vncWithoutPassword(p, a, opts))
    return [['notebook', `${p}: a desktop to the network without a password`]];
  const writable =
    (p === 'ttyd' && a.some((w) => /^(-W|--writable)$/.test(w))) ||
    (p === 'gotty' && a.some((w) => /^(-w|--permit-write)$/.test(w)));
  const credential = a.some((w) => /^(-c|--credential)(=|$)/.test(w));
  const bind = valueOf(opts, /^(-i|--interface|-a|--address)$/) ?? '';
  if (writable && !credential && !LOOPBACK.test(bind))
    return [['notebook', `${p} writable without credentials`]];
  return wetty(p, opts);
}

/**
 * WeTTY (every address unless `--host` says loopback) logging whoever opens the page in by
 * itself: a password or key given for its ssh login, or a command other than `login` run
 * when it starts as root.
 */
function wetty(p: string, opts: [string, string][]): Finding[] {
  if (p !== 'wetty' || LOOPBACK.test(valueOf(opts, /^--host$/) ?? '0.0.0.0')) return [];
  const auto = opts.find(([o]) => /^--ssh-(pass|key)$/.test(o))?.[0];
  const command = valueOf(opts, /^(-c|--command)$/);
  if (auto) return [['notebook', `wetty ${auto}: a shell to whoever opens the page`]];
  if (command !== undefined && !/^(\/\S*\/)?login\b/.test(command))
    return [['notebook', `wetty --command ${command}: a shell to whoever opens the page`]];
  return [];
}

/** x11vnc's options that set a password (or another login) for its clients. */
const X11VNC_AUTH =
  /^--?(passwd|passwdfile|rfbauth|usepw|unixpw|unixpw_nis|viewpasswd|storepasswd|ssl|stunnel)$/;

/** True when a VNC server lets anyone who reaches it in without a password (not bound to loopback). */
function vncWithoutPassword(p: string, a: string[], opts: [string, string][]): boolean {
  if (p === 'x11vnc') {
    const local =
      a.some((w) => /^--?localhost$/.test(w)) || LOOPBACK.test(valueOf(opts, /^--?listen$/) ?? '');
    return !local && !a.some((w) => X11VNC_AUTH.test(w)) && !a.some((w) => /^--?(help|version)$/.test(w));
  }
  if (/^(vncserver|Xvnc|x0vncserver|tigervncserver)$/.test(p)) {
    // a list with None (or TLSNone/X509None: encrypted, still no password) lets a client pick it
    const types = (valueOf(opts, /^--?SecurityTypes$/i) ?? '').split(',');
    const none = types.some((t) => /^(none|tlsnone|x509none)$/i.test(t.trim()));
    // `-localhost` alone, `-localhost yes|1`, `=yes`; `-localhost no|0` listens on every address
    const at = a.findIndex((w) => /^--?localhost(=.*)?$/i.test(w));
    const value = at < 0 ? undefined : (a[at].split('=')[1] ?? a[at + 1] ?? '');
    const local =
      (value !== undefined && !/^(no|0|false|off)$/i.test(value)) ||
      LOOPBACK.test(valueOf(opts, /^--?interface$/i) ?? '');
    return none && !local;
  }
  return false;
}

/**
 * copyparty (`copyparty`, `copyparty-sfx.py`, `python -m copyparty`): each volume `-v
 * SRC:DST:PERMS[:PERMS…]` shares SRC; a permission without accounts (`r`, `rw`), or with `*`,
 * is everyone's. No volume shares the current folder read-write to everyone. It listens on
 * every address unless `-i` names loopback. Returns the volumes over HOME shared with everyone.
 */
function copyparty(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  const run =
    /^copyparty(-sfx(\.py)?)?$/.test(cmd.program) ||
    (/^python[\d.]*$/.test(cmd.program) && a[a.indexOf('-m') + 1] === 'copyparty');
  if (!run || a.some((w) => /^(-h|--help|--version)$/.test(w))) return [];
  const opts = optionPairs(a);
  if (LOOPBACK.test(valueOf(opts, /^-i$/) ?? '')) return [];
  const volumes = opts.filter(([o]) => o === '-v').map(([, v]) => v);
  const out: Finding[] = [];
  for (const volume of volumes.length ? volumes : ['.::rw']) {
    const [src, , ...perms] = volume.split(':');
    // fail closed: a volume without permissions is read as open to everyone
    const everyone =
      perms.length === 0 ||
      perms.some((g) => !g.startsWith('c,') && (!g.includes(',') || g.split(',').slice(1).includes('*')));
    const over = everyone ? exposedRoot(src || '.', cmd, ctx) : undefined;
    if (over)
      out.push(['files', `copyparty shares ${over} (${perms.join(':') || 'no permissions'}) with everyone`]);
  }
  return out;
}

/** What servers `cmd` starts hand this machine to the network, as [kind, the words]; empty = none. */
export function servedToNetwork(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const served = servedHome(cmd, ctx);
  return [
    ...(served ? [['files', `serves ${served} to the network`] as Finding] : []),
    ...openShells(cmd),
    ...copyparty(cmd, ctx),
  ];
}
