/**
 * Schema deploy tools that make a database match a source and drop what the source lacks:
 *
 * - `sqlpackage /Action:Publish` (SQL Server's DAC deploy; any case, `/a:`, `-a:`) with
 *   `/p:DropObjectsNotInSource=True` (every table, view and procedure the .dacpac lacks
 *   dropped: an empty .dacpac empties the database), `/p:BlockOnPossibleDataLoss=False`
 *   (changes that lose rows applied instead of stopping) or `/p:CreateNewDatabase=True` (the
 *   database dropped and recreated), given on the command line or set by its publish profile
 *   (`/Profile:FILE`, XML; one that can't be read asks unless the target is on this machine).
 *   `Script`, `DeployReport`, `DriftReport`, `Extract` and `Export` change nothing; a Publish
 *   without those properties stops before losing data.
 * - `atlas schema apply --auto-approve`, `pgschema apply --auto-approve`: the target made to
 *   match the desired schema, every table and column it lacks dropped, without the plan shown
 *   for approval. Not with `--dry-run`, nor against a throwaway database (`docker://`, SQLite
 *   in memory, a host on this machine) or an environment of local development (`--env
 *   dev|local|test`).
 *
 * Read as a RESET of the SCHEMA (or of the DATABASE), so databases/framework-reset asks;
 * credentials in the target are masked.
 */
import { devDatabaseName } from './sql-local-dev.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { maskTarget } from './sql-clients.js';

/** sqlpackage's `/Name:value` or `-Name:value` argument, name in lower case; undefined = not one. */
function dacArg(w: string): [string, string] | undefined {
  const m = /^[/-]([A-Za-z]+)(?::(.*))?$/s.exec(w);
  return m ? [m[1].toLowerCase(), m[2] ?? ''] : undefined;
}

/** Publish properties (lower case) and the values that drop or lose data, with what is reset. */
const DROPPING_PROPERTIES: [RegExp, RegExp, string][] = [
  [/^dropobjectsnotinsource$/, /^true$/i, 'SCHEMA'],
  [/^blockonpossibledataloss$/, /^false$/i, 'SCHEMA'],
  [/^createnewdatabase$/, /^true$/i, 'DATABASE'],
];

/** The target's server and database as given (`/tsn:`, `/tdn:`, the connection string's Server and Database). */
function dacTarget(args: [string, string][]): { server?: string; db?: string } {
  const get = (...names: string[]) => args.find(([n]) => names.includes(n))?.[1];
  const conn = get('targetconnectionstring', 'tcs') ?? '';
  const field = (k: string) => new RegExp(`(?:^|;)\\s*${k}\\s*=\\s*([^;]*)`, 'i').exec(conn)?.[1];
  const server = get('targetservername', 'tsn') ?? field('(?:server|data source|address)');
  const db = get('targetdatabasename', 'tdn') ?? field('(?:database|initial catalog)');
  return { server, db };
}

/** A SQL Server on this machine: localhost, a loopback address, `.`, `(local)`, LocalDB (an optional `tcp:`, port or instance after). */
const LOCAL_SERVER =
  /^(?:tcp:)?(?:localhost|127\.0\.0\.1|\[?::1\]?|\.|\(local\)|\(localdb\)\\[\w.-]+)(?:[,:\\].*)?$/i;

/** Reads a file a tool is given (a publish profile); undefined = not known. */
export type ProfileReader = (file: string) => string | undefined;

/** A publish profile's properties (`<DropObjectsNotInSource>True</…>`) as [name, value]. */
function profileProperties(xml: string): [string, string][] {
  const text = (v: string) =>
    v
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<([A-Za-z]\w*)(?:\s[^>]*)?>\s*([^<]*?)\s*<\/\1>/g)].map((m) => [m[1], text(m[2])]);
}

/**
 * `sqlpackage /Action:Publish`: the dropping properties given with `/p:` or set by the publish
 * profile (`/Profile:FILE`, `/pr:`; the command line's win), read with `read`. fail closed: a
 * profile that can't be read may set DropObjectsNotInSource; asked unless the command line
 * names a target on this machine.
 */
function sqlpackage(argv: string[], read?: ProfileReader): FrameworkOp[] {
  const args = argv
    .slice(1)
    .map(dacArg)
    .filter((a): a is [string, string] => a !== undefined);
  const action = args.find(([n]) => n === 'action' || n === 'a')?.[1] ?? '';
  if (!/^publish$/i.test(action)) return [];
  const ops: FrameworkOp[] = [];
  const given = dacTarget(args);
  // lower-case name → [name as written, value]
  const props = new Map<string, [string, string]>();
  let fromProfile: [string, string][] = [];
  const profile = args.find(([n]) => n === 'profile' || n === 'pr')?.[1];
  if (profile !== undefined) {
    const xml = read?.(profile);
    if (xml !== undefined) fromProfile = profileProperties(xml);
    else if (!LOCAL_SERVER.test(given.server ?? ''))
      ops.push({
        tool: 'sqlpackage',
        statement: 'RESET',
        object: 'SCHEMA',
        name: '',
        where: true,
        target: [given.server, given.db].filter(Boolean).join('/'),
        evidence: `sqlpackage /Action:${action} /Profile:${profile} (not readable: it may set DropObjectsNotInSource)`,
      });
  }
  for (const [n, v] of fromProfile) props.set(n.toLowerCase(), [n, v]);
  for (const [n, v] of args) {
    if (n !== 'p' && n !== 'properties') continue;
    const [prop, value = ''] = v.split('=');
    props.set(prop.toLowerCase(), [prop, value]);
  }
  const t = dacTarget([...args, ...fromProfile.map(([n, v]): [string, string] => [n.toLowerCase(), v])]);
  for (const [lower, [prop, value]] of props) {
    // fail closed: a value the shell fills in (`/p:DropObjectsNotInSource=$DROP`) may be the dropping one
    const hit = DROPPING_PROPERTIES.find(
      ([p, val]) => p.test(lower) && (val.test(value.trim()) || value.startsWith('$')),
    );
    if (hit)
      ops.push({
        tool: 'sqlpackage',
        statement: 'RESET',
        object: hit[2],
        name: '',
        where: true,
        target: [t.server, t.db].filter(Boolean).join('/'),
        evidence: `sqlpackage /Action:${action} /p:${prop}=${value}`,
      });
  }
  return ops;
}

