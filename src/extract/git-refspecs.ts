/**
 * Refspecs the shell builds at run time: `git push origin $(git tag -l 'v*' | sed
 * 's#^#:refs/tags/#')`. The words are not known statically, but the command that prints
 * them may put a `:` (each ref deleted on the remote) or a `+` (each ref force-updated) in
 * front of every one: a sed replacement that starts with it (`s/^/:/`, `s#origin/#:#`), a
 * quoted text that does (`awk '{print ":refs/tags/" $1}'`, `--format='+%(refname)…'`,
 * `printf ':%s '`), or an echo of `:$name`. The same holds for the words xargs appends from
 * such a pipeline (`git ls-remote --tags origin | awk '{print ":" $2}' | xargs git push origin`).
 * Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';

/**
 * The text of the command substitution a word starts with (`$(…)`, its parentheses balanced,
 * or `` `…` ``; also inside double quotes); undefined = the word does not start with one.
 */
function leadingSubstitution(word: string): string | undefined {
  const w = word.replace(/^"/, '');
  if (w.startsWith('`')) return /^`([^`]*)`/.exec(w)?.[1];
  if (!w.startsWith('$(')) return undefined;
  let depth = 0;
  for (let i = 1; i < w.length; i++) {
    if (w[i] === '(') depth++;
    else if (w[i] === ')' && --depth === 0) return w.slice(2, i);
  }
  return undefined;
}
/**
 * Text that starts each printed word with `:` or `+`: a sed `s` command whose replacement
 * does, a quote that opens with it, or `:$var` / `:{}` after a space. A `+` must be followed
 * by what a refspec holds (`refs/`, a `%(` format, a variable, the quote or delimiter
 * closing it), so a `date '+%Y'` is not one.
 */
const PREFIXED = [
  /\bs([#/|,@!%])(?:(?!\1).)*\1(?<p>:|\+(?=refs\/|%\(|\$|\1))/,
  /['"](?<p>:|\+(?=refs\/|%\(|\$|['"]))/,
  /\s(?<p>:|\+)(?=\$\{?\w|\{\})/,
  // a format option's value that starts with it: `--format=:%(refname)`, `--format=+refs/…`
  /=(?<p>:|\+)(?=%\(|refs\/)/,
];

/** The word xargs appends for its input when the items are not known statically (normalize/fanout.ts). */
export const XARGS_INPUT = '{xargs-input}';

/**
 * The text of the pipeline feeding a command's stdin (`git tag -l | sed 's/^/:/' | xargs …`:
 * every upstream command, nearest first, its words quoted back), the `$(…)` builtSpecEffect
 * reads for the words xargs appends. Undefined = stdin is not a pipe.
 */
export function feedingPipeline(cmd: NormalizedCommand): string | undefined {
  const parts: string[] = [];
  for (let s = cmd.stdin; s?.kind === 'pipe' && s.from && parts.length < 8; s = s.from.stdin)
    parts.push(s.from.argv.map((w) => (/[\s'"|;&]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w)).join(' '));
  return parts.length ? `$(${parts.join(' | ')})` : undefined;
}

/**
 * What a refspec word built by a command substitution does to every ref it names: `delete`
 * (a leading `:`), `force` (a leading `+`); undefined = not built that way, or not shown.
 */
export function builtSpecEffect(word: string): 'delete' | 'force' | undefined {
  const inner = leadingSubstitution(word);
  if (inner === undefined) return undefined;
  for (const re of PREFIXED) {
    const hit = re.exec(inner);
    if (hit) return hit.groups?.p === ':' ? 'delete' : 'force';
  }
  return undefined;
}
