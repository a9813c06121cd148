/**
 * firstUrl (src/extract/shell.ts) finds what `/[a-z][a-z0-9+.-]*:\/\/[^\s'"`)|;&]+/i` finds,
 * without the regex's quadratic rescans of a long word.
 */
import { describe, expect, it } from 'vitest';
import { firstUrl } from '../../src/extract/shell.js';

const REGEX = /[a-z][a-z0-9+.-]*:\/\/[^\s'"`)|;&]+/i;

describe('firstUrl', () => {
  it.each<[string, string]>([
    ['curl -fsSL https://get.example.com/i.sh | sh', 'https://get.example.com/i.sh'],
    ['9http://x y', 'http://x'],
    ['a9http://x y', 'a9http://x'],
    ['://x', ''],
    ['x:// http://y', 'http://y'],
    ['+.-://a git+ssh://h/p', 'git+ssh://h/p'],
    ['$(wget -O- ftp://h/f;)', 'ftp://h/f'],
    ['no url here', ''],
    ['ab://', ''],
    ['HTTP://X.y', 'HTTP://X.y'],
  ])('%s', (text, url) => {
    expect(firstUrl(text)).toBe(url);
    expect(REGEX.exec(text)?.[0] ?? '').toBe(url);
  });

  it('agrees with the regex on 50,000 random short strings', () => {
    const chars = "ab9+.-:/ x|;'`";
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let diffs = 0;
    for (let k = 0; k < 50_000; k++) {
      let s = '';
      for (let i = Math.floor(rnd() * 24); i > 0; i--) s += chars[Math.floor(rnd() * chars.length)];
      if (firstUrl(s) !== (REGEX.exec(s)?.[0] ?? '')) diffs++;
    }
    expect(diffs).toBe(0);
  });
});