/** A database that lives only for the run. */
const THROWAWAY_URL = /^(docker:\/\/|sqlite:\/\/[^?]*\?(.*&)?mode=memory|sqlite:\/\/:memory:)/i;
/** A URL whose host is this machine: its database path after the host, else undefined. */
const LOOPBACK_URL = /^[a-z0-9+]+:\/\/(?:[^@/]*@)?(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?\/?([^?#]*)/i;

/**
 * A target to throw away: one that lives only for the run, or a development database on this
 * machine. A loopback host alone is not enough (an ssh tunnel to production listens there too),
 * as for the SQL clients (sql-local-dev.ts).
 */
function throwawayUrl(u: string): boolean {
  const local = LOOPBACK_URL.exec(u);
  return THROWAWAY_URL.test(u) || (local !== null && devDatabaseName(local[1]));
}
/** Environments of local development (atlas's `--env`). */
const DEV_ENV = /^(dev|development|local|test|testing|ci)$/i;
/** A host on this machine. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|::1|\/.*)$/i;

/** A declarative schema tool's apply command, which makes the target match the desired schema. */
interface ApplyTool {
  /** The positional words of the apply command (`schema apply`). */
  command: string;
  /** Options that take a value, by name without dashes. */
  valued: Set<string>;
  /** Options whose value is the target's URL; empty = none. */
  url: string[];
  /** Option whose value is the target's host (a host on this machine is throwaway); '' = none. */
  host: string;
  /** Option whose value is the target's database name, for the target as reported; '' = none. */
  db: string;
  /** Option naming an environment of the tool's project file; '' = none. */
  env: string;
}

const APPLY_TOOLS: Record<string, ApplyTool> = {
  atlas: {
    command: 'schema apply',
    valued: new Set(
      'url u to dev-url env schema s exclude format config var tx-mode lock-name file f'.split(' '),
    ),
    url: ['url', 'u'],
    host: '',
    db: '',
    env: 'env',
  },
  // pgschema: `pgschema apply --host H --db D --file schema.sql --auto-approve`
  pgschema: {
    command: 'apply',
    valued: new Set(
      'host port db user password file f plan schema application-name lock-timeout output-human output-json output-sql'.split(
        ' ',
      ),
    ),
    url: [],
    host: 'host',
    db: 'db',
    env: '',
  },
};

function declarativeApply(tool: string, spec: ApplyTool, argv: string[]): FrameworkOp[] {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const pos: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (!w.startsWith('-')) {
      pos.push(w);
      continue;
    }
    const [name, attached] = w.replace(/^--?/, '').split(/=(.*)/s);
    if (spec.valued.has(name)) {
      const v = attached ?? argv[++i] ?? '';
      values.set(name, [...(values.get(name) ?? []), v]);
    } else flags.add(name);
  }
  // the command's words anywhere among the positionals: an option this table does not know may
  // have put its value among them (fail closed: that must not hide the apply)
  if (
    !` ${pos.join(' ')} `.includes(` ${spec.command} `) ||
    !flags.has('auto-approve') ||
    flags.has('dry-run')
  )
    return [];
  const last = (name: string) => (name ? values.get(name)?.at(-1) : undefined);
  const urls = spec.url.flatMap((n) => values.get(n) ?? []);
  const host = last(spec.host);
  const env = last(spec.env);
  // fail closed: with no target named, the tool's defaults or environment may name any database
  const throwaway = urls.length
    ? urls.every(throwawayUrl)
    : host !== undefined
      ? LOCAL_HOST.test(host) && devDatabaseName(last(spec.db) ?? '')
      : env !== undefined && DEV_ENV.test(env);
  if (throwaway) return [];
  const target = urls.length
    ? maskTarget(urls[0])
    : host !== undefined
      ? [host, last(spec.db)].filter(Boolean).join('/')
      : env
        ? `env ${env}`
        : '';
  return [
    {
      tool,
      statement: 'RESET',
      object: 'SCHEMA',
      name: '',
      where: true,
      target,
      evidence: `${tool} ${spec.command} --auto-approve`,
    },
  ];
}

/** The drops `argv` (a tool's words, runner peeled) deploys; empty = none. */
export function schemaSyncOps(prog: string, argv: string[], read?: ProfileReader): FrameworkOp[] {
  const p = prog.toLowerCase().replace(/\.exe$/, '');
  if (p === 'sqlpackage') return sqlpackage(argv, read);
  if (Object.hasOwn(APPLY_TOOLS, p)) return declarativeApply(p, APPLY_TOOLS[p], argv);
  return [];
}
