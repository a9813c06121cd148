/**
 * Admin shells of wide-column stores and data grids whose commands are text: the HBase shell
 * (`hbase shell [-n] [SCRIPT]`, commands on stdin or in the script file) and Apache Geode's
 * gfsh (`gfsh -e CMD …`, a command given as its arguments, `run --file=SCRIPT`). What they
 * delete reads as SQL statements, so the database rules apply: a table or region dropped is a
 * DROP TABLE (`drop 'events'`, `drop_all 'ev.*'`, `destroy region --name=/customers`), a
 * namespace a DROP DATABASE, `truncate` a TRUNCATE, `deleteall`/`delete` of rows a filtered
 * DELETE and gfsh's `remove --all` an unfiltered one; other objects destroyed (snapshots,
 * indexes, disk stores, functions) a DROP of that object. Commands that cannot be read (an
 * unreadable script, stdin from an unknown source) read as UNKNOWN. Apache Ignite's (and
 * GridGain's) `control.sh` takes its command as options: `--cache destroy --caches a,b` (or
 * `--destroy-all-caches`) a DROP TABLE of each cache, `--cache clear --caches a` a TRUNCATE,
 * `--persistence clean …` a TRUNCATE of what is persisted, `--meta remove --typeName T` a DROP
 * TYPE, and `--deactivate` / `--set-state INACTIVE` a TRUNCATE of the caches kept only in memory.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** HBase shell commands that delete, as [statement, object, filtered]. */
const HBASE: Record<string, [string, string, boolean]> = {
  drop: ['DROP', 'TABLE', true],
  drop_all: ['DROP', 'TABLE', true],
  drop_namespace: ['DROP', 'DATABASE', true],
  truncate: ['TRUNCATE', 'TABLE', true],
  truncate_preserve: ['TRUNCATE', 'TABLE', true],
  deleteall: ['DELETE', 'TABLE', true],
  delete: ['DELETE', 'TABLE', true],
  delete_snapshot: ['DROP', 'SNAPSHOT', true],
  delete_all_snapshot: ['DROP', 'SNAPSHOT', true],
  delete_table_snapshots: ['DROP', 'SNAPSHOT', true],
};

/** The statements of HBase shell text: one command per line or `;`, its first argument the table. */
export function hbaseStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const line of text.split(/[;\n]/)) {
    const m = /^\s*([a-z_]+)\b\s*\(?\s*(?:['"]([^'"]*)['"])?/.exec(line);
    const row = m && Object.hasOwn(HBASE, m[1]) ? HBASE[m[1]] : undefined;
    if (m && row) out.push(storeStmt(row[0], row[1], m[2] ?? '', row[2], label));
  }
  return out;
}

/** gfsh commands (`destroy region --name=/r`, `remove --region=/r --all`) as statements. */
export function gfshStatements(commands: string[], label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const c of commands) {
    const opt = (name: string) => new RegExp(`--${name}[= ]\\s*["']?([^\\s"']+)`).exec(c)?.[1] ?? '';
    const destroy = /^\s*destroy\s+([a-z-]+)/.exec(c);
    if (destroy?.[1] === 'region') out.push(storeStmt('DROP', 'TABLE', opt('name'), true, label));
    else if (destroy) out.push(storeStmt('DROP', destroy[1].toUpperCase(), opt('name'), true, label));
    else if (/^\s*remove\b/.test(c))
      out.push(storeStmt('DELETE', 'TABLE', opt('region'), !/\s--all\b(?!=false)/.test(c), label));
  }
  return out;
}

/** Statements of commands read from `text`; unreadable text (`what` held it) reads as UNKNOWN. */
function readable(text: string | undefined, what: string, read: (t: string) => Stmt[]): Stmt[] {
  // fail closed: commands that cannot be read may delete anything.
  return text === undefined ? [storeStmt('UNKNOWN', '', what, true, what)] : read(text);
}

