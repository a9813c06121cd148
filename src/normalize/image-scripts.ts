/**
 * Command files of the disk-image editors (remote-images.ts), read as the commands they hold:
 * - guestfish's script (`-f FILE`, or stdin when its command line names no command): one
 *   command per line, words quoted as a shell quotes them, `#` comments, a leading `-` (keep
 *   going on error) dropped; `!CMD` runs CMD on this machine, `<! CMD` runs CMD here and takes
 *   its output as more commands (not known here);
 * - virt-customize's and virt-sysprep's `--commands-from-file FILE`: one option per line
 *   without its dashes (`delete /etc/x`, `run-command rm -rf /srv`), the rest of the line its
 *   value, a trailing `\` continuing the line, `#` comments.
 */
import type { Field } from './state.js';
import type { K } from './emit.js';
import { scriptFile } from './shells.js';

/**
 * The text of a command file: `file` (written earlier in the script, else read through
 * ctx.readFile), or stdin when `file` is undefined (its text when known, the file it is
 * redirected from). Undefined = not known (a value the shell fills in, a file that can't be
 * read, a pipe of unknown output, no stdin given).
 */
export function scriptText(file: Field | undefined, k: K): string | undefined {
  if (file) return file.dynamic || !file.text ? undefined : scriptFile(file.text, k);
  const stdin = k.io.stdin;
  if (stdin?.text !== undefined) return stdin.text;
  return stdin?.kind === 'file' && stdin.path ? scriptFile(stdin.path, k) : undefined;
}

/** A line's words, quotes removed (`write /etc/x "a b"` → write, /etc/x, a b). */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]),
  );
}

/** What a guestfish script holds. */
export interface FishScript {
  /** Each command's words, in order; empty = none. */
  commands: string[][];
  /** Shell commands run on this machine (`!CMD`); empty = none. */
  local: string[];
  /** True when a `<! CMD` line adds commands not known here. */
  unknown: boolean;
}

export function fishScript(text: string): FishScript {
  const out: FishScript = { commands: [], local: [], unknown: false };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('<!')) out.unknown = true;
    else if (line.startsWith('!')) out.local.push(line.slice(1));
    else out.commands.push(words(line.replace(/^-\s*/, '')));
  }
  return out;
}

/** `--commands-from-file` lines as [`--option`, value] pairs. */
export function customizeFileLines(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.replace(/\\\r?\n/g, '').split(/\r?\n/)) {
    const m = /^\s*([a-z][\w-]*)(?:[\s=]\s*(.*?))?\s*$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    out.push([`--${m[1]}`, m[2] ?? '']);
  }
  return out;
}
