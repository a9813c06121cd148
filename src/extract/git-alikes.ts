/**
 * Version control tools with git's semantics, read into git's actions (argv only):
 * - Dolt, a database versioned like git: `dolt push --force`, `dolt reset --hard`, `dolt
 *   branch -D` take git's words and flags, so git's readers read them; `dolt clean` deletes
 *   untracked tables without being forced;
 * - Jujutsu: `jj bookmark set|move NAME --allow-backwards` moves a bookmark back (the next
 *   `jj git push` force-pushes it), `jj git push --deleted` deletes remote bookmarks and
 *   `--all` pushes every one, `jj op abandon` drops the operation log undo relies on, `jj
 *   util gc --expire` prunes what it no longer holds;
 * - Sapling (and Mercurial where it agrees): `sl push --to B --force` moves the remote
 *   bookmark wherever the commit is, `--delete B` deletes it; `purge` / `clean` delete
 *   untracked files; `update|goto|checkout --clean` discards uncommitted changes;
 * - Subversion: `svn delete|rm URL…` commits the deletion of a path on the server at once
 *   (a branch, trunk, a whole project), read as a deleted remote ref named by its path
 *   (`svn delete FILE` in a working copy only schedules it: not read);
 * - Fossil: `fossil clean` deletes the checkout's extra files (`--verily` also the ignored
 *   ones, without an undo), read like `git clean -f`; `--dry-run` / `-n` / `--whatif` only list;
 * - Bazaar and Breezy: `bzr|brz push --overwrite [LOCATION]` replaces the remote branch's
 *   history with the local one (a force push; `--overwrite-tags` replaces its tags);
 * - Game of Trees: `got send -f|-d`, `got branch -d`, `gotadmin cleanup` (git-got.ts);
 * - DataLad: `datalad push --to SIBLING --force gitpush|all` force-pushes the dataset's
 *   branches to the sibling (`--force checkdatapresent` only re-sends annexed data).
 */
import { hasAny, lastValue, parseOptions } from './fs-options.js';
import { act, type GitAction } from './git-act.js';
import { READERS } from './git-actions.js';
import { centralActions, svnRevprop, type ArgFileReader } from './git-central.js';
import { got, gotadmin } from './git-got.js';

/** A subcommand and what it does; undefined from a reader = not this tool. */
export interface AlikeRead {
  subcommand: string;
  actions: GitAction[];
}

/** Global options that take a value, per tool, so their value is not read as the subcommand. */
const GLOBAL_WITH_VALUE: Record<string, RegExp> = {
  dolt: /^(--data-dir|--doltcfg-dir|--privilege-file|--branch-control-file|--use-db|--branch|--profile|--host|--port|-u|--user|-p|--password)$/,
  jj: /^(-R|--repository|--at-op|--at-operation|--color|--config|--config-toml|--config-file)$/,
  sl: /^(-R|--repository|--cwd|--config|--encoding|--color|--pager)$/,
};
GLOBAL_WITH_VALUE.hg = GLOBAL_WITH_VALUE.sl;
GLOBAL_WITH_VALUE.svn =
  /^(-m|--message|-F|--file|--username|--password|--config-dir|--config-option|-r|--revision|--depth|--encoding|--editor-cmd|--with-revprop|--targets|-c|--change|--cl|--changelist)$/;
GLOBAL_WITH_VALUE.bzr = /^(-d|--directory|--profile-imports)$/;
GLOBAL_WITH_VALUE.brz = GLOBAL_WITH_VALUE.bzr;
GLOBAL_WITH_VALUE.datalad =
  /^(-l|--log-level|-c|-C|-f|--output-format|--report-status|--report-type|--on-failure|--dbg)$/;
// Game of Trees takes no global option with a value (git-got.ts)
GLOBAL_WITH_VALUE.got = /^$/;
GLOBAL_WITH_VALUE.gotadmin = /^$/;
GLOBAL_WITH_VALUE.fossil = /^(--chdir|--comfmtflags|--comment-format|--errorlog|-U|--user|-R|--repository)$/;

/** The argv from the subcommand on, global options left out; empty = none. */
function fromSubcommand(tool: string, argv: string[]): string[] {
  for (let i = 1; i < argv.length; i++) {
    if (GLOBAL_WITH_VALUE[tool].test(argv[i])) i++;
    else if (!argv[i].startsWith('-')) return argv.slice(i);
  }
  return [];
}

function dolt(args: string[]): GitAction[] {
  const sub = args[0];
  if (sub === 'clean') return hasAny(parseOptions(args, 1), 'dry-run') ? [] : [act('clean-force')];
  if (sub === 'push' || sub === 'reset' || sub === 'branch') return READERS[sub](args);
  return [];
}

function jj(args: string[]): GitAction[] {
  const [group, verb] = args;
  if (/^(bookmark|branch|b)$/.test(group) && /^(set|s|move|m)$/.test(verb ?? '')) {
    const o = parseOptions(args, 2, { shortWithValue: 'r', longWithValue: ['revision', 'to', 'from'] });
    if (!hasAny(o, 'B', 'allow-backwards')) return [];
    // fail closed: `move --from REVSET` without names moves bookmarks not named here (refs empty).
    return [
      act(
        'ref-move',
        o.operands.map((i) => args[i]),
      ),
    ];
  }
  if (group === 'git' && verb === 'push') {
    const o = parseOptions(args, 2, {
      shortWithValue: 'bcr',
      longWithValue: ['remote', 'bookmark', 'branch', 'change', 'revisions', 'named'],
    });
    if (hasAny(o, 'dry-run')) return [];
    const remote = lastValue(o, 'remote') ?? '';
    const out: GitAction[] = [];
    if (hasAny(o, 'deleted')) out.push(act('delete-remote-ref', [], remote));
    if (hasAny(o, 'all')) out.push(act('push-all', [], remote));
    return out;
  }
  if (group === 'op' && verb === 'abandon') return [act('reflog-expire')];
  if (group === 'util' && verb === 'gc') {
    const o = parseOptions(args, 2, { longWithValue: ['expire'] });
    return lastValue(o, 'expire') !== undefined ? [act('gc-prune')] : [];
  }
  return [];
}

