/**
 * The lines of an admin shell whose commands are `[object…] VERB [object] [name] [options]`,
 * read by their shape rather than one table per shell: TIBCO EMS's `delete queue orders.in`,
 * `purge all topics`, SeaweedFS's `collection.delete -collection=logs`, `fs.rm -r /buckets/x`,
 * Pulsar's shell `admin topics delete persistent://t/ns/x`. A verb that removes the thing it
 * names (delete, drop, remove, rm, destroy, erase, wipe) reads as a DROP of that object; one
 * that empties it and keeps it (purge, truncate, clear, flush) as a TRUNCATE. Lines without
 * such a verb among their first command words (show, list, info, stat, `volume.deleteEmpty`)
 * read as nothing.
 */
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** Verbs that remove what they name. */
const REMOVE = /^(delete|del|drop|remove|rm|rmdir|destroy|erase|wipe)$/i;
/** Verbs that empty what they name and keep it. */
const EMPTY = /^(purge|truncate|clear|flush|flushall|flushdb)$/i;
/** A command word: letters, digits, `-` and `_` (not an option, path, URL or `k=v`). */
const WORD = /^[A-Za-z][\w-]*$/;
/** Comment lines of these shells (`#`, `//`, `--`). */
const COMMENT = /^\s*(#|\/\/|--\s)/;

/** `topics` → `TOPIC`, `collection` → `COLLECTION`, `fs` → `FS`. */
function objectName(word: string): string {
  const w = word.toUpperCase();
  return w.length > 3 && /[^S]S$/.test(w) ? w.slice(0, -1) : w;
}

/**
 * The value of an option naming the thing acted on (`-collection=logs`, `-name logs`,
 * `--volumeId=7`, `name=orders`), for an object word; '' when none.
 */
function optionName(args: string[], object: string): string {
  const keys = new Set(['name', object.toLowerCase(), `${object.toLowerCase()}id`, 'id']);
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([A-Za-z]+)(?:=(.*))?$|^([A-Za-z]+)=(.*)$/.exec(args[i]);
    if (m?.[3] && keys.has(m[3].toLowerCase())) return m[4];
    if (!m?.[1] || !keys.has(m[1].toLowerCase())) continue;
    return m[2] ?? args[i + 1] ?? '';
  }
  return '';
}

/** The statement of one command line; undefined = it deletes or empties nothing. */
export function verbLine(line: string, label: string): Stmt | undefined {
  if (COMMENT.test(line)) return undefined;
  const words = line.trim().replace(/;$/, '').split(/\s+/).filter(Boolean);
  /** The command words: the leading words, the first one split at its dots (`collection.delete`). */
  const head: string[] = [];
  let at = 0;
  for (; at < words.length && head.length < 4; at++) {
    const parts = at === 0 ? words[at].split('.') : [words[at]];
    if (!parts.every((p) => WORD.test(p))) break;
    head.push(...parts);
  }
  const v = head.findIndex((w) => REMOVE.test(w) || EMPTY.test(w));
  if (v < 0 || v > 2) return undefined;
  const statement = EMPTY.test(head[v]) ? 'TRUNCATE' : 'DROP';
  // `purge all queues` / `delete all topics`: every one of them.
  const all = head[v + 1]?.toLowerCase() === 'all';
  const objectWord = v > 0 ? head[v - 1] : head[all ? v + 2 : v + 1];
  const object = objectWord ? objectName(objectWord) : '';
  // What follows the object word: a name given as an option, else as an operand.
  const usedHead = v > 0 ? v + 1 : all ? v + 3 : v + 2;
  const rest = [...head.slice(usedHead), ...words.slice(at)];
  const operand = rest.find((w) => !w.startsWith('-') && !/^\w+=/.test(w)) ?? '';
  const name = all ? '*' : optionName(rest, object) || operand;
  return storeStmt(statement, object, name, true, label);
}

/** The statements of shell text: one command per line (or `;`-separated on one line). */
export function verbLines(text: string, label: string): Stmt[] {
  return text
    .split(/\r?\n|;\s+/)
    .map((l) => verbLine(l, label))
    .filter((s): s is Stmt => s !== undefined);
}
