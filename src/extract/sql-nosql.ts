/**
 * Non-SQL data stores: mongosh/mongo JavaScript (`--eval`, script files, stdin) and
 * redis-cli commands (arguments or stdin lines). Produces the same statement shape as SQL
 * so one ruleset covers them: DROP DATABASE, DROP COLLECTION, DELETE/UPDATE without a filter,
 * FLUSHALL/FLUSHDB.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import type { SqlStmt } from './sql-statements.js';
import { luaStatements } from './sql-redis-lua.js';
import { redisDurabilityOff } from './sql-durability.js';

export interface StoreOps {
  tool: string;
  target: string;
  /** Statements found; an entry with statement UNKNOWN marks a script that could not be read. */
  stmts: (SqlStmt & { label: string })[];
}

/** One statement read from a store's client; `where`: it picks rows or keys (true unless known not to). */
export function storeStmt(
  statement: string,
  object: string,
  name: string,
  where: boolean,
  label: string,
): StoreOps['stmts'][number] {
  return { statement, object, name, where, label };
}

const MONGO_WITH_ARG = new Set([
  '--eval',
  '-f',
  '--file',
  '-u',
  '--username',
  '-p',
  '--password',
  '--host',
  '--port',
  '--authenticationDatabase',
  '--authenticationMechanism',
  '--tlsCAFile',
  '--tlsCertificateKeyFile',
  '--apiVersion',
]);

/** Mongo shell call sites that destroy data, with how to read their filter argument. */
const MONGO_CALL =
  /(?:\bdb((?:\.[A-Za-z_$][\w$]*|\[[^\]\n]+\]|\.getCollection\([^)\n]+\)|\.getSiblingDB\([^)\n]+\))*))\.(dropDatabase|drop|deleteMany|remove|updateMany|dropIndexes|dropAllUsers|dropAllRoles)\s*\(([^)]*)\)/g;

/** Removes JS comments and keeps string contents (collection names live in strings). */
function stripJsComments(js: string): string {
  return js.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"\\])\/\/[^\n]*/g, '$1');
}

