/**
 * Centralised version control, whose commands act on the server's history at once (no push
 * to undo first), read into git's actions (argv only):
 * - CVS: `admin -o RANGE FILE` deletes revisions from the repository (action `obliterate`),
 *   `admin -n|-N TAG` (no `:REV`) deletes a tag and `-N TAG:REV` moves it; `rtag|tag -d TAG`
 *   deletes a tag or branch tag on the server (`delete-remote-ref`), `-F` moves an existing one
 *   (`ref-move`). `cvs remove` only schedules until a commit: not read;
 * - Perforce: `p4 obliterate -y FILE…` (and `p4 stream --obliterate -y`) purges files and
 *   their history (without `-y` it only previews), `p4 label|branch|stream|depot -d NAME`
 *   and `p4 tag -d -l LABEL` delete a label, branch or stream spec on the server, `p4 clean`
 *   deletes the workspace's extra files and discards its edits (`-n` previews); `p4 delete|rm`
 *   of a whole tree (a path ending in Perforce's recursive wildcard, `//depot/main/...`,
 *   `...`) opens every file under it for deletion, which the next submit removes from the
 *   depot's head: read as the deletion of that server path (`delete-remote-ref`), as `svn
 *   delete URL` is (`-n` previews; one file or a non-recursive pattern only schedules: not read);
 * - Subversion's server tools: `svnmucc rm URL` (and `mv URL …`, or either in its `-X FILE`) commits a deletion at once; `svnadmin
 *   setlog|setrevprop|delrevprop` and `svn propset|propdel|propedit --revprop` replace a
 *   revision property (its log message, author, date) that is not versioned, so the old
 *   value is gone (`revprop-overwrite`);
 * - Plastic SCM: `cm branch|label delete SPEC…` deletes them on the server, `cm changeset
 *   delete CS` and `cm repository delete REP` delete history (`obliterate`), `cm undo`
 *   discards pending changes;
 * - Darcs: `darcs obliterate|unpull` deletes recorded patches and their changes from the
 *   repository (`reset-hard`; `--dry-run` or `-o|--output FILE`, which keeps them in a bundle,
 *   lose nothing).
 * - ClearCase: `cleartool rmelem|rmver|rmbranch|rmtype|rmvob|rmview …` (git-clearcase.ts).
 * The fact's remote is the repository named (CVSROOT, P4PORT, a URL), empty = the default.
 */
import { hasAny, lastValue, parseOptions } from './fs-options.js';
import { act, type GitAction } from './git-act.js';
import type { AlikeRead } from './git-alikes.js';
import { clearcaseActions } from './git-clearcase.js';

/** Global options that take a value, per tool (written apart from their value). */
const GLOBAL: Record<string, RegExp> = {
  cvs: /^-[desTz]$/,
  p4: /^-[cCdHpPuxzrvLQ]$/,
  svnmucc:
    /^(-[mFupUrX]|--message|--file|--username|--password|--root-url|--revision|--extra-args|--config-dir|--config-option|--with-revprop)$/,
  svnadmin: /^(--config-dir|-M|--memory-cache-size)$/,
  cm: /^$/,
  darcs: /^$/,
};

