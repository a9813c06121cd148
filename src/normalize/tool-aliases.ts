/**
 * Aliases a tool keeps in its own config, defined by this script and run later by name: git's
 * (git-aliases.ts) and the GitHub CLI's (gh-aliases.ts). Called for every command before it is
 * emitted as itself.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { recordGitConfig, runGitAlias } from './git-aliases.js';
import { recordGhAlias, runGhAlias } from './gh-aliases.js';

/** Records the aliases `prog ARGV` defines and runs the one it names; undefined = `prog` runs as itself. */
export function runToolAlias(prog: string, argv: Field[], k: K): Res | undefined {
  if (prog === 'git') {
    recordGitConfig(argv, k);
    return runGitAlias(argv, k);
  }
  if (prog === 'gh') {
    recordGhAlias(argv, k);
    return runGhAlias(argv, k);
  }
  return undefined;
}
