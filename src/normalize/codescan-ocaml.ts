/**
 * OCaml scripts (`ocaml FILE.ml`, `ocaml -stdin`, code on stdin, `utop FILE.ml`; a program
 * `ocamlfind ocamlopt` builds from written sources, compiled.ts; `dune exec` of a written
 * project, project-code.ts): where the code is (ocamlArgs) and what it deletes or runs
 * (ocamlPatterns), on the generic lexer's skeleton (comments `(* … *)` dropped, codelex-langs.ts):
 * - removals: `Sys.remove P`, `Sys.rmdir P`, `Unix.unlink P`, `Unix.rmdir P`, `FileUtil.rm [P; …]`,
 *   Bos's `OS.Dir.delete P` / `OS.File.delete P`;
 * - commands: `Sys.command CMD`, `Unix.system CMD`, `Unix.open_process[_in|_out|_full] CMD` (a
 *   shell line), `Unix.execv[p][e] PROG [|ARGV|]`, `Unix.create_process PROG [|ARGV|] …`,
 *   `Unix.open_process_args[_in|_out] PROG [|ARGV|]` (an argv);
 * - a recursive walk that lists a folder (`Sys.readdir`) and removes what it finds: the walk
 *   deletes the whole tree under the root it is called with (`let rec rm p = … in rm "/srv"`),
 *   read at that call; the removals inside the walk are its own.
 * OCaml applies functions by juxtaposition: an argument is the next atom (a literal, a name,
 * a bracketed expression, a list or array). Values (ocamlValue): literals, `Sys.getenv "HOME"`,
 * `Filename.concat A B`, `A ^ B`, `Printf.sprintf FMT ARGS` with `%s`/`%d`, the temp folder
 * (`Filename.get_temp_dir_name ()`) and fresh temp names (`Filename.temp_file`, `temp_dir`,
 * codescan-dirs.ts), names bound once by `let`. Anything else is not known (fail closed).
 */
import { literalOf, show, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import { FRESH_TEMP } from './codescan-dirs.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';

/** The language `prog` runs: the toplevel and utop. */
export const OCAML_PROGRAMS = /^(ocaml|utop)$/;

/** Options of ocaml and utop that take a value. */
const VALUED = /^(-I|-init|-open|-ppx|-pp|-w|-warn-error|-alert|-require|-package)$/;

/** Where the code is: `-stdin` or no file (stdin), else the first operand that is not a library (the script). */
export function ocamlArgs(prog: string, argv: Field[]): CodeArgs {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-stdin') return { label: `${prog} -stdin` };
    if (VALUED.test(t)) i++;
    // `ocaml unix.cma x.ml`: libraries loaded before the script
    else if (!t.startsWith('-') && !/\.(cma|cmo|cmxs|cmx|cmxa)$/.test(t))
      return { file: argv[i], label: `${prog} ${t}` };
  }
  return { label: `${prog} stdin` };
}

/** The end of the atom that starts at `from` (spaces before it skipped); `from` when none starts there. */
function atomEnd(skel: string, from: number): number {
  let i = from;
  while (/[ \t\n]/.test(skel[i] ?? '')) i++;
  const open = skel[i];
  if (open === '(' || open === '[') {
    let depth = 0;
    for (let j = i; j < skel.length; j++) {
      if ('([{'.includes(skel[j])) depth++;
      else if (')]}'.includes(skel[j]) && --depth === 0) return j + 1;
    }
    return skel.length;
  }
  const m = /^(?:\u0001\d+\u0002|[~?]?[A-Za-z_][\w.']*(?::(?:\u0001\d+\u0002|[\w.']+))?|-?\d[\w.]*)/.exec(
    skel.slice(i),
  );
  return m ? i + m[0].length : from;
}

/** The next `n` atoms after `from` (labelled arguments `~recurse:true` skipped). */
function atoms(skel: string, from: number, n: number): string[] {
  const out: string[] = [];
  let at = from;
  while (out.length < n) {
    const end = atomEnd(skel, at);
    if (end === at) break;
    const a = skel.slice(at, end).trim();
    at = end;
    if (!/^[~?]/.test(a) && !/^(in|then|else|do|done|with|and|let|begin|end|match|fun|function)$/.test(a))
      out.push(a);
  }
  return out;
}

/** The elements of an OCaml list or array (`[a; b]`, `[|a; b|]`); undefined = not one. */
function elements(expr: string, h: Helpers): string[] | undefined {
  const m = /^\[\|?([\s\S]*?)\|?\]$/.exec(expr.trim());
  const body = m?.[1].trim().replace(/;$/, '');
  if (body === undefined) return undefined;
  return body ? h.split(body, ';').map((x) => x.trim()) : [];
}

