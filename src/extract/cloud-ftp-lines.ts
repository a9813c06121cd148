/**
 * One command line of lftp (given with `-c`, `-e`, `-f FILE` or on stdin; cloud-stdin-repls.ts
 * splits the lines) read for what it deletes on the remote site:
 *
 * - a deleting command (`rm [-r] [-f]`, `rmdir`, `mrm`, `mrmdir`, `delete`, `mdelete`; `mv`
 *   renames, read apart as a move),
 *   also behind lftp's prefixes (`glob rm -r /site/*`, `queue rm x`, `repeat … rm x`);
 * - `mirror -R|--reverse` (an upload of a local folder over a remote one) with `-e|--delete` or
 *   `--delete-first`: remote files the local folder lacks are deleted, so an empty or wrong
 *   local folder empties the remote site (`mirror --reverse --delete /tmp/empty /public_html`);
 * - a download that removes what it fetched from the remote side: `mirror` without `-R` and
 *   with `--Remove-source-files`, `--Remove-source-dirs` or `--Move`; `get|mget|pget -E`.
 *
 * `mirror --dry-run|--just-print|--script=FILE` only prints what it would do. A mirror download
 * with `--delete` deletes local files only (not read here), an upload's `--Remove-source-files`
 * removes the local copies it uploaded (moved, not lost).
 */

/** Commands that delete remote files. */
const DELETES = /^(rm|rmdir|mrm|mrmdir|delete|mdelete)$/;
/**
 * Commands whose commands are not on the line: `source FILE` (or `source -e CMD`, a command's
 * output) runs a file of lftp commands, `eval` runs its expanded words, `!` a local shell command.
 */
const OPAQUE = /^(source|eval|!.*)$/;

/** What one lftp line does to remote files: deletes them, renames or moves them, or runs commands not known here. */
export type LftpAction = 'delete' | 'move' | 'unknown';
/** Prefixes that run the command after them, with the options each takes before it. */
const PREFIXES: Record<string, { valued: RegExp }> = {
  glob: { valued: /^$/ },
  queue: { valued: /^-n$/ },
  repeat: { valued: /^(-c|--count|-d|--delay)$/ },
  command: { valued: /^$/ },
};
/** mirror's short options that take a value (`-i RX`, `-O DIR`); the value may be glued (`-ORX`). */
const MIRROR_VALUED = new Set(['N', 'i', 'x', 'I', 'X', 'O', 'f', 'F']);
/** mirror's long options that take the next word as a value when written without `=`. */
const MIRROR_LONG_VALUED =
  /^--(newer-than|older-than|size-range|include|exclude|include-glob|exclude-glob|include-rx-from|exclude-rx-from|include-glob-from|exclude-glob-from|log|script|target-directory|file|directory|on-change|recursion|loop|max-errors|skip-noaccess|use-pget-n|exclude-rx|include-rx)$/;

/** The options a mirror line sets, by long name (`-Re` → reverse, delete). */
function mirrorOptions(words: string[]): Set<string> {
  const short: Record<string, string> = { R: 'reverse', e: 'delete' };
  const set = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('--')) {
      const name = w.slice(2).replace(/=.*$/s, '');
      set.add(name);
      if (!w.includes('=') && MIRROR_LONG_VALUED.test(`--${name}`)) i++;
      continue;
    }
    if (!w.startsWith('-') || w === '-') continue;
    for (let j = 1; j < w.length; j++) {
      if (MIRROR_VALUED.has(w[j])) {
        if (j === w.length - 1) i++;
        break;
      }
      if (short[w[j]]) set.add(short[w[j]]);
    }
  }
  return set;
}

/** True when a mirror line's options delete or move away remote files (see the header). */
function mirrorDeletes(words: string[]): boolean {
  const o = mirrorOptions(words);
  if (o.has('dry-run') || o.has('just-print') || o.has('script')) return false;
  if (o.has('reverse')) return o.has('delete') || o.has('delete-first');
  return o.has('Remove-source-files') || o.has('Remove-source-dirs') || o.has('Move');
}

/** The words of the command a line runs, lftp's prefixes (`glob`, `queue`, `repeat`) taken off. */
function commandWords(line: string): string[] {
  let words = line.trim().split(/\s+/).filter(Boolean);
  for (let n = 0; n < 4 && words.length > 0; n++) {
    const prefix = PREFIXES[words[0].toLowerCase()];
    if (!prefix) break;
    let i = 1;
    while (i < words.length && words[i].startsWith('-')) i += prefix.valued.test(words[i]) ? 2 : 1;
    // `repeat 5m rm x`: a bare delay before the command
    if (words[0] === 'repeat' && /^\d+[smhd]?$/.test(words[i] ?? '')) i++;
    words = words.slice(i);
  }
  return words;
}

/** What one lftp command line does (see the header and LftpAction); undefined = nothing read here. */
export function lftpLineAction(line: string): LftpAction | undefined {
  const [verb = '', ...rest] = commandWords(line);
  const v = verb.toLowerCase();
  if (DELETES.test(v)) return 'delete';
  if (v === 'mv') return 'move';
  if (OPAQUE.test(v)) return 'unknown';
  if (v === 'mirror') return mirrorDeletes(rest) ? 'delete' : undefined;
  if (/^(get|mget|pget)$/.test(v) && rest.some((w) => /^-[a-zA-Z]*E/.test(w) && !w.startsWith('--')))
    return 'delete';
  return undefined;
}

/** True when one lftp command line deletes or moves away remote files (see the header). */
export const lftpLineDeletes = (line: string): boolean => lftpLineAction(line) === 'delete';
