/**
 * A sudoers rule that lets someone run everything as root, written into the sudoers policy:
 * `deploy ALL=(ALL) NOPASSWD: ALL`, `%ci ALL=(ALL:ALL) /bin/bash`, `Defaults:ci !authenticate`,
 * reaching /etc/sudoers or /etc/sudoers.d/* through `tee [-a]`, a redirection of `echo`,
 * `printf` or `cat`, `sed -i`, `cp`/`install` of a file, or `visudo` or `sudoedit` (`sudo -e`)
 * with EDITOR, VISUAL or SUDO_EDITOR set to a program that writes what it is fed
 * (`EDITOR='tee -a' visudo`, `SUDO_EDITOR='tee -a' sudoedit /etc/sudoers.d/dev`). Read from
 * the text written (the command's stdin, its words, the file copied, the editor setting);
 * where that text cannot be read the finding is `unread-policy`.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, resolvePath } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import type { Finding } from './word-facts.js';

/** The sudoers policy files (Linux, BSD's /usr/local, macOS's /private) and visudo's temporary copy. */
const SUDOERS = /^(\/private)?(\/usr\/local)?\/etc\/sudoers(\.tmp|\.d\/[^/]+)?$/;

/** Commands that give root by themselves: everything, or a shell or su. */
export const ROOT_COMMAND = /^(ALL|(\/usr)?\/s?bin\/(ba|da|z|k|c|tc|fi)?sh|(\/usr)?\/bin\/su)$/;

/** `WHO HOSTS = [(RUNAS)] [TAG:]… COMMANDS`; a Defaults line is not a rule. */
const RULE = /^\s*(?!Defaults\b|#)(\S+)\s+[^=#]+?=\s*(?:\([^)]*\)\s*)?((?:[A-Z_]+\s*:\s*)*)(.+?)\s*$/;
/** A Defaults line that drops the password for the users it names (or everyone). */
const NO_AUTH = /^\s*Defaults\S*\s+(?:.*,\s*)?!authenticate\b/;

/** The lines of `text` that grant root (see the header); empty = none. */
export function rootGrants(text: string): string[] {
  return text
    .split(/\r?\n|\\n/)
    .filter((line) => {
      if (NO_AUTH.test(line)) return true;
      const m = RULE.exec(line);
      return m !== null && m[3].split(',').some((c) => ROOT_COMMAND.test(c.trim()));
    })
    .map((l) => l.trim());
}

/** Interactive editors: run by visudo they write only what a person types. */
const EDITORS =
  /^(vi|vim|nvim|nano|pico|emacs|emacsclient|micro|mcedit|joe|jed|kak|hx|helix|code|subl|mate|gedit|kate)$/;

/** The editor visudo or sudoedit runs, when set to something other than an interactive editor; '' = none. */
export function writingEditor(cmd: NormalizedCommand): string {
  const set = ['SUDO_EDITOR', 'VISUAL', 'EDITOR'].map((v) => cmd.vars[v]).find((v) => v !== undefined);
  const program = (set ?? '').trim().split(/\s+/)[0].split('/').pop() ?? '';
  return set !== undefined && !EDITORS.test(program) ? set : '';
}

/** Operands of `argv` (words that are not options), from index 1. */
const operands = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));

/**
 * The sudoers files `cmd` writes and the text it writes there; `text` undefined = not known.
 * Undefined = no sudoers file written.
 */
function written(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): { files: string[]; text?: string } | undefined {
  const isSudoers = (p: string) => SUDOERS.test(resolvePath(p, cmd, ctx));
  const redirected = cmd.writes.filter(isSudoers);
  const p = cmd.program;
  // sudoedit (`sudo -e`) runs the same editor settings on the files it is given
  const sudoedit = p === 'sudoedit';
  if (p === 'visudo' || sudoedit) {
    const editor = writingEditor(cmd);
    if (!editor) return undefined;
    const at = cmd.argv.findIndex((a) => a === '-f' || a === '--file');
    const named = sudoedit ? operands(cmd.argv).filter(isSudoers) : [];
    if (sudoedit && !named.length) return undefined;
    const file = sudoedit ? named.join(' ') : at > 0 ? (cmd.argv[at + 1] ?? '') : '/etc/sudoers';
    const stdin = readStdinDeep(cmd, ctx).text;
    // the editor's own words may carry the line (`EDITOR="sh -c 'echo … >> $0'"`)
    return {
      files: [file],
      text: stdin === undefined && !rootGrants(editor).length ? undefined : `${stdin ?? ''}\n${editor}`,
    };
  }
  if (p === 'tee') {
    const files = operands(cmd.argv).filter(isSudoers);
    return files.length ? { files, text: readStdinDeep(cmd, ctx).text } : undefined;
  }
  if (p === 'sed' && cmd.argv.some((a) => /^(-i|--in-place)/.test(a))) {
    const files = operands(cmd.argv).filter(isSudoers);
    return files.length ? { files, text: cmd.argv.slice(1).join('\n') } : undefined;
  }
  if (p === 'cp' || p === 'install' || p === 'mv') {
    const ops = operands(cmd.argv);
    const dest = ops[ops.length - 1] ?? '';
    if (ops.length < 2 || !isSudoers(dest)) return undefined;
    const texts = ops.slice(0, -1).map((f) => readPayloadFile(f, cmd, ctx).text);
    return { files: [dest], text: texts.some((t) => t === undefined) ? undefined : texts.join('\n') };
  }
  if (!redirected.length) return undefined;
  if (p === 'echo' || p === 'printf')
    // fail closed: a word not known statically may be the whole rule
    return { files: redirected, text: cmd.dynamicArgs.length ? undefined : cmd.argv.slice(1).join(' ') };
  if (p === 'cat' && !operands(cmd.argv).length)
    return { files: redirected, text: readStdinDeep(cmd, ctx).text };
  // fail closed: another program's output is not known
  return { files: redirected };
}

/** What `cmd` writes into the sudoers policy that grants root, as a finding; undefined = nothing. */
export function sudoersGrant(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  const w = written(cmd, ctx);
  if (!w) return undefined;
  // fail closed: a rule that cannot be read may grant everything
  if (w.text === undefined) return ['unread-policy', `sudoers ${w.files.join(' ')}: text not known`];
  const grants = rootGrants(w.text);
  return grants.length ? ['grant-admin', `sudoers ${w.files.join(' ')}: ${grants[0]}`] : undefined;
}
