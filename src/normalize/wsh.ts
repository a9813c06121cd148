/**
 * Windows Script Host (`cscript`, `wscript`, with or without `.exe` or a path): the script file
 * it runs, in the language its host options (`//E:vbscript`, `//E:jscript`) or its extension
 * (`.vbs`, `.js`, `.wsf` whose `<script language=…>` blocks are read each in its language)
 * say, read by codescan-wsh.ts when this script wrote the file. Host options start with `//`
 * and come before the file; words after it are the script's arguments. An encoded script
 * (`.vbe`, `.jse`, `//E:vbscript.encode`) or one written with content not known statically
 * cannot be read (dynamic); a script on disk is the project's own code (not read, as for the
 * other interpreters); an extension no engine takes runs nothing. `mshta` runs the same
 * languages: inline (`mshta vbscript:Execute("…")`, `mshta javascript:…`), or the `<script>`
 * blocks of an `.hta` file this script wrote (JScript when no language is named); an
 * application fetched from a URL is code not known.
 */
import { absPath, type Field, type Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { runCode } from './interpreters.js';
import { scanWsh, type WshLang } from './codescan-wsh.js';
import type { Effect } from './codescan.js';

/** Names of the Script Host, as written (`cscript`, `WScript.exe`, `C:\Windows\System32\cscript.exe`). */
export const WSH_HOST = /(?:^|[\\/])[cw]script(?:\.exe)?$/i;
/** Names of the HTML Application host. */
export const MSHTA = /(?:^|[\\/])mshta(?:\.exe)?$/i;

/** The engine an `//E:` option or an extension names; `encoded` = not readable; undefined = none. */
function engineOf(name: string): WshLang | 'wsf' | 'encoded' | undefined {
  const n = name.toLowerCase();
  if (/^(vbs|vbscript)$/.test(n)) return 'vbscript';
  if (/^(js|jscript|javascript)$/.test(n)) return 'jscript';
  if (n === 'wsf') return 'wsf';
  if (/^(vbe|jse|vbscript\.encode|jscript\.encode)$/.test(n)) return 'encoded';
  return undefined;
}

/** The effects of a `.wsf` or `.hta` file: each inline `<script language="…">` block in its language (`fallback` when none is named). */
function wsfEffects(text: string, home: string, fallback = ''): Effect[] {
  const out: Effect[] = [];
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const lang = engineOf(/\blanguage\s*=\s*["']?([\w.]+)/i.exec(m[1])?.[1] ?? fallback);
    const body = m[2].replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    // fail closed: an encoded block, or an engine not read here, is code not known
    if (lang === 'vbscript' || lang === 'jscript') out.push(...scanWsh(body, lang, home));
    else if (body.trim()) out.push({ kind: 'dynamic', text: `<script${m[1]}>` });
  }
  return out;
}

/** `cscript|wscript [//OPT…] FILE [ARGS…]`: the script it runs, read (see the header). */
export function runWsh(argv: Field[], k: K): Res {
  let engine: ReturnType<typeof engineOf>;
  let file: Field | undefined;
  for (const f of argv.slice(1)) {
    const opt = /^\/\/(?:e:(.+))?/i.exec(f.text);
    if (!opt) {
      file = f;
      break;
    }
    if (opt[1]) engine = engineOf(opt[1]);
  }
  if (!file) return emit(argv, k);
  const label = `${argv[0].text.replace(/^.*[\\/]/, '').toLowerCase()} ${file.text}`;
  // fail closed: a script named by a value known only at run time may be anything
  if (file.dynamic) return unknownCode(argv, k, label, file.text);
  engine ??= engineOf(/\.(\w+)$/.exec(file.text)?.[1] ?? '');
  const abs = absPath(k.scope.cwd, file.text);
  const text = k.scope.files.get(abs);
  if (engine === undefined) return emit(argv, k);
  // fail closed: a script this one wrote with content not known statically, or encoded code
  if ((text === undefined && k.scope.written.has(abs)) || (text !== undefined && engine === 'encoded'))
    return unknownCode(argv, k, label, file.text);
  if (text === undefined || engine === 'encoded') return emit(argv, k);
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  return runCode(
    argv,
    k,
    { text, dynamic: false },
    label,
    (code) => {
      const effects = engine === 'wsf' ? wsfEffects(code, home) : scanWsh(code, engine, home);
      return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
    },
    text,
  );
}

/** `mshta vbscript:CODE | javascript:CODE | URL | FILE.hta` (see the header). */
export function runMshta(argv: Field[], k: K): Res {
  const target = argv.slice(1).find((f) => !/^\{[\w-]+\}$/.test(f.text));
  if (!target) return emit(argv, k);
  const label = `mshta ${target.text.slice(0, 40)}`;
  // fail closed: an application named at run time, or fetched from a URL, is code not known
  if (target.dynamic || /^(https?|ftp|file):/i.test(target.text))
    return unknownCode(argv, k, label, target.text);
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  const inline = /^(vbscript|javascript|jscript):([\s\S]*)$/i.exec(target.text);
  const abs = absPath(k.scope.cwd, target.text);
  const text = inline ? inline[2] : k.scope.files.get(abs);
  if (text === undefined)
    return k.scope.written.has(abs) ? unknownCode(argv, k, label, target.text) : emit(argv, k);
  const lang = inline ? engineOf(inline[1]) : undefined;
  return runCode(argv, k, { text, dynamic: false }, label, (code) => {
    const effects =
      lang === 'vbscript' || lang === 'jscript'
        ? scanWsh(code, lang, home)
        : wsfEffects(code, home, 'jscript');
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}
