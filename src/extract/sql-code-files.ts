/**
 * SQL files that application code reads and hands to an execute-like call:
 * `sqlite3.connect(db).executescript(open('scripts/wipe.sql').read())`,
 * `cur.execute(Path('reset.sql').read_text())`, `db.exec(fs.readFileSync('drop.sql', 'utf8'))`,
 * `$pdo->exec(file_get_contents('x.sql'))`, `conn.exec(File.read('x.sql'))`, directly or
 * through a variable assigned the file's text once. The file is read through ctx.readFile
 * (relative to the command's directory) and its statements classified like SQL given to a
 * client; a file that cannot be read, or a path known only at run time, is unknown SQL
 * (fail closed: asked). Reads the code of the command (codeOf in sql-orm.ts).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { classifySql } from './sql-statements.js';

/** Calls that run the SQL text they are given. */
const EXEC =
  /(?:\.|->|\b)(?:executescript|executemany|execute|exec_driver_sql|exec_query|exec|execSQL|query|raw|unprepared|statement|batch|\$executeRawUnsafe|\$queryRawUnsafe|executeRawUnsafe)\s*\(\s*(?:await\s+)?/g;

/** Reads of a whole file; the first group that matched is the path expression. */
const READ =
  /(?:\bopen\s*\(\s*([^,()]+?)\s*(?:,[^()]*)?\)\s*\.read\s*\(\s*\)|\b(?:pathlib\.)?Path\s*\(\s*([^()]+?)\s*\)\s*\.read_text\s*\([^()]*\)|\b(?:fs\.)?(?:promises\.)?(?:readFileSync|readFile)\s*\(\s*([^,()]+?)\s*[,)]|\b(?:File|IO)\.read\s*\(\s*([^,()]+?)\s*[,)]|\bfile_get_contents\s*\(\s*([^,()]+?)\s*[,)])/;
const READ_AT = new RegExp(`^(?:${READ.source})`);

/** The file a path expression names; undefined = not a plain string literal (known only at run time). */
function literalPath(expr: string): string | undefined {
  const m = /^(['"`])([^'"`]*)\1$/.exec(expr.trim());
  if (!m || (m[1] === '`' && m[2].includes('${')) || (m[1] === '"' && /[$#]\{|\$\w/.test(m[2])))
    return undefined;
  return m[2];
}

/** The path expression of a read at the start of `text`; undefined = none. */
function readAt(text: string): string | undefined {
  const m = READ_AT.exec(text);
  return m ? m.slice(1).find((g) => g !== undefined) : undefined;
}

/** The SQL statements `code` runs from files it reads, as the ORM readers report them. */
export function codeFileOps(
  code: string,
  program: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): FrameworkOp[] {
  // `sql = open('x.sql').read()`: names holding a file's text (assigned once)
  const held = new Map<string, string | null>();
  for (const m of code.matchAll(
    /(?:^|[;\n{])\s*(?:const\s+|let\s+|var\s+|my\s+)?\$?(\w+)\s*=\s*(?:await\s+)?/g,
  )) {
    const path = readAt(code.slice(m.index + m[0].length));
    if (path === undefined) continue;
    held.set(m[1], held.has(m[1]) && held.get(m[1]) !== path ? null : path);
  }
  const out: FrameworkOp[] = [];
  for (const m of code.matchAll(EXEC)) {
    const rest = code.slice(m.index + m[0].length);
    const name = /^\$?(\w+)\s*[,)]/.exec(rest)?.[1];
    const path = readAt(rest) ?? (name !== undefined ? held.get(name) : undefined);
    if (path === undefined) continue;
    const call = m[0].replace(/^[.>-]+|\s*\(.*$/gs, '');
    const file = path === null ? undefined : literalPath(path);
    const text = file === undefined ? undefined : readPayloadFile(file, cmd, ctx).text;
    if (text === undefined) {
      // fail closed: SQL from a file that cannot be read (or is named only at run time) may be anything
      const what = file ?? path ?? 'a file';
      out.push({
        tool: 'orm',
        statement: 'UNKNOWN',
        object: '',
        name: `${call}(${what})`,
        where: true,
        target: '',
        evidence: `${program}: ${call}(${what}): the SQL file could not be read`,
      });
      continue;
    }
    for (const s of classifySql(text, 'postgresql'))
      out.push({
        tool: 'orm',
        ...s,
        target: '',
        evidence: `${program}: ${call}(${file}): ${text.trim().slice(0, 60)}`,
      });
  }
  return out;
}
