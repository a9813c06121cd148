/**
 * Graph and multi-model databases read like SQL clients: Cypher through `cypher-shell`
 * (Neo4j, Memgraph), ArangoDB's JavaScript shell (`arangosh --javascript.execute-string`),
 * EdgeQL through `edgedb`/`gel query` and their `database|branch drop`, and nGQL through
 * NebulaGraph's `nebula-console -e QUERY | -f FILE` (or stdin), and TypeDB console commands
 * and TypeQL (`typedb console --command "database delete X"`, `--script FILE`). Produces the
 * statement shape of sql-nosql.ts (DROP DATABASE, DROP COLLECTION, TRUNCATE, DELETE with or
 * without a filter), so the same rules judge them.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** Options of cypher-shell that take a value (the query is the positional). */
const CYPHER_WITH_ARG = new Set(
  [
    '-a',
    '--address',
    '--uri',
    '-u',
    '--username',
    '-p',
    '--password',
    '-d',
    '--database',
    '--host',
    '--port',
  ].concat(['--format', '-P', '--param', '--encryption', '--access-mode', '--fail-at-end', '--log']),
);

/** `text` with the contents of its string literals emptied (`'delete'` is a value, not a keyword). */
const unquoted = (text: string) => text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");

/** Cypher statements that destroy: `DROP DATABASE`, and `[DETACH] DELETE` (filtered by a WHERE or a property map). */
export function cypherStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const q of unquoted(text).split(';')) {
    const db = /\bDROP\s+(?:COMPOSITE\s+)?DATABASE\s+([`\w.-]+)/i.exec(q);
    if (db) out.push(storeStmt('DROP', 'DATABASE', db[1], true, label));
    if (/\bDELETE\b/i.test(q)) {
      // `MATCH (u:User {id: 1}) DELETE u` and `… WHERE …` pick nodes; `MATCH (n) DETACH DELETE n` takes all.
      const filtered = /\bWHERE\b/i.test(q) || /\(\s*\w*\s*(:\s*\w+\s*)*\{[^}]*\S[^}]*\}\s*\)/.test(q);
      out.push(storeStmt('DELETE', '', '', filtered, label));
    }
  }
  return out;
}

/** ArangoDB shell JavaScript: dropped databases and collections, truncated collections. */
export function arangoStatements(js: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  const name = (s: string | undefined) => s ?? '';
  for (const m of js.matchAll(/\bdb\._dropDatabase\(\s*['"]([^'"]*)['"]/g))
    out.push(storeStmt('DROP', 'DATABASE', name(m[1]), true, label));
  for (const m of js.matchAll(/\bdb\._drop\(\s*['"]([^'"]*)['"]|\bdb\.(\w+)\.drop\(/g))
    out.push(storeStmt('DROP', 'COLLECTION', name(m[1] ?? m[2]), true, label));
  for (const m of js.matchAll(/\bdb\._truncate\(\s*['"]([^'"]*)['"]|\bdb\.(\w+)\.truncate\(/g))
    out.push(storeStmt('TRUNCATE', 'TABLE', name(m[1] ?? m[2]), true, label));
  return out;
}

/** EdgeQL: `delete T` (filtered by `filter`), `drop database|branch X`. */
export function edgeqlStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const q of unquoted(text).split(';')) {
    const db = /^\s*drop\s+(?:database|branch)\s+([`\w.-]+)/i.exec(q);
    if (db) out.push(storeStmt('DROP', 'DATABASE', db[1], true, label));
    if (/(^|[({\s])delete\s+\w/i.test(q)) out.push(storeStmt('DELETE', '', '', /\bfilter\b/i.test(q), label));
  }
  return out;
}

/**
 * nGQL statements that destroy: `DROP SPACE` (a database), `CLEAR SPACE` (all its data),
 * `DROP TAG|EDGE` (a schema and its properties on every vertex or edge), `DROP … INDEX`,
 * `DELETE VERTEX|EDGE` (filtered by the ids given, not when they come from an unfiltered pipe).
 */
export function ngqlStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const q of unquoted(text).split(';')) {
    const drop = /^\s*DROP\s+(SPACE|TAG\s+INDEX|EDGE\s+INDEX|TAG|EDGE)\s+(?:IF\s+EXISTS\s+)?([`\w.-]+)/i.exec(
      q,
    );
    const what = drop?.[1].toUpperCase().replace(/\s+/g, ' ');
    if (drop)
      out.push(
        storeStmt(
          'DROP',
          what === 'SPACE' ? 'DATABASE' : what!.endsWith('INDEX') ? 'INDEX' : 'TABLE',
          drop[2],
          true,
          label,
        ),
      );
    const clear = /^\s*CLEAR\s+SPACE\s+(?:IF\s+EXISTS\s+)?([`\w.-]+)/i.exec(q);
    if (clear) out.push(storeStmt('TRUNCATE', 'DATABASE', clear[1], true, label));
    if (/\bDELETE\s+(VERTEX|EDGE|TAG)\b/i.test(q)) {
      // `LOOKUP ON player | DELETE VERTEX $-.VertexID` deletes what the lookup found: all of them without a WHERE.
      const piped = /\$-\./.test(q) && !/\bWHERE\b/i.test(q);
      out.push(storeStmt('DELETE', '', '', !piped, label));
    }
  }
  return out;
}

