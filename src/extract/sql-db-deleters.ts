/**
 * Vendor utilities that delete a whole database (its files or data store) or empty a storage
 * area of it, read as the SQL statement they amount to:
 * - Progress OpenEdge: `prodel DB` (also `_dbutil prodel DB`) deletes the database and its
 *   extents (DROP DATABASE); `proutil DB -C truncate area [AREA]` deletes every row and index
 *   in the storage area (TRUNCATE; `truncate bi`, the before-image log, is routine and passes).
 * - Ingres: `destroydb [-s] [-uUSER] DB` (DROP DATABASE).
 * - SAP SQL Anywhere: `dberase [-y] [-q] FILE.db` erases the database file and its log.
 * - Oracle TimesTen: `ttDestroy [-force] DSN|connstr` destroys the data store.
 * - SAP MaxDB: `dbmcli -d DB -u U,P db_drop` drops the database instance.
 */
import type { FrameworkOp } from './sql-frameworks.js';

const op = (
  tool: string,
  statement: string,
  object: string,
  name: string,
  evidence: string,
): FrameworkOp => ({
  tool,
  statement,
  object,
  name,
  where: true,
  target: name,
  evidence,
});

/** Options of these utilities that take a value (so the value is not read as the database). */
const WITH_ARG = /^(-d|-u|-U|-P|-n|-connstr|-dsn|-ek|-dbpass)$/;

/** The operands of args: words not starting with `-`, without the values of WITH_ARG options. */
function operands(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (WITH_ARG.test(args[i])) i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

/**
 * The ops of a database-deleting utility (`prog` its basename, `args` the words after it);
 * empty when it is not one or deletes nothing. A database name not known (none given) is ''.
 */
export function dbDeleterOps(prog: string, args: string[]): FrameworkOp[] {
  const pos = operands(args);
  const dropped = (tool: string, db: string) => [op(tool, 'DROP', 'DATABASE', db, `${tool} ${db}`.trim())];
  switch (prog) {
    case 'prodel':
    case 'destroydb':
    case 'dberase':
      return dropped(prog, pos[0] ?? '');
    case 'ttDestroy':
    case 'ttdestroy':
      return dropped(prog, pos[0] ?? args.find((a) => /^(dsn|DSN)=/.test(a)) ?? '');
    case '_dbutil':
      return pos[0] === 'prodel' ? dropped('prodel', pos[1] ?? '') : [];
    case 'proutil':
    case '_proutil': {
      // `proutil DB -C truncate area [AREA]`: -C names the utility, its operands follow
      const c = args.findIndex((a) => a === '-C' || a === '-c');
      const [verb, what, area] = c >= 0 ? args.slice(c + 1).map((w) => w.toLowerCase()) : [];
      if (verb !== 'truncate' || what !== 'area') return [];
      const db = args[0] && !args[0].startsWith('-') ? args[0] : '';
      const name = args[c + 3] && !args[c + 3].startsWith('-') ? args[c + 3] : '*';
      return [
        op('proutil', 'TRUNCATE', 'TABLE', name, `proutil ${db} -C truncate area ${area ?? ''}`.trim()),
      ];
    }
    case 'dbmcli': {
      if (!args.some((a) => /^db_drop$/i.test(a))) return [];
      const d = args.indexOf('-d');
      return dropped('dbmcli db_drop', d >= 0 ? (args[d + 1] ?? '') : '');
    }
    default:
      return [];
  }
}
