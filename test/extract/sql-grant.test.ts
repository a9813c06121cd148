/**
 * GRANT statements and their equivalents (src/extract/sql-grant.ts): every privilege granted
 * widely reads as object ALL, administrator power as object ADMIN.
 */
import { describe, expect, it } from 'vitest';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');
const grant = (sql: string, dialect: SqlDialect = 'mysql') =>
  classifySql(sql, dialect).map((s) => [s.statement, s.object, s.name]);

describe('GRANT', () => {
  it.each<[string, string[][]]>([
    ["GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION", [['GRANT', 'ALL', "'app'@'%'"]]],
    ["grant all on shop.* to 'svc'@'%' identified by 'x'", [['GRANT', 'ALL', "'svc'@'%'"]]],
    ["GRANT ALL ON *.* TO 'root'@'localhost'", [['GRANT', 'ALL', "'root'@'localhost'"]]],
    ["GRANT SUPER ON *.* TO 'ops'@'10.0.0.1'", [['GRANT', 'ALL', "'ops'@'10.0.0.1'"]]],
    ['GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC', [['GRANT', 'ALL', 'PUBLIC']]],
    // the right to grant it on, and Oracle's every system privilege
    [
      "GRANT ALL PRIVILEGES ON shop.* TO 'app'@'localhost' WITH GRANT OPTION",
      [['GRANT', 'ALL', "'app'@'localhost'"]],
    ],
    ['GRANT ALL PRIVILEGES TO app_owner', [['GRANT', 'ALL', 'app_owner']]],
    // narrower grants
    ["GRANT SELECT ON shop.* TO 'ro'@'localhost'", [['GRANT', '', "'ro'@'localhost'"]]],
    ["GRANT SELECT, INSERT ON *.* TO 'etl'@'%'", [['GRANT', '', "'etl'@'%'"]]],
    ["GRANT ALL PRIVILEGES ON shop.* TO 'app'@'localhost'", [['GRANT', '', "'app'@'localhost'"]]],
    ['GRANT ALL PRIVILEGES ON DATABASE app TO app', [['GRANT', '', 'app']]],
    ['GRANT reporting TO alice', [['GRANT', '', 'alice']]],
    ['GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting', [['GRANT', '', 'reporting']]],
  ])('%s', (sql, want) => expect(grant(sql)).toEqual(want));
});