/** Sapling and Mercurial (push is read for Sapling only: hg's `push -f` adds heads, it moves nothing). */
function sapling(tool: string, args: string[]): GitAction[] {
  const sub = args[0];
  if (sub === 'push' && tool === 'sl') {
    const o = parseOptions(args, 1, {
      shortWithValue: 'rtBe',
      longWithValue: ['rev', 'to', 'delete', 'bookmark', 'ssh', 'remotecmd'],
    });
    const remote = o.operands.length ? args[o.operands[0]] : '';
    const out: GitAction[] = [];
    const deleted = o.values.get('delete') ?? [];
    if (deleted.length) out.push(act('delete-remote-ref', deleted, remote));
    if (hasAny(o, 'f', 'force'))
      out.push(act('force-push', o.values.get('to') ?? o.values.get('t') ?? [], remote));
    return out;
  }
  if (sub === 'purge' || sub === 'clean') {
    const o = parseOptions(args, 1, { shortWithValue: 'IX', longWithValue: ['include', 'exclude'] });
    return hasAny(o, 'p', 'print', 'n', 'dry-run') ? [] : [act('clean-force')];
  }
  if (/^(update|up|goto|go|checkout|co)$/.test(sub)) {
    const o = parseOptions(args, 1, { shortWithValue: 'r', longWithValue: ['rev', 'date', 'tool'] });
    return hasAny(o, 'C', 'clean') ? [act('discard-worktree')] : [];
  }
  return [];
}

/** `svn delete|del|remove|rm URL…`: each URL's path deleted on its server (a working-copy path: nothing yet). */
function svn(args: string[]): GitAction[] {
  if (!/^(delete|del|remove|rm)$/.test(args[0])) return svnRevprop(args);
  const o = parseOptions(args, 1, {
    shortWithValue: 'mF',
    longWithValue: [
      'message',
      'file',
      'username',
      'password',
      'config-dir',
      'config-option',
      'encoding',
      'editor-cmd',
      'with-revprop',
      'targets',
    ],
  });
  return o.operands
    .map((i) => /^([a-z+]+:\/\/[^/]*)(\/.*)?$/.exec(args[i]))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => act('delete-remote-ref', [m[2] ?? '/'], m[1]));
}

/** `fossil clean [opts]`: Fossil writes long options with one dash or two (`-verily`). */
function fossil(args: string[]): GitAction[] {
  if (args[0] !== 'clean') return [];
  const words = args.map((a) => (/^-[a-z][a-z-]+$/.test(a) ? '-' + a : a));
  const o = parseOptions(words, 1, { longWithValue: ['ignore', 'keep', 'clean'] });
  return hasAny(o, 'n', 'dry-run', 'whatif') ? [] : [act('clean-force')];
}

/** `bzr|brz push --overwrite[-tags] [LOCATION]`: the remote branch (or its tags) replaced by the local one. */
function bazaar(args: string[]): GitAction[] {
  if (args[0] !== 'push') return [];
  const o = parseOptions(args, 1, {
    shortWithValue: 'rd',
    longWithValue: ['revision', 'directory', 'stacked-on'],
  });
  if (!hasAny(o, 'overwrite', 'overwrite-tags')) return [];
  // fail closed: without a location the remembered push location is overwritten (remote empty).
  return [act('force-push', [], o.operands.length ? args[o.operands[0]] : '')];
}

/** `datalad push [opts] [PATH…]`: `-f|--force gitpush|all` is a forced git push to `--to` (empty = the default sibling). */
function datalad(args: string[]): GitAction[] {
  if (args[0] !== 'push') return [];
  const o = parseOptions(args, 1, {
    shortWithValue: 'dsfJR',
    longWithValue: ['dataset', 'to', 'since', 'data', 'force', 'jobs', 'recursion-limit'],
  });
  const force = [...(o.values.get('f') ?? []), ...(o.values.get('force') ?? [])];
  if (!force.some((f) => f === 'gitpush' || f === 'all')) return [];
  return [act('force-push', [], lastValue(o, 'to') ?? '')];
}

const OTHER: Record<string, (args: string[]) => GitAction[]> = {
  datalad,
  got,
  gotadmin,
  dolt,
  jj,
  svn,
  fossil,
  bzr: bazaar,
  brz: bazaar,
};

/** What a git-like tool's command does (`read`: files of more arguments, svnmucc's -X); undefined = not such a tool. */
export function gitAlikeActions(
  program: string,
  argv: string[],
  read?: ArgFileReader,
): AlikeRead | undefined {
  // CVS, Perforce, Plastic, Darcs and Subversion's server tools (git-central.ts)
  if (!Object.hasOwn(GLOBAL_WITH_VALUE, program)) return centralActions(program, argv, read);
  const args = fromSubcommand(program, argv);
  if (!args.length) return { subcommand: '', actions: [] };
  const actions = Object.hasOwn(OTHER, program) ? OTHER[program](args) : sapling(program, args);
  // jj's commands are two words (`jj op abandon`, `jj git push`).
  const words = program === 'jj' ? args.slice(0, 2) : args.slice(0, 1);
  return { subcommand: [program, ...words].join(' '), actions };
}
