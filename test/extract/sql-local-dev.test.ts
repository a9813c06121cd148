/**
 * Drops and unfiltered writes on a development or test database on this machine
 * (src/extract/sql-local-dev.ts): allowed only with an explicit loopback host or socket, a
 * dev/test database name, SQL written on the command line or in a here-document that stays in
 * that database, run here. Any doubt (no host, a remote host, a kept or plain name, ssh or a
 * container, a switch to another database, a value the shell fills in) keeps asking.
 */
import { describe, expect, it } from 'vitest';
import { devDatabaseName } from '../../src/extract/sql-local-dev.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

describe('devDatabaseName', () => {
  it.each<[string, boolean]>([
    ['metrics_dev', true],
    ['orders_test', true],
    ['app-e2e', true],
    ['test', true],
    ['metrics', false],
    ['metrics_prod_dev', false],
    ['staging_test', false],
    ['devices', false],
    ['', false],
  ])('%s → %s', (name, want) => expect(devDatabaseName(name)).toBe(want));
});

describe('local development databases', () => {
  it.each([
    `psql postgresql://postgres:postgres@localhost:5432/metrics_dev -c "SELECT drop_chunks('sensor_readings', older_than => INTERVAL '7 days');"`,
    `psql -h localhost -U postgres -d orders_test -c "TRUNCATE orders"`,
    `psql -h 127.0.0.1 --dbname=app_dev -c 'DROP TABLE public.sessions'`,
    `psql 'host=/var/run/postgresql dbname=app_dev' -c 'DELETE FROM carts'`,
    `sudo -u postgres psql -h /tmp app_test -c 'DROP TABLE t'`,
    `mysql -h 127.0.0.1 -u root app_test -e 'DROP TABLE sessions'`,
    `mysql -hlocalhost -Dshop_dev -e 'TRUNCATE carts'`,
    `mariadb --socket=/run/mysqld/mysqld.sock --database=app_test -e 'DELETE FROM jobs'`,
    "psql -h localhost -d app_test <<'SQL'\nTRUNCATE t;\nSQL",
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });

  it.each([
    // not this machine, or not said to be
    `psql postgresql://postgres:postgres@db.prod.example.com:5432/metrics_dev -c "SELECT drop_chunks('r', older_than => INTERVAL '7 days')"`,
    `psql -d app_dev -c 'DROP TABLE t'`,
    `PGHOST=db.prod.example.com psql app_dev -c 'DROP TABLE t'`,
    `psql -h "$DB_HOST" -d app_dev -c 'DROP TABLE t'`,
    `psql 'postgresql://u@localhost/app_dev?host=db.prod.example.com' -c 'DROP TABLE t'`,
    `ssh db1.example.com "psql -h localhost -d metrics_dev -c 'DROP TABLE sensor_readings'"`,
    `docker exec db psql -h localhost -d app_dev -c 'DROP TABLE t'`,
    // not a dev or test name
    `psql postgresql://postgres:postgres@localhost:5432/metrics -c "SELECT drop_chunks('r', older_than => INTERVAL '7 days')"`,
    `psql -h localhost -d metrics_prod_dev -c 'DROP TABLE t'`,
    `psql -h localhost -d "$DB" -c 'DROP TABLE t'`,
    // leaves the database it names
    `mysql -h localhost app_test -e 'USE billing; DROP TABLE invoices'`,
    `mysql -h localhost app_test -e 'DROP TABLE billing.invoices'`,
    `psql -h localhost -d app_test -c 'DROP TABLE t' -c '\\c prod' -c 'DROP TABLE t'`,
    // the database itself, or what keeps it recoverable
    `psql -h localhost -d app_dev -c 'DROP DATABASE app_dev'`,
    `psql -h localhost -d app_test -c 'ALTER SYSTEM SET archive_mode = off'`,
  ])('%s still asks', (cmd) => {
    expect(verdict(cmd)).toMatch(/^ask databases\//);
  });
});
