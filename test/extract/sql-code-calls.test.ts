/** SQL that Ruby and PHP database drivers run (src/extract/sql-code-calls.ts), read from the code a command runs. */
import { describe, expect, it } from 'vitest';
import { driverCallOps } from '../../src/extract/sql-code-calls.js';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

/** Each statement as `STATEMENT object name where`. */
const ops = (code: string, program: string) =>
  driverCallOps(code, program).ops.map((o) => [o.statement, o.object, o.name, o.where].join(' ').trim());

describe('Ruby drivers', () => {
  it.each<[string, string[]]>([
    ['c = Mysql2::Client.new(host: "db"); c.query("DROP TABLE users")', ['DROP TABLE users true']],
    ['conn = PG.connect(dbname: "app"); conn.exec("truncate orders")', ['TRUNCATE TABLE orders true']],
    ['conn = PG.connect; conn.exec_params("DELETE FROM users", [])', ['DELETE  users false']],
    ['DB = Sequel.connect(url); DB.run "delete from sessions"', ['DELETE  sessions false']],
    ['DB = Sequel.connect(url)\nDB << "drop table audit"', ['DROP TABLE audit true']],
    [
      'db = SQLite3::Database.new("a.db"); db.execute("drop table if exists cache")',
      ['DROP TABLE cache true'],
    ],
    ['ActiveRecord::Base.connection.execute "truncate users"', ['TRUNCATE TABLE users true']],
    [
      'db = SQLite3::Database.open(f); db.execute_batch("drop table a; drop table b")',
      ['DROP TABLE a true', 'DROP TABLE b true'],
    ],
    ['client = Mysql2::Client.new(h)\nsql = "delete from jobs"\nclient.query(sql)', ['DELETE  jobs false']],
    [
      'conn = PG.connect\nconn.exec(<<~SQL)\n  drop schema public cascade\nSQL\nputs 1',
      ['DROP SCHEMA public true'],
    ],
    ['PG.connect(dbname: "x") do |conn|\n  conn.exec "DELETE FROM events"\nend', ['DELETE  events false']],
    ['c = PG.connect; c.exec("DELETE FROM users WHERE id = " + id.to_s)', ['DELETE  users true']],
    ['c = PG.connect; c.exec(%q(drop table users))', ['DROP TABLE users true']],
    ['ActiveRecord::Base.connection.truncate("users")', ['TRUNCATE TABLE users true']],
    ['c = ActiveRecord::Base.connection; c.tables.each { |t| c.truncate(t) }', ['TRUNCATE TABLE  true']],
    ['ActiveRecord::Base.connection.truncate_tables(*tables)', ['TRUNCATE TABLE  true']],
    ['puts post.title.truncate(30)', []],
    // fail closed: a driver's SQL known only at run time
    ['c = Mysql2::Client.new(h); c.query(ARGV[0])', ['UNKNOWN  query(…) true']],
    ['c = PG.connect; rows = c.exec(query_for(kind))', ['UNKNOWN  exec(…) true']],
    // reads and targeted writes; `run` and `<<` on what is not a connection
    ['c = PG.connect; c.exec("SELECT * FROM orders")', ['SELECT   true']],
    ['c = PG.connect; c.exec_params("DELETE FROM s WHERE id = $1", [1])', ['DELETE  s true']],
    ['DB = Sequel.sqlite; DB.run("CREATE TABLE IF NOT EXISTS t (id int)")', ['CREATE   true']],
    ['job.run("drop table x"); list << "drop table y"', []],
  ])('%s', (code, want) => expect(ops(code, 'ruby')).toEqual(want));
});

