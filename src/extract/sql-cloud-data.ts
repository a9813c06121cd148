/**
 * SQL carried in an option of a cloud data API call, read like `psql -c`: the statement runs on
 * the warehouse or database the call names, with the caller's cloud credentials.
 * - AWS Redshift Data API: `aws redshift-data execute-statement --sql SQL` and
 *   `batch-execute-statement --sqls SQL…` (each word after `--sqls` one statement).
 * - Amazon Athena: `aws athena start-query-execution --query-string SQL`.
 * - Aurora's RDS Data API: `aws rds-data execute-statement|batch-execute-statement --sql SQL`.
 * - DynamoDB PartiQL: `aws dynamodb execute-statement --statement SQL`.
 * - Cloud Spanner DDL: `gcloud spanner databases ddl update DB --ddl=SQL` (each `--ddl` one statement).
 * A value written `file://F` or `fileb://F` is that file's SQL (the AWS CLI reads it).
 * `--cli-input-json|yaml F` without a SQL option carries the statement in a file this reader
 * does not parse: the file is read as SQL, so an unreadable or non-SQL one is UNKNOWN (fail closed).
 */
import type { ClientSpec } from './sql-client-table.js';

/** The option the rewritten argv puts before a file of statements (`--sql-file q.sql` for `file://q.sql`). */
const FILE_OPT = '--sql-file';

/** One API call that carries SQL: the words that select it and its options whose value is SQL. */
interface DataApiRow {
  /** Tool name shown in findings (`aws athena`). */
  tool: string;
  /** The service and operation words after the program (`athena start-query-execution`). */
  words: RegExp;
  /** Options whose value is one statement. */
  sql: string[];
  /** Options followed by one statement per word, up to the next option (`--sqls a b`). Empty = none. */
  list?: string[];
}

const AWS_ROWS: DataApiRow[] = [
  { tool: 'aws redshift-data', words: /^redshift-data execute-statement$/, sql: ['--sql'] },
  { tool: 'aws redshift-data', words: /^redshift-data batch-execute-statement$/, sql: [], list: ['--sqls'] },
  { tool: 'aws athena', words: /^athena start-query-execution$/, sql: ['--query-string'] },
  { tool: 'aws rds-data', words: /^rds-data (batch-)?execute-statement$/, sql: ['--sql'] },
  { tool: 'aws dynamodb', words: /^dynamodb execute-statement$/, sql: ['--statement'] },
];
const GCLOUD_ROWS: DataApiRow[] = [
  { tool: 'gcloud spanner ddl update', words: /^spanner databases ddl update$/, sql: ['--ddl'] },
];

/** AWS CLI global options that take a value (they may come before the service). */
const AWS_GLOBAL_WITH_ARG =
  /^--(profile|region|endpoint-url|output|query|ca-bundle|cli-read-timeout|cli-connect-timeout|color|cli-binary-format)$/;

/** The positional words of argv after the program, skipping global options and their values. */
function leadingWords(argv: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length && out.length < n; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      if (AWS_GLOBAL_WITH_ARG.test(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** `file://F` / `fileb://F` → F; undefined for an inline value. */
const fileOf = (v: string): string | undefined => /^fileb?:\/\/(.+)$/s.exec(v)?.[1];

/** The spec every rewritten call follows: statements and files under the synthetic options. */
const specFor = (row: DataApiRow): ClientSpec => ({
  tool: row.tool,
  dialect: 'postgresql',
  sql: [...row.sql, ...(row.list ?? [])],
  file: [FILE_OPT],
  db: [],
  withArg: [],
});

/**
 * When argv is a cloud data API call that carries SQL: the spec and a rewritten argv holding
 * only its statements (`OPTION SQL`, each list word under its option, `--sql-file F` for a `file://F` value). Undefined otherwise (and for
 * such a call with no statement at all, which runs nothing).
 */
export function cloudDataApi(
  argv: string[],
  dynamicArgs: number[] = [],
): { spec: ClientSpec; argv: string[]; dynamicArgs: number[] } | undefined {
  const prog = (argv[0] ?? '').split('/').pop() ?? '';
  const rows = prog === 'aws' ? AWS_ROWS : prog === 'gcloud' ? GCLOUD_ROWS : undefined;
  if (!rows) return undefined;
  const head = leadingWords(argv, prog === 'aws' ? 2 : 4).join(' ');
  const row = rows.find((r) => r.words.test(head));
  if (!row) return undefined;
  const out: string[] = [];
  /** Indices in the rewritten argv of values known only at run time (`--sql "$Q"`). */
  const dynamic: number[] = [];
  const add = (opt: string, v: string, at: number) => {
    const f = fileOf(v);
    out.push(f === undefined ? opt : FILE_OPT, f ?? v);
    if (dynamicArgs.includes(at)) dynamic.push(out.length);
  };
  let input = '';
  for (let i = 1; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (row.sql.includes(name)) {
      if (inline !== undefined) add(name, inline, i);
      else add(name, argv[i + 1] ?? '', ++i);
    } else if (row.list?.includes(name)) {
      if (inline !== undefined) add(name, inline, i);
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) add(name, argv[i + 1], ++i);
    } else if (name === '--cli-input-json' || name === '--cli-input-yaml') input = inline ?? argv[++i] ?? '';
  }
  // fail closed: the statement is in an input document this reader does not parse.
  if (!out.length && input) out.push(FILE_OPT, fileOf(input) ?? input);
  if (!out.length) return undefined;
  return { spec: specFor(row), argv: [row.tool, ...out], dynamicArgs: dynamic };
}
