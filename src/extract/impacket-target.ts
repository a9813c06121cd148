/**
 * impacket's credential words, for evidence: its scripts take `[domain/]user[:password][@target]`
 * as one word and `-hashes LM:NT` or `-aesKey KEY` as options. Each of these is a login to the
 * domain; readers that print a script's words print them through `withoutCredentials`.
 */

/** `[domain/]user:password[@target]`: the password runs to the word's last `@` (or its end). */
const TARGET = /^((?:[A-Za-z0-9_.-]+\/)?[^\s:/@]+):(?!\/)(.+?)(@[^@]*)?$/s;

/** Options whose value is a key or a hash. */
const KEY_OPTIONS = /^-(hashes|aesKey)$/;

/** What stands for a removed password or key. */
const HIDDEN = '…';

/**
 * `words` with the password of a `[domain/]user:password[@target]` word and the values of
 * `-hashes` / `-aesKey` replaced by `…` (`corp/admin:…@10.0.0.1`). Other words are unchanged;
 * a word after `-hashes` is hidden whatever it looks like.
 */
export function withoutCredentials(words: string[]): string[] {
  return words.map((w, i) => {
    if (i > 0 && KEY_OPTIONS.test(words[i - 1])) return HIDDEN;
    if (w.startsWith('-')) return w;
    const m = TARGET.exec(w);
    return m ? `${m[1]}:${HIDDEN}${m[3] ?? ''}` : w;
  });
}
