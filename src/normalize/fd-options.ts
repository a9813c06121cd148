/**
 * fd's command line, shared by its fan-out reading (fanout.ts: what `-x|-X` runs) and the
 * file rules' test of whether it selects (src/extract/fs.ts).
 */

/** fd's options that take a value (the next word). */
export const FD_VALUE = new Set(
  '-e --extension -t --type -d --max-depth --min-depth --exact-depth -E --exclude -S --size --changed-within --changed-before -o --owner -j --threads --max-results -c --color --base-directory --search-path --ignore-file --path-separator --batch-size'.split(
    ' ',
  ),
);

/** fd's options that run a command on what it finds (the words after them are the command). */
export const FD_EXEC = /^(-x|--exec|-X|--exec-batch)$/;
