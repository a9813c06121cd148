/**
 * Clojure code run by babashka (`bb -e CODE`, `bb '(…)'`, `bb FILE.clj` written by the script,
 * code on stdin) and by the Clojure CLI (`clojure -M -e CODE`, `clj -M FILE.clj`), read as
 * S-expressions with codescan-scheme.ts's reader after a pre-pass (maps, vectors and sets as
 * `(hash-map …)`, `(vector …)`, `(hash-set …)`; commas as whitespace). Names are resolved through
 * `require` / `ns` (`:as` aliases, `:refer`; clojure-names.ts): deletions (babashka.fs `delete-tree` / `delete` /
 * `delete-if-exists`, clojure.java.io `delete-file`, `.delete` of a File, `Files/delete`),
 * commands (clojure.java.shell `sh`, babashka.process `shell` / `process` / `exec`,
 * `Runtime.exec`, `ProcessBuilder.`), requests (babashka.http-client, clj-http, http-kit,
 * babashka.curl, hato: get/post/put/patch/delete/head and `request` with `:headers` and
 * `:body`), and code evaluated (`load-string`, `eval` of what is not a quoted form).
 * `(System/getProperty "user.home")`, `(System/getenv "HOME")` and `(fs/home)` are the home
 * folder. ClojureScript on Node (nbb) and Joker calls: codescan-clojure-hosts.ts. A value not
 * known statically stays dynamic. Pure.
 */
import { readForms, type Node } from './sexp-reader.js';
import { ClojureNames, clojureToScheme, isList, isVec, show, sym } from './clojure-names.js';
import type { Effect } from './codescan.js';
import type { HttpEffect } from './codescan-http.js';
import { lit, type Field } from './state.js';
import { hostCall, hostEffectful } from './codescan-clojure-hosts.js';

const HTTP_NS =
  /^(babashka\.http-client|clj-http\.(?:lite\.)?client|org\.httpkit\.client|babashka\.curl|hato\.client)$/;
const PROCESS_NS = /^(babashka\.process|babashka\.tasks)$/;
const DELETE =
  /^(babashka\.fs\/(delete|delete-tree|delete-if-exists|delete-on-exit)|clojure\.java\.io\/delete-file|me\.raynes\.fs\/(delete|delete-dir)|(java\.nio\.file\.)?Files\/(delete|deleteIfExists)|\.delete|\.deleteOnExit)$/;
const HIGHER = /^clojure\.core\/(run!|map|mapv|pmap|apply|doall|keep|filterv|mapcat)$/;

class ClojureScan {
  readonly effects: Effect[] = [];
  private readonly names: ClojureNames;

  constructor(
    private readonly home: string,
    forms: Node[],
  ) {
    this.names = new ClojureNames(forms, (fn) => this.effectful(fn));
  }

  private fnName(n: Node | undefined): string {
    return this.names.fnName(n);
  }

  resolve(n: Node | undefined): Node | undefined {
    return this.names.resolve(n);
  }

  value(n: Node | undefined): Field {
    const r = this.resolve(n);
    if (!r) return { text: '', dynamic: true };
    if (r.t === 'str') return lit(r.v);
    if (r.t === 'sym') {
      if (/^-?\d+$/.test(r.v) || r.v === 'nil') return lit(r.v === 'nil' ? '' : r.v);
      return r.v.startsWith(':') ? lit(r.v.slice(1)) : { text: r.v, dynamic: true };
    }
    const fn = this.fnName(r.items[0]);
    const args = r.items.slice(1);
    const all = (sep: string): Field => {
      const vs = args.map((a) => this.value(a));
      const text = vs.map((v) => v.text).join(sep);
      return { text: sep ? text.replace(/\/+/g, '/') : text, dynamic: vs.some((v) => v.dynamic) };
    };
    const one = this.value(args[0]);
    if (fn === 'System/getProperty' && one.text === 'user.home') return lit(this.home);
    if (fn === 'System/getenv' && one.text === 'HOME') return lit(this.home);
    if (fn === 'System/getenv' && !one.dynamic) return { text: `$${one.text}`, dynamic: true };
    if (fn === 'babashka.fs/home') return lit(this.home);
    if (fn === 'clojure.core/str') return all('');
    if (
      /^(babashka\.fs\/(path|file)|clojure\.java\.io\/file|(java\.io\.)?File\.|(java\.nio\.file\.)?(Paths\/get|Path\/of))$/.test(
        fn,
      )
    )
      return all('/');
    if (
      /^(babashka\.fs\/(expand-home|absolutize|canonicalize|normalize)|\.getPath|\.toString|\.getAbsolutePath|\.toFile)$/.test(
        fn,
      )
    )
      return /^~(\/|$)/.test(one.text) ? { ...one, text: this.home + one.text.slice(1) } : one;
    return { text: show(r), dynamic: true };
  }

