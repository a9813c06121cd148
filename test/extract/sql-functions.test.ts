/**
 * Functions and procedures that destroy what the server stores (src/extract/sql-functions.ts):
 * read as the DROP or TRUNCATE they amount to; value functions and definitions are not.
 */
import { describe, expect, it } from 'vitest';
import { destroyingName } from '../../src/extract/sql-functions.js';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';

describe('destroyingName', () => {
  it.each<[string, string | undefined]>([
    ['pgmq.drop_queue', 'DROP QUEUE'],
    ['pgmq.purge_queue', 'TRUNCATE QUEUE'],
    ['partman.drop_partition_time', 'DROP PARTITION'],
    ['drop_chunks', 'DROP CHUNKS'],
    ['cron.unschedule', 'DROP JOB'],
    ['pg_drop_replication_slot', 'DROP REPLICATION SLOT'],
    ['lo_unlink', 'DROP LARGE OBJECT'],
    ['msdb.dbo.sp_delete_job', 'DROP JOB'],
    ['sp_dropserver', 'DROP SERVER'],
    ['sp_detach_db', undefined],
    // value functions and one message acknowledged
    ['json_remove', undefined],
    ['array_remove', undefined],
    ['jsonb_delete_path', undefined],
    ['pgmq.delete', undefined],
    ['pgmq.archive', undefined],
    ['cron.schedule', undefined],
    ['show_chunks', undefined],
  ])('%s → %s', (name, want) => {
    const s = destroyingName(name);
    expect(s ? `${s.statement} ${s.object}` : undefined).toBe(want);
  });
});

describe('destroying calls among the statements', () => {
  const read = (sql: string, d: SqlDialect = 'postgresql') =>
    classifySql(sql, d)
      .filter((s) => s.statement === 'DROP' || s.statement === 'TRUNCATE')
      .map((s) => [s.statement, s.object, s.name].join(' ').trim());
  it.each<[string, string[]]>([
    ['SELECT pgmq.drop_queue(queue_name) FROM pgmq.list_queues()', ['DROP QUEUE']],
    ["SELECT pgmq.purge_queue('orders')", ['TRUNCATE QUEUE orders']],
    [
      "SELECT partman.drop_partition_time('public.events', p_retention := '30 days')",
      ['DROP PARTITION public.events'],
    ],
    ["DO $$ BEGIN PERFORM drop_chunks('metrics', older_than => now()); END $$", ['DROP CHUNKS metrics']],
    ["EXEC msdb.dbo.sp_delete_job @job_name = N'nightly'", ['DROP JOB nightly']],
    // a replication slot dropped is read once, as backups no longer kept (sql-backups-off.ts)
    ["SELECT count(*) FROM t WHERE pg_drop_replication_slot('s1') IS NOT NULL", []],
    // the name is the call's own first argument, not a later literal
    ["SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'x'", ['DROP JOB']],
    // not calls: definitions, drops of the function, text, values
    ['CREATE FUNCTION drop_queue_safe(q text) RETURNS void AS $$ SELECT 1 $$ LANGUAGE sql', []],
    ['DROP FUNCTION pgmq.drop_queue(text)', ['DROP FUNCTION pgmq.drop_queue']],
    ["SELECT 'pgmq.drop_queue(x)'", []],
    ["SELECT pgmq.delete('orders', 17)", []],
    ["SELECT JSON_REMOVE(doc, '$.a') FROM t", []],
  ])('%s', (sql, want) => expect(read(sql)).toEqual(want));

  it('reads a dropped replication slot once, as backups no longer kept', () =>
    expect(
      classifySql(
        "SELECT count(*) FROM t WHERE pg_drop_replication_slot('s1') IS NOT NULL",
        'postgresql',
      ).map((s) => `${s.statement} ${s.object}`),
    ).toEqual(['NOBACKUP SLOT']));
});
