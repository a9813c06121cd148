/**
 * Programs that delete files across the trees they are given, chosen by a criterion rather
 * than named: duplicate finders (`rdfind -deleteduplicates true DIR`, `fdupes -rdN DIR`,
 * `jdupes -d -N DIR`, `fclones group DIR | fclones remove`, `czkawka_cli dup -d DIR
 * --delete-method AEN`) and age-based cleaners
 * (`tmpwatch 24 DIR`, `tmpreaper 7d DIR`, `pg_archivecleanup DIR SEGMENT`: a WAL archive's
 * older segments). Each is read as a recursive delete of its trees,
 * so the class of the tree decides: a build folder of the workspace is routine, the home
 * folder or `/` is not. Replacing duplicates with links rewrites the files there (op
 * `overwrite`). Dry runs, listings and help delete nothing (no fact). Reads the words, and
 * the report `fclones remove` is fed from a file through ctx.readFile.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';
import { optionWord } from './help-words.js';

/** A value rdfind reads as true; a value not known statically counts as true (fail closed). */
function rdfindTrue(cmd: NormalizedCommand, name: string): boolean {
  const i = cmd.argv.findIndex((a, j) => j > 0 && a === `-${name}`);
  if (i < 0) return false;
  // fail closed: a switch whose value is not known may be on
  if (cmd.dynamicArgs.includes(i + 1)) return true;
  return /^(true|1|yes)$/i.test(cmd.argv[i + 1] ?? '');
}

/** rdfind's options without a value (every other `-name` takes one). */
const RDFIND_FLAGS = /^-(h|help|v|version)$/;

/** `rdfind [-opt value]… DIR…`: -deleteduplicates true deletes, -make(sym|hard)links true rewrites. */
const rdfind: FsHandler = (cmd, ctx) => {
  if (rdfindTrue(cmd, 'dryrun') || rdfindTrue(cmd, 'n')) return [];
  const trees: FsTarget[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (RDFIND_FLAGS.test(a)) return [];
    if (a.startsWith('-')) i++;
    else trees.push(target(cmd, i, ctx));
  }
  if (rdfindTrue(cmd, 'deleteduplicates')) return fsFact(cmd, 'delete', trees, true, true);
  if (rdfindTrue(cmd, 'makesymlinks') || rdfindTrue(cmd, 'makehardlinks'))
    return fsFact(cmd, 'overwrite', trees, true, true);
  return [];
};

/** fdupes' options (2.x): the ones that take a value, and every long name for prefixes. */
const FDUPES: OptionSpec = {
  shortWithValue: 'xoGLlX',
  longWithValue: ['xsize', 'order', 'minsize', 'maxsize', 'log', 'exclude'],
  long: [
    'recurse',
    'recurse:',
    'nohidden',
    'symlinks',
    'hardlinks',
    'noempty',
    'omitfirst',
    'sameline',
    'size',
    'time',
    'summarize',
    'quiet',
    'reverse',
    'delete',
    'immediate',
    'noprompt',
    'plain',
    'deferconfirmation',
    'permissions',
    'cache',
    'nocache',
    'version',
    'help',
  ],
};

/** jdupes' options: the ones that take a value, and every long name for prefixes. */
const JDUPES: OptionSpec = {
  shortWithValue: 'oXPyCx',
  longWithValue: ['order', 'ext-filter', 'print', 'hash-db', 'chunk-size', 'xsize'],
  long: [
    'recurse',
    'recurse:',
    'delete',
    'no-prompt',
    'link-soft',
    'link-hard',
    'dedupe',
    'summarize',
    'omit-first',
    'quiet',
    'size',
    'version',
    'help',
  ],
};

/**
 * fdupes/jdupes `-d` (and fdupes `-I`, which deletes as it goes) delete all but one file of
 * each set below the directories; without -N they ask per set, which an agent answers from
 * stdin, so the delete counts either way. jdupes `-l`/`-L` replace duplicates with links.
 */
const dupes: FsHandler = (cmd, ctx) => {
  const jd = cmd.program === 'jdupes';
  const o = parseOptions(cmd.argv, 1, jd ? JDUPES : FDUPES);
  if (hasAny(o, 'h', 'help', 'v', 'version')) return [];
  const trees = o.operands.map((i) => target(cmd, i, ctx));
  const force = hasAny(o, 'N', 'noprompt', 'no-prompt');
  if (hasAny(o, 'd', 'delete') || (!jd && hasAny(o, 'I', 'immediate')))
    return fsFact(cmd, 'delete', trees, true, force);
  if (jd && hasAny(o, 'l', 'L', 'link-soft', 'link-hard')) return fsFact(cmd, 'overwrite', trees, true, true);
  return [];
};

