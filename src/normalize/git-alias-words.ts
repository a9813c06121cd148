/**
 * A git alias's value split into the words git runs, shared by the two readers of aliases:
 * the normalizer (git-aliases.ts: a later `git NAME ARGS` run as the alias the script
 * defined) and the git reader (extract/git.ts: `git -c alias.NAME=VALUE NAME`).
 */
import { parse as shellParse } from 'shell-quote';

/** Most alias expansions followed in one git command (aliases may name aliases; git refuses a loop). */
export const MAX_ALIAS_DEPTH = 5;

/**
 * The words of a plain (not `!`) alias value, as git splits it (quotes and backslashes, no
 * operators); undefined = not read literally (an operator, a redirection, a glob).
 * An empty or blank value gives [] (git has nothing to run: "empty alias"). Each caller
 * fails closed on it its own way: the normalizer runs it as an alias not known statically
 * (a shell whose script is not known), the git reader reads it as `alias-exec`.
 */
export function aliasWords(body: string): string[] | undefined {
  const words = shellParse(body);
  return words.every((w) => typeof w === 'string') ? (words as string[]) : undefined;
}
