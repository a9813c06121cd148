/**
 * VBScript and JScript read for what their COM objects do (src/normalize/codescan-wsh.ts), and
 * the scripts Windows Script Host runs (src/normalize/wsh.ts): deletes, command lines, registry
 * writes and requests become the commands the extractors judge; code built at run time stays
 * dynamic; echoing, reading and listing do nothing.
 */
import { describe, expect, it } from 'vitest';
import { scanWsh, type WshLang } from '../../src/normalize/codescan-wsh.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { packVerdict } from '../helpers/command.js';

const lit = (text: string) => ({ text, dynamic: false });
const cmdLine = (text: string) => ({ kind: 'exec', argv: [lit('cmd'), lit('/c'), lit(text)] });

describe('scanWsh', () => {
  it.each<[WshLang, string, unknown[]]>([
    [
      'vbscript',
      'Set fso = CreateObject("Scripting.FileSystemObject")\nfso.DeleteFolder "C:\\Users\\dev\\Documents", True',
      [{ kind: 'rm', target: lit('C:\\Users\\dev\\Documents') }],
    ],
    [
      'vbscript',
      'CreateObject("Scripting.FileSystemObject").DeleteFile("C:\\x\\*.log") \' old logs',
      [{ kind: 'rm', target: lit('C:\\x\\*.log') }],
    ],
    [
      'vbscript',
      'Set fso = CreateObject("Scripting.FileSystemObject")\nSet f = fso.GetFolder("C:\\src")\nf.Delete True',
      [{ kind: 'rm', target: lit('C:\\src') }],
    ],
    // a path joined from the profile folder, and a special folder, are below the home folder
    [
      'vbscript',
      'Set sh = CreateObject("WScript.Shell")\np = sh.ExpandEnvironmentStrings("%USERPROFILE%") & "\\Documents"\nCreateObject("Scripting.FileSystemObject").DeleteFolder p',
      [{ kind: 'rm', target: lit('/h/Documents') }],
    ],
    [
      'jscript',
      'var sh = new ActiveXObject("WScript.Shell");\nvar fso = new ActiveXObject("Scripting.FileSystemObject");\nfso.DeleteFolder(sh.SpecialFolders("Desktop"), true);',
      [{ kind: 'rm', target: lit('/h/Desktop') }],
    ],
    [
      'vbscript',
      'Dim o\nSet o = WScript.CreateObject("WScript.Shell")\no.Run "cmd /c rd /s /q " & Chr(34) & "C:\\My Work" & Chr(34), 0, True',
      [cmdLine('cmd /c rd /s /q "C:\\My Work"')],
    ],
    [
      'jscript',
      "var s = WScript.CreateObject('WScript.Shell'); s.Exec('powershell -c Remove-Item -Recurse C:\\\\repo');",
      [cmdLine('powershell -c Remove-Item -Recurse C:\\repo')],
    ],
    [
      'vbscript',
      'CreateObject("Shell.Application").ShellExecute "cmd.exe", "/c del /q C:\\x\\*", "", "runas", 0',
      [cmdLine('cmd.exe /c del /q C:\\x\\*')],
    ],
    [
      'vbscript',
      'Set w = GetObject("winmgmts:\\\\.\\root\\cimv2")\nSet p = w.Get("Win32_Process")\np.Create "cmd /c rd /s /q C:\\data"',
      [cmdLine('cmd /c rd /s /q C:\\data')],
    ],
    [
      'vbscript',
      'Set sh = CreateObject("WScript.Shell")\nsh.RegWrite "HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command\\", "cmd.exe", "REG_SZ"',
      [
        {
          kind: 'exec',
          argv: [
            'reg',
            'add',
            'HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command',
            '/ve',
            '/d',
            'cmd.exe',
            '/f',
          ].map(lit),
        },
      ],
    ],
    [
      'vbscript',
      'Set x = CreateObject("MSXML2.XMLHTTP")\nx.Open "DELETE", "https://api.example.net/v1/projects/prod", False\nx.Send',
      [{ kind: 'http', method: 'DELETE', url: lit('https://api.example.net/v1/projects/prod') }],
    ],
    [
      'jscript',
      'var h = new ActiveXObject("WinHttp.WinHttpRequest.5.1"); // client\nh.Open("POST", "https://api.example.net/q", false);\nh.Send(\'{"a":1}\');',
      [{ kind: 'http', method: 'POST', url: lit('https://api.example.net/q'), body: '{"a":1}' }],
    ],
    // a With block's object, and WMI's process class in one chain
    [
      'vbscript',
      'With CreateObject("Scripting.FileSystemObject")\n  .DeleteFolder "C:\\w", True\nEnd With',
      [{ kind: 'rm', target: lit('C:\\w') }],
    ],
    [
      'vbscript',
      'GetObject("winmgmts:").Get("Win32_Process").Create "cmd /c rd /s /q C:\\d"',
      [cmdLine('cmd /c rd /s /q C:\\d')],
    ],
    // code run by Execute / eval: read when literal, dynamic when built at run time
    [
      'vbscript',
      'Execute "CreateObject(""Scripting.FileSystemObject"").DeleteFolder ""C:\\w"""',
      [{ kind: 'rm', target: lit('C:\\w') }],
    ],
    ['vbscript', 'Execute WScript.Arguments(0)', [{ kind: 'dynamic', text: 'WScript.Arguments(0)' }]],
    [
      'jscript',
      'var c = WScript.Arguments(0);\neval(c);',
      [{ kind: 'dynamic', text: 'WScript.Arguments(0)' }],
    ],
    [
      'vbscript',
      'Set sh = CreateObject("WScript.Shell")\nsh.Run WScript.Arguments(0)',
      [{ kind: 'dynamic', text: 'WScript.Arguments(0)' }],
    ],
    // echo, reads, existence checks, GET requests of no effect here, commented-out calls
    ['vbscript', 'WScript.Echo "hello"', []],
    [
      'vbscript',
      'Set fso = CreateObject("Scripting.FileSystemObject")\nSet f = fso.OpenTextFile("C:\\notes.txt", 1)\nWScript.Echo f.ReadAll\nIf fso.FolderExists("build\\tmp") Then WScript.Echo "yes"',
      [],
    ],
    [
      'vbscript',
      '\' CreateObject("Scripting.FileSystemObject").DeleteFolder "C:\\\\"\nRem fso.DeleteFile x',
      [],
    ],
    [
      'jscript',
      '/* new ActiveXObject("Scripting.FileSystemObject").DeleteFolder("C:\\\\") */ WScript.Echo("x");',
      [],
    ],
  ])('%s: %j', (lang, code, want) => expect(scanWsh(code, lang, '/h')).toEqual(want));
});

