/** The shape git readers produce (shared by git-actions.ts, git-plumbing.ts and git-extras.ts). */

/** One destructive action found; the caller turns it into a GitFact. */
export interface GitAction {
  action: string;
  /** Remote named (empty = none/default). */
  remote: string;
  /** Refs named (empty = none/current branch). */
  refs: string[];
}

/** What a reader may need besides the words: the command's settings and stdin. */
export interface ReaderEnv {
  /** `-c key=value` and GIT_CONFIG_* settings, keys lower-cased. Empty = none. */
  config: Map<string, string>;
  /** Literal text fed to stdin. Undefined = not known statically. */
  stdin?: string;
  /** The pipeline feeding stdin as `$(…)` text (git-refspecs.ts feedingPipeline). Undefined = not a pipe. */
  fedBy?: string;
}

export type Reader = (args: string[], env?: ReaderEnv) => GitAction[];

export const act = (action: string, refs: string[] = [], remote = ''): GitAction => ({
  action,
  remote,
  refs,
});

/** `refs/heads/main` → `main`. */
export function shortRef(r: string): string {
  return r.replace(/^refs\/(heads|tags)\//, '');
}
