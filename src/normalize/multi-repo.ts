/**
 * Multi-repository runners, read as wrappers (wrappers.ts): they run one command in every
 * repository they manage, so the command is read as itself:
 * - `mr [opts] run CMD…` (myrepos);
 * - `gita super [REPO…] GIT-ARGS…` runs `git GIT-ARGS` (the repository and group names
 *   before it are the first words that are no git command), `gita shell [REPO…] 'CMD'` a
 *   shell line;
 * - `repo forall [PROJECT…] -c CMD…` (Android's repo: a shell line made of the words after `-c`);
 * - `meta exec 'CMD'` (meta: a shell line).
 * Reads only its own argv.
 */
import { joinFields } from './fields.js';
import { lit } from './state.js';
import type { Peeler } from './wrappers.js';

/** git's commands, for finding where `gita super`'s git arguments start. */
const GIT_COMMANDS = new Set(
  (
    'add am apply archive bisect blame branch bundle checkout cherry-pick citool clean clone commit ' +
    'config describe diff fetch filter-branch format-patch fsck gc grep init log ls-files ls-remote ' +
    'merge mv notes prune pull push range-diff rebase reflog remote repack replace reset restore ' +
    'revert rm shortlog show sparse-checkout stash status submodule switch tag update-ref worktree lfs'
  ).split(' '),
);

/** mr's options that take a value (`-d DIR`, `-c FILE`). */
const MR_VALUE = /^(-d|--directory|-c|--config)$/;

/** `mr [opts] run CMD…`: mr's own actions (`mr update`, `mr push`) run its configured commands. */
const mr: Peeler = (args) => {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (args[i].dynamic) return undefined;
    if (MR_VALUE.test(t)) i++;
    // `-j N` (the number may also be attached: `-j5`)
    else if (t === '-j' || t === '--jobs') i += /^\d+$/.test(args[i + 1]?.text ?? '') ? 1 : 0;
    else if (t.startsWith('-')) continue;
    else return t === 'run' ? { label: 'mr run', argv: args.slice(i + 1) } : undefined;
  }
  return undefined;
};

/** `gita super [REPO…] GIT-ARGS…`, `gita shell [REPO…] CMD`. */
const gita: Peeler = (args) => {
  const sub = args[0]?.text;
  const rest = args.slice(1);
  if (sub === 'super') {
    const at = rest.findIndex((f) => f.dynamic || f.text.startsWith('-') || GIT_COMMANDS.has(f.text));
    // fail closed: no git command found among the words: all of them are read as git's.
    return { label: 'gita super', argv: [lit('git'), ...rest.slice(Math.max(at, 0))] };
  }
  if (sub === 'shell') {
    if (rest.length === 0) return { label: 'gita shell', argv: [] };
    // The command is one quoted word after the names; else the words are the command.
    const line = [...rest].reverse().find((f) => /\s/.test(f.text));
    return { label: 'gita shell', argv: [], script: line ?? joinFields(rest) };
  }
  return undefined;
};

/** `repo forall [PROJECT…] [opts] -c CMD…`: the words after `-c` are a shell line. */
const repo: Peeler = (args) => {
  if (args[0]?.text !== 'forall') return undefined;
  const c = args.findIndex((f) => f.text === '-c' || f.text === '--command');
  if (c < 0 || !args[c + 1]) return { label: 'repo forall', argv: [] };
  return { label: 'repo forall', argv: [], script: joinFields(args.slice(c + 1)) };
};

/** `meta exec 'CMD' [--include-only …]`. */
const meta: Peeler = (args) => {
  if (args[0]?.text !== 'exec' || !args[1]) return undefined;
  return { label: 'meta exec', argv: [], script: args[1] };
};

/** Multi-repository runners → their peelers (the command run in every repository). */
export const MULTI_REPO: Record<string, Peeler> = { mr, gita, repo, meta };
