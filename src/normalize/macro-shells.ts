/**
 * Document and build tools whose macro language hands text to a shell or a Lua state:
 * - TeX engines (`pdflatex`, `xelatex`, `lualatex`, `tex`, …) with shell escape on
 *   (`-shell-escape`, `-enable-write18`): `\write18{CMD}` (also `\immediate\write18`), and
 *   `\input|"CMD"` / `\openin|"CMD"` / `\openout|"CMD"` pipes; LuaTeX's `\directlua{CODE}`
 *   (and `\latelua`, `\luaexec`, a `luacode` environment) is Lua, read as `lua -e CODE` (its
 *   file functions work without shell escape). The TeX text is the words on the command
 *   line when they start with `\` or `&` (TeX reads them as its first line), a file this
 *   script wrote, or stdin when no word is given.
 * - latexmk: `-pdflatex=CMD` (and the other engine options) is a command line it runs (`%O`
 *   is its options, `-shell-escape` included, `%S` the source); `-e CODE` is Perl.
 * - rpm, rpmbuild, rpmspec: `%(CMD)` in an `--eval`/`-E` expression or a `--define`/`-D`
 *   body runs CMD in /bin/sh when expanded, `%{lua: CODE}` runs Lua. Another macro inside
 *   CMD is a value not known here.
 * - groff/troff/nroff in unsafe mode (`-U`): the `.sy CMD`, `.pi CMD` and `.pso CMD`
 *   requests of its input (stdin or a file written here); without `-U` they are refused.
 * A file on disk is the project's own (not read, as system-dsl.ts). Text not known statically
 * where a command is run is unknown code (fail closed).
 */
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { quote } from './quote.js';

/** Code a tool's macro text runs: shell text, Lua or Perl code, or undefined text when not known. */
export interface MacroRun {
  /** The code; undefined when not known statically. */
  text?: string;
  /** The language of `text`: the shell unless given. */
  lang?: 'lua' | 'perl';
  /** What the markup said, for an unknown command's evidence. */
  source: string;
}

const TEX_ENGINE = /^(?:(?:pdf|xe|lua|luahb|e|p|up|ep|eup)?(?:la)?tex|(?:pdf|xe|lua)?latex-dev|amstex|etex)$/;
const GROFFS = new Set(['groff', 'troff', 'nroff', 'gtroff', 'gnroff']);
const RPMS = new Set(['rpm', 'rpmbuild', 'rpmspec']);

/** The program names this module reads. */
export function isMacroShell(prog: string): boolean {
  return TEX_ENGINE.test(prog) || prog === 'latexmk' || GROFFS.has(prog) || RPMS.has(prog);
}

/** The text between `open` at `from` and its matching `close`; undefined when never closed. */
function balanced(text: string, from: number, open: string, close: string): string | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && open === '{') i++;
    else if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(from + 1, i);
  }
  return undefined;
}

