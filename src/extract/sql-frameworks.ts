/**
 * Framework and CLI commands that drop or reset a database without writing SQL: prisma,
 * rails/rake, django manage.py, supabase, knex, sequelize, typeorm, drizzle-kit, dropdb,
 * pg_dropcluster, mysqladmin. Package-runner prefixes (npx, pnpm exec/dlx, yarn, bunx,
 * bundle exec) are peeled here because they are not shell carriers.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { SqlStmt } from './sql-statements.js';
import { resetOps } from './sql-resets.js';
import { rollbackOps } from './sql-rollbacks.js';
import { dbDeleterOps } from './sql-db-deleters.js';
import { schemaSyncOps, type ProfileReader } from './sql-schema-sync.js';
import { RUNNER_WITH_VALUE as RUNNER_WITH_ARG } from '../normalize/runners.js';

export interface FrameworkOp extends SqlStmt {
  tool: string;
  /** Target as given (`--linked`, `--db-url …` masked, a database name); empty = the project's default. */
  target: string;
  /** The words that triggered it, e.g. `prisma migrate reset`. */
  evidence: string;
}

/**
 * Peels `npx`, `pnpm [exec|dlx]`, `yarn [dlx|exec]`, `bunx`, `bun x|run`, `npm exec`,
 * `bundle exec`, `poetry run`, `uv run`, `pipenv run` and returns the tool argv
 * (`npx prisma@5 migrate reset` → `prisma migrate reset`). Returns argv itself otherwise.
 */
export function peelRunner(argv: string[]): string[] {
  let a = argv;
  for (let guard = 0; guard < 4; guard++) {
    const w = a[0] ?? '';
    const p = w.slice(w.lastIndexOf('/') + 1);
    let rest: string[] | undefined;
    if (p === 'npx' || p === 'bunx' || p === 'pnpx') rest = a.slice(1);
    else if (
      (p === 'pnpm' || p === 'yarn' || p === 'bun' || p === 'npm') &&
      ['exec', 'dlx', 'x', 'run'].includes(a[1] ?? '')
    )
      rest = a.slice(2);
    else if (
      (p === 'pnpm' || p === 'yarn') &&
      a[1] &&
      !a[1].startsWith('-') &&
      !['install', 'add', 'remove', 'run', 'test', 'build'].includes(a[1])
    )
      rest = a.slice(1);
    else if (
      (p === 'bundle' || p === 'poetry' || p === 'uv' || p === 'pipenv') &&
      (a[1] === 'exec' || a[1] === 'run')
    )
      rest = a.slice(2);
    if (!rest) break;
    let i = 0;
    while (i < rest.length && rest[i].startsWith('-')) i += RUNNER_WITH_ARG.has(rest[i]) ? 2 : 1;
    if (a[0] === 'npm' && rest[i] === '--') i++;
    a = rest.slice(i);
    if (a[0] === '--') a = a.slice(1);
  }
  // the tool without its version (`prisma@5`); argv itself when nothing was peeled or cut, so
  // a caller can tell by identity that there was no runner
  // (no `@` after the first character: nothing to cut, and no regex run for every command)
  const head = !a.length ? '' : a[0].indexOf('@', 1) < 0 ? a[0] : a[0].replace(/^(@?[^@]+)@.*$/, '$1');
  if (a.length && head !== a[0]) a = [head, ...a.slice(1)];
  return a;
}

const positionals = (a: string[]) => a.filter((w) => !w.startsWith('-'));
const has = (a: string[], ...flags: string[]) =>
  a.some((w) => flags.includes(w) || flags.some((f) => w.startsWith(`${f}=`)));
const op = (
  tool: string,
  statement: string,
  object: string,
  name: string,
  target: string,
  evidence: string,
): FrameworkOp => ({
  tool,
  statement,
  object,
  name,
  where: true,
  target,
  evidence,
});

