/**
 * k6 scripts (src/normalize/codescan-k6.ts): requests of the k6/http module become the
 * commands the extractors read; Node's own http module is not read as k6's.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

/** The script writes t.js with `body`, then runs it with `run`. */
const k6 = (body: string, run = 'k6 run t.js') => `cat > t.js <<'EOF'\n${body}\nEOF\n${run}`;
const URL = 'https://api.example.com/v1/projects/p';

describe('what k6 scripts send', () => {
  it.each<[string, string]>([
    [
      k6(`import http from 'k6/http';\nexport default () => { http.del('${URL}'); }`),
      `curl -X DELETE ${URL}`,
    ],
    [k6(`import { del } from 'k6/http';\nexport default () => { del('${URL}'); }`), `curl -X DELETE ${URL}`],
    [
      k6(`import * as h from 'k6/http';\nexport default () => { h.request('DELETE', '${URL}'); }`),
      `curl -X DELETE ${URL}`,
    ],
    [
      k6(`const http = require('k6/http');\nmodule.exports.default = () => http.del('${URL}');`),
      `curl -X DELETE ${URL}`,
    ],
    [
      k6(
        `import http from 'k6/http';\nconst body = open('./q.json');\nexport default () => { http.post('${URL}', body); }`,
      ),
      `curl -X POST ${URL} --data-binary @./q.json`,
    ],
    [
      k6(
        `import http from 'k6/http';\nexport default () => { http.batch([['DELETE', '${URL}'], '${URL}']); }`,
      ),
      `curl -X DELETE ${URL}`,
    ],
    [
      k6(
        `import http from 'k6/http';\nexport default () => { http.del('${URL}', null, { headers: { Authorization: 'Bearer x' } }); }`,
      ),
      `curl -X DELETE ${URL} -H Authorization: Bearer x`,
    ],
    [
      k6(
        `import http from 'k6/http';\nexport default () => { http.del('${URL}'); }`,
        'k6 run --vus 1 -e A=1 t.js',
      ),
      `curl -X DELETE ${URL}`,
    ],
    [
      k6(`import http from 'k6/http';\nexport default () => { http.del('${URL}'); }`, 'k6 cloud run t.js'),
      `curl -X DELETE ${URL}`,
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    [k6(`import http from 'k6/http';\nexport default () => { http.batch(reqs()); }`)],
    [k6(`import http from 'k6/http';\nexport default () => { http.request(__ENV.METHOD, '${URL}'); }`)],
  ])('%s stays unknown', (script) =>
    expect(commands(script).some((c) => c.startsWith('dynamic:') || c.includes('DYNAMIC'))).toBe(true),
  );

  it.each<[string]>([
    [k6(`import http from 'k6/http';\nexport default () => { http.get('http://localhost:3000/health'); }`)],
    [`k6 run --vus 5 --duration 30s load/smoke.js`],
    [`k6 inspect t.js`],
    // Node's http module, not k6's: `request(url)` is a GET
    [`node -e "require('http').request('http://localhost:3000/health').end()"`],
  ])('%s sends nothing destructive', (script) =>
    expect(commands(script).some((c) => /^(dynamic:|curl -X (DELETE|POST|DYNAMIC))/.test(c))).toBe(false),
  );
});
