/**
 * SQL run through something other than a plain client: warehouse CLIs (`bq query`,
 * `snowsql -q`, `trino --execute`, `spark-sql -e`, `beeline -e`, `impala-shell -q`, `vsql`,
 * `usql`), and framework or platform database shells fed SQL on stdin, from a file or an
 * option (`manage.py dbshell < x.sql`, `rails db < x.sql`, `prisma db execute --stdin`,
 * `heroku pg:psql -c`, `wrangler d1 execute --command`, `turso db shell DB SQL`). They read
 * like SQL piped into psql: each becomes a client spec plus the argv after the words that
 * select the shell.
 */
import { CLIENTS, type ClientSpec } from './sql-client-table.js';

const spec = (tool: string, sql: string[], file: string[], extra: Partial<ClientSpec> = {}): ClientSpec => ({
  tool,
  dialect: 'postgresql',
  sql,
  file,
  db: [],
  withArg: [],
  ...extra,
});

const PLATFORM_SQL = spec('platform sql', [], [], {
  sub: ['sql', 'db:sql'],
  allPositionalSql: true,
  withArg: [
    '-p',
    '--project',
    '-e',
    '--environment',
    '-A',
    '--app',
    '-r',
    '--relationship',
    '--schema',
    '-I',
    '--instance',
  ],
});

/** Warehouse and query-engine CLIs, and platform CLIs with a SQL command (program → spec). */
export const WAREHOUSE: Record<string, ClientSpec> = {
  bq: spec('bq', [], [], {
    sub: ['query'],
    allPositionalSql: true,
    withArg: ['--project_id', '--dataset_id', '--location', '--format', '--max_rows', '--parameter'],
  }),
  snowsql: spec('snowsql', ['-q', '--query'], ['-f', '--filename'], {
    db: ['-d', '--dbname'],
    withArg: [
      '-a',
      '--accountname',
      '-u',
      '--username',
      '-r',
      '--rolename',
      '-w',
      '--warehouse',
      '-s',
      '--schemaname',
      '-c',
      '--connection',
      '-o',
      '--option',
    ],
  }),
  trino: spec('trino', ['--execute'], ['-f', '--file'], {
    withArg: ['--server', '--catalog', '--schema', '--user', '--output-format'],
  }),
  presto: spec('presto', ['--execute'], ['-f', '--file'], {
    withArg: ['--server', '--catalog', '--schema', '--user', '--output-format'],
  }),
  // the same CLIs under their package names (`presto-cli --execute SQL`, `trino-cli -f F`)
  'presto-cli': spec('presto-cli', ['--execute'], ['-f', '--file'], {
    withArg: ['--server', '--catalog', '--schema', '--user', '--output-format'],
  }),
  'trino-cli': spec('trino-cli', ['--execute'], ['-f', '--file'], {
    withArg: ['--server', '--catalog', '--schema', '--user', '--output-format'],
  }),
  'spark-sql': spec('spark-sql', ['-e'], ['-f'], {
    withArg: ['--master', '--conf', '--database', '-d', '--hiveconf', '--name'],
  }),
  hive: spec('hive', ['-e'], ['-f'], { withArg: ['--database', '--hiveconf', '-d', '--define', '-i'] }),
  beeline: spec('beeline', ['-e'], ['-f'], { withArg: ['-u', '-n', '-p', '-d', '--hiveconf', '-i'] }),
  'impala-shell': spec('impala-shell', ['-q', '--query'], ['-f', '--query_file'], {
    withArg: ['-i', '--impalad', '-d', '--database', '-u', '--user'],
  }),
  vsql: spec('vsql', ['-c', '--command'], ['-f', '--file'], {
    db: ['-d', '--dbname'],
    withArg: ['-h', '-p', '-U', '-w'],
  }),
  usql: spec('usql', ['-c', '--command'], ['-f', '--file'], { withArg: ['-o', '--out', '-v', '--set'] }),
  // Snowflake CLI (`snow sql -q SQL`, `-f file`, `--stdin`), Dolt (`dolt sql -q`).
  snow: spec('snow', ['-q', '--query'], ['-f', '--filename'], {
    sub: ['sql'],
    db: ['--database', '--dbname'],
    withArg: [
      '-c',
      '--connection',
      '--environment',
      '--schema',
      '--role',
      '--warehouse',
      '--account',
      '--user',
      '--password',
      '--format',
      '-D',
      '--variable',
      '--host',
      '--port',
      '--authenticator',
      '--private-key-file',
      '--config-file',
    ],
  }),
  dolt: spec('dolt', ['-q', '--query'], ['--file'], {
    sub: ['sql'],
    withArg: ['-r', '--result-format', '-s', '--save', '-m', '--message'],
  }),
  // `sqlite-utils query app.db 'SQL'`: the database, then statements.
  'sqlite-utils': spec('sqlite-utils', [], [], {
    sub: ['query'],
    dialect: 'sqlite',
    positionalSql: true,
    withArg: ['-p', '--param', '--attach', '--load-extension', '--functions'],
  }),
  // Platform.sh / Upsun: `platform sql 'SQL'` (also `db:sql`), SQL on stdin otherwise.
  platform: PLATFORM_SQL,
  upsun: { ...PLATFORM_SQL, tool: 'upsun sql' },
  // IBM Db2's command line: the words after its options are one statement, quoted or not
  // (`db2 "DROP TABLE t"`, `db2 drop table t`); `-f FILE` (also `-tvf FILE`) runs a script.
  db2: spec('db2', [], ['-f'], {
    allPositionalSql: true,
    joinPositionals: true,
    withArg: ['-z', '-l', '-r'],
  }),
  // Oracle SQL*Plus: the login is a positional; statements come on stdin or from `@script`.
  sqlplus: spec('sqlplus', [], [], { withArg: ['-M', '-R', '-C'], atFiles: true }),
  // Oracle SQLcl, SQL*Plus's successor, installed as `sql`: the same login positional, stdin
  // and `@script` (`sql -S user/pw@db <<SQL`, `sql -s sys/pw@db as sysdba @drop.sql`).
  sql: spec('sqlcl', [], [], {
    withArg: ['-M', '-R', '-C', '-cloudconfig', '-socksproxy', '-compatibility'],
    atFiles: true,
  }),
};