/** The index of the subcommand (first word that is not a global option or its value); -1 = none. */
function subIndex(tool: string, argv: string[]): number {
  for (let i = 1; i < argv.length; i++) {
    if (GLOBAL[tool].test(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return i;
  }
  return -1;
}

/** CVS's command aliases. */
const CVS_ALIAS: Record<string, string> = {
  adm: 'admin',
  rcs: 'admin',
  rt: 'rtag',
  rfreeze: 'rtag',
  ta: 'tag',
  freeze: 'tag',
};

function cvs(argv: string[], at: number): GitAction[] {
  const d = argv.findIndex((a, i) => i < at && /^-d/.test(a));
  const root = d < 0 ? '' : argv[d] === '-d' ? (argv[d + 1] ?? '') : argv[d].slice(2);
  const sub = CVS_ALIAS[argv[at]] ?? argv[at];
  // the global `-n` (`cvs -n rtag -d X`, `cvs -qn admin -o …`): only reports, changes nothing
  if (
    argv
      .slice(1, at)
      .some((a, i, g) => /^-[a-zA-Z]*n[a-zA-Z]*$/.test(a) && !/^-[a-zA-Z]*[dTezs]$/.test(g[i - 1] ?? ''))
  )
    return [];
  if (sub === 'admin') {
    const o = parseOptions(argv, at + 1, { shortWithValue: 'cAanNmosVk' });
    const out: GitAction[] = [];
    for (const r of o.values.get('o') ?? []) out.push(act('obliterate', [r], root));
    for (const t of [...(o.values.get('n') ?? []), ...(o.values.get('N') ?? [])]) {
      const [name, rev] = t.split(':');
      if (rev === undefined) out.push(act('delete-remote-ref', [name], root));
      else if ((o.values.get('N') ?? []).includes(t)) out.push(act('ref-move', [name], root));
    }
    return out;
  }
  if (sub === 'rtag' || sub === 'tag') {
    const o = parseOptions(argv, at + 1, { shortWithValue: 'rDj' });
    const tag = o.operands.length ? argv[o.operands[0]] : '';
    if (hasAny(o, 'n') && sub === 'tag') return [];
    if (hasAny(o, 'd')) return [act('delete-remote-ref', [tag], root)];
    if (hasAny(o, 'F')) return [act('ref-move', [tag], root)];
  }
  return [];
}

function p4(argv: string[], at: number): GitAction[] {
  const p = argv.findIndex((a, i) => i < at && a === '-p');
  const port = p < 0 ? '' : (argv[p + 1] ?? '');
  const sub = argv[at];
  const o = parseOptions(argv, at + 1, { shortWithValue: 'tloSPmc', longWithValue: ['type', 'parent'] });
  const names = o.operands.map((i) => argv[i]);
  if (sub === 'obliterate' || (sub === 'stream' && hasAny(o, 'obliterate')))
    return hasAny(o, 'y') ? [act('obliterate', names, port)] : [];
  if (/^(label|branch|stream|depot)$/.test(sub) && hasAny(o, 'd'))
    return [act('delete-remote-ref', names, port)];
  if (sub === 'tag' && hasAny(o, 'd')) return [act('delete-remote-ref', o.values.get('l') ?? [], port)];
  if (sub === 'clean' && !hasAny(o, 'n')) return [act('clean-force')];
  const trees = names.filter((n) => n === '...' || n.endsWith('/...'));
  if (/^(delete|rm|remove)$/.test(sub) && trees.length && !hasAny(o, 'n'))
    return [act('delete-remote-ref', trees, port)];
  return [];
}

/** svnmucc's options that take a value. */
const SVNMUCC_OPTIONS = {
  shortWithValue: 'mFupUrX',
  longWithValue: [
    'message',
    'file',
    'username',
    'password',
    'root-url',
    'revision',
    'extra-args',
    'config-dir',
    'config-option',
    'with-revprop',
  ],
};

/** Reads a file a tool takes more arguments from (`-` = stdin); undefined = not known. */
export type ArgFileReader = (file: string) => string | undefined;

/**
 * `svnmucc [opts] ACTION…`: each `rm URL` (relative to `-U ROOT` when not a URL) is deleted on
 * the server, and `mv SRC DST` takes SRC away from where it was (trunk moved aside is gone from
 * trunk). `-X FILE` (`--extra-args`, `-` = stdin) adds one argument per line of FILE, read with
 * `read`; fail closed: a file not known may hold any `rm`, read as a deletion of what it names.
 */
function svnmucc(argv: string[], read?: ArgFileReader): GitAction[] {
  const given = parseOptions(argv, 1, SVNMUCC_OPTIONS);
  const out: GitAction[] = [];
  const extra: string[] = [];
  for (const f of [...(given.values.get('X') ?? []), ...(given.values.get('extra-args') ?? [])]) {
    const text = read?.(f);
    if (text === undefined) out.push(act('delete-remote-ref', [`(actions in ${f})`]));
    else extra.push(...text.split(/\r?\n/).filter((l) => l !== ''));
  }
  const all = [...argv, ...extra];
  const o = extra.length ? parseOptions(all, 1, SVNMUCC_OPTIONS) : given;
  const root = lastValue(o, 'U', 'root-url') ?? '';
  const words = o.operands.map((i) => all[i]);
  words.forEach((w, i) => {
    if ((w !== 'rm' && w !== 'mv') || i + 1 >= words.length) return;
    const url = /^[a-z+]+:\/\//.test(words[i + 1]) ? words[i + 1] : `${root}/${words[i + 1]}`;
    const m = /^([a-z+]+:\/\/[^/]*)?(.*)$/.exec(url) as RegExpExecArray;
    out.push(act('delete-remote-ref', [m[2] || '/'], m[1] ?? ''));
  });
  return out;
}

/** `svn propset|propdel|propedit --revprop …`: a revision property replaced for good. */
export function svnRevprop(args: string[]): GitAction[] {
  if (!/^(propset|pset|ps|propdel|pdel|pd|propedit|pedit|pe)$/.test(args[0] ?? '')) return [];
  return args.includes('--revprop') ? [act('revprop-overwrite')] : [];
}

function cm(argv: string[], at: number): GitAction[] {
  const [obj, verb] = [argv[at], argv[at + 1] ?? ''];
  const specs = argv.slice(at + 2).filter((a) => !a.startsWith('-'));
  const deleting = /^(delete|rm|remove)$/.test(verb);
  if (/^(branch|br|label|lb)$/.test(obj) && deleting) return [act('delete-remote-ref', specs)];
  if (/^(changeset|cs|repository|repo)$/.test(obj) && deleting) return [act('obliterate', specs)];
  if (obj === 'undo' && !argv.includes('--dry-run')) return [act('discard-worktree')];
  return [];
}

function darcs(argv: string[], at: number): GitAction[] {
  if (!/^(obliterate|unpull)$/.test(argv[at])) return [];
  const o = parseOptions(argv, at + 1, {
    shortWithValue: 'opt',
    longWithValue: ['output', 'patches', 'patch', 'tags', 'matches', 'hash', 'repodir'],
  });
  return hasAny(o, 'dry-run', 'o', 'output', 'O', 'output-auto-name', 'h', 'help') ? [] : [act('reset-hard')];
}

/** What a centralised tool's command does to shared history; undefined = not such a tool. */
export function centralActions(program: string, argv: string[], read?: ArgFileReader): AlikeRead | undefined {
  if (program === 'cleartool' || program === 'multitool') return clearcaseActions(argv);
  if (!Object.hasOwn(GLOBAL, program)) return undefined;
  if (program === 'svnmucc') return { subcommand: 'svnmucc', actions: svnmucc(argv, read) };
  const at = subIndex(program, argv);
  if (at < 0) return { subcommand: '', actions: [] };
  const sub = argv[at];
  let actions: GitAction[] = [];
  if (program === 'cvs') actions = cvs(argv, at);
  else if (program === 'p4') actions = p4(argv, at);
  else if (program === 'cm') actions = cm(argv, at);
  else if (program === 'darcs') actions = darcs(argv, at);
  else if (/^(setlog|setrevprop|delrevprop)$/.test(sub))
    actions = [act('revprop-overwrite', [argv[at + 1] ?? ''])];
  return { subcommand: `${program} ${sub}`, actions };
}
