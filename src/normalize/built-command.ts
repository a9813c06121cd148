/**
 * Command strings a program builds at run time by joining literal text and values not known
 * here (awk's `system("ping -c1 " h)`, Python's `os.system("ping " + h)` and f-strings, Ruby's
 * `system("ping #{h}")`, Perl's `system("ping $h")`, sed's `s/^/wc -l /e`): read as the shell
 * text they build, each unknown value spelled as a shell variable the nested shell does not
 * know (`ping -c1 "${h}"`). The program word is then known and judged like any command's; when
 * the program word itself is a value not known, the command has no name (fail closed → ask).
 */
import { cloneScope, type Scope } from './state.js';

/** One piece of a built command: literal text, or a value not known here (`name`: as the code spells it). */
export type Piece = { text: string } | { name: string };

/** The shell text pieces build. */
export interface BuiltShell {
  /** Shell source with each unknown value as `${NAME}`, quoted for where it lands. */
  text: string;
  /** The shell names standing for values not known here; empty = none (the text is all literal). */
  unknowns: string[];
}

/** A shell variable name for the code's spelling of a value: the name itself when it is one. */
function shellName(name: string, names: Map<string, string>): string {
  const known = names.get(name);
  if (known) return known;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name !== '_' && !names.has(name);
  const taken = new Set(names.values());
  let out = plain ? name : `value${names.size + 1}`;
  while (taken.has(out)) out += '_';
  names.set(name, out);
  return out;
}

/**
 * The shell text the pieces build; undefined when there is no unknown piece to read, no
 * literal text, or the literal text leaves a backslash pending before one (its meaning
 * depends on the value).
 */
export function builtShell(pieces: Piece[]): BuiltShell | undefined {
  if (!pieces.some((p) => 'name' in p)) return undefined;
  // only values, no literal text: nothing to read (the command is a value not known)
  if (!pieces.some((p) => 'text' in p && p.text.trim() !== '')) return undefined;
  const names = new Map<string, string>();
  let quote: '' | "'" | '"' = '';
  let text = '';
  for (const p of pieces) {
    if ('text' in p) {
      for (let i = 0; i < p.text.length; i++) {
        const c = p.text[i];
        if (c === '\\' && quote !== "'") {
          // fail closed: an escape whose escaped character is the unknown value
          if (i + 1 >= p.text.length) return undefined;
          i++;
        } else if (quote === '' && (c === "'" || c === '"')) quote = c;
        else if (c === quote) quote = '';
      }
      text += p.text;
      continue;
    }
    const v = `\${${shellName(p.name, names)}}`;
    // a value inside single quotes is still one value: the quotes are closed around it
    text += quote === '"' ? v : quote === "'" ? `'"${v}"'` : `"${v}"`;
  }
  return { text, unknowns: [...names.values()] };
}

/** A copy of `scope` where `names` hold values not known here (not constants, not the environment's). */
export function unknownScope(scope: Scope, names: string[]): Scope {
  const s = cloneScope(scope);
  for (const n of names) {
    s.vars.delete(n);
    s.arrays.delete(n);
    s.unset.delete(n);
    s.dyn.add(n);
  }
  return s;
}
