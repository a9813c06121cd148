/**
 * SQL files application code reads and runs (src/extract/sql-code-files.ts): the file is
 * read through ctx.readFile and classified; a file that cannot be read, or a path known only
 * at run time, is unknown SQL; code that reads files for anything else makes no statement.
 */
import { describe, expect, it } from 'vitest';
import { analyzeContext, command, WS } from '../helpers/command.js';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  [`${WS}/scripts/wipe.sql`]: 'DELETE FROM users;\nDROP TABLE sessions;\n',
  [`${WS}/db/seed.sql`]: "INSERT INTO users (name) VALUES ('a');\n",
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

/** The statements a command runs, as `STATEMENT OBJECT` (UNKNOWN for SQL not read). */
const sql = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as Omit<SqlFact, 'command'>[]).map((f) =>
    [f.statement, f.object].filter(Boolean).join(' '),
  );

describe('SQL files run by application code', () => {
  it.each<[string[], string[]]>([
    [
      [
        'python3',
        '-c',
        "import sqlite3; sqlite3.connect('app.db').executescript(open('scripts/wipe.sql').read())",
      ],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['python3', '-c', "from pathlib import Path; cur.execute(Path('scripts/wipe.sql').read_text())"],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['node', '-e', "db.exec(fs.readFileSync('scripts/wipe.sql', 'utf8'))"],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['node', '-e', "const q = fs.readFileSync('scripts/wipe.sql', 'utf8'); await client.query(q)"],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['php', '-r', "$pdo->exec(file_get_contents('scripts/wipe.sql'));"],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['ruby', '-e', "conn.exec(File.read('scripts/wipe.sql'))"],
      ['DELETE', 'DROP TABLE'],
    ],
    [
      ['python3', '-c', "sql = open('scripts/wipe.sql').read()\ndb.executescript(sql)"],
      ['DELETE', 'DROP TABLE'],
    ],
    // fail closed: a file that cannot be read, a path known only at run time
    [
      [
        'python3',
        '-c',
        "import sqlite3; sqlite3.connect('app.db').executescript(open('scripts/missing.sql').read())",
      ],
      ['UNKNOWN'],
    ],
    [
      [
        'python3',
        '-c',
        'import sys, sqlite3; sqlite3.connect("a.db").executescript(open(sys.argv[1]).read())',
      ],
      ['UNKNOWN'],
    ],
    // a seed file only inserts
    [
      [
        'python3',
        '-c',
        "import sqlite3; sqlite3.connect('app.db').executescript(open('db/seed.sql').read())",
      ],
      ['INSERT'],
    ],
    // files read for anything else, and literal SQL, are not read here
    [['python3', '-c', "print(open('scripts/wipe.sql').read())"], []],
    [['python3', '-c', "data = open('config.json').read(); json.loads(data)"], []],
    [['node', '-e', "console.log(fs.readFileSync('README.md', 'utf8'))"], []],
  ])('%j', (argv, want) => expect(sql(argv)).toEqual(want));
});
