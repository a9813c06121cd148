/**
 * Migration, schema and restore tools whose command drops, resets or wipes a database, read
 * by program and command words: `goose … reset`, `migrate … drop`, `flyway clean` (also the
 * Maven goal `flyway:clean` and the Gradle task `flywayClean`), `liquibase dropAll`, Doctrine's
 * `doctrine:schema:drop --force`, `hasura migrate apply --down all`, WP-CLI's `wp db reset`,
 * applications' own uninstallers and reinstallers that drop their database (`bin/magento
 * setup:uninstall`, `setup:install --cleanup-database`, `drush site:install`),
 * schema pushes told to accept data loss (`skeema push --allow-unsafe`, `psqldef
 * --enable-drop-table`), and restore tools that drop before they load (`pg_restore --clean`,
 * `mongorestore --drop`, `pgcopydb clone --drop-if-exists`), and rollbacks of every migration
 * (`yoyo rollback --all`, `phinx rollback -t 0`).
 */
import type { FrameworkOp } from './sql-frameworks.js';

interface ResetRow {
  /** Tested against the command words (positionals from the tool's first command word, joined by spaces). */
  words: RegExp;
  /** When set, one argument must match it (`--force`). */
  flags?: RegExp;
  /** When set, the arguments joined by spaces must match it (an option and its value: `--down all`). */
  argText?: RegExp;
  /** When set, no argument may match it (`--dry-run`, `--append`). */
  unless?: RegExp;
  statement: string;
  object: string;
}

/** A Maven goal or Gradle task among the words (`mvn -Pdev flyway:clean`, `./gradlew :db:flywayClean`). */
const goal = (re: string) => new RegExp(`(?:^|\\s)(?:\\S+:)?(?:${re})(?=\\s|$)`);

const DOCTRINE: ResetRow[] = [
  { words: /^doctrine:schema:drop\b/, flags: /^(--force|-f)$/, statement: 'DROP', object: 'SCHEMA' },
  { words: /^doctrine:database:drop\b/, flags: /^(--force|-f)$/, statement: 'DROP', object: 'DATABASE' },
  { words: /^doctrine:migrations:migrate first\b/, statement: 'RESET', object: 'DATABASE' },
  // Loading fixtures purges every table first unless told to append.
  { words: /^doctrine:fixtures:load\b/, unless: /^--append$/, statement: 'TRUNCATE', object: 'TABLE' },
];
const SQLDEF: ResetRow[] = [
  {
    words: /^/,
    flags: /^--enable-drop(-table)?$/,
    unless: /^--dry-run$/,
    statement: 'RESET',
    object: 'SCHEMA',
  },
];

