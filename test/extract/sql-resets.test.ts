import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const ctx = analyzeContext(WS);
const ops = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.object]);

describe('migration and schema tools that drop, reset or wipe a database', () => {
  it.each<[string[], string[][]]>([
    [
      ['goose', '-dir', 'db/migrations', 'postgres', '$DATABASE_URL', 'reset'],
      [['goose', 'RESET', 'DATABASE']],
    ],
    [['goose', 'reset'], [['goose', 'RESET', 'DATABASE']]],
    [['goose', '-dir', 'db', 'mysql', 'user@/app', 'down-to', '0'], [['goose', 'RESET', 'DATABASE']]],
    [
      ['migrate', '-path', 'db/migrations', '-database', '$DATABASE_URL', 'drop', '-f'],
      [['migrate', 'DROP', 'DATABASE']],
    ],
    [
      ['migrate', '-source', 'file://m', '-database', 'pg://h/db', 'down', '-all'],
      [['migrate', 'RESET', 'DATABASE']],
    ],
    [['migrate', '-path', 'm', '-database', 'pg://h/db', 'down'], [['migrate', 'RESET', 'DATABASE']]],
    [['dbmate', '--url', 'postgres://h/db', 'drop'], [['dbmate', 'DROP', 'DATABASE']]],
    [['./mvnw', 'flyway:clean', '-Dflyway.cleanDisabled=false'], [['mvnw', 'DROP', 'SCHEMA']]],
    [['mvn', '-Pdev', 'org.flywaydb:flyway-maven-plugin:10.0.0:clean'], [['mvn', 'DROP', 'SCHEMA']]],
    [['mvn', 'liquibase:dropAll'], [['mvn', 'DROP', 'SCHEMA']]],
    [['./gradlew', ':db:flywayClean'], [['gradlew', 'DROP', 'SCHEMA']]],
    [['gradle', 'dropAll'], [['gradle', 'DROP', 'SCHEMA']]],
    [['liquibase', '--changelog-file', 'c.xml', 'drop-all'], [['liquibase', 'DROP', 'SCHEMA']]],
    [
      ['hasura', 'migrate', 'apply', '--down', 'all', '--database-name', 'default'],
      [['hasura', 'RESET', 'DATABASE']],
    ],
    [['hasura', 'migrate', 'apply', '--down=all'], [['hasura', 'RESET', 'DATABASE']]],
    [
      ['php', 'bin/console', 'doctrine:schema:drop', '--force', '--full-database'],
      [['console', 'DROP', 'SCHEMA']],
    ],
    [['symfony', 'console', 'doctrine:database:drop', '--force'], [['console', 'DROP', 'DATABASE']]],
    [['bin/console', 'doctrine:migrations:migrate', 'first', '-n'], [['console', 'RESET', 'DATABASE']]],
    [['php', 'bin/console', 'doctrine:fixtures:load', '-n'], [['console', 'TRUNCATE', 'TABLE']]],
    [['wp', 'db', 'reset', '--yes'], [['wp', 'RESET', 'DATABASE']]],
    [['wp', 'db', 'drop', '--yes'], [['wp', 'DROP', 'DATABASE']]],
    [['drush', 'sql:drop', '-y'], [['drush', 'RESET', 'DATABASE']]],
    [['drush', 'site:install', 'standard', '-y'], [['drush', 'RESET', 'DATABASE']]],
    [['drush', 'si', '-y'], [['drush', 'RESET', 'DATABASE']]],
    [['bin/magento', 'setup:uninstall', '-n'], [['magento', 'DROP', 'DATABASE']]],
    [['php', 'bin/magento', 'setup:uninstall'], [['magento', 'DROP', 'DATABASE']]],
    [
      ['php', 'bin/magento', 'setup:install', '--cleanup-database', '--db-host=db'],
      [['magento', 'RESET', 'DATABASE']],
    ],
    [['skeema', 'push', 'production', '--allow-unsafe'], [['skeema', 'RESET', 'SCHEMA']]],
    [
      ['psqldef', '-U', 'app', 'shop', '--enable-drop-table', '-f', 'schema.sql'],
      [['psqldef', 'RESET', 'SCHEMA']],
    ],
    [['npx', 'prisma', 'db', 'push', '--accept-data-loss'], [['prisma', 'RESET', 'SCHEMA']]],
    [
      ['sqitch', 'revert', '--to', '@ROOT', '-y', 'db:pg://admin@db.example.com/shop'],
      [['sqitch', 'RESET', 'DATABASE']],
    ],
    [['sqitch', 'revert', '-y', 'db:pg://admin@db.example.com/shop'], [['sqitch', 'RESET', 'DATABASE']]],
    [['sqitch', '-C', 'db', 'revert', '--to-change=ROOT', '-y'], [['sqitch', 'RESET', 'DATABASE']]],
    [['sqitch', 'rebase', '-y', 'db:mysql://h/app'], [['sqitch', 'RESET', 'DATABASE']]],
    [['sqitch', 'revert'], [['sqitch', 'RESET', 'DATABASE']]],
    // Routine: forward migrations, status, dry runs, a partial rollback, a doctrine drop without --force (prints SQL only).
    [['goose', '-dir', 'db/migrations', 'postgres', '$DATABASE_URL', 'up'], []],
    [['goose', '-dir', 'reset', 'postgres', 'x', 'status'], []],
    [['migrate', '-path', 'm', '-database', 'pg://h/db', 'down', '1'], []],
    [['migrate', '-path', 'drop', '-database', 'pg://h/db', 'up'], []],
    [['./mvnw', 'flyway:migrate'], []],
    [['bin/magento', 'setup:upgrade'], []],
    [['php', 'bin/magento', 'setup:install', '--db-host=db'], []],
    [['drush', 'status'], []],
    [['./mvnw', 'clean', 'install'], []],
    [['./gradlew', 'clean', 'build', 'flywayMigrate'], []],
    [['hasura', 'migrate', 'apply', '--down', '1'], []],
    [['hasura', 'migrate', 'apply', '--database-name', 'default'], []],
    [['php', 'bin/console', 'doctrine:schema:drop', '--dump-sql'], []],
    [['php', 'bin/console', 'doctrine:fixtures:load', '--append'], []],
    [['php', 'bin/console', 'doctrine:migrations:migrate', '-n'], []],
    [['wp', 'db', 'export', 'backup.sql'], []],
    [['skeema', 'push', 'production'], []],
    [['skeema', 'push', '--allow-unsafe', '--dry-run'], []],
    [['psqldef', '--enable-drop-table', '--dry-run', 'shop'], []],
    [['npx', 'prisma', 'db', 'push'], []],
    // Partial reverts and rebases stop at a named change; deploy and status change nothing.
    [['sqitch', 'revert', '--to', '@HEAD^', '-y', 'db:pg://h/shop'], []],
    [['sqitch', 'revert', 'add_users_table', '-y'], []],
    [['sqitch', 'rebase', '--onto', '@HEAD^^', '-y'], []],
    [['sqitch', 'deploy', 'db:pg://h/shop'], []],
    [['sqitch', '-C', 'revert', 'status'], []],
    // Loaders that drop what they load over, and physical restores into a data directory.
    [['myloader', '--overwrite-tables', '-d', './dumps', '-B', 'shop'], [['myloader', 'DROP', 'TABLE']]],
    [['myloader', '-o', '-d', './dumps'], [['myloader', 'DROP', 'TABLE']]],
    [['myloader', '--drop-table=DROP', '-d', './dumps'], [['myloader', 'DROP', 'TABLE']]],
    [['myloader', '--drop-table=FAIL', '-d', './dumps'], []],
    [['myloader', '-d', './dumps', '-B', 'shop'], []],
    [
      ['pgloader', '--with', 'include drop', 'mysql://h/shop', 'pgsql://h/shop'],
      [['pgloader', 'DROP', 'TABLE']],
    ],
    [
      ['pgloader', '--with=include drop', 'mysql://h/shop', 'pgsql://h/shop'],
      [['pgloader', 'DROP', 'TABLE']],
    ],
    [['pgloader', '--with', 'include no drop', 'mysql://h/shop', 'pgsql://h/shop'], []],
    [['pgloader', 'mysql://h/shop', 'pgsql://h/shop'], []],
    [
      ['xtrabackup', '--copy-back', '--target-dir=/b', '--datadir=/var/lib/mysql'],
      [['xtrabackup', 'RESET', 'DATABASE']],
    ],
    [['mariabackup', '--move-back', '--target-dir=/b'], [['mariabackup', 'RESET', 'DATABASE']]],
    [['xtrabackup', '--backup', '--target-dir=./b'], []],
    [['innobackupex', '--apply-log', '/b'], []],
    [['pgbackrest', '--stanza=main', '--delta', 'restore'], [['pgbackrest', 'RESET', 'DATABASE']]],
    [['pgbackrest', '--stanza=main', 'restore', '--force'], [['pgbackrest', 'RESET', 'DATABASE']]],
    [['pgbackrest', '--stanza=main', 'restore'], []],
    [['pgbackrest', '--stanza=main', '--delta', 'backup'], []],
    // ORMs' migrators: "fresh", "refresh" and "reset" drop every table or roll every migration back.
    [['sea-orm-cli', 'migrate', 'fresh', '-u', '$DATABASE_URL'], [['sea-orm-cli', 'RESET', 'DATABASE']]],
    [['sea-orm-cli', 'migrate', '-u', 'postgres://h/db', 'reset'], [['sea-orm-cli', 'RESET', 'DATABASE']]],
    [['sea-orm-cli', 'migrate', 'refresh'], [['sea-orm-cli', 'RESET', 'DATABASE']]],
    [['cargo', 'run', '-p', 'migration', '--', 'fresh'], [['cargo', 'RESET', 'DATABASE']]],
    [['node', 'ace', 'migration:fresh', '--seed'], [['ace', 'RESET', 'DATABASE']]],
    [['node', 'ace', 'db:wipe'], [['ace', 'RESET', 'DATABASE']]],
    [['node', 'ace', 'db:truncate'], [['ace', 'TRUNCATE', 'TABLE']]],
    [['npx', 'payload', 'migrate:fresh'], [['payload', 'RESET', 'DATABASE']]],
    [['./yii', 'migrate/fresh', '--interactive=0'], [['yii', 'RESET', 'DATABASE']]],
    [['php', 'yii', 'migrate/down', 'all'], [['yii', 'RESET', 'DATABASE']]],
    [['masonite-orm', 'migrate:reset'], [['masonite-orm', 'RESET', 'DATABASE']]],
    [['orator', 'migrate:refresh'], [['orator', 'RESET', 'DATABASE']]],
    [['encore', 'db', 'reset', 'orders'], [['encore', 'RESET', 'DATABASE']]],
    [['yarn', 'rw', 'prisma', 'migrate', 'reset'], [['prisma', 'RESET', 'DATABASE']]],
    [['blitz', 'prisma', 'migrate', 'reset'], [['prisma', 'RESET', 'DATABASE']]],
    // Forward migrations, one step back, status, code generation.
    [['sea-orm-cli', 'migrate', 'up'], []],
    [['sea-orm-cli', 'migrate', 'down'], []],
    [['sea-orm-cli', 'migrate', 'status', '-u', 'reset'], []],
    [['sea-orm-cli', 'generate', 'entity', '-o', 'src/entities'], []],
    [['cargo', 'run', '-p', 'migration', '--', 'up'], []],
    [['cargo', 'run', '--', 'reset'], []],
    [['node', 'ace', 'migration:run'], []],
    [['npx', 'payload', 'migrate'], []],
    [['php', 'yii', 'migrate/down', '1'], []],
    [['encore', 'db', 'shell', 'orders'], []],
    [['yarn', 'rw', 'prisma', 'migrate', 'dev'], []],
  ])('%j', (argv, want) => {
    expect(ops(argv)).toEqual(want);
  });
});