/** Reads destructive calls from mongo shell JavaScript. */
export function mongoStatements(js: string): SqlStmt[] {
  const out: SqlStmt[] = [];
  const text = stripJsComments(js);
  for (const m of text.matchAll(MONGO_CALL)) {
    const chain = m[1] ?? '';
    const method = m[2];
    const arg = (m[3] ?? '').trim();
    // A name computed at run time (`db[c].drop()` in a loop over every collection) is any: '*'.
    const parts = [
      ...chain.matchAll(
        /\.getCollection\(\s*(?:['"]([^'"]+)['"]|[^)]*)\s*\)|\.getSiblingDB\([^)]*\)|\.([A-Za-z_$][\w$]*)|\[\s*(?:['"]([^'"]+)['"]|[^\]]*)\s*\]/g,
      ),
    ]
      .map((p) => (p[0].startsWith('.getSiblingDB') ? '' : (p[1] ?? p[2] ?? p[3] ?? '*')))
      .filter((p) => p !== '');
    const sibling = /getSiblingDB\(\s*['"]([^'"]+)['"]/.exec(chain)?.[1] ?? '';
    const coll = parts[parts.length - 1] ?? '';
    const emptyFilter = arg === '' || /^\{\s*\}\s*(,|$)/.test(arg);
    switch (method) {
      case 'dropDatabase':
        out.push({ statement: 'DROP', object: 'DATABASE', name: sibling, where: true });
        break;
      case 'drop':
        out.push({ statement: 'DROP', object: 'COLLECTION', name: coll, where: true });
        break;
      case 'dropIndexes':
        out.push({ statement: 'DROP', object: 'INDEX', name: coll, where: true });
        break;
      case 'dropAllUsers':
      case 'dropAllRoles':
        out.push({
          statement: 'DROP',
          object: method === 'dropAllUsers' ? 'USER' : 'ROLE',
          name: '*',
          where: true,
        });
        break;
      case 'deleteMany':
      case 'remove':
        out.push({ statement: 'DELETE', object: 'COLLECTION', name: coll, where: !emptyFilter });
        break;
      case 'updateMany':
        out.push({ statement: 'UPDATE', object: 'COLLECTION', name: coll, where: !emptyFilter });
        break;
    }
  }
  if (/runCommand\(\s*\{\s*['"]?dropDatabase['"]?\s*:/.test(text))
    out.push({ statement: 'DROP', object: 'DATABASE', name: '', where: true });
  // the server stopped: `db.shutdownServer()`, `db.adminCommand({shutdown: 1})`
  if (/\bshutdownServer\s*\(|(?:adminCommand|runCommand)\(\s*\{\s*['"]?shutdown['"]?\s*:/.test(text))
    out.push({ statement: 'SHUTDOWN', object: 'INSTANCE', name: '', where: true });
  return out;
}

export function parseMongo(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps {
  const ops: StoreOps = { tool: 'mongosh', target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  let sawScript = false;
  const addJs = (text: string | undefined, label: string) => {
    sawScript = true;
    // fail closed: a script we cannot read may do anything.
    if (text === undefined)
      ops.stmts.push({ statement: 'UNKNOWN', object: '', name: label, where: true, label });
    else for (const s of mongoStatements(text)) ops.stmts.push({ ...s, label });
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = eq > 0 ? a.slice(eq + 1) : MONGO_WITH_ARG.has(name) ? (args[++i] ?? '') : undefined;
    if (name === '--eval') addJs(value, '--eval');
    else if (name === '-f' || name === '--file')
      addJs(readPayloadFile(value ?? '', cmd, ctx).text, `--file ${value}`);
    else if (!a.startsWith('-')) {
      if (/\.js$/.test(a)) addJs(readPayloadFile(a, cmd, ctx).text, a);
      else ops.target ||= maskTarget(a);
    }
  }
  if (!sawScript && cmd.stdin) addJs(readStdinDeep(cmd, ctx).text, 'stdin');
  // `mongodb://host/shop` names the database that db.dropDatabase() drops.
  const dbName = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^/?]+)/.exec(ops.target)?.[1] ?? '';
  for (const s of ops.stmts) if (s.object === 'DATABASE' && !s.name) s.name = dbName;
  return ops;
}

const REDIS_WITH_ARG = new Set([
  '-h',
  '-p',
  '-s',
  '-a',
  '-u',
  '-n',
  '-r',
  '-i',
  '-d',
  '-D',
  '--user',
  '--pass',
  '--cacert',
  '--cert',
  '--key',
  '--sni',
  '--pattern',
  '--count',
  '--eval',
  '--rdb',
  '--functions-rdb',
  '--memkeys-samples',
  '--quoted-pattern',
  '--cacertdir',
  '--tls-ciphers',
  '--tls-ciphersuites',
  // redli's and iredis's own spellings
  '--uri',
  '--url',
  '--host',
  '--port',
  '--auth',
  '--certfile',
  '--keyfile',
  '--cafile',
]);

/** Options whose value names the server: a host or a `redis://` URI. */
const REDIS_TARGET = new Set(['-h', '-u', '--uri', '--url', '--host']);

/** Redis commands that delete the keys they name. */
const KEY_DELETES = new Set(['DEL', 'UNLINK', 'HDEL', 'GETDEL', 'JSON.DEL']);

/**
 * Module commands that drop a whole structure, as SQL: RediSearch's `FT.DROPINDEX idx DD`
 * (and the older `FT.DROP idx`, which deletes the documents unless KEEPDOCS) deletes every
 * document the index covers; without them only the index goes. RedisGraph's `GRAPH.DELETE g`
 * deletes the graph and all its entities. Undefined = not such a command.
 */
function moduleDrop(command: string, rest: string[]): SqlStmt | undefined {
  const name = rest[0] ?? '';
  const flags = rest.slice(1).map((w) => w.toUpperCase());
  const withDocs =
    (command === 'FT.DROPINDEX' && flags.includes('DD')) ||
    (command === 'FT.DROP' && !flags.includes('KEEPDOCS'));
  if (command === 'FT.DROPINDEX' || command === 'FT.DROP')
    return { statement: 'DROP', object: withDocs ? 'COLLECTION' : 'INDEX', name, where: true };
  if (command === 'GRAPH.DELETE') return { statement: 'DROP', object: 'GRAPH', name, where: true };
  return undefined;
}

/**
 * Commands that empty a structure while leaving its key, as a DELETE without WHERE: a stream
 * trimmed to nothing (`XTRIM s MAXLEN [=|~] 0`), a sorted set's every member removed
 * (`ZREMRANGEBYRANK z 0 -1`, `ZREMRANGEBYSCORE z -inf +inf`). Undefined = not such a command.
 */
function emptied(command: string, rest: string[]): SqlStmt | undefined {
  const [name = '', ...args] = rest;
  const a = args.map((w) => w.toUpperCase()).filter((w) => w !== '=' && w !== '~');
  const all =
    (command === 'XTRIM' && a[0] === 'MAXLEN' && a[1] === '0') ||
    (command === 'ZREMRANGEBYRANK' && a[0] === '0' && a[1] === '-1') ||
    (command === 'ZREMRANGEBYSCORE' && a[0] === '-INF' && a[1] === '+INF');
  return all ? { statement: 'DELETE', object: 'TABLE', name, where: false } : undefined;
}

/**
 * Command-line clients that speak the Redis protocol and take a command as their arguments
 * or lines on stdin, as redis-cli does: its forks (Valkey, KeyDB, Redict, Memurai), redli,
 * the Node client's `rdcli`, Tile38's CLI (whose FLUSHDB empties the store and `DROP key` a
 * collection), and the shells of stores that took Redis's commands (LedisDB's `ledis-cli`,
 * SSDB's `ssdb-cli`: FLUSHALL, FLUSHDB, DEL and the like mean the same there).
 */
export const REDIS_CLIS = new Set([
  'redis-cli',
  'valkey-cli',
  'keydb-cli',
  'redict-cli',
  'memurai-cli',
  'tile38-cli',
  'redli',
  'rdcli',
  'ledis-cli',
  'ssdb-cli',
]);

export function parseRedis(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps {
  const ops: StoreOps = { tool: cmd.program, target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  const words: string[] = [];
  const addLua = (script: string | undefined, label: string) => {
    // fail closed: a script file that cannot be read may run any command.
    if (script === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', label, true, label));
    else for (const s of luaStatements(script)) ops.stmts.push({ ...s, label });
  };
  /** argv index of words[0]; later words follow it. */
  let first = -1;
  /** True for `--cluster call`: the command runs on every node of the cluster. */
  let cluster = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (words.length) {
      // `--cluster-only-masters` and the like may follow the command of `--cluster call`.
      if (!(cluster && a.startsWith('--cluster-'))) words.push(a);
      continue;
    }
    if (a.startsWith('-')) {
      const [name, inline] = a.split(/=(.*)/s, 2);
      if (REDIS_TARGET.has(name)) ops.target = maskTarget(inline ?? args[i + 1] ?? '');
      if (inline !== undefined) continue;
      // `--cluster call HOST:PORT CMD …` runs CMD on every node; other `--cluster` commands manage slots.
      if (a === '--cluster') {
        if (args[i + 1] !== 'call') return ops;
        ops.target = maskTarget(args[i + 2] ?? '');
        cluster = true;
        i += 2;
        continue;
      }
      // `--eval script.lua key … , arg …`: the words after the script are its keys and arguments.
      if (a === '--eval') {
        addLua(readPayloadFile(args[i + 1] ?? '', cmd, ctx).text, `--eval ${args[i + 1] ?? ''}`);
        return ops;
      }
      if (REDIS_WITH_ARG.has(a)) i++;
      continue;
    }
    first = i + 1;
    words.push(a);
  }
  /** One command line; `raw`: its text as written (a script's quoting is lost in `line`). */
  const add = (line: string[], label: string, keysFromInput = false, raw = line.join(' ')) => {
    if (!line.length) return;
    const c = line[0].toUpperCase();
    // `EVAL script numkeys …` runs the commands the script calls.
    if (c === 'EVAL') return addLua(raw.slice(raw.search(/eval/i) + 4), `${label} EVAL`);
    // Keys known only at run time (`… --scan | xargs redis-cli del`): any number of them,
    // so the delete is as unbounded as a DELETE without WHERE.
    const where = !(keysFromInput && KEY_DELETES.has(c));
    const dropped =
      moduleDrop(c, line.slice(1)) ?? emptied(c, line.slice(1)) ?? redisDurabilityOff(c, line.slice(1));
    if (dropped) ops.stmts.push({ ...dropped, label });
    else ops.stmts.push({ statement: c, object: '', name: line.slice(1).join(' '), where, label });
  };
  if (words.length)
    add(
      words,
      'argument',
      cmd.dynamicArgs.some((d) => d > first),
    );
  else if (cmd.stdin) {
    const p = readStdinDeep(cmd, ctx);
    // fail closed: commands piped in from an unknown source are unknown.
    if (p.text === undefined)
      ops.stmts.push({ statement: 'UNKNOWN', object: '', name: 'stdin', where: true, label: 'stdin' });
    else
      for (const line of p.text.split(/\r?\n/))
        add(line.trim().split(/\s+/).filter(Boolean), 'stdin', false, line);
  }
  return ops;
}
