/**
 * Erlang code run by `erl -eval CODE` (also the shell reading stdin) and escript files the
 * script wrote (`escript del.erl`). The code is lexed into codelex.ts's literal-aware
 * skeleton (`%` comments, strings, quoted atoms, `<<"…">>` binaries as literals; `mod:fun(`
 * as `mod.fun(`, `++` as `+`) and read with the shared helpers: deletions (`file:delete`,
 * `file:del_dir`, `file:del_dir_r`), commands (`os:cmd`, `open_port({spawn, Cmd}, …)`,
 * `{spawn_executable, Path}` with `{args, […]}`), requests (`httpc:request(Method, {Url,
 * Headers[, ContentType, Body]}, …)`, hackney, ibrowse) and code evaluated (`erl_scan:string`
 * of a literal is read as Erlang; `erl_eval` of anything else is opaque). `os:getenv("HOME")`
 * is the home folder. Pure.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Erlang source as a skeleton with its literals (see codelex.ts); `vars` holds `Var = Expr` matches. */
export function lexErlang(src: string): Lexed {
  const lits: Lexed['lits'] = [];
  let skel = '';
  const push = (value: string) => {
    skel += `\u0001${lits.length}\u0002`;
    lits.push({ value, dynamic: false, command: false });
  };
  const unescape = (b: string) =>
    b.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', s: ' ' })[c] ?? c);
  for (let i = 0; i < src.length;) {
    const rest = src.slice(i);
    const m =
      /^%[^\n]*/.exec(rest) ??
      /^<<\s*"((?:[^"\\]|\\[\s\S])*)"(?:\/\w+)?\s*>>/.exec(rest) ??
      /^(?:~[a-z]?)?"((?:[^"\\]|\\[\s\S])*)"?/.exec(rest) ??
      /^'((?:[^'\\]|\\[\s\S])*)'?/.exec(rest) ??
      /^\$(?:\\.|[\s\S])/.exec(rest);
    if (m) {
      if (m[0].startsWith('%')) skel += ' ';
      else if (m[0].startsWith('$')) skel += '0';
      else push(unescape(m[1]));
      i += m[0].length;
    } else skel += src[i++];
  }
  skel = skel.replace(/\b([a-z]\w*):([a-z]\w*)(?=\s*[(/])/g, '$1.$2').replace(/\+\+/g, '+');
  return { skel, lits, vars: erlangVars(skel) };
}

