/**
 * Compiled languages run as scripts: Nim (`nim r FILE.nim`, `nim c -r FILE`, `nim --eval:CODE`),
 * D (`rdmd FILE.d`, `rdmd --eval=CODE`, `dmd -run FILE.d`, `ldc2 -run`) and C/C++ (`tcc -run
 * FILE.c`, `tcc -run -` on stdin, `gcc x.c -o x && ./x`): where the code is (nativeArgs) and
 * what it deletes or runs (nativePatterns), on the generic lexer's skeleton:
 * - Nim's os/osproc and NimScript: `removeDir`, `removeFile`, `rmDir`, `rmFile` (also called as
 *   `dir.removeDir`), `execShellCmd`/`execCmd`/`execCmdEx`/`exec CMD`, `execProcess`/`startProcess`
 *   (a shell line, or a program with `args = [...]`);
 * - D's std.file and std.process: `rmdirRecurse`, `rmdir`, `remove(path)` (also as `p.rmdirRecurse`),
 *   `executeShell`/`spawnShell`/`pipeShell`/`system`, `execute`/`spawnProcess`/`pipeProcess([ARGV])`;
 *   std.net.curl's requests (`del(URL)`, `post`, `put`, `patch`, `upload`, an `HTTP` connection's method);
 * - C and C++: `remove`/`unlink`/`rmdir`, `std::filesystem::remove_all`, `system`/`popen`, the
 *   exec family (`execl("/bin/rm", "rm", "-rf", p, NULL)`), and a tree walk (`nftw`/`ftw`) whose
 *   callback removes what it visits: the walk's root is deleted recursively.
 * A compiler building a source file the script wrote (`gcc x.c -o x`, `dmd x.d`, `nim c x.nim`) is
 * read as running it: the script builds it to run it. Sources on disk are the project's own code.
 */