const RESETS: Record<string, ResetRow[]> = {
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
  // Flyway's clean (refused only when the project's configuration keeps cleanDisabled) and Liquibase's dropAll as build goals.
  mvn: [
    { words: goal('flyway(?:-maven-plugin)?(?::[\\d.]+)?:clean'), statement: 'DROP', object: 'SCHEMA' },
    { words: goal('liquibase(?:-maven-plugin)?(?::[\\d.]+)?:dropAll'), statement: 'DROP', object: 'SCHEMA' },
  ],
  gradle: [
    { words: goal('flywayClean'), statement: 'DROP', object: 'SCHEMA' },
    { words: goal('dropAll'), statement: 'DROP', object: 'SCHEMA' },
  ],
  dbmate: [{ words: /^drop\b/, statement: 'DROP', object: 'DATABASE' }],
  goose: [{ words: /^(reset|down-to 0)\b/, statement: 'RESET', object: 'DATABASE' }],
  migrate: [
    { words: /^drop\b/, statement: 'DROP', object: 'DATABASE' },
    { words: /^down$/, statement: 'RESET', object: 'DATABASE' },
    { words: /^down\b/, flags: /^--?all$/, statement: 'RESET', object: 'DATABASE' },
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
  console: DOCTRINE,
  // `sqitch revert` / `rebase` undo every change unless told where to stop (`--to`, `--onto`);
  // stopping at @ROOT is every change too. A positional is a target (`db:pg://…`) or a change.
  sqitch: [
    {
      words: /^(revert|rebase)(?: (?:db:\S+|[a-z][\w+.-]*:\/\/\S+|@ROOT))*$/,
      unless: /^--(to|to-change|onto|onto-change)(=|$)/,
      statement: 'RESET',
      object: 'DATABASE',
    },
    {
      words: /^(revert|rebase)\b/,
      argText: /(?:^|\s)--(?:to|to-change|onto|onto-change)(?:=|\s+)@?ROOT(?:\s|$)/,
      statement: 'RESET',
      object: 'DATABASE',
    },
  ],
  atlas: [{ words: /^schema clean\b/, statement: 'DROP', object: 'SCHEMA' }],
  // "Fresh", "refresh" and "reset" commands of ORMs' migrators: every table dropped or every
  // migration rolled back (SeaORM, AdonisJS `node ace`, Payload, Yii, Masonite/Orator, Encore).
  'sea-orm-cli': [{ words: /^migrate (fresh|refresh|reset)\b/, statement: 'RESET', object: 'DATABASE' }],
  // A SeaORM project's own migrator crate: `cargo run -p migration -- fresh`.
  cargo: [
    {
      words: /^run\b/,
      argText: /\bmigration\b.*\s--\s+(?:-\S+\s+)*(fresh|refresh|reset)(?:\s|$)/,
      statement: 'RESET',
      object: 'DATABASE',
    },
  ],
  ace: [
    { words: /^(migration:(fresh|refresh|reset)|db:wipe)\b/, statement: 'RESET', object: 'DATABASE' },
    { words: /^db:truncate\b/, statement: 'TRUNCATE', object: 'TABLE' },
  ],
  payload: [{ words: /^migrate:(fresh|refresh|reset)\b/, statement: 'RESET', object: 'DATABASE' }],
  yii: [
    { words: /^migrate\/fresh\b/, statement: 'RESET', object: 'DATABASE' },
    { words: /^migrate\/down all\b/, statement: 'RESET', object: 'DATABASE' },
  ],
  'masonite-orm': [{ words: /^migrate:(refresh|reset)\b/, statement: 'RESET', object: 'DATABASE' }],
  orator: [{ words: /^migrate:(refresh|reset)\b/, statement: 'RESET', object: 'DATABASE' }],
  encore: [{ words: /^db reset\b/, statement: 'RESET', object: 'DATABASE' }],
  'typeorm-cli': [{ words: /^schema:drop\b/, statement: 'DROP', object: 'SCHEMA' }],
  'mikro-orm': [
    { words: /^(schema:drop|schema:fresh|migration:fresh)\b/, statement: 'RESET', object: 'DATABASE' },
  ],
  'drizzle-kit': [{ words: /^(drop|push)\b/, flags: /^--force$/, statement: 'RESET', object: 'SCHEMA' }],
  // Every migration rolled back: `hasura migrate apply --down all`.
  hasura: [
    {
      words: /^migrate apply\b/,
      argText: /(?:^|\s)--down(?:=|\s+)all(?:\s|$)/,
      statement: 'RESET',
      object: 'DATABASE',
    },
  ],
  wp: [
    { words: /^db (reset|clean)\b/, statement: 'RESET', object: 'DATABASE' },
    { words: /^db drop\b/, statement: 'DROP', object: 'DATABASE' },
  ],
  // Installing a Drupal site over an existing one drops every table of its database first.
  drush: [
    { words: /^(sql:drop|sql-drop|site:install|site-install|si)\b/, statement: 'RESET', object: 'DATABASE' },
  ],
  // Magento's uninstaller drops the store's database (and deletes its configuration); the
  // installer told to clean up drops it before installing.
  magento: [
    { words: /^setup:uninstall\b/, statement: 'DROP', object: 'DATABASE' },
    { words: /^setup:install\b/, flags: /^--cleanup-database$/, statement: 'RESET', object: 'DATABASE' },
  ],
  // Declarative schema tools told to apply drops of what the schema file lacks.
  skeema: [
    {
      words: /^push\b/,
      flags: /^--allow-unsafe$/,
      unless: /^--dry-run$/,
      statement: 'RESET',
      object: 'SCHEMA',
    },
  ],
  psqldef: SQLDEF,
  mysqldef: SQLDEF,
  sqlite3def: SQLDEF,
  mssqldef: SQLDEF,
  pg_restore: [
    { words: /^/, flags: /^(-c|--clean|-[a-zA-Z]*c[a-zA-Z]*)$/, statement: 'DROP', object: 'TABLE' },
  ],
  mongorestore: [{ words: /^/, flags: /^--drop$/, statement: 'DROP', object: 'COLLECTION' }],
  // mydumper's loader drops each table it loads that already exists (`-o`; newer: `--drop-table[=MODE]`).
  myloader: [
    {
      words: /^/,
      flags: /^(-o|--overwrite-tables|--drop-table(=(?!(NONE|FAIL)$).*)?)$/i,
      statement: 'DROP',
      object: 'TABLE',
    },
  ],
  // `--with "include drop"`: every target table the source also has is dropped and recreated.
  pgloader: [
    {
      words: /^/,
      argText: /(?:^|\s)--with(?:=|\s+)include drop(?:[\s,]|$)/i,
      statement: 'DROP',
      object: 'TABLE',
    },
  ],
  // Every migration rolled back: `yoyo rollback --all`, `phinx rollback -t 0` (target 0 is
  // before the first one). Without them one migration is rolled back (routine).
  yoyo: [{ words: /^rollback\b/, flags: /^(--all|-a)$/, statement: 'RESET', object: 'DATABASE' }],
  phinx: [
    {
      words: /^rollback\b/,
      argText: /(?:^|\s)(?:-t|--target)(?:=|\s+)0(?:\s|$)/,
      statement: 'RESET',
      object: 'DATABASE',
    },
  ],
  // pgcopydb drops each target table that already exists before it copies it.
  pgcopydb: [
    { words: /^(clone|copy|fork)\b/, flags: /^--drop-if-exists$/, statement: 'DROP', object: 'TABLE' },
  ],
  // Copying or moving a backup into the data directory replaces what the server held.
  xtrabackup: [{ words: /^/, flags: /^--(copy|move)-back$/, statement: 'RESET', object: 'DATABASE' }],
  // A restore over an existing data directory (`--delta`, `--force`) overwrites it.
  pgbackrest: [
    { words: /(?:^|\s)restore(?:\s|$)/, flags: /^--(delta|force)$/, statement: 'RESET', object: 'DATABASE' },
  ],
};
RESETS.mvnw = RESETS.mvn;
RESETS.gradlew = RESETS.gradle;
RESETS['hasura-cli'] = RESETS.hasura;
RESETS.mariabackup = RESETS.xtrabackup;
RESETS.innobackupex = RESETS.xtrabackup;

/**
 * Command words of tools whose options (or a driver and connection string, for goose) may come
 * before the command: the words are read from the first one that is a command of the tool.
 */
const COMMANDS: Record<string, RegExp> = {
  goose: /^(up|up-by-one|up-to|down|down-to|redo|reset|status|version|create|fix|validate|env)$/,
  migrate: /^(create|goto|up|down|drop|force|version)$/,
  dbmate: /^(new|n|up|create|drop|migrate|rollback|down|status|dump|load|wait)$/,
  flyway: /^(migrate|clean|info|validate|undo|baseline|repair|snapshot|check|auth)$/,
  sqitch:
    /^(init|target|engine|add|deploy|revert|rebase|checkout|verify|status|log|tag|rework|bundle|show|plan|upgrade|config|help)$/,
  liquibase:
    /^(update|update-count|update-to-tag|rollback|rollback-count|rollback-to-date|drop-all|dropAll|status|history|diff|diff-changelog|generate-changelog|changelog-sync|tag|validate|clear-checksums|release-locks|snapshot)$/,
};

/** Options that take a separate value (Go tools accept `-x` and `--x` alike), so the value is not a command word. */
const VALUE_OPTIONS: Record<string, RegExp> = {
  alembic: /^(-x|-c|--config|-n|--name)$/,
  goose: /^--?(dir|table|certfile|ssl-cert|ssl-key|env|timeout)$/,
  migrate: /^--?(path|source|database|lock-timeout|prefetch|config)$/,
  dbmate: /^(-u|--url|-d|--migrations-dir|-s|--schema-file|-e|--env|--migrations-table|--wait-timeout)$/,
  sqitch:
    /^(-C|--chdir|--cd|--etc-path|--plan-file|-f|--top-dir|--registry|--client|--db-client|-d|--db-name|-u|--db-user|--db-username|-h|--db-host|-p|--db-port|-t|--target|--to|--to-change|--to-target|--onto|--onto-change|--onto-target|--upto|--upto-change|--upto-target|--mode|-s|--set|--lock-timeout)$/,
  'sea-orm-cli': /^(-d|--migration-dir|-s|--database-schema|-u|--database-url)$/,
  liquibase:
    /^--(changelog-file|url|username|password|defaults-file|search-path|contexts|labels|count|tag|date)$/,
};

/** Positionals of a tool's arguments, values of its value-taking options left out. */
function commandWords(prog: string, args: string[], positionals: string[]): string[] {
  if (!Object.hasOwn(VALUE_OPTIONS, prog)) return positionals;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUE_OPTIONS[prog].test(args[i])) i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

/** The reset ops of one tool command line (program basename, its arguments, their positionals). */
export function resetOps(prog: string, args: string[], allPositionals: string[]): FrameworkOp[] {
  const rows = Object.hasOwn(RESETS, prog) ? RESETS[prog] : undefined;
  if (!rows) return [];
  const positionals = commandWords(prog, args, allPositionals);
  const command = Object.hasOwn(COMMANDS, prog) ? positionals.findIndex((w) => COMMANDS[prog].test(w)) : -1;
  const pos = command > 0 ? positionals.slice(command) : positionals;
  const words = pos.join(' ');
  for (const r of rows) {
    if (!r.words.test(words)) continue;
    if (r.flags && !args.some((a) => r.flags!.test(a))) continue;
    if (r.argText && !r.argText.test(args.join(' '))) continue;
    if (r.unless && args.some((a) => r.unless!.test(a))) continue;
    const target =
      args.find((a, i) => /^(-d|--dbname|--db|--uri|--url|--database-url)$/.test(args[i - 1] ?? '') && a) ??
      '';
    return [
      {
        tool: prog,
        statement: r.statement,
        object: r.object,
        name: '*',
        where: true,
        target: target.replace(/:[^:@/]*@/, ':***@'),
        evidence: [prog, ...pos.slice(0, 2)].join(' '),
      },
    ];
  }
  return [];
}
