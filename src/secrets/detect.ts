/**
 * The pattern detector. A fast trigger regex finds the literals every secret contains
 * (`ghp_`, `AKIA`, `://`, `token`, `key`, …); only there is each pattern tried, anchored.
 * Every pattern is tried independently and the masked regions are the union of all
 * hits, so a decision never depends on where a stream was cut. Pure: no I/O.
 */
import { CONTEXTS } from './context.js';
import { FORMATS, type SecretPattern } from './formats.js';
import { hitName, litAt, MAX_BACK, vetValue, type Compiled, type Family } from './families.js';
import { compileTables, type ScannerTables } from './scanner-tables.js';
import { buildProgram, FINAL, type NativeProgram, type TriggerFinder } from './native-scan.js';
import { nativeFinders, type CandidateFinder, type NativeFinders } from './trigger-finder.js';
import type { Hit, ScanResult } from './detect-types.js';
import { WalkMemo } from './program-before.js';

export type { Hit, ScanResult } from './detect-types.js';

/** The compiled patterns and trigger search; `scan` finds the secrets of a text (see the header). */
export class PatternScanner {
  /** Longest match any pattern can produce (plus the backwards reach). */
  readonly maxLength: number;
  /** The compiled patterns and the trigger tables (scanner-tables.ts). */
  private readonly t: ScannerTables;
  /** The native position filter (same positions as the JS loop), or null: the JS loop. */
  private readonly finder: CandidateFinder | null;
  /** The native trigger search and its tables, or null: positions from `finder` or the JS loop. */
  private readonly triggers: TriggerFinder | null;
  private native: NativeProgram | null = null;
  /** The trigger search's output, (t, entry, start) triples (grown as needed). */
  private triples = new Int32Array(0);
  /** Extra flags of the native search (SCALAR, NO_AVX2 from native-scan.ts), for tests and benches; 0 = fastest. */
  nativeFlags = 0;
  /** The native filter's output (grown as needed). */
  private positions = new Int32Array(0);

  /**
   * `finder`: the native addon (or its position filter alone); absent = the built addon if it loads, null = the
   * JS loop (the output is the same either way).
   */
  constructor(
    patterns: SecretPattern[] = [...FORMATS, ...CONTEXTS],
    finder?: NativeFinders | CandidateFinder | null,
    /** Build the families' `gate` regexes (false: try every member, for comparisons). */
    gates = true,
  ) {
    const nat =
      finder === undefined ? nativeFinders() : typeof finder === 'function' ? { candidates: finder } : finder;
    this.finder = nat?.candidates ?? null;
    this.triggers = nat?.triggers ?? null;
    this.t = compileTables(patterns, gates);
    this.maxLength = this.t.maxLength;
  }

