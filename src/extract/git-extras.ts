/**
 * Extra commands installed alongside git (git-extras): `git delete-branch` removes the local
 * and the remote branch; `git clear` is reset --hard plus clean -fdx; `git obliterate`
 * rewrites history to drop a file. git-annex: `git annex drop|dropunused|dropkey --force`
 * (or with `--numcopies=0` / `--mincopies=0`) deletes annexed content without checking that
 * another copy exists, here or on the remote `--from` names, so it may be the only copy.
 */
import { act, type Reader } from './git-act.js';

const deleteBranch: Reader = (args) => {
  const refs = args.slice(1).filter((a) => !a.startsWith('-'));
  return [act('branch-force-delete', refs), act('delete-remote-ref', refs, 'origin')];
};
const deleteTag: Reader = (args) => [
  act(
    'delete-remote-ref',
    args.slice(1).filter((a) => !a.startsWith('-')),
    'origin',
  ),
];
const deleteMerged: Reader = () => [act('branch-force-delete')];
const clear: Reader = () => [act('reset-hard'), act('clean-force')];
const undo: Reader = (args) => (args.some((a) => a === '--hard' || a === '-h') ? [act('reset-hard')] : []);
const forceClone: Reader = () => [act('discard-worktree')];

const filter: Reader = () => [act('filter-branch')];

/** git-annex's drop commands, and the options that turn off its copy counting. */
const ANNEX_DROP = /^(drop|dropunused|dropkey)$/;
const ANNEX_UNCHECKED = /^(--force|--numcopies=0|--mincopies=0|-N0)$/;
const annex: Reader = (args) => {
  if (!ANNEX_DROP.test(args[1] ?? '')) return [];
  const rest = args.slice(2);
  const at = (name: string) => rest.findIndex((a) => a === name || a.startsWith(`${name}=`));
  const value = (name: string) => {
    const i = at(name);
    return i < 0 ? undefined : rest[i].includes('=') ? rest[i].slice(rest[i].indexOf('=') + 1) : rest[i + 1];
  };
  const unchecked =
    rest.some((a) => ANNEX_UNCHECKED.test(a)) ||
    ['--numcopies', '--mincopies', '-N'].some((n) => value(n) === '0');
  if (!unchecked) return [];
  const all = rest.some((a) => a === '--all' || a === '-A' || a === '--unused');
  const remote = value('--from') ?? '';
  const operands = rest.filter(
    (a, i) =>
      !a.startsWith('-') && !/^(--from|--numcopies|--mincopies|-N|--key|--branch)$/.test(rest[i - 1] ?? ''),
  );
  return [act('annex-drop-force', all ? ['--all'] : operands, remote)];
};

/** git-extras command (without `git `) → its reader, as for git-actions.ts's READERS. */
export const EXTRAS: Record<string, Reader> = {
  'delete-branch': deleteBranch,
  'delete-tag': deleteTag,
  'delete-merged-branches': deleteMerged,
  'delete-squashed-branches': deleteMerged,
  'delete-submodule': forceClone,
  obliterate: filter,
  annex,
  clear,
  'clear-soft': (args) => (args.length ? [act('reset-hard')] : []),
  undo,
  'force-clone': forceClone,
  'reset-file': forceClone,
};
