/**
 * Load, import and restore tools told to replace or empty what the target already holds, read
 * from a table of tool → the option that makes the load destructive:
 *
 * - `neo4j-admin database load|restore|import --overwrite-destination[=true]` (v5) and
 *   `neo4j-admin load|restore|import --force` (v4): the database is replaced by the dump or backup (RESET).
 * - `arangoimport --overwrite true`: the collection is truncated before the import (TRUNCATE).
 * - `arangorestore`: each collection of the dump that exists is dropped and recreated unless
 *   `--overwrite false` (its default is true) (DROP COLLECTION).
 * - `mongoimport --drop`: the collection is dropped first (DROP COLLECTION).
 * - `mysqlimport --delete|-d`: each table is emptied first (TRUNCATE).
 * - `influx restore --full`: every bucket, token and dashboard of the server is replaced (RESET).
 * - `clickhouse-backup restore|restore_remote --rm|--drop`: each table is dropped first (DROP).
 * - `gbak -rep` / `gbak -r overwrite`: the Firebird database file is replaced (RESET).
 *
 * Loads that add or upsert (`mongoimport --mode upsert`, `mysqlimport --replace`, `arangoimport
 * --on-duplicate replace`), dumps and exports make none. A load pointed, beyond doubt, at a
 * development or test database on this machine (loopback endpoint and a dev/test name, see
 * sql-local-dev.ts) is marked `localDev`, as SQL clients' statements are.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { devDatabaseName } from './sql-local-dev.js';
import { isLocalHost } from './http-url.js';
import { optionValue } from './cloud-argv.js';

/** A boolean option given bare, `=value` or as the next word; undefined = not given. */
function boolOption(args: string[], names: string[]): boolean | undefined {
  for (let i = 0; i < args.length; i++) {
    const [opt, inline] = args[i].split(/=(.*)/s, 2);
    if (!names.includes(opt)) continue;
    const value =
      inline ?? (/^(true|false|yes|no|on|off|1|0)$/i.test(args[i + 1] ?? '') ? args[i + 1] : 'true');
    return !/^(false|no|off|0)$/i.test(value);
  }
  return undefined;
}

/** The value of the first of `names` given in `args` (`--x v`, `--x=v`); '' = none. */
const valueOf = (args: string[], names: string[]): string =>
  optionValue(args, (o) => names.includes(o), 0) ?? '';

interface LoadRow {
  /** Tested against the positionals joined by spaces (the tool's command words). */
  words: RegExp;
  /** True when the arguments make the load destructive. */
  destroys: (args: string[]) => boolean;
  statement: string;
  object: string;
  /** Options naming what is replaced (a database, collection or table); none = '*'. */
  name?: string[];
  /** Index of the command word naming what is replaced, when no option names it. */
  namePos?: number;
  /** Options naming the server (endpoint, URI, host); none = the tool's default. */
  server?: string[];
  /** Options naming the database on that server. */
  db?: string[];
}

/** `x` is `full` or an abbreviation of it at least `min` characters long (gbak's options). */
const abbrev = (x: string, full: string, min: number) => x.length >= min && full.startsWith(x.toLowerCase());
const on = (names: string[]) => (args: string[]) => boolOption(args, names) === true;
const ARANGO = { server: ['--server.endpoint'], db: ['--server.database'] };

