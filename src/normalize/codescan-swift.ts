/**
 * Swift (`swift FILE.swift`, `swift -` and stdin; `swift run|test` of a package the script
 * wrote: project-code.ts; programs `swiftc` or `swift build` made from files it wrote:
 * compiled.ts): where the code is (swiftArgs) and what it does (swiftPatterns):
 * - FileManager removals (`removeItem(atPath: P)`, `removeItem(at: URL)`), the path read through
 *   its values (swift-values.ts: `URL(fileURLWithPath:)`, `appendingPathComponent`,
 *   `NSHomeDirectory()`, `homeDirectoryForCurrentUser`, `environment["HOME"]`, `~` expanded);
 * - processes: a `Process()` with its `executableURL`/`launchPath` and `arguments`,
 *   `Process.run(URL, arguments:)`, `Process.launchedProcess(launchPath:arguments:)`, libc's
 *   `system(CMD)` / `popen(CMD, MODE)` (and `unlink`/`rmdir`/`remove(PATH)`), ShellOut's
 *   `shellOut(to: CMD, arguments: […])`, SwiftShell's `run(bash: CMD)` / `runAndPrint(PROG, ARGS…)`;
 * - HTTP: the `URLRequest(url:)` a variable holds, with its `httpMethod`, `httpBody` and
 *   headers (`setValue(V, forHTTPHeaderField: K)`), and Alamofire's `AF.request(URL, method:
 *   .delete, parameters: …)`; a Swift dictionary body (`["query": "mutation …"]`) reads as JSON.
 * Values not known statically stay dynamic (fail closed: asked).
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';
import { exprAt, swiftArgv, swiftBody, swiftValue, unlabel } from './swift-values.js';

/** Options of the `swift` driver that take the next word as their value. */
const VALUE_OPTS =
  /^(-D|-I|-L|-l|-F|-module-name|-sdk|-target|-swift-version|-Xcc|-Xlinker|-Xfrontend|-Xswiftc|-j|-resource-dir|-module-cache-path|-enable-upcoming-feature|-enable-experimental-feature|--package-path|--scratch-path)$/;

/** `swift FILE [ARGS]`, `swift sh FILE`, `swift-sh FILE`, `swift -`, code on stdin; the package subcommands run no script read here (project-code.ts reads run/test). */
export function swiftArgs(argv: Field[]): CodeArgs {
  const sub = argv[1]?.text ?? '';
  if (/^(run|test|build|package|sdk|format|help|-h|--help|--version|-version)$/.test(sub))
    return { label: `swift ${sub}`, none: true };
  if (sub === 'repl') return { label: 'swift repl' };
  // swift-sh's `swift sh FILE`
  for (let i = sub === 'sh' ? 2 : 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-') return { label: 'swift -' };
    if (VALUE_OPTS.test(t)) i++;
    else if (!t.startsWith('-')) return { file: argv[i], label: `swift ${t}` };
  }
  return { label: 'swift stdin' };
}

