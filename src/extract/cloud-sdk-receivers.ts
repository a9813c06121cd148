/**
 * Which receivers an SDK's container-like verbs act on (cloud-sdk.ts): a job queue's `clear`,
 * `empty`, `drain`, `flush`, `clean` and a SaaS client's `remove`, `del` are also the methods of
 * the program's own lists, sets, maps and dicts (`items.remove(x)`, `seen.clear()`). Such a call
 * is read as the SDK's unless its receiver is a value of the program's own: a literal
 * (`[1, 2]`, `{}`, a string), a built-in container (`set()`, `new Map()`, `deque()`), or a name
 * assigned from one. Fail closed: a receiver whose origin is not known here (a parameter, an
 * object's field, a name assigned from anything else) stays the SDK's. Other verbs
 * (`obliterate`, `purge`, `delete_all`) and Ruby's `&:clear` and `clear!` are read on any receiver.
 */
import { receiverOf, rootOf } from './cloud-sdk-names.js';

/** Verbs an SDK names that the program's own containers have too. */
const CONTAINER_VERB = /^(?:remove|del|clear|empty|clean|drain|flush)$/;

/** Built-in containers and the modules that make them (Python, JavaScript, Ruby). */
const BUILTIN =
  /^(?:set|list|dict|frozenset|tuple|deque|defaultdict|OrderedDict|Counter|bytearray|sorted|reversed|range|collections|queue|asyncio|Map|Set|WeakMap|WeakSet|Array|Object|Hash|String|JSON)$/;

/** An expression that is a literal: a list, dict, object, string or number. */
const LITERAL = /^\s*(?:[[{'"`\d-]|%[wiWI][([{])/;

/** `name = expr` assignments of the code (also `const`/`let`/`var`, `self.`/`this.`). */
function assignments(code: string): [string, string][] {
  return [
    ...code.matchAll(
      /(?:^|[;\n{(])[ \t]*(?:(?:const|let|var)[ \t]+|(?:this|self|@)\.?)?([A-Za-z_$][\w$]*)(?:[ \t]*:[ \t]*[\w.[\], <>|]+)?[ \t]*=(?![=>~])[ \t]*([^\n;]+)/g,
    ),
  ].map((m) => [m[1], m[2]]);
}

/** True when `expr` is a value of the program's own, given the names already known to hold one. */
function programValue(expr: string, own: Set<string>): boolean {
  const head = expr.replace(/^(?:\s*(?:await\s+|new\s+))*/, '');
  if (LITERAL.test(head)) return true;
  const root = rootOf(head);
  return !!root && (BUILTIN.test(root) || own.has(root));
}

/**
 * A test of one verb call of `code`: `name` called at `at` (the index of its `.` or `&:`).
 * True = read as the SDK's call (see the module comment).
 */
export function sdkReceiver(code: string): (name: string, at: number) => boolean {
  let own: Set<string> | undefined;
  return (name, at) => {
    if (!CONTAINER_VERB.test(name) || code.startsWith('&:', at)) return true;
    if (code[at + 1 + name.length] === '!') return true;
    const receiver = receiverOf(code, at);
    if (!receiver) return true;
    // a Ruby constant path (`Sidekiq::Queue.new.clear`) is the gem's
    const start = code.lastIndexOf(receiver, at);
    if (start > 0 && code[start - 1] === ':') return true;
    if (own === undefined) {
      own = new Set();
      const assigned = assignments(code);
      // a few passes: a name assigned from a name of the program's own
      for (let pass = 0; pass < 3; pass++)
        for (const [n, expr] of assigned) if (programValue(expr, own)) own.add(n);
      // fail closed: a name also assigned from something else may hold the SDK's object
      for (const [n, expr] of assigned) if (!programValue(expr, own)) own.delete(n);
    }
    return !programValue(receiver, own);
  };
}
