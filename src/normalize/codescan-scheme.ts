/**
 * Scheme code run by guile, racket, chicken (csi), gambit (gsi), chibi-scheme and chez, and
 * Common Lisp run by sbcl, ccl, ecl and clisp (package prefixes such as `uiop:` dropped;
 * `uiop:delete-directory-tree`, `uiop:run-program`, `sb-ext:run-program`, `user-homedir-pathname`)
 * (`guile -c '(system* "rm" "-rf" "/srv")'`, code on stdin, a script written earlier), read
 * as S-expressions. What it reads is what codescan.ts reads for the other languages: calls
 * that delete files (`delete-file`, `delete-directory/files`, `delete-file-recursively`,
 * `rmdir`), run a command through a shell (`system`, `open-pipe`, `open-input-pipe`,
 * `process`) or as an argv (`system*`, `open-pipe*`, `process*`, `subprocess`, `spawn`),
 * send a request (guile's `http-delete`/`http-request #:method`, racket's `delete-pure-port`,
 * Common Lisp's drakma `http-request :method :delete` and dexador `dex:delete`),
 * and evaluate code (`eval-string`, `eval` of what is not a quoted form, `load` of a path
 * not known). `apply`, `for-each` and `map` of those functions, and names bound to them or to
 * values (`define`, `let`), are followed; `(getenv "HOME")` is the home folder, a temp folder
 * (`(make-temporary-directory)`) what codescan-dirs.ts says. Quoted forms are read too: they are code as soon as something evaluates them. A value not known
 * statically stays dynamic (the S-expression reader: sexp-reader.ts). Pure.
 */
import type { Effect } from './codescan.js';
import { lit, type Field } from './state.js';
import { lispTemp } from './codescan-dirs.js';
import { readForms, type Node } from './sexp-reader.js';

const DELETE =
  /^(delete-directory-tree|delete-file-if-exists|delete-empty-directory|delete-directory-and-files|delete-file|delete-file\*|delete-file-recursively|delete-directory|delete-directory\/files|delete-directory\*|delete-file-hierarchy|rmdir|remove-file|remove-files|delete-files|remove-directory\*|sys-unlink|sys-remove|sys-rmdir)$/;
/** Shell lines run (CLISP's `ext:shell`), or a program with its argument list (`run-program`). */
const SHELL =
  /^(system|sys-system|open-pipe|open-input-pipe|open-output-pipe|process|process-run|shell-command|run-program|launch-program|run-shell-command|shell|run-process|do-process)$/;
/** A program and its arguments as separate values (CLISP's `ext:execute PROG ARG…`). */
const ARGV = /^(system\*|process\*|open-pipe\*|subprocess|spawn|execute)$/;
const HTTP =
  /^(http-(delete|post|put|patch|get|head|request)|(delete|post|put|get|head)-(pure|impure)-port)$/;
const EVAL = /^(eval|primitive-eval|eval-string|load|primitive-load|compile)$/;
/** Names whose use as a value (passed, not called) may run them anywhere. */
const EFFECTFUL = (s: string) => [DELETE, SHELL, ARGV, HTTP, EVAL].some((re) => re.test(s));

const show = (n: Node): string =>
  n.t === 'str' ? JSON.stringify(n.v) : n.t === 'sym' ? n.v : `(${n.items.map(show).join(' ')})`;
const sym = (n: Node | undefined): string => (n?.t === 'sym' ? n.v : '');

class SchemeScan {
  readonly effects: Effect[] = [];
  /** `(define NAME EXPR)`, `(let ((NAME EXPR)) …)`: NAME → EXPR; null = bound more than once or as a parameter (unknown). */
  private readonly binds = new Map<string, Node | null>();
  private hops = 0;

  constructor(
    private readonly home: string,
    forms: Node[],
  ) {
    for (const f of forms) this.bind(f);
  }

  private set(name: string, value: Node | null): void {
    const prev = this.binds.get(name);
    this.binds.set(name, prev === undefined || (value && prev && show(prev) === show(value)) ? value : null);
  }

  private bind(n: Node): void {
    if (n.t !== 'list') return;
    const [h, a, b] = n.items;
    const head = sym(h);
    if ((head === 'define' || head === 'set!') && a?.t === 'sym')
      this.set(a.v, head === 'define' && b ? b : null);
    if (head === 'define' && a?.t === 'list') for (const p of a.items) if (p.t === 'sym') this.set(p.v, null);
    if (/^(let\*?|letrec\*?)$/.test(head) && a?.t === 'list')
      for (const p of a.items)
        if (p.t === 'list' && p.items[0]?.t === 'sym') this.set(p.items[0].v, p.items[1] ?? null);
    if (/^(lambda|let-values|receive|do)$/.test(head) || (head.startsWith('let') && a?.t === 'sym'))
      for (const p of (a?.t === 'list' ? a.items : a ? [a] : []).flatMap((x) =>
        x.t === 'list' ? x.items : [x],
      ))
        if (p.t === 'sym') this.set(p.v, null);
    for (const x of n.items) this.bind(x);
  }

