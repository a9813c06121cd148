/**
 * The program-name walk (src/secrets/program-before.ts) answers exactly as the regex look
 * back it stands in for: table rows of each rule (the name's bounds, `.exe`, case, the span's
 * length and its operators), then random texts built from the same pieces compared with the
 * regex at every position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escape } from '../../src/secrets/pattern.js';
import { programBefore, PROGRAM_SPAN } from '../../src/secrets/program-before.js';

const PROGRAMS = ['mysql', 'sqlcmd', 'evil-winrm', '7z', 'bloodyAD'];
/** The look back as context-flags.ts writes it, ending at `end`. */
const lookBack = (programs: string[]): RegExp => {
  const names = [...new Set(programs.flatMap((p) => [p, p.toUpperCase()]))].map(escape).join('|');
  return new RegExp(
    `(?<=(?<![A-Za-z0-9_.-])(?:${names})(?:\\.[Ee][Xx][Ee])?(?=[ \\t])[^\\n;&|]{1,${PROGRAM_SPAN}})`,
    'y',
  );
};
const regexAt = (s: string, end: number): boolean => {
  const re = lookBack(PROGRAMS);
  re.lastIndex = end;
  return re.test(s);
};
const walk = programBefore(PROGRAMS);

/** [text, where the look back ends (-1: the end), expected]. */
const ROWS: [string, number, boolean][] = [
  ['mysql -p', -1, true],
  ['mysql\t-p', -1, true],
  ['/usr/bin/mysql -u root -p', -1, true],
  ['MYSQL -p', -1, true],
  ['Mysql -p', -1, false], // mixed case is not a listed spelling
  ['sqlcmd.exe -P', -1, true],
  ['SQLCMD.EXE -P', -1, true],
  ['sqlcmd.exe.exe -P', -1, false],
  ['mysqlx -p', -1, false], // inside a longer name
  ['my-mysql -p', -1, false],
  ['x.7z -p', -1, false], // a file name, not the program
  ['7z a -p', -1, true],
  ['evil-winrm -p', -1, true],
  ['bloodyAD -p', -1, true],
  ['BLOODYAD -p', -1, true],
  ['mysql; echo -p', -1, false],
  ['mysql && echo -p', -1, false],
  ['mysql | x -p', -1, false],
  ['mysql\nx -p', -1, false],
  ['mysql', -1, false], // no blank after the name
  ['mysql -p', 5, false], // ends at the name: no span
  ['mysql -p', 6, true], // the span is the blank alone
  [`mysql ${'a'.repeat(PROGRAM_SPAN - 1)}`, -1, true],
  [`mysql ${'a'.repeat(PROGRAM_SPAN)}`, -1, false], // one char too far
  [`mysql ${'a '.repeat(200)}`, -1, false],
  ['mysql \u00e9 -p', -1, true],
  ['\u00e9mysql -p', -1, true], // a char above the name chars is not one of them
  ['', 0, false],
];

describe('program-name walk', () => {
  it.each(ROWS)('%j up to %i: %s', (s, end, want) => {
    const at = end < 0 ? s.length : end;
    expect(regexAt(s, at)).toBe(want);
    expect(walk.test(s, at)).toBe(want);
  });

  it('answers as the regex look back on random commands, at every position', () => {
    const piece = fc.constantFrom(
      'mysql',
      'MYSQL',
      'sqlcmd',
      '.exe',
      '.EXE',
      '7z',
      'x',
      '/',
      '-',
      '.',
      ' ',
      '\t',
      ';',
      '&',
      '|',
      '\n',
      '-p',
      "'",
      'a'.repeat(90),
      '\u00e9',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const s = parts.join('');
        for (let end = 0; end <= s.length; end++) expect(walk.test(s, end)).toBe(regexAt(s, end));
      }),
      { numRuns: 400 },
    );
  });
});
