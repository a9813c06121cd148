/**
 * VBScript and JScript as Windows Script Host runs them (wsh.ts finds the code), read for what
 * their COM objects do: the FileSystemObject's `DeleteFolder`/`DeleteFile` (and `.Delete` of a
 * folder or file it handed out) delete the path; WScript.Shell's `Run`/`Exec`,
 * Shell.Application's `ShellExecute` and WMI's `Win32_Process.Create` run a command line (read
 * as `cmd /c LINE`); WScript.Shell's `RegWrite`/`RegDelete` are `reg add`/`reg delete` of the key;
 * an XMLHTTP or WinHttpRequest object's `Open "METHOD", url` with its `Send body` is a request;
 * `Execute`, `ExecuteGlobal`, `Eval` and JScript's `eval` run their text as code. Objects are
 * followed through the variables they are bound to (`Set fso = CreateObject(…)`, `var h = new
 * ActiveXObject(…)`) or called where they are made (`CreateObject("…").DeleteFile p`). A value
 * is a string literal, a concatenation (`&`, `+`) of known values, a variable assigned one,
 * `Chr(n)`, `ExpandEnvironmentStrings` (the profile folder as the home folder) or a special
 * folder (`SpecialFolders("Desktop")`); anything else is not known statically (fail closed:
 * a command or code not known is dynamic; a path not known is judged as such). Pure.
 */
import type { Effect } from './codescan.js';
import { lit, type Field } from './state.js';
import {
  argsAt,
  bracketed,
  splitTop,
  statements,
  unescapeJs,
  withReceivers,
  type WshLang,
} from './codescan-wsh-lex.js';

export type { WshLang };

/** Deepest nesting of `Execute "…"` / `eval('…')` followed. */
const MAX_DEPTH = 4;
/** Deepest chain of variables followed when reading a value. */
const MAX_HOPS = 8;

/** What a variable holds: a COM object by its ProgID (lower case), or a folder or file the FileSystemObject handed out. */
type Bound = { progid: string } | { path: string };

interface Src {
  lang: WshLang;
  home: string;
  /** Variable → the expression assigned to it (names lower case for VBScript). */
  vars: Map<string, string>;
  objs: Map<string, Bound>;
}

const key = (src: Src, name: string) => (src.lang === 'vbscript' ? name.toLowerCase() : name);

/** Special folders by WScript.Shell's names, below the home folder. */
const SPECIAL: Record<string, string> = {
  desktop: 'Desktop',
  mydocuments: 'Documents',
  appdata: 'AppData/Roaming',
};

