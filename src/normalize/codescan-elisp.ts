/**
 * Emacs Lisp run in batch or by a running Emacs (`emacs --batch --eval …`, `emacs --script
 * F.el`, `emacsclient --eval …`), read as S-expressions (sexp-reader.ts). What it reads is what
 * codescan.ts reads for the other languages: requests (url.el's `url-retrieve`,
 * `url-retrieve-synchronously`, `url-insert-file-contents`, `url-copy-file` with the method,
 * headers and body bound in `url-request-method`, `url-request-extra-headers` and
 * `url-request-data` by `let`/`let*`/`setq`; request.el's `(request URL :type "DELETE")`;
 * plz's `(plz 'delete URL)`; ghub's and glab's `(ghub-delete RESOURCE)`), deletions
 * (`delete-directory`, `delete-file`, `f-delete`, `dired-delete-file`), commands run through a
 * shell (`shell-command`, `async-shell-command`, `shell-command-to-string`,
 * `call-process-shell-command`, `start-process-shell-command`) or as an argv (`call-process`,
 * `process-file`, `start-process`, `make-process :command`, `process-lines`), and code
 * evaluated (`eval` of what is not a quoted form, `(eval (car (read-from-string "…")))`, `load`
 * of a path not known). `funcall`, `apply`, `mapc` and `mapcar` of those functions are
 * followed; one passed anywhere else, or any value not known statically, stays dynamic. Pure.
 */
import type { Effect } from './codescan.js';
import type { HttpEffect } from './codescan-http.js';
import { lit, type Field } from './state.js';
import { readForms, type Node } from './sexp-reader.js';
import {
  ARGV,
  DECLARES,
  DELETE,
  EFFECTFUL,
  EVAL,
  FORGE_API,
  FORGE_HOST,
  HIGHER,
  SHELL,
  URL_FETCH,
} from './codescan-elisp-names.js';

const show = (n: Node): string =>
  n.t === 'str' ? JSON.stringify(n.v) : n.t === 'sym' ? n.v : `(${n.items.map(show).join(' ')})`;
const sym = (n: Node | undefined): string => (n?.t === 'sym' ? n.v : '');
/** `'x`, `#'x`, `(function x)` → x (the reader reads the first two as `(quote x)`); other nodes unchanged. */
const unquote = (n: Node | undefined): Node | undefined =>
  n?.t === 'list' && /^(quote|function)$/.test(sym(n.items[0])) ? n.items[1] : n;

/** Variable bindings in scope: name → the expression bound, null = bound to what is not known here. */
type Env = Map<string, Node | null>;

class ElispScan {
  readonly effects: Effect[] = [];

  constructor(private readonly home: string) {}

  private resolve(n: Node | undefined, env: Env, hops = 0): Node | undefined {
    if (n?.t !== 'sym' || hops > 8 || !env.has(n.v)) return n;
    const b = env.get(n.v);
    return b ? this.resolve(b, env, hops + 1) : undefined;
  }

  value(n: Node | undefined, env: Env): Field {
    const r = this.resolve(n, env);
    if (!r) return { text: n ? show(n) : '', dynamic: true };
    if (r.t === 'str') return lit(r.v);
    if (r.t === 'sym')
      return /^-?\d+$/.test(r.v) || r.v === 'nil' || r.v.startsWith(':')
        ? lit(r.v === 'nil' ? '' : r.v.replace(/^:/, ''))
        : r.v === 'user-emacs-directory'
          ? lit(`${this.home}/.emacs.d/`)
          : { text: r.v, dynamic: true };
    const [h, ...args] = r.items;
    const head = sym(h);
    const vs = () => args.map((a) => this.value(a, env));
    if (head === 'quote') return args[0]?.t === 'sym' ? lit(args[0].v) : { text: show(r), dynamic: true };
    if (head === 'getenv') {
      const name = this.value(args[0], env);
      if (name.text === 'HOME') return lit(this.home);
      return { text: `$${name.text}`, dynamic: true };
    }
    if (
      head === 'concat' ||
      head === 'file-name-concat' ||
      head === 'format' ||
      head === 'expand-file-name'
    ) {
      const v = vs();
      const dynamic = v.some((x) => x.dynamic) || (head === 'format' && /%[^%]/.test(v[0]?.text ?? ''));
      const tilde = (t: string) => (/^~(\/|$)/.test(t) ? this.home + t.slice(1) : t);
      if (head === 'concat') return { text: v.map((x) => x.text).join(''), dynamic };
      if (head === 'format') return { text: v[0]?.text ?? '', dynamic };
      if (head === 'file-name-concat') return { text: v.map((x) => x.text).join('/'), dynamic };
      // `(expand-file-name NAME DIR)`: NAME under DIR, `~` the home folder
      const [name, dir] = [v[0]?.text ?? '', v[1]?.text];
      const text =
        name.startsWith('/') || name.startsWith('~') || dir === undefined ? name : `${dir}/${name}`;
      return { text: tilde(text).replace(/\/+/g, '/'), dynamic };
    }
    return { text: show(r), dynamic: true };
  }

