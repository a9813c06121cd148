/**
 * Windows' `forfiles [/p PATH] [/m MASK] [/s] [/d DATE] [/c "CMD"]`: runs CMD once per file
 * matching MASK under PATH (recursively with /s), CMD's `@path`, `@file`, `@fname`, `@ext` and
 * `@relpath` standing for each file. Options are case-insensitive and may start with `-`.
 * Read as CMD run on the whole matching set (`PATH\MASK`): `forfiles /p D:\Data /c "cmd /c
 * del @path"` is `cmd /c del "D:\Data\*"`. Without /c the command is `cmd /c echo @file`.
 * CMD's words are split the way Windows splits a command line (double quotes group).
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';

/** forfiles options that take a value. */
const VALUE = /^[/-][pmcd]$/i;

/** A Windows command line's words: whitespace separates, double quotes group (and are dropped). */
export function windowsWords(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:"[^"]*"?|[^\s"]+)+/g)) out.push(m[0].replace(/"/g, ''));
  return out;
}

/**
 * What each `@variable` stands for, for the matching set `path\mask`. CMD runs in each file's
 * folder, so the bare names (`@file`, `@fname`, `@relpath`) name the files under PATH too: they
 * are read as the full path.
 */
function variables(path: string, mask: string): Record<string, string> {
  const dot = mask.lastIndexOf('.');
  const full = `${path.replace(/[\\/]+$/, '')}\\${mask}`;
  const base = dot > 0 ? full.slice(0, full.length - (mask.length - dot)) : full;
  return {
    '@path': `"${full}"`,
    '@file': `"${full}"`,
    '@fname': `"${base}"`,
    '@ext': `"${dot > 0 ? mask.slice(dot + 1) : ''}"`,
    '@relpath': `"${full}"`,
    '@isdir': 'FALSE',
    '@fsize': '0',
    '@fdate': '01/01/2000',
    '@ftime': '00:00:00',
  };
}

/**
 * `forfiles …`: emits forfiles and runs its command through `dispatch` (the carrier
 * dispatcher, passed in so this module does not import it back).
 */
export function runForfiles(argv: Field[], k: K, dispatch: (argv: Field[], k: K) => Res): Res {
  const opts = new Map<string, Field>();
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (VALUE.test(t) && argv[i + 1]) opts.set(t.slice(1).toLowerCase(), argv[++i]);
    else if (/^[/-][pmcd][^\s]/i.test(t) && !/^[/-]s$/i.test(t))
      opts.set(t[1].toLowerCase(), { ...argv[i], text: t.slice(2) });
  }
  if (argv.some((a) => /^[/-]\?$/.test(a.text))) return emit(argv, k);
  const res = emit(argv, k);
  const path = opts.get('p') ?? { text: '.', dynamic: false };
  const mask = opts.get('m') ?? { text: '*', dynamic: false };
  const cmd = opts.get('c') ?? { text: 'cmd /c echo @file', dynamic: false };
  const inner: K = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'forfiles /c'] } };
  // fail closed: a command not known statically runs on every file
  if (cmd.dynamic) return emit([{ text: cmd.text, dynamic: true }], inner, { dynamic: true });
  const vars = variables(path.text, mask.text);
  const line = cmd.text
    .replace(/0x([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/@(path|file|fname|ext|relpath|isdir|fsize|fdate|ftime)\b/gi, (m) => vars[m.toLowerCase()] ?? m);
  const words = windowsWords(line).map((w) => ({
    text: w,
    dynamic: (path.dynamic || mask.dynamic) && /[\\*]/.test(w),
  }));
  if (words.length === 0) return res;
  return dispatch(words, inner);
}
