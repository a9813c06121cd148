/**
 * Partition editors that only read: fdisk and gdisk fed a session on stdin (`printf 'p\nq\n' |
 * fdisk /dev/sdb`, a heredoc, a here-string), parted given its commands on the command line
 * (`parted -s /dev/sdb unit s print`) or on stdin, and sfdisk's listing and dry-run options.
 * fdisk and gdisk keep every change in memory until `w`; parted writes each change as it runs
 * it, so every one of its commands must be a reading one. sfdisk: fs-sfdisk.ts. A session is read-only only when
 * all of it is known and each command is on the reading list (up to the first quit): stdin
 * not known statically (a file, a variable, another program's output) or an interactive
 * session stays a change to the disk (fail closed). Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { sfdiskReads } from './fs-sfdisk.js';

/**
 * fdisk's and gdisk's commands (one per line, the first character) that change nothing on
 * disk: print, info, list types, verify, free space, help. Empty lines and numbers (answers
 * to `i`'s partition prompt) are read as nothing. `q` quits without writing.
 */
const DISK_READS: Record<string, RegExp> = {
  fdisk: /^(p|i|l|v|F|m|\d*)$/,
  gdisk: /^(p|i|l|v|\?|\d*)$/,
};

/** True when a fdisk/gdisk session (stdin text) reads only: known commands, up to `q` or the end. */
function diskSessionReads(program: string, text: string): boolean {
  const reads = DISK_READS[program];
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word === 'q') return true;
    if (!reads.test(word)) return false;
  }
  return true;
}

/** parted's commands, in full (a command may be written as any unique prefix: `p` = print). */
const PARTED_COMMANDS = [
  'align-check',
  'disk_set',
  'disk_toggle',
  'help',
  'mklabel',
  'mktable',
  'mkpart',
  'mkpartfs',
  'mkfs',
  'move',
  'cp',
  'check',
  'name',
  'print',
  'quit',
  'rescue',
  'resize',
  'resizepart',
  'rm',
  'select',
  'set',
  'toggle',
  'type',
  'unit',
  'version',
];

/** parted's reading commands → how many words after them are their values (print's `free`, `unit s`). */
const PARTED_READS: Record<string, RegExp[]> = {
  print: [/^(free|all|devices|list|\d+)$/],
  unit: [/^\S+$/],
  'align-check': [/^\S+$/, /^\d+$/],
  help: [/^\S+$/],
  version: [],
  quit: [],
};

/** The parted command a word names (exact, else the one command it is a prefix of); undefined = none or ambiguous. */
function partedCommand(word: string): string | undefined {
  const w = word.toLowerCase();
  if (PARTED_COMMANDS.includes(w)) return w;
  const hits = PARTED_COMMANDS.filter((c) => c.startsWith(w));
  return hits.length === 1 ? hits[0] : undefined;
}

/** True when a list of parted command words only reads (unknown words are changes: fail closed). */
function partedWordsRead(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const c = partedCommand(words[i]);
    if (!c || !Object.hasOwn(PARTED_READS, c)) return false;
    if (c === 'quit') return true;
    for (const value of PARTED_READS[c]) {
      // an optional value (print's, help's) is taken only when it is one
      if (i + 1 < words.length && value.test(words[i + 1])) i++;
    }
  }
  return true;
}

/** parted's options whose value is the next word (`-a opt`). */
const PARTED_VALUED = /^(-a|--align)$/;

/**
 * True when parted only lists or prints: `-l`, `--version`, `--help`, or a device followed by
 * reading commands only (on the command line, or, with none there, the session on stdin).
 */
function partedReads(cmd: NormalizedCommand): boolean {
  const args = cmd.argv.slice(1);
  if (cmd.dynamicArgs.length) return false;
  if (args.some((a) => /^(-l|--list|-v|--version|-h|--help)$/.test(a))) return true;
  const words: string[] = [];
  let device = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (PARTED_VALUED.test(a)) i++;
    else if (a === '--') continue;
    else if (a.startsWith('-') && !/^-\d/.test(a)) continue;
    else if (!device) device = true;
    else words.push(a);
  }
  if (words.length) return partedWordsRead(words);
  const text = cmd.stdin?.text;
  // fail closed: an interactive session, or commands on stdin not known statically
  return text !== undefined && partedWordsRead(text.split(/\s+/).filter(Boolean));
}

/** fdisk's and gdisk's options that list and quit. */
const LISTS: Record<string, RegExp> = {
  fdisk: /^(-l|--list|-x|--list-details|-s|--getsz|-T|--list-types|-h|--help|-V|--version|-d|--dump|print)$/,
  gdisk: /^(-l|-h|--help|-V|--version)$/,
};

/**
 * True when this run of fdisk, gdisk, parted or sfdisk changes nothing on disk (see the
 * header); false for any other program, and whenever what it does is not known.
 */
export function partitionEditorReads(cmd: NormalizedCommand): boolean {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (p === 'parted') return partedReads(cmd);
  if (p === 'sfdisk') return sfdiskReads(cmd);
  if (p !== 'fdisk' && p !== 'gdisk') return false;
  if (args.some((a) => LISTS[p].test(a))) return true;
  const text = cmd.stdin?.text;
  // fail closed: an interactive session, or a session on stdin not known statically
  return text !== undefined && diskSessionReads(p, text);
}
