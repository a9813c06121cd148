/**
 * Per-subcommand readers for git: each maps the words after the subcommand to the
 * destructive actions they imply. `args[0]` is the subcommand itself.
 */
import { hasAny, lastValue, parseOptions } from './fs-options.js';
import { isExecSetting } from './git-global.js';
import { LONG } from './git-longopts.js';
import { EXTRAS } from './git-extras.js';
import { SWEEPERS } from './git-sweepers.js';
import { act, shortRef, type GitAction, type Reader } from './git-act.js';
import { cleanForced, settingActions, unsetActions } from './git-push-settings.js';
import { lfs, updateRef } from './git-plumbing.js';
import { daemon } from './git-transport.js';
import { builtSpecEffect, XARGS_INPUT } from './git-refspecs.js';

export type { GitAction } from './git-act.js';

/** push, and send-pack (its plumbing: same repository-then-refspecs words and flags). */
const push: Reader = (args, env) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 'o',
    longWithValue: ['push-option', 'repo', 'receive-pack', 'exec'],
    long: LONG.push,
  });
  if (hasAny(o, 'n', 'dry-run')) return [];
  const words = o.operands.map((i) => args[i]);
  // `send-pack --stdin`: more refspecs, one a line, from stdin.
  if (hasAny(o, 'stdin')) {
    // fail closed: refspecs from an unknown stdin may force or delete anything.
    if (env?.stdin === undefined) return [act('force-push', [], words[0] ?? '')];
    words.push(...env.stdin.split('\n').filter((l) => l.trim() !== ''));
  }
  const remote = lastValue(o, 'repo') ?? words[0] ?? '';
  const specs = lastValue(o, 'repo') !== undefined ? words : words.slice(1);
  const deleting = hasAny(o, 'd', 'delete');
  const out: GitAction[] = [];
  const forced: string[] = [];
  const pushed: string[] = [];
  const deleted: string[] = [];
  for (const s of specs) {
    // a list the shell builds, with `:` or `+` put in front of every ref it prints
    // or the items xargs appends, printed by the pipeline feeding it
    const fed = s === XARGS_INPUT;
    const built = builtSpecEffect(fed ? (env?.fedBy ?? '') : s);
    if (built) {
      (built === 'delete' ? deleted : forced).push(s);
      continue;
    }
    // fail closed: refspecs xargs reads from a stdin that is not a visible pipeline (a file, the
    // terminal) may delete or force anything.
    if (fed && env?.fedBy === undefined) {
      deleted.push(s);
      continue;
    }
    const plus = s.startsWith('+');
    const spec = plus ? s.slice(1) : s;
    const colon = spec.indexOf(':');
    const dst = shortRef(colon < 0 ? spec : spec.slice(colon + 1));
    if (deleting || (colon === 0 && dst !== '')) deleted.push(dst);
    else if (plus) forced.push(dst);
    else pushed.push(dst);
  }
  if (deleted.length) out.push(act('delete-remote-ref', deleted, remote));
  if (hasAny(o, 'prune')) out.push(act('delete-remote-ref', [], remote));
  if (hasAny(o, 'mirror')) out.push(act('push-mirror', [], remote));
  if (hasAny(o, 'all', 'branches')) out.push(act('push-all', [], remote));
  if (hasAny(o, 'f', 'force')) out.push(act('force-push', [...forced, ...pushed], remote));
  else if (forced.length) out.push(act('force-push', forced, remote));
  else if (hasAny(o, 'force-with-lease', 'force-if-includes'))
    out.push(act('force-push-lease', pushed, remote));
  return out;
};

const reset: Reader = (args) => {
  const o = parseOptions(args, 1, { longWithValue: ['pathspec-from-file'], long: LONG.reset });
  return hasAny(o, 'hard')
    ? [
        act(
          'reset-hard',
          o.operands.map((i) => args[i]),
        ),
      ]
    : [];
};

/** clean deletes with -f, or without it once `clean.requireForce` is false. */
const clean: Reader = (args, env) => {
  const o = parseOptions(args, 1, { shortWithValue: 'e', longWithValue: ['exclude'], long: LONG.clean });
  if (hasAny(o, 'n', 'dry-run', 'i', 'interactive')) return [];
  return hasAny(o, 'f', 'force') || cleanForced(env?.config) ? [act('clean-force')] : [];
};

