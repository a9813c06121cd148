/**
 * GNU sed runs shell commands from its script: `e COMMAND` (at a command's place, after an
 * optional address) runs COMMAND, `e` alone and the `e` flag of `s///e` run the pattern
 * space (text not known here). The commands are analysed like any other script; sed itself
 * is emitted as usual by the caller.
 */
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';
import { cloneScope, type Field } from './state.js';

/** An address: a line number, `$`, or a regex, optionally a range. */
const ADDR = String.raw`(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/)(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/|[+~]\d+))?`;
/** `e [COMMAND]` at a command's place; COMMAND runs to the end of the line (`;` and `}` included). */
const E_COMMAND = new RegExp(
  String.raw`(?:^|[;\n{}])\s*(?:${ADDR})?\s*!?\s*e(?:[ \t]+([^\n]*)|(?=[;\n}]|$))`,
  'g',
);
/** `s/RE/REPLACEMENT/FLAGS` with the `e` flag. */
const S_EXEC = /(?:^|[;\n{}])\s*(?:\S*?)s(.)(?:(?!\1)[^\\\n]|\\.)*\1(?:(?!\1)[^\\\n]|\\.)*\1[gpiImM\d]*e/;

/** The commands a sed script runs: their texts; undefined in the list = the pattern space (unknown). */
export function sedCommands(script: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const m of script.matchAll(E_COMMAND)) out.push(m[1]?.trim() ? m[1].trim() : undefined);
  if (S_EXEC.test(script)) out.push(undefined);
  return out;
}

/** The scripts sed is given: `-e S`, `--expression=S`, `-f FILE`, or the first operand. */
function scripts(argv: Field[], k: K): (Field | undefined)[] {
  const out: (Field | undefined)[] = [];
  let operand = true;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' || t === '--expression') {
      out.push(argv[++i]);
      operand = false;
    } else if (t.startsWith('--expression=')) {
      out.push({ ...argv[i], text: t.slice(13) });
      operand = false;
    } else if (t === '-f' || t === '--file' || t.startsWith('--file=')) {
      const f = t.startsWith('--file=') ? { ...argv[i], text: t.slice(7) } : argv[++i];
      const text = f && !f.dynamic ? scriptFile(f.text, k) : undefined;
      // fail closed: a script file that cannot be read may run anything
      out.push(text === undefined ? undefined : { text, dynamic: false });
      operand = false;
    } else if (t === '-l' || t === '--line-length') i++;
    else if (!t.startsWith('-') && operand) {
      out.push(argv[i]);
      operand = false;
    }
  }
  return out;
}

/** Analyses the commands `sed … e CMD …` runs. */
export function sedExec(argv: Field[], k: K): void {
  // fail closed: what runs is not known (the pattern space, a script file not read): a
  // command whose name is unknown, which the rules ask about
  const unknown = () => emit([{ text: 'sed e', dynamic: true }], k, { dynamic: true });
  for (const s of scripts(argv, k)) {
    if (!s) {
      unknown();
      continue;
    }
    // In a script with words not known statically (`sed "s/$A/$B/"`), those words are read
    // as text: only the script's known structure can run a command.
    for (const cmd of sedCommands(s.text)) {
      if (cmd === undefined || s.dynamic) unknown();
      else reparse(cmd, 'sed e', k, { scope: cloneScope(k.scope) });
    }
  }
}
