/**
 * Data-store statements: SQL run by database clients, mongo shell and redis commands,
 * framework commands that drop or reset a database, and applications started with their ORM
 * told to recreate the schema (sql-schema-auto.ts). Text that is only written somewhere
 * (`echo "DROP TABLE x" > f.sql`) is never a statement: only the programs that execute it
 * are read here.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { parseSqlClient, type SqlInvocation } from './sql-clients.js';
import { frameworkShell } from './sql-shells.js';
import { cloudDataApi } from './sql-cloud-data.js';
import { ormCode, ormOpsOf } from './sql-orm.js';
import { codeFileOps } from './sql-code-files.js';
import { migrationFileOps } from './sql-migration-files.js';
import { frameworkOps, peelRunner } from './sql-frameworks.js';
import { schemaAutoOps } from './sql-schema-auto.js';
import { parseMongo, parseRedis, REDIS_CLIS, type StoreOps } from './sql-nosql.js';
import { parseCacheFlush } from './sql-cache.js';
import { parseGraph } from './sql-graph.js';
import { parseGsql } from './sql-gsql.js';
import { httpSqlInvocations } from './sql-http.js';
import { classifyOutput, classifySql, type SqlStmt } from './sql-statements.js';
import { DYN, templateStatements } from './sql-dynamic.js';
import { schemaChangeInvocation } from './sql-schema-change.js';
import { parseAccumulo } from './sql-accumulo.js';
import { markLocalDev } from './sql-local-dev.js';
import { parseGridShell } from './sql-grid-shells.js';
import { parseKvAdmin } from './sql-kv-admin.js';
import { parsePinotAdmin } from './sql-pinot.js';
import { parseMqsc } from './sql-mqsc.js';
import { parseRman } from './sql-rman.js';
import { parseMysqlShell } from './sql-mysqlsh.js';
import { parseTextShell } from './sql-text-shells.js';
import { parseKvFiles } from './sql-kv-files.js';
import { jvmShell } from './sql-jvm-shells.js';
import { parseOracleAdmin } from './sql-oracle-admin.js';
import { parseServerAdmin } from './sql-server-admin.js';
import { parsePtKill } from './sql-session-kills.js';
import { parseSqTables } from './sql-sq.js';
import { loadOps } from './sql-loads.js';
import { readFileOf, resolvePath } from './http-body.js';

/** SQL text with each shell expansion (`$q`, `${t}`, `$(cmd)`, `` `cmd` ``) replaced by the run-time placeholder. */
function shellTemplate(text: string): string {
  return text.replace(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_]\w*|\$[0-9@*#?]/g, ` ${DYN} `);
}

function fact(tool: string, s: SqlStmt, target: string, evidence: string): DraftFact {
  return {
    kind: 'sql',
    evidence,
    tool,
    statement: s.statement,
    object: s.object,
    name: s.name,
    where: s.where,
    target,
  };
}

/** `DROP TABLE users` style evidence for one statement. */
function describe(tool: string, s: SqlStmt, label: string): string {
  if (s.statement === 'UNKNOWN') return `${tool} ${label}: ${s.name}`;
  const what = [s.statement, s.object, s.name].filter(Boolean).join(' ');
  const where = (s.statement === 'DELETE' || s.statement === 'UPDATE') && !s.where ? ' (no WHERE)' : '';
  return `${tool} ${label}: ${what}${where}`;
}

export function fromStore(ops: StoreOps): DraftFact[] {
  return ops.stmts.map((s) => fact(ops.tool, s, ops.target, describe(ops.tool, s, s.label)));
}

export function invocationFacts(inv: SqlInvocation): DraftFact[] {
  const out: DraftFact[] = [];
  for (const src of inv.sources) {
    if (src.shell !== undefined) {
      // The client hands this text to the shell; this stage cannot re-parse it, so the shell rules ask.
      out.push({
        kind: 'shell',
        hazard: 'sql-client-shell',
        source: src.shell,
        evidence: `${inv.tool} ${src.label}: ${src.shell || '(no command)'}`,
      });
      continue;
    }
    if (src.text === undefined) {
      // fail closed: SQL that cannot be read may be anything.
      const s: SqlStmt = { statement: 'UNKNOWN', object: '', name: src.label, where: true };
      out.push(fact(inv.tool, s, inv.target, `${inv.tool} ${src.label}: SQL could not be read`));
      continue;
    }
    const stmts = src.runsOutput
      ? classifyOutput(src.text, inv.dialect)
      : src.dynamic
        ? // fail closed: what the shell fills in is unknown (`-c "$q"` is any SQL; `DELETE FROM $t` any table).
          templateStatements([shellTemplate(src.text)], (t) => classifySql(t, inv.dialect))
        : classifySql(src.text, inv.dialect);
    for (const s of stmts) {
      // the command a client's SQL has the server run is walked as that machine's (src/normalize/server-commands.ts)
      if (s.statement !== 'SHELL') out.push(fact(inv.tool, s, inv.target, describe(inv.tool, s, src.label)));
    }
  }
  return out;
}

export const extractSql: Extractor = (cmd: NormalizedCommand, ctx: AnalyzeContext) => {
  const program = cmd.program;
  // A database shell started by its main class or jar (`java -cp h2.jar org.h2.tools.Shell …`).
  const jvm = jvmShell(cmd);
  if (jvm && 'ops' in jvm) return fromStore(jvm.ops);
  if (jvm && 'spec' in jvm) {
    const inv = parseSqlClient(jvm.cmd, ctx, jvm.spec);
    return inv ? invocationFacts(inv) : [];
  }
  if (jvm) return extractSql(jvm.cmd, ctx, []);
  if (program === 'mongosh' || program === 'mongo') return fromStore(parseMongo(cmd, ctx));
  if (REDIS_CLIS.has(program)) return fromStore(parseRedis(cmd, ctx));
  // MySQL Shell's JavaScript or Python; in SQL mode (undefined) the client table reads it.
  const mysqlShell = parseMysqlShell(cmd, ctx);
  if (mysqlShell) {
    const asSql = mysqlShell.both ? parseSqlClient(cmd, ctx) : undefined;
    return [...(asSql ? invocationFacts(asSql) : []), ...fromStore(mysqlShell.ops)];
  }
  const overHttp = httpSqlInvocations(cmd, ctx);
  if (overHttp.length) return overHttp.flatMap(invocationFacts);
  const cache =
    parseCacheFlush(cmd, ctx) ??
    parseGraph(cmd, ctx) ??
    parseGsql(cmd, ctx) ??
    parseKvAdmin(cmd, ctx) ??
    parsePinotAdmin(cmd) ??
    parseGridShell(cmd, ctx) ??
    parseTextShell(cmd, ctx) ??
    parseKvFiles(cmd) ??
    parseAccumulo(cmd, ctx) ??
    parseMqsc(cmd, ctx) ??
    parseRman(cmd, ctx) ??
    parseOracleAdmin(cmd, ctx) ??
    parseServerAdmin(cmd, ctx) ??
    parsePtKill(cmd) ??
    parseSqTables(cmd);
  if (cache) return fromStore(cache);
  // Loads and restores that replace what is there (`influx restore --full` before influx's shell).
  const loads = loadOps(cmd);
  if (loads.length)
    return loads.map((o) => ({
      ...fact(o.tool, o, o.target, o.evidence),
      ...(o.localDev && { localDev: o.localDev }),
    }));
  const inv = parseSqlClient(cmd, ctx) ?? schemaChangeInvocation(cmd);
  if (inv) {
    return markLocalDev(cmd, inv, invocationFacts(inv));
  }
  // Runner-prefixed clients (`npx prisma …`, `bundle exec rails …`).
  const peeled = peelRunner(cmd.argv);
  const subProgram = peeled[0]?.split('/').pop() ?? '';
  const sub =
    peeled.length && (peeled !== cmd.argv || subProgram !== cmd.program)
      ? { ...cmd, program: subProgram, argv: peeled }
      : cmd;
  if (sub !== cmd && (sub.program === 'mongosh' || REDIS_CLIS.has(sub.program) || parseSqlClient(sub, ctx)))
    return extractSql(sub, ctx, []);
  // Framework and platform database shells fed SQL (`manage.py dbshell < x.sql`), cloud data APIs' SQL options.
  // (argv indices of run-time values: the peeled argv is the tail of cmd.argv)
  const dyn = cmd.dynamicArgs.map((i) => i - (cmd.argv.length - peeled.length));
  const framework = frameworkShell(peeled);
  const shell = framework ? { ...framework, dynamicArgs: cmd.dynamicArgs } : cloudDataApi(peeled, dyn);
  if (shell) {
    const { dynamicArgs } = shell;
    const inv = parseSqlClient(
      { ...cmd, program: shell.spec.tool, argv: shell.argv, dynamicArgs },
      ctx,
      shell.spec,
    );
    if (inv) return invocationFacts(inv);
  }
  const code = ormCode(cmd);
  const files = code ? codeFileOps(code.code, code.program, cmd, ctx) : [];
  // a file a tool is given (sqlpackage /Profile:F): as the script wrote it, else the disk (not another machine's)
  const read = (f: string) => (cmd.remote ? undefined : readFileOf(resolvePath(f, cmd, ctx), cmd, ctx));
  const ops = [
    ...frameworkOps(cmd, read),
    ...schemaAutoOps(cmd),
    ...migrationFileOps(cmd, ctx),
    ...ormOpsOf(code),
  ];
  return [...ops, ...files].map((o) => fact(o.tool, o, o.target, o.evidence));
};
