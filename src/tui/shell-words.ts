/**
 * Shell-quoted command text as a human reads it: the engine's text escapes with
 * backslashes (`https\://host/a\?b\=c`); here each word is re-quoted only when the shell
 * needs it, with single quotes (`'https://host/a?b=c'` → `https://host/a?b=c` stays as is
 * where it is safe). Pure. Text that does not split into plain words is returned unchanged.
 */

/** Characters that never need quoting in a word. */
const SAFE = /^[A-Za-z0-9_@%+=:,./~-]+$/;

function quoteWord(w: string): string {
  if (w === '') return "''";
  if (SAFE.test(w) && !w.startsWith('~')) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * Splits shell-quoted text into words: backslash escapes, '…' and "…" quoting. Undefined
 * when the text has anything else the shell would interpret (an unquoted `$`, operator,
 * glob, backquote): such text is shown as it is.
 */
export function splitWords(text: string): string[] | undefined {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '\\') {
      if (i + 1 >= text.length || text[i + 1] === '\n') return undefined;
      cur += text[++i];
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      cur += text.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '$' || text[j] === '`') return undefined;
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) j++;
        cur += text[j];
      }
      if (j >= text.length) return undefined;
      i = j;
    } else if (
      ('$`|&;<>()*?[]{}!#\n'.includes(ch) && !(ch === '#' && cur !== '')) ||
      (ch === '~' && cur === '')
    ) {
      return undefined;
    } else cur += ch;
  }
  if (inWord) words.push(cur);
  return words;
}

export function readableCommand(text: string): string {
  const words = splitWords(text);
  if (!words?.length) return text;
  const out = words.map(quoteWord).join(' ');
  // Never show something that means a different command than the engine's text.
  return JSON.stringify(splitWords(out)) === JSON.stringify(words) ? out : text;
}
