/**
 * Commands whose output is a list of file names below the paths they are given, read for
 * what xargs appends when fed by them (fs-found.ts): `grep -l`/`-L` (and -r), `rg -l` /
 * `--files`, `git ls-files`. Anything else they print (matched lines, counts) is not a name,
 * so a lister without its name-only option is not read.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { minimatch } from 'minimatch';
import { hasAny, parseOptions, type ParsedOptions } from './fs-options.js';

/** True when an --exclude-dir / --glob value given keeps `.git` out. */
function skipsGit(o: ParsedOptions, ...names: string[]): boolean {
  return names.some((n) =>
    (o.values.get(n) ?? []).some((v) =>
      v.startsWith('!') ? minimatch('.git', v.slice(1), { dot: true }) : minimatch('.git', v, { dot: true }),
    ),
  );
}

/** What a lister names: paths at or below `starts`. */
export interface Listed {
  /** The start paths as written (relative to the lister's directory). Never empty. */
  starts: string[];
  /** True when only some names there are listed (by content or name), not the start itself. */
  selective: boolean;
  /**
   * True when the listing descends into a repository's `.git` below a start (grep -r, rg
   * --hidden): names of its history files may be listed. False = never lists them.
   */
  vcs: boolean;
}

const GREP = new Set(['grep', 'egrep', 'fgrep', 'rgrep']);

/** grep's options that take a value (short letters, long names). */
const GREP_SHORT_V = 'efmABCdD';
const GREP_LONG_V = [
  'regexp',
  'file',
  'max-count',
  'after-context',
  'before-context',
  'context',
  'directories',
  'devices',
  'include',
  'exclude',
  'exclude-dir',
  'exclude-from',
  'label',
  'binary-files',
];

/** ripgrep's options that take a value. */
const RG_SHORT_V = 'efgtTmABCjMEd';
const RG_LONG_V = [
  'regexp',
  'file',
  'glob',
  'iglob',
  'type',
  'type-not',
  'type-add',
  'type-clear',
  'max-count',
  'after-context',
  'before-context',
  'context',
  'threads',
  'max-columns',
  'encoding',
  'max-depth',
  'max-filesize',
  'ignore-file',
  'path-separator',
  'pre',
  'pre-glob',
  'sort',
  'sortr',
  'replace',
  'engine',
  'color',
  'colors',
  'context-separator',
  'field-match-separator',
  'field-context-separator',
  'dfa-size-limit',
  'regex-size-limit',
];

/** git ls-files' options that take a value. */
const LS_FILES_LONG_V = ['exclude', 'exclude-from', 'exclude-per-directory', 'with-tree', 'format', 'abbrev'];

/** grep's `-d recurse`, `-drecurse`, `--directories[=| ]recurse`: a search that descends as `-r` does. */
export function grepRecurses(args: string[]): boolean {
  return args.some(
    (a, i) =>
      /^(-[a-zA-Z]*d|--directories=)recurse$/.test(a) ||
      (/^(-[a-zA-Z]*d|--directories)$/.test(a) && args[i + 1] === 'recurse'),
  );
}

function grep(argv: string[]): Listed | undefined {
  const o = parseOptions(argv, 1, { shortWithValue: GREP_SHORT_V, longWithValue: GREP_LONG_V });
  if (!hasAny(o, 'l', 'L', 'files-with-matches', 'files-without-match')) return undefined;
  // fail closed: -R and --dereference-recursive follow links out of the start
  if (hasAny(o, 'R', 'dereference-recursive')) return undefined;
  const ops = o.operands.map((i) => argv[i]);
  const paths = hasAny(o, 'e', 'f', 'regexp', 'file') ? ops : ops.slice(1);
  // no path: -r searches here; otherwise stdin, named "(standard input)" here
  const recursive =
    argv[0] === 'rgrep' ||
    hasAny(o, 'r', 'recursive') ||
    [...(o.values.get('d') ?? []), ...(o.values.get('directories') ?? [])].includes('recurse');
  const vcs = !!recursive && !skipsGit(o, 'exclude-dir');
  return { starts: paths.length ? paths.map((p) => (p === '-' ? '.' : p)) : ['.'], selective: true, vcs };
}

function rg(argv: string[]): Listed | undefined {
  const o = parseOptions(argv, 1, { shortWithValue: RG_SHORT_V, longWithValue: RG_LONG_V });
  const files = hasAny(o, 'files');
  if (!files && !hasAny(o, 'l', 'files-with-matches', 'files-without-match')) return undefined;
  // fail closed: -L follows links out of the start
  if (hasAny(o, 'L', 'follow')) return undefined;
  const ops = o.operands.map((i) => argv[i]);
  const paths = files || hasAny(o, 'e', 'f', 'regexp', 'file') ? ops : ops.slice(1);
  // hidden entries (.git among them) are searched with --hidden or -uu
  const hidden = hasAny(o, 'hidden') || argv.some((a) => /^-[a-zA-Z]*u[a-zA-Z]*u/.test(a) || a === '-uuu');
  const vcs = hidden && !skipsGit(o, 'g', 'glob', 'iglob');
  return { starts: paths.length ? paths : ['.'], selective: true, vcs };
}

/** `git ls-files [opts] [--] [PATHSPEC…]`: files of the repository at or below here. */
function lsFiles(argv: string[]): Listed | undefined {
  if (argv[1] !== 'ls-files') return undefined;
  const o = parseOptions(argv, 2, { shortWithValue: 'xX', longWithValue: LS_FILES_LONG_V });
  const specs = o.operands.map((i) => argv[i]);
  // fail closed: pathspec magic (`:/`, `:(top)`) names places above here
  if (specs.some((s) => s.startsWith(':'))) return undefined;
  return { starts: specs.length ? specs : ['.'], selective: true, vcs: false };
}

/** What `from` lists, when it is a lister read here; undefined otherwise. */
export function listedBy(from: NormalizedCommand): Listed | undefined {
  if (GREP.has(from.program)) return grep(from.argv);
  if (from.program === 'rg') return rg(from.argv);
  if (from.program === 'git') return lsFiles(from.argv);
  return undefined;
}