const LOADS: Record<string, LoadRow[]> = {
  'neo4j-admin': [
    {
      words: /^database (load|restore|import)\b/,
      destroys: on(['--overwrite-destination']),
      statement: 'RESET',
      object: 'DATABASE',
      namePos: 2,
    },
    {
      words: /^(load|restore)\b/,
      destroys: on(['--force']),
      statement: 'RESET',
      object: 'DATABASE',
      name: ['--database'],
    },
  ],
  arangoimport: [
    {
      words: /^/,
      destroys: on(['--overwrite']),
      statement: 'TRUNCATE',
      object: 'COLLECTION',
      name: ['--collection'],
      ...ARANGO,
    },
  ],
  arangorestore: [
    {
      words: /^/,
      destroys: (a) => boolOption(a, ['--overwrite']) !== false,
      statement: 'DROP',
      object: 'COLLECTION',
      name: ['--collection'],
      ...ARANGO,
    },
  ],
  mongoimport: [
    {
      words: /^/,
      destroys: on(['--drop']),
      statement: 'DROP',
      object: 'COLLECTION',
      name: ['--collection', '-c'],
      server: ['--uri', '--host', '-h'],
      db: ['--db', '-d'],
    },
  ],
  mysqlimport: [
    {
      words: /^/,
      // `-d` alone or among other flags that take no value (`-dL`); `-hdbhost` is a host
      destroys: (a) => a.some((x) => x === '--delete' || /^-[fiLlrsvC]*d[fiLlrsvC]*$/.test(x)),
      statement: 'TRUNCATE',
      object: 'TABLE',
      server: ['--host', '-h'],
    },
  ],
  influx: [
    {
      words: /^restore\b/,
      destroys: on(['--full']),
      statement: 'RESET',
      object: 'DATABASE',
      server: ['--host'],
    },
  ],
  'clickhouse-backup': [
    {
      words: /^(restore|restore_remote)\b/,
      destroys: on(['--rm', '--drop']),
      statement: 'DROP',
      object: 'TABLE',
    },
  ],
  gbak: [
    {
      words: /^/,
      destroys: (a) =>
        a.some(
          (x, i) =>
            abbrev(x, '-replace_database', 4) ||
            (abbrev(x, '-recreate_database', 2) && /^o(verwrite)?$/i.test(a[i + 1] ?? '')),
        ),
      statement: 'RESET',
      object: 'DATABASE',
    },
  ],
};

/**
 * The hosts of an endpoint or URI (`ssl://h:8529`, `mongodb://u@h/db`, `h:3306`), each of a
 * list (`mongodb://a,b:27018/db`); empty = none named.
 */
function hostsOf(s: string): string[] {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]*@)?([^/?]*)/i.exec(s);
  const list = (m?.[1] ?? '').split(',').filter(Boolean);
  return list.map((h) => /^(\[[^\]]*\]|[^:]*)/.exec(h)?.[1].replace(/^\[|\]$/g, '') ?? '');
}

/** The destructive loads of one tool command line (program basename, its arguments). */
export function loadOps(cmd: NormalizedCommand): (FrameworkOp & { localDev?: true })[] {
  const prog = cmd.program;
  const rows = Object.hasOwn(LOADS, prog) ? LOADS[prog] : undefined;
  if (!rows) return [];
  const args = cmd.argv.slice(1);
  const words = args.filter((a, i) => !a.startsWith('-') && !/^-[^=]*$/.test(args[i - 1] ?? '')).join(' ');
  const row = rows.find((r) => r.words.test(words) && r.destroys(args));
  if (!row) return [];
  const server = valueOf(args, row.server ?? []);
  const db = valueOf(args, row.db ?? []);
  const name = valueOf(args, row.name ?? []) || (row.namePos ? words.split(' ')[row.namePos] : '') || '*';
  const op: FrameworkOp & { localDev?: true } = {
    tool: prog,
    statement: row.statement,
    object: row.object,
    name,
    where: true,
    target: server.replace(/:[^:@/]*@/, ':***@'),
    evidence: `${prog} ${words.split(' ').slice(0, 2).join(' ')}`.trim(),
  };
  // fail closed: no server named (the tool's default may be any), remote or dynamic stays as it is
  const dyn = cmd.dynamicArgs.length > 0;
  if (
    !cmd.remote &&
    !dyn &&
    server &&
    // every host of a list on this machine (one remote member is the whole replica set)
    hostsOf(server).length > 0 &&
    hostsOf(server).every((h) => isLocalHost(h)) &&
    devDatabaseName(db)
  )
    op.localDev = true;
  return [op];
}
