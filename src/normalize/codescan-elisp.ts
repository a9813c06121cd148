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
  assignedIn,
  boundBy,
  BRANCH,
  DEFERRED,
  LOOP,
  show,
  sym,
  unquote,
  type Env,
} from './codescan-elisp-scope.js';
import { resolve, value } from './codescan-elisp-value.js';
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

class ElispScan {
  readonly effects: Effect[] = [];

  /**
   * @param home the home folder `~` stands for
   * @param reassigned names bound or assigned more than once in the whole program (empty = none)
   */
  constructor(
    private readonly home: string,
    private readonly reassigned: ReadonlySet<string>,
  ) {}

  private resolve(n: Node | undefined, env: Env): Node | undefined {
    return resolve(n, env);
  }

  value(n: Node | undefined, env: Env): Field {
    return value(n, env, this.home);
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
      // a `setq` in the body on a name this `let` does not bind sets the outer variable
      const own = new Set(boundBy(args[0]));
      for (const [name, b] of inner) if (!own.has(name)) env.set(name, b);
      return;
    }
    if (BRANCH.test(fn) || DEFERRED.test(fn)) return this.branch(fn, n, env, depth);
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
        // `defvar` sets only a variable not yet bound
        if (name && !(fn === 'defvar' && env.has(name))) env.set(name, args[i + 1] ?? null);
        if (fn === 'defvar' || fn === 'defconst') break;
      }
      return;
    }
    if (fn === 'set' || fn === 'setf') {
      for (let i = 0; i < args.length; i += 2) {
        if (args[i + 1]) this.walk(args[i + 1], env, depth + 1);
        const place = fn === 'set' ? unquote(args[i]) : args[i];
        const name = fn === 'set' && place === args[i] ? '' : sym(place);
        if (name) env.set(name, args[i + 1] ?? null);
        // fail closed: a variable named at run time may be any of them
        else if (fn === 'set') for (const k of env.keys()) env.set(k, null);
      }
      return;
    }
    if (fn === 'quote' || fn === 'function') return this.quoted(n, env);
    this.walkCall(n, env, depth);
  }

  /** A call: what it does, then its arguments (each walked). */
  private walkCall(n: Node, env: Env, depth: number): void {
    if (n.t !== 'list') return;
    const [h, ...args] = n.items;
    const fn = sym(h);
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

  /**
   * A form whose parts may run zero or many times (`if`, `when`, `while`, `dolist`, `ignore-errors`)
   * or later (`lambda`, `defun`): text order is not run order, so a variable it assigns is not
   * known after it (and in a loop, not within it either), and a body run later sees a variable
   * assigned more than once in the program as not known.
   */
  private branch(fn: string, n: Node, env: Env, depth: number): void {
    const names = assignedIn(n);
    const forget = (e: Env) => names.forEach((x) => e.set(x, null));
    if (LOOP.test(fn)) forget(env);
    let inner = env;
    if (DEFERRED.test(fn)) {
      inner = new Map(env);
      for (const x of this.reassigned) inner.set(x, null);
    }
    this.walkCall(n, inner, depth);
    forget(env);
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
    const last = this.resolve(args[args.length - 1], env);
    // `(file-expand-wildcards "*.elc")`: the files the pattern matches, read as the glob itself
    const glob =
      last?.t === 'list' && sym(last.items[0]) === 'file-expand-wildcards' ? last.items[1] : undefined;
    const list = glob ? [glob] : this.elements(last, env);
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
  const forms = readForms(source);
  const count = new Map<string, number>();
  for (const f of forms) for (const x of assignedIn(f, true)) count.set(x, (count.get(x) ?? 0) + 1);
  const s = new ElispScan(home, new Set([...count].filter(([, c]) => c > 1).map(([x]) => x)));
  const env: Env = new Map();
  for (const f of forms) s.walk(f, env);
  return s.effects;
}
