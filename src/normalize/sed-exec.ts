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
import { builtShell, unknownScope, type BuiltShell, type Piece } from './built-command.js';

/** An address: a line number, `$`, or a regex, optionally a range. */
const ADDR = String.raw`(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/)(?:\s*,\s*(?:\d+|\$|\/(?:[^/\\\n]|\\.)*\/|[+~]\d+))?`;
/** `e [COMMAND]` at a command's place; COMMAND runs to the end of the line (`;` and `}` included). */
const E_COMMAND = new RegExp(
  String.raw`(?:^|[;\n{}])\s*(?:${ADDR})?\s*!?\s*e(?:[ \t]+([^\n]*)|(?=[;\n}]|$))`,
  'g',
);
/** `s/RE/REPLACEMENT/FLAGS` with the `e` flag: the delimiter, RE and REPLACEMENT. */
const S_EXEC =
  /(?:^|[;\n{}])\s*(?:\S*?)s(.)((?:(?!\1)[^\\\n]|\\.)*)\1((?:(?!\1)[^\\\n]|\\.)*)\1[gpiImM\d]*e/g;

/**
 * The command `s/RE/REPLACEMENT/e` runs: the pattern space after the substitution. When RE
 * matches from the line's start (`^`, `.*`) the replacement starts it (`s/^/wc -l /e` runs
 * `wc -l LINE`); the line's text and what `&`/`\N` insert are values not known here. Otherwise
 * the command starts with the line's text, a program not known (fail closed).
 */
function substituted(re: string, repl: string): BuiltShell | undefined {
  const pieces: Piece[] = /^(?:\\\()?(?:\^|\.\*)/.test(re) ? [] : [{ name: 'line' }];
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '&' || (c === '\\' && /\d/.test(repl[i + 1] ?? ''))) {
      pieces.push({ name: 'match' });
      if (c === '\\') i++;
    } else if (c === '\\' && i + 1 < repl.length) {
      pieces.push({ text: repl[i + 1] === 'n' ? '\n' : repl[i + 1] });
      i++;
    } else pieces.push({ text: c });
  }
  pieces.push({ name: 'line' });
  return builtShell(pieces);
}

/**
 * The commands a sed script runs: their texts, or the shell text a substitution builds;
 * undefined in the list = the pattern space (unknown).
 */
export function sedCommands(script: string): (string | BuiltShell | undefined)[] {
  const out: (string | BuiltShell | undefined)[] = [];
  for (const m of script.matchAll(E_COMMAND)) out.push(m[1]?.trim() ? m[1].trim() : undefined);
  for (const m of script.matchAll(S_EXEC)) out.push(substituted(m[2], m[3]));
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
      else if (typeof cmd === 'string') reparse(cmd, 'sed e', k, { scope: cloneScope(k.scope) });
      // the pattern space as the substitution leaves it, its unknown parts not this shell's names
      else {
        reparse(cmd.text, 'sed e', k, { scope: unknownScope(k.scope, cmd.unknowns) });
        // fail closed: the pattern space is pasted into shell text (a line `x; rm -rf ~`
        // runs a second command), so what runs is not fully known either
        unknown();
      }
    }
  }
}
