/**
 * IBM MQ's script command shell: `runmqsc QMGR` reads MQSC commands from stdin (`echo 'CLEAR
 * QLOCAL(Q1)' | runmqsc QM1`, `runmqsc QM1 < setup.mqsc`). Commands that delete read as SQL
 * statements, so the database rules apply: `CLEAR QLOCAL(q)` (every message on the queue, and
 * `CLEAR TOPICSTR` every retained publication) as a TRUNCATE, `DELETE QLOCAL(q) [PURGE]` and
 * the other `DELETE <object>(name)` commands as a DROP of that object. `runmqsc -v` only
 * verifies the commands and runs none. The control command `dltmqm [-z] QMGR` deletes a whole
 * queue manager, its queues and messages: a DROP of the QUEUE MANAGER.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** runmqsc options that take a value (`-m QMGR`, `-w SECONDS`, `-u USER`). */
const WITH_ARG = new Set(['-m', '-w', '-u']);

/** MQSC object keywords (and their abbreviations) that name a queue. */
const QUEUE = /^(QLOCAL|QL|QREMOTE|QR|QALIAS|QA|QMODEL|QM|QUEUE|Q)$/;

/** One MQSC command per logical line: `+` and `-` at the end continue it, `*` starts a comment line. */
function mqscCommands(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!cur && (line.startsWith('*') || !line)) continue;
    const cont = /[+-]$/.exec(line);
    cur += cont ? `${line.slice(0, -1)} ` : line;
    if (!cont) {
      out.push(cur.trim());
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** What MQSC text deletes. */
export function mqscStatements(text: string, label: string): StoreOps['stmts'] {
  const stmts: StoreOps['stmts'] = [];
  for (const c of mqscCommands(text)) {
    const m = /^(CLEAR|DELETE)\s+([A-Z]+)\s*\(\s*'?([^)']*)'?\s*\)/i.exec(c);
    if (!m) continue;
    const verb = m[1].toUpperCase();
    const kind = m[2].toUpperCase();
    const object = QUEUE.test(kind) ? 'QUEUE' : kind === 'TOPICSTR' ? 'TOPIC' : kind;
    stmts.push(storeStmt(verb === 'CLEAR' ? 'TRUNCATE' : 'DROP', object, m[3], true, label));
  }
  return stmts;
}

/** What a runmqsc command line deletes; undefined = not runmqsc. */
export function parseMqsc(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (cmd.program === 'dltmqm') {
    const qmgr = cmd.argv.slice(1).find((a) => !a.startsWith('-')) ?? '';
    return {
      tool: 'dltmqm',
      target: qmgr,
      stmts: [storeStmt('DROP', 'QUEUE MANAGER', qmgr, true, 'argument')],
    };
  }
  if (cmd.program !== 'runmqsc') return undefined;
  const ops: StoreOps = { tool: 'runmqsc', target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-v') return ops;
    if (WITH_ARG.has(args[i])) i++;
    else if (!args[i].startsWith('-')) ops.target = args[i];
  }
  if (!cmd.stdin) return ops;
  const text = readStdinDeep(cmd, ctx).text;
  // fail closed: commands piped in from an unknown source may clear or delete any queue.
  if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', 'stdin', true, 'stdin'));
  else ops.stmts.push(...mqscStatements(text, 'stdin'));
  return ops;
}
