/**
 * Data-store drivers called from inline code whose operations are not SQL strings: Cypher
 * handed to a graph driver (`session.run('MATCH (n) DETACH DELETE n')` with Neo4j's or
 * Memgraph's Python, JavaScript or Go driver), InfluxDB's delete API (`delete_api().delete(start,
 * stop, predicate)`, `postDelete({ body: { predicate } })`), and memcached clients' `flush_all()`
 * (pymemcache, python-memcached, Dalli). Reads the code text ormCode found (sql-orm.ts); each
 * becomes the statement it amounts to, so the database rules judge it like a client's.
 */
import type { FrameworkOp } from './sql-frameworks.js';
import { cypherStatements } from './sql-graph.js';

/** String literals of the code, in order (`'…'`, `"…"`, `` `…` ``); escapes kept. */
const LITERAL = /(['"`])((?:(?!\1)[^\\]|\\[\s\S])*)\1/g;
/** A Cypher query that can destroy: a read clause before a DELETE, or DROP DATABASE. */
const CYPHER =
  /^\s*(?:(?:OPTIONAL\s+)?MATCH|UNWIND|WITH|CALL)\b[\s\S]*\bDELETE\b|\bDROP\s+(?:COMPOSITE\s+)?DATABASE\b/i;

/** InfluxDB delete calls and their arguments text. */
const INFLUX_DELETE =
  /\bdelete_api\(\s*\)\s*\.\s*delete\s*\(([^()]*)\)|\.postDelete\s*\(\s*(\{[\s\S]*?\})\s*\)/g;
/** memcached clients: `flush_all()` empties every key of the server. */
const MEMCACHED_FLUSH = /\.flush_all\s*\(/g;

/** The predicate of an InfluxDB delete: `predicate=` / `predicate:` or the third positional; '' = none (every point in the range). */
function influxPredicate(args: string): string {
  const named = /\bpredicate\s*[=:]\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/.exec(args);
  if (named) return named[2];
  // `delete(start, stop, predicate, bucket=…)`: split at commas outside literals.
  const literals: string[] = [];
  const bare = args.replace(
    LITERAL,
    (_, _q: string, body: string) => `\u0000${literals.push(body) - 1}\u0000`,
  );
  const third = /^\s*\u0000(\d+)\u0000\s*$/.exec(bare.split(',')[2] ?? '');
  // fail closed: a predicate that is not a literal (a variable) is read as none: every point.
  return third ? literals[Number(third[1])] : '';
}

/** The driver operations in `code`, run by `program` (evidence names it). */
export function driverOps(code: string, program: string): FrameworkOp[] {
  const out: FrameworkOp[] = [];
  const op = (s: Omit<FrameworkOp, 'tool' | 'target' | 'evidence'>, what: string): FrameworkOp => ({
    tool: 'driver',
    ...s,
    target: '',
    evidence: `${program}: ${what.trim().slice(0, 80)}`,
  });
  for (const m of code.matchAll(LITERAL))
    if (CYPHER.test(m[2]))
      for (const s of cypherStatements(m[2], 'code'))
        out.push(op({ statement: s.statement, object: s.object, name: s.name, where: s.where }, m[2]));
  for (const m of code.matchAll(INFLUX_DELETE)) {
    const predicate = influxPredicate(m[1] ?? m[2] ?? '');
    out.push(op({ statement: 'DELETE', object: 'TABLE', name: '', where: predicate.trim() !== '' }, m[0]));
  }
  for (const m of code.matchAll(MEMCACHED_FLUSH))
    out.push(op({ statement: 'FLUSHALL', object: '', name: '', where: true }, m[0]));
  return out;
}
