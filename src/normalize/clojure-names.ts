/**
 * What names mean in Clojure code (codescan-clojure.ts): the source as Scheme-shaped text for
 * codescan-scheme.ts's reader, the namespaces `require` / `ns` / `use` bring in (`:as`
 * aliases, `:refer` names, `:refer :all`), and the values `def` and `let`-like forms bind
 * (parameters and loop names are bound to nothing known). Pure.
 */
import type { Node } from './sexp-reader.js';

/** Clojure source as Scheme-shaped text: `{…}` → `(hash-map …)`, `[…]` → `(vector …)`, `#{…}` → `(hash-set …)`, `,` → space, `#_` → `#;`, `#js` dropped. */
export function clojureToScheme(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      const end = /^"(?:[^"\\]|\\[\s\S])*"?/.exec(src.slice(i))?.[0] ?? '"';
      out += end;
      i += end.length - 1;
    } else if (c === ';') {
      while (i < src.length && src[i] !== '\n') i++;
      out += '\n';
    } else if (c === '\\') {
      // a character literal (`\a`, `\{`, `\newline`) as a one-character string
      const ch = /^\\(?:[a-z]+|[\s\S])/.exec(src.slice(i))?.[0] ?? '\\';
      out += JSON.stringify(ch.slice(1, 2));
      i += ch.length - 1;
    } else if (c === '#' && src[i + 1] === '{') {
      out += '(hash-set ';
      i++;
    } else if (c === '#' && src[i + 1] === '_') {
      out += '#;';
      i++;
    } else if (c === '#' && src[i + 1] === '"') out += '';
    // ClojureScript's `#js {…}` / `#js […]`: the JavaScript object or array, read as the map or vector
    else if (c === '#' && /^js\b/.test(src.slice(i + 1, i + 4))) i += 2;
    else if (c === '{') out += '(hash-map ';
    else if (c === '[') out += '(vector ';
    else if (c === '}' || c === ']') out += ')';
    else if (c === ',' || c === '@' || c === '~' || c === '^') out += ' ';
    else out += c;
  }
  return out;
}

/** Aliases babashka code commonly uses without requiring them (read as these namespaces, failing closed). */
const DEFAULT_ALIASES: Record<string, string> = {
  fs: 'babashka.fs',
  io: 'clojure.java.io',
  shell: 'clojure.java.shell',
  p: 'babashka.process',
  process: 'babashka.process',
  http: 'babashka.http-client',
  client: 'clj-http.client',
  curl: 'babashka.curl',
};

/** The Node module a required name stands for (`"node:fs"`, `"fs/promises"` → `fs`). */
export function nodeModule(name: string): string {
  return name.replace(/^node:/, '').replace(/\/promises$/, '');
}

export const sym = (n: Node | undefined): string => (n?.t === 'sym' ? n.v : '');
export const show = (n: Node): string =>
  n.t === 'str' ? JSON.stringify(n.v) : n.t === 'sym' ? n.v : `(${n.items.map(show).join(' ')})`;
export const isList = (n: Node | undefined): n is { t: 'list'; items: Node[] } => n?.t === 'list';
export const isVec = (n: Node | undefined): boolean => isList(n) && sym(n.items[0]) === 'vector';
const LET = /^(let|loop|binding|with-open|when-let|if-let|when-some|if-some)$/;

export class ClojureNames {
  /** alias → namespace (`:as`); empty = none required. */
  private readonly aliases = new Map<string, string>();
  /** bare name → namespace (`:refer`); empty = none referred. */
  private readonly referred = new Map<string, string>();
  /** Namespaces required with `:refer :all`; empty = none. */
  private readonly referAll: string[] = [];
  /** `(def NAME EXPR)`, `(let [NAME EXPR] …)`: NAME → EXPR; null = bound more than once or as a parameter (unknown). */
  private readonly binds = new Map<string, Node | null>();

  /** `effectful(qualified)`: whether a name of a `:refer :all` namespace is one the scanner reads. */
  constructor(
    forms: Node[],
    private readonly effectful: (fn: string) => boolean,
  ) {
    for (const f of forms) this.declare(f, 0);
  }

