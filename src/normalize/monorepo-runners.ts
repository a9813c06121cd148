/**
 * Monorepo runners that run one command in every package of a workspace, read as wrappers
 * (wrappers.ts) so the command is judged as itself:
 * - `lerna exec [opts] [--] CMD ARGS` (lerna runs it through a shell: one quoted word with
 *   spaces, `lerna exec 'npm unpublish "$LERNA_PACKAGE_NAME" --force'`, is a shell line);
 * - `nx exec [opts] -- CMD ARGS` (in each project selected by `--projects` / `--all`);
 * - `yarn workspaces foreach [opts] exec CMD ARGS` and `yarn workspace NAME exec CMD ARGS`;
 * - `pnpm -r|--recursive|--filter F … exec|dlx CMD` and `npm -ws|--workspace W … exec|x CMD`:
 *   the package managers' own runners (runners.ts) with the workspace options written before
 *   the subcommand.
 * `lerna run`, `nx run-many`, `yarn workspaces foreach run` and `turbo run` run the packages'
 * own scripts, which are not read here.
 */
import { joinFields } from './fields.js';
import type { Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';
import { RUNNERS } from './runners.js';

/**
 * The workspace-wide options of a package manager written before its subcommand, per
 * program: those that take the next word as their value, those that do not, and the
 * subcommands that run a command (read by runners.ts).
 */
const LEADING: Record<string, { valued: RegExp; flags: RegExp; subs: RegExp }> = {
  pnpm: {
    valued:
      /^(--filter|-F|--filter-prod|-C|--dir|--workspace-dir|--workspace-concurrency|--reporter|--loglevel|--test-pattern|--changed-files-ignore-pattern)$/,
    flags:
      /^(-r|--recursive|-w|--workspace-root|--parallel|--stream|--no-bail|--bail|--sort|--no-sort|--reverse|--include-workspace-root|--fail-if-no-match|--silent|-s)$/,
    subs: /^(exec|dlx)$/,
  },
  npm: {
    valued: /^(-w|--workspace|--prefix|-C|--loglevel)$/,
    flags: /^(-ws|--workspaces|--include-workspace-root|--if-present|-s|--silent|-q|--quiet)$/,
    subs: /^(exec|x)$/,
  },
};

/** lerna exec's options that take the next word as their value. */
const LERNA_VALUED =
  /^(--scope|--ignore|--concurrency|--profile-location|--loglevel|--max-buffer|--since|--include-merged-tags-from)$/;
/** yarn workspaces foreach's options that take the next word as their value. */
const FOREACH_VALUED = /^(--from|--include|--exclude|-j|--jobs|--since)$/;

/** The command after a runner's options: `--` ends them; else the first word that is no option. */
function commandAfter(args: Field[], from: number, valued: RegExp): Field[] | undefined {
  for (let i = from; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') return args.slice(i + 1);
    if (valued.test(t)) i++;
    else if (!t.startsWith('-')) return args.slice(i);
  }
  return undefined;
}

/** The words after a leading `--`. */
const afterDashes = (rest: Field[]) => (rest[0]?.text === '--' ? rest.slice(1) : rest);

/** One word with white space is a shell line (lerna, nx and yarn's exec run their command through a shell). */
function shellOrArgv(label: string, rest: Field[]): Peel {
  return rest.length === 1 && /\s/.test(rest[0].text)
    ? { label, argv: [], script: joinFields(rest) }
    : { label, argv: rest };
}

/** `lerna exec [opts] [--] CMD`; lerna's other commands run nothing given on the line. */
const lerna: Peeler = (args) => {
  let at = 0;
  while (at < args.length && args[at].text.startsWith('-')) at += LERNA_VALUED.test(args[at].text) ? 2 : 1;
  if (args[at]?.text !== 'exec') return undefined;
  const rest = commandAfter(args, at + 1, LERNA_VALUED);
  return rest?.length ? shellOrArgv('lerna exec', rest) : { label: 'lerna exec', argv: [] };
};

/** `nx exec [opts] -- CMD` (nx documents the `--`; without it the first operand). */
const nx: Peeler = (args) => {
  if (args[0]?.text !== 'exec') return undefined;
  const rest = commandAfter(args, 1, /^(--projects|-p|--exclude|--configuration|-c)$/);
  return rest?.length ? shellOrArgv('nx exec', rest) : { label: 'nx exec', argv: [] };
};

/** `yarn workspaces foreach [opts] exec CMD`, `yarn workspace NAME exec CMD`; else yarn's own runner. */
const yarn: Peeler = (args) => {
  const [a, b, c] = args.map((f) => f.text);
  if (a === 'workspaces' && b === 'foreach') {
    const rest = commandAfter(args, 2, FOREACH_VALUED);
    if (rest?.[0]?.text !== 'exec') return undefined;
    return shellOrArgv('yarn workspaces foreach exec', afterDashes(rest.slice(1)));
  }
  if (a === 'workspace' && c === 'exec')
    return shellOrArgv('yarn workspace exec', afterDashes(args.slice(3)));
  return RUNNERS.yarn(args);
};

/**
 * pnpm and npm with workspace options before the subcommand: skip them, then the package
 * manager's own runner. An option not in the table may take a value: a word right after it
 * is passed over too (fail closed: `pnpm -r --workspace-concurrency 1 exec CMD` still runs CMD).
 */
const leading =
  (prog: string): Peeler =>
  (args) => {
    const t = LEADING[prog];
    let i = 0;
    while (i < args.length && args[i].text.startsWith('-')) {
      const w = args[i].text;
      if (t.valued.test(w)) i += 2;
      else if (t.flags.test(w) || w.includes('=')) i += 1;
      else i += args[i + 1] && !args[i + 1].text.startsWith('-') && !t.subs.test(args[i + 1].text) ? 2 : 1;
    }
    return RUNNERS[prog](args.slice(i));
  };

/** Monorepo runners → their peelers (spread after RUNNERS in wrappers.ts: npm, pnpm and yarn are read here first). */
export const MONOREPO_RUNNERS: Record<string, Peeler> = {
  lerna,
  nx,
  yarn,
  pnpm: leading('pnpm'),
  npm: leading('npm'),
};