  /** Elements of a list expression (`(list …)`, `'(…)`); undefined = not known. */
  private elements(n: Node | undefined, env: Env): Node[] | undefined {
    const r = this.resolve(n, env);
    if (r?.t !== 'list') return undefined;
    if (sym(r.items[0]) === 'list') return r.items.slice(1);
    if (sym(r.items[0]) === 'quote' && r.items[1]?.t === 'list') return r.items[1].items;
    return undefined;
  }

  /** A keyword argument's value (`:type "DELETE"`); undefined = absent. */
  private kw(args: Node[], key: string): Node | undefined {
    const at = args.findIndex((a) => a.t === 'sym' && a.v === key);
    return at >= 0 ? args[at + 1] : undefined;
  }

  /** Reads every form for calls, in source order; `let`/`let*`/`setq` bind for what they hold. */
  walk(n: Node, env: Env, depth = 0): void {
    if (n.t !== 'list' || depth > 64) return;
    const [h, ...args] = n.items;
    const fn = sym(h);
    if (fn === 'let' || fn === 'let*') {
      const inner: Env = new Map(env);
      for (const b of args[0]?.t === 'list' ? args[0].items : []) {
        if (b.t === 'sym') inner.set(b.v, null);
        else if (b.t === 'list' && b.items[0]?.t === 'sym') {
          if (b.items[1]) this.walk(b.items[1], fn === 'let*' ? inner : env, depth + 1);
          inner.set(b.items[0].v, b.items[1] ?? null);
        }
      }
      for (const x of args.slice(1)) this.walk(x, inner, depth + 1);
      return;
    }
    if (
      fn === 'setq' ||
      fn === 'setq-local' ||
      fn === 'setq-default' ||
      fn === 'defvar' ||
      fn === 'defconst'
    ) {
      for (let i = 0; i < args.length; i += 2) {
        if (args[i + 1]) this.walk(args[i + 1], env, depth + 1);
        const name = sym(args[i]);
        if (name) env.set(name, args[i + 1] ?? null);
        if (fn === 'defvar' || fn === 'defconst') break;
      }
      return;
    }
    if (fn === 'quote' || fn === 'function') return this.quoted(n, env);
    if (HIGHER.test(fn)) this.higher(fn, args, env);
    else if (fn) this.call(fn, args, env, n);
    n.items.forEach((x, i) => {
      // fail closed: a deleting, running or sending function passed as a value may be called with anything
      const passed = unquote(x);
      if (
        i > 0 &&
        x !== passed &&
        EFFECTFUL(sym(passed)) &&
        !(i === 1 && HIGHER.test(fn)) &&
        !DECLARES.test(fn)
      )
        this.effects.push({ kind: 'dynamic', text: show(n) });
      if (i > 0) this.walk(x, env, depth + 1);
    });
  }

  /** A quoted list is data until something evaluates it: read as code (it may be `eval`ed later). */
  private quoted(n: Node, env: Env): void {
    const q = n.t === 'list' ? n.items[1] : undefined;
    if (q?.t === 'list' && q.items[0]?.t === 'sym' && EFFECTFUL(q.items[0].v)) this.walk(q, env);
  }

  /** `(funcall F a…)`, `(apply F a… LIST)`, `(mapc F LIST)`. */
  private higher(fn: string, args: Node[], env: Env): void {
    const f = sym(unquote(this.resolve(args[0], env)));
    if (!EFFECTFUL(f)) return;
    if (fn === 'funcall') return this.call(f, args.slice(1), env, undefined);
    const list = this.elements(args[args.length - 1], env);
    // fail closed: the arguments are not known
    if (!list) return void this.effects.push({ kind: 'dynamic', text: `${fn} ${f}` });
    if (fn === 'apply') this.call(f, [...args.slice(1, -1), ...list], env, undefined);
    else for (const x of list) this.call(f, [x], env, undefined);
  }

