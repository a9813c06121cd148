/**
 * The files an awk program writes: `print … > FILE` (truncated at the first write, then
 * written) and `print … >> FILE` (appended), `printf` alike. Read on the lexed program
 * (awk.ts lexAwk: strings as `\u0001N\u0002`). A FILE of string literals is that file; a
 * FILE named by what the program read (a variable filled by `getline VAR`: `"find …" |
 * getline f`, `getline f < "list"`) is a file only known at run time, and so is a field
 * (`$0`, `$1`) when what is printed into it is empty (`printf "" > $0`: each file listed in
 * the input emptied). Any other name built at run time (`print > $1 ".csv"`, splitting a
 * table into files) is not read as a write: it names the program's own output files. Pure.
 */

/** One file the program writes. */
export interface AwkWrite {
  /** The file, when it is string literals only; undefined = named at run time. */
  file?: string;
  append: boolean;
  /** Source text of the file expression (for messages). */
  text: string;
}

/** awk's special output names: the program's own output streams, not files. */
const SPECIAL = /^(\/dev\/(stdout|stderr|null|fd\/\d+)|-)$/;

/** Statement boundaries. */
const END = /[;{}\n]|&&|\|\|/;

/** Index of the first `>` or `>>` outside parentheses in `s`; -1 = none. */
function redirectAt(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '>' && depth <= 0) return i;
  }
  return -1;
}

/** Every file the program `skel` (with string literals `lits`) writes through print/printf. */
export function scanAwkWrites(skel: string, lits: string[]): AwkWrite[] {
  const out: AwkWrite[] = [];
  const readVars = new Set([...skel.matchAll(/\bgetline\s+([A-Za-z_]\w*)/g)].map((m) => m[1]));
  for (const stmt of skel.split(END)) {
    const p = /\b(print|printf)\b/.exec(stmt);
    if (!p) continue;
    const body = stmt.slice(p.index + p[0].length);
    const at = redirectAt(body);
    if (at < 0) continue;
    const append = body[at + 1] === '>';
    const printed = body
      .slice(0, at)
      .trim()
      .replace(/^\((.*)\)$/s, '$1')
      .trim();
    const expr = body
      .slice(at + (append ? 2 : 1))
      .split('|')[0]
      .trim();
    const text = expr.replace(/\u0001(\d+)\u0002/g, (_, n: string) => JSON.stringify(lits[Number(n)]));
    const parts = [...expr.matchAll(/\u0001(\d+)\u0002|\s+/g)];
    const literal = parts.length > 0 && expr.replace(/\u0001\d+\u0002|\s+/g, '') === '';
    if (literal) {
      const file = parts.map((m) => (m[1] !== undefined ? lits[Number(m[1])] : '')).join('');
      // awk's own names for its output streams (gawk's special files) write no file
      if (!SPECIAL.test(file)) out.push({ file, append, text });
      continue;
    }
    const printedLit = /^\u0001(\d+)\u0002$/.exec(printed);
    const emptied = printedLit !== null && lits[Number(printedLit[1])] === '';
    if (readVars.has(expr) || (/^\$\d+$/.test(expr) && emptied)) out.push({ append, text });
  }
  return out;
}
