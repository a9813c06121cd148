/**
 * Field splitting: after expansion, the characters an unquoted expansion produced split
 * the word on the current `$IFS`; quoted empty strings and dynamic parts still make a field.
 */
import { IFS_DEFAULT, type Atom } from './atoms.js';
import type { Field } from './state.js';

/**
 * Field splitting: unquoted expansion results split on `ifs`; `"$@"` breaks fields.
 * `ifs`: the current value of IFS (null = unset, which splits like the default;
 * '' = no splitting; undefined = not known statically).
 */
export function split(a: Atom[], ifs: string | null | undefined): Field[] {
  // fail closed: with an unknown IFS, any word with an unquoted expansion may split anywhere.
  if (ifs === undefined) {
    if (a.some((x) => x.s)) return [{ text: a.map((x) => x.c).join(''), dynamic: true }];
    ifs = IFS_DEFAULT;
  }
  const sep = ifs ?? IFS_DEFAULT;
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
    else if (x.s && x.c !== '' && sep.includes(x.c)) {
      // IFS whitespace collapses; any other IFS character delimits a field, even an empty one.
      if (IFS_DEFAULT.includes(x.c)) {
        if (text !== '' || keep || d) end();
      } else {
        keep = true;
        end();
      }
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

/** Words joined with spaces into one field (a command string): dynamic when any word is. */
export function joinFields(fields: Field[]): Field {
  return { text: fields.map((f) => f.text).join(' '), dynamic: fields.some((f) => f.dynamic) };
}
