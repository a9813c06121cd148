/**
 * SQL that has the database server run a command on its own machine, read from SQL text:
 * - the command: PostgreSQL's `COPY … TO|FROM PROGRAM 'CMD'` (run by the server's shell), SQL
 *   Server's `EXEC [master..]xp_cmdshell 'CMD'` (run by cmd.exe), MySQL's `sys_exec('CMD')` /
 *   `sys_eval('CMD')` (lib_mysqludf_sys). serverCommands returns them; the normalizer walks each
 *   as a command of the server's machine (src/normalize/server-commands.ts), so the rules judge
 *   `rm -rf` there as they judge it through ssh. A command not given as a literal (`PROGRAM
 *   :'cmd'`, `xp_cmdshell @cmd`) is returned as not known (fail closed).
 * - the same, as a statement of kind SHELL (the command its name) for the readers of SQL in code,
 *   which nothing walks (classifySql; a client's SQL drops it: its commands are walked);
 * - the switch that lets SQL do so (shellEnabled): SQL Server's `sp_configure 'xp_cmdshell', 1`
 *   (also 'Ole Automation Procedures', 'external scripts enabled'), MySQL's `CREATE FUNCTION
 *   sys_exec … SONAME …`, read as a statement of kind ENABLE.
 * psql's own `\copy … PROGRAM` runs on the client: sql-client-shell.ts. Pure.
 */
import type { SqlDialect, SqlStmt } from './sql-statements.js';
import { splitSql, type SqlChunk, type SqlToken } from './sql-tokenize.js';

/** A command the server runs. */
export interface ServerCommand {
  /** The command line as the server hands it to its shell; the source text when not known. */
  text: string;
  /** True when the command is not a literal (a variable, a parameter). */
  dynamic: boolean;
  /** True when cmd.exe runs it (SQL Server), false for a POSIX shell. */
  windows: boolean;
  /** What runs it, for evidence: `COPY … PROGRAM`, `xp_cmdshell`, `sys_exec`. */
  via: string;
}

/** A single-quoted literal at the start of `rest` (`N'…'`, `E'…'` prefixes allowed); undefined = none. */
function quoted(rest: string, backslashes: boolean): string | undefined {
  const head = /^\s*\(?\s*(?:@\w+\s*=\s*)?([NE])?'/i.exec(rest);
  if (!head) return undefined;
  // backslash escapes: MySQL strings and PostgreSQL's E'…'; elsewhere a backslash is a character
  const escapes = backslashes || /e/i.test(head[1] ?? '');
  const body = (escapes ? /^((?:[^'\\]|''|\\[\s\S])*)'/ : /^((?:[^']|'')*)'/).exec(
    rest.slice(head[0].length),
  );
  if (!body) return undefined;
  const text = body[1].replaceAll("''", "'");
  return escapes ? text.replace(/\\([\s\S])/g, '$1') : text;
}

/** The commands the server runs for `sql` (see the header); empty = none. */
export function serverCommands(sql: string, dialect: SqlDialect): ServerCommand[] {
  const mysql = dialect === 'mysql';
  return splitSql(sql, mysql).flatMap((chunk) => chunkCommands(chunk, mysql));
}

/** The commands the server runs for one statement (`mysql`: its strings take backslash escapes). */
export function chunkCommands(chunk: SqlChunk, mysql: boolean): ServerCommand[] {
  const out: ServerCommand[] = [];
  const t = chunk.tokens;
  const at = (re: RegExp, from = 0) => {
    const m = re.exec(chunk.text.slice(from));
    return m ? from + m.index + m[0].length : -1;
  };
  const push = (via: string, end: number, windows: boolean, backslashes: boolean) => {
    const text = end < 0 ? undefined : quoted(chunk.text.slice(end), backslashes);
    // fail closed: a command given as a variable or parameter may be anything
    out.push(
      text === undefined
        ? { text: chunk.text.trim(), dynamic: true, windows, via }
        : { text, dynamic: false, windows, via },
    );
  };
  const program = t.findIndex(
    (w, i) => w.type === 'word' && w.text === 'PROGRAM' && /^(TO|FROM)$/.test(t[i - 1]?.text ?? ''),
  );
  if (t[0]?.text === 'COPY' && program > 0) push('COPY … PROGRAM', at(/\bPROGRAM\b/i), false, false);
  for (const w of t.filter((x) => x.type === 'word')) {
    const name = w.text.split('.').pop() ?? '';
    if (name === 'XP_CMDSHELL') push('xp_cmdshell', at(/\bxp_cmdshell\b/i), true, false);
    else if (/^SYS_(EXEC|EVAL)$/.test(name) && t[t.indexOf(w) + 1]?.text === '(')
      push(name.toLowerCase(), at(/\bsys_(?:exec|eval)\s*(?=\()/i), false, mysql);
  }
  return out;
}

/** SQL Server settings that let SQL run commands or code on the server's machine. */
const SHELL_SETTINGS = /^(xp_cmdshell|ole automation procedures|external scripts enabled)$/i;

/** The switch a statement's tokens turn on to let SQL run commands on the server (see the header); undefined = none. */
export function shellEnabled(tokens: SqlToken[]): SqlStmt | undefined {
  const words = tokens.filter((t) => t.depth === 0);
  const head = words[0]?.text === 'EXEC' || words[0]?.text === 'EXECUTE' ? 1 : 0;
  const enabled = (name: string): SqlStmt => ({
    statement: 'ENABLE',
    object: 'OS COMMANDS',
    name,
    where: true,
  });
  if (/(^|\.)SP_CONFIGURE$/.test(words[head]?.text ?? '')) {
    const args = words.slice(head + 1).filter((t) => t.type === 'string' || t.type === 'number');
    const [setting, value] = args;
    if (setting?.type === 'string' && SHELL_SETTINGS.test(setting.raw.trim()) && value?.text === '1')
      return enabled(setting.raw.trim());
  }
  // MySQL's user-defined functions that run commands (lib_mysqludf_sys)
  const fn = words.findIndex((t) => t.text === 'FUNCTION');
  if (words[0]?.text === 'CREATE' && fn > 0 && /^SYS_(EXEC|EVAL)$/.test(words[fn + 1]?.text ?? ''))
    return enabled(words[fn + 1].raw);
  return undefined;
}
