/**
 * .NET's own signed tools made to run code from an assembly or project file (a `proxy-exec`
 * shell fact, rulesets/shell.yaml asks): `InstallUtil.exe [/U] ASSEMBLY` runs the assembly's
 * installer classes, `RegAsm.exe [/U] ASSEMBLY` and `RegSvcs.exe ASSEMBLY` its registration
 * functions, `MSBuild.exe PROJECT` the project's tasks (inline C# included), and
 * `Microsoft.Workflow.Compiler.exe` the workflow code it is given; Windows' `regsvr32 DLL`,
 * `rundll32 DLL,Entry`, `cmstp INF` and `mshta FILE.hta` the code of the library, profile or
 * application. Files are also read from the switches that load code (`regsvr32 /i:FILE`,
 * MSBuild's `-logger:Class,FILE`), and a word starting with `/` is a POSIX path, not a switch,
 * when it has a second `/` or a library's ending (Git Bash: `/c/Users/Public/x.dll`). Building or installing
 * the project's own output is routine, so a fact is made when a file they are given lies
 * outside the workspace (a drive path, `C:\Users\Public`, `%TEMP%`, a share), when MSBuild
 * is given something that is not a project or solution (`tasks.xml`), or when InstallUtil is
 * told to log nothing (`/logfile=` empty, `/LogToConsole=false`). Help (`/?`, `/help`) runs
 * nothing; a library of Windows' own (`System32`, `SysWOW64`) is not a dropped file. The
 * program may be named by its full path (`C:\Windows\Microsoft.NET\…\
 * InstallUtil.exe`, backslashes dropped by bash).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';
import { resolvePath } from './http-body.js';
import { pwshTarget } from './fs-pwsh-delete.js';

/** The tool a program names (the end of its path, `.exe` dropped, lower case); '' = none of these. */
function toolOf(program: string): string {
  const m =
    /(installutil|regasm|regsvcs|msbuild|microsoft\.workflow\.compiler|regsvr32|rundll32|cmstp|mshta)(\.exe)?$/i.exec(
      program,
    );
  return m ? m[1].toLowerCase() : '';
}

/** Project and solution files MSBuild builds. */
const PROJECT = /\.(sln|slnx|slnf|[a-z]{1,3}proj|proj|targets|props|msbuildproj)$/i;

/** Windows' own libraries (`C:\Windows\System32\shell32.dll`, separators optional): not a dropped file. */
const WINDOWS_LIBS = /^([a-z]:)?[\\/]?windows[\\/]?(system32|syswow64)/i;

/**
 * A word that starts with `/` and is a POSIX path, not a switch (Git Bash's `/c/Users/x.dll`,
 * `/tmp/p.dll,Start`): a second `/` before any `:` or `=`, or a file's extension at its end.
 */
const POSIX_PATH = /^\/[^/:=]*\/|^\/[^:=]*\.(dll|exe|ocx|cpl|sct|inf|hta|xml|[a-z]{0,3}proj|sln)(,.*)?$/i;

/** A switch (`/s`, `-u`, `/i:URL`, `/p:X=1`), not a file; `//host/x` is a share. */
function isSwitch(w: string): boolean {
  if (w.startsWith('-')) return true;
  return w.startsWith('/') && !w.startsWith('//') && !POSIX_PATH.test(w);
}

/** Switches (by name) whose value is a file the tool loads code from: regsvr32's DllInstall line (a scriptlet with scrobj.dll), MSBuild's logger assemblies. */
const CODE_SWITCH: Record<string, RegExp> = {
  regsvr32: /^i$/i,
  msbuild: /^(l|logger|dl|distributedlogger)$/i,
};

/** Classes of a file that is the project's own. */
const OWN = new Set(['inside-workspace', 'workspace-root']);

/**
 * True when MSBuild's word `w` names a folder (it then builds the project or solution file in
 * it, as with no word at all): `.`, a path ending in a separator, or one the folder listing
 * shows holds a project or solution file. A word known only at run time, or a listing that cannot say, is not one
 * (fail closed: the word may name any file, and MSBuild runs the tasks of whatever it is given).
 */
function isFolder(w: string, cmd: NormalizedCommand, ctx: AnalyzeContext, i: number): boolean {
  if (cmd.dynamicArgs.includes(i)) return false;
  if (w === '.' || /[\\/]$/.test(w)) return true;
  // a listing of [] is also what a path that does not exist gives: only a project file in it counts
  const names = ctx.listDir?.(resolvePath(w.replace(/\\/g, '/'), cmd, ctx));
  return Array.isArray(names) && names.some((n) => PROJECT.test(n));
}

/** The `proxy-exec` fact of one command (see the header); empty = none. */
export function proxyExecFacts(cmd: NormalizedCommand, ctx: AnalyzeContext): DraftFact[] {
  const tool = toolOf(cmd.program);
  if (!tool) return [];
  const words = cmd.argv.slice(1);
  if (words.some((w) => /^[/-](\?|h|help)$/i.test(w))) return [];
  const all = words.map((w, i) => ({ w, i: i + 1 }));
  let files = all.filter(({ w }) => !isSwitch(w));
  // `rundll32 DLL,Entry ARGS`: the library is the first word, up to its comma
  if (tool === 'rundll32') files = files.slice(0, 1).map((f) => ({ ...f, w: f.w.replace(/\s*,.*$/s, '') }));
  // the files switches load code from (`regsvr32 /i:\\host\x.sct scrobj.dll`, `msbuild -logger:X,C:\l.dll`)
  const loaded = all.flatMap(({ w, i }) => {
    const m = isSwitch(w) ? /^[-/]([a-z]+):(.+)$/is.exec(w) : null;
    if (!m || !CODE_SWITCH[tool]?.test(m[1])) return [];
    const file = tool === 'msbuild' ? (m[2].split(';')[0].split(',').at(-1) ?? '') : m[2];
    return file ? [{ w: file.replace(/^["']|["']$/g, ''), i }] : [];
  });
  const positional = files;
  files = [...files, ...loaded];
  const outside = files.filter(
    ({ w, i }) =>
      !WINDOWS_LIBS.test(w) &&
      // `javascript:…`, `https://…`: code or a fetch the download readers judge
      !/^[a-z]{2,}:/i.test(w) &&
      !OWN.has(pwshTarget(w, cmd, ctx, cmd.dynamicArgs.includes(i)).class),
  );
  const quiet =
    tool === 'installutil' && words.some((w) => /^\/logfile=$/i.test(w) || /^\/logtoconsole=false$/i.test(w));
  const notProject =
    tool === 'msbuild' && positional.some(({ w, i }) => !PROJECT.test(w) && !isFolder(w, cmd, ctx, i));
  const always = tool === 'microsoft.workflow.compiler';
  if (!outside.length && !quiet && !notProject && !always) return [];
  const why = outside.length
    ? `${outside[0].w} is not the project's own`
    : quiet
      ? 'its log switched off'
      : notProject
        ? 'not a project file'
        : 'workflow code';
  return [{ kind: 'shell', hazard: 'proxy-exec', source: tool, evidence: `${evidenceOf(cmd)} (${why})` }];
}