/** The value of an OCaml expression (see the header); dynamic when not known. */
export function ocamlValue(expr: string, lx: Lexed, home: string, h: Helpers, hops = 0): Field {
  let t = expr.trim().replace(/\s+in$/, '');
  while (/^\(([\s\S]*)\)$/.test(t) && atomEnd(t, 0) === t.length) t = t.slice(1, -1).trim();
  const lit = literalOf(t, lx);
  if (lit) return { text: lit.value, dynamic: lit.dynamic };
  const parts = h.split(t, '^'); // string concatenation
  const v = (e: string) => ocamlValue(e, lx, home, h, hops + 1);
  const join = (vs: Field[], sep: string): Field => ({
    text: vs.map((x) => x.text).join(sep),
    dynamic: vs.some((x) => x.dynamic),
  });
  if (parts.length > 1) return join(parts.map(v), '');
  const call = /^([A-Z][\w.]*\.[a-z_]\w*)\b/.exec(t);
  const args = call ? atoms(t, call[0].length, 8) : [];
  const name = call?.[1] ?? '';
  if (/^(Sys|Unix)\.getenv(_opt)?$/.test(name) && v(args[0] ?? '').text === 'HOME')
    return { text: home, dynamic: false };
  if (name === 'Filename.concat' && args.length >= 2) return join([v(args[0]), v(args[1])], '/');
  if (name === 'Filename.get_temp_dir_name') return { text: '/tmp', dynamic: false };
  if (/^Filename\.(temp_file|temp_dir|open_temp_file)$/.test(name))
    return { text: FRESH_TEMP, dynamic: false };
  if (/^(Printf|Format)\.sprintf$/.test(name) && args.length) {
    const fmt = v(args[0]);
    const fill = args.slice(1).map(v);
    let k = 0;
    const text = fmt.text.replace(/%[sdi]/g, () => fill[k++]?.text ?? '');
    return { text, dynamic: fmt.dynamic || fill.some((f) => f.dynamic) || k > fill.length };
  }
  const bound = /^[a-z_][\w']*$/.test(t) ? lx.vars.get(t) : undefined;
  if (bound && hops < 8) return v(bound);
  return { text: show(t, lx), dynamic: true };
}

/** A recursive walk that lists a folder and removes: its name and where its body is. */
interface Walk {
  name: string;
  start: number;
  end: number;
}

const REMOVE =
  /(?<![\w.])(?:Sys\.remove|Sys\.rmdir|Unix\.unlink|Unix\.rmdir|FileUtil\.rm|(?:Bos\.)?OS\.(?:Dir|File|Path)\.delete)\b/;

/** Walks already found, per skeleton. */
const WALKS = new Map<string, Walk[]>();

/** The recursive walks that remove what they list (see the header). */
function walks(skel: string): Walk[] {
  const known = WALKS.get(skel);
  if (known) return known;
  const out: Walk[] = [];
  for (const m of skel.matchAll(/\blet\s+rec\s+([a-z_][\w']*)\b/g)) {
    const start = m.index ?? 0;
    // the body: up to the next top-level definition (a `let` at the start of a line, `;;`)
    const next = /\n(?=let\b|;;)|;;/.exec(skel.slice(start + m[0].length));
    const end = next ? start + m[0].length + next.index : skel.length;
    const body = skel.slice(start + m[0].length, end);
    if (
      /\b(?:Sys\.readdir|Unix\.readdir|FileUtil\.ls)\b/.test(body) &&
      REMOVE.test(body) &&
      new RegExp(`\\b${m[1]}\\b`).test(body)
    )
      out.push({ name: m[1], start, end });
  }
  // one skeleton is read by every pattern in turn: keep the last few
  if (WALKS.size > 8) WALKS.clear();
  WALKS.set(skel, out);
  return out;
}

export function ocamlPatterns(h: Helpers): Pattern[] {
  const value = (e: string | undefined, lx: Lexed, home: string) => ocamlValue(e ?? '', lx, home, h);
  const next = (lx: Lexed, m: RegExpExecArray, n: number) => atoms(lx.skel, m.index + m[0].length, n);
  const inWalk = (lx: Lexed, at: number) => walks(lx.skel).some((w) => at > w.start && at < w.end);
  const argv = (prog: string | undefined, arr: string | undefined, lx: Lexed, home: string): Effect[] => {
    const items = elements(arr ?? '', h);
    // fail closed: an argv built at run time
    if (!items) return [{ kind: 'dynamic', text: show(`${prog ?? ''} ${arr ?? ''}`, lx) }];
    return [
      { kind: 'exec', argv: [value(prog, lx, home), ...items.slice(1).map((x) => value(x, lx, home))] },
    ];
  };
  return [
    {
      re: new RegExp(REMOVE.source, 'g'),
      handle: (_a, lx, home, m) => {
        if (inWalk(lx, m.index)) return [];
        const [arg] = next(lx, m, 1);
        return (elements(arg ?? '', h) ?? [arg ?? '']).map((x) => ({
          kind: 'rm',
          target: value(x, lx, home),
        }));
      },
    },
    {
      re: /(?<![\w.])(?:Sys\.command|Unix\.system|Unix\.open_process(?:_in|_out|_full)?)\b/g,
      handle: (_a, lx, home, m) => {
        const cmd = value(next(lx, m, 1)[0], lx, home);
        // fail closed: a command line not known statically
        return [cmd.dynamic ? { kind: 'dynamic', text: cmd.text } : { kind: 'shell', script: cmd }];
      },
    },
    {
      re: /(?<![\w.])Unix\.(?:execvpe|execvp|execve|execv|create_process(?:_env)?|open_process_args(?:_in|_out|_full)?)\b/g,
      handle: (_a, lx, home, m) => {
        const [prog, arr] = next(lx, m, 2);
        return argv(prog, arr, lx, home);
      },
    },
    {
      // a call of a recursive removing walk, outside it: the tree under its root is deleted
      re: /(?<![\w.'])([a-z_][\w']*)(?=[ \t]+[(["\u0001A-Za-z_])/g,
      handle: (_a, lx, home, m) => {
        const w = walks(lx.skel).find((x) => x.name === m[1]);
        if (!w || (m.index > w.start && m.index < w.end)) return [];
        const [root] = next(lx, m, 1);
        return (elements(root ?? '', h) ?? [root ?? '']).map((x) => ({
          kind: 'rm',
          target: value(x, lx, home),
        }));
      },
    },
  ];
}
