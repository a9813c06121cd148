/**
 * Key-value stores emptied key by key from code (src/extract/sql-kv-code.ts): a KV client's
 * listing fed to its delete, through the real pipeline with the databases pack (heredocs, a
 * written file run by deno, node or python, wrappers); single keys and local stores stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { kvCodeDeletes } from '../../src/extract/sql-kv-code.js';
import { packVerdict } from '../helpers/command.js';

const databases = await packVerdict('databases');
const ASK = 'ask databases/keyvalue-delete-from-input';
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;
const py = (code: string) => `python3 - <<'EOF'\n${code}\nEOF`;
const REMOTE = '"https://api.deno.com/databases/00000000-0000-4000-8000-000000000000/connect"';

describe('KV keys listed and deleted one by one', () => {
  it.each<[string, string]>([
    [
      written(
        '/tmp/w.ts',
        `const kv = await Deno.openKv(${REMOTE});\nfor await (const e of kv.list({ prefix: [] })) await kv.delete(e.key);`,
        'deno run -A --unstable-kv /tmp/w.ts',
      ),
      ASK,
    ],
    [
      written(
        '/tmp/w.ts',
        `const kv = await Deno.openKv(${REMOTE});\nconst it = kv.list({ prefix: ["sessions"] });\nfor await (const entry of it) {\n  await kv.atomic().delete(entry.key).commit();\n}`,
        'timeout 60 deno run --unstable-kv /tmp/w.ts',
      ),
      ASK,
    ],
    [
      written(
        'w.mjs',
        `import { openKv } from "@deno/kv";\nconst kv = await openKv(${REMOTE});\nfor await (const e of kv.list({ prefix: [] })) await kv.delete(e.key);`,
        'env DENO_KV_ACCESS_TOKEN=fake node w.mjs',
      ),
      ASK,
    ],
    // fail closed: a store named by a value not known here
    [
      written(
        '/tmp/k.ts',
        'const kv = await Deno.openKv(Deno.env.get("KV_URL"));\nfor await (const e of kv.list({ prefix: ["u"] })) await kv.delete(e.key);',
        'deno run -A /tmp/k.ts',
      ),
      ASK,
    ],
    [
      py(
        'import redis\nr = redis.Redis(host="cache.prod.example.com")\nfor k in r.scan_iter("session:*"):\n    r.delete(k)',
      ),
      ASK,
    ],
    [py('import redis\nr = redis.from_url("rediss://cache.prod.example.com")\nr.unlink(*r.keys("*"))'), ASK],
    [
      py(
        'import redis\nr = redis.Redis(host="cache.prod.example.com")\np = r.pipeline()\nfor k in r.scan_iter():\n    p.delete(k)\np.execute()',
      ),
      ASK,
    ],
    [
      written(
        '/tmp/r.js',
        'const Redis = require("ioredis");\nconst redis = new Redis(process.env.REDIS_URL);\nconst stream = redis.scanStream({ match: "user:*" });\nstream.on("data", (keys) => { if (keys.length) redis.unlink(keys); });',
        'sudo -E node /tmp/r.js',
      ),
      ASK,
    ],
    // single keys, reads, and stores of this program alone
    [
      written(
        '/tmp/t.ts',
        'const path = await Deno.makeTempFile({ suffix: ".kv" });\nconst kv = await Deno.openKv(path);\nfor await (const e of kv.list({ prefix: [] })) await kv.delete(e.key);',
        'deno run -A --unstable-kv /tmp/t.ts',
      ),
      'allow',
    ],
    [py('import redis\nr = redis.Redis(host="cache.prod.example.com")\nr.delete("session:42")'), 'allow'],
    [
      py(
        'import redis\nr = redis.Redis(host="cache.prod.example.com")\nfor k in r.scan_iter("session:*"):\n    print(k, r.ttl(k))',
      ),
      'allow',
    ],
    [
      written(
        '/tmp/m.ts',
        'const kv = await Deno.openKv(":memory:");\nfor await (const e of kv.list({ prefix: [] })) await kv.delete(e.key);',
        'deno run --unstable-kv /tmp/m.ts',
      ),
      'allow',
    ],
    [
      written(
        '/tmp/l.ts',
        'const kv = await Deno.openKv();\nfor await (const e of kv.list({ prefix: ["cache"] })) await kv.delete(e.key);',
        'deno run --unstable-kv /tmp/l.ts',
      ),
      'allow',
    ],
    [
      written(
        '/tmp/c.ts',
        `const kv = await Deno.openKv(${REMOTE});\nlet n = 0;\nfor await (const _ of kv.list({ prefix: [] })) n++;\nconsole.log(n);`,
        'deno run -A /tmp/c.ts',
      ),
      'allow',
    ],
  ])('%s', (script, want) => expect(databases(script)).toBe(want));
});

describe('what one delete amounts to', () => {
  it('reads the statement and the evidence', () => {
    const ops = kvCodeDeletes(
      'import redis\nr = redis.Redis()\nfor k in r.scan_iter():\n    r.unlink(k)\n',
      'python3',
    );
    expect(ops.map((o) => [o.statement, o.object, o.where])).toEqual([['UNLINK', 'KEYS', false]]);
    expect(ops[0].evidence).toMatch(/^python3: r\.unlink\(k/);
  });
  it('reads nothing without a KV client', () =>
    expect(kvCodeDeletes('for k in d.keys():\n    d.delete(k)\n', 'python3')).toEqual([]));
});
