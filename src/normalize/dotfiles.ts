/**
 * Dotfile managers that keep HOME's files in a git repository and run git on it: `yadm ARGS`
 * is git with HOME as its work tree (its own commands, `yadm encrypt|alt|bootstrap|list …`,
 * run no git here), and `chezmoi git [--] ARGS` runs git in chezmoi's source directory.
 * Both are peeled to `git ARGS`, so git's readers see `yadm push -f`, `chezmoi git -- push`.
 * What enters such a repository (`chezmoi add FILE`) is read where pushes are (exfil.ts).
 * Reads only the words of the command line.
 */
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

/** program name → peeler for the managers above. */
export const DOTFILES: Record<string, Peeler> = { yadm, chezmoi };
