/**
 * Key-value stores emptied key by key from a program's code: the keys a KV client lists (Deno
 * KV's `kv.list({ prefix })`, Redis clients' `scan_iter`, `scanIterator`, `scanStream`,
 * `keys('*')`) fed to the same client's delete (`kv.delete(e.key)`, `kv.atomic().delete(k)`,
 * `r.delete(k)`, `r.unlink(*keys)`, `redis.del(keys)`, or a pipeline of it). Read as a DEL of
 * keys found at run time (`where` false), the statement `redis-cli --scan | xargs redis-cli del`
 * makes, so the same rule asks. Clients: Deno KV (`Deno.openKv(…)`, `openKv` of `@deno/kv`) and
 * Redis (redis-py, redis, ioredis, @upstash/redis, valkey). A Deno KV store of this program only
 * (`Deno.openKv(":memory:")`) or in a local file (`Deno.openKv()`, `Deno.openKv("./app.db")`, a
 * file of `Deno.makeTempFile()`) is not read; one named by a value unknown here is read as remote. A single key deleted by name
 * is not read here. Pure; reads the code's text.
 */
import type { FrameworkOp } from './sql-frameworks.js';
import { argsOf } from './cloud-sdk-generic.js';

/** Code that loads a Redis client library (Python or JavaScript). */
const REDIS_LOADED =
  /\b(?:import|from)\s+(?:redis|valkey)\b|['"](?:redis|ioredis|@redis\/client|@upstash\/redis|iovalkey|@valkey\/[\w-]+)['"]/;
/** A Redis client made: `redis.Redis(…)`, `StrictRedis(…)`, `from_url(…)`, `createClient(…)`, `new Redis(…)`, `Redis.fromEnv()`. */
const REDIS_CLIENT =
  /\b(?:Redis|StrictRedis|RedisCluster|Valkey|from_url|fromEnv|createClient|createCluster|Cluster)\s*\(/;
/** A Deno KV store opened, its argument captured (empty = none). */
const OPEN_KV = /\b(?:Deno\s*\.\s*)?openKv\s*\(\s*([^)]*?)\s*\)/;
/** Listings of a client's keys. */
const LISTING = '(?:list|scan_iter|scanIterator|scan|keys|scanStream|sscan_iter|hscan_iter|zscan_iter)';

/** Whether an `openKv(ARG)` store lives on another machine (see the header); a name is read from its assignment in `code`. */
function remoteKv(arg: string, code: string): boolean {
  const held = /^[A-Za-z_$][\w$]*$/.test(arg)
    ? new RegExp(`\\b(?:const|let|var)\\s+${arg.replace(/\$/g, '\\$')}\\s*=\\s*([^\\n;]+)`).exec(code)?.[1]
    : undefined;
  // a file of the temporary directory the program made (`Deno.makeTempFile()`)
  if (held && /\bDeno\s*\.\s*makeTemp(?:File|Dir)\s*\(/.test(held)) return false;
  if (held && /^(['"`])[^'"`]*\1\s*$/.test(held.trim())) arg = held.trim();
  const lit = /^(['"`])([^'"`]*)\1$/.exec(arg);
  // fail closed: a store named by a value not known here may be remote
  if (!lit) return arg !== '';
  return /^https?:\/\//i.test(lit[2]);
}

/** The names of the code that hold a remote KV client (or a pipeline or transaction of one). */
function kvClients(code: string): Set<string> {
  const out = new Set<string>();
  const redis = REDIS_LOADED.test(code);
  const assigned = [
    ...code.matchAll(
      /(?:^|[;\n{(])[ \t]*(?:(?:const|let|var)[ \t]+|(?:this|self)\.)?([A-Za-z_$][\w$]*)(?:[ \t]*:[ \t]*[\w.<>]+)?[ \t]*=(?!=)[ \t]*([^\n;]+)/g,
    ),
  ].map((m) => [m[1], m[2]] as const);
  for (const m of code.matchAll(/\bwith[ \t]+([^\n:]+?)[ \t]+as[ \t]+(\w+)/g)) assigned.push([m[2], m[1]]);
  for (let pass = 0; pass < 2; pass++)
    for (const [name, expr] of assigned) {
      const kv = OPEN_KV.exec(expr);
      if ((kv && remoteKv(kv[1], code)) || (redis && REDIS_CLIENT.test(expr))) out.add(name);
      // a pipeline or transaction of a client deletes through it
      const root = /^\s*(?:await\s+)?([A-Za-z_$][\w$]*)\s*\.\s*(?:pipeline|multi|atomic)\s*\(/.exec(expr);
      if (root && out.has(root[1])) out.add(name);
    }
  return out;
}

const escape = (s: string) => s.replace(/\$/g, '\\$');

/** The listing-fed deletes of KV clients in `code` (see the header); `program` names the evidence. */
export function kvCodeDeletes(code: string, program: string): FrameworkOp[] {
  if (!/\bopenKv\b/.test(code) && !REDIS_LOADED.test(code)) return [];
  const clients = kvClients(code);
  if (!clients.size) return [];
  const names = [...clients].map(escape).join('|');
  const listing = new RegExp(`(?<![\\w$.])(?:${names})\\s*\\.\\s*${LISTING}\\s*\\(`);
  // names that hold listed keys: loop variables, assignments, stream callbacks
  const listed = new Set<string>();
  const feeds = (expr: string) =>
    listing.test(expr) || [...listed].some((n) => new RegExp(`(?<![\\w$.])${escape(n)}\\b`).test(expr));
  for (let pass = 0; pass < 3; pass++) {
    for (const m of code.matchAll(/\bfor[ \t]+([\w, \t()]+?)[ \t]+in[ \t]+([^\n]+)/g))
      if (feeds(m[2])) for (const n of m[1].split(/[\s,()]+/).filter(Boolean)) listed.add(n);
    for (const m of code.matchAll(/\bfor\s*(?:await\s*)?\(\s*(?:const|let|var)\s+([^=]+?)\s+of\s+([^\n]+)/g))
      if (feeds(m[2])) for (const n of m[1].split(/[^\w$]+/).filter(Boolean)) listed.add(n);
    for (const m of code.matchAll(/(?:const|let|var)?\s*\b([A-Za-z_$][\w$]*)\s*=(?!=)\s*([^\n;]+)/g))
      if (listing.test(m[2])) listed.add(m[1]);
    for (const m of code.matchAll(
      /\b([A-Za-z_$][\w$]*)\s*\.\s*(?:on\(\s*['"]data['"]\s*,|forEach\(|map\()\s*(?:async\s*)?\(?\s*([\w$]+)/g,
    ))
      if (listed.has(m[1])) listed.add(m[2]);
  }
  const out: FrameworkOp[] = [];
  const del = new RegExp(
    `(?<![\\w$.])(${names})((?:\\s*\\.\\s*[\\w$]+\\s*\\([^()]*\\))*)\\s*\\.\\s*(delete|del|unlink|getdel)\\s*\\(`,
    'g',
  );
  for (const m of code.matchAll(del)) {
    const args = argsOf(code, (m.index ?? 0) + m[0].length - 1);
    if (!feeds(args)) continue;
    out.push({
      tool: 'kv-client',
      statement: m[3].toLowerCase() === 'unlink' ? 'UNLINK' : 'DEL',
      object: 'KEYS',
      name: '',
      where: false,
      target: '',
      evidence: `${program}: ${m[0].replace(/\s+/g, '')}${args.slice(1, 60)} of listed keys`,
    });
  }
  return out;
}