  /**
   * Scan `s`; text before `from` was already emitted and is context only. With `final`
   * the input ends at `s.length`; otherwise more may follow and undecided matches are
   * reported through `hold`. `bytes`, when given, is `s` as latin1 bytes (saves a copy).
   */
  scan(s: string, from: number, final = true, bytes?: Uint8Array): ScanResult {
    const hits: Hit[] = [];
    let hold = s.length;
    const n = s.length;
    /**
     * Starts already tried in this scan, per pattern index; `max` is the largest. Starts
     * mostly come in increasing order, so a new one is usually above `max` (no search).
     */
    const tried: { max: number; starts: number[] }[] = [];

    const tryAt = (c: Compiled, start: number, pendingOnly: boolean): void => {
      const tr = tried[c.index];
      if (tr === undefined) tried[c.index] = { max: start, starts: [start] };
      else if (start > tr.max) {
        tr.max = start;
        tr.starts.push(start);
      } else if (start === tr.max || tr.starts.includes(start)) return;
      else tr.starts.push(start);
      // undecided: a longer or different match may still follow
      const undecided = (): void => {
        let valueStart = n;
        if (c.valueAtStart) valueStart = start;
        else {
          c.lead.lastIndex = start;
          const lm = c.lead.exec(s);
          if (lm && start + lm[0].length < n) valueStart = start + lm[0].length;
        }
        hold = Math.min(hold, Math.max(from, valueStart));
      };
      if (!final && start >= n - c.maxLength) {
        c.partial.lastIndex = start;
        if (c.partial.test(s)) return undecided();
      }
      if (pendingOnly) return;
      c.parts.lastIndex = start;
      const m = c.parts.exec(s);
      if (m && !final && c.mid) {
        // A lookahead that reads on past the match (`value`, blanks, end of line) may reach
        // beyond the partial window. Decided only if it holds without the end of this
        // buffer; otherwise the next bytes decide. fail closed: hold, never emit the value.
        c.mid.lastIndex = start;
        const mm = c.mid.exec(s);
        if (!mm || mm[1].length !== m[1].length || mm[2].length !== m[2].length) return undecided();
      }
      if (!m || !vetValue(c.p, m[2])) return;
      const vs = start + m[1].length;
      if (vs < from) return; // decided and emitted with an earlier chunk
      hits.push({ start: vs, end: vs + m[2].length, name: hitName(c.p, m[1]), pattern: c.p.id });
    };

    const visit = (fam: Family, t: number, pendingOnly: boolean): void => {
      const start = startOf(fam, t);
      if (start >= 0) tryFamily(fam, start, pendingOnly);
    };

    /**
     * The last forward run of a back class: from runFrom, the chars up to runEnd are in
     * `runBack` (runEnd is not, or is the end). A trigger inside it ends its run there too:
     * a long run of key-name chars full of triggers is scanned once, not once per trigger.
     */
    let runBack: Uint8Array | null = null;
    let runFrom = -1;
    let runEnd = -1;

    /** Where `fam`'s matches around the trigger at t start, or -1 when its follow filter fails. */
    const startOf = (fam: Family, t: number): number => {
      let start = t;
      if (fam.back) {
        const back = fam.back;
        const lim = Math.max(0, t - MAX_BACK);
        while (start > lim && back[s.charCodeAt(start - 1) & 0xff] === 1 && s.charCodeAt(start - 1) < 256)
          start--;
        if (fam.follow) {
          let end: number;
          if (back === runBack && t >= runFrom && t <= runEnd) end = runEnd;
          else {
            end = t;
            while (end < n && back[s.charCodeAt(end) & 0xff] === 1 && s.charCodeAt(end) < 256) end++;
            [runBack, runFrom, runEnd] = [back, t, end];
          }
          if (end < n || final) {
            fam.follow.lastIndex = end;
            if (!fam.follow.test(s)) return -1;
          }
        }
      }
      return start;
    };

    const walks = new WalkMemo();
    const tryFamily = (fam: Family, start: number, pendingOnly: boolean): void => {
      // No member of a group matches at `start` when the group's gate does not: each is
      // then only checked for a match still in progress (the same as a failed `parts`).
      // Bit g of `tested` / `failed`: gate g was tested here / did not match.
      let tested = 0;
      let failed = 0;
      walks.reset();
      const { members, gates, gateOf } = fam;
      for (let i = 0; i < members.length; i++) {
        const c = members[i];
        const g = gateOf[i];
        let none = false;
        // the same answer as the pattern's look back (program-before.ts), far cheaper
        if (!pendingOnly && c.before) none = !walks.found(c.before, s, start + c.beforeAt);
        if (!none && !pendingOnly && g >= 0) {
          if ((tested & (1 << g)) === 0) {
            tested |= 1 << g;
            gates[g].lastIndex = start;
            if (!gates[g].test(s)) failed |= 1 << g;
          }
          none = (failed & (1 << g)) !== 0;
        }
        // Without a match here, only a match still in progress near the end can matter.
        if (none && (final || start < n - c.maxLength)) continue;
        tryAt(c, start, pendingOnly || none);
      }
    };

    const { pairIndex, pairLists, third } = this.t;
    /** Visits every family whose trigger starts at `t` (a position the pair filter kept). */
    const at = (t: number, k: number): void => {
      for (const e of pairLists[k - 1]) {
        for (const lit of e.lits) {
          if (litAt(s, t, lit)) {
            visit(e.fam, t, false);
            break;
          }
        }
      }
    };
    if (this.t.pairable) {
      // Every position whose first two bytes can start a trigger, in order (overlapping);
      // the same families, in the same order, as the trigger regex below would visit.
      // Bytes are read from a copy (a typed-array loop is several times faster than
      // charCodeAt); a char above 0xff keeps its low byte there, litAt then rejects it.
      const b = bytes ?? Buffer.from(s, 'latin1');
      let count = -1;
      // The native trigger search reads bytes only: a char above 0xff would look like its low byte.
      const r = this.triggers && (bytes !== undefined || !WIDE.test(s)) ? this.search(b, final) : -1;
      if (r >= 0) {
        const { entryFam, followInJs } = this.native!;
        const tr = this.triples;
        for (let i = 0; i < r; i += 3) {
          const fam = entryFam[tr[i + 1]];
          const start = followInJs[tr[i + 1]] ? startOf(fam, tr[i]) : tr[i + 2];
          if (start >= 0) tryFamily(fam, start, false);
        }
      } else if (this.finder) {
        if (this.positions.length < n) this.positions = new Int32Array(Math.max(n, 1 << 16));
        count = this.finder(b, pairIndex, third, this.t.pairBits, this.positions);
      }
      if (r >= 0) {
        // done above
      } else if (count >= 0) {
        const pos = this.positions;
        for (let i = 0; i < count; i++) {
          const t = pos[i];
          at(t, pairIndex[(b[t] << 8) | b[t + 1]]);
        }
      } else {
        for (let t = 0; t < n - 1; t++) {
          const k = pairIndex[(b[t] << 8) | b[t + 1]];
          if (k === 0 || (t + 2 < n && third[(k - 1) * 256 + b[t + 2]] === 0)) continue;
          at(t, k);
        }
      }
    } else {
      const re = this.t.anyTrigger;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null) {
        const t = m.index;
        re.lastIndex = t + 1; // overlapping: every position where a trigger starts
        for (const fam of this.t.byFirst.get(s[t]) ?? []) {
          fam.trigger.lastIndex = t;
          if (fam.trigger.test(s)) visit(fam, t, false);
        }
      }
    }
    if (!final) {
      // A trigger cut off at the end (`gh`, `-----BEG`, `TOK`): a match may start there.
      for (let t = Math.max(0, n - this.t.longestTrigger + 1); t < n; t++) {
        for (const fam of this.t.prefixes.get(s.slice(t).toLowerCase()) ?? []) visit(fam, t, true);
      }
    }
    return { hits, hold };
  }

  /**
   * Runs the native trigger search on `b`; the number of ints it wrote to `triples`, or -1
   * when it refused (then the caller scans another way). fail closed: never "no triggers".
   */
  private search(b: Uint8Array, final: boolean): number {
    const p = (this.native ??= buildProgram(
      this.t.pairIndex,
      this.t.third,
      this.t.pairLists,
      this.t.families,
    ));
    const flags = (final ? FINAL : 0) | this.nativeFlags;
    const cap = 3 * Math.max(4096, b.length >> 3);
    // a buffer grown for one trigger-dense text is not kept for ever
    if (this.triples.length < cap || this.triples.length > 4 * cap) this.triples = new Int32Array(cap);
    try {
      const run = (): number =>
        this.triggers!(
          b,
          this.t.pairIndex,
          this.t.third,
          p.teddy,
          p.prog,
          p.tab,
          this.triples,
          flags,
          p.prefix,
        );
      let r = run();
      if (r === -2) {
        // more triples than room: the most one position can give, everywhere
        this.triples = new Int32Array(3 * (b.length * p.maxEntries + 1));
        r = run();
      }
      return r;
    } catch {
      return -1;
    }
  }
}

/** A char above 0xff. */
const WIDE = /[^\x00-\xff]/;

let shared: PatternScanner | undefined;

/** The default scanner (compiled once per process). */
export function patternScanner(): PatternScanner {
  return (shared ??= new PatternScanner());
}

/** Every secret the patterns find in `text` (value positions and names; may overlap). */
export function detectSecrets(text: string): Hit[] {
  return patternScanner().scan(text, 0, true).hits;
}
