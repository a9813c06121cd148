/**
 * The PowerShell lexer (src/normalize/pwsh-lex.ts): statements, pipeline segments and words;
 * hashtables and here-strings are one word each, over as many lines as they take.
 */
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/normalize/pwsh-lex.js';

/** Statements as `seg | seg`, each word's text in brackets (`?` before a dynamic one). */
const shown = (code: string) =>
  lex(code).map((segs) =>
    segs.map((s) => s.map((w) => `[${w.dynamic ? '?' : ''}${w.text}]`).join('')).join(' | '),
  );

describe('PowerShell words', () => {
  it.each<[string, string[]]>([
    [
      '$q = @\'\nmutation { a(id: "1") }\n\'@\nWrite-Host $q',
      ['[?$q][=][mutation { a(id: "1") }]', '[Write-Host][?$q]'],
    ],
    ['$q = @"\nhello $name\n"@', ['[?$q][=][?hello $name]']],
    ['$q = @"\nno variables\nlines\n"@; x', ['[?$q][=][no variables\nlines]', '[x]']],
    // not a here-string: the quote does not end its line
    ["Write-Host @'x'", ['[Write-Host][?@x]']],
    ['$h = @{ a = 1; b = "x" } | ConvertTo-Json', ['[?$h][=][?@{ a = 1; b = "x" }] | [ConvertTo-Json]']],
  ])('%j', (code, want) => expect(shown(code)).toEqual(want));
});
