/**
 * Call patterns of the JVM scripting languages (`groovy -e`, `kotlin -e`, `scala -e`, `amm -c`,
 * jshell on stdin) and Rust (`rust-script -e`); Elixir's are in codescan-elixir.ts. What they
 * read is the same as for the other languages (codescan.ts): calls that delete files
 * (`new File(p).deleteDir()`, `std::fs::remove_dir_all`), run a command through a shell or as
 * an argv (`"…".execute()`, `ProcessBuilder`, Scala's `"…".!` and `Seq(…).!`,
 * `Command::new(…).args(…)`), send HTTP requests
 * (`URL.openConnection()` with its `requestMethod`, java.net.http; requests-scala and sttp:
 * codescan-scala-http.ts; reqwest and ureq: codescan-rust-http.ts), and evaluate code not readable statically (`Eval.me`,
 * `GroovyShell.evaluate`). The list and method readers are shared with codescan-elixir.ts.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import { jvmGitLibraryPatterns } from './codescan-gitlib-jvm.js';
import { rustHttpPatterns } from './codescan-rust-http.js';
import { scalaHttpPatterns } from './codescan-scala-http.js';
import { rustGitPatterns } from './codescan-gitlib-compiled.js';
import { jenkinsPatterns } from './codescan-jenkins.js';

/** The elements of a list literal (`["-rf", p]`, `&["-rf", p]`, `vec![…]`, `listOf(…)`, `List(…)`); undefined = not one. */
export function listItems(expr: string | undefined): string[] | undefined {
  const m =
    expr === undefined
      ? null
      : /^\s*&?(?:vec!|listOf|arrayOf|List|Seq|Arrays\.asList|List\.of)?\s*[[(]([\s\S]*)[\])]\s*$/.exec(expr);
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : undefined;
}

/** An argv of expressions; a list not known statically fails closed as a dynamic word. */
export function argvOf(items: string[], lx: Lexed, home: string, h: Helpers): Effect[] {
  return items.length ? [{ kind: 'exec', argv: items.map((a) => h.valueOf(a, lx, home)) }] : [];
}

