/**
 * Extra commands installed alongside git (git-extras): `git delete-branch` removes the local
 * and the remote branch; `git clear` is reset --hard plus clean -fdx; `git obliterate`
 * rewrites history to drop a file.
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

export const EXTRAS: Record<string, Reader> = {
  'delete-branch': deleteBranch,
  'delete-tag': deleteTag,
  'delete-merged-branches': deleteMerged,
  'delete-squashed-branches': deleteMerged,
  'delete-submodule': forceClone,
  obliterate: filter,
  clear,
  'clear-soft': (args) => (args.length ? [act('reset-hard')] : []),
  undo,
  'force-clone': forceClone,
  'reset-file': forceClone,
};
