/**
 * Migration tools told to roll a database back to before its first migration, or back by
 * more steps than a developer undoes by hand: every migration's down step runs, so every
 * table they created is dropped with its data. Read by the tool's rollback command and how far
 * it goes: a destination or target of version 0 (`tern migrate --destination 0`, `umzug down
 * --to 0`, `mikro-orm migration:down --to 0`, `sqlx migrate revert --target-version 0`, rails
 * `db:migrate VERSION=0`), a command that reverts everything (`db-migrate reset`, `knex
 * migrate:down --all`, `ecto.rollback --all`), or a step count of {@link MANY} or more
 * (`node-pg-migrate down 1000`, `db-migrate down -c 999`, `liquibase rollback-count 500`,
 * `alembic downgrade -50`, `rails db:rollback STEP=100`, `migrate down 99`). One step, a
 * named migration or a count below the threshold is routine development and makes no op.
 * Read as RESET of the DATABASE (the framework-reset rule), as sql-resets.ts reads the tools'
 * own reset commands.
 */
import type { FrameworkOp } from './sql-frameworks.js';

/** Steps from which a rollback counts as undoing the database rather than the last change or two. */
export const MANY = 10;

/**
 * True when a step count undoes many migrations: a number of {@link MANY} or more, a word
 * for everything (`all`, `Infinity`), or a value not known statically (fail closed: `$N`).
 */
export function manySteps(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  const v = value.replace(/^[-+]/, '');
  if (/^\d+$/.test(v)) return Number(v) >= MANY;
  if (/^(all|infinity|max)$/i.test(v)) return true;
  // fail closed: a count the shell fills in (`$STEPS`) may be any number
  return /^\$/.test(v);
}

/** True when a destination version is the one before every migration (`0`, `base`, `zero`). */
const ZERO = (v: string | undefined) => v !== undefined && /^(0+|base|zero|@?root)$/i.test(v);

/** The value of an option (`--count 5`, `--count=5`, `-c5` is not read), undefined when absent. */
function opt(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (names.includes(a)) return args[i + 1] ?? '';
    const eq = a.indexOf('=');
    if (eq > 0 && names.includes(a.slice(0, eq))) return a.slice(eq + 1);
  }
  return undefined;
}

/** An env-style argument (`STEP=100`, `VERSION=0`) of rake and rails tasks. */
const envArg = (args: string[], name: string) =>
  args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

/** Positional words (option values written apart are not told apart here; callers read options by name). */
const words = (args: string[]) => args.filter((a) => !a.startsWith('-'));

/** One reader per program: the evidence words when the command rolls back everything or many steps. */
type Reader = (args: string[]) => string | undefined;

/** `node-pg-migrate down [N] [--count N]`, `db-migrate down -c N`, `db-migrate reset`. */
const nodeMigrators: Reader = (args) => {
  const w = words(args);
  if (w[0] === 'reset' || /^down:all$/.test(w[0] ?? '')) return w[0];
  if (w[0] !== 'down' && w[0] !== 'redo') return undefined;
  const n = w[1] ?? opt(args, ['-c', '--count']);
  if (args.includes('--all') || manySteps(n)) return `${w[0]} ${n ?? '--all'}`;
  return undefined;
};

