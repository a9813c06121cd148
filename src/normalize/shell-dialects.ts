/**
 * Shells of their own syntax whose simple commands bash reads alike once their own spellings
 * of a command are rewritten (shells.ts re-parses the result):
 * - elvish: `e:NAME` runs the external program NAME (`e:rm -rf ~/x` is `rm -rf ~/x`), and
 *   its os module's `os:remove-all PATH` / `os:remove PATH` delete as `rm -rf` / `rm` do.
 * Other shells' text is returned as it is.
 */

/** Elvish's command spellings, at the start of a word (after a blank, `;`, `|`, `(`, `{`). */
const ELVISH: [RegExp, string][] = [
  [/(^|[\s;|({])e:(?=[\w./-])/g, '$1'],
  [/(^|[\s;|({])os:remove-all(?=\s)/g, '$1rm -rf'],
  [/(^|[\s;|({])os:remove(?=\s)/g, '$1rm'],
];

/** `text` (a script of shell `prog`) with its dialect's command spellings as bash's. */
export function dialectScript(prog: string, text: string): string {
  if (prog !== 'elvish') return text;
  return ELVISH.reduce((t, [re, to]) => t.replace(re, to), text);
}