/** Rails/rake tasks that drop, reload or empty the database (or the job table). */
const RAILS_TASKS: Record<string, [string, string]> = {
  'db:drop': ['DROP', 'DATABASE'],
  'db:drop:all': ['DROP', 'DATABASE'],
  'db:reset': ['RESET', 'DATABASE'],
  'db:purge': ['RESET', 'DATABASE'],
  'db:purge:all': ['RESET', 'DATABASE'],
  'db:schema:load': ['RESET', 'DATABASE'],
  'db:structure:load': ['RESET', 'DATABASE'],
  'db:migrate:reset': ['RESET', 'DATABASE'],
  'db:truncate_all': ['TRUNCATE', 'TABLE'],
  'db:seed:replant': ['TRUNCATE', 'TABLE'],
  'db:setup': ['RESET', 'DATABASE'],
  // delayed_job: every queued job deleted from its table.
  'jobs:clear': ['TRUNCATE', 'TABLE'],
};

/** `read`: a file a tool is given (sqlpackage's publish profile); absent = none read. */
export function frameworkOps(cmd: NormalizedCommand, read?: ProfileReader): FrameworkOp[] {
  let argv = peelRunner(cmd.argv);
  // `php artisan …` reads like a program named artisan (`php yii …` like yii, `php bin/magento …` like magento); `php bin/console …`, `symfony console …` like one named console.
  if (/^php[\d.]*$/.test(argv[0] ?? '') && /(^|\/)(artisan|console|yii|magento)$/.test(argv[1] ?? ''))
    argv = argv.slice(1);
  if (argv[0] === 'symfony' && argv[1] === 'console') argv = argv.slice(1);
  // AdonisJS: `node ace …` reads like a program named ace.
  if (/^node$/.test(argv[0] ?? '') && /(^|\/)ace(\.js)?$/.test(argv[1] ?? ''))
    argv = ['ace', ...argv.slice(2)];
  // Frameworks that pass `prisma …` through (`rw prisma migrate reset`, `blitz prisma …`).
  if (/^(rw|redwood|blitz|keystone)$/.test(argv[0] ?? '') && argv[1] === 'prisma') argv = argv.slice(1);
  const prog = (argv[0] ?? '').split('/').pop() ?? '';
  const args = argv.slice(1);
  const pos = positionals(args);
  const words = pos.join(' ');
  const ev = (n: number) => [prog, ...pos.slice(0, n)].join(' ');
  const reset = resetOps(prog, args, pos);
  if (reset.length) return reset;
  const rollback = rollbackOps(prog, args);
  if (rollback.length) return rollback;
  const sync = schemaSyncOps(prog, argv, read);
  if (sync.length) return sync;
  const deleted = dbDeleterOps(prog, args);
  if (deleted.length) return deleted;
  switch (prog) {
    case 'prisma':
      if (words.startsWith('migrate reset')) return [op('prisma', 'RESET', 'DATABASE', '', '', ev(2))];
      if (words.startsWith('db push') && has(args, '--force-reset'))
        return [op('prisma', 'RESET', 'DATABASE', '', '', `${ev(2)} --force-reset`)];
      // Applies the schema even where that drops tables or columns the schema no longer has.
      if (words.startsWith('db push') && has(args, '--accept-data-loss'))
        return [op('prisma', 'RESET', 'SCHEMA', '', '', `${ev(2)} --accept-data-loss`)];
      return [];
    case 'rails':
    case 'rake': {
      const out: FrameworkOp[] = [];
      for (const t of pos) {
        const hit = Object.hasOwn(RAILS_TASKS, t) ? RAILS_TASKS[t] : undefined;
        if (hit)
          out.push(
            op(prog, hit[0], hit[1], '', argv.find((w) => w.startsWith('RAILS_ENV=')) ?? '', `${prog} ${t}`),
          );
      }
      return out;
    }
    case 'django-admin':
      return djangoOps('django-admin', pos);
    case 'supabase':
      if (words.startsWith('db reset'))
        return [
          op(
            'supabase',
            'RESET',
            'DATABASE',
            '',
            has(args, '--linked') ? 'linked' : has(args, '--db-url') ? 'db-url' : 'local',
            ev(2),
          ),
        ];
      return [];
    case 'knex':
      if (pos[0] === 'migrate:rollback' && has(args, '--all'))
        return [op('knex', 'RESET', 'DATABASE', '', '', 'knex migrate:rollback --all')];
      return [];
    case 'sequelize':
    case 'sequelize-cli':
      if (pos[0] === 'db:drop') return [op('sequelize', 'DROP', 'DATABASE', '', '', 'sequelize db:drop')];
      if (pos[0] === 'db:migrate:undo:all')
        return [op('sequelize', 'RESET', 'DATABASE', '', '', 'sequelize db:migrate:undo:all')];
      return [];
    case 'typeorm':
    case 'typeorm-ts-node-commonjs':
    case 'typeorm-ts-node-esm':
      if (pos[0] === 'schema:drop') return [op('typeorm', 'DROP', 'SCHEMA', '', '', 'typeorm schema:drop')];
      return [];
    case 'drizzle-kit':
      if (pos[0] === 'drop') return [op('drizzle-kit', 'DROP', 'MIGRATION', '', '', 'drizzle-kit drop')];
      return [];
    case 'dropdb':
      return [op('dropdb', 'DROP', 'DATABASE', lastDbName(args) || '', '', `dropdb ${lastDbName(args)}`)];
    case 'cubrid': {
      // CUBRID's utility: `cubrid deletedb [-d] [-o FILE] DB` removes the database's volumes
      // (with -d its backups too)
      if (pos[0] !== 'deletedb') return [];
      const db = cubridDbName(args.slice(args.indexOf('deletedb') + 1));
      return [op('cubrid', 'DROP', 'DATABASE', db, '', `cubrid deletedb ${db}`)];
    }
    case 'pg_dropcluster':
      // Removes a PostgreSQL cluster: every database in it and its data directory.
      return pos.length >= 2 ? [op(prog, 'DROP', 'DATABASE', `${pos[0]}/${pos[1]}`, '', ev(2))] : [];
    case 'mysqladmin':
    case 'mariadb-admin': {
      const i = pos.findIndex((w) => w === 'drop');
      // `shutdown` stops the server it connects to
      const stop = pos.includes('shutdown')
        ? [op(prog, 'SHUTDOWN', 'INSTANCE', '', '', `${prog} shutdown`)]
        : [];
      return i >= 0
        ? [...stop, op(prog, 'DROP', 'DATABASE', pos[i + 1] ?? '', '', `${prog} drop ${pos[i + 1] ?? ''}`)]
        : stop;
    }
    default:
      if (/^python[\d.]*$/.test(prog) && /(^|\/)manage\.py$/.test(pos[0] ?? ''))
        return djangoOps('django', pos.slice(1));
      if (/(^|\/)manage\.py$/.test(argv[0] ?? '')) return djangoOps('django', pos);
      return [];
  }
}

