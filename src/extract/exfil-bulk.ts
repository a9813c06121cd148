/**
 * Bulk data sent to another host: a whole folder tree packed (`tar czf - .`, `zip -r - .`,
 * `7z a x.7z ~`), the repository (`git archive`, `git bundle create`) or a database or
 * repository dump (`pg_dump`, `pg_dumpall`, `mysqldump`, `mongodump --archive`, `sqlite3 DB
 * .dump`, `redis-cli --rdb`, `svnadmin dump`) piped (through filters such as gzip or base64)
 * into, or written to a file that is then given to, an upload or a raw socket: an HTTP
 * upload, nc/socat/telnet, `/dev/tcp`, a TLS client, a gist, a remote syslog. Copies over
 * ssh (scp, rsync, sftp), to buckets and drives need an account there and are how backups
 * are made: not read here. Pure.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';
import { FILTERS } from './exfil-sources.js';
import type { Sink } from './exfil-sinks.js';

/** Sinks that hand what they get to whoever runs the host: uploads and raw sockets. */
const OPEN_SINKS = new Set(['http', 'nc', 'socat', 'telnet', 'dev-tcp', 'tls', 'gist', 'syslog']);

/** What a command packs or dumps and where it writes it. */
interface Bulk {
  /** What is packed, for the evidence ("the working tree", "a database dump"). */
  what: string;
  /** The file it writes, as written; '-' or undefined = stdout. */
  file?: string;
}

/** A word naming a whole folder tree: `.`, `./`, `*`, or the working folder, home or root itself. */
function wholeTree(word: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (/^(\.\/?|\.\/\*|\*|\.\[!\.\]\*)$/.test(word)) return true;
  if (word.startsWith('-')) return false;
  const abs = resolvePath(word, cmd, ctx);
  return abs === '/' || abs === ctx.home || abs === (cmd.cwd || ctx.cwd).replace(/\/$/, '');
}

/** The value of `-X VALUE`, `-XVALUE`, `--long=VALUE` or `--long VALUE` in argv; undefined = absent. */
function optValue(argv: string[], short: string, long: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === short || a === long) return argv[i + 1];
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
    if (short && a.startsWith(short) && !a.startsWith('--') && a.length > short.length)
      return a.slice(short.length);
  }
  return undefined;
}

/** tar in create mode: its archive file and whether it packs a whole tree. */
function tarBulk(cmd: NormalizedCommand, ctx: AnalyzeContext): Bulk | undefined {
  const w = cmd.argv.slice(1);
  const oldStyle = /^[a-zA-Z]+$/.test(w[0] ?? '') && w[0].includes('c');
  let file: string | undefined;
  let create = oldStyle;
  const operands: string[] = [];
  for (let i = oldStyle ? 1 : 0; i < w.length; i++) {
    const a = w[i];
    if (oldStyle && i === 1 && w[0].includes('f')) file = a;
    else if (a === '--create') create = true;
    else if (a.startsWith('--file=')) file = a.slice(7);
    else if (/^--(file|directory|files-from|exclude-from)$/.test(a)) {
      if (a === '--file') file = w[i + 1];
      i++;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('c')) create = true;
      const f = a.indexOf('f');
      if (f > 0) file = f === a.length - 1 ? w[++i] : a.slice(f + 1);
      else if (/[CTXbNgLVH]$/.test(a)) i++;
    } else if (!a.startsWith('-')) operands.push(a);
  }
  if (!create || !operands.some((o) => wholeTree(o, cmd, ctx))) return undefined;
  return { what: 'a packed folder tree', file };
}

/** zip -r OUT TREE, 7z a OUT TREE: the archive file and whether a whole tree is packed. */
function zipBulk(cmd: NormalizedCommand, ctx: AnalyzeContext): Bulk | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  const args = cmd.program === 'zip' ? pos : pos[0] === 'a' ? pos.slice(1) : [];
  if (args.length < 2 || !args.slice(1).some((o) => wholeTree(o, cmd, ctx))) return undefined;
  return { what: 'a packed folder tree', file: cmd.argv.includes('-so') ? '-' : args[0] };
}

