/**
 * Caches flushed without redis-cli: memcached's tools (`memcached-tool HOST:PORT flush_all`,
 * `memcflush --servers=HOST`) and a text protocol typed into a raw socket (`echo flush_all |
 * nc cache 11211`, `printf 'FLUSHALL\r\n' | nc redis 6379`: memcached's and Redis's inline
 * commands). Same statement shape as redis-cli's (sql-nosql.ts), so one rule covers them. Any
 * inline command sent to Redis's port (`printf 'SHUTDOWN NOSAVE\r\n' | nc cache 6379`) is read
 * as redis-cli reads its stdin lines.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { SOCAT_CONNECT, socatAddresses, socketOperands } from './netcats.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import { parseRedis, storeStmt, type StoreOps } from './sql-nosql.js';

/** Programs that send their standard input to a socket as it is. */
const RAW_SOCKETS = new Set(['nc', 'ncat', 'netcat', 'telnet', 'socat']);

/** A protocol line that empties the store: memcached `flush_all [delay]`, Redis `FLUSHALL` / `FLUSHDB`. */
const FLUSH_LINE = /^(flush_all|flushall|flushdb)(\s|$)/i;

/** Redis's (and Sentinel's, Valkey's) usual ports. */
const REDIS_PORT = /^(6379|6380|26379)$/;

/** The host and port a raw socket connects to (`nc -w 1 HOST PORT`, socat `TCP4-CONNECT:HOST:PORT`); '' when not named. */
function peerOf(cmd: NormalizedCommand): [string, string] {
  if (cmd.program === 'socat') {
    const m = socatAddresses(cmd.argv)
      .map((a) => SOCAT_CONNECT.exec(a))
      .find((x) => x && /^tcp/i.test(x[1]));
    const hp = /^(?:\[([^\]]*)\]|([^:]*)):(\d+)/.exec(m?.[2] ?? '');
    return [hp?.[1] ?? hp?.[2] ?? m?.[2] ?? '', hp?.[3] ?? ''];
  }
  const [host = '', port = ''] = socketOperands(cmd.program, cmd.argv);
  return [host, port];
}

const statementOf = (word: string) => (word.toLowerCase() === 'flushdb' ? 'FLUSHDB' : 'FLUSHALL');

/** The flushes `cmd` sends to a cache; undefined = not a cache client at all. */
export function parseCacheFlush(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (p === 'memcached-tool') {
    const [server = '', mode = ''] = args.filter((a) => !a.startsWith('-'));
    if (mode !== 'flush_all') return { tool: p, target: maskTarget(server), stmts: [] };
    return { tool: p, target: maskTarget(server), stmts: [storeStmt('FLUSHALL', '', '', true, 'argument')] };
  }
  if (p === 'memcflush') {
    const servers = args.find((a) => a.startsWith('--servers='))?.slice('--servers='.length) ?? '';
    return { tool: p, target: maskTarget(servers), stmts: [storeStmt('FLUSHALL', '', '', true, 'argument')] };
  }
  if (!RAW_SOCKETS.has(p) || !cmd.stdin) return undefined;
  const text = readStdinDeep(cmd, ctx).text;
  // An unknown input to a raw socket is not read as a cache's (it is the exfiltration
  // extractor's: src/extract/exfil-sinks.ts).
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n|\\r\\n|\\n/).map((l) => l.trim());
  const [host, port] = peerOf(cmd);
  if (REDIS_PORT.test(port) && !/^[A-Z]+[ \t]+\S+[ \t]+HTTP\//.test(lines.find(Boolean) ?? '')) {
    const stdin = { kind: 'pipe' as const, text: lines.join('\n') };
    const argv = ['redis-cli', '-h', host];
    return { ...parseRedis({ ...cmd, program: 'redis-cli', argv, dynamicArgs: [], stdin }, ctx), tool: p };
  }
  const flushes = lines.filter((l) => FLUSH_LINE.test(l));
  if (!flushes.length) return undefined;
  return {
    tool: p,
    target: maskTarget(host),
    stmts: flushes.map((l) => storeStmt(statementOf(l.split(/\s/)[0]), '', '', true, 'stdin')),
  };
}