/** The directories of the `fclones group DIR…` whose report is piped into `cmd`; undefined = not piped from one. */
function groupedTrees(cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget[] | undefined {
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  if (!from || from.program !== 'fclones' || from.argv[1] !== 'group') return undefined;
  const o = parseOptions(from.argv, 2, {
    shortWithValue: 'oftsn',
    longWithValue: ['output', 'format', 'threads', 'min', 'max', 'name', 'path', 'exclude', 'rf-over'],
  });
  return o.operands.map((i) => target(from, i, ctx));
}

/** The files an fclones report names (lines holding one absolute path); undefined = not readable. */
function reportedFiles(cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget[] | undefined {
  const file = cmd.stdin?.kind === 'file' ? cmd.stdin.path : undefined;
  const text = file !== undefined ? (cmd.stdin?.text ?? ctx.readFile?.(file)) : undefined;
  if (text === undefined) return undefined;
  const paths = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/'));
  return paths.map((p) => targetOf(p, cmd, ctx));
}

/** `fclones remove|link|move` act on the files of the report read from stdin. */
const fclones: FsHandler = (cmd, ctx) => {
  const sub = cmd.argv[1] ?? '';
  if (!/^(remove|link|move)$/.test(sub) || optionWord(cmd.argv, (a) => a === '--dry-run' || a === '--help'))
    return [];
  const trees = groupedTrees(cmd, ctx) ??
    reportedFiles(cmd, ctx) ?? [
      // fail closed: the report piped in is not known, so the files it names may be anywhere
      { raw: '(files listed in the report on stdin)', path: '', class: 'unknown' as const, glob: false },
    ];
  return fsFact(cmd, sub === 'link' ? 'overwrite' : sub === 'move' ? 'move' : 'delete', trees, true, true);
};

/**
 * `tmpwatch [options] HOURS DIR…` / `tmpreaper [options] TIME DIR…`: every file below the
 * directories not used for that long is deleted. `--test` / `-t` only lists.
 */
const ageCleaner: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'xXU',
    longWithValue: ['exclude', 'exclude-pattern', 'exclude-user', 'protect', 'delay'],
  });
  if (hasAny(o, 't', 'test', 'help', 'version')) return [];
  const [, ...dirs] = o.operands;
  return fsFact(
    cmd,
    'delete',
    dirs.map((i) => target(cmd, i, ctx)),
    true,
    true,
  );
};

/**
 * `pg_archivecleanup [-d] [-x EXT] ARCHIVEDIR OLDESTKEPTWALFILE`: every WAL segment in the
 * archive older than the one named is deleted (point-in-time recovery before it is lost);
 * `-n` only lists them.
 */
const pgArchiveCleanup: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'x' });
  if (hasAny(o, 'n', 'V', 'version', '?', 'help')) return [];
  return fsFact(
    cmd,
    'delete',
    o.operands.slice(0, 1).map((i) => target(cmd, i, ctx)),
    true,
    true,
  );
};

/** czkawka_cli's delete methods that delete (the rest: HARD links, NONE keeps all). */
const CZKAWKA_DELETES = /^(AEN|AEO|ON|OO|AEB|AES|OB|OS)$/i;

/**
 * `czkawka_cli dup|image|video|music|big|empty-folders|empty-files|temp|broken|bad-extensions
 * -d DIR… [-D METHOD | -D]`: `--delete-method` other than NONE (HARD links the duplicates)
 * deletes the files found below the directories, as does `-D`/`--delete-files` of the other
 * finders. `--dry-run` deletes nothing.
 */
const czkawka: FsHandler = (cmd, ctx) => {
  const argv = cmd.argv;
  if (argv.some((a) => /^(--dry-run|-h|--help|-V|--version)$/.test(a))) return [];
  const trees: FsTarget[] = [];
  let op: 'delete' | 'overwrite' | undefined;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (/^(-d|--directories)$/.test(a))
      for (; i + 1 < argv.length && !argv[i + 1].startsWith('-'); i++) trees.push(target(cmd, i + 1, ctx));
    else if (/^(-D|--delete-method|--delete-files)$/.test(a)) {
      const v = argv[i + 1] ?? '';
      // fail closed: a method not known statically may delete
      if (cmd.dynamicArgs.includes(i + 1) || CZKAWKA_DELETES.test(v)) op = 'delete';
      else if (/^HARD$/i.test(v)) op = 'overwrite';
      else if (!/^NONE$/i.test(v)) op = 'delete';
    }
  }
  return op ? fsFact(cmd, op, trees, true, true) : [];
};

/** Program → reader of the trees it deletes from by a criterion; a program not listed is not this module's. */
export const CLEANER_HANDLERS: Record<string, FsHandler> = {
  czkawka_cli: czkawka,
  'czkawka-cli': czkawka,
  rdfind,
  fdupes: dupes,
  jdupes: dupes,
  fclones,
  tmpwatch: ageCleaner,
  tmpreaper: ageCleaner,
  pg_archivecleanup: pgArchiveCleanup,
};
