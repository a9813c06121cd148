/**
 * Scripts a command writes whose effect follows from what the program does, not from text the
 * script gave it: rmlint writes a removal script (`-o sh:FILE` / `-O sh:FILE`, `rmlint.sh` in
 * the working folder when no output is named) that deletes what it found below the trees it
 * scanned. Its text is taken to be `rm -rf -- TREE…`, so running the script later
 * (`/tmp/rmlint.sh -d`) is read as a delete of those trees, judged by their class. Reads only
 * the command's own words; a tree not known statically stays unknown in the line.
 */
import type { Field } from './state.js';
import { quote } from './quote.js';

/** rmlint's options that take the next word as their value. */
const RMLINT_VALUED =
  /^(-o|-O|--output|--add-output|-c|--config|-T|--types|-s|--size|-d|--max-depth|-S|--rank-by|-a|--algorithm|-u|--max-paths|-t|--newer-than-stamp|-N|--newer-than)$/;

/** The script files `argv` writes and their text (relative paths as given); empty = none. */
export function generatedScripts(program: string, argv: Field[]): Map<string, string> {
  const out = new Map<string, string>();
  if (program !== 'rmlint') return out;
  const trees: string[] = [];
  const outputs: string[] = [];
  let named = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(-h|--help|--version|--gui|--replay)$/.test(t)) return out;
    if (/^(-o|--output)$/.test(t)) named = true;
    if (/^(-o|-O|--output|--add-output)$/.test(t)) {
      const m = /^sh(?::(.+))?$/.exec(argv[i + 1]?.text ?? '');
      if (m?.[1]) outputs.push(m[1]);
    }
    if (RMLINT_VALUED.test(t)) i++;
    else if (t !== '//' && !t.startsWith('-'))
      // fail closed: a tree not known statically is kept as written, read as an unknown path
      trees.push(argv[i].dynamic ? t : quote(t));
  }
  if (!named) outputs.push('rmlint.sh');
  const text = `rm -rf -- ${(trees.length ? trees : ['.']).join(' ')}\n`;
  for (const o of outputs) out.set(o, text);
  return out;
}
