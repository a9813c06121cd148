import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';
import { manySteps } from '../../src/extract/sql-rollbacks.js';

const ctx = analyzeContext(WS);
const ops = (line: string) =>
  (extractSql(command(line.split(' ')), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.object]);
const reset = (tool: string) => [[tool, 'RESET', 'DATABASE']];

describe('migration rollbacks to before the first migration, or by many steps', () => {
  it.each<[string, string[][]]>([
    ['tern migrate --destination 0 --config migrations/prod.conf', reset('tern')],
    ['tern migrate -d 0 -c prod.conf', reset('tern')],
    ['tern migrate --destination -50', reset('tern')],
    ['node-pg-migrate down 1000', reset('node-pg-migrate')],
    ['node-pg-migrate down --count Infinity', reset('node-pg-migrate')],
    ['node-pg-migrate down $STEPS', reset('node-pg-migrate')],
    ['db-migrate reset -e production', reset('db-migrate')],
    ['db-migrate down -c 999 -e prod', reset('db-migrate')],
    ['umzug down --to 0', reset('umzug')],
    ['mikro-orm migration:down --to 0', reset('mikro-orm')],
    ['sqlx migrate revert --target-version 0', reset('sqlx')],
    ['knex migrate:down --all --env production', reset('knex')],
    ['sequelize-cli db:migrate:undo --to 0 --env production', reset('sequelize-cli')],
    ['liquibase --url=jdbc:postgresql://db.prod/app rollback-count 500', reset('liquibase')],
    ['liquibase rollbackCount 999', reset('liquibase')],
    ['alembic downgrade -50', reset('alembic')],
    ['alembic -x env=prod downgrade base', reset('alembic')],
    ['migrate -path db -database $DATABASE_URL down 99', reset('migrate')],
    ['mix ecto.rollback --step 100', reset('mix')],
    ['rails db:rollback STEP=100', reset('rails')],
    ['rake db:migrate VERSION=0', reset('rake')],
    // one step, a few, a named target, forward migrations, status and new files
    ['tern migrate --config migrations/prod.conf', []],
    ['tern migrate --destination -1', []],
    ['tern migrate --destination 42', []],
    ['node-pg-migrate down', []],
    ['node-pg-migrate down 2', []],
    ['db-migrate down -e development', []],
    ['db-migrate up -e production', []],
    ['umzug down --to 20240101-add-users.js', []],
    ['liquibase rollback-count 1', []],
    ['alembic downgrade -1', []],
    ['alembic -x env=prod downgrade ae1027a6acf', []],
    ['migrate -path db -database $DATABASE_URL down 1', []],
    ['rails db:rollback STEP=2', []],
    ['rails db:migrate VERSION=20240101000000', []],
  ])('%s', (line, want) => {
    expect(ops(line)).toEqual(want);
  });
});

describe('how many steps count as many', () => {
  it.each<[string | undefined, boolean]>([
    ['10', true],
    ['-1000', true],
    ['Infinity', true],
    ['all', true],
    ['$N', true],
    ['9', false],
    ['1', false],
    ['', false],
    [undefined, false],
    ['20240101-add-users', false],
  ])('%j', (value, want) => {
    expect(manySteps(value)).toBe(want);
  });
});
