/**
 * Dotfile managers that keep HOME's files in a git repository and run git on it: `yadm ARGS`
 * is git with HOME as its work tree (its own commands, `yadm encrypt|alt|bootstrap|list …`,
 * run no git here), `chezmoi git [--] ARGS` runs git in chezmoi's source directory, and vcsh
 * runs git on one of its repositories: `vcsh REPO ARGS` (or `vcsh run REPO git ARGS`, `vcsh
 * run REPO CMD` any command with that repository as git's; its own commands `list`, `status`
 * … run no git here). All are peeled to `git ARGS`, so git's readers see `yadm push -f`,
 * `chezmoi git -- push`, `vcsh dotfiles push --force`. A repository named by a variable
 * (`vcsh $R push -f`) is read the same way, or as `vcsh run` when no git command follows it.
 * What enters such a repository (`chezmoi add FILE`) is read where pushes are (exfil.ts).
 * Reads only the words of the command line.
 */
import { GIT_BUILTIN } from './git-builtins.js';
import { getopt } from './options.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

const GIT: Field = { text: 'git', dynamic: false };

/** yadm's own commands (not passed to git). */
const YADM_OWN =
  /^(alt|bootstrap|clone|config|decrypt|encrypt|enter|git-crypt|gitconfig|help|init|introspect|list|perms|transcrypt|upgrade|version)$/;

const yadm: Peeler = (args) => {
  const p = getopt(args, {
    short: 'Y',
    long: [
      'yadm-dir',
      'yadm-data',
      'yadm-repo',
      'yadm-config',
      'yadm-encrypt',
      'yadm-archive',
      'yadm-bootstrap',
    ],
  });
  const rest = args.slice(p.index);
  if (!rest.length || rest[0].dynamic || YADM_OWN.test(rest[0].text)) return undefined;
  return { label: 'yadm', argv: [GIT, ...rest] };
};

const chezmoi: Peeler = (args) => {
  const p = getopt(args, {
    short: 'cDSWo',
    long: [
      'config',
      'destination',
      'source',
      'working-tree',
      'output',
      'color',
      'config-format',
      'mode',
      'cache',
      'persistent-state',
      'progress',
      'use-builtin-git',
    ],
  });
  const rest = args.slice(p.index);
  if (rest[0]?.text !== 'git' || rest[0].dynamic) return undefined;
  const words = rest.slice(1);
  return { label: 'chezmoi git', argv: [GIT, ...(words[0]?.text === '--' ? words.slice(1) : words)] };
};

/** vcsh's own commands (the first word; anything else is a repository's name). */
const VCSH_OWN =
  /^(clone|commit|delete|enter|foreach|help|init|list|list-tracked|list-untracked|pull|push|rename|status|upgrade|version|which|write-gitignore)$/;

const vcsh: Peeler = (args) => {
  const p = getopt(args, { short: 'c' });
  const rest = args.slice(p.index);
  const first = rest[0];
  if (!first) return undefined;
  // `vcsh $R ARGS`: a repository's name with git's ARGS (`vcsh $R push -f`), or `run`/`foreach`:
  // ARGS that do not start with a git command are read as `vcsh run REPO CMD…` (`vcsh $R dots rm …`)
  if (first.dynamic) {
    if (rest.length > 2 && !GIT_BUILTIN.has(rest[1].text))
      return { label: `vcsh ${rest[1].text}`, argv: rest.slice(2) };
    return rest.length > 1 ? { label: 'vcsh', argv: [GIT, ...rest.slice(1)] } : undefined;
  }
  // `vcsh run REPO CMD…`: CMD with REPO as git's repository
  if (first.text === 'run')
    return rest.length > 2 ? { label: `vcsh ${rest[1].text}`, argv: rest.slice(2) } : undefined;
  // `vcsh foreach [-g] GITCMD…`: git's command in every repository
  if (first.text === 'foreach') {
    const words = rest.slice(1).filter((f) => f.text !== '-g');
    return words.length ? { label: 'vcsh foreach', argv: [GIT, ...words] } : undefined;
  }
  // `vcsh push|pull`: every repository pushed or pulled, as git would
  if (first.text === 'push' || first.text === 'pull') return { label: 'vcsh', argv: [GIT, ...rest] };
  if (VCSH_OWN.test(first.text) || rest.length < 2) return undefined;
  return { label: `vcsh ${first.text}`, argv: [GIT, ...rest.slice(1)] };
};

/** program name → peeler for the managers above. */
export const DOTFILES: Record<string, Peeler> = { yadm, chezmoi, vcsh };
