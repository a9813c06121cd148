/** Windows' command interpreter (src/normalize/cmd-exe.ts): `cmd.exe /c LINE` runs LINE, its backslashes kept. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what cmd.exe runs', () => {
  it.each<[string, string[]]>([
    [
      'cmd.exe /c "rd /s /q %USERPROFILE%\\Documents && rd /s /q %USERPROFILE%\\source"',
      ['cmd /c|rd /s /q %USERPROFILE%\\Documents', 'cmd /c|rd /s /q %USERPROFILE%\\source'],
    ],
    ['cmd /d /q /c "del /s /q build\\*.obj"', ['cmd /c|del /s /q build\\*.obj']],
    ['cmd /C dir', ['cmd /c|dir']],
    ['cmd.exe /k echo hi', ['cmd /c|echo hi']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));

  it.each<[string, string]>([
    // no /c or /k: commands come from stdin, nothing to peel
    ['cmd.exe /q', '|cmd.exe /q'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