/** nebula-console's Go-style options that take a value. */
const NEBULA_WITH_ARG =
  /^--?(addr|port|u|user|p|password|e|eval|f|file|t|timeout|ssl_root_ca_path|ssl_cert_path|ssl_private_key_path)$/;

function parseNebula(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps {
  const args = cmd.argv.slice(1);
  const ops: StoreOps = { tool: 'nebula-console', target: '', stmts: [] };
  // fail closed: queries that cannot be read (`name`: what held them) may do anything
  const add = (text: string | undefined, label: string, name: string) =>
    ops.stmts.push(
      ...(text === undefined ? [storeStmt('UNKNOWN', '', name, true, label)] : ngqlStatements(text, label)),
    );
  let given = false;
  for (let i = 0; i < args.length; i++) {
    const name = /^--?(\w+)/.exec(args[i])?.[1] ?? '';
    const eq = args[i].indexOf('=');
    if (!NEBULA_WITH_ARG.test(args[i].split('=')[0])) continue;
    const value = eq > 0 ? args[i].slice(eq + 1) : (args[++i] ?? '');
    if (name === 'addr') ops.target = maskTarget(value);
    if (name === 'e' || name === 'eval') {
      given = true;
      add(value, '-e', '');
    }
    if (name === 'f' || name === 'file') {
      given = true;
      const file = readPayloadFile(value, cmd, ctx);
      add(file.text, 'file', file.file);
    }
  }
  if (!given && cmd.stdin) add(readStdinDeep(cmd, ctx).text, 'stdin', 'stdin');
  return ops;
}

/**
 * TypeDB console commands and TypeQL: `database delete NAME` drops a database; `undefine`
 * removes a type with every instance of it; a `delete` removes what its `match` finds, all of
 * a type unless the match pins values (`has … "x"`, `==`, `iid`, `like`).
 */
export function typeqlStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const line of text.split(/\r?\n/)) {
    const db = /^\s*database\s+delete\s+(\S+)/i.exec(line);
    if (db) out.push(storeStmt('DROP', 'DATABASE', db[1], true, label));
  }
  const ql = unquoted(
    text.replace(/^\s*(database|transaction|user|replica|server|commit|close|rollback)\b.*$/gim, ''),
  );
  for (const m of ql.matchAll(/\bundefine\s+([\w-]+)/gi))
    out.push(storeStmt('DROP', 'TABLE', m[1], true, label));
  if (/\bdelete\b/i.test(ql)) {
    const match = /\bmatch\b([\s\S]*?)\bdelete\b/i.exec(ql)?.[1] ?? '';
    const pinned = /\bhas\s+[\w-]+\s+(?:''|-?\d|==)|==|\biid\b|\blike\b/i.test(match);
    out.push(storeStmt('DELETE', '', '', pinned, label));
  }
  return out;
}

