/**
 * A command's stdin from a heredoc (src/normalize/command.ts): its text as bash gives it,
 * including a first line that starts with a backslash (the parse step stands in for that
 * backslash, see src/parse/text-fixes.ts), and unknown where bash's unescaping of it is not.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const stdinOf = (script: string) => normalizeIn(filesContext({}), script).commands[0]?.stdin;

describe('heredoc text', () => {
  it.each<[string, string | undefined]>([
    ["psql -d app <<'SQL'\n\\c prod\nTRUNCATE t;\nSQL", '\\c prod\nTRUNCATE t;\n'],
    ['psql -d app <<SQL\n\\c prod\nTRUNCATE t;\nSQL', '\\c prod\nTRUNCATE t;\n'],
    ['psql -d app <<SQL\nSELECT 1;\n\\timing on\nSQL', 'SELECT 1;\n\\timing on\n'],
    ['cat <<EOF\nplain\nEOF', 'plain\n'],
    // fail closed: bash takes the backslash off before `$`; what the line then holds is not read
    ['cat <<EOF\n\\$HOME\nEOF', undefined],
  ])('%j', (script, text) => {
    const stdin = stdinOf(script);
    expect(stdin?.kind).toBe('heredoc');
    expect(stdin && 'text' in stdin ? stdin.text : undefined).toBe(text);
  });
});
