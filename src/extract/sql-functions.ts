/**
 * Functions and procedures that destroy what the server stores, called from a statement
 * (`SELECT pgmq.drop_queue(q) FROM pgmq.list_queues()`, `PERFORM partman.drop_partition_time(…)`,
 * `EXEC msdb.dbo.sp_delete_job @job_name = 'x'`): extensions and catalogs name them by what they
 * remove (pgmq's `drop_queue` and `purge_queue`, pg_partman's `drop_partition_time|id`,
 * TimescaleDB's `drop_chunks`, pg_cron's `unschedule`, `pg_drop_replication_slot`, `lo_unlink`,
 * SQL Server's `sp_delete_job`, `sp_dropserver`). Each is read as the statement it amounts to:
 * DROP of the object the name says (QUEUE, PARTITION, CHUNKS, JOB, REPLICATION SLOT; TABLE,
 * SCHEMA and DATABASE as the DROP rules know them), TRUNCATE for what is emptied (purge,
 * truncate, clear, wipe). A name that says no stored object (`json_remove`, `array_remove`,
 * pgmq's `delete(queue, msg_id)` of one message, `jsonb_delete_path`) only computes a value.
 * Definitions (`CREATE FUNCTION drop_queue(…)`) and drops of the function itself are not calls.
 * Reads tokens of sql-tokenize.ts.
 */
import type { SqlStmt } from './sql-statements.js';
import type { SqlToken } from './sql-tokenize.js';

/** Verbs that remove what they name (DROP), and those that empty it (TRUNCATE). */
const DROPS = /^(drop|delete|destroy|remove|unlink|unschedule)$/;
const EMPTIES = /^(purge|truncate|clear|wipe|flush)$/;
/** A verb glued to its object (SQL Server's `sp_dropserver`, `sp_droplogin`). */
const GLUED = /^(drop|delete|purge|remove)([a-z]{3,})$/;

/** Stored objects a function's name may say it removes, as the statement's object. */
const OBJECTS: Record<string, string> = {
  queue: 'QUEUE',
  queues: 'QUEUE',
  partition: 'PARTITION',
  partitions: 'PARTITION',
  chunk: 'CHUNKS',
  chunks: 'CHUNKS',
  slot: 'REPLICATION SLOT',
  node: 'NODE',
  shard: 'SHARD',
  shards: 'SHARD',
  job: 'JOB',
  jobs: 'JOB',
  schedule: 'JOB',
  subscription: 'SUBSCRIPTION',
  publication: 'PUBLICATION',
  origin: 'REPLICATION ORIGIN',
  table: 'TABLE',
  tables: 'TABLE',
  schema: 'SCHEMA',
  database: 'DATABASE',
  db: 'DATABASE',
  snapshot: 'SNAPSHOT',
  backup: 'BACKUP',
  backuphistory: 'BACKUP',
  bucket: 'BUCKET',
  topic: 'TOPIC',
  stream: 'STREAM',
  secret: 'SECRET',
  file: 'FILE',
  lo: 'LARGE OBJECT',
  server: 'SERVER',
  login: 'LOGIN',
  user: 'USER',
  archive: 'ARCHIVE',
  all: 'ALL',
};

/** The statement a function or procedure name amounts to; undefined = it removes nothing stored. */
export function destroyingName(qualified: string): Pick<SqlStmt, 'statement' | 'object'> | undefined {
  const name = qualified.toLowerCase().split('.').pop() ?? '';
  const words = name.split('_').filter(Boolean);
  let verb = '';
  let object = '';
  for (const w of words) {
    const glued = GLUED.exec(w);
    if (DROPS.test(w) || EMPTIES.test(w)) verb ||= w;
    else if (glued && Object.hasOwn(OBJECTS, glued[2])) {
      verb ||= glued[1];
      object ||= OBJECTS[glued[2]];
    } else if (Object.hasOwn(OBJECTS, w)) object ||= OBJECTS[w];
  }
  // pg_cron's `unschedule(job)`: the job is the object
  if (verb === 'unschedule') object ||= 'JOB';
  if (!verb || !object) return undefined;
  return { statement: EMPTIES.test(verb) ? 'TRUNCATE' : 'DROP', object };
}

/** Statements that define or drop routines: the names in them are not calls. */
const DEFINES = new Set(['CREATE', 'ALTER', 'DROP', 'COMMENT', 'GRANT', 'REVOKE']);
/** Words after which a name is a procedure run without parentheses (`EXEC sp_delete_job @job_name = 'x'`). */
const RUNS = new Set(['EXEC', 'EXECUTE', 'CALL']);

/** The destroying calls of one statement's tokens (see the header); empty = none. */
export function destroyingCalls(tokens: SqlToken[]): SqlStmt[] {
  if (DEFINES.has(tokens[0]?.text ?? '')) return [];
  const out: SqlStmt[] = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'word') return;
    const paren = tokens[i + 1]?.text === '(';
    const s = paren || RUNS.has(tokens[i - 1]?.text ?? '') ? destroyingName(t.raw) : undefined;
    if (!s) return;
    out.push({
      ...s,
      name: firstArgument(tokens, i + (paren ? 2 : 1), t.depth + (paren ? 1 : 0)),
      where: true,
    });
  });
  return out;
}

/** The first argument from `from` (at bracket depth `depth`), when it is a literal (`purge_queue('orders')`, `@job_name = N'nightly'`); '' = none. */
function firstArgument(tokens: SqlToken[], from: number, depth: number): string {
  for (let j = from; j < tokens.length; j++) {
    const a = tokens[j];
    if (a.depth < depth || (a.depth === depth && a.text === ',')) break;
    if (a.type === 'string' || a.type === 'ident') return a.raw;
  }
  return '';
}
