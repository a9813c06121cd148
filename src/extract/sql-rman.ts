/**
 * Oracle Recovery Manager: `rman target / <<EOF … EOF`, `echo '…' | rman target /`, `rman
 * target / cmdfile=x.rcv` (or `@x.rcv`). RMAN commands that destroy what the database is
 * recovered from read as NOBACKUP statements (the backups-off rule): `DELETE [NOPROMPT]
 * [FORCE] BACKUP|BACKUPSET|ARCHIVELOG|COPY|DATAFILECOPY|…` (the backups, archived logs or image
 * copies, from disk and the catalog). `DELETE OBSOLETE` and `DELETE EXPIRED` only remove what
 * the retention policy no longer needs or records of files already gone (routine upkeep) and
 * make none. `DROP DATABASE` reads as a DROP of the DATABASE. Listing, reporting, crosschecking
 * and taking backups make none.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readStdinDeep } from './sql-clients.js';
import { readPayloadFile } from './http-body.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** What `DELETE` names that holds recovery data (a backup, an archived log, an image copy). */
const RECOVERY_DATA = /^(BACKUP|BACKUPSET|BACKUPPIECE|ARCHIVELOG|COPY|DATAFILECOPY|CONTROLFILECOPY|PROXY)$/;

/** What RMAN text destroys. */
export function rmanStatements(text: string, label: string): StoreOps['stmts'] {
  const stmts: StoreOps['stmts'] = [];
  // RMAN commands end with `;`; `#` starts a comment
  const commands = text
    .replace(/#[^\n]*/g, '')
    .split(';')
    .map((c) => c.trim().toUpperCase().split(/\s+/));
  for (const w of commands) {
    if (w[0] === 'DELETE') {
      const what = w.slice(1).find((x) => !/^(NOPROMPT|FORCE|NOCATALOG)$/.test(x)) ?? '';
      if (RECOVERY_DATA.test(what))
        stmts.push(storeStmt('NOBACKUP', what, w.slice(1).join(' '), true, label));
    } else if (w[0] === 'DROP' && w[1] === 'DATABASE') {
      stmts.push(storeStmt('DROP', 'DATABASE', w.includes('BACKUPS') ? 'with its backups' : '', true, label));
    }
  }
  return stmts;
}

/** What an rman command line destroys; undefined = not rman. */
export function parseRman(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (!/^rman(\.exe)?$/i.test(cmd.program)) return undefined;
  const ops: StoreOps = { tool: 'rman', target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const file =
      /^cmdfile=(.+)$/i.exec(a)?.[1] ??
      (/^cmdfile$/i.test(a) ? args[i + 1] : undefined) ??
      /^@(.+)$/.exec(a)?.[1];
    if (file) {
      const text = readPayloadFile(file, cmd, ctx).text;
      // fail closed: a command file not read may delete every backup
      if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', file, true, `cmdfile ${file}`));
      else ops.stmts.push(...rmanStatements(text, `cmdfile ${file}`));
    }
    if (/^target$/i.test(a)) ops.target = args[i + 1] ?? '';
  }
  if (!cmd.stdin) return ops;
  const text = readStdinDeep(cmd, ctx).text;
  // fail closed: commands piped in from an unknown source may delete every backup
  if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', 'stdin', true, 'stdin'));
  else ops.stmts.push(...rmanStatements(text, 'stdin'));
  return ops;
}
