/**
 * Call patterns of Elixir (`elixir -e`; codescan.ts reads them as for the other languages):
 * calls that delete files (`File.rm_rf!`), run a command through a shell or as an argv
 * (`System.shell`, `:os.cmd`, `System.cmd`), send HTTP requests (Req, HTTPoison, Tesla,
 * `:httpc`, Finch; GraphQL clients: codescan-graphql-langs.ts), and evaluate code not readable
 * statically (`Code.eval_string`).
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import { elixirGraphqlPatterns } from './codescan-graphql-langs.js';
import { argvOf, listItems, methodOf } from './codescan-vm.js';

/**
 * The arguments of a Req / HTTPoison / Tesla call with the URL first: Req's `url:` keyword, a
 * Tesla client given first, and the `base_url` of the `Req.new(…)` piped in or passed first
 * (`Req.new(base_url: b) |> Req.post!(url: "/graphql", json: …)`) joined to a literal path.
 */
function elixirRequestArgs(lib: string, a: string[], lx: Lexed, at: number): string[] {
  const isLit = (x: string | undefined) => x !== undefined && literalOf(x, lx) !== undefined;
  let args = lib === 'Tesla' && a.length >= 2 && !isLit(a[0]) && isLit(a[1]) ? a.slice(1) : a;
  const before = /([A-Za-z_]\w*|\bReq\.new\s*\([^()]*\))\s*\|>\s*$/.exec(lx.skel.slice(0, at))?.[1];
  const first =
    lib === 'Req' && args[0] !== undefined && !isLit(args[0]) && !/^\s*\w+:/.test(args[0])
      ? args[0].trim()
      : undefined;
  if (first) args = args.slice(1);
  const req = [before, first]
    .map((r) => (r && /^\w+$/.test(r) ? (lx.vars.get(r) ?? '') : (r ?? '')))
    .join(' ');
  const base = /\bReq\.new\s*\(([^()]*)\)/.exec(req);
  const baseUrl = base ? kwarg(callArgs(`${base[1]})`, 0).args, 'base_url') : undefined;
  const url = kwarg(args, 'url') ?? args.find((x) => !/^\s*\w+:/.test(x));
  const rest = args.filter((x) => x !== url && !/^\s*url:/.test(x));
  const path = url === undefined ? undefined : literalOf(url, lx)?.value;
  const joined =
    baseUrl !== undefined && isLit(baseUrl) && path?.startsWith('/')
      ? `${baseUrl.trim()} + ${url!.trim()}`
      : url;
  return [joined ?? '', ...rest];
}

/** Elixir's call patterns. */
export function elixirPatterns(h: Helpers): Pattern[] {
  return [
    ...elixirGraphqlPatterns(h),
    { re: /\bFile\.(?:rm_rf|rm|rmdir)!?\s*\(?/g, handle: h.rm },
    { re: /\bSystem\.shell\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
    { re: /(?<![\w.]):os\.cmd\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
    {
      re: /\bSystem\.cmd\s*\(/g,
      handle: (a, lx, home) => {
        const rest = listItems(a[1]);
        // fail closed: arguments built at run time
        if (a[1] !== undefined && !rest) return [{ kind: 'dynamic', text: a[1] }];
        return argvOf([a[0] ?? '', ...(rest ?? [])], lx, home, h);
      },
    },
    // Req.post!(url, body: …), HTTPoison.delete(url), Tesla.put(client, url, body)
    {
      re: /\b(Req|HTTPoison|Tesla)\.(get|post|put|patch|delete|head)!?\s*\(/g,
      handle: (a, lx, home, m) => h.http(m[2], elixirRequestArgs(m[1], a, lx, m.index), lx, home, 'elixir'),
    },
    {
      re: /\bReq\.(?:request|run)!?\s*\(/g,
      handle: (a, lx, home) => {
        const method = kwarg(a, 'method');
        return h.http(
          method ? methodOf(method, lx) : 'GET',
          [kwarg(a, 'url') ?? a[0] ?? '', ...a],
          lx,
          home,
          'elixir',
        );
      },
    },
    // :httpc.request(:delete, {url, headers}, …), Finch.build(:delete, url, headers, body)
    {
      re: /(?<![\w.]):httpc\.request\s*\(|\bFinch\.build\s*\(/g,
      handle: (a, lx, home, m) => {
        if (a.length === 1) return h.http('GET', a, lx, home, 'elixir');
        const req = m[0].startsWith(':') ? callArgs(`${(a[1] ?? '').trim().slice(1)})`, 0).args : a.slice(1);
        const body = m[0].startsWith(':') ? req[3] : req[2];
        return h.http(
          methodOf(a[0], lx),
          [req[0] ?? '', ...(body ? [`body: ${body}`] : [])],
          lx,
          home,
          'elixir',
        );
      },
    },
    { re: /\bCode\.eval_(?:string|quoted)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
  ];
}
