/**
 * Framework and CLI commands that drop or reset a database without writing SQL: prisma,
 * rails/rake, django manage.py, supabase, knex, sequelize, typeorm, drizzle-kit, dropdb,
 * pg_dropcluster, mysqladmin. Package-runner prefixes (npx, pnpm exec/dlx, yarn, bunx,
 * bundle exec) are peeled here because they are not shell carriers.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { SqlStmt } from './sql-statements.js';

export interface FrameworkOp extends SqlStmt {
  tool: string;
  /** Target as given (`--linked`, `--db-url …` masked, a database name); empty = the project's default. */
  target: string;
  /** The words that triggered it, e.g. `prisma migrate reset`. */
  evidence: string;
}

/** Options of package runners that take a value. */
const RUNNER_WITH_ARG = new Set([
  '-p',
  '--package',
  '-c',
  '--call',
  '--filter',
  '-F',
  '-C',
  '--dir',
  '--cwd',
  '-w',
  '--workspace',
]);

/**
 * Peels `npx`, `pnpm [exec|dlx]`, `yarn [dlx|exec]`, `bunx`, `bun x|run`, `npm exec`,
 * `bundle exec`, `poetry run`, `uv run`, `pipenv run` and returns the tool argv
 * (`npx prisma@5 migrate reset` → `prisma migrate reset`). Returns argv unchanged otherwise.
 */
