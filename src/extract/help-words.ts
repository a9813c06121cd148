/**
 * Where a help or dry-run word (`--help`, `--dry-run`) counts. Readers that find nothing for
 * a help request or a dry run must not be switched off by the same spelling used as a value:
 * of the option before it (`patronictl remove pg --comment --help`, `-o --help`) or after `--`
 * (`… -- --help`, an operand). Fail closed: an option written without `=` right before the
 * word may take it as its value, unless it is a known switch (`--force`, `--yes`…) or itself
 * a help or dry-run word, so the command is read as it stands.
 */

/** Long switches that take no value in nearly every tool (the word after one is not its value). */
const COMMON_SWITCHES =
  /^--(force|yes|all|dry-?run|recursive|verbose|quiet|debug|wait|now|purge|cascade|json|overwrite|no-[\w-]+|assume-yes|non-interactive)$/;

/**
 * Whether a word matching `is` stands in an option position of argv (argv[0] the program;
 * see the header). `switches`: the tool's own options that take no value, besides the common
 * ones (undefined = none known).
 */
export function optionWord(argv: readonly string[], is: (w: string) => boolean, switches?: RegExp): boolean {
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--') return false;
    if (!is(w)) continue;
    const prev = i > 1 ? argv[i - 1] : '';
    const takesIt =
      prev.startsWith('-') &&
      prev !== '-' &&
      !prev.includes('=') &&
      !is(prev) &&
      !COMMON_SWITCHES.test(prev) &&
      !switches?.test(prev);
    if (!takesIt) return true;
  }
  return false;
}

/** `--help` in an option position. */
export const asksHelp = (argv: readonly string[], switches?: RegExp): boolean =>
  optionWord(argv, (w) => w === '--help', switches);

/**
 * `-h` as the last word, in an option position: the help request of the many tools whose `-h`
 * is `--help`, written after the real arguments (`sfdisk --delete /dev/sdb -h`, `eksctl
 * delete cluster prod -h`). Elsewhere `-h` often takes a value (`mysql -h HOST`), so it
 * counts only where no value can follow.
 */
export function trailingShortHelp(argv: readonly string[], switches?: RegExp): boolean {
  const last = argv.length - 1;
  if (last < 1 || argv[last] !== '-h' || argv.slice(1, last).includes('--')) return false;
  // the program, the word before `-h` (when it is not the program) and `-h`
  return optionWord([argv[0], ...argv.slice(Math.max(1, last - 1))], (w) => w === '-h', switches);
}
