/**
 * Dart (`dart run FILE.dart`, `dart FILE.dart`): where the code is (dartArgs) and what it does
 * (dartPatterns): dart:io's HttpClient requests (`client.deleteUrl(uri)`, `postUrl`, `putUrl`,
 * `patchUrl`, `openUrl(METHOD, uri)`, the body the code `.write`s), package:http calls
 * (`http.post(uri, body: …)`, `http.delete(uri)`), deletions (`Directory(p).deleteSync(recursive:
 * true)`, `File(p).delete()`) and processes (`Process.run(PROG, [ARGS])`, `runSync`, `start`).
 * `dart run` of a package and the other dart commands run the project's own code: not read.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';

/** `dart run FILE.dart`, `dart FILE.dart`: the script file; anything else runs no code read here. */
export function dartArgs(argv: Field[]): CodeArgs {
  const i = argv[1]?.text === 'run' ? 2 : 1;
  for (let j = i; j < argv.length; j++) {
    const t = argv[j].text;
    if (t.startsWith('-')) continue;
    return /\.dart$/.test(t) ? { file: argv[j], label: `dart ${t}` } : { label: 'dart', none: true };
  }
  return { label: 'dart', none: true };
}

/** The URL of `Uri.parse(X)`, `Uri.https(HOST, PATH)`, or X itself. */
function uriOf(expr: string | undefined, lx: Lexed, home: string, h: Helpers): Field {
  const m = /^\s*Uri\.(parse|https|http)\s*\(/.exec(expr ?? '');
  if (!m) return h.valueOf(expr ?? '', lx, home);
  const args = callArgs(expr ?? '', m[0].length).args;
  if (m[1] === 'parse') return h.valueOf(args[0] ?? '', lx, home);
  const host = h.valueOf(args[0] ?? '', lx, home);
  const path = args[1] !== undefined ? h.valueOf(args[1], lx, home) : { text: '', dynamic: false };
  return { text: `${m[1]}://${host.text}${path.text}`, dynamic: host.dynamic || path.dynamic };
}

/** The body the code writes to a request (`req.write(X)`, `req.add(utf8.encode(X))`); undefined = none. */
function writtenBody(lx: Lexed): string | undefined {
  const m = /\.\s*(?:write|add)\s*\(/.exec(lx.skel);
  if (!m) return undefined;
  const a = callArgs(lx.skel, m.index + m[0].length).args[0];
  const enc = /^\s*utf8\.encode\s*\(([\s\S]*)\)\s*$/.exec(a ?? '');
  return enc ? enc[1] : a;
}

export function dartPatterns(h: Helpers): Pattern[] {
  const request = (method: string, url: Field, body: string | undefined, lx: Lexed, home: string): Effect[] =>
    h
      .http(method, ['__URL__', ...(body !== undefined ? [`body=${body}`] : [])], lx, home, 'dart')
      .map((e) => (e.kind === 'http' ? { ...e, url } : e));
  return [
    {
      re: /\.\s*(get|post|put|patch|delete|head)Url\s*\(/g,
      handle: (a, lx, home, m) => request(m[1], uriOf(a[0], lx, home, h), writtenBody(lx), lx, home),
    },
    {
      re: /\.\s*openUrl\s*\(/g,
      handle: (a, lx, home) => {
        const l = literalOf(a[0] ?? '', lx);
        // fail closed: a method not known statically
        return request(
          l && !l.dynamic ? l.value : 'DYNAMIC',
          uriOf(a[1], lx, home, h),
          writtenBody(lx),
          lx,
          home,
        );
      },
    },
    {
      re: /(?<![\w.])http\.(get|post|put|patch|delete|head)\s*\(/g,
      handle: (a, lx, home, m) => {
        const body = a.slice(1).find((x) => /^\s*body\s*:/.test(x));
        return request(m[1], uriOf(a[0], lx, home, h), body?.replace(/^\s*body\s*:/, ''), lx, home);
      },
    },
    {
      re: /\b(?:Directory|File|Link)\s*\(([^()]*(?:\([^()]*\))?[^()]*)\)\s*\.\s*delete(?:Sync)?\s*\(/g,
      handle: (_a, lx, home, m) => [{ kind: 'rm', target: h.valueOf(m[1], lx, home) }],
    },
    {
      re: /\bProcess\.(?:run|runSync|start)\s*\(/g,
      handle: (a, lx, home) => h.command(a[0], lx, home, a[1] !== undefined ? [a[1]] : ['[]']),
    },
  ];
}
