/**
 * ORM calls run through framework runners and inline interpreters: `rails runner
 * 'User.delete_all'`, `manage.py shell -c '…objects.all().delete()'`, `artisan tinker
 * --execute='User::truncate()'`, `node -e 'prisma.user.deleteMany()'`, SQLAlchemy
 * `metadata.drop_all()`, Ecto `Repo.delete_all`, Sequelize `sync({ force: true })`, TypeORM
 * `synchronize(true)`, Sequel's `DB[:t].delete`, Odoo's `env['res.partner'].search([]).unlink()` (`odoo shell`), SQL strings handed to `execute(…)`, and the SQL
 * Ruby's and PHP's drivers run (sql-code-calls.ts).
 * Each becomes the statement it amounts to (bulk DELETE with or without a filter,
 * TRUNCATE, DROP), read like SQL sent through a client.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { peelRunner } from './sql-frameworks.js';
import { classifySql } from './sql-statements.js';
import { driverOps } from './sql-code-drivers.js';
import { recordDestroys } from './sql-orm-records.js';
import { driverCallOps } from './sql-code-calls.js';
import { localScratchMongo } from './sql-code-scratch.js';
import { kvCodeDeletes } from './sql-kv-code.js';
import { HISTORY_SQL_SHAPE } from './sql-table-history.js';
import { mockedTools } from './sdk-mocks.js';

/** Programs whose arguments or stdin are application code that may call the ORM. */
const RUNNER =
  /^((?:gitlab-)?rails (runner|r|console|c)|rake|(python[\d.]*\s+)?(\S*\/)?manage\.py (shell|shell_plus)|django-admin (shell|shell_plus)|(php\s+)?artisan tinker|mix run|iex|flask shell|(python[\d.]*\s+)?(\S*\/)?odoo(-bin)? shell|python[\d.]*|ruby|node|nodejs|ts-node|tsx|deno|bun|php|irb|elixir|wp( --?\S+)* (eval|eval-file|shell)|drush( \S+)* (php:eval|php-eval|eval|ev|php:script|php-script|scr|php:cli))\b/;

interface OrmPattern {
  re: RegExp;
  statement: string;
  object: string;
}

