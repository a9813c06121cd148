/**
 * SQL that Ruby and PHP database drivers run, read from the code ormCode found (sql-orm.ts):
 * - Ruby: mysql2 (`client.query(SQL)`), pg (`conn.exec(SQL)`, `exec_params`, `async_exec`),
 *   sqlite3 (`db.execute(SQL)`, `execute_batch`), Sequel (`DB.run(SQL)`, `DB << SQL`),
 *   ActiveRecord's connection (`execute`, `exec_query`, `truncate(T)`, `truncate_tables`);
 *   parentheses optional (`DB.run "…"`);
 * - PHP: mysqli (`mysqli_query($link, SQL)`, `$mysqli->query(SQL)`, `multi_query`, `real_query`),
 *   PDO (`$pdo->exec(SQL)`, `query`, `prepare`), pgsql (`pg_query([$conn,] SQL)`,
 *   `pg_query_params`), SQLite3 (`$db->exec(SQL)`), Doctrine DBAL (`executeStatement`),
 *   WordPress's `$wpdb->query(SQL)`, Drupal's `db_query(SQL)` (also run by `wp eval`, `drush php:eval`).
 * The SQL is a string literal, a heredoc (`<<~SQL`, `<<<SQL`), parts joined (`+`, `.`; a part
 * not known stands as `?`), or a variable holding those (each value it is assigned, with and
 * without what is appended to it); `#{…}` / `$x` inside a string stay as written. Each
 * statement is classified like SQL given to a client. A statement handed to a driver's own call
 * (`pg_query`, `mysqli_query`, `exec_params`, or a call on a known connection) that cannot be
 * read is unknown SQL (fail closed: asked); SQL read from a file is sql-code-files.ts's.
 */
import { lex, literalOf, callArgs, show, type Lexed } from '../normalize/codelex.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { classifySql } from './sql-statements.js';

type Lang = 'ruby' | 'php';

