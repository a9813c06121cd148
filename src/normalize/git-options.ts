/** git's global options, read by the normalizer (what git runs) and the git extractor (what git does). */

/** Global options that take the next word as their value (`-C DIR`, `-c KEY=VALUE`). */
export const GIT_GLOBAL_WITH_VALUE = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--super-prefix',
]);