  private call(fn: string, args: Node[], env: Env, form: Node | undefined): void {
    const v = (n: Node | undefined) => this.value(n, env);
    if (DELETE.test(fn) && args[0]) this.effects.push({ kind: 'rm', target: v(args[0]) });
    else if (Object.hasOwn(SHELL, fn) && args[SHELL[fn]]) this.script(v(args[SHELL[fn]]));
    else if (Object.hasOwn(ARGV, fn) && args[ARGV[fn][0]]) {
      const [prog, from] = ARGV[fn];
      this.effects.push({ kind: 'exec', argv: [v(args[prog]), ...args.slice(from).map(v)] });
    } else if (fn === 'make-process') {
      const list = this.elements(this.kw(args, ':command'), env);
      if (list) this.effects.push({ kind: 'exec', argv: list.map(v) });
      // fail closed: a command list not known statically
      else this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
    } else if (URL_FETCH.test(fn) && args[0]) this.urlFetch(args[0], env);
    else if (fn === 'request' && args[0]) {
      const type = this.kw(args, ':type');
      this.http(
        type ? v(type) : lit('GET'),
        v(args[0]),
        this.kw(args, ':headers'),
        this.kw(args, ':data'),
        env,
      );
    } else if (fn === 'plz' && args[1])
      this.http(v(args[0]), v(args[1]), this.kw(args, ':headers'), this.kw(args, ':body'), env);
    else if (FORGE_API.test(fn) && args[0]) {
      const [, forge, verb] = FORGE_API.exec(fn) ?? [];
      const path = v(args[0]);
      const host = FORGE_HOST[forge];
      const url = host
        ? { text: `${host}${path.text}`, dynamic: path.dynamic }
        : { text: '(forge)', dynamic: true };
      this.http(lit(verb), url, undefined, undefined, env);
    } else if (EVAL.test(fn)) this.evaluate(fn, args, env, form);
  }

  /** url.el: the method, headers and body are the variables bound where the fetch runs. */
  private urlFetch(url: Node, env: Env): void {
    const bound = (name: string): Node | undefined => {
      if (!env.has(name)) return undefined;
      return env.get(name) ?? { t: 'sym', v: `(${name})` };
    };
    const method = bound('url-request-method');
    this.http(
      method ? this.value(method, env) : lit('GET'),
      this.value(url, env),
      bound('url-request-extra-headers'),
      bound('url-request-data'),
      env,
    );
  }

  private http(method: Field, url: Field, headers: Node | undefined, body: Node | undefined, env: Env): void {
    const lines: string[] = [];
    for (const pair of this.elements(headers, env) ?? []) {
      // `(cons "K" "V")`, or `("K" . "V")` in a quoted list
      const items = pair.t === 'list' ? pair.items.filter((x) => sym(x) !== '.') : [];
      const kv = sym(items[0]) === 'cons' ? items.slice(1) : items;
      if (kv.length === 2) lines.push(`${this.value(kv[0], env).text}: ${this.value(kv[1], env).text}`);
    }
    const b = body ? this.value(body, env) : undefined;
    const effect: HttpEffect = {
      kind: 'http',
      method: method.dynamic ? 'DYNAMIC' : method.text.toUpperCase(),
      url,
      ...(lines.length ? { headers: lines } : {}),
      ...(b ? (b.dynamic ? { bodyUnknown: true } : { body: b.text }) : {}),
    };
    this.effects.push(effect);
  }

  private script(s: Field): void {
    // fail closed: a command line not known statically
    this.effects.push(s.dynamic ? { kind: 'dynamic', text: s.text } : { kind: 'shell', script: s });
  }

  private evaluate(fn: string, args: Node[], env: Env, form: Node | undefined): void {
    const a = this.resolve(args[0], env);
    if (fn !== 'eval') {
      // a project file named by a literal is the project's own code (not re-read, as for `python x.py`)
      if (this.value(a, env).dynamic) this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
      return;
    }
    // `(eval '(…))`: the quoted form is read where it is written
    if (a?.t === 'list' && sym(a.items[0]) === 'quote') return;
    // `(eval (car (read-from-string "…")))`, `(eval (read "…"))`: the string is the code
    const inner = a?.t === 'list' && sym(a.items[0]) === 'car' ? this.resolve(a.items[1], env) : a;
    if (inner?.t === 'list' && /^(read|read-from-string)$/.test(sym(inner.items[0]))) {
      const s = this.value(inner.items[1], env);
      if (!s.dynamic) return readForms(s.text).forEach((f) => this.walk(f, env));
    }
    this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
  }
}

/** Everything dangerous or opaque Emacs Lisp code does, in source order. */
export function scanElisp(source: string, home: string): Effect[] {
  const s = new ElispScan(home);
  const env: Env = new Map();
  for (const f of readForms(source)) s.walk(f, env);
  return s.effects;
}