/** A framework or platform shell: the words that select it, and the spec its remaining argv follows. */
interface ShellRow {
  /** Program (basename) and the positional words after it (`manage.py dbshell`). */
  words: RegExp;
  spec: ClientSpec;
}

const stdinOnly = (tool: string, extra: Partial<ClientSpec> = {}) => spec(tool, [], [], extra);

const SHELLS: ShellRow[] = [
  // `python manage.py dbshell [-- -c SQL]`, `django-admin dbshell`
  {
    words: /^((python[\d.]*\s+)?(\S*\/)?manage\.py|django-admin)\s+dbshell$/,
    spec: stdinOnly('django dbshell', { withArg: ['--database', '--settings'] }),
  },
  {
    words: /^(\S*\/)?(rails|rake)\s+(db|dbconsole)$/,
    spec: stdinOnly('rails dbconsole', { withArg: ['-e', '--environment', '--db', '--database'] }),
  },
  { words: /^php\s+artisan\s+db$/, spec: stdinOnly('artisan db') },
  {
    words: /^prisma\s+db\s+execute$/,
    spec: spec('prisma db execute', [], ['--file'], { withArg: ['--url', '--schema'] }),
  },
  {
    words: /^heroku\s+pg:psql$/,
    spec: spec('heroku pg:psql', ['-c', '--command'], ['-f', '--file'], {
      withArg: ['-a', '--app', '-r', '--remote', '--credential'],
    }),
  },
  {
    words: /^(wrangler)\s+d1\s+execute$/,
    spec: spec('wrangler d1 execute', ['--command'], ['--file'], {
      withArg: ['--env', '--config', '--persist-to'],
    }),
  },
  {
    words: /^turso\s+db\s+shell$/,
    spec: stdinOnly('turso db shell', { positionalSql: true, withArg: ['--location', '--instance'] }),
  },
  { words: /^pscale\s+shell$/, spec: stdinOnly('pscale shell', { withArg: ['--org', '--role'] }) },
  {
    words: /^(fly|flyctl)\s+(postgres|pg)\s+connect$/,
    spec: stdinOnly('fly postgres connect', { withArg: ['-a', '--app', '-d', '--database', '-u', '--user'] }),
  },
  { words: /^railway\s+connect$/, spec: stdinOnly('railway connect', { withArg: ['-e', '--environment'] }) },
  {
    words: /^gcloud\s+spanner\s+databases\s+execute-sql$/,
    spec: spec('gcloud spanner execute-sql', ['--sql'], [], {
      withArg: ['--instance', '--project', '--query-mode', '--database-role', '--timestamp-bound'],
    }),
  },
  {
    words: /^supabase\s+db\s+(query|execute)$/,
    spec: stdinOnly('supabase db query', { allPositionalSql: true }),
  },
  {
    words: /^gcloud\s+sql\s+connect$/,
    spec: stdinOnly('gcloud sql connect', { withArg: ['--user', '--database', '--port', '--project'] }),
  },
  {
    words: /^az\s+(postgres|mysql)\s+flexible-server\s+execute$/,
    spec: spec('az flexible-server execute', ['-q', '--querytext'], ['-f', '--file-path'], {
      db: ['-d', '--database-name'],
      withArg: [
        '-n',
        '--name',
        '-u',
        '--admin-user',
        '-p',
        '--admin-password',
        '-o',
        '--output',
        '--subscription',
      ],
    }),
  },
  {
    words: /^liquibase\s+(execute-sql|executeSql)$/,
    spec: spec('liquibase execute-sql', ['--sql'], ['--sql-file'], {
      withArg: ['--url', '--username', '--password', '--changelog-file', '--defaults-file', '--delimiter'],
    }),
  },
  // ORM and framework commands that run the SQL they are given.
  {
    words: /^typeorm(-ts-node-(commonjs|esm))?\s+query$/,
    spec: stdinOnly('typeorm query', {
      allPositionalSql: true,
      withArg: ['-d', '--dataSource', '-c', '--connection', '-f', '--config'],
    }),
  },
  {
    words: /^((php[\d.]*\s+)?(\S*\/)?console|symfony\s+console)\s+(dbal:run-sql|doctrine:query:sql)$/,
    spec: stdinOnly('doctrine run-sql', {
      allPositionalSql: true,
      withArg: ['--connection', '--depth', '--env', '-e'],
    }),
  },
  {
    words: /^drush\s+(@\S+\s+)?(sql:query|sql-query|sqlq)$/,
    spec: spec('drush sql:query', [], ['--file'], {
      allPositionalSql: true,
      withArg: ['--database', '--uri', '-l'],
    }),
  },
  { words: /^drush\s+(@\S+\s+)?(sql:cli|sql-cli|sqlc)$/, spec: stdinOnly('drush sql:cli') },
  { words: /^wp\s+db\s+(query|cli)$/, spec: stdinOnly('wp db query', { allPositionalSql: true }) },
  // Local development environments that pass the client's own options through.
  { words: /^(ddev|lando)\s+(mysql|mariadb)$/, spec: CLIENTS.mysql },
  { words: /^(ddev|lando)\s+psql$/, spec: CLIENTS.psql },
];