/** The value of an expression (see the header). */
function valueOf(expr: string, src: Src, hops = 0): Field {
  let t = expr.trim();
  while (t.startsWith('(') && bracketed(t, 0, src.lang).end === t.length - 1) t = t.slice(1, -1).trim();
  const parts = splitTop(t, src.lang === 'vbscript' ? '&+' : '+', src.lang);
  if (parts.length > 1) {
    const vs = parts.map((p) => valueOf(p, src, hops));
    return { text: vs.map((v) => v.text).join(''), dynamic: vs.some((v) => v.dynamic) };
  }
  if (src.lang === 'vbscript') {
    const s = /^"((?:[^"]|"")*)"$/.exec(t);
    if (s) return lit(s[1].replace(/""/g, '"'));
  } else {
    const s = /^(['"`])((?:\\.|(?!\1)[^\\])*)\1$/s.exec(t);
    if (s) return lit(unescapeJs(s[2]));
  }
  const chr = /^ChrW?\s*\(\s*(\d+)\s*\)$/i.exec(t) ?? /^String\.fromCharCode\s*\(\s*(\d+)\s*\)$/.exec(t);
  if (chr) return lit(String.fromCharCode(Number(chr[1])));
  const env = /\.ExpandEnvironmentStrings\s*\(([\s\S]*)\)$/i.exec(t);
  if (env) {
    const v = valueOf(env[1], src, hops);
    return { ...v, text: v.text.replace(/%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%/gi, src.home) };
  }
  const special = /\.SpecialFolders\s*\(\s*["']([A-Za-z]+)["']\s*\)$/i.exec(t);
  const folder =
    special && Object.hasOwn(SPECIAL, special[1].toLowerCase())
      ? SPECIAL[special[1].toLowerCase()]
      : undefined;
  if (folder) return lit(`${src.home}/${folder}`);
  const assigned = /^[A-Za-z_$][\w$]*$/.test(t) ? src.vars.get(key(src, t)) : undefined;
  if (assigned !== undefined && hops < MAX_HOPS) return valueOf(assigned, src, hops + 1);
  return { text: t, dynamic: true };
}

/** An expression that makes a COM object (`CreateObject("P")`, `new ActiveXObject('P')`, `GetObject("winmgmts:…")`), as its ProgID lower case; undefined = not one. */
function made(expr: string): string | undefined {
  const m = /^(?:(?:WScript\.)?CreateObject|new\s+ActiveXObject|GetObject)\s*\(\s*["']([^"']+)["']/i.exec(
    expr.trim(),
  );
  return m ? m[1].toLowerCase() : undefined;
}

/** Binds the variables of one statement (`Set x = …`, `var x = …`, `x = …`). */
function bind(stmt: string, src: Src): void {
  const m = /^(?:(?:set|const|dim|var|let)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)\s*([\s\S]+)$/i.exec(stmt);
  if (!m) return;
  const [, name, rhs] = m;
  const progid = made(rhs);
  if (progid) return void src.objs.set(key(src, name), { progid });
  // `Set f = fso.GetFolder(p)`, `wmi.Get("Win32_Process")`
  const got = /^([A-Za-z_$][\w$]*)\s*\.\s*(GetFolder|GetFile|Get)\s*\(([\s\S]*)\)$/i.exec(rhs.trim());
  const from = got ? src.objs.get(key(src, got[1])) : undefined;
  if (got && from && 'progid' in from) {
    if (/^get$/i.test(got[2]))
      return void src.objs.set(key(src, name), {
        progid: `${from.progid}|${valueOf(got[3], src).text.toLowerCase()}`,
      });
    return void src.objs.set(key(src, name), { path: got[3] });
  }
  src.vars.set(key(src, name), rhs);
}

/** A command line run by Windows: read as `cmd /c LINE` (cmd-exe.ts keeps its backslashes). */
function commandLine(v: Field): Effect {
  // fail closed: a command line not known statically may run anything
  return v.dynamic ? { kind: 'dynamic', text: v.text } : { kind: 'exec', argv: [lit('cmd'), lit('/c'), v] };
}

/** A path below the home folder written with Windows separators after it (`%USERPROFILE%\\Documents`), as a path of this machine. */
const homePath = (f: Field, src: Src): Field =>
  f.text.startsWith(src.home) ? { ...f, text: f.text.replace(/\\/g, '/') } : f;

const XMLHTTP = /^(msxml2\.(server)?xmlhttp(\.\d\.0)?|microsoft\.xmlhttp|winhttp\.winhttprequest\.5\.1)$/;

/** The effects of `recv.method args` on the object `obj` (`recvName`: the variable, '' = made in place). */
function call(
  obj: Bound,
  method: string,
  args: string[],
  recvName: string,
  src: Src,
  stmts: string[],
): Effect[] {
  const m = method.toLowerCase();
  const v = (i: number) => valueOf(args[i] ?? '""', src);
  if ('path' in obj)
    return m === 'delete' ? [{ kind: 'rm', target: homePath(valueOf(obj.path, src), src) }] : [];
  const p = obj.progid;
  if (p === 'scripting.filesystemobject' && (m === 'deletefolder' || m === 'deletefile'))
    return [{ kind: 'rm', target: homePath(v(0), src) }];
  if (p === 'wscript.shell' && (m === 'run' || m === 'exec')) return [commandLine(v(0))];
  if (p === 'wscript.shell' && (m === 'regwrite' || m === 'regdelete')) {
    const name = v(0);
    const at = name.text.lastIndexOf('\\');
    const [k, value] = [name.text.slice(0, at), name.text.slice(at + 1)];
    const which = value ? [lit('/v'), lit(value)] : [lit('/ve')];
    const data = m === 'regwrite' ? [lit('/d'), v(1)] : [];
    return [
      {
        kind: 'exec',
        argv: [
          lit('reg'),
          lit(m === 'regwrite' ? 'add' : 'delete'),
          { ...name, text: k },
          ...which,
          ...data,
          lit('/f'),
        ],
      },
    ];
  }
  if (p === 'shell.application' && m === 'shellexecute') {
    const file = v(0);
    const rest = args.length > 1 ? v(1) : lit('');
    return [commandLine({ text: `${file.text} ${rest.text}`.trim(), dynamic: file.dynamic || rest.dynamic })];
  }
  if (/win32_process/.test(p) && m === 'create') return [commandLine(v(0))];
  if (XMLHTTP.test(p) && m === 'open') {
    const method = v(0);
    const send = recvName ? sentBody(recvName, src, stmts) : undefined;
    return [
      {
        kind: 'http',
        method: method.dynamic ? 'DYNAMIC' : method.text.toUpperCase(),
        url: v(1),
        ...(send === undefined ? {} : send.dynamic ? { bodyUnknown: true } : { body: send.text }),
      },
    ];
  }
  return [];
}

/** The body `recv.Send BODY` sends; undefined = none (no argument). */
function sentBody(recv: string, src: Src, stmts: string[]): Field | undefined {
  // COM's method names are case-insensitive in both languages (`Send`, `send`)
  const re = new RegExp(`^${recv.replace(/\$/g, '\\$')}\\s*\\.\\s*send\\b`, 'i');
  for (const s of stmts) {
    const m = re.exec(s);
    const body = m ? argsAt(s, m[0].length, src.lang)[0] : undefined;
    if (body) return valueOf(body, src);
  }
  return undefined;
}

/** Calls on objects, and code evaluation, in one statement, in order. */
function scanStatement(stmt: string, src: Src, stmts: string[], depth: number): Effect[] {
  const out: { at: number; effects: Effect[] }[] = [];
  // strings blanked out so calls are found only in code
  const masked = stmt.replace(
    src.lang === 'vbscript' ? /"(?:[^"]|"")*"?/g : /(['"`])(?:\\.|(?!\1)[^\\])*\1?/g,
    (s) => '"' + ' '.repeat(Math.max(0, s.length - 2)) + (s.length > 1 ? '"' : ''),
  );
  const CALL =
    /(?:((?:WScript\.)?CreateObject\s*\(\s*"\s*"\s*\)|new\s+ActiveXObject\s*\(\s*"\s*"\s*\)|GetObject\s*\(\s*"\s*"\s*\))|(?<![\w.$])([A-Za-z_$][\w$]*))\s*\.\s*([A-Za-z_]\w*)/gi;
  for (const m of masked.matchAll(CALL)) {
    const at = m.index ?? 0;
    const obj: Bound | undefined = m[1]
      ? { progid: made(stmt.slice(at)) ?? '' }
      : src.objs.get(key(src, m[2]));
    if (!obj) continue;
    const args = argsAt(stmt, at + m[0].length, src.lang);
    out.push({ at, effects: call(obj, m[3], args, m[2] ?? '', src, stmts) });
  }
  // WMI's process class fetched and used in one chain (`GetObject("winmgmts:").Get("Win32_Process").Create "…"`)
  for (const m of stmt.matchAll(/\.Get\s*\(\s*["']Win32_Process["']\s*\)\s*\.\s*Create\b/gi)) {
    const args = argsAt(stmt, (m.index ?? 0) + m[0].length, src.lang);
    out.push({
      at: m.index ?? 0,
      effects: call({ progid: 'win32_process' }, 'create', args, '', src, stmts),
    });
  }
  const EVAL =
    src.lang === 'vbscript'
      ? /(?<![\w.])(ExecuteGlobal|Execute|Eval)\b(?!\s*[=.])/gi
      : /(?<![\w.$])(eval|new\s+Function)\s*\(/g;
  for (const m of masked.matchAll(EVAL)) {
    const at = (m.index ?? 0) + m[0].length - (m[0].endsWith('(') ? 1 : 0);
    const args = argsAt(stmt, at, src.lang);
    const code = valueOf(args[args.length - 1] ?? '', src);
    // fail closed: code built at run time, or nested too deep, is not known
    const effects: Effect[] =
      code.dynamic || depth >= MAX_DEPTH
        ? [{ kind: 'dynamic', text: code.text }]
        : scanWsh(code.text, src.lang, src.home, depth + 1);
    out.push({ at: m.index ?? 0, effects });
  }
  return out.sort((a, b) => a.at - b.at).flatMap((f) => f.effects);
}

/** Everything the script `source` in `lang` does that the extractors judge, in order. */
export function scanWsh(source: string, lang: WshLang, home: string, depth = 0): Effect[] {
  const stmts = withReceivers(statements(source, lang));
  const src: Src = { lang, home, vars: new Map(), objs: new Map() };
  for (const s of stmts) bind(s, src);
  return stmts.flatMap((s) => scanStatement(s, src, stmts, depth));
}