  /** The node a name is bound to, followed through names (`(define f system)`). */
  private resolve(n: Node | undefined, hops = 0): Node | undefined {
    if (n?.t !== 'sym' || hops > 8) return n;
    const b = this.binds.get(n.v);
    return b ? this.resolve(b, hops + 1) : n;
  }

  value(n: Node | undefined): Field {
    const r = this.resolve(n);
    if (!r) return { text: '', dynamic: true };
    if (r.t === 'str') return lit(r.v);
    if (r.t === 'sym') return /^-?\d+$/.test(r.v) ? lit(r.v) : { text: r.v, dynamic: true };
    const [h, ...args] = r.items;
    const head = sym(h);
    const all = () => {
      const vs = args.map((a) => this.value(a));
      return { vs, dynamic: vs.some((v) => v.dynamic) };
    };
    if (head === 'quote' && args[0]?.t === 'sym') return lit(args[0].v);
    if (/^(getenv|posix-getenv)$/.test(head) && this.value(args[0]).text === 'HOME') return lit(this.home);
    if (head === 'user-homedir-pathname') return lit(this.home);
    // `(merge-pathnames "x/" base)`: x under base
    if (head === 'merge-pathnames' && args[1]) {
      const [rel, base] = [this.value(args[0]), this.value(args[1])];
      return { text: `${base.text.replace(/\/+$/, '')}/${rel.text}`, dynamic: rel.dynamic || base.dynamic };
    }
    if (head === 'find-system-path' && /home-dir/.test(show(args[0] ?? r))) return lit(this.home);
    const temp = lispTemp(head, show(args[0] ?? r)); // a fresh temp folder, or the system's
    if (temp) return lit(temp);
    if (/^(string-append|build-path|in-vicinity)$/.test(head)) {
      const { vs, dynamic } = all();
      return { text: vs.map((v) => v.text).join(head === 'string-append' ? '' : '/'), dynamic };
    }
    if (
      /^(string->path|string->uri|string->url|expand-user-path|expand-file-name|path->string|find-executable-path|canonicalize-path|namestring|native-namestring|truename|pathname|parse-namestring|ensure-directory-pathname)$/.test(
        head,
      )
    ) {
      const v = this.value(args[0]);
      return /^~(\/|$)/.test(v.text) ? { ...v, text: this.home + v.text.slice(1) } : v;
    }
    return { text: show(r), dynamic: true };
  }

  /** The elements of a list expression (`(list …)`, `'(…)`); undefined = not known. */
  private elements(n: Node | undefined): Node[] | undefined {
    const r = this.resolve(n);
    if (r?.t !== 'list') return undefined;
    if (sym(r.items[0]) === 'list') return r.items.slice(1);
    if (sym(r.items[0]) === 'quote' && r.items[1]?.t === 'list') return r.items[1].items;
    return undefined;
  }

  /** Reads every form (quoted ones too) for calls, in source order. */
  walk(n: Node, depth = 0): void {
    if (n.t !== 'list' || depth > 64) return;
    const [h, ...args] = n.items;
    const fn = sym(this.resolve(h));
    if (fn === 'apply' || fn === 'for-each' || fn === 'map') this.higher(fn, args);
    else if (fn) this.call(fn, args, n);
    n.items.forEach((x, i) => {
      // fail closed: a deleting or running function passed as a value may be called with anything
      const s = sym(this.resolve(x));
      const passed = (i === 1 && /^(apply|for-each|map)$/.test(fn)) || (i === 2 && fn === 'define');
      if (i > 0 && x.t === 'sym' && EFFECTFUL(s) && !passed)
        this.effects.push({ kind: 'dynamic', text: show(n) });
      this.walk(x, depth + 1);
    });
  }

  /** `(apply F a … LIST)`, `(for-each F LIST)`, `(map F LIST)`. */
  private higher(fn: string, args: Node[]): void {
    const f = sym(this.resolve(args[0]));
    if (!EFFECTFUL(f)) return;
    const list = this.elements(args[args.length - 1]);
    // fail closed: the arguments are not known
    if (!list) return void this.effects.push({ kind: 'dynamic', text: `${fn} ${f}` });
    if (fn === 'apply') this.call(f, [...args.slice(1, -1), ...list], undefined);
    else for (const x of list) this.call(f, [x], undefined);
  }

