/**
 * .NET scripts: F# (`dotnet fsi FILE.fsx`, `fsi`, `fsharpi`) and C# (`dotnet script FILE.csx`,
 * `dotnet-script`, `csi`), where the code is (dotnetArgs) and what it does (dotnetPatterns):
 * `Directory.Delete(path, true)` and `File.Delete(path)` delete, `Process.Start(PROG, ARGS)`
 * runs a command, and HttpClient's `DeleteAsync(url)`, `PostAsync(url, content)`,
 * `PutAsync`, `PatchAsync`, `GetAsync` (and `SendAsync(new HttpRequestMessage(HttpMethod.X,
 * url))`) send requests; a `new StringContent(BODY, …)` body is read as BODY. Other dotnet
 * commands (build, test, run of a project) run the project's own code: nothing read here.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';
import { dotnetGitPatterns } from './codescan-gitlib-compiled.js';

/** Programs that run .NET script code. */
export const DOTNET_PROGRAMS = /^(dotnet|fsi|fsharpi|dotnet-script|csi)$/;

/** Options of `dotnet fsi`/`dotnet script` that take the next word as their value. */
const VALUE_OPTS = /^(-r|--reference|-I|--lib|--define|-d|--configuration|-c|--sources|-s)$/;

/** Where a .NET script command's code is: a script file operand, `dotnet script eval CODE`, or stdin. */
export function dotnetArgs(prog: string, argv: Field[]): CodeArgs {
  let i = 1;
  if (prog === 'dotnet') {
    if (!/^(fsi|script)$/.test(argv[1]?.text ?? '')) return { label: 'dotnet', none: true };
    i = 2;
  }
  const label = prog === 'dotnet' ? `dotnet ${argv[1].text}` : prog;
  if (argv[i]?.text === 'eval' && argv[i + 1]) return { code: argv[i + 1], label: `${label} eval` };
  for (; i < argv.length; i++) {
    const t = argv[i].text;
    if (VALUE_OPTS.test(t)) i++;
    else if (t === '-' || t === '--') break;
    else if (!t.startsWith('-')) return { file: argv[i], label: `${label} ${t}` };
  }
  return { label: `${label} stdin` };
}

/** `new StringContent(BODY, …)` / `JsonContent.Create(BODY)` → BODY; else the expression itself. */
function contentOf(expr: string | undefined): string | undefined {
  if (expr === undefined) return undefined;
  const m = /^\s*(?:new\s+(?:System\.Net\.Http\.)?StringContent|JsonContent\.Create)\s*\(/.exec(expr);
  return m ? callArgs(expr, m[0].length).args[0] : expr;
}

/** The method of `HttpMethod.Delete` / `new HttpMethod("DELETE")`; DYNAMIC when not known. */
function httpMethod(expr: string, lx: Lexed): string {
  const c = /^\s*(?:System\.Net\.Http\.)?HttpMethod\.(\w+)\s*$/.exec(expr);
  if (c) return c[1].toUpperCase();
  const n = /^\s*new\s+HttpMethod\s*\(([\s\S]*)\)\s*$/.exec(expr);
  const l = n ? literalOf(n[1], lx) : undefined;
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

export function dotnetPatterns(h: Helpers): Pattern[] {
  const http = (method: string, url: string | undefined, body: string | undefined, lx: Lexed, home: string) =>
    h.http(method, [url ?? '', ...(body !== undefined ? [`body=${body}`] : [])], lx, home, 'dotnet');
  return [
    ...dotnetGitPatterns(h),
    { re: /\b(?:System\.IO\.)?(?:Directory|File)\.Delete\s*\(/g, handle: h.rm },
    {
      re: /\b(?:System\.Diagnostics\.)?Process\.Start\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        const parts = a.filter((x) => x.trim() !== '').slice(0, 2);
        if (parts.length === 0) return [];
        const vals = parts.map((p) => h.valueOf(p, lx, home));
        // fail closed: a program or arguments not known statically
        if (vals.some((v) => v.dynamic))
          return [{ kind: 'dynamic', text: vals.map((v) => v.text).join(' ') }];
        return [{ kind: 'shell', script: { text: vals.map((v) => v.text).join(' '), dynamic: false } }];
      },
    },
    {
      re: /\.\s*(Delete|Post|Put|Patch|Get)Async\s*\(/g,
      handle: (a, lx, home, m) =>
        /\bHttpClient\b/.test(lx.skel) ? http(m[1], a[0], contentOf(a[1]), lx, home) : [],
    },
    // GraphQL.Client: `client.SendMutationAsync<T>(req)` posts the `Query = "…"` of the code's
    // GraphQLRequest to the `new GraphQLHttpClient(URL, …)` of the code
    {
      re: /\.\s*Send(?:Mutation|Query)Async\s*(?:<[^>]*>)?\s*\(/g,
      handle: (_a, lx, home): Effect[] => {
        const c = /\bnew\s+GraphQLHttpClient\s*\(/.exec(lx.skel);
        if (!c) return [];
        const url = callArgs(lx.skel, c.index + c[0].length).args[0];
        const q = /\bQuery\s*=\s*(\u0001\d+\u0002)/.exec(lx.skel);
        const doc = q ? literalOf(q[1], lx) : undefined;
        const target =
          url === undefined ? { text: '(graphql endpoint)', dynamic: true } : h.valueOf(url, lx, home);
        // fail closed: a document not known statically is an unknown body
        return [
          doc && !doc.dynamic
            ? { kind: 'http', method: 'POST', url: target, body: JSON.stringify({ query: doc.value }) }
            : { kind: 'http', method: 'POST', url: target, bodyUnknown: true },
        ];
      },
    },
    {
      re: /\bnew\s+(?:System\.Net\.Http\.)?HttpRequestMessage\s*\(/g,
      handle: (a, lx, home) => (a.length >= 2 ? http(httpMethod(a[0], lx), a[1], undefined, lx, home) : []),
    },
  ];
}