function parseHbase(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const args = cmd.argv.slice(1);
  // hbase's own options before the command; `--config DIR` and `--hosts FILE` take a value.
  let at = 0;
  while (at < args.length && args[at].startsWith('-')) at += /^--(config|hosts)$/.test(args[at]) ? 2 : 1;
  if (args[at] !== 'shell') return undefined;
  const ops: StoreOps = { tool: 'hbase shell', target: '', stmts: [] };
  const script = args.slice(at + 1).find((a) => !a.startsWith('-'));
  if (script) {
    const f = readPayloadFile(script, cmd, ctx);
    ops.stmts.push(...readable(f.text, f.file || script, (t) => hbaseStatements(t, 'script')));
  } else if (cmd.stdin)
    ops.stmts.push(...readable(readStdinDeep(cmd, ctx).text, 'stdin', (t) => hbaseStatements(t, 'stdin')));
  return ops;
}

/** gfsh's commands: each `-e CMD`, else the arguments as one command; `run --file=F` read from F. */
function parseGfsh(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps {
  const args = cmd.argv.slice(1);
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === '-e') given.push(args[++i] ?? '');
  if (!given.length && args.length) given.push(args.join(' '));
  const ops: StoreOps = { tool: 'gfsh', target: '', stmts: [] };
  for (const c of given) {
    const run = /^\s*run\s+.*--file[= ]\s*["']?([^\s"']+)/.exec(c);
    if (!run) {
      ops.stmts.push(...gfshStatements([c], '-e'));
      continue;
    }
    const f = readPayloadFile(run[1], cmd, ctx);
    ops.stmts.push(...readable(f.text, f.file || run[1], (t) => gfshStatements(t.split('\n'), 'script')));
  }
  return ops;
}

/** Ignite's control script, by any of its names (`control.sh`, `control.bat`, `control`). */
const IGNITE_CONTROL = /^control(\.sh|\.bat)?$/;

/** What Ignite's `control.sh` deletes (see the header); nothing for other commands. */
export function igniteControlStatements(args: string[]): Stmt[] {
  const value = (o: string) => {
    const i = args.findIndex((a) => a === o || a.startsWith(`${o}=`));
    return i < 0
      ? undefined
      : args[i].startsWith(`${o}=`)
        ? args[i].slice(o.length + 1)
        : (args[i + 1] ?? '');
  };
  const cache = value('--cache');
  const caches = args.includes('--destroy-all-caches') ? ['*'] : (value('--caches') ?? '*').split(',');
  if (cache === 'destroy') return caches.map((c) => storeStmt('DROP', 'TABLE', c, true, '--cache destroy'));
  if (cache === 'clear') return caches.map((c) => storeStmt('TRUNCATE', 'TABLE', c, true, '--cache clear'));
  const persistence = value('--persistence');
  if (persistence === 'clean') {
    const what = args.slice(args.indexOf('clean') + 1).find((a) => !a.startsWith('-')) ?? '';
    return [storeStmt('TRUNCATE', 'TABLE', `persistence ${what}`.trim(), true, '--persistence clean')];
  }
  if (value('--meta') === 'remove')
    return [storeStmt('DROP', 'TYPE', value('--typeName') ?? value('--typeId') ?? '', true, '--meta remove')];
  // Deactivation clears every cache that is not persisted.
  if (args.includes('--deactivate') || value('--set-state')?.toUpperCase() === 'INACTIVE')
    return [storeStmt('TRUNCATE', 'TABLE', 'in-memory caches', true, 'deactivate')];
  return [];
}

/** What a wide-column or data-grid admin shell deletes; undefined = not such a program. */
export function parseGridShell(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (cmd.program === 'hbase') return parseHbase(cmd, ctx);
  if (cmd.program === 'gfsh') return parseGfsh(cmd, ctx);
  if (IGNITE_CONTROL.test(cmd.program)) {
    const stmts = igniteControlStatements(cmd.argv.slice(1));
    return stmts.length ? { tool: 'ignite control', target: '', stmts } : undefined;
  }
  return undefined;
}