function djangoOps(tool: string, pos: string[]): FrameworkOp[] {
  const c = pos[0] ?? '';
  if (c === 'flush') return [op(tool, 'TRUNCATE', 'TABLE', '*', '', 'manage.py flush')];
  if (c === 'reset_db') return [op(tool, 'RESET', 'DATABASE', '', '', 'manage.py reset_db')];
  if (c === 'migrate' && pos[2] === 'zero')
    return [op(tool, 'RESET', 'DATABASE', pos[1], '', `manage.py migrate ${pos[1]} zero`)];
  return [];
}

/** dropdb's database: the last positional, skipping values of -h/-p/-U/--maintenance-db. */
function lastDbName(args: string[]): string {
  const withArg = new Set(['-h', '--host', '-p', '--port', '-U', '--username', '--maintenance-db']);
  let name = '';
  for (let i = 0; i < args.length; i++) {
    if (withArg.has(args[i])) i++;
    else if (!args[i].startsWith('-')) name = args[i];
  }
  return name;
}

/** `cubrid deletedb`'s database: its positional, skipping the value of -o/--output-file. */
function cubridDbName(args: string[]): string {
  let name = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o' || args[i] === '--output-file') i++;
    else if (!args[i].startsWith('-') && !name) name = args[i];
  }
  return name;
}