/** The language of the code a program runs; undefined = neither Ruby nor PHP. */
function langOf(program: string, code: string): Lang | undefined {
  const p = program.replace(/^.*\//, '');
  if (/^(php[\d.]*|artisan|wp|drush)$/.test(p) || /<\?php/.test(code)) return 'php';
  if (/^(ruby[\d.]*|rails|rake|irb|bundle)$/.test(p)) return 'ruby';
  return undefined;
}

/** Heredocs (`<<~SQL … SQL`, `<<<SQL … SQL;`) written as single-quoted literals, so the lexer reads them as strings. */
function heredocs(code: string, lang: Lang): string {
  const start = lang === 'ruby' ? /<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/ : /<<<[ \t]*(["']?)([A-Za-z_]\w*)\1/;
  let out = code;
  for (let n = 0; n < 32; n++) {
    const m = start.exec(out);
    if (!m) break;
    const id = lang === 'ruby' ? m[3] : m[2];
    const line = out.indexOf('\n', m.index);
    if (line < 0) break;
    const end = new RegExp(`^[ \\t]*${id}\\b.*$`, 'm');
    const rest = out.slice(line + 1);
    const e = end.exec(rest);
    const body = e ? rest.slice(0, e.index) : rest;
    const after = e ? rest.slice(e.index + e[0].length) : '';
    // PHP's terminator may carry the statement's end (`SQL;`, `SQL);`)
    const tail = e && lang === 'php' ? e[0].trim().slice(id.length) : '';
    const quoted = `'${body.replace(/\n$/, '').replace(/[\\']/g, (c) => `\\${c}`)}'`;
    out = out.slice(0, m.index) + quoted + out.slice(m.index + m[0].length, line) + tail + '\n' + after;
  }
  return out;
}

/** Calls that are a driver's own (the SQL is always their argument): name → which argument. */
const DRIVER_CALLS =
  /(?<![\w$>.])(db_query|mysqli_query|mysqli_multi_query|mysqli_real_query|pg_query|pg_send_query|pg_query_params|pg_send_query_params|sqlsrv_query|odbc_exec|db2_exec)\s*\(/g;
/** Methods that run SQL; the strong ones are drivers' own, the others count on a known connection or with readable SQL. */
const METHODS =
  /(?:\.|->)\s*(exec_params|execute_batch2?|async_exec|sync_exec|async_exec_params|exec_query|multi_query|real_query|executeStatement|executeUpdate|query|exec|execute|run|prepare|executeQuery)\b(?:\s*\(|[ \t]+(?=[\u0001$A-Za-z_]))/g;
const STRONG =
  /^(exec_params|execute_batch2?|async_exec|sync_exec|async_exec_params|exec_query|multi_query|real_query|executeStatement|executeUpdate)$/;

/** A connection a driver opens. */
const OPENS =
  /\b(?:Mysql2::Client\.new|PG(?:::Connection)?\.(?:connect|new|open)|Sequel\.(?:connect|sqlite|postgres|mysql2?|odbc)|SQLite3::Database\.(?:new|open)|ActiveRecord::Base\.connection|new\s+(?:\\?mysqli|\\?PDO|\\?SQLite3)\b|mysqli_connect|pg_p?connect|DriverManager::getConnection)/;
/** Names connections usually go by (a block parameter: `PG.connect(…) do |conn|`). */
const CONN_NAME = /^(?:db|conn|connection|client|pg|mysql|mysqli|pdo|dbh|database|link|con|cnx|sqlite)$/i;

/** The receiver before a method call at `at` (`$pdo`, `client`, `ActiveRecord::Base.connection`); '' = none. */
function receiver(skel: string, at: number): string {
  return /(\$?[A-Za-z_][\w:]*)\s*$/.exec(skel.slice(Math.max(0, at - 80), at))?.[1] ?? '';
}

/** True when `name` holds a connection a driver opened, or goes by a connection's name in code that loads a driver. */
function connection(name: string, lx: Lexed): boolean {
  const bare = name.replace(/^\$/, '');
  const held = lx.vars.get(bare);
  if (held && OPENS.test(held)) return true;
  return (bare === 'connection' || CONN_NAME.test(bare)) && OPENS.test(lx.skel);
}

/** Deepest chain of variables followed. */
const MAX_HOPS = 8;
/** Most texts one argument is read as (a variable assigned several times, parts joined). */
const MAX_TEXTS = 16;

/** The right-hand sides of `NAME = …` (each assignment) and of the appends `NAME .= …`, `+=`, `<<`. */
function assigned(name: string, lx: Lexed): { set: string[]; appended: string[] } {
  const at = (op: string) =>
    [...lx.skel.matchAll(new RegExp(`(?:^|[;\\n{(|])\\s*\\$?${name}\\s*${op}\\s*([^;\\n]+)`, 'g'))].map((m) =>
      m[1].trim(),
    );
  return { set: at('=(?![=~>])'), appended: at('(?:\\.=|\\+=|<<(?![~-]?[A-Za-z_]))') };
}

/**
 * The SQL texts an argument may hold: a literal; a variable's every value (each assignment,
 * and each with what is appended to it after); parts joined, each part not known standing as
 * `?`. Empty = not known.
 */
function sqlTexts(expr: string, lx: Lexed, lang: Lang, hops = 0): string[] {
  const t = expr
    .trim()
    .replace(/^\(([\s\S]*)\)$/, '$1')
    .trim();
  const whole = literalOf(t, lx);
  if (whole) return [whole.value];
  if (hops >= MAX_HOPS) return [];
  const name = /^\$?([A-Za-z_]\w*)$/.exec(t);
  if (name) {
    const { set, appended } = assigned(name[1], lx);
    const bases = set.map((e) => sqlTexts(e, lx, lang, hops + 1));
    if (!bases.length || bases.some((b) => !b.length)) return [];
    const tail = appended.map((e) => sqlTexts(e, lx, lang, hops + 1)[0] ?? '?').join('');
    // an append may run or not (a condition, a loop): the value without it and with all of it
    return [...new Set(bases.flat().flatMap((b) => (tail ? [b, b + tail] : [b])))].slice(0, MAX_TEXTS);
  }
  const parts = t.split(lang === 'php' ? /\s*\.\s*(?![\d])/ : /\s*\+\s*/);
  if (parts.length < 2) return [];
  const texts = parts.map((p) => sqlTexts(p, lx, lang, hops + 1));
  if (!texts.some((x) => x.some((y) => y.trim() !== ''))) return [];
  let out = [''];
  for (const x of texts)
    out = out.flatMap((o) => (x.length ? x : ['?']).map((y) => o + y)).slice(0, MAX_TEXTS);
  return out;
}

/** Reads of a whole file (`File.read(p)`, `IO.read`, `file_get_contents(p)`, `File.open(p).read`). */
const FILE_READ =
  /\b(?:File|IO)\.(?:read|binread)\b|\bfile_get_contents\s*\(|\b(?:File\.open|Pathname\.new)\b.*\.read\b/;

/** True when an argument is, or a variable holding it is assigned, a file's text. */
function readsFile(arg: string, lx: Lexed): boolean {
  const name = /^\s*\$?([A-Za-z_]\w*)\s*$/.exec(arg);
  return FILE_READ.test(arg) || (name !== null && assigned(name[1], lx).set.some((e) => FILE_READ.test(e)));
}

/** The argument of a paren-less Ruby call at `at`: the rest of its line. */
function bareArg(skel: string, at: number): string {
  const end = skel.slice(at).search(/[\n;]|\bdo\b|\{/);
  return end < 0 ? skel.slice(at) : skel.slice(at, at + end);
}

/** The SQL statements Ruby or PHP driver calls in `code` run (evidence names `program`), and their texts. */
export function driverCallOps(code: string, program: string): { ops: FrameworkOp[]; texts: Set<string> } {
  const ops: FrameworkOp[] = [];
  const texts = new Set<string>();
  const lang = langOf(program, code);
  if (!lang) return { ops, texts };
  const lx = lex(heredocs(code, lang), lang);
  const read = (call: string, arg: string | undefined, known: boolean) => {
    const sqls = arg === undefined ? [] : sqlTexts(arg, lx, lang);
    // SQL read from a file is read by sql-code-files.ts
    if (!sqls.length && arg !== undefined && readsFile(arg, lx)) return;
    if (!sqls.length) {
      // fail closed: a driver runs SQL that is not known statically
      if (known)
        ops.push({
          tool: 'driver',
          statement: 'UNKNOWN',
          object: '',
          name: `${call}(…)`,
          where: true,
          target: '',
          evidence: `${program}: ${call}(${show(arg ?? '', lx).slice(0, 40)}): the SQL is built at run time`,
        });
      return;
    }
    for (const sql of sqls) {
      texts.add(sql);
      for (const s of classifySql(sql, 'postgresql'))
        ops.push({ tool: 'driver', ...s, target: '', evidence: `${program}: ${sql.trim().slice(0, 80)}` });
    }
  };
  for (const m of lx.skel.matchAll(DRIVER_CALLS)) {
    const args = callArgs(lx.skel, m.index + m[0].length).args;
    // the link first (mysqli_query($link, SQL)); pgsql's link is optional; Drupal's db_query(SQL, ARGS)
    const second =
      m[1] !== 'db_query' &&
      (/^mysqli_|^sqlsrv_|^odbc_|^db2_/.test(m[1]) || args.length >= (/_params$/.test(m[1]) ? 3 : 2));
    read(m[1], second ? args[1] : args[0], true);
  }
  for (const m of lx.skel.matchAll(METHODS)) {
    const at = m.index + m[0].length;
    const arg = m[0].trimEnd().endsWith('(') ? callArgs(lx.skel, at).args[0] : bareArg(lx.skel, at);
    const known = STRONG.test(m[1]) || connection(receiver(lx.skel, m.index), lx);
    // `run` is too common a name to read on anything but a connection
    if (m[1] === 'run' && !known) continue;
    read(m[1], arg, known);
  }
  // ActiveRecord's `connection.truncate(TABLE)`, `truncate_tables(…)` (String#truncate is not on a connection)
  for (const m of lx.skel.matchAll(/(?:\.|->)\s*(truncate|truncate_tables)\s*\(/g)) {
    const recv = receiver(lx.skel, m.index);
    if (!connection(recv, lx) && !/\bconnection$/.test(recv)) continue;
    const arg = callArgs(lx.skel, m.index + m[0].length).args[0] ?? '';
    const name =
      literalOf(arg, lx) ??
      (/^\s*:(\w+)\s*$/.exec(arg) ? { value: arg.trim().slice(1), dynamic: false } : undefined);
    ops.push({
      tool: 'driver',
      statement: 'TRUNCATE',
      object: 'TABLE',
      name: name && !name.dynamic && m[1] === 'truncate' ? name.value : '',
      where: true,
      target: '',
      evidence: `${program}: ${m[1]}(${show(arg, lx).slice(0, 40)})`,
    });
  }
  // Sequel's `DB << SQL` runs SQL on the connection
  if (lang === 'ruby')
    for (const m of lx.skel.matchAll(/(?<![\w$.:])([A-Za-z_]\w*)[ \t]*<<[ \t]*(?=[\u0001A-Za-z_])/g))
      if (connection(m[1], lx)) read('<<', bareArg(lx.skel, m.index + m[0].length), true);
  return { ops, texts };
}
