/**
 * HTTP requests of Scala code (`scala -e`, `amm -c`, `scala-cli`): Li Haoyi's requests-scala
 * (`requests.post(url, data = body)`, `requests.delete(url)`, `requests.send("DELETE")(url)`)
 * and sttp (`basicRequest.post(uri"…").body(x).send(backend)`, also `quickRequest` and
 * `emptyRequest`; the `uri"…"` interpolator is read as its string by codelex.ts), read as the
 * request they send. A body read from a file (`os.read(p)`,
 * `Source.fromFile(p).mkString`) is read by codescan-http.ts as the file it sends.
 */
import { callArgs } from './codelex.js';
import { statementFrom } from './call-args.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import { methodOf } from './codescan-vm.js';

export function scalaHttpPatterns(h: Helpers): Pattern[] {
  return [
    // requests.get|post|put|patch|delete|head|options(url, data = …, headers = …)
    {
      re: /(?<![\w.])requests\s*\.\s*(get|post|put|patch|delete|head|options)\s*\(/g,
      handle: (a, lx, home, m) => h.http(m[1].toUpperCase(), a, lx, home, 'jvm'),
    },
    // requests.send("DELETE")(url, …)
    {
      re: /(?<![\w.])requests\s*\.\s*send\s*\(/g,
      handle: (a, lx, home, m) => {
        const { end } = callArgs(lx.skel, m.index + m[0].length);
        const next = /^\s*\(/.exec(lx.skel.slice(end + 1));
        const args = next ? callArgs(lx.skel, end + 1 + next[0].length).args : [];
        return h.http(methodOf(a[0], lx), args, lx, home, 'jvm');
      },
    },
    // basicRequest.delete(uri"…"), quickRequest.post(uri"…").body(x)
    {
      re: /\b(?:basicRequest|quickRequest|emptyRequest)\s*\.\s*(get|post|put|patch|delete|head|options)\s*\(/g,
      handle: (a, lx, home, m) => {
        const stmt = statementFrom(lx.skel, m.index + m[0].length - 1, true);
        const body = /\.body\s*\(/.exec(stmt);
        const b = body ? callArgs(stmt, body.index + body[0].length).args[0] : undefined;
        const args = [a[0] ?? '', ...(b !== undefined ? [`body = ${b}`] : [])];
        return h.http(m[1].toUpperCase(), args, lx, home, 'jvm');
      },
    },
  ];
}