describe('cscript and wscript', () => {
  const run = (script: string) =>
    normalizeIn(filesContext({}), script).commands.map((c) =>
      c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' '),
    );

  it.each<[string, string]>([
    [
      `cat > w.vbs <<'V'\nCreateObject("Scripting.FileSystemObject").DeleteFolder "C:\\Users\\dev"\nV\ncscript //nologo w.vbs`,
      'rm -rf C:\\Users\\dev',
    ],
    // the engine named by //E: whatever the extension; the host by any path or case
    [
      `cat > t.txt <<'V'\nCreateObject("Scripting.FileSystemObject").DeleteFile "C:\\k"\nV\nCScript.exe //E:vbscript t.txt`,
      'rm -rf C:\\k',
    ],
    [
      `cat > d.js <<'J'\nnew ActiveXObject("Scripting.FileSystemObject").DeleteFolder("C:\\\\s");\nJ\nwscript d.js`,
      'rm -rf C:\\s',
    ],
    [
      `cat > job.wsf <<'W'\n<job><script language="JScript"><![CDATA[\nnew ActiveXObject("Scripting.FileSystemObject").DeleteFile("C:\\\\j");\n]]></script></job>\nW\ncscript //Job:a job.wsf`,
      'rm -rf C:\\j',
    ],
    // mshta: inline VBScript or JScript, and the script blocks of an .hta this script wrote
    [
      `mshta 'vbscript:Execute("CreateObject(""Scripting.FileSystemObject"").DeleteFolder ""C:\\m"":close")'`,
      'rm -rf C:\\m',
    ],
    [
      `cat > a.hta <<'H'\n<html><script>new ActiveXObject("Scripting.FileSystemObject").DeleteFile("C:\\\\h");</script></html>\nH\nmshta a.hta`,
      'rm -rf C:\\h',
    ],
    ['mshta https://apps.example.net/x.hta', 'dynamic:https://apps.example.net/x.hta'],
    // fail closed: encoded code, a file written with unknown content, a script named at run time
    [`cat > e.vbe <<'V'\n#@~^AAAA==\nV\ncscript e.vbe`, 'dynamic:e.vbe'],
    ['gen > g.vbs; cscript g.vbs', 'dynamic:g.vbs'],
    ['cscript "$SCRIPT"', 'dynamic:$SCRIPT'],
  ])('%s', (script, want) => expect(run(script)).toContain(want));

  it.each<[string, string[]]>([
    // a script on disk is the project's own code; no script: the host's usage
    ['cscript //nologo tools/report.vbs', ['cscript //nologo tools/report.vbs']],
    ['cscript //?', ['cscript //?']],
    ['mshta app.hta', ['mshta app.hta']],
  ])('%s', (script, want) => expect(run(script)).toEqual(want));
});

const fs = await packVerdict('filesystem');
const http = await packVerdict('http');

describe('Windows Script Host through the packs', () => {
  it.each([
    [
      `printf 'Set sh = CreateObject("WScript.Shell")\\nsh.Run "cmd /c rd /s /q C:\\\\Users\\\\ana\\\\projects", 0\\n' > c.vbs && wscript c.vbs`,
      fs,
      /^ask|^deny/,
    ],
    [
      `cat > r.vbs <<'V'\nSet fso = CreateObject("Scripting.FileSystemObject")\nfso.DeleteFolder "build\\tmp"\nV\ncscript r.vbs`,
      fs,
      /^allow$/,
    ],
    [
      `cat > d.vbs <<'V'\nSet x = CreateObject("MSXML2.XMLHTTP")\nx.Open "DELETE", "https://api.example.net/v1/projects/prod", False\nx.Send\nV\ncscript d.vbs`,
      http,
      /^ask/,
    ],
    [
      `cat > g.js <<'J'\nvar x = new ActiveXObject("MSXML2.XMLHTTP");\nx.Open("GET", "https://api.example.net/status", false);\nx.Send();\nJ\ncscript //nologo g.js`,
      http,
      /^allow$/,
    ],
  ])('%s', (script, verdict, want) => expect(verdict(script)).toMatch(want));
});