describe('administrator power, read as GRANT ADMIN', () => {
  it.each<[string, SqlDialect, string]>([
    ['ALTER ROLE app_rw WITH SUPERUSER', 'postgresql', 'app_rw'],
    ['alter user deploy superuser', 'postgresql', 'deploy'],
    ["CREATE ROLE ops WITH LOGIN SUPERUSER PASSWORD 'fake-pass'", 'postgresql', 'ops'],
    ['ALTER ROLE app_rw CREATEROLE', 'postgresql', 'app_rw'],
    ['ALTER USER etl CREATEUSER', 'postgresql', 'etl'],
    ['CREATE ROLE etl LOGIN IN ROLE rds_superuser', 'postgresql', 'etl'],
    ['ALTER GROUP rds_superuser ADD USER etl', 'postgresql', 'etl'],
    ['GRANT rds_superuser TO etl_user', 'postgresql', 'etl_user'],
    ['GRANT pg_write_all_data, pg_read_all_data TO reporting', 'postgresql', 'reporting'],
    ['GRANT pg_execute_server_program TO app', 'postgresql', 'app'],
    ['GRANT cloudsqlsuperuser TO ci', 'postgresql', 'ci'],
    ['GRANT azure_pg_admin TO ci WITH ADMIN OPTION', 'postgresql', 'ci'],
    ['GRANT admin TO deploy', 'postgresql', 'deploy'],
    ['GRANT ROLE ACCOUNTADMIN TO USER ci_bot', 'postgresql', 'ci_bot'],
    ['GRANT ROLE SECURITYADMIN TO ROLE etl_role', 'postgresql', 'etl_role'],
    ['GRANT DBA TO app_owner', 'postgresql', 'app_owner'],
    ['GRANT PSEUDOSUPERUSER TO etl WITH ADMIN OPTION', 'postgresql', 'etl'],
    ['GRANT "pg_read_all_data" TO auditor', 'postgresql', 'auditor'],
    ['GRANT CONTROL SERVER TO [svc_etl]', 'postgresql', 'svc_etl'],
    ['ALTER SERVER ROLE sysadmin ADD MEMBER [CORP\\svc_etl]', 'postgresql', 'CORP\\svc_etl'],
    ['ALTER ROLE db_owner ADD MEMBER app', 'postgresql', 'app'],
    ["EXEC sp_addsrvrolemember 'svc_etl', 'sysadmin'", 'postgresql', 'svc_etl'],
    [
      "EXEC master.dbo.sp_addsrvrolemember @loginame = N'svc_etl', @rolename = N'sysadmin'",
      'postgresql',
      'svc_etl',
    ],
    ["EXEC sp_addrolemember 'db_owner', 'app'", 'postgresql', 'app'],
  ])('%s', (sql, dialect, who) => expect(grant(sql, dialect)).toEqual([['GRANT', 'ADMIN', who]]));

  it.each<[string, SqlDialect]>([
    ["ALTER ROLE dev_user WITH LOGIN PASSWORD 'fake-dev-pass'", 'postgresql'],
    ['ALTER ROLE deploy NOSUPERUSER NOCREATEROLE', 'postgresql'],
    ['ALTER ROLE x SET search_path = superuser', 'postgresql'],
    ["CREATE USER app WITH PASSWORD 'SUPERUSER'", 'postgresql'],
    ['CREATE ROLE reporting NOLOGIN', 'postgresql'],
    ['ALTER ROLE app CREATEDB', 'postgresql'],
    ['REVOKE pg_write_all_data FROM reporting', 'postgresql'],
    ['GRANT CREATE ON SCHEMA public TO admin', 'postgresql'],
    ['ALTER ROLE db_datareader ADD MEMBER app', 'postgresql'],
    ["EXEC sp_addrolemember 'db_datareader', 'app'", 'postgresql'],
    ["SELECT name FROM sys.server_principals WHERE IS_SRVROLEMEMBER('sysadmin', name) = 1", 'postgresql'],
  ])('not: %s', (sql, dialect) =>
    expect(grant(sql, dialect).filter(([, object]) => object === 'ADMIN')).toEqual([]),
  );
});

describe('every route the SQL reader is reached by judges them the same', () => {
  it.each<[string, string]>([
    [
      `psql -h pg.example.internal -U postgres -c 'ALTER ROLE app_rw WITH SUPERUSER;'`,
      'ask databases/grant-admin',
    ],
    [
      `docker exec -i pg psql -U postgres -c 'GRANT pg_write_all_data TO reporting'`,
      'ask databases/grant-admin',
    ],
    [`sqlcmd -S prod-sql -Q "EXEC sp_addsrvrolemember 'svc_etl', 'sysadmin'"`, 'ask databases/grant-admin'],
    [`echo 'GRANT DBA TO app_owner;' | sqlplus -s / as sysdba`, 'ask databases/grant-admin'],
    [
      `python3 - <<'PY'\nimport psycopg2\npsycopg2.connect('dbname=prod').cursor().execute('ALTER ROLE app WITH SUPERUSER')\nPY`,
      'ask databases/grant-admin',
    ],
    [
      `mysql -u root -e "GRANT ALL ON shop.* TO 'app'@'localhost' WITH GRANT OPTION"`,
      'ask databases/grant-all',
    ],
    [`psql -c "ALTER ROLE dev_user WITH LOGIN PASSWORD 'fake-dev-pass'"`, 'allow'],
    [`psql -c '\\du'`, 'allow'],
    [`psql -c 'GRANT SELECT ON t TO reporting'`, 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