/** `Var = Expr` matches (each variable bound once); variables in clause heads (before `->`) are not known. */
function erlangVars(skel: string): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  for (const m of skel.matchAll(/(?:^|[,;([{>\n]|\bbegin|\bof)\s*([A-Z_]\w*)\s*=(?![=:<>])/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let depth = 0;
    let end = start;
    for (; end < skel.length; end++) {
      const c = skel[end];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c) && depth-- === 0) break;
      else if (depth === 0 && (c === ',' || c === ';' || (c === '.' && /\s/.test(skel[end + 1] ?? ' '))))
        break;
    }
    const rhs = skel.slice(start, end).trim();
    const prev = vars.get(m[1]);
    vars.set(m[1], prev === undefined || prev === rhs ? rhs : null);
  }
  // fail closed: parameters and patterns of clauses may hold any value
  for (const head of skel.matchAll(/([^.;>]*?)->/g))
    for (const v of head[1].matchAll(/\b[A-Z_]\w*/g)) vars.set(v[0], null);
  return vars;
}

/** Elements of an Erlang list or tuple expression (`["-rf", D]`, `{Url, []}`); undefined = not one. */
function items(expr: string | undefined, open: '[' | '{'): string[] | undefined {
  const t = expr?.trim() ?? '';
  const close = open === '[' ? ']' : '}';
  if (!t.startsWith(open) || !t.endsWith(close)) return undefined;
  return callArgs(t.slice(1, -1) + ')', 0).args.filter((a) => a.trim() !== '');
}

/** The value of an expression: literals, the home folder, `A ++ B`, `filename:join(…)`, variables bound once. */
function erlValue(expr: string, lx: Lexed, home: string, h: Helpers, hops = 0): Field {
  const t = expr.trim();
  const v = /^[A-Z_]\w*$/.test(t) ? lx.vars.get(t) : undefined;
  if (v && hops < 8) return erlValue(v, lx, home, h, hops + 1);
  const parts = callArgs(t.replace(/\+/g, ',') + ')', 0).args;
  if (parts.length > 1 && !/^filename\./.test(t)) {
    const vs = parts.map((p) => erlValue(p, lx, home, h, hops + 1));
    return { text: vs.map((x) => x.text).join(''), dynamic: vs.some((x) => x.dynamic) };
  }
  const join = /^filename\.join\s*\(([\s\S]*)\)$/.exec(t);
  if (join) {
    const a = callArgs(join[1] + ')', 0).args;
    const vs = (a.length === 1 ? (items(a[0], '[') ?? a) : a).map((p) => erlValue(p, lx, home, h, hops + 1));
    return {
      text: vs
        .map((x) => x.text)
        .join('/')
        .replace(/\/+/g, '/'),
      dynamic: vs.some((x) => x.dynamic),
    };
  }
  const env = /^os\.getenv\s*\(\s*(\u0001\d+\u0002)\s*\)$/.exec(t);
  const name = env ? literalOf(env[1], lx)?.value : undefined;
  if (name && name !== 'HOME') return { text: `$${name}`, dynamic: true };
  return h.valueOf(t, lx, home);
}

/** An HTTP method from an atom (`delete`), a quoted atom or string, or a variable; 'DYNAMIC' when not known. */
function method(expr: string | undefined, lx: Lexed, home: string, h: Helpers): string {
  const t = expr?.trim() ?? '';
  if (/^[a-z]\w*$/.test(t)) return t.toUpperCase();
  const v = erlValue(t, lx, home, h);
  return v.dynamic ? 'DYNAMIC' : v.text.toUpperCase();
}

/** One request; headers from a list of `{Name, Value}` tuples. */
function request(
  m: string,
  url: string | undefined,
  headers: string | undefined,
  body: string | undefined,
  lx: Lexed,
  home: string,
  h: Helpers,
): Effect[] {
  const lines = (items(headers, '[') ?? []).flatMap((x) => {
    const kv = items(x, '{');
    return kv?.length === 2
      ? [`${erlValue(kv[0], lx, home, h).text}: ${erlValue(kv[1], lx, home, h).text}`]
      : [];
  });
  const u = erlValue(url ?? '', lx, home, h);
  const b = body === undefined || /^\s*(<<\s*>>|\[\s*\])\s*$/.test(body) ? undefined : body;
  return h
    .http(m, ['', ...(b !== undefined ? [`body: ${b}`] : [])], lx, home, 'erlang')
    .map((e) => ({ ...e, url: u, ...(lines.length ? { headers: lines } : {}) }));
}

export function erlangPatterns(h: Helpers): Record<'erlang', Pattern[]> {
  const value = (e: string | undefined, lx: Lexed, home: string) => erlValue(e ?? '', lx, home, h);
  const shell = (s: Field): Effect =>
    // fail closed: a command line not known statically
    s.dynamic ? { kind: 'dynamic', text: s.text } : { kind: 'shell', script: s };
  return {
    erlang: [
      {
        re: /\bfile\.(?:delete|del_dir_r|del_dir)\s*\(/g,
        handle: (a, lx, home) => (a[0] ? [{ kind: 'rm', target: value(a[0], lx, home) }] : []),
      },
      { re: /\bos\.cmd\s*\(/g, handle: (a, lx, home) => [shell(value(a[0], lx, home))] },
      {
        re: /(?<![\w.])(?:erlang\.)?open_port\s*\(/g,
        handle: (a, lx, home) => {
          const [kind, what] = items(a[0], '{') ?? [];
          if (kind?.trim() === 'spawn') return [shell(value(what, lx, home))];
          if (kind?.trim() !== 'spawn_executable') return [];
          const opt = (items(a[1], '[') ?? [])
            .map((o) => items(o, '{'))
            .find((o) => o?.[0].trim() === 'args');
          const rest = opt ? items(opt[1], '[') : [];
          // fail closed: arguments built at run time
          if (!rest) return [{ kind: 'dynamic', text: opt?.[1] ?? '' }];
          return [{ kind: 'exec', argv: [what, ...rest].map((x) => value(x, lx, home)) }];
        },
      },
      {
        re: /\bhttpc\.request\s*\(/g,
        handle: (a, lx, home) => {
          if (a.length <= 2) return request('GET', a[0], undefined, undefined, lx, home, h);
          const [url, headers, , body] = items(a[1], '{') ?? [a[1]];
          return request(method(a[0], lx, home, h), url, headers, body, lx, home, h);
        },
      },
      {
        re: /\bhackney\.(request|get|post|put|patch|delete|head)\s*\(/g,
        handle: (a, lx, home, m) => {
          const args = m[1] === 'request' ? a.slice(1) : a;
          const verb = m[1] === 'request' ? method(a[0], lx, home, h) : m[1].toUpperCase();
          return request(verb, args[0], args[1], args[2], lx, home, h);
        },
      },
      {
        re: /\bibrowse\.send_req\s*\(/g,
        handle: (a, lx, home) => request(method(a[2], lx, home, h), a[0], a[1], a[3], lx, home, h),
      },
      // `erl_scan:string("…")` of a literal is the code `erl_eval` runs; evaluating anything else is opaque
      { re: /\berl_scan\.string\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
      {
        re: /\berl_eval\.\w+\s*\(|\bfile\.(?:eval|script)\s*\(/g,
        handle: (a, lx, home, m) =>
          m[0].startsWith('file')
            ? value(a[0], lx, home).dynamic
              ? [{ kind: 'dynamic', text: m[0] }]
              : []
            : /\berl_scan\.string\s*\(\s*\u0001/.test(lx.skel)
              ? []
              : [{ kind: 'dynamic', text: m[0] }],
      },
    ],
  };
}