/** TypeDB console options that take a value (`--command=…` may come more than once). */
const TYPEDB_WITH_ARG = /^--(core|cloud|address|username|password|tls-root-ca|command|script)$/;

function parseTypedb(cmd: NormalizedCommand, args: string[], ctx: AnalyzeContext): StoreOps {
  const ops: StoreOps = { tool: 'typedb console', target: '', stmts: [] };
  const commands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, attached] = args[i].split(/=(.*)/s, 2);
    if (!TYPEDB_WITH_ARG.test(name)) continue;
    const value = attached ?? args[++i] ?? '';
    if (name === '--core' || name === '--cloud' || name === '--address') ops.target = maskTarget(value);
    if (name === '--command') commands.push(value);
    if (name === '--script') {
      const file = readPayloadFile(value, cmd, ctx);
      // fail closed: a script that cannot be read may do anything
      if (file.text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', value, true, 'script'));
      else ops.stmts.push(...typeqlStatements(file.text, 'script'));
    }
  }
  if (commands.length) ops.stmts.push(...typeqlStatements(commands.join('\n'), '--command'));
  else if (!ops.stmts.length && cmd.stdin) {
    const text = readStdinDeep(cmd, ctx).text;
    ops.stmts.push(
      ...(text === undefined
        ? [storeStmt('UNKNOWN', '', 'stdin', true, 'stdin')]
        : typeqlStatements(text, 'stdin')),
    );
  }
  return ops;
}

/** The statements of a graph or multi-model database client; undefined = not one. */
export function parseGraph(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (p === 'nebula-console') return parseNebula(cmd, ctx);
  if (p === 'typedb-console') return parseTypedb(cmd, args, ctx);
  if (p === 'typedb' && args.find((a) => !a.startsWith('-')) === 'console')
    return parseTypedb(cmd, args, ctx);
  if (p === 'cypher-shell' || p === 'mgconsole') {
    const ops: StoreOps = { tool: p, target: '', stmts: [] };
    // fail closed: queries that cannot be read (`name`: what held them) may do anything
    const add = (text: string | undefined, label: string, name: string) =>
      ops.stmts.push(
        ...(text === undefined
          ? [storeStmt('UNKNOWN', '', name, true, label)]
          : cypherStatements(text, label)),
      );
    const pos: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const value = CYPHER_WITH_ARG.has(a) ? (args[++i] ?? '') : undefined;
      if (a === '-a' || a === '--address' || a === '--uri') ops.target = maskTarget(value ?? '');
      if (a === '-f' || a === '--file') {
        const file = readPayloadFile(args[++i] ?? '', cmd, ctx);
        add(file.text, 'file', file.file);
      } else if (value === undefined && !a.startsWith('-')) pos.push(a);
    }
    if (pos.length) add(pos.join(' '), 'argument', '');
    else if (cmd.stdin) add(readStdinDeep(cmd, ctx).text, 'stdin', 'stdin');
    return ops;
  }
  if (p === 'arangosh') {
    const i = args.findIndex(
      (a) => a === '--javascript.execute-string' || a.startsWith('--javascript.execute-string='),
    );
    if (i < 0) return undefined;
    const js = args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : (args[i + 1] ?? '');
    const at = args.findIndex((a) => a === '--server.endpoint');
    return {
      tool: p,
      target: maskTarget(at >= 0 ? (args[at + 1] ?? '') : ''),
      stmts: arangoStatements(js, 'argument'),
    };
  }
  if (p === 'edgedb' || p === 'gel') {
    const pos = args.filter((a) => !a.startsWith('-'));
    if (pos[0] === 'query')
      return { tool: p, target: '', stmts: pos.slice(1).flatMap((q) => edgeqlStatements(q, 'argument')) };
    if ((pos[0] === 'database' || pos[0] === 'branch') && pos[1] === 'drop')
      return { tool: p, target: '', stmts: [storeStmt('DROP', 'DATABASE', pos[2] ?? '', true, 'argument')] };
  }
  return undefined;
}
