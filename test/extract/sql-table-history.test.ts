/**
 * Table formats' maintenance that throws history away (src/extract/sql-table-history.ts): Iceberg,
 * Paimon and Hudi procedures, Trino's ALTER TABLE … EXECUTE, Delta's VACUUM … RETAIN below the
 * default; through the real pipeline with the databases pack (SQL shells, a written SQL file, SQL
 * in Python code). Dry runs, compactions, reads and a default retention stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { historyDropped } from '../../src/extract/sql-table-history.js';
import { splitSql } from '../../src/extract/sql-tokenize.js';
import { packVerdict } from '../helpers/command.js';

const databases = await packVerdict('databases');
const ASK = 'ask databases/backups-off';
const CONF = '--conf spark.sql.catalog.prod=org.apache.iceberg.spark.SparkCatalog';

describe('history thrown away', () => {
  it.each<[string, string]>([
    [
      `spark-sql ${CONF} -e "CALL prod.system.expire_snapshots(table => 'db.t', older_than => TIMESTAMP '2100-01-01 00:00:00', retain_last => 1)"`,
      ASK,
    ],
    [`spark-sql -e "CALL prod.system.expire_snapshots('db.t', TIMESTAMP '2100-01-01 00:00:00')"`, ASK],
    [`spark-sql -e "CALL lake.system.remove_orphan_files(table => 'sales.orders')"`, ASK],
    [
      `trino --server https://trino.prod.example.com --execute "ALTER TABLE iceberg.a.events EXECUTE expire_snapshots(retention_threshold => '0s')"`,
      ASK,
    ],
    [
      `beeline -u jdbc:hive2://hive.prod.example.com:10000 -e "CALL run_clean(table => 'trips', retain_commits => 1)"`,
      ASK,
    ],
    [`spark-sql -e "VACUUM delta.\\\`s3://lake/events\\\` RETAIN 0 HOURS"`, ASK],
    [
      `cat > /tmp/m.sql <<'EOF'\nCALL prod.system.expire_snapshots(table => 'db.c', retain_last => 1);\nEOF\nsudo -u spark spark-sql ${CONF} -f /tmp/m.sql`,
      ASK,
    ],
    [
      `cat > /tmp/e.py <<'EOF'\nfrom pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\nspark.sql("CALL prod.system.remove_orphan_files(table => 'db.o')")\nEOF\ntimeout 900 python3 /tmp/e.py`,
      ASK,
    ],
    // dry runs, compaction, reads, default retention
    [`spark-sql -e "CALL prod.system.remove_orphan_files(table => 'db.t', dry_run => true)"`, 'allow'],
    [`spark-sql -e "CALL prod.system.rewrite_data_files(table => 'db.t')"`, 'allow'],
    [`spark-sql -e "SELECT snapshot_id FROM prod.db.t.snapshots"`, 'allow'],
    [`spark-sql -e "VACUUM events RETAIN 168 HOURS"`, 'allow'],
    [`spark-sql -e "VACUUM events RETAIN 0 HOURS DRY RUN"`, 'allow'],
    [`spark-sql -e "VACUUM events"`, 'allow'],
  ])('%s', (script, want) => expect(databases(script)).toBe(want));
});

describe('the table each names', () => {
  it.each<[string, string]>([
    ["CALL c.system.expire_snapshots(table => 'db.t', retain_last => 1)", 'db.t'],
    ["CALL c.system.expire_snapshots('db.u')", 'db.u'],
    ["ALTER TABLE a.e EXECUTE remove_orphan_files(retention_threshold => '1d')", 'a.e'],
  ])('%s', (sql, want) => expect(historyDropped(splitSql(sql)[0].tokens)?.name).toBe(want));
});