  private call(fn: string, args: Node[], form: Node | undefined): void {
    const v = (n: Node | undefined) => this.value(n);
    if (DELETE.test(fn) && args[0]) this.effects.push({ kind: 'rm', target: v(args[0]) });
    else if (SHELL.test(fn) && args.length) {
      // `(process CMD ARGS)`, `(sb-ext:run-program PROG ARGS)`; `(uiop:run-program '("rm" …))` is an argv
      // CLISP's `(ext:run-program "rm" :arguments '("-rf" …))`
      const kw = args[1]?.t === 'sym' && /^:arguments$/i.test(args[1].v) ? 2 : 1;
      const list = /^(process|run-program)/.test(fn) && args[kw] ? this.elements(args[kw]) : undefined;
      // Gauche's `(run-process '("rm" …))`; chibi's `(system "rm" "-rf" p)` (several words: an argv)
      const argv = /program$|^(run|do)-process$/.test(fn)
        ? this.elements(args[0])
        : fn === 'system' && args.length > 1
          ? args
          : undefined;
      if (list) this.effects.push({ kind: 'exec', argv: [v(args[0]), ...list.map(v)] });
      else if (argv) this.effects.push({ kind: 'exec', argv: argv.map(v) });
      else this.script(v(args[0]));
    } else if (ARGV.test(fn)) {
      const from = fn === 'subprocess' ? 3 : fn === 'open-pipe*' ? 1 : 0;
      const list = fn === 'spawn' ? this.elements(args[1])?.slice(1) : [];
      const argv = [...args.slice(from, fn === 'spawn' ? 1 : undefined), ...(list ?? [])].map(v);
      if (fn === 'spawn' && !list) argv.push({ text: '(arguments)', dynamic: true });
      if (argv.length) this.effects.push({ kind: 'exec', argv });
    } else if (HTTP.test(fn)) this.http(fn, args);
    else if (EVAL.test(fn)) this.evaluate(fn, args, form);
  }

  private script(s: Field): void {
    // fail closed: a command line not known statically
    this.effects.push(s.dynamic ? { kind: 'dynamic', text: s.text } : { kind: 'shell', script: s });
  }

  private evaluate(fn: string, args: Node[], form: Node | undefined): void {
    const a = this.resolve(args[0]);
    if (fn === 'load' || fn === 'primitive-load') {
      // a project file named by a literal is the project's own code (not re-read, as for `python x.py`)
      if (this.value(a).dynamic) this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
      return;
    }
    if (fn === 'eval-string') {
      const s = this.value(a);
      if (s.dynamic) this.effects.push({ kind: 'dynamic', text: s.text });
      else for (const f of readForms(s.text)) this.walk(f);
      return;
    }
    // `(eval '(…) env)`: the quoted form is read where it is written; anything else is opaque
    if (a?.t === 'list' && sym(a.items[0]) === 'quote') return;
    // `(eval (read (open-input-string "…")))`: the string is the code
    const port = a?.t === 'list' && sym(a.items[0]) === 'read' ? this.resolve(a.items[1]) : undefined;
    if (port?.t === 'list' && sym(port.items[0]) === 'open-input-string') {
      const s = this.value(port.items[1]);
      if (!s.dynamic) return readForms(s.text).forEach((f) => this.walk(f));
    }
    this.effects.push({ kind: 'dynamic', text: form ? show(form) : fn });
  }

  private http(fn: string, args: Node[]): void {
    const verb = /^http-(\w+)$/.exec(fn)?.[1] ?? /^(\w+)-/.exec(fn)?.[1] ?? 'get';
    // racket's `#:method`, Common Lisp's `:method :delete` (a keyword's name is its value)
    const kw = (k: string) => {
      const at = args.findIndex((x) => x.t === 'sym' && (x.v === `#:${k}` || x.v.toLowerCase() === `:${k}`));
      const v = at >= 0 ? args[at + 1] : undefined;
      return v?.t === 'sym' && v.v.startsWith(':') ? { t: 'str' as const, v: v.v.slice(1) } : v;
    };
    const m = kw('method');
    const method = verb !== 'request' ? verb.toUpperCase() : m ? this.value(m) : lit('GET');
    const body =
      kw('body') ?? kw('content') ?? (/-port$/.test(fn) && /^(post|put)/.test(fn) ? args[1] : undefined);
    const b = body ? this.value(body) : undefined;
    this.effects.push({
      kind: 'http',
      method: typeof method === 'string' ? method : method.dynamic ? 'DYNAMIC' : method.text.toUpperCase(),
      url: this.value(args[0]),
      ...(b ? (b.dynamic ? { bodyUnknown: true } : { body: b.text }) : {}),
    });
  }
}

/** Everything dangerous or opaque Scheme code does, in source order. */
export function scanScheme(source: string, home: string): Effect[] {
  const forms = readForms(source);
  const s = new SchemeScan(home, forms);
  for (const f of forms) s.walk(f);
  return s.effects;
}
