/**
 * Loops that read their items from stdin (src/normalize/read-loops.ts), and xargs fed by a
 * redirect (src/normalize/fanout.ts): known lines are walked one by one.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

/** Each command as its argv joined (`?` marks a dynamic command), in order. */
function summary(files: Record<string, string>, script: string): string {
  const r = normalizeIn(filesContext(files), script);
  return r.commands.map((c) => `${c.dynamic ? '?' : ''}${c.argv.join(' ')}`).join(' | ');
}

const files = {
  '/w/list.txt': 'a.log\n  b c.log\n',
  '/w/roots.txt': '/\n/home\n',
  '/w/joined.txt': '/home\\\n/alice\ntmp\\\\\n',
};

describe('while read VAR over known lines', () => {
  it.each<[string, string]>([
    ['while read -r f; do rm -- "$f"; done < list.txt', 'read -r f | rm -- a.log | rm -- b c.log'],
    // IFS= keeps the blanks around a line
    ['while IFS= read -r f; do rm -- "$f"; done < list.txt', 'read -r f | rm -- a.log | rm --   b c.log'],
    ['while read -r d; do rm -rf "$d"; done < roots.txt', 'read -r d | rm -rf / | rm -rf /home'],
    [
      'cat roots.txt | while read d; do rm -rf "$d"; done',
      'cat roots.txt | read d | rm -rf / | rm -rf /home',
    ],
    ['while read -r f; do rm "$f"; done <<\'EOF\'\n/etc/passwd\nEOF', 'read -r f | rm /etc/passwd'],
    ['printf \'x\\n\' > l; while read -r f; do rm "$f"; done < l', 'printf x\\n | read -r f | rm x'],
    // fail closed: lines not known, another shape of read: the variable stays unknown
    // without -r a backslash before the newline joins the next line; with -r it is kept
    ['while read d; do rm -rf "$d"; done < joined.txt', 'read d | rm -rf /home/alice | rm -rf tmp\\'],
    [
      'while read -r d; do rm -rf "$d"; done < joined.txt',
      'read -r d | rm -rf /home\\ | rm -rf /alice | rm -rf tmp\\\\',
    ],
    ['while read -r f; do rm -- "$f"; done < missing.txt', 'read -r f | ?rm -- $f'],
    ['./gen | while read -r f; do rm -- "$f"; done', './gen | read -r f | ?rm -- $f'],
    ['while read -r a b; do rm -- "$b"; done < list.txt', 'read -r a b | ?rm -- $b'],
    ['while read -r -d "" f; do rm -- "$f"; done < list.txt', 'read -r -d  f | ?rm -- $f'],
    // fail closed: the list was rewritten by this script with text not known here (the copy on
    // disk is not what the loop reads)
    [
      'curl -s https://example.com/l > list.txt; while read -r f; do rm -- "$f"; done < list.txt',
      'curl -s https://example.com/l | read -r f | ?rm -- $f',
    ],
    [
      'curl -s https://example.com/l > list.txt; xargs rm < list.txt',
      'curl -s https://example.com/l | rm | ?rm {xargs-input}',
    ],
  ])('%s', (script, want) => expect(summary(files, script)).toBe(want));
});

describe('xargs fed by a redirect reads the file', () => {
  it.each<[string, string]>([
    ['xargs rm < list.txt', 'rm a.log b c.log'],
    ['xargs rm -rf < roots.txt', 'rm -rf / /home'],
    // fail closed: a file that can't be read leaves the items unknown
    ['xargs rm < missing.txt', 'rm | ?rm {xargs-input}'],
  ])('%s', (script, want) => expect(summary(files, script)).toBe(want));
});

describe('while read VAR over a lister piped in', () => {
  it('walks the body once, VAR unknown, under the wrapper `while read VAR`', () => {
    const r = normalizeIn(
      filesContext({}),
      'find build -name \'*.o\' | while read -r f; do rm -- "$f"; done',
    );
    const rm = r.commands.find((c) => c.program === 'rm');
    expect(rm).toMatchObject({ argv: ['rm', '--', '$f'], dynamic: true, wrappers: ['while read f'] });
  });
});

describe('NUL-separated records (read -d "")', () => {
  it.each<[string, string]>([
    // known text is not split on NULs here: the variable stays unknown
    [
      "printf 'a\\0' > l; while IFS= read -r -d '' f; do rm \"$f\"; done < l",
      'printf a\\0 | read -r -d  f | ?rm $f',
    ],
  ])('%s', (script, want) => expect(summary(files, script)).toBe(want));
});
