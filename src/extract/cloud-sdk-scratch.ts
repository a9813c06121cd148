/**
 * A message-broker queue the same code declared transient and then deletes: its own scratch
 * queue, as a folder `mktemp -d` made is the script's own. A queue declared `exclusive` (only
 * this connection may use it; the broker refuses the declare when another holds one of that
 * name) or `auto_delete` (the broker removes it when its last consumer leaves) holds no one
 * else's messages. Read for pika, kombu and py-amqp's `channel.queue_declare(…)` and amqplib's
 * `channel.assertQueue(…)`: by the literal name declared, or by the variable the declare's
 * result is kept in (a server-named queue: `r = ch.queue_declare(queue='', exclusive=True)`,
 * then `ch.queue_delete(queue=r.method.queue)`). A durable queue, or one only deleted, is not
 * scratch. Pure: reads the code's text.
 */

/** A declare call and what it is assigned to: `res = ch.queue_declare(…)`, `const q = await ch.assertQueue(…)`. */
const DECLARE =
  /(?:\b(?:const|let|var)\s+)?(?:\b([A-Za-z_]\w*)\s*=\s*(?:await\s+)?)?[\w.]*\.(?:queue_declare|assertQueue)\s*\(/g;
/** A delete call: `ch.queue_delete(…)`, `ch.deleteQueue(…)` (up to the name's end). */
const DELETE = /\.(?:queue_delete|deleteQueue)(?=\s*\()/g;
/** Options that make a queue transient. */
const TRANSIENT = /\b(?:exclusive|auto_delete|autoDelete)\s*[=:]\s*(?:True|true)\b/;

/** The text of the call's arguments from `open` (just past its `(`) to its closing parenthesis. */
function argsText(code: string, open: number): string {
  let depth = 1;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return code.slice(open, i);
  }
  return code.slice(open);
}

/** The first argument (a `queue=` keyword taken off): a literal's text or the expression. */
function firstArg(args: string): { literal?: string; expr: string } {
  const named = /\bqueue\s*=\s*([^,)]+)/.exec(args)?.[1];
  const expr = (named ?? args.split(',')[0] ?? '').trim();
  const lit = /^(['"])([^'"]*)\1$/.exec(expr);
  return lit ? { literal: lit[2], expr } : { expr };
}

/** Whether the delete call whose arguments open at `at` removes a queue the code declared transient. */
function deletesScratchQueue(code: string, at: number): boolean {
  const names = new Set<string>();
  const holders = new Set<string>();
  for (const m of code.matchAll(DECLARE)) {
    const args = argsText(code, (m.index ?? 0) + m[0].length);
    if (!TRANSIENT.test(args)) continue;
    const { literal } = firstArg(args);
    if (literal) names.add(literal);
    if (m[1]) holders.add(m[1]);
  }
  const { literal, expr } = firstArg(argsText(code, at));
  if (literal !== undefined) return names.has(literal);
  // `r.method.queue`, `q.queue`, or a name assigned from one of them
  const held = (e: string) => holders.has(/^([A-Za-z_]\w*)\./.exec(e)?.[1] ?? '');
  if (held(expr)) return true;
  const assigned = /^[A-Za-z_]\w*$/.test(expr)
    ? new RegExp(`\\b${expr}\\s*=\\s*([\\w.]+)`).exec(code)?.[1]
    : undefined;
  return assigned !== undefined && held(assigned);
}

/** Where the name of each delete call of a queue the code declared transient ends. */
export function scratchQueueDeletes(code: string): Set<number> {
  const out = new Set<number>();
  for (const m of code.matchAll(DELETE)) {
    const end = (m.index ?? 0) + m[0].length;
    if (deletesScratchQueue(code, code.indexOf('(', end) + 1)) out.add(end);
  }
  return out;
}

/** True when the code deletes queues and every queue it deletes is one it declared transient. */
export function onlyScratchQueueDeletes(code: string): boolean {
  const deletes = [...code.matchAll(DELETE)].length;
  return deletes > 0 && scratchQueueDeletes(code).size === deletes;
}
