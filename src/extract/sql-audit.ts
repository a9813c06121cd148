/**
 * SQL that switches a database server's own audit or statement log off, read from one
 * statement's source text: PostgreSQL's `ALTER SYSTEM SET pgaudit.log = 'none'` (also
 * `ALTER DATABASE|ROLE … SET`, `log_statement`, `log_connections`, `logging_collector`,
 * `log_min_duration_statement = -1`), MySQL's `SET GLOBAL|PERSIST general_log = OFF` and
 * `UNINSTALL PLUGIN audit_log`, Oracle's `NOAUDIT …` and `ALTER SYSTEM SET audit_trail = NONE`,
 * SQL Server's `ALTER SERVER|DATABASE AUDIT … WITH (STATE = OFF)`. Lowering a log's level
 * (`log_statement = 'ddl'`) or tuning other settings is not switching it off.
 */
import type { SqlStmt } from './sql-statements.js';
import { settingsOf } from './sql-settings.js';
import { splitSql, type SqlToken } from './sql-tokenize.js';

/** A server setting that records what is done: an audit setting or a statement/connection log. */
const AUDIT_PARAM =
  /^(?:pgaudit\.[\w.]+|\w*audit\w*|log_statement|log_connections|log_disconnections|logging_collector|log_min_duration_statement|log_destination|general_log|slow_query_log|log_output|sql_log_off)$/i;
/** A value that turns such a setting off (`'none'`, `OFF`, `false`, `0`, `-1`; `sql_log_off` is the other way round). */
const OFF_VALUE = /^(?:none|off|false|0|-1|no|)$/i;

/**
 * The audit the statement `source` switches off, as a statement of kind NOAUDIT; undefined =
 * none. `tokens`: the statement's tokens (control-flow prefixes stripped); default: lexed from `source`.
 */
export function auditOff(
  source: string,
  tokens: SqlToken[] = splitSql(source)[0]?.tokens ?? [],
): SqlStmt | undefined {
  const text = source.replace(/^(?:\s*(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/))*/, '');
  const stmt = (name: string): SqlStmt => ({ statement: 'NOAUDIT', object: '', name, where: true });
  if (/^\s*NOAUDIT\b/i.test(text)) return stmt('audit');
  const plugin = /^\s*UNINSTALL\s+(?:PLUGIN|COMPONENT)\s+['"]?([\w:/.-]*audit[\w:/.-]*)/i.exec(text);
  if (plugin) return stmt(plugin[1]);
  const spec = /^\s*ALTER\s+(?:SERVER|DATABASE)\s+AUDIT\b[\s\S]*\bSTATE\s*=\s*OFF\b/i.exec(text);
  if (spec) return stmt('audit');
  for (const set of settingsOf(tokens)) {
    if (!AUDIT_PARAM.test(set.name)) continue;
    const value = set.value.trim();
    const off = set.name === 'sql_log_off' ? /^(?:on|true|1)$/i.test(value) : OFF_VALUE.test(value);
    if (off) return stmt(set.name);
  }
  return undefined;
}
