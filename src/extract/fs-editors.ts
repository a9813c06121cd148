/**
 * Editors run as scripts that write the files they open:
 * - vi, vim, nvim, ex: commands given with `-c CMD`, `+CMD` or `--cmd CMD` (and, in ex mode,
 *   the text fed to stdin) that include a write (`:w`, `:wq`, `:x`, `:update`, `:saveas` …)
 *   rewrite the files named: `ex -sc '%d|x' FILE` empties FILE;
 * - ed / red FILE with a script on stdin that writes (`w`, `wq`);
 * - `gawk -i inplace` (`awk -i inplace`, `--include=inplace`): like `sed -i`, the files after
 *   the program text are rewritten;
 * - sudoedit (`sudo -e`) with SUDO_EDITOR, VISUAL or EDITOR set to a program that writes what
 *   it is fed (`SUDO_EDITOR='tee -a' sudoedit /etc/passwd`): the files named are rewritten as
 *   root, unseen (an interactive editor writes only what a person types).
 * Reads argv, the editor settings and the literal text fed to stdin.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { type FsHandler } from './fs-fact.js';
import { parseOptions } from './fs-options.js';
import { overwriteOf } from './fs-commands.js';
import { target } from './fs-paths.js';
import { writingEditor } from './privilege-sudoers.js';

/** An ex command that writes the buffer, after an optional range (`%`, `1,$`, `.`). */
const WRITES =
  /(^|[|\n:])\s*[%.$\d,;'+-]*\s*(w|wr|wri|writ|write|wq|wqa|wqall|x|xi|xit|exi|exit|xa|xall|wa|wall|up|upd|upda|updat|update|sav|saveas|wn|wnext)!?(?=\s|$|\||\n)/;

/** True when the ex/ed script text writes a file. */
export function scriptWrites(text: string): boolean {
  return WRITES.test(text);
}

/** The vim family: files opened, and whether the commands given write them. */
const vim: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'cSiTuUrwWqtV',
    longWithValue: ['cmd', 'servername', 'remote', 'remote-send', 'remote-expr', 'startuptime'],
  });
  const plus = o.operands.filter((i) => cmd.argv[i].startsWith('+'));
  const files = o.operands.filter((i) => !cmd.argv[i].startsWith('+'));
  const commands = [...(o.values.get('c') ?? []), ...(o.values.get('cmd') ?? [])];
  commands.push(...plus.map((i) => cmd.argv[i].slice(1)));
  const exMode = cmd.program === 'ex' || o.flags.has('e') || o.flags.has('E') || o.flags.has('es');
  if (exMode && cmd.stdin !== undefined) {
    // fail closed: ex commands from an unknown stdin may write the files.
    commands.push(cmd.stdin.text ?? 'w');
  }
  if (!commands.some(scriptWrites)) return [];
  return overwriteOf(
    cmd,
    files.map((i) => target(cmd, i, ctx)),
    true,
  );
};

/** ed / red FILE: the script comes from stdin. */
const ed: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'p', longWithValue: ['prompt'] });
  if (cmd.stdin === undefined) return [];
  // fail closed: an ed script from an unknown stdin may write the file.
  if (!scriptWrites(cmd.stdin.text ?? 'w')) return [];
  return overwriteOf(
    cmd,
    o.operands.map((i) => target(cmd, i, ctx)),
    true,
  );
};

/** True when gawk loads the inplace extension (`-i inplace`, `-iinplace`, `--include=inplace`). */
function loadsInplace(cmd: NormalizedCommand): boolean {
  const a = cmd.argv;
  return a.some(
    (w, i) =>
      /^(-i|--include=|--inc[a-z]*=)inplace(\.awk)?$/.test(w) ||
      (/^(-i|--include)$/.test(w) && /^inplace(\.awk)?$/.test(a[i + 1] ?? '')),
  );
}

/** gawk -i inplace PROGRAM FILE…: the files are rewritten with the program's output. */
const gawk: FsHandler = (cmd, ctx) => {
  if (!loadsInplace(cmd)) return [];
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'fvFileE',
    longWithValue: ['file', 'assign', 'field-separator', 'include', 'load', 'source', 'exec'],
  });
  const programGiven = ['f', 'e', 'E', 'file', 'source', 'exec'].some((n) => o.values.has(n));
  const files = programGiven ? o.operands : o.operands.slice(1);
  return overwriteOf(
    cmd,
    files.map((i) => target(cmd, i, ctx)),
  );
};

/** sudoedit FILE…: rewritten when the editor it runs is a program that writes its input. */
const sudoedit: FsHandler = (cmd, ctx) => {
  if (!writingEditor(cmd)) return [];
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'ugpChDrtTUR' });
  return overwriteOf(
    cmd,
    o.operands.map((i) => target(cmd, i, ctx)),
    true,
  );
};

/** Editor → reader of the files its script-mode commands write; an editor run interactively writes nothing here. */
export const EDITOR_HANDLERS: Record<string, FsHandler> = {
  sudoedit,
  vi: vim,
  vim,
  nvim: vim,
  ex: vim,
  'vim.basic': vim,
  'vim.tiny': vim,
  ed,
  red: ed,
  gawk,
  awk: gawk,
};
