import { describe, expect, it } from 'vitest';
import { command } from '../helpers/command.js';
import { ormOps } from '../../src/extract/sql-orm.js';

const ops = (argv: string[]) => ormOps(command(argv)).map((o) => [o.statement, o.object, o.where]);

describe('ORM calls that drop or empty every table of the models', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      ['node', '-e', "require('./models').sequelize.sync({ force: true }).then(() => process.exit(0))"],
      [['DROP', 'TABLE', false]],
    ],
    [['npx', 'ts-node', '-e', 'await User.sync({force:true})'], [['DROP', 'TABLE', false]]],
    [['node', '-e', 'ds.initialize().then(() => ds.synchronize(true))'], [['DROP', 'TABLE', false]]],
    [
      ['node', '-e', "new DataSource({ type: 'postgres', dropSchema: true }).initialize()"],
      [['DROP', 'SCHEMA', false]],
    ],
    [['node', '-e', 'sequelize.getQueryInterface().dropAllTables()'], [['DROP', 'TABLE', false]]],
    [['node', '-e', 'Session.destroy({ truncate: true, cascade: true })'], [['TRUNCATE', 'TABLE', false]]],
    // Routine: sync that only creates missing tables, synchronize without dropping, a filtered destroy.
    [['node', '-e', "require('./models').sequelize.sync().then(() => process.exit(0))"], []],
    [['node', '-e', 'sequelize.sync({ force: false })'], []],
    [['node', '-e', 'ds.synchronize()'], []],
    [['node', '-e', 'Session.destroy({ where: { expired: true } })'], []],
    // Sequel's datasets: every row unless a filter comes first in the chain
    [['ruby', '-e', 'DB = Sequel.connect(u); DB[:orders].delete'], [['DELETE', 'TABLE', false]]],
    [['ruby', '-e', 'db[:events].truncate'], [['TRUNCATE', 'TABLE', false]]],
    [['ruby', '-e', 'DB[:orders].where(id: 5).delete'], [['DELETE', 'TABLE', true]]],
    [['ruby', '-e', 'DB[:orders].exclude(paid: true).select(:id).delete'], [['DELETE', 'TABLE', true]]],
    // Odoo's shell: a recordset unlinked, every record unless the search has a domain
    [['odoo', 'shell', '-d', 'prod', "env['res.partner'].search([]).unlink()"], [['DELETE', 'TABLE', false]]],
    [
      ['python3', 'odoo-bin', 'shell', '-d', 'prod', "env['sale.order'].sudo().search([]).unlink()"],
      [['DELETE', 'TABLE', false]],
    ],
    [
      ['odoo-bin', 'shell', '-d', 'prod', "env['sale.order'].search([('state', '=', 'draft')]).unlink()"],
      [['DELETE', 'TABLE', true]],
    ],
    [['odoo', 'shell', '-d', 'prod', "env['res.partner'].browse(7).unlink()"], [['DELETE', 'TABLE', true]]],
    [['odoo', 'shell', '-d', 'dev', "print(env['res.partner'].search_count([]))"], []],
    [['python3', '-c', "from pathlib import Path; Path('x').unlink()"], []],
    [['ruby', '-e', 'h = {}; h[:k].delete(:x)'], []],
    // a filter in the matched chain itself
    [
      ['python3', 'manage.py', 'shell', '-c', 'Order.objects.filter(id=1).delete()'],
      [['DELETE', 'TABLE', true]],
    ],
  ])('%j', (argv, want) => {
    expect(ops(argv)).toEqual(want);
  });
});

describe('SQL a driver executes: any DROP, and server settings changed', () => {
  it.each<[string, (string | boolean)[][]]>([
    [`import oracledb; cur.execute("DROP USER erp_app CASCADE")`, [['DROP', 'USER', true]]],
    [
      `import asyncpg; await conn.execute("ALTER SYSTEM SET pgaudit.log = 'none'")`,
      [
        ['NOAUDIT', '', true],
        ['ALTER', '', true],
      ],
    ],
    [`import pymysql; cur.execute('SET GLOBAL general_log = OFF')`, [['NOAUDIT', '', true]]],
    [`sql = "DROP ROLE reporting"`, [['DROP', 'ROLE', true]]],
    // quotes inside the literal do not cut the statement short
    [
      `cur.execute("ALTER SYSTEM SET log_statement = 'none'")`,
      [
        ['NOAUDIT', '', true],
        ['ALTER', '', true],
      ],
    ],
    // backups purged or no longer kept, access policies lifted, administrators made
    [`import pymysql; cur.execute('PURGE BINARY LOGS BEFORE NOW()')`, [['NOBACKUP', 'BINLOG', true]]],
    [`cur.execute("reset master")`, [['NOBACKUP', 'BINLOG', true]]],
    [`cur.execute("SELECT pg_drop_replication_slot('s1')")`, [['NOBACKUP', 'SLOT', true]]],
    [`cur.execute("BACKUP LOG Shop TO DISK = 'NUL'")`, [['NOBACKUP', 'LOG CHAIN', true]]],
    [`cur.execute('ALTER TABLE profiles DISABLE ROW LEVEL SECURITY')`, [['NOSECURITY', 'RLS', true]]],
    [`cur.execute("CREATE POLICY p ON t FOR ALL USING (true)")`, [['NOSECURITY', 'POLICY', true]]],
    [`cur.execute('ALTER ROLE app WITH SUPERUSER')`, [['GRANT', 'ADMIN', true]]],
    [`cur.execute("EXEC sp_addsrvrolemember 'svc', 'sysadmin'")`, [['GRANT', 'ADMIN', true]]],
    [`cur.execute("ALTER SERVER ROLE sysadmin ADD MEMBER svc")`, [['GRANT', 'ADMIN', true]]],
    // settings that switch nothing off, and reads
    [`import asyncpg; await conn.execute("ALTER SYSTEM SET work_mem = '64MB'")`, [['ALTER', '', true]]],
    [`cur.execute("ALTER TABLE profiles ENABLE ROW LEVEL SECURITY")`, []],
    [`cur.execute("CREATE USER app WITH PASSWORD 'fake'")`, [['CREATE', '', true]]],
    [`cur.execute("SELECT name FROM users WHERE id = 'x'")`, []],
    [`print("drop it like it's hot")`, []],
  ])('%s', (code, want) => {
    expect(ops(['python3', '-c', code])).toEqual(want);
  });
});
