/**
 * The Clojure dialects' own host calls, read for codescan-clojure.ts:
 * - ClojureScript on Node (nbb, planck, lumo): a Node module required by name (`(js/require
 *   "fs")`, `(:require ["fs" :as fs])`, read as the namespace `node:fs`) and its functions, called
 *   as `(fs/rmSync P)` or as a method of the module (`(.rmSync (js/require "fs") P #js {…})`):
 *   fs's `rmSync`/`rm`/`rmdirSync`/`rmdir`/`unlinkSync`/`unlink` delete P (also of fs/promises);
 *   child_process's `execSync`/`exec` run a shell line, `spawnSync`/`spawn`/`execFileSync`/
 *   `execFile` a program with an argv; `(js/fetch URL #js {:method "DELETE" :body …})` sends a request.
 * - Joker: `joker.os/exec NAME {:args [...]}` and `joker.os/start`, `joker.os/sh NAME ARGS…`,
 *   `joker.os/sh-from DIR NAME ARGS…` run a program; `joker.os/remove` / `remove-all` delete;
 *   `joker.http/send {:method :delete :url …}` sends a request.
 * A value not known statically stays dynamic (fail closed). Pure.
 */
import type { Node } from './sexp-reader.js';
import { isList, nodeModule, show, sym } from './clojure-names.js';
import type { Effect } from './codescan.js';
import type { HttpEffect } from './codescan-http.js';
import { lit, type Field } from './state.js';

/** What the Clojure scanner lends these readers. */
export interface CljReader {
  value(n: Node | undefined): Field;
  elements(n: Node | undefined): Node[] | undefined;
  get(map: Node | undefined, key: string): Node | undefined;
  resolve(n: Node | undefined): Node | undefined;
}

const NODE_RM = /^(rmSync|rm|rmdirSync|rmdir|unlinkSync|unlink)$/;
const NODE_SHELL = /^(execSync|exec)$/;
const NODE_ARGV = /^(spawnSync|spawn|execFileSync|execFile)$/;
const JOKER_OS = /^joker\.os\/(exec|start|sh|sh-from|remove|remove-all)$/;

/** The Node module an expression holds: `(js/require "fs")`, an alias `fs` of `node:fs`; '' = none known. */
function moduleOf(n: Node | undefined, r: CljReader, fnName: (n: Node | undefined) => string): string {
  const v = r.resolve(n);
  if (isList(v) && sym(v.items[0]) === 'js/require' && v.items[1]?.t === 'str')
    return nodeModule(v.items[1].v);
  // `(.-promises fs)`: the module's promise API
  if (isList(v) && sym(v.items[0]) === '.-promises') return moduleOf(v.items[1], r, fnName);
  if (v?.t === 'sym') {
    const ns = fnName(v).replace(/\/[^/]*$/, '');
    if (ns.startsWith('node:')) return ns.slice(5);
    if (/^(fs|child_process)$/.test(v.v)) return v.v;
  }
  return '';
}

/** Whether `fn` (qualified) is one of these host calls; for the scanner's "passed as a value" check. */
export function hostEffectful(fn: string): boolean {
  const [ns, name] = [fn.slice(0, fn.lastIndexOf('/')), fn.slice(fn.lastIndexOf('/') + 1)];
  return (
    JOKER_OS.test(fn) ||
    fn === 'joker.http/send' ||
    (ns === 'node:fs' && NODE_RM.test(name)) ||
    (ns === 'node:child_process' && (NODE_SHELL.test(name) || NODE_ARGV.test(name)))
  );
}

/** A program and its argv vector (`"rm" #js ["-rf" p]`); a vector not known is dynamic. */
function program(name: Node | undefined, vec: Node | undefined, r: CljReader): Effect {
  const argv = vec === undefined ? [] : r.elements(vec);
  // fail closed: arguments built at run time
  if (!argv) return { kind: 'dynamic', text: [name, vec].map((x) => (x ? show(x) : '')).join(' ') };
  return { kind: 'exec', argv: [r.value(name), ...argv.map((a) => r.value(a))] };
}

function shell(line: Field): Effect {
  // fail closed: a command line not known statically
  return line.dynamic ? { kind: 'dynamic', text: line.text } : { kind: 'shell', script: line };
}

/** A request with options `opts` (`:method`, `:url`, `:body`, `:headers`), the URL given or in them. */
function request(url: Node | undefined, opts: Node | undefined, r: CljReader): HttpEffect {
  const m = r.get(opts, ':method');
  const method = m ? r.value(m) : lit('get');
  const body = r.get(opts, ':body');
  const text = body ? r.value(body) : undefined;
  return {
    kind: 'http',
    method: method.dynamic ? 'DYNAMIC' : method.text.toUpperCase(),
    url: r.value(url ?? r.get(opts, ':url')),
    ...(text === undefined ? {} : text.dynamic ? { bodyUnknown: true } : { body: text.text }),
  };
}

/**
 * The effects of the call `fn` (qualified by `fnName`) with `args`; undefined = not a host call
 * read here.
 */
export function hostCall(
  fn: string,
  args: Node[],
  r: CljReader,
  fnName: (n: Node | undefined) => string,
): Effect[] | undefined {
  const slash = fn.lastIndexOf('/');
  let [mod, name] = fn.startsWith('node:') ? [fn.slice(5, slash), fn.slice(slash + 1)] : ['', ''];
  let rest = args;
  // `(.rmSync MODULE …)`: a method of a module object
  if (!mod && /^\.[A-Za-z]/.test(fn)) {
    mod = moduleOf(args[0], r, fnName);
    [name, rest] = [fn.slice(1), args.slice(1)];
  }
  if (mod === 'fs' && NODE_RM.test(name)) return rest[0] ? [{ kind: 'rm', target: r.value(rest[0]) }] : [];
  if (mod === 'child_process' && NODE_SHELL.test(name)) return [shell(r.value(rest[0]))];
  if (mod === 'child_process' && NODE_ARGV.test(name)) return [program(rest[0], rest[1], r)];
  if (fn === 'js/fetch') return [request(args[0], args[1], r)];
  if (fn === 'joker.http/send') return [request(undefined, args[0], r)];
  const joker = JOKER_OS.exec(fn);
  if (!joker) return undefined;
  switch (joker[1]) {
    case 'exec':
    case 'start': {
      return [program(args[0], r.get(args[1], ':args'), r)];
    }
    case 'sh':
    case 'sh-from': {
      const words = joker[1] === 'sh' ? args : args.slice(1);
      return words.length ? [{ kind: 'exec', argv: words.map((a) => r.value(a)) }] : [];
    }
    default:
      return args[0] ? [{ kind: 'rm', target: r.value(args[0]) }] : [];
  }
}
