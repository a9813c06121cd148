/**
 * Call patterns of the smaller scripting languages an agent may run inline: Lua (`lua -e`),
 * R (`Rscript -e`), Julia (`julia -e`), and Go programs the script wrote and runs with
 * `go run FILE.go`. What they read is the same as for the others (codescan.ts): calls that
 * delete files, run a command through a shell or as an argv, send HTTP requests (Go's
 * net/http; R's httr and httr2, a body from a file included), and evaluate code not
 * readable statically. Julia's backtick commands
 * (`run(\`…\`)`) are command literals, read by scanCode like Ruby's.
 */
import { callArgs, kwarg, literalOf, type Lang, type Lexed } from './codelex.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';
import { juliaHttpMore, luaHttpMore } from './codescan-http-more.js';
import { goClientPatterns } from './codescan-go-clients.js';
import { kubePatterns } from './codescan-kube.js';
import { rGraphqlPatterns } from './codescan-graphql-langs.js';
import { goGitPatterns } from './codescan-gitlib-compiled.js';

export interface Pattern {
  re: RegExp;
  handle: (args: string[], lx: Lexed, home: string, m: RegExpExecArray) => Effect[];
}

/** What codescan.ts lends these patterns (its readers of values, deletions, commands, code and HTTP requests). */
export interface Helpers {
  valueOf: (expr: string, lx: Lexed, home: string) => Field;
  rm: Pattern['handle'];
  command: (arg: string | undefined, lx: Lexed, home: string, rest?: string[]) => Effect[];
  code: (arg: string | undefined, lx: Lexed) => Effect[];
  http: (method: string | undefined, args: string[], lx: Lexed, home: string, lang: Lang) => Effect[];
  /** `t` split at `sep` outside brackets ([t] when a part would be empty). */
  split: (t: string, sep: string) => string[];
}

/** Go's `[]string{"rm", "-rf", p}` (or a single value) as element expressions. */
function goSlice(expr: string | undefined): string[] | undefined {
  const m = expr === undefined ? null : /^\s*\[\]string\s*\{([\s\S]*)\}\s*$/.exec(expr);
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : undefined;
}

