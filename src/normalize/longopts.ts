/**
 * GNU getopt_long and git's parse-options accept any unambiguous prefix of a long option
 * (`git reset --har`, `wget --meth DELETE`, `base64 --dec`). Each tool's reader keeps its
 * long-option table; this resolves what was written against it.
 */

/**
 * The table names `name` may stand for: itself when exact; every option it is a prefix of
 * otherwise (fail closed: an ambiguous prefix counts as each candidate, since the tool either
 * refuses it or runs one of them); `[name]` when it is a prefix of nothing.
 */
export function resolveLong(name: string, table: readonly string[]): string[] {
  if (name === '' || table.includes(name)) return [name];
  const hits = table.filter((t) => t.startsWith(name));
  return hits.length ? hits : [name];
}

/** True when `word` (`--dec`, `--decode`) is a spelling of the long option `full` in `table`. */
export function isLongOpt(word: string, full: string, table: readonly string[]): boolean {
  if (!word.startsWith('--')) return false;
  const eq = word.indexOf('=');
  return resolveLong(word.slice(2, eq < 0 ? undefined : eq), table).includes(full);
}
