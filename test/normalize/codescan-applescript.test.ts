/**
 * AppleScript run by osascript (src/normalize/codescan-applescript.ts), and JXA
 * (`osascript -l JavaScript`) read as JavaScript: the commands handed to a shell are read as
 * themselves; a command built at run time stays dynamic.
 */
import { describe, expect, it } from 'vitest';
import { scanAppleScript } from '../../src/normalize/codescan-applescript.js';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('scanAppleScript', () => {
  it.each<[string, unknown[]]>([
    ['do shell script "rm -rf /srv"', [{ kind: 'shell', script: { text: 'rm -rf /srv', dynamic: false } }]],
    [
      'do shell script "echo \\"with love\\" > /tmp/x" with administrator privileges',
      [{ kind: 'shell', script: { text: 'echo "with love" > /tmp/x', dynamic: false } }],
    ],
    [
      'do shell script "rm -rf " & quoted form of (POSIX path of (path to home folder))',
      [{ kind: 'shell', script: { text: "rm -rf '/h/'", dynamic: false } }],
    ],
    [
      'tell application "Terminal" to do script "rm -rf /srv"',
      [{ kind: 'shell', script: { text: 'rm -rf /srv', dynamic: false } }],
    ],
    ['run script "do shell script \\"ls\\""', [{ kind: 'code', code: 'do shell script "ls"' }]],
    ['do shell script "rm -rf " & theFolder', [{ kind: 'dynamic', text: '"rm -rf " & theFolder' }]],
    ['-- do shell script "rm -rf /"\ndisplay dialog "hi"', []],
    ['display notification "do shell script" with title "x"', []],
  ])('%s', (code, want) => expect(scanAppleScript(code, '/h')).toEqual(want));
});

describe('osascript', () => {
  it.each<[string, string]>([
    [`osascript -e 'do shell script "rm -rf ~/Library/Keychains"'`, 'rm -rf /h/Library/Keychains'],
    [`osascript -e 'set x to 1' -e 'do shell script "rm -rf /srv"'`, 'rm -rf /srv'],
    [
      `osascript -l JavaScript -e 'const a = Application.currentApplication(); a.includeStandardAdditions = true; a.doShellScript("rm -rf /srv")'`,
      'rm -rf /srv',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`osascript -e 'display notification "Build done"'`, [`osascript -e display notification "Build done"`]],
    [
      `osascript -e 'tell application "Finder" to get name of home'`,
      [`osascript -e tell application "Finder" to get name of home`],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