import { callArgs, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';

export type NativeLang = 'nim' | 'd' | 'c';

/** The language `prog` compiles or runs; undefined = none of these. */
export function nativeLangFor(prog: string): NativeLang | undefined {
  if (prog === 'nim') return 'nim';
  if (/^(rdmd|dmd|ldc2|ldmd2|gdc|gdmd)$/.test(prog)) return 'd';
  if (/^(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|tcc|musl-gcc)(-[\d.]+)?$/.test(prog)) return 'c';
  return undefined;
}

/** Source files per language. */
const SOURCE: Record<NativeLang, RegExp> = {
  nim: /\.nims?$/,
  d: /\.d$/,
  c: /\.(c|cc|cpp|cxx|c\+\+|C)$/,
};

/** Options that take the next word as their value, per language (the rest are flags or glued). */
const VALUE: Record<NativeLang, RegExp> = {
  nim: /^(?!)$/,
  d: /^(-of|-od|-I|-J|-L|--compiler|--exclude|--include|--extra-file|-mtriple|-mcpu)$/,
  c: /^(-o|-I|-L|-D|-U|-x|-include|-imacros|-isystem|-iquote|-MF|-MT|-MQ|--param|-Xlinker|-Xassembler|-Xpreprocessor|-T|-l|-z|-idirafter)$/,
};

/** Nim's subcommands that build (and with `-r` run) a file; `e` runs NimScript. */
const NIM_BUILD = /^(c|cc|compile|compileToC|cpp|compileToCpp|objc|js|r|run|e)$/;

/** Where the code is: an eval option, `-` (stdin), or the first source operand; else none. */
export function nativeArgs(prog: string, argv: Field[]): CodeArgs {
  const lang = nativeLangFor(prog) ?? 'c';
  const evals: Field[] = [];
  let file: Field | undefined;
  let stdin = false;
  let i = 1;
  if (lang === 'nim') {
    while (i < argv.length && argv[i].text.startsWith('-') && !/^--eval[:=]/.test(argv[i].text)) i++;
    const sub = argv[i]?.text;
    if (sub !== undefined && !sub.startsWith('-')) {
      if (!NIM_BUILD.test(sub)) return { label: `nim ${sub}`, none: true };
      i++;
    }
  }
  for (; i < argv.length; i++) {
    const t = argv[i].text;
    const ev = /^--(?:eval|loop)(?:[:=]([\s\S]*))?$/.exec(t);
    if (ev && lang !== 'c') {
      const v = ev[1] !== undefined ? { ...argv[i], text: ev[1] } : argv[++i];
      if (v) evals.push(v);
    } else if (t === '-' && lang === 'c') stdin = true;
    else if (VALUE[lang].test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (SOURCE[lang].test(t) || (lang !== 'c' && !file)) {
      file ??= argv[i];
      // what follows the program `rdmd`, `dmd -run` or `tcc -run` runs is its arguments
      if (/^(rdmd|tcc)$/.test(prog) || argv.slice(1, i).some((a) => a.text === '-run')) break;
    }
  }
  if (evals.length)
    return {
      code: { text: evals.map((e) => e.text).join('\n'), dynamic: evals.some((e) => e.dynamic) },
      label: `${prog} --eval`,
    };
  if (file) return { file, label: `${prog} ${file.text}` };
  return stdin ? { label: `${prog} -` } : { label: prog, none: true };
}

/** A literal list's items (`["rm", "-rf", p]`, `@["-rf", p]`), or undefined when not a literal list. */
function listItems(expr: string | undefined): string[] | undefined {
  const m = /^\s*@?\[([\s\S]*)\]\s*$/.exec(expr ?? '');
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : undefined;
}

/** An argument by name (`args = [...]`) or position, the name taken off; undefined = absent. */
function arg(args: string[], name: string, pos: number): string | undefined {
  const named = args.find((a) => new RegExp(`^\\s*${name}\\s*=(?!=)`).test(a));
  if (named !== undefined) return named.replace(/^\s*\w+\s*=/, '');
  return args.filter((a) => !/^\s*\w+\s*=(?!=)/.test(a))[pos];
}

/** Nim's execProcess/startProcess: a program with a literal `args` list, else the command as a shell line. */
function nimProcess(a: string[], lx: Lexed, home: string, h: Helpers): Effect[] {
  const rest = arg(a, 'args', 2);
  if (rest === undefined) return h.command(a[0], lx, home);
  const items = listItems(rest);
  // fail closed: arguments built at run time
  if (!items) return [{ kind: 'dynamic', text: rest.trim() }];
  return [
    { kind: 'exec', argv: [h.valueOf(a[0] ?? '', lx, home), ...items.map((x) => h.valueOf(x, lx, home))] },
  ];
}

/**
 * A delete called as a method of its path (`"/srv".removeDir`, `dir.rmdirRecurse()`,
 * `environment.get("HOME").rmdirRecurse`); with arguments it is the module's call (`os.removeDir(d)`).
 */
const methodRm = (names: string, h: Helpers): Pattern => ({
  re: new RegExp(
    `(\\u0001\\d+\\u0002|\\b[\\w.]+\\([^()]*\\)|\\b[A-Za-z_]\\w*)\\s*\\.\\s*(?:${names})\\b(?!\\s*=|\\s*\\(\\s*[^)\\s])`,
    'g',
  ),
  handle: (_a, lx, home, m) => [{ kind: 'rm', target: h.valueOf(m[1], lx, home) }],
});

/** The C function whose body holds position `at`: its name and first parameter's name; undefined = none. */
function enclosingFunction(skel: string, at: number): { name: string; param: string } | undefined {
  const heads = [...skel.slice(0, at).matchAll(/\b(\w+)\s*\(([^()]*)\)\s*\{/g)];
  for (const m of heads.reverse()) {
    if (closeOf(skel, (m.index ?? 0) + m[0].length - 1) < at) continue;
    const param = /(\w+)\s*(?:\[\s*\])?\s*$/.exec(m[2].split(',')[0] ?? '')?.[1];
    return param ? { name: m[1], param } : undefined;
  }
  return undefined;
}

/** Tree walks of the C library: the root (first argument) and the callback (second). */
const WALK = /(?<![\w.>])n?ftw\s*\(/g;

/** Whether the function `name` is the callback of a tree walk in the code. */
function isWalkCallback(skel: string, name: string): boolean {
  for (const m of skel.matchAll(WALK)) {
    const cb = callArgs(skel, (m.index ?? 0) + m[0].length).args[1];
    if (cb?.trim().replace(/^&/, '') === name) return true;
  }
  return false;
}

/** C's removals: the path a walk callback is handed is its walk's (read at the walk), else the argument. */
const cRemove =
  (h: Helpers): Pattern['handle'] =>
  (a, lx, home, m) => {
    const fn = enclosingFunction(lx.skel, m.index);
    if (fn && a[0]?.trim() === fn.param && isWalkCallback(lx.skel, fn.name)) return [];
    return h.rm(a.slice(0, 1), lx, home, m);
  };

/** C's removal calls, as they appear in a function body. */
const C_RM = /(?<![\w.>:])(?:remove|unlink|rmdir|unlinkat|remove_all)\s*\(/;

export function nativePatterns(h: Helpers): Record<NativeLang, Pattern[]> {
  return {
    nim: [
      {
        re: /(?<![\w.])(?:os\.)?(?:removeDir|removeFile|tryRemoveFile|rmDir|rmFile)\b(?!\s*=)\s*\(?/g,
        handle: h.rm,
      },
      methodRm('removeDir|removeFile|rmDir|rmFile', h),
      {
        re: /(?<![\w.])(?:os\.|osproc\.)?(?:execShellCmd|execCmdEx|execCmd|exec|selfExec)\b(?!\s*=)\s*\(?/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        re: /(?<![\w.])(?:osproc\.)?(?:execProcess|startProcess)\s*\(/g,
        handle: (a, lx, home) => nimProcess(a, lx, home, h),
      },
    ],
    d: [
      { re: /(?<![\w.])(?:std\.file\.)?(?:rmdirRecurse|rmdir)\s*\(/g, handle: h.rm },
      // std.algorithm's `remove(range, index)` takes two: one argument is a path
      { re: /(?<![\w.])(?:std\.file\.)?remove\s*\((?=[^,()]*(?:\([^()]*\)[^,()]*)*\))/g, handle: h.rm },
      methodRm('rmdirRecurse|rmdir', h),
      {
        re: /(?<![\w.])(?:std\.process\.|core\.stdc\.stdlib\.)?(?:executeShell|spawnShell|pipeShell|system)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        re: /(?<![\w.])(?:std\.process\.)?(?:execute|spawnProcess|pipeProcess|execv|execvp)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      ...dCurl(h),
    ],
    c: [
      {
        re: new RegExp(C_RM.source.replace('(?:remove|', '(?:std::filesystem::|fs::)?(?:remove|'), 'g'),
        handle: cRemove(h),
      },
      {
        re: /(?<![\w.>])(?:std::)?(?:system|popen)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        // execl(path, arg0, args…, NULL): the program at path with the arguments after arg0
        re: /(?<![\w.>])exec(?:l|lp|le|v|vp|vpe|ve)\s*\(/g,
        handle: (a, lx, home) => {
          const rest = a
            .slice(2)
            .filter((x) => !/^\s*(?:\(\s*char\s*\*\s*\)\s*)?(?:NULL|0|nullptr)\s*$/.test(x));
          const list = a.length === 2 || (a.length === 3 && /^\s*environ|envp/.test(a[2]));
          // fail closed: an argv array (execv) is built at run time
          const words: Field[] = list
            ? [{ text: a[1]?.trim() ?? '', dynamic: true }]
            : rest.map((x) => h.valueOf(x, lx, home));
          return [{ kind: 'exec', argv: [h.valueOf(a[0] ?? '', lx, home), ...words] }];
        },
      },
      {
        // a walk whose callback removes what it is handed deletes the whole tree under its root
        re: WALK,
        handle: (a, lx, home) => {
          const cb = a[1]?.trim().replace(/^&/, '') ?? '';
          const def = new RegExp(`\\b${cb.replace(/\W/g, '')}\\s*\\([^()]*\\)\\s*\\{`).exec(lx.skel);
          const body = def ? lx.skel.slice(def.index, closeOf(lx.skel, def.index + def[0].length - 1)) : '';
          return C_RM.test(body) ? [{ kind: 'rm', target: h.valueOf(a[0] ?? '', lx, home) }] : [];
        },
      },
    ],
  };
}

/** D's HTTP methods as std.net.curl names them (`del`, `HTTP.Method.del`). */
const D_METHOD: Record<string, string> = { del: 'DELETE', post: 'POST', put: 'PUT', patch: 'PATCH' };

/**
 * D's std.net.curl (read when the code imports it): `del(URL[, conn])`, `post(URL, DATA[, conn])`,
 * `put`, `patch`, `upload(FILE, URL)` (the file sent), and an `HTTP` connection given a method
 * (`c.method = HTTP.Method.del`) whose URL is `HTTP(URL)` or `c.url = URL` (else dynamic).
 */
function dCurl(h: Helpers): Pattern[] {
  const curl = (lx: Lexed): boolean => /\bstd\.net\.curl\b/.test(lx.skel);
  return [
    {
      re: /(?<![\w.])(?:std\.net\.curl\.)?(del|post|put|patch)\s*\(/g,
      handle: (a, lx, home, m) => (curl(lx) ? h.http(D_METHOD[m[1]], a, lx, home, 'd') : []),
    },
    {
      re: /(?<![\w.])(?:std\.net\.curl\.)?upload\s*\(/g,
      handle: (a, lx, home) =>
        curl(lx) && a[1] !== undefined
          ? [
              {
                kind: 'http',
                method: 'PUT',
                url: h.valueOf(a[1], lx, home),
                bodyFile: h.valueOf(a[0] ?? '', lx, home),
              },
            ]
          : [],
    },
    {
      re: /\b([A-Za-z_]\w*)\s*\.\s*method\s*=\s*HTTP\s*\.\s*Method\s*\.\s*(\w+)/g,
      handle: (_a, lx, home, m) => {
        const method = D_METHOD[m[2]] ?? m[2].toUpperCase();
        // `auto c = HTTP(URL)`, `HTTP c = HTTP(URL)`: the URL the connection is made with
        const ctor = new RegExp(`\\b${m[1]}\\s*=\\s*HTTP\\s*\\(`).exec(lx.skel);
        const given = ctor ? callArgs(lx.skel, ctor.index + ctor[0].length).args[0] : undefined;
        const set = new RegExp(`\\b${m[1]}\\s*\\.\\s*url\\s*=\\s*([^;\\n]+)`).exec(lx.skel)?.[1];
        const url = given ?? set;
        // fail closed: a connection whose URL is not found is sent somewhere unknown
        return h
          .http(method, [url ?? '(url)'], lx, home, 'd')
          .map((e) =>
            e.kind === 'http' && url === undefined ? { ...e, url: { text: '(url)', dynamic: true } } : e,
          );
      },
    },
  ];
}

/** The index of the `}` closing the `{` at `open` (the skeleton's end when not closed). */
function closeOf(skel: string, open: number): number {
  let depth = 0;
  for (let i = open; i < skel.length; i++) {
    if (skel[i] === '{') depth++;
    else if (skel[i] === '}' && --depth === 0) return i;
  }
  return skel.length;
}
