/**
 * SQL that Ruby and PHP database drivers run, read from the code ormCode found (sql-orm.ts):
 * - Ruby: mysql2 (`client.query(SQL)`), pg (`conn.exec(SQL)`, `exec_params`, `async_exec`),
 *   Sequel (`DB.run(SQL)`, `DB << SQL`), sqlite3 (`db.execute(SQL)`), ActiveRecord's connection (`execute`,
 *   `exec_query`); parentheses optional (`DB.run "…"`);
 * - PHP: mysqli (`mysqli_query($link, SQL)`, `$mysqli->query(SQL)`, `multi_query`, `real_query`),
 *   PDO (`$pdo->exec(SQL)`, `query`, `prepare`), pgsql (`pg_query([$conn,] SQL)`,
 *   `pg_query_params`), SQLite3 (`$db->exec(SQL)`), Doctrine DBAL (`executeStatement`).
 * The SQL is a string literal, a heredoc (`<<~SQL`, `<<<SQL`), parts joined (`+`, `.`; a part
 * not known stands as `?`), or a variable assigned one of those once; `#{…}` / `$x` inside a
 * string stay as written. Each statement is classified like SQL given to a client. A statement
 * handed to a driver's own call (`pg_query`, `mysqli_query`, `exec_params`, or a call on a known
 * connection) that cannot be read is unknown SQL (fail closed: asked).
 */
import { lex, literalOf, callArgs, type Lexed } from '../normalize/codelex.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { classifySql } from './sql-statements.js';

type Lang = 'ruby' | 'php';

/** The language of the code a program runs; undefined = neither Ruby nor PHP. */
function langOf(program: string, code: string): Lang | undefined {
  const p = program.replace(/^.*\//, '');
  if (/^(php[\d.]*|artisan)$/.test(p) || /<\?php/.test(code)) return 'php';
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
  /(?<![\w$>.])(mysqli_query|mysqli_multi_query|mysqli_real_query|pg_query|pg_send_query|pg_query_params|pg_send_query_params|sqlsrv_query|odbc_exec|db2_exec)\s*\(/g;
/** Methods that run SQL; the strong ones are drivers' own, the others count on a known connection or with readable SQL. */
const METHODS =
  /(?:\.|->)\s*(exec_params|async_exec|sync_exec|async_exec_params|exec_query|multi_query|real_query|executeStatement|executeUpdate|query|exec|execute|run|prepare|executeQuery)\b(?:\s*\(|[ \t]+(?=[\u0001$A-Za-z_]))/g;
const STRONG =
  /^(exec_params|async_exec|sync_exec|async_exec_params|exec_query|multi_query|real_query|executeStatement|executeUpdate)$/;

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

/** The SQL text an argument holds; undefined = not known. */
function sqlText(expr: string, lx: Lexed, lang: Lang, hops = 0): string | undefined {
  const t = expr
    .trim()
    .replace(/^\(([\s\S]*)\)$/, '$1')
    .trim();
  const whole = literalOf(t, lx);
  if (whole) return whole.value;
  const name = /^\$?([A-Za-z_]\w*)$/.exec(t);
  if (name) {
    const held = lx.vars.get(name[1]);
    return held && hops < MAX_HOPS ? sqlText(held, lx, lang, hops + 1) : undefined;
  }
  // literals joined with what is not known: each unknown part stands as `?`
  const parts = t.split(lang === 'php' ? /\s*\.\s*(?![\d])/ : /\s*\+\s*/);
  if (parts.length < 2) return undefined;
  const texts = parts.map((p) => sqlText(p, lx, lang, hops + 1));
  return texts.some((x) => x !== undefined && x.trim() !== '')
    ? texts.map((x) => x ?? '?').join('')
    : undefined;
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
    const sql = arg === undefined ? undefined : sqlText(arg, lx, lang);
    if (sql === undefined) {
      // fail closed: a driver runs SQL that is not known statically
      if (known)
        ops.push({
          tool: 'driver',
          statement: 'UNKNOWN',
          object: '',
          name: `${call}(…)`,
          where: true,
          target: '',
          evidence: `${program}: ${call}(${(arg ?? '').trim().slice(0, 40)}): the SQL is built at run time`,
        });
      return;
    }
    texts.add(sql);
    for (const s of classifySql(sql, 'postgresql'))
      ops.push({ tool: 'driver', ...s, target: '', evidence: `${program}: ${sql.trim().slice(0, 80)}` });
  };
  for (const m of lx.skel.matchAll(DRIVER_CALLS)) {
    const args = callArgs(lx.skel, m.index + m[0].length).args;
    const second =
      /^mysqli_|^sqlsrv_|^odbc_|^db2_/.test(m[1]) || args.length >= (/_params$/.test(m[1]) ? 3 : 2);
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
  // Sequel's `DB << SQL` runs SQL on the connection
  if (lang === 'ruby')
    for (const m of lx.skel.matchAll(/(?<![\w$.:])([A-Za-z_]\w*)[ \t]*<<[ \t]*(?=[\u0001A-Za-z_])/g))
      if (connection(m[1], lx)) read('<<', bareArg(lx.skel, m.index + m[0].length), true);
  return { ops, texts };
}
