/**
 * Field splitting: after expansion, the characters an unquoted expansion produced split
 * the word on IFS whitespace; quoted empty strings and dynamic parts still make a field.
 */
import { IFS_DEFAULT, type Atom } from './atoms.js';
import type { Field } from './state.js';

/** Field splitting: unquoted expansion results split on IFS whitespace; `"$@"` breaks fields. */
export function split(a: Atom[]): Field[] {
  const fields: Field[] = [];
  let text = '';
  let d = false;
  let proc = false;
  let keep = false;
  const end = () => {
    if (text !== '' || keep || d) fields.push(proc ? { text, dynamic: d, proc } : { text, dynamic: d });
    text = '';
    d = false;
    proc = false;
    keep = false;
  };
  for (const x of a) {
    if (x.brk) end();
    else if (x.s && IFS_DEFAULT.includes(x.c)) {
      if (text !== '' || keep || d) end();
    } else {
      text += x.c;
      d ||= x.d;
      proc ||= !!x.proc;
      keep ||= x.q && !x.s;
    }
  }
  end();
  return fields;
}
