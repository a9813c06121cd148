/**
 * GRANT statements and their equivalents (sql-statements.ts): what is granted and how widely.
 *
 * A grant of every privilege (`ALL [PRIVILEGES]`, MySQL's `SUPER`) is wide when it covers every
 * database (`ON *.*`), goes to an account at any host (`'app'@'%'`) or to everyone (`TO PUBLIC`),
 * comes with the right to grant it on (`WITH GRANT OPTION`), or is Oracle's every system
 * privilege (no `ON`); such a grant reads as object `ALL`. Narrower grants (`GRANT SELECT ON
 * shop.* TO 'ro'@'localhost'`, `GRANT ALL ON DATABASE app TO app`) read with no object.
 *
 * Administrator power reads as a GRANT of object `ADMIN` whose name is who gets it: a role that
 * can do anything or read and write everything granted (`GRANT rds_superuser TO x`,
 * `pg_write_all_data`, Snowflake's `GRANT ROLE ACCOUNTADMIN TO USER x`, Oracle's `DBA`, SQL
 * Server's `CONTROL SERVER`), a role given an administrator attribute (`ALTER ROLE x SUPERUSER`,
 * `CREATEROLE`, Redshift's `CREATEUSER`; also when created so), and a member added to an
 * administrator role (`ALTER SERVER ROLE sysadmin ADD MEMBER x`, `sp_addsrvrolemember`,
 * `sp_addrolemember 'db_owner', x`). Attributes taken away (`NOSUPERUSER`) are not.
 */
import { isWord, type SqlToken } from './sql-tokenize.js';
import type { SqlStmt } from './sql-statements.js';

/**
 * Roles whose holder can do anything on the server, act as its operating-system user, or read or
 * write every table (upper-case; matched against granted names and roles members are added to).
 */
const ADMIN_ROLES = new Set([
  // PostgreSQL's predefined roles, the hosted services' superuser roles, the bootstrap superuser
  ...['PG_WRITE_ALL_DATA', 'PG_READ_ALL_DATA', 'PG_EXECUTE_SERVER_PROGRAM', 'PG_WRITE_SERVER_FILES'],
  ...['PG_READ_SERVER_FILES', 'RDS_SUPERUSER', 'CLOUDSQLSUPERUSER', 'AZURE_PG_ADMIN', 'ALLOYDBSUPERUSER'],
  ...['POSTGRES', 'ADMIN', 'SYS:SUPERUSER', 'SYS:SECADMIN', 'SYS:DBA'],
  // Snowflake, Oracle, Vertica, SQL Server (server and database roles)
  ...['ACCOUNTADMIN', 'SECURITYADMIN', 'ORGADMIN', 'SYSADMIN', 'DBA', 'SYSDBA', 'SYSOPER'],
  ...['PSEUDOSUPERUSER', 'DBADMIN'],
  ...['IMP_FULL_DATABASE', 'SERVERADMIN', 'DB_OWNER', 'DB_SECURITYADMIN'],
]);
/** Role attributes that make an administrator (PostgreSQL, Redshift's CREATEUSER). */
const ADMIN_ATTRIBUTES = new Set(['SUPERUSER', 'CREATEROLE', 'CREATEUSER']);

const admin = (name: string): SqlStmt => ({ statement: 'GRANT', object: 'ADMIN', name, where: true });
/** A name as written (`'app'@'%'`, `[CORP\svc]`): strings quoted again, SQL Server's brackets dropped. */
const spell = (ts: SqlToken[]) =>
  ts
    .filter((t) => t.text !== '[' && t.text !== ']')
    .map((t) => (t.type === 'string' ? `'${t.raw}'` : t.raw))
    .join('');

/**
 * The words of `ALTER|CREATE ROLE|USER name …` that set attributes: those before any `SET`,
 * `RESET`, `RENAME` or `IN DATABASE` part; empty when the statement is not one.
 */
export function roleAttributes(tokens: SqlToken[]): SqlToken[] {
  if (!isWord(tokens[0], 'ALTER', 'CREATE') || !isWord(tokens[1], 'ROLE', 'USER')) return [];
  const end = tokens.findIndex((t, i) => i > 2 && isWord(t, 'SET', 'RESET', 'RENAME', 'IN'));
  return tokens.slice(3, end < 0 ? tokens.length : end).filter((t) => t.type === 'word');
}

