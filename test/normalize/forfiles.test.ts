/**
 * Windows' forfiles (src/normalize/forfiles.ts): the command of `/c` runs on the files under
 * `/p` matching `/m`, read through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';
import { normalizeIn, filesContext } from '../helpers/normalize.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('forfiles /c', () => {
  it.each<[string, string]>([
    ['forfiles /p D:\\\\SQLData /s /m *.* /c "cmd /c del /f /q @path"', 'ask'],
    ['forfiles /P E:\\\\Backups /M *.bak /D -0 /C "cmd /c del @file"', 'ask'],
    ['forfiles -p "D:\\\\Data" -s -m *.* -c "cmd /c rd /s /q @path"', 'ask'],
    ['FORFILES /S /C "cmd /c del /q @path" /P C:\\\\inetpub', 'ask'],
    // fail closed: a command known only at run time
    ['forfiles /p C:\\\\x /c "$CMD"', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    'forfiles /p "C:\\\\logs" /m *.log /c "cmd /c echo @path @fdate"',
    'forfiles /p D:\\\\SQLData /s /m *.mdf /c "cmd /c dir @path"',
    'forfiles /p C:\\\\logs',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));

  it('substitutes the matching set for @path', () => {
    const argvs = normalizeIn(
      filesContext({}),
      'forfiles /p D:\\\\Data /m *.bak /c "cmd /c del @path"',
    ).commands.map((c) => c.argv.join(' '));
    expect(argvs).toContain('del D:\\Data\\*.bak');
  });
});