/** Bulk operations, per ORM; `where` is read from the call chain (a filter before the call). */
const PATTERNS: OrmPattern[] = [
  { re: /\.(delete_all|destroy_all|destroy_by)\b/g, statement: 'DELETE', object: 'TABLE' },
  { re: /\.objects(?:\.\w+\([^()]*\))*\.delete\(\s*\)/g, statement: 'DELETE', object: 'TABLE' },
  { re: /\.(?:query\([^()]*\)(?:\.\w+\([^()]*\))*)\.delete\(/g, statement: 'DELETE', object: 'TABLE' },
  { re: /\.deleteMany\(\s*(?:\{\s*\})?\s*\)/g, statement: 'DELETE', object: 'TABLE' },
  { re: /\bRepo\.delete_all\(/g, statement: 'DELETE', object: 'TABLE' },
  // Odoo: `env['res.partner'].search([]).unlink()` deletes the records the chain selects
  {
    re: /\benv\[\s*['"][\w.]+['"]\s*\](?:\.\w+\((?:[^()]|\([^()]*\))*\))*?\.unlink\(\s*\)/g,
    statement: 'DELETE',
    object: 'TABLE',
  },
  { re: /(?:::|->|\.)truncate\(\s*\)/g, statement: 'TRUNCATE', object: 'TABLE' },
  // Sequel's datasets: `DB[:orders].delete` (every row unless filtered first), `DB[:events].truncate`
  {
    re: /\[\s*:\w+\s*\](?:\.\w+(?:\([^()]*\))?)*?\.delete\b(?!\s*\(\s*[^\s)])/g,
    statement: 'DELETE',
    object: 'TABLE',
  },
  {
    re: /\[\s*:\w+\s*\](?:\.\w+(?:\([^()]*\))?)*?\.truncate\b(?!\s*\(\s*[^\s)])(?!\(\s*\))/g,
    statement: 'TRUNCATE',
    object: 'TABLE',
  },
  {
    // gorm's `db.Migrator().DropTable(t)`
    re: /\bdrop_all\(|\bSchema::drop(?:IfExists)?\(|\bdrop_table\b|\b[dD]ropTable\(|\.drop\(\s*\)/g,
    statement: 'DROP',
    object: 'TABLE',
  },
  // Sequelize `sync({ force: true })` and TypeORM `synchronize(true)` drop every table the models
  // name before they create it again; `dropSchema: true` drops the schema when the connection opens.
  { re: /\.sync\(\s*\{[^}]*\bforce\s*:\s*true\b/g, statement: 'DROP', object: 'TABLE' },
  { re: /\.synchronize\(\s*true\s*\)/g, statement: 'DROP', object: 'TABLE' },
  { re: /\bdropSchema\s*:\s*true\b/g, statement: 'DROP', object: 'SCHEMA' },
  { re: /\.(?:dropAllTables|dropAllSchemas)\(/g, statement: 'DROP', object: 'TABLE' },
  { re: /\.destroy\(\s*\{[^}]*\btruncate\s*:\s*true\b/g, statement: 'TRUNCATE', object: 'TABLE' },
  { re: /call_command\(\s*['"](?:flush|reset_db)['"]/g, statement: 'TRUNCATE', object: 'TABLE' },
  // Client libraries of document and key-value stores (pymongo, the Node driver, redis-py, ioredis).
  { re: /\.(?:drop_database|dropDatabase)\(/g, statement: 'DROP', object: 'DATABASE' },
  { re: /\.(?:drop_collection|dropCollection)\(/g, statement: 'DROP', object: 'TABLE' },
  // StackExchange.Redis: `server.FlushAllDatabases()`, `server.FlushDatabase()` (and their Async forms)
  { re: /\.(?:flushall|FlushAllDatabases(?:Async)?)\(/gi, statement: 'FLUSHALL', object: '' },
  { re: /\.(?:flushdb|FlushDatabase(?:Async)?)\(/gi, statement: 'FLUSHDB', object: '' },
];

/** A filter earlier in the same chain or statement (`User.where(…).delete_all`, Odoo's `search([('id', '=', 7)])`). */
const FILTER =
  /\.(where|filter|filter_by|find_by|exclude|get|find|browse|filtered)\s*\(|\bwhere\s*:|\.search\(\s*\[\s*[^\]\s]/;

/**
 * The shapes of destructive SQL: a statement keyword and its object; a server setting or its
 * audit changed; backups purged or discarded, a replication slot dropped; row security lifted;
 * roles and members made administrators.
 */
const SQL_SHAPE = `(?:${[
  'GRANT\\s+\\w+',
  'DROP\\s+[A-Za-z]+',
  'TRUNCATE(?:\\s+TABLE)?\\s+[\\w."]+',
  'DELETE\\s+FROM\\s+[\\w."]+',
  'ALTER\\s+TABLE\\s+[\\w."]+\\s+(?:DROP|DISABLE|NO\\s+FORCE)',
  'UPDATE\\s+[\\w."]+\\s+SET',
  'ALTER\\s+(?:SYSTEM|SERVER\\s+(?:AUDIT|ROLE)|SECURITY\\s+POLICY|DATABASE|ROLE|USER|GROUP)',
  'CREATE\\s+(?:ROLE|USER|POLICY)',
  'SET\\s+(?:GLOBAL|PERSIST)',
  'NOAUDIT',
  'UNINSTALL\\s+PLUGIN',
  'PURGE\\s+\\w+',
  'RESET\\s+(?:MASTER|BINARY)',
  'BACKUP\\s+(?:LOG|DATABASE)',
  'SELECT\\s+(?:pg_catalog\\.)?pg_drop_replication_slot',
  'EXEC(?:UTE)?\\s+(?:\\w+\\.)*sp_add(?:srv)?rolemember',
  HISTORY_SQL_SHAPE,
].join('|')})\\b`;
/**
 * SQL that has the server run a command (`COPY … TO PROGRAM`, `xp_cmdshell`, `sys_exec`:
 * sql-server-shell.ts) or that removes through a function (`SELECT pgmq.drop_queue(…)`: sql-functions.ts).
 */
const SERVER_SQL_SHAPE =
  '(?:COPY\\b|EXEC(?:UTE)?\\s+[\\w.]*xp_cmdshell\\b|SELECT\\s+[\\w.]*(?:sys_exec|sys_eval|drop_\\w+|purge_\\w+|unschedule)\\s*\\()';
/** SQL in a string literal handed to an execute-like call (`cursor.execute("delete from t")`), any case. */
const CALL_SQL = new RegExp(
  `\\b(?:execute|executescript|exec|exec_query|query|raw|statement|unprepared|sql|\\$executeRaw\\w*|\\$queryRaw\\w*|executeRaw\\w*)\\s*\\(\\s*(['"\`])\\s*((?:${SQL_SHAPE}|${SERVER_SQL_SHAPE})(?:(?!\\1)[^\\\\]|\\\\.)*)\\1`,
  'gi',
);
/** Upper-case SQL in any string literal (`sql = "DROP TABLE users"`). */
const UPPER_SQL = new RegExp(
  `(['"\`])\\s*((?:${SQL_SHAPE}|${SERVER_SQL_SHAPE})(?:(?!\\1)[^\\\\]|\\\\.)*)\\1`,
  'g',
);

/** The code this command runs: its arguments and the stdin text, when known. */
export function codeOf(cmd: NormalizedCommand): string {
  return [...cmd.argv.slice(1), cmd.stdin?.text ?? '', cmd.source ?? ''].join('\n');
}

/** Programs that can start such code (runners, interpreters, package runners): a cheap pre-filter. */
const FIRST =
  /^(rails|gitlab-rails|rake|python[\d.]*|manage\.py|django-admin|php[\d.]*|artisan|mix|iex|flask|odoo|odoo-bin|ruby|irb|elixir|node|nodejs|ts-node|tsx|deno|bun|bunx|npx|pnpx|bundle|poetry|uv|pipenv|pnpm|yarn|npm|wp|drush)$/;

/** The code a runner or interpreter command runs, and its program as evidence names it; undefined = not such a command. */
export function ormCode(cmd: NormalizedCommand): { code: string; program: string } | undefined {
  // a program the script wrote to files and runs (`go run .`, `dotnet run`) is read whatever its language
  const written = cmd.source !== undefined;
  if (!FIRST.test(cmd.program) && !written) return undefined;
  const argv = peelRunner(cmd.argv);
  const head = argv.slice(0, 4).join(' ');
  if (!RUNNER.test(head.replace(/^\S*\//, '')) && !written) return undefined;
  const code = codeOf({ ...cmd, argv });
  return code.length > 256 * 1024 ? undefined : { code, program: argv[0] ?? '' };
}

export function ormOps(cmd: NormalizedCommand): FrameworkOp[] {
  return ormOpsOf(ormCode(cmd));
}

/** The ORM operations in code ormCode found (undefined = none: no operations). */
export function ormOpsOf(found: { code: string; program: string } | undefined): FrameworkOp[] {
  if (!found) return [];
  const { code, program } = found;
  const out: FrameworkOp[] = [];
  // a fog session the code mocks destroys nothing real (sdk-mocks.ts)
  const records = mockedTools(code).has('fog') ? [] : recordDestroys(code, program);
  // a test's own database on this machine, reset by the test (sql-code-scratch.ts)
  const scratch = localScratchMongo(code);
  for (const p of PATTERNS) {
    if (scratch && p.object === 'DATABASE') continue;
    for (const m of code.matchAll(p.re)) {
      const stmtStart = Math.max(code.lastIndexOf(';', m.index), code.lastIndexOf('\n', m.index)) + 1;
      // a filter before the call, or in the chain the pattern matched (`DB[:t].where(id: 5).delete`)
      const where = FILTER.test(code.slice(stmtStart, m.index + m[0].length));
      // a filtered destroy the record reader reads (the records a query selects) is its fact alone
      if (where && p.statement === 'DELETE' && records.some((r) => r.evidence.includes(m[0].trim())))
        continue;
      out.push({
        tool: 'orm',
        statement: p.statement,
        object: p.object,
        name: '',
        where,
        target: '',
        evidence: `${program}: ${m[0].trim()}`,
      });
    }
  }
  out.push(...driverOps(code, program), ...records, ...kvCodeDeletes(code, program));
  // Ruby's and PHP's driver calls (their SQL read whole, from variables and heredocs too); a
  // literal they read is not read again below
  const called = driverCallOps(code, program);
  out.push(...called.ops);
  const literals = new Set([...code.matchAll(CALL_SQL), ...code.matchAll(UPPER_SQL)].map((m) => m[2]));
  for (const sql of literals) {
    if (called.texts.has(sql)) continue;
    for (const s of classifySql(sql, 'postgresql'))
      out.push({ tool: 'orm', ...s, target: '', evidence: `${program}: ${sql.slice(0, 80)}` });
  }
  return out;
}