  /** Elements of a vector / list expression (`["rm" "-rf" x]`, `'(…)`, `(list …)`, `(vector …)`); undefined = not known. */
  elements(n: Node | undefined): Node[] | undefined {
    const r = this.resolve(n);
    if (!isList(r)) return undefined;
    const head = sym(r.items[0]);
    if (head === 'quote' && isList(r.items[1]))
      return isVec(r.items[1]) ? r.items[1].items.slice(1) : r.items[1].items;
    if (/^(list|vector)$/.test(head)) return r.items.slice(1);
    if (head === 'into-array') return this.elements(r.items[r.items.length - 1]);
    return undefined;
  }

  /** A map's value for a keyword (`(hash-map :body "…")`); undefined = absent or not a map. */
  get(map: Node | undefined, key: string): Node | undefined {
    const r = this.resolve(map);
    if (!isList(r) || sym(r.items[0]) !== 'hash-map') return undefined;
    for (let i = 1; i < r.items.length; i += 2) if (sym(r.items[i]) === key) return r.items[i + 1];
    return undefined;
  }

  walk(n: Node, depth = 0): void {
    if (!isList(n) || depth > 64) return;
    const [h, ...args] = n.items;
    const fn = this.fnName(h);
    // the names a `require` / `ns` form lists are declarations, not values passed
    if (/^clojure\.core\/(require|use|ns|import)$/.test(fn)) return;
    if (HIGHER.test(fn)) this.higher(fn, args);
    else if (fn && !/^clojure\.core\/(quote|ns|require|def|defn|fn)$/.test(fn)) this.call(fn, args, n);
    n.items.forEach((x, i) => {
      // fail closed: a deleting, running or sending function passed as a value may be called with anything
      const passed = (i === 1 && HIGHER.test(fn)) || (i === 2 && fn === 'clojure.core/def');
      if (i > 0 && x.t === 'sym' && !x.v.startsWith(':') && this.effectful(this.fnName(x)) && !passed)
        this.effects.push({ kind: 'dynamic', text: show(n) });
      this.walk(x, depth + 1);
    });
  }

  private effectful(fn: string): boolean {
    const [ns, name] = [fn.slice(0, fn.lastIndexOf('/')), fn.slice(fn.lastIndexOf('/') + 1)];
    return (
      DELETE.test(fn) ||
      hostEffectful(fn) ||
      (HTTP_NS.test(ns) && /^(get|post|put|patch|delete|head|request)$/.test(name)) ||
      (PROCESS_NS.test(ns) && /^(shell|process|sh|exec)$/.test(name)) ||
      fn === 'clojure.java.shell/sh' ||
      /^clojure\.core\/(load-string|eval)$/.test(fn)
    );
  }

  /** `(run! f coll)`, `(map f coll)`, `(apply f a … coll)`. */
  private higher(fn: string, args: Node[]): void {
    const f = this.fnName(args[0]);
    if (!this.effectful(f)) return;
    const list = this.elements(args[args.length - 1]);
    // fail closed: the arguments are not known
    if (!list) return void this.effects.push({ kind: 'dynamic', text: `${fn} ${f}` });
    if (fn.endsWith('/apply')) this.call(f, [...args.slice(1, -1), ...list], undefined);
    else for (const x of list) this.call(f, [x], undefined);
  }

  private call(fn: string, args: Node[], form: Node | undefined): void {
    const [ns, name] = [fn.slice(0, fn.lastIndexOf('/')), fn.slice(fn.lastIndexOf('/') + 1)];
    // ClojureScript's Node modules, Joker's joker.os and joker.http (codescan-clojure-hosts.ts)
    const host = hostCall(fn, args, this, (n) => this.fnName(n));
    if (host) this.effects.push(...host);
    else if (DELETE.test(fn) && args[0]) this.effects.push({ kind: 'rm', target: this.value(args[0]) });
    else if (HTTP_NS.test(ns) && /^(get|post|put|patch|delete|head|request)$/.test(name))
      this.http(name, args);
    else if (fn === 'clojure.java.shell/sh')
      this.argv(args.filter((_, i) => !args.slice(0, i + 1).some((a) => sym(a).startsWith(':'))));
    else if (
      (PROCESS_NS.test(ns) && /^(shell|process|sh|exec)$/.test(name)) ||
      fn === '.exec' ||
      /(^|\.)ProcessBuilder\.$/.test(fn)
    ) {
      const rest = args.filter(
        (a, i) => !(i === 0 && isList(a) && sym(a.items[0]) === 'hash-map') && !(fn === '.exec' && i === 0),
      );
      const list = rest.length === 1 ? this.elements(rest[0]) : undefined;
      if (list) this.argv(list);
      else if (rest.length === 1) this.script(this.value(rest[0]));
      else this.argv(rest);
    } else if (fn === 'clojure.core/load-string' || fn === 'clojure.core/eval') this.evaluate(fn, args, form);
    else if (fn === 'clojure.core/load-file' && this.value(args[0]).dynamic)
      // fail closed: a file named by a value not known statically
      this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
  }