/**
 * When argv (runner prefixes already peeled) is a framework/platform database shell: its spec
 * and the argv left after the selecting words (program first). Undefined otherwise.
 */
/** First words (program basenames) any row can start with: a cheap pre-filter. */
const FIRST =
  /^(python[\d.]*|manage\.py|django-admin|rails|rake|php[\d.]*|prisma|heroku|wrangler|turso|pscale|fly|flyctl|railway|supabase|gcloud|az|typeorm(-ts-node-(commonjs|esm))?|console|symfony|drush|wp|ddev|lando|liquibase)$/;

export function frameworkShell(argv: string[]): { spec: ClientSpec; argv: string[] } | undefined {
  const prog = (argv[0] ?? '').split('/').pop() ?? '';
  if (!FIRST.test(prog)) return undefined;
  const positions: number[] = [];
  for (let i = 1; i < argv.length && positions.length < 3; i++)
    if (!argv[i].startsWith('-')) positions.push(i);
  for (let n = Math.min(3, positions.length); n >= 1; n--) {
    const words = [argv[0], ...positions.slice(0, n).map((i) => argv[i])].join(' ');
    // the same words with the program by its basename (made once, not once per row)
    const byName = [prog, ...words.split(' ').slice(1)].join(' ');
    const row = SHELLS.find((r) => r.words.test(words) || r.words.test(byName));
    if (row) {
      const drop = new Set(positions.slice(0, n));
      const rest = argv.filter((_, i) => i > 0 && !drop.has(i));
      // `manage.py dbshell -- -c SQL`: what follows `--` goes to the underlying client.
      const dd = rest.indexOf('--');
      const tail = dd >= 0 ? rest.slice(dd + 1) : [];
      const sqlAfter = tail.flatMap((a, i) =>
        a === '-c' || a === '-e' || a === '--command' ? [tail[i + 1] ?? ''] : [],
      );
      const args = dd >= 0 ? rest.slice(0, dd) : rest;
      const extra = sqlAfter.length ? ['--agentfw-sql', ...sqlAfter.flatMap((s) => [s])] : [];
      return {
        spec: sqlAfter.length ? { ...row.spec, sql: [...row.spec.sql, '--agentfw-sql'] } : row.spec,
        argv: [row.spec.tool, ...args, ...(extra.length ? extra.slice(0, 2) : [])],
      };
    }
  }
  return undefined;
}