/** What `cmd` packs or dumps (see the module comment); undefined = none. */
function bulkOf(cmd: NormalizedCommand, ctx: AnalyzeContext): Bulk | undefined {
  const p = cmd.program;
  const a = cmd.argv;
  if (p === 'tar' || p === 'bsdtar' || p === 'gtar') return tarBulk(cmd, ctx);
  if (p === 'zip' || p === '7z' || p === '7za' || p === '7zz') return zipBulk(cmd, ctx);
  if (p === 'git') {
    const sub = a.slice(1).find((w, i, all) => !w.startsWith('-') && !/^-[Cc]$/.test(all[i - 1] ?? ''));
    if (sub === 'archive') return { what: 'the repository', file: optValue(a, '-o', '--output') };
    if (sub === 'bundle' && a.includes('create'))
      return { what: 'the repository', file: a[a.indexOf('create') + 1] };
    return undefined;
  }
  if (p === 'pg_dump' || p === 'pg_dumpall')
    return { what: 'a database dump', file: optValue(a, '-f', '--file') };
  if (/^(mysqldump|mariadb-dump|mysqlpump)$/.test(p))
    return { what: 'a database dump', file: optValue(a, '-r', '--result-file') };
  // mongodump's --archive takes its file only as `--archive=FILE`; alone it writes to stdout
  if (p === 'mongodump' && a.some((w) => /^--archive(=|$)/.test(w)))
    return { what: 'a database dump', file: a.find((w) => w.startsWith('--archive='))?.slice(10) };
  if (p === 'redis-cli' && a.includes('--rdb'))
    return { what: 'a database dump', file: optValue(a, '', '--rdb') };
  if (/^sqlite3?$/.test(p) && a.some((w) => /^\.dump\b/.test(w))) return { what: 'a database dump' };
  if (p === 'svnadmin' && a[1] === 'dump') return { what: 'a repository dump' };
  return undefined;
}

/** What bulk data `c` prints: its own dump, or one it passes on from its stdin. '' = none. */
function printedBulk(c: NormalizedCommand | undefined, ctx: AnalyzeContext): string {
  for (let hops = 0; c && hops < 16; hops++) {
    const b = bulkOf(c, ctx);
    if (b && (b.file === undefined || b.file === '-')) return b.what;
    if (!FILTERS.has(c.program)) return '';
    c = c.stdin?.kind === 'pipe' ? c.stdin.from : undefined;
  }
  return '';
}

/** What bulk data the local file `abs` holds when `cmd` runs: written by an earlier packer or dump. */
function fileBulk(
  abs: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): string {
  let last = '';
  for (const c of all) {
    if (c === cmd) break;
    const b = bulkOf(c, ctx);
    if (b?.file && b.file !== '-' && resolvePath(b.file, c, ctx) === abs) last = b.what;
    else if (c.writes.includes(abs)) last = printedBulk(c, ctx);
  }
  return last;
}

/** The bulk data sink `s` of `cmd` sends (see the module comment); '' = none. */
export function bulkSent(
  s: Sink,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): string {
  if (!OPEN_SINKS.has(s.sink)) return '';
  if (s.sendsStdin && cmd.stdin?.kind === 'pipe') {
    const piped = printedBulk(cmd.stdin.from, ctx);
    if (piped) return piped;
  }
  const stdinFile = s.sendsStdin && cmd.stdin?.kind === 'file' && cmd.stdin.path ? [cmd.stdin.path] : [];
  for (const raw of [...s.files, ...stdinFile]) {
    const file = raw
      .replace(/^[^=@<]*=/, '')
      .replace(/^[@<]/, '')
      .replace(/;.*$/, '');
    if (!file || file === '-') continue;
    const found = fileBulk(resolvePath(file, cmd, ctx), cmd, ctx, all);
    if (found) return found;
  }
  return '';
}