describe('PHP drivers', () => {
  it.each<[string, string[]]>([
    ['$c = mysqli_connect("db"); mysqli_query($c, "drop table a");', ['DROP TABLE a true']],
    [
      '$m = new mysqli("db"); $m->multi_query("drop table a; drop table b;");',
      ['DROP TABLE a true', 'DROP TABLE b true'],
    ],
    ['$pdo = new PDO($dsn); $sql = "drop database shop"; $pdo->exec($sql);', ['DROP DATABASE shop true']],
    ['$c = pg_connect("dbname=x"); pg_query($c, "delete from invoices");', ['DELETE  invoices false']],
    ['pg_query("truncate logs");', ['TRUNCATE TABLE logs true']],
    ['$db = new SQLite3("a.db"); $db->exec(\'DELETE FROM jobs\');', ['DELETE  jobs false']],
    [
      '$pdo = new PDO($d); $s = $pdo->prepare("DELETE FROM sessions"); $s->execute();',
      ['DELETE  sessions false'],
    ],
    [
      '$pdo = new PDO($d);\n$pdo->exec(<<<SQL\n  TRUNCATE TABLE orders\n  SQL);\n',
      ['TRUNCATE TABLE orders true'],
    ],
    [
      '$c = mysqli_connect("db"); mysqli_query($c, "GRANT ALL ON *.* TO \'app\'@\'%\'");',
      ["GRANT ALL 'app'@'%' true"],
    ],
    ['global $wpdb; $wpdb->query("TRUNCATE TABLE wp_options");', ['TRUNCATE TABLE wp_options true']],
    [
      'db_query("DELETE FROM users"); db_query("DELETE FROM cache WHERE cid = :c", [":c" => 1]);',
      ['DELETE  users false', 'DELETE  cache true'],
    ],
    // a variable's every value, with and without what is appended to it
    [
      '$pdo = new PDO($d);\n$sql = "SELECT 1";\n$pdo->query($sql);\n$sql = "DROP TABLE t";\n$pdo->exec($sql);',
      ['SELECT   true', 'DROP TABLE t true', 'SELECT   true', 'DROP TABLE t true'],
    ],
    [
      '$pdo = new PDO($d);\n$sql = "DELETE FROM t";\nif ($id) { $sql .= " WHERE id = 3"; }\n$pdo->exec($sql);',
      ['DELETE  t false', 'DELETE  t true'],
    ],
    // fail closed: a driver's SQL known only at run time
    ['$c = pg_connect("x"); pg_query($c, $argv[1]);', ['UNKNOWN  pg_query(…) true']],
    // reads and targeted writes
    ['$m = new mysqli("db"); $r = $m->query("SELECT name FROM c");', ['SELECT   true']],
    ['$pdo = new PDO($d); $pdo->exec("DELETE FROM carts WHERE id = 3");', ['DELETE  carts true']],
    [
      '$c = mysqli_connect("db"); mysqli_query($c, "GRANT SELECT ON shop.* TO \'ro\'@\'localhost\'");',
      ["GRANT  'ro'@'localhost' true"],
    ],
  ])('%s', (code, want) => expect(ops(`<?php ${code}`, 'php')).toEqual(want));

  it('reads nothing of other languages', () => {
    expect(ops('cur.execute("DROP TABLE x")', 'python3')).toEqual([]);
  });
});

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('Ruby and PHP driver SQL judged end to end', () => {
  it.each<[string, 'allow' | 'ask']>([
    [`ruby -e 'DB = Sequel.connect(u); DB.run("delete from sessions")'`, 'ask'],
    [
      `php -r '$c = mysqli_connect("db"); mysqli_query($c, "grant all privileges on *.* to root@\\"%\\"");'`,
      'ask',
    ],
    [
      `cat > x.php <<'EOF'\n<?php\n$q = "delete from users";\nmysqli_query($link, $q);\nEOF\nphp -f x.php`,
      'ask',
    ],
    [
      `cat > r.rb <<'EOF'\nrequire "pg"\nc = PG.connect\nc.exec(<<~SQL)\n  TRUNCATE users\nSQL\nEOF\nbundle exec ruby r.rb`,
      'ask',
    ],
    [`ruby -e 'c = PG.connect; c.exec("INSERT INTO audit (m) VALUES (1)")'`, 'allow'],
    [`php -r '$pdo = new PDO($d); $pdo->exec("DELETE FROM carts WHERE id = 3");'`, 'allow'],
    [`ruby -e 'DB = Sequel.sqlite; DB[:orders].where(id: 5).delete'`, 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
