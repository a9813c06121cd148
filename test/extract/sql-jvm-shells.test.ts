import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  '/ws/wipe.sql': 'DROP TABLE users;',
  '/ws/schema.sql': 'CREATE TABLE users (id INT);',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [
    f.tool,
    f.statement,
    f.object,
    f.name,
  ]);
const heredoc = (text: string): StdinSource => ({ kind: 'heredoc', text });
const H2 = ['java', '-cp', 'h2.jar'];

describe('database shells started by their JVM main class or jar', () => {
  it.each<[string[], StdinSource | undefined, string[][]]>([
    // H2: Shell's -sql or stdin, RunScript's -script (backup.sql when none), DeleteDbFiles
    [
      [...H2, 'org.h2.tools.Shell', '-url', 'jdbc:h2:./db', '-sql', 'DROP ALL OBJECTS'],
      undefined,
      [['h2 shell', 'DROP', 'DATABASE', 'ALL OBJECTS']],
    ],
    [
      [...H2, 'org.h2.tools.Shell', '-url', 'jdbc:h2:./db'],
      heredoc('TRUNCATE TABLE t;'),
      [['h2 shell', 'TRUNCATE', 'TABLE', 't']],
    ],
    [
      [...H2, 'org.h2.tools.RunScript', '-url', 'jdbc:h2:./db', '-script', 'wipe.sql'],
      undefined,
      [['h2 runscript', 'DROP', 'TABLE', 'users']],
    ],
    [
      ['java', '-Xmx1g', '-cp', 'lib/*', 'org.h2.tools.RunScript', '-url', 'jdbc:h2:./db'],
      undefined,
      [['h2 runscript', 'UNKNOWN', '', '-script backup.sql']],
    ],
    [
      [...H2, 'org.h2.tools.DeleteDbFiles', '-dir', '/srv/db', '-db', 'prod'],
      undefined,
      [['h2 deletedbfiles', 'DROP', 'DATABASE', 'prod']],
    ],
    [
      [...H2, 'org.h2.tools.DeleteDbFiles', '-dir', '/srv/db', '-quiet'],
      undefined,
      [['h2 deletedbfiles', 'DROP', 'DATABASE', '*']],
    ],
    // Derby's ij by class or through derbyrun.jar; HSQLDB's SqlTool; sqlline
    [
      ['java', '-cp', 'derbytools.jar:derby.jar', 'org.apache.derby.tools.ij', 'wipe.sql'],
      undefined,
      [['ij', 'DROP', 'TABLE', 'users']],
    ],
    [['java', '-jar', 'lib/derbyrun.jar', 'ij'], heredoc('DROP TABLE t;'), [['ij', 'DROP', 'TABLE', 't']]],
    [
      [
        'java',
        '-jar',
        'sqltool.jar',
        '--inlineRc=url=jdbc:hsqldb:hsql://db1/prod,user=SA',
        '--sql',
        'TRUNCATE TABLE u;',
      ],
      undefined,
      [['sqltool', 'TRUNCATE', 'TABLE', 'u']],
    ],
    [
      ['java', '-cp', 'hsqldb.jar', 'org.hsqldb.cmdline.SqlTool', 'proddb', 'wipe.sql'],
      undefined,
      [['sqltool', 'DROP', 'TABLE', 'users']],
    ],
    [
      ['java', '-cp', 'x.jar', 'sqlline.SqlLine', '-u', 'jdbc:phoenix:zk1', '-e', 'DROP TABLE m'],
      undefined,
      [['sqlline', 'DROP', 'TABLE', 'm']],
    ],
    // reads, backups, servers, applications
    [
      [...H2, 'org.h2.tools.Shell', '-url', 'jdbc:h2:./db', '-sql', 'SELECT 1'],
      undefined,
      [['h2 shell', 'SELECT', '', '']],
    ],
    [
      [...H2, 'org.h2.tools.RunScript', '-url', 'jdbc:h2:mem:t', '-script', 'schema.sql'],
      undefined,
      [['h2 runscript', 'CREATE', '', '']],
    ],
    [[...H2, 'org.h2.tools.Server', '-tcp', '-web'], undefined, []],
    [[...H2, 'org.h2.tools.Script', '-url', 'jdbc:h2:./db', '-script', 'backup.sql'], undefined, []],
    [['java', '-jar', 'lib/derbyrun.jar', 'sysinfo'], undefined, []],
    [['java', '-jar', 'h2.jar'], undefined, []],
    [['java', '-cp', 'target/app.jar', 'com.example.Main', '-sql', 'DROP TABLE x'], undefined, []],
  ])('%j', (argv, stdin, want) => {
    expect(facts(argv, stdin)).toEqual(want);
  });
});
