/**
 * The value of an Emacs Lisp expression as far as it is known statically: strings, numbers,
 * keywords, `concat`, `format`, `expand-file-name`, `getenv "HOME"`, variables followed through
 * their bindings. Pure.
 */
import { lit, type Field } from './state.js';
import type { Node } from './sexp-reader.js';
import { show, sym, type Env } from './codescan-elisp-scope.js';

/** A symbol followed through its bindings; undefined = bound to what is not known. */
export function resolve(n: Node | undefined, env: Env, hops = 0): Node | undefined {
  if (n?.t !== 'sym' || hops > 8 || !env.has(n.v)) return n;
  const b = env.get(n.v);
  return b ? resolve(b, env, hops + 1) : undefined;
}

/** What an expression evaluates to, as text (dynamic when not known statically); `home` is `~`. */
export function value(n: Node | undefined, env: Env, home: string): Field {
  const r = resolve(n, env);
  if (!r) return { text: n ? show(n) : '', dynamic: true };
  if (r.t === 'str') return lit(r.v);
  if (r.t === 'sym')
    return /^-?\d+$/.test(r.v) || r.v === 'nil' || r.v.startsWith(':')
      ? lit(r.v === 'nil' ? '' : r.v.replace(/^:/, ''))
      : r.v === 'user-emacs-directory'
        ? lit(`${home}/.emacs.d/`)
        : { text: r.v, dynamic: true };
  const [h, ...args] = r.items;
  const head = sym(h);
  const vs = () => args.map((a) => value(a, env, home));
  if (head === 'quote') return args[0]?.t === 'sym' ? lit(args[0].v) : { text: show(r), dynamic: true };
  if (head === 'getenv') {
    const name = value(args[0], env, home);
    if (name.text === 'HOME') return lit(home);
    return { text: `$${name.text}`, dynamic: true };
  }
  if (head === 'concat' || head === 'file-name-concat' || head === 'format' || head === 'expand-file-name') {
    const v = vs();
    const dynamic = v.some((x) => x.dynamic) || (head === 'format' && /%[^%]/.test(v[0]?.text ?? ''));
    const tilde = (t: string) => (/^~(\/|$)/.test(t) ? home + t.slice(1) : t);
    if (head === 'concat') return { text: v.map((x) => x.text).join(''), dynamic };
    if (head === 'format') return { text: v[0]?.text ?? '', dynamic };
    if (head === 'file-name-concat') return { text: v.map((x) => x.text).join('/'), dynamic };
    // `(expand-file-name NAME DIR)`: NAME under DIR, `~` the home folder
    const [name, dir] = [v[0]?.text ?? '', v[1]?.text];
    const text = name.startsWith('/') || name.startsWith('~') || dir === undefined ? name : `${dir}/${name}`;
    return { text: tilde(text).replace(/\/+/g, '/'), dynamic };
  }
  return { text: show(r), dynamic: true };
}