/** True for a pathspec that clearly names files rather than a branch. */
const looksLikePath = (w: string) => w === '.' || w.startsWith('./') || w.startsWith(':/') || /[*?[]/.test(w);

const checkout: Reader = (args) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 'bB',
    longWithValue: ['orphan', 'conflict', 'pathspec-from-file'],
    long: LONG.checkout,
  });
  if (hasAny(o, 'p', 'patch')) return [];
  if (hasAny(o, 'f', 'force', 'pathspec-from-file')) return [act('discard-worktree')];
  const dd = args.indexOf('--');
  if (dd >= 0) return dd < args.length - 1 ? [act('discard-worktree')] : [];
  if (hasAny(o, 'b', 'B', 'orphan')) return [];
  const ops = o.operands.map((i) => args[i]);
  if (ops.length >= 2 || hasAny(o, 'ours', 'theirs')) return [act('discard-worktree')];
  return ops.length === 1 && looksLikePath(ops[0]) ? [act('discard-worktree')] : [];
};

const restore: Reader = (args) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 's',
    longWithValue: ['source', 'pathspec-from-file'],
    long: LONG.restore,
  });
  if (hasAny(o, 'p', 'patch')) return [];
  if (hasAny(o, 'S', 'staged') && !hasAny(o, 'W', 'worktree')) return [];
  return o.operands.length || hasAny(o, 'pathspec-from-file') ? [act('discard-worktree')] : [];
};

const switchCmd: Reader = (args) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 'cC',
    longWithValue: ['orphan', 'conflict'],
    long: LONG.switch,
  });
  return hasAny(o, 'f', 'force', 'discard-changes') ? [act('discard-worktree')] : [];
};

const branch: Reader = (args) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 'u',
    longWithValue: ['set-upstream-to', 'contains', 'merged'],
    long: LONG.branch,
  });
  const ops = o.operands.map((i) => args[i]);
  const force = hasAny(o, 'f', 'force');
  if (hasAny(o, 'D') || (hasAny(o, 'd', 'delete') && force)) return [act('branch-force-delete', ops)];
  // `-M OLD NEW` / `-C OLD NEW` (or -m/-c with --force) replace NEW if it exists. With one name
  // (`git branch -M main`, the usual first-commit step) the current branch is renamed: left alone.
  if (hasAny(o, 'M', 'C') || (hasAny(o, 'm', 'c', 'move', 'copy') && force))
    return ops.length >= 2 ? [act('ref-move', [ops[ops.length - 1]])] : [];
  // `-f NAME [START]` resets an existing branch NAME to START (HEAD when not named).
  if (force && ops.length >= 1 && !hasAny(o, 'u', 'set-upstream-to', 'unset-upstream', 'edit-description'))
    return [act('ref-move', [ops[0]])];
  return [];
};

const stash: Reader = (args) => {
  // `git stash -q clear`: options may come before the stash subcommand.
  const at = args.findIndex((a, i) => i > 0 && !a.startsWith('-'));
  if (at > 1) args = [args[0], ...args.slice(at)];
  const sub = args[1];
  if (sub === 'clear') return [act('stash-clear')];
  if (sub === 'drop')
    return [
      act(
        'stash-drop',
        args.slice(2).filter((a) => !a.startsWith('-')),
      ),
    ];
  return [];
};

const reflog: Reader = (args) => (args[1] === 'expire' || args[1] === 'delete' ? [act('reflog-expire')] : []);

const gc: Reader = (args) => {
  const o = parseOptions(args, 1);
  const prune = lastValue(o, 'prune');
  return prune !== undefined && /^(now|all)$/i.test(prune) ? [act('gc-prune')] : [];
};

const prune: Reader = (args) => {
  const o = parseOptions(args, 1, { longWithValue: ['expire'] });
  return hasAny(o, 'n', 'dry-run') ? [] : [act('gc-prune')];
};

/**
 * filter-branch / filter-repo rewrite history; `filter-repo --analyze` only writes a report and
 * `filter-repo --dry-run` writes the filtered stream to a file beside the unchanged repository.
 */