  private argv(args: Node[]): void {
    const vs = args.map((a) => this.value(a));
    if (vs.length === 0) return;
    // babashka.process splits its first string into words (`(shell "rm -rf" x)`)
    const first = vs[0].dynamic ? [vs[0]] : vs[0].text.split(/\s+/).filter(Boolean).map(lit);
    this.effects.push({ kind: 'exec', argv: [...first, ...vs.slice(1)] });
  }

  private script(s: Field): void {
    // fail closed: a command line not known statically
    this.effects.push(s.dynamic ? { kind: 'dynamic', text: s.text } : { kind: 'shell', script: s });
  }

  private evaluate(fn: string, args: Node[], form: Node | undefined): void {
    const a = this.resolve(args[0]);
    const code = fn.endsWith('load-string')
      ? this.value(a)
      : isList(a) && this.fnName(a.items[0]) === 'clojure.core/read-string'
        ? this.value(a.items[1])
        : undefined;
    if (code && !code.dynamic) return readForms(clojureToScheme(code.text)).forEach((f) => this.walk(f));
    // `(eval '(…))`: the quoted form is read where it is written; anything else is opaque
    if (!code && isList(a) && sym(a.items[0]) === 'quote') return;
    this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
  }

  private http(verb: string, args: Node[]): void {
    const opts = verb === 'request' ? args[0] : args[1];
    const m = verb === 'request' ? this.get(opts, ':method') : undefined;
    const method = m ? this.value(m) : lit(verb === 'request' ? 'get' : verb);
    const url =
      verb === 'request' ? this.value(this.get(opts, ':url') ?? this.get(opts, ':uri')) : this.value(args[0]);
    const body = this.get(opts, ':body') ?? this.get(opts, ':form-params') ?? this.get(opts, ':json-params');
    const headers = this.resolve(this.get(opts, ':headers'));
    const lines: string[] = [];
    if (isList(headers) && sym(headers.items[0]) === 'hash-map')
      for (let i = 1; i + 1 < headers.items.length; i += 2)
        lines.push(`${this.value(headers.items[i]).text}: ${this.value(headers.items[i + 1]).text}`);
    const effect: HttpEffect = {
      kind: 'http',
      method: method.dynamic ? 'DYNAMIC' : method.text.toUpperCase(),
      url,
      ...(lines.length ? { headers: lines } : {}),
    };
    if (body) Object.assign(effect, this.body(body));
    this.effects.push(effect);
  }

  /** The body of a request: a literal, a file's content, the environment, or unknown. */
  private body(n: Node): Partial<HttpEffect> {
    const r = this.resolve(n);
    if (show(r ?? n).includes('(System/getenv)')) return { bodyEnv: true };
    const fn = isList(r) ? this.fnName(r.items[0]) : '';
    if (
      isList(r) &&
      /^(clojure\.core\/slurp|clojure\.java\.io\/(file|input-stream)|babashka\.fs\/(file|read-all-bytes))$/.test(
        fn,
      )
    ) {
      const p = this.value(r.items[1]);
      // fail closed: a file named by a value not known statically is an unknown body
      return p.dynamic ? { bodyUnknown: true } : { bodyFile: p };
    }
    const json =
      isList(r) && /\/(generate-string|encode|write-str)$/.test(fn) ? this.json(r.items[1]) : this.json(r);
    return json !== undefined ? { body: json } : { bodyUnknown: true };
  }

  /** JSON text of a literal value (map, vector, string, number, keyword); undefined = not literal. */
  private json(n: Node | undefined): string | undefined {
    const conv = (x: Node | undefined): unknown => {
      const r = this.resolve(x);
      if (!r) throw new Error('none');
      if (r.t === 'str') return r.v;
      if (r.t === 'sym') {
        if (/^-?\d+(\.\d+)?$/.test(r.v)) return Number(r.v);
        if (/^(true|false|nil)$/.test(r.v)) return r.v === 'nil' ? null : r.v === 'true';
        if (r.v.startsWith(':')) return r.v.slice(1);
        throw new Error('unknown');
      }
      if (sym(r.items[0]) === 'hash-map') {
        const o: Record<string, unknown> = {};
        for (let i = 1; i < r.items.length; i += 2) o[String(conv(r.items[i]))] = conv(r.items[i + 1]);
        return o;
      }
      const els = this.elements(r);
      if (!els) throw new Error('unknown');
      return els.map(conv);
    };
    try {
      const v = conv(n);
      return typeof v === 'string' ? v : JSON.stringify(v);
    } catch {
      return undefined;
    }
  }
}

/** Everything dangerous or opaque Clojure code does, in source order. */
export function scanClojure(source: string, home: string): Effect[] {
  const forms = readForms(clojureToScheme(source));
  const s = new ClojureScan(home, forms);
  for (const f of forms) s.walk(f);
  return s.effects;
}
