/**
 * .NET scripts: F# (`dotnet fsi FILE.fsx`, `fsi`, `fsharpi`), C# (`dotnet script FILE.csx`,
 * `dotnet-script`, `csi FILE.csx`) and .NET 10's file-based apps (`dotnet run FILE.cs`, `dotnet
 * FILE.cs`, `dotnet run --file FILE.cs`), where the code is (dotnetArgs) and what it does
 * (dotnetPatterns): `Directory.Delete(path, true)`, `File.Delete(path)` and `new
 * DirectoryInfo(path).Delete(true)` (also through a variable) delete, `Process.Start(PROG, ARGS)`
 * (also `new ProcessStartInfo(PROG, ARGS)` or `{ FileName = PROG, Arguments = ARGS }`)
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

/** Options of `dotnet run` that take the next word as their value. */
const RUN_VALUE_OPTS =
  /^(-c|--configuration|-f|--framework|-r|--runtime|-a|--arch|--os|-v|--verbosity|-p|--project|--launch-profile|-e|--environment)$/;

/**
 * The C# file a .NET 10 file-based app runs from (`dotnet FILE.cs`, `dotnet run FILE.cs`,
 * `dotnet run --file FILE.cs`, `--file=FILE.cs`); undefined = a project's run or another command.
 */
export function fileBasedApp(argv: Field[]): Field | undefined {
  if (/\.cs$/.test(argv[1]?.text ?? '')) return argv[1];
  if (argv[1]?.text !== 'run') return undefined;
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--file') return argv[i + 1];
    if (t.startsWith('--file=')) return { ...argv[i], text: t.slice(7) };
    if (t === '--') return undefined;
    if (RUN_VALUE_OPTS.test(t)) i++;
    else if (/\.cs$/.test(t)) return argv[i];
    else if (!t.startsWith('-')) return undefined;
  }
  return undefined;
}

/** Where a .NET script command's code is: a script file operand, `dotnet script eval CODE`, `csi -e CODE`, or stdin. */
export function dotnetArgs(prog: string, argv: Field[]): CodeArgs {
  let i = 1;
  if (prog === 'dotnet') {
    const app = fileBasedApp(argv);
    if (app) return { file: app, label: `dotnet ${argv[1].text === 'run' ? 'run ' : ''}${app.text}` };
    if (!/^(fsi|script)$/.test(argv[1]?.text ?? '')) return { label: 'dotnet', none: true };
    i = 2;
  }
  const label = prog === 'dotnet' ? `dotnet ${argv[1].text}` : prog;
  if (argv[i]?.text === 'eval' && argv[i + 1]) return { code: argv[i + 1], label: `${label} eval` };
  // `csi -e CODE`: C# statements given inline (interpreterFor tells them from Scheme's)
  if (prog === 'csi' && argv[i]?.text === '-e' && argv[i + 1]) return { code: argv[i + 1], label: 'csi -e' };
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

/** `new ProcessStartInfo(PROG, ARGS)` / `new ProcessStartInfo { FileName = PROG, Arguments = ARGS }` → [PROG, ARGS]; else the arguments as given. */
function startInfo(args: string[], lx: Lexed): string[] {
  // also held in a variable (`var psi = new ProcessStartInfo(…); Process.Start(psi);`)
  const arg = args[0]?.trim() ?? '';
  const first = (/^[A-Za-z_]\w*$/.test(arg) ? lx.vars.get(arg)?.trim() : undefined) ?? arg;
  const ctor =
    /^new\s+(?:System\.Diagnostics\.)?ProcessStartInfo\s*(?:\(([\s\S]*?)\))?\s*(\{[\s\S]*\})?$/.exec(first);
  if (!ctor) return args;
  const positional = ctor[1] ? callArgs(`${ctor[1]})`, 0).args : [];
  const init = ctor[2] ?? '';
  const prop = (name: string) => new RegExp(`\\b${name}\\s*=\\s*([^,}]+)`).exec(init)?.[1];
  return [prop('FileName') ?? positional[0] ?? '', prop('Arguments') ?? positional[1] ?? ''];
}

/**
 * `new DirectoryInfo(P).Delete(…)` / `new FileInfo(P).Delete()`, or the same object held in a
 * variable (`var d = new DirectoryInfo(P); … d.Delete(true);`): a delete of P. Only made is not deleted.
 */
function infoDeleted(lx: Lexed, m: RegExpExecArray): boolean {
  const end = callArgs(lx.skel, m.index + m[0].length).end;
  if (/^\)\s*\.\s*Delete\s*\(/.test(lx.skel.slice(end))) return true;
  const name = /\b([A-Za-z_]\w*)\s*=\s*$/.exec(lx.skel.slice(Math.max(0, m.index - 80), m.index))?.[1];
  return !!name && new RegExp(`\\b${name}\\s*\\.\\s*Delete\\s*\\(`).test(lx.skel.slice(end));
}

export function dotnetPatterns(h: Helpers): Pattern[] {
  const http = (method: string, url: string | undefined, body: string | undefined, lx: Lexed, home: string) =>
    h.http(method, [url ?? '', ...(body !== undefined ? [`body=${body}`] : [])], lx, home, 'dotnet');
  return [
    ...dotnetGitPatterns(h),
    { re: /\b(?:System\.IO\.)?(?:Directory|File)\.Delete\s*\(/g, handle: h.rm },
    {
      re: /\bnew\s+(?:System\.IO\.)?(?:DirectoryInfo|FileInfo)\s*\(/g,
      handle: (a, lx, home, m) => (infoDeleted(lx, m) ? h.rm(a, lx, home, m) : []),
    },
    {
      re: /\b(?:System\.Diagnostics\.)?Process\.Start\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        const parts = startInfo(a, lx)
          .filter((x) => x.trim() !== '')
          .slice(0, 2);
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
