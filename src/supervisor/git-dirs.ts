/**
 * Where a workspace's git repository keeps its files. In a plain checkout `.git` is that
 * folder; in a linked worktree (`git worktree add`) `.git` is a file naming the worktree's
 * own git dir, whose `commondir` names the main repository's, which holds the objects and
 * the config (credentials in a remote URL). Read from the files themselves, no git run.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface GitDirs {
  /** The worktree's own git dir (HEAD, index); the same as `common` in a plain checkout. */
  gitDir: string;
  /** The repository's shared git dir: `objects/`, `config`. */
  common: string;
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The git dirs of `workspace` (absolute); undefined when it is not the top of a git checkout. */
export function gitDirsOf(workspace: string): GitDirs | undefined {
  const dotGit = path.join(workspace, '.git');
  if (isDir(dotGit)) return { gitDir: dotGit, common: dotGit };
  let text: string;
  try {
    text = readFileSync(dotGit, 'utf8');
  } catch {
    return undefined;
  }
  const m = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(text);
  if (!m) return undefined;
  const gitDir = path.resolve(workspace, m[1]);
  if (!isDir(gitDir)) return undefined;
  let common = gitDir;
  try {
    common = path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    /* a git dir of its own (a submodule's): it holds the objects itself */
  }
  return isDir(common) ? { gitDir, common } : undefined;
}
