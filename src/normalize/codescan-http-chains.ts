/**
 * HTTP clients configured by a chain of calls that ends in the request's verb: Node's wretch
 * (`wretch(base).url(path).headers(h).post(body)`, `.delete()`; `.json(body)` / `.body(b)`
 * set the body) and Ruby's http.rb (`HTTP.auth(t).headers(h).delete(url, json: …)`,
 * `HTTP.post(url, form: …)`). Read from the skeleton: the links of the chain after the
 * call that starts it, up to the first HTTP verb; the request those links describe is the
 * effect (codescan-http.ts reads its URL and body). A chain whose verb is never called sends
 * nothing.
 */
import { callArgs, type Lexed } from './codelex.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import { joinUrl } from './codescan-httplibs.js';

/** One `.name(args)` link of a chain. */
interface Link {
  name: string;
  args: string[];
}

/** The links chained right after position `at` (`.a(x).b(y)…`), at most 16. */
function chainAt(skel: string, at: number): Link[] {
  const links: Link[] = [];
  let i = at;
  for (let k = 0; k < 16; k++) {
    const m = /^\s*\.\s*(\w+)\s*(\()?/.exec(skel.slice(i));
    if (!m) break;
    if (!m[2]) {
      links.push({ name: m[1], args: [] });
      i += m[0].length;
      continue;
    }
    const { args, end } = callArgs(skel, i + m[0].length);
    links.push({ name: m[1], args });
    i = end + 1;
  }
  return links;
}

const VERBS = /^(get|post|put|patch|delete|head|options)$/;

/** The body a Ruby keyword (`json:`, `form:`, `body:`) gives, as httpCall's `body=` argument. */
function rubyBody(args: string[]): string[] {
  const kw = args.slice(1).find((a) => /^\s*:?(json|form|body)\s*(:|=>)/.test(a));
  return kw === undefined ? [] : [`body=${kw.replace(/^\s*:?(json|form|body)\s*(:|=>)\s*/, '')}`];
}

export function chainedHttpPatterns(h: Helpers): { node: Pattern[]; ruby: Pattern[] } {
  return {
    node: [
      {
        re: /(?<![\w$.])wretch\s*\(/g,
        handle: (a, lx: Lexed, home, m) => {
          if (!lx.lits.some((l) => l.value === 'wretch' || l.value.startsWith('wretch/'))) return [];
          const { end } = callArgs(lx.skel, m.index + m[0].length);
          let url = a[0] !== undefined ? h.valueOf(a[0], lx, home) : { text: '', dynamic: false };
          let body: string | undefined;
          for (const l of chainAt(lx.skel, end + 1)) {
            if (l.name === 'url' && l.args[0] !== undefined)
              url = joinUrl(url, h.valueOf(l.args[0], lx, home));
            else if ((l.name === 'json' || l.name === 'body') && l.args[0] !== undefined) body = l.args[0];
            else if (VERBS.test(l.name)) {
              const sent = l.args[0] ?? body;
              const effects = h.http(
                l.name,
                sent === undefined ? [''] : ['', `body=${sent}`],
                lx,
                home,
                'node',
              );
              return (effects as HttpEffect[]).map((e) => ({ ...e, url }));
            }
          }
          return [];
        },
      },
    ],
    ruby: [
      {
        // `HTTP.auth(…).delete(url)`, `HTTP.request(:delete, url)`; not Net::HTTP, and not a
        // bare `HTTP.delete(url)`, which the http gem's direct reader reads (codescan-core.ts)
        re: /(?<![\w:.$])HTTP(?=\s*\.)/g,
        handle: (_a, lx, home, m) => {
          for (const [i, l] of chainAt(lx.skel, m.index + m[0].length).entries()) {
            if (i === 0 && VERBS.test(l.name)) return [];
            if (VERBS.test(l.name))
              return h.http(l.name, [l.args[0] ?? '', ...rubyBody(l.args)], lx, home, 'ruby');
            if (l.name === 'request' && l.args.length > 1)
              return h.http(
                /^\s*:(\w+)/.exec(l.args[0])?.[1] ?? 'DYNAMIC',
                [l.args[1], ...rubyBody(l.args.slice(1))],
                lx,
                home,
                'ruby',
              );
          }
          return [];
        },
      },
    ],
  };
}