export function peelRunner(argv: string[]): string[] {
  let a = argv;
  for (let guard = 0; guard < 4; guard++) {
    const p = (a[0] ?? '').split('/').pop() ?? '';
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
  if (a.length) a = [a[0].replace(/^(@?[^@]+)@.*$/, '$1'), ...a.slice(1)];
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

/** Rails/rake tasks that drop or reload the database. */
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
};

/**
 * Migration, schema and restore tools whose command drops, resets or wipes: program → the
 * positional words (joined, anchored) and flags that do it, with the statement it amounts to.
 * Restore tools that drop before they load (`pg_restore --clean`, `mongorestore --drop`).
 */
const RESETS: Record<string, { words: RegExp; flags?: RegExp; statement: string; object: string }[]> = {
  alembic: [{ words: /^downgrade base\b/, statement: 'RESET', object: 'DATABASE' }],
  // Flask-Migrate runs alembic: `flask db downgrade base`
  flask: [{ words: /^db downgrade base\b/, statement: 'RESET', object: 'DATABASE' }],
  // Entity Framework: migration 0 is before the first one (every migration reverted)
  dotnet: [
    { words: /^ef database update 0$/, statement: 'RESET', object: 'DATABASE' },
    { words: /^ef database drop\b/, statement: 'DROP', object: 'DATABASE' },
  ],
  flyway: [{ words: /^clean\b/, statement: 'DROP', object: 'SCHEMA' }],
  liquibase: [{ words: /^(drop-all|dropAll)\b/, statement: 'DROP', object: 'SCHEMA' }],
  dbmate: [{ words: /^drop\b/, statement: 'DROP', object: 'DATABASE' }],
  goose: [{ words: /^(reset|down-to 0)\b/, statement: 'RESET', object: 'DATABASE' }],
  migrate: [
    { words: /^drop\b/, statement: 'DROP', object: 'DATABASE' },
    { words: /^down$/, statement: 'RESET', object: 'DATABASE' },
    { words: /^down\b/, flags: /^-all$/, statement: 'RESET', object: 'DATABASE' },
  ],
  diesel: [
    { words: /^database (reset|drop)\b/, statement: 'RESET', object: 'DATABASE' },
    { words: /^migration (redo|revert)\b/, flags: /^--all$/, statement: 'RESET', object: 'DATABASE' },
  ],
  sqlx: [
    { words: /^database drop\b/, statement: 'DROP', object: 'DATABASE' },
    { words: /^database reset\b/, statement: 'RESET', object: 'DATABASE' },
  ],
  mix: [
    { words: /^ecto\.drop\b/, statement: 'DROP', object: 'DATABASE' },
    { words: /^ecto\.(reset|rollback --all)\b/, statement: 'RESET', object: 'DATABASE' },
    { words: /^ecto\.rollback\b/, flags: /^--all$/, statement: 'RESET', object: 'DATABASE' },
  ],
  artisan: [{ words: /^(migrate:(fresh|reset|refresh)|db:wipe)\b/, statement: 'RESET', object: 'DATABASE' }],
  sqitch: [{ words: /^revert$/, statement: 'RESET', object: 'DATABASE' }],
  atlas: [{ words: /^schema clean\b/, statement: 'DROP', object: 'SCHEMA' }],
  'typeorm-cli': [{ words: /^schema:drop\b/, statement: 'DROP', object: 'SCHEMA' }],
  'mikro-orm': [
    { words: /^(schema:drop|schema:fresh|migration:fresh)\b/, statement: 'RESET', object: 'DATABASE' },
  ],
  'drizzle-kit': [{ words: /^(drop|push)\b/, flags: /^--force$/, statement: 'RESET', object: 'SCHEMA' }],
  pg_restore: [
    { words: /^/, flags: /^(-c|--clean|-[a-zA-Z]*c[a-zA-Z]*)$/, statement: 'DROP', object: 'TABLE' },
  ],
  mongorestore: [{ words: /^/, flags: /^--drop$/, statement: 'DROP', object: 'COLLECTION' }],
};

function resetOps(prog: string, args: string[], pos: string[]): FrameworkOp[] {
  const rows = Object.hasOwn(RESETS, prog) ? RESETS[prog] : undefined;
  if (!rows) return [];
  const words = pos.join(' ');
  for (const r of rows) {
    if (!r.words.test(words)) continue;
    if (r.flags && !args.some((a) => r.flags!.test(a))) continue;
    const target = args.find((a, i) => /^(-d|--dbname|--db|--uri|--url)$/.test(args[i - 1] ?? '') && a) ?? '';
    return [
      op(
        prog,
        r.statement,
        r.object,
        '*',
        target.replace(/:[^:@/]*@/, ':***@'),
        [prog, ...pos.slice(0, 2)].join(' '),
      ),
    ];
  }
  return [];
}

export function frameworkOps(cmd: NormalizedCommand): FrameworkOp[] {
  let argv = peelRunner(cmd.argv);
  // `php artisan …` reads like a program named artisan.
  if (/^php[\d.]*$/.test(argv[0] ?? '') && /(^|\/)artisan$/.test(argv[1] ?? '')) argv = argv.slice(1);
  const prog = (argv[0] ?? '').split('/').pop() ?? '';
  const args = argv.slice(1);
  const pos = positionals(args);
  const words = pos.join(' ');
  const ev = (n: number) => [prog, ...pos.slice(0, n)].join(' ');
  const reset = resetOps(prog, args, pos);
  if (reset.length) return reset;
  switch (prog) {
    case 'prisma':
      if (words.startsWith('migrate reset')) return [op('prisma', 'RESET', 'DATABASE', '', '', ev(2))];
      if (words.startsWith('db push') && has(args, '--force-reset'))
        return [op('prisma', 'RESET', 'DATABASE', '', '', `${ev(2)} --force-reset`)];
      return [];
    case 'rails':
    case 'rake': {
      const out: FrameworkOp[] = [];
      for (const t of pos) {
        const hit = RAILS_TASKS[t];
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
    case 'pg_dropcluster':
      // Removes a PostgreSQL cluster: every database in it and its data directory.
      return pos.length >= 2 ? [op(prog, 'DROP', 'DATABASE', `${pos[0]}/${pos[1]}`, '', ev(2))] : [];
    case 'mysqladmin': {
      const i = pos.findIndex((w) => w === 'drop');
      return i >= 0
        ? [op('mysqladmin', 'DROP', 'DATABASE', pos[i + 1] ?? '', '', `mysqladmin drop ${pos[i + 1] ?? ''}`)]
        : [];
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