/** The right-hand sides of `NAME.PROP = …` in the code (any of `props`), in order. */
function settings(lx: Lexed, name: string, props: string): { prop: string; expr: string }[] {
  const re = new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*(${props})\\s*=(?!=)\\s*`, 'g');
  return [...lx.skel.matchAll(re)].map((m) => ({ prop: m[1], expr: exprAt(lx.skel, m.index + m[0].length) }));
}

/** The name a constructor call at `at` is assigned to (`let p = Process()`); undefined = not assigned. */
function assignedName(skel: string, at: number): string | undefined {
  return /(?:^|[\s;{(])(?:let|var)\s+([A-Za-z_]\w*)\s*=\s*$|(?:^|[\s;{(])([A-Za-z_]\w*)\s*=\s*$/
    .exec(skel.slice(Math.max(0, at - 200), at))
    ?.slice(1)
    .find((g) => g !== undefined);
}

/** HTTP verbs as the code may spell them in a string. */
const VERB = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/i;

/**
 * The methods a request may be sent with: the one known statically (`"DELETE"`, `.delete`,
 * `HTTPMethod.delete`, a variable holding one); for one passed in (a function's parameter), each
 * verb the code spells in a string, as it is where the value comes from; UNKNOWN when it spells
 * none (fail closed: asked).
 */
function methodsOf(expr: string | undefined, lx: Lexed, value: (e: string) => Field): string[] {
  if (expr === undefined) return ['GET'];
  const t = expr.trim().replace(/!$/, '');
  const c = /^(?:(?:Alamofire\.)?HTTPMethod)?\.(\w+)$/.exec(t);
  if (c) return [c[1].toUpperCase()];
  const raw = /^(?:(?:Alamofire\.)?HTTPMethod)?\.?(?:init)?\(\s*rawValue\s*:\s*([\s\S]*)\)$/.exec(t);
  const v = value(raw ? raw[1] : t);
  if (!v.dynamic) return [v.text.toUpperCase()];
  const spelled = new Set(
    lx.lits.filter((l) => !l.dynamic && VERB.test(l.value)).map((l) => l.value.toUpperCase()),
  );
  // fail closed: a method not known statically
  return spelled.size ? [...spelled] : ['UNKNOWN'];
}

export function swiftPatterns(h: Helpers): Pattern[] {
  const value = (e: string, lx: Lexed, home: string) => swiftValue(e, lx, home, h);
  /** One request: the method, URL expression, body expression and headers. */
  const request = (
    method: string,
    url: string | undefined,
    body: string | undefined,
    headers: string[],
    lx: Lexed,
    home: string,
  ): Effect[] => {
    const target: Field = url === undefined ? { text: '(url)', dynamic: true } : value(url, lx, home);
    const b = body === undefined ? undefined : swiftBody(body, lx);
    return h
      .http(method, ['__URL__', ...(b !== undefined ? [`body=${b}`] : [])], lx, home, 'swift')
      .map((e) => (e.kind === 'http' ? { ...e, url: target, ...(headers.length ? { headers } : {}) } : e));
  };
  return [
    {
      re: /\.\s*removeItem\s*\(/g,
      handle: (a, lx, home) =>
        a[0] === undefined ? [] : [{ kind: 'rm', target: value(unlabel(a[0]), lx, home) }],
    },
    {
      // let p = Process(); p.executableURL = URL(fileURLWithPath: "/bin/rm"); p.arguments = [...]
      re: /\b(?:Foundation\.)?(?:Process|NSTask)\s*(?:\.init)?\s*\(\s*\)/g,
      handle: (_a, lx, home, m): Effect[] => {
        const name = assignedName(lx.skel, m.index);
        if (!name) return [];
        const exe = settings(lx, name, 'executableURL|launchPath').at(-1);
        if (!exe) return [];
        const args = settings(lx, name, 'arguments').at(-1);
        return [{ kind: 'exec', argv: [value(exe.expr, lx, home), ...swiftArgv(args?.expr, lx, home, h)] }];
      },
    },
    {
      re: /\b(?:Process|NSTask)\s*\.\s*(?:run|launchedProcess)\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        if (a[0] === undefined) return [];
        const args = a.find((x) => /^\s*arguments\s*:/.test(x));
        return [
          {
            kind: 'exec',
            argv: [value(unlabel(a[0]), lx, home), ...swiftArgv(args && unlabel(args), lx, home, h)],
          },
        ];
      },
    },
    {
      re: /(?<![\w.])(?:system|popen)\s*\(/g,
      handle: (a, lx, home) => h.command(a[0], lx, home),
    },
    // libc's removals
    {
      re: /(?<![\w.])(?:unlink|rmdir|remove)\s*\(/g,
      // a labelled argument is a Swift method's (`remove(at: 0)` inside an Array extension), not libc's
      handle: (a, lx, home) =>
        a[0] === undefined || /^\s*[A-Za-z_]\w*\s*:/.test(a[0])
          ? []
          : [{ kind: 'rm', target: value(a[0], lx, home) }],
    },
    {
      // ShellOut: `shellOut(to: CMD, arguments: [ARGS])`, `shellOut(to: [CMD, CMD])` run through bash
      re: /(?<![\w.])shellOut\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        if (a[0] === undefined) return [];
        const args = a.find((x) => /^\s*arguments\s*:/.test(x));
        const first = unlabel(a[0]);
        const cmds = /^\s*\[/.test(first) ? swiftArgv(first, lx, home, h) : [value(first, lx, home)];
        const words = [...cmds.slice(0, 1), ...swiftArgv(args && unlabel(args), lx, home, h)];
        const line = [...words, ...cmds.slice(1).map((c) => ({ ...c, text: `&& ${c.text}` }))];
        // fail closed: a command known only at run time
        if (line.some((w) => w.dynamic))
          return [{ kind: 'dynamic', text: line.map((w) => w.text).join(' ') }];
        return [{ kind: 'shell', script: { text: line.map((w) => w.text).join(' '), dynamic: false } }];
      },
    },
    {
      // SwiftShell: `run(bash: CMD)`, `runAndPrint("rm", "-rf", p)`
      re: /(?<![\w.])(?:run|runAndPrint|runAsync|runAsyncAndPrint)\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        if (!/\bimport\s+SwiftShell\b/.test(lx.skel) || a[0] === undefined) return [];
        if (/^\s*bash\s*:/.test(a[0])) return h.command(unlabel(a[0]), lx, home);
        return [{ kind: 'exec', argv: a.filter((x) => x.trim() !== '').map((x) => value(x, lx, home)) }];
      },
    },
    {
      re: /\b(?:NS(?:Mutable)?)?URLRequest\s*\(/g,
      handle: (a, lx, home, m): Effect[] => {
        const url = a.find((x) => /^\s*url\s*:/.test(x));
        const name = assignedName(lx.skel, m.index);
        if (!name) return request('GET', url && unlabel(url), undefined, [], lx, home);
        const method = settings(lx, name, 'httpMethod|HTTPMethod').at(-1)?.expr;
        const body = settings(lx, name, 'httpBody|HTTPBody').at(-1)?.expr;
        const headers: string[] = [];
        const set = new RegExp(`(?<![\\w.])${name}\\s*\\.\\s*(?:setValue|addValue)\\s*\\(`, 'g');
        for (const s of lx.skel.matchAll(set)) {
          const [v, k] = callArgs(lx.skel, s.index + s[0].length).args;
          const key = k === undefined ? undefined : literalOf(unlabel(k), lx);
          const val = v === undefined ? undefined : literalOf(v, lx);
          if (key && !key.dynamic && val && !val.dynamic) headers.push(`${key.value}: ${val.value}`);
        }
        return methodsOf(method, lx, (e) => value(e, lx, home)).flatMap((v) =>
          request(v, url && unlabel(url), body, headers, lx, home),
        );
      },
    },
    {
      // Alamofire: AF.request(URL, method: .delete, parameters: […], encoding: JSONEncoding.default)
      re: /\b(?:AF|Alamofire|Session\s*\.\s*default|[a-z]\w*[Ss]ession)\s*\.\s*request\s*\(/g,
      handle: (a, lx, home): Effect[] => {
        if (a[0] === undefined) return [];
        // a URLRequest the code built is read where it is built
        const held = /^\s*([A-Za-z_]\w*)\s*$/.exec(a[0]);
        if (held && /^\s*(?:NS(?:Mutable)?)?URLRequest\s*\(/.test(lx.vars.get(held[1]) ?? '')) return [];
        const method = a.find((x) => /^\s*method\s*:/.test(x));
        const params = a.find((x) => /^\s*parameters\s*:/.test(x));
        return methodsOf(method && unlabel(method), lx, (e) => value(e, lx, home)).flatMap((v) =>
          request(v, a[0], params && unlabel(params), [], lx, home),
        );
      },
    },
  ];
}
