/**
 * Editors given commands on their command line that run a shell: `vim -c ':!rm -rf x'`,
 * `nvim +'silent !make clean' +q`, `vim -c "call system('…')"`, `vim -c 'terminal …'`, the
 * files Vim script deletes (`call delete(expand('~'), 'rf')`). Those shell commands are peeled as the
 * editor's script (re-parsed and judged like any other); an editor run without one is left
 * as is. Emacs runs Lisp: interpreters-elisp.ts. Pure.
 */
import type { Field } from './state.js';
import type { Peel } from './wrappers.js';
import { quote } from './quote.js';

/** `:!cmd`, `silent !cmd`, `r !cmd`, `w !cmd`, `.!cmd` (a filter), `terminal cmd`. */
const BANG = /^[:\s]*(?:sil(?:ent)?!?\s+)?(?:(?:\.|%|r(?:ead)?|w(?:rite)?)\s*)?!(.+)$/s;
const TERMINAL = /^[:\s]*ter(?:m|minal)?!?\s+(?:\+\+\S+\s+)*(.+)$/s;
/** A string literal handed to a function that runs a shell. */
const VIM_CALL = /\b(?:system|systemlist|jobstart|termopen|os\.execute)\(\s*(['"])((?:(?!\1).)*)\1/gs;

/** The shell commands one vim command runs; `[]` = none. */
function vimShell(cmd: string): string[] {
  const out: string[] = [];
  const bang = BANG.exec(cmd) ?? TERMINAL.exec(cmd);
  if (bang) out.push(bang[1]);
  for (const m of cmd.matchAll(VIM_CALL)) out.push(m[2]);
  return [...out, ...vimDeletes(cmd)];
}

/**
 * Vim script's `delete(PATH [, FLAGS])` (also `vim.fn.delete` and Lua's `os.remove` in Neovim):
 * `'rf'` deletes recursively, `'d'` an empty folder, none a file. PATH is a string,
 * `expand('~…')`, `$HOME` or `expand('$HOME…')`.
 */
const VIM_DELETE =
  /\b(?:delete|os\.remove)\(\s*((['"])(?:(?!\2).)*\2|expand\(\s*(['"])(?:(?!\3).)*\3\s*\)|\$HOME|[^,()]+)\s*(?:,\s*(['"])(\w*)\4\s*)?\)/g;

/** The deletions a Vim command makes, as shell commands (`rm -rf …`); a path not read statically is a dynamic one. */
function vimDeletes(cmd: string): string[] {
  return [...cmd.matchAll(VIM_DELETE)].map((m) => {
    const arg = m[1].trim();
    const str = /^(['"])(.*)\1$/s.exec(arg) ?? /^expand\(\s*(['"])(.*)\1\s*\)$/s.exec(arg);
    let path = arg === '$HOME' ? '~' : str?.[2];
    if (path !== undefined && /^\$HOME\b/.test(path)) path = `~${path.slice(5)}`;
    // fail closed: a path computed at run time stays unknown (`$VIM_PATH`, a dynamic word)
    const word =
      path === undefined || /^[%#<]|\$/.test(path)
        ? '"$VIM_PATH"'
        : path === '~'
          ? '~'
          : path.startsWith('~/')
            ? `~${quote(path.slice(1))}`
            : quote(path);
    const flags = m[5] ?? '';
    return flags.includes('rf')
      ? `rm -rf -- ${word}`
      : flags === 'd'
        ? `rmdir -- ${word}`
        : `rm -f -- ${word}`;
  });
}

function peelWith(label: string, commands: Field[], shellOf: (c: string) => string[]): Peel | undefined {
  const scripts: string[] = [];
  let dynamic = false;
  for (const c of commands) {
    const found = shellOf(c.text);
    // fail closed: a command built at run time that may run a shell is treated as unknown.
    if (c.dynamic && (found.length > 0 || !/^[:\s]*[a-zA-Z]/.test(c.text))) dynamic = true;
    scripts.push(...found);
  }
  if (!scripts.length && !dynamic) return undefined;
  return { label, argv: [], script: { text: scripts.join('\n'), dynamic } };
}

/** vim, nvim, vi, ex, view: `-c CMD`, `--cmd CMD`, `+CMD`. */
export function vimPeeler(args: Field[]): Peel | undefined {
  const commands: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if ((t === '-c' || t === '--cmd') && args[i + 1]) commands.push(args[++i]);
    else if (t.startsWith('+') && t.length > 1) commands.push({ ...args[i], text: t.slice(1) });
  }
  return peelWith('vim -c', commands, vimShell);
}
