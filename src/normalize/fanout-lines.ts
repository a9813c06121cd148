/**
 * Fan-out runners that build one shell line per input item and hand it to a shell: GNU
 * `parallel [opts] CMD… [::: ITEMS | :::: FILE]` and `rush [opts] 'CMD'` (items from stdin
 * or `-i FILE`), and moreutils' `pee 'CMD' 'CMD'…` (the same stdin piped into each argument,
 * each run by a shell, like tee into commands). The command's words are joined into a line; each item is inserted quoted
 * at its placeholders (`{}`, `{.}` without extension, `{/}` base name, `{//}` folder,
 * `{/.}`; rush's `{:}`, `{^SUFFIX}`, `{@REGEX}` read as the item), or appended when there
 * are none. Items not known statically (stdin from a file not read, a pipe) stand for a
 * value only known at run time. Reads its own argv, stdin, and an item file through the
 * context's readFile.
 */
import path from 'node:path';
import { joinFields } from './fields.js';
import { getopt } from './options.js';
import { cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { quote } from './quote.js';

/** Most items expanded into separate commands. */
export const MAX_ITEMS = 64;

/** The items of `text` split at `delim` (whitespace when absent); undefined = not known or too many. */
export function items(text: string | undefined, delim?: string): Field[] | undefined {
  if (text === undefined) return undefined;
  const parts = delim !== undefined ? text.split(delim) : text.split(/\s+/);
  const out = parts.filter((p) => p !== '').map((p) => ({ text: p, dynamic: false }));
  return out.length <= MAX_ITEMS ? out : undefined;
}

/** Replacement strings of parallel and rush (not `${…}`, a shell expansion). */
const PLACEHOLDER = /(?<!\$)\{(?:|\.|\/|\/\/|\/\.|:|#|%|%\.|%:|\d+|\d+\.|\^[^}\s]*|@[^}\s]*)\}/g;

/** The variable an unknown item is read as: its value is only known at run time. */
const ITEM_VAR = 'FANOUT_ITEM';

/** What placeholder `ph` becomes for the item `text`. */
function replaced(ph: string, text: string): string {
  if (ph === '{.}' || ph === '{:}') return text.replace(/\.[^./]*$/, '');
  if (ph === '{/}') return path.posix.basename(text);
  if (ph === '{//}') return path.posix.dirname(text);
  if (ph === '{/.}') return path.posix.basename(text).replace(/\.[^.]*$/, '');
  if (ph === '{#}' || ph === '{%}') return '1';
  return text;
}

/** Runs `cmd` (the command words) once per item of `list` (undefined = items not known) as shell lines. */
function fanLines(label: string, argv: Field[], cmd: Field[], list: Field[] | undefined, k: K): Res {
  if (cmd.length === 0) return emit(argv, k);
  const line = joinFields(cmd);
  // fail closed: a command word not known statically leaves a dynamic command behind.
  if (line.dynamic) return emit(argv, k, { dynamic: true });
  const hasPh = line.text.match(PLACEHOLDER) !== null;
  const one = (item: string, scope = k.scope): Res => {
    const text = hasPh
      ? line.text.replace(PLACEHOLDER, (ph) => (item.startsWith('"$') ? item : quote(replaced(ph, item))))
      : `${line.text} ${item.startsWith('"$') ? item : quote(item)}`;
    return reparse(text, label, { ...k, scope }, { scope });
  };
  if (!list || list.some((f) => f.dynamic)) {
    // fail closed: items only known at run time are read as a variable whose value is unknown.
    const scope = cloneScope(k.scope);
    scope.vars.delete(ITEM_VAR);
    scope.dyn.add(ITEM_VAR);
    return one(`"$${ITEM_VAR}"`, scope);
  }
  let res: Res = {};
  for (const item of list) res = one(item.text);
  return res;
}

/** An item file's text (`-a FILE`, `-i FILE`); undefined = not readable here. */
function fileText(name: string | undefined, k: K): string | undefined {
  if (name === undefined) return undefined;
  const abs = name.startsWith('/') ? name : `${k.scope.cwd}/${name}`;
  return k.scope.files.get(abs) ?? k.run.ctx.readFile?.(abs);
}

function parallel(argv: Field[], k: K): Res {
  const args = argv.slice(1);
  const sep = args.findIndex((f) => f.text === ':::' || f.text === '::::' || f.text === ':::+');
  const head = sep >= 0 ? args.slice(0, sep) : args;
  const p = getopt(head, {
    short: 'jSPNnIdCaXx',
    long: [
      'jobs',
      'sshlogin',
      'joblog',
      'results',
      'colsep',
      'delimiter',
      'arg-file',
      'timeout',
      'retries',
      'tag-string',
      'workdir',
      'env',
    ],
  });
  if (p.opts.has('dry-run')) return emit(argv, k);
  const cmd = head.slice(p.index);
  let list: Field[] | undefined;
  if (sep >= 0) {
    const rest = args.slice(sep + 1);
    const end = rest.findIndex((f) => f.text.startsWith(':::'));
    list = (end >= 0 ? rest.slice(0, end) : rest).slice(0, MAX_ITEMS);
    if (args[sep].text === '::::') list = items(fileText(rest[0]?.text, k), '\n');
  } else {
    const file = p.opts.get('a') ?? p.opts.get('arg-file');
    list = items(file !== undefined ? fileText(file, k) : k.io.stdin?.text, '\n');
  }
  return fanLines('parallel', argv, cmd, list, k);
}

/** rush's options that take a value. */
const RUSH_VALUE = {
  short: 'jiDdnJtrCvTo',
  long: [
    'jobs',
    'infile',
    'records-delimiter',
    'field-delimiter',
    'nrecords',
    'records-join-sep',
    'timeout',
    'retries',
    'retry-interval',
    'succeed-cmd-file',
    'assign',
    'trim',
    'out-file',
    'delay',
  ],
};

/** `rush [opts] 'CMD' [opts]` (options may follow the command): items from stdin, or from `-i FILE`. */
function rush(argv: Field[], k: K): Res {
  const cmd: Field[] = [];
  const opts = new Map<string, string>();
  let rest = argv.slice(1);
  while (rest.length) {
    const p = getopt(rest, RUSH_VALUE);
    for (const [o, v] of p.opts) opts.set(o, v);
    if (p.index >= rest.length) break;
    cmd.push(rest[p.index]);
    rest = rest.slice(p.index + 1);
  }
  if (opts.has('dry-run')) return emit(argv, k);
  const file = opts.get('i') ?? opts.get('infile');
  const list = items(file !== undefined ? fileText(file, k) : k.io.stdin?.text, '\n');
  return fanLines('rush', argv, cmd, list, k);
}

/**
 * moreutils' `pee [--[no-]ignore-sigpipe] [--[no-]ignore-write-errors] 'CMD'…`: each argument is
 * a shell line (popen) fed the same stdin. A line not known statically is unknown code.
 */
function pee(argv: Field[], k: K): Res {
  const res = emit(argv, k);
  for (const line of argv.slice(1)) {
    if (/^--(no-)?ignore-/.test(line.text)) continue;
    const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'pee'] } };
    // fail closed: a command line not known statically stands for unknown code
    if (line.dynamic) emit([{ text: line.text, dynamic: true }], inner, { dynamic: true });
    else reparse(line.text, 'pee', inner, { scope: cloneScope(k.scope) });
  }
  return res;
}

/** program → shell-line fan-out handler. */
export const SHELL_FANOUT: Record<string, (argv: Field[], k: K) => Res> = { parallel, rush, pee };
