/**
 * A delete function handed to a higher-order call by name, run on every item of a list: PHP's
 * `array_map("unlink", glob("/srv/x/*"))` (also `array_walk`, `array_filter`,
 * `call_user_func(_array)`, or a closure that unlinks: `fn($f) => unlink($f)`), Python's
 * `map(os.remove, glob.glob(…))` (any `.map` of an executor or pool too), JavaScript's
 * `files.forEach(fs.unlinkSync)` and Ruby's `each(&File.method(:delete))`. Each is read as the
 * deletion of the list's items: the pattern of a literal glob (`glob("/srv/x/*")`,
 * `glob.glob`, `glob.sync`, `Dir.glob`, `Dir[…]`), everything in a literal folder listed
 * (`scandir`, `os.listdir`, `readdirSync`, `Dir.children`: `DIR/*`), the elements of a literal
 * list; any other list is known only at run time (a dynamic target: fail closed).
 */
import { literalOf, type Lexed } from './codelex.js';
import type { Lang } from './codelex.js';
import type { Effect } from './codescan.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Field } from './state.js';

/** Delete functions by name, per language (as a string, or a reference). */
const DELETERS: Partial<Record<Lang, RegExp>> = {
  php: /^(?:\\?unlink|\\?rmdir)$/,
  python:
    /^(?:os\.(?:remove|unlink|rmdir|removedirs)|shutil\.rmtree|rmtree|send2trash(?:\.send2trash)?|Path\.unlink|pathlib\.Path\.unlink)$/,
  node: /^(?:(?:fs|fse|fsp|fs\.promises)\.)?(?:unlinkSync|rmSync|rmdirSync|unlink|rm|rmdir|removeSync|remove)$/,
};
/** A closure whose body deletes (`fn($f) => unlink($f)`, `function ($f) { @unlink($f); }`, `lambda p: os.remove(p)`, `f => fs.rmSync(f)`). */
const DELETING_CLOSURE =
  /^\s*(?:static\s+)?(?:fn|function|lambda|async)?\b[^]*?(?:=>|:|\{)[^]*?(?<![\w.$])(?:@?unlink|rmdir|os\.remove|os\.unlink|shutil\.rmtree|(?:fs\.)?(?:unlinkSync|rmSync|rmdirSync))\s*\(/;
/** Calls that list a glob's matches (their argument is the pattern). */
const GLOB_CALLS = /^(?:glob|glob\.glob|glob\.iglob|glob\.sync|globSync|fg\.sync|Dir\.glob)$/;
/** Calls that list a folder's entries (their argument is the folder). */
const LIST_CALLS = /^(?:scandir|os\.listdir|(?:fs\.)?readdirSync|Dir\.children|Dir\.entries)$/;

/** The items an expression lists, as delete targets (one dynamic field when not known statically). */
export function listedTargets(expr: string, lx: Lexed, h: Helpers, home: string): Field[] {
  const t = expr.trim();
  const call = /^([\w.\\]+)\s*\(([\s\S]*)\)$/.exec(t) ?? /^(Dir)\s*\[([\s\S]*)\]$/.exec(t);
  if (call) {
    const name = call[1] === 'Dir' ? 'Dir.glob' : call[1].replace(/^\\/, '');
    const first = h.split(call[2], ',')[0] ?? '';
    // the pattern or folder as the code's values read it (`sys_get_temp_dir() . "/x-*"` too)
    const value = GLOB_CALLS.test(name) || LIST_CALLS.test(name) ? h.valueOf(first, lx, home) : undefined;
    if (value && !value.dynamic && GLOB_CALLS.test(name)) return [value];
    if (value && !value.dynamic) return [{ ...value, text: `${value.text.replace(/\/+$/, '')}/*` }];
  }
  const list = /^(?:array\s*\(|\[)([\s\S]*)[)\]]$/.exec(t);
  if (list) {
    const items = h.split(list[1], ',').filter((s) => s.trim() !== '');
    if (items.length && items.every((s) => literalOf(s, lx))) return items.map((s) => h.valueOf(s, lx, home));
  }
  // fail closed: a list known only at run time
  return [{ text: t, dynamic: true }];
}

/** True when `expr` is a delete function of `lang` by name or reference, or a closure that deletes. */
function deletes(expr: string | undefined, lang: Lang, lx: Lexed): boolean {
  if (expr === undefined) return false;
  const lit = literalOf(expr, lx);
  const name = lit && !lit.dynamic ? lit.value : expr.trim();
  return (DELETERS[lang]?.test(name) ?? false) || DELETING_CLOSURE.test(expr);
}

const rmAll = (targets: Field[]): Effect[] => targets.map((target) => ({ kind: 'rm', target }));

/** The patterns, per language, appended to codescan.ts's own. */
export function callbackPatterns(h: Helpers): Partial<Record<Lang, Pattern[]>> {
  return {
    php: [
      {
        re: /(?<![\w$>:])(?:array_map|array_walk|array_walk_recursive|array_filter|call_user_func|call_user_func_array)\s*\(/g,
        handle: (args, lx, home, m) => {
          const fn = /\w+(?=\s*\($)/.exec(m[0])?.[0] ?? '';
          const [cb, list] = /^array_(?:walk|filter)/.test(fn) ? [args[1], args[0]] : [args[0], args[1]];
          if (!deletes(cb, 'php', lx) || list === undefined) return [];
          // call_user_func(_array): one call, its (first) argument the path
          const one = fn === 'call_user_func_array' ? /^\s*\[([\s\S]*)\]\s*$/.exec(list)?.[1] : list;
          if (fn.startsWith('call_user_func'))
            return [{ kind: 'rm', target: h.valueOf(h.split(one ?? list, ',')[0] ?? list, lx, home) }];
          return rmAll(listedTargets(list, lx, h, home));
        },
      },
    ],
    python: [
      {
        re: /(?<![\w])(?:map|(?:\w+\.)+map)\s*\(/g,
        handle: (args, lx, home) =>
          deletes(args[0], 'python', lx) && args[1] !== undefined
            ? rmAll(listedTargets(args[1], lx, h, home))
            : [],
      },
    ],
    node: [
      {
        re: /\.(?:forEach|map)\s*\(/g,
        handle: (args, lx, home, m) => {
          if (!deletes(args[0], 'node', lx)) return [];
          const before = m.input.slice(0, m.index);
          const recv = /([\w.]+\s*\(\s*\u0001\d+\u0002\s*\))\s*$/.exec(before)?.[1];
          return rmAll(recv ? listedTargets(recv, lx, h, home) : [{ text: 'items', dynamic: true }]);
        },
      },
    ],
    ruby: [
      {
        re: /\.each\s*\(\s*&\s*(?:File|FileUtils|Dir)\.method\(\s*:(?:delete|unlink|rm_rf|rm_r|rm|rm_f|remove_dir|rmdir)\s*\)\s*\)/g,
        handle: (_args, lx, home, m) => {
          const before = m.input.slice(0, m.index);
          const recv = /(Dir\s*(?:\.glob\s*\(\s*\u0001\d+\u0002[^)]*\)|\[\s*\u0001\d+\u0002\s*\]))\s*$/.exec(
            before,
          )?.[1];
          return rmAll(recv ? listedTargets(recv, lx, h, home) : [{ text: 'items', dynamic: true }]);
        },
      },
    ],
  };
}

/** `patterns` with the callback patterns appended (codescan.ts's PATTERNS). */
export function withCallbacks(patterns: Record<Lang, Pattern[]>, h: Helpers): Record<Lang, Pattern[]> {
  for (const [lang, list] of Object.entries(callbackPatterns(h)) as [Lang, Pattern[]][])
    patterns[lang] = [...patterns[lang], ...list];
  return patterns;
}
