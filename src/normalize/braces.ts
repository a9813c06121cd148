/**
 * Brace expansion as bash does it before every other expansion's result is split:
 * comma lists and sequences (`{a..e}`, `{1..10..2}`), nested, on unquoted literal braces
 * only. The number of words and the characters they hold are capped; beyond either an
 * issue forces ask, so one word like `{a,b}{a,b}…` can neither exhaust memory nor stall.
 */
import { chars, type Atom } from './atoms.js';
import { issue } from './state.js';
import type { Run } from './state.js';

/** Largest number of words one brace expansion may produce. */
export const MAX_BRACE_WORDS = 1000;

/** Most characters (atoms) all the words of one brace expansion may hold together. */
export const MAX_BRACE_CHARS = 64 * 1024;

/** Most characters one brace expansion may scan and copy in all (bounds nested lists). */
export const MAX_BRACE_WORK = 1024 * 1024;

function findBrace(a: Atom[]): { open: number; close: number; alts: Atom[][] } | undefined {
  const plain = (i: number, ch: string) => a[i].c === ch && !a[i].q && !a[i].s && !a[i].d;
  for (let open = 0; open < a.length; open++) {
    if (!plain(open, '{')) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = open + 1; j < a.length; j++) {
      if (plain(j, '{')) depth++;
      else if (plain(j, '}')) {
        if (depth === 0) {
          if (commas.length > 0) {
            const alts: Atom[][] = [];
            let s = open + 1;
            for (const c of [...commas, j]) {
              alts.push(a.slice(s, c));
              s = c + 1;
            }
            return { open, close: j, alts };
          }
          const body = a.slice(open + 1, j);
          const seq = sequence(body.map((x) => x.c).join(''));
          if (seq && body.every((x) => !x.q && !x.d))
            return { open, close: j, alts: seq.map((t) => chars(t, false, false)) };
          break;
        }
        depth--;
      } else if (depth === 0 && plain(j, ',')) commas.push(j);
    }
  }
  return undefined;
}

function sequence(body: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]);
  if (numeric !== /\d/.test(m[2])) return undefined;
  const a = numeric ? Number(m[1]) : m[1].charCodeAt(0);
  const b = numeric ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  if (Math.abs(b - a) / step > MAX_BRACE_WORDS) return undefined;
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step)
    out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}

/**
 * Brace expansion (`{a,b}`, `{1..5}`, nested) of one word's atoms into `out`, capped at
 * MAX_BRACE_WORDS words.
 */
export function braceExpand(a: Atom[], out: Atom[][], k: { run: Run }, span: [number, number]): void {
  const todo: Atom[][] = [a];
  /** Characters held by `out` and `todo` together. */
  let size = a.length;
  let work = 0;
  while (todo.length > 0) {
    const cur = todo.shift()!;
    work += cur.length;
    if (work > MAX_BRACE_WORK) {
      // fail closed: the rest is not expanded; the words stay as written and the issue forces ask.
      issue(k.run, 'E_TOO_MANY_WORDS', 'brace expansion is too large to analyse', span);
      out.push(cur, ...todo.splice(0, MAX_BRACE_WORDS - out.length - 1));
      return;
    }
    const b = findBrace(cur);
    if (!b) {
      out.push(cur);
    } else {
      size -= cur.length;
      const rest = cur.length - (b.close + 1 - b.open);
      for (const alt of b.alts) size += rest + alt.length;
      if (size > MAX_BRACE_CHARS) {
        // fail closed: the expansion is not built; the word stays as written and the issue forces ask.
        issue(
          k.run,
          'E_TOO_MANY_WORDS',
          `brace expansion produces more than ${MAX_BRACE_CHARS} characters`,
          span,
        );
        out.push(cur, ...todo.splice(0, MAX_BRACE_WORDS - out.length - 1));
        return;
      }
      for (const alt of b.alts) todo.push([...cur.slice(0, b.open), ...alt, ...cur.slice(b.close + 1)]);
    }
    if (out.length + todo.length > MAX_BRACE_WORDS) {
      // fail closed: the words beyond the cap are dropped and the issue forces ask.
      issue(k.run, 'E_TOO_MANY_WORDS', `brace expansion produces more than ${MAX_BRACE_WORDS} words`, span);
      out.push(...todo.slice(0, MAX_BRACE_WORDS - out.length));
      return;
    }
  }
}