/** What TeX text runs: shell commands when `shell` (escape on), Lua code always. */
export function texRuns(text: string, shell: boolean): MacroRun[] {
  const out: MacroRun[] = [];
  const shellText = (body: string | undefined, source: string) =>
    // fail closed: a TeX macro inside the command expands to text not known here
    out.push(body === undefined || /\\[a-zA-Z@]/.test(body) ? { source } : { text: body, source });
  if (shell) {
    for (const m of text.matchAll(/\\write\s*18\s*(?=\{)/g))
      shellText(balanced(text, m.index + m[0].length, '{', '}'), m[0]);
    for (const m of text.matchAll(
      /\\(?:@@)?(?:input|openin\s*\d*|openout\s*\d*)\s*=?\s*\|\s*("([^"]*)"|\S+)/g,
    ))
      shellText(m[2] ?? m[1], m[0]);
  }
  for (const m of text.matchAll(/\\(?:direct|late)lua\s*(?=\{)|\\luaexec\s*(?=\{)|\\luadirect\s*(?=\{)/g)) {
    const body = balanced(text, m.index + m[0].length, '{', '}');
    out.push(body === undefined ? { source: m[0] } : { text: body, lang: 'lua', source: m[0] });
  }
  for (const m of text.matchAll(/\\begin\{luacode\*?\}([\s\S]*?)\\end\{luacode\*?\}/g))
    out.push({ text: m[1], lang: 'lua', source: '\\begin{luacode}' });
  return out;
}

/** What rpm macro text runs: `%(CMD)` and `%{lua: CODE}`; other macros in CMD are not known. */
export function rpmRuns(text: string): MacroRun[] {
  const out: MacroRun[] = [];
  for (const m of text.matchAll(/(?<!%)(?:%%)*%(?=\()/g)) {
    const body = balanced(text, m.index + m[0].length, '(', ')');
    // fail closed: an unclosed expansion, and a macro inside the command, are not known here
    out.push(
      body === undefined
        ? { source: '%(' }
        : {
            text: body
              .replace(/%%/g, '\0')
              .replace(/%\{[^}]*\}|%\w+/g, '"$(rpm_macro)"')
              .replace(/\0/g, '%'),
            source: `%(${body})`,
          },
    );
  }
  for (const m of text.matchAll(/(?<!%)(?:%%)*%(?=\{lua:)/g)) {
    const body = balanced(text, m.index + m[0].length, '{', '}');
    out.push(
      body === undefined ? { source: '%{lua:' } : { text: body.slice(4), lang: 'lua', source: '%{lua:' },
    );
  }
  return out;
}

/** The shell commands of groff requests `.sy`, `.pi`, `.pso` (any control character `.` or `'`). */
export function groffRuns(text: string): MacroRun[] {
  return [...text.matchAll(/^[.'][ \t]*(sy|pi|pso)[ \t]+(.*)$/gm)].map((m) => ({ text: m[2], source: m[0] }));
}

/** A file's text as this script wrote it, or stdin for `-`; undefined = not known here. */
function inputOf(f: Field, k: K): Field | undefined {
  if (f.text === '-') return stdinOf(k);
  const text = f.dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, f.text));
  return text === undefined ? undefined : { text, dynamic: false };
}

function stdinOf(k: K): Field | undefined {
  const s = k.io.stdin;
  return s ? { text: s.text ?? '', dynamic: s.text === undefined } : undefined;
}

/** TeX engine options that take their value as the next word (`-jobname NAME`). */
const TEX_WITH_ARG =
  /^--?(output-directory|aux-directory|jobname|fmt|interaction|output-format|progname|kpathsea-debug|translate-file|cnf-line|include-directory|mktex|no-mktex|synctex|output-comment|default-translate-file|lua)$/;
const SHELL_ON = /^--?(shell-escape|enable-write18)$/;
const SHELL_OFF = /^--?(no-shell-escape|disable-write18|shell-restricted)$/;

/** The TeX text an engine reads first: its words, a file written here, or stdin; and whether escape is on. */
function texInput(argv: Field[], k: K): { code: Field[]; shell: boolean } {
  let shell = false;
  const words: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (words.length === 0 && t.startsWith('-') && !argv[i].dynamic) {
      if (SHELL_ON.test(t)) shell = true;
      else if (SHELL_OFF.test(t)) shell = false;
      else if (TEX_WITH_ARG.test(t)) i++;
    } else words.push(argv[i]);
  }
  if (words.length === 0) {
    const s = stdinOf(k);
    return { code: s ? [s] : [], shell };
  }
  const line = { text: words.map((w) => w.text).join(' '), dynamic: words.some((w) => w.dynamic) };
  // TeX reads the words as its first line: code when it starts with `\` or a format `&fmt`
  if (/^[\\&]/.test(line.text) || line.dynamic) return { code: [line], shell };
  const file = inputOf(
    { ...words[0], text: /\.\w+$/.test(words[0].text) ? words[0].text : `${words[0].text}.tex` },
    k,
  );
  return {
    code: file
      ? [
          file,
          {
            text: words
              .slice(1)
              .map((w) => w.text)
              .join(' '),
            dynamic: false,
          },
        ]
      : [],
    shell,
  };
}

/** latexmk: its engine command lines (with `%O` and `%S` filled in) and `-e` Perl code. */
function latexmkRuns(argv: Field[]): { runs: MacroRun[]; files: Field[]; shell: boolean } {
  const runs: MacroRun[] = [];
  const files: Field[] = [];
  const shell = argv.some((a) => SHELL_ON.test(a.text));
  const opts = shell ? '-shell-escape' : '';
  const engines: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eng = /^--?(pdf|xe|lua|pdflua|pdfxe)?latex=([\s\S]*)$/.exec(a.text);
    if (eng) engines.push({ ...a, text: eng[2] });
    else if (a.text === '-e' && argv[i + 1]) {
      const code = argv[++i];
      runs.push(code.dynamic ? { source: code.text } : { text: code.text, lang: 'perl', source: '-e' });
    } else if (/^-(r|jobname|outdir|auxdir|output-directory)$/.test(a.text)) i++;
    else if (!a.text.startsWith('-')) files.push(a);
  }
  const src = files[0]?.text ?? '';
  for (const e of engines) {
    // fail closed: an engine command line not known statically
    if (e.dynamic) runs.push({ source: e.text });
    else runs.push({ text: e.text.replace(/%O/g, opts).replace(/%[SAB]/g, quote(src)), source: e.text });
  }
  return { runs, files, shell };
}

/** rpm's macro texts: `--eval`/`-E` expressions and `--define`/`-D` bodies. */
function rpmTexts(argv: Field[]): Field[] {
  const out: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const inline = /^(?:--eval|--define|-E|-D)=?([\s\S]+)$/.exec(t);
    if (/^(--eval|--define|-E|-D)$/.test(t) && argv[i + 1]) out.push(argv[++i]);
    else if (inline && /^(--eval=|--define=|-E|-D)/.test(t)) out.push({ ...argv[i], text: inline[1] });
  }
  return out;
}

/** groff's input and whether `-U` (unsafe) is on; short options may be clustered (`-UTutf8`). */
function groffInput(argv: Field[], k: K): { code: Field[]; unsafe: boolean } {
  let unsafe = false;
  const files: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (t.startsWith('-') && t.length > 1) {
      for (let j = 1; j < t.length; j++) {
        if (t[j] === 'U') unsafe = true;
        if ('dfFILmMnoPrTwWKDE'.includes(t[j])) {
          if (j === t.length - 1) i++;
          break;
        }
      }
    } else files.push(argv[i]);
  }
  const code = files.length ? files.map((f) => inputOf(f, k)).filter((f) => f !== undefined) : [stdinOf(k)];
  return { code: code.filter((f) => f !== undefined), unsafe };
}

/**
 * The texts of `code` scanned by `scan`; when the tool can run something (`can`), a text not
 * known statically as a whole (unknown stdin, a word that is only a variable) is unknown code.
 */
function scanAll(code: Field[], can: boolean, scan: (t: string) => MacroRun[]): MacroRun[] {
  if (!can) return [];
  // fail closed: text the script does not spell out may hold a command
  return code.flatMap((c) => (c.dynamic && /^(\$|`|$)/.test(c.text) ? [{ source: c.text }] : scan(c.text)));
}

/** The code `prog`'s macro text runs (see the module comment). */
function macroRuns(prog: string, argv: Field[], k: K): MacroRun[] {
  if (RPMS.has(prog)) return scanAll(rpmTexts(argv), true, rpmRuns);
  if (GROFFS.has(prog)) {
    const { code, unsafe } = groffInput(argv, k);
    return scanAll(code, unsafe, groffRuns);
  }
  const lua = /^lua/.test(prog);
  if (prog === 'latexmk') {
    const { runs, files, shell } = latexmkRuns(argv);
    const docs = files.map((f) => inputOf(f, k)).filter((f) => f !== undefined);
    return [...runs, ...scanAll(docs, true, (t) => texRuns(t, shell))];
  }
  const { code, shell } = texInput(argv, k);
  return scanAll(code, shell || lua, (t) => texRuns(t, shell));
}

/** Emits `prog`'s command, then each command its macro text runs, re-parsed. */
export function runMacroShell(prog: string, argv: Field[], k: K): Res {
  const runs = macroRuns(prog, argv, k);
  const res = emit(argv, k, { dynamic: runs.some((r) => r.text === undefined) });
  const inner: K = { ...k, io: { writes: [] } };
  for (const r of runs) {
    if (k.run.stopped) break;
    if (r.text === undefined)
      // fail closed: a command not known statically.
      emit(
        [{ text: r.source, dynamic: true }],
        { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, prog] } },
        { dynamic: true },
      );
    else {
      const line = r.lang ? `${r.lang} -e ${quote(r.text)}` : r.text;
      reparse(line, `${prog} macro`, inner, { scope: cloneScope(k.scope) });
    }
  }
  return res;
}