/** The GRANT statement `tokens` is (its first word GRANT); undefined = not a GRANT. */
export function grantOf(tokens: SqlToken[]): SqlStmt | undefined {
  if (tokens[0]?.text !== 'GRANT') return undefined;
  const words = tokens.filter((t) => t.depth === 0);
  const on = words.findIndex((t) => t.type === 'word' && t.text === 'ON');
  const to = words.findIndex((t) => t.type === 'word' && t.text === 'TO');
  const privileges = words.slice(1, on > 0 ? on : to > 0 ? to : words.length);
  const all = privileges.some((t) => t.type === 'word' && (t.text === 'ALL' || t.text === 'SUPER'));
  const target = on > 0 ? words.slice(on + 1, to > 0 ? to : words.length) : [];
  const everything = target.map((t) => t.raw).join('') === '*.*';
  const grantees = to > 0 ? words.slice(to + 1) : [];
  const end = grantees.findIndex((t) => t.type === 'word' && (t.text === 'WITH' || t.text === 'IDENTIFIED'));
  // Snowflake's `TO USER x` / `TO ROLE r`
  const who = (end < 0 ? grantees : grantees.slice(0, end)).filter(
    (t, i) => !(i === 0 && t.type === 'word' && (t.text === 'USER' || t.text === 'ROLE')),
  );
  const anyHost = who.some((t, i) => t.text === '@' && who[i + 1]?.raw === '%');
  const everyone = who.some((t) => t.type === 'word' && t.text === 'PUBLIC');
  const grantOption = grantees.some(
    (t, i) => t.type === 'word' && t.text === 'GRANT' && grantees[i + 1]?.text === 'OPTION',
  );
  const name = spell(who);
  const granted = privileges.filter((t) => !(t.type === 'word' && t.text === 'ROLE'));
  const adminRole = on < 0 && granted.some((t) => ADMIN_ROLES.has(t.raw.toUpperCase()));
  const controlServer = privileges.some(
    (t, i) => t.text === 'CONTROL' && privileges[i + 1]?.text === 'SERVER',
  );
  if (adminRole || controlServer) return admin(name);
  const oracleSystem = on < 0 && all;
  return {
    statement: 'GRANT',
    object: all && (everything || anyHost || everyone || grantOption || oracleSystem) ? 'ALL' : '',
    name,
    where: true,
  };
}

/** Administrator power given other than by GRANT (role attributes, members added to a role); undefined = none. */
export function adminGranted(tokens: SqlToken[]): SqlStmt | undefined {
  const attrs = roleAttributes(tokens);
  if (attrs.some((t) => ADMIN_ATTRIBUTES.has(t.text))) return admin(spell(tokens.slice(2, 3)));
  // `CREATE ROLE x IN ROLE rds_superuser`: created as a member of an administrator role
  const inRole = tokens.findIndex((t, i) => isWord(t, 'IN') && isWord(tokens[i + 1], 'ROLE', 'GROUP'));
  if (
    isWord(tokens[0], 'CREATE') &&
    inRole > 0 &&
    tokens.slice(inRole + 2).some((t) => ADMIN_ROLES.has(t.raw.toUpperCase()))
  )
    return admin(spell(tokens.slice(2, 3)));
  // `ALTER GROUP rds_superuser ADD USER x` (PostgreSQL's older spelling)
  const group = isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'GROUP') && isWord(tokens[3], 'ADD');
  if (group && ADMIN_ROLES.has((tokens[2]?.raw ?? '').toUpperCase())) return admin(spell(tokens.slice(5)));
  // `ALTER [SERVER] ROLE sysadmin ADD MEMBER x`
  const role = isWord(tokens[1], 'SERVER') ? 2 : 1;
  if (isWord(tokens[0], 'ALTER') && isWord(tokens[role], 'ROLE')) {
    const add = tokens.findIndex((t, i) => isWord(t, 'ADD') && isWord(tokens[i + 1], 'MEMBER'));
    const name = tokens[role + 1]?.text === '[' ? tokens[role + 2] : tokens[role + 1];
    if (add > 0 && name && ADMIN_ROLES.has(name.raw.toUpperCase()))
      return admin(spell(tokens.slice(add + 2)));
  }
  // `EXEC sp_addsrvrolemember 'login', 'sysadmin'`, `sp_addrolemember 'db_owner', 'user'`
  const proc = tokens.findIndex((t) => t.type === 'word' && /(?:^|\.)SP_ADD(?:SRV)?ROLEMEMBER$/.test(t.text));
  if (proc >= 0) {
    const args = tokens.slice(proc + 1).filter((t) => t.type === 'string' || t.type === 'ident');
    const roleArg = args.findIndex((t) => ADMIN_ROLES.has(t.raw.toUpperCase()));
    if (roleArg >= 0)
      return admin(
        args
          .filter((_, i) => i !== roleArg)
          .map((t) => t.raw)
          .join(', '),
      );
  }
  return undefined;
}
