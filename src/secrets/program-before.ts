/**
 * A program's name earlier on the same command, found by a backwards walk in JS: the
 * pattern scanner's pre-filter for the program-keyed password options (context-flags.ts).
 *
 * Those patterns carry the same test as a regex look back,
 * `(?<=(?<![A-Za-z0-9_.-])(?:names)(?:\.exe)?(?=[ \t])[^\n;&|]{1,260})`, which the engine
 * runs by trying the name at each of up to 260 places: a few microseconds for every ` -p`
 * of a text, most of them in text that is no command at all. This walk reads each char once
 * and looks a word up only where a blank ends it. It answers exactly as that look back does
 * (test/secrets/program-before.test.ts compares them), so a family whose walk fails is
 * skipped as if its gate had failed; the regexes still decide every match. Pure: no I/O.
 */

/** Most chars between the blank after the program's name and the place the walk starts. */
export const PROGRAM_SPAN = 260;

/** Chars of a program's name: a run of them is one name (a path before it is fine). */
const NAME_CHAR = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-')
  NAME_CHAR[c.charCodeAt(0)] = 1;

/** A program-name test built once per list of names. */
export interface ProgramBefore {
  /**
   * Whether one of the names (as listed, in upper case, either with `.exe` in any case)
   * stands as a whole word followed by a blank or tab, with 1 to PROGRAM_SPAN chars between
   * that blank and `end` and none of them a newline, `;`, `&` or `|`.
   */
  test(s: string, end: number): boolean;
}

const cache = new WeakMap<readonly string[], ProgramBefore>();

/** The test for `programs` (built once per array: a family's members share theirs). */
export function programBefore(programs: readonly string[]): ProgramBefore {
  let t = cache.get(programs);
  if (!t) cache.set(programs, (t = build(programs)));
  return t;
}

function build(programs: readonly string[]): ProgramBefore {
  const names = new Set(programs.flatMap((p) => [p, p.toUpperCase()]));
  /** Per name length (index), 1 when some name has it: most words are skipped without a copy. */
  const lengths = new Uint8Array(64);
  /** Chars a name may end with (its last char). */
  const last = new Uint8Array(256);
  for (const n of names) {
    if (n.length < lengths.length) lengths[n.length] = 1;
    last[n.charCodeAt(n.length - 1) & 0xff] = 1;
  }
  const isName = (s: string, from: number, to: number): boolean => {
    const len = to - from;
    return len < lengths.length && lengths[len] === 1 && last[s.charCodeAt(to - 1) & 0xff] === 1
      ? names.has(s.slice(from, to))
      : false;
  };
  const isExe = (s: string, at: number): boolean =>
    s.charCodeAt(at) === 46 &&
    (s.charCodeAt(at + 1) | 32) === 101 &&
    (s.charCodeAt(at + 2) | 32) === 120 &&
    (s.charCodeAt(at + 3) | 32) === 101;
  return {
    test(s, end) {
      const lim = Math.max(0, end - PROGRAM_SPAN);
      let i = Math.min(end, s.length) - 1;
      while (i >= lim) {
        const c = s.charCodeAt(i);
        if (c === 10 || c === 59 || c === 38 || c === 124) return false;
        if ((c === 32 || c === 9) && i > 0) {
          // the whole run of name chars before this blank
          let k = i;
          while (k > 0) {
            const d = s.charCodeAt(k - 1);
            if (d > 255 || NAME_CHAR[d] === 0) break;
            k--;
          }
          if (k < i) {
            if (isName(s, k, i)) return true;
            if (i - k > 4 && isExe(s, i - 4) && isName(s, k, i - 4)) return true;
            // the run holds no blank or operator: the walk goes on before it
            i = k - 1;
            continue;
          }
        }
        i--;
      }
      return false;
    },
  };
}

/** The last walk's answer, kept while a family's members ask for the same test at the same place. */
export class WalkMemo {
  private test: ProgramBefore | null = null;
  private at = -1;
  private ok = true;

  /** Forget the last answer (a new family, or a new start). */
  reset(): void {
    this.test = null;
  }

  /** `test.test(s, at)`, walked once for a run of equal questions. */
  found(test: ProgramBefore, s: string, at: number): boolean {
    if (test !== this.test || at !== this.at) {
      [this.test, this.at] = [test, at];
      this.ok = test.test(s, at);
    }
    return this.ok;
  }
}
