/**
 * History rewriters that run outside the git binary:
 * - BFG Repo-Cleaner (`bfg …`, or `java -jar …/bfg-1.14.0.jar …`): every option that cleans
 *   (`--delete-files`, `--replace-text`, `--strip-blobs-bigger-than` …) rewrites every commit
 *   of every branch; run without options it prints its usage;
 * - git's commands installed as their own programs (`git-filter-repo`, `git-lfs`,
 *   `git-send-pack`): read as `git filter-repo …` and so on.
 * Reads the command's argv only.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { act, type GitAction } from './git-act.js';

/** The BFG's options that only print (`--help`, `--version`). */
const BFG_INFO = /^(-h|--help|--version)$/;

/** The words BFG gets (after `bfg` or after `java … -jar …bfg….jar`); undefined = not the BFG. */
function bfgArgs(cmd: NormalizedCommand): string[] | undefined {
  if (cmd.program === 'bfg') return cmd.argv.slice(1);
  if (!/^java\d*$/.test(cmd.program)) return undefined;
  const jar = cmd.argv.indexOf('-jar');
  const file = jar > 0 ? (cmd.argv[jar + 1] ?? '') : '';
  return /(^|\/)bfg[^/]*\.jar$/i.test(file) ? cmd.argv.slice(jar + 2) : undefined;
}

/** The BFG's action: a history rewrite when it is given anything to clean. Empty = none. */
export function bfgActions(cmd: NormalizedCommand): GitAction[] {
  const args = bfgArgs(cmd);
  if (!args) return [];
  const cleans = args.some((a) => a.startsWith('-') && !BFG_INFO.test(a));
  return cleans ? [act('filter-branch', ['--all'])] : [];
}

/** argv as `git SUB …` for `git` itself and for `git-SUB` programs; undefined = not git. */
export function gitArgv(cmd: NormalizedCommand): string[] | undefined {
  if (cmd.program === 'git') return cmd.argv;
  const m = /^git-([a-z][a-z-]*)$/.exec(cmd.program);
  return m ? ['git', m[1], ...cmd.argv.slice(1)] : undefined;
}
