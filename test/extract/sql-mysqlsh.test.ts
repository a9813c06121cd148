/**
 * MySQL Shell running JavaScript or Python (src/extract/sql-mysqlsh.ts): AdminAPI calls that
 * take an InnoDB Cluster apart, DevAPI drops, SQL handed to the session, and the command-line
 * API integration (`mysqlsh URI -- cluster dissolve`). Through the real pipeline with the
 * databases pack only; status, describe, adding an instance and reads stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

describe('MySQL Shell code', () => {
  it.each<[string, string]>([
    // AdminAPI, JavaScript and Python spellings, any mode option or none
    [
      `mysqlsh --uri clusteradmin@db1.example.internal:3306 --js -e "dba.getCluster('prodCluster').dissolve({force: true})"`,
      'drop-schema-object',
    ],
    [
      `mysqlsh clusteradmin@db1 --py -e "dba.get_cluster('prodCluster').dissolve({'force': True})"`,
      'drop-schema-object',
    ],
    [`mysqlsh --uri root@db1:3306 -e "dba.dropMetadataSchema({force: true})"`, 'drop-database'],
    [`mysqlsh root@db1 --python --execute="dba.drop_metadata_schema({'force': True})"`, 'drop-database'],
    [
      `mysqlsh root@db1:3306 --js --execute="var c = dba.getCluster(); c.removeInstance('root@db3:3306', {force: true})"`,
      'drop-schema-object',
    ],
    [`mysqlsh root@db1 --js -e "dba.getClusterSet().removeCluster('dr')"`, 'drop-schema-object'],
    // the command-line API integration
    ['mysqlsh clusteradmin@db1:3306 -- cluster dissolve --force', 'drop-schema-object'],
    ['mysqlsh root@db1 -- cluster remove-instance root@db3:3306 --force', 'drop-schema-object'],
    // SQL handed to the session, DevAPI drops
    [`mysqlsh root@db1 --js -e "session.runSql('DROP DATABASE billing')"`, 'drop-database'],
    [`mysqlsh root@db1 --py -e "session.run_sql('TRUNCATE TABLE shop.orders')"`, 'truncate'],
    [
      `mysqlsh root@db1 --js -e "session.sql('DELETE FROM shop.orders').execute()"`,
      'unfiltered-delete-or-update',
    ],
    [`mysqlsh root@db1 --python -e "session.drop_schema('legacy')"`, 'drop-database'],
    [`mysqlsh root@db1 --js -e "db.dropCollection('events')"`, 'drop-table'],
    // fail closed: SQL held in a variable, a script that cannot be read
    [`mysqlsh root@db1 --js -e "session.runSql(q)"`, 'unreadable-sql'],
    ['mysqlsh --py -f /tmp/missing.py root@db1', 'unreadable-sql'],
    // a script the command wrote, or code on stdin
    [
      "cat > /tmp/dissolve.js <<'EOF'\nvar cluster = dba.getCluster('prodCluster');\ncluster.dissolve({force: true});\nEOF\nmysqlsh --uri clusteradmin@db1:3306 --file /tmp/dissolve.js",
      'drop-schema-object',
    ],
    [
      "mysqlsh --uri root@db1 --js <<'EOF'\nvar rs = dba.getReplicaSet();\nrs.removeInstance('db2:3306');\nEOF",
      'drop-schema-object',
    ],
    // SQL mode is read by the client table, as before
    [`mysqlsh --sql --uri root@db1 -e 'DROP TABLE shop.orders'`, 'drop-table'],
    [`mysqlsh root@db1 -e 'DROP DATABASE x'`, 'drop-database'],
  ])('%s asks (%s)', async (cmd, rule) => {
    expect(await verdict(cmd)).toBe(`ask databases/${rule}`);
  });

  it.each([
    `mysqlsh --uri clusteradmin@db1:3306 --js -e "dba.getCluster('prodCluster').status()"`,
    `mysqlsh root@db1 --py -e "print(dba.get_cluster().describe())"`,
    `mysqlsh root@db1 --js -e "dba.getCluster().addInstance('root@db4:3306', {recoveryMethod: 'clone'})"`,
    `mysqlsh root@db1 --js -e "session.runSql('SELECT COUNT(*) FROM shop.orders')"`,
    `mysqlsh root@db1 --js -e "util.dumpInstance('/backup/dump')"`,
    'mysqlsh root@db1 -- cluster status',
    `mysqlsh root@db1 --sql -e "SELECT COUNT(*) FROM shop.orders"`,
  ])('%s stays allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