  private set(name: string, value: Node | null): void {
    const prev = this.binds.get(name);
    this.binds.set(name, prev === undefined || (value && prev && show(prev) === show(value)) ? value : null);
  }

  /** Every symbol of a binding form (destructuring included) bound to nothing known. */
  private unknown(n: Node): void {
    if (n.t === 'sym' && !/^(:|&$|vector$|hash-map$)/.test(n.v)) this.set(n.v, null);
    if (isList(n)) for (const x of n.items) this.unknown(x);
  }

  /** Requires, aliases and bindings anywhere in the program. */
  private declare(n: Node, depth: number): void {
    if (!isList(n) || depth > 64) return;
    const [h, a, b] = n.items;
    const head = sym(h);
    if (head === 'require' || head === ':require' || head === 'use' || head === ':use')
      for (const spec of n.items.slice(1)) this.spec(spec, head.endsWith('use'));
    if (head === 'def' || head === 'defonce') if (a?.t === 'sym') this.set(a.v, b ?? null);
    // parameters (every arity's) are not known
    if (/^(defn-?|fn|defmacro)$/.test(head))
      for (const x of n.items.slice(1)) {
        if (isVec(x)) this.unknown(x);
        else if (isList(x) && isVec(x.items[0])) this.unknown(x.items[0]);
        if (isVec(x)) break;
      }
    if ((LET.test(head) || /^(doseq|for|dotimes)$/.test(head)) && isList(a) && isVec(a))
      for (let i = 1; i < a.items.length; i += 2) {
        const name = a.items[i];
        if (name.t === 'sym' && LET.test(head)) this.set(name.v, a.items[i + 1] ?? null);
        else this.unknown(name);
      }
    for (const x of n.items) this.declare(x, depth + 1);
  }

  /** `'[babashka.fs :as fs :refer [delete-tree]]`, `(quote [ns …])`, `'ns`. */
  private spec(n: Node, all: boolean): void {
    const q = isList(n) && sym(n.items[0]) === 'quote' ? n.items[1] : n;
    if (q?.t === 'sym') return void (all && this.referAll.push(q.v));
    const items = isList(q) ? (isVec(q) ? q.items.slice(1) : q.items) : [];
    // ClojureScript's Node modules by name (`["fs" :as fs]`): the namespace `node:fs`
    if (items[0]?.t !== 'sym' && items[0]?.t !== 'str') return;
    const ns = items[0].t === 'str' ? `node:${nodeModule(items[0].v)}` : items[0].v;
    if (all) this.referAll.push(ns);
    for (let i = 1; i < items.length; i++) {
      const k = sym(items[i]);
      const v = items[i + 1];
      if ((k === ':as' || k === ':as-alias') && v?.t === 'sym') this.aliases.set(v.v, ns);
      if (k === ':refer' && sym(v) === ':all') this.referAll.push(ns);
      if (k === ':refer' && isList(v) && isVec(v))
        for (const r of v.items.slice(1)) if (r.t === 'sym') this.referred.set(r.v, ns);
    }
  }

  /** The qualified name a call head stands for (`fs/delete-tree` → `babashka.fs/delete-tree`), followed through `def`. */
  fnName(n: Node | undefined, hops = 0): string {
    const s = sym(n);
    if (!s) return '';
    const b = this.binds.get(s);
    if (b && hops < 8) return this.fnName(b, hops + 1);
    const slash = s.indexOf('/');
    if (slash > 0) {
      const ns = s.slice(0, slash);
      return `${this.aliases.get(ns) ?? DEFAULT_ALIASES[ns] ?? ns}/${s.slice(slash + 1)}`;
    }
    if (s.startsWith('.') || s.endsWith('.')) return s;
    const ns = this.referred.get(s) ?? this.referAll.find((x) => this.effectful(`${x}/${s}`));
    return `${ns ?? 'clojure.core'}/${s}`;
  }

  resolve(n: Node | undefined, hops = 0): Node | undefined {
    if (n?.t !== 'sym' || hops > 8) return n;
    const b = this.binds.get(n.v);
    return b ? this.resolve(b, hops + 1) : n;
  }
}