const filter: Reader = (args) =>
  args[0] === 'filter-repo' && args.slice(1).some((a) => a === '--analyze' || a === '--dry-run')
    ? []
    : [act('filter-branch')];

const remote: Reader = (args) => {
  const o = parseOptions(args, 1, { shortWithValue: 'tm', longWithValue: ['mirror'] });
  const ops = o.operands.map((i) => args[i]);
  if (ops[0] === 'add' || ops[0] === 'set-url') {
    const o2 = parseOptions(args, o.operands[0] + 1, { shortWithValue: 'tm' });
    const name = o2.operands.length ? args[o2.operands[0]] : '';
    return [act(ops[0] === 'add' ? 'remote-add' : 'remote-set-url', [], name)];
  }
  return [];
};

const READ_FLAGS = [
  'get',
  'get-all',
  'get-regexp',
  'get-urlmatch',
  'list',
  'l',
  'unset',
  'unset-all',
  'show-origin',
];

const config: Reader = (args) => {
  const o = parseOptions(args, 1, {
    shortWithValue: 'f',
    longWithValue: ['file', 'blob', 'type', 'default'],
  });
  let ops = o.operands.map((i) => args[i]);
  if (hasAny(o, 'unset', 'unset-all')) return unsetActions(ops[0] ?? '');
  if (ops[0] === 'unset') return unsetActions(ops[1] ?? '');
  if (hasAny(o, ...READ_FLAGS)) return [];
  if (ops[0] === 'set') ops = ops.slice(1);
  else if (ops[0] === 'get' || ops[0] === 'list') return [];
  const [key, value] = ops;
  if (key === undefined) return [];
  // `git config remote.origin.mirror` alone sets nothing (it prints the value).
  if (value === undefined) return [];
  return [...(isExecSetting(key, value) ? [act('config-hook')] : []), ...settingActions(key, value)];
};

/** git rm -f removes files and their uncommitted changes (without --cached). */
const rm: Reader = (args) => {
  const o = parseOptions(args, 1, { long: LONG.rm });
  return hasAny(o, 'f', 'force') && !hasAny(o, 'cached') ? [act('discard-worktree')] : [];
};

const worktree: Reader = (args) => {
  const o = parseOptions(args, 1, { long: LONG.worktree });
  return args[1] === 'remove' && hasAny(o, 'f', 'force') ? [act('discard-worktree')] : [];
};

/**
 * git checkout-index -f overwrites files of the working tree with the index's copies
 * (`-a`: every file): their uncommitted changes are lost. Without -f existing files stay.
 */
const checkoutIndex: Reader = (args) => {
  const o = parseOptions(args, 1, { longWithValue: ['prefix', 'stage'] });
  return hasAny(o, 'f', 'force') && !hasAny(o, 'n', 'no-create') ? [act('discard-worktree')] : [];
};

/** git read-tree -u --reset: the working tree is updated to the tree read, local changes discarded. */
const readTree: Reader = (args) => {
  const o = parseOptions(args, 1, { longWithValue: ['prefix', 'index-output', 'exclude-per-directory'] });
  return hasAny(o, 'u') && hasAny(o, 'reset') && !hasAny(o, 'n', 'dry-run') ? [act('discard-worktree')] : [];
};

/** git submodule deinit -f removes the submodules' working trees with their local changes. */
const submodule: Reader = (args) =>
  args[1] === 'deinit' && hasAny(parseOptions(args, 2), 'f', 'force') ? [act('discard-worktree')] : [];

/** git subcommand → reader of the destructive actions its words imply; a subcommand not listed implies none. */
export const READERS: Record<string, Reader> = {
  ...EXTRAS,
  ...SWEEPERS,
  push,
  reset,
  clean,
  checkout,
  restore,
  switch: switchCmd,
  branch,
  stash,
  reflog,
  gc,
  prune,
  'filter-branch': filter,
  'filter-repo': filter,
  'update-ref': updateRef,
  'send-pack': push,
  lfs,
  remote,
  config,
  daemon,
  rm,
  worktree,
  submodule,
  'checkout-index': checkoutIndex,
  'read-tree': readTree,
};
