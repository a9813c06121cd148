/**
 * Oracle's administration tools other than RMAN (sql-rman.ts), read as data-store statements:
 *
 * - Data Pump import (`impdp`): `TABLE_EXISTS_ACTION=REPLACE` drops each table of the dump that
 *   already exists and recreates it from the dump (DROP TABLE); `=TRUNCATE` empties it first
 *   (TRUNCATE TABLE). `SKIP` (the default) and `APPEND` keep what is there; `SQLFILE=` only
 *   writes the DDL to a file (nothing imported). Options may come from `PARFILE=` (read; not
 *   read = UNKNOWN). `expdp` (export) is a read and is not handled here.
 * - Data Guard broker (`dgmgrl [options] logon "command; …"`, or commands on stdin or in
 *   `@script`): `REMOVE DATABASE|CONFIGURATION|INSTANCE|FAR_SYNC|…` deletes a member or the
 *   whole broker configuration (DROP BROKER …); `FAILOVER TO x` makes a standby the primary and
 *   leaves the old primary out (FAILOVER DATABASE). `SHOW`, `VALIDATE`, `SWITCHOVER`, `EDIT`,
 *   `ENABLE` make none.
 * - Clusterware (`srvctl`, `crsctl`): stopping a database, an instance, ASM, a home's
 *   resources or the whole cluster stack (SHUTDOWN, an outage whatever the stop option), and
 *   removing a database, instance or service from the cluster's registry (DROP CLUSTER …).
 *   `status`, `config`, `start`, `stat` make none.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readStdinDeep } from './sql-clients.js';
import { readPayloadFile } from './http-body.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmts = StoreOps['stmts'];

/** `KEY=value` pairs of Data Pump's command line or parameter file (keys upper-cased; quotes dropped). */
function dataPumpParams(words: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    const m = /^([A-Za-z_]+)=(.*)$/s.exec(w);
    if (m) out.set(m[1].toUpperCase(), m[2].replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** What an impdp command line replaces or empties; undefined = not impdp. */
export function parseImpdp(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (!/^impdp(\.exe)?$/i.test(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  const params = dataPumpParams(args);
  const logon = params.get('USERID') ?? args.find((a) => !a.includes('=') && !a.startsWith('-')) ?? '';
  const ops: StoreOps = {
    tool: 'impdp',
    target: logon.replace(/^[^/@]*\/[^@]*/, (u) => u.split('/')[0]),
    stmts: [],
  };
  const parfile = params.get('PARFILE');
  if (parfile !== undefined) {
    const text = readPayloadFile(parfile, cmd, ctx).text;
    // fail closed: a parameter file not read may say TABLE_EXISTS_ACTION=REPLACE
    if (text === undefined) {
      ops.stmts.push(storeStmt('UNKNOWN', '', parfile, true, `parfile ${parfile}`));
      return ops;
    }
    // the command line's own parameters win over the file's
    // `KEY = VALUE` written with spaces round the `=` is one parameter
    const fromFile = dataPumpParams(
      text
        .replace(/#[^\n]*/g, '')
        .replace(/\s*=\s*/g, '=')
        .split(/\s+/),
    );
    for (const [k, v] of fromFile) if (!params.has(k)) params.set(k, v);
  }
  // SQLFILE: the DDL is written to a file and nothing is imported
  if (params.has('SQLFILE')) return ops;
  const action = (params.get('TABLE_EXISTS_ACTION') ?? '').toUpperCase();
  const what =
    params.get('TABLES') ?? params.get('SCHEMAS') ?? (/^Y/i.test(params.get('FULL') ?? '') ? 'FULL' : '*');
  const label = `TABLE_EXISTS_ACTION=${action}`;
  // fail closed: an action only known at run time (`table_exists_action=$ACT`) may be REPLACE
  if (action.startsWith('$')) ops.stmts.push(storeStmt('UNKNOWN', 'TABLE', what, true, label));
  else if (action === 'REPLACE') ops.stmts.push(storeStmt('DROP', 'TABLE', what, true, label));
  else if (action === 'TRUNCATE') ops.stmts.push(storeStmt('TRUNCATE', 'TABLE', what, true, label));
  return ops;
}

/** What broker command text destroys or fails over (commands end with `;` or a new line). */
export function brokerStatements(text: string, label: string): Stmts {
  const stmts: Stmts = [];
  for (const c of text.split(/[;\n]/)) {
    const w = c.trim().replace(/["']/g, '').split(/\s+/);
    const verb = w[0].toUpperCase();
    if (verb === 'REMOVE' && w[1]) {
      const obj = w[1].toUpperCase();
      const name = obj === 'CONFIGURATION' ? '' : (w[2] ?? '');
      stmts.push(storeStmt('DROP', `BROKER ${obj}`, name, true, label));
    } else if (verb === 'FAILOVER' && /^TO$/i.test(w[1] ?? '')) {
      stmts.push(storeStmt('FAILOVER', 'DATABASE', w[2] ?? '', true, label));
    }
  }
  return stmts;
}

/** dgmgrl options that take a value. */
const DGMGRL_WITH_ARG = /^-(logfile|outputfile|echo_file)$/i;

/** What a dgmgrl command line does to the broker configuration; undefined = not dgmgrl. */
export function parseDgmgrl(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (!/^dgmgrl(\.exe)?$/i.test(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (DGMGRL_WITH_ARG.test(args[i])) i++;
    else if (!args[i].startsWith('-')) positionals.push(args[i]);
  }
  // the logon first (`sys/pw@db`, `/`), then the commands
  const ops: StoreOps = {
    tool: 'dgmgrl',
    target: (positionals[0] ?? '').replace(/^[^/@]*\/[^@]*/, (u) => u.split('/')[0]),
    stmts: [],
  };
  for (const c of positionals.slice(1)) {
    const file = /^@(.+)$/.exec(c)?.[1];
    const text = file ? readPayloadFile(file, cmd, ctx).text : c;
    // fail closed: a script not read may remove the configuration
    if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', c, true, c));
    else ops.stmts.push(...brokerStatements(text, file ? `@${file}` : 'command'));
  }
  if (!cmd.stdin) return ops;
  const text = readStdinDeep(cmd, ctx).text;
  // fail closed: commands piped in from an unknown source may remove the configuration
  if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', 'stdin', true, 'stdin'));
  else ops.stmts.push(...brokerStatements(text, 'stdin'));
  return ops;
}

/** srvctl/crsctl objects whose stop is an outage of a database or the cluster, by the object word. */
const STOPPED: Record<string, string> = {
  database: 'DATABASE',
  instance: 'INSTANCE',
  asm: 'INSTANCE',
  home: 'DATABASE',
  nodeapps: 'CLUSTER',
  crs: 'CLUSTER',
  cluster: 'CLUSTER',
  has: 'CLUSTER',
  resource: 'CLUSTER',
};
/** Objects whose removal deletes a database's, instance's or service's registration. */
const REMOVED = /^(database|instance|service|asm|diskgroup|resource|pdb)$/i;

/** What a srvctl or crsctl command line stops or removes; undefined = neither. */
export function parseClusterware(cmd: NormalizedCommand): StoreOps | undefined {
  const tool = /^(srvctl|crsctl)(\.exe|\.bat)?$/i.exec(cmd.program)?.[1]?.toLowerCase();
  if (!tool) return undefined;
  const args = cmd.argv.slice(1);
  const verb = (args[0] ?? '').toLowerCase();
  const obj = (args[1] ?? '').toLowerCase();
  const opt = (...names: string[]) => {
    const at = args.findIndex((a) => names.includes(a.toLowerCase()));
    return at >= 0 ? (args[at + 1] ?? '') : '';
  };
  const name =
    opt('-db', '-d', '-instance', '-i', '-diskgroup', '-g', '-service', '-s') ||
    (args[2] && !args[2].startsWith('-') ? args[2] : '');
  const ops: StoreOps = { tool, target: opt('-db', '-d'), stmts: [] };
  const label = `${verb} ${obj}`;
  if (verb === 'stop' && Object.hasOwn(STOPPED, obj))
    ops.stmts.push(
      storeStmt(
        'SHUTDOWN',
        STOPPED[obj],
        name || (obj === 'cluster' || obj === 'crs' ? 'cluster' : ''),
        true,
        label,
      ),
    );
  else if ((verb === 'remove' || verb === 'delete') && REMOVED.test(obj))
    ops.stmts.push(storeStmt('DROP', `CLUSTER ${obj.toUpperCase()}`, name, true, label));
  return ops;
}

/** The Oracle admin tools read here, in order; undefined = none of them. */
export function parseOracleAdmin(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  return parseImpdp(cmd, ctx) ?? parseDgmgrl(cmd, ctx) ?? parseClusterware(cmd);
}