const READERS: Record<string, Reader> = {
  'node-pg-migrate': nodeMigrators,
  'db-migrate': nodeMigrators,
  // `tern migrate --destination 0` (or `-d 0`); `-d -N` is N steps back from the current one.
  tern: (args) => {
    if (words(args)[0] !== 'migrate') return undefined;
    const d = opt(args, ['-d', '--destination']);
    if (ZERO(d) || (d?.startsWith('-') && manySteps(d))) return `migrate --destination ${d}`;
    return undefined;
  },
  // umzug's CLI and MikroORM's migrator: `down --to 0`, also `--step N`.
  umzug: (args) => toZero(args, 'down', ['--to'], ['--step']),
  'mikro-orm': (args) => toZero(args, 'migration:down', ['--to', '-t'], []),
  sqlx: (args) => {
    const w = words(args);
    if (w[0] !== 'migrate' || w[1] !== 'revert') return undefined;
    const t = opt(args, ['--target-version']);
    return ZERO(t) ? `migrate revert --target-version ${t}` : undefined;
  },
  knex: (args) => {
    const w = words(args);
    // `migrate:rollback --all` is read in sql-frameworks.ts
    if (w[0] === 'migrate:down' && args.includes('--all')) return 'migrate:down --all';
    return undefined;
  },
  // Sequelize runs umzug: `db:migrate:undo --to 0` reverts every migration.
  sequelize: (args) => toZero(args, 'db:migrate:undo', ['--to'], []),
  'sequelize-cli': (args) => toZero(args, 'db:migrate:undo', ['--to'], []),
  liquibase: (args) => {
    const i = args.findIndex((a) => /^(rollback-count|rollbackCount)$/.test(a));
    if (i < 0) return undefined;
    const n = opt(args, ['--count']) ?? args[i + 1];
    return manySteps(n) ? `${args[i]} ${n}` : undefined;
  },
  // `alembic downgrade -N` (relative); base is read in sql-resets.ts.
  alembic: (args) => {
    const i = args.indexOf('downgrade');
    const to = args[i + 1];
    return i >= 0 && /^-/.test(to ?? '') && manySteps(to) ? `downgrade ${to}` : undefined;
  },
  // golang-migrate: `down N`.
  migrate: (args) => {
    const i = args.indexOf('down');
    return i >= 0 && manySteps(args[i + 1]) ? `down ${args[i + 1]}` : undefined;
  },
  mix: (args) => {
    if (!args.includes('ecto.rollback')) return undefined;
    const n = opt(args, ['-n', '--step']);
    const to = opt(args, ['--to']);
    return manySteps(n) || ZERO(to) ? `ecto.rollback ${n ?? `--to ${to}`}` : undefined;
  },
  artisan: (args) => {
    if (!args.includes('migrate:rollback')) return undefined;
    const n = opt(args, ['--step']);
    return manySteps(n) ? `migrate:rollback --step=${n}` : undefined;
  },
  rails: railsTasks,
  rake: railsTasks,
};

/** `CMD --to 0` (or a step option with many steps) for the umzug family. */
function toZero(args: string[], command: string, to: string[], step: string[]): string | undefined {
  if (words(args)[0] !== command) return undefined;
  const t = opt(args, to);
  if (ZERO(t)) return `${command} ${to[0]} ${t}`;
  const n = step.length ? opt(args, step) : undefined;
  return manySteps(n) ? `${command} ${step[0]} ${n}` : undefined;
}

/** `rails db:rollback STEP=N`, `rails db:migrate VERSION=0` (also `db:migrate:down VERSION=0`). */
function railsTasks(args: string[]): string | undefined {
  const step = envArg(args, 'STEP');
  if (args.includes('db:rollback') && manySteps(step)) return `db:rollback STEP=${step}`;
  const version = envArg(args, 'VERSION');
  if (args.some((a) => /^db:migrate(:down)?$/.test(a)) && ZERO(version))
    return `db:migrate VERSION=${version}`;
  return undefined;
}

/** The rollback op of one tool command line (program basename and its arguments); [] = none. */
export function rollbackOps(prog: string, args: string[]): FrameworkOp[] {
  const read = Object.hasOwn(READERS, prog) ? READERS[prog] : undefined;
  const said = read?.(args);
  if (!said) return [];
  const target = opt(args, ['-e', '--env', '--environment', '--config', '--url', '--database']) ?? '';
  return [
    {
      tool: prog,
      statement: 'RESET',
      object: 'DATABASE',
      name: '*',
      where: true,
      target: target.replace(/:[^:@/]*@/, ':***@'),
      evidence: `${prog} ${said}`,
    },
  ];
}
