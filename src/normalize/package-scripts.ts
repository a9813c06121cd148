/**
 * The scripts of a package.json that a package manager runs (`npm run NAME`, `npm test`,
 * `yarn NAME`, `pnpm NAME`, `bun run NAME`, and the project's lifecycle scripts on a bare
 * install), as the shell lines they are: read by tool-configs.ts when this script wrote the
 * package.json. Pure.
 */
import type { Field } from './state.js';

/** Subcommands that run the script named next. */
const RUN = /^(run|run-script|rum|urn)$/;
/** Subcommands that run a script of their own name (`npm test`: pretest, test, posttest). */
const OWN: Record<string, string> = {
  test: 'test',
  t: 'test',
  tst: 'test',
  start: 'start',
  stop: 'stop',
  restart: 'restart',
};
/** A bare install runs the project's own lifecycle scripts, in this order. */
const INSTALL_HOOKS = [
  'preinstall',
  'install',
  'postinstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
];
/** Subcommands that install the project (with no package named). */
const INSTALL =
  /^(install|i|in|ins|inst|insta|instal|isnt|isnta|isntal|add|ci|clean-install|install-clean|isntall-clean)$/;
/** Built-in subcommands of yarn, pnpm and bun that are not a script's name. */
const BUILTIN =
  /^(add|audit|bin|cache|config|create|dedupe|dlx|exec|import|info|init|install|link|list|ls|outdated|pack|publish|rebuild|remove|rm|set|store|unlink|up|update|upgrade|why|workspace|workspaces|x|pm|patch|version|help|login|logout|whoami|node|plugin|constraints|explain|npm|search|root|prune|fetch|env|setup|server|licenses|owner|tag|team|global|generate-lock-entry|check|autoclean|policies)$/;

/** The script names a command runs, pre and post included; empty = none. */
function scriptNames(runner: string, args: Field[], has: (n: string) => boolean, all: string[]): string[] {
  const words = args.filter((a) => !a.text.startsWith('-'));
  // fail closed: a subcommand or script name not known statically may run any script
  if (words[0]?.dynamic || (words[0] && RUN.test(words[0].text) && words[1]?.dynamic)) return all;
  const sub = words[0]?.text;
  const around = (n: string) => [`pre${n}`, n, `post${n}`];
  // `npm install` (no package named), `yarn`, `pnpm i`: the project's lifecycle scripts
  if (sub === undefined) return runner === 'yarn' ? INSTALL_HOOKS : [];
  if (INSTALL.test(sub)) return words.length === 1 ? INSTALL_HOOKS : [];
  if (RUN.test(sub)) return words[1] ? around(words[1].text) : [];
  if (Object.hasOwn(OWN, sub)) return around(OWN[sub]);
  // `yarn NAME`, `pnpm NAME`, `bun NAME` run a script of that name (bun only when there is one)
  if (runner !== 'npm' && !BUILTIN.test(sub) && has(sub)) return around(sub);
  return [];
}

/**
 * The shell lines `runner ARGS` runs from package.json `text`; empty = none (no such script,
 * or a package.json npm cannot read, with which it runs nothing).
 */
export function packageScripts(runner: string, text: string, args: Field[]): string[] {
  let scripts: Record<string, unknown>;
  try {
    const pkg = JSON.parse(text) as { scripts?: unknown };
    scripts =
      pkg && typeof pkg.scripts === 'object' && pkg.scripts !== null
        ? (pkg.scripts as Record<string, unknown>)
        : {};
  } catch {
    return []; // npm refuses a package.json it cannot parse: nothing runs
  }
  const has = (n: string) => Object.hasOwn(scripts, n) && typeof scripts[n] === 'string';
  return scriptNames(runner, args, has, Object.keys(scripts))
    .filter(has)
    .map((n) => scripts[n] as string);
}