/** net/http's method constants (`http.MethodDelete`) and literals; 'DYNAMIC' when not known. */
function goMethod(expr: string | undefined, lx: Lexed): string {
  const c = /^\s*http\.Method(\w+)\s*$/.exec(expr ?? '');
  if (c) return c[1].toUpperCase();
  const l = literalOf(expr ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** A request body with Go's reader wrappers taken off (`strings.NewReader(x)`, `bytes.NewBufferString(x)`, `[]byte(x)`). */
function goBody(expr: string | undefined): string | undefined {
  let t = expr?.trim();
  for (
    let m;
    t &&
    (m = /^(?:strings\.NewReader|bytes\.New(?:Buffer(?:String)?|Reader)|\[\]byte)\(([\s\S]*)\)$/.exec(t));
  )
    t = m[1].trim();
  return t === 'nil' ? undefined : t;
}

/** An argv whose elements are Go expressions; a `xs...` spread is an unknown rest. */
function goArgv(items: string[], lx: Lexed, home: string, h: Helpers): Effect[] {
  if (items.length === 0) return [];
  return [
    {
      kind: 'exec',
      argv: items.map((a) =>
        /\.\.\.\s*$/.test(a) ? { text: a.trim(), dynamic: true } : h.valueOf(a, lx, home),
      ),
    },
  ];
}

/** R's `c("-rf", path)` (or a single value) as argument expressions. */
function rVector(expr: string | undefined): string[] {
  if (expr === undefined) return [];
  const m = /^\s*c\(([\s\S]*)\)\s*$/.exec(expr);
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : [expr];
}

/** An argument given by name or at `pos` (`url = "…"` or the first one), with the name taken off. */
function rArg(args: string[], name: string, pos: number): string | undefined {
  const named = kwarg(args, name);
  if (named !== undefined) return named;
  return args.filter((a) => !/^\s*[\w.]+\s*=(?!=)/.test(a))[pos];
}

/**
 * httr's request functions (`POST(url, config, …, body = …)`): the URL, and the body only
 * when named (the second positional argument is a config such as `add_headers(…)`).
 */
function httrCall(method: string, args: string[], lx: Lexed, home: string, h: Helpers): Effect[] {
  const body = kwarg(args, 'body');
  return h.http(
    method,
    [rArg(args, 'url', 0) ?? '', ...(body !== undefined ? [`body=${body}`] : [])],
    lx,
    home,
    'r',
  );
}

/** The statement the call at `at` starts: up to a `;` or a line end not continued by a pipe, comma or open bracket. */
function rStatement(skel: string, at: number): string {
  let depth = 0;
  for (let i = at; i < skel.length; i++) {
    const c = skel[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth <= 0 && (c === ';' || (c === '\n' && !/(?:\|>|%>%|,|\+)\s*$/.test(skel.slice(at, i)))))
      return skel.slice(at, i);
  }
  return skel.slice(at);
}

/**
 * httr2's request pipeline (`request(url) |> req_method("DELETE") |> req_body_file(f) |>
 * req_perform()`): the method set (POST when a body is set, else GET), the URL, and the body.
 */
function httr2Request(args: string[], lx: Lexed, home: string, m: RegExpExecArray, h: Helpers): Effect[] {
  let chain = rStatement(lx.skel, m.index);
  // `req <- request(url)`, then `req |> req_method("DELETE") |> req_perform()` or
  // `req_perform(req_method(req, "DELETE"))`: the steps of the statements that use the name
  const name = /([A-Za-z_.][\w.]*)\s*(?:<<?-|=)\s*(?:httr2::)?$/.exec(lx.skel.slice(0, m.index));
  if (name) {
    const n = name[1].replace(/\./g, '\\.');
    const uses = new RegExp(`(?:^|[\\n;])\\s*${n}\\s*(?:\\|>|%>%)|\\breq_\\w+\\s*\\(\\s*${n}\\s*[,)]`, 'g');
    for (const use of lx.skel.matchAll(uses)) {
      const start = Math.max(lx.skel.lastIndexOf('\n', use.index), lx.skel.lastIndexOf(';', use.index)) + 1;
      chain += ` |> ${rStatement(lx.skel, start + lx.skel.slice(start).search(/\S|$/))}`;
    }
  }
  // a step's own arguments: piped (`req_method("DELETE")`) or with the request first (`req_method(req, "DELETE")`)
  const step = (name: string) => {
    const at = new RegExp(`\\b(?:httr2::)?${name}\\s*\\(`).exec(chain);
    const a = at ? callArgs(chain, at.index + at[0].length).args : undefined;
    return a && a.length > 1 && !literalOf(a[0], lx) && /^\s*[A-Za-z_.][\w.]*\s*$/.test(a[0])
      ? a.slice(1)
      : a;
  };
  const method = step('req_method')?.[0];
  const file = step('req_body_file')?.[0];
  const body = step('req_body_(?:json|raw|string|form|multipart)');
  const m2 = method === undefined ? undefined : literalOf(method, lx);
  return h.http(
    // fail closed: a method not known statically
    method === undefined
      ? file !== undefined || body
        ? 'POST'
        : 'GET'
      : m2 && !m2.dynamic
        ? m2.value
        : 'DYNAMIC',
    [
      args[0] ?? '',
      ...(file !== undefined ? [`body=upload_file(${file})`] : body ? [`body=${body.join(',')}`] : []),
    ],
    lx,
    home,
    'r',
  );
}

export function morePatterns(h: Helpers): Record<'lua' | 'r' | 'julia' | 'go', Pattern[]> {
  return {
    lua: [
      ...luaHttpMore(h),
      { re: /\bos\.remove\s*\(/g, handle: h.rm },
      // LuaTeX's texlua adds `os.spawn(CMD)` and `os.exec(CMD)`
      {
        re: /\b(?:os\.execute|io\.popen|os\.spawn|os\.exec)\s*\(?/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      { re: /(?<![\w.])(?:load|loadstring|dofile)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
    ],
    r: [
      ...rGraphqlPatterns(h),
      // unlink() expands `~` and takes recursive = TRUE; file.remove, fs::dir_delete alike.
      { re: /\b(?:unlink|file\.remove|(?:fs::)?dir_delete|(?:fs::)?file_delete)\s*\(/g, handle: h.rm },
      { re: /\bsystem\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
      {
        re: /\bsystem2\s*\(/g,
        handle: (a, lx, home) => {
          const words = [a[0], ...rVector(a.find((x, i) => i > 0 && !/^\s*\w+\s*=/.test(x)))];
          return words[0] === undefined
            ? []
            : [{ kind: 'exec', argv: words.map((w) => h.valueOf(w, lx, home)) }];
        },
      },
      { re: /(?<![\w.])(?:eval|source)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
      // httr (`httr::DELETE(url)`, `POST(url, body = upload_file("q.json"))`, `VERB("DELETE", url)`)
      {
        re: /(?<![\w.$])(?:httr::)?(GET|POST|PUT|PATCH|DELETE|HEAD)\s*\(/g,
        handle: (a, lx, home, m) => httrCall(m[1], a, lx, home, h),
      },
      {
        re: /(?<![\w.$])(?:httr::)?VERB\s*\(/g,
        handle: (a, lx, home) => {
          const expr = rArg(a, 'verb', 0);
          const verb = literalOf(expr ?? '', lx);
          const rest = a.filter((x) => x !== expr && kwarg([x], 'verb') === undefined);
          return httrCall(verb && !verb.dynamic ? verb.value.toUpperCase() : 'DYNAMIC', rest, lx, home, h);
        },
      },
      {
        re: /(?<![\w.$])(?:httr2::)?request\s*\(/g,
        handle: (a, lx, home, m) => httr2Request(a, lx, home, m, h),
      },
    ],
    julia: [
      ...juliaHttpMore(h),
      // rm(path; recursive=true): the keyword arguments follow a `;`
      {
        re: /(?<![\w.])(?:rm|Base\.rm|Filesystem\.rm)\s*\(/g,
        handle: (a, lx, home, m) => h.rm([a[0]?.split(';')[0] ?? ''], lx, home, m),
      },
      { re: /(?<![\w.])(?:eval|include_string)\s*\(/g, handle: (a, lx) => h.code(a.at(-1), lx) },
    ],
    go: [
      ...goClientPatterns(h),
      ...kubePatterns(h).go,
      ...goGitPatterns(h),
      { re: /\bos\.(?:RemoveAll|Remove)\s*\(/g, handle: h.rm },
      {
        re: /\bexec\.Command(Context)?\s*\(/g,
        handle: (a, lx, home, m) => goArgv(a.slice(m[1] ? 1 : 0), lx, home, h),
      },
      // syscall.Exec(path, []string{…}, env), os.StartProcess(path, []string{…}, attr): argv[0] is the program's name
      {
        re: /\b(?:syscall\.Exec|os\.StartProcess)\s*\(/g,
        handle: (a, lx, home) => {
          const argv = goSlice(a[1]);
          // fail closed: an argv built at run time
          return argv
            ? goArgv([a[0], ...argv.slice(1)], lx, home, h)
            : [{ kind: 'dynamic', text: a[1] ?? '' }];
        },
      },
      {
        re: /\bhttp\.NewRequest(WithContext)?\s*\(/g,
        handle: (a, lx, home, m) => {
          const [method, url, body] = a.slice(m[1] ? 1 : 0);
          const b = goBody(body);
          return h.http(
            goMethod(method, lx),
            [url ?? '', ...(b !== undefined ? [`body=${b}`] : [])],
            lx,
            home,
            'go',
          );
        },
      },
      // http.Post(url, contentType, body), http.DefaultClient.Post, a client's own `c.Post(…)`
      {
        re: /(?<![\w.])(?:http\.(?:DefaultClient\.)?|([A-Za-z_]\w*)\.)(Get|Head|Post|PostForm)\s*\(/g,
        handle: (a, lx, home, m) => {
          if (m[1] && !/http\.Client\b/.test(lx.vars.get(m[1]) ?? '')) return [];
          const body = m[2] === 'Post' ? goBody(a[2]) : m[2] === 'PostForm' ? a[1] : undefined;
          const method = m[2] === 'PostForm' ? 'POST' : m[2].toUpperCase();
          return h.http(
            method,
            [a[0] ?? '', ...(body !== undefined ? [`body=${body}`] : [])],
            lx,
            home,
            'go',
          );
        },
      },
    ],
  };
}
