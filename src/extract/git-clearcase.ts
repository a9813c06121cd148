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
 * says what it is for. Commands and options are read in every spelling cleartool accepts (its
 * reference writes `rmact·ivity`: any prefix from `rmact` on); a subcommand known only at run
 * time (`cleartool $SUB …`) may be any of these and is read as `obliterate` (fail closed).
 */
import { act, type GitAction } from './git-act.js';
import type { AlikeRead } from './git-alikes.js';

/**
 * Options of the rm* commands that take the next word as their value (`-c·omment` and
 * `-cfi·le` in any of their accepted spellings).
 */
const WITH_VALUE =
  /^-(c|co|com|comm|comme|commen|comment|cfi|cfil|cfile|tag|vob|uuid|host|hpath|gpath|vrange|version|brtype|lbtype|sel)$/;

/**
 * Subcommands cleartool accepts shortened, as `[shortest, full]`: any prefix of `full` at
 * least as long as `shortest` is that command.
 */
const ABBREVIATIONS: [string, string][] = [
  ['rmact', 'rmactivity'],
  ['rmproj', 'rmproject'],
  ['uncheck', 'uncheckout'],
];

/** The full name of subcommand `sub` (`rmact` → `rmactivity`, `unco` → `uncheckout`); a name not shortened is itself. */
function fullName(sub: string): string {
  if (sub === 'unco') return 'uncheckout';
  const hit = ABBREVIATIONS.find(([short, full]) => sub.startsWith(short) && full.startsWith(sub));
  return hit ? hit[1] : sub;
}

/** `rmtype`'s `-rma·ll` in any accepted spelling. */
const RMALL = /^-rma(l|ll)?$/;

/** Commands that lose history, ones that delete a shared name, and ones that drop a view's changes. */
const LOSES_HISTORY = /^(rmelem|rmver|rmvob|rmreplica)$/;
const DELETES_NAME =
  /^(rmbranch|rmlabel|rmtype|rmstream|rmbl|rmbaseline|rmactivity|rmproject|rmcomp|rmfolder)$/;

/** The words a command names (pathnames, types, tags), its options and their values left out. */
function operands(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < args.length; i++) {
    if (args[i] === '-vrange') i += 2;
    else if (WITH_VALUE.test(args[i])) i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

/** What a `cleartool`/`multitool` command does to the VOB; subcommand '' = none given. */
export function clearcaseActions(argv: string[]): AlikeRead {
  const written = argv[1] ?? '';
  const sub = fullName(written);
  const args = argv.slice(1);
  const said = (...flags: string[]) => args.some((a) => flags.includes(a));
  let actions: GitAction[] = [];
  if (said('-help', '-h')) actions = [];
  else if (/[$`]/.test(written)) actions = [act('obliterate', operands(args))];
  else if (LOSES_HISTORY.test(sub) || (sub === 'rmtype' && args.some((a) => RMALL.test(a))))
    actions = [act('obliterate', operands(args))];
  else if (DELETES_NAME.test(sub)) actions = [act('delete-remote-ref', operands(args))];
  else if (sub === 'rmview') {
    const tag = args.indexOf('-tag');
    actions = [act('discard-worktree', tag >= 0 ? [args[tag + 1] ?? ''] : operands(args))];
  } else if (sub === 'uncheckout' && said('-rm')) actions = [act('discard-worktree', operands(args))];
  return { subcommand: written ? `${argv[0]} ${written}` : '', actions };
}
