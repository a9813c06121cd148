/**
 * IBM ClearCase (`cleartool`, and MultiSite's `multitool`): its `rm*` commands delete from the
 * VOB at once, for every view, with no push to undo first. Read into git's actions (argv only):
 * - `rmelem` (an element with every version and branch), `rmver` (versions), `rmvob` (the whole
 *   VOB's storage), `rmreplica`, and `rmtype -rmall` (a type with every instance: each branch or
 *   label of that type) lose history (`obliterate`);
 * - `rmbranch`, `rmlabel`, `rmtype` (without `-rmall`), `rmstream`, `rmbl`, `rmactivity`,
 *   `rmproject`, `rmcomp`, `rmfolder` delete a shared branch, label, type or UCM object
 *   (`delete-remote-ref`);
 * - `rmview` deletes a view's storage with its checked-out and private files, and
 *   `uncheckout|unco -rm` discards a checkout's changes without the `.keep` copy
 *   (`discard-worktree`).
 * `rmname` (a new directory version, undone by the next one), listing and description commands,
 * and `-help` find nothing. A prompt skipped or not (`-force`) is read the same: the command
 * says what it is for.
 */
import { act, type GitAction } from './git-act.js';
import type { AlikeRead } from './git-alikes.js';

/** Options of the rm* commands that take the next word as their value. */
const WITH_VALUE = /^-(c|cfile|tag|vob|uuid|host|hpath|gpath|vrange|version|brtype|lbtype|all|avobs|sel)$/;

/** Commands that lose history, ones that delete a shared name, and ones that drop a view's changes. */
const LOSES_HISTORY = /^(rmelem|rmver|rmvob|rmreplica)$/;
const DELETES_NAME =
  /^(rmbranch|rmlabel|rmtype|rmstream|rmbl|rmbaseline|rmactivity|rmproject|rmcomp|rmfolder)$/;

/** The words a command names (pathnames, types, tags), its options and their values left out. */
function operands(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '-vrange') i += 2;
    else if (WITH_VALUE.test(args[i]) && args[i] !== '-all' && args[i] !== '-avobs') i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

/** What a `cleartool`/`multitool` command does to the VOB; subcommand '' = none given. */
export function clearcaseActions(argv: string[]): AlikeRead {
  const sub = argv[1] ?? '';
  const args = argv.slice(1);
  const said = (...flags: string[]) => args.some((a) => flags.includes(a));
  let actions: GitAction[] = [];
  if (said('-help', '-h')) actions = [];
  else if (LOSES_HISTORY.test(sub) || (sub === 'rmtype' && said('-rmall')))
    actions = [act('obliterate', operands(args))];
  else if (DELETES_NAME.test(sub)) actions = [act('delete-remote-ref', operands(args))];
  else if (sub === 'rmview') {
    const tag = args.indexOf('-tag');
    actions = [act('discard-worktree', tag >= 0 ? [args[tag + 1] ?? ''] : operands(args))];
  } else if (/^(uncheckout|unco)$/.test(sub) && said('-rm'))
    actions = [act('discard-worktree', operands(args))];
  return { subcommand: sub ? `${argv[0]} ${sub}` : '', actions };
}
