/**
 * Call patterns of the smaller scripting languages an agent may run inline: Lua (`lua -e`),
 * R (`Rscript -e`) and Julia (`julia -e`). What they read is the same as for the others
 * (codescan.ts): calls that delete files, run a command through a shell or as an argv, and
 * evaluate code not readable statically. Julia's backtick commands (`run(\`…\`)`) are command
 * literals, read by scanCode like Ruby's.
 */
import { callArgs, type Lexed } from './codelex.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

export interface Pattern {
  re: RegExp;
  handle: (args: string[], lx: Lexed, home: string, m: RegExpExecArray) => Effect[];
}

/** What codescan.ts lends these patterns (its readers of values, deletions, commands and code). */
export interface Helpers {
  valueOf: (expr: string, lx: Lexed, home: string) => Field;
  rm: Pattern['handle'];
  command: (arg: string | undefined, lx: Lexed, home: string, rest?: string[]) => Effect[];
  code: (arg: string | undefined, lx: Lexed) => Effect[];
}

/** R's `c("-rf", path)` (or a single value) as argument expressions. */
function rVector(expr: string | undefined): string[] {
  if (expr === undefined) return [];
  const m = /^\s*c\(([\s\S]*)\)\s*$/.exec(expr);
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : [expr];
}

export function morePatterns(h: Helpers): Record<'lua' | 'r' | 'julia', Pattern[]> {
  return {
    lua: [
      { re: /\bos\.remove\s*\(/g, handle: h.rm },
      { re: /\b(?:os\.execute|io\.popen)\s*\(?/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
      { re: /(?<![\w.])(?:load|loadstring|dofile)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
    ],
    r: [
      // unlink() expands `~` and takes recursive = TRUE; file.remove, fs::dir_delete alike.
      { re: /\b(?:unlink|file\.remove|(?:fs::)?dir_delete|(?:fs::)?file_delete)\s*\(/g, handle: h.rm },
      { re: /\bsystem\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
      {
        re: /\bsystem2\s*\(/g,
        handle: (a, lx, home) => {
          const words = [a[0], ...rVector(a.find((x, i) => i > 0 && !/^\s*\w+\s*=/.test(x)))];
          return words[0] === undefined
            ? []
            : [{ kind: 'exec', argv: words.map((w) => h.valueOf(w, lx, home)) }];
        },
      },
      { re: /(?<![\w.])(?:eval|source)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
    ],
    julia: [
      // rm(path; recursive=true): the keyword arguments follow a `;`
      {
        re: /(?<![\w.])(?:rm|Base\.rm|Filesystem\.rm)\s*\(/g,
        handle: (a, lx, home, m) => h.rm([a[0]?.split(';')[0] ?? ''], lx, home, m),
      },
      { re: /(?<![\w.])(?:eval|include_string)\s*\(/g, handle: (a, lx) => h.code(a.at(-1), lx) },
    ],
  };
}
