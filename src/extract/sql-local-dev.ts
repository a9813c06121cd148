/**
 * A PostgreSQL or MySQL client pointed, beyond doubt, at a development or test database on
 * this machine: the host is given explicitly and is loopback or a Unix socket (`-h localhost`,
 * `--host=127.0.0.1`, `-h /var/run/postgresql`, `-S /tmp/mysql.sock`, `postgresql://u@localhost
 * :5432/db`, `host=/tmp dbname=db`) and the database name says development or test
 * (`metrics_dev`, `orders_test`, `app-e2e`) with no word of something kept (`prod…`, `staging`,
 * `main`, `shared`, `backup…`). Dropping or emptying tables there is a developer's routine.
 * Anything else stays as it is: no explicit host (the environment or an option file may name
 * a server), a command run on another machine or in a container (its localhost is not this
 * one), a name that is only ambiguous (`metrics`). Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import type { SqlInvocation } from './sql-clients.js';
import { isLocalHost } from './http-url.js';
import { CLIENTS } from './sql-client-table.js';

/** Words that mark a development or test database. */
const DEV = /^(dev|devel|development|test|tests|testing|scratch|sandbox|tmp|temp|e2e|ci|local|localdev)$/;
/** Words that mark something kept, whatever else the name says. */
const KEPT =
  /^(prod\w*|production|live|main|master|primary|staging|stage|stg|uat|preprod|shared|backup\w*|replica|archive\w*|billing|payments?)$/;

/** True when `name` is a development or test database's name (see the header); '' is not. */
export function devDatabaseName(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => DEV.test(w)) && !words.some((w) => KEPT.test(w));
}

/** A host that is this machine: loopback, or a Unix socket directory or file. */
const localHost = (h: string) => h.startsWith('/') || isLocalHost(h.replace(/^\[|\]$/g, ''));

/** The clients read, and the options that name the server: loopback or a socket path. */
const HOST_OPTIONS: Record<string, string[]> = {
  psql: ['-h', '--host'],
  pgcli: ['-h', '--host'],
  mysql: ['-h', '--host', '-S', '--socket'],
  mariadb: ['-h', '--host', '-S', '--socket'],
  mycli: ['-h', '--host', '-S', '--socket'],
};
/** Clients whose `db.table` names a table of another database on the same server. */
const CROSS_DATABASE = new Set(['mysql', 'mariadb', 'mycli']);

/** Host and database of a connection URL or a keyword/value string; undefined = neither. */
function fromConnString(s: string): { host: string; db: string } | undefined {
  const url =
    /^(?:postgres(?:ql)?|mysql|mariadb):\/\/(?:[^@/]*@)?([^/:?]*|\[[^\]]*\])(?::\d+)?\/([^?]*)(\?.*)?$/i.exec(
      s,
    );
  if (url) {
    // fail closed: a `?host=` in the query overrides the URL's host
    if (/[?&]host=/i.test(url[3] ?? '')) return { host: '', db: url[2] };
    return { host: decodeURIComponent(url[1]), db: decodeURIComponent(url[2]) };
  }
  if (!/\b(dbname|host)=/.test(s)) return undefined;
  const kv = (k: string) => new RegExp(`(?:^|\\s)${k}=(\\S+)`).exec(s)?.[1] ?? '';
  return { host: kv('host'), db: kv('dbname') };
}

/** True when `cmd` is a client of a development or test database on this machine (see the header). */
export function localDevTarget(cmd: NormalizedCommand): boolean {
  const hostOpts = Object.hasOwn(HOST_OPTIONS, cmd.program) ? HOST_OPTIONS[cmd.program] : undefined;
  const spec = Object.hasOwn(CLIENTS, cmd.program) ? CLIENTS[cmd.program] : undefined;
  // fail closed: on another machine or in a container, localhost is not this machine
  if (!hostOpts || !spec || cmd.remote) return false;
  const fam = { host: hostOpts, db: spec.db, value: [...spec.sql, ...spec.file, ...spec.withArg] };
  let host = '';
  let db = '';
  // fail closed: a host or database the shell fills in may name any server
  const dyn = (i: number) => cmd.dynamicArgs.includes(i);
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    const glued = /^-[hSdD]./.test(argv[i]) && inline === undefined ? argv[i].slice(0, 2) : '';
    const name = glued || opt;
    const isHost = fam.host.includes(name);
    const isDb = fam.db.includes(name);
    if (isHost || isDb || fam.value.includes(name)) {
      const at = glued || inline !== undefined ? i : ++i;
      const value = glued ? argv[at].slice(2) : (inline ?? argv[at] ?? '');
      if ((isHost || isDb) && dyn(at)) return false;
      if (isHost) host = value;
      if (isDb) db = value;
    } else if (!argv[i].startsWith('-') && !db) {
      if (dyn(i)) return false;
      db = argv[i];
    }
  }
  const conn = fromConnString(db);
  if (conn) ({ host, db } = { host: conn.host || host, db: conn.db });
  return host !== '' && localHost(host) && devDatabaseName(db);
}

/** A statement or meta-command that moves the session to another database (`USE db`, `\\c db`, `CONNECT db`). */
const SWITCH = /(^|;|\n)\s*(use\s|\\c(onnect)?\b|connect\s)/i;

/**
 * True when the SQL a client runs is all written on its command line or in a here-document
 * and stays in the database it was started on: no text moves the session elsewhere (client
 * meta-commands included, which the SQL reader drops); for MySQL, whose `db.table` names
 * another database on the server, no qualified name either (`names`: the objects named).
 * fail closed: SQL read from a file or an unknown stdin is not looked into here.
 */
function staysInDatabase(cmd: NormalizedCommand, inv: SqlInvocation, names: string[]): boolean {
  const stdinText = cmd.stdin?.text;
  const inline = inv.sources.every(
    (src) =>
      /^(-c|--command|-e|--execute)$/.test(src.label) || (src.label === 'stdin' && stdinText !== undefined),
  );
  if (!inline) return false;
  if ([...cmd.argv, stdinText ?? ''].some((t) => SWITCH.test(t))) return false;
  return !CROSS_DATABASE.has(cmd.program) || !names.some((n) => n.includes('.'));
}

/** `facts` (the SQL facts of `inv`, run by `cmd`) with `localDev` set when the client names a local dev/test database and stays there. */
export function markLocalDev(cmd: NormalizedCommand, inv: SqlInvocation, facts: DraftFact[]): DraftFact[] {
  const names = facts.map((f) => (f.kind === 'sql' ? f.name : ''));
  if (!localDevTarget(cmd) || !staysInDatabase(cmd, inv, names)) return facts;
  return facts.map((f) => (f.kind === 'sql' ? { ...f, localDev: true as const } : f));
}
