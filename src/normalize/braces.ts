/**
 * Brace expansion as bash does it before every other expansion's result is split:
 * comma lists and sequences (`{a..e}`, `{1..10..2}`), nested, on unquoted literal braces
 * only. The number of words and the total size of the words are capped; beyond either
 * an issue forces ask.
 */
import { chars, type Atom } from './atoms.js';
import { issue } from './state.js';
import type { Run } from './state.js';

/** Largest number of words one brace expansion may produce. */
export const MAX_BRACE_WORDS = 1000;

/**
 * Largest total size, in characters, of the words one brace expansion may hold at once
 * (`{a,b}{a,b}…` doubles its output per brace: counting words alone lets 1,000 words of
 * 100 KB each through).
 */
export const MAX_BRACE_CHARS = 256 * 1024;

/**
 * Largest number of characters one brace expansion may scan and copy in all (each step
 * scans and copies one word): bounds nested lists (`{a,{a,{a,…}}}`), whose output stays
 * small while the work grows with the square of the nesting.
 */
export const MAX_BRACE_WORK = 1_000_000;

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
  let size = a.length;
  let work = 0;
  while (todo.length > 0) {
    const cur = todo.shift()!;
    work += cur.length;
    const b = findBrace(cur);
    if (!b) {
      out.push(cur);
      continue;
    }
    const rest = cur.length - (b.close - b.open + 1);
    const grown = b.alts.reduce((n, alt) => n + rest + alt.length, 0) - cur.length;
    work += size + grown - (size - cur.length);
    if (size + grown > MAX_BRACE_CHARS || work > MAX_BRACE_WORK) {
      // fail closed: the word is kept unexpanded and dynamic; the issue forces ask.
      issue(
        k.run,
        'E_TOO_MANY_WORDS',
        `brace expansion needs more than ${MAX_BRACE_CHARS} characters of words or ${MAX_BRACE_WORK} steps`,
        span,
      );
      out.length = 0;
      out.push([...a, { c: '', q: true, s: false, d: true }]);
      return;
    }
    size += grown;
    for (const alt of b.alts) todo.push([...cur.slice(0, b.open), ...alt, ...cur.slice(b.close + 1)]);
    if (out.length + todo.length > MAX_BRACE_WORDS) {
      // fail closed: the words beyond the cap are dropped and the issue forces ask.
      issue(k.run, 'E_TOO_MANY_WORDS', `brace expansion produces more than ${MAX_BRACE_WORDS} words`, span);
      out.push(...todo.slice(0, MAX_BRACE_WORDS - out.length));
      return;
    }
  }
}
