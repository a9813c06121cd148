/**
 * S-expressions read from source text: lists, strings and symbols, shared by the Scheme and
 * Common Lisp reading (codescan-scheme.ts), Clojure's (codescan-clojure.ts, clojure-names.ts)
 * and the Lisp dialects' (dialects.ts). Pure.
 */
import { lispName } from './codescan-lisp-names.js';

/** One datum: a list of datums, a string literal (its value), or any other atom (its text, a Common Lisp package prefix dropped: codescan-lisp-names.ts). */
export type Node = { t: 'list'; items: Node[] } | { t: 'str'; v: string } | { t: 'sym'; v: string };

/** The forms of a program (`'x` reads as `(quote x)`; comments and `#;` datums dropped). */
export function readForms(src: string): Node[] {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src[i] === ';') while (i < src.length && src[i] !== '\n') i++;
      else if (src.startsWith('#|', i)) {
        const e = src.indexOf('|#', i + 2);
        i = e < 0 ? src.length : e + 2;
      } else if (src.startsWith('#;', i)) {
        i += 2;
        datum();
      } else return;
    }
  };
  const datum = (): Node | undefined => {
    skip();
    const c = src[i];
    if (c === undefined || c === ')' || c === ']') return undefined;
    if (c === '(' || c === '[' || (c === '#' && src[i + 1] === '(')) {
      i += c === '#' ? 2 : 1;
      const items: Node[] = [];
      for (;;) {
        skip();
        if (i >= src.length) break;
        if (src[i] === ')' || src[i] === ']') {
          i++;
          break;
        }
        const d = datum();
        if (d) items.push(d);
        else i++;
      }
      return { t: 'list', items };
    }
    if (c === '"') {
      let v = '';
      for (i++; i < src.length && src[i] !== '"'; i++) {
        if (src[i] !== '\\') v += src[i];
        else v += { n: '\n', t: '\t', r: '\r' }[src[++i]] ?? src[i] ?? '';
      }
      i++;
      return { t: 'str', v };
    }
    const q = /^(?:'|`|,@|,|#')/.exec(src.slice(i, i + 2));
    if (q) {
      i += q[0].length;
      const d = datum();
      return { t: 'list', items: [{ t: 'sym', v: 'quote' }, ...(d ? [d] : [])] };
    }
    const m = /^[^\s()[\]";]+/.exec(src.slice(i));
    i += m ? m[0].length : 1;
    return { t: 'sym', v: m ? lispName(m[0]) : c };
  };
  const out: Node[] = [];
  while (i < src.length) {
    const d = datum();
    if (d) out.push(d);
    else i++;
  }
  return out;
}