/** The method a call names, from an Elixir atom (`:delete`) or a literal (`"DELETE"`); 'DYNAMIC' when not known. */
export function methodOf(expr: string | undefined, lx: Lexed): string {
  const atom = /^\s*:(\w+)\s*$/.exec(expr ?? '');
  if (atom) return atom[1].toUpperCase();
  const l = literalOf(expr ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** The expression a method chain is called on, ending just before `at` (`new File(x)`, `f`); '' = none. */
function receiver(skel: string, at: number): string {
  const before = skel.slice(0, at);
  const lit = /\u0001\d+\u0002$/.exec(before);
  if (lit) return lit[0];
  if (before.endsWith(')') || before.endsWith(']')) {
    let depth = 0;
    let i = before.length - 1;
    for (; i >= 0; i--) {
      if (before[i] === ')' || before[i] === ']') depth++;
      else if ((before[i] === '(' || before[i] === '[') && --depth === 0) break;
    }
    const head = /(?:\bnew\s+)?[\w.:]*\s*$/.exec(before.slice(0, i));
    return before.slice(i - (head?.[0].length ?? 0));
  }
  return /[A-Za-z_][\w.]*$/.exec(before)?.[0] ?? '';
}

/** The path a JVM File expression names (`new File(p)`, `File(p)`, `Paths.get(p)`, a variable assigned one). */
function fileArg(expr: string, lx: Lexed, hops = 0): string | undefined {
  const m = /^(?:new\s+)?(?:java\.io\.)?(?:File|Paths\.get|Path\.of)\s*\(([\s\S]*)\)$/.exec(expr.trim());
  if (m) return callArgs(m[1] + ')', 0).args[0];
  const v = /^[A-Za-z_]\w*$/.test(expr.trim()) ? lx.vars.get(expr.trim()) : undefined;
  return v && hops < 4 ? fileArg(v.replace(/^(?:def|val|var|File)\s+/, ''), lx, hops + 1) : undefined;
}

/**
 * The body a java.net.http BodyPublisher sends, as an expression httpCall reads: a file's
 * content (`ofFile(Path.of(f))` → `File(f)`), a string (`ofString(x)` → `x`); undefined = none
 * (`noBody()`, no argument). Any other publisher is returned as it is (an unknown body).
 */
function publisherBody(expr: string | undefined): string | undefined {
  const t = expr?.trim();
  if (!t || /\bnoBody\s*\(\s*\)$/.test(t)) return undefined;
  const file = /\bofFile\s*\(([\s\S]*)\)$/.exec(t);
  if (file) {
    const p = /^(?:Path\.of|Paths\.get|new\s+File|File)\s*\(([\s\S]*)\)$/.exec(file[1].trim());
    return p ? `File(${callArgs(p[1] + ')', 0).args[0] ?? ''})` : t;
  }
  return /\bofString\s*\(([\s\S]*)\)$/.exec(t)?.[1] ?? t;
}

/**
 * The command a scala.sys.process receiver runs: a string (split on spaces by Scala, read as a
 * command line), a `Seq(…)`/`List(…)` argv, `Process(x)` of either, or a variable holding one.
 * `.run()` on anything else is not a process (nothing read); a `.!` on an expression not
 * known statically runs a command not known (fail closed: dynamic).
 */
function scalaProcess(expr: string, lx: Lexed, home: string, h: Helpers, bang: boolean, hops = 0): Effect[] {
  const t = expr.trim();
  const items = listItems(t);
  if (items) return argvOf(items, lx, home, h);
  if (literalOf(t, lx)) return h.command(t, lx, home);
  const proc = /^(?:scala\.sys\.process\.)?Process\s*\(([\s\S]*)\)$/.exec(t);
  if (proc) return scalaProcess(callArgs(proc[1] + ')', 0).args[0] ?? '', lx, home, h, true, hops + 1);
  const v = /^[A-Za-z_]\w*$/.test(t) ? lx.vars.get(t) : undefined;
  if (v && hops < 4) return scalaProcess(v.replace(/^(?:val|var|def)\s+/, ''), lx, home, h, bang, hops + 1);
  return bang ? [{ kind: 'dynamic', text: t }] : [];
}

export function vmPatterns(h: Helpers): Record<'jvm' | 'rust', Pattern[]> {
  const http = (m: string | undefined, args: string[], lx: Lexed, home: string, lang: 'jvm' | 'rust') =>
    h.http(m, args, lx, home, lang);
  return {
    jvm: [
      ...jenkinsPatterns(h), // the Jenkins API's deletes and secret reads
      // new File(p).deleteDir(), f.delete(), File(p).deleteRecursively()
      {
        re: /\.(?:deleteDir|deleteRecursively|delete|deleteOnExit)\s*\(\s*\)/g,
        handle: (_a, lx, home, m) => {
          const p = fileArg(receiver(lx.skel, m.index), lx);
          return p === undefined ? [] : h.rm([p], lx, home, m);
        },
      },
      {
        re: /\bFiles\.(?:delete|deleteIfExists)\s*\(|\bFileUtils\.(?:deleteDirectory|forceDelete|deleteQuietly|cleanDirectory)\s*\(/g,
        handle: (a, lx, home, m) => {
          const p = fileArg(a[0] ?? '', lx);
          return p === undefined ? [{ kind: 'dynamic', text: a[0] ?? '' }] : h.rm([p], lx, home, m);
        },
      },
      // "rm -rf x".execute(), ["rm", "-rf", x].execute()
      {
        re: /\.execute\s*\(\s*\)/g,
        handle: (_a, lx, home, m) => {
          const r = receiver(lx.skel, m.index);
          const items = listItems(r);
          if (items) return argvOf(items, lx, home, h);
          return literalOf(r, lx) ? h.command(r, lx, home) : [];
        },
      },
      {
        re: /\bRuntime\.getRuntime\(\)\.exec\s*\(/g,
        handle: (a, lx, home) => {
          const items = listItems(a[0]);
          return items ? argvOf(items, lx, home, h) : h.command(a[0], lx, home);
        },
      },
      {
        re: /\bProcessBuilder\s*\(/g,
        handle: (a, lx, home) => argvOf(a.length === 1 ? (listItems(a[0]) ?? a) : a, lx, home, h),
      },
      // new URL(u).openConnection() with `requestMethod = "DELETE"` / setRequestMethod("DELETE")
      {
        re: /\bURL\s*\(([^()]*(?:\([^()]*\))?[^()]*)\)\s*\.openConnection\s*\(/g,
        handle: (_a, lx, home, m) => {
          const set = /\b(?:requestMethod\s*=|setRequestMethod\s*\()\s*(\u0001\d+\u0002)/.exec(lx.skel);
          const method = set
            ? methodOf(set[1], lx)
            : /\b(?:doOutput\s*=\s*true|setDoOutput\s*\(\s*true)/.test(lx.skel)
              ? 'POST'
              : 'GET';
          return http(method, [m[1]], lx, home, 'jvm');
        },
      },
      // HttpRequest.newBuilder(URI.create(u)).DELETE() / .method("DELETE", …) / .POST(…)
      {
        re: /\bHttpRequest\.newBuilder\s*\(/g,
        handle: (a, lx, home, m) => {
          const rest = lx.skel.slice(m.index);
          // the builder chain, continued on lines that start with `.`
          const stmt = rest.slice(0, rest.search(/;|\n(?!\s*\.)|$/));
          const uri = /URI\.create\s*\(([^()]*)\)/.exec(stmt)?.[1] ?? a[0] ?? '';
          const verb = /\.(DELETE|POST|PUT|GET)\s*\(/.exec(stmt);
          const named = /\.method\s*\(\s*(\u0001\d+\u0002)/.exec(stmt);
          const method = verb?.[1] ?? (named ? methodOf(named[1], lx) : 'GET');
          const sent = verb ?? named;
          const args = sent ? callArgs(stmt, (sent.index ?? 0) + sent[0].length).args : [];
          const body = publisherBody(verb ? args[0] : args[1]);
          return http(method, [uri, ...(body !== undefined ? [`body: ${body}`] : [])], lx, home, 'jvm');
        },
      },
      // Files.walk(root)…forEach(p -> p.toFile().delete()) / .forEach(Files::delete): the tree at root
      {
        re: /\bFiles\.walk(?:FileTree)?\s*\(/g,
        handle: (a, lx, home, m) => {
          const rest = lx.skel.slice(m.index, m.index + 2000);
          if (!/\.delete\s*\(\s*\)|Files::delete|\bFiles\.delete(?:IfExists)?\s*\(/.test(rest)) return [];
          const p = fileArg(a[0] ?? '', lx);
          // fail closed: a walked tree whose root is not known
          return p === undefined ? [{ kind: 'dynamic', text: a[0] ?? '' }] : h.rm([p], lx, home, m);
        },
      },
      // OkHttp: new Request.Builder().url(u).delete() / .post(body) / .put(body) / .patch(body)
      {
        re: /\bRequest\.Builder\s*\(\s*\)/g,
        handle: (_a, lx, home, m) => {
          const rest = lx.skel.slice(m.index);
          const stmt = rest.slice(0, rest.search(/;|$/));
          const url = /\.url\s*\(/.exec(stmt);
          if (!url) return [];
          const verb = /\.(delete|post|put|patch|head)\s*\(/.exec(stmt);
          const method = verb ? verb[1].toUpperCase() : 'GET';
          const body = verb ? callArgs(stmt, verb.index + verb[0].length).args[0] : undefined;
          const u = callArgs(stmt, url.index + url[0].length).args[0] ?? '';
          return http(method, [u, ...(body ? [`body: ${body}`] : [])], lx, home, 'jvm');
        },
      },
      // scala.sys.process: "rm -rf x".!, Seq("rm", "-rf", x).!!, Process("…").run(), "cmd".lazyLines
      {
        re: /\.(?:!!?|lazyLines|lineStream|run\s*\(\s*\))(?![\w!=])/g,
        handle: (_a, lx, home, m) =>
          scalaProcess(receiver(lx.skel, m.index), lx, home, h, !m[0].startsWith('.run')),
      },
      // Scala's os-lib: os.remove.all(path), os.remove(path), os.proc(cmd…).call()
      { re: /\bos\.remove(?:\.all)?\s*\(/g, handle: h.rm },
      {
        re: /\bos\.proc\s*\(/g,
        handle: (a, lx, home) => argvOf(a.length === 1 ? (listItems(a[0]) ?? a) : a, lx, home, h),
      },
      { re: /\bEval\.(?:me|x|xy|xyz)\s*\(|\.evaluate\s*\(/g, handle: (a, lx) => h.code(a.at(-1), lx) },
      ...jvmGitLibraryPatterns(h),
      ...scalaHttpPatterns(h), // requests-scala, sttp
    ],
    rust: [
      { re: /\b(?:std::)?(?:fs::)?(?:remove_dir_all|remove_file|remove_dir)\s*\(/g, handle: h.rm },
      {
        re: /\bCommand::new\s*\(/g,
        handle: (a, lx, home, m) => {
          const { end } = callArgs(lx.skel, m.index + m[0].length);
          const items = [a[0] ?? ''];
          // the chain's `.arg(x)` and `.args([…])` up to the end of the statement
          const rest = lx.skel.slice(end + 1);
          const stop = rest.search(/;|\n/);
          for (const c of (stop < 0 ? rest : rest.slice(0, stop)).matchAll(/\.(args?)\s*\(/g)) {
            const v = callArgs(rest, (c.index ?? 0) + c[0].length).args;
            if (c[1] === 'arg') items.push(v[0] ?? '');
            else {
              const list = listItems(v[0]);
              // fail closed: arguments built at run time
              if (!list) return [{ kind: 'dynamic', text: v[0] ?? '' }];
              items.push(...list);
            }
          }
          return argvOf(items, lx, home, h);
        },
      },
      ...rustHttpPatterns(h),
      ...rustGitPatterns(h),
    ],
  };
}
