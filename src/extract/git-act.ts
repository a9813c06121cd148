/** The shape git readers produce (shared by git-actions.ts and git-extras.ts). */

/** One destructive action found; the caller turns it into a GitFact. */
export interface GitAction {
  action: string;
  /** Remote named (empty = none/default). */
  remote: string;
  /** Refs named (empty = none/current branch). */
  refs: string[];
}

export type Reader = (args: string[]) => GitAction[];

export const act = (action: string, refs: string[] = [], remote = ''): GitAction => ({
  action,
  remote,
  refs,
});
